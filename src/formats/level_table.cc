#include "formats/level_table.h"

#include <algorithm>
#include <limits>
#include <regex>

#include "base/text.h"
#include "formats/level_table_interpreter.h"

namespace ladder::formats::level_table {
namespace internal {
namespace {

int Words(std::string_view s) { return text::CountWords(s); }

std::string Clean(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

// "An individual ... issues. Senior Support Engineer" -> "Senior Support Engineer": a short
// title-cased last sentence of a level summary names the role.
std::string TitleFromSummary(std::string_view summary) {
  std::string s = Clean(summary);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  size_t cut = s.rfind(". ");
  if (cut == std::string::npos) return {};
  std::string last = s.substr(cut + 2);
  if (last.empty() || Words(last) > 4 || last.find(',') != std::string::npos) return {};
  for (const std::string& w : text::Split(last, ' '))
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return {};
  return last;
}

// "Experience (typical):" -> "experience": a label without its qualifier and punctuation.
std::string BareLabel(std::string_view label) {
  std::string l = text::ToLower(Clean(label));
  size_t paren = l.find(" (");
  if (paren != std::string::npos && l.ends_with(")")) l = l.substr(0, paren);
  while (!l.empty() && (l.back() == ':' || l.back() == '*' || l.back() == ' ')) l.pop_back();
  return l;
}

std::string Key(std::string_view label) {
  std::string key = text::Slugify(label);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

// A single-level heading of a table corner: "Level", "Level/Skill", "Grade", "#".
bool IsLevelCorner(std::string_view corner) {
  static const std::regex kCorner(
      R"(^(#|level #|(levels?|grades?|bands?|tiers?|steps?|lvl|rank)\b.*)$)", std::regex::icase);
  std::string c = Clean(corner);
  return c.size() <= 40 && std::regex_match(c, kCorner);
}

// How many of a row's header cells name levels: those that look like one, and a role beside
// its own senior form ("Accountant" beside "Senior Accountant": one ladder's steps).
int LevelHeaders(const std::vector<std::string>& headers) {
  int score = 0;
  for (const std::string& h : headers) {
    bool level = LooksLikeLevel(h);
    std::string role = " " + text::ToLower(Clean(h));
    for (const std::string& other : headers) {
      std::string o = text::ToLower(Clean(other));
      level = level || (role.size() > 3 && o.size() > role.size() && o.ends_with(role) &&
                        LooksLikeLevel(other));
    }
    score += level ? 1 : 0;
  }
  return score;
}

}  // namespace

std::string UniqueId(std::string base, std::set<std::string>& used) {
  std::string id = base;
  for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
  used.insert(id);
  return id;
}

// Longer than this, a cell is not a column's label.
constexpr size_t kMaxLabelBytes = 200;

LabelRole RoleOf(std::string_view label, std::string* key) {
  std::string l = BareLabel(label);
  static const std::set<std::string> kTitles = {
      "title",     "titles",     "role",     "roles",      "role name", "role title",
      "job title", "job titles", "name",     "level name", "position",  "level title",
      "title(s)",  "job role",   "job name", "role names", "positions"};
  static const std::set<std::string> kExperience = {"years of experience",
                                                    "experience",
                                                    "typical experience",
                                                    "yoe",
                                                    "years",
                                                    "years of exp",
                                                    "typical years of experience",
                                                    "years experience",
                                                    "experience level"};
  static const std::regex kNote(
      R"(^(notes?|comments?|remarks?|additional .*|other notes|key points.*|.*\bnotes\b.*)$)");
  static const std::regex kAttribute(
      R"(\b(equivalent|equivalence|time in (role|level)|time at level|typical time|salary|compensation|pay band|pay range|job code|job family|mapping|maps to)\b)");
  if (kTitles.count(l)) return LabelRole::kTitle;
  if (kExperience.count(l)) {
    *key = "years_of_experience";
    return LabelRole::kAttribute;
  }
  // A label is a few words; a long cell is content (and std::regex recurses per character: a
  // cell of thousands would exhaust the stack).
  if (l.size() > kMaxLabelBytes) return LabelRole::kCompetency;
  if (std::regex_match(l, kNote)) return LabelRole::kNote;
  if (std::regex_search(l, kAttribute) || l.starts_with("title ") || l.starts_with("title(")) {
    std::string full = text::ToLower(Clean(label));
    while (!full.empty() && (full.back() == ':' || full.back() == '*')) full.pop_back();
    *key = Key(full);
    return LabelRole::kAttribute;
  }
  return LabelRole::kCompetency;
}

bool IsSummaryLabel(std::string_view label) {
  std::string l = BareLabel(label);
  return l == "summary" || l == "level summary" || l == "overview" || l == "description" ||
         l == "role summary" || l == "level description";
}

Interpreter::Interpreter(const html::Dom& dom, int table, std::string_view file, bool expect)
    : dom_(dom), grid_(html::ExtractGrid(dom, table)), file_(file), expect_(expect) {
  // A caption is a child of its table (the parser moves one written elsewhere there).
  for (int child : dom.At(table).children) {
    if (!dom.IsElement(child, "caption")) continue;
    table_.caption = Clean(dom.Text(child));
    table_.caption_line = dom.Line(child);
    break;
  }
}

std::optional<Table> Interpreter::Run() {
  if (grid_.rows == 0 || grid_.cols < 2) return std::nullopt;
  const int top = FindHeader();
  if (top >= grid_.rows) return std::nullopt;
  const int hr = header_rows_ > top ? header_rows_ - 1 : top;
  if (header_rows_ > top && grid_.At(hr, 0).cell != -1)
    level_corner_ = IsLevelCorner(Text(grid_.At(hr, 0).cell));
  if (!ReadLayout(top, hr)) return std::nullopt;
  Finish();
  return std::move(table_);
}

// Sets first_row_ (below the caption rows) and header_rows_. Returns the first row below the
// leading pillar rows (a table that starts with its first pillar, then the header), grid_.rows
// when there is none.
int Interpreter::FindHeader() {
  first_row_ = CaptionRows();
  int top = first_row_;
  while (top < grid_.rows && FullRow(top)) ++top;
  header_rows_ = CountHeaderRows(top);
  if (top >= grid_.rows) return top;
  // A first row of plain cells naming the columns (no <th>): its corner does not name a level;
  // or every cell of it names a level (levels as columns with no label column).
  if (header_rows_ == top && top + 1 < grid_.rows && RowCells(top, 0).size() >= 2) {
    int corner = grid_.At(top, 0).cell;
    bool corner_level =
        corner != -1 && (LooksLikeLevel(Text(corner)) || IsBareLevelNumber(Text(corner)));
    bool all_levels = true;
    for (auto [cell, c] : RowCells(top, 0)) all_levels = all_levels && LooksLikeLevel(Text(cell));
    if (corner != -1 && (!corner_level || all_levels)) header_rows_ = top + 1;
  }
  return top;
}

// How many body cells of column `col` name levels (cells spanning the rest of the row aside).
int Interpreter::ColumnScore(int col) {
  int score = 0;
  std::set<int> seen;
  for (int r = header_rows_; r < grid_.rows; ++r) {
    int cell = grid_.At(r, col).cell;
    if (cell == -1 || !seen.insert(cell).second) continue;
    if (grid_.At(r, col).col_span < grid_.cols - col && LevelCell(Text(cell))) ++score;
  }
  return score;
}

// How many cells of the header row `hr` name levels, the label column aside.
int Interpreter::HeaderScore(int hr) {
  std::vector<std::string> headers;
  std::set<int> seen;
  for (int c = 1; c < grid_.cols; ++c) {
    int cell = grid_.At(hr, c).cell;
    if (cell != -1 && seen.insert(cell).second) headers.push_back(Text(cell));
  }
  return LevelHeaders(headers);
}

// Reads the table by the axis that names levels: rows (or, with ladder columns, an overview)
// or columns. False when neither does.
bool Interpreter::ReadLayout(int top, int hr) {
  int col_score = ColumnScore(0);
  const int row_score = HeaderScore(hr);
  const int needed = expect_ ? 1 : 2;
  // The corner cell names the axes ("Level", "Area"): structure, not content.
  for (int r = top; r < header_rows_; ++r)
    if (grid_.At(r, 0).cell != -1) structural_.insert(grid_.At(r, 0).cell);
  const int corner = grid_.At(hr, 0).cell;
  const bool corner_is_level = corner != -1 && header_rows_ > top && LooksLikeLevel(Text(corner));
  if (header_rows_ == top && corner != -1 && !LooksLikeLevel(Text(corner)))
    structural_.insert(corner);
  // Two label columns: the first names the ladder of its rows (spanning them), the second the
  // levels ("| Track | Level | Delivery |" with "IC" spanning IC1 .. IC5).
  if (col_score < needed && grid_.cols >= 3) {
    int spanning = 0;
    for (int r = header_rows_; r < grid_.rows; ++r)
      if (grid_.At(r, 0).origin && grid_.At(r, 0).row_span > 1) ++spanning;
    if (spanning >= 1 && ColumnScore(1) >= needed && ColumnScore(1) >= row_score) {
      track_col_ = 0;
      level_col_ = 1;
      col_score = ColumnScore(1);
    }
  }
  if (col_score >= needed && col_score >= row_score) {
    std::vector<int> ladders = track_col_ == -1 ? LadderColumns(hr) : std::vector<int>{};
    // "| Individual Contributor | Manager | Scope |": the level column is a ladder beside one.
    const int level_header = grid_.At(hr, level_col_).cell;
    if (ladders.size() == 1 && level_header != -1 && NamesALadder(Text(level_header)))
      ladders.insert(ladders.begin(), level_col_);
    if (ladders.size() >= 2)
      OverviewRows(hr, ladders);
    else
      RowsAreLevels();
    return true;
  }
  if (row_score + (corner_is_level ? 1 : 0) < needed || row_score < 1) return false;
  table_.transposed = true;
  // A plain first row names every column, the first too when it holds content, not labels.
  const bool plain_corner =
      corner != -1 && header_rows_ > top && !grid_.At(hr, 0).header && !Text(corner).empty();
  ColumnsAreLevels(hr, (corner_is_level || plain_corner) && !IsLabelColumn(0) ? -1 : 0);
  return true;
}

// Leading rows holding one cell that spans the table: the caption ("Engineering levels 2024").
// When such rows recur below the header they are pillar rows, and the leading one is the first
// pillar, not a caption.
int Interpreter::CaptionRows() const {
  int r = 0;
  while (r < grid_.rows && r < 2 && LoneRow(r)) ++r;
  if (r == 0 || r >= grid_.rows) return 0;
  for (int k = r + 1; k < grid_.rows; ++k)
    if (LoneRow(k)) return 0;  // pillars: the interpreters read leading ones as such
  return r;
}

// A full row, or its Markdown form (which cannot span): text in the first cell only
// ("| Support levels 2026 | | |").
bool Interpreter::LoneRow(int r) const {
  if (FullRow(r)) return true;
  std::vector<std::pair<int, int>> cells = RowCells(r, 0);
  if (cells.size() < 2 || cells[0].second != 0 || Clean(dom_.Text(cells[0].first)).empty())
    return false;
  for (size_t k = 1; k < cells.size(); ++k)
    if (!Clean(dom_.Text(cells[k].first)).empty()) return false;
  return true;
}

bool Interpreter::FullRow(int r) const {
  const html::GridSlot& first = grid_.At(r, 0);
  // One cell alone in its row, spanning the table (or all but a last, empty column: real
  // tables write colspan="5" in a table of six columns).
  return first.cell != -1 && first.origin && first.col_span >= std::max(2, grid_.cols - 1) &&
         RowCells(r, 0).size() == 1;
}

int Interpreter::CountHeaderRows(int from) {
  int r = from;
  for (; r < grid_.rows; ++r) {
    bool all_header = true;
    bool any = false;
    for (int c = 0; c < grid_.cols; ++c) {
      const html::GridSlot& s = grid_.At(r, c);
      if (s.cell == -1) continue;
      any = true;
      if (!s.header) all_header = false;
    }
    if (!any || !all_header) break;
    int first = grid_.At(r, 0).cell;
    // A row of one cell spanning the table below the header is a pillar row
    // (<th colspan=N>Craft</th>), not a second header row.
    if (r > from && RowCells(r, 0).size() == 1) break;
    // A row header naming a level starts the body (levels as rows, <th scope="row">).
    if (first != -1 && grid_.At(r, 0).row_span > 1 && LooksLikeLevel(Text(first))) break;
    if (first != -1 && r > from && LooksLikeLevel(Text(first)) &&
        dom_.Attr(first, "scope") == "row")
      break;
  }
  return r < grid_.rows ? r : from;
}

// A level name on the level axis: a level by its words, or a number under a "Level" corner.
bool Interpreter::LevelCell(std::string_view t) const {
  return LooksLikeLevel(t) || (level_corner_ && IsBareLevelNumber(t));
}

// True when column `col` of the body holds labels (short names) rather than content.
bool Interpreter::IsLabelColumn(int col) const {
  int cells = 0;
  int labels = 0;
  std::set<int> seen;
  for (int r = header_rows_; r < grid_.rows; ++r) {
    int cell = grid_.At(r, col).cell;
    if (cell == -1 || FullRow(r) || !seen.insert(cell).second) continue;
    std::string t = dom_.Text(cell);
    if (t.empty()) continue;
    ++cells;
    std::string_view trimmed = text::Trim(t);
    if (Words(t) <= 6 && !trimmed.ends_with(".")) ++labels;
  }
  return cells > 0 && labels * 2 >= cells;
}

// Whether a level column's header names a ladder ("Individual Contributor", "Engineering
// track") rather than the levels ("Level", "Grade").
bool Interpreter::NamesALadder(const std::string& header) {
  static const std::regex kLadder(
      R"(\b(individual contributors?|ic|managers?|management|leadership|track|path|ladder)\b)",
      std::regex::icase);
  static const std::regex kLevels(R"(\b(levels?|grades?|ranks?|bands?|steps?|tiers?)\b)",
                                  std::regex::icase);
  return header.size() < 60 && std::regex_search(header, kLadder) &&
         !std::regex_search(header, kLevels);
}

// Columns of an overview table that are ladders: their cells name roles or levels ("D4",
// "Staff Engineer"), not behaviours; title, attribute and note columns are not ladders.
std::vector<int> Interpreter::LadderColumns(int hr) {
  std::vector<int> ladders;
  if (header_rows_ == first_row_) return ladders;
  int last = -1;
  for (int c = level_col_ + 1; c < grid_.cols; ++c) {
    int header = grid_.At(hr, c).cell;
    if (header == -1 || header == last) continue;
    last = header;
    std::string key;
    if (RoleOf(Text(header), &key) != LabelRole::kCompetency || Text(header).empty()) continue;
    int cells = 0;
    int names = 0;
    std::set<int> seen;
    for (int r = header_rows_; r < grid_.rows; ++r) {
      int cell = grid_.At(r, c).cell;
      if (cell == -1 || FullRow(r) || !seen.insert(cell).second || Text(cell).empty()) continue;
      ++cells;
      if (LooksLikeLevelName(Text(cell))) ++names;
      // A column of ladders names levels from its first cells on.
      if (cells == 10 && names * 10 < cells * 6) break;
    }
    if (cells >= 2 && names * 10 >= cells * 6) ladders.push_back(c);
  }
  return ladders;
}

const std::vector<html::Dom::Item>& Interpreter::Items(int cell) {
  auto it = items_.find(cell);
  if (it == items_.end()) it = items_.emplace(cell, dom_.Items(cell)).first;
  return it->second;
}

const std::string& Interpreter::Text(int cell) {
  auto it = text_.find(cell);
  if (it == text_.end()) it = text_.emplace(cell, dom_.Text(cell)).first;
  return it->second;
}

SourceLocation Interpreter::Where(int node) const {
  return {std::string(file_), dom_.Line(node), 0};
}

void Interpreter::WarnOdd(int cell, std::string_view what) {
  table_.warnings.push_back(
      {Where(cell), std::string(what) + " '" + Text(cell).substr(0, 80) +
                        "' does not read like a level name; kept as a level because the " +
                        "table's " + (table_.transposed ? "columns" : "rows") + " are levels"});
}

int Interpreter::AddCompetency(const std::string& name, int cell) {
  for (size_t i = 0; i < table_.competencies.size(); ++i)
    if (text::IEquals(table_.competencies[i].name, name)) return static_cast<int>(i);
  model::Competency c;
  c.id = UniqueId(text::Slugify(name), competency_ids_);
  c.name = name;
  if (cell != -1) c.origin.where = Where(cell);
  table_.competencies.push_back(std::move(c));
  return static_cast<int>(table_.competencies.size()) - 1;
}

model::Level Interpreter::NewLevel(int cell) {
  LevelName name = ParseLevelName(Text(cell));
  model::Level level;
  level.code = name.code;
  level.title = name.title;
  level.summary = name.summary;
  if (!name.years.empty()) level.attributes.push_back({"years_of_experience", name.years});
  level.origin.where = Where(cell);
  if (table_.track_title.empty()) {
    for (int abbr : dom_.FindAll(cell, "abbr")) {
      std::string title = Clean(dom_.Attr(abbr, "title"));
      if (!title.empty()) table_.track_title = title;
    }
  }
  return level;
}

model::Expectation& Interpreter::ExpectationFor(model::Level& level, int competency) {
  const std::string& id = table_.competencies[static_cast<size_t>(competency)].id;
  for (auto& e : level.expectations)
    if (e.competency == id) return e;
  model::Expectation e;
  e.competency = id;
  level.expectations.push_back(std::move(e));
  return level.expectations.back();
}

// Puts the content of `cell` into `level`'s expectation of `competency`.
void Interpreter::Fill(model::Level& level, int competency, int cell, bool summary_row) {
  const std::vector<html::Dom::Item>& items = Items(cell);
  if (items.empty()) return;
  model::Expectation& e = ExpectationFor(level, competency);
  if (e.origin.where.line == 0) e.origin.where = Where(cell);
  if (items.size() == 1 && IsUndefinedText(items[0].markdown)) {
    e.undefined = true;
    e.note = items[0].markdown;
    return;
  }
  if (summary_row) {
    std::vector<std::string> parts;
    for (const auto& i : items) parts.push_back(i.markdown);
    if (!e.summary.empty()) e.summary += " ";
    e.summary += text::Join(parts, " ");
    return;
  }
  for (const auto& i : items) e.behaviours.push_back(i.markdown);
}

void Interpreter::AppendSummary(model::Level& level, int cell) {
  if (!level.summary.empty()) level.summary += " ";
  level.summary += dom_.InlineMarkdown(cell);
}

// Remarks (a notes column or row): one line per item, bulleted when there are several.
void Interpreter::AppendNote(std::string& into, int cell) {
  const std::vector<html::Dom::Item>& items = Items(cell);
  if (items.empty()) return;
  std::vector<std::string> lines;
  for (const auto& i : items) lines.push_back(items.size() > 1 ? "- " + i.markdown : i.markdown);
  if (!into.empty()) into += "\n";
  into += text::Join(lines, "\n");
}

bool Interpreter::RowIsSummary(int r) const {
  int tr = grid_.row_nodes[static_cast<size_t>(r)];
  std::string cls = text::ToLower(dom_.Attr(tr, "class"));
  if (cls.find("summary") != std::string::npos && cls.find("level-summary") == std::string::npos)
    return true;
  bool any = false;
  for (int c = 1; c < grid_.cols; ++c) {
    int cell = grid_.At(r, c).cell;
    if (cell == -1) continue;
    std::string cc = text::ToLower(dom_.Attr(cell, "class"));
    if (cc.find("summary") == std::string::npos || cc.find("level-summary") != std::string::npos)
      return false;
    any = true;
  }
  return any;
}

// Distinct cells of row `r` from column `from`, each with its first column in the row.
std::vector<std::pair<int, int>> Interpreter::RowCells(int r, int from) const {
  std::vector<std::pair<int, int>> cells;
  for (int c = from; c < grid_.cols; ++c) {
    int cell = grid_.At(r, c).cell;
    if (cell == -1) continue;
    if (!cells.empty() && cells.back().first == cell) continue;
    cells.push_back({cell, c});
  }
  return cells;
}

int Interpreter::CellWidth(int r, int cell) const {
  int w = 0;
  for (int c = 0; c < grid_.cols; ++c)
    if (grid_.At(r, c).cell == cell) ++w;
  return w;
}

void Interpreter::Finish() {
  int rank = 0;
  for (TrackPart& part : table_.tracks) {
    std::set<std::string> codes;
    for (model::Level& level : part.levels) {
      if (level.rank == 0) level.rank = ++rank;  // overview tables rank levels by their row
      rank = std::max(rank, level.rank);
      level.code = UniqueId(level.code, codes);
      // expectations in competency order
      std::stable_sort(level.expectations.begin(), level.expectations.end(),
                       [&](const auto& a, const auto& b) { return Index(a) < Index(b); });
      if (level.title.empty()) level.title = TitleFromSummary(level.summary);
      if (level.title.empty()) level.title = level.code;
      bool any_defined = false;
      const model::Expectation* undefined = nullptr;
      for (const auto& e : level.expectations) {
        if (e.undefined && undefined == nullptr) undefined = &e;
        if (!e.undefined && (!e.behaviours.empty() || !e.summary.empty())) any_defined = true;
      }
      if (!any_defined && undefined != nullptr) {
        level.state = model::LevelState::kUndefined;
        level.note = undefined->note;
      } else if (level.expectations.empty() && IsUndefinedText(level.summary)) {
        level.state = model::LevelState::kUndefined;
        std::string s = Clean(level.summary);
        // The note is what says it is undefined; a title before it ("Senior Staff Engineer. We
        // haven't yet finalized ...") names the level.
        size_t cut = s.find(". ");
        std::string first = cut == std::string::npos ? s : s.substr(0, cut + 1);
        if (cut != std::string::npos && !IsUndefinedText(first) && Words(first) <= 5 &&
            level.title == level.code) {
          level.title = first.substr(0, first.size() - 1);
          level.note = s.substr(cut + 2);
        } else {
          level.note = first;
          // The summary only said that: it is the note, said once.
          if (first == s) level.summary.clear();
        }
      }
    }
    part.levels.erase(std::remove_if(part.levels.begin(), part.levels.end(),
                                     [](const model::Level& l) { return l.code.empty(); }),
                      part.levels.end());
  }
  table_.tracks.erase(std::remove_if(table_.tracks.begin(), table_.tracks.end(),
                                     [](const TrackPart& p) { return p.levels.empty(); }),
                      table_.tracks.end());
  // A caption row stands for the <caption> the table lacks: it names the table, as one would.
  if (first_row_ > 0 && table_.caption.empty()) {
    int cell = grid_.At(0, 0).cell;
    table_.caption = Clean(dom_.Text(cell));
    table_.caption_line = dom_.Line(cell);
  }
  // A caption names a table of one ladder.
  if (!table_.caption.empty() && table_.tracks.size() == 1 && table_.tracks[0].name.empty() &&
      Words(table_.caption) <= 8)
    table_.tracks[0].name = table_.caption;
  // Every text of the table, once per cell, for the coverage report.
  std::set<int> seen;
  for (int r = 0; r < grid_.rows; ++r) {
    for (int c = 0; c < grid_.cols; ++c) {
      int cell = grid_.At(r, c).cell;
      if (cell == -1 || structural_.count(cell) || !seen.insert(cell).second) continue;
      for (auto& item : Items(cell)) table_.passages.push_back({item.line, item.markdown, {}});
    }
  }
}

size_t Interpreter::Index(const model::Expectation& e) const {
  for (size_t i = 0; i < table_.competencies.size(); ++i)
    if (table_.competencies[i].id == e.competency) return i;
  return table_.competencies.size();
}

}  // namespace internal

std::optional<Table> Interpret(const html::Dom& dom, int table, std::string_view file,
                               bool expect_levels) {
  return internal::Interpreter(dom, table, file, expect_levels).Run();
}

Result<html::Dom> PipeTableDom(const MdBlock& table, std::string_view file) {
  std::string html = "<table>";
  int line = table.line;
  bool header = true;
  for (const MdBlock& row : table.children) {
    if (row.kind != MdBlock::Kind::kRow) continue;
    for (; line < row.line; ++line) html += '\n';
    html += "<tr>";
    for (const MdBlock& cell : row.children) {
      html += header ? "<th>" : "<td>";
      html += InlineMarkdownToHtml(cell.markdown, false);
      html += header ? "</th>" : "</td>";
    }
    html += "</tr>";
    header = false;
  }
  html += "</table>";
  return html::Dom::Parse(html, file, table.line);
}

std::optional<Table> InterpretPipeTable(const MdBlock& table, std::string_view file,
                                        bool expect_levels) {
  Result<html::Dom> dom = PipeTableDom(table, file);
  if (!dom) return std::nullopt;
  std::vector<int> tables = dom->FindAll(dom->Root(), "table", false);
  if (tables.empty()) return std::nullopt;
  return Interpret(*dom, tables[0], file, expect_levels);
}

void DropTableHeadings(const std::vector<prose::Section>& sections,
                       const std::vector<int>& table_lines, std::vector<Passage>& passages) {
  std::set<std::pair<int, std::string>> captions;
  for (size_t i = 0; i < sections.size(); ++i) {
    const prose::Section& s = sections[i];
    if (s.level == 0 || !s.blocks.empty() || !text::Trim(s.markdown).empty()) continue;
    int next = i + 1 < sections.size() ? sections[i + 1].line : std::numeric_limits<int>::max();
    for (int line : table_lines)
      if (line > s.line && line < next) captions.insert({s.line, s.title});
  }
  if (captions.empty()) return;
  std::erase_if(passages, [&](const Passage& p) { return captions.count({p.line, p.text}) > 0; });
}

}  // namespace ladder::formats::level_table
