// The HTTP side of `ladder serve`, on libmicrohttpd: the only file that knows the library.
//
// Workload: many connections, most of them idle or slow (browsers keeping connections alive,
// clients on poor links, and attackers trickling bytes), and short requests answered from
// memory or one database read. So connections are held by one epoll event loop that costs no
// thread per connection; a request whose head and body are complete is handed to a bounded pool
// of workers (the connection is suspended meanwhile) that runs the handler and builds the
// answer. When `queue_max` requests already wait for a worker, a new one is answered 503 with
// Retry-After instead of queueing without bound. What can be answered at once without blocking
// (the QuickHandler: pages already rendered) is answered on the loop, without a worker. There
// is one loop per core, each with its share of the connections.
//
// Limits (ServerOptions): connections in total and per client address, an idle timeout, and
// deadlines that do not restart when a byte arrives (the request head, the body, taking the
// answer), enforced by a sweeper thread that shuts down connections past them; requests per
// kept-alive connection; the size of the head (431), of the body (413, answered before the body
// is read when Content-Length says so) and of each form field (413). Forms sent to pages
// (url-encoded and multipart; not under /api/, which takes JSON, YAML and documents whatever
// their type says) are decoded by libmicrohttpd's post processor into Request::form.
//
// Answers are compressed with gzip when the client accepts it and the content is text; HEAD is
// answered without the body; each request is logged (ServerOptions::access_log).
//
// Thread-safe: Stop() may be called from any thread.
#pragma once

#include <functional>
#include <memory>

#include "base/error.h"
#include "server/http_types.h"
#include "server/server.h"

namespace ladder::server {

class HttpListener {
 public:
  // Answers a request. Runs on a worker thread; must not throw.
  using Handler = std::function<void(const Request&, Response&)>;
  // Answers a request at once when that is quick and cannot block (true), or leaves it to a
  // worker (false, `res` untouched). Runs on the event loop; must not throw.
  using QuickHandler = std::function<bool(const Request&, Response&)>;
  // Answers a request the listener refuses itself (413, 431, 503, a malformed form) with
  // `error` and `status`, as a page or as problem+json. Runs on the event loop; must not throw.
  using ErrorWriter = std::function<void(const Request&, const Error&, int status, Response&)>;

  HttpListener(const ServerOptions& options, Handler handler, QuickHandler quick,
               ErrorWriter error_writer);
  ~HttpListener();

  // Creates the listening socket (SO_REUSEADDR, never SO_REUSEPORT: a second server on a busy
  // port fails). Errors: kUnavailable naming the address.
  Status Bind();
  // The bound port (after Bind()).
  int Port() const;
  // Serves until Stop(): returns once the requests in flight are answered. REQUIRES: Bind().
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ladder::server
