// The parts of requirement recognition (requirements.h) shared by its files: sentences as word
// tokens and what is read from them (quantities, durations, level references), in
// requirement_words.cc, and the matchers that each turn a sentence into one kind of rule or
// nothing, in requirement_matchers.cc. Internal to analysis/.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/rule.h"

namespace ladder::analysis::internal {

using model::Rule;

// ---- Words ---------------------------------------------------------------------------------

struct Token {
  std::string text;   // as written (punctuation tokens are one character)
  std::string lower;  // lower-case, curly apostrophes made straight
  bool punct = false;
  bool in_parens = false;  // inside (...) : a remark, ignored when checking leftovers
};

// A quantity "at least N", "N+", "N or more", "a minimum of N", "no fewer than N", "a dozen".
struct Quantity {
  double value = 0;
  size_t begin = 0;      // first token of the quantity (including "at least")
  size_t number = 0;     // the token holding the number
  size_t end = 0;        // one past the last token
  bool article = false;  // "a"/"an" standing for one (only meaningful before a unit)
};

// A duration "1 year", "18 months", "1+ year", "a year", "1.5 years", "six months".
struct Duration {
  int months = 0;
  size_t begin = 0;
  size_t end = 0;
};

// A reference to a level or a role, read by LevelRefAt.
struct LevelRef {
  std::string level;  // "" for the current level
  std::string role;   // set instead of level when the reference names a role ("team lead")
  size_t end = 0;
};

// Splits a sentence into words and punctuation. Characters inside words that carry meaning
// ('+', '%', '-', '/', '\'') stay in the word: "3+", "90%", "post-mortems", "onboarding/coaching".
std::vector<Token> Tokenize(std::string_view sentence);

// A whole number written with digits, optionally followed by '+': "3", "12+".
std::optional<double> DigitNumber(std::string_view w, bool* plus);

// Whether t[i] exists and is `word` (lower case); IsAny: one of `words`.
bool Is(const std::vector<Token>& t, size_t i, std::string_view word);
bool IsAny(const std::vector<Token>& t, size_t i, std::initializer_list<std::string_view> words);

// The quantity starting at t[i], if one does.
std::optional<Quantity> QuantityAt(const std::vector<Token>& t, size_t i);

// The duration starting at t[i], if one does.
std::optional<Duration> DurationAt(const std::vector<Token>& t, size_t i);

// All durations of a sentence, in order.
std::vector<Duration> Durations(const std::vector<Token>& t);

// Whether a word of the sentence is one of `words`; HasPrefix: starts with `prefix`.
bool HasWord(const std::vector<Token>& t, std::initializer_list<std::string_view> words);
bool HasPrefix(const std::vector<Token>& t, std::string_view prefix);

// Words that change a requirement's meaning in ways no rule captures.
bool HasNegationOrCondition(const std::vector<Token>& t);

// "OR" written as an alternative between requirements, or "or" joining two clauses: the
// sentence offers a choice and stays manual.
bool OffersAlternative(const std::vector<Token>& t);

// True when every word token outside [begin, end) and outside parentheses is in `fillers`.
bool OnlyFillersOutside(const std::vector<Token>& t, size_t begin, size_t end,
                        const std::set<std::string_view>& fillers);

// True when every word token outside parentheses is in `allowed`.
bool OnlyWords(const std::vector<Token>& t, const std::set<std::string_view>& allowed);

// The words of t[begin, end) as a slug ("design docs" -> "design-docs"), possessives dropped.
std::string SlugOf(const std::vector<Token>& t, size_t begin, size_t end);

// A plural noun made singular ("stories" -> "story", "talks" -> "talk"); others unchanged.
std::string Singular(std::string w);

// Words around the core of a requirement that do not change what it asks.
const std::set<std::string_view>& CommonFillers();

// Whether `w` ends the name of a role ("lead", "owner", "champion", ...).
bool IsRoleWord(std::string_view w);

// Parses a level reference starting at `i` (just after "at", "in", "as", "on").
std::optional<LevelRef> LevelRefAt(const std::vector<Token>& t, size_t i);

// ---- Matchers (requirement_matchers.cc) ----------------------------------------------------

// Each matcher: the rule the sentence states, or nothing when it says more or other than the
// rule would capture.

// "resolve 90% of support issues without assistance": a metric and its threshold.
std::optional<Rule> MatchMetric(const std::vector<Token>& t);

// "SME in at least two core skillsets", "SME in automation processes and tools".
std::optional<Rule> MatchSme(const std::vector<Token>& t);

// "12 months of consistent high performance at your current level",
// "at least 3 months performing consistently at the next level, in all categories".
std::optional<Rule> MatchPerformance(const std::vector<Token>& t);

// "tech lead for 1+ year", "acted as team lead for 6 months", "6 months as team lead".
std::optional<Rule> MatchTimeInRole(const std::vector<Token>& t);

// "1 year at Level 1", "18 months as Senior Engineer", "at least 12 months in your current
// role", "at Level 2 for 2 years".
std::optional<Rule> MatchTimeAtLevel(const std::vector<Token>& t);

// "presented 3+ times", "documented 5+ technical aspects", "participated in 3+ technical
// planning", "wrote at least two design docs", "supported the growth of at least 1 engineer".
std::optional<Rule> MatchEvidenceCount(const std::vector<Token>& t);

// "successful peer review".
std::optional<Rule> MatchPeerReview(const std::vector<Token>& t);

// "a documented need for the role".
std::optional<Rule> MatchDocumentedNeed(const std::vector<Token>& t);

// "approval by the VP of Engineering": an approval by the one named.
std::optional<Rule> MatchApproval(const std::vector<Token>& t);

// Whether `r` is a manual rule (checked by a person, not from records).
bool IsManual(const Rule& r);

// The words of a name, lower case, without parentheses: "Alternative Path (optional)" ->
// {alternative, path}.
std::vector<std::string> NameWords(std::string_view name);

// Length of the match of `words` at t[i] (the last word may be plural), or 0.
size_t MatchWords(const std::vector<Token>& t, size_t i, const std::vector<std::string>& words);

}  // namespace ladder::analysis::internal
