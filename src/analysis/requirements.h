// Requirement recognition (docs/rules.md): turns requirement, checkpoint and policy sentences
// into typed rules where one fits, and never drops or invents one.
//
//   "1 year at Level 1"                        -> {time_at_level: {level: "1", months: 12}}
//   "Presented 3+ times in technical talks"    -> {evidence_count: {kind: talk, count: 3}}
//   "Something no rule fits"                   -> manual
// Pure and thread-safe.
#pragma once

#include <string>
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

// Whose requirement a sentence is: a level's ({track, code}), an overlay's ({"", "", id}), a
// transition's ({destination track}) or the policy's ({}). The owner's name may be the
// subject of the sentence ("Team leads need to have 1 year at IC3"), and level references
// resolve on its track.
struct RequirementOwner {
  std::string track;
  std::string level;
  std::string overlay;
};

// What recognition makes of one requirement of `framework`: a typed requirement unchanged;
// else its parts, each with its rule, when its text splits into requirements of which at least
// one is typed; else the requirement with the rule its whole sentence states in the framework
// (ManualRule when none, or when a level it names is not in the framework).
// RecognizeRequirements applies this to every requirement; lint reports what it would change.
std::vector<model::Requirement> RecognizeRequirement(const model::Framework& framework,
                                                     const model::Requirement& requirement,
                                                     const RequirementOwner& owner);

// Fills in the rule of every requirement of `framework` (levels, overlays, transitions,
// policy) that is still ManualRule and whose sentence states a recognisable rule; and adds to
// `framework.policy` the promotion rules stated in its prose notes (e.g. "at least 12 months
// of consistent high performance at your current level", "Promotions are approved by the VP
// of Engineering"), each keeping its sentence. A documented need stated in a note goes to the
// roles the sentence names ("Management roles will only be considered when there is a
// documented need": the management track's levels, or an overlay), to the policy only when it
// speaks of every promotion, and nowhere when it names no role (its note keeps it).
// Idempotent: running it twice changes nothing more.
void RecognizeRequirements(model::Framework& framework);

}  // namespace ladder::analysis
