// Growth plans: agreeing actions, updating them, recording check-ins, the plan as CSV, and the
// same through the JSON API (app/review.h "Growth plans"; docs/growth-plans.md).
#include <functional>

#include "app/web_views.h"
#include "base/text.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

// A field by name, from form fields or a JSON body (the same names): text, or an error naming it.
using Get = std::function<Result<std::string>(const char*)>;

Get FormFields(const Exchange& x) {
  return [&x](const char* name) -> Result<std::string> { return x.Form(name); };
}

Get JsonFields(const Json& body) {
  return [&body](const char* name) { return StringField(body, name); };
}

Result<model::PlanAction> ActionFrom(const std::string& person, const Get& get) {
  model::PlanAction a;
  a.person = person;
  LADDER_TRY(a.title, get("title"));
  LADDER_TRY(a.competency, get("competency"));
  LADDER_TRY(a.target, get("target"));
  LADDER_TRY(a.note, get("note"));
  LADDER_TRY(std::string due, get("due"));
  LADDER_TRY(a.due, ParseDateValue("due", due, {}));
  if (a.due.empty())
    return MakeError(ErrorCode::kInvalidArgument, "an action has a due date (YYYY-MM-DD)", {},
                     "due");
  return a;
}

// The change an update asks for: a status (required), and optionally a new due date and note.
struct ActionUpdate {
  model::ActionStatus status = model::ActionStatus::kOpen;
  Date due;
  std::string note;
};

Result<ActionUpdate> UpdateFrom(const Get& get) {
  ActionUpdate u;
  LADDER_TRY(std::string status, get("status"));
  std::optional<model::ActionStatus> parsed = model::ParseActionStatus(status);
  if (!parsed)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + status + "' is not a status: open, done or dropped", {}, "status");
  u.status = *parsed;
  LADDER_TRY(std::string due, get("due"));
  LADDER_TRY(u.due, ParseDateValue("due", due, {}));
  LADDER_TRY(u.note, get("note"));
  return u;
}

Result<model::CheckIn> CheckInFrom(const std::string& person, const Get& get, Date today) {
  model::CheckIn c;
  c.person = person;
  LADDER_TRY(std::string date, get("date"));
  LADDER_TRY(c.date, ParseDateValue("date", date, today));
  LADDER_TRY(std::string next, get("next"));
  LADDER_TRY(c.next, ParseDateValue("next", next, {}));
  LADDER_TRY(c.self_view, get("self_view"));
  LADDER_TRY(c.manager_view, get("manager_view"));
  LADDER_TRY(c.outcome, get("outcome"));
  return c;
}

// The action of the address, checked to be the person's: an action of anyone else is no address.
Result<model::PlanAction> UpdateAction(Exchange& x, const ActionUpdate& u) {
  const std::string person = x.Param("person");
  Result<model::PlanAction> stored = x.services.store.GetPlanAction(x.Param("action"));
  if (!stored && stored.error().code != ErrorCode::kNotFound) return Fail(stored.error());
  if (!stored || stored->person != person)
    return MakeError(ErrorCode::kNotFound, "no such page: " + x.req.path);
  return x.Review().UpdatePlanAction(stored->id, u.status, u.due, u.note, x.Today());
}

Json PlanJson(const std::vector<model::PlanAction>& actions,
              const std::vector<model::CheckIn>& checkins) {
  Json j = {{"actions", Json::array()}, {"checkins", Json::array()}};
  for (const model::PlanAction& a : actions) j["actions"].push_back(render::PlanActionJson(a));
  for (const model::CheckIn& c : checkins) j["checkins"].push_back(render::CheckInJson(c));
  return j;
}

}  // namespace

Status PlanActionSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::PlanAction> a = ActionFrom(person, FormFields(x));
  if (a) a = x.Review().AddPlanAction(*a, x.Today());
  if (!a) return GrowthFormFailed(x, person, a.error());
  x.Redirect(GrowthPath(x, person) + "?done=plan#pa-" + EncodeQueryParam(a->id));
  return Ok();
}

Status PlanActionUpdateSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<ActionUpdate> u = UpdateFrom(FormFields(x));
  if (!u) return GrowthFormFailed(x, person, u.error());
  Result<model::PlanAction> a = UpdateAction(x, *u);
  if (!a && a.error().code == ErrorCode::kNotFound) return Fail(a.error());
  if (!a) return GrowthFormFailed(x, person, a.error());
  x.Redirect(GrowthPath(x, person) + "?done=plan-updated#pa-" + EncodeQueryParam(a->id));
  return Ok();
}

Status CheckInSubmit(Exchange& x) {
  const std::string person = x.Param("person");
  Result<model::CheckIn> c = CheckInFrom(person, FormFields(x), x.Today());
  if (c) c = x.Review().RecordCheckIn(*c);
  if (!c) return GrowthFormFailed(x, person, c.error());
  x.Redirect(GrowthPath(x, person) + "?done=checkin#ci-" + EncodeQueryParam(c->id));
  return Ok();
}

Status PlanCsv(Exchange& x) {
  app::WebViews views(x.services.store, x.services.access, x.services.Site(), x.Sources());
  Result<render::GrowthView> v = views.Growth(x.principal, x.Param("person"), x.Today());
  if (!v) return Fail(v.error());
  x.res.set_header("Content-Disposition",
                   "attachment; filename=\"growth-plan-" + text::Slugify(v->person.id) + ".csv\"");
  x.res.set_content(render::GrowthPlanCsv(*v), "text/csv; charset=utf-8");
  return Ok();
}

Status ApiPlan(Exchange& x) {
  const std::string person = x.Param("person");
  Result<std::vector<model::PlanAction>> actions = x.services.store.ListPlanActions(person);
  if (!actions) return Fail(actions.error());
  Result<std::vector<model::CheckIn>> checkins = x.services.store.ListCheckIns(person);
  if (!checkins) return Fail(checkins.error());
  x.SendJson(PlanJson(*actions, *checkins));
  return Ok();
}

Status ApiPlanActionCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<model::PlanAction> a = ActionFrom(x.Param("person"), JsonFields(*body));
  if (a) a = x.Review().AddPlanAction(*a, x.Today());
  if (!a) return Fail(a.error());
  x.SendJson(render::PlanActionJson(*a), 201);
  return Ok();
}

Status ApiPlanActionUpdate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<ActionUpdate> u = UpdateFrom(JsonFields(*body));
  if (!u) return Fail(u.error());
  Result<model::PlanAction> a = UpdateAction(x, *u);
  if (!a) return Fail(a.error());
  x.SendJson(render::PlanActionJson(*a));
  return Ok();
}

Status ApiCheckInCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<model::CheckIn> c = CheckInFrom(x.Param("person"), JsonFields(*body), x.Today());
  if (c) c = x.Review().RecordCheckIn(*c);
  if (!c) return Fail(c.error());
  x.SendJson(render::CheckInJson(*c), 201);
  return Ok();
}

}  // namespace ladder::server::internal
