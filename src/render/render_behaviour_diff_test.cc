#include "render/behaviour_diff.h"

#include <gtest/gtest.h>

namespace ladder::render {
namespace {

using K = WordPiece::Kind;

TEST(WordDiff, MarksInsertedAndRemovedWords) {
  std::vector<WordPiece> d =
      WordDiff("Delivers small tasks on time", "Delivers large tasks on time");
  std::vector<WordPiece> want = {{K::kSame, "Delivers"},
                                 {K::kRemoved, "small"},
                                 {K::kAdded, "large"},
                                 {K::kSame, "tasks on time"}};
  EXPECT_EQ(d, want);
}

TEST(DiffBehaviours, SeparatesSameRewordedAddedAndRemoved) {
  std::vector<BehaviourChange> d =
      DiffBehaviours({"Writes tests", "Reviews code of the team", "Answers tickets"},
                     {"Reviews code of the whole team", "Writes tests", "Leads incidents"});
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].change, Change::kChanged);
  EXPECT_EQ(d[0].before, "Reviews code of the team");
  EXPECT_EQ(d[1].change, Change::kSame);
  EXPECT_EQ(d[2].change, Change::kAdded);
  EXPECT_EQ(d[2].after, "Leads incidents");
  EXPECT_EQ(d[3].change, Change::kRemoved);
  EXPECT_EQ(d[3].before, "Answers tickets");
}

TEST(DiffBehaviours, WhiteSpaceDoesNotCountAsAChange) {
  std::vector<BehaviourChange> d = DiffBehaviours({"Writes  tests\n"}, {"Writes tests"});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].change, Change::kSame);
}

}  // namespace
}  // namespace ladder::render
