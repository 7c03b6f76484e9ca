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

#include "analysis/requirement_parts.h"
#include "base/text.h"

namespace ladder::analysis {
namespace {

using namespace internal;

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
      if ((n = MatchWords(t, i, NameWords(o.DisplayName()))) > 0) {
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
