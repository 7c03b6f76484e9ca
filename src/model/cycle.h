// Review cycles (docs/cycles.md): a dated season of promotions across the people of some
// frameworks. A cycle has phases with deadlines, an evaluation date and a window of "close";
// when it opens it takes a snapshot of everyone in scope (eligible, close or blocked, with the
// reasons), managers nominate and people nominate themselves while nominations are open, cases
// belong to it, and when it closes it keeps an immutable record of its candidates and their
// outcomes. Plain values and their invariants; no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"

namespace ladder::model {

// The phases of a cycle, in the order a cycle goes through them.
enum class CyclePhase {
  kNominations,
  kSelfReview,
  kManagerReview,
  kPanels,
  kCalibration,
  kDecisions,
  kCommunicated,
};
inline constexpr CyclePhase kCyclePhases[] = {CyclePhase::kNominations,   CyclePhase::kSelfReview,
                                              CyclePhase::kManagerReview, CyclePhase::kPanels,
                                              CyclePhase::kCalibration,   CyclePhase::kDecisions,
                                              CyclePhase::kCommunicated};

// nominations | self_review | manager_review | panels | calibration | decisions | communicated
const char* CyclePhaseName(CyclePhase p);
std::optional<CyclePhase> ParseCyclePhase(std::string_view s);
// "Self-review", "Manager review", ...: for pages.
const char* CyclePhaseTitle(CyclePhase p);
// The phase after `p`, or nullopt after the last.
std::optional<CyclePhase> NextPhase(CyclePhase p);

// Where a person stands for their next level on the cycle's evaluation date.
// What the review of the cycle settles (a peer review, a checkpoint awaiting its sign-off) does
// not hold anyone back: it is what the cycle is for.
enum class Readiness {
  kEligible,  // every requirement met, but what the review settles
  kClose,     // only time is missing, and its earliest date is within the window of "close"
  kBlocked,   // something other than time is missing, or time beyond the window
  kNoTarget,  // no next level (the top of a track, or no level on the evaluation date)
};
const char* ReadinessName(Readiness r);  // eligible | close | blocked | no_target
std::optional<Readiness> ParseReadiness(std::string_view s);

enum class CycleStatus { kOpen, kClosed };
const char* CycleStatusName(CycleStatus s);  // open | closed
std::optional<CycleStatus> ParseCycleStatus(std::string_view s);

struct PhaseDeadline {
  CyclePhase phase = CyclePhase::kNominations;
  Date deadline;  // the last day of the phase
  friend bool operator==(const PhaseDeadline&, const PhaseDeadline&) = default;
};

// A committee's note on the cycle, or on one candidate (`person`).
struct CycleNote {
  Date date;
  std::string by;      // person id, or the account when it has none
  std::string person;  // "" for a note on the whole cycle
  std::string text;
  friend bool operator==(const CycleNote&, const CycleNote&) = default;
};

struct CycleEvent {
  Date date;
  std::string actor;
  std::string what;  // "opened", "moved to self_review", "closed", ...
  friend bool operator==(const CycleEvent&, const CycleEvent&) = default;
};

struct Cycle {
  std::string id;
  std::string name;                     // "2027 H1"
  std::vector<std::string> frameworks;  // framework ids in scope
  std::string manager;  // scope: this person's whole organisation; "" everyone in the frameworks
  Date evaluation;      // the date eligibility is evaluated on
  int close_days = 90;  // "close": the earliest date within this many days of `evaluation`
  std::vector<PhaseDeadline> phases;  // every phase, in order, deadlines ascending
  CyclePhase phase = CyclePhase::kNominations;
  CycleStatus status = CycleStatus::kOpen;
  std::string opened_by;
  Date opened;
  std::string closed_by;
  Date closed;
  std::vector<CycleNote> notes;
  std::vector<CycleEvent> history;

  // The deadline of `p` (empty when the cycle has none for it).
  Date DeadlineOf(CyclePhase p) const;
  friend bool operator==(const Cycle&, const Cycle&) = default;
};

// One person in a cycle: the snapshot taken when the cycle opened (their level, their next
// level, readiness with its reasons), their nomination, and, once the cycle closed, the outcome
// of their case.
struct Candidate {
  std::string cycle;
  std::string person;
  std::string name;     // as on the day of the snapshot
  std::string manager;  // person id
  std::string framework;
  std::string version;
  std::string track;
  std::string level;  // level code on the evaluation date
  std::string target_track;
  std::string target_level;  // the next level; "" with kNoTarget
  std::string target_label;  // "L4 Senior Engineer"
  int target_rank = 0;       // the target's rank, for ordering groups
  Readiness readiness = Readiness::kBlocked;
  Date earliest;                     // the earliest date the target's rules can be met
  std::vector<std::string> reasons;  // why not yet, one line per requirement not met
  // A nomination: by whom (the person themself, or a manager above them), when, why.
  std::string nominated_by;
  Date nominated;
  std::string nomination_note;
  // Filled when the cycle closes: the case of the cycle for this person and how it ended.
  std::string case_id;
  std::string outcome;  // promoted | not_promoted | deferred | undecided | "" (no case)
  Date effective;

  bool Nominated() const { return !nominated_by.empty(); }
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

// Checks a cycle's invariants: an id and a name, at least one framework, an evaluation date,
// 0 <= close_days <= 730, every phase exactly once in order with deadlines that never go back,
// a closed cycle with its closing date. Errors name the field ("cycle.phases[2].deadline").
std::vector<Error> ValidateCycle(const Cycle& c);

}  // namespace ladder::model
