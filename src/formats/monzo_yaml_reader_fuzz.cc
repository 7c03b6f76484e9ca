// libFuzzer target: the monzo-yaml reader forced on arbitrary bytes (after the decoding every
// import applies), with coverage measured. Must never crash, hang or grow memory without bound;
// errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::formats::Imported> imported =
      ladder::formats::ReadDocuments({{"fuzz.md", std::move(text)}}, "monzo-yaml");
  (void)imported;
  return 0;
}
