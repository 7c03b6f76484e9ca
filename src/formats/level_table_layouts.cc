// The three layouts of a table of levels (level_table.h): rows as levels, overview rows whose
// columns are ladders, and columns as levels (with or without a label column).
#include <algorithm>
#include <functional>
#include <regex>

#include "base/text.h"
#include "formats/level_table_interpreter.h"

namespace ladder::formats::level_table::internal {
namespace {

std::string Key(std::string_view label) {
  std::string key = text::Slugify(label);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

}  // namespace

// Upper header rows: a cell spanning several categories is their pillar.
void Interpreter::HeaderGroups(int hr, const std::vector<int>& col_comp) {
  for (int r = first_row_; r < hr; ++r) {
    for (auto [cell, c] : RowCells(r, level_col_ + 1)) {
      if (CellWidth(r, cell) < 2 || Text(cell).empty()) continue;
      model::CompetencyGroup g;
      g.name = Text(cell);
      g.id = UniqueId(text::Slugify(g.name), group_ids_);
      g.origin.where = Where(cell);
      for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k) {
        int comp = col_comp[static_cast<size_t>(k)];
        if (comp < 0) continue;
        const std::string& id = table_.competencies[static_cast<size_t>(comp)].id;
        if (std::find(g.competencies.begin(), g.competencies.end(), id) == g.competencies.end())
          g.competencies.push_back(id);
      }
      if (!g.competencies.empty()) table_.groups.push_back(std::move(g));
    }
  }
}

// The categories of the header row's columns when rows are levels: competencies (added),
// titles, attributes and notes; without a header row, every column a competency.
Interpreter::ColumnRoles Interpreter::RowHeaderColumns() {
  const size_t cols = static_cast<size_t>(grid_.cols);
  const int content_from = level_col_ + 1;
  ColumnRoles roles{std::vector<int>(cols, -1),
                    std::vector<LabelRole>(cols, LabelRole::kCompetency),
                    std::vector<std::string>(cols)};
  if (header_rows_ <= first_row_) {
    for (int c = content_from; c < grid_.cols; ++c)
      roles.comp[static_cast<size_t>(c)] = AddCompetency(
          grid_.cols - content_from == 1 ? "Expectations" : "Column " + std::to_string(c + 1),
          grid_.At(first_row_, c).cell);
    return roles;
  }
  const int hr = header_rows_ - 1;
  bool title = false;
  int last = -1;
  for (int c = content_from; c < grid_.cols; ++c) {
    const size_t at = static_cast<size_t>(c);
    int cell = grid_.At(hr, c).cell;
    if (cell == -1) continue;
    if (cell == last) {  // a header spanning columns: one category
      roles.comp[at] = roles.comp[at - 1];
      roles.role[at] = roles.role[at - 1];
      roles.key[at] = roles.key[at - 1];
      continue;
    }
    last = cell;
    std::string name = Text(cell);
    LabelRole role = RoleOf(name, &roles.key[at]);
    if (role == LabelRole::kTitle && title) {  // a second title column: "Title (PM)"
      role = LabelRole::kAttribute;
      roles.key[at] = Key(name);
    }
    title = title || role == LabelRole::kTitle;
    table_.title_column = table_.title_column || role == LabelRole::kTitle;
    if (role != LabelRole::kCompetency) {
      roles.role[at] = role;
      structural_.insert(cell);
      continue;
    }
    if (name.empty()) name = "Column " + std::to_string(c + 1);
    roles.comp[at] = AddCompetency(name, cell);
  }
  HeaderGroups(hr, roles.comp);
  for (int c = 0; c < content_from; ++c)
    if (grid_.At(hr, c).cell != -1) structural_.insert(grid_.At(hr, c).cell);
  return roles;
}

// A row spanning the table, between levels: a new track ("Management track") or, when it does
// not read like one, the current level's summary.
void Interpreter::SpanningLevelRow(int r) {
  int cell = grid_.At(r, 0).cell;
  const std::string& t = Text(cell);
  if (t.empty()) return;
  static const std::regex kTrackWords(R"(track|path|ladder|manag|individual contributor|\bic\b)",
                                      std::regex::icase);
  if (current_cell_ != -1 && (t.size() > 80 || !std::regex_search(t, kTrackWords))) {
    AppendSummary(table_.tracks.back().levels.back(), cell);
    return;
  }
  StartTrackPart(t);
}

// Starts a part of the table's track named `name` (a new one unless the current is unused).
void Interpreter::StartTrackPart(const std::string& name) {
  if (!table_.tracks.back().levels.empty() || !table_.tracks.back().name.empty())
    table_.tracks.push_back({});
  table_.tracks.back().name = name;
  current_cell_ = -1;
}

// The row's cell of the level column when it starts something: a level, the header repeated
// or the current level's summary row. Returns true when the row is read (nothing else in it).
bool Interpreter::LevelColumnCell(int r, const std::string& corner, bool& title_seen) {
  const html::GridSlot& first = grid_.At(r, level_col_);
  if (first.cell == -1 || first.cell == current_cell_ || !first.origin) return false;
  const std::string& label = Text(first.cell);
  if (label.empty()) return false;  // no name: the row continues the level above
  if (!corner.empty() && text::IEquals(label, corner) && first.header) {
    structural_.insert(first.cell);  // the header row repeated
    for (auto [cell, c] : RowCells(r, level_col_ + 1)) structural_.insert(cell);
    return true;
  }
  if (current_cell_ != -1 && IsSummaryLabel(label)) {
    structural_.insert(first.cell);
    for (auto [cell, c] : RowCells(r, level_col_ + 1)) {
      model::Level& level = table_.tracks.back().levels.back();
      if (filled_.insert({table_.tracks.size(), table_.tracks.back().levels.size(), cell}).second)
        AppendSummary(level, cell);
    }
    return true;
  }
  StartLevelRow(r, first.cell);
  title_seen = false;
  return false;
}

void Interpreter::RowsAreLevels() {
  const ColumnRoles roles = RowHeaderColumns();
  const std::string corner =
      header_rows_ > first_row_ && grid_.At(header_rows_ - 1, level_col_).cell != -1
          ? Text(grid_.At(header_rows_ - 1, level_col_).cell)
          : std::string();
  table_.tracks.push_back({});
  current_cell_ = -1;
  int track_cell = -1;
  bool title_seen = false;
  for (int r = header_rows_; r < grid_.rows; ++r) {
    if (FullRow(r)) {
      SpanningLevelRow(r);
      continue;
    }
    if (track_col_ >= 0) {
      int tc = grid_.At(r, track_col_).cell;
      if (tc != -1 && tc != track_cell && grid_.At(r, track_col_).origin && !Text(tc).empty()) {
        track_cell = tc;
        structural_.insert(tc);
        StartTrackPart(Text(tc));
      }
    }
    // A new cell in the level column starts a level: every row of the table is one.
    if (LevelColumnCell(r, corner, title_seen)) continue;
    if (current_cell_ == -1) continue;
    FillLevelRow(r, roles.comp, roles.role, roles.key, title_seen);
  }
}

void Interpreter::StartLevelRow(int r, int cell) {
  const std::string& label = Text(cell);
  if (!LevelCell(label) && !dom_.HasClass(cell, "level") &&
      !(expect_ && dom_.Attr(cell, "scope") == "row"))
    WarnOdd(cell, "row");
  model::Level level = NewLevel(cell);
  // Rows of another code prefix (IC1 .. IC5, then M1 .. M3) are another ladder.
  TrackPart& part = table_.tracks.back();
  if (track_col_ == -1 && !part.levels.empty()) {
    std::string before = CodePrefix(part.levels.back().code);
    std::string now = CodePrefix(level.code);
    if (!before.empty() && !now.empty() && before != now && level.code != text::Slugify(label))
      table_.tracks.push_back({});
  }
  table_.tracks.back().levels.push_back(std::move(level));
  current_cell_ = cell;
  // A bare number under a "Level" corner becomes the code (L2): structure, not text.
  if (level_corner_ && IsBareLevelNumber(label)) structural_.insert(cell);
  (void)r;
}

void Interpreter::FillLevelRow(int r, const std::vector<int>& col_comp,
                               const std::vector<LabelRole>& col_role,
                               const std::vector<std::string>& col_key, bool& title_seen) {
  model::Level& level = table_.tracks.back().levels.back();
  auto key = [&](int cell) {
    return std::tuple(table_.tracks.size(), table_.tracks.back().levels.size(), cell);
  };
  std::vector<std::pair<int, int>> content = RowCells(r, level_col_ + 1);
  if (!content.empty() && content.front().first == current_cell_) content.erase(content.begin());
  if (content.empty()) return;
  int categories = 0;
  for (int c = level_col_ + 1; c < grid_.cols; ++c)
    if (col_comp[static_cast<size_t>(c)] >= 0) ++categories;
  if (content.size() == 1 && (dom_.HasClass(content[0].first, "level-summary") ||
                              (categories > 1 && CellWidth(r, content[0].first) >= categories))) {
    int cell = content[0].first;
    if (filled_.insert(key(cell)).second) AppendSummary(level, cell);
    return;
  }
  bool summary_row = RowIsSummary(r);
  for (auto [cell, c] : content) {
    if (!filled_.insert(key(cell)).second) continue;
    LabelRole role = col_role[static_cast<size_t>(c)];
    if (role == LabelRole::kTitle) {
      std::string title = Text(cell);
      if (!title.empty() && !title_seen) level.title = title;
      title_seen = title_seen || !title.empty();
      continue;
    }
    if (role == LabelRole::kAttribute) {
      std::string value = Text(cell);
      if (!value.empty()) level.attributes.push_back({col_key[static_cast<size_t>(c)], value});
      continue;
    }
    if (role == LabelRole::kNote) {
      AppendNote(level.note, cell);
      continue;
    }
    std::set<int> comps;
    for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k)
      if (col_comp[static_cast<size_t>(k)] >= 0) comps.insert(col_comp[static_cast<size_t>(k)]);
    for (int comp : comps) Fill(level, comp, cell, summary_row);
  }
}

