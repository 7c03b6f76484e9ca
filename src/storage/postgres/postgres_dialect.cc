// PostgreSQL 15, for organisations that run several `ladder serve` processes on one database.
// Search pre-selects with a stored tsvector ('simple' configuration over the already folded and
// stemmed `terms` of each passage, search_text.h) and a GIN index. Migrations of concurrent
// processes are serialised by an advisory lock. Backup is pg_dump's job (docs/operations.md).
#include <dlfcn.h>
#include <unistd.h>

#include "storage/soci.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "base/text.h"
#include "storage/dialect.h"
#include "storage/postgres/postgres_module.h"

namespace ladder::storage::internal {
namespace {

// The module's entry points (postgres_module.h).
struct PgModule {
  LadderPgFactory factory = nullptr;
  LadderPgExec exec = nullptr;
  LadderPgSqlstate sqlstate = nullptr;
};

// The folders the module is looked for in: $LADDER_MODULE_DIR alone when it is set; else
// lib/ladder beside the executable's folder (an installed /usr/bin/ladder finds
// /usr/lib/ladder), then the build tree's.
std::vector<std::filesystem::path> ModuleDirs() {
  std::vector<std::filesystem::path> dirs;
  if (const char* dir = std::getenv("LADDER_MODULE_DIR"); dir && *dir) return {dir};
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back(exe.parent_path().parent_path() / "lib" / "ladder");
#ifdef LADDER_BUILD_MODULE_DIR
  dirs.emplace_back(LADDER_BUILD_MODULE_DIR);
#endif
  return dirs;
}

// Loads the module once per process; it stays loaded. kFailedPrecondition, naming where it
// was looked for, when it cannot be loaded.
Result<PgModule> LoadModule() {
  static const Result<PgModule> loaded = []() -> Result<PgModule> {
    std::vector<std::string> tried;
    for (const std::filesystem::path& dir : ModuleDirs()) {
      std::filesystem::path file = dir / "ladder-postgres.so";
      if (access(file.c_str(), R_OK) != 0) {
        tried.push_back(file.string());
        continue;
      }
      void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        tried.push_back(file.string() + " (" + dlerror() + ")");
        continue;
      }
      PgModule m;
      m.factory = reinterpret_cast<LadderPgFactory>(dlsym(handle, "ladder_pg_factory"));
      m.exec = reinterpret_cast<LadderPgExec>(dlsym(handle, "ladder_pg_exec"));
      m.sqlstate = reinterpret_cast<LadderPgSqlstate>(dlsym(handle, "ladder_pg_sqlstate"));
      if (m.factory && m.exec && m.sqlstate) return m;
      tried.push_back(file.string() + " (not Ladder's PostgreSQL module)");
    }
    return MakeError(ErrorCode::kFailedPrecondition,
                     "PostgreSQL support is not installed: no module ladder-postgres.so could be "
                     "loaded (tried " +
                         text::Join(tried, ", ") + "; set LADDER_MODULE_DIR to its folder)",
                     {}, "database");
  }();
  return loaded;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int v = 0;
      if (std::sscanf(std::string(s.substr(i + 1, 2)).c_str(), "%2x", &v) == 1) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// libpq keyword/value form of a postgresql:// URL (SOCI's PostgreSQL backend rewrites URLs it
// is given, so it gets keywords): postgresql://user:pw@host:port/db?sslmode=require ->
// "host='host' port='port' dbname='db' user='user' password='pw' sslmode='require'".
std::string KeywordForm(std::string_view url) {
  auto quote = [](std::string v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  std::string db;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    db = PercentDecode(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  std::string user, password;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = cred.find(':');
    user = PercentDecode(cred.substr(0, colon));
    if (colon != std::string_view::npos) password = PercentDecode(cred.substr(colon + 1));
  }
  std::string host(rest), port;
  if (auto colon = host.rfind(':');
      colon != std::string::npos && host.find(']') == std::string::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  std::string out;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "=" + quote(value);
  };
  add("host", PercentDecode(host));
  add("port", port);
  add("dbname", db);
  add("user", user);
  add("password", password);
  for (const std::string& kv : text::Split(query, '&')) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string key = kv.substr(0, eq);
    if (!out.empty()) out += ' ';
    out += key + "=" + quote(PercentDecode(kv.substr(eq + 1)));
  }
  return out;
}

class PostgresDialect final : public Dialect {
 public:
  PostgresDialect(std::string url, PgModule module)
      : conninfo_(KeywordForm(url)), module_(module) {}

