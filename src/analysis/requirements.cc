// Requirement recognition. The workload is small (a framework has tens to hundreds of requirement
// sentences of a few dozen words), so the recogniser is a hand-written matcher over word tokens
// rather than regular expressions: it is fast, and every pattern below reads as the sentences it
// accepts. Each matcher also checks what is left of the sentence: a sentence that says more than
// the rule captures stays manual, so no rule is ever invented.
#include "analysis/requirements.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <type_traits>

#include "base/text.h"

namespace ladder::analysis {
namespace {

using model::Rule;

struct Token {
  std::string text;   // as written (punctuation tokens are one character)
  std::string lower;  // lower-case, curly apostrophes made straight
  bool punct = false;
  bool in_parens = false;  // inside (...) : a remark, ignored when checking leftovers
};

bool IsPunctChar(char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '!' ||
         c == '?' || c == '"';
}

// Splits a sentence into words and punctuation. Characters inside words that carry meaning
// ('+', '%', '-', '/', '\'') stay in the word: "3+", "90%", "post-mortems", "onboarding/coaching".
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

// A whole number written with digits, optionally followed by '+': "3", "12+".
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

// A quantity "at least N", "N+", "N or more", "a minimum of N", "no fewer than N", "a dozen".
struct Quantity {
  double value = 0;
  size_t begin = 0;      // first token of the quantity (including "at least")
  size_t number = 0;     // the token holding the number
  size_t end = 0;        // one past the last token
  bool article = false;  // "a"/"an" standing for one (only meaningful before a unit)
};

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

// A duration "1 year", "18 months", "1+ year", "a year", "1.5 years", "six months".
struct Duration {
  int months = 0;
  size_t begin = 0;
  size_t end = 0;
};

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

// All durations of a sentence, in order.
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

// Words that change a requirement's meaning in ways no rule captures.
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

// "OR" written as an alternative between requirements, or "or" joining two clauses: the
// sentence offers a choice and stays manual.
bool OffersAlternative(const std::vector<Token>& t) {
  for (const Token& tok : t)
    if (tok.text == "OR") return true;
  return false;
}

// True when every word token outside [begin, end) and outside parentheses is in `fillers`.
bool OnlyFillersOutside(const std::vector<Token>& t, size_t begin, size_t end,
                        const std::set<std::string_view>& fillers) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (i >= begin && i < end) continue;
    if (t[i].punct || t[i].in_parens) continue;
    if (!fillers.contains(t[i].lower)) return false;
  }
  return true;
}

// True when every word token outside parentheses is in `allowed`.
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

// Words around the core of a requirement that do not change what it asks.
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

// ---- Level references ----------------------------------------------------------------------

bool LooksLikeLevelCode(std::string_view w) {
  // IC3, L4, P2, E5, M1, SE2: 1-4 letters then 1-2 digits.
  size_t letters = 0;
  while (letters < w.size() && std::isalpha(static_cast<unsigned char>(w[letters]))) ++letters;
  if (letters == 0 || letters > 4 || letters == w.size() || w.size() - letters > 2) return false;
  for (size_t i = letters; i < w.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(w[i]))) return false;
  return true;
}

bool IsRoleWord(std::string_view w) {
  return w == "lead" || w == "leader" || w == "owner" || w == "captain" || w == "champion" ||
         w == "coordinator" || w == "master" || w == "liaison" || w == "steward" || w == "lead's" ||
         w == "point";
}

struct LevelRef {
  std::string level;  // "" for the current level
  std::string role;   // set instead of level when the reference names a role ("team lead")
  size_t end = 0;
};

// Parses a level reference starting at `i` (just after "at", "in", "as", "on").
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

// ---- Matchers ------------------------------------------------------------------------------

// "resolve 90% of support issues without assistance" -> metric resolved_without_assistance.
std::string Participle(std::string verb) {
  if (verb == "meet" || verb == "meets") return "met";
  if (verb == "keep" || verb == "keeps") return "kept";
  if (verb.ends_with("ed")) return verb;
  if (verb.ends_with("ing") && verb.size() > 5) {
    verb.resize(verb.size() - 3);
    return verb + "ed";
  }
  if (verb.ends_with("es") && verb.size() > 4 && !verb.ends_with("ves"))
    verb.pop_back();
  else if (verb.ends_with("s") && !verb.ends_with("ss"))
    verb.pop_back();
  if (verb.ends_with("e")) return verb + "d";
  return verb + "ed";
}

std::string Underscored(std::string slug) {
  std::replace(slug.begin(), slug.end(), '-', '_');
  return slug;
}

std::optional<Rule> MatchMetric(const std::vector<Token>& t) {
  size_t pct = t.size();
  double value = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    std::string_view w = t[i].lower;
    if (w.size() > 1 && w.back() == '%') {
      if (std::optional<double> d = DigitNumber(w.substr(0, w.size() - 1), nullptr)) {
        pct = i;
        value = *d;
        break;
      }
    }
    if (Is(t, i + 1, "percent")) {
      if (std::optional<double> d = DigitNumber(w, nullptr)) {
        pct = i;
        value = *d;
        break;
      }
    }
  }
  if (pct == t.size()) return std::nullopt;
  size_t after = pct + 1;
  if (Is(t, after, "percent")) ++after;
  size_t before = pct;
  if (before >= 2 && Is(t, before - 2, "at") && Is(t, before - 1, "least")) before -= 2;
  // Verb form: "<verb> 90% of <object> [<qualifier>]"
  if (before >= 1 && !t[before - 1].punct && Is(t, after, "of")) {
    std::string verb = t[before - 1].lower;
    size_t obj = after + 1;
    size_t k = obj;
    while (k < t.size() && !t[k].punct &&
           !IsAny(t, k, {"without", "within", "under", "in", "on", "before", "by", "with"}))
      ++k;
    if (k == obj) return std::nullopt;
    size_t qual_end = k;
    while (qual_end < t.size() && !t[qual_end].punct) ++qual_end;
    static const std::set<std::string_view> kLead = {
        "able", "to", "can", "must", "should",       "consistently", "reliably",
        "be",   "is", "has", "have", "demonstrated", "ability"};
    for (size_t i = 0; i + 1 < before; ++i)
      if (!t[i].punct && !kLead.contains(t[i].lower)) return std::nullopt;
    for (size_t i = qual_end; i < t.size(); ++i)
      if (!t[i].punct && !t[i].in_parens) return std::nullopt;
    if (verb == "the" || verb == "of" || verb == "least" || verb == "than") return std::nullopt;
    std::string name = Participle(verb) + "_";
    name += k < qual_end ? Underscored(SlugOf(t, k, qual_end)) : Underscored(SlugOf(t, obj, k));
    return model::MetricThreshold{name, value};
  }
  // Name form: "<name> (score|rate) of at least 90%", "CSAT above 95%"
  size_t k = before;
  if (k >= 1 && IsAny(t, k - 1, {"of", "above", "over", "at"})) {
    --k;
    size_t name_end = k;
    if (name_end >= 1 && IsAny(t, name_end - 1, {"score", "rate", "rating"})) {
      // keep "rate" in the name: "escalation rate"
    }
    size_t name_begin = name_end;
    while (name_begin > 0 && !t[name_begin - 1].punct &&
           !IsAny(t, name_begin - 1,
                  {"a", "an", "the", "maintain", "maintains", "maintained", "keep", "keeps",
                   "achieve", "achieves", "achieved", "with", "has", "have"}) &&
           name_end - name_begin < 4)
      --name_begin;
    if (name_begin == name_end) return std::nullopt;
    static const std::set<std::string_view> kLead = {
        "a",          "an",   "the",   "maintain", "maintains",
        "maintained", "keep", "keeps", "achieve",  "achieves",
        "achieved",   "with", "has",   "have",     "consistently"};
    for (size_t i = 0; i < name_begin; ++i)
      if (!t[i].punct && !kLead.contains(t[i].lower)) return std::nullopt;
    for (size_t i = after; i < t.size(); ++i)
      if (!t[i].punct && !t[i].in_parens && !IsAny(t, i, {"or", "higher", "more", "above"}))
        return std::nullopt;
    return model::MetricThreshold{Underscored(SlugOf(t, name_begin, name_end)), value};
  }
  return std::nullopt;
}

