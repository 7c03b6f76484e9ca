// ReviewService's growth plans: agreed actions and check-ins (app/review.h).
#include <algorithm>

#include "app/review.h"
#include "app/review_internal.h"
#include "base/text.h"

namespace ladder::app {

using internal::Quote;

namespace {

// The competency ids of `f`, for a "did you mean".
std::vector<std::string> CompetencyIds(const model::Framework& f) {
  std::vector<std::string> ids;
  for (const model::Competency& c : f.competencies) ids.push_back(c.id);
  return ids;
}

// The first of `errors`, with its field as the forms and options name it ("due", not
// "plan_action.due").
Status Valid(std::vector<Error> errors) {
  if (errors.empty()) return Ok();
  Error e = std::move(errors.front());
  if (auto dot = e.field.find('.'); dot != std::string::npos) e.field = e.field.substr(dot + 1);
  return Fail(std::move(e));
}

}  // namespace

// Checks a.competency and a.target against the person's framework on a.agreed, and writes the
// target in its stored form ("track/code" or an overlay's id).
Status ReviewService::CheckPlanLinks(model::PlanAction& a) {
  if (a.competency.empty() && a.target.empty()) return Ok();
  Result<PersonContext> cx = Load(a.person, a.agreed);
  if (!cx)
    return MakeError(ErrorCode::kFailedPrecondition,
                     a.person + " holds no level on " + a.agreed.ToString() +
                         ", so an action cannot name a competency or a target level yet",
                     {}, a.competency.empty() ? "target" : "competency");
  const model::Framework& f = *cx->framework;
  if (!a.competency.empty() && !f.FindCompetency(a.competency)) {
    std::vector<std::string> ids = CompetencyIds(f);
    std::string hint;
    if (auto s = text::DidYouMean(a.competency, ids)) hint = "did you mean " + *s + "? ";
    return MakeError(ErrorCode::kInvalidArgument,
                     "no competency " + Quote(a.competency) + " in " + f.id + "; " + hint +
                         "expected one of: " + text::Join(ids, ", "),
                     {}, "competency");
  }
  if (!a.target.empty()) {
    Result<rules::Target> t =
        rules::ResolveTarget(f, a.target, cx->current ? &*cx->current : nullptr);
    if (!t) {
      Error e = t.error();
      e.field = "target";
      return Fail(std::move(e));
    }
    a.target = t->kind == rules::Target::Kind::kOverlay ? t->overlay : t->track + "/" + t->level;
  }
  return Ok();
}

Result<model::PlanAction> ReviewService::AddPlanAction(model::PlanAction a, Date today,
                                                       std::string_view by) {
  LADDER_TRY(model::Person p, Person(a.person, "person"));
  LADDER_TRY(Actor actor,
             Check(Action::kPlan, by.empty() && !principal_ ? std::string_view(p.id) : by, p.id,
                   nullptr, "the growth plan of " + p.id));
  if (!a.id.empty() && store_.GetPlanAction(a.id))
    return MakeError(ErrorCode::kAlreadyExists, "an action " + Quote(a.id) + " already exists", {},
                     "id");
  if (a.agreed.empty()) a.agreed = today;
  a.status = model::ActionStatus::kOpen;
  a.closed = Date();
  a.closed_by.clear();
  a.agreed_by = actor.person;
  LADDER_TRY_STATUS(Valid(model::ValidatePlanAction(a)));
  LADDER_TRY_STATUS(CheckPlanLinks(a));
  LADDER_TRY(a.id, store_.SavePlanAction(actor_, a));
  return a;
}

Result<model::PlanAction> ReviewService::UpdatePlanAction(std::string_view id,
                                                          model::ActionStatus status, Date due,
                                                          std::string_view note, Date date,
                                                          std::string_view by) {
  Result<model::PlanAction> found = store_.GetPlanAction(id);
  auto unknown = [&] {
    return MakeError(ErrorCode::kNotFound, "no growth-plan action " + Quote(id), {}, "action");
  };
  if (!found && found.error().code == ErrorCode::kNotFound) return unknown();
  if (!found) return Fail(found.error());
  LADDER_TRY(bool sees, Sees(found->person));
  if (!sees) return unknown();
  model::PlanAction a = *found;
  LADDER_TRY(Actor actor,
             Check(Action::kPlan, by.empty() && !principal_ ? std::string_view(a.person) : by,
                   a.person, nullptr, "the growth plan of " + a.person));
  if (status != a.status) {
    a.status = status;
    const bool open = status == model::ActionStatus::kOpen;
    a.closed = open ? Date() : date;
    a.closed_by = open ? std::string() : actor.person;
  }
  if (!due.empty()) a.due = due;
  if (!note.empty()) a.note = std::string(note);
  if (a == *found)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the action is already " + std::string(model::ActionStatusName(a.status)) +
                         " with that due date and note: nothing to change",
                     {}, "status");
  LADDER_TRY_STATUS(Valid(model::ValidatePlanAction(a)));
  LADDER_TRY(std::string saved, store_.SavePlanAction(actor_, a));
  return a;
}

Result<model::CheckIn> ReviewService::RecordCheckIn(model::CheckIn c, std::string_view by) {
  LADDER_TRY(model::Person p, Person(c.person, "person"));
  LADDER_TRY(Actor actor,
             Check(Action::kCheckIn, by.empty() && !principal_ ? std::string_view(p.id) : by, p.id,
                   nullptr, "a check-in of " + p.id));
  c.held_by = actor.person;
  LADDER_TRY_STATUS(Valid(model::ValidateCheckIn(c)));
  LADDER_TRY(c.id, store_.SaveCheckIn(actor_, c));
  return c;
}

}  // namespace ladder::app
