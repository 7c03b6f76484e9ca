// Helpers shared by the storage tests: the PostgreSQL test server and fresh databases on it.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
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

}  // namespace ladder::storage::testing
