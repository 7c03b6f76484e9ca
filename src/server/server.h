// `ladder serve`: the web app and its JSON API over HTTP (docs/operations.md). HTTP itself is
// server/http_listener.h's (libmicrohttpd: one event loop for the connections, a bounded pool of
// workers for the requests, and the limits of ServerOptions); the routes are those of
// server/routes.h, each checked against its guard (app/access.h) before its handler runs;
// handlers translate between HTTP and the use cases of app/ and nothing else.
//
// Per request: the text of the request must be UTF-8 (400 otherwise, saying where); the caller
// is identified by the session cookie or an `Authorization: Bearer` API token
// (app/accounts.h); a write with a session cookie must carry the session's CSRF token (form
// field `csrf` or header `X-CSRF-Token`), and a cross-site Origin is refused; errors are
// answered by server/http_status.h's mapping, as an HTML page or application/problem+json, and
// internal ones without their detail (which is logged).
//
// The published site (render/site.h) is built from the store's published versions at start and
// rebuilt when they change: at once when published through this server, and within
// `reload_seconds` when another process (another `ladder serve` behind the same load balancer,
// or `ladder load`) published them. Pages of published versions are kept once rendered, with
// their ETag (304 to a matching If-None-Match); responses are compressed when the client
// accepts it.
//
// Thread-safe: requests run on a pool of `threads` workers; Stop() may be called from any thread
// (e.g. the signal watcher) and makes Run() return once requests in flight are answered.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "storage/store.h"

namespace ladder::server {

// How the server's log lines are written on stderr: text (for journald and logrotate) or JSON
// lines (server/json_log.h).
enum class LogFormat { kText, kJson };

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Port())
  // Workers that run handlers; the connections themselves are held by one event loop.
  int threads = 16;
  // Requests waiting for a worker beyond which new ones are answered 503 with Retry-After.
  int queue_max = 256;
  // Open connections in total and from one client address; beyond them new connections are
  // closed at once. Behind a proxy every client has the proxy's address.
  int max_connections = 1024;
  int max_connections_per_client = 64;
  // Deadlines that do not restart when a byte arrives: the request line and headers must be
  // complete within `header_timeout_seconds` of the connection being ready for them (accepted,
  // or its previous answer sent); the body within `body_timeout_seconds` of the headers; the
  // answer must be taken by the client within `send_timeout_seconds`. Past one, the connection
  // is closed.
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 60;
  int send_timeout_seconds = 60;
  // A connection with nothing sent or received for this long is closed (kept-alive ones too).
  int idle_timeout_seconds = 5;
  // Requests on one kept-alive connection; the last answer closes it.
  int keep_alive_requests = 1000;
  // The request line and headers together (431 beyond).
  size_t max_header_bytes = size_t{16} << 10;
  // A request body (413 beyond): documents to import, frameworks pasted into the editor.
  size_t max_body_bytes = size_t{8} << 20;
  // One field of a submitted form, and the number of fields (413 beyond).
  size_t max_form_field_bytes = size_t{8} << 20;
  int max_form_fields = 1000;
  bool access_log = true;  // one line per request on stderr (spdlog)
  LogFormat log_format = LogFormat::kText;
  // The bearer token a scraper sends for /metrics (Prometheus text format); "" turns /metrics
  // off (404). Kept apart from users' API tokens: a scraper needs no account.
  std::string metrics_token;
  // Published frameworks readable without signing in.
  bool public_frameworks = false;
  // Session cookies marked Secure even when the request did not come through TLS (behind a
  // proxy that terminates TLS without saying so with X-Forwarded-Proto).
  bool secure_cookies = false;
  // Addresses of proxies whose X-Forwarded-For / Forwarded header names the client (sign-in
  // throttling, the access log). From any other peer those headers are ignored.
  std::vector<std::string> trusted_proxies;
  // How often the published versions are checked for changes made elsewhere; 0: never.
  int reload_seconds = 5;
  // Job descriptions and the leak check (app/outputs.h): a template for every framework, the
  // folder of the templates frameworks name, and what publishing with public_frameworks lets
  // through (docs/leaks.md).
  std::string jd_template;
  std::string templates_dir;
  std::vector<std::string> internal_domains;
  std::vector<std::string> allow_links;
};

class Server {
 public:
  // `store` must outlive the server.
  Server(ServerOptions options, storage::Store& store);
  ~Server();

  // Builds the published site from the store. Errors: the store's, or the site's.
  Status Load();
  // How many frameworks the published site shows.
  size_t FrameworkCount() const;
  // Binds the address. Errors: kUnavailable (address in use, no permission).
  Status Bind();
  // The bound port (after Bind()).
  int Port() const;
  // Serves until Stop(). REQUIRES: Load() and Bind() succeeded.
  Status Run();
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Blocks SIGINT and SIGTERM in the calling thread (call before starting other threads, so they
// inherit the mask) and starts a thread that calls `on_signal` once when one arrives.
// Returns a function that ends the watcher thread if no signal came.
std::function<void()> WatchShutdownSignals(std::function<void(int signal)> on_signal);

// FNV-1a 64 of `body` as a quoted strong ETag: "\"9f2c…\"".
std::string ETagOf(std::string_view body);

}  // namespace ladder::server
