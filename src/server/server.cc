#include "server/server.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdio>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include "app/crypto.h"
#include "app/import_into.h"
#include "app/published_site.h"
#include "base/text.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server {
namespace {

using internal::Exchange;
using internal::Json;
using internal::Services;

// Pages of the published site kept after their first rendering. Bounded so that a crawler
// walking every compare pair of a huge framework cannot exhaust memory; beyond the bound pages
// are rendered on every request.
constexpr size_t kMaxCachedPages = 20000;

// Splits a pattern or a path into segments ("/a/b" -> {"a", "b"}).
std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  for (std::string& s : text::Split(path, '/'))
    if (!s.empty()) out.push_back(std::move(s));
  return out;
}

bool Match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>& params) {
  // The API's address space is its own: a catch-all of pages never answers under /api/.
  if (path.starts_with("/api/") && !pattern.starts_with("/api/")) return false;
  std::vector<std::string> want = Segments(pattern), got = Segments(path);
  params.clear();
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    bool param = w.size() > 2 && w.front() == '{' && w.back() == '}';
    if (param && w.ends_with("...}")) {
      std::string rest;
      for (size_t j = i; j < got.size(); ++j) rest += (j > i ? "/" : "") + got[j];
      if (path.ends_with("/") && !rest.empty()) rest += "/";
      params[w.substr(1, w.size() - 5)] = rest;
      return true;
    }
    if (i >= got.size()) return false;
    if (param) {
      std::string value = httplib::detail::decode_url(got[i], false);
      if (value.empty() || value.find('/') != std::string::npos) return false;
      params[w.substr(1, w.size() - 2)] = value;
    } else if (w != got[i]) {
      return false;
    }
  }
  return want.size() == got.size();
}

std::optional<Method> MethodOf(std::string_view m) {
  if (m == "GET" || m == "HEAD") return Method::kGet;
  if (m == "POST") return Method::kPost;
  if (m == "PUT") return Method::kPut;
  if (m == "PATCH") return Method::kPatch;
  if (m == "DELETE") return Method::kDelete;
  return std::nullopt;
}

void SecurityHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

