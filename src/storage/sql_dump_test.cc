// The portable dump covers the whole schema: every table of both backends is either dumped or
// rebuilt from what is (levels, roles, search passages), or is the schema's own bookkeeping. A
// migration that adds a table without adding it to sql_dump.cc fails here.
#include "storage/sql_dump.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage::internal {
namespace {

std::set<std::string> Covered() {
  std::set<std::string> out = {"schema_version"};
  for (const std::string& t : DumpedTables()) out.insert(t);
  for (const std::string& t : DerivedTables()) out.insert(t);
  return out;
}

TEST(DumpCoverage, EverySqliteTableIsDumpedOrDerived) {
  std::string path = "/tmp/ladder-dump-coverage-" + std::to_string(getpid()) + ".db";
  ASSERT_TRUE(OpenStore("sqlite:" + path));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  // FTS5's shadow tables and SQLite's own belong to the passages index and to AUTOINCREMENT.
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'passages_fts%' AND name NOT LIKE 'sqlite_%'",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::set<std::string> covered = Covered();
  int tables = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    ++tables;
    EXPECT_TRUE(covered.count(name)) << "table " << name << " is neither dumped nor derived";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_GE(tables, 18);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(DumpCoverage, EveryPostgresTableIsDumpedOrDerived) {
  if (testing::PostgresUrl().empty()) {
    if (testing::InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
    GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
  }
  std::string error;
  std::string url = testing::FreshPostgresDatabase(&error);
  ASSERT_FALSE(url.empty()) << error;
  ASSERT_TRUE(OpenStore(url));
  PGconn* conn = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK);
  PGresult* r = PQexec(conn,
                       "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                       "'public' AND table_type = 'BASE TABLE'");
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
  std::set<std::string> covered = Covered();
  for (int i = 0; i < PQntuples(r); ++i) {
    std::string name = PQgetvalue(r, i, 0);
    EXPECT_TRUE(covered.count(name)) << "table " << name << " is neither dumped nor derived";
  }
  EXPECT_GE(PQntuples(r), 18);
  PQclear(r);
  PQfinish(conn);
}

}  // namespace
}  // namespace ladder::storage::internal
