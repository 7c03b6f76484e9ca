// libFuzzer target: the csv reader forced on arbitrary bytes read as CSV/TSV text (after the
// decoding every import applies), with coverage measured, as `ladder import --from csv` does. Must
// never crash, hang or grow memory without bound; errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::formats::Imported> imported =
      ladder::formats::ReadDocuments({{"fuzz.csv", std::move(bytes)}}, "csv");
  (void)imported;
  return 0;
}