// The signature of what the site shows: every published version with its publication time.
Result<std::string> PublishedSignature(storage::Store& store) {
  LADDER_TRY(std::vector<storage::FrameworkInfo> frameworks, store.ListFrameworks());
  std::string sig;
  for (const storage::FrameworkInfo& f : frameworks)
    for (const storage::VersionInfo& v : f.versions)
      if (v.status == model::FrameworkStatus::kPublished)
        sig += f.id + "@" + v.version + "@" + v.published_at + "\n";
  return sig;
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

// -- Services and Exchange ----------------------------------------------------------------------

namespace internal {

PageCache& CacheOf(const Services& s) { return *s.pages; }

Status Services::ReloadSite(bool force) {
  std::lock_guard lock(reload_mutex);
  LADDER_TRY(std::string sig, PublishedSignature(store));
  if (!force && sig == site_signature && site.load()) return Ok();
  LADDER_TRY(std::vector<model::Framework> frameworks, app::LoadPublished(store));
  LADDER_TRY(std::unique_ptr<render::Site> built, render::Site::Build(std::move(frameworks)));
  site.store(std::shared_ptr<const render::Site>(std::move(built)));
  site_signature = std::move(sig);
  PageCache& cache = CacheOf(*this);
  std::unique_lock cache_lock(cache.mutex);
  cache.pages.clear();
  return Ok();
}

render::Viewer Exchange::Viewer() const {
  render::Viewer v;
  v.user = principal.user;
  v.name = principal.name;
  v.person = principal.person;
  v.admin = principal.Has(model::UserRole::kAdmin);
  v.author = app::Access::SeesEveryone(principal);
  v.manager = principal.Has(model::UserRole::kManager);
  v.csrf = principal.csrf;
  return v;
}

Date Exchange::Today() const { return app::TodayUtc(); }

const std::string& Exchange::Stamp() const {
  if (!stamp) {
    stamp.emplace();
    if (req.method == "GET" || req.method == "HEAD") {
      if (Result<std::string> s = services.store.WriteStamp(); s) *stamp = std::move(*s);
    }
  }
  return *stamp;
}

app::ReviewSources Exchange::Sources() const {
  app::ReviewSources sources;
  const std::string stamp_now = Stamp();
  if (stamp_now.empty()) return sources;
  Services* s = &services;
  sources.records = [s, stamp_now](std::string_view person) -> Result<storage::PersonRecords> {
    const std::string key(person);
    if (auto hit = s->records_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(storage::PersonRecords r, s->store.LoadPersonRecords(person));
    s->records_cache.Put(key, stamp_now, std::make_shared<const storage::PersonRecords>(r));
    return r;
  };
  sources.needs = [s, stamp_now](std::string_view framework) -> Result<std::vector<model::Need>> {
    const std::string key(framework);
    if (auto hit = s->needs_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(std::vector<model::Need> needs, s->store.ListNeeds(framework));
    s->needs_cache.Put(key, stamp_now, std::make_shared<const std::vector<model::Need>>(needs));
    return needs;
  };
  return sources;
}

std::string Exchange::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

std::string Exchange::Query(const std::string& name) const {
  size_t q = req.target.find('?');
  if (q == std::string::npos) return "";
  httplib::Params query;
  httplib::detail::parse_query_text(req.target.substr(q + 1), query);
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

namespace {

std::string StatusTitle(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

bool IsForm(const httplib::Request& req) {
  return req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

httplib::Params FormOf(const httplib::Request& req) {
  httplib::Params form;
  if (IsForm(req)) httplib::detail::parse_query_text(req.body, form);
  return form;
}

}  // namespace

std::string Exchange::Form(const std::string& name) const {
  std::vector<std::string> all = FormAll(name);
  return all.empty() ? "" : all.front();
}

std::vector<std::string> Exchange::FormAll(const std::string& name) const {
  std::vector<std::string> out;
  if (req.is_multipart_form_data()) {
    auto range = req.files.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second.content);
    return out;
  }
  httplib::Params form = FormOf(req);
  auto range = form.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

bool Exchange::HasForm(const std::string& name) const { return !FormAll(name).empty(); }

Result<Json> Exchange::Body() const {
  if (req.body.empty()) return Json::object();
  Json j = Json::parse(req.body, nullptr, false);
  if (j.is_discarded()) {
    // Parse again with exceptions to learn where it broke.
    try {
      Json ignored = Json::parse(req.body);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      return MakeError(
          ErrorCode::kInvalidArgument,
          "the request body is not JSON: byte " + std::to_string(e.byte) + ": " + e.what(), {},
          "body");
    }
    return MakeError(ErrorCode::kInvalidArgument, "the request body is not JSON", {}, "body");
  }
  if (!j.is_object())
    return MakeError(ErrorCode::kInvalidArgument, "the request body must be a JSON object", {},
                     "body");
  return j;
}

std::string CookieOf(const httplib::Request& req, std::string_view name) {
  for (size_t i = 0, n = req.get_header_value_count("Cookie"); i < n; ++i) {
    std::string header = req.get_header_value("Cookie", i);
    for (const std::string& part : text::Split(header, ';')) {
      std::string_view kv = text::Trim(part);
      size_t eq = kv.find('=');
      if (eq != std::string_view::npos && kv.substr(0, eq) == name)
        return std::string(kv.substr(eq + 1));
    }
  }
  return "";
}

std::string CookieHeader(const Services& services, const httplib::Request& req,
                         std::string_view name, std::string_view value, long max_age,
                         std::string_view same_site, std::string_view path) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                  "; HttpOnly; SameSite=" + std::string(same_site) +
                  "; Max-Age=" + std::to_string(max_age);
  if (services.options.secure_cookies || req.get_header_value("X-Forwarded-Proto") == "https")
    c += "; Secure";
  return c;
}

void Exchange::Html(std::string body, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "text/html; charset=utf-8");
}

void Exchange::SendJson(const Json& body, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(2) + "\n", "application/json; charset=utf-8");
}

void Exchange::Redirect(std::string_view to) {
  std::string target(to);
  // Only local paths: never an open redirect.
  if (target.empty() || target[0] != '/' || target.starts_with("//") ||
      target.find('\\') != std::string::npos || target.find_first_of("\r\n") != std::string::npos)
    target = "/";
  res.status = 303;
  res.set_header("Location", target);
  res.set_header("Cache-Control", "no-store");
}

void WriteProblem(httplib::Response& res, const Error& error, std::string_view instance) {
  int status = HttpStatusFor(error);
  Json p = {{"type", "urn:ladder:error:" + std::string(ErrorCodeName(error.code))},
            {"title", StatusTitle(status)},
            {"status", status},
            {"detail", error.message},
            {"instance", std::string(instance)}};
  if (!error.field.empty()) p["field"] = error.field;
  if (error.where.Known()) p["where"] = error.where.ToString();
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(p.dump(2) + "\n", "application/problem+json");
}

void Exchange::Fail(const Error& error) {
  if (route.api) return WriteProblem(res, error, req.path);
  int status = HttpStatusFor(error);
  if (status == 401 && req.method == "GET") {
    return Redirect("/login?next=" + httplib::detail::encode_query_param(req.target));
  }
  std::string message = error.field.empty() ? error.message : error.field + ": " + error.message;
  Html(render::RenderErrorPage(Viewer(), status, message), status);
}

Result<std::string> StringField(const Json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required)
      return MakeError(ErrorCode::kInvalidArgument, std::string("is required"), {}, name);
    return std::string();
  }
  if (!it->is_string())
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("must be a string, not ") + it->type_name(), {}, name);
  return it->get<std::string>();
}

Result<bool> BoolField(const Json& body, const char* name, bool fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    return MakeError(ErrorCode::kInvalidArgument, "must be true or false", {}, name);
  return it->get<bool>();
}

Result<Date> ParseDateValue(std::string_view field, std::string_view value, Date fallback) {
  if (value.empty()) return fallback;
  Result<Date> d = Date::Parse(value);
  if (!d)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + std::string(value) + "' is not a date of the form YYYY-MM-DD", {},
                     std::string(field));
  return *d;
}

