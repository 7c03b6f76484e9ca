// Words for people: how the pages say a count, a stored name and a stored moment, so that no
// page shows "1 levels", "peer_review" or "2026-12-07T14:03:09.123Z". Every page of the site and
// of the app says them through these functions.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ladder::render {

// The count with the noun that agrees with it: Count(1, "level", "levels") is "1 level",
// Count(0, ...) and Count(3, ...) "0 levels" and "3 levels".
std::string Count(size_t n, std::string_view one, std::string_view many);

// A stored word as people write it: "peer_review" -> "peer review", "not_promoted" ->
// "not promoted".
std::string Words(std::string_view name);

// A stored timestamp (ISO-8601 UTC, base/date.h NowIso: "2026-12-07T14:03:09.123Z") as people
// read it, to the minute: "2026-12-07 14:03". Text of any other form is returned unchanged.
std::string Moment(std::string_view iso);
// Its day alone, where the time of day does not matter: "2026-12-07".
std::string Day(std::string_view iso);

}  // namespace ladder::render
