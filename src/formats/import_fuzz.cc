// libFuzzer target: the import entry point on arbitrary bytes, format detected from the content
// as `ladder import` does, then the canonical writers. Must never crash, hang or grow memory
// without bound; errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/canonical.h"
#include "formats/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ladder::formats;
  std::string text(reinterpret_cast<const char*>(data), size);
  ladder::Result<Imported> imported = ReadDocuments({{"fuzz.md", std::move(text)}});
  if (imported) {
    std::string yaml = WriteYaml(imported->framework);
    std::string json = WriteJson(imported->framework);
    (void)yaml;
    (void)json;
  }
  return 0;
}
