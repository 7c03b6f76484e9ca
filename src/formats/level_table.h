// Reads one HTML table whose rows or columns are levels (shared by the levels-table,
// html-table and Markdown pipe-table readers). The other axis holds competencies:
//
//   | Level | Delivery      | Teamwork |        levels as rows: a level cell (IC1) may span
//   | IC1   | <ul><li>..    | ...      |        several rows (summary row, behaviours row)
//   |       | summary spanning all columns  |
//
//   | Area        | Junior | Senior |          levels as columns (transposed): a row with
//   | Leadership (one cell spanning the row)|  one spanning cell starts a pillar (group)
//   | Outcomes    | ...    | TBD (colspan 1+) |
//
// A cell spanning several levels counts for each of them; a cell saying "Not currently
// defined", "TBD", ... makes that expectation undefined with the text as its note, and a level
// whose every cell (or, with no cells, whose summary) says so is `state: undefined`.
// Once an axis is found to hold levels, every row (column) on it is a level: one whose name
// does not read like a level is kept, with a warning, never dropped. Under a "Level"/"Grade"
// corner bare numbers are levels (L1, L2 ...). A "Title"/"Role" category names the levels
// (level.title) and a "Years of experience" one is a level attribute, not a competency.
// A row holding one cell that spans the table is a pillar row (a group), never a header row.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/html_dom.h"
#include "formats/import.h"
#include "formats/markdown_blocks.h"
#include "formats/prose_sections.h"
#include "model/framework.h"

namespace ladder::formats::level_table {

// True when `text` names a level: "Level 2", "Level One", "L3", "IC2", "E5 - Senior", "Junior",
// "New Grad", "Staff Engineer", "Engineer II", "Software Engineer 3", "Data Engineer I (P1)".
bool LooksLikeLevel(std::string_view text);

// True for a bare level number ("3", "III", "three"): a level only under a Level/Grade header.
bool IsBareLevelNumber(std::string_view text);

struct LevelName {
  std::string code;    // "IC2", "L3", "P1" (from "Data Engineer I (P1)"), or the slug of the name
  std::string title;   // the words beside the code, or the whole name
  std::string prefix;  // letters of a code ("IC"), "" otherwise
};
// "IC2 Senior" -> {IC2, Senior}; "Level Two" -> {L2}; "Data Engineer I (P1)" and
// "Data Engineer I - P1" -> {P1, Data Engineer I}; "3" -> {L3}; "Engineer" -> {engineer}.
LevelName ParseLevelName(std::string_view text);

// True when a cell says its content is not defined ("Not currently defined", "TBD", ...).
bool IsUndefinedText(std::string_view text);

// Levels of one track section of the table (a row spanning the table between levels starts
// a new section named by its text).
struct TrackPart {
  std::string name;  // "" for the first part unless the table names it
  std::vector<model::Level> levels;
};

struct Table {
  bool transposed = false;  // levels are columns
  std::vector<model::Competency> competencies;
  std::vector<model::CompetencyGroup> groups;
  std::vector<TrackPart> tracks;
  std::string track_title;  // from <abbr title="Individual Contributor">IC</abbr>, if any
  // Every text of the table with its line, except the labels that only name the axes (the
  // corner cell such as "Level", "Summary" and "<category> summary" row labels).
  std::vector<Passage> passages;
  std::vector<ImportWarning> warnings;  // odd level names kept, with their lines
};

// Interprets `table`. `expect_levels` lowers the evidence needed (a class="levels-table").
// Returns nullopt when neither axis holds levels.
std::optional<Table> Interpret(const html::Dom& dom, int table, std::string_view file,
                               bool expect_levels);

// Interprets a GitHub-flavoured Markdown pipe table (an MdBlock of kind kTable, its first row
// the header) the same way, its cells' inline Markdown kept; lines are those of the Markdown.
std::optional<Table> InterpretPipeTable(const MdBlock& table, std::string_view file,
                                        bool expect_levels);

// Removes from `passages` the headings that only introduce a table of levels: a heading with
// no prose of its own whose section holds a table starting at one of `table_lines` ("## The
// levels" right above the table) is the table's caption, structure rather than content.
void DropTableHeadings(const std::vector<prose::Section>& sections,
                       const std::vector<int>& table_lines, std::vector<Passage>& passages);

// Adds the tables' competencies, groups and tracks to `framework` (competencies of the same
// name shared, tracks named by their section, <abbr> title or code prefix: IC -> ic,
// M/EM -> management). Returns the id of the individual-contributor track, or "".
std::string AddToFramework(std::vector<Table> tables, model::Framework& framework);

}  // namespace ladder::formats::level_table
