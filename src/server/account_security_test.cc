// Accounts over real HTTP, as a client with an API token or a browser reaches them: token scopes
// enforced on every route, tokens that cannot outlive or outdo the token that made them, tokens
// ended by a password reset, the password rules, and people records with unsafe text refused.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Session;
using testing::TestServer;

class AccountSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("account-security");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  static httplib::Headers Bearer(const std::string& secret) {
    return {{"Authorization", "Bearer " + secret}};
  }
  static httplib::Headers Browser(const Session& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
  }
  // A token made through the API by a signed-in browser; its JSON (with "secret").
  json MakeToken(const Session& s, const json& body) {
    auto r =
        server_->Client().Post("/api/v1/me/tokens", Browser(s), body.dump(), "application/json");
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body);
  }
  size_t EvidenceOf(const std::string& person) {
    auto e = server_->store().ListEvidence(person);
    return e ? e->size() : 0;
  }
  std::vector<model::AuditEntry> Audit(const std::string& action) {
    auto entries = server_->store().ListAudit({"", "", action, 0, 0});
    return entries ? *entries : std::vector<model::AuditEntry>{};
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
};

const std::string kEvidence = R"({"kind":"doc","title":"Design note","date":"2026-05-04"})";

TEST_F(AccountSecurityTest, AReadTokenReadsButEveryWriteIsRefusedWithA403) {
  Session emp = testing::SignIn(*server_, "emp");
  json made = MakeToken(emp, {{"name", "dashboard"}, {"scope", "read"}});
  EXPECT_EQ(made["scope"], "read");
  const std::string secret = made["secret"];
  httplib::Client c = server_->Client();
  auto me = c.Get("/api/v1/me", Bearer(secret));
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["scope"], "read");
  EXPECT_EQ(c.Get("/api/v1/people/emp/evidence", Bearer(secret))->status, 200);
  EXPECT_EQ(c.Get("/me", Bearer(secret))->status, 200);

  size_t before = EvidenceOf("emp");
  size_t audited = Audit("").size();
  auto write = c.Post("/api/v1/people/emp/evidence", Bearer(secret), kEvidence, "application/json");
  ASSERT_TRUE(write);
  EXPECT_EQ(write->status, 403);
  EXPECT_EQ(write->get_header_value("Content-Type"), "application/problem+json");
  EXPECT_NE(write->body.find("this API token is read-only"), std::string::npos) << write->body;
  EXPECT_EQ(EvidenceOf("emp"), before);
  // Every method that is not GET, on every kind of route: the API, pages, the account itself.
  EXPECT_EQ(c.Post("/people/emp/evidence", Bearer(secret), "kind=talk&title=T&date=2026-05-04",
                   "application/x-www-form-urlencoded")
                ->status,
            403);
  EXPECT_EQ(c.Post("/api/v1/me/tokens", Bearer(secret), R"({"name":"more","scope":"read"})",
                   "application/json")
                ->status,
            403);
  EXPECT_EQ(c.Delete("/api/v1/me/tokens/" + made["id"].get<std::string>(), Bearer(secret))->status,
            403);
  EXPECT_EQ(c.Post("/api/v1/me/password", Bearer(secret),
                   R"({"old_password":"pw-emp-long","new_password":"a brand new phrase"})",
                   "application/json")
                ->status,
            403);
  EXPECT_EQ(Audit("").size(), audited) << "a read-only token wrote something";

  // The same user's write token does what the user may do.
  json writer = MakeToken(emp, {{"name", "sync"}, {"scope", "write"}});
  auto ok = c.Post("/api/v1/people/emp/evidence", Bearer(writer["secret"]), kEvidence,
                   "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
  EXPECT_EQ(EvidenceOf("emp"), before + 1);
  // The list says which is which.
  auto list = c.Get("/api/v1/me/tokens", Bearer(secret));
  ASSERT_TRUE(list);
  std::map<std::string, std::string> scopes;
  for (const json& t : json::parse(list->body)) scopes[t["name"]] = t["scope"];
  EXPECT_EQ(scopes, (std::map<std::string, std::string>{{"dashboard", "read"}, {"sync", "write"}}));
}

TEST_F(AccountSecurityTest, AnUnknownScopeIsRefused) {
  Session emp = testing::SignIn(*server_, "emp");
  auto r = server_->Client().Post("/api/v1/me/tokens", Browser(emp),
                                  R"({"name":"x","scope":"admin"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("'admin' is not a token scope"), std::string::npos) << r->body;
}

TEST_F(AccountSecurityTest, ATokenCannotMakeATokenThatOutlivesIt) {
  Session emp = testing::SignIn(*server_, "emp");
  json parent = MakeToken(emp, {{"name", "ci"}, {"expires", "2099-06-30"}});
  const std::string secret = parent["secret"];
  httplib::Client c = server_->Client();
  // No expiry asked for: the child ends when its parent does.
  auto child =
      c.Post("/api/v1/me/tokens", Bearer(secret), R"({"name":"child"})", "application/json");
  ASSERT_TRUE(child);
  ASSERT_EQ(child->status, 201) << child->body;
  EXPECT_EQ(json::parse(child->body)["expires_at"], parent["expires_at"]);
  // Later than its parent: refused, and nothing made.
  auto later = c.Post("/api/v1/me/tokens", Bearer(secret),
                      R"({"name":"forever","expires":"2100-01-01"})", "application/json");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, 400);
  EXPECT_NE(later->body.find("cannot last longer"), std::string::npos) << later->body;
  // Earlier is fine.
  auto earlier = c.Post("/api/v1/me/tokens", Bearer(secret),
                        R"({"name":"short","expires":"2099-01-31"})", "application/json");
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->status, 201) << earlier->body;
  auto tokens = server_->store().ListApiTokens("emp");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(tokens->size(), 3u);
  for (const storage::ApiToken& t : *tokens) {
    EXPECT_FALSE(t.expires_at.empty()) << t.name;
    EXPECT_LE(t.expires_at, parent["expires_at"].get<std::string>()) << t.name;
  }
}

