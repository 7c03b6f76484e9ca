// Security of the web app over real HTTP: CSRF tokens on every write with a session cookie,
// cross-site origins refused, session fixation impossible, cookie flags, sign-in rate limiting,
// sessions that end, API tokens, hostile text rendered inert, and errors as problem+json.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <thread>

#include "server/http_types.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("security");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  size_t EvidenceOf(const std::string& person) {
    auto e = server_->store().ListEvidence(person);
    return e ? e->size() : 0;
  }
  httplib::Result PostForm(const std::string& path, const std::string& body,
                           const std::string& cookie, httplib::Headers extra = {}) {
    httplib::Headers h = std::move(extra);
    if (!cookie.empty()) h.emplace("Cookie", cookie);
    return server_->Client().Post(path, h, body, "application/x-www-form-urlencoded");
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(SecurityTest, FormsWithoutTheirCsrfTokenAreRefusedAndStoreNothing) {
  Session emp = testing::SignIn(*server_, "emp");
  const std::string form = "kind=talk&title=Brown+bag&date=2026-05-04";
  size_t before = EvidenceOf("emp");
  auto missing = PostForm("/people/emp/evidence", form, emp.cookie);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  EXPECT_NE(missing->body.find("security token"), std::string::npos);
  auto wrong = PostForm("/people/emp/evidence", form + "&csrf=" + std::string(43, 'A'), emp.cookie);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(EvidenceOf("emp"), before);
  auto right = PostForm("/people/emp/evidence", form + "&csrf=" + emp.csrf, emp.cookie);
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 303);
  EXPECT_EQ(right->get_header_value("Location"), "/me?done=evidence#evidence");
  EXPECT_EQ(EvidenceOf("emp"), before + 1);
  // Another session's token does not do either.
  Session mgr = testing::SignIn(*server_, "mgr");
  auto other = PostForm("/people/emp/evidence", form + "&csrf=" + mgr.csrf, emp.cookie);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
}

TEST_F(SecurityTest, ApiWritesWithACookieNeedTheCsrfHeaderButTokensDoNot) {
  Session emp = testing::SignIn(*server_, "emp");
  const std::string body = R"({"kind":"doc","title":"Design note","date":"2026-05-04"})";
  httplib::Client c = server_->Client();
  auto without =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}}, body, "application/json");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 403);
  EXPECT_EQ(without->get_header_value("Content-Type"), "application/problem+json");
  auto with =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
             body, "application/json");
  ASSERT_TRUE(with);
  EXPECT_EQ(with->status, 201) << with->body;
  // An API token is not a cookie a browser sends by itself: no CSRF token needed.
  auto token = c.Post("/api/v1/me/tokens", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
                      R"({"name":"sync"})", "application/json");
  ASSERT_TRUE(token);
  ASSERT_EQ(token->status, 201) << token->body;
  std::string secret = nlohmann::json::parse(token->body).at("secret");
  auto bearer = c.Post("/api/v1/people/emp/evidence", {{"Authorization", "Bearer " + secret}}, body,
                       "application/json");
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 201) << bearer->body;
  auto bad = c.Get("/api/v1/me", {{"Authorization", "Bearer ldr_nonsense"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  // The token list never shows a secret or a hash.
  auto list = c.Get("/api/v1/me/tokens", {{"Authorization", "Bearer " + secret}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->body.find(secret), std::string::npos);
  EXPECT_EQ(list->body.find("hash"), std::string::npos);
}

TEST_F(SecurityTest, CrossSiteOriginsAreRefused) {
  Session emp = testing::SignIn(*server_, "emp");
  auto r = PostForm("/people/emp/evidence", "kind=talk&title=x&date=2026-05-04&csrf=" + emp.csrf,
                    emp.cookie, {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("cross-site"), std::string::npos);
  auto same =
      PostForm("/people/emp/evidence", "kind=talk&title=x&date=2026-05-04&csrf=" + emp.csrf,
               emp.cookie, {{"Origin", "http://127.0.0.1:" + std::to_string(server_->Port())}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 303);
}

// The sign-in form: its own token (a cookie and a field), then a session id that is new.
std::pair<std::string, std::string> LoginForm(httplib::Client& c, const std::string& cookie = "") {
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  auto page = c.Get("/login", h);
  std::string set = page->get_header_value("Set-Cookie");
  std::smatch m;
  std::string body = page->body;
  std::regex_search(body, m, std::regex("name=\"csrf\" value=\"([^\"]+)\""));
  return {set.substr(0, set.find(';')), m[1]};
}

TEST_F(SecurityTest, SessionFixationIsImpossible) {
  httplib::Client c = server_->Client();
  // A planted cookie the server never issued is nobody.
  const std::string planted = "ladder_session=attacker-chosen-value-0123456789abcdef";
  auto me = c.Get("/api/v1/me", {{"Cookie", planted}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 401);
  auto [login_cookie, token] = LoginForm(c);
  auto r =
      c.Post("/login", {{"Cookie", login_cookie + "; " + planted}},
             "user=emp&password=pw-emp-long&csrf=" + token, "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303) << r->body;
  std::string set = r->get_header_value("Set-Cookie");
  EXPECT_EQ(set.find("attacker-chosen"), std::string::npos);
  std::string session = set.substr(0, set.find(';'));
  EXPECT_NE(session, planted);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", session}})->status, 200);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", planted}})->status, 401);
  // Signing in again with a valid session ends that one: the id changes at every sign-in.
  auto [cookie2, token2] = LoginForm(c);
  auto again =
      c.Post("/login", {{"Cookie", cookie2 + "; " + session}},
             "user=emp&password=pw-emp-long&csrf=" + token2, "application/x-www-form-urlencoded");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 303);
  std::string set2 = again->get_header_value("Set-Cookie");
  std::string session2 = set2.substr(0, set2.find(';'));
  EXPECT_NE(session2, session);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", session}})->status, 401);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", session2}})->status, 200);
}

