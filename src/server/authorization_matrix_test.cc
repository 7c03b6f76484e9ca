// The authorisation matrix, generated from the route table (server/routes.h): every route, as
// every kind of user and as nobody, on their own records and on someone else's, through real
// HTTP on a real server. A route added to the table without an expectation here fails the
// test, so no route can be forgotten.
//
// The expectation of each route is written down below independently of the route table, from
// the rules of docs/accounts.md; the test checks both that the table says the same and that the
// server behaves so. A refusal (401, 403, or a page's redirect to the sign-in form) must store
// nothing, and no answer may carry the records of a person the caller may not see.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "server/routes.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

// Who may use a route.
enum class Who {
  kAnyone,
  kReaders,        // signed in (frameworks are not public in this test)
  kSignedIn,       // any signed-in user
  kSignedInActor,  // signed in and linked to a person
  kPerson,         // may see the route's person
  kPersonActor,    // may see the person, and acts as a person
  kCase,           // may see the route's case
  kCaseActor,
  kAuthor,       // people team, admin
  kAuthorActor,  // people team, admin, and acts as a person (change requests)
  kAudit,        // people team, admin
  kCycles,       // people team, admin
  kAdmin,
};

const std::map<std::string, Who>& Expectations() {
  static const std::map<std::string, Who> kTable = {
      {"GET /healthz", Who::kAnyone},
      // Reached by anyone; the handler asks for the scraper's token (metrics_http_test.cc).
      {"GET /metrics", Who::kAnyone},
      {"GET /api", Who::kAnyone},
      {"GET /api/v1/openapi.yaml", Who::kAnyone},
      {"GET /login", Who::kAnyone},
      {"POST /login", Who::kAnyone},
      {"POST /logout", Who::kSignedIn},
      {"GET /account", Who::kSignedIn},
      {"POST /account/password", Who::kSignedIn},
      {"POST /account/tokens", Who::kSignedIn},
      {"POST /account/tokens/{token}/revoke", Who::kSignedIn},
      {"POST /account/notifications", Who::kSignedInActor},
      {"GET /inbox", Who::kSignedIn},
      {"POST /inbox/read", Who::kSignedInActor},
      {"POST /inbox/{notification}/read", Who::kSignedInActor},
      {"GET /me", Who::kSignedIn},
      {"GET /team", Who::kSignedIn},
      {"GET /people/{person}", Who::kPerson},
      {"POST /people/{person}/manager", Who::kCycles},
      {"POST /people/{person}/evidence", Who::kPerson},
      {"POST /people/{person}/assessments", Who::kPersonActor},
      {"POST /people/{person}/cases", Who::kPersonActor},
      {"POST /people/{person}/plan", Who::kPerson},
      {"POST /people/{person}/plan/{action}", Who::kPerson},
      {"POST /people/{person}/checkins", Who::kPerson},
      {"GET /people/{person}/plan.csv", Who::kPerson},
      // Who may withdraw or correct which record is the handler's finer check
      // (write_matrix_test.cc); anyone who may see the person reaches it.
      {"POST /people/{person}/signoffs", Who::kPersonActor},
      {"GET /people/{person}/records/{kind}/{record}", Who::kPerson},
      {"POST /people/{person}/records/{kind}/{record}/{action}", Who::kPerson},
      {"GET /evidence/{evidence}", Who::kSignedIn},
      {"POST /evidence/{evidence}/confirm", Who::kSignedInActor},
      {"GET /cases", Who::kSignedIn},
      {"GET /cases/{case}", Who::kCase},
      {"POST /cases/{case}/{action}", Who::kCaseActor},
      {"GET /needs", Who::kSignedIn},
      {"POST /needs", Who::kSignedInActor},
      {"POST /needs/{need}/close", Who::kSignedInActor},
      {"GET /cycles", Who::kSignedIn},
      {"POST /cycles", Who::kCycles},
      {"GET /cycles/{cycle}", Who::kSignedIn},
      {"GET /cycles/{cycle}/compare", Who::kCycles},
      {"GET /cycles/{cycle}/report.csv", Who::kCycles},
      {"GET /cycles/{cycle}/report.xlsx", Who::kCycles},
      {"POST /cycles/{cycle}/nominations", Who::kSignedInActor},
      {"POST /cycles/{cycle}/{action}", Who::kCycles},
      {"GET /admin/users", Who::kAdmin},
      {"POST /admin/users", Who::kAdmin},
      {"POST /admin/users/{user}", Who::kAdmin},
      {"GET /admin/frameworks", Who::kAuthor},
      {"GET /admin/frameworks/{framework}/{version}/publish", Who::kAuthor},
      {"POST /admin/frameworks/{framework}/{version}/publish", Who::kAuthor},
      {"GET /admin/frameworks/{framework}/{version}/preview/{page...}", Who::kAuthor},
      {"GET /admin/changes", Who::kAuthor},
      {"POST /admin/changes", Who::kAuthorActor},
      {"GET /admin/changes/{change}", Who::kAuthor},
      {"POST /admin/changes/{change}/{action}", Who::kAuthorActor},
      {"GET /admin/frameworks/{framework}/edit", Who::kAuthor},
      {"POST /admin/frameworks/{framework}/policy", Who::kAuthor},
      {"POST /admin/frameworks/save", Who::kAuthor},
      {"POST /admin/lint", Who::kAuthor},
      {"GET /admin/import", Who::kAuthor},
      {"POST /admin/import", Who::kAuthor},
      {"GET /admin/people", Who::kCycles},
      {"POST /admin/people", Who::kCycles},
      {"POST /admin/people/confirm", Who::kCycles},
      {"GET /admin/audit", Who::kAudit},
      {"GET /admin/audit.csv", Who::kAudit},
      {"POST /api/v1/session", Who::kAnyone},
      {"DELETE /api/v1/session", Who::kSignedIn},
      {"GET /api/v1/me", Who::kSignedIn},
      {"POST /api/v1/me/password", Who::kSignedIn},
      {"GET /api/v1/me/tokens", Who::kSignedIn},
      {"POST /api/v1/me/tokens", Who::kSignedIn},
      {"DELETE /api/v1/me/tokens/{token}", Who::kSignedIn},
      {"GET /api/v1/me/notifications", Who::kSignedIn},
      {"POST /api/v1/me/notifications/read", Who::kSignedInActor},
      {"POST /api/v1/me/notifications/{notification}/read", Who::kSignedInActor},
      {"GET /api/v1/me/notification-preferences", Who::kSignedInActor},
      {"POST /api/v1/me/notification-preferences", Who::kSignedInActor},
      {"GET /api/v1/frameworks", Who::kReaders},
      {"POST /api/v1/frameworks", Who::kAuthor},
      {"GET /api/v1/frameworks/{framework}", Who::kReaders},
      {"POST /api/v1/frameworks/{framework}/versions/{version}/publish", Who::kAuthor},
      {"GET /api/v1/frameworks/{framework}/policy", Who::kAuthor},
      {"POST /api/v1/frameworks/{framework}/policy", Who::kAuthor},
      {"GET /api/v1/frameworks/{framework}/levels/{level}/jd", Who::kReaders},
      {"GET /api/v1/frameworks/{framework}/levels/{level}/interview-guide", Who::kReaders},
      {"POST /api/v1/import", Who::kAuthor},
      {"POST /api/v1/lint", Who::kAuthor},
      {"GET /api/v1/search", Who::kReaders},
      {"GET /api/v1/people", Who::kSignedIn},
      {"GET /api/v1/team", Who::kSignedIn},
      {"GET /api/v1/people/{person}", Who::kPerson},
      {"GET /api/v1/people/{person}/growth", Who::kPerson},
      {"GET /api/v1/people/{person}/eligibility", Who::kPerson},
      {"GET /api/v1/people/{person}/evidence", Who::kPerson},
      {"POST /api/v1/people/{person}/evidence", Who::kPerson},
      {"GET /api/v1/people/{person}/assessments", Who::kPerson},
      {"POST /api/v1/people/{person}/assessments", Who::kPersonActor},
      {"POST /api/v1/people/{person}/cases", Who::kPersonActor},
      {"GET /api/v1/people/{person}/plan", Who::kPerson},
      {"POST /api/v1/people/{person}/plan", Who::kPerson},
      {"POST /api/v1/people/{person}/plan/{action}", Who::kPerson},
      {"POST /api/v1/people/{person}/checkins", Who::kPerson},
      {"GET /api/v1/people/{person}/waivers", Who::kPerson},
      {"POST /api/v1/people/{person}/waivers", Who::kPersonActor},
      {"POST /api/v1/people/{person}/records/{kind}/{record}/{action}", Who::kPerson},
      {"POST /api/v1/people/{person}/signoffs", Who::kPersonActor},
      {"POST /api/v1/evidence/{evidence}/confirm", Who::kSignedInActor},
      {"GET /api/v1/cases", Who::kSignedIn},
      {"GET /api/v1/cases/{case}", Who::kCase},
      {"POST /api/v1/cases/{case}/{action}", Who::kCaseActor},
      {"GET /api/v1/cycles", Who::kSignedIn},
      {"POST /api/v1/cycles", Who::kCycles},
      {"GET /api/v1/cycles/{cycle}", Who::kSignedIn},
      {"POST /api/v1/cycles/{cycle}/nominations", Who::kSignedInActor},
      {"POST /api/v1/cycles/{cycle}/{action}", Who::kCycles},
      {"GET /api/v1/needs", Who::kSignedIn},
      {"POST /api/v1/needs", Who::kSignedInActor},
      {"POST /api/v1/needs/{need}/close", Who::kSignedInActor},
      {"GET /api/v1/users", Who::kAdmin},
      {"POST /api/v1/users", Who::kAdmin},
      {"PATCH /api/v1/users/{user}", Who::kAdmin},
      {"GET /api/v1/audit", Who::kAudit},
      {"GET /static/{file...}", Who::kAnyone},
      {"GET /{page...}", Who::kReaders},
  };
  return kTable;
}

