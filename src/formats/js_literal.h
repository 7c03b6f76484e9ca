// The data a JavaScript or TypeScript file holds, read without executing anything: the object
// and array literals it exports or assigns at its top level.
//
//   export default { levels: [...] }            module.exports = [...]
//   export const tracks: Tracks = {...}         const levels = [...]
//   window.ladder = {...}                       (window.x = window.x || []).push({...})
//   [ {...}, ... ]                              (a JSON file named .js)
//
// Literals may use what JavaScript allows beyond JSON: unquoted and single-quoted keys and
// strings, template strings without ${}, trailing commas, comments, numbers such as 1_000 or
// 0x1F, undefined. Anything that would need running code (a variable, a call, a spread, a
// function, a template with ${}) is not read: the value becomes null and a warning names its
// line. Nesting deeper than kMaxJsDepth is an error naming line:col. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/canonical_tree.h"
#include "formats/import.h"

namespace ladder::formats {

inline constexpr int kMaxJsDepth = 128;

struct JsLiteral {
  std::string name;  // "default", "module.exports", the const's name, "push", ""
  internal::Tree tree;
};

struct JsData {
  std::vector<JsLiteral> literals;      // in file order
  std::vector<ImportWarning> warnings;  // values not read (code, not data)
};

// Reads every top-level literal. Errors: kParse naming file:line:col (an unterminated string or
// comment, a literal cut short), kResourceExhausted (nesting, more than internal::kMaxValues
// values).
Result<JsData> ReadJsLiterals(std::string_view text, std::string_view file);

// True when `text` reads as a JavaScript/TypeScript data file (an export or assignment of a
// literal at the top level), cheaply, for detection.
bool LooksLikeJsData(std::string_view text);

}  // namespace ladder::formats
