#include "render/words.h"

#include <gtest/gtest.h>

namespace ladder::render {
namespace {

TEST(Words, CountAgreesWithOneAndMany) {
  EXPECT_EQ(Count(1, "level", "levels"), "1 level");
  EXPECT_EQ(Count(0, "level", "levels"), "0 levels");
  EXPECT_EQ(Count(2, "level", "levels"), "2 levels");
  EXPECT_EQ(Count(1, "person", "people"), "1 person");
  EXPECT_EQ(Count(11, "entry", "entries"), "11 entries");
}

TEST(Words, StoredNamesReadAsWords) {
  EXPECT_EQ(Words("peer_review"), "peer review");
  EXPECT_EQ(Words("not_promoted"), "not promoted");
  EXPECT_EQ(Words("open"), "open");
}

TEST(Words, TimestampsReadToTheMinuteOrTheDay) {
  EXPECT_EQ(Moment("2026-12-07T14:03:09.123Z"), "2026-12-07 14:03");
  EXPECT_EQ(Day("2026-12-07T14:03:09.123Z"), "2026-12-07");
  // Anything else is shown as it is, never cut.
  EXPECT_EQ(Moment("2026-12-07"), "2026-12-07");
  EXPECT_EQ(Day(""), "");
  EXPECT_EQ(Moment("not a timestamp at all"), "not a timestamp at all");
}

}  // namespace
}  // namespace ladder::render