// "SME in at least two core skillsets", "SME in automation processes and tools".
std::optional<Rule> MatchSme(const std::vector<Token>& t) {
  size_t sme = t.size();
  for (size_t i = 0; i < t.size(); ++i) {
    if (IsAny(t, i, {"sme", "smes"})) {
      sme = i;
      break;
    }
    if ((Is(t, i, "subject-matter") || Is(t, i, "subject"))) {
      size_t j = Is(t, i, "subject") ? i + 2 : i + 1;
      if (Is(t, i, "subject") && !Is(t, i + 1, "matter")) continue;
      if (IsAny(t, j, {"expert", "experts"})) {
        sme = j;
        break;
      }
    }
  }
  if (sme == t.size()) return std::nullopt;
  static const std::set<std::string_view> kLead = {
      "a",         "an",         "be",         "is",         "has",
      "have",      "been",       "recognized", "recognised", "recognition",
      "as",        "signed",     "off",        "sign-off",   "signoff",
      "certified", "designated", "subject",    "matter",     "subject-matter",
      "must",      "become",     "team",       "(",          "qualify",
      "to"};
  for (size_t i = 0; i < sme; ++i)
    if (!t[i].punct && !kLead.contains(t[i].lower)) return std::nullopt;
  size_t i = sme + 1;
  if (IsAny(t, i, {"sign-off", "signoff"})) ++i;
  if (!IsAny(t, i, {"in", "for", "on", "of"})) return std::nullopt;
  ++i;
  static const std::set<std::string_view> kSkillNouns = {
      "skillset", "skillsets", "skill", "skills", "skill-set",  "skill-sets", "area", "areas",
      "domain",   "domains",   "topic", "topics", "categories", "category",   "sets", "set"};
  if (std::optional<Quantity> q = QuantityAt(t, i); q && !q->article) {
    size_t k = q->end;
    while (k < t.size() && !t[k].punct && !kSkillNouns.contains(t[k].lower)) ++k;
    if (k == t.size() || t[k].punct) return std::nullopt;
    while (k < t.size() && kSkillNouns.contains(t[k].lower)) ++k;
    for (size_t r = k; r < t.size(); ++r)
      if (!t[r].punct && !t[r].in_parens) return std::nullopt;
    if (std::fabs(q->value - std::round(q->value)) > 1e-9) return std::nullopt;
    return model::SmeSkillsets{static_cast<int>(q->value), ""};
  }
  // A named skill: the words up to a generic tail ("processes and tools").
  static const std::set<std::string_view> kGeneric = {
      "process",   "processes", "tool",  "tools",  "and",   "skills",       "skill",  "skillset",
      "skillsets", "area",      "areas", "topics", "topic", "technologies", "systems"};
  size_t end = i;
  while (end < t.size() && !t[end].punct && !t[end].in_parens) ++end;
  for (size_t r = end; r < t.size(); ++r)
    if (!t[r].punct && !t[r].in_parens) return std::nullopt;
  size_t name_end = end;
  while (name_end > i && kGeneric.contains(t[name_end - 1].lower)) --name_end;
  while (IsAny(t, i, {"the", "a", "an", "our"})) ++i;
  if (name_end <= i || name_end - i > 4) return std::nullopt;
  for (size_t r = i; r < name_end; ++r)
    if (IsAny(t, r, {"and", "or"})) return std::nullopt;  // two skills: say so by hand
  return model::SmeSkillsets{1, SlugOf(t, i, name_end)};
}

// "12 months of consistent high performance at your current level",
// "at least 3 months performing consistently at the next level, in all categories".
std::optional<Rule> MatchPerformance(const std::vector<Token>& t) {
  if (!HasPrefix(t, "perform")) return std::nullopt;
  std::vector<Duration> ds = Durations(t);
  if (ds.size() != 1) return std::nullopt;
  const Duration& d = ds.front();
  static const std::set<std::string_view> kFillers = {
      "at",           "least",         "of",           "consistent", "consistently", "high",
      "strong",       "performance",   "performing",   "perform",    "the",          "your",
      "their",        "current",       "level",        "next",       "in",           "all",
      "three",        "four",          "two",          "five",       "categories",   "category",
      "competencies", "competency",    "areas",        "every",      "for",          "a",
      "an",           "had",           "have",         "has",        "you've",       "you",
      "and",          "period",        "over",         "last",       "been",         "sustained",
      "demonstrated", "demonstrating", "must",         "with",       "within",       "each",
      "dimensions",   "pillars",       "expectations", "meeting",    "exceeding",    "or",
      "above",        "one",           "any",          "some",       "across"};
  // Context words decide which rule. The sentence may open with a preamble ending in "that",
  // "when" or "once" ("Promotion discussions occur when your manager can make the case that
  // you've had ..."): leftovers are checked after it.
  size_t from = 0;
  for (size_t i = 0; i < d.begin; ++i)
    if (IsAny(t, i, {"that", "when", "once"})) from = i + 1;
  for (size_t i = from; i < t.size(); ++i)
    if (!t[i].punct && !t[i].in_parens && !kFillers.contains(t[i].lower) &&
        !(i >= d.begin && i < d.end))
      return std::nullopt;
  // Before the duration, only a preamble that does not mention levels or other conditions.
  for (size_t i = 0; i < from; ++i)
    if (IsAny(t, i, {"level", "next", "current", "perform", "performing", "performance"}))
      return std::nullopt;
  if (HasWord(t, {"not", "never", "unless", "except", "without"})) return std::nullopt;
  bool next = false, current = false;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (Is(t, i, "next") && Is(t, i + 1, "level")) next = true;
    if (Is(t, i, "current") && Is(t, i + 1, "level")) current = true;
    if (IsAny(t, i, {"your", "their"}) && Is(t, i + 1, "level")) current = true;
  }
  if (next == current) return std::nullopt;
  if (next) {
    // "in all categories" (or nothing: all by default) vs "in at least one category".
    bool all = true;
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (Is(t, i, "in") && (IsAny(t, i + 1, {"one", "any", "some"}) ||
                             (Is(t, i + 1, "at") && Is(t, i + 2, "least"))))
        all = false;
    }
    if (HasWord(t, {"or"})) return std::nullopt;
    return model::PerformingAtNext{d.months, all};
  }
  if (!HasPrefix(t, "consistent") && !HasWord(t, {"sustained"})) return std::nullopt;
  for (size_t i = 0; i < t.size(); ++i)
    if (Is(t, i, "in") && IsAny(t, i + 1, {"one", "any", "some"})) return std::nullopt;
  if (HasWord(t, {"or"})) return std::nullopt;
  return model::ConsistentPerformance{"", d.months};
}

