// Advancement reviews (cases) and documented needs.
#include "app/web_views.h"
#include "base/text.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

std::string CasePath(std::string_view id) { return "/cases/" + EncodeQueryParam(std::string(id)); }

// The fields of one action on a case, from a form or a JSON body.
struct ActionInput {
  std::function<std::string(const char*)> get;
  std::function<std::vector<std::string>(const char*)> list;
};

// One action on a case, as the caller's person: what every action needs.
struct CaseCall {
  const std::string id;  // the case
  const std::string& me;
  app::ReviewService review;
  storage::Store& store;
  const Date today;
};

// Each action returns the case as it is afterwards.
using CaseActionFn = Result<model::Case> (*)(CaseCall& c, const ActionInput& in);

Result<model::Case> MoveCase(CaseCall& c, const ActionInput& in) {
  std::string to = in.get("to");
  std::optional<model::CaseStatus> status = model::ParseCaseStatus(to);
  if (!status)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + to + "' is not a status: portfolio, peer_review or decision", {}, "to");
  return c.review.Move(c.id, *status, c.me, c.today);
}

Result<model::Case> NamePanel(CaseCall& c, const ActionInput& in) {
  std::vector<std::string> panel = in.list("panel");
  if (panel.size() == 1 && panel[0].find(',') != std::string::npos)
    panel = text::Split(panel[0], ',');
  for (std::string& p : panel) p = std::string(text::Trim(p));
  std::erase(panel, std::string());
  return c.review.SetPanel(c.id, panel, c.me, c.today);
}

Result<model::Case> AddEvidence(CaseCall& c, const ActionInput& in) {
  return c.review.AddCaseEvidence(c.id, in.get("evidence"), c.me, c.today);
}

Result<model::Case> CastVote(CaseCall& c, const ActionInput& in) {
  std::string choice = in.get("vote");
  std::optional<model::VoteChoice> v = model::ParseVoteChoice(choice);
  if (!v)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + choice + "' is not a vote: for, against or abstain", {}, "vote");
  return c.review.Vote(c.id, model::Vote{c.me, *v, in.get("note"), c.today});
}

Result<model::Case> WaiveRequirement(CaseCall& c, const ActionInput& in) {
  LADDER_TRY(Date expires, ParseDateValue("expires", in.get("expires"), {}));
  LADDER_TRY(model::Waiver w,
             c.review.Waive(c.id, in.get("requirement"), c.me, in.get("reason"), c.today, expires));
  (void)w;
  return c.store.GetCase(c.id);
}

// A waiver of the case's person, revoked from today (app::ReviewService::RevokeWaiver).
Result<model::Case> RevokeWaiver(CaseCall& c, const ActionInput& in) {
  LADDER_TRY(model::Case now, c.store.GetCase(c.id));
  Result<model::Waiver> w = c.store.GetWaiver(in.get("waiver"));
  if (!w || w->person != now.person)
    return MakeError(ErrorCode::kNotFound, "no waiver '" + in.get("waiver") + "' of " + now.person,
                     {}, "waiver");
  LADDER_TRY_STATUS(c.review.RevokeWaiver(w->id, c.me, in.get("reason"), c.today));
  return c.store.GetCase(c.id);
}

// A manual checkpoint or approval of the case's person, given by the caller's person.
Result<model::Case> GiveSignOff(CaseCall& c, const ActionInput& in) {
  LADDER_TRY(model::Case now, c.store.GetCase(c.id));
  LADDER_TRY(model::SignOff s, SignOffFrom(now.person, in.get, c.me, c.today));
  LADDER_TRY(std::string saved, c.review.SignOff(std::move(s)));
  (void)saved;  // the case page shows the checklist it changed
  return c.store.GetCase(c.id);
}

Result<model::Case> DecideCase(CaseCall& c, const ActionInput& in) {
  std::string outcome = in.get("outcome");
  std::optional<model::Outcome> o = model::ParseOutcome(outcome);
  if (!o)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + outcome + "' is not an outcome: promoted, not_promoted or deferred", {},
                     "outcome");
  LADDER_TRY(Date effective, ParseDateValue("effective", in.get("effective"), c.today));
  LADDER_TRY(app::DecisionResult d, c.review.Decide(c.id, *o, effective, c.me, in.get("note")));
  return d.review;
}

// A peer assessment by a member of the case's panel.
Result<model::Case> AssessInReview(CaseCall& c, const ActionInput& in) {
  std::string rating = in.get("rating");
  std::optional<model::Rating> r = model::ParseRating(rating);
  if (!r)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + rating + "' is not a rating: below, meeting or next", {}, "rating");
  model::Assessment a;
  a.assessor = c.me;
  LADDER_TRY(a.period_start, ParseDateValue("period_start", in.get("period_start"), {}));
  LADDER_TRY(a.period_end, ParseDateValue("period_end", in.get("period_end"), {}));
  a.competency = in.get("competency");
  a.rating = *r;
  a.note = in.get("note");
  LADDER_TRY_STATUS(c.review.AssessInReview(c.id, a));
  return c.store.GetCase(c.id);
}

