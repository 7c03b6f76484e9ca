// `ladder render --out DIR [FILE|DIR... | --database URL]`: the static site of frameworks (the
// given canonical files, else the published versions of the database) (render/site.h): the same
// pages as `ladder serve`, as files with relative links that work from file:// and any static
// host, with a client-side search index. The same input gives byte-identical output, whatever
// the number of threads (--jobs) that render and write the pages.
// A public site must not carry internal links: a framework with leaks (analysis/leaks.h) that
// its allow-list, --allow-link or $LADDER_ALLOW_LINKS does not let through stops the render,
// each leak printed as file:line:col: field: message (`ladder lint --leaks` lists them too).
// Job descriptions use the framework's jd_template (read beside its file, or from --templates
// for the database's frameworks) or --jd-template / $LADDER_JD_TEMPLATE (HTML templates only).
// Exit status: 0 written, 1 leaks found (nothing written), 2 bad input (unreadable or invalid
// framework, unwritable output).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "app/framework_files.h"
#include "app/outputs.h"
#include "app/published_site.h"
#include "cli/command.h"
#include "cli/leak_flags.h"
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
  LeakFlags leak_flags;
  std::string jd_template;
  std::string templates_dir;
};

// Frameworks to render, each with the folder its jd_template is read from.
struct Loaded {
  std::vector<model::Framework> frameworks;
  std::vector<std::string> dirs;
};

// Reads the files on `jobs` threads (0: one per core), each file on its own; the frameworks
// keep the order of the paths, and the error reported is that of the first bad file.
Result<Loaded> ReadFiles(const std::vector<std::string>& paths, unsigned jobs) {
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
  Loaded loaded;
  for (size_t i = 0; i < read.size(); ++i) {
    auto& r = read[i];
    if (!*r) return std::unexpected(r->error());
    for (model::Framework& f : **r) {
      loaded.frameworks.push_back(std::move(f));
      loaded.dirs.push_back(std::filesystem::path(paths[i]).parent_path().string());
    }
  }
  return loaded;
}

Result<Loaded> LoadFrameworks(const RenderOptions& options) {
  if (!options.files.empty()) {
    LADDER_TRY(std::vector<std::string> paths, app::ExpandFrameworkPaths(options.files));
    return ReadFiles(paths, options.jobs);
  }
  LADDER_TRY(std::unique_ptr<storage::Store> store,
             storage::OpenStore(storage::DatabaseUrlFrom(options.database)));
  LADDER_TRY(std::vector<model::Framework> published, app::LoadPublished(*store));
  return Loaded{std::move(published), {}};
}

Result<int> RunRender(const RenderOptions& options) {
  if (!options.files.empty() && !options.database.empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "give framework files or --database, not both",
                      {},
                      "--database"});
  Result<Loaded> loaded = LoadFrameworks(options);
  if (!loaded) return Fail(loaded.error());
  // The site is public: internal links stop it (the allow-lists let what they name through).
  const analysis::LeakOptions leak_options = LeakOptionsOf(options.leak_flags);
  int leaks = 0;
  for (const model::Framework& fw : loaded->frameworks)
    leaks += ReportLeaks(analysis::FindLeaks(fw, leak_options), fw.id);
  if (leaks > 0) {
    std::fprintf(stderr,
                 "ladder: %d link(s) that must not reach a public site; nothing was written. "
                 "Remove them, or allow them in the framework's allow_links, with --allow-link or "
                 "LADDER_ALLOW_LINKS (docs/leaks.md)\n",
                 leaks);
    return kExitFindings;
  }
  app::OutputSettings settings = app::OutputSettings::FromEnvironment();
  if (!options.jd_template.empty()) settings.jd_template = options.jd_template;
  if (!options.templates_dir.empty()) settings.templates_dir = options.templates_dir;
  std::vector<std::string> warnings;
  render::SiteOptions site_options =
      app::SiteOptionsFor(loaded->frameworks, settings, loaded->dirs, warnings);
  for (const std::string& w : warnings) std::fprintf(stderr, "ladder: %s\n", w.c_str());
  site_options.static_site = true;
  size_t count = loaded->frameworks.size();
  Result<std::unique_ptr<render::Site>> site =
      render::Site::Build(std::move(loaded->frameworks), std::move(site_options));
  if (!site) return Fail(site.error());
  Result<render::StaticSiteStats> stats =
      render::WriteStaticSite(**site, options.out, options.jobs);
  if (!stats) return Fail(stats.error());
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
  AddLeakFlags(cmd, options->leak_flags);
  cmd->add_option("--jd-template", options->jd_template,
                  "An HTML mustache template (*.html.mustache) for every job description page "
                  "(default: $LADDER_JD_TEMPLATE)");
  cmd->add_option("--templates", options->templates_dir,
                  "Folder of the jd_template of the database's frameworks (default: "
                  "$LADDER_TEMPLATES)");
  runs.push_back({cmd, [options] { return RunRender(*options); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(60, ladder::cli::SetUpRender);
