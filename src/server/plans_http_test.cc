// Growth plans over real HTTP, the way a manager and their report use them: the manager agrees
// an action on the report's page, the report marks it done on their own page, a check-in is
// written down with both views, the plan downloads as CSV, and the JSON API does the same. A
// bad form keeps the page and says which field; people who may not see the person are refused.
// The growth page's evidence form offers the people near the person as SME signers, by name, and
// takes anyone else by id.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

class PlansHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("plans-http");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    callers_ = std::make_unique<testing::Callers>(*server_);
  }
  void TearDown() override {
    callers_.reset();
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  std::unique_ptr<storage::Store> Store() {
    auto store = storage::OpenStore("sqlite:" + db_);
    if (!store) throw std::runtime_error(store.error().ToString());
    return std::move(*store);
  }

  std::string db_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<testing::Callers> callers_;
};

TEST_F(PlansHttpTest, AManagerAgreesAnActionAndTheReportMarksItDone) {
  auto added = callers_->PostForm(
      "mgr", "/people/emp/plan",
      "title=Run+the+incident+review&competency=craft&target=ic%2FL2&due=2027-03-31&note=With+"
      "the+on-call+team");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 303) << added->body;
  auto actions = *Store()->ListPlanActions("emp");
  ASSERT_EQ(actions.size(), 1u);
  const model::PlanAction a = actions[0];
  EXPECT_EQ(a.title, "Run the incident review");
  EXPECT_EQ(a.competency, "craft");
  EXPECT_EQ(a.target, "ic/L2");
  EXPECT_EQ(a.agreed_by, "mgr");
  EXPECT_EQ(a.status, model::ActionStatus::kOpen);
  EXPECT_EQ(added->get_header_value("Location"), "/people/emp?done=plan#pa-" + a.id);

  // The report's own page shows the action by names, with the forms to update it.
  auto mine = callers_->Get("emp", "/me");
  ASSERT_EQ(mine->status, 200);
  EXPECT_NE(mine->body.find("Run the incident review"), std::string::npos);
  EXPECT_NE(mine->body.find("IC: L2 · Engineer 2"), std::string::npos) << "the target's name";
  EXPECT_NE(mine->body.find(">Craft</a>"), std::string::npos) << "the competency's name";
  EXPECT_NE(mine->body.find("by Name-mgr"), std::string::npos) << "who agreed it, by name";
  EXPECT_NE(mine->body.find("/people/emp/plan/" + a.id), std::string::npos);

  auto done = callers_->PostForm("emp", "/people/emp/plan/" + a.id, "status=done");
  ASSERT_EQ(done->status, 303) << done->body;
  EXPECT_EQ(done->get_header_value("Location"), "/me?done=plan-updated#pa-" + a.id);
  model::PlanAction after = *Store()->GetPlanAction(a.id);
  EXPECT_EQ(after.status, model::ActionStatus::kDone);
  EXPECT_EQ(after.closed_by, "emp");
  EXPECT_FALSE(after.closed.empty());
  // Marking it done again changes nothing, and the page says so.
  auto again = callers_->PostForm("emp", "/people/emp/plan/" + a.id, "status=done");
  EXPECT_EQ(again->status, 400);
  EXPECT_NE(again->body.find("already done"), std::string::npos);
  // The timeline on the page lists the agreement and the completion.
  auto page = callers_->Get("emp", "/me");
  EXPECT_NE(page->body.find("Action agreed"), std::string::npos);
  EXPECT_NE(page->body.find("Action done"), std::string::npos);
}

TEST_F(PlansHttpTest, ABadFormKeepsThePageAndNamesTheField) {
  auto no_due = callers_->PostForm("mgr", "/people/emp/plan", "title=Write+a+design+doc&due=");
  ASSERT_EQ(no_due->status, 400);
  EXPECT_NE(no_due->body.find("due"), std::string::npos);
  EXPECT_NE(no_due->body.find("Growth plan"), std::string::npos) << "the page, not a bare error";
  auto unknown = callers_->PostForm("mgr", "/people/emp/plan",
                                    "title=Pair+weekly&competency=crafts&due=2027-01-31");
  ASSERT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("did you mean craft?"), std::string::npos);
  auto early = callers_->PostForm("mgr", "/people/emp/plan", "title=Pair&due=2001-01-31");
  ASSERT_EQ(early->status, 400);
  EXPECT_NE(early->body.find("before the day it was agreed"), std::string::npos);
  EXPECT_TRUE(Store()->ListPlanActions("emp")->empty()) << "nothing stored on a refusal";
}

TEST_F(PlansHttpTest, OnlyThoseWhoMaySeeThePersonPlanForThem) {
  // A reviewer outside emp's chain (rev2) may not see emp: refused (app/access.h).
  auto refused = callers_->PostForm("rev2", "/people/emp/plan", "title=X&due=2027-01-31");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  auto refused_api = callers_->PostJson("rev2", "/api/v1/people/emp/plan",
                                        {{"title", "X"}, {"due", "2027-01-31"}});
  EXPECT_EQ(refused_api->status, 403);
  EXPECT_TRUE(Store()->ListPlanActions("emp")->empty());
  // An action of someone else cannot be updated through this person's address.
  auto theirs = callers_->PostJson("mgr", "/api/v1/people/emp/plan",
                                   {{"title", "Lead a retro"}, {"due", "2027-01-31"}});
  ASSERT_EQ(theirs->status, 201) << theirs->body;
  const std::string id = json::parse(theirs->body)["id"];
  auto elsewhere =
      callers_->PostJson("boss", "/api/v1/people/stranger/plan/" + id, {{"status", "dropped"}});
  EXPECT_EQ(elsewhere->status, 404);
  EXPECT_EQ(Store()->GetPlanAction(id)->status, model::ActionStatus::kOpen);
}

