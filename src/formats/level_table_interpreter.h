// The interpreter behind level_table::Interpret, shared by level_table.cc (the axes, the shape of
// the table, what follows from it) and level_table_layouts.cc (reading rows as levels, columns as
// levels, and overview tables whose columns are ladders). Internal to formats/.
//
// One Interpreter reads one table once; it is not reused. Not thread-safe (caches per cell).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "formats/html_dom.h"
#include "formats/level_table.h"

namespace ladder::formats::level_table::internal {

// What a category label of the table names.
enum class LabelRole {
  kCompetency,  // a competency: its cells are behaviours
  kTitle,       // the levels' titles ("Title", "Role")
  kAttribute,   // a level attribute ("Years of experience", "Management equivalent")
  kNote,        // remarks about the level or competency ("Additional notes", "Comments")
};

// The role of `label` and, for attributes, the attribute key ("years_of_experience").
LabelRole RoleOf(std::string_view label, std::string* key);

// `base`, or `base-2`, `base-3` ... : the first not in `used`, which it is added to.
std::string UniqueId(std::string base, std::set<std::string>& used);

// True for labels that introduce a level's summary ("Summary", "Overview", "Description").
bool IsSummaryLabel(std::string_view label);

class Interpreter {
 public:
  Interpreter(const html::Dom& dom, int table, std::string_view file, bool expect);
  std::optional<Table> Run();

 private:
  // --- level_table.cc: shape of the table
  int FindHeader();
  int ColumnScore(int col);
  int HeaderScore(int hr);
  bool ReadLayout(int top, int hr);
  int CaptionRows() const;
  int CountHeaderRows(int from);
  bool LevelCell(std::string_view t) const;
  bool IsLabelColumn(int col) const;
  std::vector<int> LadderColumns(int hr);
  static bool NamesALadder(const std::string& header);
  void Finish();

  // --- level_table.cc: cells and model values
  const std::vector<html::Dom::Item>& Items(int cell);
  const std::string& Text(int cell);
  SourceLocation Where(int node) const;
  void WarnOdd(int cell, std::string_view what);
  int AddCompetency(const std::string& name, int cell);
  model::Level NewLevel(int cell);
  model::Expectation& ExpectationFor(model::Level& level, int competency);
  void Fill(model::Level& level, int competency, int cell, bool summary_row);
  void AppendSummary(model::Level& level, int cell);
  void AppendNote(std::string& into, int cell);
  bool RowIsSummary(int r) const;
  std::vector<std::pair<int, int>> RowCells(int r, int from) const;
  int CellWidth(int r, int cell) const;
  bool FullRow(int r) const;
  bool LoneRow(int r) const;
  size_t Index(const model::Expectation& e) const;

  // --- level_table_layouts.cc
  // What the columns of a table whose rows are levels hold, per column: the competency's index
  // (-1 for none), the label's role and, for attributes, its key.
  struct ColumnRoles {
    std::vector<int> comp;
    std::vector<LabelRole> role;
    std::vector<std::string> key;
  };
  void RowsAreLevels();
  ColumnRoles RowHeaderColumns();
  void SpanningLevelRow(int r);
  void StartTrackPart(const std::string& name);
  bool LevelColumnCell(int r, const std::string& corner, bool& title_seen);
  void StartLevelRow(int r, int cell);
  void FillLevelRow(int r, const std::vector<int>& col_comp, const std::vector<LabelRole>& col_role,
                    const std::vector<std::string>& col_key, bool& title_seen);
  void OverviewRows(int hr, const std::vector<int>& ladders);
  // Where the levels of a table whose columns are levels are, and what its rows read so far.
  struct LevelColumns {
    int hr = 0;                            // the header row naming the levels
    int label_col = 0;                     // the column labelling the rows, -1 for none
    int first_col = 0;                     // the first level column
    std::vector<int> col_level;            // per column: its level's index, -1 for none
    std::set<int> note_cols;               // remarks columns ("Comments")
    int group = -1;                        // the open pillar
    int comp = -1;                         // the competency of the rows being read
    std::set<std::pair<int, int>> filled;  // (level, cell) already read
  };
  void ColumnsAreLevels(int hr, int label_col);
  LevelColumns ReadLevelColumns(int hr, int label_col);
  bool HeaderAgain(const LevelColumns& lc, int r);
  void StartGroup(LevelColumns& lc, int cell);
  void EachLevel(LevelColumns& lc, int r, int label_cell,
                 const std::function<void(model::Level&, int)>& apply);
  bool LevelLabelRow(LevelColumns& lc, int r, int label_cell, const std::string& label);
  void CompetencyRow(LevelColumns& lc, int r, const html::GridSlot& first,
                     const std::string& label);
  void HeaderGroups(int hr, const std::vector<int>& col_comp);

  const html::Dom& dom_;
  html::TableGrid grid_;
  std::string_view file_;
  bool expect_;
  int first_row_ = 0;    // rows before it are caption rows
  int header_rows_ = 0;  // index of the first body row (header rows are [first_row_, this))
  int level_col_ = 0;    // the column naming levels when rows are levels
  int track_col_ = -1;   // a column naming the ladder of each row, or -1
  Table table_;
  std::map<int, std::string> text_;
  std::unordered_map<int, std::vector<html::Dom::Item>> items_;
  std::set<std::string> competency_ids_;
  std::set<std::string> group_ids_;
  std::set<int> structural_;                          // axis labels: not passages
  bool level_corner_ = false;                         // the corner cell says "Level", "Grade" ...
  int current_cell_ = -1;                             // rows as levels: the level cell being read
  std::set<std::tuple<size_t, size_t, int>> filled_;  // (track, level, cell) already read
};

}  // namespace ladder::formats::level_table::internal
