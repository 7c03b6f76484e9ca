#include "analysis/diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/text.h"
#include "formats/rule_text.h"

namespace ladder::analysis {
namespace {

using model::Framework;
using model::Level;
using model::Track;

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Behaviours are equal when they differ only in white space. Most texts are already normal
// (single spaces between words, none at the ends, no no-break space): they are copied as they
// are, without the byte-by-byte rebuild of CollapseSpace.
std::string Normalize(std::string_view text) {
  bool normal = text.empty() || (!IsSpace(text.front()) && !IsSpace(text.back()));
  for (size_t i = 0; normal && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') {
      normal = i + 1 < text.size() && text[i + 1] != ' ';
    } else if (IsSpace(c) || (c == 0xC2 && i + 1 < text.size() &&
                              static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      normal = false;
    }
  }
  if (normal) return std::string(text);
  return std::string(text::Trim(text::CollapseSpace(text)));
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (std::string& w : text::Split(text::CollapseSpace(s), ' '))
    if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// Calls `word` with each word of `s` as Similarity compares them: split at white space (the
// no-break space included, as CollapseSpace does), lower-case ASCII, punctuation removed, empty
// words dropped. One pass, no allocation per word beyond `buffer`.
template <typename F>
void ForEachLooseWord(std::string_view s, std::string& buffer, F word) {
  buffer.clear();
  for (size_t i = 0; i <= s.size(); ++i) {
    unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    bool space = IsSpace(c);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      if (!buffer.empty()) word(buffer);
      buffer.clear();
    } else if (c >= 0x80 || std::isalnum(c)) {
      buffer += static_cast<char>(std::tolower(c));
    }
  }
}

// Beyond this many cells a word diff is not worth its quadratic cost: the texts are prose
// sections, and "all removed, all inserted" is an honest answer.
constexpr size_t kMaxLcsCells = 4'000'000;

// suffix[i][j] = length of the longest common subsequence of a[i..] and b[j..].
std::vector<std::vector<int>> SuffixLcs(const std::vector<std::string>& a,
                                        const std::vector<std::string>& b) {
  std::vector<std::vector<int>> l(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      l[i][j] = a[i] == b[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
  return l;
}

void Append(std::vector<WordSpan>& spans, SpanKind kind, const std::string& word) {
  if (!spans.empty() && spans.back().kind == kind) {
    spans.back().text += " " + word;
  } else {
    spans.push_back({kind, word});
  }
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::optional<TextChange> Change(const std::string& before, const std::string& after) {
  if (Normalize(before) == Normalize(after)) return std::nullopt;
  return TextChange{before, after, DiffWords(before, after)};
}

// A text as Similarity compares it: its loose words, each replaced by a number that is the
// same for equal words of the texts tokenised by one Tokens object.
using TokenIds = std::vector<int>;

class Tokens {
 public:
  TokenIds Of(std::string_view text) {
    TokenIds ids;
    ForEachLooseWord(text, buffer_, [&](const std::string& w) {
      auto it = ids_.find(w);
      if (it == ids_.end()) it = ids_.emplace(w, static_cast<int>(ids_.size())).first;
      ids.push_back(it->second);
    });
    return ids;
  }

 private:
  std::string buffer_;
  std::unordered_map<std::string, int> ids_;
};

// Length of the longest common subsequence of two token lists, in one row of memory.
size_t LcsLength(const TokenIds& a, const TokenIds& b) {
  std::vector<size_t> row(b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    size_t diagonal = 0;  // row[j] of the previous i
    for (size_t j = 0; j < b.size(); ++j) {
      size_t above = row[j + 1];
      row[j + 1] = a[i] == b[j] ? diagonal + 1 : std::max(above, row[j]);
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Similarity() of two tokenised texts.
double TokenSimilarity(const TokenIds& a, const TokenIds& b) {
  if (a.empty() && b.empty()) return 1;
  if (a.empty() || b.empty()) return 0;
  if (a.size() * b.size() > kMaxLcsCells) return a == b ? 1 : 0;
  return 2.0 * static_cast<double>(LcsLength(a, b)) / static_cast<double>(a.size() + b.size());
}

// How two lists of texts correspond: pairs equal up to white space, pairs similar enough to be
// one text reworded, and the rest.
struct Matching {
  std::vector<int> after_of_before;  // index in `after` matched to each `before`, or -1
  std::vector<int> before_of_after;  // index in `before` matched to each `after`, or -1
};

// Each text is normalised and tokenised once, however many texts it is compared with.
Matching Match(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  Matching m;
  m.after_of_before.assign(before.size(), -1);
  m.before_of_after.assign(after.size(), -1);
  std::vector<std::string> norm_before, norm_after;
  for (const std::string& b : before) norm_before.push_back(Normalize(b));
  for (const std::string& a : after) norm_after.push_back(Normalize(a));
  for (size_t j = 0; j < after.size(); ++j) {
    for (size_t i = 0; i < before.size(); ++i) {
      if (m.after_of_before[i] < 0 && norm_before[i] == norm_after[j]) {
        m.after_of_before[i] = static_cast<int>(j);
        m.before_of_after[j] = static_cast<int>(i);
        break;
      }
    }
  }
  Tokens tokens;
  std::vector<TokenIds> tok_before(before.size()), tok_after(after.size());
  for (size_t i = 0; i < before.size(); ++i)
    if (m.after_of_before[i] < 0) tok_before[i] = tokens.Of(before[i]);
  for (size_t j = 0; j < after.size(); ++j)
    if (m.before_of_after[j] < 0) tok_after[j] = tokens.Of(after[j]);
  // The most similar pairs first, so a rewording is paired with its closest original.
  std::vector<std::tuple<double, size_t, size_t>> candidates;
  for (size_t i = 0; i < before.size(); ++i) {
    if (m.after_of_before[i] >= 0) continue;
    for (size_t j = 0; j < after.size(); ++j) {
      if (m.before_of_after[j] >= 0) continue;
      double s = TokenSimilarity(tok_before[i], tok_after[j]);
      if (s >= kChangedThreshold) candidates.emplace_back(s, i, j);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  for (const auto& [similarity, i, j] : candidates) {
    if (m.after_of_before[i] >= 0 || m.before_of_after[j] >= 0) continue;
    m.after_of_before[i] = static_cast<int>(j);
    m.before_of_after[j] = static_cast<int>(i);
  }
  return m;
}

// A behaviour and the level it is written at.
struct Sourced {
  std::string text;
  std::string level;
};

class Behaviours {
 public:
  explicit Behaviours(const Framework& fw) : fw_(fw) {}

  // What `level` includes from lower levels: every level below it in a cumulative framework
  // (through the level just below, which includes the rest) and the level it `inherits`.
  // Lowest first, each text once.
  std::vector<Sourced> Inherited(const Track& track, const Level& level,
                                 const std::string& competency) const {
    std::set<const Level*> visiting{&level};
    std::vector<Sourced> out;
    InheritedInto(track, level, competency, visiting, out);
    return Dedup(std::move(out));
  }

  // Inherited, then the level's own behaviours.
  std::vector<Sourced> Effective(const Track& track, const Level& level,
                                 const std::string& competency) const {
    std::vector<Sourced> out = Inherited(track, level, competency);
    for (const std::string& b : Own(level, competency)) out.push_back({b, level.code});
    return Dedup(std::move(out));
  }

  static std::vector<std::string> Own(const Level& level, const std::string& competency) {
    const model::Expectation* e = level.FindExpectation(competency);
    if (!e || e->undefined || level.state == model::LevelState::kUndefined) return {};
    return e->behaviours;
  }

  bool Inherits(const Level& level) const { return fw_.cumulative || !level.inherits.empty(); }

 private:
  void InheritedInto(const Track& track, const Level& level, const std::string& competency,
                     std::set<const Level*>& visiting, std::vector<Sourced>& out) const {
    if (fw_.cumulative) {
      for (size_t i = 1; i < track.levels.size(); ++i) {
        if (&track.levels[i] != &level) continue;
        EffectiveInto(track, track.levels[i - 1], competency, visiting, out);
      }
    }
    if (!level.inherits.empty()) {
      auto [t, l] = fw_.ResolveLevel(level.inherits, track.id);
      if (l) EffectiveInto(*t, *l, competency, visiting, out);
    }
  }

  void EffectiveInto(const Track& track, const Level& level, const std::string& competency,
                     std::set<const Level*>& visiting, std::vector<Sourced>& out) const {
    if (!visiting.insert(&level).second) return;  // an `inherits` cycle
    InheritedInto(track, level, competency, visiting, out);
    for (const std::string& b : Own(level, competency)) out.push_back({b, level.code});
    visiting.erase(&level);
  }

  static std::vector<Sourced> Dedup(std::vector<Sourced> in) {
    std::set<std::string> seen;
    std::vector<Sourced> out;
    for (Sourced& s : in)
      if (seen.insert(Normalize(s.text)).second) out.push_back(std::move(s));
    return out;
  }

  const Framework& fw_;
};

std::vector<std::string> Texts(const std::vector<Sourced>& in) {
  std::vector<std::string> out;
  for (const Sourced& s : in) out.push_back(s.text);
  return out;
}

LevelRef RefOf(const Track& track, const Level& level) {
  return LevelRef{track.id, level.code, level.title, level.rank};
}

// The competency ids a level has something for, in framework order, then any others.
std::vector<std::string> CompetencyOrder(const Framework& fw,
                                         const std::vector<const Level*>& levels) {
  std::vector<std::string> order;
  for (const model::Competency& c : fw.competencies) order.push_back(c.id);
  for (const Level* l : levels)
    for (const model::Expectation& e : l->expectations)
      if (!Contains(order, e.competency)) order.push_back(e.competency);
  return order;
}

std::string CompetencyName(const Framework& a, const Framework& b, const std::string& id_a,
                           const std::string& id_b) {
  if (const model::Competency* c = b.FindCompetency(id_b)) return c->name;
  if (const model::Competency* c = a.FindCompetency(id_a)) return c->name;
  return id_b.empty() ? id_a : id_b;
}

// The attributes of two levels that differ: changed or added in `b`, then removed from `a`.
std::vector<AttributeChange> DiffAttributes(const Level& a, const Level& b) {
  std::vector<AttributeChange> out;
  for (const auto& [key, value] : b.attributes) {
    auto it = std::find_if(a.attributes.begin(), a.attributes.end(),
                           [&](const auto& kv) { return kv.first == key; });
    std::string before = it == a.attributes.end() ? "" : it->second;
    if (Normalize(before) != Normalize(value)) out.push_back({key, before, value});
  }
  for (const auto& [key, value] : a.attributes) {
    auto it = std::find_if(b.attributes.begin(), b.attributes.end(),
                           [&](const auto& kv) { return kv.first == key; });
    if (it == b.attributes.end()) out.push_back({key, value, ""});
  }
  return out;
}

// The competencies of two levels paired (id in fa, id in fb) through `renamed`: in fb's order,
// then those only fa's level has.
std::vector<std::pair<std::string, std::string>> PairCompetencies(
    const Framework& fa, const Level& a, const Framework& fb, const Level& b,
    const std::map<std::string, std::string>& renamed) {
  auto to_b = [&](const std::string& id_a) {
    auto it = renamed.find(id_a);
    return it == renamed.end() ? id_a : it->second;
  };
  std::vector<std::pair<std::string, std::string>> pairs;
  std::set<std::string> paired_a;
  for (const std::string& id_b : CompetencyOrder(fb, {&b})) {
    std::string id_a = id_b;
    for (const auto& [from_id, to_id] : renamed)
      if (to_id == id_b) id_a = from_id;
    pairs.emplace_back(id_a, id_b);
    paired_a.insert(id_a);
  }
  for (const std::string& id_a : CompetencyOrder(fa, {&a}))
    if (!paired_a.contains(id_a) && !Contains(pairs, std::pair(id_a, to_b(id_a))))
      pairs.emplace_back(id_a, to_b(id_a));
  return pairs;
}

// The behaviours of one competency before and after, matched: removed, added, unchanged and
// reworded (with the words that changed).
void DiffBehaviours(const std::vector<std::string>& before, const std::vector<std::string>& after,
                    CompetencyDiff& c) {
  Matching m = Match(before, after);
  for (size_t i = 0; i < before.size(); ++i)
    if (m.after_of_before[i] < 0) c.removed.push_back(before[i]);
  for (size_t j = 0; j < after.size(); ++j) {
    const int i = m.before_of_after[j];
    if (i < 0) {
      c.added.push_back(after[j]);
      continue;
    }
    const std::string& prev = before[static_cast<size_t>(i)];
    if (Normalize(prev) == Normalize(after[j])) {
      c.unchanged.push_back(after[j]);
    } else {
      c.changed.push_back({prev, after[j], Similarity(prev, after[j]), DiffWords(prev, after[j])});
    }
  }
}

// One level of one framework against one level of another (or the same) framework.
// `renamed` maps competency ids of `fa` to those of `fb`; `effective` includes inherited
// behaviours on both sides.
LevelDiff DiffLevelsImpl(const Framework& fa, const Track& ta, const Level& a, const Framework& fb,
                         const Track& tb, const Level& b,
                         const std::map<std::string, std::string>& renamed, bool effective) {
  LevelDiff d;
  d.from = RefOf(ta, a);
  d.to = RefOf(tb, b);
  d.title = Change(a.title, b.title);
  d.summary = Change(a.summary, b.summary);
  d.state = Change(model::LevelStateName(a.state), model::LevelStateName(b.state));
  d.note = Change(a.note, b.note);
  if (a.rank != b.rank) d.rank = std::pair(a.rank, b.rank);
  d.attributes = DiffAttributes(a, b);
  Behaviours ba(fa), bb(fb);
  for (const auto& [id_a, id_b] : PairCompetencies(fa, a, fb, b, renamed)) {
    const model::Expectation* ea = a.FindExpectation(id_a);
    const model::Expectation* eb = b.FindExpectation(id_b);
    std::vector<std::string> before =
        effective ? Texts(ba.Effective(ta, a, id_a)) : Behaviours::Own(a, id_a);
    std::vector<std::string> after =
        effective ? Texts(bb.Effective(tb, b, id_b)) : Behaviours::Own(b, id_b);
    if (!ea && !eb && before.empty() && after.empty()) continue;
    CompetencyDiff c;
    c.competency = id_b;
    c.name = CompetencyName(fa, fb, id_a, id_b);
    c.undefined_before = !ea || ea->undefined || a.state == model::LevelState::kUndefined;
    c.undefined_after = !eb || eb->undefined || b.state == model::LevelState::kUndefined;
    if (effective) {  // inherited behaviours make a cell defined
      c.undefined_before = c.undefined_before && before.empty();
      c.undefined_after = c.undefined_after && after.empty();
    }
    c.summary = Change(ea ? ea->summary : "", eb ? eb->summary : "");
    c.note = Change(ea && ea->undefined ? ea->note : "", eb && eb->undefined ? eb->note : "");
    DiffBehaviours(before, after, c);
    d.competencies.push_back(std::move(c));
  }
  d.requirements = DiffRequirements(a.requirements, b.requirements);
  return d;
}

std::string Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

const char* SpanKindName(SpanKind kind) {
  switch (kind) {
    case SpanKind::kEqual:
      return "equal";
    case SpanKind::kInsert:
      return "insert";
    case SpanKind::kDelete:
      return "delete";
  }
  return "?";
}

const char* MarkName(Mark mark) {
  switch (mark) {
    case Mark::kInherited:
      return "inherited";
    case Mark::kNew:
      return "new";
    case Mark::kChanged:
      return "changed";
    case Mark::kSame:
      return "same";
  }
  return "?";
}

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kChanged:
      return "changed";
    case ChangeKind::kRenamed:
      return "renamed";
  }
  return "?";
}

const char* RequirementChangeKindName(RequirementChange::Kind kind) {
  switch (kind) {
    case RequirementChange::Kind::kAdded:
      return "added";
    case RequirementChange::Kind::kRemoved:
      return "removed";
    case RequirementChange::Kind::kChanged:
      return "changed";
  }
  return "?";
}

std::vector<WordSpan> DiffWords(std::string_view before, std::string_view after) {
  std::vector<std::string> a = Words(before), b = Words(after);
  std::vector<WordSpan> spans;
  if (a.size() * b.size() > kMaxLcsCells) {
    for (const std::string& w : a) Append(spans, SpanKind::kDelete, w);
    for (const std::string& w : b) Append(spans, SpanKind::kInsert, w);
    return spans;
  }
  std::vector<std::vector<int>> l = SuffixLcs(a, b);
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      Append(spans, SpanKind::kEqual, a[i]);
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || l[i + 1][j] >= l[i][j + 1])) {
      Append(spans, SpanKind::kDelete, a[i++]);
    } else {
      Append(spans, SpanKind::kInsert, b[j++]);
    }
  }
  // Within a run of changes, show what goes before what replaces it.
  for (size_t k = 0; k + 1 < spans.size(); ++k) {
    if (spans[k].kind == SpanKind::kInsert && spans[k + 1].kind == SpanKind::kDelete)
      std::swap(spans[k], spans[k + 1]);
  }
  // Swapping may have put two spans of one kind side by side: merge them.
  std::vector<WordSpan> merged;
  for (WordSpan& s : spans) {
    if (!merged.empty() && merged.back().kind == s.kind) {
      merged.back().text += " " + s.text;
    } else {
      merged.push_back(std::move(s));
    }
  }
  return merged;
}

double Similarity(std::string_view a, std::string_view b) {
  Tokens tokens;
  TokenIds ta = tokens.Of(a);
  return TokenSimilarity(ta, tokens.Of(b));
}

bool CompetencyDiff::Changed() const {
  return !added.empty() || !removed.empty() || !changed.empty() || summary || note ||
         undefined_before != undefined_after;
}

bool LevelDiff::Changed() const {
  return title || summary || state || note || rank || !attributes.empty() ||
         !requirements.empty() ||
         std::any_of(competencies.begin(), competencies.end(),
                     [](const CompetencyDiff& c) { return c.Changed(); });
}

bool FrameworkDiff::Changed() const {
  return !fields.empty() || !competencies.empty() || !levels.empty() || !policy.empty() ||
         !items.empty() || !translations.empty();
}

std::vector<RequirementChange> DiffRequirements(const std::vector<model::Requirement>& before,
                                                const std::vector<model::Requirement>& after) {
  std::vector<std::string> ta, tb;
  for (const model::Requirement& r : before) ta.push_back(r.text);
  for (const model::Requirement& r : after) tb.push_back(r.text);
  Matching m = Match(ta, tb);
  std::vector<RequirementChange> out;
  for (size_t j = 0; j < after.size(); ++j) {
    const model::Requirement& b = after[j];
    const int i = m.before_of_after[j];
    if (i < 0) {
      out.push_back(
          {RequirementChange::Kind::kAdded, "", b.text, "", formats::RuleText(b.rule), {}});
      continue;
    }
    const model::Requirement& a = before[static_cast<size_t>(i)];
    const bool same_text = Normalize(a.text) == Normalize(b.text);
    if (same_text && a.rule == b.rule) continue;
    out.push_back({RequirementChange::Kind::kChanged, a.text, b.text, formats::RuleText(a.rule),
                   formats::RuleText(b.rule),
                   same_text ? std::vector<WordSpan>{} : DiffWords(a.text, b.text)});
  }
  for (size_t i = 0; i < before.size(); ++i) {
    if (m.after_of_before[i] >= 0) continue;
    out.push_back({RequirementChange::Kind::kRemoved,
                   before[i].text,
                   "",
                   formats::RuleText(before[i].rule),
                   "",
                   {}});
  }
  return out;
}

LevelDiff DiffLevels(const Framework& framework, const Track& from_track, const Level& from,
                     const Track& to_track, const Level& to) {
  return DiffLevelsImpl(framework, from_track, from, framework, to_track, to, {}, true);
}

LevelNews NewAtLevel(const Framework& framework, const Track& track, const Level& level) {
  LevelNews news;
  news.level = RefOf(track, level);
  const Level* previous = nullptr;
  for (size_t i = 1; i < track.levels.size(); ++i)
    if (&track.levels[i] == &level) previous = &track.levels[i - 1];
  if (previous) news.previous = RefOf(track, *previous);

  Behaviours behaviours(framework);
  std::vector<const Level*> levels{&level};
  if (previous) levels.push_back(previous);
  for (const std::string& id : CompetencyOrder(framework, levels)) {
    const model::Expectation* e = level.FindExpectation(id);
    std::vector<Sourced> inherited = behaviours.Inherited(track, level, id);
    std::vector<std::string> own = Behaviours::Own(level, id);
    std::vector<std::string> before =
        previous ? Texts(behaviours.Effective(track, *previous, id)) : std::vector<std::string>{};
    if (!e && inherited.empty() && before.empty()) continue;
    MarkedCompetency c;
    c.competency = id;
    c.undefined =
        (!e || e->undefined || level.state == model::LevelState::kUndefined) && inherited.empty();
    c.note = e && e->undefined ? e->note : "";
    for (const Sourced& s : inherited)
      c.behaviours.push_back({s.text, Mark::kInherited, s.level, "", {}});
    Matching m = Match(before, own);
    for (size_t j = 0; j < own.size(); ++j) {
      MarkedBehaviour mb{own[j], Mark::kNew, "", "", {}};
      const int i = m.before_of_after[j];
      if (i >= 0) {
        const std::string& prev = before[static_cast<size_t>(i)];
        if (Normalize(prev) == Normalize(own[j])) {
          mb.mark = Mark::kSame;
        } else {
          mb.mark = Mark::kChanged;
          mb.previous = prev;
          mb.words = DiffWords(prev, own[j]);
        }
      }
      c.behaviours.push_back(std::move(mb));
    }
    // What the previous level expected that this one neither restates, rewords nor inherits.
    std::set<std::string> kept;
    for (const Sourced& s : inherited) kept.insert(Normalize(s.text));
    for (size_t i = 0; i < before.size(); ++i)
      if (m.after_of_before[i] < 0 && !kept.contains(Normalize(before[i])))
        c.dropped.push_back(before[i]);
    news.competencies.push_back(std::move(c));
  }
  return news;
}

namespace {

// The framework's own fields that differ, and its translations.
void DiffFrameworkFields(const Framework& before, const Framework& after, FrameworkDiff& d) {
  auto field = [&](const char* name, const std::string& a, const std::string& b) {
    if (auto c = Change(a, b)) d.fields.emplace_back(name, std::move(*c));
  };
  field("id", before.id, after.id);
  field("name", before.name, after.name);
  field("family", before.family, after.family);
  field("status", model::FrameworkStatusName(before.status),
        model::FrameworkStatusName(after.status));
  field("effective", before.effective, after.effective);
  field("language", before.language, after.language);
  d.translations = DiffTranslations(before, after);
  field("cumulative", Bool(before.cumulative), Bool(after.cumulative));
  field("consensus", model::ConsensusRuleName(before.consensus),
        model::ConsensusRuleName(after.consensus));
  field("next_level_reading", model::NextLevelReadingName(before.next_level_reading),
        model::NextLevelReadingName(after.next_level_reading));
  field("publishing.requires_approval", Bool(before.publishing.requires_approval),
        Bool(after.publishing.requires_approval));
  field("description", before.description, after.description);
}

// Competencies: by id, then a removed id and an added id with the same name (or description)
// are one competency renamed. Returns the renamed ones (id before -> id after).
std::map<std::string, std::string> DiffCompetencies(const Framework& before, const Framework& after,
                                                    FrameworkDiff& d) {
  std::map<std::string, std::string> renamed;
  std::vector<const model::Competency*> removed, added;
  for (const model::Competency& a : before.competencies)
    if (!after.FindCompetency(a.id)) removed.push_back(&a);
  for (const model::Competency& b : after.competencies) {
    const model::Competency* a = before.FindCompetency(b.id);
    if (!a) {
      added.push_back(&b);
      continue;
    }
    auto name = Change(a->name, b.name);
    auto description = Change(a->description, b.description);
    if (name || description)
      d.competencies.push_back(
          {name ? ChangeKind::kRenamed : ChangeKind::kChanged, a->id, b.id, name, description});
  }
  for (const model::Competency* b : added) {
    auto it = std::find_if(removed.begin(), removed.end(), [&](const model::Competency* a) {
      return text::IEquals(Normalize(a->name), Normalize(b->name)) ||
             (!Normalize(a->description).empty() &&
              Normalize(a->description) == Normalize(b->description));
    });
    if (it == removed.end()) {
      d.competencies.push_back({ChangeKind::kAdded, "", b->id, std::nullopt, std::nullopt});
      continue;
    }
    renamed[(*it)->id] = b->id;
    d.competencies.push_back({ChangeKind::kRenamed, (*it)->id, b->id, Change((*it)->name, b->name),
                              Change((*it)->description, b->description)});
    removed.erase(it);
  }
  for (const model::Competency* a : removed)
    d.competencies.push_back({ChangeKind::kRemoved, a->id, "", std::nullopt, std::nullopt});
  return renamed;
}

// Levels, by track id and code: added, changed (with what changed) and removed.
void DiffAllLevels(const Framework& before, const Framework& after,
                   const std::map<std::string, std::string>& renamed, FrameworkDiff& d) {
  for (const Track& tb : after.tracks) {
    const Track* ta = before.FindTrack(tb.id);
    for (const Level& lb : tb.levels) {
      const Level* la = ta ? ta->FindLevel(lb.code) : nullptr;
      if (!la) {
        d.levels.push_back({ChangeKind::kAdded, tb.id, lb.code, {}});
        continue;
      }
      LevelDiff ld = DiffLevelsImpl(before, *ta, *la, after, tb, lb, renamed, false);
      if (ld.Changed()) d.levels.push_back({ChangeKind::kChanged, tb.id, lb.code, std::move(ld)});
    }
  }
  for (const Track& ta : before.tracks) {
    const Track* tb = after.FindTrack(ta.id);
    for (const Level& la : ta.levels)
      if (!tb || !tb->FindLevel(la.code))
        d.levels.push_back({ChangeKind::kRemoved, ta.id, la.code, {}});
  }
}

}  // namespace

FrameworkDiff DiffFrameworks(const Framework& before, const Framework& after) {
  FrameworkDiff d;
  d.from_version = before.version;
  d.to_version = after.version;
  DiffFrameworkFields(before, after, d);
  std::map<std::string, std::string> renamed = DiffCompetencies(before, after, d);
  DiffAllLevels(before, after, renamed, d);
  d.policy = DiffRequirements(before.policy, after.policy);
  d.items = DiffFrameworkItems(before, after, renamed);
  return d;
}

}  // namespace ladder::analysis
