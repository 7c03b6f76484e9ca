// Turning the bytes of a document into the UTF-8 text readers expect, or saying why not.
//
// What is accepted (in this order):
//  1. at most kMaxDocumentBytes bytes; above that: kResourceExhausted, before anything is read;
//  2. a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is converted to UTF-8;
//  3. a NUL byte means a binary file: kParse naming line:col of the first NUL;
//  4. well-formed UTF-8 is kept;
//  5. text that is not UTF-8 and contains no well-formed multi-byte UTF-8 sequence at all is
//     taken as Windows-1252 (a superset of the printable Latin-1 range) and converted, with a
//     warning naming the first line that needed it; the five bytes cp1252 leaves undefined are
//     mapped like Latin-1 (U+0081 ...), so every such document converts;
//  6. anything else (UTF-8 mixed with stray bytes) is rejected: kParse naming line:col of the
//     first bad byte;
//  7. CR LF and lone CR line ends become LF (line numbers do not change);
//  8. mojibake (UTF-8 that was decoded as cp1252 and encoded again: `â€™` for `’`, `Ã©` for
//     `é`) is repaired, with one warning per line naming what was replaced.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/canonical.h"

namespace ladder::formats {

// The largest document accepted is kMaxDocumentBytes (formats/canonical.h, 16 MiB), the same
// for every document Ladder reads. Real career documents are below 1 MiB; the limit keeps memory
// and time bounded (every reader is linear or close to it in the size of its input).
// The most accepted for all documents of one import together.
inline constexpr size_t kMaxImportBytes = size_t{64} << 20;

struct TextWarning {
  int line = 0;
  std::string message;
};

struct DecodedText {
  std::string text;  // valid UTF-8, LF line ends
  std::vector<TextWarning> warnings;
};

// Applies steps 1-8 above. `name` is the file name used in error locations.
Result<DecodedText> DecodeDocument(std::string_view bytes, std::string_view name);

// Step 8 alone on valid UTF-8: returns the repaired text and appends a warning per line.
std::string RepairMojibake(std::string_view text, std::vector<TextWarning>* warnings);

// Step 5 alone: Windows-1252 bytes to UTF-8.
std::string Cp1252ToUtf8(std::string_view bytes);

}  // namespace ladder::formats
