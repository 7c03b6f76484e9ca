// Migrations on every backend: an empty database, an up-to-date one, one left at every earlier
// migration step, and one written by a newer Ladder (refused, untouched).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "formats/canonical.h"

#include "storage/migrations.h"
#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage {
namespace {

// Runs SQL on an SQLite file outside the store; returns the error message or "".
std::string SqliteExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  char* err = nullptr;
  std::string out;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) out = err ? err : "?";
  sqlite3_free(err);
  sqlite3_close(db);
  return out;
}

struct MigrationBackend {
  std::string name;
  int latest;
};

class Migrations : public ::testing::TestWithParam<MigrationBackend> {
 protected:
  // A URL for a new empty database of the backend, or "" (test skipped / failed in CI).
  std::string FreshUrl() {
    if (GetParam().name == "Sqlite") {
      static int n = 0;
      std::string path = "/tmp/ladder-migration-test-" + std::to_string(getpid()) + "-" +
                         std::to_string(n++) + ".db";
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
      return "sqlite:" + path;
    }
    if (testing::PostgresUrl().empty()) return "";
    std::string error;
    std::string url = testing::FreshPostgresDatabase(&error);
    if (url.empty()) ADD_FAILURE() << error;
    return url;
  }
  // Runs `sql` on the database at `url` outside the store; the error message, or "".
  std::string Exec(const std::string& url, const std::string& sql) {
    if (GetParam().name == "Sqlite") return SqliteExec(url.substr(7), sql);
    PGconn* conn = PQconnectdb(url.c_str());
    std::string out;
    if (PQstatus(conn) != CONNECTION_OK) {
      out = PQerrorMessage(conn);
    } else {
      PGresult* r = PQexec(conn, sql.c_str());
      if (PQresultStatus(r) != PGRES_COMMAND_OK) out = PQerrorMessage(conn);
      PQclear(r);
    }
    PQfinish(conn);
    return out;
  }
  // `s` as an SQL string literal.
  static std::string Literal(std::string_view s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }

  void SetUp() override {
    if (GetParam().name == "Postgres" && testing::PostgresUrl().empty()) {
      if (testing::InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
      GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
    }
  }
};

TEST_P(Migrations, AreNumberedWithoutGaps) {
  const auto& all =
      GetParam().name == "Sqlite" ? internal::SqliteMigrations() : internal::PostgresMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].number, static_cast<int>(i + 1));
    EXPECT_FALSE(all[i].sql.empty());
  }
  // Both backends have the same schema history.
  EXPECT_EQ(internal::SqliteMigrations().size(), internal::PostgresMigrations().size());
}

TEST_P(Migrations, EmptyDatabaseGetsTheLatestSchema) {
  std::string url = FreshUrl();
  auto store = OpenStore(url);
  ASSERT_TRUE(store) << store.error().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), GetParam().latest);
  EXPECT_TRUE((*store)->SavePerson("t", {"e1", "E", "e@x", "", Date(2020, 1, 1)}));
}

TEST_P(Migrations, RunningAgainChangesNothing) {
  std::string url = FreshUrl();
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    ASSERT_TRUE((*store)->SavePerson("t", {"e1", "E", "e@x", "", Date(2020, 1, 1)}));
  }
  for (int i = 0; i < 2; ++i) {
    auto again = OpenStore(url);
    ASSERT_TRUE(again) << again.error().ToString();
    EXPECT_EQ(*(*again)->SchemaVersion(), GetParam().latest);
    EXPECT_EQ((*again)->ListPeople()->size(), 1u);
    EXPECT_EQ((*again)->ListAudit()->size(), 1u);
  }
  // Opening without migrating works on an up-to-date database.
  OpenOptions no_migrate;
  no_migrate.migrate = false;
  EXPECT_TRUE(OpenStore(url, no_migrate));
}

