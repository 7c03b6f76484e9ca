#include "base/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace ladder {
namespace {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool Date::IsValid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&]() {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "'" + std::string(text) + "' is not a date; expected YYYY-MM-DD, e.g. 2027-03-01");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  int index = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++index;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return bad();
    parts[index] = parts[index] * 10 + (text[i] - '0');
  }
  if (!IsValid(parts[0], parts[1], parts[2])) return bad();
  return Date(parts[0], parts[1], parts[2]);
}

std::string Date::ToString() const {
  if (empty()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

// Howard Hinnant's days_from_civil.
long Date::DaysSinceEpoch() const {
  int y = year_ - (month_ <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>((month_ + 9) % 12);
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day_) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::FromDaysSinceEpoch(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d));
}

Date Date::AddDays(long days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }

Date Date::AddMonths(int months) const {
  int total = year_ * 12 + (month_ - 1) + months;
  int y = total / 12;
  int m = total % 12 + 1;
  int d = day_ > DaysInMonth(y, m) ? DaysInMonth(y, m) : day_;
  return Date(y, m, d);
}

int WholeMonthsBetween(Date from, Date to) {
  if (to < from) return 0;
  int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
  while (months > 0 && from.AddMonths(months) > to) --months;
  return months;
}

long DaysBetween(Date from, Date to) { return to.DaysSinceEpoch() - from.DaysSinceEpoch(); }

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

std::string IsoPlusSeconds(std::string_view iso, long long seconds) {
  std::tm tm{};
  int ms = 0;
  std::string s(iso);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) < 6)
    return s;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t t = timegm(&tm) + static_cast<std::time_t>(seconds);
  std::tm out{};
  gmtime_r(&t, &out);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", out.tm_year + 1900,
                out.tm_mon + 1, out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec, ms);
  return buf;
}

}  // namespace ladder