Result<Date> DateField(const Json& body, const char* name, Date fallback) {
  LADDER_TRY(std::string s, StringField(body, name));
  return ParseDateValue(name, s, fallback);
}

// -- The published site ---------------------------------------------------------------------

void Healthz(Exchange& x) {
  x.res.set_header("Cache-Control", "no-cache");
  x.res.set_content("ok\n", "text/plain; charset=utf-8");
}

void SitePage(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  if (!site) return x.Fail(Error{ErrorCode::kUnavailable, "the site is not loaded yet", {}, {}});
  std::map<std::string, std::string> query;
  size_t q = x.req.target.find('?');
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(x.req.target.substr(q + 1), params);
    for (const auto& [key, value] : params) query.emplace(key, value);
  }
  std::string path = x.req.path;
  const bool cacheable = query.empty();
  PageCache& cache = CacheOf(x.services);
  std::shared_ptr<const CachedPage> page;
  if (cacheable) {
    std::shared_lock lock(cache.mutex);
    auto it = cache.pages.find(path);
    if (it != cache.pages.end()) page = it->second;
  }
  if (!page) {
    Result<render::Page> rendered = site->Render(path, query);
    if (!rendered) return x.Fail(rendered.error());
    auto built = std::make_shared<CachedPage>();
    built->content_type = std::move(rendered->content_type);
    built->published = rendered->published;
    const std::string& body = rendered->body;
    size_t slot = built->content_type.rfind("text/html", 0) == 0
                      ? body.find(render::kAccountNavSlot)
                      : std::string::npos;
    if (slot == std::string::npos) {
      built->head = body;
    } else {
      built->has_slot = true;
      built->head = body.substr(0, slot);
      built->tail = body.substr(slot + render::kAccountNavSlot.size());
    }
    built->etag = ETagOf(built->head + built->tail);
    page = built;
    if (cacheable) {
      std::unique_lock lock(cache.mutex);
      if (cache.pages.size() < kMaxCachedPages) cache.pages.emplace(path, page);
    }
  }
  // The account navigation differs per viewer: it takes part in the ETag, and pages seen by a
  // signed-in user are private to them.
  std::string nav = page->has_slot ? render::RenderAccountNav(x.Viewer()) : "";
  std::string etag = page->has_slot ? ETagOf(page->etag + nav) : page->etag;
  x.res.set_header("ETag", etag);
  x.res.set_header("Vary", "Accept-Encoding, Cookie");
  if (path.rfind("/static/", 0) == 0) {
    x.res.set_header("Cache-Control", "public, max-age=86400");
  } else if (x.principal.SignedIn()) {
    x.res.set_header("Cache-Control", "private, no-cache");
  } else {
    x.res.set_header("Cache-Control",
                     page->published && cacheable ? "public, max-age=300" : "no-cache");
  }
  if (x.req.get_header_value("If-None-Match") == etag) {
    x.res.status = 304;
    return;
  }
  x.res.set_content(page->head + nav + page->tail, page->content_type.c_str());
}

}  // namespace internal

