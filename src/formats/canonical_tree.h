// Internal to formats/: the syntax tree shared by the YAML and JSON readers of the canonical
// format (canonical.h), and its conversion into a model::Framework.
//
// The YAML reader (yaml-cpp events) and the JSON reader (nlohmann SAX events) each build a Tree
// that keeps, for every value, its kind, whether it was quoted and where it starts. One
// converter then checks keys and types and builds the framework, so both syntaxes accept the
// same shape and report the same errors. Aliases share nodes; the YAML reader bounds what they
// expand to (yaml_limits.h). Not thread-safe per object; independent objects are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/canonical.h"
#include "model/framework.h"

namespace ladder::formats::internal {

// Values (scalars, lists, mappings) a document may hold, and may expand to through aliases.
inline constexpr size_t kMaxValues = 1'000'000;

struct TreeNode {
  enum class Kind { kNull, kScalar, kSequence, kMapping };
  Kind kind = Kind::kNull;
  bool quoted = false;  // a quoted YAML scalar or a JSON string: never a number or a boolean
  std::string value;    // scalars: the text as written (escapes resolved)
  int line = 0;         // 1-based
  int column = 0;       // 1-based
  // Sequences: the items' node indices. Mappings: key, value, key, value, ...
  std::vector<uint32_t> items;
};

struct Tree {
  std::vector<TreeNode> nodes;
  uint32_t root = 0;
};

// Checks what both readers require of the text before parsing: size, UTF-8, no control
// characters, not empty. Errors name `source_name:line:col`.
Status CheckDocumentText(std::string_view text, std::string_view source_name);

// Parses one YAML document (yaml-cpp events) or a JSON text (nlohmann SAX, iterative: nesting
// costs no stack) into a Tree. Errors: kParse with `source_name:line:col` (syntax, several YAML
// documents, YAML tags), kResourceExhausted (size, YAML nesting, more than kMaxValues values).
// Also used by the reader of other tools' data files (data_reader.h).
Result<Tree> ParseYamlTree(std::string_view text, std::string_view source_name);
Result<Tree> ParseJsonTree(std::string_view text, std::string_view source_name);

// Converts a parsed document into a framework: keys, types, required values, defaults. Does not
// check the model's invariants (model/validate.h). `origins`: set each value's Origin.
Result<model::Framework> FrameworkFromTree(const Tree& tree, std::string_view source_name,
                                           bool origins = true);

// Runs model::ValidateFramework: the first violation (its message mentions how many more there
// are), or the framework unchanged.
Result<model::Framework> Validated(Result<model::Framework> framework);

}  // namespace ladder::formats::internal
