// The storage contract: one suite, run against every backend (SQLite in memory, SQLite in a
// file, PostgreSQL from $LADDER_TEST_POSTGRES). With CI=true a missing PostgreSQL fails the
// PostgreSQL instantiation instead of skipping it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "analysis/requirements.h"
#include "formats/canonical.h"
#include "formats/import.h"
#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage {
namespace {

using model::Framework;

using testing::InCi;
using testing::PostgresUrl;

std::string FreshPostgresDatabase() {
  std::string error;
  std::string url = testing::FreshPostgresDatabase(&error);
  if (url.empty()) ADD_FAILURE() << error;
  return url;
}

struct Backend {
  std::string name;
  // Returns a URL for a new, empty database; "" when the backend is not available.
  std::function<std::string()> fresh_url;
};

std::filesystem::path TempDir() {
  static std::filesystem::path dir = [] {
    char tmpl[] = "/tmp/ladder-store-test-XXXXXX";
    return std::filesystem::path(mkdtemp(tmpl));
  }();
  return dir;
}

const Backend kSqliteMemory{"SqliteMemory", [] { return std::string("sqlite::memory:"); }};
const Backend kSqliteFile{"SqliteFile", [] {
                            static std::atomic<int> n{0};
                            return "sqlite:" +
                                   (TempDir() / ("db" + std::to_string(n++) + ".db")).string();
                          }};
const Backend kPostgres{"Postgres", [] {
                          if (PostgresUrl().empty()) return std::string();
                          return FreshPostgresDatabase();
                        }};

model::Requirement Req(std::string text, model::Rule rule = model::ManualRule{}) {
  return {std::move(text), std::move(rule), {}};
}

// A small support framework written for these tests.
Framework SupportFramework(std::string version = "2024.1") {
  Framework f;
  f.id = "support";
  f.name = "Customer Support";
  f.family = "support";
  f.version = version;
  f.cumulative = true;
  f.source = {"support.md", "levels-table"};
  f.competencies = {{"delivery", "Delivery", "Getting customers unstuck.", {}},
                    {"craft", "Craft", "Knowing the product deeply.", {}}};
  f.groups = {{"core", "Core", "", {"delivery", "craft"}, {}}};
  model::Track ic{"ic", "IC Path", model::TrackKind::kIc, "", {}, {}};
  model::Level l1;
  l1.code = "IC1";
  l1.rank = 1;
  l1.title = "Support Engineer";
  l1.summary = "Answers tickets with guidance from the team.";
  l1.attributes = {{"years_of_experience", "0 to 2"}};
  l1.expectations = {{"delivery",
                      "",
                      {"Resolves routine tickets within the agreed time.",
                       "Asks for a code review of every macro they write."},
                      false,
                      "",
                      {}},
                     {"craft", "", {}, true, "Not currently defined", {}}};
  model::Level l2;
  l2.code = "IC2";
  l2.rank = 2;
  l2.title = "Senior Support Engineer";
  l2.summary = "Owns difficult escalations end to end.";
  l2.expectations = {
      {"delivery",
       "Leads escalations.",
       {"Writes post-incident reviews for major outages."},
       false,
       "",
       {}},
      {"craft", "", {"Performs code review for teammates' automation scripts."}, false, "", {}}};
  l2.requirements = {Req("12 months at IC1", model::TimeAtLevel{"IC1", 12}),
                     Req("Successful peer review", model::PeerReviewPassed{}),
                     Req("Resolve 90% of issues alone", model::MetricThreshold{"solo", 90})};
  ic.levels = {l1, l2};
  f.tracks = {ic};
  f.overlays = {{"team-lead",
                 "Team Lead",
                 "",
                 {"Runs the weekly queue review."},
                 {"IC2"},
                 true,
                 {Req("Documented need", model::DocumentedNeed{})},
                 {}}};
  f.transitions = {{"ic",
                    "management",
                    "Moving to management",
                    {Req("Approval", model::Approval{"leadership"})},
                    {}}};
  f.policy = {Req("3 months at the next level", model::PerformingAtNext{3, true})};
  f.notes = {{"When do I get promoted?", "After a **peer review** of your portfolio.", {}}};
  f.roles = {{"r1",
              "Solutions Engineer",
              "Senior",
              "Senior Solutions Engineer",
              "Designs integrations with customers.",
              {"Leads technical discovery"},
              {"APIs"},
              {"Win rate"},
              "Next: Staff",
              {}},
             {"r2",
              "Solutions Engineer",
              "Associate",
              "Associate Solutions Engineer",
              "Supports discovery calls.",
              {},
              {},
              {},
              "",
              {}},
             {"r3",
              "Data Engineer",
              "Senior",
              "Senior Data Engineer",
              "Builds pipelines.",
              {},
              {},
              {},
              "",
              {}}};
  return f;
}

model::Person Person(std::string id, std::string manager = "") {
  return {id, "Name " + id, id + "@example.org", std::move(manager), Date(2020, 3, 1)};
}

model::Assignment Assign(std::string person, std::string level, Date from, Date to = {}) {
  model::Assignment a;
  a.person = std::move(person);
  a.framework = "support";
  a.version = "2024.1";
  a.track = "ic";
  a.level = std::move(level);
  a.from = from;
  a.to = to;
  a.reason = "hire";
  return a;
}

class StoreContract : public ::testing::TestWithParam<const Backend*> {
 protected:
  void SetUp() override {
    std::string url = GetParam()->fresh_url();
    if (url.empty()) {
      if (InCi())
        FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set (run under "
                  "scripts/with-postgres.sh)";
      GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
    }
    url_ = url;
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
  }
  bool IsMemory() const { return url_ == "sqlite::memory:"; }

  void SeedPublished() {
    ASSERT_TRUE(store_->SaveDraft("alice", SupportFramework()));
    ASSERT_TRUE(store_->Publish("alice", "support", "2024.1", "2024-02-01"));
  }

  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, DraftRoundTripsAndIsListed) {
  Framework f = SupportFramework();
  ASSERT_TRUE(store_->SaveDraft("alice", f));
  auto got = store_->GetFramework("support", "2024.1");
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, f);
  EXPECT_EQ(got->status, model::FrameworkStatus::kDraft);
  auto list = store_->ListFrameworks();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, "support");
  EXPECT_EQ((*list)[0].latest_published, "");
  // No published version yet: the default version is not found, and says why.
  auto latest = store_->GetFramework("support");
  ASSERT_FALSE(latest);
  EXPECT_EQ(latest.error().code, ErrorCode::kNotFound);
  EXPECT_NE(latest.error().message.find("none published"), std::string::npos);
}

TEST_P(StoreContract, DraftNeedsIdAndVersion) {
  Framework f = SupportFramework();
  f.version = "";
  auto st = store_->SaveDraft("alice", f);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(st.error().field, "framework.version");
}

TEST_P(StoreContract, PublishedVersionIsImmutable) {
  SeedPublished();
  Framework edited = SupportFramework();
  edited.tracks[0].levels[0].summary = "Changed after publishing";
  auto st = store_->SaveDraft("bob", edited);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  auto again = store_->Publish("bob", "support", "2024.1");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto del = store_->DeleteDraft("bob", "support", "2024.1");
  ASSERT_FALSE(del);
  EXPECT_EQ(del.error().code, ErrorCode::kConflict);
  auto got = store_->GetFramework("support");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->tracks[0].levels[0].summary, "Answers tickets with guidance from the team.");
  EXPECT_EQ(got->status, model::FrameworkStatus::kPublished);
  EXPECT_EQ(got->effective, "2024-02-01");
}

