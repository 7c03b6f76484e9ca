#include "formats/sheet_matrix.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "formats/level_table.h"

namespace ladder::formats {
namespace {

// Header rows are looked for among the first rows (columns) of a sheet.
constexpr int kHeaderSearch = 30;
// A header naming more levels than this names something else.
constexpr int kMaxLevels = 60;

std::string Key(std::string_view s) { return text::ToLower(text::Trim(text::CollapseSpace(s))); }

// A sheet seen with its levels as columns: as it is, or transposed when the levels are rows.
// Sizes are computed once and merged ranges indexed by row, so that a lookup costs the merges
// of one row (a sheet of 10,000 rows is read in linear time).
class Grid {
 public:
  Grid(const Sheet& sheet, bool transposed)
      : s_(sheet), t_(transposed), width_(sheet.Width()), height_(sheet.Height()) {
    for (size_t i = 0; i < s_.merges.size(); ++i) {
      const MergedRange& m = s_.merges[i];
      MergedRange g = t_ ? MergedRange{m.col, m.row, m.cols, m.rows} : m;
      if (g.rows > kTallMerge) {
        if (tall_.size() < 1000) tall_.push_back(g);
        continue;
      }
      for (int r = g.row; r < g.row + g.rows; ++r) by_row_[r].push_back(g);
    }
  }
  int Rows() const { return t_ ? width_ : height_; }
  int Cols() const { return t_ ? height_ : width_; }
  const std::string& At(int r, int c) const { return t_ ? s_.At(c, r) : s_.At(r, c); }
  bool Empty(int r, int c) const { return text::Trim(At(r, c)).empty(); }
  int Line(int r, int c) const { return s_.LineOf(t_ ? c : r); }
  // The merged range covering (r, c) in grid coordinates, or nullopt.
  std::optional<MergedRange> MergeCovering(int r, int c) const {
    auto covers = [&](const MergedRange& g) {
      return r >= g.row && r < g.row + g.rows && c >= g.col && c < g.col + g.cols;
    };
    if (auto it = by_row_.find(r); it != by_row_.end())
      for (const MergedRange& g : it->second)
        if (covers(g)) return g;
    for (const MergedRange& g : tall_)
      if (covers(g)) return g;
    return std::nullopt;
  }
  // The text shown at (r, c): its own, or that of the merged range covering it.
  std::string Shown(int r, int c) const {
    if (!Empty(r, c)) return At(r, c);
    if (auto m = MergeCovering(r, c)) return At(m->row, m->col);
    return {};
  }

