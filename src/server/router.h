// The dispatcher of `ladder serve`: a request in, an answer out, without sockets (the listener
// calls it on a worker thread; tests and the HTTP fuzzer call it directly). Not for use outside
// server/.
//
// For every request, in order: security headers; the request's text checked as UTF-8 (400
// naming where, with the bytes escaped); the route (404, 405); the caller (session cookie or
// API token); the CSRF token and Origin of writes; the route's guard (app/access.h); then the
// handler. Nothing escapes: an exception anywhere is logged and answered 500.
//
// Thread-safe (Services is).
#pragma once

#include <string>
#include <vector>

#include "server/exchange.h"
#include "server/http_types.h"

namespace ladder::server::internal {

class Router {
 public:
  explicit Router(Services& services) : services_(services) {}

  // Answers `req` in `res` (a fresh Response).
  void Handle(const Request& req, Response& res) noexcept;
  // Answers `req` as Handle() would, but only when that takes neither the store nor any work
  // that could be long: an already rendered page of the published site, or /healthz, for a
  // visitor who is not signed in. Returns false, with `res` untouched, for anything else. The
  // listener calls it on its event loop, so that the pages read most need no worker.
  bool TryQuick(const Request& req, Response& res) noexcept;
  // The answer for a request refused before any handler ran, with `status`: problem+json under
  // /api/, an HTML page elsewhere.
  void Refuse(const Request& req, const Error& error, int status, Response& res) const noexcept;

 private:
  void Dispatch(const Request& req, Response& res);
  // Identifies the caller, checks that they may call `route` (CSRF token and origin of writes,
  // write permission, the route's guard, a linked person when it needs one), then runs its
  // handler. Returns the first error: the router answers with it (Exchange::Fail).
  Status Admit(Exchange& x, const Route& route);
  Result<app::Principal> Identify(const Exchange& x);
  Status CheckCsrf(const Exchange& x) const;

  Services& services_;
};

// Every text of a request that Ladder reads or may show must be UTF-8: the path, the query
// parameters, the form fields (names, values, file names; not file contents), a JSON body, the
// session cookies, and the headers the server reads. Errors: kInvalidArgument whose field says
// where ("path", "query parameter q", "form field title", "body", "cookie ladder_session",
// "header Origin") and whose message shows the offending bytes escaped.
Status CheckRequestText(const Request& req);

// Who is asking: the socket's peer, or, when that peer is one of `trusted_proxies`, the client
// the proxy names in X-Forwarded-For (the nearest address that is not itself a trusted proxy)
// or Forwarded (`for=`). Headers from any other peer are ignored: a client cannot choose its
// own address.
std::string ClientAddress(const Request& req, const std::vector<std::string>& trusted_proxies);

}  // namespace ladder::server::internal