// "tech lead for 1+ year", "acted as team lead for 6 months", "6 months as team lead".
std::optional<Rule> MatchTimeInRole(const std::vector<Token>& t) {
  std::vector<Duration> ds = Durations(t);
  if (ds.size() != 1) return std::nullopt;
  const Duration& d = ds.front();
  static const std::set<std::string_view> kFillers = {
      "has",     "have", "been", "be",   "served",     "serving", "acted", "acting", "worked",
      "working", "as",   "a",    "an",   "the",        "for",     "at",    "least",  "minimum",
      "of",      "must", "in",   "role", "experience", "-",       "total"};
  // ROLE for DURATION
  if (d.begin >= 1 && Is(t, d.begin - 1, "for")) {
    size_t role_end = d.begin - 1;
    size_t role_begin = role_end;
    while (role_begin > 0 && !t[role_begin - 1].punct &&
           !IsAny(t, role_begin - 1,
                  {"a", "an", "the", "as", "been", "served", "acted", "has", "have", "for"}) &&
           role_end - role_begin < 4)
      --role_begin;
    if (role_begin < role_end && IsRoleWord(t[role_end - 1].lower) &&
        OnlyFillersOutside(t, role_begin, d.end, kFillers))
      return model::TimeInRole{SlugOf(t, role_begin, role_end), d.months};
  }
  // Leading an activity for DURATION: "Has lead code reviews for the team for 12+ months" is
  // time in the role of leading it, named from the activity (`code-review-lead`).
  if (d.begin >= 1 && Is(t, d.begin - 1, "for")) {
    size_t i = 0;
    while (IsAny(t, i, {"has", "have", "had", "been"})) ++i;
    if (IsAny(t, i, {"led", "lead", "leading", "leads"})) {
      size_t obj = i + 1;
      while (IsAny(t, obj, {"the", "a", "an"})) ++obj;
      size_t obj_end = obj;
      while (obj_end < t.size() && !t[obj_end].punct && !t[obj_end].in_parens &&
             !QuantityAt(t, obj_end) &&
             !IsAny(t, obj_end, {"for", "of", "on", "in", "with", "across", "and", "or"}))
        ++obj_end;
      size_t k = obj_end;
      // "for the team" says whose activity it is, which the role implies.
      if (Is(t, k, "for") && IsAny(t, k + 1, {"the", "their", "your", "his", "her", "our"}) &&
          Is(t, k + 2, "team"))
        k += 3;
      bool rest_empty = true;
      for (size_t r = d.end; r < t.size(); ++r)
        if (!t[r].punct && !t[r].in_parens) rest_empty = false;
      if (k == d.begin - 1 && obj_end > obj && obj_end - obj <= 3 && rest_empty) {
        std::string words;
        for (size_t w = obj; w < obj_end; ++w) {
          std::string word = t[w].lower;
          if (w + 1 == obj_end) word = Singular(std::move(word));
          words += (words.empty() ? "" : " ") + word;
        }
        return model::TimeInRole{text::Slugify(words + " lead"), d.months};
      }
    }
  }
  // DURATION as ROLE
  if (IsAny(t, d.end, {"as", "in"})) {
    std::optional<LevelRef> ref = LevelRefAt(t, d.end + 1);
    if (ref && !ref->role.empty() && OnlyFillersOutside(t, d.begin, ref->end, kFillers))
      return model::TimeInRole{ref->role, d.months};
  }
  return std::nullopt;
}

// "1 year at Level 1", "18 months as Senior Engineer", "at least 12 months in your current
// role", "at Level 2 for 2 years".
std::optional<Rule> MatchTimeAtLevel(const std::vector<Token>& t) {
  std::vector<Duration> ds = Durations(t);
  if (ds.size() != 1) return std::nullopt;
  const Duration& d = ds.front();
  const std::set<std::string_view>& fillers = CommonFillers();
  if (IsAny(t, d.end, {"at", "in", "as", "on"})) {
    std::optional<LevelRef> ref = LevelRefAt(t, d.end + 1);
    if (ref && ref->role.empty() && OnlyFillersOutside(t, d.begin, ref->end, fillers))
      return model::TimeAtLevel{ref->level, d.months};
  }
  // "at Level 2 for 2 years", "Held the L1 level for 1 year"
  if (d.begin >= 1 && Is(t, d.begin - 1, "for")) {
    for (size_t i = 0; i + 1 < d.begin; ++i) {
      if (!IsAny(t, i, {"at", "in", "as", "on", "held", "holding", "hold", "holds"})) continue;
      std::optional<LevelRef> ref = LevelRefAt(t, i + 1);
      if (ref && ref->role.empty() && ref->end == d.begin - 1 &&
          OnlyFillersOutside(t, i, d.end, fillers))
        return model::TimeAtLevel{ref->level, d.months};
    }
  }
  return std::nullopt;
}

// The evidence kind a word names, or "".
std::string KindOfNoun(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kNouns[] = {
      {"talk", "talk"},
      {"talks", "talk"},
      {"presentation", "talk"},
      {"presentations", "talk"},
      {"document", "doc"},
      {"documents", "doc"},
      {"doc", "doc"},
      {"docs", "doc"},
      {"documentation", "doc"},
      {"article", "doc"},
      {"articles", "doc"},
      {"write-up", "doc"},
      {"write-ups", "doc"},
      {"writeup", "doc"},
      {"writeups", "doc"},
      {"planning", "planning"},
      {"plannings", "planning"},
      {"post-mortem", "postmortem"},
      {"post-mortems", "postmortem"},
      {"postmortem", "postmortem"},
      {"postmortems", "postmortem"},
      {"retrospective", "postmortem"},
      {"retrospectives", "postmortem"},
      {"design", "design"},
      {"designs", "design"},
      {"mentoring", "mentoring"},
      {"mentorship", "mentoring"},
      {"mentee", "mentoring"},
      {"mentees", "mentoring"},
      {"project", "project"},
      {"projects", "project"},
      {"ticket", "ticket"},
      {"tickets", "ticket"}};
  for (const auto& [noun, kind] : kNouns)
    if (w == noun) return std::string(kind);
  return "";
}

