// Requirement sentences as word tokens, and what is read from them: numbers, quantities,
// durations, level references and the words around a match (requirement_parts.h).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <type_traits>

#include "analysis/requirement_parts.h"
#include "base/text.h"

namespace ladder::analysis::internal {
namespace {

bool IsPunctChar(char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '!' ||
         c == '?' || c == '"';
}

// Number words a requirement may use.
std::optional<int> NumberWord(std::string_view w) {
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"one", 1},     {"two", 2},     {"three", 3},  {"four", 4},  {"five", 5},
      {"six", 6},     {"seven", 7},   {"eight", 8},  {"nine", 9},  {"ten", 10},
      {"eleven", 11}, {"twelve", 12}, {"single", 1}, {"dozen", 12}};
  for (const auto& [word, value] : kWords)
    if (w == word) return value;
  return std::nullopt;
}

// Months in one unit of time ("year", "quarters", ...), or 0.
int UnitMonths(const std::vector<Token>& t, size_t i) {
  if (IsAny(t, i, {"year", "years", "yr", "yrs"})) return 12;
  if (IsAny(t, i, {"quarter", "quarters"})) return 3;
  if (IsAny(t, i, {"month", "months", "mo", "mos"})) return 1;
  return 0;
}

// "half a year", "a half year", "half-year" (after an optional "at least"): 6 months.
std::optional<Duration> HalfYearAt(const std::vector<Token>& t, size_t i) {
  size_t begin = i;
  if (Is(t, i, "at") && Is(t, i + 1, "least")) {
    i += 2;
  } else if (Is(t, i, "a") && Is(t, i + 1, "minimum") && Is(t, i + 2, "of")) {
    i += 3;
  }
  size_t end = 0;
  if (Is(t, i, "half") && IsAny(t, i + 1, {"a", "an"}) && Is(t, i + 2, "year")) {
    end = i + 3;
  } else if (IsAny(t, i, {"a", "one"}) && Is(t, i + 1, "half") && Is(t, i + 2, "year")) {
    end = i + 3;
  } else if (IsAny(t, i, {"a", "one"}) && Is(t, i + 1, "half-year")) {
    end = i + 2;
  } else if (Is(t, i, "half-year")) {
    end = i + 1;
  } else {
    return std::nullopt;
  }
  if (Is(t, end, "or") && IsAny(t, end + 1, {"more", "longer"})) end += 2;
  return Duration{6, begin, end};
}

bool LooksLikeLevelCode(std::string_view w) {
  // IC3, L4, P2, E5, M1, SE2: 1-4 letters then 1-2 digits.
  size_t letters = 0;
  while (letters < w.size() && std::isalpha(static_cast<unsigned char>(w[letters]))) ++letters;
  if (letters == 0 || letters > 4 || letters == w.size() || w.size() - letters > 2) return false;
  for (size_t i = letters; i < w.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(w[i]))) return false;
  return true;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view sentence) {
  std::string s(sentence);
  s = text::ReplaceAll(std::move(s), "\xE2\x80\x99", "'");    // ’
  s = text::ReplaceAll(std::move(s), "\xE2\x80\x9C", "\"");   // “
  s = text::ReplaceAll(std::move(s), "\xE2\x80\x9D", "\"");   // ”
  s = text::ReplaceAll(std::move(s), "\xE2\x80\x94", " - ");  // em dash
  s = text::ReplaceAll(std::move(s), "\xE2\x80\x93", "-");    // en dash
  s = text::ReplaceAll(std::move(s), "\xE2\x80\xA2", " ");    // bullet
  std::vector<Token> out;
  int depth = 0;
  size_t i = 0;
  auto push = [&](std::string word, bool punct) {
    Token t;
    t.lower = text::ToLower(word);
    t.text = std::move(word);
    t.punct = punct;
    t.in_parens = depth > 0;
    out.push_back(std::move(t));
  };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (IsPunctChar(c)) {
      // A '.' between digits is a decimal point: "1.5 years".
      if (c == '.' && !out.empty() && i + 1 < s.size() &&
          std::isdigit(static_cast<unsigned char>(s[i + 1])) && !out.back().punct &&
          std::isdigit(static_cast<unsigned char>(out.back().text.back())) &&
          (i == 0 || !std::isspace(static_cast<unsigned char>(s[i - 1])))) {
        size_t j = i + 1;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) &&
               !IsPunctChar(s[j]))
          ++j;
        out.back().text += s.substr(i, j - i);
        out.back().lower = text::ToLower(out.back().text);
        i = j;
        continue;
      }
      if (c == ')') depth = std::max(0, depth - 1);
      push(std::string(1, c), true);
      if (c == '(') depth++;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && !IsPunctChar(s[j]))
      ++j;
    push(s.substr(i, j - i), false);
    i = j;
  }
  return out;
}

