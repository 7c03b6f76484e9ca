// libFuzzer target: the ods reader forced on arbitrary bytes read as an ODS spreadsheet (a ZIP
// archive of XML), with coverage measured, as `ladder import --from ods` does. Must never crash,
// hang or grow memory without bound; errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::formats::Imported> imported =
      ladder::formats::ReadDocuments({{"fuzz.ods", std::move(bytes)}}, "ods");
  (void)imported;
  return 0;
}
