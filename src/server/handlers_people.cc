// Growth: my growth, a person's growth, my team, evidence, assessments, opening a review.
#include <algorithm>
#include <span>

#include "app/corrections.h"
#include "app/people_import.h"
#include "app/web_views.h"
#include "base/text.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

// Messages for ?done= after a form: a fixed set, never text from the request.
std::string DoneMessage(std::string_view done) {
  if (done == "evidence") return "Evidence added.";
  if (done == "manager") return "The manager was changed.";
  if (done == "assessment") return "Assessment saved.";
  if (done == "confirmed") return "The sign-off was confirmed.";
  if (done == "signoff") return "The sign-off was recorded.";
  if (done == "plan") return "The action was added to the growth plan.";
  if (done == "plan-updated") return "The action was updated.";
  if (done == "checkin") return "The check-in was recorded.";
  if (done == "withdrawn")
    return "The record was withdrawn. It stays in the history and no longer counts.";
  if (done == "corrected")
    return "The record was corrected. The correction counts; the original stays in the history.";
  return "";
}

Status ShowGrowth(Exchange& x, const std::string& person, render::Flash flash, int status = 200) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  Result<render::GrowthView> v = views.Growth(x.principal, person, x.Today());
  if (!v) return Fail(v.error());
  v->flash = std::move(flash);
  x.Html(render::RenderGrowth(x.Viewer(), *v), status);
  return Ok();
}

// Evidence from form fields or a JSON body (the same names).
template <typename Get>
Result<model::Evidence> EvidenceFrom(const std::string& person, Get get,
                                     const std::vector<std::string>& competencies) {
  model::Evidence e;
  e.person = person;
  e.kind = get("kind");
  e.title = get("title");
  LADDER_TRY(e.date, ParseDateValue("date", get("date"), {}));
  LADDER_TRY(e.end, ParseDateValue("end", get("end"), {}));
  e.role = get("role");
  e.skill = get("skill");
  e.signed_off_by = get("signed_off_by");
  if (e.signed_off_by.empty()) e.signed_off_by = get("signed_off_by_other");  // the form's field
  e.url = get("url");
  e.note = get("note");
  e.competencies = competencies;
  if (e.title.size() > 500 || e.note.size() > 4000 || e.url.size() > 2000)
    return MakeError(ErrorCode::kInvalidArgument,
                     "too long (title 500, note 4000, link 2000 characters at most)", {}, "title");
  return e;
}

// Whether the caller assesses `person` as themself or as their manager (app/authority.h says
// whether they may; peers assess through the review they sit on).
model::AssessorRole AssessorRoleFor(const Exchange& x, const std::string& person) {
  return x.principal.person == person ? model::AssessorRole::kSelf : model::AssessorRole::kManager;
}

Result<model::Rating> RatingOf(std::string_view value, const std::string& field) {
  std::optional<model::Rating> r = model::ParseRating(value);
  if (!r)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + std::string(value) + "' is not a rating: below, meeting or next", {},
                     field);
  return *r;
}

// Stores `assessments` in one transaction: all or none.
Status SaveAssessments(Exchange& x, const std::vector<model::Assessment>& assessments) {
  return x.services.store.WithTransaction([&](storage::Store& tx) -> Status {
    app::ReviewService review(tx, x.principal);
    for (const model::Assessment& a : assessments) LADDER_TRY_STATUS(review.Assess(a));
    return Ok();
  });
  return Ok();
}

