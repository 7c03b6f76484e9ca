#include "storage/record_json.h"

#include <exception>

#include "formats/canonical.h"
#include "storage/framework_document.h"
#include "storage/json_fields.h"

namespace ladder::storage::internal {
namespace {

using namespace model;

using json_fields::Guard;
using json_fields::S;
using json_fields::V;

}  // namespace

Json ToJson(const Framework& f) { return Json::parse(formats::WriteJson(f, -1)); }

template <>
Result<Framework> Decode<Framework>(std::string_view text, std::string_view what) {
  return ReadFrameworkDocument(text, what);
}

Json ToJson(const RoleProfile& r) {
  return {{"id", r.id},         {"family", r.family},   {"seniority", r.seniority},
          {"title", r.title},   {"summary", r.summary}, {"responsibilities", r.responsibilities},
          {"skills", r.skills}, {"kpis", r.kpis},       {"path", r.path}};
}

Status FromJson(const Json& j, RoleProfile& r) {
  return Guard("role", [&] {
    r.id = S(j, "id");
    r.family = S(j, "family");
    r.seniority = S(j, "seniority");
    r.title = S(j, "title");
    r.summary = S(j, "summary");
    r.responsibilities = V(j, "responsibilities");
    r.skills = V(j, "skills");
    r.kpis = V(j, "kpis");
    r.path = S(j, "path");
  });
}

Result<Json> ParseJson(std::string_view text, std::string_view what) {
  try {
    return Json::parse(text);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::string(what) + " is not valid JSON: " + e.what());
  }
}

}  // namespace ladder::storage::internal