std::string KindOfVerb(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kVerbs[] = {
      {"presented", "talk"},   {"presenting", "talk"},   {"present", "talk"},
      {"presents", "talk"},    {"spoke", "talk"},        {"spoken", "talk"},
      {"documented", "doc"},   {"document", "doc"},      {"documents", "doc"},
      {"wrote", "doc"},        {"written", "doc"},       {"write", "doc"},
      {"writes", "doc"},       {"authored", "doc"},      {"mentored", "mentoring"},
      {"mentor", "mentoring"}, {"mentors", "mentoring"}, {"coached", "mentoring"},
      {"coach", "mentoring"},  {"coaches", "mentoring"}};
  for (const auto& [verb, kind] : kVerbs)
    if (w == verb) return std::string(kind);
  return "";
}

bool IsEvidenceVerb(std::string_view w) {
  static const std::set<std::string_view> kVerbs = {
      "participated", "participate", "participates", "led",        "lead",        "leads",
      "ran",          "run",         "proposed",     "propose",    "completed",   "complete",
      "shipped",      "ship",        "delivered",    "deliver",    "closed",      "close",
      "resolved",     "resolve",     "organized",    "organised",  "organize",    "organise",
      "hosted",       "host",        "facilitated",  "facilitate", "contributed", "contribute",
      "conducted",    "conduct",     "created",      "create",     "published",   "publish",
      "gave",         "give",        "given",        "owned",      "drove",       "driven",
      "handled",      "launched",    "reviewed",     "submitted"};
  return kVerbs.contains(w);
}

// "presented 3+ times", "documented 5+ technical aspects", "participated in 3+ technical
// planning", "wrote at least two design docs", "supported the growth of at least 1 engineer".
std::optional<Rule> MatchEvidenceCount(const std::vector<Token>& t) {
  if (HasNegationOrCondition(t)) return std::nullopt;
  // The one count of the sentence (not a duration, range or percentage).
  std::optional<Quantity> count;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].in_parens) continue;
    if (std::optional<Duration> d = DurationAt(t, i)) {  // a window, checked below
      i = d->end - 1;
      continue;
    }
    std::optional<Quantity> q = QuantityAt(t, i);
    if (!q || q->article) continue;
    if (std::fabs(q->value - std::round(q->value)) > 1e-9) return std::nullopt;
    if (count) return std::nullopt;  // two counts: say it by hand
    count = q;
    i = q->end - 1;
  }
  if (!count) return std::nullopt;
  // Optional window: "in the last 12 months", "within the past year".
  int within = 0;
  std::vector<Duration> ds = Durations(t);
  if (ds.size() > 1) return std::nullopt;
  size_t window_begin = t.size(), window_end = t.size();
  if (ds.size() == 1) {
    const Duration& d = ds.front();
    size_t k = d.begin;
    if (k >= 1 && IsAny(t, k - 1, {"last", "past"})) --k;
    if (k >= 1 && Is(t, k - 1, "the")) --k;
    if (k >= 1 && IsAny(t, k - 1, {"in", "within", "over", "during"})) {
      within = d.months;
      window_begin = k - 1;
      window_end = d.end;
    } else {
      return std::nullopt;
    }
  }
  if (window_begin == t.size()) {
    // "within the past year", "in the last year"
    for (size_t i = 0; i + 3 < t.size(); ++i) {
      if (IsAny(t, i, {"in", "within", "over", "during"}) && Is(t, i + 1, "the") &&
          IsAny(t, i + 2, {"last", "past"}) && IsAny(t, i + 3, {"year", "month"})) {
        within = Is(t, i + 3, "year") ? 12 : 1;
        window_begin = i;
        window_end = i + 4;
      }
    }
  }
  // The head noun: the last word of the run after the count, up to a preposition, a
  // conjunction or punctuation.
  static const std::set<std::string_view> kStops = {
      "of",    "on",  "in",     "for",    "from",  "to",   "with",  "at",        "about",  "during",
      "or",    "and", "and/or", "across", "by",    "that", "which", "within",    "over",   "per",
      "under", "as",  "into",   "while",  "where", "when", "than",  "including", "ideally"};
  size_t run_end = count->end;
  while (run_end < t.size() && !t[run_end].punct && !kStops.contains(t[run_end].lower) &&
         run_end - count->end < 5)
    ++run_end;
  std::string kind;
  std::string head;
  if (run_end > count->end) head = t[run_end - 1].lower;
  for (size_t i = run_end; i > count->end && kind.empty(); --i) kind = KindOfNoun(t[i - 1].lower);
  const bool noun_kind = !kind.empty();
  // The verb: the nearest word before the count that names or implies evidence.
  bool evidence_verb = false;
  std::string verb_kind;
  for (size_t i = count->begin; i > 0; --i) {
    const std::string& w = t[i - 1].lower;
    if (t[i - 1].punct) break;
    if (!KindOfVerb(w).empty()) {
      verb_kind = KindOfVerb(w);
      evidence_verb = true;
      break;
    }
    if (IsEvidenceVerb(w)) {
      evidence_verb = true;
      break;
    }
  }
  // "supported the growth of N engineers", "helped N engineers grow": mentoring.
  for (size_t i = 0; i + 2 < count->begin; ++i) {
    if (IsAny(t, i, {"supported", "support", "supports", "fostered"}) && Is(t, i + 1, "the") &&
        IsAny(t, i + 2, {"growth", "development", "career"})) {
      verb_kind = "mentoring";
      evidence_verb = true;
    }
  }
  if (head == "times" || head == "time" || head.empty()) {
    if (verb_kind.empty()) return std::nullopt;
    kind = verb_kind;
  } else if (kind.empty() || (!verb_kind.empty() && verb_kind == "mentoring")) {
    if (!verb_kind.empty()) {
      kind = verb_kind;
    } else if (evidence_verb && kind.empty()) {
      kind = text::Slugify(Singular(head));
    }
  }
  if (kind.empty()) return std::nullopt;
  if (!evidence_verb && !noun_kind) return std::nullopt;
  (void)window_end;
  return model::EvidenceCount{kind, static_cast<int>(std::round(count->value)), within};
}

