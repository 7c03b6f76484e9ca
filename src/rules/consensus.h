// The consensus of an advancement review's peer-review panel (004: "the peer group will review
// this portfolio ... and come to a consensus").
//
//   unanimous: passed when every panel member has voted, nobody against and at least one for
//              (abstentions allowed); failed as soon as one member votes against.
//   majority:  passed when more than half of the panel voted for; failed once that can no
//              longer happen (for + not yet voted <= half of the panel).
// Votes by people who are not on the panel are ignored; a member's latest vote counts.
// Pure and thread-safe.
#pragma once

#include <string>

#include "base/date.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::rules {

enum class ConsensusState { kNoPanel, kPending, kPassed, kFailed };
const char* ConsensusStateName(ConsensusState s);  // no_panel | pending | passed | failed

struct Consensus {
  ConsensusState state = ConsensusState::kNoPanel;
  int panel = 0;
  int votes_for = 0;
  int against = 0;
  int abstain = 0;
  int pending = 0;  // panel members without a vote
  // "3 of 3 panel members voted for; unanimous consensus reached"
  std::string Describe(model::ConsensusRule rule) const;
};

// The panel's consensus from the votes cast on or before `at` (an empty `at`: every vote).
Consensus ConsensusOf(const model::Case& review, model::ConsensusRule rule, Date at = {});

}  // namespace ladder::rules
