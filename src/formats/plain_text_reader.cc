// The plain-text ladder reader (see the header for the accepted documents). One pass over the
// lines collects sections, prose and raw table rows; a second step turns rows into levels and
// resolves "Same as X" references once every level is known.
#include "formats/plain_text_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"

namespace ladder::formats {
namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";  // •
constexpr int kMaxHeadingWords = 8;
constexpr size_t kMaxHeadingBytes = 80;

enum class Column { kRole, kLevel, kResponsibilities, kRequirements, kOther };

struct Header {
  std::vector<Column> columns;
  std::vector<std::string> names;  // as written
  bool tabs = true;                // tab-separated (else runs of spaces)
  int Find(Column c) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == c) return static_cast<int>(i);
    return -1;
  }
};

struct RawRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct Table {
  int line = 0;
  Header header;
  std::vector<RawRow> rows;
};

struct Section {
  std::string heading;
  int line = 0;
  std::vector<std::string> paragraphs;
  std::vector<Table> tables;
};

std::string StripCr(std::string s) {
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

bool IsBlank(std::string_view s) { return text::Trim(s).empty(); }

// Cells of a row: split at tabs, or at runs of two or more spaces.
std::vector<std::string> SplitCells(std::string_view line, bool tabs) {
  std::vector<std::string> cells;
  if (tabs) {
    for (std::string& c : text::Split(line, '\t')) cells.push_back(std::string(text::Trim(c)));
    return cells;
  }
  std::string_view s = line;
  size_t i = 0;
  std::string cur;
  while (i < s.size()) {
    if ((s[i] == ' ' || s[i] == '\t') && i + 1 < s.size() &&
        (s[i + 1] == ' ' || s[i + 1] == '\t')) {
      cells.push_back(std::string(text::Trim(cur)));
      cur.clear();
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      continue;
    }
    if (s[i] == '\t') {
      cells.push_back(std::string(text::Trim(cur)));
      cur.clear();
      ++i;
      continue;
    }
    cur += s[i++];
  }
  cells.push_back(std::string(text::Trim(cur)));
  return cells;
}

std::optional<Column> ColumnOf(std::string_view name) {
  std::string n = text::ToLower(text::CollapseSpace(name));
  while (!n.empty() && (n.back() == ':' || n.back() == '*')) n.pop_back();
  static const std::pair<const char*, Column> kNames[] = {
      {"role name", Column::kRole},
      {"role", Column::kRole},
      {"role title", Column::kRole},
      {"title", Column::kRole},
      {"job title", Column::kRole},
      {"position", Column::kRole},
      {"name", Column::kRole},
      {"level", Column::kLevel},
      {"rank", Column::kLevel},
      {"grade", Column::kLevel},
      {"band", Column::kLevel},
      {"responsibilities", Column::kResponsibilities},
      {"responsibility", Column::kResponsibilities},
      {"duties", Column::kResponsibilities},
      {"expectations", Column::kResponsibilities},
      {"description", Column::kResponsibilities},
      {"requirements", Column::kRequirements},
      {"requirement", Column::kRequirements},
      {"qualifications", Column::kRequirements},
      {"prerequisites", Column::kRequirements},
      {"criteria", Column::kRequirements},
      {"promotion requirements", Column::kRequirements},
      {"promotion criteria", Column::kRequirements},
  };
  for (const auto& [spelling, column] : kNames)
    if (n == spelling) return column;
  return std::nullopt;
}

// A header row: a role column and a responsibilities or requirements column, in any order.
std::optional<Header> ParseHeader(std::string_view line) {
  if (line.find('|') != std::string_view::npos) return std::nullopt;  // Markdown tables
  bool tabs = line.find('\t') != std::string_view::npos;
  std::vector<std::string> cells = SplitCells(line, tabs);
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.size() < 2 || cells.size() > 12) return std::nullopt;
  Header h;
  h.tabs = tabs;
  std::set<Column> seen;
  for (const std::string& c : cells) {
    std::optional<Column> col = ColumnOf(c);
    if (c.size() > 40) return std::nullopt;
    Column k = col.value_or(Column::kOther);
    if (k != Column::kOther && !seen.insert(k).second) k = Column::kOther;  // repeated name
    h.columns.push_back(k);
    h.names.push_back(c);
  }
  if (!seen.contains(Column::kRole)) return std::nullopt;
  if (!seen.contains(Column::kResponsibilities) && !seen.contains(Column::kRequirements))
    return std::nullopt;
  return h;
}

// "--", "-------------<TAB>---" : a row of dashes.
bool IsSeparator(std::string_view line) {
  int dashes = 0;
  for (char c : line) {
    if (c == '-' || c == '=' || c == '_') {
      ++dashes;
    } else if (c != ' ' && c != '\t' && c != '+' && c != '|') {
      return false;
    }
  }
  return dashes >= 2;
}

std::string PlainText(std::string_view line) {
  std::string s = text::ReplaceAll(std::string(line), std::string(kBullet), " ");
  s = text::ReplaceAll(std::move(s), "\t", " ");
  return text::CollapseSpace(s);
}

