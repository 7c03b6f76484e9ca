// Withdrawing and correcting growth records over real HTTP, as a committee would meet it: a
// manager takes back a rating of theirs from its page in the web app, the person corrects their
// own evidence through the JSON API, and what was taken back stays shown, marked, and stops
// counting (the latest ratings, the review's portfolio). Who may is the write matrix's to check
// (write_matrix_test.cc); this test checks what each surface shows and refuses.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

Date D(const char* s) { return *Date::Parse(s); }

model::Assessment Rating(const char* id, const char* from, const char* to, model::Rating rating) {
  model::Assessment a;
  a.id = id;
  a.person = "emp";
  a.assessor = "mgr";
  a.role = model::AssessorRole::kManager;
  a.period_start = D(from);
  a.period_end = D(to);
  a.competency = "delivery";
  a.rating = rating;
  a.framework = "eng";
  a.version = "1";
  a.level = "L1";
  return a;
}

class CorrectionsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("corrections-http");
    testing::BuildOrganisation(db_);
    {
      auto store = storage::OpenStore("sqlite:" + db_);
      ASSERT_TRUE(store) << store.error().ToString();
      // mgr rated emp's delivery twice: meeting L1 in Q1, performing at the next level in Q2.
      ASSERT_TRUE((*store)->SaveAssessment(
          "test", Rating("as-q1", "2025-01-01", "2025-03-31", model::Rating::kMeeting)));
      ASSERT_TRUE((*store)->SaveAssessment(
          "test", Rating("as-q2", "2025-04-01", "2025-06-30", model::Rating::kNext)));
      model::Case c = *(*store)->GetCase("c-emp");
      c.portfolio = {"ev-emp"};
      ASSERT_TRUE((*store)->SaveCase("test", c));
    }
    server_ = std::make_unique<TestServer>(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  httplib::Result Get(const std::string& user, const std::string& path) {
    testing::Session s = Session(user);
    return server_->Client().Get(path, {{"Cookie", s.cookie}});
  }
  httplib::Result PostForm(const std::string& user, const std::string& path, std::string form) {
    testing::Session s = Session(user);
    form += "&csrf=" + httplib::detail::encode_query_param(s.csrf);
    return server_->Client().Post(path, {{"Cookie", s.cookie}}, form,
                                  "application/x-www-form-urlencoded");
  }
  httplib::Result PostJson(const std::string& user, const std::string& path, const json& body) {
    testing::Session s = Session(user);
    return server_->Client().Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                                  body.dump(), "application/json");
  }
  testing::Session Session(const std::string& user) {
    auto it = sessions_.find(user);
    if (it == sessions_.end()) it = sessions_.emplace(user, testing::SignIn(*server_, user)).first;
    return it->second;
  }

  std::string db_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, testing::Session> sessions_;
};