std::string KeyOf(const RouteSpec& r) {
  return std::string(MethodName(r.method)) + " " + std::string(r.pattern);
}

// The users of server_testing.h: their person, roles, and what the rules let them see.
struct Caller {
  std::string user;  // "" nobody
  std::string person;
  bool everyone = false;  // people team or admin
  bool admin = false;
  bool author = false;
  std::set<std::string> sees;  // people whose records they may see
};

const char* const kPeople[] = {"boss", "lead", "mgr", "emp", "peer", "stranger", "hrp"};

std::vector<Caller> Callers() {
  const std::set<std::string> all(std::begin(kPeople), std::end(kPeople));
  std::set<std::string> below_boss = all;
  below_boss.erase("hrp");
  return {
      {"", "", false, false, false, {}},
      {"emp", "emp", false, false, false, {"emp"}},
      {"mgr", "mgr", false, false, false, {"mgr", "emp"}},
      {"boss", "boss", false, false, false, below_boss},
      {"peer", "peer", false, false, false, {"peer"}},
      {"rev2", "stranger", false, false, false, {"stranger"}},
      {"lead", "lead", false, false, false, {"lead"}},  // above mgr and emp, a reviewer only
      {"hr", "hrp", true, false, true, all},
      {"admin", "", true, true, true, all},
  };
}