int WordsIn(std::string_view s) {
  int words = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\t';
    if (w && !in) ++words;
    in = w;
  }
  return words;
}

std::string_view MarkdownHeading(std::string_view line) {
  if (!line.starts_with('#')) return {};
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  if (i > 6 || i >= line.size() || line[i] != ' ') return {};
  return text::Trim(line.substr(i));
}

bool LooksLikeHeading(std::string_view line) {
  std::string_view t = text::Trim(line);
  if (t.empty() || t.size() > kMaxHeadingBytes) return false;
  if (line.find('\t') != std::string_view::npos) return false;
  if (WordsIn(t) > kMaxHeadingWords) return false;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?')
    return false;
  if (t.starts_with(kBullet) || t.starts_with("- ") || t.starts_with("* ")) return false;
  return std::isalnum(static_cast<unsigned char>(t.front())) || t.front() == '(' ||
         static_cast<unsigned char>(t.front()) >= 0x80;
}

// ---- Cell splitting ------------------------------------------------------------------------

bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "a",       "an",    "the",     "and",   "or",      "of",      "in",   "on",    "at",
      "to",      "for",   "with",    "from",  "by",      "as",      "into", "onto",  "including",
      "include", "such",  "like",    "via",   "per",     "their",   "its",  "our",   "your",
      "his",     "her",   "plus",    "than",  "both",    "between", "over", "under", "within",
      "across",  "about", "through", "vs",    "e.g.",    "i.e.",    "is",   "are",   "be",
      "all",     "any",   "each",    "every", "other",   "new",     "that", "this",  "these",
      "those",   "if",    "when",    "while", "whether", "not",     "no",   "OR",    "AND"};
  return kWords.contains(w) || kWords.contains(text::ToLower(w));
}

bool IsTitleWord(std::string_view w) {
  return w.size() >= 2 && std::isupper(static_cast<unsigned char>(w[0])) &&
         std::islower(static_cast<unsigned char>(w[1]));
}

bool IsAcronym(std::string_view w) {
  int upper = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (std::isupper(c)) {
      ++upper;
    } else if (!(std::isdigit(c) || (i + 1 == w.size() && c == 's'))) {
      return false;
    }
  }
  return upper >= 2;
}

bool IsNumberWord(std::string_view w) {
  if (w.ends_with('+')) w.remove_suffix(1);
  if (w.empty() || w.size() > 4) return false;
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool StartsLower(std::string_view w) {
  return !w.empty() && std::islower(static_cast<unsigned char>(w[0]));
}

// Splits text whose list items were flattened onto one line with single spaces, at the
// boundaries described in the header. An item keeps at least three words.
std::vector<std::string> SplitFlattened(std::string_view cell) {
  std::vector<std::string> words = text::Split(text::CollapseSpace(cell), ' ');
  std::vector<std::string> items;
  std::vector<std::string> current;
  auto flush = [&] {
    if (!current.empty()) items.push_back(text::Join(current, " "));
    current.clear();
  };
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (w.empty()) continue;
    bool boundary = false;
    if (current.size() >= 3) {
      const std::string& prev = current.back();
      const std::string next = k + 1 < words.size() ? words[k + 1] : "";
      char pend = prev.back();
      bool joins = IsFunctionWord(prev) || pend == ':' || pend == ',' || pend == '(' ||
                   pend == '-' || pend == '/' || pend == '&';
      if ((pend == '.' || pend == '!' || pend == '?') && !prev.ends_with("e.g.") &&
          !prev.ends_with("i.e.") && std::isupper(static_cast<unsigned char>(w[0]))) {
        boundary = true;
      } else if (!joins) {
        if (IsTitleWord(w) && !next.empty() && (StartsLower(next) || IsNumberWord(next)))
          boundary = true;
        if (IsNumberWord(w) && StartsLower(prev) &&
            (next == "year" || next == "years" || next == "month" || next == "months"))
          boundary = true;
        if (IsAcronym(w) && IsNumberWord(prev) && StartsLower(next)) boundary = true;
      }
    }
    if (boundary) flush();
    current.push_back(w);
  }
  flush();
  return items;
}

std::string CleanItem(std::string_view s) {
  std::string out = text::CollapseSpace(s);
  while (!out.empty() && (out.back() == ';' || out.back() == ',')) out.pop_back();
  return std::string(text::Trim(out));
}

