#include "rules/consensus.h"

#include <algorithm>

namespace ladder::rules {

const char* ConsensusStateName(ConsensusState s) {
  switch (s) {
    case ConsensusState::kNoPanel:
      return "no_panel";
    case ConsensusState::kPending:
      return "pending";
    case ConsensusState::kPassed:
      return "passed";
    case ConsensusState::kFailed:
      return "failed";
  }
  return "?";
}

Consensus ConsensusOf(const model::Case& review, model::ConsensusRule rule, Date at) {
  Consensus c;
  c.panel = static_cast<int>(review.panel.size());
  if (c.panel == 0) return c;
  for (const std::string& member : review.panel) {
    const model::Vote* latest = nullptr;
    for (const model::Vote& v : review.votes) {
      if (v.reviewer != member) continue;
      if (!at.empty() && !v.date.empty() && v.date > at) continue;
      latest = &v;  // votes are kept in the order cast; the last one counts
    }
    if (!latest) {
      ++c.pending;
    } else if (latest->choice == model::VoteChoice::kFor) {
      ++c.votes_for;
    } else if (latest->choice == model::VoteChoice::kAgainst) {
      ++c.against;
    } else {
      ++c.abstain;
    }
  }
  if (rule == model::ConsensusRule::kUnanimous) {
    if (c.against > 0) {
      c.state = ConsensusState::kFailed;
    } else if (c.pending == 0) {
      c.state = c.votes_for > 0 ? ConsensusState::kPassed : ConsensusState::kFailed;
    } else {
      c.state = ConsensusState::kPending;
    }
  } else {
    if (2 * c.votes_for > c.panel) {
      c.state = ConsensusState::kPassed;
    } else if (2 * (c.votes_for + c.pending) <= c.panel) {
      c.state = ConsensusState::kFailed;
    } else {
      c.state = ConsensusState::kPending;
    }
  }
  return c;
}

std::string Consensus::Describe(model::ConsensusRule rule) const {
  if (state == ConsensusState::kNoPanel) return "no panel named yet";
  std::string out = std::to_string(panel - pending) + " of " + std::to_string(panel) +
                    " panel members voted (" + std::to_string(votes_for) + " for, " +
                    std::to_string(against) + " against, " + std::to_string(abstain) +
                    " abstaining); ";
  const char* how = rule == model::ConsensusRule::kUnanimous ? "unanimous" : "majority";
  switch (state) {
    case ConsensusState::kPassed:
      return out + how + " consensus reached";
    case ConsensusState::kFailed:
      return out + "no " + how + " consensus";
    default:
      return out + how + " consensus still open";
  }
}

}  // namespace ladder::rules
