// Requirement recognition (DESIGN.md §4): turns requirement, checkpoint and policy sentences
// into typed rules where one fits, and never drops or invents one.
//
//   "1 year at Level 1"                        -> {time_at_level: {level: "1", months: 12}}
//   "Presented 3+ times in technical talks"    -> {evidence_count: {kind: talk, count: 3}}
//   "Something no rule fits"                   -> manual
// Pure and thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "model/framework.h"

namespace ladder::analysis {

// The rule a sentence states, or ManualRule when none fits.
model::Rule RecognizeRule(std::string_view sentence);

// Splits a sentence that states several requirements ("1 year at Level 1, SME in at least two
// core skillsets, successful peer review") into one requirement each; a single one is returned
// as is.
std::vector<std::string> SplitRequirements(std::string_view text);

// Fills in the rule of every requirement of `framework` (levels, overlays, transitions,
// policy) that is still ManualRule and whose sentence states a recognisable rule; and adds to
// `framework.policy` the promotion rules stated in its prose notes (e.g. "at least 12 months
// of consistent high performance at your current level"), each keeping its sentence.
// Idempotent: running it twice changes nothing more.
void RecognizeRequirements(model::Framework& framework);

}  // namespace ladder::analysis