TEST_F(AccountSecurityTest, APasswordResetEndsTheUsersTokensUnlessKept) {
  Session emp = testing::SignIn(*server_, "emp");
  const std::string first = MakeToken(emp, {{"name", "one"}})["secret"];
  Session admin = testing::SignIn(*server_, "admin");
  httplib::Client c = server_->Client();
  ASSERT_EQ(c.Get("/api/v1/me", Bearer(first))->status, 200);
  auto reset = c.Patch("/api/v1/users/emp", Browser(admin),
                       R"({"password":"a reset phrase for emp"})", "application/json");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  auto after = c.Get("/api/v1/me", Bearer(first));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  EXPECT_NE(after->body.find("revoked"), std::string::npos) << after->body;
  EXPECT_EQ(Audit("token.revoke").size(), 1u);

  // The admin's explicit choice keeps them.
  Session again = testing::SignIn(*server_, "admin");
  emp = Session{};
  {
    httplib::Client login = server_->Client();
    auto r = login.Post("/api/v1/session", R"({"user":"emp","password":"a reset phrase for emp"})",
                        "application/json");
    ASSERT_EQ(r->status, 201) << r->body;
    std::string set = r->get_header_value("Set-Cookie");
    emp.cookie = set.substr(0, set.find(';'));
    emp.csrf = json::parse(r->body).at("csrf_token");
  }
  const std::string second = MakeToken(emp, {{"name", "two"}})["secret"];
  auto kept =
      c.Patch("/api/v1/users/emp", Browser(again),
              R"({"password":"another reset phrase","keep_tokens":true})", "application/json");
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->status, 200) << kept->body;
  EXPECT_EQ(c.Get("/api/v1/me", Bearer(second))->status, 200);
}

TEST_F(AccountSecurityTest, ChangingOnesOwnPasswordEndsOnesTokens) {
  Session emp = testing::SignIn(*server_, "emp");
  const std::string secret = MakeToken(emp, {{"name", "one"}})["secret"];
  httplib::Client c = server_->Client();
  auto changed = c.Post("/api/v1/me/password", Browser(emp),
                        R"({"old_password":"pw-emp-long","new_password":"a fresh passphrase"})",
                        "application/json");
  ASSERT_TRUE(changed);
  ASSERT_EQ(changed->status, 204) << changed->body;
  EXPECT_EQ(c.Get("/api/v1/me", Bearer(secret))->status, 401);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", emp.cookie}})->status, 200);
}

TEST_F(AccountSecurityTest, TheAccountPageMakesAReadOnlyTokenAndListsScopes) {
  Session emp = testing::SignIn(*server_, "emp");
  auto r = server_->Client().Post("/account/tokens", {{"Cookie", emp.cookie}},
                                  "name=wall+screen&scope=read&csrf=" + emp.csrf,
                                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("<th scope=\"row\">wall screen</th><td>read</td>"), std::string::npos)
      << r->body;
  auto tokens = server_->store().ListApiTokens("emp");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ(tokens->front().scope, model::TokenScope::kRead);
}

TEST_F(AccountSecurityTest, PasswordRulesAreCheckedInCharactersWithTheRuleNamed) {
  Session admin = testing::SignIn(*server_, "admin");
  httplib::Client c = server_->Client();
  for (auto [password, rule] : {std::pair{"ééééé", "at least 10 characters; it has 5"},
                                std::pair{"1234567890", "run of neighbouring characters"},
                                std::pair{"           ", "only white space"},
                                std::pair{"Password123!", "common password ('password'"},
                                std::pair{"xyzxyzxyzxyz", "'xyz' repeated"}}) {
    json body = {{"id", "newbie"}, {"roles", {"employee"}}, {"password", password}};
    auto r = c.Post("/api/v1/users", Browser(admin), body.dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << password;
    EXPECT_NE(r->body.find(rule), std::string::npos) << password << ": " << r->body;
    EXPECT_NE(r->body.find("\"field\": \"password\""), std::string::npos) << r->body;
  }
  EXPECT_FALSE(server_->store().GetUser("newbie"));
  json good = {{"id", "newbie"}, {"roles", {"employee"}}, {"password", "éàüöß and more words"}};
  EXPECT_EQ(c.Post("/api/v1/users", Browser(admin), good.dump(), "application/json")->status, 201);
}

}  // namespace
}  // namespace ladder::server
