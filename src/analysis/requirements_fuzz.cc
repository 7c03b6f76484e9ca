// libFuzzer target for requirement recognition: any text must give a rule (or a split) without
// crashing; recognition of each split part must be stable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/requirements.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)ladder::analysis::RecognizeRule(text);
  for (const std::string& part : ladder::analysis::SplitRequirements(text)) {
    if (ladder::analysis::RecognizeRule(part) != ladder::analysis::RecognizeRule(part))
      __builtin_trap();
  }
  return 0;
}