TEST_P(StoreContract, LatestPublishedIsTheDefaultAndVersionsAreListed) {
  SeedPublished();
  Framework v2 = SupportFramework("2025.1");
  v2.name = "Customer Support v2";
  ASSERT_TRUE(store_->SaveDraft("alice", v2));
  auto def = store_->GetFramework("support");
  ASSERT_TRUE(def);
  EXPECT_EQ(def->version, "2024.1");  // the draft is not the default
  ASSERT_TRUE(store_->Publish("alice", "support", "2025.1"));
  def = store_->GetFramework("support");
  ASSERT_TRUE(def);
  EXPECT_EQ(def->version, "2025.1");
  auto versions = store_->ListVersions("support");
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, "2025.1");
  EXPECT_EQ((*versions)[1].version, "2024.1");
  EXPECT_FALSE((*versions)[0].published_at.empty());
  auto pair = store_->GetVersionPair("support", "2024.1", "2025.1");
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->before.name, "Customer Support");
  EXPECT_EQ(pair->after.name, "Customer Support v2");
  auto missing = store_->ListVersions("nothing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, DraftCanBeReplacedAndDeleted) {
  ASSERT_TRUE(store_->SaveDraft("alice", SupportFramework()));
  Framework edited = SupportFramework();
  edited.tracks[0].levels.pop_back();
  ASSERT_TRUE(store_->SaveDraft("alice", edited));
  auto got = store_->GetFramework("support", "2024.1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->tracks[0].levels.size(), 1u);
  ASSERT_TRUE(store_->DeleteDraft("alice", "support", "2024.1"));
  auto gone = store_->GetFramework("support", "2024.1");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  auto search = store_->Search("escalations", {"", true, 10});
  ASSERT_TRUE(search);
  EXPECT_TRUE(search->empty());
}

TEST_P(StoreContract, LevelInUseByAPersonCannotVanish) {
  ASSERT_TRUE(store_->SaveDraft("alice", SupportFramework()));
  ASSERT_TRUE(store_->SavePerson("alice", Person("e1")));
  ASSERT_TRUE(store_->AddAssignment("alice", Assign("e1", "IC2", Date(2024, 1, 1))));
  Framework without_ic2 = SupportFramework();
  without_ic2.tracks[0].levels.pop_back();
  auto st = store_->SaveDraft("alice", without_ic2);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  EXPECT_NE(st.error().message.find("e1"), std::string::npos);
  auto del = store_->DeleteDraft("alice", "support", "2024.1");
  ASSERT_FALSE(del);
  EXPECT_EQ(del.error().code, ErrorCode::kConflict);
  auto got = store_->GetFramework("support", "2024.1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->tracks[0].levels.size(), 2u);  // the failed save changed nothing
  // Keeping the level (and changing other text) is fine.
  Framework edited = SupportFramework();
  edited.tracks[0].levels[1].title = "Senior Engineer";
  ASSERT_TRUE(store_->SaveDraft("alice", edited));
}

TEST_P(StoreContract, PeopleAndManagers) {
  ASSERT_TRUE(store_->SavePerson("hr", Person("m1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1", "m1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("e2", "m1")));
  auto bad = store_->SavePerson("hr", Person("e3", "nobody"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  auto got = store_->GetPerson("e1");
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, Person("e1", "m1"));
  auto reports = store_->ListPeople({"m1", 0, 0});
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 2u);
  EXPECT_EQ((*reports)[0].id, "e1");
  auto page = store_->ListPeople({"", 1, 1});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "e2");
  auto del = store_->DeletePerson("hr", "m1");
  ASSERT_FALSE(del);
  EXPECT_EQ(del.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->DeletePerson("hr", "e2"));
  EXPECT_EQ(store_->GetPerson("e2").error().code, ErrorCode::kNotFound);
}

// A department of three levels: a head, two managers, and their teams.
TEST_P(StoreContract, ReportsAreEveryoneBelowNearestFirstAPageAtATime) {
  ASSERT_TRUE(store_->SavePerson("hr", Person("head")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("mb", "head")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("ma", "head")));
  for (const char* id : {"b2", "b1"}) ASSERT_TRUE(store_->SavePerson("hr", Person(id, "mb")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("a1", "ma")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("a1x", "a1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("outsider")));
  auto ids = [](const ReportsPage& page) {
    std::vector<std::string> out;
    for (const Report& r : page.reports) out.push_back(r.person.id + ":" + std::to_string(r.depth));
    return out;
  };
  auto all = store_->ListReports({"head", 0, 0});
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(ids(*all), (std::vector<std::string>{"ma:1", "mb:1", "a1:2", "b1:2", "b2:2", "a1x:3"}));
  EXPECT_EQ(all->total, 6);
  EXPECT_EQ(all->reports[0].person, Person("ma", "head"));  // whole people, not only their ids
  // A page: its people, and the count of everyone.
  auto page = store_->ListReports({"head", 2, 2});
  ASSERT_TRUE(page);
  EXPECT_EQ(ids(*page), (std::vector<std::string>{"a1:2", "b1:2"}));
  EXPECT_EQ(page->total, 6);
  auto past = store_->ListReports({"head", 2, 10});
  ASSERT_TRUE(past);
  EXPECT_TRUE(past->reports.empty());
  EXPECT_EQ(past->total, 6);
  auto team = store_->ListReports({"mb", 0, 0});
  ASSERT_TRUE(team);
  EXPECT_EQ(ids(*team), (std::vector<std::string>{"b1:1", "b2:1"}));
  auto nobody = store_->ListReports({"b1", 10, 0});
  ASSERT_TRUE(nobody);
  EXPECT_TRUE(nobody->reports.empty());
  EXPECT_EQ(nobody->total, 0);
  // Everyone: by id, at depth 1.
  auto everyone = store_->ListReports({"", 3, 1});
  ASSERT_TRUE(everyone);
  EXPECT_EQ(ids(*everyone), (std::vector<std::string>{"a1x:1", "b1:1", "b2:1"}));
  EXPECT_EQ(everyone->total, 8);
  // A stored cycle (the head reports to someone in their own department) ends: each person
  // once, at their nearest depth, and the head is not their own report.
  ASSERT_TRUE(store_->SavePerson("hr", Person("head", "a1x")));
  auto cycle = store_->ListReports({"head", 0, 0});
  ASSERT_TRUE(cycle) << cycle.error().ToString();
  EXPECT_EQ(ids(*cycle),
            (std::vector<std::string>{"ma:1", "mb:1", "a1:2", "b1:2", "b2:2", "a1x:3"}));
  auto inside = store_->ListReports({"a1", 0, 0});
  ASSERT_TRUE(inside);
  EXPECT_EQ(ids(*inside),
            (std::vector<std::string>{"a1x:1", "head:2", "ma:3", "mb:3", "b1:4", "b2:4"}));
}

TEST_P(StoreContract, AssignmentsFormALevelHistory) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  auto first = store_->AddAssignment("hr", Assign("e1", "IC1", Date(2022, 1, 1)));
  ASSERT_TRUE(first) << first.error().ToString();
  auto second = store_->AddAssignment("hr", Assign("e1", "IC2", Date(2023, 6, 1)));
  ASSERT_TRUE(second) << second.error().ToString();
  auto history = store_->ListAssignments("e1");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].level, "IC1");
  EXPECT_EQ((*history)[0].to, Date(2023, 6, 1));  // closed by the promotion
  EXPECT_EQ((*history)[1].id, *second);
  auto at = store_->CurrentAssignment("e1", Date(2023, 5, 31));
  ASSERT_TRUE(at);
  ASSERT_TRUE(at->has_value());
  EXPECT_EQ((*at)->level, "IC1");
  at = store_->CurrentAssignment("e1", Date(2023, 6, 1));
  ASSERT_TRUE(at && at->has_value());
  EXPECT_EQ((*at)->level, "IC2");
  at = store_->CurrentAssignment("e1", Date(2021, 1, 1));
  ASSERT_TRUE(at);
  EXPECT_FALSE(at->has_value());
  // A level that does not exist is refused.
  auto bad = store_->AddAssignment("hr", Assign("e1", "IC9", Date(2024, 1, 1)));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "assignment.level");
  // An overlapping closed period is refused.
  auto overlap =
      store_->AddAssignment("hr", Assign("e1", "IC1", Date(2022, 6, 1), Date(2022, 9, 1)));
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, ErrorCode::kConflict);
  model::Assignment edit = (*history)[1];
  edit.overlays = {"team-lead"};
  ASSERT_TRUE(store_->UpdateAssignment("hr", edit));
  ASSERT_TRUE(store_->DeleteAssignment("hr", *second));
  EXPECT_EQ(store_->ListAssignments("e1")->size(), 1u);
}

TEST_P(StoreContract, GrowthRecordsRoundTrip) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("m1")));
  model::Evidence e;
  e.person = "e1";
  e.kind = "talk";
  e.title = "Queue triage talk";
  e.date = Date(2024, 3, 2);
  e.competencies = {"delivery"};
  e.url = "https://example.org/talk";
  auto id = store_->SaveEvidence("e1", e);
  ASSERT_TRUE(id) << id.error().ToString();
  e.id = *id;
  EXPECT_EQ(*store_->GetEvidence(*id), e);
  model::Evidence earlier = e;
  earlier.id = "ev-early";
  earlier.date = Date(2023, 1, 1);
  ASSERT_TRUE(store_->SaveEvidence("e1", earlier));
  auto list = store_->ListEvidence("e1");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, "ev-early");
  ASSERT_TRUE(store_->DeleteEvidence("e1", "ev-early"));
  EXPECT_EQ(store_->DeleteEvidence("e1", "ev-early").error().code, ErrorCode::kNotFound);
  model::Evidence orphan = e;
  orphan.id = "";
  orphan.person = "ghost";
  EXPECT_EQ(store_->SaveEvidence("e1", orphan).error().code, ErrorCode::kInvalidArgument);

  model::Metric m{"",  "e1", "resolved_without_assistance", Date(2024, 1, 1), Date(2024, 3, 31),
                  91.5};
  auto mid = store_->SaveMetric("hr", m);
  ASSERT_TRUE(mid);
  m.id = *mid;
  EXPECT_EQ(store_->ListMetrics("e1")->at(0), m);

  model::Assessment a;
  a.person = "e1";
  a.assessor = "m1";
  a.role = model::AssessorRole::kManager;
  a.period_start = Date(2024, 1, 1);
  a.period_end = Date(2024, 6, 30);
  a.competency = "delivery";
  a.rating = model::Rating::kNext;
  a.framework = "support";
  a.version = "2024.1";
  a.level = "IC1";
  auto aid = store_->SaveAssessment("m1", a);
  ASSERT_TRUE(aid) << aid.error().ToString();
  a.id = *aid;
  EXPECT_EQ(store_->ListAssessments("e1")->at(0), a);
  model::Assessment unpinned = a;
  unpinned.id = "";
  unpinned.version = "1999";
  EXPECT_EQ(store_->SaveAssessment("m1", unpinned).error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(store_->DeleteAssessment("m1", *aid));

  model::SignOff so{"", "e1", "Knows the billing system", "m1", Date(2024, 4, 1), "shadowed"};
  auto sid = store_->SaveSignOff("m1", so);
  ASSERT_TRUE(sid);
  so.id = *sid;
  EXPECT_EQ(store_->ListSignOffs("e1")->at(0), so);

  model::Waiver w{
      "", "e1", "", "12 months at IC1", "m1", "covered a long leave", Date(2024, 5, 1), {},
      "", {},   ""};
  auto wid = store_->SaveWaiver("m1", w);
  ASSERT_TRUE(wid);
  w.id = *wid;
  EXPECT_EQ(store_->ListWaivers("e1")->at(0), w);
  EXPECT_EQ(*store_->GetWaiver(w.id), w);
  EXPECT_EQ(store_->GetWaiver("no-such-waiver").error().code, ErrorCode::kNotFound);
  // Revoked, it is kept with who, when and why; the audit log has it before and after.
  w.revoked = Date(2024, 6, 1);
  w.revoked_by = "m1";
  w.revoke_reason = "back from leave";
  ASSERT_TRUE(store_->SaveWaiver("m1", w));
  EXPECT_EQ(*store_->GetWaiver(w.id), w);
  EXPECT_EQ(store_->ListWaivers("e1")->size(), 1u);
  auto revoked = store_->ListAudit({"", "waiver:" + w.id, "waiver.update", 0, 0});
  ASSERT_EQ(revoked->size(), 1u);
  EXPECT_NE(revoked->at(0).after.find("back from leave"), std::string::npos);
  EXPECT_EQ(revoked->at(0).before.find("back from leave"), std::string::npos);
  ASSERT_TRUE(store_->AppendAudit("m1", "framework.policy", "framework:support@2", "{\"a\":1}",
                                  "{\"a\":2}"));
  auto policy = store_->ListAudit({"", "framework:support@2", "framework.policy", 0, 0});
  ASSERT_EQ(policy->size(), 1u);
  EXPECT_EQ(policy->at(0).after, "{\"a\":2}");

  model::Need n;
  n.framework = "support";
  n.track = "ic";
  n.overlay = "team-lead";
  n.reason = "second shift";
  n.opened_by = "m1";
  n.opened = Date(2024, 2, 1);
  auto nid = store_->SaveNeed("m1", n);
  ASSERT_TRUE(nid);
  n.id = *nid;
  EXPECT_EQ(store_->ListNeeds("support")->at(0), n);
  EXPECT_EQ(store_->ListNeeds("")->size(), 1u);
  EXPECT_TRUE(store_->ListNeeds("other")->empty());

  model::Raise r{"", "e1", Date(2024, 7, 1), "in-band raise", "m1"};
  auto rid = store_->SaveRaise("m1", r);
  ASSERT_TRUE(rid);
  r.id = *rid;
  EXPECT_EQ(store_->ListRaises("e1")->at(0), r);
}

// The write stamp changes with every committed write, and reads leave it as it is. (It may also
// change when nothing was committed: on PostgreSQL a rolled-back transaction used an id.)
TEST_P(StoreContract, WriteStampChangesWithEveryWrite) {
  auto s0 = store_->WriteStamp();
  ASSERT_TRUE(s0) << s0.error().ToString();
  EXPECT_EQ(*store_->WriteStamp(), *s0);
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  auto s1 = store_->WriteStamp();
  ASSERT_TRUE(s1);
  EXPECT_NE(*s1, *s0);
  ASSERT_TRUE(store_->GetPerson("e1"));
  ASSERT_TRUE(store_->ListPeople());
  ASSERT_TRUE(store_->LoadPersonRecords("e1"));
  EXPECT_EQ(*store_->WriteStamp(), *s1);
  // A transaction that fails writes nothing; what it then commits changes the stamp again.
  Status failed = store_->WithTransaction([](Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SavePerson("hr", Person("e2")));
    return MakeError(ErrorCode::kConflict, "changed my mind");
  });
  EXPECT_FALSE(failed);
  auto s2 = store_->WriteStamp();
  ASSERT_TRUE(s2);
  ASSERT_TRUE(store_->SavePerson("hr", Person("e2")));
  EXPECT_NE(*store_->WriteStamp(), *s2);
  EXPECT_NE(*store_->WriteStamp(), *s1);
  // Another process's write (here: another store on the same database) changes it too.
  if (IsMemory()) return;  // a private database: nobody else can write
  auto other = OpenStore(url_);
  ASSERT_TRUE(other) << other.error().ToString();
  auto before = store_->WriteStamp();
  ASSERT_TRUE(before);
  ASSERT_TRUE((*other)->SavePerson("elsewhere", Person("e3")));
  EXPECT_NE(*store_->WriteStamp(), *before);
}