TEST_P(Migrations, EveryEarlierStepIsBroughtUpToDate) {
  // Step 0 is an empty database; each step k leaves a database at schema k.
  for (int step = 0; step < GetParam().latest; ++step) {
    SCOPED_TRACE("from schema " + std::to_string(step));
    std::string url = FreshUrl();
    if (step > 0) {
      OpenOptions partial;
      partial.target_version = step;
      auto old = OpenStore(url, partial);
      ASSERT_TRUE(old) << old.error().ToString();
      EXPECT_EQ(*(*old)->SchemaVersion(), step);
    }
    OpenOptions no_migrate;
    no_migrate.migrate = false;
    auto refused = OpenStore(url, no_migrate);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), GetParam().latest);
    EXPECT_TRUE((*store)->SavePerson("t", {"e1", "E", "e@x", "", Date(2020, 1, 1)}));
  }
}

TEST_P(Migrations, NewerDatabaseIsRefusedUntouched) {
  std::string url = FreshUrl();
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->SavePerson("t", {"e1", "E", "e@x", "", Date(2020, 1, 1)}));
  }
  // Pretend a newer Ladder migrated it further.
  std::string sql = "INSERT INTO schema_version (version, name, applied_at) VALUES (" +
                    std::to_string(GetParam().latest + 1) + ", 'future', 'later')";
  ASSERT_EQ(Exec(url, sql), "");
  auto refused = OpenStore(url);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message.find("newer Ladder"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find(std::to_string(GetParam().latest + 1)), std::string::npos);
  // Untouched: removing the future row makes it open again with its content.
  ASSERT_EQ(Exec(url, "DELETE FROM schema_version WHERE name = 'future'"), "");
  auto reopened = OpenStore(url);
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ((*reopened)->ListPeople()->size(), 1u);
}

// Frameworks stored before the search migration (schema 2) are searchable after it: their
// passages are rebuilt from the stored documents.
TEST_P(Migrations, FrameworksStoredBeforeTheSearchStepAreSearchableAfterIt) {
  model::Framework f;
  f.id = "old";
  f.name = "Old ladder";
  f.version = "1";
  f.competencies = {{"craft", "Craft", "", {}}};
  model::Level l;
  l.code = "L1";
  l.rank = 1;
  l.title = "Engineer";
  l.summary = "Joins the on-call rota and reviews case/code.";
  f.tracks = {{"ic", "IC", model::TrackKind::kIc, "", {l}, {}}};
  // The stored document, as the latest schema writes it (the canonical JSON; the older form of
  // schemas 1 to 3 is read as well, FrameworkDocumentsOfEarlierSchemasBecomeCanonical).
  std::string document;
  {
    auto latest = OpenStore(FreshUrl());
    ASSERT_TRUE(latest) << latest.error().ToString();
    ASSERT_TRUE((*latest)->SaveDraft("t", f));
    auto dump = nlohmann::json::parse(*(*latest)->ExportDump());
    document = dump["framework_versions"][0]["document"].dump();
  }
  std::string url = FreshUrl();
  {
    OpenOptions at1;
    at1.target_version = 1;
    ASSERT_TRUE(OpenStore(url, at1));
  }
  std::string insert =
      "INSERT INTO framework_versions (framework, version, name, family, status, effective, "
      "saved_at, published_at, save_seq, publish_seq, document) VALUES ('old', '1', 'Old "
      "ladder', '', 'published', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1, " +
      Literal(document) + ")";
  ASSERT_EQ(Exec(url, insert), "");
  auto store = OpenStore(url);
  ASSERT_TRUE(store) << store.error().ToString();
  for (const char* q : {"on-call", "reviews", "code"}) {
    auto hits = (*store)->Search(q);
    ASSERT_TRUE(hits) << hits.error().ToString();
    ASSERT_EQ(hits->size(), 1u) << q;
    EXPECT_EQ((*hits)[0].level, "L1");
  }
}

