// Helpers shared by the storage tests: the PostgreSQL test server, fresh databases on it, and
// the backends a contract suite runs on.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

namespace ladder::storage::testing {

// $LADDER_TEST_POSTGRES (set by scripts/with-postgres.sh), or "".
inline std::string PostgresUrl() {
  const char* url = std::getenv("LADDER_TEST_POSTGRES");
  return url ? url : "";
}

// CI=true: the PostgreSQL tests must run, so a missing server is a failure, not a skip.
inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// Creates an empty database on the test server and returns its URL; "" with *error set when the
// server cannot be reached.
inline std::string FreshPostgresDatabase(std::string* error) {
  std::string admin = PostgresUrl();
  static std::atomic<int> counter{0};
  std::string name = "ladder_t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  PGconn* conn = PQconnectdb(admin.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = "cannot reach " + admin + ": " + PQerrorMessage(conn);
    PQfinish(conn);
    return "";
  }
  for (std::string sql : {"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name})
    PQclear(PQexec(conn, sql.c_str()));
  PQfinish(conn);
  auto slash = admin.rfind('/');
  std::string rest = admin.substr(slash + 1);
  auto q = rest.find('?');
  return admin.substr(0, slash + 1) + name + (q == std::string::npos ? "" : rest.substr(q));
}

// A backend a contract suite runs on: its name (the tests' suffix) and a new, empty database
// of it (a URL; "" when the backend cannot run here).
struct Backend {
  std::string name;
  std::function<std::string()> fresh_url;
};

inline const Backend kSqliteMemory{"SqliteMemory", [] { return std::string("sqlite::memory:"); }};
// Files in a folder of the test process's own.
inline const Backend kSqliteFile{"SqliteFile", [] {
                                   static std::atomic<int> n{0};
                                   static const std::filesystem::path dir = [] {
                                     char tmpl[] = "/tmp/ladder-store-test-XXXXXX";
                                     return std::filesystem::path(mkdtemp(tmpl));
                                   }();
                                   return "sqlite:" +
                                          (dir / ("db" + std::to_string(n++) + ".db")).string();
                                 }};
// A fresh database on $LADDER_TEST_POSTGRES; "" without one (the error on stderr).
inline const Backend kPostgres{"Postgres", [] {
                                 if (PostgresUrl().empty()) return std::string();
                                 std::string error;
                                 std::string url = FreshPostgresDatabase(&error);
                                 if (url.empty()) std::fprintf(stderr, "%s\n", error.c_str());
                                 return url;
                               }};

}  // namespace ladder::storage::testing
