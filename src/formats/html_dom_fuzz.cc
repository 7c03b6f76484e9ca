// libFuzzer target: the HTML DOM adapter on arbitrary bytes: parse, then lay out every table
// and read every cell as the readers do. Must never crash, hang or grow memory without bound;
// errors (over the limits) are fine. See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/html_dom.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto dom = ladder::formats::html::Dom::Parse(html, "fuzz.html");
  if (!dom) return 0;
  for (int table : dom->FindAll(dom->Root(), "table")) {
    ladder::formats::html::TableGrid grid = ladder::formats::html::ExtractGrid(*dom, table);
    for (int r = 0; r < grid.rows; ++r) {
      for (int c = 0; c < grid.cols; ++c) {
        int cell = grid.At(r, c).cell;
        if (cell == -1 || !grid.At(r, c).origin) continue;
        (void)dom->Items(cell);
        (void)dom->IsBold(cell);
        (void)dom->RawText(cell);
      }
    }
  }
  (void)dom->Text(dom->Root());
  return 0;
}
