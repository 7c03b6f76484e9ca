// The eligibility engine (docs/eligibility.md): evaluates what a target (a level, an overlay role,
// or a level on another track through a transition) asks of a person, against the person's records,
// on a given date, and explains each answer in words.
//
//   Records records = ...;                      // everything stored about one person
//   Target target = Target::Level("ic", "SE2");
//   Result<Verdict> v = Evaluate(framework, target, records, Date(2027, 1, 5));
//   // v->overall: kEligible | kNotYet | kBlocked | kUndefinedTarget | kNothingChecked;
//   // v->requirements[i].status, .reason, .earliest
//
// The evaluation semantics of every rule kind are in docs/eligibility.md. In short: time is
// measured on the calendar from the person's level history; performance from manager
// assessments (self and peer assessments are shown, never counted); evidence, SME sign-offs,
// metrics, peer reviews, documented needs, manual sign-offs and approvals from their records;
// waivers apply by requirement sentence until they expire.
//
// Pure: no I/O, no clock (the caller passes the date). Stateless and thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::rules {

// What an advancement aims at.
struct Target {
  enum class Kind { kLevel, kOverlay };
  Kind kind = Kind::kLevel;
  std::string track;    // kLevel: the target level's track
  std::string level;    // kLevel: the target level's code; empty: the track itself, when the
                        // framework describes none of its levels (its transitions' requirements)
  std::string overlay;  // kOverlay: the overlay role id

  static Target Level(std::string track, std::string level) {
    return Target{Kind::kLevel, std::move(track), std::move(level), {}};
  }
  static Target Overlay(std::string overlay) {
    return Target{Kind::kOverlay, {}, {}, std::move(overlay)};
  }
  friend bool operator==(const Target&, const Target&) = default;
};

// Everything known about one person. Records of other people are ignored (filtered by
// `person` where a record names one), so callers may pass shared lists.
struct Records {
  std::string person;
  std::vector<model::Assignment> assignments;
  std::vector<model::Evidence> evidence;
  std::vector<model::Metric> metrics;
  std::vector<model::Assessment> assessments;
  std::vector<model::SignOff> signoffs;
  std::vector<model::Waiver> waivers;
  std::vector<model::Case> cases;  // the person's advancement reviews
  std::vector<model::Need> needs;  // documented needs of the framework (everyone's)
};

enum class RequirementStatus {
  kMet,
  kNotMet,
  kWaived,
  kUnknown,          // no data to decide on
  kAwaitingSignOff,  // a manual checkpoint or approval nobody has signed off yet
  kSignedOff,
};
const char* RequirementStatusName(RequirementStatus s);  // met | not_met | waived | unknown |
                                                         // awaiting_signoff | signed_off

// True for the statuses that let a person advance: met, waived, signed off.
bool Satisfied(RequirementStatus s);

// One requirement evaluated.
struct RequirementResult {
  std::string text;    // the requirement's sentence
  std::string kind;    // the rule kind (model::RuleKindName) or "overlay_level"
  std::string source;  // where it comes from: "level SE2", "policy", "overlay team-lead",
                       // "transition ic -> management"
  RequirementStatus status = RequirementStatus::kUnknown;
  std::string reason;                // plain words; for a waived requirement, the waiver first
  std::vector<std::string> records;  // ids of the records the answer rests on
  // kUnknown because records stop short of what time alone would have met by now: what data
  // would decide it ("manager assessments covering 2026-03-01 to 2026-03-31"). Explained mode.
  std::string missing;
  Date earliest;  // time-based rules not met yet: the earliest date they can be met; else empty
  // Waivers that name this requirement, in force or not (expired, not yet granted): every
  // verdict a waiver touches shows it.
  std::vector<model::Waiver> waivers;
  // When waived: what the status would be without the waiver.
  std::optional<RequirementStatus> unwaived;
  // consistent_performance of the current level alongside performing_at_next: how the two
  // combine (model::NextLevelReadingName: "overlapping" | "consecutive"); else "".
  std::string reading;
  // Why no waiver covers it on this date under the framework's policy (model::WaiverPolicy:
  // never waived, or a peer review whose panel said no), "" when a waiver may. Explained mode.
  std::string unwaivable;
};

enum class Overall {
  kEligible,  // every requirement met, waived or signed off
  kNotYet,    // only time-based requirements are missing; `earliest` says when (always after
              // the evaluation date: when time alone would have been enough by then, what is
              // missing is data, and the requirement is kUnknown)
  kBlocked,   // something other than time is missing; `blocking` lists it
  // The framework leaves the target level undefined (model::LevelState::kUndefined): nobody is
  // eligible for it, and no requirement is evaluated (`requirements` is empty).
  kUndefinedTarget,
  // The target is defined but no requirement applies to it: nothing was checked. Not
  // "eligible": the rules confirm nothing; a committee's decision is the only check.
  kNothingChecked,
};
const char* OverallName(Overall o);  // eligible | not_yet | blocked | undefined_target |
                                     // nothing_checked

