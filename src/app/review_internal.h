// Helpers shared by the files of ReviewService (review.cc, review_records.cc, review_needs.cc).
// Not for use outside them.
#pragma once

#include <string>
#include <string_view>

#include "app/authority.h"
#include "model/people.h"

namespace ladder::app::internal {

inline std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// The target of a case in the form rules::ResolveTarget reads.
inline std::string TargetText(const model::Case& c) {
  if (!c.target_overlay.empty()) return c.target_overlay;
  return c.target_track + "/" + c.target_level;
}

// True when need `n` is for the role case `c` aims at.
inline bool NeedAims(const model::Need& n, const model::Case& c) {
  if (!n.framework.empty() && n.framework != c.framework) return false;
  if (!c.target_overlay.empty()) return n.overlay == c.target_overlay;
  return n.overlay.empty() && (n.track.empty() || n.track == c.target_track) &&
         (n.level.empty() || n.level == c.target_level);
}

// Who a record names for an act: the acting person, else the account (`audit`).
inline std::string Named(const Actor& actor, std::string_view audit) {
  return actor.person.empty() ? std::string(audit) : actor.person;
}

}  // namespace ladder::app::internal
