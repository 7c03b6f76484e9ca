// Reading a user's search text: "quoted phrases" and words; words joined by punctuation without
// a space ("on-call", "case/code") are a phrase too. Anything else (operators, stray quotes,
// punctuation) is text, never syntax, so no query is an error. Used by search_text.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ladder::storage::internal {

struct ParsedQuery {
  std::vector<std::string> terms;  // words and phrases (words joined by spaces); all must match
};

ParsedQuery ParseSearchQuery(std::string_view query);

}  // namespace ladder::storage::internal
