// Reading a user's search text: "quoted phrases" and words. Anything else (operators, stray
// quotes, punctuation) is text, never syntax, so no query is an error. Internal to storage/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ladder::storage::internal {

struct ParsedQuery {
  std::vector<std::string> terms;  // words and phrases; all must match
};

ParsedQuery ParseSearchQuery(std::string_view query);

}  // namespace ladder::storage::internal
