// Workload: ReadFrameworkDocument runs whenever a version is loaded (a canonical document parses
// once); the older form is met only by a migration or when an older dump is loaded.
#include "storage/framework_document.h"

#include <tuple>
#include <vector>

#include "formats/canonical.h"

namespace ladder::storage::internal {
namespace {

// A rule of the older form: {"kind": "time_at_level", "level": "", "months": 12}.
Json RuleFromLegacy(const Json& legacy) {
  if (!legacy.is_object()) return legacy;
  std::string kind = legacy.value("kind", std::string());
  Json params = legacy;
  params.erase("kind");
  if (auto it = params.find("evidence_kind"); it != params.end()) {
    Json value = *it;
    params.erase(it);
    params["kind"] = std::move(value);
  }
  Json out = Json{{kind, std::move(params)}};  // a kind this Ladder does not know: an error later
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    if (kind != K::kName) return;
    if constexpr (model::kBareKind<K>) {
      out = kind;
    } else if constexpr (std::tuple_size_v<decltype(K::kParams)> == 0) {
      out = Json{{kind, std::string(K::kWord)}};
    }
  });
  return out;
}

void RequirementsFromLegacy(Json& object, const char* key) {
  auto list = object.find(key);
  if (list == object.end() || !list->is_array()) return;
  for (Json& r : *list)
    if (r.is_object() && r.contains("rule")) r["rule"] = RuleFromLegacy(r["rule"]);
}

// Attributes [[key, value], ...] and expectations [{"competency": id, ...}, ...] become objects.
void LevelFromLegacy(Json& level) {
  if (auto a = level.find("attributes"); a != level.end() && a->is_array()) {
    Json attributes = Json::object();
    for (const Json& pair : *a)
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string())
        attributes[pair[0].get<std::string>()] = pair[1];
    *a = std::move(attributes);
  }
  if (auto e = level.find("expectations"); e != level.end() && e->is_array()) {
    Json expectations = Json::object();
    for (Json cell : *e) {
      if (!cell.is_object()) continue;
      std::string competency = cell.value("competency", std::string());
      cell.erase("competency");
      expectations[competency] = std::move(cell);
    }
    *e = std::move(expectations);
  }
  RequirementsFromLegacy(level, "requirements");
}

Result<model::Framework> ParseCanonical(std::string_view text, std::string_view what) {
  Result<model::Framework> f = formats::ParseJson(text, what, {.origins = false});
  if (!f)
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::string(what) + " is damaged: " + f.error().ToString());
  return f;
}

}  // namespace

bool IsLegacyFrameworkDocument(const Json& document) {
  if (!document.is_object()) return false;
  auto tracks = document.find("tracks");
  if (tracks == document.end() || !tracks->is_array()) return false;
  if (tracks->empty()) return true;
  const Json& track = tracks->front();
  auto levels = track.find("levels");
  if (levels == track.end() || !levels->is_array()) return false;
  if (levels->empty()) return true;
  const Json& level = levels->front();
  auto expectations = level.find("expectations");
  return expectations != level.end() && expectations->is_array();
}

Json CanonicalFromLegacy(const Json& document) {
  Json out = document;
  if (auto tracks = out.find("tracks"); tracks != out.end() && tracks->is_array())
    for (Json& track : *tracks)
      if (auto levels = track.find("levels"); levels != track.end() && levels->is_array())
        for (Json& level : *levels) LevelFromLegacy(level);
  for (const char* list : {"overlays", "transitions"})
    if (auto items = out.find(list); items != out.end() && items->is_array())
      for (Json& item : *items) RequirementsFromLegacy(item, "requirements");
  RequirementsFromLegacy(out, "policy");
  return out;
}

Result<model::Framework> ReadFrameworkDocument(std::string_view text, std::string_view what) {
  Result<model::Framework> canonical = ParseCanonical(text, what);
  if (canonical) return canonical;
  Result<Json> json = ParseJson(text, what);
  if (!json || !IsLegacyFrameworkDocument(*json)) return canonical;
  return ParseCanonical(CanonicalFromLegacy(*json).dump(), what);
}

Status UpgradeFrameworkDocuments(soci::session& s) {
  std::vector<std::tuple<std::string, std::string, std::string>> versions;
  {
    std::string framework, version, document;
    soci::statement st = (s.prepare << "SELECT framework, version, document FROM "
                                       "framework_versions ORDER BY framework, version",
                          soci::into(framework), soci::into(version), soci::into(document));
    st.execute();
    while (st.fetch()) versions.emplace_back(framework, version, document);
  }
  for (auto& [framework, version, document] : versions) {
    std::string what = "framework " + framework + "@" + version;
    LADDER_TRY(Json json, ParseJson(document, what));
    if (!IsLegacyFrameworkDocument(json)) continue;
    LADDER_TRY(model::Framework f, ParseCanonical(CanonicalFromLegacy(json).dump(), what));
    std::string canonical = ToJson(f).dump();
    s << "UPDATE framework_versions SET document = :d WHERE framework = :f AND version = :v",
        soci::use(canonical), soci::use(framework), soci::use(version);
  }
  return Ok();
}

}  // namespace ladder::storage::internal
