// The one gate every URL passes before it is written into a page.
//
// Templates escape text, but escaping does not stop `javascript:` or `data:` URLs from running
// when a link is followed; every href/src a view puts in a page goes through SafeUrl().
// Pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ladder::render {

// Returns `url` when it is a relative reference (path, query or fragment; no scheme) or an
// absolute URL with scheme http, https or mailto (case-insensitive); otherwise "#". URLs with
// control characters, spaces, backslashes or a protocol-relative "//" prefix are refused too,
// since browsers read them in surprising ways.
//   SafeUrl("https://example.org/a")    -> "https://example.org/a"
//   SafeUrl("../f/support/index.html")  -> "../f/support/index.html"
//   SafeUrl(" JaVaScript:alert(1)")     -> "#"
std::string SafeUrl(std::string_view url);

}  // namespace ladder::render