// Rows are ranks, the ladder columns tracks: each cell naming a role is a level of its column's
// track at its row's rank; the other columns are attributes of the row's levels.
void Interpreter::OverviewRows(int hr, const std::vector<int>& ladders) {
  std::vector<TrackPart> parts(ladders.size());
  for (size_t i = 0; i < ladders.size(); ++i) parts[i].name = Text(grid_.At(hr, ladders[i]).cell);
  std::vector<std::pair<int, std::string>> attribute_cols;  // column, key
  int last = -1;
  for (int c = level_col_ + 1; c < grid_.cols; ++c) {
    int header = grid_.At(hr, c).cell;
    if (header == -1 || header == last) continue;
    last = header;
    if (std::find(ladders.begin(), ladders.end(), c) != ladders.end()) continue;
    std::string key;
    RoleOf(Text(header), &key);
    if (key.empty()) key = Key(Text(header));
    if (key.empty()) continue;
    attribute_cols.push_back({c, key});
    structural_.insert(header);
  }
  for (int c = 0; c <= level_col_; ++c)
    if (grid_.At(hr, c).cell != -1) structural_.insert(grid_.At(hr, c).cell);
  // The rank column's values keep its own name ("Band": band 6), "level" when it has none.
  const int rank_header = grid_.At(hr, level_col_).cell;
  std::string rank_key = rank_header == -1 ? "" : Key(Text(rank_header));
  if (rank_key.empty()) rank_key = "level";
  int rank = 0;
  for (int r = header_rows_; r < grid_.rows; ++r) {
    if (FullRow(r)) continue;
    ++rank;
    model::Attributes attributes;
    int rank_cell = ladders[0] == level_col_ ? -1 : grid_.At(r, level_col_).cell;
    if (rank_cell != -1 && !Text(rank_cell).empty())
      attributes.push_back({rank_key, Text(rank_cell)});
    for (const auto& [c, key] : attribute_cols) {
      int cell = grid_.At(r, c).cell;
      if (cell != -1 && !Text(cell).empty()) attributes.push_back({key, Text(cell)});
    }
    for (size_t i = 0; i < ladders.size(); ++i) {
      const html::GridSlot& slot = grid_.At(r, ladders[i]);
      if (slot.cell == -1 || !slot.origin || Text(slot.cell).empty()) continue;
      LevelName name = ParseLevelName(Text(slot.cell));
      model::Level level;
      level.code = name.prefix.empty() ? text::Slugify(Text(slot.cell)) : name.code;
      level.title = name.title.empty() ? Text(slot.cell) : name.title;
      level.rank = rank;
      level.attributes = attributes;
      if (!name.years.empty()) level.attributes.push_back({"years_of_experience", name.years});
      level.origin.where = Where(slot.cell);
      parts[i].levels.push_back(std::move(level));
    }
  }
  for (TrackPart& p : parts)
    if (!p.levels.empty()) table_.tracks.push_back(std::move(p));
}

