// `ladder frameworks [--json] [--database URL]`: the frameworks stored in the database, their
// versions, and the tracks and level codes that other commands take (eligibility, case open,
// people CSV). Tracks and levels are those of the latest published version, or of the newest
// version when none is published.
//
//   engineering  Engineering ladder  (latest published 2025.1; versions: 2025.2 draft, 2025.1)
//     ic  Individual contributor: E1 E2 E3 E4 E5 E6 (undefined)
//     overlay roles: tech-lead
//
// --json prints [{"id", "name", "family", "latest_published", "shown_version",
//   "versions": [{"version", "status", "effective", "saved_at", "published_at"}],
//   "tracks": [{"id", "name", "levels": [{"code", "title", "state"}]}],
//   "overlays": [{"id", "name"}]}]. Exit 0; 2 when the database cannot be read (a missing
// SQLite file is refused, not created).
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/dump.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

using Json = nlohmann::ordered_json;

struct FrameworksOptions {
  std::string database;
  bool json = false;
};

Json VersionsJson(const storage::FrameworkInfo& info) {
  Json versions = Json::array();
  for (const storage::VersionInfo& v : info.versions) {
    versions.push_back({{"version", v.version},
                        {"status", model::FrameworkStatusName(v.status)},
                        {"effective", v.effective},
                        {"saved_at", v.saved_at},
                        {"published_at", v.published_at}});
  }
  return versions;
}

Json StructureJson(const model::Framework& f) {
  Json tracks = Json::array();
  for (const model::Track& t : f.tracks) {
    Json levels = Json::array();
    for (const model::Level& l : t.levels) {
      levels.push_back(
          {{"code", l.code}, {"title", l.title}, {"state", model::LevelStateName(l.state)}});
    }
    tracks.push_back({{"id", t.id}, {"name", t.name}, {"levels", levels}});
  }
  Json overlays = Json::array();
  for (const model::OverlayRole& o : f.overlays) {
    overlays.push_back({{"id", o.id}, {"name", o.name}});
  }
  return {{"tracks", tracks}, {"overlays", overlays}};
}

void PrintText(const Json& f) {
  std::string versions;
  for (const Json& v : f["versions"]) {
    versions += (versions.empty() ? "" : ", ") + v["version"].get<std::string>() +
                (v["status"] == "draft" ? " draft" : "");
  }
  std::string latest = f["latest_published"].get<std::string>();
  std::printf("%s  %s  (%s; versions: %s)\n", f["id"].get<std::string>().c_str(),
              f["name"].get<std::string>().c_str(),
              latest.empty() ? "nothing published" : ("latest published " + latest).c_str(),
              versions.c_str());
  for (const Json& t : f["tracks"]) {
    std::string codes;
    for (const Json& l : t["levels"]) {
      codes +=
          " " + l["code"].get<std::string>() + (l["state"] == "undefined" ? " (undefined)" : "");
    }
    std::printf("  %s  %s:%s\n", t["id"].get<std::string>().c_str(),
                t["name"].get<std::string>().c_str(), codes.c_str());
  }
  if (!f["overlays"].empty()) {
    std::string ids;
    for (const Json& o : f["overlays"]) ids += " " + o["id"].get<std::string>();
    std::printf("  overlay roles:%s\n", ids.c_str());
  }
}

Result<int> RunFrameworks(const FrameworksOptions& o) {
  auto store = OpenExistingStore(o.database);
  if (!store) return Fail(store.error());
  auto infos = (*store)->ListFrameworks();
  if (!infos) return Fail(infos.error());
  Json out = Json::array();
  for (const storage::FrameworkInfo& info : *infos) {
    // The version whose structure is shown: the latest published, else the newest.
    std::string shown = info.latest_published;
    if (shown.empty() && !info.versions.empty()) shown = info.versions.front().version;
    auto framework = (*store)->GetFramework(info.id, shown);
    if (!framework) return Fail(framework.error());
    Json f = {{"id", info.id},          {"name", info.name},
              {"family", info.family},  {"latest_published", info.latest_published},
              {"shown_version", shown}, {"versions", VersionsJson(info)}};
    f.update(StructureJson(*framework));
    out.push_back(std::move(f));
  }
  if (o.json) {
    std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  for (const Json& f : out) PrintText(f);
  if (out.empty()) {
    std::fprintf(stderr,
                 "no framework is stored yet: `ladder load FILE --publish` or `ladder import "
                 "DOCUMENT --into ID` stores one\n");
  }
  return kExitOk;
}

void SetUpFrameworks(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "frameworks",
      "List the stored frameworks: versions, tracks and the level codes other commands take");
  auto o = std::make_shared<FrameworksOptions>();
  cmd->add_option("--database", o->database,
                  "Database URL: sqlite:PATH or postgresql://... (default: $LADDER_DATABASE, "
                  "else sqlite:ladder.db)");
  cmd->add_flag("--json", o->json, "Print the frameworks as JSON");
  runs.push_back({cmd, [o] { return RunFrameworks(*o); }});
}

}  // namespace
LADDER_COMMAND(56, SetUpFrameworks);
}  // namespace ladder::cli
