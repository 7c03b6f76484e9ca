// JSON documents of the framework side the Store keeps: the whole framework version (one column
// of framework_versions) and each role profile (roles.doc). The shape follows the canonical
// format (DESIGN.md §8); enums are written by their model names; origins are not stored. The
// people-side records have their one encoding in people_json.h. Decode<T> reads any of them.
// Internal to storage/. Pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"
#include "storage/people_json.h"

namespace ladder::storage::internal {

using Json = ::ladder::storage::Json;

Json ToJson(const model::Framework& f);
Json ToJson(const model::RoleProfile& r);

// Decoding: kInternal naming `what` when the stored document is not of the expected shape.
Status FromJson(const Json& j, model::Framework& f);
Status FromJson(const Json& j, model::RoleProfile& r);
// The people-side records (people_json.h).
using ::ladder::storage::FromJson;

// Parses stored text; kInternal naming `what` on malformed JSON.
Result<Json> ParseJson(std::string_view text, std::string_view what);

// Decodes a stored document of type T.
template <typename T>
Result<T> Decode(std::string_view text, std::string_view what) {
  LADDER_TRY(Json j, ParseJson(text, what));
  T value;
  LADDER_TRY_STATUS(FromJson(j, value));
  return value;
}

}  // namespace ladder::storage::internal
