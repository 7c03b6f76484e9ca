// Counts, stored names and timestamps in words (words.h).
#include "render/words.h"

#include <algorithm>

namespace ladder::render {
namespace {

// "YYYY-MM-DDTHH:MM", the start of every timestamp the store writes.
bool LooksLikeTimestamp(std::string_view iso) {
  if (iso.size() < 16 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
    if (iso[i] < '0' || iso[i] > '9') return false;
  return true;
}

}  // namespace

std::string Count(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string Words(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string Moment(std::string_view iso) {
  if (!LooksLikeTimestamp(iso)) return std::string(iso);
  std::string out(iso.substr(0, 16));
  out[10] = ' ';
  return out;
}

std::string Day(std::string_view iso) {
  if (!LooksLikeTimestamp(iso)) return std::string(iso);
  return std::string(iso.substr(0, 10));
}

}  // namespace ladder::render
