// Reading the fields of a stored JSON document: a missing key or null is the field's empty value,
// a value of another type throws std::runtime_error (or nlohmann's type_error), which Guard turns
// into kInternal naming the damaged document. Shared by the framework documents
// (record_json.cc) and the people-side records (people_json.cc). Internal to storage/.
#pragma once

#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"

namespace ladder::storage::json_fields {

using Json = nlohmann::ordered_json;

inline std::string S(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}
inline int I(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? 0 : it->get<int>();
}
inline bool B(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && !it->is_null() && it->get<bool>();
}
inline std::vector<std::string> V(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::vector<std::string>()
                                        : it->get<std::vector<std::string>>();
}
// A date: YYYY-MM-DD, or null / "" / missing for none.
inline Date D(const Json& j, const char* key) {
  std::string s = S(j, key);
  if (s.empty()) return Date();
  auto d = Date::Parse(s);
  if (!d) throw std::runtime_error("bad date in " + std::string(key) + ": " + s);
  return *d;
}
// A list (empty when missing or null).
inline const Json& A(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? kEmpty : *it;
}
// An enum from its model name; throws naming the key for an unknown name.
template <typename E>
E Enum(std::optional<E> parsed, const Json& j, const char* key) {
  if (!parsed) throw std::runtime_error("unknown " + std::string(key) + ": " + S(j, key));
  return *parsed;
}

// Runs `read` (which reads a document with the functions above); kInternal "stored <what> is
// damaged: ..." when it throws.
template <typename F>
Status Guard(std::string_view what, F&& read) {
  try {
    read();
    return Ok();
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::string(what) + " is damaged: " + e.what());
  }
}

}  // namespace ladder::storage::json_fields