// Records stored at schema 2 in their earlier JSON form (an empty date as "", a case's target
// in three keys, votes' "choice", a waiver's "case_id") read the same after the records step,
// which rewrites them in the current form.
TEST_P(Migrations, RecordsStoredBeforeTheRecordsStepReadTheSameAfterIt) {
  std::string url = FreshUrl();
  {
    OpenOptions at2;
    at2.target_version = 2;
    ASSERT_TRUE(OpenStore(url, at2));
  }
  const std::string legacy_case =
      R"({"id":"c1","person":"p1","framework":"","version":"","target_track":"ic",)"
      R"("target_level":"IC2","target_overlay":"","opened_by":"p1","opened":"2024-01-05",)"
      R"("status":"peer_review","portfolio":[],"panel":["p1"],"votes":[{"reviewer":"p1",)"
      R"("choice":"against","note":"","date":"2024-02-01"}],"consensus":"majority",)"
      R"("decision":null,"history":[]})";
  const std::string legacy_waiver =
      R"({"id":"w1","person":"p1","case_id":"c1","requirement":"One year","approver":"p1",)"
      R"("reason":"Sea time","granted":"2024-02-02","expires":""})";
  const std::vector<std::string> inserts = {
      "INSERT INTO people (id, name, email, manager, hired) VALUES ('p1', 'P', '', NULL, '')",
      "INSERT INTO cases (id, person, framework, version, day, status, doc) VALUES ('c1', 'p1', "
      "NULL, NULL, '2024-01-05', 'peer_review', '" +
          legacy_case + "')",
      "INSERT INTO waivers (id, person, day, doc) VALUES ('w1', 'p1', '2024-02-02', '" +
          legacy_waiver + "')",
  };
  for (const std::string& sql : inserts) {
    if (GetParam().name == "Sqlite") {
      ASSERT_EQ(SqliteExec(url.substr(7), sql), "");
    } else {
      PGconn* conn = PQconnectdb(url.c_str());
      PGresult* r = PQexec(conn, sql.c_str());
      EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(conn);
      PQclear(r);
      PQfinish(conn);
    }
  }
  auto store = OpenStore(url);
  ASSERT_TRUE(store) << store.error().ToString();
  auto c = (*store)->GetCase("c1");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->target_level, "IC2");
  EXPECT_EQ(c->consensus, model::ConsensusRule::kMajority);
  ASSERT_EQ(c->votes.size(), 1u);
  EXPECT_EQ(c->votes[0].choice, model::VoteChoice::kAgainst);
  auto w = (*store)->ListWaivers("p1");
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].case_id, "c1");
  EXPECT_TRUE((*w)[0].expires.empty());
  EXPECT_TRUE((*store)->GetPerson("p1")->hired.empty());
  auto dump = nlohmann::json::parse(*(*store)->ExportDump());
  EXPECT_EQ(dump["cases"][0]["doc"]["target"], (nlohmann::json{{"track", "ic"}, {"level", "IC2"}}));
  EXPECT_EQ(dump["cases"][0]["doc"]["votes"][0]["vote"], "against");
  EXPECT_EQ(dump["waivers"][0]["doc"]["case"], "c1");
  EXPECT_TRUE(dump["waivers"][0]["doc"]["expires"].is_null());
  EXPECT_TRUE(dump["people"][0]["hired"].is_null());
}

std::string Slurp(const std::string& relative) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Documents written by Ladder at schema 2 (tests/cli/storage_fixtures/schema2: the dump of a
// database with every rule kind, a published and a draft version) are stored at schema 1, 2 or 3
// as that Ladder stored them; opening migrates, and they are then the canonical JSON, read as
// the frameworks that Ladder exported (the *.yaml beside the dump).
TEST_P(Migrations, FrameworkDocumentsOfEarlierSchemasBecomeCanonical) {
  const std::string fixtures = "tests/cli/storage_fixtures/schema2/";
  const nlohmann::json old_dump = nlohmann::json::parse(Slurp(fixtures + "dump.json"));
  ASSERT_EQ(old_dump["schema"], 2);
  ASSERT_EQ(old_dump["framework_versions"].size(), 3u);
  for (int start : {1, 2, 3}) {
    SCOPED_TRACE("stored at schema " + std::to_string(start));
    std::string url = FreshUrl();
    {
      OpenOptions at;
      at.target_version = start;
      ASSERT_TRUE(OpenStore(url, at));
    }
    for (const nlohmann::json& row : old_dump["framework_versions"]) {
      std::string insert =
          "INSERT INTO framework_versions (framework, version, name, family, "
          "status, effective, saved_at, published_at, save_seq, publish_seq, "
          "document) VALUES (";
      for (const char* column : {"framework", "version", "name", "family", "status", "effective",
                                 "saved_at", "published_at", "save_seq", "publish_seq"}) {
        const nlohmann::json& v = row[column];
        insert += (v.is_string() ? Literal(v.get<std::string>()) : v.dump()) + ", ";
      }
      insert += Literal(row["document"].dump()) + ")";
      ASSERT_EQ(Exec(url, insert), "");
    }
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), GetParam().latest);
    auto dump = nlohmann::json::parse(*(*store)->ExportDump());
    ASSERT_EQ(dump["framework_versions"].size(), 3u);
    for (const nlohmann::json& row : dump["framework_versions"]) {
      const std::string id =
          row["framework"].get<std::string>() + "@" + row["version"].get<std::string>();
      SCOPED_TRACE(id);
      auto expected = formats::ReadYaml(Slurp(fixtures + id + ".yaml"), id + ".yaml");
      ASSERT_TRUE(expected) << expected.error().ToString();
      auto stored = (*store)->GetFramework(row["framework"].get<std::string>(),
                                           row["version"].get<std::string>());
      ASSERT_TRUE(stored) << stored.error().ToString();
      EXPECT_EQ(*stored, *expected);
      EXPECT_EQ(row["document"], nlohmann::json::parse(formats::WriteJson(*expected)))
          << "not the canonical JSON";
    }
    // Schema 1 had no search terms: the search step rebuilt them from the older documents.
    if (start == 1) {
      auto hits = (*store)->Search("refrigeration");
      ASSERT_TRUE(hits) << hits.error().ToString();
      EXPECT_FALSE(hits->empty());
    }
  }
}

