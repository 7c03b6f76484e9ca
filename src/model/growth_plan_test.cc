// The invariants of growth-plan actions and check-ins (model/growth_plan.h), each broken once.
#include "model/growth_plan.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

PlanAction Valid() {
  PlanAction a;
  a.person = "p";
  a.title = "Lead a design review";
  a.due = Date(2027, 3, 31);
  a.agreed = Date(2026, 12, 1);
  return a;
}

std::vector<std::string> Fields(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field);
  return out;
}

TEST(GrowthPlan, StatusesReadAndWriteByName) {
  for (ActionStatus s : kActionStatuses) EXPECT_EQ(ParseActionStatus(ActionStatusName(s)), s);
  EXPECT_EQ(ParseActionStatus("finished"), std::nullopt);
  EXPECT_EQ(ParseActionStatus(""), std::nullopt);
}

TEST(GrowthPlan, AValidActionHasNoFindings) { EXPECT_TRUE(ValidatePlanAction(Valid()).empty()); }

TEST(GrowthPlan, EachBrokenRuleNamesItsField) {
  PlanAction a = Valid();
  a.title.clear();
  EXPECT_EQ(Fields(ValidatePlanAction(a)), std::vector<std::string>{"plan_action.title"});
  a = Valid();
  a.title.assign(kMaxPlanTitle + 1, 'x');
  EXPECT_EQ(Fields(ValidatePlanAction(a)), std::vector<std::string>{"plan_action.title"});
  a = Valid();
  a.due = Date(2026, 11, 30);  // before the day it was agreed
  auto early = ValidatePlanAction(a);
  ASSERT_EQ(Fields(early), std::vector<std::string>{"plan_action.due"});
  EXPECT_NE(early[0].message.find("2026-11-30"), std::string::npos);
  a = Valid();
  a.status = ActionStatus::kDone;  // done without the day it was done
  EXPECT_EQ(Fields(ValidatePlanAction(a)), std::vector<std::string>{"plan_action.closed"});
  a.closed = Date(2026, 11, 1);  // before it was agreed
  EXPECT_EQ(Fields(ValidatePlanAction(a)), std::vector<std::string>{"plan_action.closed"});
  a.closed = Date(2027, 1, 10);
  EXPECT_TRUE(ValidatePlanAction(a).empty());
  a.status = ActionStatus::kOpen;  // open, but with a closing day
  EXPECT_EQ(Fields(ValidatePlanAction(a)), std::vector<std::string>{"plan_action.closed"});
}

TEST(GrowthPlan, OverdueIsOpenAndPastItsDueDay) {
  PlanAction a = Valid();
  EXPECT_FALSE(a.Overdue(Date(2027, 3, 31)));  // due today is not late
  EXPECT_TRUE(a.Overdue(Date(2027, 4, 1)));
  a.status = ActionStatus::kDone;
  a.closed = Date(2027, 4, 2);
  EXPECT_FALSE(a.Overdue(Date(2027, 5, 1)));
}

TEST(GrowthPlan, ACheckInRecordsSomethingAndLooksForward) {
  CheckIn c{"", "p", Date(2026, 12, 1), "m", "", "", "", {}};
  EXPECT_EQ(Fields(ValidateCheckIn(c)), std::vector<std::string>{"checkin.outcome"});
  c.self_view = "I want to lead";
  EXPECT_TRUE(ValidateCheckIn(c).empty());
  c.next = Date(2026, 12, 1);  // the next check-in is after this one
  EXPECT_EQ(Fields(ValidateCheckIn(c)), std::vector<std::string>{"checkin.next"});
  c.next = Date(2027, 1, 5);
  c.date = Date();
  EXPECT_EQ(Fields(ValidateCheckIn(c)), std::vector<std::string>{"checkin.date"});
}

}  // namespace
}  // namespace ladder::model
