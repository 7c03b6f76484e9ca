#include "server/redirect.h"

#include <algorithm>

namespace ladder::server {

std::string SafeLocalTarget(std::string_view target) {
  if (target.empty() || target[0] != '/') return "/";
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return "/";
  const bool printable = std::all_of(target.begin(), target.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b > 0x20 && b < 0x7f && b != '\\';
  });
  return printable ? std::string(target) : "/";
}

}  // namespace ladder::server