std::optional<Rule> MatchPeerReview(const std::vector<Token>& t) {
  bool found = false;
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (Is(t, i, "peer") && IsAny(t, i + 1, {"review", "reviews", "review-panel"})) found = true;
  if (!found) return std::nullopt;
  static const std::set<std::string_view> kAllowed = {
      "successful", "successfully", "success",    "pass",      "passed",    "passes",    "passing",
      "complete",   "completed",    "completion", "undergo",   "undergone", "undergoes", "positive",
      "peer",       "review",       "reviews",    "process",   "panel",     "a",         "an",
      "the",        "of",           "by",         "must",      "has",       "have",      "been",
      "be",         "candidate",    "approved",   "approval",  "outcome",   "result",    "-",
      "with",       "and",          "consensus",  "favorable", "favourable"};
  if (!OnlyWords(t, kAllowed)) return std::nullopt;
  return model::PeerReviewPassed{};
}

std::optional<Rule> MatchDocumentedNeed(const std::vector<Token>& t) {
  if (!HasWord(t, {"need", "needs"})) return std::nullopt;
  if (!HasWord(t, {"documented", "open", "opened", "approved", "existing"})) return std::nullopt;
  static const std::set<std::string_view> kAllowed = {
      "documented", "need",      "needs",    "for",      "the",    "a",        "an",
      "role",       "position",  "level",    "open",     "opened", "business", "this",
      "that",       "there",     "is",       "be",       "must",   "exists",   "existing",
      "approved",   "headcount", "requires", "required", "and",    "team"};
  if (!OnlyWords(t, kAllowed)) return std::nullopt;
  return model::DocumentedNeed{};
}

std::optional<Rule> MatchApproval(const std::vector<Token>& t) {
  bool found = false;
  for (size_t i = 0; i < t.size(); ++i)
    if (IsAny(t, i,
              {"approval", "approved", "approve", "approves", "discretion", "sign-off", "signoff"}))
      found = true;
  if (!found) return std::nullopt;
  // "waived at the discretion of team leadership" lifts requirements: a process, not a rule.
  if (HasPrefix(t, "waiv")) return std::nullopt;
  static const std::set<std::string_view> kFillers = {
      "approval", "approved", "approve",  "approves", "by",       "the",        "a",
      "an",       "your",     "their",    "of",       "at",       "discretion", "from",
      "with",     "requires", "required", "written",  "sign-off", "signoff",    "must",
      "be",       "has",      "have",     "been",     "final",    "is",         "subject",
      "to",       "explicit", "formal",   "and"};
  std::vector<size_t> rest;
  for (size_t i = 0; i < t.size(); ++i)
    if (!t[i].punct && !t[i].in_parens && !kFillers.contains(t[i].lower)) rest.push_back(i);
  if (rest.empty() || rest.size() > 3) return std::nullopt;
  // The authority's words must be contiguous (apart from "of"): "team leadership".
  for (size_t k = 1; k < rest.size(); ++k)
    if (rest[k] != rest[k - 1] + 1 && !(rest[k] == rest[k - 1] + 2 && Is(t, rest[k] - 1, "of")))
      return std::nullopt;
  return model::Approval{SlugOf(t, rest.front(), rest.back() + 1)};
}

bool IsManual(const Rule& r) { return std::holds_alternative<model::ManualRule>(r); }

// The words of a name, lower case, without parentheses: "Alternative Path (optional)" ->
// {alternative, path}.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const Token& tok : Tokenize(name))
    if (!tok.punct && !tok.in_parens) out.push_back(tok.lower);
  return out;
}

// Length of the match of `words` at t[i] (the last word may be plural), or 0.
size_t MatchWords(const std::vector<Token>& t, size_t i, const std::vector<std::string>& words) {
  if (words.empty() || i + words.size() > t.size()) return 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = t[i + k].lower;
    bool last = k + 1 == words.size();
    if (w != words[k] && !(last && (w == words[k] + "s" || w == words[k] + "es"))) return 0;
  }
  return words.size();
}

// Names a requirement's owner goes by ("team lead", "senior engineer"): a sentence may open
// with them ("Team leads need ...").
using Subjects = std::vector<std::vector<std::string>>;

model::Rule RecognizeRuleWith(std::string_view sentence, const Subjects& subjects);

// ---- Splitting -----------------------------------------------------------------------------

std::string StripListMarker(std::string_view s) {
  s = text::Trim(s);
  for (std::string_view marker : {"\xE2\x80\xA2", "- ", "* ", "+ ", "\xC2\xB7"}) {
    if (s.starts_with(marker)) {
      s.remove_prefix(marker.size());
      break;
    }
  }
  return std::string(text::Trim(s));
}

std::string StripJoiner(std::string_view s) {
  s = text::Trim(s);
  for (std::string_view j : {"and ", "And ", "as well as ", "plus "}) {
    if (s.starts_with(j)) {
      s.remove_prefix(j.size());
      break;
    }
  }
  return std::string(text::Trim(s));
}

std::string StripEnd(std::string_view s) {
  s = text::Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) {
    s.remove_suffix(1);
    s = text::Trim(s);
  }
  return std::string(s);
}

// Splits one line at ", " and " and " (outside parentheses) where both sides state a rule of
// their own; a part that states none stays attached to the part before it (or after it, when
// first), joined as it was written.
std::vector<std::string> SplitCommas(std::string_view line, const Subjects& subjects) {
  struct Piece {
    std::string separator;  // what preceded the piece in the line: "", ",", " and"
    std::string text;       // as written, leading space included
  };
  std::vector<Piece> raw;
  int depth = 0;
  size_t start = 0;
  std::string separator;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(0, depth - 1);
    if (depth != 0) continue;
    if (c == ',' && i + 1 < line.size() && line[i + 1] == ' ') {
      raw.push_back({separator, std::string(line.substr(start, i - start))});
      separator = ",";
      start = i + 1;
    } else if (line.substr(i).starts_with(" and ") && i > start) {
      raw.push_back({separator, std::string(line.substr(start, i - start))});
      separator = " and";
      start = i + 4;
      i += 3;
    }
  }
  raw.push_back({separator, std::string(line.substr(start))});
  if (raw.size() == 1) return {std::string(text::Trim(line))};
  std::vector<std::string> parts;
  std::vector<bool> typed;
  std::string pending;  // leading parts that state no rule
  for (const Piece& piece : raw) {
    std::string cleaned = StripJoiner(piece.text);
    bool is_rule = !IsManual(RecognizeRuleWith(cleaned, subjects));
    if (is_rule) {
      if (!pending.empty()) {
        // A leading clause that states no rule may qualify the next one ("If ..., X"):
        // keep them together.
        std::string merged = pending + piece.separator + piece.text;
        parts.push_back(std::string(text::Trim(merged)));
        typed.push_back(!IsManual(RecognizeRuleWith(parts.back(), subjects)));
        pending.clear();
      } else {
        parts.push_back(cleaned);
        typed.push_back(true);
      }
    } else if (!parts.empty()) {
      parts.back() += piece.separator + piece.text;
      typed.back() = !IsManual(RecognizeRuleWith(parts.back(), subjects));
    } else {
      pending += pending.empty() ? piece.text : piece.separator + piece.text;
    }
  }
  // A line with no typed part, or where a qualifier breaks the rule it is attached to
  // ("..., unless waived"), stays one requirement: never split a sentence into a typed part and
  // a lost condition.
  if (!pending.empty() || parts.empty()) return {std::string(text::Trim(line))};
  for (bool t : typed)
    if (!t) return {std::string(text::Trim(line))};
  return parts;
}