// Splits a cell into items: at bullets, else at runs of spaces, else at sentence boundaries.
std::vector<std::string> SplitCell(std::string_view cell, bool space_runs) {
  std::vector<std::string> items;
  std::string s(text::Trim(cell));
  if (s.empty()) return items;
  if (s.find(kBullet) != std::string::npos) {
    std::string marked = text::ReplaceAll(s, std::string(kBullet), "\n");
    for (const std::string& piece : text::Split(marked, '\n')) {
      std::string item = CleanItem(piece);
      if (!item.empty()) items.push_back(item);
    }
    return items;
  }
  // "- Answers tickets - Keeps SLAs", "* Handles escalations * Writes articles": a list
  // flattened with dash or star bullets.
  if (s.size() > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
    std::string marked = text::ReplaceAll(s.substr(2), std::string(" ") + s[0] + " ", "\n");
    for (const std::string& piece : text::Split(marked, '\n')) {
      std::string item = CleanItem(piece);
      if (!item.empty()) items.push_back(item);
    }
    return items;
  }
  if (space_runs && s.find("  ") != std::string::npos) {
    for (const std::string& piece : SplitCells(s, false)) {
      std::string item = CleanItem(piece);
      if (!item.empty()) items.push_back(item);
    }
    return items;
  }
  for (std::string& item : SplitFlattened(s)) {
    std::string cleaned = CleanItem(item);
    if (!cleaned.empty()) items.push_back(cleaned);
  }
  return items;
}

// "Same as Customer Engineer, plus: rest" -> {"Same as Customer Engineer", "rest"}.
// `garbled` also accepts a truncated reference ("s Manager, plus: rest").
std::optional<std::pair<std::string, std::string>> SplitInheritance(std::string_view cell,
                                                                    bool garbled) {
  std::string s(text::Trim(cell));
  std::string lower = text::ToLower(s);
  size_t plus = lower.find("plus:");
  if (plus == std::string::npos || plus > 80) plus = lower.find("plus,");
  if (plus == std::string::npos || plus > 80) return std::nullopt;
  std::string ref(text::Trim(std::string_view(s).substr(0, plus)));
  while (!ref.empty() && (ref.back() == ',' || ref.back() == ' ')) ref.pop_back();
  if (ref.empty()) return std::nullopt;
  if (!text::ToLower(ref).starts_with("same as ") && !garbled) return std::nullopt;
  return std::pair{ref, std::string(text::Trim(std::string_view(s).substr(plus + 5)))};
}

// ---- Levels --------------------------------------------------------------------------------

struct LevelValue {
  enum Kind { kNone, kRank, kPlaceholder, kUnreadable } kind = kNone;
  int rank = 0;
  bool open_ended = false;  // "2+"
};

bool IsPlaceholder(std::string_view cell) {
  std::string c = text::ToLower(text::Trim(cell));
  return c == "(varies)" || c == "varies" || c == "tbd" || c == "(tbd)" || c == "n/a" || c == "-" ||
         c == "\xE2\x80\x94" || c == "..." || c == "(various)" || c == "various";
}

LevelValue ParseLevelValue(std::string_view cell) {
  std::string c(text::Trim(cell));
  if (c.empty()) return {};
  if (IsPlaceholder(c)) return {LevelValue::kPlaceholder};
  std::string lower = text::ToLower(c);
  if (lower.starts_with("level ")) lower = std::string(text::Trim(lower.substr(6)));
  bool plus = false;
  if (lower.ends_with('+')) {
    plus = true;
    lower.pop_back();
  }
  size_t letters = 0;
  while (letters < lower.size() && std::isalpha(static_cast<unsigned char>(lower[letters])))
    ++letters;
  std::string digits = lower.substr(letters);
  if (letters > 3 || digits.empty() || digits.size() > 6 ||
      !std::all_of(digits.begin(), digits.end(),
                   [](char d) { return std::isdigit(static_cast<unsigned char>(d)); }))
    return {LevelValue::kUnreadable};
  return {LevelValue::kRank, std::stoi(digits), plus};
}

// A requirements cell saying there is none ("None", "n/a", "-").
bool IsNoRequirement(std::string_view cell) {
  std::string c = text::ToLower(text::Trim(cell));
  while (!c.empty() && c.back() == '.') c.pop_back();
  return c == "none" || c == "n/a" || c == "na" || c == "-" || c == "\xE2\x80\x94" ||
         c == "no requirements" || c == "not applicable" || c == "none required";
}

// A compact level code in the Level column ("S2", "M1", "IC3"): the level's code.
std::string GradeCode(std::string_view cell) {
  std::string c(text::Trim(cell));
  size_t letters = 0;
  while (letters < c.size() && std::isalpha(static_cast<unsigned char>(c[letters]))) ++letters;
  if (letters == 0 || letters > 3 || c.size() - letters == 0 || c.size() - letters > 2) return {};
  for (size_t i = letters; i < c.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(c[i]))) return {};
  for (size_t i = 0; i < letters; ++i)
    c[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(c[i])));
  return c;
}