// LoadPersonRecords reads in one statement what the List* methods read one by one.
TEST_P(StoreContract, PersonRecordsInOneReadEqualTheLists) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("m1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("other")));
  for (std::string p : {"e1", "other"}) {
    model::Assignment a;
    a.person = p;
    a.framework = "support";
    a.version = "2024.1";
    a.track = "ic";
    a.level = "IC1";
    a.from = Date(2023, 1, 1);
    ASSERT_TRUE(store_->AddAssignment("hr", a));
    for (int i = 3; i >= 1; --i) {  // saved newest first: the order comes from the dates
      model::Evidence e;
      e.person = p;
      e.kind = "doc";
      e.title = p + " doc " + std::to_string(i);
      e.date = Date(2024, i, 1);
      ASSERT_TRUE(store_->SaveEvidence("hr", e));
    }
  }
  model::Assignment later;
  later.person = "e1";
  later.framework = "support";
  later.version = "2024.1";
  later.track = "ic";
  later.level = "IC2";
  later.from = Date(2024, 6, 1);
  ASSERT_TRUE(store_->AddAssignment("hr", later));
  ASSERT_TRUE(
      store_->SaveMetric("hr", {"", "e1", "csat", Date(2024, 1, 1), Date(2024, 3, 31), 4.5}));
  model::Assessment a;
  a.person = "e1";
  a.assessor = "m1";
  a.role = model::AssessorRole::kPeer;
  a.period_start = Date(2024, 1, 1);
  a.period_end = Date(2024, 6, 30);
  a.competency = "delivery";
  a.rating = model::Rating::kMeeting;
  ASSERT_TRUE(store_->SaveAssessment("m1", a));
  ASSERT_TRUE(store_->SaveSignOff("m1", {"", "e1", "Knows billing", "m1", Date(2024, 4, 1), ""}));
  ASSERT_TRUE(store_->SaveWaiver(
      "m1", {"", "e1", "", "12 months at IC1", "m1", "leave", Date(2024, 5, 1), {}, "", {}, ""}));
  model::Case c;
  c.person = "e1";
  c.framework = "support";
  c.version = "2024.1";
  c.target_track = "ic";
  c.target_level = "IC2";
  c.opened_by = "m1";
  c.opened = Date(2024, 5, 2);
  ASSERT_TRUE(store_->SaveCase("m1", c));

  auto all = store_->LoadPersonRecords("e1");
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(all->person, *store_->GetPerson("e1"));
  EXPECT_EQ(all->assignments, *store_->ListAssignments("e1"));
  EXPECT_EQ(all->assignments.size(), 2u);
  EXPECT_EQ(all->evidence, *store_->ListEvidence("e1"));
  ASSERT_EQ(all->evidence.size(), 3u);
  EXPECT_EQ(all->evidence[0].title, "e1 doc 1");
  EXPECT_EQ(all->metrics, *store_->ListMetrics("e1"));
  EXPECT_EQ(all->assessments, *store_->ListAssessments("e1"));
  EXPECT_EQ(all->signoffs, *store_->ListSignOffs("e1"));
  EXPECT_EQ(all->waivers, *store_->ListWaivers("e1"));
  EXPECT_EQ(all->cases, *store_->ListCases("e1"));
  EXPECT_EQ(all->metrics.size() + all->assessments.size() + all->signoffs.size() +
                all->waivers.size() + all->cases.size(),
            5u);
  EXPECT_EQ(store_->LoadPersonRecords("ghost").error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, CasesWithPanelsVotesAndDecisions) {
  SeedPublished();
  for (const char* id : {"e1", "p1", "p2", "m1"}) ASSERT_TRUE(store_->SavePerson("hr", Person(id)));
  model::Case c;
  c.person = "e1";
  c.framework = "support";
  c.version = "2024.1";
  c.target_track = "ic";
  c.target_level = "IC2";
  c.opened_by = "m1";
  c.opened = Date(2024, 6, 1);
  c.panel = {"p1", "p2"};
  c.history = {{Date(2024, 6, 1), "m1", "opened"}};
  auto id = store_->SaveCase("m1", c);
  ASSERT_TRUE(id) << id.error().ToString();
  ASSERT_TRUE(
      store_->AddVote("p1", *id, {"p1", model::VoteChoice::kFor, "ready", Date(2024, 6, 10)}));
  ASSERT_TRUE(
      store_->AddVote("p1", *id, {"p1", model::VoteChoice::kAgainst, "", Date(2024, 6, 11)}));
  auto outsider =
      store_->AddVote("m1", *id, {"m1", model::VoteChoice::kFor, "", Date(2024, 6, 12)});
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().code, ErrorCode::kInvalidArgument);
  auto got = store_->GetCase(*id);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->votes.size(), 1u);  // the second vote replaced the first
  EXPECT_EQ(got->votes[0].choice, model::VoteChoice::kAgainst);
  EXPECT_EQ(got->history.size(), 3u);
  model::Case closed = *got;
  closed.status = model::CaseStatus::kClosed;
  closed.decision = model::Decision{model::Outcome::kPromoted, Date(2024, 7, 1), "m1", "agreed"};
  ASSERT_TRUE(store_->SaveCase("m1", closed));
  EXPECT_EQ(*store_->GetCase(*id), closed);
  auto late = store_->AddVote("p2", *id, {"p2", model::VoteChoice::kFor, "", Date(2024, 7, 2)});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  closed.status = model::CaseStatus::kOpen;
  EXPECT_EQ(store_->SaveCase("m1", closed).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListCases("e1")->size(), 1u);
  EXPECT_EQ(store_->ListCases("", model::CaseStatus::kClosed)->size(), 1u);
  EXPECT_TRUE(store_->ListCases("", model::CaseStatus::kOpen)->empty());
}

