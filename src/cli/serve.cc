// `ladder serve [--listen ADDR:PORT] [--database URL] [FILE|DIR...]`: the web app's reading side
// (render/site.h over server/site_server.h). It serves the published frameworks of the database
// (--database, else $LADDER_DATABASE, else sqlite:ladder.db); an empty database first gets the
// examples (examples/*.yaml), published. Given files, it serves those instead, without a database.
// Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 2 bad input,
// 3 when the address cannot be bound.
#include <atomic>
#include <cstdio>
#include <memory>

#include "app/framework_files.h"
#include "app/published_site.h"
#include "cli/command.h"
#include "render/site.h"
#include "server/site_server.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> files;
  std::string database;
  int threads = 24;
  bool quiet = false;
};

Result<std::pair<std::string, int>> ParseListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "127.0.0.1" : listen.substr(0, colon);
  std::string port = colon == std::string::npos ? listen : listen.substr(colon + 1);
  if (host.empty()) host = "0.0.0.0";
  int value = -1;
  try {
    size_t used = 0;
    value = std::stoi(port, &used);
    if (used != port.size()) value = -1;
  } catch (const std::exception&) {
    value = -1;
  }
  if (value < 0 || value > 65535)
    return MakeError(
        ErrorCode::kInvalidArgument,
        "--listen wants ADDR:PORT or PORT (0 for any free port), not \"" + listen + "\"", {},
        "--listen");
  return std::make_pair(host, value);
}

// The frameworks to serve: the given files, or the published versions in the database (which
// gets the examples when it holds no framework yet).
Result<std::vector<model::Framework>> LoadFrameworks(const ServeOptions& options) {
  if (!options.files.empty()) {
    LADDER_TRY(std::vector<std::string> paths, app::ExpandFrameworkPaths(options.files));
    return app::ReadFrameworkFiles(paths);
  }
  std::string url = storage::DatabaseUrlFrom(options.database);
  LADDER_TRY(std::unique_ptr<storage::Store> store, storage::OpenStore(url));
  std::vector<std::string> examples;
  if (auto found = app::ExpandFrameworkPaths({app::ExamplesDir()})) examples = *found;
  LADDER_TRY(std::vector<app::StoredFramework> stored,
             app::PublishIfEmpty(*store, examples, app::TodayUtc(), app::CliActor()));
  for (const app::StoredFramework& s : stored)
    std::fprintf(stderr, "ladder: empty database: published example %s@%s\n", s.framework.c_str(),
                 s.version.c_str());
  return app::LoadPublished(*store);
}

int RunServe(const ServeOptions& options) {
  Result<std::pair<std::string, int>> listen = ParseListen(options.listen);
  if (!listen) return ReportError(listen.error());
  Result<std::vector<model::Framework>> frameworks = LoadFrameworks(options);
  if (!frameworks) return ReportError(frameworks.error());
  size_t count = frameworks->size();
  Result<std::unique_ptr<render::Site>> site = render::Site::Build(std::move(*frameworks));
  if (!site) return ReportError(site.error());

  // Signals are blocked before the server starts its threads, so only the watcher sees them.
  std::atomic<bool> stop_requested = false;
  std::atomic<server::SiteServer*> running = nullptr;
  std::function<void()> stop_watching =
      server::WatchShutdownSignals([&stop_requested, &running](int) {
        stop_requested = true;
        if (server::SiteServer* s = running.load()) s->Stop();
      });
  server::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.threads = options.threads;
  server_options.access_log = !options.quiet;
  server::SiteServer http(server_options, std::shared_ptr<const render::Site>(std::move(*site)));
  if (Status bound = http.Bind(); !bound) {
    stop_watching();
    return ReportError(bound.error());
  }
  running = &http;
  if (stop_requested) {  // a signal came before the server was running
    stop_watching();
    return kExitOk;
  }
  std::fprintf(stderr, "ladder: serving %zu frameworks at http://%s:%d/ (Ctrl-C to stop)\n", count,
               listen->first.c_str(), http.Port());
  Status ran = http.Run();
  running = nullptr;
  stop_watching();
  if (!ran) return ReportError(ran.error());
  std::fprintf(stderr, "ladder: stopped\n");
  return kExitOk;
}

void SetUpServe(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve frameworks as a web app: levels side by side, what is new at each level,\n"
      "comparisons, changelog, role catalogue and search. Without files: the examples.");
  auto options = std::make_shared<ServeOptions>();
  cmd->add_option("--listen", options->listen, "ADDR:PORT to listen on (PORT 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--quiet", options->quiet, "No access log");
  cmd->add_option("--database", options->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  cmd->add_option("files", options->files,
                  "Canonical framework files (YAML or JSON) or directories of them");
  runs.push_back({cmd, [options] { return RunServe(*options); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(70, ladder::cli::SetUpServe);
