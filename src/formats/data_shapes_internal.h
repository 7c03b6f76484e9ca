// Internal to the data-file reader: the words that tell levels from competencies, the paths of
// data maps, and the candidate readings Guess() tries (data_shapes.cc, data_candidates.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/data_tree.h"
#include "formats/import_map.h"
#include "formats/matrix.h"

namespace ladder::formats::data::internal {

// Key names that say their entries are levels ("levels", "grades", "milestones", ...) or
// competencies ("skills", "areas", "topics", "themes", ...), or split entries into tracks
// ("role", "positionId", "department", ...).
bool IsLevelWord(std::string_view key);
bool IsCompetencyWord(std::string_view key);
bool IsTrackField(std::string_view key);
bool IsNumber(std::string_view s);
std::string Lower(std::string_view s);
// "milestones" -> "Milestone", "levels" -> "Level", "content" -> "Level".
std::string Singular(std::string_view key);
// "basic" -> "Basic"; "positionId" -> "Position"; names with capitals stay.
std::string Pretty(std::string_view raw);
// The last key a path names ("levels" for "topics[].levels[]"; "" for "[]").
std::string LastKey(std::string_view path);
// The key of a path that says what its entries are (see data_shapes.cc).
std::string WordKey(std::string_view path);
// The group of an entry: the key the last `*[]` matched.
std::string GroupOf(const Hit& h, std::string_view path);

// Collections of entries in the tree: the path of their items ("topics[]", "tracks.*") and a
// sample of the items.
struct Collection {
  std::string path;
  std::vector<uint32_t> items;
};
std::vector<Collection> FindCollections(const Tree& t);

// Roles that list the competencies they need (by id, or by name with a step) become the role
// catalogue of `m`, with "Competency: step" skills.
void AddRoles(const Tree& t, const std::vector<Collection>& all, const DataMap& used,
              matrix::Matrix& m);

}  // namespace ladder::formats::data::internal
