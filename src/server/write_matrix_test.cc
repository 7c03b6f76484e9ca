// The write side of the authorisation matrix: every route that writes (every action of the
// review routes), as every kind of user and as nobody, with a session (and its CSRF token) and
// with an API token, through real HTTP on a real server. What each write stores is read back
// from the audit log and the record; a refused write stores nothing. A write route added to the
// route table (server/routes.h) without a row here fails the test.
//
// Who may is written down below from docs/accounts.md, independently of app/authority.h, for
// the organisation of server_testing.h:
//
//   emp (employee, the person of c-emp)    mgr, boss (managers above emp; boss opened need n1)
//   peer (reviewer on c-emp's panel)       rev2 (reviewer, person stranger, not on it)
//   lead (reviewer above mgr and emp)      hr (people team, person hrp)   admin (no person)
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "app/accounts.h"
#include "app/change_requests.h"
#include "app/crypto.h"
#include "formats/canonical.h"
#include "server/routes.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::TestServer;
using Users = std::set<std::string>;

const char* const kUsers[] = {"emp", "mgr", "boss", "peer", "rev2", "lead", "hr", "admin"};
const Users kSignedIn(std::begin(kUsers), std::end(kUsers));

// One write, and what it should do.
struct Write {
  std::string route;         // the route table's "METHOD pattern"
  std::string path;          // "{token}" is the caller's API token id
  std::string body;          // JSON for the API, form fields (without the CSRF token) for pages;
                             // "{user}" is the caller
  Users may;                 // whose write is stored; everyone else is refused and stores nothing
  std::string audit;         // the action of the first audit entry it writes; "" writes nothing
  std::string subject = "";  // of that entry ("" any); "{user}", "{token}" as above
  std::function<void(storage::Store&)> prepare = {};  // the state it starts from
  // What the record shows afterwards: "" when it shows the write, else what is wrong.
  std::function<std::string(storage::Store&, const std::string& user)> stored = {};
  bool by_token = true;    // false: with an API token it succeeds and writes nothing (sessions)
  std::string actor = "";  // the audit actor when not the caller ("user:emp")
  bool anyone = false;     // nobody signed in may too (signing in)
  bool multipart = false;  // a page's form with a file: `body` is multipart/form-data
};

// A small ladder in Markdown, of this test's own, to import.
constexpr const char* kLadderMarkdown =
    "## Junior Analyst\n\n### Craft\n- Answers questions from existing reports.\n\n"
    "### Teamwork\n- Shares drafts early.\n\n"
    "## Analyst\n\n### Craft\n- Builds a report when none answers the question.\n\n"
    "### Teamwork\n- Reviews the reports of others.\n\n"
    "## Senior Analyst\n\n### Craft\n- Decides which questions the team answers.\n\n"
    "### Teamwork\n- Coaches other analysts.\n";
constexpr const char* kBoundary = "matrix-boundary-7391";

std::string Multipart() {
  const std::string b = kBoundary;
  return "--" + b +
         "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"analysts.md\"\r\n"
         "Content-Type: text/markdown\r\n\r\n" +
         kLadderMarkdown + "\r\n--" + b +
         "\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nmarkdown-ladder\r\n--" + b +
         "--\r\n";
}

// An HRIS file of one new person, as uploaded to /admin/people.
constexpr const char* kPeopleCsv =
    "id,name,email,manager,framework,track,level,since\r\n"
    "newp,New Person,newp@example.org,mgr,eng,ic,L1,2026-01-01\r\n";

std::string MultipartPeople() {
  const std::string b = kBoundary;
  return "--" + b +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
         "Content-Type: text/csv\r\n\r\n" +
         kPeopleCsv + "\r\n--" + b + "--\r\n";
}

Date D(const char* s) { return *Date::Parse(s); }

void SetStatus(storage::Store& s, model::CaseStatus status) {
  model::Case c = *s.GetCase("c-emp");
  c.status = status;
  ASSERT_TRUE(s.SaveCase("test", c));
}

std::string CaseIs(storage::Store& s, std::function<bool(const model::Case&)> ok,
                   const char* what) {
  auto c = s.GetCase("c-emp");
  return c && ok(*c) ? "" : std::string("c-emp: ") + what;
}

// The framework a draft is saved from: the test framework's version 2.
std::string DraftYaml() {
  model::Framework f = testing::TestFramework();
  f.version = "2";
  return formats::WriteYaml(f);
}

std::string Encode(const std::string& s) { return httplib::detail::encode_query_param(s); }