// The levels of the header row `hr` when columns are levels: each column's level (spanning
// headers share one), the remarks columns ("Comments") set apart.
Interpreter::LevelColumns Interpreter::ReadLevelColumns(int hr, int label_col) {
  LevelColumns lc;
  lc.hr = hr;
  lc.label_col = label_col;
  lc.first_col = label_col + 1;
  lc.col_level.assign(static_cast<size_t>(grid_.cols), -1);
  table_.tracks.push_back({});
  auto& levels = table_.tracks.back().levels;
  for (int c = lc.first_col; c < grid_.cols; ++c) {
    const html::GridSlot& s = grid_.At(hr, c);
    if (s.cell == -1 || Text(s.cell).empty()) continue;
    if (c > lc.first_col && grid_.At(hr, c - 1).cell == s.cell) {
      lc.col_level[static_cast<size_t>(c)] = lc.col_level[static_cast<size_t>(c - 1)];
      if (lc.note_cols.count(c - 1)) lc.note_cols.insert(c);
      continue;
    }
    std::string key;
    if (RoleOf(Text(s.cell), &key) == LabelRole::kNote) {  // "Comments": remarks per row
      lc.note_cols.insert(c);
      structural_.insert(s.cell);
      continue;
    }
    // Every column of the level row is a level; odd names are kept, with a warning.
    if (!LevelCell(Text(s.cell))) WarnOdd(s.cell, "column");
    levels.push_back(NewLevel(s.cell));
    lc.col_level[static_cast<size_t>(c)] = static_cast<int>(levels.size()) - 1;
  }
  return lc;
}