TEST_P(StoreContract, UsersSessionsAndTokensKeepHashesOnly) {
  ASSERT_TRUE(store_->SavePerson("admin", Person("e1")));
  model::User u{"ann",
                "e1",
                "Ann",
                {model::UserRole::kAdmin, model::UserRole::kManager},
                "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                false};
  ASSERT_TRUE(store_->SaveUser("setup", u));
  EXPECT_EQ(*store_->GetUser("ann"), u);
  EXPECT_EQ(store_->ListUsers()->size(), 1u);
  Session s{"hash-of-cookie", "ann", "csrf", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"};
  ASSERT_TRUE(store_->CreateSession("ann", s));
  EXPECT_EQ(*store_->GetSession("hash-of-cookie"), s);
  EXPECT_EQ(*store_->DeleteExpiredSessions("2026-01-01T12:00:00Z"), 0);
  EXPECT_EQ(*store_->DeleteExpiredSessions("2026-01-03T00:00:00Z"), 1);
  EXPECT_EQ(store_->GetSession("hash-of-cookie").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->CreateSession("ann", s));
  ASSERT_TRUE(store_->DeleteSession("ann", "hash-of-cookie"));
  // Ending every session but the current one (a password change).
  for (std::string h : {"h1", "h2", "h3"})
    ASSERT_TRUE(store_->CreateSession(
        "ann", Session{h, "ann", "c", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"}));
  EXPECT_EQ(*store_->DeleteUserSessions("ann", "ann", "h2"), 2);
  EXPECT_EQ(store_->GetSession("h1").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->GetSession("h2"));
  EXPECT_EQ(*store_->DeleteUserSessions("ann", "ann", ""), 1);
  EXPECT_EQ(store_->GetSession("h2").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*store_->DeleteUserSessions("ann", "ann", ""), 0);
  ApiToken t{"", "ann", "ci", "hash-of-token", "", "", "", false};
  auto tid = store_->CreateApiToken("ann", t);
  ASSERT_TRUE(tid);
  auto found = store_->FindApiToken("hash-of-token");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user, "ann");
  EXPECT_FALSE(found->revoked);
  ApiToken dup = t;
  dup.id = "";
  EXPECT_EQ(store_->CreateApiToken("ann", dup).error().code, ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store_->RevokeApiToken("ann", *tid));
  EXPECT_TRUE(store_->FindApiToken("hash-of-token")->revoked);
  EXPECT_EQ(store_->ListApiTokens("ann")->size(), 1u);
  // No secret or password hash reaches the audit log.
  auto audit = store_->ListAudit({"", "", "", 0, 0});
  for (const auto& e : *audit) {
    EXPECT_EQ(e.before.find("argon2id"), std::string::npos) << e.action;
    EXPECT_EQ(e.after.find("argon2id"), std::string::npos) << e.action;
    EXPECT_EQ(e.after.find("hash-of"), std::string::npos) << e.action;
  }
}

TEST_P(StoreContract, EveryWriteIsAudited) {
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  model::Person renamed = Person("e1");
  renamed.name = "Renamed";
  ASSERT_TRUE(store_->SavePerson("boss", renamed));
  auto log = store_->ListAudit({"", "person:e1", "", 0, 0});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].action, "person.create");
  EXPECT_EQ((*log)[0].actor, "hr");
  EXPECT_EQ((*log)[0].before, "");
  EXPECT_EQ((*log)[1].action, "person.update");
  EXPECT_EQ((*log)[1].actor, "boss");
  EXPECT_NE((*log)[1].before.find("Name e1"), std::string::npos);
  EXPECT_NE((*log)[1].after.find("Renamed"), std::string::npos);
  EXPECT_LT((*log)[0].id, (*log)[1].id);
  EXPECT_FALSE((*log)[0].at.empty());
  // A failed write leaves no audit entry.
  ASSERT_FALSE(store_->SavePerson("hr", Person("e2", "ghost")));
  EXPECT_EQ(store_->ListAudit({"", "person:e2", "", 0, 0})->size(), 0u);
  EXPECT_EQ(store_->ListAudit({"boss", "", "", 0, 0})->size(), 1u);
  EXPECT_EQ(store_->ListAudit({"", "", "person.", (*log)[0].id, 0})->size(), 1u);
}

TEST_P(StoreContract, TransactionIsAllOrNothing) {
  Status failed = store_->WithTransaction([&](Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SaveDraft("importer", SupportFramework()));
    LADDER_TRY_STATUS(tx.SavePerson("importer", Person("e1")));
    return MakeError(ErrorCode::kInvalidArgument, "the third document is broken");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "the third document is broken");
  EXPECT_TRUE(store_->ListFrameworks()->empty());
  EXPECT_EQ(store_->GetPerson("e1").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListAudit()->empty());
  Status ok = store_->WithTransaction([&](Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SaveDraft("importer", SupportFramework()));
    LADDER_TRY_STATUS(tx.Publish("importer", "support", "2024.1"));
    // Reads inside the transaction see its writes.
    auto f = tx.GetFramework("support");
    if (!f) return Fail(f.error());
    return tx.WithTransaction(
        [](Store& inner) { return inner.SavePerson("importer", Person("e1")); });
  });
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_EQ(store_->GetFramework("support")->version, "2024.1");
  EXPECT_TRUE(store_->GetPerson("e1"));
}

TEST_P(StoreContract, SearchFindsBehavioursWithTheirPlace) {
  SeedPublished();
  auto hits = store_->Search("code review");
  ASSERT_TRUE(hits) << hits.error().ToString();
  ASSERT_EQ(hits->size(), 2u);
  std::set<std::string> places;
  for (const auto& h : *hits) {
    EXPECT_EQ(h.framework, "support");
    EXPECT_EQ(h.framework_name, "Customer Support");
    EXPECT_EQ(h.version, "2024.1");
    EXPECT_EQ(h.track, "ic");
    EXPECT_EQ(h.kind, HitKind::kBehaviour);
    EXPECT_NE(h.snippet.find(std::string(kMatchOpen) + "code" + std::string(kMatchClose)),
              std::string::npos)
        << h.snippet;
    places.insert(h.level + "/" + h.competency);
  }
  EXPECT_EQ(places, (std::set<std::string>{"IC1/delivery", "IC2/craft"}));
  // Stemming: "reviews" finds "review"; phrases keep their order.
  // three behaviours, the note, IC2's "Successful peer review" requirement and the team lead's
  // duty "Runs the weekly queue review."
  EXPECT_EQ(store_->Search("reviews")->size(), 6u);
  auto overlay = store_->Search("queue");
  ASSERT_EQ(overlay->size(), 1u);
  EXPECT_EQ((*overlay)[0].kind, HitKind::kOverlay);
  EXPECT_EQ((*overlay)[0].title, "Team Lead");
  auto competency = store_->Search("unstuck");
  ASSERT_EQ(competency->size(), 1u);
  EXPECT_EQ((*competency)[0].kind, HitKind::kCompetency);
  EXPECT_EQ((*competency)[0].competency, "delivery");
  EXPECT_EQ(store_->Search("\"review code\"")->size(), 0u);
  // Notes, summaries, attributes, requirements and roles are found too, with their kind.
  auto note = store_->Search("portfolio");
  ASSERT_EQ(note->size(), 1u);
  EXPECT_EQ((*note)[0].kind, HitKind::kNote);
  EXPECT_EQ((*note)[0].title, "When do I get promoted?");
  auto role = store_->Search("integrations");
  ASSERT_EQ(role->size(), 1u);
  EXPECT_EQ((*role)[0].kind, HitKind::kRole);
  EXPECT_EQ((*role)[0].title, "Senior Solutions Engineer");
  std::set<HitKind> kinds;
  auto esc = store_->Search("escalations");
  for (const auto& h : *esc) kinds.insert(h.kind);
  EXPECT_EQ(kinds, (std::set<HitKind>{HitKind::kLevelSummary, HitKind::kExpectationSummary}));
  EXPECT_EQ((*store_->Search("peer"))[0].level, "IC2");
  // Query syntax of the backends is text here, never an error.
  for (const char* odd : {"code AND", "NEAR(code", "\"unclosed", "code -review", "a:b*"}) {
    auto r = store_->Search(odd);
    EXPECT_TRUE(r) << odd << ": " << r.error().ToString();
  }
  EXPECT_EQ(store_->Search("   ").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->Search("' --").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(MarkSnippet("a \x02"
                        "b\x03 c",
                        "<mark>", "</mark>"),
            "a <mark>b</mark> c");
}

TEST_P(StoreContract, SearchCoversTheLatestPublishedVersionUnlessDraftsAreAsked) {
  SeedPublished();
  Framework draft = SupportFramework("2025.1");
  draft.tracks[0].levels[0].summary = "Handles zeppelin maintenance tickets.";
  ASSERT_TRUE(store_->SaveDraft("alice", draft));
  EXPECT_TRUE(store_->Search("zeppelin")->empty());
  auto with_drafts = store_->Search("zeppelin", {"", true, 50});
  ASSERT_EQ(with_drafts->size(), 1u);
  EXPECT_EQ((*with_drafts)[0].version, "2025.1");
  // Only one version of a framework answers: no duplicates across versions.
  auto latest = store_->Search("escalations", {"", true, 50});
  ASSERT_EQ(latest->size(), 2u);  // the level summary and the expectation summary
  for (const auto& h : *latest) EXPECT_EQ(h.version, "2025.1");
  EXPECT_TRUE(store_->Search("escalations", {"other", false, 50})->empty());
}

TEST_P(StoreContract, RolesByFamilyAndSeniority) {
  SeedPublished();
  auto all = store_->ListRoles({});
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].role.family, "Data Engineer");
  auto se = store_->ListRoles({"", "solutions engineer", "", false});
  ASSERT_EQ(se->size(), 2u);
  EXPECT_EQ((*se)[0].role.seniority, "Senior");  // source order within a family
  EXPECT_EQ((*se)[0].framework, "support");
  auto senior = store_->ListRoles({"", "", "Senior", false});
  EXPECT_EQ(senior->size(), 2u);
  EXPECT_EQ((*se)[0].role, SupportFramework().roles[0]);
}

TEST_P(StoreContract, UnicodeTextRoundTripsAndIsSearchable) {
  Framework f = SupportFramework();
  f.name = "Support — Équipe 客服 🚀";
  f.tracks[0].levels[0].summary = "Répond aux clients en français et en 日本語; naïve café ✓";
  f.notes.push_back({"Ünïcödé", "Emoji 👩‍💻 and RTL שלום", {}});
  ASSERT_TRUE(store_->SaveDraft("zoë", f));
  ASSERT_TRUE(store_->Publish("zoë", "support", "2024.1"));
  auto got = store_->GetFramework("support");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, f.name);
  EXPECT_EQ(got->tracks[0].levels[0].summary, f.tracks[0].levels[0].summary);
  EXPECT_EQ(got->notes.back(), f.notes.back());
  auto hits = store_->Search("français");
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].level, "IC1");
  model::Person p = Person("ü1");
  p.name = "Zoë Ñúñez";
  ASSERT_TRUE(store_->SavePerson("zoë", p));
  EXPECT_EQ(store_->GetPerson("ü1")->name, "Zoë Ñúñez");
  EXPECT_EQ(store_->ListAudit({"zoë", "", "", 0, 0})->size(), 3u);
}

TEST_P(StoreContract, LargeTextsRoundTrip) {
  Framework f = SupportFramework();
  std::string big;
  while (big.size() < (1u << 20)) big += "The engineer writes long careful answers. ";
  big += "needleword";
  f.notes.push_back({"Big", big, {}});
  ASSERT_TRUE(store_->SaveDraft("alice", f));
  ASSERT_TRUE(store_->Publish("alice", "support", "2024.1"));
  auto got = store_->GetFramework("support");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->notes.back().markdown, big);
  auto hits = store_->Search("needleword");
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_LT((*hits)[0].snippet.size(), 2000u);
  model::Person p = Person("e1");
  ASSERT_TRUE(store_->SavePerson("hr", p));
  model::Evidence e;
  e.person = "e1";
  e.kind = "doc";
  e.title = "Long doc";
  e.note = big;
  e.date = Date(2024, 1, 1);
  auto id = store_->SaveEvidence("e1", e);
  ASSERT_TRUE(id);
  EXPECT_EQ(store_->GetEvidence(*id)->note, big);
}

TEST_P(StoreContract, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 4, kEach = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
        if (!store_->SavePerson("thread", Person(id))) ++failures;
      }
    });
  // Readers run alongside.
  std::thread reader([&] {
    for (int i = 0; i < 20; ++i)
      if (!store_->ListPeople()) ++failures;
  });
  for (auto& t : threads) t.join();
  reader.join();
  EXPECT_EQ(failures.load(), 0);
  auto people = store_->ListPeople();
  ASSERT_TRUE(people);
  EXPECT_EQ(people->size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(store_->ListAudit({"thread", "", "", 0, 0})->size(),
            static_cast<size_t>(kThreads * kEach));
}

