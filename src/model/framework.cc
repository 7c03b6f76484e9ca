#include "model/framework.h"

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<FrameworkStatus, const char*> kStatusNames[] = {
    {FrameworkStatus::kDraft, "draft"}, {FrameworkStatus::kPublished, "published"}};
constexpr std::pair<LevelState, const char*> kStateNames[] = {
    {LevelState::kDefined, "defined"}, {LevelState::kUndefined, "undefined"}};
constexpr std::pair<TrackKind, const char*> kTrackKindNames[] = {
    {TrackKind::kCore, "core"},
    {TrackKind::kIc, "ic"},
    {TrackKind::kManagement, "management"},
    {TrackKind::kAlternative, "alternative"},
    {TrackKind::kOther, "other"}};
constexpr std::pair<ConsensusRule, const char*> kConsensusNames[] = {
    {ConsensusRule::kUnanimous, "unanimous"}, {ConsensusRule::kMajority, "majority"}};
constexpr std::pair<NextLevelReading, const char*> kReadingNames[] = {
    {NextLevelReading::kOverlapping, "overlapping"},
    {NextLevelReading::kConsecutive, "consecutive"}};

}  // namespace

const char* FrameworkStatusName(FrameworkStatus s) { return internal::NameOf(kStatusNames, s); }
const char* LevelStateName(LevelState s) { return internal::NameOf(kStateNames, s); }
const char* TrackKindName(TrackKind k) { return internal::NameOf(kTrackKindNames, k); }
const char* ConsensusRuleName(ConsensusRule c) { return internal::NameOf(kConsensusNames, c); }
const char* NextLevelReadingName(NextLevelReading r) { return internal::NameOf(kReadingNames, r); }
std::optional<NextLevelReading> ParseNextLevelReading(std::string_view s) {
  return internal::Parse(kReadingNames, s);
}
std::optional<FrameworkStatus> ParseFrameworkStatus(std::string_view s) {
  return internal::Parse(kStatusNames, s);
}
std::optional<LevelState> ParseLevelState(std::string_view s) {
  return internal::Parse(kStateNames, s);
}
std::optional<TrackKind> ParseTrackKind(std::string_view s) {
  return internal::Parse(kTrackKindNames, s);
}
std::optional<ConsensusRule> ParseConsensusRule(std::string_view s) {
  return internal::Parse(kConsensusNames, s);
}

std::string Level::Label() const {
  if (title.empty() || title == code) return code;
  return code + " · " + title;
}

std::string Level::Label(const Track& track) const { return track.DisplayName() + ": " + Label(); }

const Expectation* Level::FindExpectation(std::string_view competency) const {
  for (const Expectation& e : expectations)
    if (e.competency == competency) return &e;
  return nullptr;
}

const Level* Track::FindLevel(std::string_view code) const {
  for (const Level& l : levels)
    if (l.code == code) return &l;
  return nullptr;
}

const Competency* Framework::FindCompetency(std::string_view competency_id) const {
  for (const Competency& c : competencies)
    if (c.id == competency_id) return &c;
  return nullptr;
}

const Track* Framework::FindTrack(std::string_view track_id) const {
  for (const Track& t : tracks)
    if (t.id == track_id) return &t;
  return nullptr;
}

const OverlayRole* Framework::FindOverlay(std::string_view overlay_id) const {
  for (const OverlayRole& o : overlays)
    if (o.id == overlay_id) return &o;
  return nullptr;
}

std::pair<const Track*, const Level*> Framework::ResolveLevel(std::string_view ref,
                                                              std::string_view track) const {
  if (size_t slash = ref.find('/'); slash != std::string_view::npos) {
    const Track* t = FindTrack(ref.substr(0, slash));
    if (!t) return {nullptr, nullptr};
    const Level* l = t->FindLevel(ref.substr(slash + 1));
    return l ? std::pair{t, l} : std::pair<const Track*, const Level*>{nullptr, nullptr};
  }
  if (!track.empty()) {
    if (const Track* t = FindTrack(track)) {
      if (const Level* l = t->FindLevel(ref)) return {t, l};
    }
  }
  std::pair<const Track*, const Level*> found{nullptr, nullptr};
  for (const Track& t : tracks) {
    if (const Level* l = t.FindLevel(ref)) {
      if (found.second) return {nullptr, nullptr};  // ambiguous without a track
      found = {&t, l};
    }
  }
  return found;
}

const Level* Framework::NextLevel(std::string_view track, std::string_view code) const {
  const Track* t = FindTrack(track);
  if (!t) return nullptr;
  for (size_t i = 0; i + 1 < t->levels.size(); ++i)
    if (t->levels[i].code == code) return &t->levels[i + 1];
  return nullptr;
}

const Level* Framework::PreviousLevel(std::string_view track, std::string_view code) const {
  const Track* t = FindTrack(track);
  if (!t) return nullptr;
  for (size_t i = 1; i < t->levels.size(); ++i)
    if (t->levels[i].code == code) return &t->levels[i - 1];
  return nullptr;
}

}  // namespace ladder::model