TEST_F(PlansHttpTest, ACheckInRecordsBothViewsAndTheOutcome) {
  auto recorded = callers_->PostForm(
      "mgr", "/people/emp/checkins",
      "date=2026-11-30&self_view=I+want+more+design+work&manager_view=Ready+to+lead+one&outcome="
      "Lead+the+next+design+review&next=2027-01-15");
  ASSERT_EQ(recorded->status, 303) << recorded->body;
  auto checkins = *Store()->ListCheckIns("emp");
  ASSERT_EQ(checkins.size(), 1u);
  EXPECT_EQ(checkins[0].held_by, "mgr");
  EXPECT_EQ(checkins[0].outcome, "Lead the next design review");
  EXPECT_EQ(checkins[0].next, *Date::Parse("2027-01-15"));
  auto page = callers_->Get("emp", "/me");
  EXPECT_NE(page->body.find("I want more design work"), std::string::npos);
  EXPECT_NE(page->body.find("written down by Name-mgr"), std::string::npos);
  // A next check-in before this one is refused, naming the field.
  auto bad = callers_->PostForm("mgr", "/people/emp/checkins",
                                "date=2026-12-01&outcome=Fine&next=2026-11-01");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("next"), std::string::npos);
  EXPECT_EQ(Store()->ListCheckIns("emp")->size(), 1u);
}

TEST_F(PlansHttpTest, ThePlanDownloadsAsCsvAndReadsThroughTheApi) {
  auto a = callers_->PostJson(
      "mgr", "/api/v1/people/emp/plan",
      {{"title", "=HYPERLINK(\"x\")"}, {"competency", "delivery"}, {"due", "2027-02-28"}});
  ASSERT_EQ(a->status, 201) << a->body;
  json action = json::parse(a->body);
  EXPECT_EQ(action["status"], "open");
  EXPECT_EQ(action["agreed_by"], "mgr");
  auto update =
      callers_->PostJson("emp", "/api/v1/people/emp/plan/" + action["id"].get<std::string>(),
                         {{"status", "open"}, {"due", "2027-04-30"}});
  ASSERT_EQ(update->status, 200) << update->body;
  EXPECT_EQ(json::parse(update->body)["due"], "2027-04-30");
  auto bad_status =
      callers_->PostJson("emp", "/api/v1/people/emp/plan/" + action["id"].get<std::string>(),
                         {{"status", "finished"}});
  EXPECT_EQ(bad_status->status, 400);
  EXPECT_NE(bad_status->body.find("open, done or dropped"), std::string::npos);
  ASSERT_EQ(callers_
                ->PostJson("emp", "/api/v1/people/emp/checkins",
                           {{"date", "2026-12-01"}, {"self_view", "On track"}})
                ->status,
            201);

  auto plan = callers_->Get("emp", "/api/v1/people/emp/plan");
  ASSERT_EQ(plan->status, 200);
  json j = json::parse(plan->body);
  ASSERT_EQ(j["actions"].size(), 1u);
  ASSERT_EQ(j["checkins"].size(), 1u);
  EXPECT_EQ(j["checkins"][0]["held_by"], "emp");

  auto csv = callers_->Get("mgr", "/people/emp/plan.csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("id,title,competency,target,due,status", 0), 0u) << csv->body;
  EXPECT_NE(csv->body.find("Delivery"), std::string::npos) << "the competency by name";
  EXPECT_NE(csv->body.find("'=HYPERLINK"), std::string::npos) << "a formula is defused";
  EXPECT_EQ(callers_->Get("rev2", "/people/emp/plan.csv")->status, 403);
}

TEST_F(PlansHttpTest, TheEvidenceFormOffersNearbySignersByNameAndTakesOthersById) {
  auto page = callers_->Get("emp", "/me");
  ASSERT_EQ(page->status, 200);
  // emp's chain (mgr, lead, boss) is offered by name; stranger, outside emp's teams, is not.
  EXPECT_NE(page->body.find("<option value=\"mgr\">Name-mgr</option>"), std::string::npos);
  EXPECT_NE(page->body.find("<option value=\"boss\">Name-boss</option>"), std::string::npos);
  EXPECT_EQ(page->body.find("<option value=\"stranger\">"), std::string::npos);
  // Someone not listed is named by id in the other field, and the claim names them.
  auto added = callers_->PostForm(
      "emp", "/people/emp/evidence",
      "kind=sme&skill=networking&date=2026-01-10&signed_off_by=&signed_off_by_other=stranger");
  ASSERT_EQ(added->status, 303) << added->body;
  auto store = Store();
  auto evidence = store->ListEvidence("emp");
  ASSERT_TRUE(evidence);
  bool found = false;
  for (const model::Evidence& e : *evidence)
    found = found || (e.kind == "sme" && e.signed_off_by == "stranger" && e.confirmed.empty());
  EXPECT_TRUE(found) << "the sign-off by stranger was not stored as a claim";
}

}  // namespace
}  // namespace ladder::server
