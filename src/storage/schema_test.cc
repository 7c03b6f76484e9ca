// The schema description (schema.h) and the migrations of each backend agree: an empty database
// migrated to the latest schema has exactly the described tables, each with the described
// columns in order (type and NULL-ability), primary key, unique columns and references. A
// migration that adds, drops or changes a table or column without the description (or the other
// way round) fails here, on SQLite and on PostgreSQL.
#include "storage/schema.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage::schema {
namespace {

// What a database says about one table.
struct TableShape {
  std::vector<std::string> columns;  // "name type" or "name type NOT NULL", in order
  std::vector<std::string> key;      // primary key columns, in order
  std::set<std::string> unique;      // columns UNIQUE on their own
  std::set<std::string> references;  // "a, b -> table (c, d)"
  friend bool operator==(const TableShape&, const TableShape&) = default;
};

std::ostream& operator<<(std::ostream& out, const TableShape& t) {
  out << "columns:";
  for (const auto& c : t.columns) out << " [" << c << "]";
  out << "; key:";
  for (const auto& c : t.key) out << " " << c;
  out << "; unique:";
  for (const auto& c : t.unique) out << " " << c;
  out << "; references:";
  for (const auto& r : t.references) out << " [" << r << "]";
  return out;
}

std::string Join(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view p : parts) out += (out.empty() ? "" : ", ") + std::string(p);
  return out;
}

// The shape the description gives a table in a dialect ("sqlite" or "postgresql").
TableShape Described(const Table& t, const std::string& dialect) {
  const bool pg = dialect == "postgresql";
  TableShape out;
  for (const Column& c : t.columns) {
    std::string type = pg ? "text" : "TEXT";
    bool not_null = true;
    switch (c.type) {
      case Type::kText:
      case Type::kDate:
      case Type::kJson:
        break;
      case Type::kNullText:
        not_null = false;
        break;
      case Type::kInt:
        type = pg ? "bigint" : "INTEGER";
        break;
      case Type::kRowId:
        // SQLite's INTEGER PRIMARY KEY is the row id: never NULL, though not declared so.
        type = pg ? "bigint" : "INTEGER";
        not_null = pg;
        break;
      case Type::kTsVector:
        if (!pg) continue;  // SQLite searches through an FTS5 table instead
        type = "tsvector";
        not_null = false;
        break;
    }
    out.columns.push_back(std::string(c.name) + " " + type + (not_null ? " NOT NULL" : ""));
    if (c.unique) out.unique.insert(std::string(c.name));
  }
  for (std::size_t i = 0; i < t.key; ++i) out.key.push_back(std::string(t.columns[i].name));
  for (const Reference& r : t.references)
    out.references.insert(Join(r.columns) + " -> " + std::string(r.table) + " (" + Join(r.to) +
                          ")");
  return out;
}

// ---- SQLite ----

