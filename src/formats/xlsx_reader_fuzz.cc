// libFuzzer target: the xlsx reader forced on arbitrary bytes read as an XLSX workbook (a ZIP
// archive of XML parts), with coverage measured, as `ladder import --from xlsx` does. Must never
// crash, hang or grow memory without bound; errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::formats::Imported> imported =
      ladder::formats::ReadDocuments({{"fuzz.xlsx", std::move(bytes)}}, "xlsx");
  (void)imported;
  return 0;
}