std::optional<Rule> MatchTokens(const std::vector<Token>& t) {
  if (std::optional<Rule> r = MatchMetric(t)) return *r;
  if (std::optional<Rule> r = MatchSme(t)) return *r;
  if (std::optional<Rule> r = MatchPerformance(t)) return *r;
  if (!HasNegationOrCondition(t)) {
    if (std::optional<Rule> r = MatchTimeInRole(t)) return *r;
    if (std::optional<Rule> r = MatchTimeAtLevel(t)) return *r;
  }
  if (std::optional<Rule> r = MatchEvidenceCount(t)) return *r;
  if (std::optional<Rule> r = MatchPeerReview(t)) return *r;
  if (std::optional<Rule> r = MatchDocumentedNeed(t)) return *r;
  if (std::optional<Rule> r = MatchApproval(t)) return *r;
  return std::nullopt;
}

// Where a preamble that introduces a requirement without changing it may end, longest first:
// "Promotions require", "A promotion to the next level requires", "You need (to have)", "You
// will need", "plus". The preamble is made of these words only and has a verb ("require",
// "need", "are" ...); anything else ("Promotions to Staff require") is not a preamble.
std::vector<size_t> PreambleEnds(const std::vector<Token>& t, const Subjects& subjects) {
  if (t.empty()) return {};
  if (Is(t, 0, "plus") && t.size() > 1) return {1};
  static const std::set<std::string_view> kWords = {
      "promotion", "promotions", "advancement", "advancing", "moving", "move",   "up",
      "a",         "an",         "the",         "each",      "every",  "any",    "all",
      "to",        "next",       "level",       "you",       "you'll", "we",     "require",
      "requires",  "need",       "needs",       "must",      "will",   "should", "have",
      "has",       "be",         "is",          "are",       "also",   "still",  ":"};
  static const std::set<std::string_view> kVerbs = {"require", "requires", "need",
                                                    "needs",   "is",       "are"};
  // The owner's own name may stand as the subject: "Team leads need to have ...".
  size_t k = 0;
  while (IsAny(t, k, {"a", "an", "the", "all", "every", "each", "our"})) ++k;
  size_t named = 0;
  for (const std::vector<std::string>& words : subjects)
    if ((named = MatchWords(t, k, words)) > 0) break;
  k = named > 0 ? k + named : 0;
  size_t verb = t.size();
  while (k < t.size() && !t[k].in_parens && kWords.contains(t[k].lower)) {
    if (verb == t.size() && kVerbs.contains(t[k].lower)) verb = k;
    ++k;
  }
  std::vector<size_t> ends;
  for (size_t end = std::min(k, t.size() - 1); end > verb; --end) ends.push_back(end);
  return ends;
}

model::Rule RecognizeRuleWith(std::string_view sentence, const Subjects& subjects) {
  // A requirement is a sentence; text longer than this is prose that states no single rule
  // (and the bound keeps splitting long texts linear).
  constexpr size_t kMaxSentenceBytes = 600;
  if (sentence.size() > kMaxSentenceBytes) return model::ManualRule{};
  std::string s = StripEnd(StripListMarker(sentence));
  // A leading purpose clause ("In order to attain the next level, ...") states no condition.
  if (text::ToLower(s).starts_with("in order to ")) {
    if (size_t comma = s.find(", "); comma != std::string::npos) s = s.substr(comma + 2);
  }
  std::vector<Token> t = Tokenize(s);
  size_t words = 0;
  for (const Token& tok : t) words += tok.punct ? 0 : 1;
  if (words == 0 || words > 60) return model::ManualRule{};
  if (OffersAlternative(t)) return model::ManualRule{};
  if (std::optional<Rule> r = MatchTokens(t)) return *r;
  for (size_t end : PreambleEnds(t, subjects)) {
    std::vector<Token> rest(t.begin() + static_cast<std::ptrdiff_t>(end), t.end());
    if (std::optional<Rule> r = MatchTokens(rest)) return *r;
  }
  return model::ManualRule{};
}

std::vector<std::string> SplitRequirementsWith(std::string_view input, const Subjects& subjects) {
  std::vector<std::string> out;
  // Bullets written inline ("• a • b") start new lines too.
  std::string text_copy = text::ReplaceAll(std::string(input), "\xE2\x80\xA2", "\n");
  for (const std::string& raw_line : text::SplitLines(text_copy)) {
    std::string line = StripListMarker(raw_line);
    if (line.empty()) continue;
    // "; " always separates requirements.
    size_t start = 0;
    std::vector<std::string> pieces;
    int depth = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] == '(') ++depth;
      if (i < line.size() && line[i] == ')') depth = std::max(0, depth - 1);
      if (i == line.size() || (depth == 0 && line[i] == ';')) {
        std::string piece(text::Trim(std::string_view(line).substr(start, i - start)));
        if (!piece.empty()) pieces.push_back(StripJoiner(piece));
        start = i + 1;
      }
    }
    for (const std::string& piece : pieces) {
      for (std::string& part : SplitCommas(piece, subjects)) {
        std::string p = StripEnd(part);
        if (!p.empty()) out.push_back(std::move(p));
      }
    }
  }
  if (out.empty()) {
    std::string whole = StripEnd(input);
    if (!whole.empty()) out.push_back(whole);
  }
  return out;
}

}  // namespace

model::Rule RecognizeRule(std::string_view sentence) { return RecognizeRuleWith(sentence, {}); }

std::vector<std::string> SplitRequirements(std::string_view input) {
  return SplitRequirementsWith(input, {});
}