std::vector<Write> Writes() {
  using model::CaseStatus;
  // Who may, by docs/accounts.md: record emp's evidence; open a review of emp or add to its
  // portfolio; run c-emp (panel, moves, decision) and documented needs; author frameworks.
  const Users recorders = {"emp", "mgr", "boss", "hr", "admin"};
  const Users openers = {"emp", "mgr", "boss", "hr"};
  const Users runners = {"mgr", "boss", "hr"};
  const Users authors = {"hr", "admin"};
  Users with_person = kSignedIn;
  with_person.erase("admin");
  auto person_of = [](const std::string& user) {
    return user == "rev2" ? std::string("stranger") : user == "hr" ? std::string("hrp") : user;
  };
  auto digest_chosen = [person_of](storage::Store& s, const std::string& user) -> std::string {
    auto prefs = s.GetNotificationPrefs(person_of(user));
    return prefs && prefs->email == model::EmailMode::kDigest ? "" : "e-mail mode not digest";
  };
  auto emp_notification = [](storage::Store& s) {
    model::Notification n;
    n.id = "nt-emp";
    n.recipient = "emp";
    n.subject = "A notice of this test";
    n.key = "test:nt-emp";
    ASSERT_TRUE(s.AddNotifications({n}, NowIso()));
  };
  auto evidence_count = [](size_t n) {
    return [n](storage::Store& s, const std::string&) {
      return s.ListEvidence("emp")->size() == n ? "" : std::string("emp's evidence not added");
    };
  };
  auto planned = [](storage::Store& s, const std::string&) {
    return s.ListPlanActions("emp")->size() == 1 ? "" : std::string("emp's action not stored");
  };
  auto emp_action = [](storage::Store& s) {
    model::PlanAction a;
    a.id = "pa-emp";
    a.person = "emp";
    a.title = "Pair on the release";
    a.due = D("2027-06-30");
    a.agreed = D("2026-01-05");
    ASSERT_TRUE(s.SavePlanAction("test", a));
  };
  auto action_done = [](storage::Store& s, const std::string&) {
    return s.GetPlanAction("pa-emp")->status == model::ActionStatus::kDone
               ? ""
               : std::string("not done");
  };
  auto checked_in = [](storage::Store& s, const std::string&) {
    return s.ListCheckIns("emp")->size() == 1 ? "" : std::string("emp's check-in not stored");
  };
  auto sme_claim = [](storage::Store& s, const std::string&) -> std::string {
    auto evidence = s.ListEvidence("emp");
    for (const model::Evidence& e : *evidence)
      if (e.kind == "sme") return e.confirmed.empty() ? "" : "a claim counted as confirmed";
    return "no SME evidence";
  };
  auto sme_evidence = [](storage::Store& s) {
    model::Evidence e;
    e.id = "ev-sme";
    e.person = "emp";
    e.kind = "sme";
    e.skill = "networking";
    e.signed_off_by = "peer";
    e.date = D("2026-01-10");
    ASSERT_TRUE(s.SaveEvidence("test", e));
  };
  auto confirmed = [](storage::Store& s, const std::string&) {
    return s.GetEvidence("ev-sme")->confirmed.empty() ? std::string("not confirmed") : "";
  };
  auto decision = [](storage::Store& s) { SetStatus(s, CaseStatus::kDecision); };
  auto peer_review = [](storage::Store& s) { SetStatus(s, CaseStatus::kPeerReview); };
  // A panel of two in peer review, one of whom voted: the panel may lose the other.
  auto voted = [](storage::Store& s) {
    model::Case c = *s.GetCase("c-emp");
    c.status = CaseStatus::kPeerReview;
    c.panel = {"peer", "stranger"};
    c.votes = {{"peer", model::VoteChoice::kFor, "", D("2026-02-01")}};
    ASSERT_TRUE(s.SaveCase("test", c));
  };
  auto promoted_into_n1 = [](storage::Store& s) {
    model::Case c = *s.GetCase("c-str");
    c.id = "c-up";
    c.target_level = "L3";
    c.status = CaseStatus::kClosed;
    c.decision = model::Decision{model::Outcome::kPromoted, D("2026-03-01"), "boss", ""};
    ASSERT_TRUE(s.SaveCase("test", c));
  };
  auto need_is = [](model::NeedStatus status) {
    return [status](storage::Store& s, const std::string&) {
      return s.ListNeeds("")->at(0).status == status ? "" : std::string("n1 unchanged");
    };
  };
  auto needs_count = [](size_t n) {
    return [n](storage::Store& s, const std::string&) {
      return s.ListNeeds("")->size() == n ? "" : std::string("no need opened");
    };
  };
  auto version_2 = [](storage::Store& s) {
    model::Framework f = testing::TestFramework();
    f.version = "2";
    ASSERT_TRUE(s.SaveDraft("test", f));
  };
  // Draft 2 proposed by emp as request cr-w, approved by boss when `approved`.
  auto change_request = [version_2](bool approved) {
    return [version_2, approved](storage::Store& s) {
      version_2(s);
      model::ChangeRequest r;
      r.id = "cr-w";
      r.framework = "eng";
      r.version = "2";
      r.base = "1";
      r.content = app::ContentFingerprint(*s.GetFramework("eng", "2"));
      r.title = "Clearer";
      r.reason = "Asked for";
      r.author = "emp";
      r.opened = "2026-12-01T10:00:00.000Z";
      if (approved) {
        r.entries.push_back({"boss", "2026-12-02T10:00:00.000Z", model::Verdict::kApprove, ""});
        r.status = model::ChangeStatus::kApproved;
      }
      ASSERT_TRUE(s.SaveChangeRequest("test", r));
    };
  };
  const std::string yaml = DraftYaml();
  const std::string assess_json =
      R"({"period_start":"2025-01-01","period_end":"2025-03-31","ratings":{"delivery":"meeting"}})";
  const std::string peer_assess =
      R"({"competency":"delivery","rating":"meeting","period_start":"2025-01-01","period_end":"2025-03-31"})";
  const std::string evidence_json = R"({"kind":"talk","title":"A talk","date":"2026-01-10"})";
  const std::string sme_json =
      R"({"kind":"sme","skill":"networking","signed_off_by":"peer","date":"2026-01-10"})";
  const char* api_case = "POST /api/v1/cases/{case}/{action}";
  const char* page_case = "POST /cases/{case}/{action}";
  auto moved = [](storage::Store& s, const std::string&) {
    return CaseIs(
        s, [](const model::Case& c) { return c.status == CaseStatus::kPortfolio; }, "not moved");
  };
  auto trimmed = [](storage::Store& s, const std::string&) {
    return CaseIs(
        s, [](const model::Case& c) { return c.panel == std::vector<std::string>{"peer"}; },
        "panel unchanged");
  };
  auto in_portfolio = [](storage::Store& s, const std::string&) {
    return CaseIs(
        s, [](const model::Case& c) { return c.portfolio == std::vector<std::string>{"ev-emp"}; },
        "evidence not in the portfolio");
  };
  auto voted_for = [](storage::Store& s, const std::string&) {
    return CaseIs(
        s,
        [](const model::Case& c) { return c.votes.size() == 1 && c.votes[0].reviewer == "peer"; },
        "no vote");
  };
  auto decided = [](storage::Store& s, const std::string&) {
    return CaseIs(
        s, [](const model::Case& c) { return c.decision.has_value(); }, "not decided");
  };
  auto signed_off = [](storage::Store& s, const std::string& user) {
    std::vector<model::SignOff> all = *s.ListSignOffs("emp");
    if (all.size() != 1) return std::string("not one sign-off");
    if (all[0].requirement != "Design review signed off" ||
        all[0].by != (user == "hr" ? "hrp" : user))
      return "signed off as " + all[0].requirement + " by " + all[0].by;
    return std::string();
  };
  auto waived = [](storage::Store& s, const std::string&) {
    return s.ListWaivers("emp")->size() == 1 ? "" : std::string("no waiver");
  };
  auto waiver = [](storage::Store& s) {
    model::Waiver w;
    w.id = "w-emp";
    w.person = "emp";
    w.case_id = "c-emp";
    w.requirement = "A year at L1";
    w.approver = "boss";
    w.reason = "urgent";
    w.granted = D("2025-01-01");
    ASSERT_TRUE(s.SaveWaiver("test", w));
  };
  auto revoked = [](storage::Store& s, const std::string&) {
    auto w = s.GetWaiver("w-emp");
    return w && !w->revoked.empty() && w->revoke_reason == "x" ? "" : std::string("not revoked");
  };
  auto majority = [](storage::Store& s, const std::string&) {
    auto f = s.GetFramework("eng", "p2");
    return f && f->consensus == model::ConsensusRule::kMajority &&
                   f->status == model::FrameworkStatus::kPublished
               ? ""
               : std::string("no published version p2 with a majority rule");
  };
  auto assessed = [](storage::Store& s, const std::string& user) {
    auto a = s.ListAssessments("emp");
    return a->size() == 1 ? "" : "no assessment by " + user;
  };
  auto user_exists = [](storage::Store& s, const std::string&) {
    return s.GetUser("newbie") ? "" : std::string("no user newbie");
  };
  auto taken_back = [](const char* id, const char* replaced_by) {
    return [id, replaced_by](storage::Store& s, const std::string&) -> std::string {
      std::optional<model::Retraction> r;
      if (auto e = s.GetEvidence(id)) r = e->retraction;
      if (auto a = s.GetAssessment(id)) r = a->retraction;
      if (!r) return std::string(id) + " stands";
      if (r->reason != "x") return std::string(id) + ": the reason is not kept";
      if (*replaced_by && r->replaced_by.empty()) return std::string(id) + " not corrected";
      return "";
    };
  };
  auto manager_rating = [](storage::Store& s) {
    model::Assessment a;
    a.id = "as-mgr";
    a.person = "emp";
    a.assessor = "mgr";
    a.role = model::AssessorRole::kManager;
    a.period_start = D("2025-01-01");
    a.period_end = D("2025-03-31");
    a.competency = "delivery";
    a.rating = model::Rating::kMeeting;
    a.framework = "eng";
    a.version = "1";
    a.level = "L1";
    ASSERT_TRUE(s.SaveAssessment("test", a));
  };
  // Review cycles: cy (server_testing.h) holds everyone; a second opens once it is closed.
  auto cy_closed = [](storage::Store& s) {
    model::Cycle c = *s.GetCycle("cy");
    c.status = model::CycleStatus::kClosed;
    c.closed = D("2026-02-01");
    ASSERT_TRUE(s.SaveCycle("test", c));
  };
  auto cycles_count = [](size_t n) {
    return [n](storage::Store& s, const std::string&) {
      return s.ListCycles()->size() == n ? "" : std::string("no cycle opened");
    };
  };
  auto cy_is = [](std::function<bool(const model::Cycle&)> ok, const char* what) {
    return [ok, what](storage::Store& s, const std::string&) {
      auto c = s.GetCycle("cy");
      return c && ok(*c) ? "" : std::string("cy: ") + what;
    };
  };
  auto nominated = [](storage::Store& s, const std::string& user) {
    auto k = s.ListCandidates("cy", "emp");
    if (!k || k->front().nominated_by.empty()) return std::string("emp not nominated");
    return k->front().nominated_by == (user == "hr" ? "hrp" : user)
               ? ""
               : "nominated by " + k->front().nominated_by;
  };
  auto review_of_peer = [](storage::Store& s, const std::string&) {
    auto cases = s.ListCycleCases("cy");
    return cases && cases->size() == 1 && cases->front().person == "peer"
               ? ""
               : std::string("no review of peer in cy");
  };
  std::string new_cycle = "name=Second&framework=eng&evaluation=2027-01-01";
  std::string new_cycle_json =
      R"({"name":"Second","frameworks":["eng"],"evaluation":"2027-01-01","deadlines":{)";
  {
    Date d = D("2099-01-01");
    for (model::CyclePhase p : model::kCyclePhases) {
      new_cycle += std::string("&deadline_") + model::CyclePhaseName(p) + "=" + d.ToString();
      new_cycle_json += std::string(p == model::CyclePhase::kNominations ? "" : ",") + "\"" +
                        model::CyclePhaseName(p) + "\":\"" + d.ToString() + "\"";
      d = d.AddDays(10);
    }
    new_cycle_json += "}}";
  }
  const Users cycle_runners = {"hr", "admin"};
  const char* take_back_page = "POST /people/{person}/records/{kind}/{record}/{action}";
  const char* take_back_api = "POST /api/v1/people/{person}/records/{kind}/{record}/{action}";
  // clang-format off
  return {
      // Signing in and out, the account. The sign-in form without its own token: refused.
      {"POST /login", "/login", "user=emp&password=pw-emp-long", {}, ""},
      {"POST /logout", "/logout", "", kSignedIn, "session.delete", "user:{user}", {}, {}, false},
      {"POST /account/password", "/account/password",
       "old_password=pw-{user}-long&new_password=Quartz-Meadow-7391", kSignedIn, "user.update",
       "user:{user}"},
      {"POST /account/tokens", "/account/tokens", "name=nightly", kSignedIn, "token.create"},
      {"POST /account/tokens/{token}/revoke", "/account/tokens/{token}/revoke", "", kSignedIn,
       "token.revoke", "token:{token}"},
      {"POST /api/v1/session", "/api/v1/session", R"({"user":"emp","password":"pw-emp-long"})",
       kSignedIn, "session.create", "user:emp", {}, {}, true, "user:emp", true},
      {"DELETE /api/v1/session", "/api/v1/session", "", kSignedIn, "session.delete", "user:{user}",
       {}, {}, false},
      {"POST /api/v1/me/password", "/api/v1/me/password",
       R"({"old_password":"pw-{user}-long","new_password":"Quartz-Meadow-7391"})", kSignedIn,
       "user.update", "user:{user}"},
      {"POST /api/v1/me/tokens", "/api/v1/me/tokens", R"({"name":"nightly"})", kSignedIn,
       "token.create"},
      {"DELETE /api/v1/me/tokens/{token}", "/api/v1/me/tokens/{token}", "", kSignedIn,
       "token.revoke", "token:{token}"},
      // Notifications: one's own inbox and preferences; an account without a person has none.
      {"POST /account/notifications", "/account/notifications",
       "email=digest&email_case_opened=1", with_person, "notification_prefs.update", "", {},
       digest_chosen},
      {"POST /api/v1/me/notification-preferences", "/api/v1/me/notification-preferences",
       R"({"email":"digest"})", with_person, "notification_prefs.update", "", {}, digest_chosen},
      {"POST /inbox/read", "/inbox/read", "", with_person, ""},
      {"POST /api/v1/me/notifications/read", "/api/v1/me/notifications/read", "", with_person,
       ""},
      {"POST /inbox/{notification}/read", "/inbox/nt-emp/read", "", {"emp"}, "", "",
       emp_notification},
      {"POST /api/v1/me/notifications/{notification}/read",
       "/api/v1/me/notifications/nt-emp/read", "", {"emp"}, "", "", emp_notification},
      // Growth records. An SME sign-off naming someone else is a claim, whoever records it.
      {"POST /people/{person}/evidence", "/people/emp/evidence",
       "kind=talk&title=A+talk&date=2026-01-10", recorders, "evidence.create", "", {},
       evidence_count(2)},
      {"POST /api/v1/people/{person}/evidence", "/api/v1/people/emp/evidence", evidence_json,
       recorders, "evidence.create", "", {}, evidence_count(2)},
      {"POST /api/v1/people/{person}/evidence", "/api/v1/people/emp/evidence", sme_json,
       recorders, "evidence.create", "", {}, sme_claim},
      {"POST /evidence/{evidence}/confirm", "/evidence/ev-sme/confirm", "", {"peer"},
       "evidence.update", "evidence:ev-sme", sme_evidence, confirmed},
      {"POST /api/v1/evidence/{evidence}/confirm", "/api/v1/evidence/ev-sme/confirm", "{}",
       {"peer"}, "evidence.update", "evidence:ev-sme", sme_evidence, confirmed},
      {"POST /people/{person}/assessments", "/people/emp/assessments",
       "from=2025-01-01&to=2025-03-31&rating.delivery=meeting", {"emp", "mgr", "boss"},
       "assessment.create", "", {}, assessed},
      {"POST /api/v1/people/{person}/assessments", "/api/v1/people/emp/assessments", assess_json,
       {"emp", "mgr", "boss"}, "assessment.create", "", {}, assessed},
      // The growth plan: written by whoever may record the person's evidence.
      {"POST /people/{person}/plan", "/people/emp/plan", "title=Pair&due=2027-06-30", recorders,
       "plan.create", "", {}, planned},
      {"POST /api/v1/people/{person}/plan", "/api/v1/people/emp/plan",
       R"({"title":"Pair","due":"2027-06-30"})", recorders, "plan.create", "", {}, planned},
      {"POST /people/{person}/plan/{action}", "/people/emp/plan/pa-emp", "status=done", recorders,
       "plan.update", "plan:pa-emp", emp_action, action_done},
      {"POST /api/v1/people/{person}/plan/{action}", "/api/v1/people/emp/plan/pa-emp",
       R"({"status":"done"})", recorders, "plan.update", "plan:pa-emp", emp_action, action_done},
      {"POST /people/{person}/checkins", "/people/emp/checkins", "outcome=Pair+more", recorders,
       "checkin.create", "", {}, checked_in},
      {"POST /api/v1/people/{person}/checkins", "/api/v1/people/emp/checkins",
       R"({"outcome":"Pair more"})", recorders, "checkin.create", "", {}, checked_in},
      // Taking records back: the person's evidence as recording it; a manager's rating by its
      // assessor, the people team and admins, never by the person rated.
      {take_back_page, "/people/emp/records/evidence/ev-emp/withdraw", "reason=x", recorders,
       "evidence.withdraw", "evidence:ev-emp", {}, taken_back("ev-emp", "")},
      {take_back_api, "/api/v1/people/emp/records/evidence/ev-emp/correct",
       R"({"reason":"x","date":"2025-03-02"})", recorders, "evidence.create", "", {},
       taken_back("ev-emp", "corrected")},
      {take_back_api, "/api/v1/people/emp/records/assessments/as-mgr/withdraw",
       R"({"reason":"x"})", {"mgr", "hr", "admin"}, "assessment.withdraw", "assessment:as-mgr",
       manager_rating, taken_back("as-mgr", "")},
      {take_back_page, "/people/emp/records/assessments/as-mgr/correct",
       "reason=x&rating=next", {"mgr", "hr", "admin"}, "assessment.create", "", manager_rating,
       taken_back("as-mgr", "corrected")},
      // Reviews: opening one (emp's c-emp aims at L2), and each step of c-emp.
      {"POST /people/{person}/cases", "/people/emp/cases", "target=L3", openers, "case.create"},
      {"POST /api/v1/people/{person}/cases", "/api/v1/people/emp/cases", R"({"target":"L3"})",
       openers, "case.create"},
      {api_case, "/api/v1/cases/c-emp/move", R"({"to":"portfolio"})", runners, "case.update",
       "case:c-emp", {}, moved},
      {page_case, "/cases/c-emp/move", "to=portfolio", runners, "case.update", "case:c-emp", {},
       moved},
      // peer voted for; leaving stranger (who has not) off the panel is the runners' to do.
      {api_case, "/api/v1/cases/c-emp/panel", R"({"panel":["peer"]})", runners, "case.update",
       "case:c-emp", voted, trimmed},
      {page_case, "/cases/c-emp/panel", "panel=peer", runners, "case.update", "case:c-emp", voted,
       trimmed},
      {api_case, "/api/v1/cases/c-emp/evidence", R"({"evidence":"ev-emp"})", openers,
       "case.update", "case:c-emp", {}, in_portfolio},
      {page_case, "/cases/c-emp/evidence", "evidence=ev-emp", openers, "case.update", "case:c-emp",
       {}, in_portfolio},
      {api_case, "/api/v1/cases/c-emp/votes", R"({"vote":"for"})", {"peer"}, "case.vote",
       "case:c-emp", peer_review, voted_for},
      {page_case, "/cases/c-emp/votes", "vote=for", {"peer"}, "case.vote", "case:c-emp",
       peer_review, voted_for},
      {api_case, "/api/v1/cases/c-emp/assessments", peer_assess, {"peer"}, "assessment.create",
       "", peer_review, assessed},
      {page_case, "/cases/c-emp/assessments",
       "competency=delivery&rating=meeting&period_start=2025-01-01&period_end=2025-03-31",
       {"peer"}, "assessment.create", "", peer_review, assessed},
      // Waivers are leadership's: boss, above emp's own manager mgr (the default policy).
      {api_case, "/api/v1/cases/c-emp/waivers", R"({"requirement":"A year at L1","reason":"x"})",
       {"boss"}, "waiver.create", "", {}, waived},
      {page_case, "/cases/c-emp/waivers", "requirement=A+year+at+L1&reason=x", {"boss"},
       "waiver.create", "", {}, waived},
      {api_case, "/api/v1/cases/c-emp/revoke", R"({"waiver":"w-emp","reason":"x"})", {"boss"},
       "waiver.update", "waiver:w-emp", waiver, revoked},
      {page_case, "/cases/c-emp/revoke", "waiver=w-emp&reason=x", {"boss"}, "waiver.update",
       "waiver:w-emp", waiver, revoked},
      // Manual checkpoints: a manager above the person or the people team, each as a person.
      {page_case, "/cases/c-emp/signoff", "requirement=Design+review+signed+off", runners,
       "signoff.create", "", {}, signed_off},
      {api_case, "/api/v1/cases/c-emp/signoff", R"({"requirement":"Design review signed off"})",
       runners, "signoff.create", "", {}, signed_off},
      {"POST /people/{person}/signoffs", "/people/emp/signoffs",
       "requirement=Design+review+signed+off&note=reviewed", runners, "signoff.create", "", {},
       signed_off},
      {"POST /api/v1/people/{person}/signoffs", "/api/v1/people/emp/signoffs",
       R"({"requirement":"Design review signed off","date":"2026-01-05"})", runners,
       "signoff.create", "", {}, signed_off},
      {"POST /api/v1/people/{person}/waivers", "/api/v1/people/emp/waivers",
       R"({"requirement":"A year at L1","reason":"x"})", {"boss"}, "waiver.create", "", {},
       waived},
      {api_case, "/api/v1/cases/c-emp/decision",
       R"({"outcome":"not_promoted","effective":"2026-03-01"})", runners, "case.update",
       "case:c-emp", decision, decided},
      {page_case, "/cases/c-emp/decision", "outcome=not_promoted&effective=2026-03-01", runners,
       "case.update", "case:c-emp", decision, decided},
      // Documented needs: open; close n1 (boss opened it); fill it with a promotion into it.
      {"POST /needs", "/needs", "target=eng|ic/L3&reason=x", runners, "need.create", "", {},
       needs_count(2)},
      {"POST /api/v1/needs", "/api/v1/needs",
       R"({"framework":"eng","target":"ic/L3","reason":"x"})", runners, "need.create", "", {},
       needs_count(2)},
      {"POST /needs/{need}/close", "/needs/n1/close", "", {"boss", "hr"}, "need.update",
       "need:n1", {}, need_is(model::NeedStatus::kClosed)},
      {"POST /api/v1/needs/{need}/close", "/api/v1/needs/n1/close", "{}", {"boss", "hr"},
       "need.update", "need:n1", {}, need_is(model::NeedStatus::kClosed)},
      {"POST /api/v1/needs/{need}/close", "/api/v1/needs/n1/close",
       R"({"filled_by_case":"c-up"})", {"boss", "hr"}, "need.update", "need:n1",
       promoted_into_n1, need_is(model::NeedStatus::kFilled)},
      // Review cycles: run by the people team and admins; nominations by the person and the
      // managers above them (and the people team), each as a person.
      {"POST /cycles", "/cycles", new_cycle, cycle_runners, "cycle.open", "cycle:second",
       cy_closed, cycles_count(2)},
      {"POST /api/v1/cycles", "/api/v1/cycles", new_cycle_json, cycle_runners, "cycle.open",
       "cycle:second", cy_closed, cycles_count(2)},
      {"POST /cycles/{cycle}/{action}", "/cycles/cy/advance", "", cycle_runners, "cycle.update",
       "cycle:cy", {},
       cy_is([](const model::Cycle& c) { return c.phase == model::CyclePhase::kSelfReview; },
             "not advanced")},
      {"POST /api/v1/cycles/{cycle}/{action}", "/api/v1/cycles/cy/notes", R"({"note":"x"})",
       cycle_runners, "cycle.update", "cycle:cy", {},
       cy_is([](const model::Cycle& c) { return c.notes.size() == 1; }, "no note")},
      {"POST /api/v1/cycles/{cycle}/{action}", "/api/v1/cycles/cy/open-reviews",
       R"({"people":["peer"]})", cycle_runners, "case.create", "", {}, review_of_peer},
      {"POST /cycles/{cycle}/nominations", "/cycles/cy/nominations", "person=emp&note=x",
       {"emp", "mgr", "boss", "hr"}, "cycle.candidate", "cycle:cy/emp", {}, nominated},
      {"POST /api/v1/cycles/{cycle}/nominations", "/api/v1/cycles/cy/nominations",
       R"({"person":"emp","note":"x"})", {"emp", "mgr", "boss", "hr"}, "cycle.candidate",
       "cycle:cy/emp", {}, nominated},
      // People from an HRIS file: checking writes nothing; storing the checked file does.
      {"POST /admin/people", "/admin/people", MultipartPeople(), cycle_runners, "", "", {}, {},
       true, "", false, true},
      {"POST /admin/people/confirm", "/admin/people/confirm",
       "file_name=people.csv&csv=" + Encode(kPeopleCsv) +
           "&checked=" + app::TokenHash(kPeopleCsv),
       cycle_runners, "person.create", "person:newp", {},
       [](storage::Store& s, const std::string&) {
         auto p = s.GetPerson("newp");
         return p && p->manager == "mgr" ? "" : std::string("newp not stored");
       }},
      // Whom a person reports to: the people team's and admins'.
      {"POST /people/{person}/manager", "/people/emp/manager", "manager=boss", cycle_runners,
       "person.update", "person:emp", {},
       [](storage::Store& s, const std::string&) {
         return s.GetPerson("emp")->manager == "boss" ? "" : std::string("emp not moved");
       }},
      // Users.
      {"POST /admin/users", "/admin/users", "id=newbie&roles=employee&password=Quartz-Meadow-7391",
       {"admin"}, "user.create", "user:newbie", {}, user_exists},
      {"POST /admin/users/{user}", "/admin/users/emp", "roles=employee&person=emp", {"admin"},
       "user.update", "user:emp"},
      {"POST /api/v1/users", "/api/v1/users",
       R"({"id":"newbie","roles":["employee"],"password":"Quartz-Meadow-7391"})", {"admin"},
       "user.create", "user:newbie", {}, user_exists},
      {"PATCH /api/v1/users/{user}", "/api/v1/users/emp", R"({"name":"Renamed"})", {"admin"},
       "user.update", "user:emp"},
      // Frameworks.
      {"POST /admin/frameworks/{framework}/{version}/publish", "/admin/frameworks/eng/2/publish",
       "", authors, "framework.publish", "framework:eng@2", version_2},
      {"POST /api/v1/frameworks/{framework}/versions/{version}/publish",
       "/api/v1/frameworks/eng/versions/2/publish", "{}", authors, "framework.publish",
       "framework:eng@2", version_2},
      // Change requests: proposed, reviewed and published by the people team acting as a
      // person (an admin without one is refused).
      {"POST /admin/changes", "/admin/changes",
       "framework=eng&version=2&title=Clearer&reason=Asked+for", {"hr"}, "change.propose", "",
       version_2},
      {"POST /admin/changes/{change}/{action}", "/admin/changes/cr-w/comment",
       "text=Looks+right", {"hr"}, "change.review", "change:cr-w", change_request(false)},
      {"POST /admin/changes/{change}/{action}", "/admin/changes/cr-w/publish", "", {"hr"},
       "framework.publish", "framework:eng@2", change_request(true)},
      {"POST /admin/frameworks/save", "/admin/frameworks/save",
       "yaml=" + Encode(yaml) + "&checked=" + app::TokenHash(yaml), authors,
       "framework.save_draft"},
      {"POST /api/v1/frameworks", "/api/v1/frameworks", yaml, authors, "framework.save_draft"},
      // The committee's policy: a new version of eng, published as version 1 is.
      {"POST /admin/frameworks/{framework}/policy", "/admin/frameworks/eng/policy",
       "consensus=majority&version=p2", authors, "framework.save_draft", "framework:eng@p2", {},
       majority},
      {"POST /api/v1/frameworks/{framework}/policy", "/api/v1/frameworks/eng/policy",
       R"({"consensus":"majority","version":"p2"})", authors, "framework.save_draft",
       "framework:eng@p2", {}, majority},
      // Checking and previewing write nothing.
      {"POST /admin/lint", "/admin/lint", "yaml=" + Encode(yaml), authors, ""},
      {"POST /api/v1/lint", "/api/v1/lint", yaml, authors, ""},
      {"POST /admin/import", "/admin/import", Multipart(), authors, "", "", {}, {}, true, "", false,
       true},
      {"POST /api/v1/import", "/api/v1/import?from=markdown-ladder&name=analysts.md",
       kLadderMarkdown, authors, ""},
  };
  // clang-format on
}

