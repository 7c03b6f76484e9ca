// SQLite, the embedded default: one file (or memory), WAL journal so readers never wait for the
// writer, foreign keys on, a busy timeout so concurrent writers (threads or processes) queue
// instead of failing, and synchronous=NORMAL unless configured. Write transactions start with
// BEGIN IMMEDIATE so that two writers never deadlock upgrading a read lock.
// Search pre-selects with FTS5 over the stemmed `terms` of each passage (ascii tokenizer: the
// terms are already folded and stemmed, search_text.h); backup and restore use the online
// backup API.
#include <soci/sqlite3/soci-sqlite3.h>
#include "storage/soci.h"

#include <cstring>

#include "base/text.h"
#include "storage/dialect.h"

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
  // In WAL mode a deferred transaction reads one snapshot and never blocks the writer.
  std::string BeginSnapshot() const override { return "BEGIN"; }

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
    if (IsBusy(e) || msg.find("unable to open") != std::string::npos)
      return ErrorCode::kUnavailable;
    if (msg.find("UNIQUE constraint") != std::string::npos ||
        msg.find("PRIMARY KEY") != std::string::npos)
      return ErrorCode::kAlreadyExists;
    if (msg.find("FOREIGN KEY") != std::string::npos) return ErrorCode::kConflict;
    if (msg.find("fts5") != std::string::npos || msg.find("syntax error") != std::string::npos)
      return ErrorCode::kInvalidArgument;
    return ErrorCode::kInternal;
  }

  bool IsBusy(const soci::soci_error& e) const override {
    if (auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
      int code = se->result() & 0xff;
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return true;
    }
    std::string msg = e.get_error_message();
    return msg.find("database is locked") != std::string::npos ||
           msg.find("database is busy") != std::string::npos ||
           msg.find("database table is locked") != std::string::npos;
  }
  bool SerialWrites() const override { return true; }

  std::string CandidateFrom() const override {
    return "passages_fts JOIN passages p ON p.id = passages_fts.rowid";
  }
  // Every stem quoted: FTS5 reads each as a one-word phrase, never as an operator.
  std::string CandidateWhere(soci::session&, const std::vector<std::string>& stems,
                             std::string* param) const override {
    param->clear();
    for (const auto& stem : stems) {
      if (!param->empty()) *param += " ";
      *param += "\"" + text::ReplaceAll(stem, "\"", "\"\"") + "\"";
    }
    return "passages_fts MATCH :q";
  }

  std::size_t RowsPerInsert() const override { return 1; }
  // Writers are serialised, so audit ids commit in order and every write adds one: the newest
  // id says whether anything was written.
  std::string WriteStampQuery() const override {
    return "SELECT CAST(COALESCE(MAX(id), 0) AS TEXT) FROM audit_log";
  }

  // AUTOINCREMENT takes explicit ids and moves its sequence past them by itself.
  std::string OverridingIdentity() const override { return ""; }
  void AfterExplicitIds(soci::session&, const std::string&) const override {}

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
