// What the passages an import left out become, chosen by a person after the preview
// (docs/import.md, "Choosing what passages become"): the import page of the web app lists the
// coverage report's not-imported passages with a choice for each, and applies them here.
//
// Each choice names a passage (as Coverage::not_imported reports it) and its use:
//   leave-out               nothing changes (the default);
//   note                    kept in the framework's notes, in a note "Kept from <file>";
//   behaviour               a behaviour of `competency` at `level` (the level's expectation in
//                           that competency is made, or made defined, when it has none);
//   level-summary           the summary (description) of `level`, after the one it has;
//   competency-description  the description of `competency`, after the one it has.
// Coverage is then measured again, so text kept in notes counts as notes, not structure.
// Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/import.h"

namespace ladder::formats {

enum class PassageUse { kLeaveOut, kNote, kBehaviour, kLevelSummary, kCompetencyDescription };

// "leave-out", "note", "behaviour", "level-summary", "competency-description".
const char* PassageUseName(PassageUse use);
std::optional<PassageUse> ParsePassageUse(std::string_view name);
// Every use, in the order pages list them.
const std::vector<PassageUse>& PassageUses();
// What a page says for it: "left out", "kept in the notes", ...
const char* PassageUseLabel(PassageUse use);

struct PassageChoice {
  Passage passage;
  PassageUse use = PassageUse::kLeaveOut;
  std::string level;       // behaviour, level-summary: "track/code", or a code unique in it
  std::string competency;  // behaviour, competency-description: a competency id
  // Where the choice was made ("passage.3" on the import page): errors name `<label>.level`
  // or `<label>.competency`.
  std::string label;
};

// Applies `choices` in order to imported.framework and measures imported.coverage again from
// imported.source; the passages still not imported keep the file their report named.
// Errors (nothing applied): kInvalidArgument naming the choice's field when its level or
// competency is missing or not in the framework, or its level is marked not defined.
Status ApplyPassageChoices(Imported& imported, const std::vector<PassageChoice>& choices);

}  // namespace ladder::formats
