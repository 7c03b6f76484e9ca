#include "model/cycle.h"

#include <iterator>

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<CyclePhase, const char*> kPhaseNames[] = {
    {CyclePhase::kNominations, "nominations"},      {CyclePhase::kSelfReview, "self_review"},
    {CyclePhase::kManagerReview, "manager_review"}, {CyclePhase::kPanels, "panels"},
    {CyclePhase::kCalibration, "calibration"},      {CyclePhase::kDecisions, "decisions"},
    {CyclePhase::kCommunicated, "communicated"}};
constexpr std::pair<CyclePhase, const char*> kPhaseTitles[] = {
    {CyclePhase::kNominations, "Nominations"},      {CyclePhase::kSelfReview, "Self-review"},
    {CyclePhase::kManagerReview, "Manager review"}, {CyclePhase::kPanels, "Panels"},
    {CyclePhase::kCalibration, "Calibration"},      {CyclePhase::kDecisions, "Decisions"},
    {CyclePhase::kCommunicated, "Communicated"}};
constexpr std::pair<Readiness, const char*> kReadinessNames[] = {
    {Readiness::kEligible, "eligible"},
    {Readiness::kClose, "close"},
    {Readiness::kBlocked, "blocked"},
    {Readiness::kNoTarget, "no_target"}};
constexpr std::pair<CycleStatus, const char*> kCycleStatusNames[] = {
    {CycleStatus::kOpen, "open"}, {CycleStatus::kClosed, "closed"}};

}  // namespace

const char* CyclePhaseName(CyclePhase p) { return internal::NameOf(kPhaseNames, p); }
std::optional<CyclePhase> ParseCyclePhase(std::string_view s) {
  return internal::Parse(kPhaseNames, s);
}
const char* CyclePhaseTitle(CyclePhase p) { return internal::NameOf(kPhaseTitles, p); }
std::optional<CyclePhase> NextPhase(CyclePhase p) {
  for (size_t i = 0; i + 1 < std::size(kCyclePhases); ++i)
    if (kCyclePhases[i] == p) return kCyclePhases[i + 1];
  return std::nullopt;
}
const char* ReadinessName(Readiness r) { return internal::NameOf(kReadinessNames, r); }
std::optional<Readiness> ParseReadiness(std::string_view s) {
  return internal::Parse(kReadinessNames, s);
}
const char* CycleStatusName(CycleStatus s) { return internal::NameOf(kCycleStatusNames, s); }
std::optional<CycleStatus> ParseCycleStatus(std::string_view s) {
  return internal::Parse(kCycleStatusNames, s);
}

Date Cycle::DeadlineOf(CyclePhase p) const {
  for (const PhaseDeadline& d : phases)
    if (d.phase == p) return d.deadline;
  return {};
}

std::vector<Error> ValidateCycle(const Cycle& c) {
  std::vector<Error> errors;
  auto require = [&](bool ok, std::string field, std::string message) {
    if (!ok)
      errors.push_back(
          Error{ErrorCode::kInvalidArgument, std::move(message), {}, "cycle." + std::move(field)});
  };
  require(!c.id.empty(), "id", "a cycle needs an id");
  require(!c.name.empty(), "name", "a cycle needs a name");
  require(!c.frameworks.empty(), "frameworks", "a cycle needs at least one framework in scope");
  for (size_t i = 0; i < c.frameworks.size(); ++i)
    require(!c.frameworks[i].empty(), "frameworks[" + std::to_string(i) + "]",
            "a framework in scope needs an id");
  require(!c.evaluation.empty(), "evaluation", "a cycle needs the date it evaluates on");
  require(c.close_days >= 0 && c.close_days <= 730, "close_days",
          "the window of \"close\" is 0 to 730 days, not " + std::to_string(c.close_days));
  require(c.phases.size() == std::size(kCyclePhases), "phases",
          "a cycle has a deadline for each of its " + std::to_string(std::size(kCyclePhases)) +
              " phases, not " + std::to_string(c.phases.size()));
  for (size_t i = 0; i < c.phases.size() && i < std::size(kCyclePhases); ++i) {
    const PhaseDeadline& d = c.phases[i];
    std::string at = "phases[" + std::to_string(i) + "]";
    require(d.phase == kCyclePhases[i], at + ".phase",
            std::string("phase ") + std::to_string(i + 1) + " is " +
                CyclePhaseName(kCyclePhases[i]) + ", not " + CyclePhaseName(d.phase));
    require(!d.deadline.empty(), at + ".deadline",
            std::string("the ") + CyclePhaseName(d.phase) + " phase needs a deadline");
    if (i > 0 && !d.deadline.empty() && !c.phases[i - 1].deadline.empty())
      require(!(d.deadline < c.phases[i - 1].deadline), at + ".deadline",
              std::string("the ") + CyclePhaseName(d.phase) + " deadline " + d.deadline.ToString() +
                  " is before the " + CyclePhaseName(c.phases[i - 1].phase) + " deadline " +
                  c.phases[i - 1].deadline.ToString());
  }
  if (c.status == CycleStatus::kClosed)
    require(!c.closed.empty(), "closed", "a closed cycle needs the date it closed");
  for (size_t i = 0; i < c.notes.size(); ++i)
    require(!c.notes[i].text.empty(), "notes[" + std::to_string(i) + "].text",
            "a note needs its text");
  return errors;
}

}  // namespace ladder::model