namespace {

// A set of the space-separated words of `words`.
std::set<std::string, std::less<>> WordSet(std::string_view words) {
  std::set<std::string, std::less<>> out;
  for (const std::string& w : text::Split(words, ' '))
    if (!w.empty()) out.insert(w);
  return out;
}

// Where a documented need stated in prose applies: "Management roles will only be considered
// when there is a documented need" names the management track; "Promotions require a
// documented need" names every promotion; "Some roles need a documented need" names nothing
// checkable and is left to its note.
struct NeedScope {
  bool every_promotion = false;
  std::vector<std::string> tracks;                          // track ids
  std::vector<std::pair<std::string, std::string>> levels;  // (track id, level code)
  std::vector<std::string> overlays;                        // overlay ids
  bool Empty() const { return tracks.empty() && levels.empty() && overlays.empty(); }
};

std::optional<NeedScope> NeedScopeOf(const model::Framework& fw, std::string_view sentence) {
  if (sentence.size() > 600 || text::ToLower(sentence).find("need") == std::string::npos)
    return std::nullopt;
  std::vector<Token> t = Tokenize(StripEnd(StripListMarker(sentence)));
  if (t.size() > 80 || OffersAlternative(t)) return std::nullopt;
  bool need = false;
  for (size_t i = 1; i < t.size(); ++i)
    if (IsAny(t, i, {"need", "needs"}) &&
        (IsAny(t, i - 1,
               {"documented", "specific", "business", "open", "approved", "identified"}) ||
         (i >= 2 && IsAny(t, i - 2, {"documented", "specific", "approved", "identified"}))))
      need = true;
  if (!need) return std::nullopt;
  static const std::set<std::string, std::less<>> kWords = WordSet(
      "promotions promotion to into some certain roles role positions position particularly "
      "especially those in on of the a an are is will be only available considered open "
      "opened made filled created when if there specific documented business need needs for "
      "that this these such exists exist path track level levels and or approved identified "
      "require requires required new all every any each once possible appointed designated "
      "selected hired promoted granted -");
  static const std::set<std::string_view> kRoleNouns = {"path",      "track",    "roles",  "role",
                                                        "positions", "position", "levels", "level"};
  NeedScope scope;
  std::vector<bool> used(t.size(), false);
  auto take = [&](size_t i, size_t n) {
    for (size_t k = i; k < i + n; ++k) used[k] = true;
    if (i + n < t.size() && kRoleNouns.contains(t[i + n].lower)) used[i + n] = true;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].punct || used[i]) continue;
    size_t n = 0;
    for (const model::OverlayRole& o : fw.overlays) {
      if ((n = MatchWords(t, i, NameWords(o.name.empty() ? o.id : o.name))) > 0) {
        scope.overlays.push_back(o.id);
        break;
      }
    }
    for (const model::Track& tr : fw.tracks) {
      for (const model::Level& l : tr.levels) {
        if (n > 0) break;
        if ((n = MatchWords(t, i, NameWords(l.title))) > 0) scope.levels.push_back({tr.id, l.code});
      }
    }
    if (n == 0 && IsAny(t, i, {"management", "managerial"})) {
      for (const model::Track& tr : fw.tracks)
        if (tr.kind == model::TrackKind::kManagement) scope.tracks.push_back(tr.id);
      n = 1;
    }
    if (n == 0) {
      // A track by its name, followed by "path" or "track": "the IC path".
      for (const model::Track& tr : fw.tracks) {
        std::vector<std::string> words = NameWords(tr.name);
        while (!words.empty() &&
               (words.back() == "path" || words.back() == "track" || words.back() == "ladder"))
          words.pop_back();
        size_t m = MatchWords(t, i, words);
        if (m > 0 && IsAny(t, i + m, {"path", "track", "roles"})) {
          scope.tracks.push_back(tr.id);
          n = m;
          break;
        }
      }
    }
    if (n > 0) take(i, n);
  }
  for (size_t i = 0; i < t.size(); ++i)
    if (!used[i] && !t[i].punct && !t[i].in_parens && !kWords.contains(t[i].lower))
      return std::nullopt;
  if (scope.Empty()) {
    // Only a sentence about every promotion, without "some"/"certain" roles, is policy.
    if (!HasWord(t, {"promotion", "promotions"}) ||
        HasWord(t, {"some", "certain", "particularly", "especially", "role", "roles"}))
      return std::nullopt;
    scope.every_promotion = true;
  }
  return scope;
}

// A level reference that names nothing in the framework is not a rule: it stays manual.
// Titles ("senior-engineer") are resolved to level codes where a title matches.
bool ResolveLevelRef(const model::Framework& fw, std::string& level, const std::string& track) {
  if (level.empty()) return true;
  if (fw.ResolveLevel(level, track).second) return true;
  if (std::all_of(level.begin(), level.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int rank = std::stoi(level.size() > 6 ? level.substr(0, 6) : level);
    for (const model::Track& t : fw.tracks)
      for (const model::Level& l : t.levels)
        if (l.rank == rank) return true;
    return false;
  }
  const model::Track* only_track = nullptr;
  const model::Level* found = nullptr;
  int matches = 0;
  for (const model::Track& t : fw.tracks) {
    for (const model::Level& l : t.levels) {
      if (text::Slugify(l.title) == level || text::IEquals(l.code, level)) {
        ++matches;
        found = &l;
        only_track = &t;
      }
    }
  }
  if (matches != 1) return false;
  level = fw.ResolveLevel(found->code).second ? found->code : only_track->id + "/" + found->code;
  return true;
}

// Recognises one requirement's rule in the context of the framework.
// The names a requirement's owner goes by, to be read as the subject of its sentences.
Subjects SubjectsOf(const model::Framework& fw, const RequirementOwner& owner) {
  Subjects out;
  if (const model::OverlayRole* o =
          owner.overlay.empty() ? nullptr : fw.FindOverlay(owner.overlay)) {
    if (!o->name.empty()) out.push_back(NameWords(o->name));
    out.push_back(NameWords(text::ReplaceAll(o->id, "-", " ")));
  }
  if (!owner.level.empty()) {
    auto [t, l] = fw.ResolveLevel(owner.level, owner.track);
    if (l && !l->title.empty()) out.push_back(NameWords(l->title));
  }
  std::erase_if(out, [](const std::vector<std::string>& w) { return w.empty(); });
  return out;
}

// True when `scope` names the owner: its overlay, its level or its level's track.
bool NamesOwner(const NeedScope& scope, const RequirementOwner& owner) {
  if (!owner.overlay.empty())
    return std::find(scope.overlays.begin(), scope.overlays.end(), owner.overlay) !=
           scope.overlays.end();
  if (owner.level.empty()) return false;
  for (const auto& [track, code] : scope.levels)
    if (track == owner.track && code == owner.level) return true;
  return std::find(scope.tracks.begin(), scope.tracks.end(), owner.track) != scope.tracks.end();
}

// Recognises one requirement's rule in the context of the framework and its owner.
Rule RecognizeInFramework(const model::Framework& fw, std::string_view sentence,
                          const RequirementOwner& owner, const Subjects& subjects) {
  Rule rule = RecognizeRuleWith(sentence, subjects);
  if (IsManual(rule)) {
    // "Team Leads are only appointed when there is a documented need", as a team lead's own
    // requirement.
    if (std::optional<NeedScope> scope = NeedScopeOf(fw, sentence);
        scope && NamesOwner(*scope, owner))
      return model::DocumentedNeed{};
    return rule;
  }
  bool ok = std::visit(
      [&](auto& r) -> bool {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, model::TimeAtLevel> ||
                      std::is_same_v<T, model::ConsistentPerformance>) {
          return ResolveLevelRef(fw, r.level, owner.track);
        }
        return true;
      },
      rule);
  return ok ? rule : Rule{model::ManualRule{}};
}