TEST_P(StoreContract, BackupAndRestore) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  std::string file =
      (TempDir() / ("backup-" + GetParam()->name + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(file);
  Status backup = store_->Backup(file);
  if (store_->Backend() == "postgresql") {
    ASSERT_FALSE(backup);
    EXPECT_EQ(backup.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(backup.error().message.find("pg_dump"), std::string::npos);
    return;
  }
  ASSERT_TRUE(backup) << backup.error().ToString();
  // Change things, then restore: the backup's content comes back.
  ASSERT_TRUE(store_->SavePerson("hr", Person("e2")));
  ASSERT_TRUE(store_->DeletePerson("hr", "e1"));
  ASSERT_TRUE(store_->Restore(file));
  EXPECT_TRUE(store_->GetPerson("e1"));
  EXPECT_EQ(store_->GetPerson("e2").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->Search("escalations")->size(), 2u);
  // A file that is not a Ladder database is refused and changes nothing.
  std::string junk = (TempDir() / "junk.db").string();
  {
    std::FILE* f = std::fopen(junk.c_str(), "w");
    std::fputs("not a database", f);
    std::fclose(f);
  }
  auto bad = store_->Restore(junk);
  ASSERT_FALSE(bad);
  EXPECT_TRUE(store_->GetPerson("e1"));
}

template <typename T>
Status StatusOf(const Result<T>& result) {
  if (!result) return Fail(result.error());
  return Ok();
}

// A database with one record of every kind, written through the Store.
void Populate(Store& store) {
  Framework f = SupportFramework();
  f.notes.push_back({"Équipe", "Travail d’équipe — on-call rota 🚀", {}});
  ASSERT_TRUE(store.SaveDraft("alice", f));
  ASSERT_TRUE(store.Publish("alice", "support", "2024.1", "2024-02-01"));
  ASSERT_TRUE(store.SaveDraft("alice", SupportFramework("2025.1")));
  // A report whose id sorts before their manager's, to exercise the load order.
  ASSERT_TRUE(store.SavePerson("hr", Person("z-manager")));
  ASSERT_TRUE(store.SavePerson("hr", Person("a-report", "z-manager")));
  ASSERT_TRUE(store.SavePerson("hr", Person("p1")));
  ASSERT_TRUE(store.AddAssignment("hr", Assign("a-report", "IC1", Date(2022, 1, 1))));
  ASSERT_TRUE(store.AddAssignment("hr", Assign("a-report", "IC2", Date(2023, 6, 1))));
  model::Evidence e;
  e.id = "ev-1";
  e.person = "a-report";
  e.kind = "talk";
  e.title = "Queue triage — talk";
  e.date = Date(2024, 3, 2);
  e.competencies = {"delivery"};
  ASSERT_TRUE(store.SaveEvidence("a-report", e));
  ASSERT_TRUE(store.SaveMetric(
      "hr", {"me-1", "a-report", "solo", Date(2024, 1, 1), Date(2024, 3, 31), 91.25}));
  model::Assessment a;
  a.id = "at-1";
  a.person = "a-report";
  a.assessor = "z-manager";
  a.role = model::AssessorRole::kManager;
  a.period_start = Date(2024, 1, 1);
  a.competency = "delivery";
  a.rating = model::Rating::kNext;
  a.framework = "support";
  a.version = "2024.1";
  ASSERT_TRUE(store.SaveAssessment("z-manager", a));
  ASSERT_TRUE(store.SaveSignOff(
      "z-manager", {"so-1", "a-report", "Knows billing", "z-manager", Date(2024, 4, 1), ""}));
  model::Case c;
  c.id = "case-1";
  c.person = "a-report";
  c.framework = "support";
  c.version = "2024.1";
  c.target_track = "ic";
  c.target_level = "IC2";
  c.opened_by = "z-manager";
  c.opened = Date(2024, 6, 1);
  c.panel = {"p1"};
  ASSERT_TRUE(store.SaveCase("z-manager", c));
  ASSERT_TRUE(store.AddVote("p1", "case-1", {"p1", model::VoteChoice::kFor, "", Date(2024, 6, 2)}));
  ASSERT_TRUE(store.SaveWaiver("z-manager", {"wa-1",
                                             "a-report",
                                             "case-1",
                                             "12 months at IC1",
                                             "z-manager",
                                             "leave",
                                             Date(2024, 5, 1),
                                             {},
                                             "",
                                             {},
                                             ""}));
  model::Need n;
  n.id = "need-1";
  n.framework = "support";
  n.track = "ic";
  n.opened = Date(2024, 2, 1);
  ASSERT_TRUE(store.SaveNeed("z-manager", n));
  ASSERT_TRUE(store.SaveRaise("z-manager", {"ra-1", "a-report", Date(2024, 7, 1), "in band", ""}));
  ASSERT_TRUE(store.SaveUser("setup", {"ann",
                                       "a-report",
                                       "Ann",
                                       {model::UserRole::kEmployee},
                                       "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                                       false}));
  ASSERT_TRUE(store.CreateSession(
      "ann", {"session-hash", "ann", "csrf", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"}));
  auto token = store.CreateApiToken(
      "ann", {"tok-1", "ann", "ci", "token-hash", "2026-01-01T00:00:00Z", "", "", false});
  ASSERT_TRUE(token);
  ASSERT_TRUE(store.RevokeApiToken("ann", "tok-1"));
}

TEST_P(StoreContract, DumpHoldsEverythingAndLoadsBackIdentically) {
  Populate(*store_);
  auto dump = store_->ExportDump({.secrets = true});
  ASSERT_TRUE(dump) << dump.error().ToString();
  auto json = nlohmann::json::parse(*dump);
  EXPECT_EQ(json["format"], "ladder-dump");
  EXPECT_EQ(json["schema"], *store_->SchemaVersion());
  for (const auto& [table, rows] : std::map<std::string, size_t>{{"framework_versions", 2},
                                                                 {"people", 3},
                                                                 {"assignments", 2},
                                                                 {"evidence", 1},
                                                                 {"metrics", 1},
                                                                 {"assessments", 1},
                                                                 {"signoffs", 1},
                                                                 {"cases", 1},
                                                                 {"waivers", 1},
                                                                 {"needs", 1},
                                                                 {"raises", 1},
                                                                 {"users", 1},
                                                                 {"sessions", 1},
                                                                 {"api_tokens", 1}})
    EXPECT_EQ(json[table].size(), rows) << table;
  EXPECT_EQ(json["audit_log"].size(), store_->ListAudit({"", "", "", 0, 0})->size());
  // Password and token hashes are in, and flagged as secrets.
  EXPECT_EQ(json["users"][0]["password_hash"], "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  EXPECT_EQ(json["api_tokens"][0]["token_hash"], "token-hash");
  EXPECT_NE(json["secrets"].dump().find("users.password_hash"), std::string::npos);
  // One row per line: a one-record change is a one-line diff.
  EXPECT_NE(dump->find("\n{\"id\":\"a-report\",\"name\":\"Name a-report\""), std::string::npos);

  // Into a new database of the same backend: the same dump again, and the same content.
  auto copy = OpenStore(GetParam()->fresh_url());
  ASSERT_TRUE(copy) << copy.error().ToString();
  Status loaded = (*copy)->ImportDump(*dump);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  EXPECT_EQ(*(*copy)->ExportDump({.secrets = true}), *dump);
  EXPECT_EQ(*(*copy)->GetFramework("support"), *store_->GetFramework("support"));
  EXPECT_EQ(*(*copy)->ListVersions("support"), *store_->ListVersions("support"));
  EXPECT_EQ((*copy)->GetPerson("a-report")->manager, "z-manager");
  EXPECT_EQ(*(*copy)->GetCase("case-1"), *store_->GetCase("case-1"));
  EXPECT_EQ(*(*copy)->GetUser("ann"), *store_->GetUser("ann"));
  EXPECT_TRUE((*copy)->FindApiToken("token-hash")->revoked);
  EXPECT_EQ((*copy)->Search("équipe")->size(), 1u);  // search passages are rebuilt
  EXPECT_EQ((*copy)->ListRoles({})->size(), 3u);
  // The loaded audit log goes on from its last id.
  long long last = (*copy)->ListAudit({"", "", "", 0, 0})->back().id;
  ASSERT_TRUE((*copy)->SavePerson("hr", Person("new")));
  EXPECT_EQ((*copy)->ListAudit({"", "person:new", "", 0, 0})->at(0).id, last + 1);
  // References keep protecting what they point at after the load.
  EXPECT_EQ((*copy)->DeletePerson("hr", "z-manager").error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, DumpLeavesCredentialsOutUnlessAsked) {
  Populate(*store_);
  auto dump = store_->ExportDump();
  ASSERT_TRUE(dump) << dump.error().ToString();
  for (const char* secret : {"$argon2id$", "session-hash", "\"csrf\"", "token-hash"})
    EXPECT_EQ(dump->find(secret), std::string::npos) << secret;
  auto json = nlohmann::json::parse(*dump);
  EXPECT_EQ(json["secrets"], nlohmann::json::array());
  EXPECT_EQ(json["users"][0]["password_hash"], "");
  EXPECT_EQ(json["sessions"].size(), 0u);
  EXPECT_EQ(json["api_tokens"].size(), 0u);
  // Loaded, the account is there but cannot sign in until a password is set.
  auto copy = OpenStore(GetParam()->fresh_url());
  ASSERT_TRUE(copy) << copy.error().ToString();
  Status loaded = (*copy)->ImportDump(*dump);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  Result<model::User> ann = (*copy)->GetUser("ann");
  ASSERT_TRUE(ann);
  EXPECT_EQ(ann->password_hash, "");
  EXPECT_EQ(ann->roles, store_->GetUser("ann")->roles);
  EXPECT_FALSE((*copy)->FindApiToken("token-hash"));
  EXPECT_FALSE((*copy)->GetSession("session-hash"));
}

TEST_P(StoreContract, DumpLoadsOnlyIntoAnEmptyDatabase) {
  Populate(*store_);
  auto dump = store_->ExportDump();
  ASSERT_TRUE(dump);
  auto before = *dump;
  Status refused = store_->ImportDump(*dump);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().message.find("3 people"), std::string::npos) << refused.error().message;
  EXPECT_EQ(*store_->ExportDump(), before);

  auto fresh = OpenStore(GetParam()->fresh_url());
  ASSERT_TRUE(fresh);
  Store& empty = **fresh;
  // Not JSON: the location of the fault.
  Status bad = empty.ImportDump("{\"format\": \"ladder-dump\",\n  \"schema\": 2,\n  oops}");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().where.line, 3) << bad.error().ToString();
  // JSON, but not a dump.
  EXPECT_EQ(empty.ImportDump("{\"people\": []}").error().code, ErrorCode::kInvalidArgument);
  // A newer schema.
  auto future = nlohmann::json::parse(*dump);
  future["schema"] = 999;
  Status newer = empty.ImportDump(future.dump());
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, ErrorCode::kFailedPrecondition);
  // A damaged record late in the dump: nothing at all is loaded.
  auto damaged = nlohmann::json::parse(*dump);
  damaged["audit_log"][0].erase("actor");
  Status partial = empty.ImportDump(damaged.dump());
  ASSERT_FALSE(partial);
  EXPECT_NE(partial.error().message.find("audit_log[0]"), std::string::npos)
      << partial.error().message;
  EXPECT_TRUE(empty.ListFrameworks()->empty());
  EXPECT_TRUE(empty.ListPeople()->empty());
  // A record that breaks a reference (an assignment of a level that is not there).
  auto dangling = nlohmann::json::parse(*dump);
  dangling["assignments"][0]["level"] = "IC9";
  Status fk = empty.ImportDump(dangling.dump());
  ASSERT_FALSE(fk);
  EXPECT_TRUE(empty.ListPeople()->empty());
  // A level history that breaks its rules (model/level_history.h): two open periods.
  auto overlapping = nlohmann::json::parse(*dump);
  nlohmann::json second = overlapping["assignments"][0];
  second["id"] = "as-overlap";
  second["doc"]["id"] = "as-overlap";
  second["from_date"] = second["doc"]["from"] = "2030-01-01";
  second["to_date"] = second["doc"]["to"] = nullptr;
  overlapping["assignments"][0]["to_date"] = overlapping["assignments"][0]["doc"]["to"] = nullptr;
  overlapping["assignments"].push_back(second);
  Status overlap = empty.ImportDump(overlapping.dump());
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(overlap.error().message.find("overlaps"), std::string::npos) << overlap.error().message;
  EXPECT_TRUE(empty.ListPeople()->empty());
  // And the intact dump still loads.
  ASSERT_TRUE(empty.ImportDump(*dump));
}

// A dump written by a Ladder of schema 2 (tests/cli/storage_fixtures/make_schema2.sh), whose
// records were stored in their earlier JSON form, loads on every backend: every record reads
// as it was written, and the next dump holds the records in their current form.
TEST_P(StoreContract, DumpOfSchemaTwoLoadsAndReadsTheSame) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) +
                   "/tests/cli/storage_fixtures/schema2-dump.json");
  std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(old.empty());
  Status loaded = store_->ImportDump(old);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  auto decided = store_->GetCase("case-d1");
  ASSERT_TRUE(decided) << decided.error().ToString();
  EXPECT_EQ(decided->target_track, "crew");
  EXPECT_EQ(decided->target_level, "C2");
  ASSERT_EQ(decided->votes.size(), 2u);
  EXPECT_EQ(decided->votes[0].choice, model::VoteChoice::kFor);
  EXPECT_EQ(decided->votes[1].choice, model::VoteChoice::kAbstain);
  ASSERT_TRUE(decided->decision);
  EXPECT_EQ(decided->decision->outcome, model::Outcome::kPromoted);
  EXPECT_EQ(store_->GetCase("case-d2")->target_overlay, "pilot");
  auto waivers = store_->ListWaivers("d1");
  ASSERT_EQ(waivers->size(), 1u);
  EXPECT_EQ((*waivers)[0].case_id, "case-d1");
  EXPECT_TRUE((*waivers)[0].expires.empty());
  auto history = store_->ListAssignments("d1");
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].to, Date(2024, 5, 1));
  EXPECT_TRUE((*history)[1].to.empty());
  EXPECT_EQ(store_->GetUser("auditor")->person, "");
  EXPECT_EQ(store_->GetUser("cora")->person, "cap");
  auto evidence = store_->ListEvidence("d1");
  ASSERT_EQ(evidence->size(), 3u);
  EXPECT_EQ((*evidence)[0].id, "ev-shift-closed");  // oldest first
  EXPECT_EQ((*evidence)[0].end, Date(2024, 1, 31));
  EXPECT_TRUE((*evidence)[2].end.empty());

  // A token made before scopes existed may do everything.
  EXPECT_EQ(store_->ListApiTokens("cora")->at(0).scope, model::TokenScope::kWrite);

  // The dump now: the same rows, record documents in the current form, empty dates null.
  auto now = store_->ExportDump({.secrets = true});
  ASSERT_TRUE(now);
  auto before = nlohmann::json::parse(old), after = nlohmann::json::parse(*now);
  EXPECT_EQ(after["schema"], *store_->SchemaVersion());
  for (const char* table :
       {"people", "assignments", "evidence", "assessments", "signoffs", "cases", "waivers", "needs",
        "raises", "users", "api_tokens", "audit_log", "framework_versions"})
    EXPECT_EQ(after[table].size(), before[table].size()) << table;
  EXPECT_EQ(after["audit_log"], before["audit_log"]);
  // The framework document is now the version's canonical JSON (schema 5).
  const auto& version_row = after["framework_versions"][0];
  auto stored = store_->GetFramework(version_row["framework"].get<std::string>(),
                                     version_row["version"].get<std::string>());
  ASSERT_TRUE(stored) << stored.error().ToString();
  EXPECT_EQ(version_row["document"], nlohmann::json::parse(formats::WriteJson(*stored)));
  EXPECT_EQ(stored->tracks.at(0).levels.at(1).requirements.size(), 2u);
  EXPECT_EQ(before["framework_versions"][0]["effective"], "");
  EXPECT_TRUE(after["framework_versions"][0]["effective"].is_null());  // an empty date
  const auto& case_doc = after["cases"][0]["doc"];
  EXPECT_EQ(case_doc["target"], (nlohmann::json{{"track", "crew"}, {"level", "C2"}}));
  EXPECT_FALSE(case_doc.contains("target_track"));
  EXPECT_EQ(after["waivers"][0]["doc"]["case"], "case-d1");
  EXPECT_TRUE(after["waivers"][0]["doc"]["expires"].is_null());
  EXPECT_TRUE(after["assignments"][1]["to_date"].is_null());
  EXPECT_TRUE(after["users"][0]["doc"]["person"].is_null());
  // And it loads back into an empty database unchanged.
  auto copy = OpenStore(GetParam()->fresh_url());
  ASSERT_TRUE(copy);
  ASSERT_TRUE((*copy)->ImportDump(*now));
  EXPECT_EQ(*(*copy)->ExportDump({.secrets = true}), *now);
}

// The action filter of the audit log is a prefix: % and _ in it are characters, not patterns.
TEST_P(StoreContract, AuditActionFilterIsAPrefixNotAPattern) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  auto actions = [&](const std::string& prefix) {
    std::vector<std::string> out;
    auto log = store_->ListAudit({"", "", prefix, 0, 0});
    for (const model::AuditEntry& e : *log) out.push_back(e.action);
    return out;
  };
  EXPECT_EQ(actions("framework.save_"), std::vector<std::string>{"framework.save_draft"});
  EXPECT_EQ(actions("person."), std::vector<std::string>{"person.create"});
  EXPECT_TRUE(actions("%").empty());
  EXPECT_TRUE(actions("framework._ave").empty());
  EXPECT_TRUE(actions("framework.save%").empty());
  EXPECT_TRUE(actions("_").empty());
  EXPECT_TRUE(actions("framework.save\\").empty());
  EXPECT_EQ(actions("").size(), 3u);  // save_draft, publish, person.create
}

TEST_P(StoreContract, SearchSplitsWordsJoinedByPunctuation) {
  Framework f = SupportFramework();
  f.tracks[0].levels[0].summary = "Reads the case/code before answering; joins the on-call rota.";
  f.tracks[0].levels[1].summary = "Calls on customers who need it.";
  ASSERT_TRUE(store_->SaveDraft("alice", f));
  ASSERT_TRUE(store_->Publish("alice", "support", "2024.1"));
  // "case/code" is two words: each finds the passage alone.
  for (const char* q : {"code", "case", "case/code", "\"case code\"", "code case"}) {
    auto hits = store_->Search(q);
    ASSERT_TRUE(hits) << q;
    std::set<std::string> levels;
    for (const auto& h : *hits)
      if (h.kind == HitKind::kLevelSummary) levels.insert(h.level);
    EXPECT_EQ(levels, (std::set<std::string>{"IC1"})) << q;
  }
  // A hyphenated query is the phrase: IC2 has "on" and "call" apart and is not found.
  auto oncall = store_->Search("on-call");
  ASSERT_TRUE(oncall);
  ASSERT_EQ(oncall->size(), 1u);
  EXPECT_EQ((*oncall)[0].level, "IC1");
  EXPECT_EQ(MarkSnippet((*oncall)[0].snippet, "[", "]"),
            "Reads the case/code before answering; joins the [on]-[call] rota.");
  // Unquoted words need not be adjacent.
  EXPECT_EQ(store_->Search("on call")->size(), 2u);
  // Stop words and short words are searchable on every backend.
  auto the = store_->Search("\"the on\"");
  ASSERT_TRUE(the);
  EXPECT_EQ(the->size(), 1u);
}

TEST_P(StoreContract, SnippetsKeepTheTextAsWritten) {
  Framework f = SupportFramework();
  f.tracks[0].levels[0].summary = "Has reviewed SME answers.";
  ASSERT_TRUE(store_->SaveDraft("alice", f));
  ASSERT_TRUE(store_->Publish("alice", "support", "2024.1"));
  auto hits = store_->Search("SME");
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  // Leading "Has" and the final full stop are kept; only the match is marked.
  EXPECT_EQ(MarkSnippet((*hits)[0].snippet, "[", "]"), "Has reviewed [SME] answers.");
}

// Every write method of the Store leaves one audit entry with its action, subject and the
// record before and after (as JSON; "" for a create's before and a delete's after).
TEST_P(StoreContract, EveryWriteMethodIsAuditedAsDocumented) {
  struct Case {
    const char* what;
    std::function<Status(Store&)> write;
    std::string action;
    std::string subject;
    const char* before;  // substring of before, or nullptr for ""
    const char* after;   // substring of after, or nullptr for ""
  };
  model::Evidence ev;
  ev.id = "ev-1";
  ev.person = "e1";
  ev.kind = "talk";
  ev.title = "Triage talk";
  ev.date = Date(2024, 3, 2);
  model::Assessment as;
  as.id = "at-1";
  as.person = "e1";
  as.assessor = "m1";
  as.competency = "delivery";
  as.period_start = Date(2024, 1, 1);
  model::Case cs;
  cs.id = "case-1";
  cs.person = "e1";
  cs.opened = Date(2024, 6, 1);
  cs.panel = {"m1"};
  model::Need need;
  need.id = "need-1";
  need.framework = "support";
  need.reason = "second shift";
  need.opened = Date(2024, 2, 1);
  model::User user{"ann", "e1", "Ann", {model::UserRole::kEmployee}, "$argon2id$secret", false};
  model::Assignment assignment = Assign("e1", "IC1", Date(2022, 1, 1));
  assignment.id = "as-1";
  const std::vector<Case> cases = {
      {"save draft", [](Store& s) { return s.SaveDraft("w", SupportFramework()); },
       "framework.save_draft", "framework:support@2024.1", nullptr, "\"status\":\"draft\""},
      {"replace draft", [](Store& s) { return s.SaveDraft("w", SupportFramework()); },
       "framework.update_draft", "framework:support@2024.1", "draft", "draft"},
      {"save another draft", [](Store& s) { return s.SaveDraft("w", SupportFramework("2025.1")); },
       "framework.save_draft", "framework:support@2025.1", nullptr, "2025.1"},
      {"delete draft", [](Store& s) { return s.DeleteDraft("w", "support", "2025.1"); },
       "framework.delete_draft", "framework:support@2025.1", "draft", nullptr},
      {"publish", [](Store& s) { return s.Publish("w", "support", "2024.1", "2024-02-01"); },
       "framework.publish", "framework:support@2024.1", "draft", "2024-02-01"},
      {"create person", [](Store& s) { return s.SavePerson("w", Person("m1")); }, "person.create",
       "person:m1", nullptr, "Name m1"},
      {"create report", [](Store& s) { return s.SavePerson("w", Person("e1", "m1")); },
       "person.create", "person:e1", nullptr, "\"manager\":\"m1\""},
      {"update person",
       [](Store& s) {
         model::Person p = Person("e1", "m1");
         p.name = "Renamed";
         return s.SavePerson("w", p);
       },
       "person.update", "person:e1", "Name e1", "Renamed"},
      {"add assignment", [&](Store& s) { return StatusOf(s.AddAssignment("w", assignment)); },
       "assignment.create", "assignment:as-1", nullptr, "IC1"},
      {"update assignment",
       [&](Store& s) {
         model::Assignment a = assignment;
         a.overlays = {"team-lead"};
         return s.UpdateAssignment("w", a);
       },
       "assignment.update", "assignment:as-1", "IC1", "team-lead"},
      {"save evidence", [&](Store& s) { return StatusOf(s.SaveEvidence("w", ev)); },
       "evidence.create", "evidence:ev-1", nullptr, "Triage talk"},
      {"update evidence",
       [&](Store& s) {
         model::Evidence e = ev;
         e.title = "Longer talk";
         return StatusOf(s.SaveEvidence("w", e));
       },
       "evidence.update", "evidence:ev-1", "Triage talk", "Longer talk"},
      {"save metric",
       [](Store& s) {
         return StatusOf(s.SaveMetric("w", {"me-1", "e1", "solo", Date(2024, 1, 1), {}, 90}));
       },
       "metric.create", "metric:me-1", nullptr, "solo"},
      {"save assessment", [&](Store& s) { return StatusOf(s.SaveAssessment("w", as)); },
       "assessment.create", "assessment:at-1", nullptr, "delivery"},
      {"save sign-off",
       [](Store& s) {
         return StatusOf(
             s.SaveSignOff("w", {"so-1", "e1", "Knows billing", "m1", Date(2024, 4, 1), ""}));
       },
       "signoff.create", "signoff:so-1", nullptr, "Knows billing"},
      {"open case", [&](Store& s) { return StatusOf(s.SaveCase("w", cs)); }, "case.create",
       "case:case-1", nullptr, "\"panel\":[\"m1\"]"},
      {"vote",
       [](Store& s) {
         return s.AddVote("w", "case-1", {"m1", model::VoteChoice::kFor, "yes", Date(2024, 6, 2)});
       },
       "case.vote", "case:case-1", "\"votes\":[]", "voted for"},
      {"update case",
       [&](Store& s) -> Status {
         auto c = s.GetCase("case-1");
         if (!c) return Fail(c.error());
         c->status = model::CaseStatus::kPeerReview;
         return StatusOf(s.SaveCase("w", *c));
       },
       "case.update", "case:case-1", "voted for", "peer_review"},
      {"save waiver",
       [](Store& s) {
         return StatusOf(s.SaveWaiver("w", {"wa-1",
                                            "e1",
                                            "case-1",
                                            "12 months at IC1",
                                            "m1",
                                            "leave",
                                            Date(2024, 5, 1),
                                            {},
                                            "",
                                            {},
                                            ""}));
       },
       "waiver.create", "waiver:wa-1", nullptr, "12 months at IC1"},
      {"save need", [&](Store& s) { return StatusOf(s.SaveNeed("w", need)); }, "need.create",
       "need:need-1", nullptr, "second shift"},
      {"save raise",
       [](Store& s) {
         return StatusOf(s.SaveRaise("w", {"ra-1", "e1", Date(2024, 7, 1), "in band", ""}));
       },
       "raise.create", "raise:ra-1", nullptr, "in band"},
      {"create user", [&](Store& s) { return s.SaveUser("w", user); }, "user.create", "user:ann",
       nullptr, "\"name\":\"Ann\""},
      {"update user",
       [&](Store& s) {
         model::User u = user;
         u.disabled = true;
         return s.SaveUser("w", u);
       },
       "user.update", "user:ann", "\"disabled\":false", "\"disabled\":true"},
      {"create session",
       [](Store& s) {
         return s.CreateSession(
             "w", {"sess-hash", "ann", "csrf", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"});
       },
       "session.create", "user:ann", nullptr, "2026-01-02T00:00:00Z"},
      {"delete session", [](Store& s) { return s.DeleteSession("w", "sess-hash"); },
       "session.delete", "user:ann", nullptr, nullptr},
      {"create token",
       [](Store& s) {
         return StatusOf(
             s.CreateApiToken("w", {"tok-1", "ann", "ci", "tok-hash", "", "", "", false}));
       },
       "token.create", "token:tok-1", nullptr, "\"name\":\"ci\""},
      {"revoke token", [](Store& s) { return s.RevokeApiToken("w", "tok-1"); }, "token.revoke",
       "token:tok-1", "\"revoked\":false", "\"revoked\":true"},
      {"delete evidence", [](Store& s) { return s.DeleteEvidence("w", "ev-1"); }, "evidence.delete",
       "evidence:ev-1", "Longer talk", nullptr},
      {"delete metric", [](Store& s) { return s.DeleteMetric("w", "me-1"); }, "metric.delete",
       "metric:me-1", "solo", nullptr},
      {"delete assessment", [](Store& s) { return s.DeleteAssessment("w", "at-1"); },
       "assessment.delete", "assessment:at-1", "delivery", nullptr},
      {"delete assignment", [](Store& s) { return s.DeleteAssignment("w", "as-1"); },
       "assignment.delete", "assignment:as-1", "team-lead", nullptr},
      {"create another person", [](Store& s) { return s.SavePerson("w", Person("x1")); },
       "person.create", "person:x1", nullptr, "x1"},
      {"delete person", [](Store& s) { return s.DeletePerson("w", "x1"); }, "person.delete",
       "person:x1", "Name x1", nullptr},
  };
  long long seen = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Status st = c.write(*store_);
    ASSERT_TRUE(st) << st.error().ToString();
    auto log = store_->ListAudit({"", "", "", seen, 0});
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u) << "one entry per write";
    const model::AuditEntry& e = log->front();
    seen = e.id;
    EXPECT_EQ(e.actor, "w");
    EXPECT_EQ(e.action, c.action);
    EXPECT_EQ(e.subject, c.subject);
    EXPECT_FALSE(e.at.empty());
    if (c.before) {
      EXPECT_NE(e.before.find(c.before), std::string::npos) << e.before;
      EXPECT_TRUE(nlohmann::json::accept(e.before)) << e.before;
    } else {
      EXPECT_EQ(e.before, "");
    }
    if (c.after) {
      EXPECT_NE(e.after.find(c.after), std::string::npos) << e.after;
      EXPECT_TRUE(nlohmann::json::accept(e.after)) << e.after;
    } else {
      EXPECT_EQ(e.after, "");
    }
    // Secrets never reach the log.
    EXPECT_EQ(e.after.find("argon2id"), std::string::npos);
    EXPECT_EQ(e.after.find("hash"), std::string::npos);
  }
  // A promotion that closes the open period writes two entries: the close and the create.
  ASSERT_TRUE(store_->AddAssignment("w", Assign("e1", "IC1", Date(2022, 1, 1))));
  seen = store_->ListAudit({"", "", "", 0, 0})->back().id;
  ASSERT_TRUE(store_->AddAssignment("w", Assign("e1", "IC2", Date(2023, 1, 1))));
  auto promotion = store_->ListAudit({"", "", "", seen, 0});
  ASSERT_EQ(promotion->size(), 2u);
  EXPECT_EQ((*promotion)[0].action, "assignment.close");
  EXPECT_NE((*promotion)[0].after.find("2023-01-01"), std::string::npos);
  EXPECT_EQ((*promotion)[1].action, "assignment.create");
  // Expiring sessions is audited as one entry for the sweep.
  ASSERT_TRUE(store_->CreateSession(
      "w", {"old", "ann", "c", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"}));
  seen = store_->ListAudit({"", "", "", 0, 0})->back().id;
  EXPECT_EQ(*store_->DeleteExpiredSessions("2021-01-01T00:00:00Z"), 1);
  auto sweep = store_->ListAudit({"", "", "", seen, 0});
  ASSERT_EQ(sweep->size(), 1u);
  EXPECT_EQ((*sweep)[0].action, "session.expire");
}

// The record invariants of model/validate.h hold for whatever reaches the store.
TEST_P(StoreContract, RecordsBreakingTheirInvariantsAreRefused) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  model::Evidence no_kind;
  no_kind.person = "e1";
  no_kind.date = Date(2024, 1, 1);
  auto e = store_->SaveEvidence("hr", no_kind);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.error().field, "evidence.kind");
  model::Case closed;
  closed.person = "e1";
  closed.opened = Date(2024, 1, 1);
  closed.status = model::CaseStatus::kClosed;
  EXPECT_EQ(store_->SaveCase("hr", closed).error().field, "case.decision");
  model::Waiver late{"", "e1", "", "12 months at IC1", "e1", "", Date(2024, 5, 1), Date(2024, 4, 1),
                     "", {},   ""};
  EXPECT_EQ(store_->SaveWaiver("hr", late).error().field, "waiver.expires");
  model::Need undated;
  undated.framework = "support";
  EXPECT_EQ(store_->SaveNeed("hr", undated).error().field, "need.opened");
  model::Assessment half;
  half.person = "e1";
  half.period_start = Date(2024, 1, 1);
  half.framework = "support";
  EXPECT_EQ(store_->SaveAssessment("hr", half).error().field, "assessment.version");
  PeopleBatch batch;
  batch.evidence = {no_kind};
  EXPECT_EQ(store_->WritePeopleBatch("hr", batch).error().field, "evidence[0].kind");
  EXPECT_EQ(store_->ListAudit({"", "", "", 0, 0})->size(), 3u);  // draft, publish, person
}

// Records that refer to a person or a draft keep them from vanishing, and the refusal names
// the record.
TEST_P(StoreContract, ReferencedPeopleAndDraftsCannotBeDeleted) {
  ASSERT_TRUE(store_->SaveDraft("alice", SupportFramework()));
  ASSERT_TRUE(store_->SavePerson("hr", Person("e1")));
  ASSERT_TRUE(store_->SavePerson("hr", Person("m1")));
  model::Evidence ev;
  ev.id = "ev-7";
  ev.person = "e1";
  ev.kind = "doc";
  ev.date = Date(2024, 1, 1);
  ASSERT_TRUE(store_->SaveEvidence("e1", ev));
  auto with_evidence = store_->DeletePerson("hr", "e1");
  ASSERT_FALSE(with_evidence);
  EXPECT_EQ(with_evidence.error().code, ErrorCode::kConflict);
  EXPECT_NE(with_evidence.error().message.find("evidence ev-7"), std::string::npos)
      << with_evidence.error().message;
  ASSERT_TRUE(store_->DeleteEvidence("hr", "ev-7"));

  model::Case c;
  c.id = "case-9";
  c.person = "e1";
  c.framework = "support";
  c.version = "2024.1";
  c.opened = Date(2024, 6, 1);
  ASSERT_TRUE(store_->SaveCase("m1", c));
  auto with_case = store_->DeletePerson("hr", "e1");
  ASSERT_FALSE(with_case);
  EXPECT_EQ(with_case.error().code, ErrorCode::kConflict);
  EXPECT_NE(with_case.error().message.find("case case-9"), std::string::npos)
      << with_case.error().message;
  auto draft_with_case = store_->DeleteDraft("alice", "support", "2024.1");
  ASSERT_FALSE(draft_with_case);
  EXPECT_EQ(draft_with_case.error().code, ErrorCode::kConflict);
  EXPECT_NE(draft_with_case.error().message.find("case case-9"), std::string::npos)
      << draft_with_case.error().message;

  // An assessment pinned to the draft, made by m1: m1 and the draft stay.
  model::Assessment a;
  a.id = "at-3";
  a.person = "e1";
  a.assessor = "m1";
  a.period_start = Date(2024, 1, 1);
  a.framework = "support";
  a.version = "2024.1";
  ASSERT_TRUE(store_->SaveAssessment("m1", a));
  auto assessor = store_->DeletePerson("hr", "m1");
  ASSERT_FALSE(assessor);
  EXPECT_EQ(assessor.error().code, ErrorCode::kConflict);
  EXPECT_NE(assessor.error().message.find("assessment at-3"), std::string::npos)
      << assessor.error().message;
  // Still refused for the case, which comes first; then for the assessment.
  Framework f2 = SupportFramework("2025.1");
  ASSERT_TRUE(store_->SaveDraft("alice", f2));
  model::Assessment pinned = a;
  pinned.id = "at-4";
  pinned.version = "2025.1";
  ASSERT_TRUE(store_->SaveAssessment("m1", pinned));
  auto draft_with_assessment = store_->DeleteDraft("alice", "support", "2025.1");
  ASSERT_FALSE(draft_with_assessment);
  EXPECT_EQ(draft_with_assessment.error().code, ErrorCode::kConflict);
  EXPECT_NE(draft_with_assessment.error().message.find("assessment at-4"), std::string::npos)
      << draft_with_assessment.error().message;
  // Nothing was deleted, and no audit entry tells otherwise.
  EXPECT_TRUE(store_->GetPerson("e1"));
  EXPECT_TRUE(store_->GetPerson("m1"));
  EXPECT_TRUE(store_->GetFramework("support", "2025.1"));
  EXPECT_TRUE(store_->ListAudit({"", "", "person.delete", 0, 0})->empty());
  EXPECT_TRUE(store_->ListAudit({"", "", "framework.delete", 0, 0})->empty());
  // Once the references are gone, the deletes go through.
  ASSERT_TRUE(store_->DeleteAssessment("m1", "at-4"));
  EXPECT_TRUE(store_->DeleteDraft("alice", "support", "2025.1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         ::testing::Values(&kSqliteMemory, &kSqliteFile, &kPostgres),
                         [](const auto& param_info) { return param_info.param->name; });

TEST_P(StoreContract, PeopleBatchWritesEverythingOrNothing) {
  SeedPublished();
  ASSERT_TRUE(store_->SavePerson("hr", Person("boss")));
  PeopleBatch batch;
  // A report listed before the manager, a manager outside the batch, and many people (more than
  // one multi-row statement holds).
  batch.people = {Person("e0002", "e0001"), Person("e0001", "boss")};
  for (int i = 3; i < 1200; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "e%04d", i);
    batch.people.push_back(Person(id, "e0001"));
  }
  // e0002's history, given out of order; the open first period is closed by the second.
  batch.assignments = {Assign("e0002", "IC2", Date(2023, 6, 1)),
                       Assign("e0002", "IC1", Date(2022, 1, 1))};
  for (int i = 0; i < 700; ++i) {
    model::Evidence e;
    e.person = i % 2 ? "e0002" : "boss";
    e.kind = "doc";
    e.title = "Doc " + std::to_string(i);
    e.date = Date(2024, 1, 1);
    batch.evidence.push_back(e);
  }
  Status st = store_->WritePeopleBatch("importer", batch);
  ASSERT_TRUE(st) << st.error().ToString();
  EXPECT_EQ(store_->ListPeople()->size(), 1200u);  // boss + 2 + 1197
  EXPECT_EQ(store_->GetPerson("e0002")->manager, "e0001");
  EXPECT_EQ(store_->GetPerson("e0001")->manager, "boss");
  EXPECT_EQ(store_->ListPeople({"e0001", 0, 0})->size(), 1198u);
  auto history = store_->ListAssignments("e0002");
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].level, "IC1");
  EXPECT_EQ((*history)[0].to, Date(2023, 6, 1));
  EXPECT_EQ((*store_->CurrentAssignment("e0002", Date(2024, 1, 1)))->level, "IC2");
  EXPECT_EQ(store_->ListEvidence("e0002")->size(), 350u);
  // Audited per record, like the single writes.
  EXPECT_EQ(store_->ListAudit({"importer", "", "person.create", 0, 0})->size(), 1199u);
  EXPECT_EQ(store_->ListAudit({"importer", "", "assignment.create", 0, 0})->size(), 2u);
  EXPECT_EQ(store_->ListAudit({"importer", "", "evidence.create", 0, 0})->size(), 700u);

  // A second batch replaces e0002's history and updates them.
  PeopleBatch again;
  model::Person renamed = Person("e0002", "e0001");
  renamed.name = "Renamed";
  again.people = {renamed};
  again.assignments = {Assign("e0002", "IC1", Date(2021, 1, 1))};
  ASSERT_TRUE(store_->WritePeopleBatch("importer", again));
  EXPECT_EQ(store_->GetPerson("e0002")->name, "Renamed");
  ASSERT_EQ(store_->ListAssignments("e0002")->size(), 1u);
  EXPECT_EQ(store_->ListAudit({"importer", "", "assignment.delete", 0, 0})->size(), 2u);
  auto update = store_->ListAudit({"importer", "person:e0002", "person.update", 0, 0});
  ASSERT_EQ(update->size(), 1u);
  EXPECT_NE(update->at(0).before.find("Name e0002"), std::string::npos);

  // Every kind of bad batch is refused, naming the field, and writes nothing.
  auto before = store_->ExportDump();
  ASSERT_TRUE(before);
  struct Bad {
    PeopleBatch batch;
    ErrorCode code;
    std::string field;
  };
  std::vector<Bad> bad;
  {
    PeopleBatch b;
    b.people = {Person("n1"), Person("n2", "ghost")};
    bad.push_back({b, ErrorCode::kInvalidArgument, "people[1].manager"});
  }
  {
    PeopleBatch b;
    b.people = {Person("n1"), Person("n1")};
    bad.push_back({b, ErrorCode::kInvalidArgument, "people[1].id"});
  }
  {
    PeopleBatch b;
    b.people = {Person("n1")};
    b.assignments = {Assign("n1", "IC1", Date(2022, 1, 1)), Assign("n1", "IC9", Date(2023, 1, 1))};
    bad.push_back({b, ErrorCode::kInvalidArgument, "assignments[1].level"});
  }
  {
    PeopleBatch b;
    b.people = {Person("n1")};
    b.assignments = {Assign("n2", "IC1", Date(2022, 1, 1))};
    bad.push_back({b, ErrorCode::kInvalidArgument, "assignments[0].person"});
  }
  {
    PeopleBatch b;
    b.people = {Person("n1")};
    b.assignments = {Assign("n1", "IC1", Date(2022, 1, 1), Date(2023, 6, 1)),
                     Assign("n1", "IC2", Date(2023, 1, 1))};
    bad.push_back({b, ErrorCode::kConflict, ""});
  }
  {
    PeopleBatch b;
    b.people = {Person("n1")};
    model::Evidence e;
    e.id = store_->ListEvidence("boss")->at(0).id;
    e.person = "n1";
    e.kind = "doc";
    e.date = Date(2024, 1, 1);
    b.evidence = {e};
    bad.push_back({b, ErrorCode::kAlreadyExists, ""});
  }
  {
    PeopleBatch b;
    model::Evidence e;
    e.person = "ghost";
    e.kind = "doc";
    e.date = Date(2024, 1, 1);
    b.evidence = {e};
    bad.push_back({b, ErrorCode::kInvalidArgument, "evidence[0].person"});
  }
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.field);
    Status refused = store_->WritePeopleBatch("importer", b.batch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, b.code) << refused.error().ToString();
    EXPECT_EQ(refused.error().field, b.field);
    EXPECT_EQ(*store_->ExportDump(), *before);
  }
  // Inside a transaction that fails later, a batch is rolled back with it.
  Status tx = store_->WithTransaction([](Store& t) -> Status {
    PeopleBatch b;
    b.people = {Person("n1")};
    LADDER_TRY_STATUS(t.WritePeopleBatch("importer", b));
    return MakeError(ErrorCode::kInvalidArgument, "later failure");
  });
  ASSERT_FALSE(tx);
  EXPECT_EQ(*store_->ExportDump(), *before);
}

