#include "analysis/level_ref.h"

#include <string>
#include <vector>

#include "base/text.h"

namespace ladder::analysis {

Result<LevelAt> FindLevel(const model::Framework& framework, std::string_view ref,
                          std::string_view track) {
  auto [t, l] = framework.ResolveLevel(ref, track);
  if (l != nullptr) return LevelAt{t, l};
  std::vector<std::string> refs, matches;
  for (const model::Track& tr : framework.tracks) {
    for (const model::Level& lv : tr.levels) {
      refs.push_back(tr.id + "/" + lv.code);
      if (lv.code == ref) matches.push_back(tr.id + "/" + lv.code);
    }
  }
  std::string message;
  if (matches.size() > 1) {
    message = "level '" + std::string(ref) + "' is in several tracks: write one of " +
              text::Join(matches, ", ");
  } else {
    message = "no level '" + std::string(ref) + "'";
    if (!track.empty()) message += " in track '" + std::string(track) + "'";
    if (auto guess = text::DidYouMean(ref, refs)) message += "; did you mean '" + *guess + "'?";
    message += " (levels: " + text::Join(refs, ", ") + ")";
  }
  return MakeError(ErrorCode::kNotFound, message, {}, "level");
}

}  // namespace ladder::analysis