bool IsBareNumber(std::string_view cell) {
  cell = text::Trim(cell);
  return !cell.empty() && cell.size() <= 6 && std::all_of(cell.begin(), cell.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool IsTrivialCell(std::string_view cell) { return text::CountWords(cell) == 0; }

model::TrackKind KindOfHeading(std::string_view heading) {
  std::string h = " " + text::ToLower(heading) + " ";
  for (char& c : h)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = ' ';
  auto has = [&](std::string_view w) {
    return h.find(" " + std::string(w) + " ") != std::string::npos;
  };
  if (has("core") || has("entry") || has("foundation")) return model::TrackKind::kCore;
  if (has("management") || has("manager") || has("managers") || has("leadership") ||
      has("supervisor") || has("supervisors") || has("people"))
    return model::TrackKind::kManagement;
  if (has("ic") || has("individual") || has("contributor") || has("technical"))
    return model::TrackKind::kIc;
  if (has("alternative") || has("specialist") || has("specialized") || has("other"))
    return model::TrackKind::kAlternative;
  return model::TrackKind::kOther;
}

struct PendingInherit {
  size_t track = 0;
  size_t level = 0;
  std::string reference;  // "Same as Customer Engineer" or a truncated "s Manager"
  int line = 0;
};

class Builder {
 public:
  Builder(const Document& doc, Imported& out) : doc_(doc), out_(out) {}

  void AddTrack(const Section& section) {
    model::Track track;
    track.kind = KindOfHeading(section.heading);
    // A section titled "Overview" holds the ladder, it does not name a track.
    static const std::regex kGeneric(R"(^(overview|introduction|summary|about|levels)$)",
                                     std::regex::icase);
    const bool generic = std::regex_match(std::string(text::Trim(section.heading)), kGeneric);
    const std::string name = generic ? "Levels" : section.heading;
    if (generic)  // the heading introduces the ladder: structure, not text to import
      std::erase_if(out_.source, [&](const Passage& p) { return p.line == section.line; });
    std::string id = track.kind == model::TrackKind::kOther ? text::Slugify(name)
                                                            : model::TrackKindName(track.kind);
    if (!track_ids_.insert(id).second) {
      id = text::Slugify(name);
      for (int n = 2; !track_ids_.insert(id).second; ++n)
        id = text::Slugify(name) + "-" + std::to_string(n);
    }
    track.id = id;
    track.name = name;
    track.description = text::Join(section.paragraphs, "\n\n");
    track.origin.where = Where(section.line);
    out_.framework.tracks.push_back(std::move(track));
    codes_.clear();
    next_suffix_.clear();
    for (const Table& table : section.tables) AddRows(table);
    SortAndCheckRanks(out_.framework.tracks.back());
  }

  void ResolveInheritance() {
    // "same as <title>" -> the first level with that title.
    std::map<std::string, std::pair<const model::Track*, const model::Level*>> by_title;
    for (const model::Track& t : out_.framework.tracks)
      for (const model::Level& l : t.levels)
        if (!l.title.empty())
          by_title.emplace("same as " + text::ToLower(l.title), std::pair{&t, &l});
    constexpr int kMaxSuffixScans = 64;  // truncated references are rare: bound their cost
    int scans = 0;
    for (const PendingInherit& p : pending_) {
      model::Level& level = out_.framework.tracks[p.track].levels[p.level];
      const std::string ref = text::ToLower(p.reference);
      const model::Track* best_track = nullptr;
      const model::Level* best = nullptr;
      if (auto it = by_title.find(ref); it != by_title.end() && it->second.second != &level) {
        best_track = it->second.first;
        best = it->second.second;
      }
      const bool scan = !best && !ref.starts_with("same as ") && scans++ < kMaxSuffixScans;
      for (const model::Track& t : out_.framework.tracks) {
        if (!scan) break;
        for (const model::Level& l : t.levels) {
          if (&l == &level || l.title.empty()) continue;
          std::string full = "same as " + text::ToLower(l.title);
          bool exact = full == ref;
          bool truncated = full.ends_with(ref) && ref.size() > l.title.size();
          if (!exact && !truncated) continue;
          if (!best || l.title.size() > best->title.size()) {
            best = &l;
            best_track = &t;
          }
        }
      }
      if (!best) {
        Warn(p.line,
             "'" + p.reference + "' names no role of this ladder; the level inherits nothing");
        continue;
      }
      level.inherits = out_.framework.ResolveLevel(best->code).second
                           ? best->code
                           : best_track->id + "/" + best->code;
    }
  }

 private:
  SourceLocation Where(int line) const { return SourceLocation{doc_.name, line, 0}; }
  void Warn(int line, std::string message) {
    out_.warnings.push_back({Where(line), std::move(message)});
  }

  std::string UniqueCode(const std::string& title) {
    std::string base = text::Slugify(title);
    std::string code = base;
    int& n = next_suffix_[base];
    while (!codes_.insert(code).second) code = base + "-" + std::to_string(++n + 1);
    return code;
  }

  // Appends the items of a responsibilities or requirements cell to a level.
  void AddItems(model::Level& level, Column column, std::string_view cell, bool space_runs,
                int line) {
    if (IsTrivialCell(cell)) return;
    if (column == Column::kResponsibilities) {
      if (level.expectations.empty()) {
        model::Expectation e;
        e.competency = "responsibilities";
        e.origin.where = Where(line);
        level.expectations.push_back(std::move(e));
      }
      for (std::string& item : SplitCell(cell, space_runs))
        level.expectations.front().behaviours.push_back(std::move(item));
    } else if (column == Column::kRequirements) {
      if (IsNoRequirement(cell)) return;  // "None": no requirement, not one saying "None"
      for (std::string& item : SplitCell(cell, space_runs)) {
        model::Requirement r;
        r.text = std::move(item);
        r.rule = model::ManualRule{};
        r.origin.where = Where(line);
        level.requirements.push_back(std::move(r));
      }
    }
  }

  void AddNote(model::Level& level, std::string_view note) {
    if (note.empty()) return;
    level.note = level.note.empty() ? std::string(note) : level.note + "; " + std::string(note);
  }

  // The responsibilities cell of a new level, with its "Same as X, plus:" prefix.
  void AddResponsibilities(model::Level& level, std::string_view cell, bool space_runs, int line,
                           bool garbled) {
    model::Track& track = out_.framework.tracks.back();
    if (auto inherit = SplitInheritance(cell, garbled)) {
      AddNote(level, inherit->first + ", plus");
      pending_.push_back(
          {out_.framework.tracks.size() - 1, track.levels.size(), inherit->first, line});
      AddItems(level, Column::kResponsibilities, inherit->second, space_runs, line);
      return;
    }
    AddItems(level, Column::kResponsibilities, cell, space_runs, line);
  }

  void AddRows(const Table& table) {
    model::Track& track = out_.framework.tracks.back();
    const Header& h = table.header;
    const int role_col = h.Find(Column::kRole);
    const int level_col = h.Find(Column::kLevel);
    const int resp_col = h.Find(Column::kResponsibilities);
    const int req_col = h.Find(Column::kRequirements);
    const bool space_runs = h.tabs;
    for (const RawRow& row : table.rows) {
      auto cell = [&](int col) -> std::string {
        return col >= 0 && static_cast<size_t>(col) < row.cells.size() ? row.cells[col] : "";
      };
      const bool has_text = std::any_of(row.cells.begin(), row.cells.end(),
                                        [](const std::string& c) { return !IsTrivialCell(c); });
      if (!has_text) continue;
      // A continuation of the row before it.
      if (IsTrivialCell(cell(role_col))) {
        if (track.levels.empty()) {
          Warn(row.line, "row without a role name before any role; its text is not imported");
          continue;
        }
        model::Level& level = track.levels.back();
        for (size_t i = 0; i < row.cells.size(); ++i) {
          if (IsTrivialCell(row.cells[i])) continue;
          if (i >= h.columns.size()) {  // beyond the header: the last prose column
            AddItems(level, req_col >= 0 ? Column::kRequirements : Column::kResponsibilities,
                     row.cells[i], space_runs, row.line);
            Warn(row.line,
                 "row has more cells than the header; extra text added to " + level.title);
            continue;
          }
          Column c = h.columns[i];
          if (c == Column::kResponsibilities || c == Column::kRequirements) {
            AddItems(level, c, row.cells[i], space_runs, row.line);
          } else if (c == Column::kOther) {
            level.attributes.push_back({text::Slugify(h.names[i]), row.cells[i]});
          } else {
            Column to = resp_col >= 0 ? Column::kResponsibilities : Column::kRequirements;
            AddItems(level, to, row.cells[i], space_runs, row.line);
            Warn(row.line, "continuation row: text in the " + h.names[i] + " column read as " +
                               (resp_col >= 0 ? "responsibilities" : "requirements") + " of " +
                               level.title);
          }
        }
        continue;
      }

      model::Level level;
      level.origin.where = Where(row.line);
      // A bullet inside a role name is debris of extraction: a dash reads the same.
      std::string title =
          text::CollapseSpace(text::ReplaceAll(cell(role_col), std::string(kBullet), " - "));
      if (text::ToLower(title).starts_with("example:")) {
        AddNote(level, "Given as an example (\"" + title + "\")");
        title = std::string(text::Trim(std::string_view(title).substr(8)));
      }
      level.title = title;
      const int previous_rank = track.levels.empty() ? 0 : track.levels.back().rank;
      LevelValue value = level_col >= 0 ? ParseLevelValue(cell(level_col)) : LevelValue{};
      // A placeholder row: every cell but the level says "varies" or the like.
      // (The role name may be a placeholder too, or a real name whose content varies.)
      bool placeholder = false;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (static_cast<int>(i) == level_col || static_cast<int>(i) == role_col ||
            row.cells[i].empty())
          continue;
        placeholder = IsPlaceholder(row.cells[i]);
        if (!placeholder) break;
      }
      if (placeholder) {
        level.code = UniqueCode(title);
        level.state = model::LevelState::kUndefined;
        level.rank = value.kind == LevelValue::kRank ? value.rank : previous_rank + 1;
        if (level_col >= 0 && !cell(level_col).empty())
          level.attributes.push_back({"level", cell(level_col)});
        std::vector<std::string> said;
        for (size_t i = 0; i < row.cells.size(); ++i)
          if (static_cast<int>(i) != level_col && static_cast<int>(i) != role_col &&
              !row.cells[i].empty() &&
              std::find(said.begin(), said.end(), row.cells[i]) == said.end())
            said.push_back(row.cells[i]);
        AddNote(level, "Placeholder row (\"" + text::Join(said, "\", \"") +
                           "\"): the source gives no role, responsibilities or requirements for "
                           "this level");
        track.levels.push_back(std::move(level));
        continue;
      }
      const bool garbled = value.kind == LevelValue::kUnreadable;
      std::string grade;
      if (value.kind == LevelValue::kRank) {
        level.rank = value.rank;
        // A grade ("S2") is the level's code, so "2 years at S2" names it; "2+" or "Level 3"
        // is kept as written beside the rank.
        grade = GradeCode(cell(level_col));
        if (grade.empty() && !IsBareNumber(cell(level_col)))
          level.attributes.push_back({"level", cell(level_col)});
      } else {
        level.rank = previous_rank + 1;
        if (value.kind == LevelValue::kPlaceholder) {
          level.attributes.push_back({"level", cell(level_col)});
          Warn(row.line, "level of '" + title + "' is given as '" + cell(level_col) + "'; ranked " +
                             std::to_string(level.rank) + " after the row before it");
        }
      }
      level.code = !grade.empty() && codes_.insert(grade).second
                       ? grade
                       : UniqueCode(title.empty() ? "level-" + std::to_string(level.rank) : title);
      if (title.empty()) level.title = level.code;
      for (size_t i = 0; i < row.cells.size() && i < h.columns.size(); ++i)
        if (h.columns[i] == Column::kOther && !row.cells[i].empty())
          level.attributes.push_back({text::Slugify(h.names[i]), row.cells[i]});

      if (!garbled) {
        AddResponsibilities(level, cell(resp_col), space_runs, row.line, false);
        AddItems(level, Column::kRequirements, cell(req_col), space_runs, row.line);
        // Cells beyond the header's columns: kept as requirements or responsibilities (the
        // last prose column), with a warning.
        for (size_t i = h.columns.size(); i < row.cells.size(); ++i) {
          if (IsTrivialCell(row.cells[i])) continue;
          AddItems(level, req_col >= 0 ? Column::kRequirements : Column::kResponsibilities,
                   row.cells[i], space_runs, row.line);
          Warn(row.line, "row has more cells than the header; extra text added to " + level.title);
        }
        track.levels.push_back(std::move(level));
        continue;
      }

      // Garbled: the Level cell holds prose. The prose cells after the role name, in order,
      // fill the responsibilities and then the requirements.
      std::vector<std::string> prose;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (static_cast<int>(i) == role_col || IsTrivialCell(row.cells[i])) continue;
        if (i < h.columns.size() && h.columns[i] == Column::kOther) continue;
        prose.push_back(row.cells[i]);
      }
      std::vector<Column> targets;
      if (resp_col >= 0) targets.push_back(Column::kResponsibilities);
      if (req_col >= 0) targets.push_back(Column::kRequirements);
      for (size_t i = 0; i < prose.size(); ++i) {
        Column to = targets[std::min(i, targets.size() - 1)];
        if (to == Column::kResponsibilities && i == 0) {
          AddResponsibilities(level, prose[i], space_runs, row.line, true);
        } else {
          AddItems(level, to, prose[i], space_runs, row.line);
        }
      }
      AddNote(level, "Imported from a row garbled in extraction (role cell \"" + level.title +
                         "\"); check it against the source");
      std::string level_cell = cell(level_col);
      if (level_cell.size() > 40) level_cell = level_cell.substr(0, 40) + "...";
      Warn(row.line, "row garbled in extraction: the Level column holds '" + level_cell +
                         "'; imported as '" + level.title + "' at rank " +
                         std::to_string(level.rank) +
                         " (after the row before it), its other cells read as responsibilities "
                         "and requirements");
      track.levels.push_back(std::move(level));
    }
  }

  // Levels in rank order (stable); a rank not above the one before is moved up, with a warning.
  void SortAndCheckRanks(model::Track& track) {
    // Pending inheritance entries hold level indices: sort only when no entry points into
    // this track yet or the order does not change.
    const size_t t = out_.framework.tracks.size() - 1;
    std::vector<size_t> order(track.levels.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return track.levels[a].rank < track.levels[b].rank;
    });
    std::vector<model::Level> sorted;
    std::vector<size_t> position(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      position[order[i]] = i;
      sorted.push_back(std::move(track.levels[order[i]]));
    }
    track.levels = std::move(sorted);
    for (PendingInherit& p : pending_)
      if (p.track == t) p.level = position[p.level];
    for (size_t i = 1; i < track.levels.size(); ++i) {
      model::Level& l = track.levels[i];
      const int before = track.levels[i - 1].rank;
      if (l.rank <= before) {
        Warn(l.origin.where.line, "level '" + l.title + "' has rank " + std::to_string(l.rank) +
                                      ", not above '" + track.levels[i - 1].title +
                                      "' before it; ranked " + std::to_string(before + 1));
        if (std::none_of(l.attributes.begin(), l.attributes.end(),
                         [](const auto& a) { return a.first == "level"; }))
          l.attributes.push_back({"level", std::to_string(l.rank)});
        l.rank = before + 1;
      }
    }
  }

  const Document& doc_;
  Imported& out_;
  std::set<std::string> track_ids_;
  std::set<std::string> codes_;  // level codes of the current track
  std::map<std::string, int> next_suffix_;
  std::vector<PendingInherit> pending_;
};

