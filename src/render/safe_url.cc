#include "render/safe_url.h"

#include "base/text.h"

namespace ladder::render {

std::string SafeUrl(std::string_view url) {
  if (url.empty()) return "#";
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f || c == '\\') return "#";
  if (url.size() >= 2 && url[0] == '/' && url[1] == '/') return "#";
  // A scheme is letters, digits, '+', '-' or '.' before the first ':' that comes before any
  // '/', '?' or '#'.
  size_t colon = url.find(':');
  size_t stop = url.find_first_of("/?#");
  if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon))
    return std::string(url);
  std::string scheme = text::ToLower(url.substr(0, colon));
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return std::string(url);
  return "#";
}

}  // namespace ladder::render