// The person of a case and its panel (server_testing.h).
const std::map<std::string, std::pair<std::string, std::set<std::string>>> kCases = {
    {"c-emp", {"emp", {"peer"}}}, {"c-str", {"stranger", {}}}};

bool Allowed(Who who, const Caller& c, const std::map<std::string, std::string>& params) {
  const bool in = !c.user.empty();
  auto sees_case = [&] {
    const auto& [person, panel] = kCases.at(params.at("case"));
    return c.everyone || c.sees.count(person) || panel.count(c.person);
  };
  switch (who) {
    case Who::kAnyone:
      return true;
    case Who::kReaders:
    case Who::kSignedIn:
      return in;
    case Who::kSignedInActor:
      return in && !c.person.empty();
    case Who::kPerson:
      return in && c.sees.count(params.at("person"));
    case Who::kPersonActor:
      return in && c.sees.count(params.at("person")) && !c.person.empty();
    case Who::kCase:
      return in && sees_case();
    case Who::kCaseActor:
      return in && sees_case() && !c.person.empty();
    case Who::kAuthor:
    case Who::kAudit:
    case Who::kCycles:
      return c.author;
    case Who::kAuthorActor:
      return c.author && !c.person.empty();
    case Who::kAdmin:
      return c.admin;
  }
  return false;
}