 private:
  static constexpr int kTallMerge = 64;  // taller ranges are few: kept in a list
  const Sheet& s_;
  bool t_;
  int width_;
  int height_;
  std::unordered_map<int, std::vector<MergedRange>> by_row_;
  std::vector<MergedRange> tall_;
};

bool IsOneOf(std::string_view text, std::initializer_list<const char*> words) {
  std::string k = Key(text);
  while (!k.empty() && (k.back() == ':' || k.back() == '.')) k.pop_back();
  for (const char* w : words)
    if (k == w) return true;
  return false;
}

bool IsCorner(std::string_view t) {
  return IsOneOf(t, {"level", "levels", "grade", "grades", "step", "steps", "stage", "band",
                     "seniority", "rank", "tier", "proficiency", "proficiency level", "milestone",
                     "career level", "job level"});
}

bool IsLabelWord(std::string_view t) {
  std::string k = Key(t);
  if (k.find('_') != std::string::npos) return true;  // a column name: competency_domain
  return IsOneOf(
      t, {"competency",  "competencies", "skill",    "skills",    "area",     "areas",   "category",
          "categories",  "topic",        "theme",    "dimension", "pillar",   "name",    "title",
          "description", "domain",       "group",    "id",        "notes",    "comment", "comments",
          "capability",  "behaviour",    "behavior", "attribute", "criteria", "example", "examples",
          "type",        "owner",        "weight"});
}

bool IsDescriptionWord(std::string_view t) {
  return IsOneOf(t, {"description", "definition", "what it means", "overview", "about", "summary"});
}
bool IsSummaryLabel(std::string_view t) {
  return IsOneOf(t, {"summary", "level summary", "overview", "description", "level description",
                     "role summary", "in short"});
}
bool IsYearsLabel(std::string_view t) {
  return IsOneOf(t, {"years of experience", "experience", "years", "typical experience"});
}
bool IsRequirementsLabel(std::string_view t) {
  return IsOneOf(t, {"requirements", "requirement", "promotion requirements", "promotion criteria",
                     "to reach this level", "how to get here", "checkpoints"});
}

// "1 year at Level 1 [time_at_level …]" -> "1 year at Level 1": the rule text Ladder's export
// adds is not part of the sentence.
std::string WithoutRuleNote(std::string line) {
  std::string_view t = text::Trim(line);
  if (t.ends_with("]")) {
    size_t open = t.rfind(" [");
    if (open != std::string_view::npos) return std::string(text::Trim(t.substr(0, open)));
  }
  return std::string(t);
}

std::vector<std::string> Lines(std::string_view cell) {
  std::vector<std::string> out;
  for (const std::string& l : text::SplitLines(cell)) {
    std::string_view t = text::Trim(l);
    for (std::string_view b : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\xA2"})
      if (t.starts_with(b)) t = text::Trim(t.substr(b.size()));
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

struct HeaderGuess {
  int score = -1000;
  int header = 0;
  int label = 0;
  int steps = 0;
  int levels = 0;
  bool corner = false;
  bool label_word = false;  // the labels' header says what they are ("Competency", "Skill")
};

// How well row `h` of `g` reads as the header naming the levels.
HeaderGuess ScoreHeader(const Grid& g, int h) {
  HeaderGuess out;
  out.header = h;
  int first = -1;
  for (int c = 0; c < g.Cols() && first < 0; ++c)
    if (!g.Empty(h, c)) first = c;
  if (first < 0) return out;
  // The label column: the first column holding text below the header, left of the levels.
  int label = first;
  bool first_is_level = matrix::LooksLikeStep(g.At(h, first)) && !IsCorner(g.At(h, first));
  if (first_is_level) {
    label = -1;
    for (int c = 0; c < first && label < 0; ++c)
      for (int r = h + 1; r < g.Rows() && r < h + 200; ++r)
        if (!g.Empty(r, c)) {
          label = c;
          break;
        }
    if (label < 0) return out;
  }
  out.label = label;
  out.corner = IsCorner(g.At(h, label));
  out.label_word = IsLabelWord(g.At(h, label));
  int levels = 0;
  int labelish = 0;
  for (int c = label + 1; c < g.Cols(); ++c) {
    if (g.Empty(h, c)) continue;
    ++levels;
    // "IC3\nSenior Engineer": the first line names the level, the next its title.
    std::string_view name = g.At(h, c);
    name = text::Trim(name.substr(0, name.find('\n')));
    if (matrix::LooksLikeStep(name))
      ++out.steps;
    else if (IsLabelWord(g.At(h, c)))
      ++labelish;
  }
  out.levels = levels;
  // Frameworks have a few dozen levels at most: a longer header lists something else.
  if (levels > kMaxLevels) return out;
  // One level is a matrix only when its name reads as a level beside a "Competency" label.
  if (levels < 2 && !(levels == 1 && out.steps == 1 && out.label_word)) return out;
  bool content = false;
  for (int r = h + 1; r < g.Rows() && r < h + 200 && !content; ++r)
    for (int c = label + 1; c < g.Cols() && !content; ++c)
      content = !g.Empty(h, c) && !g.Empty(r, c);
  if (!content) return out;
  out.score = out.steps * 10 - labelish * 10 + (out.corner ? 8 : 0) - h / 4;
  return out;
}

// Ladder's guess for one sheet.
SheetMap GuessSheet(const Sheet& sheet) {
  SheetMap map;
  map.sheet = sheet.name;
  HeaderGuess best;
  bool best_rows = false;
  for (bool rows : {false, true}) {
    Grid g(sheet, rows);
    for (int h = 0; h < g.Rows() && h < kHeaderSearch; ++h) {
      HeaderGuess guess = ScoreHeader(g, h);
      if (guess.score > best.score) {
        best = guess;
        best_rows = rows;
      }
    }
  }
  bool found = best.steps >= 2 || (best.corner && best.score > 0) ||
               (best.levels == 1 && best.steps == 1 && best.label_word);
  if (!found) {
    // A table with a header row whose names are not labels: levels in columns.
    Grid g(sheet, false);
    for (int h = 0; h < g.Rows() && h < kHeaderSearch && !found; ++h) {
      HeaderGuess guess = ScoreHeader(g, h);
      if (guess.score > -1000 && guess.score >= 0) {
        int filled = 0;
        for (int c = 0; c < g.Cols(); ++c) filled += !g.Empty(h, c);
        if (filled >= 3) {
          best = guess;
          best_rows = false;
          found = true;
        }
      }
    }
  }
  if (!found || sheet.hidden) {
    map.use = sheet.hidden ? SheetMap::Use::kSkip : SheetMap::Use::kNotes;
    return map;
  }
  map.levels = best_rows ? SheetMap::Axis::kRows : SheetMap::Axis::kColumns;
  map.header = best.header + 1;
  map.labels = best.label + 1;
  return map;
}

// What one sheet's matrix holds, before sheets sharing levels are put together.
struct SheetResult {
  std::string sheet;
  std::string track;  // from the map, or ""
  std::vector<std::string> level_names;
  std::vector<SourceLocation> level_where;
  std::vector<std::string> level_tracks;  // from a merged row above the header, per level
  std::vector<std::string> summaries;
  std::vector<std::string> years;
  std::vector<std::vector<std::string>> requirements;
  struct Row {
    std::string label;
    std::string group;
    std::string description;
    SourceLocation where;
    std::vector<std::string> cells;  // per level, raw text
    std::vector<SourceLocation> cell_where;
  };
  std::vector<Row> rows;
  bool has_groups = false;
  std::string title;  // a short line alone above the header
};

class SheetReader {
 public:
  SheetReader(const Sheet& sheet, const SheetMap& map, std::string file, std::string label,
              std::vector<Passage>& passages, std::vector<ImportWarning>& warnings)
      : sheet_(sheet),
        map_(map),
        g_(sheet, map.levels == SheetMap::Axis::kRows),
        file_(std::move(file)),
        label_(std::move(label)),
        passages_(passages),
        warnings_(warnings) {}

  // Reads the matrix; cells outside it go to `notes` in sheet order.
  Result<SheetResult> Read(std::vector<std::string>& notes) {
    out_.sheet = sheet_.name;
    out_.track = map_.track;
    h_ = map_.header - 1;
    label_col_ = map_.labels - 1;
    if (h_ < 0 || h_ >= g_.Rows())
      return Bad("the header " + Axis() + " " + std::to_string(map_.header) +
                 " is outside the sheet");
    LADDER_TRY_STATUS(Header());
    const int first = map_.first > 0 ? map_.first - 1 : h_ + 1;
    const int last = map_.last > 0 ? std::min(map_.last - 1, g_.Rows() - 1) : g_.Rows() - 1;
    for (int r = first; r <= last; ++r) Row(r);
    for (const auto& [row, gname] : unused_groups_) Note(row, label_col_, gname);
    // Everything else on the sheet is a note, row by row.
    for (int r = 0; r < g_.Rows(); ++r)
      for (int c = 0; c < g_.Cols(); ++c)
        if (!g_.Empty(r, c) && !used_.count({r, c})) {
          Note(r, c, std::string(text::Trim(g_.At(r, c))));
          Keep(r, c);
        }
    std::stable_sort(placed_.begin(), placed_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [at, t] : placed_) notes.push_back(std::move(t));
    Title();
    WarnEmptyLevels();
    return std::move(out_);
  }

 private:
  // The header: the level columns (and a description column), their names and tracks.
  Status Header() {
    for (int c = label_col_ + 1; c < g_.Cols(); ++c) {
      if (g_.Empty(h_, c)) continue;
      if (IsDescriptionWord(g_.At(h_, c)) && level_cols_.empty()) {
        description_col_ = c;
        continue;
      }
      level_cols_.push_back(c);
    }
    if (level_cols_.empty())
      return Bad("the header " + Axis() + " " + std::to_string(map_.header) +
                 " names no levels right of the labels");
    used_.insert({h_, label_col_});
    if (description_col_ >= 0) used_.insert({h_, description_col_});
    for (int c : level_cols_) {
      used_.insert({h_, c});
      out_.level_names.push_back(std::string(text::Trim(g_.At(h_, c))));
      out_.level_where.push_back(Where(h_, c));
      Keep(h_, c);
      std::string track;
      // A heading merged over some of the levels names their track; one over the labels too
      // is the sheet's title.
      if (h_ > 0)
        if (auto m = g_.MergeCovering(h_ - 1, c);
            m && m->cols > 1 && m->col > label_col_ && !g_.Empty(m->row, m->col)) {
          track = std::string(text::Trim(g_.At(m->row, m->col)));
          used_.insert({m->row, m->col});
        }
      out_.level_tracks.push_back(track);
    }
    const size_t n = level_cols_.size();
    out_.summaries.assign(n, "");
    out_.years.assign(n, "");
    out_.requirements.assign(n, {});
    return Ok();
  }

  // One row of the matrix: a group, a level row (summary, years, requirements), the
  // continuation of the competency above, or a competency.
  void Row(int r) {
    std::string label(text::Trim(g_.Shown(r, label_col_)));
    std::vector<std::string> cells;
    bool any = false;
    for (int c : level_cols_) {
      std::string t(text::Trim(g_.Empty(r, c) ? HorizontalFill(r, c) : g_.At(r, c)));
      any = any || !t.empty();
      cells.push_back(std::move(t));
    }
    // A row whose label cell spans the matrix is a group even if the span "fills" cells.
    if (auto m = g_.MergeCovering(r, label_col_);
        m && m->row == r && m->cols > 1 && !label.empty()) {
      any = false;
      for (auto& c : cells) c.clear();
    }
    if (label.empty() && !any) return;
    used_.insert({r, label_col_});
    for (int c : level_cols_) used_.insert({r, c});
    if (description_col_ >= 0) used_.insert({r, description_col_});
    if (!label.empty() && !any) {
      group_ = label;
      out_.has_groups = true;
      unused_groups_.push_back({r, group_});
      Keep(r, label_col_);
    } else if (!label.empty() &&
               (IsSummaryLabel(label) || IsYearsLabel(label) || IsRequirementsLabel(label))) {
      LevelRow(r, label, cells);
    } else if (label.empty()) {
      Continuation(r, cells);
    } else {
      Competency(r, label, std::move(cells));
    }
  }

  void LevelRow(int r, const std::string& label, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty()) continue;
      Keep(r, level_cols_[i]);
      if (IsSummaryLabel(label))
        out_.summaries[i] += (out_.summaries[i].empty() ? "" : "\n") + cells[i];
      else if (IsYearsLabel(label))
        out_.years[i] = text::CollapseSpace(cells[i]);
      else
        for (std::string& line : Lines(cells[i]))
          out_.requirements[i].push_back(WithoutRuleNote(std::move(line)));
    }
  }

  // A row without a label continues the competency above it (or, before any, is a note).
  void Continuation(int r, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty()) continue;
      Keep(r, level_cols_[i]);
      if (out_.rows.empty()) {
        Note(r, level_cols_[i], cells[i]);
        continue;
      }
      SheetResult::Row& prev = out_.rows.back();
      prev.cells[i] += (prev.cells[i].empty() ? "" : "\n") + cells[i];
      if (!prev.cell_where[i].Known()) prev.cell_where[i] = Where(r, level_cols_[i]);
    }
  }

