// Small text utilities shared by every layer: UTF-8 checks, trimming, slugs, word counts and
// "did you mean" suggestions. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ladder::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates). On failure, *bad_offset
// (if given) receives the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the UTF-8 sequence starting at s[i] and sets *len to its length in bytes. A byte that
// does not start a complete sequence decodes as 0 with length 1. REQUIRES: i < s.size().
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);
// Appends the UTF-8 encoding of the code point `cp`.
void AppendUtf8(char32_t cp, std::string& out);

// Returns the 1-based line and column (in characters) of a byte offset.
std::pair<int, int> LineColumnOf(std::string_view s, size_t offset);

std::string_view Trim(std::string_view s);
std::string ToLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IEquals(std::string_view a, std::string_view b);  // ASCII case-insensitive
std::vector<std::string> Split(std::string_view s, char sep);
std::vector<std::string> SplitLines(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
std::string ReplaceAll(std::string s, std::string_view from, std::string_view to);
// Collapses runs of white space (including newlines and non-breaking spaces) into one space.
std::string CollapseSpace(std::string_view s);

// "Relationship Management" -> "relationship-management": lower-case ASCII letters and digits
// joined by single dashes; other characters are dropped. Never empty (falls back to "item").
std::string Slugify(std::string_view s);

// Number of words (maximal runs of letters or digits, UTF-8 letters included).
int CountWords(std::string_view s);

int EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is close enough to be a plausible typo.
std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string>& candidates);

}  // namespace ladder::text