Json GrowthJson(const render::GrowthView& v) {
  Json j;
  j["person"] = render::PersonJson(v.person);
  j["current"] = v.current ? render::AssignmentJson(*v.current) : Json(nullptr);
  auto level = [](const render::LevelInfo& l) -> Json {
    if (!l.level) return nullptr;
    return {{"track", l.track->id}, {"level", l.level->code}, {"title", l.level->title}};
  };
  j["level"] = level(v.level);
  j["next"] = level(v.next);
  j["eligibility"] = v.verdict ? render::VerdictJson(*v.verdict) : Json(nullptr);
  Json assessments = Json::array(), evidence = Json::array(), cases = Json::array();
  for (const model::Assessment& a : v.assessments) assessments.push_back(render::AssessmentJson(a));
  for (const model::Evidence& e : v.evidence) evidence.push_back(render::EvidenceJson(e));
  for (const model::Case& c : v.cases) cases.push_back(render::CaseJson(c));
  j["assessments"] = assessments;
  j["evidence"] = evidence;
  j["cases"] = cases;
  return j;
}

Status ShowRecord(Exchange& x, app::RecordKind kind, const std::string& id, render::Flash flash,
                  int status = 200) {
  app::WebViews views(x.services.store, x.services.access, x.services.Site(), x.Sources());
  Result<render::RecordView> v = views.Record(x.principal, x.Param("person"), kind, id, x.Today());
  if (!v) return Fail(v.error());
  v->flash = std::move(flash);
  x.Html(render::RenderRecord(x.Viewer(), *v), status);
  return Ok();
}

// A withdrawal or correction asked for at /people/{person}/records/{kind}/{record}/{action}:
// an unknown kind or action is no address (kNotFound).
struct TakeBackCall {
  app::RecordKind kind = app::RecordKind::kEvidence;
  bool correcting = false;
  app::TakeBack why;
};

Result<TakeBackCall> TakeBackOf(const Exchange& x, std::string reason, Date on) {
  TakeBackCall call;
  std::optional<app::RecordKind> kind = app::ParseRecordKind(x.Param("kind"));
  const std::string action = x.Param("action");
  if (!kind || (action != "withdraw" && action != "correct"))
    return MakeError(ErrorCode::kNotFound, "no such page: " + x.req.path);
  call.kind = *kind;
  call.correcting = action == "correct";
  call.why = app::TakeBack{{}, std::move(reason), on, x.Param("person")};
  return call;
}

// Withdraws or corrects the record; the id of the record that counts now, or of the one withdrawn.
Result<std::string> TakeBackRecord(Exchange& x, const TakeBackCall& call,
                                   const app::GivenField& given) {
  app::ReviewService review = x.Review();
  const std::string record = x.Param("record");
  return call.correcting ? review.Correct(call.kind, record, given, call.why)
                         : review.Withdraw(call.kind, record, call.why);
}

}  // namespace

std::string GrowthPath(const Exchange& x, std::string_view person) {
  if (!x.principal.person.empty() && x.principal.person == person) return "/me";
  return "/people/" + EncodeQueryParam(std::string(person));
}

Status GrowthFormFailed(Exchange& x, const std::string& person, const Error& e) {
  return ShowGrowth(x, person, {"", ErrorText(e, x.req.path)}, HttpStatusFor(e));
}

Status MyGrowthPage(Exchange& x) {
  if (x.principal.person.empty()) {
    x.Html(render::RenderErrorPage(
               x.Viewer(), 404,
               "Your account is not linked to a person in Ladder's records, so there is no "
               "growth to show. An admin links accounts to people under Users."),
           404);
    return Ok();
  }
  return ShowGrowth(x, x.principal.person, {DoneMessage(x.Query("done")), ""});
}

Status GrowthPage(Exchange& x) {
  return ShowGrowth(x, x.Param("person"), {DoneMessage(x.Query("done")), ""});
}

Status TeamPage(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  int offset = std::atoi(x.Query("offset").c_str());
  const bool csv = x.Query("format") == "csv";
  // The CSV is of everyone the page would list, not one page of them.
  Result<render::TeamView> v = csv ? views.Team(x.principal, x.Today(), 0, 100000)
                                   : views.Team(x.principal, x.Today(), offset);
  if (!v) return Fail(v.error());
  if (csv) {
    x.res.set_header("Content-Disposition", "attachment; filename=\"ladder-levels.csv\"");
    x.res.set_content(render::TeamLevelStatsCsv(*v), "text/csv; charset=utf-8");
    return Ok();
  }
  x.Html(render::RenderTeam(x.Viewer(), *v));
  return Ok();
}

