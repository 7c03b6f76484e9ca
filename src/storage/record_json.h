// JSON documents of the values the Store keeps: the whole framework version (one column of
// framework_versions) and every people-side record (one `doc` column per record table).
// A framework version is kept as its canonical JSON (formats/canonical.h, written by
// formats::WriteJson and read by formats::ParseJson; framework_document.h reads the form of
// older databases too); records by the model's field names, enums by their model names.
// Origins are not stored. Internal to storage/. Pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::storage::internal {

using Json = nlohmann::ordered_json;

Json ToJson(const model::Framework& f);  // the canonical JSON
Json ToJson(const model::Person& p);
Json ToJson(const model::Assignment& a);
Json ToJson(const model::Evidence& e);
Json ToJson(const model::Metric& m);
Json ToJson(const model::Assessment& a);
Json ToJson(const model::SignOff& s);
Json ToJson(const model::Case& c);
Json ToJson(const model::Waiver& w);
Json ToJson(const model::Need& n);
Json ToJson(const model::Raise& r);
Json ToJson(const model::User& u);  // without the password hash
Json ToJson(const model::RoleProfile& r);

// Decoding: kInternal naming `what` when the stored document is not of the expected shape.
Status FromJson(const Json& j, model::Evidence& e);
Status FromJson(const Json& j, model::Metric& m);
Status FromJson(const Json& j, model::Assessment& a);
Status FromJson(const Json& j, model::SignOff& s);
Status FromJson(const Json& j, model::Case& c);
Status FromJson(const Json& j, model::Waiver& w);
Status FromJson(const Json& j, model::Need& n);
Status FromJson(const Json& j, model::Raise& r);
Status FromJson(const Json& j, model::RoleProfile& r);

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
// than schema 4 (framework_document.h); kInternal naming `what` when it is damaged.
template <>
Result<model::Framework> Decode<model::Framework>(std::string_view text, std::string_view what);

}  // namespace ladder::storage::internal