// -- The server -----------------------------------------------------------------------------------

struct Server::Impl {
  Impl(ServerOptions options, storage::Store& store) : services(std::move(options), store) {}

  Services services;
  httplib::Server http;
  int port = 0;
  std::thread reloader;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;

  // Who is asking: a bearer token, else the session cookie, else nobody. An invalid token is an
  // error (the client asked to be someone); an ended session is nobody (and the cookie is
  // cleared).
  Result<app::Principal> Identify(const Exchange& x, const httplib::Request& req,
                                  httplib::Response& res) {
    std::string auth = req.get_header_value("Authorization");
    if (!auth.empty()) {
      if (auth.rfind("Bearer ", 0) != 0)
        return MakeError(ErrorCode::kUnauthenticated,
                         "the Authorization header must be 'Bearer <API token>'");
      return services.accounts.AuthenticateToken(text::Trim(auth.substr(7)));
    }
    std::string secret = internal::CookieOf(req, internal::kSessionCookie);
    if (secret.empty()) return app::Principal{};
    // While nothing is written, a session and its user stay as they were read; its end is
    // checked every time.
    const std::string& stamp = x.Stamp();
    const std::string key = stamp.empty() ? "" : app::TokenHash(secret);
    if (!key.empty()) {
      if (std::optional<app::Principal> hit = services.sessions_cache.Get(key, stamp);
          hit && hit->session_expires > NowIso())
        return *hit;
    }
    Result<app::Principal> p = services.accounts.AuthenticateSession(secret);
    if (p && !key.empty()) services.sessions_cache.Put(key, stamp, *p);
    if (!p) {
      if (p.error().code != ErrorCode::kUnauthenticated) return Fail(p.error());
      res.set_header("Set-Cookie",
                     internal::CookieHeader(services, req, internal::kSessionCookie, "", 0));
      return app::Principal{};
    }
    return p;
  }

  // Writes with a session cookie must carry its CSRF token and must not come from another site.
  Status CheckCsrf(const Exchange& x) {
    const httplib::Request& req = x.req;
    if (req.method == "GET" || req.method == "HEAD") return Ok();
    std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && origin != "null") {
      std::string host = req.get_header_value("Host");
      size_t scheme = origin.find("://");
      std::string origin_host = scheme == std::string::npos ? origin : origin.substr(scheme + 3);
      if (origin_host != host)
        return MakeError(ErrorCode::kPermissionDenied,
                         "a cross-site request (Origin " + origin + ") is refused");
    }
    // Public writes (signing in) protect themselves: the sign-in form with its own token, the
    // API's sign-in by asking for JSON.
    if (x.principal.via != app::Principal::Via::kSession || x.route.guard == app::Guard::kPublic)
      return Ok();
    std::string token = req.get_header_value("X-CSRF-Token");
    if (token.empty()) token = x.Form("csrf");
    if (token.empty() || !app::ConstantTimeEquals(token, x.principal.csrf))
      return MakeError(ErrorCode::kPermissionDenied,
                       "the form's security token is missing or out of date: reload the page and "
                       "send it again",
                       {}, "csrf");
    return Ok();
  }

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    SecurityHeaders(res);
    std::optional<Method> method = MethodOf(req.method);
    const internal::Route* found = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;
    for (const internal::Route& r : internal::RouteTable()) {
      if (!Match(r.spec.pattern, req.path, params)) continue;
      path_known = true;
      if (method && r.spec.method == *method) {
        found = &r;
        break;
      }
    }
    if (!found) {
      bool api = req.path.rfind("/api/", 0) == 0;
      Error e{path_known ? ErrorCode::kInvalidArgument : ErrorCode::kNotFound,
              path_known ? req.method + " is not allowed on " + req.path : "nothing at " + req.path,
              {},
              {}};
      if (api || path_known) {
        internal::WriteProblem(res, e, req.path);
        if (path_known) res.status = 405;
      } else {
        res.status = 404;
        res.set_content("Not found\n", "text/plain; charset=utf-8");
      }
      return;
    }
    Exchange x{req, res, services, found->spec, std::move(params), {}, {}};
    Result<app::Principal> principal = Identify(x, req, res);
    if (!principal) return x.Fail(principal.error());
    x.principal = std::move(*principal);
    if (Status csrf = CheckCsrf(x); !csrf) return x.Fail(csrf.error());
    if (found->spec.method != Method::kGet)
      if (Status write = x.principal.MayWrite(); !write) return x.Fail(write.error());
    std::string subject = x.Param(found->spec.guard == app::Guard::kCase ? "case" : "person");
    if (Status allowed = services.access.Check(x.principal, found->spec.guard, subject); !allowed)
      return x.Fail(allowed.error());
    if (found->spec.needs_person && x.principal.person.empty())
      return x.Fail(Error{ErrorCode::kPermissionDenied,
                          "your account is not linked to a person: an admin links it under "
                          "Users",
                          {},
                          {}});
    found->handler(x);
  }

  void ReloadLoop() {
    const auto period = std::chrono::seconds(services.options.reload_seconds);
    std::unique_lock lock(stop_mutex);
    while (!stopping) {
      if (stop_cv.wait_for(lock, period, [this] { return stopping; })) break;
      lock.unlock();
      if (Status s = services.ReloadSite(false); !s)
        spdlog::warn("ladder serve: reloading the published frameworks failed: {}",
                     s.error().ToString());
      lock.lock();
    }
  }
};

