// Scanning a plain-text ladder into sections and rows, and reading its cells
// (plain_text_cells.h).
#include "formats/plain_text_cells.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <utility>

#include "base/text.h"

namespace ladder::formats::plain_text {
namespace {

constexpr int kMaxHeadingWords = 8;
constexpr size_t kMaxHeadingBytes = 80;

}  // namespace

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

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

// ---- Lines ----------------------------------------------------------------------------------

namespace {

// The row `raw` of `table` when it is one (cells split as the header is, not another header):
// adds it and its passages, returns false otherwise.
bool AddRow(Table& table, const std::string& raw, int line_no, const Document& document,
            std::vector<Passage>& source) {
  const bool row = table.header.tabs ? raw.find('\t') != std::string::npos
                                     : SplitCells(raw, false).size() >= 2 ||
                                           std::isspace(static_cast<unsigned char>(raw[0]));
  if (!row || ParseHeader(raw)) return false;
  RawRow r{line_no, SplitCells(raw, table.header.tabs)};
  const int level_col = table.header.Find(Column::kLevel);
  for (size_t c = 0; c < r.cells.size(); ++c) {
    // A bare rank number is structure (it becomes the level's rank), not text; so is a
    // requirements cell saying there are none.
    if (static_cast<int>(c) == level_col && IsBareNumber(r.cells[c])) continue;
    if (static_cast<int>(c) == table.header.Find(Column::kRequirements) &&
        IsNoRequirement(r.cells[c]))
      continue;
    if (text::CountWords(r.cells[c]) > 0)
      source.push_back({line_no, PlainText(r.cells[c]), document.name});
  }
  table.rows.push_back(std::move(r));
  return true;
}

}  // namespace

Scan ScanDocument(const Document& document, std::vector<Passage>& source) {
  Scan scan;
  std::vector<std::string> lines = text::Split(document.text, '\n');
  for (std::string& l : lines) l = StripCr(std::move(l));

  std::vector<Section>& sections = scan.sections;
  std::vector<std::string>& preamble = scan.preamble;
  bool& have_title = scan.have_title;
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
      scan.title = text::CollapseSpace(md.empty() ? text::Trim(raw) : md);
      source.push_back({line_no, PlainText(scan.title), document.name});
      have_title = true;
      continue;
    }
    if (table) {
      if (IsSeparator(raw)) continue;
      if (AddRow(*table, raw, line_no, document, source)) continue;
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
      source.push_back({line_no, PlainText(title), document.name});
      sections.push_back({title, line_no, {}, {}});
      paragraph_open = false;
      continue;
    }
    if (IsSeparator(raw)) continue;
    source.push_back({line_no, PlainText(raw), document.name});
    add_prose(raw);
  }
  return scan;
}

}  // namespace ladder::formats::plain_text
