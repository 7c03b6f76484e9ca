// The inbox over HTTP: each person reads and marks only their own notifications, which the
// organisation's cases raised when they were stored; the navigation counts the unread ones;
// preferences are checked field by field; an account without a person has none.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

class NotifyHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("notify");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  httplib::Result Get(const Session& s, const std::string& path) {
    return server_->Client().Get(path, {{"Cookie", s.cookie}});
  }
  httplib::Result Post(const Session& s, const std::string& path, const std::string& json) {
    return server_->Client().Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, json,
                                  "application/json");
  }
  nlohmann::json Inbox(const Session& s) {
    auto r = Get(s, "/api/v1/me/notifications");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    return r ? nlohmann::json::parse(r->body) : nlohmann::json();
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(NotifyHttp, EachPersonSeesAndMarksOnlyTheirOwn) {
  Session emp = testing::SignIn(*server_, "emp");
  Session peer = testing::SignIn(*server_, "peer");
  Session mgr = testing::SignIn(*server_, "mgr");
  nlohmann::json mine = Inbox(emp);
  ASSERT_EQ(mine["unread"], 1) << mine.dump();
  ASSERT_EQ(mine["notifications"].size(), 1u);
  EXPECT_EQ(mine["notifications"][0]["kind"], "case_opened");
  EXPECT_EQ(mine["notifications"][0]["link"], "/cases/c-emp");
  const std::string id = mine["notifications"][0]["id"];
  nlohmann::json theirs = Inbox(peer);
  ASSERT_EQ(theirs["notifications"].size(), 1u);
  EXPECT_EQ(theirs["notifications"][0]["kind"], "panel_assigned");
  EXPECT_EQ(Inbox(mgr)["notifications"].size(), 0u);

  auto other = Post(peer, "/api/v1/me/notifications/" + id + "/read", "{}");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404) << other->body;
  EXPECT_EQ(Inbox(emp)["unread"], 1) << "someone else's mark counted";
  auto own = Post(emp, "/api/v1/me/notifications/" + id + "/read", "{}");
  ASSERT_TRUE(own && own->status == 200) << (own ? own->body : "no answer");
  EXPECT_EQ(nlohmann::json::parse(own->body)["marked"], 1);
  EXPECT_EQ(Inbox(emp)["unread"], 0);
  EXPECT_TRUE(Inbox(emp)["notifications"][0]["read_at"].is_string());
}

TEST_F(NotifyHttp, PagesCountUnreadAndListTheInbox) {
  Session peer = testing::SignIn(*server_, "peer");
  auto me = Get(peer, "/me");
  ASSERT_TRUE(me && me->status == 200);
  EXPECT_NE(me->body.find(R"(<span class="badge" aria-label="1 unread">1</span>)"),
            std::string::npos);
  auto inbox = Get(peer, "/inbox");
  ASSERT_TRUE(inbox && inbox->status == 200);
  EXPECT_NE(inbox->body.find("You are on the review panel of Name-emp for ic L2"),
            std::string::npos)
      << inbox->body;
  EXPECT_NE(inbox->body.find(R"(href="/cases/c-emp")"), std::string::npos);
  Session emp = testing::SignIn(*server_, "emp");
  auto emps = Get(emp, "/inbox");
  EXPECT_EQ(emps->body.find("review panel"), std::string::npos) << "emp sees peer's notification";
  Session admin = testing::SignIn(*server_, "admin");
  auto none = Get(admin, "/inbox");
  ASSERT_TRUE(none && none->status == 200);
  EXPECT_NE(none->body.find("belongs to no person"), std::string::npos);
}

TEST_F(NotifyHttp, PreferencesAreCheckedFieldByField) {
  Session emp = testing::SignIn(*server_, "emp");
  auto bad = Post(emp, "/api/v1/me/notification-preferences", R"({"email":"weekly"})");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad->body)["field"], "email");
  auto kind = Post(emp, "/api/v1/me/notification-preferences",
                   R"({"channels":{"case_moved":["email","sms"]}})");
  ASSERT_TRUE(kind);
  EXPECT_EQ(kind->status, 400);
  EXPECT_EQ(nlohmann::json::parse(kind->body)["field"], "channels.case_moved[1]");
  auto ok = Post(emp, "/api/v1/me/notification-preferences",
                 R"({"email":"digest","channels":{"case_moved":[]}})");
  ASSERT_TRUE(ok && ok->status == 200) << (ok ? ok->body : "no answer");
  auto got = nlohmann::json::parse(Get(emp, "/api/v1/me/notification-preferences")->body);
  EXPECT_EQ(got["email"], "digest");
  EXPECT_EQ(got["channels"]["case_moved"], nlohmann::json::array());
  EXPECT_EQ(got["channels"]["case_opened"], (nlohmann::json{"email", "webhook"}));
  Session admin = testing::SignIn(*server_, "admin");
  auto no_person = Get(admin, "/api/v1/me/notification-preferences");
  ASSERT_TRUE(no_person);
  EXPECT_EQ(no_person->status, 403);
}

}  // namespace
}  // namespace ladder::server
