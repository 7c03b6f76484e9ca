// libFuzzer target: import maps (--map) parsed from arbitrary bytes, and every map that parses
// written and parsed again to the same map. Must never crash or hang; errors are fine.
// See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "formats/import_map.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::formats::ImportMap> map =
      ladder::formats::ParseImportMap(text, "fuzz.yaml");
  if (!map) return 0;
  ladder::Result<ladder::formats::ImportMap> again =
      ladder::formats::ParseImportMap(ladder::formats::WriteImportMap(*map), "again.yaml");
  if (!again || !(*again == *map)) std::abort();
  return 0;
}
