// Who may act in a review, over real HTTP, the way an attacker tried it: with a session (CSRF
// token included) and with an API token, through the JSON API and the pages' forms. Each test
// is a reproduction of a way in that app/authority.h closes: a voter trimming the panel to reach
// a consensus, the person naming their own panel and moving their review, anyone closing or
// filling a documented need, a reviewer-only account above the person deciding and waiving, a
// forged SME sign-off, and errors that told whether records exist.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "app/accounts.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

enum class Credential { kSession, kToken };

Date D(const char* s) { return *Date::Parse(s); }

class ReviewAuthorityTest : public ::testing::TestWithParam<Credential> {
 protected:
  void SetUp() override { db_ = testing::TempPath("review-authority"); }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  // Builds the organisation of server_testing.h, changes it with `prepare` and serves it.
  void Start(const std::function<void(storage::Store&)>& prepare = {}) {
    testing::BuildOrganisation(db_);
    if (prepare) {
      auto store = storage::OpenStore("sqlite:" + db_);
      ASSERT_TRUE(store) << store.error().ToString();
      prepare(**store);
    }
    server_ = std::make_unique<TestServer>(db_);
  }
  storage::Store& store() { return server_->store(); }

  // The headers that make a request `user`'s, by this test's credential.
  httplib::Headers As(const std::string& user) {
    if (!auth_.count(user)) {
      if (GetParam() == Credential::kSession) {
        testing::Session s = testing::SignIn(*server_, user);
        auth_[user] = {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
        csrf_[user] = s.csrf;
      } else {
        app::AccountService accounts(store());
        auto token = accounts.CreateToken("test", user, {"review authority test", ""});
        EXPECT_TRUE(token) << token.error().ToString();
        auth_[user] = {{"Authorization", "Bearer " + token->secret}};
      }
    }
    return auth_[user];
  }
  // A JSON API write as `user`: the status and the body.
  std::pair<int, json> Api(const std::string& user, const std::string& path, const json& body) {
    auto r = server_->Client().Post(path, As(user), body.dump(), "application/json");
    EXPECT_TRUE(r) << path;
    if (!r) return {0, json()};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  // A form of the pages as `user` (the CSRF field with a session).
  int Form(const std::string& user, const std::string& path, std::string fields) {
    httplib::Headers h = As(user);
    if (csrf_.count(user)) fields += "&csrf=" + csrf_[user];
    auto r = server_->Client().Post(path, h, fields, "application/x-www-form-urlencoded");
    EXPECT_TRUE(r) << path;
    return r ? r->status : 0;
  }
  // The audit entries written by `user`, signing in aside.
  std::vector<model::AuditEntry> WritesBy(const std::string& user) {
    auto all = store().ListAudit({"user:" + user, "", "", 0, 0});
    EXPECT_TRUE(all);
    std::vector<model::AuditEntry> out;
    if (all)
      for (model::AuditEntry& e : *all)
        if (e.action != "session.create") out.push_back(std::move(e));
    return out;
  }
  model::Case Case(const std::string& id) { return *store().GetCase(id); }

  std::string db_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, httplib::Headers> auth_;
  std::map<std::string, std::string> csrf_;
};

// c-emp in peer review with a panel of two, peer and stranger (rev2's person).
void PanelOfTwo(storage::Store& s) {
  model::Case c = *s.GetCase("c-emp");
  c.status = model::CaseStatus::kPeerReview;
  c.panel = {"peer", "stranger"};
  ASSERT_TRUE(s.SaveCase("test", c));
}

TEST_P(ReviewAuthorityTest, AVoterCannotTrimThePanelToAConsensusNorMoveTheReview) {
  Start(PanelOfTwo);
  EXPECT_EQ(Api("peer", "/api/v1/cases/c-emp/votes", {{"vote", "for"}}).first, 200);
  auto [status, problem] = Api("peer", "/api/v1/cases/c-emp/panel", {{"panel", {"peer"}}});
  EXPECT_EQ(status, 403) << problem.dump();
  EXPECT_NE(problem.value("detail", "").find("may not name or change a review's panel"),
            std::string::npos)
      << problem.dump();
  EXPECT_EQ(Form("peer", "/cases/c-emp/panel", "panel=peer"), 403);
  EXPECT_EQ(Case("c-emp").panel, (std::vector<std::string>{"peer", "stranger"}));
  // Without the trimmed panel there is no consensus; and a panel member does not move it anyway.
  EXPECT_EQ(Api("peer", "/api/v1/cases/c-emp/move", {{"to", "decision"}}).first, 403);
  EXPECT_EQ(Form("peer", "/cases/c-emp/move", "to=decision"), 403);
  EXPECT_EQ(Case("c-emp").status, model::CaseStatus::kPeerReview);
  for (const model::AuditEntry& e : WritesBy("peer")) EXPECT_EQ(e.action, "case.vote");
  // The manager may change the panel, but a member who has voted stays on it.
  auto [kept, why] = Api("mgr", "/api/v1/cases/c-emp/panel", {{"panel", {"stranger"}}});
  EXPECT_EQ(kept, 409) << why.dump();
  EXPECT_EQ(Api("mgr", "/api/v1/cases/c-emp/panel", {{"panel", {"peer", "rev2-nobody"}}}).first,
            404);
  EXPECT_EQ(Api("mgr", "/api/v1/cases/c-emp/panel", {{"panel", {"peer", "hrp"}}}).first, 200);
  EXPECT_EQ(Case("c-emp").panel, (std::vector<std::string>{"peer", "hrp"}));
}

TEST_P(ReviewAuthorityTest, ThePersonCannotNameTheirOwnPanelNorMoveTheirReview) {
  Start();
  EXPECT_EQ(Api("emp", "/api/v1/cases/c-emp/move", {{"to", "portfolio"}}).first, 403);
  EXPECT_EQ(Form("emp", "/cases/c-emp/move", "to=portfolio"), 403);
  EXPECT_EQ(Api("emp", "/api/v1/cases/c-emp/panel", {{"panel", {"stranger"}}}).first, 403);
  EXPECT_EQ(Form("emp", "/cases/c-emp/panel", "panel=stranger"), 403);
  model::Case c = Case("c-emp");
  EXPECT_EQ(c.status, model::CaseStatus::kOpen);
  EXPECT_EQ(c.panel, std::vector<std::string>{"peer"});
  EXPECT_TRUE(WritesBy("emp").empty());
  // What the person may do: add their own evidence to the portfolio.
  EXPECT_EQ(Api("emp", "/api/v1/cases/c-emp/evidence", {{"evidence", "ev-emp"}}).first, 200);
  // Their manager runs the review.
  EXPECT_EQ(Api("mgr", "/api/v1/cases/c-emp/move", {{"to", "portfolio"}}).first, 200);
  EXPECT_EQ(Case("c-emp").status, model::CaseStatus::kPortfolio);
}

TEST_P(ReviewAuthorityTest, OnlyWhoOpenedANeedOrIsAboveThemClosesIt) {
  Start([](storage::Store& s) {
    // A promotion into n1's role (ic/L3) that the stranger's team decided.
    model::Case c = *s.GetCase("c-str");
    c.id = "c-up";
    c.target_level = "L3";
    c.status = model::CaseStatus::kClosed;
    c.decision = model::Decision{model::Outcome::kPromoted, D("2026-03-01"), "boss", ""};
    ASSERT_TRUE(s.SaveCase("test", c));
  });
  // An employee of another team, with and without a case they cannot see.
  EXPECT_EQ(Api("emp", "/api/v1/needs/n1/close", json::object()).first, 403);
  EXPECT_EQ(Api("emp", "/api/v1/needs/n1/close", {{"filled_by_case", "c-up"}}).first, 403);
  EXPECT_EQ(Form("emp", "/needs/n1/close", "filled_by_case=c-up"), 403);
  // A manager below the opener, and a reviewer-only account above that manager.
  EXPECT_EQ(Api("mgr", "/api/v1/needs/n1/close", json::object()).first, 403);
  EXPECT_EQ(Api("lead", "/api/v1/needs/n1/close", json::object()).first, 403);
  auto needs = store().ListNeeds("");
  ASSERT_TRUE(needs);
  EXPECT_EQ(needs->at(0).status, model::NeedStatus::kOpen);
  // Who opened it fills it with the promotion that did.
  auto [status, need] = Api("boss", "/api/v1/needs/n1/close", {{"filled_by_case", "c-up"}});
  EXPECT_EQ(status, 200) << need.dump();
  EXPECT_EQ(need.value("status", ""), "filled");
  EXPECT_EQ(need.value("filled_by_case", ""), "c-up");
}

TEST_P(ReviewAuthorityTest, ANeedIsFilledByAPromotionTheCloserMaySee) {
  Start([](storage::Store& s) {
    model::Need n = s.ListNeeds("")->at(0);
    n.id = "n-mgr";
    n.opened_by = "mgr";
    n.level = "L2";
    ASSERT_TRUE(s.SaveNeed("test", n));
  });
  // mgr may close n-mgr, but may not see c-str: the same answer as for a case that is not there.
  auto [hidden, hidden_problem] =
      Api("mgr", "/api/v1/needs/n-mgr/close", {{"filled_by_case", "c-str"}});
  auto [missing, missing_problem] =
      Api("mgr", "/api/v1/needs/n-mgr/close", {{"filled_by_case", "c-xyz"}});
  EXPECT_EQ(hidden, 404);
  EXPECT_EQ(missing, 404);
  EXPECT_EQ(hidden_problem.value("detail", ""), "no case 'c-str'");
  EXPECT_EQ(missing_problem.value("detail", ""), "no case 'c-xyz'");
  // A case mgr sees but that promoted nobody does not fill it either.
  auto [open, open_problem] =
      Api("mgr", "/api/v1/needs/n-mgr/close", {{"filled_by_case", "c-emp"}});
  EXPECT_EQ(open, 412) << open_problem.dump();
  EXPECT_TRUE(WritesBy("mgr").empty());
}

TEST_P(ReviewAuthorityTest, AReviewerAboveThePersonHasNoAuthorityOverTheirReview) {
  Start([](storage::Store& s) {
    model::Case c = *s.GetCase("c-emp");
    c.status = model::CaseStatus::kDecision;
    c.panel = {"peer", "lead"};  // lead sees the case as a panel member
    c.votes = {{"peer", model::VoteChoice::kFor, "", D("2026-02-01")},
               {"lead", model::VoteChoice::kFor, "", D("2026-02-01")}};
    ASSERT_TRUE(s.SaveCase("test", c));
  });
  EXPECT_EQ(Api("lead", "/api/v1/cases/c-emp/decision",
                {{"outcome", "not_promoted"}, {"effective", "2026-03-01"}})
                .first,
            403);
  EXPECT_EQ(Form("lead", "/cases/c-emp/decision", "outcome=not_promoted&effective=2026-03-01"),
            403);
  EXPECT_EQ(Api("lead", "/api/v1/cases/c-emp/waivers",
                {{"requirement", "A year at L1"}, {"reason", "urgent"}})
                .first,
            403);
  EXPECT_EQ(
      Api("lead", "/api/v1/needs", {{"framework", "eng"}, {"target", "ic/L3"}, {"reason", "x"}})
          .first,
      403);
  EXPECT_EQ(Form("lead", "/needs", "target=eng|ic/L3&reason=x"), 403);
  EXPECT_FALSE(Case("c-emp").decision);
  EXPECT_TRUE(store().ListWaivers("emp")->empty());
  EXPECT_EQ(store().ListNeeds("")->size(), 1u);
  EXPECT_TRUE(WritesBy("lead").empty());
  // A manager above decides.
  EXPECT_EQ(Api("boss", "/api/v1/cases/c-emp/decision",
                {{"outcome", "not_promoted"}, {"effective", "2026-03-01"}})
                .first,
            200);
  EXPECT_EQ(Case("c-emp").decision->decided_by, "boss");
}

TEST_P(ReviewAuthorityTest, AnSmeSignOffCountsOnceTheSignerConfirmsIt) {
  Start([](storage::Store& s) {
    // Version 2 of the framework asks for an SME sign-off to reach L2.
    model::Framework f = testing::TestFramework();
    f.version = "2";
    f.tracks[0].levels[1].requirements = {
        {"SME in one core skill set", model::SmeSkillsets{1, ""}, {}}};
    ASSERT_TRUE(s.SaveDraft("test", f));
    ASSERT_TRUE(s.Publish("test", "eng", "2"));
  });
  auto sme = [&] {
    auto v = server_->Client().Get("/api/v1/people/emp/eligibility?target=ic/L2", As("emp"));
    EXPECT_TRUE(v && v->status == 200) << (v ? v->body : "no answer");
    return json::parse(v->body).at("requirements").at(0);
  };
  // The employee names boss as the signer: stored as a claim, not met.
  auto [status, evidence] = Api("emp", "/api/v1/people/emp/evidence",
                                {{"kind", "sme"},
                                 {"skill", "networking"},
                                 {"signed_off_by", "boss"},
                                 {"date", "2026-01-10"}});
  ASSERT_EQ(status, 201) << evidence.dump();
  const std::string id = evidence.at("id");
  EXPECT_TRUE(evidence.at("confirmed").is_null());
  EXPECT_EQ(sme().value("status", ""), "not_met");
  EXPECT_NE(sme().value("reason", "").find("awaiting confirmation by boss"), std::string::npos);
  // Nobody but the signer confirms it, and they all hear what a missing one gets.
  for (const char* other : {"emp", "mgr", "hr"}) {
    auto [refused, problem] = Api(other, "/api/v1/evidence/" + id + "/confirm", json::object());
    EXPECT_EQ(refused, 404) << other;
    EXPECT_EQ(problem.value("detail", ""), "no SME sign-off '" + id + "' names " +
                                               (std::string(other) == "hr" ? "hrp" : other) +
                                               " as its signer");
  }
  EXPECT_EQ(
      Api("emp", "/api/v1/evidence/ev-none/confirm", json::object()).second.value("detail", ""),
      "no SME sign-off 'ev-none' names emp as its signer");
  EXPECT_EQ(sme().value("status", ""), "not_met");
  // The signer sees it on its page and confirms it there (or through the API).
  auto page = server_->Client().Get("/evidence/" + id, As("boss"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Confirm the sign-off"), std::string::npos);
  EXPECT_EQ(server_->Client().Get("/evidence/" + id, As("peer"))->status, 404);
  if (GetParam() == Credential::kSession) {
    EXPECT_EQ(Form("boss", "/evidence/" + id + "/confirm", ""), 303);
  } else {
    EXPECT_EQ(Api("boss", "/api/v1/evidence/" + id + "/confirm", json::object()).first, 200);
  }
  EXPECT_FALSE(store().GetEvidence(id)->confirmed.empty());
  EXPECT_EQ(sme().value("status", ""), "met");
  // Recorded by the signer themself, it stands at once: boss manages emp.
  auto [own, recorded] =
      Api("boss", "/api/v1/people/emp/evidence",
          {{"kind", "sme"}, {"skill", "linux"}, {"signed_off_by", "boss"}, {"date", "2026-01-11"}});
  ASSERT_EQ(own, 201);
  EXPECT_EQ(recorded.value("confirmed", ""), "2026-01-11");
}

TEST_P(ReviewAuthorityTest, ErrorsDoNotTellWhetherEvidenceExists) {
  Start();
  auto [other, other_problem] =
      Api("mgr", "/api/v1/cases/c-emp/evidence", {{"evidence", "ev-stranger"}});
  auto [none, none_problem] = Api("mgr", "/api/v1/cases/c-emp/evidence", {{"evidence", "ev-xyz"}});
  EXPECT_EQ(other, 404);
  EXPECT_EQ(none, 404);
  EXPECT_EQ(other_problem.value("detail", ""),
            "no evidence 'ev-stranger' of emp (a portfolio holds the person's own evidence)");
  EXPECT_EQ(none_problem.value("detail", ""),
            "no evidence 'ev-xyz' of emp (a portfolio holds the person's own evidence)");
  // Pages of sign-offs: someone else's evidence and none at all look the same.
  EXPECT_EQ(server_->Client().Get("/evidence/ev-stranger", As("emp"))->status, 404);
  EXPECT_EQ(server_->Client().Get("/evidence/ev-xyz", As("emp"))->status, 404);
}

// Every write that names a record in its path or its body, as users who may not see the record:
// the answer for one that exists is the answer for one that does not (the name aside).
TEST_P(ReviewAuthorityTest, ErrorsOfWritesDoNotTellWhetherCasesOrPeopleExist) {
  Start([](storage::Store& s) {
    // outsider: a person with no account, whom only boss (and everyone-seers) may see.
    ASSERT_TRUE(s.SavePerson(
        "test", model::Person{"outsider", "Out Sider", "o@marker.test", "boss", D("2020-01-01")}));
  });
  struct Probe {
    std::string user, path, body;  // "{id}" in path or body is the record
    std::string hidden, missing;   // a record the user may not see, and none at all
  };
  const std::string c = "/api/v1/cases/{id}/";
  const std::vector<Probe> probes = {
      {"emp", c + "move", R"({"to":"portfolio"})", "c-str", "c-none"},
      {"emp", c + "panel", R"({"panel":["peer"]})", "c-str", "c-none"},
      {"emp", c + "evidence", R"({"evidence":"ev-emp"})", "c-str", "c-none"},
      {"emp", c + "votes", R"({"vote":"for"})", "c-str", "c-none"},
      {"emp", c + "waivers", R"({"requirement":"A year at L1","reason":"x"})", "c-str", "c-none"},
      {"emp", c + "decision", R"({"outcome":"promoted","effective":"2026-03-01"})", "c-str",
       "c-none"},
      {"lead", c + "move", R"({"to":"portfolio"})", "c-str", "c-none"},
      {"peer", c + "votes", R"({"vote":"for"})", "c-str", "c-none"},
      {"mgr", c + "decision", R"({"outcome":"promoted","effective":"2026-03-01"})", "c-str",
       "c-none"},
      {"emp", "/api/v1/people/{id}/evidence", R"({"kind":"talk","title":"t","date":"2026-01-10"})",
       "stranger", "nobody"},
      {"emp", "/api/v1/people/{id}/cases", R"({"target":"L2"})", "stranger", "nobody"},
      {"mgr", "/api/v1/people/{id}/cases", R"({"target":"L2"})", "stranger", "nobody"},
      {"mgr", "/api/v1/people/{id}/assessments",
       R"({"period_start":"2025-01-01","period_end":"2025-03-31","ratings":{"delivery":"meeting"}})",
       "stranger", "nobody"},
      {"mgr", "/api/v1/cases/c-emp/panel", R"({"panel":["peer","{id}"]})", "outsider", "nobody"},
      {"emp", "/api/v1/people/emp/evidence",
       R"({"kind":"sme","skill":"networking","signed_off_by":"{id}","date":"2026-01-10"})",
       "outsider", "nobody"},
  };
  for (const Probe& p : probes) {
    auto send = [&](const std::string& id) {
      std::string path = p.path, body = p.body;
      if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, id);
      if (auto at = body.find("{id}"); at != std::string::npos) body.replace(at, 4, id);
      auto [status, problem] = Api(p.user, path, json::parse(body));
      std::string detail = problem.value("detail", "");
      for (size_t at = detail.find(id); at != std::string::npos; at = detail.find(id))
        detail.replace(at, id.size(), "{id}");
      return std::pair{status, detail};
    };
    SCOPED_TRACE(p.user + " " + p.path + " " + p.body);
    auto hidden = send(p.hidden);
    auto missing = send(p.missing);
    EXPECT_EQ(hidden, missing);
    EXPECT_TRUE(hidden.first == 403 || hidden.first == 404) << hidden.first;
  }
  for (const char* user : {"emp", "mgr", "lead", "peer"}) EXPECT_TRUE(WritesBy(user).empty());
  EXPECT_EQ(store().ListEvidence("emp")->size(), 1u);
}

// A panel member who has not voted yet does not see how the others voted, nor their notes or
// the consensus, on the page or through the API: their vote would echo the others'. Once they
// voted they see them all; the people team sees them throughout.
TEST_P(ReviewAuthorityTest, APanelMemberSeesTheOthersVotesOnlyAfterVoting) {
  Start([](storage::Store& s) {
    PanelOfTwo(s);
    ASSERT_TRUE(
        s.AddVote("test", "c-emp",
                  {"stranger", model::VoteChoice::kAgainst, "Note-of-stranger", D("2026-03-02")}));
  });
  auto get = [&](const std::string& user, const std::string& path) {
    auto r = server_->Client().Get(path, As(user));
    EXPECT_TRUE(r && r->status == 200) << path << " as " << user;
    return r ? r->body : std::string();
  };
  auto votes = [&](const std::string& user) {
    json one = json::parse(get(user, "/api/v1/cases/c-emp"), nullptr, false);
    json all = json::parse(get(user, "/api/v1/cases"), nullptr, false);
    size_t listed = 0;
    for (const json& c : all)
      if (c.value("id", "") == "c-emp") listed = c.value("votes", json::array()).size();
    EXPECT_EQ(one.value("votes", json::array()).size(), listed) << user;
    return listed;
  };
  EXPECT_EQ(votes("peer"), 0u);
  std::string page = get("peer", "/cases/c-emp");
  EXPECT_EQ(page.find("Note-of-stranger"), std::string::npos);
  EXPECT_EQ(page.find("<td>against</td>"), std::string::npos);
  EXPECT_NE(page.find("show once you have voted"), std::string::npos);
  // The people team, and the other member who voted, see every vote.
  EXPECT_EQ(votes("hr"), 1u);
  EXPECT_NE(get("hr", "/cases/c-emp").find("Note-of-stranger"), std::string::npos);
  EXPECT_EQ(votes("rev2"), 1u);

  auto [status, voted] = Api("peer", "/api/v1/cases/c-emp/votes", {{"vote", "for"}});
  EXPECT_EQ(status, 200) << voted.dump();
  EXPECT_EQ(voted.value("votes", json::array()).size(), 2u);
  EXPECT_EQ(votes("peer"), 2u);
  EXPECT_NE(get("peer", "/cases/c-emp").find("Note-of-stranger"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Credentials, ReviewAuthorityTest,
                         ::testing::Values(Credential::kSession, Credential::kToken),
                         [](const auto& param_info) {
                           return param_info.param == Credential::kSession ? "Session" : "Token";
                         });

}  // namespace
}  // namespace ladder::server