std::vector<std::vector<std::string>> SqliteRows(sqlite3* db, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* v = sqlite3_column_text(st, i);
      row.push_back(v ? reinterpret_cast<const char*>(v) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  return rows;
}

std::map<std::string, TableShape> SqliteShapes(sqlite3* db) {
  std::map<std::string, TableShape> out;
  // FTS5's shadow tables belong to the search index, sqlite_* to SQLite, schema_version to the
  // migration runner.
  for (const auto& t :
       SqliteRows(db,
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                  "LIKE 'passages_fts%' AND name NOT LIKE 'sqlite_%' AND name <> "
                  "'schema_version'")) {
    const std::string& name = t[0];
    TableShape& shape = out[name];
    std::map<int, std::string> key;
    for (const auto& c : SqliteRows(db, "PRAGMA table_info(" + name + ")")) {
      // cid, name, type, notnull, dflt_value, pk
      shape.columns.push_back(c[1] + " " + c[2] + (c[3] == "1" ? " NOT NULL" : ""));
      if (c[5] != "0") key[std::stoi(c[5])] = c[1];
    }
    for (const auto& [pos, column] : key) shape.key.push_back(column);
    for (const auto& index : SqliteRows(db, "PRAGMA index_list(" + name + ")")) {
      // seq, name, unique, origin, partial
      if (index[2] != "1" || index[3] != "u") continue;
      auto columns = SqliteRows(db, "PRAGMA index_info(" + index[1] + ")");
      if (columns.size() == 1) shape.unique.insert(columns[0][2]);
    }
    std::map<std::string, std::pair<std::string, std::pair<std::string, std::string>>> fks;
    for (const auto& fk : SqliteRows(db, "PRAGMA foreign_key_list(" + name + ")")) {
      // id, seq, table, from, to, ...
      auto& [table, cols] = fks[fk[0]];
      table = fk[2];
      cols.first += (cols.first.empty() ? "" : ", ") + fk[3];
      cols.second += (cols.second.empty() ? "" : ", ") + fk[4];
    }
    for (const auto& [id, fk] : fks)
      shape.references.insert(fk.second.first + " -> " + fk.first + " (" + fk.second.second + ")");
  }
  return out;
}

TEST(Schema, TheSqliteMigrationsCreateTheDescribedSchema) {
  std::string path = "/tmp/ladder-schema-test-" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  ASSERT_TRUE(OpenStore("sqlite:" + path));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::map<std::string, TableShape> found = SqliteShapes(db);
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  std::set<std::string> described;
  for (const Table& t : Tables()) {
    described.insert(std::string(t.name));
    ASSERT_TRUE(found.count(std::string(t.name))) << "no table " << t.name << " in the database";
    EXPECT_EQ(found[std::string(t.name)], Described(t, "sqlite")) << "table " << t.name;
  }
  for (const auto& [name, shape] : found)
    EXPECT_TRUE(described.count(name)) << "table " << name << " is not in schema.cc";
}

// ---- PostgreSQL ----

std::vector<std::vector<std::string>> PgRows(PGconn* conn, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  PGresult* r = PQexec(conn, sql.c_str());
  EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(conn);
  for (int i = 0; i < PQntuples(r); ++i) {
    std::vector<std::string> row;
    for (int j = 0; j < PQnfields(r); ++j) row.push_back(PQgetvalue(r, i, j));
    rows.push_back(std::move(row));
  }
  PQclear(r);
  return rows;
}

// Constraints of one kind ('p', 'u', 'f') as (table, columns, referenced table, columns).
std::vector<std::vector<std::string>> PgConstraints(PGconn* conn, char kind) {
  return PgRows(conn,
                "SELECT c.conrelid::regclass::text, (SELECT string_agg(a.attname, ', ' ORDER BY "
                "k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(att, n) JOIN pg_attribute a ON "
                "a.attrelid = c.conrelid AND a.attnum = k.att), COALESCE(c.confrelid::regclass::"
                "text, ''), COALESCE((SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM "
                "unnest(c.confkey) WITH ORDINALITY AS k(att, n) JOIN pg_attribute a ON "
                "a.attrelid = c.confrelid AND a.attnum = k.att), '') FROM pg_constraint c WHERE "
                "c.connamespace = 'public'::regnamespace AND c.contype = '" +
                    std::string(1, kind) + "'");
}

std::map<std::string, TableShape> PgShapes(PGconn* conn) {
  std::map<std::string, TableShape> out;
  for (const auto& c : PgRows(conn,
                              "SELECT table_name, column_name, data_type, is_nullable FROM "
                              "information_schema.columns WHERE table_schema = 'public' AND "
                              "table_name <> 'schema_version' ORDER BY table_name, "
                              "ordinal_position"))
    out[c[0]].columns.push_back(c[1] + " " + c[2] + (c[3] == "NO" ? " NOT NULL" : ""));
  for (const auto& k : PgConstraints(conn, 'p'))
    if (out.count(k[0])) {
      std::string columns = k[1];
      for (std::size_t at = 0; at != std::string::npos;) {
        std::size_t comma = columns.find(", ", at);
        out[k[0]].key.push_back(columns.substr(at, comma - at));
        at = comma == std::string::npos ? comma : comma + 2;
      }
    }
  for (const auto& u : PgConstraints(conn, 'u'))
    if (out.count(u[0])) out[u[0]].unique.insert(u[1]);
  for (const auto& f : PgConstraints(conn, 'f'))
    if (out.count(f[0])) out[f[0]].references.insert(f[1] + " -> " + f[2] + " (" + f[3] + ")");
  return out;
}

TEST(Schema, ThePostgresMigrationsCreateTheDescribedSchema) {
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
  std::map<std::string, TableShape> found = PgShapes(conn);
  PQfinish(conn);
  std::set<std::string> described;
  for (const Table& t : Tables()) {
    described.insert(std::string(t.name));
    ASSERT_TRUE(found.count(std::string(t.name))) << "no table " << t.name << " in the database";
    EXPECT_EQ(found[std::string(t.name)], Described(t, "postgresql")) << "table " << t.name;
  }
  for (const auto& [name, shape] : found)
    EXPECT_TRUE(described.count(name)) << "table " << name << " is not in schema.cc";
}

// ---- The description itself ----

TEST(Schema, ReferencesPointBackwardsToDescribedKeys) {
  std::set<std::string> seen;
  for (const Table& t : Tables()) {
    seen.insert(std::string(t.name));
    for (const Reference& r : t.references) {
      EXPECT_TRUE(seen.count(std::string(r.table)))
          << t.name << " refers to " << r.table << ", which is not described before it";
      EXPECT_EQ(r.columns.size(), r.to.size()) << t.name;
      for (std::string_view c : r.columns) EXPECT_TRUE(t.Find(c)) << t.name << "." << c;
    }
    EXPECT_GE(t.columns.size(), t.key) << t.name;
  }
}

TEST(Schema, ColumnListsComeFromTheDescription) {
  EXPECT_EQ(TableNamed("levels").List(), "framework, version, track, code, rank, title");
  EXPECT_EQ(TableNamed("people").List().rfind("id, name, email, manager, hired", 0), 0u);
  EXPECT_EQ(TableNamed("passages").List(false),
            "framework, version, kind, track, level, level_title, competency, title, body, ord, "
            "terms");
  EXPECT_EQ(TableNamed("levels").KeyList(), "framework, version, track, code");
  EXPECT_EQ(TableNamed("people").Find("manager")->type, Type::kNullText);
  EXPECT_EQ(TableNamed("api_tokens").Find("revoked")->type, Type::kInt);
  EXPECT_TRUE(TableNamed("api_tokens").Find("token_hash")->secret);
}

}  // namespace
}  // namespace ladder::storage::schema
