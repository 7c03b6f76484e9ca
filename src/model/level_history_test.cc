#include "model/level_history.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

Assignment Period(std::string id, std::string level, Date from, Date to = {}) {
  Assignment a;
  a.id = std::move(id);
  a.person = "p1";
  a.framework = "eng";
  a.version = "1";
  a.track = "ic";
  a.level = std::move(level);
  a.from = from;
  a.to = to;
  return a;
}

TEST(LevelHistory, APeriodStartsAndEndsAfterItsStart) {
  EXPECT_TRUE(CheckPeriod(Period("a", "IC1", Date(2024, 1, 1))));
  EXPECT_TRUE(CheckPeriod(Period("a", "IC1", Date(2024, 1, 1), Date(2024, 1, 2))));
  Status no_start = CheckPeriod(Period("a", "IC1", Date()), "assignments[3]");
  ASSERT_FALSE(no_start);
  EXPECT_EQ(no_start.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_start.error().field, "assignments[3].from");
  Status backwards = CheckPeriod(Period("a", "IC1", Date(2024, 1, 1), Date(2024, 1, 1)));
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().field, "assignment.to");
  EXPECT_EQ(backwards.error().message,
            "assignment ends (2024-01-01) before it starts (2024-01-01)");
}

TEST(LevelHistory, AnEnteringPeriodEndsTheOpenOnesThatStartedBefore) {
  std::vector<Assignment> history = {Period("a", "IC1", Date(2022, 1, 1))};
  std::vector<std::size_t> ended = EnterPeriod(history, Period("b", "IC2", Date(2023, 6, 1)));
  ASSERT_EQ(ended, std::vector<std::size_t>{0});
  EXPECT_EQ(history[0].to, Date(2023, 6, 1));
  EXPECT_TRUE(history[1].to.empty());
  EXPECT_TRUE(CheckNoOverlap(history));
  // An open period entering before a later one ends nothing and overlaps it.
  ended = EnterPeriod(history, Period("c", "IC1", Date(2021, 1, 1)));
  EXPECT_TRUE(ended.empty());
  Status overlap = CheckNoOverlap(history);
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, ErrorCode::kConflict);
  EXPECT_EQ(overlap.error().message,
            "assignment of p1 from 2022-01-01 overlaps the period from 2021-01-01 (c)");
}

TEST(LevelHistory, AWholeHistoryEntersInOrderOfStart) {
  std::vector<Assignment> history = {Period("c", "IC3", Date(2024, 1, 1)),
                                     Period("a", "IC1", Date(2020, 1, 1)),
                                     Period("b", "IC2", Date(2022, 1, 1), Date(2023, 1, 1))};
  ArrangeHistory(history);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].id, "a");
  EXPECT_EQ(history[0].to, Date(2022, 1, 1));  // ended where b starts
  EXPECT_EQ(history[1].to, Date(2023, 1, 1));  // b keeps its own end
  EXPECT_TRUE(history[2].to.empty());
  EXPECT_TRUE(CheckNoOverlap(history));
  EXPECT_TRUE(ValidateAssignments(history).empty());
}

TEST(LevelHistory, TwoPeriodsStartingTogetherOverlap) {
  std::vector<Assignment> history = {Period("a", "IC1", Date(2020, 1, 1)),
                                     Period("b", "IC2", Date(2020, 1, 1))};
  ArrangeHistory(history);
  std::vector<Overlap> overlaps = FindOverlaps(history);
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(history[overlaps[0].earlier].id, "a");  // same day: the order given
  EXPECT_EQ(history[overlaps[0].later].id, "b");
}

TEST(LevelHistory, PeriodsMayTouchButNotOverlap) {
  std::vector<Assignment> history = {
      Period("a", "IC1", Date(2024, 1, 1), Date(2025, 6, 1)),
      Period("b", "IC2", Date(2025, 6, 1)),
  };
  EXPECT_TRUE(FindOverlaps(history).empty());
  history[1].from = Date(2025, 5, 1);
  ASSERT_EQ(FindOverlaps(history).size(), 1u);
}

TEST(LevelHistory, ValidationReportsEveryViolation) {
  Framework fw;
  fw.id = "eng";
  Track ic{"ic", "IC", TrackKind::kIc, "", {}, {}};
  Level l1;
  l1.code = "IC1";
  ic.levels = {l1};
  fw.tracks = {ic};
  std::vector<Assignment> history = {
      Period("a", "IC1", Date(2024, 1, 1), Date(2025, 6, 1)),
      Period("b", "IC1", Date(2025, 5, 1)),
  };
  std::vector<Error> errors = ValidateAssignments(history, &fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kConflict);
  EXPECT_EQ(errors[0].field, "assignments.p1@2025-05-01");
  history[1].from = Date(2025, 6, 1);
  history[1].level = "IC9";
  history[0].to = Date(2023, 1, 1);
  errors = ValidateAssignments(history, &fw);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "assignments.p1@2024-01-01.to");
  EXPECT_EQ(errors[1].code, ErrorCode::kNotFound);
  EXPECT_EQ(errors[1].field, "assignments.p1@2025-06-01.level");
}

}  // namespace
}  // namespace ladder::model
