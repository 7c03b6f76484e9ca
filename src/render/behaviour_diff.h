// What changed between two lists of behaviours, down to the words: the comparison behind the
// level page's "new at this level" marks, the compare page and the changelog.
//
// Behaviours are matched exactly first (after collapsing white space); the remaining ones are
// paired when they share most of their words (a rewording), and what is left is added or
// removed. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ladder::render {

struct WordPiece {
  enum class Kind { kSame, kAdded, kRemoved };
  Kind kind = Kind::kSame;
  std::string text;  // one or more words with the spaces between them
  friend bool operator==(const WordPiece&, const WordPiece&) = default;
};

// The words of `before` and `after` as a sequence of kept, removed and added runs (a longest
// common subsequence of words). Runs of the same kind are merged.
std::vector<WordPiece> WordDiff(std::string_view before, std::string_view after);

// Share of words the two texts have in common, 0..1 (2·LCS / (|a| + |b|)).
double WordSimilarity(std::string_view a, std::string_view b);

enum class Change { kSame, kAdded, kRemoved, kChanged };

struct BehaviourChange {
  Change change = Change::kSame;
  std::string before;            // empty when added
  std::string after;             // empty when removed
  std::vector<WordPiece> words;  // for kChanged
};

// Compares `before` with `after`: entries follow `after`'s order (same, changed, added), then
// the removed ones in `before`'s order. Two behaviours count as a rewording when their word
// similarity is at least `kRewordSimilarity`.
inline constexpr double kRewordSimilarity = 0.5;
std::vector<BehaviourChange> DiffBehaviours(const std::vector<std::string>& before,
                                            const std::vector<std::string>& after);

}  // namespace ladder::render