  void Competency(int r, const std::string& label, std::vector<std::string> cells) {
    SheetResult::Row row;
    row.label = label;
    row.group = group_;
    if (!group_.empty())
      std::erase_if(unused_groups_, [&](const auto& g) { return g.second == group_; });
    row.where = Where(r, label_col_);
    if (!g_.Empty(r, label_col_)) Keep(r, label_col_);
    if (description_col_ >= 0 && !g_.Empty(r, description_col_)) {
      row.description = std::string(text::Trim(g_.At(r, description_col_)));
      Keep(r, description_col_);
    }
    for (size_t i = 0; i < cells.size(); ++i) {
      row.cell_where.push_back(cells[i].empty() ? SourceLocation{} : Where(r, level_cols_[i]));
      if (!cells[i].empty() && !g_.Empty(r, level_cols_[i])) Keep(r, level_cols_[i]);
    }
    row.cells = std::move(cells);
    out_.rows.push_back(std::move(row));
  }

  // A short line alone above the header is the sheet's title.
  void Title() {
    for (int r = 0; r < h_ && out_.title.empty(); ++r) {
      int filled = 0;
      for (int c = 0; c < g_.Cols(); ++c) filled += !g_.Empty(r, c);
      if (filled == 0) continue;
      std::string t(text::Trim(g_.At(r, 0)));
      if (filled == 1 && !t.empty() && text::CountWords(t) <= 8 &&
          t.find('\n') == std::string::npos)
        out_.title = t;
      break;
    }
  }

