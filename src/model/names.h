// Name <-> enum tables shared by the model's Name/Parse functions. Internal to model/.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace ladder::model::internal {

template <typename E, size_t N>
const char* NameOf(const std::pair<E, const char*> (&table)[N], E value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "?";
}

template <typename E, size_t N>
std::optional<E> Parse(const std::pair<E, const char*> (&table)[N], std::string_view name) {
  for (const auto& [e, n] : table)
    if (name == n) return e;
  return std::nullopt;
}

}  // namespace ladder::model::internal