// True when row `r` repeats the header (two level columns or more say the same).
bool Interpreter::HeaderAgain(const LevelColumns& lc, int r) {
  int same = 0;
  for (auto [cell, c] : RowCells(r, lc.first_col)) {
    int header = grid_.At(lc.hr, c).cell;
    if (header != -1 && lc.col_level[static_cast<size_t>(c)] >= 0 && Text(cell) == Text(header))
      ++same;
  }
  return same >= 2;
}

void Interpreter::StartGroup(LevelColumns& lc, int cell) {
  model::CompetencyGroup g;
  g.name = Text(cell);
  g.id = UniqueId(text::Slugify(g.name), group_ids_);
  g.origin.where = Where(cell);
  table_.groups.push_back(std::move(g));
  lc.group = static_cast<int>(table_.groups.size()) - 1;
}

// Calls `apply` with each level of row `r` and its cell (a cell spanning levels for each of
// them, once), the label cell `label_cell` aside.
void Interpreter::EachLevel(LevelColumns& lc, int r, int label_cell,
                            const std::function<void(model::Level&, int)>& apply) {
  auto& levels = table_.tracks.back().levels;
  for (auto [cell, c] : RowCells(r, lc.first_col)) {
    if (lc.label_col >= 0 && cell == label_cell) continue;
    for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k) {
      int level = lc.col_level[static_cast<size_t>(k)];
      if (level < 0 || !lc.filled.insert({level, cell}).second) continue;
      apply(levels[static_cast<size_t>(level)], cell);
    }
  }
}