// Both backends side by side: the same content gives the same answers. Needs PostgreSQL
// (skipped without it, failed when CI=true).
class BackendParity : public ::testing::Test {
 protected:
  void SetUp() override {
    if (PostgresUrl().empty()) {
      if (InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
      GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
    }
  }
  static std::unique_ptr<Store> Open(const Backend& b) {
    auto store = OpenStore(b.fresh_url());
    EXPECT_TRUE(store) << store.error().ToString();
    return store ? std::move(*store) : nullptr;
  }
};

std::vector<Framework> Seeds() {
  std::vector<Framework> out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(LADDER_SEEDS_DIR))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto imported = formats::ReadDocuments({{path.filename().string(), text}});
    EXPECT_TRUE(imported) << path << ": " << imported.error().ToString();
    if (!imported) continue;
    analysis::RecognizeRequirements(imported->framework);
    if (imported->framework.version.empty()) imported->framework.version = "seed";
    out.push_back(std::move(imported->framework));
  }
  return out;
}

std::string Describe(const SearchHit& h) {
  return std::string(HitKindName(h.kind)) + " " + h.framework + "@" + h.version + " " + h.track +
         "/" + h.level + "/" + h.competency + " [" + h.title + "] " +
         MarkSnippet(h.snippet, "[", "]");
}

