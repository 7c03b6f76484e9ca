// `ladder render --out DIR [FILE|DIR... | --database URL]`: the static site of frameworks (the
// given canonical files, else the published versions of the database) (render/site.h): the same
// pages as `ladder serve`, as files with relative links that work from file:// and any static
// host, with a client-side search index. The same input gives byte-identical output, whatever
// the number of threads (--jobs) that render and write the pages.
// Exit status: 0 written, 2 bad input (unreadable or invalid framework, unwritable output).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

#include "app/framework_files.h"
#include "app/published_site.h"
#include "cli/command.h"
#include "render/site.h"
#include "render/static_site.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct RenderOptions {
  std::string out;
  std::vector<std::string> files;
  std::string database;
  unsigned jobs = 0;
};

// Reads the files on `jobs` threads (0: one per core), each file on its own; the frameworks
// keep the order of the paths, and the error reported is that of the first bad file.
Result<std::vector<model::Framework>> ReadFiles(const std::vector<std::string>& paths,
                                                unsigned jobs) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::optional<Result<std::vector<model::Framework>>>> read(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();)
      read[i] = app::ReadFrameworkFiles({paths[i]});
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < std::min<size_t>(jobs, paths.size()); ++t) pool.emplace_back(work);
    work();
  }
  std::vector<model::Framework> frameworks;
  for (auto& r : read) {
    if (!*r) return std::unexpected(r->error());
    for (model::Framework& f : **r) frameworks.push_back(std::move(f));
  }
  return frameworks;
}

Result<std::vector<model::Framework>> LoadFrameworks(const RenderOptions& options) {
  if (!options.files.empty()) {
    LADDER_TRY(std::vector<std::string> paths, app::ExpandFrameworkPaths(options.files));
    return ReadFiles(paths, options.jobs);
  }
  LADDER_TRY(std::unique_ptr<storage::Store> store,
             storage::OpenStore(storage::DatabaseUrlFrom(options.database)));
  return app::LoadPublished(*store);
}

int RunRender(const RenderOptions& options) {
  if (!options.files.empty() && !options.database.empty())
    return ReportError(Error{ErrorCode::kInvalidArgument,
                             "give framework files or --database, not both",
                             {},
                             "--database"});
  Result<std::vector<model::Framework>> frameworks = LoadFrameworks(options);
  if (!frameworks) return ReportError(frameworks.error());
  size_t count = frameworks->size();
  Result<std::unique_ptr<render::Site>> site =
      render::Site::Build(std::move(*frameworks), render::SiteOptions{.static_site = true});
  if (!site) return ReportError(site.error());
  Result<render::StaticSiteStats> stats =
      render::WriteStaticSite(**site, options.out, options.jobs);
  if (!stats) return ReportError(stats.error());
  std::fprintf(stderr, "ladder: wrote %zu files (%zu bytes) for %zu frameworks to %s/index.html\n",
               stats->files, stats->bytes, count, options.out.c_str());
  return kExitOk;
}

void SetUpRender(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "render",
      "Write the static site of frameworks: levels side by side, what is new at each level,\n"
      "comparisons, changelog, role catalogue and search, as files that work from file://.");
  auto options = std::make_shared<RenderOptions>();
  cmd->add_option("--out", options->out, "Directory to write the site into")->required();
  cmd->add_option("files", options->files,
                  "Canonical framework files (YAML or JSON) or directories of them; several\n"
                  "versions of one framework feed its changelog. Without files: the published\n"
                  "frameworks of the database");
  cmd->add_option("--database", options->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  cmd->add_option("--jobs,-j", options->jobs,
                  "Threads that read the files and render and write the pages (default 0: one\n"
                  "per core); the output does not depend on it");
  runs.push_back({cmd, [options] { return RunRender(*options); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(60, ladder::cli::SetUpRender);
