// libFuzzer target: decoding (binary detection, UTF-8/UTF-16/cp1252, mojibake repair) and the
// coverage tokenizer on arbitrary bytes. Decoded text must always be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/text.h"
#include "formats/coverage.h"
#include "formats/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ladder::formats;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ladder::Result<DecodedText> decoded = DecodeDocument(bytes, "fuzz.txt");
  if (decoded) {
    if (!ladder::text::IsValidUtf8(decoded->text)) std::abort();
    std::vector<TextWarning> warnings;
    if (!ladder::text::IsValidUtf8(RepairMojibake(decoded->text, &warnings))) std::abort();
    (void)CoverageWords(decoded->text);
  }
  return 0;
}