  void WarnEmptyLevels() {
    for (size_t i = 0; i < level_cols_.size(); ++i) {
      bool any = !out_.summaries[i].empty() || !out_.years[i].empty();
      for (const auto& row : out_.rows) any = any || !row.cells[i].empty();
      if (!any)
        warnings_.push_back({out_.level_where[i], "sheet '" + sheet_.name + "': level '" +
                                                      text::CollapseSpace(out_.level_names[i]) +
                                                      "' has no cells; it is kept, undefined"});
    }
  }

  void Note(int r, int c, std::string t) { placed_.push_back({{r, c}, std::move(t)}); }

  // What the header is: a row, or a column when the levels are rows.
  std::string Axis() const { return map_.levels == SheetMap::Axis::kRows ? "column" : "row"; }

  std::unexpected<Error> Bad(std::string message) const {
    return MakeError(ErrorCode::kInvalidArgument, "sheet '" + sheet_.name + "': " + message,
                     SourceLocation{file_, 0, 0});
  }

  SourceLocation Where(int r, int c) const { return SourceLocation{label_, g_.Line(r, c), 0}; }

  void Keep(int r, int c) {
    std::string t = text::CollapseSpace(g_.At(r, c));
    if (!text::Trim(t).empty())
      passages_.push_back({g_.Line(r, c), std::string(text::Trim(t)), label_});
  }

