// `ladder serve [--listen ADDR:PORT] [--database URL] [--public] [FILE|DIR...]`: the web app and
// its JSON API (server/server.h) on the database (--database, else $LADDER_DATABASE, else
// sqlite:ladder.db). An empty database first gets the examples (examples/*.yaml), published.
// Given files, it serves those instead, from a private in-memory database, readable by anyone.
// Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 2 bad input, 3 when the
// address cannot be bound.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>

#include "app/crypto.h"
#include "app/framework_files.h"
#include "app/import_into.h"
#include "app/published_site.h"
#include "cli/command.h"
#include "server/server.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> files;
  std::string database;
  int threads = 16;
  int reload_seconds = 5;
  bool quiet = false;
  bool public_frameworks = false;
  bool secure_cookies = false;
  int password_checks = app::kDefaultPasswordWork;
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

// The store to serve: the given files in a private in-memory database, or the database (which
// gets the examples when it holds no framework yet).
Result<std::unique_ptr<storage::Store>> OpenServedStore(const ServeOptions& options) {
  if (!options.files.empty()) {
    LADDER_TRY(std::vector<std::string> paths, app::ExpandFrameworkPaths(options.files));
    LADDER_TRY(std::vector<model::Framework> frameworks, app::ReadFrameworkFiles(paths));
    LADDER_TRY(std::unique_ptr<storage::Store> store, storage::OpenStore("sqlite::memory:"));
    LADDER_TRY_STATUS(app::StoreFrameworks(*store, std::move(frameworks), true, app::TodayUtc(),
                                           app::CliActor()));
    return store;
  }
  std::string url = storage::DatabaseUrlFrom(options.database);
  // A connection per worker thread, so that requests do not queue for the database.
  storage::OpenOptions open;
  open.pool_size = options.threads;
  LADDER_TRY(std::unique_ptr<storage::Store> store, storage::OpenStore(url, open));
  std::vector<std::string> examples;
  if (auto found = app::ExpandFrameworkPaths({app::ExamplesDir()})) examples = *found;
  LADDER_TRY(std::vector<app::StoredFramework> stored,
             app::PublishIfEmpty(*store, examples, app::TodayUtc(), app::CliActor()));
  for (const app::StoredFramework& s : stored)
    std::fprintf(stderr, "ladder: empty database: published example %s@%s\n", s.framework.c_str(),
                 s.version.c_str());
  if (Result<std::vector<model::User>> users = store->ListUsers(); users && users->empty())
    std::fprintf(stderr,
                 "ladder: no user yet: create the first admin with\n"
                 "  ladder user add admin --role admin%s\n",
                 options.database.empty() ? "" : (" --database " + options.database).c_str());
  return store;
}

int RunServe(const ServeOptions& options) {
  auto started = std::chrono::steady_clock::now();
  Result<std::pair<std::string, int>> listen = ParseListen(options.listen);
  if (!listen) return ReportError(listen.error());
  Result<std::unique_ptr<storage::Store>> store = OpenServedStore(options);
  if (!store) return ReportError(store.error());

  // Signals are blocked before the server starts its threads, so only the watcher sees them.
  std::atomic<bool> stop_requested = false;
  std::atomic<server::Server*> running = nullptr;
  std::function<void()> stop_watching =
      server::WatchShutdownSignals([&stop_requested, &running](int) {
        stop_requested = true;
        if (server::Server* s = running.load()) s->Stop();
      });
  app::SetPasswordWorkLimit(options.password_checks);
  server::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.threads = options.threads;
  server_options.access_log = !options.quiet;
  server_options.public_frameworks = options.public_frameworks || !options.files.empty();
  server_options.secure_cookies = options.secure_cookies;
  server_options.reload_seconds = options.files.empty() ? options.reload_seconds : 0;
  server::Server http(server_options, **store);
  if (Status loaded = http.Load(); !loaded) {
    stop_watching();
    return ReportError(loaded.error());
  }
  if (Status bound = http.Bind(); !bound) {
    stop_watching();
    ReportError(bound.error());
    return 3;
  }
  running = &http;
  if (stop_requested) {  // a signal came before the server was running
    stop_watching();
    return kExitOk;
  }
  auto ready = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::fprintf(stderr,
               "ladder: serving %zu frameworks at http://%s:%d/ (ready in %lld ms; Ctrl-C to "
               "stop)\n",
               http.FrameworkCount(), listen->first.c_str(), http.Port(),
               static_cast<long long>(ready.count()));
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
      "Serve the web app and its JSON API: the published frameworks (levels side by side, what\n"
      "is new at each level, comparisons, role catalogue, search), growth pages, advancement\n"
      "reviews, documented needs and administration. Without a database: the examples.");
  auto options = std::make_shared<ServeOptions>();
  cmd->add_option("--listen", options->listen, "ADDR:PORT to listen on (PORT 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--quiet", options->quiet, "No access log");
  cmd->add_option("--database", options->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  cmd->add_flag("--public", options->public_frameworks,
                "Published frameworks readable without signing in (also $LADDER_PUBLIC=1)")
      ->envname("LADDER_PUBLIC");
  cmd->add_flag("--secure-cookies", options->secure_cookies,
                "Mark session cookies Secure (behind a TLS proxy that sends no "
                "X-Forwarded-Proto)");
  cmd->add_option("--password-checks", options->password_checks,
                  "Password hashes and checks run at once; more wait their turn (each takes "
                  "19 MiB while it runs; also $LADDER_PASSWORD_CHECKS)")
      ->envname("LADDER_PASSWORD_CHECKS")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--reload-seconds", options->reload_seconds,
                  "How often to look for versions published by other processes (0: never)")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  cmd->add_option("files", options->files,
                  "Canonical framework files (YAML or JSON) or directories of them, served "
                  "without a database");
  runs.push_back({cmd, [options] { return RunServe(*options); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(70, ladder::cli::SetUpServe);