// The actions on a case, by the name in the path (/cases/{case}/{action}).
constexpr std::pair<std::string_view, CaseActionFn> kCaseActions[] = {
    {"move", MoveCase},       {"panel", NamePanel},          {"evidence", AddEvidence},
    {"votes", CastVote},      {"waivers", WaiveRequirement}, {"revoke", RevokeWaiver},
    {"signoff", GiveSignOff}, {"decision", DecideCase},      {"assessments", AssessInReview},
};

// Performs `action` on the case as the caller's person. Returns the case as it is afterwards.
Result<model::Case> PerformCaseAction(Exchange& x, std::string_view action, const ActionInput& in) {
  CaseCall call{x.Param("case"), x.principal.person, x.Review(), x.services.store, x.Today()};
  for (const auto& [name, perform] : kCaseActions)
    if (name == action) return perform(call, in);
  return MakeError(ErrorCode::kNotFound,
                   "no action '" + std::string(action) +
                       "' on a review: move, panel, evidence, votes, assessments, waivers, "
                       "revoke, signoff or decision");
}

Status ShowCase(Exchange& x, render::Flash flash, int status = 200) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  Result<render::CaseView> v = views.Case(x.principal, x.Param("case"), x.Today());
  if (!v) return Fail(v.error());
  v->flash = std::move(flash);
  x.Html(render::RenderCase(x.Viewer(), *v), status);
  return Ok();
}

Status ShowNeeds(Exchange& x, render::Flash flash, int status = 200) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  Result<render::NeedsView> v = views.Needs(x.principal, x.Today());
  if (!v) return Fail(v.error());
  v->flash = std::move(flash);
  x.Html(render::RenderNeeds(x.Viewer(), *v), status);
  return Ok();
}

std::string Message(const Error& e) { return ErrorText(e, "a review form"); }

std::string DoneMessage(std::string_view done) {
  if (done == "move") return "The review moved on.";
  if (done == "panel") return "The panel was named.";
  if (done == "evidence") return "The evidence was added to the portfolio.";
  if (done == "votes") return "Your vote was recorded.";
  if (done == "waivers") return "The requirement was waived.";
  if (done == "revoke") return "The waiver was revoked.";
  if (done == "decision") return "The review was decided.";
  if (done == "signoff") return "The sign-off was recorded.";
  if (done == "assessments") return "Your assessment was recorded.";
  if (done == "opened") return "The review was opened.";
  return "";
}

Json NeedsJson(const std::vector<model::Need>& needs) {
  Json out = Json::array();
  for (const model::Need& n : needs) out.push_back(render::NeedJson(n));
  return out;
}

}  // namespace

Status CasesPage(Exchange& x) {
  app::WebViews views(x.services.store, x.services.access, nullptr);
  Result<render::CasesView> v = views.Cases(x.principal);
  if (!v) return Fail(v.error());
  x.Html(render::RenderCases(x.Viewer(), *v));
  return Ok();
}

Status CasePage(Exchange& x) { return ShowCase(x, {DoneMessage(x.Query("done")), ""}); }

Status CaseAction(Exchange& x) {
  const std::string action = x.Param("action");
  ActionInput in{[&](const char* name) { return x.Form(name); },
                 [&](const char* name) { return x.FormAll(name); }};
  Result<model::Case> c = PerformCaseAction(x, action, in);
  if (!c) {
    if (c.error().code == ErrorCode::kNotFound && DoneMessage(action).empty())
      return Fail(c.error());
    return ShowCase(x, {"", Message(c.error())}, HttpStatusFor(c.error()));
  }
  x.Redirect(CasePath(x.Param("case")) + "?done=" + action);
  return Ok();
}

Status NeedsPage(Exchange& x) { return ShowNeeds(x, {}); }

Status NeedOpenSubmit(Exchange& x) {
  // target: "<framework>|<track/level or overlay>"
  std::string target = x.Form("target");
  size_t bar = target.find('|');
  if (bar == std::string::npos) return ShowNeeds(x, {"", "target: choose a role or level"}, 400);
  Result<model::Need> n = x.Review().OpenNeed(target.substr(0, bar), target.substr(bar + 1),
                                              x.Form("reason"), x.principal.person, x.Today());
  if (!n) return ShowNeeds(x, {"", Message(n.error())}, HttpStatusFor(n.error()));
  return ShowNeeds(x, {"Need " + n->id + " opened.", ""});
}

