// `ladder serve [--listen ADDR:PORT] [--database URL] [--public] [FILE|DIR...]`: the web app and
// its JSON API (server/server.h) on the database (--database, else $LADDER_DATABASE, else
// sqlite:ladder.db). An empty database first gets the examples (examples/*.yaml), published.
// Given files, it serves those instead, from a private in-memory database, readable by anyone.
// Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 2 bad input, 3 when the
// address cannot be bound.
#include <arpa/inet.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include "app/crypto.h"
#include "app/framework_files.h"
#include "app/import_into.h"
#include "app/outputs.h"
#include "app/published_site.h"
#include "cli/command.h"
#include "cli/leak_flags.h"
#include "cli/notify_options.h"
#include "server/json_log.h"
#include "server/server.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> files;
  std::string database;
  bool quiet = false;
  std::string log_format = "text";
  int password_checks = app::kDefaultPasswordWork;
  server::ServerOptions server;  // limits, cookies, proxies, reloading
  LeakFlags leak_flags;
  std::string jd_template;
  std::string templates_dir;
  app::NotifySettings notify;
  int notify_interval = 15;  // seconds between passes of the delivery worker; 0: none
};

// The server's own messages on stderr: "ladder: TEXT" lines, or with --log-format json log lines
// of the JSON log (server/json_log.h), so that every line a log shipper reads is JSON.
bool json_logs = false;
void Say(spdlog::level::level_enum level, const std::string& text) {
  if (json_logs) {
    spdlog::log(level, "{}", text);
  } else {
    std::fprintf(stderr, "ladder: %s%s\n", level == spdlog::level::warn ? "warning: " : "",
                 text.c_str());
  }
}

// On a public site, says which published frameworks carry links the leak check would stop
// (they were published before the check, or by another process): they are served, and
// `ladder lint --leaks stored:ID` lists them.
void WarnOfPublishedLeaks(storage::Store& store, const analysis::LeakOptions& options) {
  Result<std::vector<model::Framework>> published = app::LoadPublished(store);
  if (!published) return;
  for (const model::Framework& fw : *published) {
    std::vector<analysis::Leak> leaks = analysis::FindLeaks(fw, options);
    size_t blocking = static_cast<size_t>(
        std::count_if(leaks.begin(), leaks.end(), [](const auto& l) { return !l.allowed; }));
    if (blocking > 0)
      Say(spdlog::level::warn,
          fmt::format("published {}@{} has {} link(s) that should not be public (ladder lint "
                      "--leaks stored:{}@{})",
                      fw.id, fw.version, blocking, fw.id, fw.version));
  }
}

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
  open.pool_size = options.server.threads;
  LADDER_TRY(std::unique_ptr<storage::Store> store, storage::OpenStore(url, open));
  std::vector<std::string> examples;
  if (auto found = app::ExpandFrameworkPaths({app::ExamplesDir()})) examples = *found;
  LADDER_TRY(std::vector<app::StoredFramework> stored,
             app::PublishIfEmpty(*store, examples, app::TodayUtc(), app::CliActor()));
  for (const app::StoredFramework& s : stored)
    Say(spdlog::level::info,
        fmt::format("empty database: published example {}@{}", s.framework, s.version));
  if (Result<std::vector<model::User>> users = store->ListUsers(); users && users->empty())
    Say(spdlog::level::info,
        "no user yet: create the first admin with\n  ladder user add admin --role admin" +
            (options.database.empty() ? "" : " --database " + options.database));
  return store;
}

// A numeric limit: `--flag N`, also $LADDER_FLAG (dashes as underscores, upper case).
template <typename T>
void AddLimit(CLI::App* cmd, const std::string& flag, T& value, const std::string& help,
              long long min, long long max) {
  std::string env = "LADDER_" + flag.substr(2);
  for (char& c : env) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
  cmd->add_option(flag, value, help + " ($" + env + ")")
      ->envname(env)
      ->check(CLI::Range(min, max))
      ->capture_default_str();
}

