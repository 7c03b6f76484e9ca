// The one decision on where the server may send a browser: a path of this site, never another
// site. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ladder::server {

// `target` when it is a local path a browser cannot read as another site, else "/". Allowed: a
// single leading '/' followed by printable ASCII, with no backslash anywhere. Refused: "//x"
// and "/\x" (protocol-relative), "https://x" and other schemes, relative paths, and any
// control character, space or non-ASCII byte (browsers drop tabs and newlines from URLs, so
// "/\t/evil.example" would become "//evil.example").
std::string SafeLocalTarget(std::string_view target);

}  // namespace ladder::server