TEST_F(CorrectionsHttpTest, AManagerWithdrawsTheirRatingFromItsPage) {
  // The growth page links each rating to its page; the latest rating is Q2's "next".
  auto page = Get("mgr", "/people/emp");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/people/emp/records/assessments/as-q2"), std::string::npos);
  EXPECT_NE(page->body.find("Performing at the next level"), std::string::npos);
  // The rating's page offers both forms to its assessor.
  auto record = Get("mgr", "/people/emp/records/assessments/as-q2");
  ASSERT_TRUE(record);
  ASSERT_EQ(record->status, 200) << record->body;
  EXPECT_NE(record->body.find("Withdraw as-q2"), std::string::npos);
  EXPECT_NE(record->body.find("Save the correction"), std::string::npos);
  // The person rated sees the rating and its history, never a form to take it back.
  auto own = Get("emp", "/people/emp/records/assessments/as-q2");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_EQ(own->body.find("Withdraw as-q2"), std::string::npos);
  EXPECT_EQ(own->body.find("Save the correction"), std::string::npos);

  auto done = PostForm("mgr", "/people/emp/records/assessments/as-q2/withdraw",
                       "reason=rated+the+wrong+quarter");
  ASSERT_TRUE(done);
  ASSERT_EQ(done->status, 303) << done->body;
  EXPECT_EQ(done->get_header_value("Location"),
            "/people/emp/records/assessments/as-q2?done=withdrawn");
  record = Get("mgr", "/people/emp/records/assessments/as-q2?done=withdrawn");
  ASSERT_TRUE(record);
  EXPECT_NE(record->body.find("Withdrawn on "), std::string::npos);
  EXPECT_NE(record->body.find("by mgr: rated the wrong quarter"), std::string::npos);
  EXPECT_EQ(record->body.find("Withdraw as-q2"), std::string::npos);
  // Stored, marked, never deleted; the growth page now shows Q1's rating as the latest.
  model::Assessment stored = *server_->store().GetAssessment("as-q2");
  ASSERT_TRUE(stored.retraction);
  EXPECT_EQ(stored.retraction->by, "mgr");
  EXPECT_EQ(stored.retraction->reason, "rated the wrong quarter");
  page = Get("mgr", "/people/emp");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<tr id=\"as-as-q2\" class=\"taken-back\">"), std::string::npos);
  const size_t side = page->body.find("Latest assessments");
  const size_t records = page->body.find("id=\"records\"");
  ASSERT_NE(side, std::string::npos);
  ASSERT_NE(records, std::string::npos);
  const std::string latest = page->body.substr(side, records - side);
  EXPECT_NE(latest.find("2025-01-01 – 2025-03-31"), std::string::npos);
  EXPECT_EQ(latest.find("2025-04-01 – 2025-06-30"), std::string::npos);

  // Taken back once, it cannot be taken back again: the page says why, nothing changes.
  auto again = PostForm("mgr", "/people/emp/records/assessments/as-q2/withdraw", "reason=again");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  EXPECT_NE(again->body.find("was withdrawn on"), std::string::npos) << again->body;
  EXPECT_EQ(server_->store().GetAssessment("as-q2")->retraction->reason, "rated the wrong quarter");
}

TEST_F(CorrectionsHttpTest, AManagerCorrectsARatingFromItsPage) {
  auto done = PostForm("mgr", "/people/emp/records/assessments/as-q1/correct",
                       "period_start=2025-01-01&period_end=2025-03-31&rating=next&level=L1"
                       "&note=&reason=meant+performing+at+L2");
  ASSERT_TRUE(done);
  ASSERT_EQ(done->status, 303) << done->body;
  model::Assessment original = *server_->store().GetAssessment("as-q1");
  ASSERT_TRUE(original.retraction);
  const std::string correction = original.retraction->replaced_by;
  ASSERT_FALSE(correction.empty());
  model::Assessment corrected = *server_->store().GetAssessment(correction);
  EXPECT_EQ(corrected.rating, model::Rating::kNext);
  EXPECT_EQ(corrected.corrects, "as-q1");
  EXPECT_EQ(corrected.assessor, "mgr");
  auto record = Get("mgr", "/people/emp/records/assessments/as-q1");
  ASSERT_TRUE(record);
  EXPECT_NE(record->body.find("The correction that counts instead is <a href=\"/people/emp/"
                              "records/assessments/" +
                              correction + "\">"),
            std::string::npos)
      << record->body;
  // The same fields again change nothing: refused on the page, with the reason.
  auto same = PostForm("mgr", "/people/emp/records/assessments/" + correction + "/correct",
                       "period_start=2025-01-01&period_end=2025-03-31&rating=next&level=L1"
                       "&reason=again");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 400);
  EXPECT_NE(same->body.find("the correction changes nothing"), std::string::npos);
  // A rating that is none: refused naming the field.
  auto bad = PostForm("mgr", "/people/emp/records/assessments/" + correction + "/correct",
                      "rating=great&reason=x");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("rating"), std::string::npos);
  EXPECT_NE(bad->body.find("&apos;great&apos; is not a rating"), std::string::npos) << bad->body;
}

