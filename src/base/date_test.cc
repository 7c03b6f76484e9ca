#include "base/date.h"

#include <gtest/gtest.h>

namespace ladder {
namespace {

TEST(Date, ParsesStrictly) {
  EXPECT_EQ(Date::Parse("2027-03-01")->ToString(), "2027-03-01");
  EXPECT_FALSE(Date::Parse("2027-3-1"));
  EXPECT_FALSE(Date::Parse("2027-02-30"));
  EXPECT_FALSE(Date::Parse("01/03/2027"));
  Result<Date> bad = Date::Parse("tomorrow");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("'tomorrow'"), std::string::npos);
  EXPECT_NE(bad.error().message.find("YYYY-MM-DD"), std::string::npos);
}

TEST(Date, MonthArithmeticClampsTheDay) {
  EXPECT_EQ(Date(2026, 1, 31).AddMonths(1), Date(2026, 2, 28));
  EXPECT_EQ(Date(2024, 1, 31).AddMonths(1), Date(2024, 2, 29));
  EXPECT_EQ(Date(2026, 11, 15).AddMonths(3), Date(2027, 2, 15));
  EXPECT_EQ(Date(2026, 3, 15).AddMonths(-3), Date(2025, 12, 15));
}

TEST(Date, WholeMonths) {
  EXPECT_EQ(WholeMonthsBetween(Date(2026, 1, 5), Date(2026, 12, 4)), 10);
  EXPECT_EQ(WholeMonthsBetween(Date(2026, 1, 5), Date(2026, 12, 5)), 11);
  EXPECT_EQ(WholeMonthsBetween(Date(2026, 1, 5), Date(2025, 12, 5)), 0);
}

TEST(Date, EpochRoundTrip) {
  for (long d : {-1000L, 0L, 1L, 20000L, 30000L}) {
    EXPECT_EQ(Date::FromDaysSinceEpoch(d).DaysSinceEpoch(), d);
  }
  EXPECT_EQ(Date(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(DaysBetween(Date(2026, 2, 27), Date(2026, 3, 1)), 2);
}

TEST(Timestamps, AddSecondsAcrossDaysAndYears) {
  EXPECT_EQ(IsoPlusSeconds("2026-12-31T23:30:00.250Z", 3600), "2027-01-01T00:30:00.250Z");
  EXPECT_EQ(NowIso().size(), 24u);
  EXPECT_EQ(IsoPlusSeconds("not a time", 5), "not a time");
}

}  // namespace
}  // namespace ladder
