// libFuzzer target for requirement recognition: any text must give a rule (or a split) without
// crashing; recognition of each split part must be stable; the same text as a requirement of a
// level and an overlay and as a prose note of a framework must be recognised without crashing,
// and recognising the framework twice must change nothing more.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/requirements.h"

namespace {

ladder::model::Framework FrameworkWith(const std::string& text) {
  using namespace ladder::model;
  Framework fw;
  fw.id = "fuzz";
  Track mgmt;
  mgmt.id = "management";
  mgmt.name = "Management Path";
  mgmt.kind = TrackKind::kManagement;
  Level lead;
  lead.code = "team-lead";
  lead.rank = 2;
  lead.title = "Team Lead";
  lead.requirements.push_back({text, ManualRule{}, {}});
  mgmt.levels.push_back(lead);
  fw.tracks.push_back(mgmt);
  OverlayRole overlay;
  overlay.id = "tech-lead";
  overlay.name = "Tech Lead";
  overlay.requirements.push_back({text, ManualRule{}, {}});
  fw.overlays.push_back(overlay);
  Transition into;
  into.from = "ic";
  into.to = "management";
  fw.transitions.push_back(into);
  fw.notes.push_back({"Notes", text, {}});
  return fw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)ladder::analysis::RecognizeRule(text);
  for (const std::string& part : ladder::analysis::SplitRequirements(text)) {
    if (ladder::analysis::RecognizeRule(part) != ladder::analysis::RecognizeRule(part))
      __builtin_trap();
  }
  if (size > 4096) return 0;  // a note of prose; longer texts add nothing but time
  ladder::model::Framework once = FrameworkWith(text);
  ladder::analysis::RecognizeRequirements(once);
  ladder::model::Framework twice = once;
  ladder::analysis::RecognizeRequirements(twice);
  if (!(once == twice)) __builtin_trap();
  return 0;
}
