// JSON documents of the framework side the Store keeps: the whole framework version (one column
// of framework_versions), kept as its canonical JSON (formats/canonical.h, written by
// formats::WriteJson and read by formats::ParseJson; framework_document.h reads the form of
// older databases too), and each role profile (roles.doc). The people-side records have their
// one encoding in people_json.h. Decode<T> reads any of them. Origins are not stored. Internal
// to storage/. Pure functions, thread-safe.
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

Json ToJson(const model::Framework& f);  // the canonical JSON
Json ToJson(const model::RoleProfile& r);

// Decoding: kInternal naming `what` when the stored document is not of the expected shape.
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

// A framework version's document, in the canonical JSON or in the form of databases older
// than schema 5 (framework_document.h); kInternal naming `what` when it is damaged.
template <>
Result<model::Framework> Decode<model::Framework>(std::string_view text, std::string_view what);

}  // namespace ladder::storage::internal