  // The text of a merged range starting left of (r, c) in a level column of the same row.
  std::string HorizontalFill(int r, int c) const {
    auto m = g_.MergeCovering(r, c);
    if (!m || m->col <= label_col_ || m->row != r) return {};
    return g_.At(m->row, m->col);
  }

  const Sheet& sheet_;
  const SheetMap& map_;
  Grid g_;
  std::string file_;
  std::string label_;
  std::vector<Passage>& passages_;
  std::vector<ImportWarning>& warnings_;
  // The reading in progress.
  SheetResult out_;
  int h_ = 0;          // the header row (of the grid)
  int label_col_ = 0;  // the labels' column
  int description_col_ = -1;
  std::vector<int> level_cols_;
  std::set<std::pair<int, int>> used_;  // grid cells that are part of the matrix
  std::vector<std::pair<std::pair<int, int>, std::string>> placed_;  // notes by (row, col)
  std::string group_;
  std::vector<std::pair<int, std::string>> unused_groups_;  // group rows without competencies
};

std::string LevelsKey(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const std::string& n : names) keys.push_back(Key(n));
  return text::Join(keys, "\x1f");
}

// Adds one sheet's result to `track` of `m`, its levels matched by name (else appended).
void AddToTrack(SheetResult& s, matrix::Track& track, const std::string& group_fallback,
                matrix::Matrix& m) {
  std::vector<size_t> index;  // sheet level -> track level
  std::unordered_map<std::string, size_t> by_name;
  for (size_t j = 0; j < track.levels.size(); ++j) by_name.emplace(Key(track.levels[j].name), j);
  for (size_t i = 0; i < s.level_names.size(); ++i) {
    size_t found = track.levels.size();
    if (auto it = by_name.find(Key(s.level_names[i])); it != by_name.end()) found = it->second;
    if (found == track.levels.size()) {
      by_name.emplace(Key(s.level_names[i]), found);
      matrix::Level l;
      l.name = s.level_names[i];
      l.where = s.level_where[i];
      track.levels.push_back(std::move(l));
      if (!track.where.Known()) track.where = s.level_where[i];
    }
    index.push_back(found);
  }
  for (size_t i = 0; i < index.size(); ++i) {
    matrix::Level& l = track.levels[index[i]];
    if (!s.summaries[i].empty()) l.summary += (l.summary.empty() ? "" : " ") + s.summaries[i];
    if (!s.years[i].empty()) l.attributes.push_back({"years_of_experience", s.years[i]});
    for (std::string& r : s.requirements[i]) l.requirements.push_back(std::move(r));
  }
  for (SheetResult::Row& row : s.rows) {
    std::string group = row.group.empty() ? group_fallback : row.group;
    int c = m.CompetencyIndex(row.label, group, row.where);
    if (!row.description.empty() && m.competencies[static_cast<size_t>(c)].description.empty())
      m.competencies[static_cast<size_t>(c)].description = row.description;
    for (size_t i = 0; i < index.size(); ++i) {
      if (row.cells[i].empty()) continue;
      matrix::Cell& cell = track.levels[index[i]].cells[c];
      matrix::Cell read = matrix::CellFromText(row.cells[i], row.cell_where[i]);
      if (cell.Empty()) {
        cell = std::move(read);
      } else {
        for (std::string& b : read.behaviours) cell.behaviours.push_back(std::move(b));
      }
    }
  }
}

}  // namespace

