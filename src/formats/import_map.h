// An import map says how a spreadsheet or a data file of another tool maps onto a framework:
// which sheet, rows, columns or keys are levels, competencies, tracks and text
// (docs/import-maps.md). Ladder guesses one for every such import; `ladder import FILE
// --suggest-map` writes the guess for a person to correct, and `--map FILE` imports with it.
//
//   map: 1
//   sheets:
//     - sheet: Engineering          # spreadsheets: one entry per sheet
//       use: matrix                 # matrix | notes | skip
//       levels: columns             # the levels are columns (or rows)
//       header: 2                   # the row naming the levels (a column number, as rows)
//       labels: A                   # the column naming competencies (a row number, as rows)
//       first: 3                    # first and last rows of the matrix (0: to the end)
//       last: 0
//       track: ""                   # the track of these levels ("": one per list of levels)
//   data:                           # data files (JSON, YAML, JavaScript)
//     shape: competencies-with-levels   # levels-with-competencies | level-keys | cells | levels
//     competencies: topics[]        # where the entries are (paths: docs/import-maps.md)
//     levels: levels[]
//     cells: ""                     # cells: entries naming a level and a competency each
//     tracks: ""                    # a path, or @key: entries split into tracks by a key
//     name: [title, name]           # keys naming an entry
//     text: [criteria]              # keys whose text becomes behaviours ("" guesses)
//     level_key: ""                 # cells: the key naming the level, and the competency
//     competency_key: ""
//     level_keys: []                # level-keys: the keys that are levels
//
// Parsing checks every key and value and names the line of a mistake. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::formats {

struct SheetMap {
  enum class Use { kMatrix, kNotes, kSkip };
  enum class Axis { kColumns, kRows };  // where the levels are
  std::string sheet;
  Use use = Use::kMatrix;
  Axis levels = Axis::kColumns;
  int header = 1;  // 1-based row (levels as columns) or column (levels as rows)
  int labels = 1;  // 1-based column (levels as columns) or row (levels as rows)
  int first = 0;   // first data row (column); 0: the one after the header
  int last = 0;    // last data row (column); 0: to the end
  std::string track;
  friend bool operator==(const SheetMap&, const SheetMap&) = default;
};

struct DataMap {
  std::string shape{};  // competencies-with-levels | levels-with-competencies | level-keys |
                        // cells | levels
  std::string tracks{};
  std::string competencies{};
  std::string levels{};
  std::string cells{};
  std::vector<std::string> name{};
  std::vector<std::string> text{};
  std::string level_key{};
  std::string competency_key{};
  std::vector<std::string> level_keys{};
  friend bool operator==(const DataMap&, const DataMap&) = default;
};

struct ImportMap {
  std::vector<SheetMap> sheets;
  std::optional<DataMap> data;
  friend bool operator==(const ImportMap&, const ImportMap&) = default;
};

// The shapes a data map may name, in the order the reader tries them.
const std::vector<std::string>& DataShapes();

// Parses a map. Errors: kParse (YAML syntax), kInvalidArgument naming `name:line:col` and the key
// (unknown keys, wrong types, values out of range).
Result<ImportMap> ParseImportMap(std::string_view yaml, std::string_view name);

// The map as YAML, with a comment per setting saying what it means; ParseImportMap reads it back.
std::string WriteImportMap(const ImportMap& map);

// One setting of a map, for the web import page's table: `id` is "sheets.2.header" or
// "data.levels"; `choices` are the allowed values when they are few.
struct MapField {
  std::string id;
  std::string part;   // "Sheet Engineering", "Data file"
  std::string label;  // "Levels are", "Header row"
  std::string value;
  std::vector<std::string> choices;
};
std::vector<MapField> MapFields(const ImportMap& map);
// Sets one field by id. Errors: kInvalidArgument naming the field (unknown id, bad value).
Status SetMapField(ImportMap& map, std::string_view id, std::string_view value);

}  // namespace ladder::formats
