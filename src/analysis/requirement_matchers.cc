// The matchers of requirement recognition: each turns a tokenized sentence into one kind of
// rule, or nothing when the sentence says more or other than the rule would capture
// (requirement_parts.h).
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

// The one count of an evidence sentence (not a duration, range or percentage) into `count`
// (none when there is none); false when the sentence states two counts or a fraction.
bool OneCount(const std::vector<Token>& t, std::optional<Quantity>& count) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].in_parens) continue;
    if (std::optional<Duration> d = DurationAt(t, i)) {  // a window, checked by EvidenceWindow
      i = d->end - 1;
      continue;
    }
    std::optional<Quantity> q = QuantityAt(t, i);
    if (!q || q->article) continue;
    if (std::fabs(q->value - std::round(q->value)) > 1e-9) return false;
    if (count) return false;  // two counts: say it by hand
    count = q;
    i = q->end - 1;
  }
  return true;
}

// The optional window of an evidence count, in months, into `within` (0: none): "in the last 12
// months", "within the past year". False when the sentence states a duration that is no window.
bool EvidenceWindow(const std::vector<Token>& t, int& within) {
  std::vector<Duration> ds = Durations(t);
  if (ds.size() > 1) return false;
  if (ds.size() == 1) {
    const Duration& d = ds.front();
    size_t k = d.begin;
    if (k >= 1 && IsAny(t, k - 1, {"last", "past"})) --k;
    if (k >= 1 && Is(t, k - 1, "the")) --k;
    if (k < 1 || !IsAny(t, k - 1, {"in", "within", "over", "during"})) return false;
    within = d.months;
    return true;
  }
  // "within the past year", "in the last year"
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    if (IsAny(t, i, {"in", "within", "over", "during"}) && Is(t, i + 1, "the") &&
        IsAny(t, i + 2, {"last", "past"}) && IsAny(t, i + 3, {"year", "month"}))
      within = Is(t, i + 3, "year") ? 12 : 1;
  }
  return true;
}

// What the words before an evidence count say: whether a verb names or implies evidence, and
// the kind it names, if any.
struct EvidenceVerb {
  bool evidence = false;
  std::string kind;
};

EvidenceVerb EvidenceVerbBefore(const std::vector<Token>& t, size_t count_begin) {
  EvidenceVerb verb;
  // The nearest word before the count that names or implies evidence.
  for (size_t i = count_begin; i > 0; --i) {
    const std::string& w = t[i - 1].lower;
    if (t[i - 1].punct) break;
    if (!KindOfVerb(w).empty()) {
      verb.kind = KindOfVerb(w);
      verb.evidence = true;
      break;
    }
    if (IsEvidenceVerb(w)) {
      verb.evidence = true;
      break;
    }
  }
  // "supported the growth of N engineers", "helped N engineers grow": mentoring.
  for (size_t i = 0; i + 2 < count_begin; ++i) {
    if (IsAny(t, i, {"supported", "support", "supports", "fostered"}) && Is(t, i + 1, "the") &&
        IsAny(t, i + 2, {"growth", "development", "career"})) {
      verb.kind = "mentoring";
      verb.evidence = true;
    }
  }
  return verb;
}

}  // namespace

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

std::optional<Rule> MatchEvidenceCount(const std::vector<Token>& t) {
  if (HasNegationOrCondition(t)) return std::nullopt;
  std::optional<Quantity> count;
  int within = 0;
  if (!OneCount(t, count) || !count || !EvidenceWindow(t, within)) return std::nullopt;
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
  const EvidenceVerb verb = EvidenceVerbBefore(t, count->begin);
  if (head == "times" || head == "time" || head.empty()) {
    if (verb.kind.empty()) return std::nullopt;
    kind = verb.kind;
  } else if (kind.empty() || (!verb.kind.empty() && verb.kind == "mentoring")) {
    if (!verb.kind.empty()) {
      kind = verb.kind;
    } else if (verb.evidence && kind.empty()) {
      kind = text::Slugify(Singular(head));
    }
  }
  if (kind.empty()) return std::nullopt;
  if (!verb.evidence && !noun_kind) return std::nullopt;
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

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const Token& tok : Tokenize(name))
    if (!tok.punct && !tok.in_parens) out.push_back(tok.lower);
  return out;
}

size_t MatchWords(const std::vector<Token>& t, size_t i, const std::vector<std::string>& words) {
  if (words.empty() || i + words.size() > t.size()) return 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = t[i + k].lower;
    bool last = k + 1 == words.size();
    if (w != words[k] && !(last && (w == words[k] + "s" || w == words[k] + "es"))) return 0;
  }
  return words.size();
}

}  // namespace ladder::analysis::internal
