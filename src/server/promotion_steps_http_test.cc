// The last steps of a promotion in the browser, as a committee meets them: the panel said yes,
// the manager tries to decide and is told a checkpoint waits for a sign-off, signs it off from
// the review's checklist, decides, and from then on the person's page, My team and the API say
// "promoted to L2, effective …" until that date instead of inviting a second review. And "next
// level" is one answer on every surface: at the top of a track there is none.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

class PromotionStepsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("promotion-steps");
    testing::BuildOrganisation(db_);
    {
      auto store = storage::OpenStore("sqlite:" + db_);
      ASSERT_TRUE(store) << store.error().ToString();
      // emp's review towards L2 reached its decision: peer, the only panel member, voted for.
      model::Case c = *(*store)->GetCase("c-emp");
      c.votes = {{"peer", model::VoteChoice::kFor, "ready", *Date::Parse("2026-02-01")}};
      c.status = model::CaseStatus::kDecision;
      ASSERT_TRUE((*store)->SaveCase("test", c));
    }
    server_ = std::make_unique<TestServer>(db_);
    callers_ = std::make_unique<testing::Callers>(*server_);
  }
  void TearDown() override {
    callers_.reset();
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  httplib::Result Get(const std::string& user, const std::string& path) {
    return callers_->Get(user, path);
  }
  httplib::Result PostForm(const std::string& user, const std::string& path, std::string form) {
    return callers_->PostForm(user, path, std::move(form));
  }
  httplib::Result PostJson(const std::string& user, const std::string& path, const json& body) {
    return callers_->PostJson(user, path, body);
  }

  std::string db_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<testing::Callers> callers_;
};

constexpr const char* kSignForm = "action=\"/cases/c-emp/signoff\"";

TEST_F(PromotionStepsHttpTest, AManagerSignsOffTheCheckpointFromTheReviewAndDecides) {
  // The checklist offers the sign-off to the manager, not to the person under review.
  auto page = Get("mgr", "/cases/c-emp");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Design review signed off"), std::string::npos);
  EXPECT_NE(page->body.find(kSignForm), std::string::npos) << page->body;
  auto own = Get("emp", "/cases/c-emp");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->body.find(kSignForm), std::string::npos);

  // Deciding first is refused, saying why in the words of the page, not of a command.
  auto early = PostForm("mgr", "/cases/c-emp/decision", "outcome=promoted&effective=2099-01-01");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 412) << early->body;
  EXPECT_NE(early->body.find("Design review signed off"), std::string::npos);
  EXPECT_NE(early->body.find("checklist"), std::string::npos);
  EXPECT_EQ(early->body.find("ladder eligibility"), std::string::npos);

  // The person may not sign off their own checkpoint: refused, nothing stored.
  auto self = PostForm("emp", "/cases/c-emp/signoff", "requirement=Design+review+signed+off");
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 403);
  EXPECT_TRUE(server_->store().ListSignOffs("emp")->empty());
  // A sentence that is no checkpoint: refused naming the field and the nearest one.
  auto typo = PostForm("mgr", "/cases/c-emp/signoff", "requirement=Design+reveiw+signed+off");
  ASSERT_TRUE(typo);
  EXPECT_EQ(typo->status, 404);
  EXPECT_NE(typo->body.find("did you mean"), std::string::npos) << typo->body;

  auto signed_off = PostForm("mgr", "/cases/c-emp/signoff",
                             "requirement=Design+review+signed+off&date=2026-02-10&note=read+it");
  ASSERT_TRUE(signed_off);
  ASSERT_EQ(signed_off->status, 303) << signed_off->body;
  EXPECT_EQ(signed_off->get_header_value("Location"), "/cases/c-emp?done=signoff");
  std::vector<model::SignOff> stored = *server_->store().ListSignOffs("emp");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].by, "mgr");
  EXPECT_EQ(stored[0].date, *Date::Parse("2026-02-10"));
  auto after = Get("mgr", "/cases/c-emp?done=signoff");
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("The sign-off was recorded."), std::string::npos);
  EXPECT_EQ(after->body.find(kSignForm), std::string::npos) << "signed off, nothing to sign";

  auto decided = PostForm("mgr", "/cases/c-emp/decision", "outcome=promoted&effective=2099-01-01");
  ASSERT_TRUE(decided);
  ASSERT_EQ(decided->status, 303) << decided->body;

  // Until the effective date the person holds L1, and every page says what is coming.
  for (auto [user, path] : {std::pair{"emp", "/me"}, std::pair{"mgr", "/people/emp"}}) {
    auto growth = Get(user, path);
    ASSERT_TRUE(growth);
    EXPECT_NE(growth->body.find("Promoted to <strong>L2 · Engineer 2</strong>, effective "
                                "<time datetime=\"2099-01-01\">"),
              std::string::npos)
        << user << " " << path;
  }
  auto team = Get("mgr", "/team");
  ASSERT_TRUE(team);
  const size_t row = team->body.find("/people/emp\"");
  ASSERT_NE(row, std::string::npos);
  const std::string emp_row = team->body.substr(row, team->body.find("</tr>", row) - row);
  EXPECT_NE(emp_row.find("Promoted to L2 · Engineer 2, effective"), std::string::npos) << emp_row;
  EXPECT_EQ(emp_row.find("Eligible"), std::string::npos) << emp_row;
}

TEST_F(PromotionStepsHttpTest, TheGrowthPageAndTheApiSignOffOutsideAReview) {
  // On emp's growth page the checklist (the open review's target) offers the sign-off to hr.
  auto page = Get("hr", "/people/emp");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("action=\"/people/emp/signoffs\""), std::string::npos);
  auto form = PostForm("hr", "/people/emp/signoffs", "requirement=Design+review+signed+off");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 303);
  EXPECT_EQ(form->get_header_value("Location"), "/people/emp?done=signoff#checklist");
  EXPECT_EQ(server_->store().ListSignOffs("emp")->at(0).by, "hrp");

  // Through the API: the sign-off answered; a requirement checked from records refused.
  auto api = PostJson("boss", "/api/v1/people/emp/signoffs",
                      {{"requirement", "design review signed off"}, {"date", "2026-03-01"}});
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 201) << api->body;
  json out = json::parse(api->body);
  EXPECT_EQ(out["requirement"], "Design review signed off");
  EXPECT_EQ(out["by"], "boss");
  auto timed = PostJson("boss", "/api/v1/people/emp/signoffs", {{"requirement", "A year at L1"}});
  ASSERT_TRUE(timed);
  EXPECT_EQ(timed->status, 400);
  EXPECT_NE(timed->body.find("only manual checkpoints and approvals are signed off"),
            std::string::npos);
  auto none = PostJson("boss", "/api/v1/people/emp/signoffs", json::object());
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400);
  EXPECT_EQ(json::parse(none->body)["field"], "requirement");
}

TEST_F(PromotionStepsHttpTest, TheTopOfATrackHasNoNextLevelOnAnySurface) {
  // boss holds L3, the top of the only track: the page, the API and the team agree.
  auto page = Get("boss", "/me");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("This is the top level of its track."), std::string::npos);
  EXPECT_EQ(page->body.find("id=\"checklist\""), std::string::npos);
  auto api = Get("boss", "/api/v1/people/boss/eligibility");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404) << api->body;
  EXPECT_NE(api->body.find("is the top level of its track; no 'next'"), std::string::npos);
}

}  // namespace
}  // namespace ladder::server
