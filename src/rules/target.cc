// Target resolution: which advancement a person is evaluated for ("next", "ic/SE2", an overlay
// role, a track without levels), which level they hold on a date, and which prepared plan a
// target reads.
#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules {

using model::Assignment;
using model::Framework;
using model::Level;
using model::Track;

const Assignment* CurrentAssignment(const std::vector<Assignment>& assignments,
                                    std::string_view framework, Date at) {
  const Assignment* best = nullptr;
  for (const Assignment& a : assignments) {
    if (a.framework != framework || a.from.empty() || a.from > at) continue;
    if (!a.to.empty() && a.to <= at) continue;
    if (!best || a.from > best->from) best = &a;
  }
  return best;
}

namespace {

Result<Target> NextTarget(const Framework& fw, const Assignment* current) {
  if (!current)
    return MakeError(ErrorCode::kNotFound,
                     "'next' needs a current level, and the person holds none in " + fw.id, {},
                     "target");
  const Level* next = fw.NextLevel(current->track, current->level);
  if (next) return Target::Level(current->track, next->code);
  // A core track is the common start of the others (a role everyone holds before the IC and
  // management paths): from its top, the lowest defined level ranked above it elsewhere, an IC
  // track's first. The top of any other track has no next level.
  const model::Track* track = fw.FindTrack(current->track);
  const Level* level = track ? track->FindLevel(current->level) : nullptr;
  const model::Track* best_track = nullptr;
  const Level* best = nullptr;
  if (track && level && track->kind == model::TrackKind::kCore) {
    for (const model::Track& t : fw.tracks) {
      if (&t == track) continue;
      for (const Level& l : t.levels) {
        if (l.rank <= level->rank || l.state == model::LevelState::kUndefined) continue;
        if (!best || l.rank < best->rank ||
            (l.rank == best->rank && t.kind == model::TrackKind::kIc &&
             best_track->kind != model::TrackKind::kIc)) {
          best = &l;
          best_track = &t;
        }
        break;  // levels are by rank: the first higher one is this track's candidate
      }
    }
  }
  if (best) return Target::Level(best_track->id, best->code);
  return MakeError(
      ErrorCode::kNotFound,
      current->track + "/" + current->level + " is the top level of its track; no 'next'", {},
      "target");
}

// kNotFound for `text`, naming what exists ("did you mean").
Error UnknownTarget(const Framework& fw, const std::string& text, bool several_titles) {
  std::vector<std::string> names = {"next"};
  for (const Track& track : fw.tracks)
    for (const Level& level : track.levels) {
      names.push_back(level.code);
      names.push_back(track.id + "/" + level.code);
    }
  for (const model::OverlayRole& o : fw.overlays) names.push_back(o.id);
  for (const Track& track : fw.tracks)
    if (track.levels.empty()) names.push_back(track.id);
  std::string message = "no level or overlay role " + internal::Quote(text) + " in " + fw.id;
  if (several_titles) message += " (the title names several levels; write track/code)";
  if (auto suggestion = text::DidYouMean(text, names))
    message += "; did you mean " + *suggestion + "?";
  message += "; expected next, TRACK/CODE, a level code or an overlay id";
  return Error{ErrorCode::kNotFound, message, {}, "target"};
}

}  // namespace

Result<Target> ResolveTarget(const Framework& fw, std::string_view text_in,
                             const Assignment* current) {
  std::string text(text::Trim(text_in));
  if (text == "next") return NextTarget(fw, current);
  if (const model::OverlayRole* o = fw.FindOverlay(text)) return Target::Overlay(o->id);
  auto [t, l] = fw.ResolveLevel(text, current ? std::string_view(current->track) : "");
  if (l) return Target::Level(t->id, l->code);
  // A track whose levels the framework does not describe: moving there.
  if (const Track* track = fw.FindTrack(text); track && track->levels.empty())
    return Target::Level(track->id, "");
  // A level title, when it names one level only.
  const Track* title_track = nullptr;
  const Level* title_level = nullptr;
  int matches = 0;
  for (const Track& track : fw.tracks)
    for (const Level& level : track.levels)
      if (text::IEquals(level.title, text)) {
        ++matches;
        title_track = &track;
        title_level = &level;
      }
  if (matches == 1) return Target::Level(title_track->id, title_level->code);
  return Fail(UnknownTarget(fw, text, matches > 1));
}

namespace internal {

Result<const Plan*> PlanFor(const Impl& im, const Target& target, const LevelInfo** level) {
  const Framework& fw = im.fw;
  *level = nullptr;
  const Plan* plan = nullptr;
  if (target.kind == Target::Kind::kLevel) {
    const Track* t = fw.FindTrack(target.track);
    const Level* l = t ? t->FindLevel(target.level) : nullptr;
    if (t && !l && target.level.empty() && t->levels.empty()) {
      plan = &im.track_plans[static_cast<size_t>(t - fw.tracks.data())];
    } else if (!l) {
      return MakeError(ErrorCode::kNotFound,
                       "no level " + Quote(target.track + "/" + target.level) + " in " + fw.id);
    } else {
      *level = im.Info(t, l);
      plan = &im.level_plans[static_cast<size_t>(*level - im.levels.data())];
    }
  } else {
    const model::OverlayRole* o = fw.FindOverlay(target.overlay);
    if (!o)
      return MakeError(ErrorCode::kNotFound,
                       "no overlay role " + Quote(target.overlay) + " in " + fw.id);
    plan = &im.overlay_plans[static_cast<size_t>(o - fw.overlays.data())];
  }
  // REQUIRES-style guard for an Impl prepared for one target only (rules::Evaluate).
  if (!plan->ready)
    return MakeError(ErrorCode::kInternal, "the evaluator was not prepared for this target");
  return plan;
}

}  // namespace internal
}  // namespace ladder::rules