// Sentences of a paragraph (". " boundaries), for finding transitions.
std::vector<std::string> Sentences(std::string_view paragraph) {
  std::vector<std::string> out;
  std::string p = text::CollapseSpace(paragraph);
  size_t start = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if ((p[i] == '.' || p[i] == '?' || p[i] == '!') && (i + 1 == p.size() || p[i + 1] == ' ')) {
      out.push_back(std::string(text::Trim(std::string_view(p).substr(start, i + 1 - start))));
      start = i + 1;
    }
  }
  if (start < p.size()) {
    std::string rest(text::Trim(std::string_view(p).substr(start)));
    if (!rest.empty()) out.push_back(rest);
  }
  return out;
}

std::string WithoutParenthetical(std::string_view name) {
  std::string n(name);
  if (size_t open = n.find(" ("); open != std::string::npos) n.resize(open);
  return text::ToLower(text::Trim(n));
}

// "move from the IC Path to the Management Path, or vice versa, ... if <condition>."
void AddTransitions(const std::vector<std::string>& paragraphs, int line, const Document& doc,
                    model::Framework& fw) {
  // Every pair of tracks is tried in every sentence; real ladders have a handful of tracks.
  constexpr size_t kMaxTracks = 32;
  if (fw.tracks.size() > kMaxTracks) return;
  for (const std::string& paragraph : paragraphs) {
    if (paragraph.find("from ") == std::string::npos) continue;
    for (const std::string& sentence : Sentences(paragraph)) {
      std::string plain = text::ReplaceAll(sentence, "**", "");
      plain = text::ReplaceAll(std::move(plain), "*", "");
      const std::string lower = text::ToLower(plain);
      for (const model::Track& a : fw.tracks) {
        for (const model::Track& b : fw.tracks) {
          if (&a == &b) continue;
          const std::string an = WithoutParenthetical(a.name), bn = WithoutParenthetical(b.name);
          bool found = false;
          for (std::string_view article : {"the ", ""}) {
            std::string pattern =
                "from " + std::string(article) + an + " to " + std::string(article) + bn;
            if (lower.find(pattern) != std::string::npos) found = true;
          }
          if (!found) continue;
          std::string condition;
          if (size_t at = lower.rfind(" if "); at != std::string::npos)
            condition = std::string(text::Trim(std::string_view(plain).substr(at + 4)));
          while (!condition.empty() && (condition.back() == '.' || condition.back() == ' '))
            condition.pop_back();
          const bool both = lower.find("vice versa") != std::string::npos;
          auto add = [&](const model::Track& from, const model::Track& to) {
            for (const model::Transition& t : fw.transitions)
              if (t.from == from.id && t.to == to.id) return;
            model::Transition t;
            t.from = from.id;
            t.to = to.id;
            t.description = sentence;
            t.origin.where = SourceLocation{doc.name, line, 0};
            if (!condition.empty())
              t.requirements.push_back({condition, model::ManualRule{}, t.origin});
            fw.transitions.push_back(std::move(t));
          };
          add(a, b);
          if (both) add(b, a);
        }
      }
    }
  }
}

