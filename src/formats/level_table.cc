#include "formats/level_table.h"

#include <algorithm>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/text.h"

namespace ladder::formats::level_table {
namespace {

// Longer texts are never level names; also keeps std::regex (recursive) on short input.
constexpr size_t kMaxNameLength = 80;

const std::regex& CodeRe() {
  static const std::regex re(
      R"(^([A-Za-z]{1,4})[ -]?(\d{1,2}[a-z]?)(?:(?:\s*(?:-|–|—|:|\(|/)\s*|\s+)(.*?)\)?)?$)");
  return re;
}
const std::regex& LevelWordRe() {
  static const std::regex re(
      R"(^(level|lvl|grade|band|tier|step)\s*[-#:]?\s*(\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:(?:\s*(?:-|–|—|:|\()\s*|\s+)(.*?)\)?)?$)",
      std::regex::icase);
  return re;
}
// "Data Engineer I (P1)", "Senior Engineer - L3": a title with its code at the end.
const std::regex& TrailingCodeRe() {
  static const std::regex re(
      R"(^(.*?[^\s(])\s*(?:\(\s*([A-Za-z]{1,4})[ -]?(\d{1,2}[a-z]?)\s*\)|\s(?:-|–|—|\|)\s*([A-Za-z]{1,4})[ -]?(\d{1,2}[a-z]?))$)");
  return re;
}
const std::regex& SeniorityRe() {
  static const std::regex re(
      R"(\b(junior|jr|mid|mid-level|intermediate|senior|sr|staff|principal|distinguished|fellow|lead|associate|entry|entry-level|graduate|grad|new grad|apprentice|intern|trainee|head|director|vp|manager|architect|novice|expert)\b)",
      std::regex::icase);
  return re;
}
const std::regex& RomanRe() {
  static const std::regex re(R"(^[A-Za-z][\w .&/-]*\s(I|II|III|IV|V|VI|VII|VIII)$)");
  return re;
}
const std::regex& TrailingNumberRe() {
  static const std::regex re(R"(^[A-Za-z][A-Za-z .&/-]*\s\d{1,2}$)");
  return re;
}

int Words(std::string_view s) { return text::CountWords(s); }

std::string Clean(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

std::string UniqueId(std::string base, std::set<std::string>& used) {
  std::string id = base;
  for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
  used.insert(id);
  return id;
}

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

}  // namespace

namespace {

// "3", "iii", "three" -> "3"; "" when `word` is no number.
std::string NumberOf(std::string_view word) {
  std::string w = text::ToLower(word);
  if (!w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return w;
  static const char* kWords[] = {"one",   "two",   "three", "four", "five",   "six",
                                 "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  for (int i = 0; i < 12; ++i)
    if (w == kWords[i]) return std::to_string(i + 1);
  static const char* kRoman[] = {"i",   "ii",   "iii", "iv", "v",  "vi",
                                 "vii", "viii", "ix",  "x",  "xi", "xii"};
  for (int i = 0; i < 12; ++i)
    if (w == kRoman[i]) return std::to_string(i + 1);
  return {};
}

}  // namespace

bool LooksLikeLevel(std::string_view raw) {
  std::string t = Clean(raw);
  if (t.empty() || t.size() > kMaxNameLength) return false;
  if (text::IEquals(t, "level") || text::IEquals(t, "levels")) return false;
  if (std::regex_match(t, CodeRe()) || std::regex_match(t, LevelWordRe()) ||
      std::regex_match(t, TrailingCodeRe()))
    return true;
  if (Words(t) > 6) return false;
  return std::regex_search(t, SeniorityRe()) || std::regex_match(t, RomanRe()) ||
         std::regex_match(t, TrailingNumberRe());
}

bool IsBareLevelNumber(std::string_view raw) {
  std::string t = Clean(raw);
  return t.size() <= 6 && !NumberOf(t).empty();
}

LevelName ParseLevelName(std::string_view raw) {
  std::string t = Clean(raw);
  std::smatch m;
  auto upper = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  if (t.size() <= kMaxNameLength && std::regex_match(t, m, CodeRe())) {
    std::string prefix = upper(m[1].str());
    return {prefix + m[2].str(), Clean(m[3].str()), prefix};
  }
  if (t.size() <= kMaxNameLength && std::regex_match(t, m, LevelWordRe())) {
    std::string title = Clean(m[3].str());
    std::string number = NumberOf(m[2].str());
    return {"L" + (number.empty() ? text::ToLower(m[2].str()) : number), title.empty() ? t : title,
            "L"};
  }
  if (t.size() <= kMaxNameLength && std::regex_match(t, m, TrailingCodeRe())) {
    bool paren = m[2].matched;
    std::string prefix = upper(m[paren ? 2 : 4].str());
    return {prefix + m[paren ? 3 : 5].str(), Clean(m[1].str()), prefix};
  }
  if (IsBareLevelNumber(t)) return {"L" + NumberOf(t), t, "L"};
  return {text::Slugify(t), t, ""};
}

bool IsUndefinedText(std::string_view raw) {
  std::string t = text::ToLower(Clean(raw));
  while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
  if (t.empty()) return false;
  static const std::set<std::string> kExact = {"tbd",
                                               "tba",
                                               "n/a",
                                               "na",
                                               "-",
                                               "—",
                                               "–",
                                               "none",
                                               "not applicable",
                                               "to be defined",
                                               "to be determined",
                                               "undefined"};
  if (kExact.count(t)) return true;
  if (text::StartsWith(t, "tbd") || text::StartsWith(t, "tba ")) return true;
  // Judge by the first sentence only: a long behaviour may mention something "not defined".
  std::string first = t.substr(0, t.find(". "));
  static const char* kPhrases[] = {
      "not currently defined", "not yet defined", "not yet been defined",
      "not been defined",      "haven't defined", "haven\xE2\x80\x99t defined",
      "have not defined",      "not defined",     "to be defined",
      "to be determined",      "coming soon"};
  for (const char* p : kPhrases)
    if (first.find(p) != std::string::npos) return true;
  return false;
}

namespace {

class Interpreter {
 public:
  Interpreter(const html::Dom& dom, int table, std::string_view file, bool expect)
      : dom_(dom), grid_(html::ExtractGrid(dom, table)), file_(file), expect_(expect) {}

  std::optional<Table> Run() {
    if (grid_.rows == 0 || grid_.cols < 2) return std::nullopt;
    header_rows_ = CountHeaderRows();
    // A first row of plain cells naming the columns (no <th>): its corner does not name a level.
    if (header_rows_ == 0 && grid_.rows > 1 && grid_.At(0, 0).cell != -1 &&
        RowCells(0, 0).size() >= 2 && !LooksLikeLevel(Text(grid_.At(0, 0).cell)) &&
        !IsBareLevelNumber(Text(grid_.At(0, 0).cell)))
      header_rows_ = 1;
    if (header_rows_ > 0 && grid_.At(header_rows_ - 1, 0).cell != -1) {
      std::string corner = text::ToLower(Text(grid_.At(header_rows_ - 1, 0).cell));
      static const std::set<std::string> kLevelCorners = {"level", "levels", "grade",  "grades",
                                                          "band",  "tier",   "step",   "lvl",
                                                          "rank",  "#",      "level #"};
      level_corner_ = kLevelCorners.count(corner) > 0;
    }
    int col_score = 0;
    std::set<int> seen;
    for (int r = header_rows_; r < grid_.rows; ++r) {
      int cell = grid_.At(r, 0).cell;
      if (cell == -1 || !seen.insert(cell).second) continue;
      if (grid_.At(r, 0).col_span < grid_.cols && LevelCell(Text(cell))) ++col_score;
    }
    int row_score = 0;
    int hr = header_rows_ > 0 ? header_rows_ - 1 : 0;
    seen.clear();
    for (int c = 1; c < grid_.cols; ++c) {
      int cell = grid_.At(hr, c).cell;
      if (cell != -1 && seen.insert(cell).second && LooksLikeLevel(Text(cell))) ++row_score;
    }
    int needed = expect_ ? 1 : 2;
    // The corner cell names the axes ("Level", "Area"): structure, not content.
    for (int r = 0; r < header_rows_; ++r)
      if (grid_.At(r, 0).cell != -1) structural_.insert(grid_.At(r, 0).cell);
    if (header_rows_ == 0 && grid_.At(0, 0).cell != -1 &&
        !LooksLikeLevel(Text(grid_.At(0, 0).cell)))
      structural_.insert(grid_.At(0, 0).cell);
    if (col_score >= needed && col_score >= row_score) {
      RowsAreLevels();
    } else if (row_score >= needed) {
      table_.transposed = true;
      ColumnsAreLevels(hr);
    } else {
      return std::nullopt;
    }
    Finish();
    return std::move(table_);
  }

 private:
  // What a category label of the table names: a competency, the levels' titles, or an attribute.
  enum class LabelRole { kCompetency, kTitle, kAttribute };
  static LabelRole RoleOf(std::string_view label, std::string* key) {
    std::string l = text::ToLower(Clean(label));
    while (!l.empty() && (l.back() == ':' || l.back() == '*')) l.pop_back();
    static const std::set<std::string> kTitles = {
        "title",     "titles",     "role",     "roles",      "role name", "role title",
        "job title", "job titles", "name",     "level name", "position",  "level title",
        "title(s)",  "job role",   "job name", "role names"};
    static const std::set<std::string> kExperience = {"years of experience",
                                                      "experience",
                                                      "typical experience",
                                                      "yoe",
                                                      "years",
                                                      "years of exp",
                                                      "typical years of experience",
                                                      "years experience"};
    if (kTitles.count(l)) return LabelRole::kTitle;
    if (kExperience.count(l)) {
      *key = "years_of_experience";
      return LabelRole::kAttribute;
    }
    return LabelRole::kCompetency;
  }

  static bool IsSummaryLabel(std::string_view label) {
    std::string l = text::ToLower(Clean(label));
    return l == "summary" || l == "level summary" || l == "overview" || l == "description" ||
           l == "role summary" || l == "level description";
  }

  // A level name on the level axis: a level by its words, or a number under a "Level" corner.
  bool LevelCell(std::string_view t) const {
    return LooksLikeLevel(t) || (level_corner_ && IsBareLevelNumber(t));
  }

  void WarnOdd(int cell, std::string_view what) {
    table_.warnings.push_back(
        {Where(cell), std::string(what) + " '" + Text(cell).substr(0, 80) +
                          "' does not read like a level name; kept as a level because the " +
                          "table's " + (table_.transposed ? "columns" : "rows") + " are levels"});
  }

  // A cell's items, computed once (they are read for the levels and again for the passages).
  const std::vector<html::Dom::Item>& Items(int cell) {
    auto it = items_.find(cell);
    if (it == items_.end()) it = items_.emplace(cell, dom_.Items(cell)).first;
    return it->second;
  }

  const std::string& Text(int cell) {
    auto it = text_.find(cell);
    if (it == text_.end()) it = text_.emplace(cell, dom_.Text(cell)).first;
    return it->second;
  }

  SourceLocation Where(int node) const { return {std::string(file_), dom_.Line(node), 0}; }

  int CountHeaderRows() {
    int r = 0;
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
      if (r > 0 && RowCells(r, 0).size() == 1) break;
      // A row header naming a level starts the body (levels as rows, <th scope="row">).
      if (first != -1 && grid_.At(r, 0).row_span > 1 && LooksLikeLevel(Text(first))) break;
      if (first != -1 && r > 0 && LooksLikeLevel(Text(first)) && dom_.Attr(first, "scope") == "row")
        break;
    }
    return r < grid_.rows ? r : 0;
  }

  int AddCompetency(const std::string& name, int cell) {
    for (size_t i = 0; i < table_.competencies.size(); ++i)
      if (text::IEquals(table_.competencies[i].name, name)) return static_cast<int>(i);
    model::Competency c;
    c.id = UniqueId(text::Slugify(name), competency_ids_);
    c.name = name;
    if (cell != -1) c.origin.where = Where(cell);
    table_.competencies.push_back(std::move(c));
    return static_cast<int>(table_.competencies.size()) - 1;
  }

  model::Level NewLevel(int cell) {
    LevelName name = ParseLevelName(Text(cell));
    model::Level level;
    level.code = name.code;
    level.title = name.title;
    level.origin.where = Where(cell);
    if (table_.track_title.empty()) {
      for (int abbr : dom_.FindAll(cell, "abbr")) {
        std::string title = Clean(dom_.Attr(abbr, "title"));
        if (!title.empty()) table_.track_title = title;
      }
    }
    return level;
  }

  model::Expectation& ExpectationFor(model::Level& level, int competency) {
    const std::string& id = table_.competencies[static_cast<size_t>(competency)].id;
    for (auto& e : level.expectations)
      if (e.competency == id) return e;
    model::Expectation e;
    e.competency = id;
    level.expectations.push_back(std::move(e));
    return level.expectations.back();
  }

  // Puts the content of `cell` into `level`'s expectation of `competency`.
  void Fill(model::Level& level, int competency, int cell, bool summary_row) {
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

  bool RowIsSummary(int r) const {
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
  std::vector<std::pair<int, int>> RowCells(int r, int from) const {
    std::vector<std::pair<int, int>> cells;
    for (int c = from; c < grid_.cols; ++c) {
      int cell = grid_.At(r, c).cell;
      if (cell == -1) continue;
      if (!cells.empty() && cells.back().first == cell) continue;
      cells.push_back({cell, c});
    }
    return cells;
  }

  int CellWidth(int r, int cell) const {
    int w = 0;
    for (int c = 0; c < grid_.cols; ++c)
      if (grid_.At(r, c).cell == cell) ++w;
    return w;
  }

  void RowsAreLevels() {
    std::vector<int> col_comp(static_cast<size_t>(grid_.cols), -1);
    std::vector<LabelRole> col_role(static_cast<size_t>(grid_.cols), LabelRole::kCompetency);
    std::vector<std::string> col_key(static_cast<size_t>(grid_.cols));
    if (header_rows_ > 0) {
      int hr = header_rows_ - 1;
      for (int c = 1; c < grid_.cols; ++c) {
        int cell = grid_.At(hr, c).cell;
        if (cell == -1) continue;
        std::string name = Text(cell);
        LabelRole role = RoleOf(name, &col_key[static_cast<size_t>(c)]);
        if (role != LabelRole::kCompetency) {
          col_role[static_cast<size_t>(c)] = role;
          structural_.insert(cell);
          continue;
        }
        if (name.empty()) name = "Column " + std::to_string(c + 1);
        col_comp[static_cast<size_t>(c)] = AddCompetency(name, cell);
      }
      // Upper header rows: a cell spanning several categories is their pillar.
      for (int r = 0; r < hr; ++r) {
        for (auto [cell, c] : RowCells(r, 1)) {
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
    } else {
      for (int c = 1; c < grid_.cols; ++c)
        col_comp[static_cast<size_t>(c)] =
            AddCompetency(grid_.cols == 2 ? "Expectations" : "Column " + std::to_string(c + 1),
                          grid_.At(0, c).cell);
    }
    const std::string corner = header_rows_ > 0 && grid_.At(header_rows_ - 1, 0).cell != -1
                                   ? Text(grid_.At(header_rows_ - 1, 0).cell)
                                   : std::string();

    table_.tracks.push_back({});
    int current_cell = -1;
    // (track, level, cell) already read: a cell spanning rows of one level counts once.
    std::set<std::tuple<size_t, size_t, int>> filled;
    auto current = [&]() -> model::Level* {
      if (current_cell == -1) return nullptr;
      return &table_.tracks.back().levels.back();
    };
    auto key = [&](int cell) {
      return std::tuple(table_.tracks.size(), table_.tracks.back().levels.size(), cell);
    };
    for (int r = header_rows_; r < grid_.rows; ++r) {
      const html::GridSlot& first = grid_.At(r, 0);
      std::vector<std::pair<int, int>> cells = RowCells(r, 0);
      if (cells.size() == 1 && first.cell != -1 && first.col_span >= grid_.cols && first.origin) {
        const std::string& t = Text(first.cell);
        if (t.empty()) continue;
        // Between levels, a row spanning the table names a new track ("Management track")
        // or, when it does not read like one, is the current level's summary.
        static const std::regex kTrackWords(
            R"(track|path|ladder|manag|individual contributor|\bic\b)", std::regex::icase);
        if (current() != nullptr && (t.size() > 80 || !std::regex_search(t, kTrackWords))) {
          model::Level& level = *current();
          if (!level.summary.empty()) level.summary += " ";
          level.summary += dom_.InlineMarkdown(first.cell);
        } else {
          if (!table_.tracks.back().levels.empty() || !table_.tracks.back().name.empty())
            table_.tracks.push_back({});
          table_.tracks.back().name = t;
          current_cell = -1;
        }
        continue;
      }
      // A new cell in the level column starts a level: every row of the table is one.
      if (first.cell != -1 && first.cell != current_cell && first.origin) {
        const std::string& label = Text(first.cell);
        if (label.empty()) {
          // no name: the row continues the level above
        } else if (!corner.empty() && text::IEquals(label, corner) && first.header) {
          structural_.insert(first.cell);  // the header row repeated
          for (auto [cell, c] : RowCells(r, 1)) structural_.insert(cell);
          continue;
        } else if (current() != nullptr && IsSummaryLabel(label)) {
          structural_.insert(first.cell);
          for (auto [cell, c] : RowCells(r, 1)) {
            if (!filled.insert(key(cell)).second) continue;
            model::Level& level = *current();
            if (!level.summary.empty()) level.summary += " ";
            level.summary += dom_.InlineMarkdown(cell);
          }
          continue;
        } else {
          if (!LevelCell(label) && !dom_.HasClass(first.cell, "level") &&
              !(expect_ && dom_.Attr(first.cell, "scope") == "row"))
            WarnOdd(first.cell, "row");
          table_.tracks.back().levels.push_back(NewLevel(first.cell));
          current_cell = first.cell;
          // A bare number under a "Level" corner becomes the code (L2): structure, not text.
          if (level_corner_ && IsBareLevelNumber(label)) structural_.insert(first.cell);
        }
      }
      model::Level* level = current();
      if (level == nullptr) continue;
      std::vector<std::pair<int, int>> content = RowCells(r, 1);
      if (!content.empty() && content.front().first == current_cell) content.erase(content.begin());
      if (content.empty()) continue;
      int categories = 0;
      for (int c = 1; c < grid_.cols; ++c)
        if (col_comp[static_cast<size_t>(c)] >= 0) ++categories;
      if (content.size() == 1 &&
          (dom_.HasClass(content[0].first, "level-summary") ||
           (categories > 1 && CellWidth(r, content[0].first) >= categories))) {
        int cell = content[0].first;
        if (filled.insert(key(cell)).second) {
          if (!level->summary.empty()) level->summary += " ";
          level->summary += dom_.InlineMarkdown(cell);
        }
        continue;
      }
      bool summary_row = RowIsSummary(r);
      for (auto [cell, c] : content) {
        if (!filled.insert(key(cell)).second) continue;
        LabelRole role = col_role[static_cast<size_t>(c)];
        if (role == LabelRole::kTitle) {
          std::string title = Text(cell);
          if (!title.empty()) level->title = title;
          continue;
        }
        if (role == LabelRole::kAttribute) {
          std::string value = Text(cell);
          if (!value.empty()) level->attributes.push_back({col_key[static_cast<size_t>(c)], value});
          continue;
        }
        std::set<int> comps;
        for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k)
          if (col_comp[static_cast<size_t>(k)] >= 0) comps.insert(col_comp[static_cast<size_t>(k)]);
        for (int comp : comps) Fill(*level, comp, cell, summary_row);
      }
    }
  }

  void ColumnsAreLevels(int hr) {
    table_.tracks.push_back({});
    std::vector<int> col_level(static_cast<size_t>(grid_.cols), -1);
    auto& levels = table_.tracks.back().levels;
    for (int c = 1; c < grid_.cols; ++c) {
      const html::GridSlot& s = grid_.At(hr, c);
      if (s.cell == -1 || Text(s.cell).empty()) continue;
      if (c > 1 && grid_.At(hr, c - 1).cell == s.cell) {
        col_level[static_cast<size_t>(c)] = col_level[static_cast<size_t>(c - 1)];
        continue;
      }
      // Every column of the level row is a level; odd names are kept, with a warning.
      if (!LevelCell(Text(s.cell))) WarnOdd(s.cell, "column");
      levels.push_back(NewLevel(s.cell));
      col_level[static_cast<size_t>(c)] = static_cast<int>(levels.size()) - 1;
    }
    int group = -1;
    int comp = -1;
    std::set<std::pair<int, int>> filled;  // (level, cell)
    for (int r = header_rows_ > 0 ? header_rows_ : 1; r < grid_.rows; ++r) {
      const html::GridSlot& first = grid_.At(r, 0);
      std::vector<std::pair<int, int>> cells = RowCells(r, 0);
      if (cells.empty()) continue;
      if (cells.size() == 1 && first.cell != -1 && first.col_span >= grid_.cols) {
        if (!first.origin || Text(first.cell).empty()) continue;
        model::CompetencyGroup g;
        g.name = Text(first.cell);
        g.id = UniqueId(text::Slugify(g.name), group_ids_);
        g.origin.where = Where(first.cell);
        table_.groups.push_back(std::move(g));
        group = static_cast<int>(table_.groups.size()) - 1;
        continue;
      }
      std::string label = first.cell == -1 ? "" : Text(first.cell);
      std::string lower = text::ToLower(label);
      bool level_summary = lower == "summary" || lower == "level summary" || lower == "overview" ||
                           lower == "description" || lower == "role summary" ||
                           lower == "level description";
      bool summary_row = RowIsSummary(r);
      if (level_summary) {
        structural_.insert(first.cell);
        for (auto [cell, c] : RowCells(r, 1)) {
          for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k) {
            int level = col_level[static_cast<size_t>(k)];
            if (level < 0 || !filled.insert({level, cell}).second) continue;
            model::Level& l = levels[static_cast<size_t>(level)];
            if (!l.summary.empty()) l.summary += " ";
            l.summary += dom_.InlineMarkdown(cell);
          }
        }
        continue;
      }
      std::string attribute;
      LabelRole role = first.cell == -1 ? LabelRole::kCompetency : RoleOf(label, &attribute);
      if (role != LabelRole::kCompetency) {
        // A "Title" row names the levels; a "Years of experience" row is an attribute.
        structural_.insert(first.cell);
        for (auto [cell, c] : RowCells(r, 1)) {
          if (cell == first.cell) continue;
          std::string value = Text(cell);
          if (value.empty()) continue;
          for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k) {
            int level = col_level[static_cast<size_t>(k)];
            if (level < 0 || !filled.insert({level, cell}).second) continue;
            model::Level& l = levels[static_cast<size_t>(level)];
            if (role == LabelRole::kTitle)
              l.title = value;
            else
              l.attributes.push_back({attribute, value});
          }
        }
        continue;
      }
      if (first.cell != -1 && first.origin) {
        std::string name = label;
        if (text::EndsWith(lower, " summary") && comp >= 0) {
          summary_row = true;  // "Delivery summary" under "Delivery"
          structural_.insert(first.cell);
        } else {
          if (name.empty()) name = "Row " + std::to_string(r + 1);
          comp = AddCompetency(name, first.cell);
          if (group >= 0) {
            auto& members = table_.groups[static_cast<size_t>(group)].competencies;
            const std::string& id = table_.competencies[static_cast<size_t>(comp)].id;
            if (std::find(members.begin(), members.end(), id) == members.end())
              members.push_back(id);
          }
        }
      }
      if (comp < 0) continue;
      for (auto [cell, c] : RowCells(r, 1)) {
        if (cell == first.cell) continue;
        for (int k = c; k < grid_.cols && grid_.At(r, k).cell == cell; ++k) {
          int level = col_level[static_cast<size_t>(k)];
          if (level < 0 || !filled.insert({level, cell}).second) continue;
          Fill(levels[static_cast<size_t>(level)], comp, cell, summary_row);
        }
      }
    }
    table_.groups.erase(std::remove_if(table_.groups.begin(), table_.groups.end(),
                                       [](const auto& g) { return g.competencies.empty(); }),
                        table_.groups.end());
  }

  void Finish() {
    int rank = 0;
    for (TrackPart& part : table_.tracks) {
      std::set<std::string> codes;
      for (model::Level& level : part.levels) {
        level.rank = ++rank;
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
          size_t cut = s.find(". ");
          level.note = cut == std::string::npos ? s : s.substr(0, cut + 1);
        }
      }
      part.levels.erase(std::remove_if(part.levels.begin(), part.levels.end(),
                                       [](const model::Level& l) { return l.code.empty(); }),
                        part.levels.end());
    }
    table_.tracks.erase(std::remove_if(table_.tracks.begin(), table_.tracks.end(),
                                       [](const TrackPart& p) { return p.levels.empty(); }),
                        table_.tracks.end());
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

  size_t Index(const model::Expectation& e) const {
    for (size_t i = 0; i < table_.competencies.size(); ++i)
      if (table_.competencies[i].id == e.competency) return i;
    return table_.competencies.size();
  }

  const html::Dom& dom_;
  html::TableGrid grid_;
  std::string_view file_;
  bool expect_;
  int header_rows_ = 0;
  Table table_;
  std::map<int, std::string> text_;
  std::unordered_map<int, std::vector<html::Dom::Item>> items_;
  std::set<std::string> competency_ids_;
  std::set<std::string> group_ids_;
  std::set<int> structural_;   // axis labels: not passages
  bool level_corner_ = false;  // the corner cell says "Level", "Grade" ...
};

}  // namespace

std::optional<Table> Interpret(const html::Dom& dom, int table, std::string_view file,
                               bool expect_levels) {
  return Interpreter(dom, table, file, expect_levels).Run();
}

std::optional<Table> InterpretPipeTable(const MdBlock& table, std::string_view file,
                                        bool expect_levels) {
  // As HTML, each row on the line it has in the Markdown, so cells keep their lines.
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
  Result<html::Dom> dom = html::Dom::Parse(html, file, table.line);
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

std::string AddToFramework(std::vector<Table> tables, model::Framework& framework) {
  std::string ic_track;
  std::set<std::string> competency_ids;
  for (const auto& c : framework.competencies) competency_ids.insert(c.id);
  for (Table& table : tables) {
    std::map<std::string, std::string> renamed;  // table's competency id -> framework's
    for (model::Competency& c : table.competencies) {
      std::string id;
      for (const auto& existing : framework.competencies)
        if (text::IEquals(existing.name, c.name)) id = existing.id;
      if (id.empty()) {
        id = UniqueId(c.id, competency_ids);
        renamed[c.id] = id;
        c.id = id;
        framework.competencies.push_back(c);
      } else {
        renamed[c.id] = id;
      }
    }
    for (model::CompetencyGroup& g : table.groups) {
      for (std::string& id : g.competencies) id = renamed[id];
      framework.groups.push_back(std::move(g));
    }
    for (TrackPart& part : table.tracks) {
      std::string prefix;
      const std::string& code = part.levels.front().code;
      size_t letters = 0;
      while (letters < code.size() && std::isalpha(static_cast<unsigned char>(code[letters])))
        ++letters;
      if (letters > 0 && letters < code.size() &&
          std::isdigit(static_cast<unsigned char>(code[letters])))
        prefix = code.substr(0, letters);
      std::string name = part.name;
      if (name.empty()) name = table.track_title;
      if (name.empty()) {
        name = prefix == "IC"                      ? "Individual Contributor"
               : (prefix == "M" || prefix == "EM") ? "Management"
                                                   : "Levels";
      }
      std::string lower = text::ToLower(name);
      model::Track track;
      track.name = name;
      if (prefix == "IC" || lower.find("individual contributor") != std::string::npos ||
          std::regex_search(lower, std::regex(R"(\bic\b)"))) {
        track.kind = model::TrackKind::kIc;
        track.id = "ic";
      } else if (prefix == "M" || prefix == "EM" || lower.find("manag") != std::string::npos) {
        track.kind = model::TrackKind::kManagement;
        track.id = "management";
      } else {
        track.kind = lower.find("core") != std::string::npos ? model::TrackKind::kCore
                     : lower.find("alternative") != std::string::npos
                         ? model::TrackKind::kAlternative
                         : model::TrackKind::kOther;
        track.id = text::Slugify(name);
      }
      track.origin = part.levels.front().origin;
      for (model::Level& level : part.levels)
        for (model::Expectation& e : level.expectations) e.competency = renamed[e.competency];
      model::Track* existing = nullptr;
      for (auto& t : framework.tracks)
        if (t.id == track.id) existing = &t;
      if (existing != nullptr) {
        std::set<std::string> codes;
        for (const auto& l : existing->levels) codes.insert(l.code);
        for (model::Level& level : part.levels) {
          level.code = UniqueId(level.code, codes);
          existing->levels.push_back(std::move(level));
        }
      } else {
        track.levels = std::move(part.levels);
        framework.tracks.push_back(std::move(track));
      }
      if (ic_track.empty() && framework.tracks.back().kind == model::TrackKind::kIc)
        ic_track = framework.tracks.back().id;
    }
  }
  // ranks strictly increase within each track
  for (auto& t : framework.tracks) {
    int last = 0;
    for (auto& l : t.levels) {
      if (l.rank <= last) l.rank = last + 1;
      last = l.rank;
    }
  }
  return ic_track;
}

}  // namespace ladder::formats::level_table
