// A requirement's rule on one line, exactly as the canonical YAML writes it after `rule:`
// (docs/format.md, "requirements and rules"): WriteYaml writes rules through this function, and
// lint messages, diffs and exports quote it, so a rule reads the same everywhere.
//   manual
//   {time_at_level: {level: "1", months: 12}}
//   {evidence_count: {kind: talk, count: 3}}
//   {peer_review: passed}
// Written from the table of kinds (model/rule.h): parameters in their order, optional ones
// left out at their default, scalars quoted as WriteYaml quotes them inside `{...}`.
// Pure and thread-safe.
#pragma once

#include <string>

#include "model/rule.h"

namespace ladder::formats {

std::string RuleText(const model::Rule& rule);

}  // namespace ladder::formats
