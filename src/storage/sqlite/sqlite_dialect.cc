// SQLite, the embedded default: one file (or memory), WAL journal so readers never wait for the
// writer, foreign keys on, a busy timeout so concurrent writers (threads or processes) queue
// instead of failing, and synchronous=NORMAL unless configured. Write transactions start with
// BEGIN IMMEDIATE so that two writers never deadlock upgrading a read lock.
// Search uses FTS5 (porter stemming over unicode61 tokens); backup and restore the online
// backup API.
#include <soci/sqlite3/soci-sqlite3.h>
#include "storage/soci.h"

#include <cstring>

#include "base/text.h"
#include "storage/dialect.h"
#include "storage/row.h"
#include "storage/search_query.h"

namespace ladder::storage::internal {
namespace {

// SOCI includes sqlite3.h inside this namespace.
using namespace sqlite_api;

sqlite3* Handle(soci::session& s) {
  return static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
}

class SqliteDialect final : public Dialect {
 public:
  SqliteDialect(std::string path, const OpenOptions& options)
      : path_(std::move(path)), options_(options) {}

  std::string_view Name() const override { return "sqlite"; }
  const std::vector<Migration>& Migrations() const override { return SqliteMigrations(); }
  int DefaultPoolSize() const override { return path_ == ":memory:" ? 1 : 4; }

  std::unique_ptr<soci::session> Connect() const override {
    auto s = std::make_unique<soci::session>(
        soci::sqlite3,
        "db=\"" + path_ + "\" timeout=" + std::to_string((options_.busy_timeout_ms + 999) / 1000));
    sqlite3_busy_timeout(Handle(*s), options_.busy_timeout_ms);
    if (path_ != ":memory:") *s << "PRAGMA journal_mode = WAL";
    *s << "PRAGMA foreign_keys = ON";
    std::string sync = text::ToLower(options_.synchronous) == "full" ? "FULL" : "NORMAL";
    *s << "PRAGMA synchronous = " + sync;
    return s;
  }

  std::string BeginWrite() const override { return "BEGIN IMMEDIATE"; }

  void ExecScript(soci::session& s, const std::string& script) const override {
    char* err = nullptr;
    if (sqlite3_exec(Handle(s), script.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw soci::soci_error("migration failed: " + msg);
    }
  }

  void LockForMigration(soci::session&) const override {
    // BEGIN IMMEDIATE already holds the only write lock of the file.
  }

  ErrorCode Classify(const soci::soci_error& e) const override {
    std::string msg = e.get_error_message();
    if (msg.find("database is locked") != std::string::npos ||
        msg.find("database is busy") != std::string::npos ||
        msg.find("unable to open") != std::string::npos)
      return ErrorCode::kUnavailable;
    if (msg.find("UNIQUE constraint") != std::string::npos ||
        msg.find("PRIMARY KEY") != std::string::npos)
      return ErrorCode::kAlreadyExists;
    if (msg.find("FOREIGN KEY") != std::string::npos) return ErrorCode::kConflict;
    if (msg.find("fts5") != std::string::npos || msg.find("syntax error") != std::string::npos)
      return ErrorCode::kInvalidArgument;
    return ErrorCode::kInternal;
  }

  Result<std::vector<SearchHit>> Search(soci::session& s, std::string_view query,
                                        const SearchOptions& options) const override {
    ParsedQuery parsed = ParseSearchQuery(query);
    if (parsed.terms.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "nothing to search for in \"" + std::string(query) + "\"");
    // Every term quoted: FTS5 reads them as phrases and never as operators.
    std::string match;
    for (const auto& term : parsed.terms) {
      if (!match.empty()) match += " ";
      match += "\"" + text::ReplaceAll(term, "\"", "\"\"") + "\"";
    }
    std::string sql =
        "SELECT p.kind, p.framework, fv.name, p.version, p.track, p.level, p.level_title, "
        "p.competency, p.title, snippet(passages_fts, -1, char(2), char(3), '…', 24), "
        "bm25(passages_fts, 2.0, 1.0) FROM passages_fts JOIN passages p ON p.id = "
        "passages_fts.rowid JOIN framework_versions fv ON fv.framework = p.framework AND "
        "fv.version = p.version WHERE passages_fts MATCH :q AND " +
        SearchVersionFilter(options);
    std::string fw = options.framework;
    if (!fw.empty()) sql += " AND p.framework = :fw";
    sql += " ORDER BY bm25(passages_fts, 2.0, 1.0), p.framework, p.id";
    if (options.limit > 0) sql += " LIMIT " + std::to_string(options.limit);
    std::vector<SearchHit> out;
    auto collect = [&](soci::rowset<soci::row>& rows) {
      for (const auto& r : rows) out.push_back(HitFrom(r));
    };
    if (fw.empty()) {
      soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(match));
      collect(rows);
    } else {
      soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(match), soci::use(fw));
      collect(rows);
    }
    for (auto& hit : out) hit.score = -hit.score;  // bm25: lower is better
    return out;
  }

