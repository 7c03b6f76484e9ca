// The shapes career frameworks take in the data files of other tools, and how each becomes a
// matrix (matrix.h). A data map (import_map.h) names the shape and where its parts are:
//
//   competencies-with-levels  [{name: Delivery, levels: [{name: Junior, criteria: [...]}]}]
//                             also keyed: {tracks: {MOBILE: {milestones: [{signals: [...]}]}}}
//   levels-with-competencies  [{name: L1, competencies: {Delivery: [...], Craft: "..."}}]
//                             also roles listing the competencies they need by id:
//                             {roles: [{levels: [{title: PM, competencies: [core/delivery/3]}]}]}
//   level-keys                [{name: React, basic: "...", advanced: "...", expert: "..."}]
//   cells                     {levels: [{id: l1, name: ...}], themes: [...],
//                              competencies: [{level: l1, theme: comms, summary: ...}]}
//   levels                    [{name: Engineer, summary: ...}, {name: Senior Engineer, ...}]
//
// Key names vary between tools (levels, grades, steps, milestones; skills, competencies,
// areas, topics, themes): Guess() tries every shape on every collection of the file and keeps
// the reading with the strongest evidence that its levels are levels (the key naming them, names
// such as Junior, IC3, Expert or numbers, names repeating across competencies) weighted by how
// much of the file's text it imports. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/data_tree.h"
#include "formats/import.h"
#include "formats/import_map.h"
#include "formats/matrix.h"

namespace ladder::formats::data {

struct Interpretation {
  DataMap map;
  matrix::Matrix matrix;
  int evidence = 0;  // > 0: the levels read as levels
  int words = 0;     // words of text the reading imports
  std::vector<ImportWarning> warnings;
  long Score() const;
};

// Reads `tree` as `map` says. Errors: kInvalidArgument naming the map's field (a malformed path,
// a path that selects nothing, no levels found), kResourceExhausted (too many values).
Result<Interpretation> Interpret(const Tree& tree, const DataMap& map, std::string_view file);

// The maps worth trying on `tree`, most specific first.
std::vector<DataMap> CandidateMaps(const Tree& tree);

// The best reading of `tree`, or nullopt when no shape finds levels in it. With `closest`, the
// reading closest to one when none is sure (for a map a person corrects).
std::optional<Interpretation> Guess(const Tree& tree, std::string_view file, bool closest = false);

}  // namespace ladder::formats::data