TEST_F(SecurityTest, FrameworksArePrivateUnlessPublicAndRecordsAlways) {
  httplib::Client c = server_->Client();
  auto home = c.Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 303);
  EXPECT_EQ(home->get_header_value("Location").rfind("/login?next=", 0), 0u);
  EXPECT_EQ(c.Get("/api/v1/frameworks")->status, 401);
  EXPECT_EQ(c.Get("/login")->body.find("without signing in"), std::string::npos);
  server_.reset();
  ServerOptions o = TestServer::Quiet();
  o.public_frameworks = true;
  server_ = std::make_unique<TestServer>(db_, o);
  httplib::Client open = server_->Client();
  auto page = open.Get("/f/eng/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(open.Get("/api/v1/frameworks")->status, 200);
  EXPECT_NE(open.Get("/login")->body.find("without signing in"), std::string::npos);
  // People's records are never public.
  EXPECT_EQ(open.Get("/me")->status, 303);
  EXPECT_EQ(open.Get("/api/v1/people/emp")->status, 401);
  EXPECT_EQ(open.Get("/api/v1/people")->status, 401);
}

TEST_F(SecurityTest, CookieFlags) {
  httplib::Client c = server_->Client();
  auto r =
      c.Post("/api/v1/session", R"({"user":"emp","password":"pw-emp-long"})", "application/json");
  ASSERT_TRUE(r);
  std::string set = r->get_header_value("Set-Cookie");
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Lax"), std::string::npos) << set;
  EXPECT_NE(set.find("Path=/"), std::string::npos) << set;
  EXPECT_EQ(set.find("Secure"), std::string::npos) << set;  // plain HTTP here
  auto tls = c.Post("/api/v1/session", {{"X-Forwarded-Proto", "https"}},
                    R"({"user":"emp","password":"pw-emp-long"})", "application/json");
  ASSERT_TRUE(tls);
  EXPECT_NE(tls->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
  auto page = c.Get("/login");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
}

// A JSON sign-in sent from the local address `source`, with extra header lines.
testing::RawAnswer SignInFrom(int port, const std::string& source, const std::string& user,
                              const std::string& password, const std::string& headers = "") {
  const std::string body = nlohmann::json{{"user", user}, {"password", password}}.dump();
  return testing::RawHttp(port,
                          "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                          "close\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n" + headers + "\r\n" + body,
                          source);
}

TEST_F(SecurityTest, SignInFailuresDelayOnlyTheirOwnClient) {
  const int port = server_->Port();
  // An attacker at 127.0.0.2 guesses emp's password: three failures are free, then each one
  // makes the next attempt wait (a delay, never a lock).
  for (int i = 0; i < 3; ++i) EXPECT_EQ(SignInFrom(port, "127.0.0.2", "emp", "guess").status, 401);
  EXPECT_EQ(SignInFrom(port, "127.0.0.2", "emp", "guess").status, 401);
  testing::RawAnswer waiting = SignInFrom(port, "127.0.0.2", "emp", "pw-emp-long");
  EXPECT_EQ(waiting.status, 429);
  EXPECT_EQ(waiting.Header("Retry-After"), "1");
  EXPECT_NE(waiting.body.find("try again in 1 s"), std::string::npos) << waiting.body;
  // A header naming another client does not help: the server trusts no proxy.
  EXPECT_EQ(
      SignInFrom(port, "127.0.0.2", "emp", "pw-emp-long", "X-Forwarded-For: 10.9.8.7\r\n").status,
      429);
  // The account's owner, elsewhere, signs in at once.
  EXPECT_EQ(SignInFrom(port, "127.0.0.3", "emp", "pw-emp-long").status, 201);
  // And the attacker's wait ends: it was a delay.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(SignInFrom(port, "127.0.0.2", "emp", "pw-emp-long").status, 201);
}

TEST_F(SecurityTest, BehindATrustedProxyClientsAreToldApartByItsHeader) {
  server_.reset();
  ServerOptions o = TestServer::Quiet();
  o.trusted_proxies = {"127.0.0.1"};
  server_ = std::make_unique<TestServer>(db_, o);
  const int port = server_->Port();
  const std::string attacker = "X-Forwarded-For: 203.0.113.5\r\n";
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(SignInFrom(port, "127.0.0.1", "admin", "guess", attacker).status, 401);
  EXPECT_EQ(SignInFrom(port, "127.0.0.1", "admin", "pw-admin-long", attacker).status, 429);
  // Other clients behind the same proxy: by X-Forwarded-For (the proxy appends the address it
  // saw) and by Forwarded.
  EXPECT_EQ(SignInFrom(port, "127.0.0.1", "admin", "pw-admin-long",
                       "X-Forwarded-For: 203.0.113.5, 198.51.100.7\r\n")
                .status,
            201);
  EXPECT_EQ(SignInFrom(port, "127.0.0.1", "admin", "pw-admin-long",
                       "Forwarded: for=\"[2001:db8::7]:4711\";proto=https\r\n")
                .status,
            201);
  // A peer that is not the proxy cannot claim to be someone else.
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(SignInFrom(port, "127.0.0.4", "mgr", "guess",
                         "X-Forwarded-For: 10.0.0." + std::to_string(i) + "\r\n")
                  .status,
              401);
  EXPECT_EQ(
      SignInFrom(port, "127.0.0.4", "mgr", "pw-mgr-long", "X-Forwarded-For: 10.0.0.99\r\n").status,
      429);
}

TEST_F(SecurityTest, SignOutEndsTheSessionOnTheServer) {
  Session emp = testing::SignIn(*server_, "emp");
  httplib::Client c = server_->Client();
  auto out = PostForm("/logout", "csrf=" + emp.csrf, emp.cookie);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", emp.cookie}})->status, 401);
}

TEST_F(SecurityTest, PasswordChangeEndsOtherSessions) {
  Session here = testing::SignIn(*server_, "emp");
  Session there = testing::SignIn(*server_, "emp");
  httplib::Client c = server_->Client();
  auto wrong =
      c.Post("/api/v1/me/password", {{"Cookie", here.cookie}, {"X-CSRF-Token", here.csrf}},
             R"({"old_password":"nope","new_password":"another long one"})", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
  EXPECT_NE(wrong->body.find("\"field\": \"old_password\""), std::string::npos) << wrong->body;
  auto ok = c.Post("/api/v1/me/password", {{"Cookie", here.cookie}, {"X-CSRF-Token", here.csrf}},
                   R"({"old_password":"pw-emp-long","new_password":"another long one"})",
                   "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 204);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", here.cookie}})->status, 200);
  EXPECT_EQ(c.Get("/api/v1/me", {{"Cookie", there.cookie}})->status, 401);
}

