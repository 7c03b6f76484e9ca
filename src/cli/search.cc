// `ladder search QUERY [--json] [--database URL] [--framework ID] [--drafts] [--limit N]
// [--lang LANG]`:
// full-text search over the behaviours, level summaries, attributes, requirements, notes and
// roles of the frameworks stored in the database (the latest published version of each, or the
// newest version with --drafts). --lang folds case and accents as that language does
// (base/unicode.h): with --lang sv, "ar" no longer finds "år".
//
// Text output, one hit per two lines, best first:
//   Customer Support (support@2024.1) › ic › IC2 Senior Support Engineer › craft  [behaviour]
//       Performs [code] [review] for teammates' automation scripts.
// The words that matched are between [ and ] (in colour on a terminal). --json prints
//   [{"kind":..., "framework":..., "framework_name":..., "version":..., "track":...,
//     "level":..., "level_title":..., "competency":..., "title":..., "snippet":...}]
// with the same [ ] markers in "snippet". Exit 0 with hits, 1 without, 2 bad input (a missing
// SQLite database is refused, not created).
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/dump.h"
#include "render/records_json.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct SearchCliOptions {
  std::string query;
  std::string database;
  std::string framework;
  bool drafts = false;
  bool json = false;
  int limit = 20;
  std::string lang;
};

Result<int> RunSearch(const SearchCliOptions& o) {
  auto store = OpenExistingStore(o.database);
  if (!store) return Fail(store.error());
  auto hits = (*store)->Search(o.query, {o.framework, o.drafts, o.limit, o.lang});
  if (!hits) return Fail(hits.error());
  if (o.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& h : *hits) out.push_back(render::SearchHitJson(h));
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    bool color = UseColor();
    for (const auto& h : *hits) {
      std::string place = h.framework_name + " (" + h.framework + "@" + h.version + ")";
      if (!h.track.empty()) place += " › " + h.track;
      if (!h.level.empty())
        place += " › " + h.level + (h.level_title.empty() ? "" : " " + h.level_title);
      if (!h.competency.empty()) place += " › " + h.competency;
      if (!h.title.empty() && h.level.empty()) place += " › " + h.title;
      std::string snippet = color ? storage::MarkSnippet(h.snippet, "\x1b[1;33m", "\x1b[0m")
                                  : storage::MarkSnippet(h.snippet, "[", "]");
      for (char& c : snippet)
        if (c == '\n') c = ' ';
      std::printf("%s  [%s]\n    %s\n", place.c_str(), storage::HitKindName(h.kind),
                  snippet.c_str());
    }
    if (hits->empty()) std::fprintf(stderr, "no passages match \"%s\"\n", o.query.c_str());
  }
  return hits->empty() ? kExitFindings : kExitOk;
}

void SetUpSearch(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "search",
      "Full-text search over behaviours, levels, notes and roles of the stored frameworks");
  auto o = std::make_shared<SearchCliOptions>();
  cmd->add_option("query", o->query, "Words (all must match) and \"quoted phrases\"")->required();
  cmd->add_option("--database", o->database,
                  "Database URL: sqlite:PATH or postgresql://... (default: $LADDER_DATABASE, "
                  "else sqlite:ladder.db)");
  cmd->add_option("--framework", o->framework, "Only this framework (id)");
  cmd->add_flag("--drafts", o->drafts, "Search the newest version, draft or not");
  cmd->add_option("--limit", o->limit, "At most this many hits (default 20)")
      ->check(CLI::Range(1, 10000));
  cmd->add_flag("--json", o->json, "Print the hits as JSON");
  cmd->add_option("--lang", o->lang,
                  "Fold case and accents as this language does (es, sv, tr, ...); by default "
                  "every accent is folded");
  runs.push_back({cmd, [o] { return RunSearch(*o); }});
}

}  // namespace
LADDER_COMMAND(60, SetUpSearch);
}  // namespace ladder::cli
