#include "storage/types.h"

#include "base/text.h"

namespace ladder::storage {

const char* HitKindName(HitKind k) {
  switch (k) {
    case HitKind::kBehaviour:
      return "behaviour";
    case HitKind::kLevelSummary:
      return "level_summary";
    case HitKind::kExpectationSummary:
      return "expectation_summary";
    case HitKind::kAttribute:
      return "attribute";
    case HitKind::kRequirement:
      return "requirement";
    case HitKind::kNote:
      return "note";
    case HitKind::kRole:
      return "role";
    case HitKind::kFramework:
      return "framework";
    case HitKind::kTrack:
      return "track";
    case HitKind::kCompetency:
      return "competency";
    case HitKind::kOverlay:
      return "overlay";
  }
  return "?";
}

std::string MarkSnippet(std::string_view snippet, std::string_view open, std::string_view close) {
  std::string out = text::ReplaceAll(std::string(snippet), kMatchOpen, open);
  return text::ReplaceAll(std::move(out), kMatchClose, close);
}

}  // namespace ladder::storage
