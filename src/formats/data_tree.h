// Internal to the data-file reader (data_reader.h, data_shapes.h): walking the tree a JSON,
// YAML or JavaScript data file parses into (canonical_tree.h), by the paths of import maps.
//
// Paths (docs/import-maps.md): segments separated by '.'; a key selects the value of that key,
// `*` every value of a mapping (or item of a list), and `[]` after a segment every item of what
// it selected (the items of a list, the values of a mapping). `[]` alone is the items of the
// value the path starts from; "" is that value itself.
//
//   topics[]              every topic of {"topics": [...]}
//   tracks.*              every value of {"tracks": {"MOBILE": {...}, ...}}
//   [].department.*[]     every item of every list under "department" of each item of a list
//
// Pure functions over an immutable tree, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/canonical_tree.h"
#include "formats/import.h"
#include "formats/matrix.h"

namespace ladder::formats::data {

using internal::Tree;
using internal::TreeNode;

// Values deeper than this are no framework: refused with the path to the first one.
inline constexpr int kMaxDataDepth = 64;
// Visits of values while interpreting one file (aliases may share values): beyond, an error.
inline constexpr size_t kMaxVisits = 4'000'000;

const TreeNode& At(const Tree& t, uint32_t n);
bool IsMap(const Tree& t, uint32_t n);
bool IsSeq(const Tree& t, uint32_t n);
bool IsScalar(const Tree& t, uint32_t n);
// The text of a scalar, white space collapsed; "" for anything else.
std::string Text(const Tree& t, uint32_t n);
// The value of `key` in mapping `n`.
std::optional<uint32_t> Get(const Tree& t, uint32_t n, std::string_view key);
// Keys of a mapping, in order.
std::vector<std::string> Keys(const Tree& t, uint32_t n);

// One value a path selected: the node, the key it was found under (mapping values), the keys
// the `*` segments matched (for group names), and its path for messages ("$.topics[2]").
struct Hit {
  uint32_t node = 0;
  std::string key;
  std::vector<std::string> wild;
  std::string path;
  std::vector<uint32_t> trail{};  // the items selected on the way, this one last
};

// Resolves `path` from `from`. Errors: kInvalidArgument naming the path (a malformed segment).
Result<std::vector<Hit>> Resolve(const Tree& t, const Hit& from, std::string_view path);

// The items of a collection value: list items, or mapping values (keyed by their key).
std::vector<Hit> Items(const Tree& t, const Hit& collection);

// Kind-of-value tests used by shape detection.
bool IsCollection(const Tree& t, uint32_t n);  // a list, or a mapping of mappings/lists
// A value looks like an identifier, not text: a uuid, a slug, snake_case, a path or a URL.
bool IsIdentifierLike(std::string_view s);

// Checks nesting (kMaxDataDepth). Errors: kResourceExhausted "nested deeper than 64 levels at
// $[0][0]…", naming file:line:col of the first value too deep.
Status CheckDepth(const Tree& t, std::string_view file);

// Appends every text of the file as a passage: string values that are not identifiers, and
// keys that are names (they hold a space).
void CollectPassages(const Tree& t, std::string_view file, std::vector<Passage>& out);

// The name of an entry: the first of `name_keys` holding text (default: name, title, label,
// displayName, ...), else the key it was found under; "" when neither. Leading symbols
// (emoji) are dropped. Sets *used to the key the name came from ("" for the entry's key).
std::string EntryName(const Tree& t, const Hit& entry, const std::vector<std::string>& name_keys,
                      std::string* used = nullptr);

// Keys that name entries, in order of preference.
const std::vector<std::string>& DefaultNameKeys();

// What an entry says at a cell: its text keys (`text_keys`, or every key holding prose or a list
// of texts) as behaviours ("examples" prefixed "Example: "), a summary/description scalar as
// the summary, other short values as "Key: value" lines of the summary. Keys in `skip` (the
// name, references) are left out; identifiers are never text. With `statement` the entry is
// one statement of what a level expects: its summary/description is the first behaviour.
matrix::Cell EntryCell(const Tree& t, uint32_t entry, const std::vector<std::string>& text_keys,
                       const std::set<std::string>& skip, bool statement = false);

// "🛠️ Platform Engineer" -> "Platform Engineer"; white space collapsed.
std::string CleanName(std::string_view s);

// Counts the words of the text a matrix holds (names, summaries, behaviours, notes).
int MatrixWords(const matrix::Matrix& m);

}  // namespace ladder::formats::data