  Status Backup(soci::session& s, std::string_view path) const override {
    return CopyDatabase(Handle(s), std::string(path));
  }

  Status Restore(soci::session& s, std::string_view path) const override {
    std::string file(path);
    sqlite3* src = nullptr;
    if (sqlite3_open_v2(file.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      std::string msg = src ? sqlite3_errmsg(src) : "cannot open";
      sqlite3_close(src);
      return MakeError(ErrorCode::kIo, "cannot open backup " + file + ": " + msg);
    }
    sqlite3_stmt* stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(src, "SELECT MAX(version) FROM schema_version", -1, &stmt, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
      version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    const auto& all = Migrations();
    int known = all.empty() ? 0 : all.back().number;
    if (version <= 0) {
      sqlite3_close(src);
      return MakeError(ErrorCode::kInvalidArgument,
                       file +
                           " is not a Ladder backup (no schema_version table); nothing "
                           "was changed");
    }
    if (version > known) {
      sqlite3_close(src);
      return MakeError(ErrorCode::kFailedPrecondition,
                       file + " was written by a newer Ladder (schema " + std::to_string(version) +
                           ", this binary knows up to " + std::to_string(known) +
                           "); nothing was changed");
    }
    sqlite3* dst = Handle(s);
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
      std::string msg = sqlite3_errmsg(dst);
      sqlite3_close(src);
      return MakeError(ErrorCode::kUnavailable, "cannot restore: " + msg);
    }
    int rc;
    do {
      rc = sqlite3_backup_step(b, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    sqlite3_close(src);
    if (rc != SQLITE_DONE)
      return MakeError(ErrorCode::kIo, std::string("restore failed: ") + sqlite3_errstr(rc));
    // A backup of an older schema is brought up to date by the next open's migrations.
    return Ok();
  }

 private:
  static SearchHit HitFrom(const soci::row& r) {
    SearchHit h;
    std::string kind = GetStr(r, 0);
    for (HitKind k : {HitKind::kBehaviour, HitKind::kLevelSummary, HitKind::kExpectationSummary,
                      HitKind::kAttribute, HitKind::kRequirement, HitKind::kNote, HitKind::kRole})
      if (kind == HitKindName(k)) h.kind = k;
    h.framework = GetStr(r, 1);
    h.framework_name = GetStr(r, 2);
    h.version = GetStr(r, 3);
    h.track = GetStr(r, 4);
    h.level = GetStr(r, 5);
    h.level_title = GetStr(r, 6);
    h.competency = GetStr(r, 7);
    h.title = GetStr(r, 8);
    h.snippet = GetStr(r, 9);
    h.score = GetDouble(r, 10);
    return h;
  }

  static Status CopyDatabase(sqlite3* from, const std::string& path) {
    sqlite3* dst = nullptr;
    if (sqlite3_open_v2(path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      std::string msg = dst ? sqlite3_errmsg(dst) : "cannot open";
      sqlite3_close(dst);
      return MakeError(ErrorCode::kIo, "cannot write backup " + path + ": " + msg);
    }
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", from, "main");
    if (!b) {
      std::string msg = sqlite3_errmsg(dst);
      sqlite3_close(dst);
      return MakeError(ErrorCode::kIo, "cannot write backup " + path + ": " + msg);
    }
    int rc;
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    sqlite3_close(dst);
    if (rc != SQLITE_DONE)
      return MakeError(ErrorCode::kIo,
                       "backup to " + path + " failed: " + std::string(sqlite3_errstr(rc)));
    return Ok();
  }

  std::string path_;
  OpenOptions options_;
};

}  // namespace

std::unique_ptr<Dialect> MakeSqliteDialect(std::string path, const OpenOptions& options) {
  return std::make_unique<SqliteDialect>(std::move(path), options);
}

}  // namespace ladder::storage::internal