Status ManagerSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::Person> moved =
      app::ChangeManager(x.services.store, x.principal.Actor(), person, x.Form("manager"));
  if (!moved && moved.error().code == ErrorCode::kNotFound && moved.error().field.empty())
    return Fail(moved.error());  // no such person
  if (!moved) return GrowthFormFailed(x, person, moved.error());
  x.Redirect(GrowthPath(x, person) + "?done=manager");
  return Ok();
}

Status EvidenceSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::Evidence> e = EvidenceFrom(
      person, [&](const char* name) { return x.Form(name); }, x.FormAll("competencies"));
  if (!e) return GrowthFormFailed(x, person, e.error());
  Result<std::string> id = x.Review().AddEvidence(*e);
  if (!id) return GrowthFormFailed(x, person, id.error());
  x.Redirect(GrowthPath(x, person) + "?done=evidence#evidence");
  return Ok();
}

Status AssessmentSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  const model::AssessorRole role = AssessorRoleFor(x, person);
  Result<Date> from = ParseDateValue("from", x.Form("from"), {});
  if (!from) return GrowthFormFailed(x, person, from.error());
  Result<Date> to = ParseDateValue("to", x.Form("to"), {});
  if (!to) return GrowthFormFailed(x, person, to.error());
  // One rating per competency of the person's framework: rating.<competency>, note.<competency>.
  std::vector<model::Assessment> assessments;
  for (const auto& [key, field] : x.req.form) {
    const std::string& value = field.content;
    if (!key.starts_with("rating.") || value.empty()) continue;
    std::string competency = key.substr(7);
    Result<model::Rating> rating = RatingOf(value, key);
    if (!rating) return GrowthFormFailed(x, person, rating.error());
    model::Assessment a;
    a.person = person;
    a.assessor = x.principal.person;
    a.role = role;
    a.period_start = *from;
    a.period_end = *to;
    a.competency = competency;
    a.rating = *rating;
    a.note = x.Form("note." + competency);
    assessments.push_back(std::move(a));
  }
  if (assessments.empty())
    return GrowthFormFailed(
        x, person,
        Error{ErrorCode::kInvalidArgument, "rate at least one competency", {}, "rating"});
  if (Status s = SaveAssessments(x, assessments); !s) return GrowthFormFailed(x, person, s.error());
  x.Redirect(GrowthPath(x, person) + "?done=assessment#side");
  return Ok();
}

Status CaseOpenSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::Case> c =
      x.Review().OpenCase(person, x.Form("target"), x.principal.person, x.Today());
  if (!c) return GrowthFormFailed(x, person, c.error());
  x.Redirect("/cases/" + EncodeQueryParam(c->id));
  return Ok();
}

Status RecordPage(Exchange& x) {
  std::optional<app::RecordKind> kind = app::ParseRecordKind(x.Param("kind"));
  if (!kind) return Fail(Error{ErrorCode::kNotFound, "no such page: " + x.req.path, {}, {}});
  return ShowRecord(x, *kind, x.Param("record"), {DoneMessage(x.Query("done")), ""});
}

// The forms of a record's page: a reason, and for a correction the record's fields as they
// should read (app/corrections.h names them).
Status RecordTakeBackSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<TakeBackCall> call = TakeBackOf(x, x.Form("reason"), x.Today());
  if (!call) return Fail(call.error());
  auto failed = [&](const Error& e) {
    return ShowRecord(x, call->kind, x.Param("record"), {"", ErrorText(e, x.req.path)},
                      HttpStatusFor(e));
  };
  app::GivenField given = [&](std::string_view name) -> std::optional<std::string> {
    const std::string field(name);
    if (!x.HasForm(field)) return std::nullopt;
    if (field == "competencies") return text::Join(x.FormAll(field), ",");
    return x.Form(field);
  };
  Result<std::string> id = TakeBackRecord(x, *call, given);
  if (!id) return failed(id.error());
  x.Redirect("/people/" + EncodeQueryParam(person) + "/records/" + app::RecordKindPath(call->kind) +
             "/" + EncodeQueryParam(x.Param("record")) +
             (call->correcting ? "?done=corrected" : "?done=withdrawn"));
  return Ok();
}

