// Review cycles' values: the order of phases, names, and the invariants ValidateCycle checks.
#include "model/cycle.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

Cycle Valid() {
  Cycle c;
  c.id = "h1";
  c.name = "2027 H1";
  c.frameworks = {"eng"};
  c.evaluation = Date(2027, 1, 1);
  Date d(2027, 1, 15);
  for (CyclePhase p : kCyclePhases) {
    c.phases.push_back({p, d});
    d = d.AddDays(7);
  }
  return c;
}

std::vector<std::string> Fields(const Cycle& c) {
  std::vector<std::string> out;
  for (const Error& e : ValidateCycle(c)) out.push_back(e.field);
  return out;
}

TEST(CyclePhases, GoInOrderAndEndWithCommunicated) {
  EXPECT_EQ(NextPhase(CyclePhase::kNominations), CyclePhase::kSelfReview);
  EXPECT_EQ(NextPhase(CyclePhase::kDecisions), CyclePhase::kCommunicated);
  EXPECT_EQ(NextPhase(CyclePhase::kCommunicated), std::nullopt);
  for (CyclePhase p : kCyclePhases) EXPECT_EQ(ParseCyclePhase(CyclePhaseName(p)), p);
  EXPECT_EQ(ParseCyclePhase("calibrate"), std::nullopt);
  for (Readiness r :
       {Readiness::kEligible, Readiness::kClose, Readiness::kBlocked, Readiness::kNoTarget})
    EXPECT_EQ(ParseReadiness(ReadinessName(r)), r);
}

TEST(ValidateCycle, AcceptsACompleteCycle) {
  EXPECT_TRUE(ValidateCycle(Valid()).empty());
  EXPECT_EQ(Valid().DeadlineOf(CyclePhase::kPanels), Date(2027, 2, 5));
}

TEST(ValidateCycle, NamesEachMissingOrWrongField) {
  Cycle c = Valid();
  c.id.clear();
  c.name.clear();
  c.frameworks.clear();
  c.evaluation = {};
  c.close_days = 731;
  EXPECT_EQ(Fields(c), (std::vector<std::string>{"cycle.id", "cycle.name", "cycle.frameworks",
                                                 "cycle.evaluation", "cycle.close_days"}));
}

TEST(ValidateCycle, EveryPhaseOnceInOrderWithDeadlinesThatNeverGoBack) {
  Cycle missing = Valid();
  missing.phases.pop_back();
  EXPECT_EQ(Fields(missing), (std::vector<std::string>{"cycle.phases"}));
  Cycle swapped = Valid();
  std::swap(swapped.phases[3].phase, swapped.phases[4].phase);
  EXPECT_EQ(Fields(swapped),
            (std::vector<std::string>{"cycle.phases[3].phase", "cycle.phases[4].phase"}));
  Cycle back = Valid();
  back.phases[2].deadline = Date(2027, 1, 1);
  std::vector<Error> errors = ValidateCycle(back);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "cycle.phases[2].deadline");
  EXPECT_EQ(errors[0].message,
            "the manager_review deadline 2027-01-01 is before the self_review deadline "
            "2027-01-22");
  Cycle same_day = Valid();
  same_day.phases[1].deadline = same_day.phases[0].deadline;
  EXPECT_TRUE(ValidateCycle(same_day).empty());
}

TEST(ValidateCycle, AClosedCycleSaysWhenItClosed) {
  Cycle c = Valid();
  c.status = CycleStatus::kClosed;
  EXPECT_EQ(Fields(c), (std::vector<std::string>{"cycle.closed"}));
  c.closed = Date(2027, 4, 1);
  EXPECT_TRUE(ValidateCycle(c).empty());
}

}  // namespace
}  // namespace ladder::model
