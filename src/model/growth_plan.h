// A person's growth plan (docs/growth-plans.md): the actions a person and their manager agree,
// each tied to a competency or a target level, with a due date and a status, and the check-ins
// where they talk it over: what the person said, what the manager said, and what they agreed.
//
// Plain values and their invariants; who may write them is app/authority.h's, where they are
// kept storage's (one document per record, like evidence). No I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"

namespace ladder::model {

// An action is open until it is done or dropped; either may be reopened.
enum class ActionStatus { kOpen, kDone, kDropped };
inline constexpr ActionStatus kActionStatuses[] = {ActionStatus::kOpen, ActionStatus::kDone,
                                                   ActionStatus::kDropped};
const char* ActionStatusName(ActionStatus s);  // open | done | dropped
std::optional<ActionStatus> ParseActionStatus(std::string_view s);

// One agreed action: "Lead the design review of the billing migration", for the competency
// "technical-leadership", towards the level "ic/E4", due 2027-03-31.
struct PlanAction {
  std::string id;
  std::string person;
  std::string title;
  std::string competency;  // a competency id of the person's framework, or ""
  std::string target;      // the level it works towards, "track/level", or ""
  Date due;
  ActionStatus status = ActionStatus::kOpen;
  std::string note;
  std::string agreed_by;  // the person who set it down with them (their manager, or themself)
  Date agreed;            // the day it was agreed
  Date closed;            // the day it was done or dropped; empty while open
  std::string closed_by;  // who marked it so
  friend bool operator==(const PlanAction&, const PlanAction&) = default;

  // Open and due before `today`.
  bool Overdue(Date today) const {
    return status == ActionStatus::kOpen && !due.empty() && due < today;
  }
};

// A conversation about growth, written down: the person's view, the manager's view, and the
// outcome (what was agreed). `held_by` wrote it down.
struct CheckIn {
  std::string id;
  std::string person;
  Date date;
  std::string held_by;
  std::string self_view;
  std::string manager_view;
  std::string outcome;
  Date next;  // the next check-in agreed, or empty
  friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

inline constexpr size_t kMaxPlanTitle = 300;
inline constexpr size_t kMaxPlanText = 8000;

// Field errors name "plan_action.<field>" and "checkin.<field>".
std::vector<Error> ValidatePlanAction(const PlanAction& a);
std::vector<Error> ValidateCheckIn(const CheckIn& c);

}  // namespace ladder::model