// -- API -----------------------------------------------------------------------------------------

Status ApiPeople(Exchange& x) {
  Result<std::vector<model::Person>> people = x.services.access.VisiblePeople(x.principal);
  if (!people) return Fail(people.error());
  Json out = Json::array();
  for (const model::Person& p : *people) out.push_back(render::PersonJson(p));
  x.SendJson(out);
  return Ok();
}

Status ApiPerson(Exchange& x) {
  Result<model::Person> p = x.services.store.GetPerson(x.Param("person"));
  if (!p) return Fail(p.error());
  Result<std::vector<model::Assignment>> history = x.services.store.ListAssignments(p->id);
  if (!history) return Fail(history.error());
  Json j = render::PersonJson(*p);
  Json levels = Json::array();
  for (const model::Assignment& a : *history) levels.push_back(render::AssignmentJson(a));
  j["assignments"] = levels;
  x.SendJson(j);
  return Ok();
}

Status ApiGrowth(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  Result<render::GrowthView> v = views.Growth(x.principal, x.Param("person"), x.Today());
  if (!v) return Fail(v.error());
  x.SendJson(GrowthJson(*v));
  return Ok();
}

Status ApiEligibility(Exchange& x) {
  Result<Date> at = ParseDateValue("at", x.Query("at"), x.Today());
  if (!at) return Fail(at.error());
  std::string target = x.Query("target");
  if (target.empty()) target = "next";
  Result<rules::Verdict> v = x.Review().Eligibility(x.Param("person"), target, *at);
  if (!v) return Fail(v.error());
  x.SendJson(render::VerdictJson(*v));
  return Ok();
}

Status ApiEvidenceList(Exchange& x) {
  Result<std::vector<model::Evidence>> list = x.services.store.ListEvidence(x.Param("person"));
  if (!list) return Fail(list.error());
  Json out = Json::array();
  for (const model::Evidence& e : *list) out.push_back(render::EvidenceJson(e));
  x.SendJson(out);
  return Ok();
}

Status ApiEvidenceCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  std::vector<std::string> competencies;
  if (auto it = body->find("competencies"); it != body->end() && it->is_array())
    for (const Json& c : *it)
      if (c.is_string()) competencies.push_back(c.get<std::string>());
  Error bad;
  bool failed = false;
  auto get = [&](const char* name) {
    Result<std::string> v = StringField(*body, name);
    if (!v && !failed) {
      bad = v.error();
      failed = true;
    }
    return v ? *v : std::string();
  };
  Result<model::Evidence> e = EvidenceFrom(x.Param("person"), get, competencies);
  if (failed) return Fail(bad);
  if (!e) return Fail(e.error());
  Result<std::string> id = x.Review().AddEvidence(*e);
  if (!id) return Fail(id.error());
  Result<model::Evidence> stored = x.services.store.GetEvidence(*id);
  if (!stored) return Fail(stored.error());
  x.SendJson(render::EvidenceJson(*stored), 201);
  return Ok();
}

Status SignOffPage(Exchange& x) {
  app::WebViews views(x.services.store, x.services.access, nullptr);
  Result<render::SignOffView> v = views.SignOff(x.principal, x.Param("evidence"));
  if (!v) return Fail(v.error());
  v->flash.notice = DoneMessage(x.Query("done"));
  x.Html(render::RenderSignOff(x.Viewer(), *v));
  return Ok();
}

Status EvidenceConfirmSubmit(Exchange& x) {
  Result<model::Evidence> e =
      x.Review().ConfirmSignOff(x.Param("evidence"), x.principal.person, x.Today());
  if (!e) return Fail(e.error());
  x.Redirect("/evidence/" + EncodeQueryParam(e->id) + "?done=confirmed");
  return Ok();
}