// A row whose label names no competency: the levels' summaries, titles, attributes or notes.
// Returns false for a competency's row.
bool Interpreter::LevelLabelRow(LevelColumns& lc, int r, int label_cell, const std::string& label) {
  if (lc.label_col >= 0 && IsSummaryLabel(label)) {
    structural_.insert(label_cell);
    EachLevel(lc, r, label_cell, [&](model::Level& l, int cell) { AppendSummary(l, cell); });
    return true;
  }
  std::string attribute;
  LabelRole role =
      label_cell == -1 || lc.label_col < 0 ? LabelRole::kCompetency : RoleOf(label, &attribute);
  if (role == LabelRole::kCompetency) return false;
  // A "Title" row names the levels; a "Years of experience" row is an attribute; a "Notes" row
  // holds remarks about each level.
  structural_.insert(label_cell);
  EachLevel(lc, r, label_cell, [&](model::Level& l, int cell) {
    std::string value = Text(cell);
    if (value.empty()) return;
    if (role == LabelRole::kTitle)
      l.title = value;
    else if (role == LabelRole::kNote)
      AppendNote(l.note, cell);
    else
      l.attributes.push_back({attribute, value});
  });
  return true;
}

// The row of a competency: named by its label (added to the open pillar), or a "<category>
// summary" row of the competency above; its remarks columns the competency's description.
void Interpreter::CompetencyRow(LevelColumns& lc, int r, const html::GridSlot& first,
                                const std::string& label) {
  bool summary_row = RowIsSummary(r);
  if (lc.label_col >= 0 && first.cell != -1 && first.origin) {
    if (text::EndsWith(text::ToLower(label), " summary") && lc.comp >= 0) {
      summary_row = true;  // "Delivery summary" under "Delivery"
      structural_.insert(first.cell);
    } else {
      lc.comp = AddCompetency(label.empty() ? "Row " + std::to_string(r + 1) : label, first.cell);
      if (lc.group >= 0) {
        auto& members = table_.groups[static_cast<size_t>(lc.group)].competencies;
        const std::string& id = table_.competencies[static_cast<size_t>(lc.comp)].id;
        if (std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
      }
    }
  }
  if (lc.label_col < 0 && lc.comp < 0) lc.comp = AddCompetency("Expectations", -1);
  if (lc.comp < 0) return;
  for (auto [cell, c] : RowCells(r, lc.first_col)) {
    if (!lc.note_cols.count(c)) continue;
    model::Competency& competency = table_.competencies[static_cast<size_t>(lc.comp)];
    std::string note = dom_.InlineMarkdown(cell);
    if (note.empty()) continue;
    if (!competency.description.empty()) competency.description += " ";
    competency.description += note;
  }
  const int comp = lc.comp;
  EachLevel(lc, r, first.cell,
            [&](model::Level& l, int cell) { Fill(l, comp, cell, summary_row); });
}

void Interpreter::ColumnsAreLevels(int hr, int label_col) {
  LevelColumns lc = ReadLevelColumns(hr, label_col);
  // Pillar rows above the header (the first pillar of a table that repeats its header).
  for (int r = first_row_; r < hr; ++r)
    if (FullRow(r) && label_col >= 0 && !Text(grid_.At(r, 0).cell).empty())
      StartGroup(lc, grid_.At(r, 0).cell);
  for (int r = header_rows_; r < grid_.rows; ++r) {
    std::vector<std::pair<int, int>> cells = RowCells(r, 0);
    if (cells.empty()) continue;
    if (FullRow(r)) {
      int cell = grid_.At(r, 0).cell;
      if (Text(cell).empty()) continue;
      if (label_col >= 0)
        StartGroup(lc, cell);
      else
        lc.comp = AddCompetency(Text(cell), cell);  // no label column: the row names one
      continue;
    }
    if (HeaderAgain(lc, r)) {
      for (auto [cell, c] : cells) structural_.insert(cell);
      continue;
    }
    const html::GridSlot& first = label_col >= 0 ? grid_.At(r, label_col) : grid_.At(r, 0);
    std::string label = label_col >= 0 && first.cell != -1 ? Text(first.cell) : std::string();
    if (LevelLabelRow(lc, r, first.cell, label)) continue;
    CompetencyRow(lc, r, first, label);
  }
  table_.groups.erase(std::remove_if(table_.groups.begin(), table_.groups.end(),
                                     [](const auto& g) { return g.competencies.empty(); }),
                      table_.groups.end());
}

}  // namespace ladder::formats::level_table::internal
