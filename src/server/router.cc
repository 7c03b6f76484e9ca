#include "server/router.h"

#include <arpa/inet.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/crypto.h"
#include "base/text.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

// The raw path of a target ("/a/b%20c?x" -> {"a", "b c"}), each segment decoded once.
std::vector<std::string> Segments(std::string_view path, bool decode) {
  std::vector<std::string> out;
  for (std::string& s : text::Split(path, '/'))
    if (!s.empty()) out.push_back(decode ? PercentDecode(s, false) : std::move(s));
  return out;
}

// A request's path as the routes see it: its segments, each decoded once.
struct PathParts {
  std::vector<std::string> segments;
  bool trailing_slash = false;
  bool api = false;
};

PathParts PartsOf(const Request& req) {
  const std::string_view raw = std::string_view(req.target).substr(0, req.target.find('?'));
  return {Segments(raw, true), raw.ends_with("/"), req.path.starts_with("/api/")};
}

bool Match(std::string_view pattern, const std::vector<std::string>& want, const PathParts& path,
           std::map<std::string, std::string>& params) {
  // The API's address space is its own: a catch-all of pages never answers under /api/.
  if (path.api && !pattern.starts_with("/api/")) return false;
  const std::vector<std::string>& got = path.segments;
  params.clear();
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    bool param = w.size() > 2 && w.front() == '{' && w.back() == '}';
    if (param && w.ends_with("...}")) {
      std::string rest;
      for (size_t j = i; j < got.size(); ++j) rest += (j > i ? "/" : "") + got[j];
      if (path.trailing_slash && !rest.empty()) rest += "/";
      params[w.substr(1, w.size() - 5)] = rest;
      return true;
    }
    if (i >= got.size()) return false;
    if (param) {
      // One segment: an encoded '/' does not make it two.
      if (got[i].find('/') != std::string::npos) return false;
      params[w.substr(1, w.size() - 2)] = got[i];
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

void SecurityHeaders(Response& res) {
  if (res.has_header("Content-Security-Policy")) return;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

// The headers whose text the server reads, compares or shows.
constexpr std::string_view kTextHeaders[] = {
    "Authorization",   "Content-Type",      "Forwarded", "Host",
    "HX-Request",      "If-None-Match",     "Origin",    "X-CSRF-Token",
    "X-Forwarded-For", "X-Forwarded-Proto",
};
constexpr std::string_view kCookies[] = {kSessionCookie, "ladder_login"};

Status CheckText(std::string_view value, const std::string& where) {
  size_t bad = 0;
  if (text::IsValidUtf8(value, &bad)) return Ok();
  // Enough around the first bad byte to find it, not the whole of a large value.
  const size_t from = bad > 24 ? bad - 24 : 0;
  std::string shown = Printable(value.substr(from, 48));
  if (from > 0) shown = "…" + shown;
  if (from + 48 < value.size()) shown += "…";
  return MakeError(ErrorCode::kInvalidArgument,
                   "is not valid UTF-8 at byte " + std::to_string(bad) + ": \"" + shown +
                       "\" (send text encoded as UTF-8)",
                   {}, where);
}

bool IsJson(std::string_view content_type) {
  std::string type = text::ToLower(text::Trim(content_type.substr(0, content_type.find(';'))));
  return type == "application/json" || type.ends_with("+json");
}

bool IsAddress(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

// The addresses a Forwarded header names with for= (RFC 7239), nearest last.
std::vector<std::string> ForwardedFor(std::string_view header) {
  std::vector<std::string> out;
  for (const std::string& element : text::Split(header, ',')) {
    for (const std::string& pair : text::Split(element, ';')) {
      std::string_view kv = text::Trim(pair);
      if (kv.size() < 4 || !text::IEquals(kv.substr(0, 4), "for=")) continue;
      std::string_view v = kv.substr(4);
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      if (!v.empty() && v.front() == '[') {
        v = v.substr(1, v.find(']') == std::string_view::npos ? v.size() : v.find(']') - 1);
      } else if (std::count(v.begin(), v.end(), ':') == 1) {
        v = v.substr(0, v.find(':'));  // IPv4 with a port
      }
      out.emplace_back(v);
    }
  }
  return out;
}

}  // namespace

Status CheckRequestText(const Request& req) {
  LADDER_TRY_STATUS(CheckText(req.path, "path"));
  if (size_t q = req.target.find('?'); q != std::string::npos) {
    for (const auto& [key, value] : ParseQuery(std::string_view(req.target).substr(q + 1))) {
      LADDER_TRY_STATUS(CheckText(key, "query parameter " + Printable(key)));
      LADDER_TRY_STATUS(CheckText(value, "query parameter " + key));
    }
  }
  for (std::string_view name : kTextHeaders)
    for (size_t i = 0, n = req.get_header_value_count(name); i < n; ++i)
      LADDER_TRY_STATUS(CheckText(req.get_header_value(name, i), "header " + std::string(name)));
  for (std::string_view cookie : kCookies)
    LADDER_TRY_STATUS(CheckText(CookieOf(req, cookie), "cookie " + std::string(cookie)));
  for (const auto& [name, field] : req.form) {
    LADDER_TRY_STATUS(CheckText(name, "form field " + Printable(name)));
    LADDER_TRY_STATUS(CheckText(field.filename, "form field " + name + " (file name)"));
    // A file's content is a document: its encoding is the importer's to detect.
    if (field.filename.empty()) LADDER_TRY_STATUS(CheckText(field.content, "form field " + name));
  }
  if (IsJson(req.get_header_value("Content-Type"))) LADDER_TRY_STATUS(CheckText(req.body, "body"));
  return Ok();
}

std::string ClientAddress(const Request& req, const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](const std::string& a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  if (!trusted(req.remote_addr)) return req.remote_addr;
  std::vector<std::string> hops;
  for (size_t i = 0, n = req.get_header_value_count("X-Forwarded-For"); i < n; ++i)
    for (const std::string& hop : text::Split(req.get_header_value("X-Forwarded-For", i), ','))
      hops.emplace_back(text::Trim(hop));
  if (hops.empty())
    for (size_t i = 0, n = req.get_header_value_count("Forwarded"); i < n; ++i)
      for (std::string& hop : ForwardedFor(req.get_header_value("Forwarded", i)))
        hops.push_back(std::move(hop));
  // From the nearest hop outwards: the first that is not one of ours is the client.
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!IsAddress(*it)) break;  // garbage: trust nothing further out
    if (!trusted(*it)) return *it;
  }
  return req.remote_addr;
}

void Router::Refuse(const Request& req, const Error& error, int status,
                    Response& res) const noexcept {
  try {
    SecurityHeaders(res);
    if (req.path.starts_with("/api/")) return WriteProblem(res, error, req.path, status);
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(
        render::RenderErrorPage({}, status, ErrorText(error, req.method + " " + req.path)),
        "text/html; charset=utf-8");
  } catch (...) {
    res.status = status;
    res.body = "error\n";
  }
}

void Router::Handle(const Request& req, Response& res) noexcept {
  std::string what = "unknown exception";
  try {
    return Dispatch(req, res);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  const std::string_view route = res.route;
  res = Response{};
  res.route = route;
  Refuse(req, Error{ErrorCode::kInternal, "unhandled exception: " + what, {}, {}}, 500, res);
}

// Who is asking: a bearer token, else the session cookie, else nobody. An invalid token is an
// error (the client asked to be someone); an ended session is nobody (and the cookie is
// cleared).
Result<app::Principal> Router::Identify(const Exchange& x) {
  std::string auth = x.req.get_header_value("Authorization");
  if (!auth.empty()) {
    if (auth.rfind("Bearer ", 0) != 0)
      return MakeError(ErrorCode::kUnauthenticated,
                       "the Authorization header must be 'Bearer <API token>'");
    return services_.accounts.AuthenticateToken(text::Trim(auth.substr(7)));
  }
  std::string secret = CookieOf(x.req, kSessionCookie);
  if (secret.empty()) return app::Principal{};
  // While nothing is written, a session and its user stay as they were read; its end is
  // checked every time.
  const std::string& stamp = x.Stamp();
  const std::string key = stamp.empty() ? "" : app::TokenHash(secret);
  if (!key.empty()) {
    if (std::optional<app::Principal> hit = services_.sessions_cache.Get(key, stamp);
        hit && hit->session_expires > NowIso())
      return *hit;
  }
  Result<app::Principal> p = services_.accounts.AuthenticateSession(secret);
  if (p && !key.empty()) services_.sessions_cache.Put(key, stamp, *p);
  if (!p) {
    if (p.error().code != ErrorCode::kUnauthenticated) return Fail(p.error());
    x.res.set_header("Set-Cookie", CookieHeader(services_, x.req, kSessionCookie, "", 0));
    return app::Principal{};
  }
  return p;
}

// Writes with a session cookie must carry its CSRF token and must not come from another site.
Status Router::CheckCsrf(const Exchange& x) const {
  const Request& req = x.req;
  if (req.method == "GET" || req.method == "HEAD") return Ok();
  std::string origin = req.get_header_value("Origin");
  if (!origin.empty() && origin != "null") {
    std::string host = req.get_header_value("Host");
    size_t scheme = origin.find("://");
    std::string origin_host = scheme == std::string::npos ? origin : origin.substr(scheme + 3);
    if (origin_host != host)
      return MakeError(ErrorCode::kPermissionDenied,
                       "a cross-site request (Origin " + Printable(origin) + ") is refused");
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

namespace {

// The route of a request (nullptr when none), its parameters, and whether the path is known
// under another method.
const Route* FindRoute(const Request& req, std::map<std::string, std::string>& params,
                       bool& path_known) {
  // The patterns' segments, split once.
  static const std::vector<std::vector<std::string>> patterns = [] {
    std::vector<std::vector<std::string>> out;
    for (const Route& r : RouteTable()) out.push_back(Segments(r.spec.pattern, false));
    return out;
  }();
  const std::vector<Route>& routes = RouteTable();
  const PathParts path = PartsOf(req);
  std::optional<Method> method = MethodOf(req.method);
  path_known = false;
  for (size_t i = 0; i < routes.size(); ++i) {
    if (!Match(routes[i].spec.pattern, patterns[i], path, params)) continue;
    path_known = true;
    if (method && routes[i].spec.method == *method) return &routes[i];
  }
  return nullptr;
}

// The one place a route's error is answered: handlers, and the checks before them (Admit),
// return their errors.
void Report(Exchange& x, const Status& handled) {
  if (!handled) x.Fail(handled.error());
}

}  // namespace

bool Router::TryQuick(const Request& req, Response& res) noexcept {
  try {
    // Visitors who are not signed in, reading what needs no store.
    if ((req.method != "GET" && req.method != "HEAD") || req.has_header("Authorization") ||
        !CookieOf(req, kSessionCookie).empty() || req.target.find('?') != std::string::npos ||
        !CheckRequestText(req))
      return false;
    std::map<std::string, std::string> params;
    bool path_known = false;
    const Route* found = FindRoute(req, params, path_known);
    if (found == nullptr || (found->handler != SitePage && found->handler != Healthz)) return false;
    const bool open =
        found->spec.guard == app::Guard::kPublic ||
        (found->spec.guard == app::Guard::kFrameworks && services_.options.public_frameworks);
    if (!open) return false;
    std::shared_ptr<const CachedPage> page;
    if (found->handler == SitePage && !(page = CachedSitePage(services_, req.path))) return false;
    SecurityHeaders(res);
    res.route = found->spec.pattern;
    Exchange x{req, res, services_, found->spec, std::move(params), req.remote_addr, {}, {}};
    if (page) {
      ServeSitePage(x, *page, true);
    } else {
      Report(x, Healthz(x));
    }
    return true;
  } catch (...) {
    res = Response{};
    return false;
  }
}

Status Router::Admit(Exchange& x, const Route& route) {
  LADDER_TRY(x.principal, Identify(x));
  LADDER_TRY_STATUS(CheckCsrf(x));
  if (route.spec.method != Method::kGet) LADDER_TRY_STATUS(x.principal.MayWrite());
  std::string subject = x.Param(route.spec.guard == app::Guard::kCase ? "case" : "person");
  LADDER_TRY_STATUS(services_.access.Check(x.principal, route.spec.guard, subject));
  if (route.spec.needs_person && x.principal.person.empty())
    return MakeError(ErrorCode::kPermissionDenied,
                     "your account is not linked to a person: an admin links it under Users");
  return route.handler(x);
}

void Router::Dispatch(const Request& req, Response& res) {
  SecurityHeaders(res);
  if (Status text = CheckRequestText(req); !text) return Refuse(req, text.error(), 400, res);
  std::map<std::string, std::string> params;
  bool path_known = false;
  const Route* found = FindRoute(req, params, path_known);
  if (!found) {
    bool api = req.path.starts_with("/api/");
    Error e{path_known ? ErrorCode::kInvalidArgument : ErrorCode::kNotFound,
            path_known ? req.method + " is not allowed on " + req.path : "nothing at " + req.path,
            {},
            {}};
    if (api || path_known) {
      WriteProblem(res, e, req.path, path_known ? 405 : 0);
    } else {
      res.status = 404;
      res.set_content("Not found\n", "text/plain; charset=utf-8");
    }
    return;
  }
  res.route = found->spec.pattern;
  Exchange x{req, res, services_, found->spec, std::move(params), {}, {}, {}};
  x.client = ClientAddress(req, services_.options.trusted_proxies);
  // The scraper's token is not a user's: /metrics checks it itself.
  Report(x, found->handler == Metrics ? Metrics(x) : Admit(x, *found));
}

}  // namespace ladder::server::internal