Status ApiEvidenceConfirm(Exchange& x) {
  Result<model::Evidence> e =
      x.Review().ConfirmSignOff(x.Param("evidence"), x.principal.person, x.Today());
  if (!e) return Fail(e.error());
  x.SendJson(render::EvidenceJson(*e));
  return Ok();
}

Status ApiAssessmentList(Exchange& x) {
  Result<std::vector<model::Assessment>> list = x.services.store.ListAssessments(x.Param("person"));
  if (!list) return Fail(list.error());
  Json out = Json::array();
  for (const model::Assessment& a : *list) out.push_back(render::AssessmentJson(a));
  x.SendJson(out);
  return Ok();
}

Status ApiAssessmentCreate(Exchange& x) {
  const std::string person = x.Param("person");
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const model::AssessorRole role = AssessorRoleFor(x, person);
  Result<Date> from = DateField(*body, "period_start");
  if (!from) return Fail(from.error());
  Result<Date> to = DateField(*body, "period_end");
  if (!to) return Fail(to.error());
  // {"ratings": {"<competency>": "below|meeting|next", ...}, "notes": {...}}
  auto ratings = body->find("ratings");
  if (ratings == body->end() || !ratings->is_object() || ratings->empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "an object of competency ids to ratings (below, meeting, next)",
                      {},
                      "ratings"});
  std::vector<model::Assessment> assessments;
  for (auto it = ratings->begin(); it != ratings->end(); ++it) {
    if (!it->is_string())
      return Fail(
          Error{ErrorCode::kInvalidArgument, "must be a string", {}, "ratings." + it.key()});
    Result<model::Rating> rating = RatingOf(it->get<std::string>(), "ratings." + it.key());
    if (!rating) return Fail(rating.error());
    model::Assessment a;
    a.person = person;
    a.assessor = x.principal.person;
    a.role = role;
    a.period_start = *from;
    a.period_end = *to;
    a.competency = it.key();
    a.rating = *rating;
    if (auto notes = body->find("notes"); notes != body->end() && notes->is_object())
      if (auto n = notes->find(it.key()); n != notes->end() && n->is_string())
        a.note = n->get<std::string>();
    assessments.push_back(std::move(a));
  }
  if (Status s = SaveAssessments(x, assessments); !s) return Fail(s.error());
  Result<std::vector<model::Assessment>> list = x.services.store.ListAssessments(person);
  if (!list) return Fail(list.error());
  Json out = Json::array();
  for (const model::Assessment& a : *list) out.push_back(render::AssessmentJson(a));
  x.SendJson(out, 201);
  return Ok();
}

Status ApiCaseOpen(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> target = StringField(*body, "target");
  if (!target) return Fail(target.error());
  Result<Date> date = DateField(*body, "date", x.Today());
  if (!date) return Fail(date.error());
  Result<model::Case> c = x.Review().OpenCase(x.Param("person"), target->empty() ? "next" : *target,
                                              x.principal.person, *date);
  if (!c) return Fail(c.error());
  x.SendJson(render::CaseJson(*c), 201);
  return Ok();
}

Status ApiTeam(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  app::WebViews views(x.services.store, x.services.access, site, x.Sources());
  int offset = std::atoi(x.Query("offset").c_str());
  Result<render::TeamView> v = views.Team(x.principal, x.Today(), offset);
  if (!v) return Fail(v.error());
  Json out = Json::array();
  for (const render::TeamMember& m : v->members) {
    Json j = render::PersonJson(m.person);
    j["depth"] = m.depth;
    j["current"] = m.current ? render::AssignmentJson(*m.current) : Json(nullptr);
    j["readiness"] = m.readiness ? Json(rules::OverallName(m.readiness->overall)) : Json(nullptr);
    j["earliest"] = m.readiness ? render::DateJson(m.readiness->earliest) : Json(nullptr);
    Json open = Json::array();
    for (const model::Case& c : m.open_cases) open.push_back(c.id);
    j["open_cases"] = open;
    out.push_back(j);
  }
  x.res.set_header("X-Total-Count", std::to_string(v->total));
  x.SendJson(out);
  return Ok();
}