TEST_F(SecurityTest, NoOpenRedirectAfterSignIn) {
  httplib::Client c = server_->Client();
  for (std::string next :
       {"//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example",
        "http:evil.example", "javascript:alert(1)"}) {
    auto [cookie, token] = LoginForm(c);
    auto r =
        c.Post("/login", {{"Cookie", cookie}},
               "user=emp&password=pw-emp-long&next=" + EncodeQueryParam(next) + "&csrf=" + token,
               "application/x-www-form-urlencoded");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/me") << next;
  }
}

TEST_F(SecurityTest, TheSignInPageNeverSendsASignedInUserAway) {
  Session emp = testing::SignIn(*server_, "emp");
  for (const char* next : {"/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example",
                           "%2F%2Fevil.example", "//evil.example", "/%2F/evil.example",
                           "https%3A%2F%2Fevil.example", "/%E2%80%A8/evil.example"}) {
    testing::RawAnswer r = testing::RawHttp(
        server_->Port(), std::string("GET /login?next=") + next +
                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " +
                             emp.cookie + "\r\n\r\n");
    EXPECT_EQ(r.status, 303) << next;
    const std::string location = r.Header("Location");
    EXPECT_TRUE(location == "/" || location == "/%2F/evil.example") << next << " -> " << location;
  }
  // A local target is kept.
  testing::RawAnswer r =
      testing::RawHttp(server_->Port(),
                       "GET /login?next=%2Fcases%2Fc-emp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Connection: close\r\nCookie: " +
                           emp.cookie + "\r\n\r\n");
  EXPECT_EQ(r.Header("Location"), "/cases/c-emp");
}

