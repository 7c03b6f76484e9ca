// The verdicts the rules cannot confirm, over real HTTP: a target level the framework leaves
// undefined (never eligible, no review towards it) and a defined level without requirements
// ("nothing checked", never "Eligible"), the same in the JSON API, the person's page and the
// team page.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

class EligibilityVerdictsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("eligibility-verdicts");
    testing::BuildOrganisation(db_);
    {
      // A second version leaves L2 undefined and asks nothing for L3.
      auto store = storage::OpenStore("sqlite:" + db_);
      ASSERT_TRUE(store) << store.error().ToString();
      model::Framework f = testing::TestFramework();
      f.version = "2";
      model::Level& l2 = f.tracks[0].levels[1];
      l2.state = model::LevelState::kUndefined;
      l2.note = "Not currently defined";
      l2.expectations.clear();
      f.tracks[0].levels[2].requirements.clear();
      ASSERT_TRUE((*store)->SaveDraft("test", f));
      ASSERT_TRUE((*store)->Publish("test", "eng", "2"));
    }
    server_ = std::make_unique<TestServer>(db_);
    session_ = testing::SignIn(*server_, "mgr");
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  httplib::Headers Headers() {
    return {{"Cookie", session_.cookie}, {"X-CSRF-Token", session_.csrf}};
  }
  std::pair<int, std::string> Get(const std::string& path) {
    auto r = server_->Client().Get(path, Headers());
    EXPECT_TRUE(r) << path;
    return r ? std::pair{r->status, r->body} : std::pair{0, std::string()};
  }

  std::string db_;
  std::unique_ptr<TestServer> server_;
  testing::Session session_;
};

TEST_F(EligibilityVerdictsTest, UndefinedTargetInTheApiAndOnThePages) {
  auto [status, body] = Get("/api/v1/people/emp/eligibility?target=L2&at=2026-03-01");
  ASSERT_EQ(status, 200) << body;
  json v = json::parse(body);
  EXPECT_EQ(v["verdict"], "undefined_target");
  EXPECT_TRUE(v["requirements"].empty());
  EXPECT_NE(v["summary"].get<std::string>().find("is not defined in eng 2 (Not currently "
                                                 "defined)"),
            std::string::npos)
      << v["summary"];
  // "next" from L1 is L2: the person's page and the team page say the level is not defined.
  auto [page_status, page] = Get("/people/emp");
  ASSERT_EQ(page_status, 200);
  EXPECT_NE(page.find("verdict-undefined_target"), std::string::npos);
  EXPECT_NE(page.find("Level not defined."), std::string::npos);
  EXPECT_EQ(page.find("Eligible."), std::string::npos);
  auto [team_status, team] = Get("/team");
  ASSERT_EQ(team_status, 200);
  EXPECT_NE(team.find("Level not defined."), std::string::npos);
  EXPECT_NE(team.find("the framework leaves the next level undefined"), std::string::npos);
}

TEST_F(EligibilityVerdictsTest, NoReviewTowardsAnUndefinedLevel) {
  // peer reports to boss.
  testing::Session boss = testing::SignIn(*server_, "boss");
  auto r = server_->Client().Post("/api/v1/people/peer/cases",
                                  {{"Cookie", boss.cookie}, {"X-CSRF-Token", boss.csrf}},
                                  json{{"target", "L2"}}.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 412) << r->body;
  EXPECT_NE(r->body.find("ic/L2 is not defined in eng 2"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("a review cannot aim at a level the framework leaves undefined"),
            std::string::npos)
      << r->body;
  EXPECT_TRUE(server_->store().ListCases("peer")->empty());
  // L3 is defined: a review may aim at it.
  r = server_->Client().Post("/api/v1/people/peer/cases",
                             {{"Cookie", boss.cookie}, {"X-CSRF-Token", boss.csrf}},
                             json{{"target", "L3"}}.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
}

TEST_F(EligibilityVerdictsTest, NothingCheckedIsNotEligible) {
  auto [status, body] = Get("/api/v1/people/emp/eligibility?target=L3&at=2026-03-01");
  ASSERT_EQ(status, 200) << body;
  json v = json::parse(body);
  EXPECT_EQ(v["verdict"], "nothing_checked");
  EXPECT_EQ(v["summary"],
            "Nothing checked for Engineer 3 (L3) on IC on 2026-03-01: no requirements are "
            "defined for this level; nothing was checked.");
}

}  // namespace
}  // namespace ladder::server