Result<model::SignOff> SignOffFrom(std::string_view person,
                                   const std::function<std::string(const char*)>& get,
                                   std::string_view by, Date today) {
  model::SignOff s;
  s.person = person;
  s.requirement = get("requirement");
  if (s.requirement.empty())
    return MakeError(ErrorCode::kInvalidArgument, "is required", {}, "requirement");
  s.by = by;
  LADDER_TRY(s.date, ParseDateValue("date", get("date"), today));
  s.note = get("note");
  return s;
}

// The sign-off forms of a growth page's checklist: back to the checklist, or the page with the
// reason it was refused.
Status SignOffSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::SignOff> s = SignOffFrom(
      person, [&](const char* name) { return x.Form(name); }, x.principal.person, x.Today());
  if (!s) return GrowthFormFailed(x, person, s.error());
  Result<std::string> id = x.Review().SignOff(std::move(*s));
  if (!id) return GrowthFormFailed(x, person, id.error());
  x.Redirect(GrowthPath(x, person) + "?done=signoff#checklist");
  return Ok();
}

// {"requirement": "...", "date": "YYYY-MM-DD" (default today), "note": "..."}: the sign-off.
Status ApiSignOffCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<model::SignOff> s = SignOffFrom(
      x.Param("person"),
      [&](const char* name) -> std::string {
        auto it = body->find(name);
        return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
      },
      x.principal.person, x.Today());
  if (!s) return Fail(s.error());
  Result<std::string> id = x.Review().SignOff(std::move(*s));
  if (!id) return Fail(id.error());
  Result<model::SignOff> saved = x.services.store.GetSignOff(*id);
  if (!saved) return Fail(saved.error());
  x.SendJson(render::SignOffJson(*saved), 201);
  return Ok();
}

// {"reason": "...", "on": "YYYY-MM-DD" (default today), and for a correction the fields that
// change, by their names in app/corrections.h}. Answers the record taken back and its correction.
Status ApiRecordTakeBack(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> reason = StringField(*body, "reason", true);
  if (!reason) return Fail(reason.error());
  Result<Date> on = DateField(*body, "on", x.Today());
  if (!on) return Fail(on.error());
  Result<TakeBackCall> call = TakeBackOf(x, *reason, *on);
  if (!call) return Fail(call.error());
  const std::span<const char* const> fields = app::CorrectableFields(call->kind);
  for (auto it = body->begin(); it != body->end(); ++it) {
    const bool known =
        it.key() == "reason" || it.key() == "on" ||
        (call->correcting && std::find(fields.begin(), fields.end(), it.key()) != fields.end());
    if (!known)
      return Fail(Error{ErrorCode::kInvalidArgument,
                        call->correcting ? "not a field a correction of this record may change"
                                         : "a withdrawal takes only reason and on",
                        {},
                        it.key()});
  }
  app::GivenField given = [&](std::string_view name) -> std::optional<std::string> {
    auto it = body->find(std::string(name));
    if (it == body->end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_null()) return std::string();
    if (it->is_array()) {
      std::vector<std::string> parts;
      for (const Json& item : *it)
        parts.push_back(item.is_string() ? item.get<std::string>() : item.dump());
      return text::Join(parts, ",");
    }
    return it->dump();
  };
  Result<std::string> id = TakeBackRecord(x, *call, given);
  if (!id) return Fail(id.error());
  Result<Json> out = app::TakeBackJson(x.services.store, call->kind, x.Param("record"),
                                       call->correcting ? *id : std::string());
  if (!out) return Fail(out.error());
  x.SendJson(*out);
  return Ok();
}

}  // namespace ladder::server::internal
