// libFuzzer target: the canonical YAML reader (ReadYaml, as `ladder lint` and `ladder load`
// use it) on arbitrary bytes. Must never crash, hang or grow memory without bound, aliases
// included (formats/yaml_limits.h); errors are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/canonical.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ladder::Result<ladder::model::Framework> framework = ladder::formats::ReadYaml(text, "fuzz.yaml");
  (void)framework;
  return 0;
}