Status NeedCloseSubmit(Exchange& x) {
  Result<model::Need> n = x.Review().CloseNeed(x.Param("need"), x.Form("filled_by_case"),
                                               x.principal.person, x.Today());
  if (!n) return ShowNeeds(x, {"", Message(n.error())}, HttpStatusFor(n.error()));
  return ShowNeeds(x, {"Need " + n->id + " closed.", ""});
}

// -- API -----------------------------------------------------------------------------------------

Status ApiCases(Exchange& x) {
  Result<std::vector<model::Case>> cases = x.services.access.VisibleCases(x.principal);
  if (!cases) return Fail(cases.error());
  Json out = Json::array();
  for (const model::Case& c : *cases) out.push_back(render::CaseJson(c));
  x.SendJson(out);
  return Ok();
}

Status ApiCase(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  Result<render::CaseView> v = views.Case(x.principal, x.Param("case"), x.Today());
  if (!v) return Fail(v.error());
  Json j = render::CaseJson(v->review);
  j["consensus"] = {{"reached", v->consensus_reached}, {"summary", v->consensus}};
  j["eligibility"] = v->verdict ? render::VerdictJson(*v->verdict) : Json(nullptr);
  Json portfolio = Json::array(), waivers = Json::array();
  for (const model::Evidence& e : v->portfolio) portfolio.push_back(render::EvidenceJson(e));
  for (const model::Waiver& w : v->waivers) waivers.push_back(render::WaiverJson(w));
  j["portfolio_evidence"] = portfolio;
  j["waivers"] = waivers;
  x.SendJson(j);
  return Ok();
}

Status ApiCaseAction(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const Json& b = *body;
  ActionInput in{[&](const char* name) -> std::string {
                   auto it = b.find(name);
                   if (it == b.end() || !it->is_string()) return "";
                   return it->get<std::string>();
                 },
                 [&](const char* name) {
                   std::vector<std::string> out;
                   auto it = b.find(name);
                   if (it != b.end() && it->is_array())
                     for (const Json& v : *it)
                       if (v.is_string()) out.push_back(v.get<std::string>());
                   return out;
                 }};
  Result<model::Case> c = PerformCaseAction(x, x.Param("action"), in);
  if (!c) return Fail(c.error());
  Result<model::Case> now = x.services.store.GetCase(c->id);
  x.SendJson(render::CaseJson(app::Access::AsSeenBy(x.principal, now ? *now : *c)));
  return Ok();
}

// Waivers of a person outside a review (app::ReviewService::WaiveFor) and their list.
Status ApiWaivers(Exchange& x) {
  Result<std::vector<model::Waiver>> waivers = x.Review().Waivers(x.Param("person"));
  if (!waivers) return Fail(waivers.error());
  Json out = Json::array();
  for (const model::Waiver& w : *waivers) out.push_back(render::WaiverJson(w));
  x.SendJson(out);
  return Ok();
}

Status ApiWaiverCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> requirement = StringField(*body, "requirement", true);
  if (!requirement) return Fail(requirement.error());
  Result<std::string> target = StringField(*body, "target");
  if (!target) return Fail(target.error());
  Result<std::string> reason = StringField(*body, "reason");
  if (!reason) return Fail(reason.error());
  Result<Date> expires = DateField(*body, "expires");
  if (!expires) return Fail(expires.error());
  Result<model::Waiver> w = x.Review().WaiveFor(x.Param("person"), *target, *requirement,
                                                x.principal.person, *reason, x.Today(), *expires);
  if (!w) return Fail(w.error());
  x.SendJson(render::WaiverJson(*w), 201);
  return Ok();
}

Status ApiNeeds(Exchange& x) {
  Result<std::vector<model::Need>> needs = x.services.store.ListNeeds(x.Query("framework"));
  if (!needs) return Fail(needs.error());
  x.SendJson(NeedsJson(*needs));
  return Ok();
}

Status ApiNeedOpen(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> framework = StringField(*body, "framework", true);
  if (!framework) return Fail(framework.error());
  Result<std::string> target = StringField(*body, "target", true);
  if (!target) return Fail(target.error());
  Result<std::string> reason = StringField(*body, "reason");
  if (!reason) return Fail(reason.error());
  Result<model::Need> n =
      x.Review().OpenNeed(*framework, *target, *reason, x.principal.person, x.Today());
  if (!n) return Fail(n.error());
  x.SendJson(render::NeedJson(*n), 201);
  return Ok();
}

Status ApiNeedClose(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> filled = StringField(*body, "filled_by_case");
  if (!filled) return Fail(filled.error());
  Result<model::Need> n =
      x.Review().CloseNeed(x.Param("need"), *filled, x.principal.person, x.Today());
  if (!n) return Fail(n.error());
  x.SendJson(render::NeedJson(*n));
  return Ok();
}

}  // namespace ladder::server::internal