std::optional<double> DigitNumber(std::string_view w, bool* plus) {
  if (!w.empty() && w.back() == '+') {
    if (plus) *plus = true;
    w.remove_suffix(1);
  }
  if (w.empty() || w.size() > 6) return std::nullopt;
  int dots = 0;
  for (char c : w) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  if (dots > 1 || w.front() == '.' || w.back() == '.') return std::nullopt;
  return std::stod(std::string(w));
}

bool Is(const std::vector<Token>& t, size_t i, std::string_view word) {
  return i < t.size() && t[i].lower == word;
}

bool IsAny(const std::vector<Token>& t, size_t i, std::initializer_list<std::string_view> words) {
  if (i >= t.size()) return false;
  for (std::string_view w : words)
    if (t[i].lower == w) return true;
  return false;
}

std::optional<Quantity> QuantityAt(const std::vector<Token>& t, size_t i) {
  Quantity q;
  q.begin = i;
  if (Is(t, i, "at") && Is(t, i + 1, "least")) {
    i += 2;
  } else if (Is(t, i, "a") && Is(t, i + 1, "minimum") && Is(t, i + 2, "of")) {
    i += 3;
  } else if (Is(t, i, "minimum") && Is(t, i + 1, "of")) {
    i += 2;
  } else if (Is(t, i, "no") && IsAny(t, i + 1, {"fewer", "less"}) && Is(t, i + 2, "than")) {
    i += 3;
  }
  if (i >= t.size() || t[i].punct) return std::nullopt;
  bool plus = false;
  if (Is(t, i, "a") && Is(t, i + 1, "dozen")) {
    q.value = 12;
    q.number = i + 1;
    q.end = i + 2;
  } else if (std::optional<double> d = DigitNumber(t[i].lower, &plus)) {
    q.value = *d;
    q.number = i;
    q.end = i + 1;
  } else if (std::optional<int> w = NumberWord(t[i].lower)) {
    q.value = *w;
    q.number = i;
    q.end = i + 1;
  } else if (IsAny(t, i, {"a", "an"})) {
    q.value = 1;
    q.number = i;
    q.end = i + 1;
    q.article = true;
  } else {
    return std::nullopt;
  }
  if (Is(t, q.end, "or") && IsAny(t, q.end + 1, {"more", "longer"})) q.end += 2;
  if (q.value <= 0) return std::nullopt;
  return q;
}

std::optional<Duration> DurationAt(const std::vector<Token>& t, size_t i) {
  if (std::optional<Duration> half = HalfYearAt(t, i)) return half;
  std::optional<Quantity> q = QuantityAt(t, i);
  if (!q) return std::nullopt;
  size_t u = q->end;
  double value = q->value;
  // "one and a half years"
  if (Is(t, u, "and") && Is(t, u + 1, "a") && Is(t, u + 2, "half")) {
    value += 0.5;
    u += 3;
  }
  // "1 full year", "12 consecutive months"
  if (IsAny(t, u, {"full", "consecutive", "continuous", "calendar"})) ++u;
  const int unit = UnitMonths(t, u);
  if (unit == 0) return std::nullopt;
  size_t end = u + 1;
  // "a year and a half"
  if (value == q->value && Is(t, end, "and") && Is(t, end + 1, "a") && Is(t, end + 2, "half")) {
    value += 0.5;
    end += 3;
  }
  double months = value * unit;
  if (Is(t, end, "or") && IsAny(t, end + 1, {"more", "longer"})) end += 2;
  if (std::fabs(months - std::round(months)) > 1e-9) return std::nullopt;
  return Duration{static_cast<int>(std::round(months)), q->begin, end};
}

std::vector<Duration> Durations(const std::vector<Token>& t) {
  std::vector<Duration> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (std::optional<Duration> d = DurationAt(t, i)) {
      out.push_back(*d);
      i = d->end - 1;
    }
  }
  return out;
}

bool HasWord(const std::vector<Token>& t, std::initializer_list<std::string_view> words) {
  for (size_t i = 0; i < t.size(); ++i)
    if (IsAny(t, i, words)) return true;
  return false;
}

bool HasPrefix(const std::vector<Token>& t, std::string_view prefix) {
  for (const Token& tok : t)
    if (!tok.punct && tok.lower.starts_with(prefix)) return true;
  return false;
}

bool HasNegationOrCondition(const std::vector<Token>& t) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (IsAny(t, i,
              {"not", "never", "unless", "except", "nor", "if", "when", "per", "each", "every",
               "either", "optionally", "may"}))
      return true;
    if (Is(t, i, "no") && !IsAny(t, i + 1, {"fewer", "less"})) return true;
  }
  return false;
}

bool OffersAlternative(const std::vector<Token>& t) {
  for (const Token& tok : t)
    if (tok.text == "OR") return true;
  return false;
}

bool OnlyFillersOutside(const std::vector<Token>& t, size_t begin, size_t end,
                        const std::set<std::string_view>& fillers) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (i >= begin && i < end) continue;
    if (t[i].punct || t[i].in_parens) continue;
    if (!fillers.contains(t[i].lower)) return false;
  }
  return true;
}

