// Ladder's canonical format (docs/format.md): a framework as YAML, and the same shape as JSON.
//
//   ladder: 1
//   framework: {id: support, name: Support, version: "2024.1"}
//   competencies: [{id: delivery, name: Delivery}]
//   tracks: [{id: ic, name: IC, kind: ic, levels: [{code: IC1, rank: 1, title: ...}]}]
//
// Reading checks types and keys (unknown keys are errors with line:col and a "did you mean"),
// then the model's invariants (model/validate.h); every value read keeps its Origin. Reading
// stops at the first problem: syntax errors, then keys and types from the top down, then the first
// broken invariant (its message says how many more there are; ParseYaml + model::ValidateFramework
// lists them all). Documents over 16 MB are refused before parsing.
// Writing is deterministic: fixed key order, stable quoting and wrapping, so a one-word edit
// of a framework is a one-line diff. Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::formats {

inline constexpr int kFormatVersion = 1;
// Documents larger than this are refused before parsing (kResourceExhausted).
inline constexpr size_t kMaxDocumentBytes = size_t{16} << 20;

// Parses canonical YAML. `source_name` is used in error locations ("file:line:col").
// Errors: kParse (syntax, merge keys, invalid UTF-8), kInvalidArgument (types, unknown keys,
// broken invariants), kResourceExhausted (documents over the size limit).
Result<model::Framework> ReadYaml(std::string_view text, std::string_view source_name);

// As ReadYaml, without checking the model's invariants (model/validate.h): for callers that
// report every violation themselves, such as `ladder lint`. Syntax, key and type errors are
// still errors.
Result<model::Framework> ParseYaml(std::string_view text, std::string_view source_name);

// The canonical YAML text of a framework; ReadYaml(WriteYaml(f)) == f.
std::string WriteYaml(const model::Framework& framework);

// How ParseJson reads. `origins`: keep where each value stands in the document, for error
// messages and lint findings; false for documents nobody edits by hand, such as the ones
// storage keeps (their values then have no origin, as if built in code).
struct ParseOptions {
  bool origins = true;
};

// The same shape as JSON (keys and nesting as in YAML); ReadJson(WriteJson(f)) == f.
// WriteYaml's and WriteJson's texts both end with one newline.
Result<model::Framework> ReadJson(std::string_view text, std::string_view source_name);
// As ReadJson, without checking the model's invariants.
Result<model::Framework> ParseJson(std::string_view text, std::string_view source_name,
                                   const ParseOptions& options = {});
std::string WriteJson(const model::Framework& framework, int indent = 2);

}  // namespace ladder::formats