TEST_F(BackendParity, SeedsGiveTheSameHitsOnEveryBackend) {
  std::vector<Framework> seeds = Seeds();
  ASSERT_EQ(seeds.size(), 5u);
  auto sqlite = Open(kSqliteFile);
  auto postgres = Open(kPostgres);
  ASSERT_TRUE(sqlite && postgres);
  for (Store* store : {sqlite.get(), postgres.get()})
    for (const Framework& f : seeds) {
      ASSERT_TRUE(store->SaveDraft("seed", f)) << f.id;
      ASSERT_TRUE(store->Publish("seed", f.id, f.version)) << f.id;
    }
  // Words that PostgreSQL's English parser and SQLite's tokenizer used to read differently:
  // file paths ("case/code"), hyphens ("on-call"), stop words ("Has"), capitals ("SME").
  for (const char* q :
       {"code review", "customer", "on-call", "SME", "case/code", "\"peer review\"", "Has",
        "team lead", "escalations", "documentation", "12 months", "the", "IC3", "n/a"}) {
    SCOPED_TRACE(q);
    SearchOptions all{"", false, 0};
    auto a = sqlite->Search(q, all);
    auto b = postgres->Search(q, all);
    ASSERT_TRUE(a) << a.error().ToString();
    ASSERT_TRUE(b) << b.error().ToString();
    ASSERT_EQ(a->size(), b->size());
    for (size_t i = 0; i < a->size(); ++i) {
      EXPECT_EQ(Describe((*a)[i]), Describe((*b)[i])) << "hit " << i;
      EXPECT_EQ((*a)[i].score, (*b)[i].score) << "hit " << i;
    }
    // The default limit cuts the same list on both.
    auto top_a = sqlite->Search(q), top_b = postgres->Search(q);
    ASSERT_EQ(top_a->size(), top_b->size());
    for (size_t i = 0; i < top_a->size(); ++i)
      EXPECT_EQ(Describe((*top_a)[i]), Describe((*top_b)[i]));
  }
  // "code review" finds passages of seeds 000 and 001, with their place.
  std::set<std::string> frameworks;
  auto code_review = sqlite->Search("code review", {"", false, 0});
  ASSERT_TRUE(code_review);
  for (const auto& h : *code_review) {
    frameworks.insert(h.framework);
    if (h.kind == HitKind::kBehaviour) {
      EXPECT_FALSE(h.level.empty());
      EXPECT_FALSE(h.competency.empty());
    }
  }
  EXPECT_TRUE(frameworks.count(seeds[0].id)) << seeds[0].id;
  EXPECT_TRUE(frameworks.count(seeds[1].id)) << seeds[1].id;
}