TEST_F(CorrectionsHttpTest, ThePersonCorrectsTheirEvidenceThroughTheApi) {
  auto r = PostJson("emp", "/api/v1/people/emp/records/evidence/ev-emp/correct",
                    {{"reason", "wrong date"},
                     {"on", "2026-02-01"},
                     {"date", "2025-03-02"},
                     {"competencies", {"craft", "teamwork"}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json out = json::parse(r->body);
  EXPECT_EQ(out["corrected"]["id"], "ev-emp");
  EXPECT_EQ(out["corrected"]["retraction"]["reason"], "wrong date");
  EXPECT_EQ(out["corrected"]["retraction"]["date"], "2026-02-01");
  EXPECT_EQ(out["corrected"]["retraction"]["by"], "emp");
  const std::string id = out["correction"]["id"];
  EXPECT_EQ(out["corrected"]["retraction"]["replaced_by"], id);
  EXPECT_EQ(out["correction"]["corrects"], "ev-emp");
  EXPECT_EQ(out["correction"]["date"], "2025-03-02");
  EXPECT_EQ(out["correction"]["title"], "Talk-of-emp");
  EXPECT_EQ(out["correction"]["competencies"], json::array({"craft", "teamwork"}));
  // The open review notes it, and its portfolio keeps both, the original marked.
  model::Case c = *server_->store().GetCase("c-emp");
  EXPECT_EQ(c.portfolio, (std::vector<std::string>{"ev-emp", id}));
  EXPECT_EQ(c.history.back().what, "evidence ev-emp corrected by " + id + ": wrong date");
  auto page = Get("mgr", "/cases/c-emp");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<li id=\"ev-ev-emp\" class=\"taken-back\">"), std::string::npos);
  EXPECT_NE(page->body.find("Corrected by " + id), std::string::npos);
}

TEST_F(CorrectionsHttpTest, TheApiSaysWhatIsWrong) {
  auto expect = [&](const std::string& user, const std::string& path, const json& body, int status,
                    const std::string& says) {
    SCOPED_TRACE(path + " " + body.dump());
    auto r = PostJson(user, path, body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_NE(r->body.find(says), std::string::npos) << r->body;
  };
  const std::string ev = "/api/v1/people/emp/records/evidence/ev-emp/";
  expect("emp", ev + "withdraw", json::object(), 400, "\"field\": \"reason\"");
  expect("emp", ev + "withdraw", {{"reason", "x"}, {"title", "y"}}, 400,
         "a withdrawal takes only reason and on");
  expect("emp", ev + "correct", {{"reason", "x"}, {"kind", "doc"}}, 400,
         "not a field a correction of this record may change");
  expect("emp", ev + "correct", {{"reason", "x"}, {"date", "2025-13-01"}}, 400,
         "\"field\": \"date\"");
  expect("emp", ev + "correct", {{"reason", "x"}, {"title", "Talk-of-emp"}}, 400,
         "the correction changes nothing");
  // Another person's record under emp's address, an unknown kind or action: not found.
  expect("hr", "/api/v1/people/emp/records/evidence/ev-mgr/withdraw", {{"reason", "x"}}, 404,
         "no evidence");
  expect("hr", "/api/v1/people/emp/records/things/ev-emp/withdraw", {{"reason", "x"}}, 404,
         "no such page");
  expect("hr", "/api/v1/people/emp/records/evidence/ev-emp/delete", {{"reason", "x"}}, 404,
         "no such page");
  // Nothing was taken back by any of these.
  EXPECT_FALSE(server_->store().GetEvidence("ev-emp")->retraction);
  EXPECT_FALSE(server_->store().GetEvidence("ev-mgr")->retraction);
}

}  // namespace
}  // namespace ladder::server