// Every user signed in on the template (the copies carry the sessions) and an API token each.
struct Credentials {
  std::map<std::string, testing::Session> sessions;
  std::map<std::string, std::pair<std::string, std::string>> tokens;  // user -> (secret, id)
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

class WriteMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_ = testing::TempPath("write-matrix");
    testing::BuildOrganisation(template_);
    {
      auto store = storage::OpenStore("sqlite:" + template_);
      ASSERT_TRUE(store);
      app::AccountService accounts(**store);
      for (const char* user : kUsers) {
        auto t = accounts.CreateToken("test", user, {"write matrix", ""});
        ASSERT_TRUE(t) << t.error().ToString();
        credentials_.tokens[user] = {t->secret, t->token.id};
      }
    }
    TestServer server(template_);
    for (const char* user : kUsers) credentials_.sessions[user] = testing::SignIn(server, user);
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(template_ + suffix);
  }

  // A copy of the template in the state `w` starts from.
  static std::string Prepared(const Write& w) {
    std::string db = testing::TempPath("write-matrix-run");
    fs::copy_file(template_, db);
    if (w.prepare) {
      auto store = storage::OpenStore("sqlite:" + db);
      EXPECT_TRUE(store);
      w.prepare(**store);
    }
    return db;
  }
  static void Remove(const std::string& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  }

  static long long LastAudit(storage::Store& store) {
    auto all = store.ListAudit({"", "", "", 0, 0});
    return all && !all->empty() ? all->back().id : 0;
  }

  // Sends `w` as `user` ("" nobody), by session or token.
  static httplib::Result Send(TestServer& server, const Write& w, const std::string& user,
                              bool token) {
    const RouteSpec* spec = nullptr;
    for (const RouteSpec& r : Routes())
      if (std::string(MethodName(r.method)) + " " + std::string(r.pattern) == w.route) spec = &r;
    httplib::Request req;
    req.method = w.route.substr(0, w.route.find(' '));
    const std::string token_id = user.empty() ? "tok-none" : credentials_.tokens.at(user).second;
    req.path = Replace(w.path, "{token}", token_id);
    req.body = Replace(w.body, "{user}", user);
    if (!user.empty() && token) {
      req.set_header("Authorization", "Bearer " + credentials_.tokens.at(user).first);
    } else if (!user.empty()) {
      const testing::Session& s = credentials_.sessions.at(user);
      req.set_header("Cookie", s.cookie);
      if ((spec && spec->api) || w.multipart) {
        req.set_header("X-CSRF-Token", s.csrf);
      } else {
        req.body += std::string(req.body.empty() ? "" : "&") + "csrf=" + s.csrf;
      }
    }
    if (spec && req.method != "DELETE") {
      const bool json = !w.body.empty() && w.body[0] == '{';
      req.set_header("Content-Type", w.multipart
                                         ? "multipart/form-data; boundary=" + std::string(kBoundary)
                                     : !spec->api ? "application/x-www-form-urlencoded"
                                     : json       ? "application/json"
                                                  : "text/plain");
    }
    httplib::Client client = server.Client();
    return client.send(req);
  }

  static std::string template_;
  static Credentials credentials_;
};
std::string WriteMatrix::template_;
Credentials WriteMatrix::credentials_;