std::pair<app::Guard, bool> GuardOf(Who who) {
  using G = app::Guard;
  switch (who) {
    case Who::kAnyone:
      return {G::kPublic, false};
    case Who::kReaders:
      return {G::kFrameworks, false};
    case Who::kSignedIn:
      return {G::kSignedIn, false};
    case Who::kSignedInActor:
      return {G::kSignedIn, true};
    case Who::kPerson:
      return {G::kPerson, false};
    case Who::kPersonActor:
      return {G::kPerson, true};
    case Who::kCase:
      return {G::kCase, false};
    case Who::kCaseActor:
      return {G::kCase, true};
    case Who::kAuthor:
      return {G::kAuthor, false};
    case Who::kAuthorActor:
      return {G::kAuthor, true};
    case Who::kAudit:
      return {G::kAudit, false};
    case Who::kCycles:
      return {G::kCycles, false};
    case Who::kAdmin:
      return {G::kAdmin, false};
  }
  return {G::kPublic, false};
}

TEST(AuthorizationMatrix, EveryRouteHasAnExpectationThatTheTableAgreesWith) {
  std::set<std::string> seen;
  for (const RouteSpec& r : Routes()) {
    std::string key = KeyOf(r);
    seen.insert(key);
    auto it = Expectations().find(key);
    ASSERT_NE(it, Expectations().end())
        << key << " is a route without an expectation in the authorisation matrix";
    auto [guard, needs_person] = GuardOf(it->second);
    EXPECT_EQ(r.guard, guard) << key << ": the route table guards it with "
                              << app::GuardName(r.guard);
    EXPECT_EQ(r.needs_person, needs_person) << key;
  }
  for (const auto& [key, who] : Expectations())
    EXPECT_TRUE(seen.count(key)) << key << " is expected but not a route";
}

// Concrete paths of a pattern: one per value of its subject ({person}: one's own and someone
// else's; {case}: a case one is on and one one is not), other parameters fixed.
std::vector<std::map<std::string, std::string>> ParamSets(std::string_view pattern) {
  std::vector<std::map<std::string, std::string>> sets = {{}};
  auto has = [&](std::string_view p) { return pattern.find(p) != std::string_view::npos; };
  if (has("{person}")) sets = {{{"person", "emp"}}, {{"person", "stranger"}}, {{"person", "mgr"}}};
  if (has("{case}")) sets = {{{"case", "c-emp"}}, {{"case", "c-str"}}};
  for (auto& s : sets) {
    // Values that make an allowed request fail after the checks (404, 400), never succeed in
    // a way that changes what the next caller sees.
    s["token"] = "tok-none";
    s["need"] = "n-none";
    s["user"] = "nobody";
    s["action"] = "inspect";
    s["framework"] = "eng";
    s["version"] = "9";
    s["level"] = "L-none";
    s["page"] = "index.html";
    s["file"] = "ladder.css";
    s["evidence"] = "ev-none";
    s["notification"] = "nt-none";
    s["kind"] = "evidence";
    s["record"] = "ev-none";
    s["cycle"] = "cy";
    s["change"] = "cr-none";
  }
  return sets;
}

std::string PathOf(std::string_view pattern, const std::map<std::string, std::string>& params) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      std::string name(pattern.substr(i + 1, close - i - 1));
      if (name.ends_with("...")) name.resize(name.size() - 3);  // {rest...}
      out += params.at(name);
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

