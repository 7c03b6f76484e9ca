// Reads one HTML table whose rows or columns are levels (shared by the levels-table,
// html-table, Markdown ladder and LaTeX readers). The other axis holds competencies:
//
//   | Level | Delivery      | Teamwork |        levels as rows: a level cell (IC1) may span
//   | IC1   | <ul><li>..    | ...      |        several rows (summary row, behaviours row)
//   |       | summary spanning all columns  |
//
//   | Area        | Junior | Senior |          levels as columns (transposed): a row with
//   | Leadership (one cell spanning the row)|  one spanning cell starts a pillar (group)
//   | Outcomes    | ...    | TBD (colspan 1+) |
//
//   | IC1 | IC2 | IC3 |                         levels as columns with no label column: every
//   | Delivery (spanning the row) |             column is a level; a spanning row names the
//   | Ships with help | Ships | Leads |         competency of the rows under it
//
//   | Level | Developer | Tech Lead | Manager |  an overview: rows are ranks, columns whose
//   | 4     | D4        | TL4       |         |  cells name roles are ladders (one track each)
//
// A cell spanning several levels counts for each of them; a cell saying "Not currently
// defined", "TBD", ... makes that expectation undefined with the text as its note, and a level
// whose every cell (or, with no cells, whose summary) says so is `state: undefined`.
// Once an axis is found to hold levels, every row (column) on it is a level: one whose name
// does not read like a level is kept, with a warning, never dropped. Under a "Level"/"Grade"
// corner ("Level/Skill" too) bare numbers and sub-levels are levels (L1, L1A ...). A long
// header cell opening with a code ("IC 1: An individual ... (Entry Level)") names level IC1,
// titled by its closing parenthesis, the rest being the level's summary.
// Categories: "Title"/"Role" names the levels (level.title); "Years of experience", "Management
// equivalent", "Time in role" are level attributes; "Notes", "Comments", "Additional notes"
// are remarks (the level's note; in a transposed table the competency's description); the
// others are competencies.
// Rows of different code prefixes (IC1..IC5 then M1..M3) are two ladders: two track parts.
// Leading rows holding one cell that spans the table are the table's caption; later ones are
// pillar rows (groups) or, between levels, track sections. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/html_dom.h"
#include "formats/import.h"
#include "formats/level_names.h"
#include "formats/markdown_blocks.h"
#include "formats/prose_sections.h"
#include "model/framework.h"

namespace ladder::formats::level_table {

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
  bool title_column = false;            // a "Title"/"Role" category names the levels: an overview
  std::string caption;                  // the caption row or <caption> text, "" when none
  int caption_line = 0;
  // Set by the reader: the heading the table sits under ("Product Management"), which names its
  // ladder when the document holds several tables of different ladders.
  std::string context;
};

// Interprets `table`. `expect_levels` lowers the evidence needed (a class="levels-table").
// Returns nullopt when neither axis holds levels.
std::optional<Table> Interpret(const html::Dom& dom, int table, std::string_view file,
                               bool expect_levels);

// Interprets a GitHub-flavoured Markdown pipe table (an MdBlock of kind kTable, its first row
// the header) the same way, its cells' inline Markdown kept; lines are those of the Markdown.
std::optional<Table> InterpretPipeTable(const MdBlock& table, std::string_view file,
                                        bool expect_levels);

// A GitHub-flavoured Markdown pipe table as an HTML table, each row on the line it has in the
// Markdown (so cells keep their lines), its cells' inline Markdown kept.
Result<html::Dom> PipeTableDom(const MdBlock& table, std::string_view file);

// Removes from `passages` the headings that only introduce a table of levels: a heading with
// no prose of its own whose section holds a table starting at one of `table_lines` ("## The
// levels" right above the table) is the table's caption, structure rather than content.
void DropTableHeadings(const std::vector<prose::Section>& sections,
                       const std::vector<int>& table_lines, std::vector<Passage>& passages);

// Adds the tables' competencies, groups and tracks to `framework` (competencies of the same
// name shared, tracks named by their section, caption, <abbr> title, context or code prefix:
// IC -> ic, M/EM -> management). A table whose levels are those of a track already added (the
// same code and title: one matrix cut into several tables) adds its expectations to those
// levels; a table of other levels under a name already taken (a second "IC1 .. IC5" ladder)
// becomes a track of its own, named by its context. Returns the id of the
// individual-contributor track, or "".
std::string AddToFramework(std::vector<Table> tables, model::Framework& framework);

}  // namespace ladder::formats::level_table