// A database of schema 8 searched only levels, notes and roles. Opening it with schema 9
// rebuilds the passages, so that the descriptions of the framework, its tracks, competencies
// and overlay roles are found as they are in a database made new.
TEST_P(Migrations, DescriptionsStoredBeforeSchema9BecomeSearchable) {
  std::string url = FreshUrl();
  auto framework = formats::ReadYaml(R"(ladder: 1
framework:
  id: keepers
  name: Keepers
  version: "1"
  description: How lighthouse keepers grow.
competencies:
  - id: lamps
    name: Lamps
    description: Keeping the lantern lit through gales.
tracks:
  - id: ic
    name: Keepers
    kind: ic
    description: Every keeper of the coastal stations.
    levels:
      - code: K1
        title: Keeper
        summary: Keeps one station.
overlays:
  - id: head
    name: Head keeper
    description: Runs a station's rota.
    duties: [Trains the apprentices in fog signals.]
)",
                                     "keepers.yaml");
  ASSERT_TRUE(framework) << framework.error().ToString();
  OpenOptions at8;
  at8.target_version = 8;
  {
    auto store = OpenStore(url, at8);
    ASSERT_TRUE(store) << store.error().ToString();
    ASSERT_TRUE((*store)->SaveDraft("test", *framework));
  }
  // What Ladder stored at schema 8: no passages of these kinds.
  ASSERT_EQ(Exec(url,
                 "DELETE FROM passages WHERE kind IN "
                 "('framework', 'track', 'competency', 'overlay')"),
            "");
  SearchOptions drafts;
  drafts.include_drafts = true;
  const std::vector<std::pair<std::string, HitKind>> queries = {{"lighthouse", HitKind::kFramework},
                                                                {"coastal", HitKind::kTrack},
                                                                {"gales", HitKind::kCompetency},
                                                                {"fog", HitKind::kOverlay}};
  {
    auto store = OpenStore(url, at8);
    ASSERT_TRUE(store) << store.error().ToString();
    for (const auto& [query, kind] : queries) {
      auto hits = (*store)->Search(query, drafts);
      ASSERT_TRUE(hits) << hits.error().ToString();
      EXPECT_TRUE(hits->empty()) << query;
    }
  }
  auto store = OpenStore(url);
  ASSERT_TRUE(store) << store.error().ToString();
  for (const auto& [query, kind] : queries) {
    auto hits = (*store)->Search(query, drafts);
    ASSERT_TRUE(hits) << hits.error().ToString();
    ASSERT_EQ(hits->size(), 1u) << query;
    EXPECT_EQ((*hits)[0].kind, kind) << query;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Backends, Migrations,
    ::testing::Values(
        MigrationBackend{"Sqlite", static_cast<int>(internal::SqliteMigrations().size())},
        MigrationBackend{"Postgres", static_cast<int>(internal::PostgresMigrations().size())}),
    [](const auto& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace ladder::storage