size_t AuditCount(storage::Store& store) {
  storage::AuditQuery q;
  q.limit = 0;
  auto entries = store.ListAudit(q);
  return entries ? entries->size() : 0;
}

class AuthorizationMatrixRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_ = testing::TempPath("matrix-template");
    testing::BuildOrganisation(template_);
    // Sign everyone in once; the copies of the database carry the sessions.
    TestServer server(template_);
    for (const Caller& c : Callers())
      if (!c.user.empty()) sessions_[c.user] = testing::SignIn(server, c.user);
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(template_ + suffix);
  }
  static std::string template_;
  static std::map<std::string, Session> sessions_;
};
std::string AuthorizationMatrixRun::template_;
std::map<std::string, Session> AuthorizationMatrixRun::sessions_;

TEST_F(AuthorizationMatrixRun, EveryRouteAsEveryoneOnOwnAndOthersRecords) {
  int requests = 0;
  for (const RouteSpec& route : Routes()) {
    const Who who = Expectations().at(KeyOf(route));
    std::string db = testing::TempPath("matrix");
    fs::copy_file(template_, db);
    {
      TestServer server(db);
      for (const auto& params : ParamSets(route.pattern)) {
        const std::string path = PathOf(route.pattern, params);
        for (const Caller& caller : Callers()) {
          httplib::Headers headers;
          std::string body, type;
          const Session* s = caller.user.empty() ? nullptr : &sessions_.at(caller.user);
          if (s) headers.emplace("Cookie", s->cookie);
          if (route.method != Method::kGet) {
            if (route.api) {
              body = "{}";
              type = "application/json";
              if (s) headers.emplace("X-CSRF-Token", s->csrf);
            } else {
              body = s ? "csrf=" + s->csrf : "";
              type = "application/x-www-form-urlencoded";
            }
          }
          httplib::Request req;
          req.method = MethodName(route.method);
          req.path = path;
          req.headers = headers;
          req.body = body;
          if (!type.empty()) req.set_header("Content-Type", type);
          size_t writes_before = AuditCount(server.store());
          httplib::Client client = server.Client();
          httplib::Response res;
          httplib::Error error = httplib::Error::Success;
          ASSERT_TRUE(client.send(req, res, error)) << req.method << " " << path;
          ++requests;
          const std::string who_text = caller.user.empty() ? "nobody" : caller.user;
          const bool to_login = res.status == 303 &&
                                res.get_header_value("Location").rfind("/login", 0) == 0 &&
                                route.pattern != "/login" && route.pattern != "/logout";
          const bool refused = res.status == 401 || res.status == 403 || to_login;
          const bool expected = Allowed(who, caller, params);
          if (route.pattern == "/login" && route.method == Method::kPost) {
            // Public, but without the sign-in form's own token it is refused for everyone.
            EXPECT_NE(res.status, 401) << who_text;
            continue;
          }
          EXPECT_EQ(!refused, expected)
              << req.method << " " << path << " as " << who_text << " answered " << res.status
              << (expected ? " but should be allowed: " : " but should be refused: ")
              << res.body.substr(0, 300);
          if (refused) {
            EXPECT_EQ(AuditCount(server.store()), writes_before)
                << req.method << " " << path << " as " << who_text
                << " was refused but wrote something";
          }
          // No answer carries the records of someone the caller may not see: their e-mail or
          // their evidence. A case's panel sees the case's person.
          std::set<std::string> visible = caller.sees;
          if (params.count("case") && !refused) visible.insert(kCases.at(params.at("case")).first);
          for (const char* person : kPeople) {
            if (visible.count(person)) continue;
            EXPECT_EQ(res.body.find(std::string(person) + "@marker.test"), std::string::npos)
                << req.method << " " << path << " as " << who_text << " shows " << person
                << "'s e-mail";
            EXPECT_EQ(res.body.find("Talk-of-" + std::string(person)), std::string::npos)
                << req.method << " " << path << " as " << who_text << " shows " << person
                << "'s evidence";
          }
        }
      }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  }
  EXPECT_GT(requests, 400);
}

}  // namespace
}  // namespace ladder::server