Server::Server(ServerOptions options, storage::Store& store)
    : impl_(std::make_unique<Impl>(std::move(options), store)) {
  httplib::Server& http = impl_->http;
  const ServerOptions& o = impl_->services.options;
  const int threads = o.threads;
  // Without TCP_NODELAY delayed ACKs cap the server at a few hundred requests per second.
  http.set_tcp_nodelay(true);
  // Without SO_REUSEPORT (httplib's default): a second server on a port in use must fail to
  // start rather than silently share the port's traffic.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(o.keep_alive_max_count);
  http.set_keep_alive_timeout(o.keep_alive_timeout_seconds);
  http.set_read_timeout(o.read_timeout_seconds, 0);
  http.set_write_timeout(o.write_timeout_seconds, 0);
  http.set_payload_max_length(o.payload_max_bytes);
  Impl* impl = impl_.get();
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Dispatch(req, res);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    spdlog::error("ladder serve: {} {}: {}", req.method, req.path, what);
    internal::WriteProblem(res, Error{ErrorCode::kInternal, "internal error", {}, {}}, req.path);
  });
  if (o.access_log) {
    // The access log goes to stderr, one line per request; stdout stays free for output.
    auto log = std::make_shared<spdlog::logger>("access",
                                                std::make_shared<spdlog::sinks::stderr_sink_mt>());
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      log->info("{} \"{} {}\" {} {}", req.remote_addr, req.method, req.path, res.status,
                res.body.size());
    });
  }
}

Server::~Server() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_cv.notify_all();
  if (impl_->reloader.joinable()) impl_->reloader.join();
}

Status Server::Load() { return impl_->services.ReloadSite(true); }

size_t Server::FrameworkCount() const {
  std::shared_ptr<const render::Site> site = impl_->services.Site();
  return site ? site->Frameworks().size() : 0;
}

Status Server::Bind() {
  httplib::Server& http = impl_->http;
  const ServerOptions& o = impl_->services.options;
  if (o.port == 0) {
    int port = http.bind_to_any_port(o.host.c_str());
    if (port <= 0)
      return MakeError(ErrorCode::kUnavailable, "cannot listen on " + o.host + ": no free port");
    impl_->port = port;
    return Ok();
  }
  if (!http.bind_to_port(o.host.c_str(), o.port))
    return MakeError(ErrorCode::kUnavailable,
                     "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                         " (address in use or not allowed); choose another with --listen");
  impl_->port = o.port;
  return Ok();
}

int Server::Port() const { return impl_->port; }

Status Server::Run() {
  if (impl_->services.options.reload_seconds > 0 && !impl_->reloader.joinable())
    impl_->reloader = std::thread([impl = impl_.get()] { impl->ReloadLoop(); });
  if (!impl_->http.listen_after_bind())
    return MakeError(ErrorCode::kUnavailable, "the server stopped listening unexpectedly");
  return Ok();
}

void Server::Stop() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_cv.notify_all();
  impl_->http.stop();
}

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
