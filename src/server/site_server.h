// The web app's reading side over HTTP: the pages of render::Site, its static assets, /healthz,
// with ETag/Cache-Control, compression and an access log. cpp-httplib is used only here and in
// site_server.cc (the adapter); handlers translate between HTTP and the Site and nothing else.
//
//   GET /healthz                 200 "ok"
//   GET /, /f/<fw>/..., /roles/..., /search.html?q=..., /static/...   the site's pages
//
// Pages of published framework versions are immutable: they are rendered once, kept with their
// ETag, and answered with 304 to a matching If-None-Match. Responses are gzip- or
// brotli-compressed by cpp-httplib when the client accepts it (Debian's library is built with
// zlib and brotli).
//
// Thread-safe: requests run on a pool of `threads` workers; Stop() may be called from any
// thread (e.g. the signal watcher) and makes Run() return once requests in flight are done.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "base/error.h"
#include "render/site.h"

namespace ladder::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Port())
  int threads = 24;
  int keep_alive_max_count = 1000;
  int keep_alive_timeout_seconds = 5;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  size_t payload_max_bytes = 1 << 20;
  bool access_log = true;  // one line per request on stderr (spdlog)
};

class SiteServer {
 public:
  SiteServer(ServerOptions options, std::shared_ptr<const render::Site> site);
  ~SiteServer();

  // Binds the address. Errors: kUnavailable (address in use, no permission).
  Status Bind();
  // The bound port (after Bind()).
  int Port() const;
  // Serves until Stop(). REQUIRES: Bind() succeeded.
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