std::vector<SheetMap> GuessSheetMaps(const Workbook& book) {
  std::vector<SheetMap> maps;
  for (const Sheet& s : book.sheets) maps.push_back(GuessSheet(s));
  return maps;
}

namespace {

// Refuses a map that names a sheet the workbook does not have.
Status CheckMapsNameSheets(const Workbook& book, const std::vector<SheetMap>& given,
                           const std::string& file) {
  for (const SheetMap& map : given) {
    bool found = false;
    for (const Sheet& s : book.sheets) found = found || s.name == map.sheet;
    if (found) continue;
    std::vector<std::string> names;
    for (const Sheet& s : book.sheets) names.push_back("'" + s.name + "'");
    return MakeError(ErrorCode::kInvalidArgument,
                     "the map names sheet '" + map.sheet +
                         "', which the workbook does not have "
                         "(sheets: " +
                         text::Join(names, ", ") + ")",
                     SourceLocation{file, 0, 0}, "sheets");
  }
  return Ok();
}

// The map given for `sheet` (the last one naming it), else the guessed one.
SheetMap MapFor(const Sheet& sheet, const std::vector<SheetMap>& given) {
  SheetMap map = GuessSheet(sheet);
  for (const SheetMap& g : given)
    if (g.sheet == sheet.name) map = g;
  return map;
}

// Keeps every cell of a sheet that is not a matrix as a passage; returns the cells of a notes
// sheet, as written.
std::vector<std::string> KeepCells(const Sheet& sheet, const SheetMap& map,
                                   const std::string& label, std::vector<Passage>& passages) {
  std::vector<std::string> notes;
  const int width = sheet.Width();
  for (int r = 0; r < sheet.Height(); ++r)
    for (int c = 0; c < width; ++c) {
      std::string t(text::Trim(text::CollapseSpace(sheet.At(r, c))));
      if (t.empty()) continue;
      passages.push_back({sheet.LineOf(r), t, label});
      if (map.use == SheetMap::Use::kNotes)
        notes.push_back(std::string(text::Trim(sheet.At(r, c))));
    }
  return notes;
}

// Adds one note, titled after the sheet, holding `notes`.
void AddSheetNote(const Sheet& sheet, const std::string& label,
                  const std::vector<std::string>& notes, matrix::Matrix& m) {
  model::Note note;
  note.title = sheet.name.empty() ? "Notes" : sheet.name;
  note.markdown = text::Join(notes, "\n\n");
  note.origin.where = SourceLocation{label, 0, 0};
  m.notes.push_back(std::move(note));
}

// The sheets that share a track, in order of first appearance: those whose map names the same
// track, else those whose levels have the same names.
std::vector<std::vector<size_t>> SheetsByTrack(const std::vector<SheetResult>& results) {
  std::map<std::string, size_t> group_of;  // key -> index in the result
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < results.size(); ++i) {
    std::string key = results[i].track.empty() ? LevelsKey(results[i].level_names)
                                               : "track:" + Key(results[i].track);
    auto [it, inserted] = group_of.emplace(key, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;
}

// Whether every level of `s` sits under a merged track heading ("Individual contributor" over
// B:D), and there is more than one: those levels form those tracks.
bool SplitsByTrackHeading(const SheetResult& s) {
  return std::all_of(s.level_tracks.begin(), s.level_tracks.end(),
                     [](const std::string& t) { return !t.empty(); }) &&
         std::set<std::string>(s.level_tracks.begin(), s.level_tracks.end()).size() > 1;
}

// `s` cut into one result per track heading of its levels, in order of first appearance.
std::vector<std::pair<std::string, SheetResult>> SplitByTrackHeading(const SheetResult& s) {
  std::vector<std::pair<std::string, SheetResult>> parts;
  for (size_t l = 0; l < s.level_names.size(); ++l) {
    const std::string& t = s.level_tracks[l];
    auto part =
        std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == t; });
    if (part == parts.end()) {
      SheetResult p = s;
      p.level_names.clear(), p.level_where.clear(), p.summaries.clear(), p.years.clear(),
          p.requirements.clear();
      for (auto& row : p.rows) row.cells.clear(), row.cell_where.clear();
      parts.emplace_back(t, std::move(p));
      part = parts.end() - 1;
    }
    SheetResult& p = part->second;
    p.level_names.push_back(s.level_names[l]);
    p.level_where.push_back(s.level_where[l]);
    p.summaries.push_back(s.summaries[l]);
    p.years.push_back(s.years[l]);
    p.requirements.push_back(s.requirements[l]);
    for (size_t r = 0; r < s.rows.size(); ++r) {
      p.rows[r].cells.push_back(s.rows[r].cells[l]);
      p.rows[r].cell_where.push_back(s.rows[r].cell_where[l]);
    }
  }
  return parts;
}