std::string KeyOf(const RouteSpec& r) {
  return std::string(MethodName(r.method)) + " " + std::string(r.pattern);
}

TEST(WriteMatrixTable, EveryWriteRouteAndEveryReviewStepHasARow) {
  std::set<std::string> rows;
  std::set<std::string> steps;
  for (const Write& w : Writes()) {
    rows.insert(w.route);
    if (w.route.find("/cases/{case}/{action}") != std::string::npos)
      steps.insert(w.route + " " + w.path.substr(w.path.rfind('/') + 1));
  }
  for (const RouteSpec& r : Routes()) {
    if (r.method == Method::kGet) continue;
    EXPECT_TRUE(rows.count(KeyOf(r))) << KeyOf(r) << " writes but has no row in the write matrix";
  }
  for (const char* route : {"POST /cases/{case}/{action}", "POST /api/v1/cases/{case}/{action}"})
    for (const char* action : {"move", "panel", "evidence", "votes", "assessments", "waivers",
                               "revoke", "signoff", "decision"})
      EXPECT_TRUE(steps.count(std::string(route) + " " + action))
          << route << " " << action << " has no row in the write matrix";
}

TEST_F(WriteMatrix, EveryWriteAsEveryoneWithASessionAndAToken) {
  int requests = 0;
  for (const Write& w : Writes()) {
    SCOPED_TRACE(w.route + " " + w.path + " " + w.body.substr(0, 80));
    // Those who may not: one server, nothing written, whoever asks and however.
    {
      std::string db = Prepared(w);
      {
        TestServer server(db);
        const long long before = LastAudit(server.store());
        std::vector<std::pair<std::string, bool>> askers;
        if (!w.anyone) askers.emplace_back("", false);
        for (const char* user : kUsers)
          if (!w.may.count(user)) askers.insert(askers.end(), {{user, false}, {user, true}});
        for (const auto& [user, token] : askers) {
          httplib::Result r = Send(server, w, user, token);
          ++requests;
          ASSERT_TRUE(r);
          const std::string who = (user.empty() ? "nobody" : user) + (token ? " (token)" : "");
          const bool to_login =
              r->status == 303 && r->get_header_value("Location").rfind("/login", 0) == 0;
          const bool refused = r->status == 401 || r->status == 403 || r->status == 404 || to_login;
          EXPECT_TRUE(refused) << who << " should be refused, got " << r->status << ": "
                               << r->body.substr(0, 300);
          EXPECT_EQ(LastAudit(server.store()), before) << who << " was refused but wrote";
        }
      }
      Remove(db);
    }
    // Those who may: a fresh copy each, and the write as the audit log and the record show it.
    std::vector<std::pair<std::string, bool>> allowed;
    for (const std::string& user : w.may)
      allowed.insert(allowed.end(), {{user, false}, {user, true}});
    if (w.anyone) allowed.emplace_back("", false);
    for (const auto& [user, token] : allowed) {
      {
        const std::string who =
            (user.empty() ? "nobody" : user) + (token ? " (token)" : " (session)");
        std::string db = Prepared(w);
        {
          TestServer server(db);
          const long long before = LastAudit(server.store());
          httplib::Result r = Send(server, w, user, token);
          ++requests;
          ASSERT_TRUE(r);
          const bool ok =
              (r->status >= 200 && r->status < 300) ||
              (r->status == 303 && r->get_header_value("Location").rfind("/login", 0) != 0) ||
              (r->status == 303 && w.route == "POST /logout");
          EXPECT_TRUE(ok) << who << " should succeed, got " << r->status << ": "
                          << r->body.substr(0, 400);
          auto written = server.store().ListAudit({"", "", "", before, 0});
          ASSERT_TRUE(written);
          const bool writes = !w.audit.empty() && (w.by_token || !token);
          if (!writes) {
            EXPECT_TRUE(written->empty()) << who << " wrote " << written->front().action;
          } else {
            // The entry of the write: its action, its subject, its actor; anything else it
            // wrote along (signing in ends the session it replaces) is by the caller too.
            const std::string caller = "user:" + user;
            const std::string actor = w.actor.empty() ? caller : w.actor;
            const std::string token_id = user.empty() ? "" : credentials_.tokens.at(user).second;
            auto entry =
                std::find_if(written->begin(), written->end(),
                             [&](const model::AuditEntry& e) { return e.action == w.audit; });
            if (entry == written->end()) {
              ADD_FAILURE() << who << " did not write " << w.audit << " (wrote "
                            << (written->empty() ? "nothing" : written->front().action) << ")";
            } else {
              EXPECT_EQ(entry->actor, actor) << who;
              if (!w.subject.empty()) {
                EXPECT_EQ(entry->subject,
                          Replace(Replace(w.subject, "{user}", user), "{token}", token_id))
                    << who;
              }
            }
            for (const model::AuditEntry& e : *written)
              EXPECT_TRUE(e.actor == actor || e.actor == caller)
                  << who << " " << e.action << " by " << e.actor;
            if (w.stored) {
              EXPECT_EQ(w.stored(server.store(), user), "") << who;
            }
          }
        }
        Remove(db);
      }
    }
  }
  EXPECT_GT(requests, 600);
}

}  // namespace
}  // namespace ladder::server
