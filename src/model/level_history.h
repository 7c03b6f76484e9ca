// The rules of a person's level history: the periods [from, to) in which they held a level
// (model::Assignment). Every writer of level history applies them through these functions and
// nowhere else: the store (adding, changing and bulk-writing periods, loading a dump), the people
// import (which reports them per CSV row) and, through the store, decisions of the review
// process and the HTTP API.
//
// The rules:
//  1. a period has a start date, and an end, when it has one, after its start;
//  2. the periods of one person do not overlap (one may end on the day the next starts);
//  3. a period entering the history ends, on the day it starts, every open period (one without
//     an end) that started before it. A whole history written at once enters in order of start.
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::model {

// Rule 1 for one period: kInvalidArgument naming `field`.from or `field`.to.
Status CheckPeriod(const Assignment& period, std::string_view field = "assignment");

// Rule 3: adds `period` to `history` (one person's periods, in any order) and ends the open
// periods that started before it. Returns the positions in `history` of the periods it ended
// (their `to` is now period.from).
std::vector<std::size_t> EnterPeriod(std::vector<Assignment>& history, const Assignment& period);

// Rule 3 for a whole history written at once (an import): sorts `history` by start, keeping the
// order of periods that start on the same day, and lets each period enter in turn.
void ArrangeHistory(std::vector<Assignment>& history);

// Rule 2: two periods of one history that overlap, as positions into it; `earlier` starts first
// (or on the same day and comes first in the history).
struct Overlap {
  std::size_t earlier = 0;
  std::size_t later = 0;
};
// Every overlap between periods that follow each other in order of start.
std::vector<Overlap> FindOverlaps(const std::vector<Assignment>& history);
// Rule 2 as a Status: kConflict for the first overlap ("assignment of e1 from 2022-06-01
// overlaps the period from 2022-01-01 (as-1)").
Status CheckNoOverlap(const std::vector<Assignment>& history);
// The error CheckNoOverlap returns for one overlap.
Error OverlapError(const Assignment& earlier, const Assignment& later);

// Rules 1 and 2 over one person's history, every violation ("assignments.e1@2024-01-01.to");
// with `framework`, also that each period's track and level exist in it (kNotFound).
std::vector<Error> ValidateAssignments(const std::vector<Assignment>& history,
                                       const Framework* framework = nullptr);

}  // namespace ladder::model