// An IPv4 or IPv6 address, as a client or proxy shows in a socket's peer address.
CLI::Validator IpAddress() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        unsigned char buf[sizeof(in6_addr)];
        if (inet_pton(AF_INET, value.c_str(), buf) == 1 ||
            inet_pton(AF_INET6, value.c_str(), buf) == 1)
          return "";
        return "not an IP address: " + value;
      },
      "ADDR");
}

// The delivery worker of notifications (app/notify.h): a pass every `interval` seconds until
// the server stops. Several servers on one PostgreSQL each run one; leases keep them apart.
class DeliveryThread {
 public:
  DeliveryThread(storage::Store& store, const app::NotifySettings& settings, int interval)
      : worker_(store, settings, WorkerName()), interval_(interval) {
    if (interval_ > 0) thread_ = std::thread([this] { Loop(); });
  }
  ~DeliveryThread() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      Result<app::DeliveryReport> report = worker_.RunOnce(NowIso());
      if (!report)
        Say(spdlog::level::warn, "notifications: " + report.error().message);
      else
        for (const std::string& e : report->errors)
          Say(spdlog::level::warn, e + " (retried later)");
      lock.lock();
      cv_.wait_for(lock, std::chrono::seconds(interval_), [this] { return stop_; });
    }
  }

  app::NotifyWorker worker_;
  int interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

int RunServe(const ServeOptions& options) {
  auto started = std::chrono::steady_clock::now();
  if (options.log_format == "json") {
    json_logs = true;
    server::UseJsonLogs();
  }
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
  server::ServerOptions server_options = options.server;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.access_log = !options.quiet;
  if (json_logs) server_options.log_format = server::LogFormat::kJson;
  server_options.public_frameworks = options.server.public_frameworks || !options.files.empty();
  if (!options.files.empty()) server_options.reload_seconds = 0;
  app::OutputSettings settings = app::OutputSettings::FromEnvironment();
  server_options.jd_template =
      options.jd_template.empty() ? settings.jd_template : options.jd_template;
  server_options.templates_dir =
      options.templates_dir.empty() ? settings.templates_dir : options.templates_dir;
  const analysis::LeakOptions leaks = LeakOptionsOf(options.leak_flags);
  server_options.internal_domains = leaks.internal_domains;
  server_options.allow_links = leaks.allow;
  if (server_options.public_frameworks) WarnOfPublishedLeaks(**store, leaks);
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
  // Files served from memory have no people to notify.
  DeliveryThread delivery(**store, options.notify,
                          options.files.empty() ? options.notify_interval : 0);
  if (stop_requested) {  // a signal came before the server was running
    stop_watching();
    return kExitOk;
  }
  auto ready = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  Say(spdlog::level::info,
      fmt::format("serving {} frameworks at http://{}:{}/ (ready in {} ms; Ctrl-C to stop)",
                  http.FrameworkCount(), listen->first, http.Port(), ready.count()));
  Status ran = http.Run();
  running = nullptr;
  stop_watching();
  if (!ran) return ReportError(ran.error());
  Say(spdlog::level::info, "stopped");
  return kExitOk;
}

