#include "model/growth_plan.h"

#include <utility>

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<ActionStatus, const char*> kActionStatusNames[] = {
    {ActionStatus::kOpen, "open"},
    {ActionStatus::kDone, "done"},
    {ActionStatus::kDropped, "dropped"}};

Error FieldError(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {}, std::move(field)};
}

}  // namespace

const char* ActionStatusName(ActionStatus s) { return internal::NameOf(kActionStatusNames, s); }

std::optional<ActionStatus> ParseActionStatus(std::string_view s) {
  return internal::Parse(kActionStatusNames, s);
}

std::vector<Error> ValidatePlanAction(const PlanAction& a) {
  std::vector<Error> errors;
  if (a.person.empty())
    errors.push_back(FieldError("plan_action.person", "an action is someone's"));
  if (a.title.empty())
    errors.push_back(FieldError("plan_action.title", "an action says what is to be done"));
  if (a.title.size() > kMaxPlanTitle)
    errors.push_back(
        FieldError("plan_action.title",
                   "the title is longer than " + std::to_string(kMaxPlanTitle) + " characters"));
  if (a.note.size() > kMaxPlanText)
    errors.push_back(
        FieldError("plan_action.note",
                   "the note is longer than " + std::to_string(kMaxPlanText) + " characters"));
  if (a.due.empty()) errors.push_back(FieldError("plan_action.due", "an action has a due date"));
  if (a.agreed.empty())
    errors.push_back(FieldError("plan_action.agreed", "an action has the day it was agreed"));
  if (!a.due.empty() && !a.agreed.empty() && a.due < a.agreed)
    errors.push_back(FieldError("plan_action.due", "the due date " + a.due.ToString() +
                                                       " is before the day it was agreed, " +
                                                       a.agreed.ToString()));
  const bool open = a.status == ActionStatus::kOpen;
  if (open != a.closed.empty())
    errors.push_back(FieldError("plan_action.closed",
                                open ? "an open action has no closing date"
                                     : "a done or dropped action has the day it was closed"));
  if (!a.closed.empty() && a.closed < a.agreed)
    errors.push_back(FieldError(
        "plan_action.closed",
        "closed on " + a.closed.ToString() + ", before it was agreed on " + a.agreed.ToString()));
  return errors;
}

std::vector<Error> ValidateCheckIn(const CheckIn& c) {
  std::vector<Error> errors;
  if (c.person.empty()) errors.push_back(FieldError("checkin.person", "a check-in is someone's"));
  if (c.date.empty()) errors.push_back(FieldError("checkin.date", "a check-in has a date"));
  if (c.self_view.empty() && c.manager_view.empty() && c.outcome.empty())
    errors.push_back(FieldError("checkin.outcome",
                                "a check-in records at least one of: the person's view, the "
                                "manager's view, the outcome"));
  for (const auto& [text, field] :
       {std::pair{&c.self_view, "self_view"}, std::pair{&c.manager_view, "manager_view"},
        std::pair{&c.outcome, "outcome"}})
    if (text->size() > kMaxPlanText)
      errors.push_back(FieldError(
          std::string("checkin.") + field,
          std::string(field) + " is longer than " + std::to_string(kMaxPlanText) + " characters"));
  if (!c.next.empty() && !c.date.empty() && !(c.date < c.next))
    errors.push_back(FieldError(
        "checkin.next",
        "the next check-in " + c.next.ToString() + " is not after this one, " + c.date.ToString()));
  return errors;
}

}  // namespace ladder::model
