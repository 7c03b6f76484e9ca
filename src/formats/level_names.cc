#include "formats/level_names.h"

#include <algorithm>
#include <regex>
#include <set>

#include "base/text.h"

namespace ladder::formats::level_table {
namespace {

// Longer texts are never level names; also keeps std::regex (recursive) on short input.
constexpr size_t kMaxNameLength = 80;
// How much of a long header cell is searched for a leading code.
constexpr size_t kHeadLength = 40;

const std::regex& CodeRe() {
  static const std::regex re(
      R"(^([A-Za-z]{1,4})[ -]?(\d{1,2}[a-zA-Z]?)(?:(?:\s*(?:-|–|—|:|\(|/)\s*|\s+)(.*?)\)?)?$)");
  return re;
}
const std::regex& LevelWordRe() {
  static const std::regex re(
      R"(^(level|lvl|grade|band|tier|step)\s*[-#:]?\s*(\d{1,2}[a-z]?|[ivx]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:(?:\s*(?:-|–|—|:|\()\s*|\s+)(.*?)\)?)?$)",
      std::regex::icase);
  return re;
}
// "Data Engineer I (P1)", "Senior Engineer - L3", "Engineer II (IC 3a)": a title with its code
// at the end.
const std::regex& TrailingCodeRe() {
  static const std::regex re(
      R"(^(.*?[^\s(])\s*(?:\(\s*([A-Za-z]{1,4})[ -]?(\d{1,2}[a-zA-Z]?)\s*\)|\s(?:-|–|—|\|)\s*([A-Za-z]{1,4})[ -]?(\d{1,2}[a-zA-Z]?))$)");
  return re;
}
// "2ⁿ (Level 0)": a level named in a trailing parenthesis.
const std::regex& TrailingLevelRe() {
  static const std::regex re(R"(^(.*?)\s*\(\s*(?:level|lvl|grade)\s*(\d{1,2}[a-z]?)\s*\)$)",
                             std::regex::icase);
  return re;
}
// "IC 1: An individual ...", "Level 3 - Senior ..." at the start of a long cell.
const std::regex& HeadCodeRe() {
  static const std::regex re(
      R"(^(?:([A-Za-z]{1,4}) ?(\d{1,2}[a-zA-Z]?)|(level|grade|band|tier)\s*(\d{1,2}))\s*(?::|-|–|—|\.)(\s|$))",
      std::regex::icase);
  return re;
}
const std::regex& SeniorityRe() {
  static const std::regex re(
      R"(\b(junior|jr|mid|middle|mid-level|intermediate|senior|sr|staff|principal|distinguished|fellow|lead|associate|entry|entry-level|graduate|grad|new grad|apprentice|intern|trainee|head|director|vp|manager|architect|novice|expert|beginner|practitioner|proficient|chief|cto)\b)",
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
const std::regex& RoleNounRe() {
  static const std::regex re(
      R"(\b(engineers?|developers?|programmers?|managers?|leads?|directors?|designers?|architects?|analysts?|scientists?|officers?|vp|head|consultants?|specialists?|interns?|administrators?|president|cto|cio|ceo|associates?|technicians?|writers?|researchers?|executives?|partners?|fellows?|owners?|testers?|representatives?|ae|sdr|bdr|pm|tpm|em|sre)\b)",
      std::regex::icase);
  return re;
}
// "(0-2 years)", "(12+ years)", "(8 to 12 yrs)" at the end of a name.
const std::regex& YearsRe() {
  static const std::regex re(
      R"(^(.*?)\s*\(\s*(\d{1,2}\s*(?:\+|(?:-|–|to)\s*\d{1,2}\+?)?)\s*(?:years?|yrs?)(?: of experience)?\s*\)$)",
      std::regex::icase);
  return re;
}

int Words(std::string_view s) { return text::CountWords(s); }

std::string Clean(std::string_view s) {
  return std::string(text::Trim(text::CollapseSpace(StripDecoration(s))));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "3", "iii", "three" -> "3"; "1a" -> "1A"; "" when `word` is no number.
std::string NumberOf(std::string_view word) {
  std::string w = text::ToLower(word);
  if (!w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return w;
  // A sub-level: "1A", "2b".
  if (w.size() >= 2 && w.size() <= 3 && std::isalpha(static_cast<unsigned char>(w.back())) &&
      std::all_of(w.begin(), w.end() - 1,
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return w.substr(0, w.size() - 1) + Upper(w.substr(w.size() - 1));
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

bool IsLetterCodePoint(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x4FF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF);
}

// A long cell opening with a code: {code, the rest}.
std::optional<std::pair<LevelName, std::string>> HeadCode(std::string_view t) {
  std::string head(t.substr(0, std::min(t.size(), kHeadLength)));
  std::smatch m;
  if (!std::regex_search(head, m, HeadCodeRe())) return std::nullopt;
  LevelName name;
  if (m[1].matched) {
    name.prefix = Upper(m[1].str());
    name.code = name.prefix + m[2].str();
  } else {
    name.prefix = "L";
    name.code = "L" + m[4].str();
  }
  return std::make_pair(name, std::string(text::Trim(t.substr(m.length(0)))));
}

}  // namespace

std::string_view StripDecoration(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '(' || c == '[' || c == '"' || c == '\'') break;
    size_t len = 1;
    char32_t cp = text::DecodeUtf8(s, i, &len);
    if (IsLetterCodePoint(cp)) break;
    i += std::max<size_t>(len, 1);
  }
  return s.substr(i);
}

std::pair<std::string, std::string> SplitYears(std::string_view raw) {
  std::string t(text::Trim(raw));
  std::smatch m;
  if (t.size() <= kMaxNameLength && std::regex_match(t, m, YearsRe()) && m[1].length() > 0)
    return {m[1].str(), text::CollapseSpace(m[2].str())};
  return {t, ""};
}

bool LooksLikeLevel(std::string_view raw) {
  std::string t = Clean(raw);
  if (t.empty()) return false;
  if (t.size() > kMaxNameLength || Words(t) > 6) {
    // A long header cell is a level when it opens with a code ("IC 1: An individual ...").
    return HeadCode(t).has_value();
  }
  if (text::IEquals(t, "level") || text::IEquals(t, "levels")) return false;
  if (std::regex_match(t, CodeRe()) || std::regex_match(t, LevelWordRe()) ||
      std::regex_match(t, TrailingCodeRe()) || std::regex_match(t, TrailingLevelRe()))
    return true;
  return std::regex_search(t, SeniorityRe()) || std::regex_match(t, RomanRe()) ||
         std::regex_match(t, TrailingNumberRe());
}

bool IsBareLevelNumber(std::string_view raw) {
  std::string t = Clean(raw);
  return t.size() <= 6 && !NumberOf(t).empty();
}

bool LooksLikeLevelName(std::string_view raw) {
  std::string t = Clean(raw);
  if (t.empty() || t.size() > 60) return false;
  std::smatch m;
  if (std::regex_match(t, m, CodeRe()) && !m[3].matched) return true;  // "D1", "TL4"
  if (Words(t) > 6 || t.find_first_of(".,;:!?") != std::string::npos) return false;
  static const std::set<std::string> kSmall = {"of", "and", "the", "to", "in", "for",
                                               "&",  "/",   "-",   "a",  "at"};
  int content = 0;
  int capitalised = 0;
  for (const std::string& w : text::Split(t, ' ')) {
    if (w.empty() || kSmall.count(text::ToLower(w))) continue;
    ++content;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (std::isupper(c) || std::isdigit(c) || c == '(') ++capitalised;
  }
  if (content == 0 || capitalised * 3 < content * 2) return false;
  return LooksLikeLevel(t) || std::regex_search(t, RoleNounRe());
}

namespace {

// "Junior (E1-E2)", "Mid (L3 – L4)", "Senior (IC5-6)": a title and a range of codes of one
// prefix.
const std::regex& RangeCodeRe() {
  static const std::regex re(
      R"(^(.*[^\s(])\s*\(\s*([A-Za-z]{1,3})\s?(\d{1,2})\s*(-|–|—|to)\s*(?:\2\s?)?(\d{1,2})\s*\)$)");
  return re;
}

}  // namespace

LevelName ParseLevelName(std::string_view raw) {
  std::string t = Clean(raw);
  std::smatch m;
  std::string years;
  if (t.size() <= kMaxNameLength && std::regex_match(t, m, YearsRe()) && m[1].length() > 0) {
    years = text::CollapseSpace(m[2].str());
    t = m[1].str();
  }
  LevelName name;
  if (t.size() > kMaxNameLength || Words(t) > 6) {
    if (auto head = HeadCode(t)) {
      name = head->first;
      std::string rest = head->second;
      // "... (Entry Level)": a short parenthesis closing the cell is the level's title.
      if (rest.ends_with(")")) {
        size_t open = rest.rfind('(');
        if (open != std::string::npos) {
          std::string inner(
              text::Trim(std::string_view(rest).substr(open + 1, rest.size() - open - 2)));
          if (!inner.empty() && Words(inner) <= 4) {
            name.title = inner;
            rest = std::string(text::Trim(std::string_view(rest).substr(0, open)));
          }
        }
      }
      if (name.title.empty() && Words(rest) <= 6) {
        name.title = rest;
        rest.clear();
      }
      name.summary = rest;
      if (name.title.empty()) name.title = name.code;
      name.years = years;
      return name;
    }
    name = {text::Slugify(t), t, "", "", years};
    return name;
  }
  if (std::regex_match(t, m, TrailingLevelRe())) {
    // "2ⁿ (Level 0)": the parenthesis names the level; the words before it title it only when
    // they read like a level's name.
    std::string before = Clean(m[1].str());
    name.prefix = "L";
    name.code = "L" + NumberOf(m[2].str());
    name.title = LooksLikeLevel(before) ? before : "Level " + m[2].str();
  } else if (std::regex_match(t, m, CodeRe())) {
    name.prefix = Upper(m[1].str());
    name.code = name.prefix + m[2].str();
    name.title = Clean(m[3].str());
  } else if (std::regex_match(t, m, LevelWordRe())) {
    std::string title = Clean(m[3].str());
    std::string number = NumberOf(m[2].str());
    name.code = "L" + (number.empty() ? text::ToLower(m[2].str()) : number);
    name.title = title.empty() ? t : title;
    name.prefix = "L";
  } else if (std::regex_match(t, m, TrailingCodeRe())) {
    bool paren = m[2].matched;
    name.prefix = Upper(m[paren ? 2 : 4].str());
    name.code = name.prefix + m[paren ? 3 : 5].str();
    name.title = Clean(m[1].str());
  } else if (std::regex_match(t, m, RangeCodeRe())) {
    // "Junior (E1-E2)": a level spanning a range of codes is coded by the range.
    name.prefix = Upper(m[2].str());
    name.code = name.prefix + m[3].str() + "-" + name.prefix + m[5].str();
    name.title = Clean(m[1].str());
  } else if (IsBareLevelNumber(t)) {
    name = {"L" + NumberOf(t), t, "L", "", ""};
  } else {
    name = {text::Slugify(t), t, "", "", ""};
  }
  name.years = years;
  return name;
}

std::string CodePrefix(std::string_view code) {
  size_t letters = 0;
  while (letters < code.size() && std::isalpha(static_cast<unsigned char>(code[letters])))
    ++letters;
  if (letters == 0 || letters >= code.size() ||
      !std::isdigit(static_cast<unsigned char>(code[letters])))
    return {};
  return std::string(code.substr(0, letters));
}

std::optional<int> CodeNumber(std::string_view code) {
  size_t i = 0;
  while (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i]))) ++i;
  size_t start = i;
  while (i < code.size() && std::isdigit(static_cast<unsigned char>(code[i]))) ++i;
  if (i == start || i - start > 3) return std::nullopt;
  if (i < code.size() &&
      !(i + 1 == code.size() && std::isalpha(static_cast<unsigned char>(code[i]))))
    return std::nullopt;
  return std::stoi(std::string(code.substr(start, i - start)));
}

bool OrderByCodes(std::vector<model::Level>& levels) {
  if (levels.size() < 2) return false;
  std::vector<std::pair<int, int>> keys;
  std::string prefix = CodePrefix(levels[0].code);
  for (const model::Level& l : levels) {
    std::optional<int> number = CodeNumber(l.code);
    if (!number || CodePrefix(l.code) != prefix) return false;
    unsigned char last = static_cast<unsigned char>(l.code.back());
    keys.push_back({*number, std::isalpha(last) ? std::tolower(last) : 0});
  }
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t i = 1; i < order.size(); ++i)
    if (keys[order[i - 1]] == keys[order[i]]) return false;
  if (std::is_sorted(order.begin(), order.end())) return false;
  std::vector<model::Level> sorted;
  sorted.reserve(levels.size());
  for (size_t i : order) sorted.push_back(std::move(levels[i]));
  levels = std::move(sorted);
  return true;
}

bool IsUndefinedText(std::string_view raw) {
  std::string t = text::ToLower(Clean(raw));
  while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
  if (t.empty()) return false;
  static const std::set<std::string> kExact = {"tbd",
                                               "tba",
                                               "tbc",
                                               "[tbc]",
                                               "[tbd]",
                                               "(tbd)",
                                               "(tbc)",
                                               "n/a",
                                               "na",
                                               "n.a",
                                               "-",
                                               "—",
                                               "–",
                                               "none",
                                               "wip",
                                               "?",
                                               "...",
                                               "…",
                                               "todo",
                                               "not applicable",
                                               "to be defined",
                                               "undefined",
                                               "to be determined",
                                               "to be confirmed"};
  if (kExact.count(t)) return true;
  if (t.starts_with("tbd") || t.starts_with("tba ") || t.starts_with("tbc ")) return true;
  // Judge a short cell by all it says, a long one by its first sentence: a long behaviour may
  // mention something "not defined".
  std::string judged = Words(t) <= 30 ? t : t.substr(0, t.find(". "));
  static const char* kPhrases[] = {"not currently defined",
                                   "not yet defined",
                                   "not yet been defined",
                                   "not been defined",
                                   "haven't defined",
                                   "haven\xE2\x80\x99t defined",
                                   "have not defined",
                                   "not defined",
                                   "to be defined",
                                   "to be determined",
                                   "coming soon",
                                   "haven't yet finalized",
                                   "haven\xE2\x80\x99t yet finalized",
                                   "not yet finalized",
                                   "not finalized",
                                   "yet to be defined",
                                   "to be written",
                                   "to be confirmed",
                                   "not yet written",
                                   "will be defined"};
  for (const char* p : kPhrases)
    if (judged.find(p) != std::string::npos) return true;
  // "Work in progress", "This level is a work in progress" (not "Shares work in progress").
  return judged.starts_with("work in progress") || judged.starts_with("(work in progress") ||
         judged.find("a work in progress") != std::string::npos ||
         judged.find("is work in progress") != std::string::npos ||
         judged.find("still work in progress") != std::string::npos;
}

}  // namespace ladder::formats::level_table