// The limits on connections and requests (docs/operations.md, "Limits").
void AddConnectionLimits(CLI::App* cmd, server::ServerOptions& o) {
  AddLimit(cmd, "--threads", o.threads, "Worker threads that run requests", 1, 256);
  AddLimit(cmd, "--queue", o.queue_max, "Requests waiting for a worker before new ones get 503", 1,
           1 << 20);
  AddLimit(cmd, "--max-connections", o.max_connections, "Open connections in total", 1, 1 << 20);
  AddLimit(cmd, "--max-connections-per-client", o.max_connections_per_client,
           "Open connections from one address", 1, 1 << 20);
  AddLimit(cmd, "--header-timeout", o.header_timeout_seconds,
           "Seconds for a request's line and headers to arrive, not restarted by each byte", 1,
           3600);
  AddLimit(cmd, "--body-timeout", o.body_timeout_seconds,
           "Seconds for a request's body to arrive, not restarted by each byte", 1, 3600);
  AddLimit(cmd, "--send-timeout", o.send_timeout_seconds,
           "Seconds for the client to take an answer", 1, 3600);
  AddLimit(cmd, "--idle-timeout", o.idle_timeout_seconds,
           "Seconds a connection may stay silent (kept-alive ones too)", 1, 3600);
  AddLimit(cmd, "--keep-alive-requests", o.keep_alive_requests,
           "Requests on one kept-alive connection", 1, 1 << 30);
  AddLimit(cmd, "--max-header-bytes", o.max_header_bytes, "Bytes of a request's line and headers",
           1024, 1 << 20);
  AddLimit(cmd, "--max-body-bytes", o.max_body_bytes, "Bytes of a request's body", 1024, 1 << 30);
  AddLimit(cmd, "--max-form-field-bytes", o.max_form_field_bytes, "Bytes of one form field", 1024,
           1 << 30);
  AddLimit(cmd, "--max-form-fields", o.max_form_fields, "Fields of one form", 1, 1 << 20);
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
  cmd->add_flag("--quiet", options->quiet, "No access log");
  cmd->add_option("--log-format", options->log_format,
                  "Log lines on stderr as text (for journald and logrotate) or json (one object "
                  "per line, with request ids; $LADDER_LOG_FORMAT)")
      ->envname("LADDER_LOG_FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--metrics-token", options->server.metrics_token,
                  "Serve /metrics (Prometheus text format) to a scraper sending this bearer "
                  "token; better set in the settings file or $LADDER_METRICS_TOKEN than on the "
                  "command line")
      ->envname("LADDER_METRICS_TOKEN");
  cmd->add_option("--database", options->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  server::ServerOptions& o = options->server;
  cmd->add_flag("--public", o.public_frameworks,
                "Published frameworks readable without signing in (also $LADDER_PUBLIC=1)")
      ->envname("LADDER_PUBLIC");
  cmd->add_flag("--secure-cookies", o.secure_cookies,
                "Mark session cookies Secure (behind a TLS proxy that sends no "
                "X-Forwarded-Proto)");
  cmd->add_option("--trusted-proxy", o.trusted_proxies,
                  "Address of a proxy whose X-Forwarded-For/Forwarded header names the client "
                  "(repeat or separate with commas; $LADDER_TRUSTED_PROXY)")
      ->envname("LADDER_TRUSTED_PROXY")
      ->delimiter(',')
      ->check(IpAddress());
  cmd->add_option("--password-checks", options->password_checks,
                  "Password hashes and checks run at once; more wait their turn (each takes "
                  "19 MiB while it runs; also $LADDER_PASSWORD_CHECKS)")
      ->envname("LADDER_PASSWORD_CHECKS")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--reload-seconds", o.reload_seconds,
                  "How often to look for versions published by other processes (0: never)")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  AddConnectionLimits(cmd, o);
  AddLeakFlags(cmd, options->leak_flags);
  cmd->add_option("--jd-template", options->jd_template,
                  "An HTML mustache template (*.html.mustache) for every job description page "
                  "(default: $LADDER_JD_TEMPLATE)");
  cmd->add_option("--templates", options->templates_dir,
                  "Folder of the templates frameworks name in jd_template (default: "
                  "$LADDER_TEMPLATES)");
  AddNotifyOptions(cmd, options->notify);
  AddLimit(cmd, "--notify-interval", options->notify_interval,
           "Seconds between passes of the notification delivery worker (0: no worker; run "
           "`ladder notify deliver` instead)",
           0, 86400);
  cmd->add_option("files", options->files,
                  "Canonical framework files (YAML or JSON) or directories of them, served "
                  "without a database");
  runs.push_back({cmd, [options] { return RunServe(*options); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(70, ladder::cli::SetUpServe);