// True for the verdicts under which a case may be decided "promoted": eligible, and nothing
// checked (the committee's decision is then the only check).
bool PermitsPromotion(Overall o);

struct Verdict {
  std::string person;
  std::string framework;
  std::string version;
  Target target;
  std::string target_title;  // "Senior Engineer (ic/L2)", "Team Lead (overlay team-lead)"
  std::string current;       // the level held on `at`: "track/code", or ""
  Date at;
  Overall overall = Overall::kBlocked;
  std::vector<RequirementResult> requirements;
  std::vector<size_t> blocking;  // indexes into requirements (kBlocked only)
  Date earliest;                 // kNotYet: the date every time-based requirement is met
  std::string summary;           // one sentence: "Not yet: earliest on 2027-03-01."
};

// The form in which requirement sentences are compared (waivers, sign-offs): lower case, runs
// of white space collapsed, no final full stop.
std::string NormalizeSentence(std::string_view sentence);

// The assignment in force on `at` in `framework` (from <= at < to, or no `to`), or nullptr.
// With several (overlapping data), the one that started last.
const model::Assignment* CurrentAssignment(const std::vector<model::Assignment>& assignments,
                                           std::string_view framework, Date at);

// Resolves a target written as the CLI takes it, for a person whose current assignment is
// `current` (may be null): "next" (the level after the current one), "track/code", a level
// code (preferring the current track), an overlay id, or the id of a track without levels.
// kNotFound names the value and what exists ("did you mean").
Result<Target> ResolveTarget(const model::Framework& framework, std::string_view text,
                             const model::Assignment* current);

// How much of the answer to build.
struct EvaluateOptions {
  // True (the default): every field of the Verdict, with reasons in words and the records each
  // answer rests on, for showing one person's eligibility.
  // False: for bulk views (a team's or an organisation's readiness). The answers are the same
  // (Verdict::overall, earliest and blocking, and each requirement's text, kind, source, status,
  // unwaived and earliest are exactly those of the explained mode), but no explanation is
  // built: RequirementResult::reason, records and waivers, Verdict::target_title and summary
  // are left empty, and nothing is formatted. A quarter to a half of the cost of the explained
  // mode (docs/performance.md).
  bool explain = true;
};

// A framework version prepared for evaluating many people: what each target asks (its own
// requirements, the transitions into its track, the policy), each rule's parameters resolved
// (levels, the categories each level expects, folded evidence kinds, normalised sentences) and
// the explanations' fixed words, all computed once here rather than once per person.
//
//   rules::Evaluator evaluator(framework);   // once per framework version
//   rules::Verdict v;                         // reused: once it has grown, evaluating
//   for (const Records& person : people) {    // allocates nothing per requirement
//     LADDER_TRY_STATUS(evaluator.EvaluateInto(target, person, at, {.explain = false}, v));
//     ...
//   }
//
// REQUIRES: `framework` outlives the Evaluator and is not modified while it exists.
// Immutable once built; Evaluate and EvaluateInto are thread-safe (each thread keeps its own
// scratch space).
class Evaluator {
 public:
  explicit Evaluator(const model::Framework& framework);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  const model::Framework& framework() const;

  // Evaluates `target` for `records` on `at`. Errors: kNotFound when the target does not exist
  // in the framework; kInvalidArgument when `at` is empty. A person with no level history is
  // evaluated (level-dependent rules answer "unknown").
  Result<Verdict> Evaluate(const Target& target, const Records& records, Date at,
                           const EvaluateOptions& options = {}) const;

  // The same, into `out`, whose previous contents are replaced; its storage (the requirement
  // list and their strings) is reused. On error `out` is unspecified.
  Status EvaluateInto(const Target& target, const Records& records, Date at,
                      const EvaluateOptions& options, Verdict& out) const;

  struct Impl;

 private:
  friend Result<Verdict> Evaluate(const model::Framework&, const Target&, const Records&, Date,
                                  const EvaluateOptions&);
  // Prepares `target` only (one evaluation of one person).
  Evaluator(const model::Framework& framework, const Target& target);

  std::unique_ptr<Impl> impl_;
};

// One evaluation: Evaluator(framework).Evaluate(target, records, at, options). For one person;
// many people against one framework go through one Evaluator.
Result<Verdict> Evaluate(const model::Framework& framework, const Target& target,
                         const Records& records, Date at, const EvaluateOptions& options = {});

}  // namespace ladder::rules
