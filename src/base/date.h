// Calendar dates (no time of day, no time zone): the unit of every rule about time in Ladder.
// A plain value; thread-safe.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/error.h"

namespace ladder {

class Date {
 public:
  Date() = default;  // 0000-00-00: "no date"
  // REQUIRES: a valid calendar date (use Parse for input).
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  // Parses YYYY-MM-DD strictly; the error names the value and the expected form.
  static Result<Date> Parse(std::string_view text);
  static bool IsValid(int year, int month, int day);

  bool empty() const { return year_ == 0; }
  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  std::string ToString() const;  // YYYY-MM-DD, or "" when empty
  // Days since 1970-01-01 (negative before).
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);

  Date AddDays(long days) const;
  // Adds calendar months; the day is clamped to the month's length (Jan 31 + 1 month = Feb 28).
  Date AddMonths(int months) const;

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

 private:
  int year_ = 0;
  int month_ = 0;
  int day_ = 0;
};

// Whole calendar months from `from` to `to` (0 if to < from): 2026-01-05 .. 2026-12-04 is 10.
int WholeMonthsBetween(Date from, Date to);
long DaysBetween(Date from, Date to);

// Timestamps: ISO-8601 UTC with milliseconds, "2026-12-01T21:03:04.123Z", the form the store
// writes (audit log, sessions). They sort as text in time order.
std::string NowIso();
// `iso` plus `seconds` (same form). REQUIRES: `iso` in the form NowIso returns; anything else
// is returned unchanged.
std::string IsoPlusSeconds(std::string_view iso, long long seconds);

}  // namespace ladder
