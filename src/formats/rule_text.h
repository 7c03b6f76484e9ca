// A requirement's rule written the way the canonical format writes it inline (docs/format.md,
// "Rules"), for exports, diffs and messages:
//   manual
//   {time_at_level: {level: "1", months: 12}}
//   {evidence_count: {kind: talk, count: 3}}
// Optional fields at their default (no level, within_months 0, no skill) are left out.
// Pure and thread-safe.
#pragma once

#include <string>

#include "model/rule.h"

namespace ladder::formats {

std::string RuleText(const model::Rule& rule);

}  // namespace ladder::formats