// Adds the sheets of one track (`sheets`, indices into `results`) to `m`; `several` when the
// workbook has more than one track, which then takes its first sheet's name when unnamed.
void AddTrackSheets(std::vector<SheetResult>& results, const std::vector<size_t>& sheets,
                    bool several, matrix::Matrix& m) {
  SheetResult& first = results[sheets.front()];
  std::string name = first.track;
  if (name.empty() && several) name = first.sheet;
  const bool split = SplitsByTrackHeading(first);
  for (size_t i : sheets) {
    SheetResult& s = results[i];
    std::string fallback = sheets.size() > 1 && !s.has_groups ? s.sheet : "";
    if (split && i == sheets.front()) {
      for (auto& [track, part] : SplitByTrackHeading(s))
        AddToTrack(part, m.TrackNamed(track, part.level_where.front()), fallback, m);
      continue;
    }
    AddToTrack(s, m.TrackNamed(name, s.level_where.front()), fallback, m);
  }
}

}  // namespace

Status ReadSheets(const Workbook& book, const std::vector<SheetMap>& given, const std::string& file,
                  matrix::Matrix& m, std::vector<Passage>& passages,
                  std::vector<ImportWarning>& warnings) {
  LADDER_TRY_STATUS(CheckMapsNameSheets(book, given, file));
  const bool several = book.sheets.size() > 1;
  std::vector<SheetResult> results;
  for (const Sheet& sheet : book.sheets) {
    SheetMap map = MapFor(sheet, given);
    std::string label = several && !sheet.name.empty() ? file + " [" + sheet.name + "]" : file;
    std::vector<std::string> notes;
    if (map.use == SheetMap::Use::kMatrix) {
      SheetReader reader(sheet, map, file, label, passages, warnings);
      LADDER_TRY(SheetResult r, reader.Read(notes));
      if (m.name.empty() && !r.title.empty()) m.name = r.title;
      results.push_back(std::move(r));
    } else {
      notes = KeepCells(sheet, map, label, passages);
    }
    if (!notes.empty()) AddSheetNote(sheet, label, notes, m);
  }
  const std::vector<std::vector<size_t>> groups = SheetsByTrack(results);
  for (const std::vector<size_t>& sheets : groups)
    AddTrackSheets(results, sheets, groups.size() > 1, m);
  return Ok();
}

}  // namespace ladder::formats
