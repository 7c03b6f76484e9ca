#include "server/site_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include "server/http_status.h"

namespace ladder::server {
namespace {

// Pages of the immutable site kept after their first rendering. Bounded so that a crawler
// walking every compare pair of a huge framework cannot exhaust memory; beyond the bound pages
// are rendered on every request.
constexpr size_t kMaxCachedPages = 20000;

struct CachedPage {
  std::string content_type;
  std::string body;
  std::string etag;
  std::string cache_control;
};

std::string CacheControlFor(std::string_view path, const render::Page& page) {
  if (path.rfind("/static/", 0) == 0) return "public, max-age=86400";
  // A published version never changes, but the site may be republished with a newer version
  // under the same address: clients keep the page briefly and revalidate it with its ETag.
  if (page.published) return "public, max-age=300";
  return "no-cache";
}

}  // namespace

std::string ETagOf(std::string_view body) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

struct SiteServer::Impl {
  ServerOptions options;
  std::shared_ptr<const render::Site> site;
  httplib::Server http;
  int port = 0;
  std::shared_mutex cache_mutex;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> cache;

  std::shared_ptr<const CachedPage> Find(const std::string& path) {
    std::shared_lock lock(cache_mutex);
    auto it = cache.find(path);
    return it == cache.end() ? nullptr : it->second;
  }

  void Keep(const std::string& path, std::shared_ptr<const CachedPage> page) {
    std::unique_lock lock(cache_mutex);
    if (cache.size() < kMaxCachedPages) cache.emplace(path, std::move(page));
  }

  static void Write(const CachedPage& page, const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", page.etag);
    res.set_header("Cache-Control", page.cache_control);
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (page.content_type.rfind("text/html", 0) == 0)
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                     "data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    if (req.get_header_value("If-None-Match") == page.etag) {
      res.status = 304;
      return;
    }
    res.set_content(page.body, page.content_type.c_str());
  }

  void WriteError(const Error& error, httplib::Response& res) {
    res.status = HttpStatusFor(error);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(error.ToString() + "\n", "text/plain; charset=utf-8");
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/healthz") {
      res.set_header("Cache-Control", "no-cache");
      res.set_content("ok\n", "text/plain; charset=utf-8");
      return;
    }
    std::map<std::string, std::string> query;
    for (const auto& [key, value] : req.params) query.emplace(key, value);
    // Pages without a query depend on nothing but the site: keep them once rendered.
    const bool cacheable = query.empty();
    if (cacheable) {
      if (auto page = Find(req.path)) return Write(*page, req, res);
    }
    Result<render::Page> page = site->Render(req.path, query);
    if (!page) return WriteError(page.error(), res);
    auto cached = std::make_shared<CachedPage>();
    cached->etag = ETagOf(page->body);
    cached->cache_control = cacheable ? CacheControlFor(req.path, *page) : "no-cache";
    cached->content_type = std::move(page->content_type);
    cached->body = std::move(page->body);
    Write(*cached, req, res);
    if (cacheable) Keep(req.path, std::move(cached));
  }
};

SiteServer::SiteServer(ServerOptions options, std::shared_ptr<const render::Site> site)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->site = std::move(site);
  httplib::Server& http = impl_->http;
  const int threads = impl_->options.threads;
  // Without TCP_NODELAY delayed ACKs cap the server at a few hundred requests per second.
  http.set_tcp_nodelay(true);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(impl_->options.keep_alive_max_count);
  http.set_keep_alive_timeout(impl_->options.keep_alive_timeout_seconds);
  http.set_read_timeout(impl_->options.read_timeout_seconds, 0);
  http.set_write_timeout(impl_->options.write_timeout_seconds, 0);
  http.set_payload_max_length(impl_->options.payload_max_bytes);
  Impl* impl = impl_.get();
  http.Get(".*",
           [impl](const httplib::Request& req, httplib::Response& res) { impl->Serve(req, res); });
  if (impl_->options.access_log) {
    // The access log goes to stderr, one line per request; stdout stays free for output.
    auto log = std::make_shared<spdlog::logger>("access",
                                                std::make_shared<spdlog::sinks::stderr_sink_mt>());
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      log->info("{} \"{} {}\" {} {}", req.remote_addr, req.method, req.target, res.status,
                res.body.size());
    });
  }
}

SiteServer::~SiteServer() = default;

Status SiteServer::Bind() {
  httplib::Server& http = impl_->http;
  if (impl_->options.port == 0) {
    int port = http.bind_to_any_port(impl_->options.host.c_str());
    if (port <= 0)
      return MakeError(ErrorCode::kUnavailable,
                       "cannot listen on " + impl_->options.host + ": no free port");
    impl_->port = port;
    return Ok();
  }
  if (!http.bind_to_port(impl_->options.host.c_str(), impl_->options.port))
    return MakeError(ErrorCode::kUnavailable,
                     "cannot listen on " + impl_->options.host + ":" +
                         std::to_string(impl_->options.port) +
                         " (address in use or not allowed); choose another with --listen");
  impl_->port = impl_->options.port;
  return Ok();
}

int SiteServer::Port() const { return impl_->port; }

Status SiteServer::Run() {
  if (!impl_->http.listen_after_bind())
    return MakeError(ErrorCode::kUnavailable, "the server stopped listening unexpectedly");
  return Ok();
}

void SiteServer::Stop() { impl_->http.stop(); }

std::function<void()> WatchShutdownSignals(std::function<void(int signal)> on_signal) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR2);  // sent by the returned function: end without a callback
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto watcher = std::make_shared<std::thread>([set, on_signal = std::move(on_signal)] {
    int sig = 0;
    if (sigwait(&set, &sig) == 0 && sig != SIGUSR2) on_signal(sig);
  });
  return [watcher] {
    if (!watcher->joinable()) return;
    pthread_kill(watcher->native_handle(), SIGUSR2);
    watcher->join();
  };
}

}  // namespace ladder::server