TEST_F(BackendParity, DumpsMoveBetweenBackendsUnchanged) {
  for (auto [from, to] :
       {std::pair{&kSqliteFile, &kPostgres}, std::pair{&kPostgres, &kSqliteFile}}) {
    SCOPED_TRACE(from->name + " -> " + to->name);
    auto source = Open(*from);
    ASSERT_TRUE(source);
    Populate(*source);
    for (const Framework& f : Seeds()) ASSERT_TRUE(source->SaveDraft("seed", f));
    auto dump = source->ExportDump({.secrets = true});
    ASSERT_TRUE(dump) << dump.error().ToString();
    auto target = Open(*to);
    ASSERT_TRUE(target);
    Status loaded = target->ImportDump(*dump);
    ASSERT_TRUE(loaded) << loaded.error().ToString();
    auto again = target->ExportDump({.secrets = true});
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *dump);
    // And back again into a new database of the first backend.
    auto back = Open(*from);
    ASSERT_TRUE(back->ImportDump(*again));
    EXPECT_EQ(*back->ExportDump({.secrets = true}), *dump);
    auto hits_source = source->Search("code review", {"", true, 0});
    auto hits_target = target->Search("code review", {"", true, 0});
    ASSERT_EQ(hits_source->size(), hits_target->size());
    EXPECT_FALSE(hits_source->empty());
  }
}

}  // namespace
}  // namespace ladder::storage