std::vector<model::Requirement> RecognizeOne(const model::Framework& fw,
                                             const model::Requirement& req,
                                             const RequirementOwner& owner) {
  if (!IsManual(req.rule)) return {req};
  const Subjects subjects = SubjectsOf(fw, owner);
  std::vector<std::string> parts = SplitRequirementsWith(req.text, subjects);
  bool any_typed = false;
  std::vector<Rule> rules;
  for (const std::string& p : parts) {
    rules.push_back(RecognizeInFramework(fw, p, owner, subjects));
    any_typed = any_typed || !IsManual(rules.back());
  }
  if (parts.size() <= 1 || !any_typed) {
    model::Requirement whole = req;
    whole.rule = RecognizeInFramework(fw, req.text, owner, subjects);
    return {std::move(whole)};
  }
  std::vector<model::Requirement> out;
  for (size_t i = 0; i < parts.size(); ++i)
    out.push_back(model::Requirement{parts[i], rules[i], req.origin});
  return out;
}

void RecognizeList(const model::Framework& fw, std::vector<model::Requirement>& list,
                   const RequirementOwner& owner) {
  std::vector<model::Requirement> out;
  out.reserve(list.size());
  for (const model::Requirement& req : list)
    for (model::Requirement& r : RecognizeOne(fw, req, owner)) out.push_back(std::move(r));
  list = std::move(out);
}

// Sentences of a prose note: split at ". ", "? ", "! " and line breaks; Markdown emphasis and
// list markers removed.
std::vector<std::string> NoteSentences(std::string_view markdown) {
  std::string s = text::ReplaceAll(std::string(markdown), "**", "");
  s = text::ReplaceAll(std::move(s), "__", "");
  std::vector<std::string> out;
  for (const std::string& line : text::SplitLines(s)) {
    std::string l = StripListMarker(line);
    size_t start = 0;
    for (size_t i = 0; i <= l.size(); ++i) {
      bool end = i == l.size() ||
                 ((l[i] == '.' || l[i] == '?' || l[i] == '!') && i + 1 < l.size() &&
                  l[i + 1] == ' ' && i > 0 && !std::isdigit(static_cast<unsigned char>(l[i - 1])));
      if (end) {
        std::string sentence(
            text::Trim(std::string_view(l).substr(start, i - start + (i < l.size()))));
        if (!sentence.empty()) out.push_back(sentence);
        start = i + 1;
      }
    }
  }
  return out;
}

// Promotion-wide rules a note may state: performance windows, time at the current level, the
// peer review, an approval. Other recognisable sentences in prose (a count in an example) are
// not policy; a documented need is placed by NeedScopeOf.
bool IsPolicyRule(const Rule& r) {
  if (std::holds_alternative<model::ConsistentPerformance>(r) ||
      std::holds_alternative<model::PerformingAtNext>(r) ||
      std::holds_alternative<model::PeerReviewPassed>(r) ||
      std::holds_alternative<model::Approval>(r))
    return true;
  if (const auto* t = std::get_if<model::TimeAtLevel>(&r)) return t->level.empty();
  return false;
}

bool HasNeedRule(const std::vector<model::Requirement>& list) {
  return std::any_of(list.begin(), list.end(), [](const model::Requirement& r) {
    return std::holds_alternative<model::DocumentedNeed>(r.rule);
  });
}

// Adds the documented need `req` to every place `scope` names that has none yet.
void PlaceNeed(const NeedScope& scope, const model::Requirement& req, model::Framework& fw,
               std::set<std::string>& policy_texts) {
  auto add = [&](std::vector<model::Requirement>& list) {
    if (!HasNeedRule(list)) list.push_back(req);
  };
  if (scope.every_promotion && policy_texts.insert(req.text).second) fw.policy.push_back(req);
  for (const std::string& id : scope.overlays) {
    for (model::OverlayRole& o : fw.overlays) {
      if (o.id != id) continue;
      add(o.requirements);
      o.needs_documented_need = true;
    }
  }
  for (const auto& [track, code] : scope.levels)
    for (model::Track& tr : fw.tracks)
      if (tr.id == track)
        for (model::Level& l : tr.levels)
          if (l.code == code) add(l.requirements);
  for (const std::string& id : scope.tracks) {
    for (model::Track& tr : fw.tracks) {
      if (tr.id != id) continue;
      for (model::Level& l : tr.levels) add(l.requirements);
      if (tr.levels.empty())  // a track the document names without levels: its way in
        for (model::Transition& x : fw.transitions)
          if (x.to == id) add(x.requirements);
    }
  }
}

}  // namespace

std::vector<model::Requirement> RecognizeRequirement(const model::Framework& framework,
                                                     const model::Requirement& requirement,
                                                     const RequirementOwner& owner) {
  return RecognizeOne(framework, requirement, owner);
}

void RecognizeRequirements(model::Framework& framework) {
  // Level requirements are recognised against a copy taken before any change, so that the
  // resolution of level references does not depend on the order of the loops.
  const model::Framework snapshot = framework;
  for (model::Track& track : framework.tracks)
    for (model::Level& level : track.levels)
      RecognizeList(snapshot, level.requirements, {track.id, level.code, ""});
  for (model::OverlayRole& overlay : framework.overlays)
    RecognizeList(snapshot, overlay.requirements, {"", "", overlay.id});
  for (model::Transition& transition : framework.transitions)
    RecognizeList(snapshot, transition.requirements, {transition.to, "", ""});
  RecognizeList(snapshot, framework.policy, {});

  // Policy stated in prose: one requirement per recognised clause, its text the clause as
  // written; the whole sentence stays in its note.
  std::set<std::string> known;
  for (const model::Requirement& r : framework.policy) known.insert(r.text);
  for (const model::Note& note : snapshot.notes) {
    for (const std::string& sentence : NoteSentences(note.markdown)) {
      if (std::optional<NeedScope> scope = NeedScopeOf(snapshot, sentence)) {
        PlaceNeed(*scope,
                  model::Requirement{StripEnd(sentence), model::DocumentedNeed{}, note.origin},
                  framework, known);
        continue;
      }
      for (const std::string& clause : SplitRequirements(sentence)) {
        Rule rule = RecognizeInFramework(snapshot, clause, {}, {});
        if (!IsPolicyRule(rule)) continue;
        if (!known.insert(clause).second) continue;
        framework.policy.push_back(model::Requirement{clause, rule, note.origin});
      }
    }
  }
}

}  // namespace ladder::analysis