class PlainTextReader : public Reader {
 public:
  std::string_view Name() const override { return "plain-text"; }

  int Detect(std::string_view text) const override {
    if (text.find("<table") != std::string_view::npos ||
        text.find("<html") != std::string_view::npos)
      return 0;
    size_t pos = 0;
    int lines = 0;
    int score = 0;
    while (pos < text.size() && lines < 5000) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      if (line.ends_with('\r')) line.remove_suffix(1);
      ++lines;
      if (line.size() < 400) {
        if (std::optional<Header> h = ParseHeader(line)) {
          score = std::max(score, h->tabs ? 85 : 60);
          if (h->tabs && h->Find(Column::kLevel) >= 0) score = 90;
        }
      }
      pos = end + 1;
    }
    return score;
  }

  Result<Imported> Read(const Document& document) const override {
    Imported out;
    model::Framework& fw = out.framework;
    fw.source = {document.name, std::string(Name())};
    std::vector<std::string> lines = text::Split(document.text, '\n');
    for (std::string& l : lines) l = StripCr(std::move(l));

    std::vector<Section> sections;
    std::vector<std::string> preamble;  // prose before the first heading
    bool have_title = false;
    bool paragraph_open = false;
    Table* table = nullptr;  // the table being read, in sections.back()

    auto paragraphs = [&]() -> std::vector<std::string>& {
      return sections.empty() ? preamble : sections.back().paragraphs;
    };
    auto add_prose = [&](std::string_view line) {
      std::string t = text::CollapseSpace(text::ReplaceAll(std::string(line), "\t", " "));
      auto& ps = paragraphs();
      if (paragraph_open && !ps.empty()) {
        ps.back() += "\n" + t;
      } else {
        ps.push_back(t);
      }
      paragraph_open = true;
    };
    auto next_nonblank = [&](size_t i) -> size_t {
      size_t j = i + 1;
      while (j < lines.size() && IsBlank(lines[j])) ++j;
      return j;
    };

    for (size_t i = 0; i < lines.size(); ++i) {
      const int line_no = static_cast<int>(i) + 1;
      const std::string& raw = lines[i];
      if (IsBlank(raw)) {
        paragraph_open = false;
        continue;
      }
      if (!have_title) {
        std::string_view md = MarkdownHeading(text::Trim(raw));
        fw.name = text::CollapseSpace(md.empty() ? text::Trim(raw) : md);
        out.source.push_back({line_no, PlainText(fw.name), document.name});
        have_title = true;
        continue;
      }
      if (table) {
        if (IsSeparator(raw)) continue;
        const bool row = table->header.tabs ? raw.find('\t') != std::string::npos
                                            : SplitCells(raw, false).size() >= 2 ||
                                                  std::isspace(static_cast<unsigned char>(raw[0]));
        if (row && !ParseHeader(raw)) {
          RawRow r{line_no, SplitCells(raw, table->header.tabs)};
          const int level_col = table->header.Find(Column::kLevel);
          for (size_t c = 0; c < r.cells.size(); ++c) {
            // A bare rank number is structure (it becomes the level's rank), not text; so is
            // a requirements cell saying there are none.
            if (static_cast<int>(c) == level_col && IsBareNumber(r.cells[c])) continue;
            if (static_cast<int>(c) == table->header.Find(Column::kRequirements) &&
                IsNoRequirement(r.cells[c]))
              continue;
            if (text::CountWords(r.cells[c]) > 0)
              out.source.push_back({line_no, PlainText(r.cells[c]), document.name});
          }
          table->rows.push_back(std::move(r));
          continue;
        }
        table = nullptr;
      }
      if (std::optional<Header> h = ParseHeader(raw)) {
        if (sections.empty()) sections.push_back({"Roles", line_no, {}, {}});
        sections.back().tables.push_back({line_no, *h, {}});
        table = &sections.back().tables.back();
        paragraph_open = false;
        continue;
      }
      std::string_view md = MarkdownHeading(text::Trim(raw));
      bool heading = !md.empty();
      if (!heading && !paragraph_open && LooksLikeHeading(raw)) {
        size_t j = next_nonblank(i);
        heading = j == lines.size() || j > i + 1 || ParseHeader(lines[j]).has_value();
      }
      if (heading) {
        std::string title = text::CollapseSpace(md.empty() ? text::Trim(raw) : md);
        out.source.push_back({line_no, PlainText(title), document.name});
        sections.push_back({title, line_no, {}, {}});
        paragraph_open = false;
        continue;
      }
      if (IsSeparator(raw)) continue;
      out.source.push_back({line_no, PlainText(raw), document.name});
      add_prose(raw);
    }

    if (!have_title) {
      return MakeError(ErrorCode::kParse, "empty document: nothing to import",
                       SourceLocation{document.name, 0, 0});
    }
    bool any_table = false;
    for (const Section& s : sections) any_table = any_table || !s.tables.empty();
    if (!any_table) {
      return MakeError(ErrorCode::kParse,
                       "no role table found: a plain-text ladder needs a header row naming a "
                       "Role column and a Responsibilities or Requirements column, separated by "
                       "tabs",
                       SourceLocation{document.name, 1, 0});
    }

    fw.id = text::Slugify(fw.name);
    fw.description = text::Join(preamble, "\n\n");
    bool responsibilities = false;
    for (const Section& s : sections)
      for (const Table& t : s.tables)
        responsibilities = responsibilities || t.header.Find(Column::kResponsibilities) >= 0;
    if (responsibilities) {
      model::Competency c;
      c.id = "responsibilities";
      c.name = "Responsibilities";
      c.description = "What the role is responsible for.";
      fw.competencies.push_back(std::move(c));
    }

    Builder builder(document, out);
    for (const Section& s : sections) {
      if (!s.tables.empty()) builder.AddTrack(s);
    }
    builder.ResolveInheritance();
    for (const Section& s : sections) {
      if (s.tables.empty()) {
        model::Note note;
        note.title = s.heading;
        note.markdown = text::Join(s.paragraphs, "\n\n");
        note.origin.where = SourceLocation{document.name, s.line, 0};
        fw.notes.push_back(std::move(note));
      }
      AddTransitions(s.paragraphs, s.line, document, fw);
    }
    AddTransitions(preamble, 1, document, fw);
    return out;
  }
};

}  // namespace

std::unique_ptr<Reader> MakePlainTextReader() { return std::make_unique<PlainTextReader>(); }

}  // namespace ladder::formats
