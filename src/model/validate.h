// The invariants of a framework and of a person's records, checked in one place.
//
// Framework invariants (each broken one is reported with the Origin of the offending value):
//  1. ids are non-empty and unique: competencies, groups, tracks, overlays, roles; level codes
//     within their track;
//  2. level ranks are strictly increasing within a track;
//  3. every reference resolves: group -> competency, expectation -> competency, level
//     `inherits` -> level, overlay `levels` -> level, transition -> track, rule level -> level;
//  4. a competency belongs to at most one group.
// Pure; thread-safe.
#pragma once

#include <vector>

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::model {

// Every violation, in document order; empty when the framework is valid.
std::vector<Error> ValidateFramework(const Framework& framework);

// The first violation as a Status (for callers that stop at the first problem).
Status CheckFramework(const Framework& framework);

// A person's assignment history: periods do not overlap, `from` < `to` when `to` is set, and
// each assignment's track and level exist in `framework` (when given).
std::vector<Error> ValidateAssignments(const std::vector<Assignment>& history,
                                       const Framework* framework = nullptr);

}  // namespace ladder::model