  std::string_view Name() const override { return "postgresql"; }
  const std::vector<Migration>& Migrations() const override { return PostgresMigrations(); }
  int DefaultPoolSize() const override { return 4; }

  std::unique_ptr<soci::session> Connect() const override {
    auto s = std::make_unique<soci::session>(*module_.factory(), conninfo_);
    *s << "SET client_min_messages = warning";
    return s;
  }

  std::string BeginWrite() const override { return "BEGIN"; }
  std::string BeginSnapshot() const override {
    return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  }

  void ExecScript(soci::session& s, const std::string& script) const override {
    // A script of comments only (a step Ladder computes) is an empty query, not an error.
    std::string msg;
    if (!module_.exec(s, script.c_str(), msg)) throw soci::soci_error("migration failed: " + msg);
  }

  void LockForMigration(soci::session& s) const override {
    s << "SELECT pg_advisory_xact_lock(7422100)";
  }

  ErrorCode Classify(const soci::soci_error& e) const override {
    if (std::string state; module_.sqlstate(e, state)) {
      if (state == "23505") return ErrorCode::kAlreadyExists;
      if (state == "23503") return ErrorCode::kConflict;
      if (state.rfind("08", 0) == 0 || state.rfind("57", 0) == 0 || state == "53300")
        return ErrorCode::kUnavailable;
      if (IsBusy(e)) return ErrorCode::kUnavailable;
      if (state.rfind("22", 0) == 0) return ErrorCode::kInvalidArgument;
    }
    std::string msg = e.get_error_message();
    if (msg.find("connection") != std::string::npos) return ErrorCode::kUnavailable;
    return ErrorCode::kInternal;
  }

  bool IsBusy(const soci::soci_error& e) const override {
    std::string state;
    if (!module_.sqlstate(e, state)) return false;
    return state == "40001" || state == "40P01" || state == "55P03";
  }
  bool SerialWrites() const override { return false; }

  std::string CandidateFrom() const override { return "passages p"; }
  // Stems the parser reduces to no lexemes pre-select everything (the shared code decides), so
  // that no quirk of PostgreSQL's parser can lose a hit.
  std::string CandidateWhere(soci::session& s, const std::vector<std::string>& stems,
                             std::string* param) const override {
    *param = text::Join(stems, " ");
    long long nodes = 0;
    s << "SELECT numnode(plainto_tsquery('simple', :q))", soci::into(nodes), soci::use(*param);
    if (nodes == 0) {
      param->clear();
      return "1 = 1";
    }
    return "p.search @@ plainto_tsquery('simple', :q)";
  }

  std::size_t RowsPerInsert() const override { return 500; }
  // Identity values are not handed out in commit order, so the newest audit id could stay the
  // same while an older transaction commits. The snapshot changes whenever a writing
  // transaction begins (xmax) or ends (the in-progress list, xmin).
  std::string WriteStampQuery() const override { return "SELECT pg_current_snapshot()::text"; }

  std::string OverridingIdentity() const override { return " OVERRIDING SYSTEM VALUE"; }
  void AfterExplicitIds(soci::session& s, const std::string& table) const override {
    s << "SELECT setval(pg_get_serial_sequence('" + table +
             "', 'id'), COALESCE(MAX(id), 0) + 1, "
             "false) FROM " +
             table;
  }

  Status Backup(soci::session&, std::string_view) const override {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "ladder backup copies SQLite databases; back up PostgreSQL with pg_dump "
                     "(pg_dump -Fc -f ladder.dump DBNAME; see docs/operations.md)");
  }
  Status Restore(soci::session&, std::string_view) const override {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "ladder restore restores SQLite databases; restore PostgreSQL with "
                     "pg_restore (pg_restore --clean -d DBNAME ladder.dump; see "
                     "docs/operations.md)");
  }

 private:
  std::string conninfo_;
  PgModule module_;
};

}  // namespace

Result<std::unique_ptr<Dialect>> MakePostgresDialect(std::string url, const OpenOptions&) {
  LADDER_TRY(PgModule module, LoadModule());
  return std::unique_ptr<Dialect>(std::make_unique<PostgresDialect>(std::move(url), module));
}

}  // namespace ladder::storage::internal