TEST_F(SecurityTest, HostileTextIsEscapedWherePeopleWriteIt) {
  const std::string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  Session emp = testing::SignIn(*server_, "emp");
  httplib::Client c = server_->Client();
  nlohmann::json ev = {{"kind", "talk"},
                       {"title", payload},
                       {"date", "2026-05-04"},
                       {"url", "javascript:alert(3)"},
                       {"note", payload}};
  auto r =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
             ev.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  for (const char* path : {"/me", "/cases/c-emp"}) {
    auto page = c.Get(path, {{"Cookie", emp.cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("href=\"javascript:"), std::string::npos) << path;
  }
  EXPECT_NE(c.Get("/me", {{"Cookie", emp.cookie}})->body.find("&lt;script&gt;alert(1)"),
            std::string::npos);
}

TEST_F(SecurityTest, StorageErrorsShowNoInternalNames) {
  Session emp = testing::SignIn(*server_, "emp");
  // The database breaks underneath the server (a damaged file, another program's change).
  ASSERT_EQ(
      std::system(("sqlite3 -cmd '.timeout 10000' '" + db_ + "' 'DROP TABLE evidence'").c_str()),
      0);
  httplib::Client c = server_->Client();
  auto api =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
             R"({"kind":"talk","title":"x","date":"2026-05-04"})", "application/json");
  ASSERT_TRUE(api);
  EXPECT_GE(api->status, 500);
  EXPECT_EQ(api->get_header_value("Content-Type"), "application/problem+json");
  auto page = PostForm("/people/emp/evidence", "kind=talk&title=x&date=2026-05-04&csrf=" + emp.csrf,
                       emp.cookie);
  ASSERT_TRUE(page);
  EXPECT_GE(page->status, 500);
  for (const std::string& body : {api->body, page->body}) {
    EXPECT_NE(body.find("reference"), std::string::npos) << body;
    for (const char* internal : {"sqlite", "no such table", "::", "INSERT", "SELECT", "soci"})
      EXPECT_EQ(body.find(internal), std::string::npos) << internal << " in " << body;
  }
}

TEST_F(SecurityTest, ErrorsAreProblemJsonWithTheField) {
  Session emp = testing::SignIn(*server_, "emp");
  httplib::Client c = server_->Client();
  auto r =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
             R"({"kind":"talk","title":"x","date":"04/05/2026"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
  auto p = nlohmann::json::parse(r->body);
  EXPECT_EQ(p["status"], 400);
  EXPECT_EQ(p["field"], "date");
  EXPECT_NE(p["detail"].get<std::string>().find("04/05/2026"), std::string::npos);
  auto broken =
      c.Post("/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
             "{\"kind\":", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_EQ(nlohmann::json::parse(broken->body)["field"], "body");
  auto missing = c.Get("/api/v1/nothing-here", {{"Cookie", emp.cookie}});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Content-Type"), "application/problem+json");
  auto method = c.Delete("/api/v1/people", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}});
  ASSERT_TRUE(method);
  EXPECT_EQ(method->status, 405);
}

}  // namespace
}  // namespace ladder::server