bool OnlyWords(const std::vector<Token>& t, const std::set<std::string_view>& allowed) {
  return OnlyFillersOutside(t, 0, 0, allowed);
}

std::string SlugOf(const std::vector<Token>& t, size_t begin, size_t end) {
  std::string words;
  for (size_t i = begin; i < end && i < t.size(); ++i) {
    if (t[i].punct) continue;
    std::string w = t[i].lower;
    if (w.ends_with("'s")) w.resize(w.size() - 2);
    if (!words.empty()) words += ' ';
    words += w;
  }
  return text::Slugify(words);
}

std::string Singular(std::string w) {
  if (w.ends_with("ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (w.ends_with("ss")) return w;
  if (w.ends_with("s") && w.size() > 3) w.pop_back();
  return w;
}

const std::set<std::string_view>& CommonFillers() {
  static const std::set<std::string_view> kFillers = {
      "has",    "have",    "had",    "been",        "be",        "being",    "is",       "are",
      "must",   "should",  "will",   "shall",       "needs",     "to",       "a",        "an",
      "the",    "at",      "least",  "of",          "minimum",   "spent",    "worked",   "working",
      "served", "serving", "tenure", "time",        "total",     "in",       "on",       "as",
      "for",    "you",     "your",   "their",       "candidate", "required", "requires", "require",
      "and",    "-",       "with",   "successfully"};
  return kFillers;
}

bool IsRoleWord(std::string_view w) {
  return w == "lead" || w == "leader" || w == "owner" || w == "captain" || w == "champion" ||
         w == "coordinator" || w == "master" || w == "liaison" || w == "steward" || w == "lead's" ||
         w == "point";
}

std::optional<LevelRef> LevelRefAt(const std::vector<Token>& t, size_t i) {
  while (IsAny(t, i, {"the", "a", "an"})) ++i;
  if (i >= t.size() || t[i].punct) return std::nullopt;
  // "your current level", "the current level", "current role", "this level", "your level"
  size_t j = i;
  while (IsAny(t, j,
               {"your", "their", "his", "her", "current", "present", "this", "same", "existing"}))
    ++j;
  if (j > i && IsAny(t, j, {"level", "role", "position", "grade", "band"}))
    return LevelRef{"", "", j + 1};
  // "1 year in role", "a year in the role": the person's current role.
  if (IsAny(t, i, {"role", "position"}) && (i + 1 == t.size() || t[i + 1].punct))
    return LevelRef{"", "", i + 1};
  // "in the role of team lead"
  if (IsAny(t, i, {"role", "position"}) && Is(t, i + 1, "of")) {
    i += 2;
    while (IsAny(t, i, {"the", "a", "an"})) ++i;
    if (i >= t.size() || t[i].punct) return std::nullopt;
  }
  // "level 2", "level two"
  if (IsAny(t, i, {"level", "grade", "band"}) && i + 1 < t.size()) {
    bool plus = false;
    std::optional<double> d = DigitNumber(t[i + 1].lower, &plus);
    std::optional<int> w = NumberWord(t[i + 1].lower);
    if (plus) return std::nullopt;
    if (d && std::fabs(*d - std::round(*d)) < 1e-9) {
      return LevelRef{std::to_string(static_cast<int>(*d)), "", i + 2};
    }
    if (w) return LevelRef{std::to_string(*w), "", i + 2};
    return std::nullopt;
  }
  // "IC3", "L4"
  if (LooksLikeLevelCode(t[i].text)) {
    std::string code = t[i].text;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    size_t end = i + 1;
    if (Is(t, end, "level")) ++end;
    return LevelRef{code, "", end};
  }
  // A title: capitalised words ("Senior Engineer"), optionally followed by "level"/"role".
  size_t k = i;
  while (k < t.size() && !t[k].punct && !t[k].in_parens &&
         (std::isupper(static_cast<unsigned char>(t[k].text[0])) ||
          std::isdigit(static_cast<unsigned char>(t[k].text[0]))) &&
         k - i < 5)
    ++k;
  bool lower_role = false;
  if (k == i) {
    // Roles are often written in lower case: "as team lead", "as a tech lead".
    while (k < t.size() && !t[k].punct && k - i < 3 && !IsRoleWord(t[k].lower)) ++k;
    if (k < t.size() && IsRoleWord(t[k].lower)) {
      ++k;
      lower_role = true;
    } else {
      return std::nullopt;
    }
  }
  std::string slug = SlugOf(t, i, k);
  size_t end = k;
  if (IsAny(t, end, {"level", "role", "position"})) ++end;
  if (lower_role || IsRoleWord(t[k - 1].lower)) return LevelRef{"", slug, end};
  return LevelRef{slug, "", end};
}

}  // namespace ladder::analysis::internal
