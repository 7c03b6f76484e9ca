// Tables of one level each, shared by the html-table and levels-table readers: a heading that
// names the level over a two-column table whose rows are competencies and whose second column
// is what that level expects of each.
//
//   <h2>Engineer II</h2>                                         -> level Engineer II
//   <table><tr><th>Competency</th><th>Expectation</th></tr>
//          <tr><td>Delivery</td><td>Ships features</td></tr></table>  -> Delivery: Ships features
//
// Markdown writes the same as "## L2 — Analyst" over a "| Competency | Expectation |" pipe
// table. The levels of all such tables of a document are one track, in the order of the
// document; the competencies are the tables' first columns, in order of first appearance (one
// of the same name shared). Pure; an instance is not shared between threads.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "formats/html_dom.h"
#include "formats/level_table.h"

namespace ladder::formats::level_table {

// True when `table` has two columns, a first row naming them as competencies and expectations
// ("Competency | Expectation", "Skill | Behaviours", "Area | What we expect") and rows below it.
bool IsExpectationTable(const html::Dom& dom, int table);

// The heading element (<h1> .. <h6>) right before `table` among its siblings, with nothing but
// white space between them, or -1.
int HeadingBefore(const html::Dom& dom, int table);

// Collects the levels of expectation tables into one table of levels as columns.
class LevelTables {
 public:
  explicit LevelTables(std::string_view file) : file_(file) {}

  // Adds the level `heading` names (on `heading_line`) with the rows of `table` as its
  // expectations. Returns false, adding nothing, when `heading` names no level, names one
  // already added, or `table` is no expectation table.
  bool Add(const html::Dom& dom, int table, std::string_view heading, int heading_line);

  bool Empty() const { return table_.tracks.empty(); }
  // How many levels were added.
  size_t Levels() const { return Empty() ? 0 : table_.tracks[0].levels.size(); }

  // The table of the levels added (transposed: levels are its columns), its rows' cells as
  // passages, each level's expectations in the order of the competencies. The header cells
  // only name the columns: they are no passages.
  Table Take();

 private:
  // The index in table_.competencies of the competency named `name`, added when new.
  size_t CompetencyIndex(const std::string& name, SourceLocation where);

  std::string file_;
  Table table_;
  std::set<std::string> competency_ids_;
  std::set<std::string> level_codes_;
};

}  // namespace ladder::formats::level_table
