#include "server/http_listener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <random>
#include <thread>
#include <unordered_set>

#include "base/metrics.h"
#include "server/http_compress.h"
#include "server/json_log.h"
#include "server/worker_pool.h"

namespace ladder::server {
namespace {

using Clock = std::chrono::steady_clock;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// What a connection is waiting for; the sweeper holds each phase to its deadline.
enum class Phase : int {
  kHead,      // the request line and headers (from accept, or from the previous answer)
  kBody,      // the body
  kHandling,  // a worker (no deadline: the connection is suspended)
  kSending,   // the client taking the answer
};

// One open connection (libmicrohttpd's socket context).
struct Connection {
  int fd = -1;
  std::string remote_addr;
  int remote_port = 0;
  std::atomic<Phase> phase{Phase::kHead};
  std::atomic<int64_t> since_ns{0};
  bool shut = false;  // shut down by the sweeper (registry mutex)
  int requests = 0;   // event loop only

  void Enter(Phase p) {
    since_ns.store(NowNs(), std::memory_order_relaxed);
    phase.store(p, std::memory_order_release);
  }
};

// One request in flight (libmicrohttpd's request context), from its request line to its
// answer.
struct Call {
  enum class State { kHeaders, kBody, kDispatched };
  State state = State::kHeaders;
  Connection* conn = nullptr;
  MHD_Connection* mhd = nullptr;
  const ServerOptions* limits = nullptr;
  Request req;
  Response res;
  MHD_PostProcessor* post = nullptr;
  size_t body_bytes = 0;
  bool too_large = false;
  std::optional<Error> form_error;
  FormField* field = nullptr;  // the form field being received
  size_t bytes = 0;            // of the answer's body, as sent
  bool close_after = false;    // the last request this connection may make
  MHD_Response* answer = nullptr;
  int status = 0;
  int64_t started_ns = 0;  // when the request line arrived

  ~Call() {
    if (post) MHD_destroy_post_processor(post);
    if (answer) MHD_destroy_response(answer);
  }
};

// The id of a request: the one it carries (from the client or a proxy) when it is 1 to 64
// letters, digits, '-', '_' or '.', else 16 random hex digits.
std::string RequestId(std::string_view given) {
  const bool usable =
      !given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
  if (usable) return std::string(given);
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

std::string AddressText(const sockaddr* addr, int* port) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (addr == nullptr) return "";
  if (addr->sa_family == AF_INET) {
    auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
    *port = ntohs(in->sin_port);
  } else if (addr->sa_family == AF_INET6) {
    auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
    *port = ntohs(in6->sin6_port);
  }
  return buf;
}

// Event loops: one per core (each has its own epoll set and its share of the connections), so
// that the loops keep up while workers are busy.
unsigned LoopThreads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 8u); }

// Answers compressed on the event loop at most this large; larger ones go to a worker.
constexpr size_t kMaxQuickCompressed = 64 << 10;

Error BodyTooLarge(size_t limit) {
  return Error{ErrorCode::kResourceExhausted,
               "the request body is larger than the limit of " + std::to_string(limit) + " bytes",
               {},
               "body"};
}

bool IsFormType(std::string_view type) {
  auto starts = [&](std::string_view prefix) {
    return type.size() >= prefix.size() &&
           !CaseInsensitiveLess()(type.substr(0, prefix.size()), prefix) &&
           !CaseInsensitiveLess()(prefix, type.substr(0, prefix.size()));
  };
  return starts("application/x-www-form-urlencoded") || starts("multipart/form-data");
}

}  // namespace

struct HttpListener::Impl {
  Impl(const ServerOptions& o, Handler h, QuickHandler q, ErrorWriter e)
      : options(o), handler(std::move(h)), quick(std::move(q)), error_writer(std::move(e)) {}

  ServerOptions options;
  Handler handler;
  QuickHandler quick;
  ErrorWriter error_writer;
  int listen_fd = -1;
  int port = 0;
  MHD_Daemon* daemon = nullptr;
  WorkerPool<Call> pool{[this](Call* call) { Work(call); }};
  std::shared_ptr<spdlog::logger> access_log;

  std::mutex registry_mutex;
  std::unordered_set<Connection*> registry;

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;
  // Cleared when stopping begins: connections arriving after that are closed at once.
  std::atomic<bool> accepting{true};

  // -- libmicrohttpd callbacks (event loop) -------------------------------------------------

  static void OnConnection(void* cls, MHD_Connection* mhd, void** socket_context,
                           MHD_ConnectionNotificationCode code) {
    auto* self = static_cast<Impl*>(cls);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      // Without its context (no memory) the connection's requests are refused.
      auto* conn = new (std::nothrow) Connection;
      if (conn == nullptr) return;
      if (const MHD_ConnectionInfo* i =
              MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_CONNECTION_FD))
        conn->fd = i->connect_fd;
      if (const MHD_ConnectionInfo* i =
              MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_CLIENT_ADDRESS))
        conn->remote_addr = AddressText(i->client_addr, &conn->remote_port);
      conn->Enter(Phase::kHead);
      std::lock_guard lock(self->registry_mutex);
      self->registry.insert(conn);
      *socket_context = conn;
      return;
    }
    auto* conn = static_cast<Connection*>(*socket_context);
    if (conn == nullptr) return;
    {
      // The socket is closed after this returns: once out of the registry, the sweeper
      // cannot touch it (nor a new connection that gets the same descriptor).
      std::lock_guard lock(self->registry_mutex);
      self->registry.erase(conn);
    }
    delete conn;
    *socket_context = nullptr;
  }

  static void* OnRequestLine(void* cls, const char* uri, MHD_Connection* mhd) {
    try {
      auto* call = new Call;
      call->started_ns = NowNs();
      call->mhd = mhd;
      call->limits = &static_cast<Impl*>(cls)->options;
      call->req.target = uri ? uri : "";
      if (const MHD_ConnectionInfo* i =
              MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_SOCKET_CONTEXT))
        call->conn = static_cast<Connection*>(i->socket_context);
      return call;
    } catch (...) {
      return nullptr;  // no memory: the request is refused
    }
  }

  static void OnCompleted(void* cls, MHD_Connection* mhd, void** req_cls,
                          MHD_RequestTerminationCode code) {
    (void)cls;
    (void)mhd;
    (void)code;
    auto* call = static_cast<Call*>(*req_cls);
    if (call == nullptr) return;
    if (call->conn) call->conn->Enter(Phase::kHead);
    delete call;
    *req_cls = nullptr;
  }

  static MHD_Result OnAccept(void* cls, const sockaddr*, socklen_t) {
    return static_cast<Impl*>(cls)->accepting.load() ? MHD_YES : MHD_NO;
  }

  static MHD_Result OnRequest(void* cls, MHD_Connection*, const char* url, const char* method,
                              const char* version, const char* data, size_t* size, void** req_cls) {
    (void)url;
    (void)version;
    auto* self = static_cast<Impl*>(cls);
    auto* call = static_cast<Call*>(*req_cls);
    if (call == nullptr || call->conn == nullptr) return MHD_NO;
    // Nothing may unwind through the library's C code: a failure (no memory) closes the
    // connection instead.
    try {
      switch (call->state) {
        case Call::State::kHeaders:
          return self->OnHeaders(call, method);
        case Call::State::kBody:
          if (*size != 0) {
            self->OnBody(call, data, *size);
            *size = 0;
            return MHD_YES;
          }
          return self->OnComplete(call);
        case Call::State::kDispatched:
          return self->Queue(call);
      }
    } catch (...) {
    }
    return MHD_NO;
  }

  static MHD_Result OnHeader(void* cls, MHD_ValueKind kind, const char* key, const char* value) {
    (void)kind;
    try {
      static_cast<Headers*>(cls)->emplace(key ? key : "", value ? value : "");
      return MHD_YES;
    } catch (...) {
      return MHD_NO;
    }
  }

  static MHD_Result OnFormData(void* cls, MHD_ValueKind kind, const char* key, const char* filename,
                               const char* content_type, const char* transfer_encoding,
                               const char* data, uint64_t off, size_t size) {
    (void)kind;
    (void)transfer_encoding;
    try {
      return FormData(static_cast<Call*>(cls), key, filename, content_type, data, off, size);
    } catch (...) {
      return MHD_NO;
    }
  }

  // Adds a chunk of a form field to the request (a new field when `off` is 0).
  static MHD_Result FormData(Call* call, const char* key, const char* filename,
                             const char* content_type, const char* data, uint64_t off, size_t size);

  MHD_Result OnHeaders(Call* call, const char* method);
  void OnBody(Call* call, const char* data, size_t size);
  MHD_Result OnComplete(Call* call);
  MHD_Result Queue(Call* call);
  // Answers at once from the event loop with `error` (413, 431, 503, 400).
  MHD_Result Refuse(Call* call, const Error& error, int status);
  // Turns call->res into call->answer (compressed when accepted).
  void BuildAnswer(Call* call);
  void Work(Call* call);
  void Log(const Call& call) const;
  static void OnLibraryMessage(void* cls, const char* format, va_list ap) {
    (void)cls;
    char buf[512];
    std::vsnprintf(buf, sizeof buf, format, ap);
    std::string_view text = buf;
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    // Per connection (a client that went away, a malformed request, a limit reached): details
    // for debugging, not for the operator's log, which an attacker could flood; connections
    // closed by a deadline show in the access log.
    spdlog::debug("ladder serve: {}", text);
  }
  void Sweep();
  void Teardown();
};

// -- Requests --------------------------------------------------------------------------------

MHD_Result HttpListener::Impl::OnHeaders(Call* call, const char* method) {
  Connection& conn = *call->conn;
  Request& req = call->req;
  req.method = method ? method : "";
  req.path = PercentDecode(std::string_view(req.target).substr(0, req.target.find('?')), false);
  req.remote_addr = conn.remote_addr;
  req.remote_port = conn.remote_port;
  MHD_get_connection_values(call->mhd, MHD_HEADER_KIND, &Impl::OnHeader, &req.headers);
  req.id = RequestId(req.get_header_value("X-Request-Id"));
  call->close_after = ++conn.requests >= options.keep_alive_requests;
  conn.Enter(Phase::kBody);
  call->state = Call::State::kBody;
  if (const MHD_ConnectionInfo* i =
          MHD_get_connection_info(call->mhd, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
      i && i->header_size > options.max_header_bytes)
    return Refuse(call,
                  Error{ErrorCode::kInvalidArgument,
                        "the request's headers are larger than " +
                            std::to_string(options.max_header_bytes) + " bytes",
                        {},
                        "headers"},
                  431);
  const std::string length = req.get_header_value("Content-Length");
  if (!length.empty()) {
    errno = 0;
    char* end = nullptr;
    unsigned long long n = std::strtoull(length.c_str(), &end, 10);
    if (errno == 0 && end && *end == '\0' && n > options.max_body_bytes)
      return Refuse(call, BodyTooLarge(options.max_body_bytes), 413);
  }
  // Forms are the pages' (the API takes JSON, YAML and documents, whatever curl calls them).
  if (!req.path.starts_with("/api/") && IsFormType(req.get_header_value("Content-Type"))) {
    req.multipart = req.get_header_value("Content-Type").find("multipart/") == 0;
    call->post = MHD_create_post_processor(call->mhd, 64 * 1024, &Impl::OnFormData, call);
    if (call->post == nullptr)
      call->form_error = Error{ErrorCode::kInvalidArgument,
                               "the form's Content-Type has no boundary or is not understood",
                               {},
                               "Content-Type"};
  }
  return MHD_YES;
}

MHD_Result HttpListener::Impl::FormData(Call* call, const char* key, const char* filename,
                                        const char* content_type, const char* data, uint64_t off,
                                        size_t size) {
  const ServerOptions& limits = *call->limits;
  const std::string name = key ? key : "";
  if (off == 0 || call->field == nullptr) {
    if (call->req.form.size() >= static_cast<size_t>(limits.max_form_fields)) {
      call->form_error =
          Error{ErrorCode::kResourceExhausted,
                "the form has more than " + std::to_string(limits.max_form_fields) + " fields",
                {},
                "body"};
      return MHD_NO;
    }
    FormField field;
    if (filename) field.filename = filename;
    if (content_type) field.content_type = content_type;
    call->field = &call->req.form.emplace(name, std::move(field))->second;
  }
  if (call->field->content.size() + size > limits.max_form_field_bytes) {
    call->form_error = Error{ErrorCode::kResourceExhausted,
                             "the form field is larger than the limit of " +
                                 std::to_string(limits.max_form_field_bytes) + " bytes",
                             {},
                             Printable(name)};
    return MHD_NO;
  }
  if (size) call->field->content.append(data, size);
  return MHD_YES;
}

void HttpListener::Impl::OnBody(Call* call, const char* data, size_t size) {
  call->body_bytes += size;
  if (call->too_large || call->form_error) return;  // read and dropped until the end
  if (call->body_bytes > options.max_body_bytes) {
    call->too_large = true;
    call->req.body.clear();
    call->req.form.clear();
    return;
  }
  if (call->post) {
    if (MHD_post_process(call->post, data, size) != MHD_YES && !call->form_error)
      call->form_error = Error{ErrorCode::kInvalidArgument,
                               "the form's body is malformed (or a field's name is longer than "
                               "64 KiB)",
                               {},
                               "body"};
    return;
  }
  call->req.body.append(data, size);
}

MHD_Result HttpListener::Impl::OnComplete(Call* call) {
  if (call->post) {
    MHD_Result done = MHD_destroy_post_processor(call->post);
    call->post = nullptr;
    if (done != MHD_YES && !call->form_error && !call->too_large)
      call->form_error = Error{ErrorCode::kInvalidArgument,
                               "the form's body ends before its last field does",
                               {},
                               "body"};
  }
  if (call->too_large) return Refuse(call, BodyTooLarge(options.max_body_bytes), 413);
  if (call->form_error) {
    const bool size = call->form_error->code == ErrorCode::kResourceExhausted;
    return Refuse(call, *call->form_error, size ? 413 : 400);
  }
  if (quick && quick(call->req, call->res)) {
    const bool gzip = AcceptsGzip(call->req.get_header_value("Accept-Encoding"));
    if (!gzip || call->res.body.size() <= kMaxQuickCompressed) {
      BuildAnswer(call);
      Log(*call);
      return Queue(call);
    }
    call->res = Response{};  // compressing it is a worker's job
  }
  call->conn->Enter(Phase::kHandling);
  if (!pool.Reserve()) {
    call->res.set_header("Retry-After", "1");
    return Refuse(
        call,
        Error{ErrorCode::kResourceExhausted, "the server is busy: try again in a moment", {}, {}},
        503);
  }
  call->state = Call::State::kDispatched;
  MHD_suspend_connection(call->mhd);
  pool.Submit(call);
  return MHD_YES;
}

MHD_Result HttpListener::Impl::Refuse(Call* call, const Error& error, int status) {
  error_writer(call->req, error, status, call->res);
  call->res.status = status;
  call->close_after = true;  // what is left of the request is not read
  BuildAnswer(call);
  Log(*call);
  return Queue(call);
}

MHD_Result HttpListener::Impl::Queue(Call* call) {
  if (call->answer == nullptr) return MHD_NO;
  call->conn->Enter(Phase::kSending);
  MHD_Result queued = MHD_queue_response(call->mhd, call->status, call->answer);
  MHD_destroy_response(call->answer);
  call->answer = nullptr;
  return queued;
}

void HttpListener::Impl::Work(Call* call) {
  try {
    handler(call->req, call->res);
  } catch (...) {
    // Handlers do not throw (the router catches everything); this is the last line.
    call->res = Response{};
    call->res.status = 500;
    call->res.set_content("internal error\n", "text/plain; charset=utf-8");
  }
  try {
    BuildAnswer(call);
    Log(*call);
  } catch (...) {
    // No answer: the connection is closed when it resumes.
  }
  MHD_resume_connection(call->mhd);
}

void HttpListener::Impl::BuildAnswer(Call* call) {
  Response& res = call->res;
  call->status = res.status;
  auto* body = new std::string(std::move(res.body));
  if (!body->empty() && AcceptsGzip(call->req.get_header_value("Accept-Encoding")) &&
      IsCompressible(res.get_header_value("Content-Type"))) {
    if (std::optional<std::string> gz = Gzip(*body)) {
      *body = std::move(*gz);
      res.set_header("Content-Encoding", "gzip");
      if (!res.has_header("Vary")) res.set_header("Vary", "Accept-Encoding");
    }
  }
  MHD_Response* answer = MHD_create_response_from_buffer_with_free_callback_cls(
      body->size(), body->data(), [](void* p) { delete static_cast<std::string*>(p); }, body);
  if (answer == nullptr) {
    delete body;
    return;
  }
  for (const auto& [name, value] : res.headers)
    MHD_add_response_header(answer, name.c_str(), value.c_str());
  if (!call->req.id.empty()) MHD_add_response_header(answer, "X-Request-Id", call->req.id.c_str());
  if (call->close_after) MHD_add_response_header(answer, "Connection", "close");
  call->answer = answer;
  call->bytes = body->size();
  res.body.clear();
}

namespace {

// An access-log entry as a JSON object (server/json_log.h adds the time and level).
std::string AccessLogJson(const Call& call, double seconds) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.3f", seconds * 1e3);
  return "{\"request_id\":" + JsonString(call.req.id) +
         ",\"client\":" + JsonString(call.req.remote_addr) +
         ",\"method\":" + JsonString(call.req.method) + ",\"path\":" + JsonString(call.req.path) +
         ",\"route\":" + JsonString(call.res.route) + ",\"status\":" + std::to_string(call.status) +
         ",\"bytes\":" + std::to_string(call.bytes) + ",\"ms\":" + ms + "}";
}

}  // namespace

void HttpListener::Impl::Log(const Call& call) const {
  const double seconds = static_cast<double>(NowNs() - call.started_ns) / 1e9;
  metrics::CountRequest(call.res.route, call.req.method, call.status, seconds);
  if (!access_log) return;
  if (options.log_format == LogFormat::kJson) {
    access_log->info(AccessLogJson(call, seconds));
    return;
  }
  access_log->info("{} \"{} {}\" {} {} {:.1f}ms {}", call.req.remote_addr,
                   Printable(call.req.method), Printable(call.req.path), call.status, call.bytes,
                   seconds * 1e3, call.req.id);
}

// -- Deadlines -------------------------------------------------------------------------------

void HttpListener::Impl::Sweep() {
  const int64_t now = NowNs();
  auto limit_ns = [](int seconds) { return int64_t{seconds} * 1'000'000'000; };
  std::lock_guard lock(registry_mutex);
  for (Connection* conn : registry) {
    if (conn->shut) continue;
    const Phase phase = conn->phase.load(std::memory_order_acquire);
    const int64_t age = now - conn->since_ns.load(std::memory_order_relaxed);
    const char* what = nullptr;
    if (phase == Phase::kHead && age > limit_ns(options.header_timeout_seconds)) {
      what = "request head";
    } else if (phase == Phase::kBody && age > limit_ns(options.body_timeout_seconds)) {
      what = "request body";
    } else if (phase == Phase::kSending && age > limit_ns(options.send_timeout_seconds)) {
      what = "answer (not taken)";
    }
    if (what == nullptr) continue;
    // The event loop sees the shut socket and closes the connection itself.
    shutdown(conn->fd, SHUT_RDWR);
    conn->shut = true;
    if (access_log)
      access_log->info("{} closed: {} not complete within its deadline", conn->remote_addr, what);
  }
}

// -- The listener ----------------------------------------------------------------------------

HttpListener::HttpListener(const ServerOptions& options, Handler handler, QuickHandler quick,
                           ErrorWriter error_writer)
    : impl_(std::make_unique<Impl>(options, std::move(handler), std::move(quick),
                                   std::move(error_writer))) {
  if (options.access_log) {
    // The access log goes to stderr, one line per request; stdout stays free for output.
    impl_->access_log = std::make_shared<spdlog::logger>(
        "access", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    if (options.log_format == LogFormat::kJson)
      impl_->access_log->set_formatter(JsonLineFormatter());
  }
}

HttpListener::~HttpListener() {
  Stop();
  if (impl_->listen_fd >= 0) close(impl_->listen_fd);
}

Status HttpListener::Bind() {
  const ServerOptions& o = impl_->options;
  const std::string where = o.host + ":" + std::to_string(o.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (int rc = getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found); rc)
    return MakeError(ErrorCode::kUnavailable,
                     "cannot listen on " + where + ": " + gai_strerror(rc));
  int fd = -1, error = 0;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      error = errno;
      continue;
    }
    // SO_REUSEADDR (restart without waiting for TIME_WAIT), never SO_REUSEPORT.
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
      error = errno;
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0)
    return MakeError(ErrorCode::kUnavailable,
                     "cannot listen on " + where + " (" +
                         (error == EADDRINUSE ? "address in use" : std::strerror(error)) +
                         "; address in use or not allowed); choose another with --listen");
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
  impl_->port = 0;
  AddressText(reinterpret_cast<sockaddr*>(&bound), &impl_->port);
  impl_->listen_fd = fd;
  // Each connection is a descriptor: allow as many as the limit asks for, if the hard limit
  // lets us.
  rlimit files{};
  const rlim_t wanted = static_cast<rlim_t>(o.max_connections) + 256;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < wanted) {
    files.rlim_cur = std::min(wanted, files.rlim_max);
    setrlimit(RLIMIT_NOFILE, &files);
  }
  return Ok();
}

int HttpListener::Port() const { return impl_->port; }

namespace {

// Daemons being stopped. libmicrohttpd panics (aborts the process) when taking the listening
// socket out of a loop's epoll set fails; while a daemon stops, its loop threads and the thread
// stopping it can race over that socket (Teardown avoids MHD_quiesce_daemon for this reason),
// so such a failure is logged and stopping goes on. Any other panic, or one while nothing is
// stopping, still aborts.
std::atomic<int> stopping_daemons{0};

void OnLibraryPanic(void*, const char* file, unsigned int line, const char* reason) {
  const bool tolerated = stopping_daemons.load() > 0;
  spdlog::error("libmicrohttpd {}:{}: {}{}", file ? file : "?", line, reason ? reason : "",
                tolerated ? " (while stopping; ignored)" : "");
  if (!tolerated) std::abort();
}

void InstallLibraryPanicHandler() {
  static std::once_flag once;
  std::call_once(once, [] { MHD_set_panic_func(&OnLibraryPanic, nullptr); });
}

}  // namespace

Status HttpListener::Run() {
  Impl& impl = *impl_;
  const ServerOptions& o = impl.options;
  {
    std::lock_guard lock(impl.stop_mutex);
    if (impl.stopping) return Ok();
  }
  impl.pool.Start(o.threads, static_cast<size_t>(o.queue_max));
  // The pool of each connection holds the request head and the read buffer; the head's own
  // limit is checked exactly once it is parsed.
  const size_t memory = std::max<size_t>(o.max_header_bytes + 16384, 32768);
  InstallLibraryPanicHandler();
  impl.daemon = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG, 0,
      &Impl::OnAccept, &impl, &Impl::OnRequest, &impl,
      // The library's own messages (limits reached, malformed requests) go to the log.
      MHD_OPTION_EXTERNAL_LOGGER, &Impl::OnLibraryMessage, &impl,  //
      MHD_OPTION_LISTEN_SOCKET, impl.listen_fd,                    //
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(o.max_connections),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(o.max_connections_per_client),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(o.idle_timeout_seconds),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,                //
      MHD_OPTION_NOTIFY_CONNECTION, &Impl::OnConnection, &impl,  //
      MHD_OPTION_URI_LOG_CALLBACK, &Impl::OnRequestLine, &impl,  //
      MHD_OPTION_NOTIFY_COMPLETED, &Impl::OnCompleted, &impl,    //
      MHD_OPTION_THREAD_POOL_SIZE, LoopThreads(), MHD_OPTION_END);
  if (impl.daemon == nullptr) {
    impl.pool.Drain();
    return MakeError(ErrorCode::kUnavailable, "the HTTP server could not start");
  }
  std::unique_lock lock(impl.stop_mutex);
  while (!impl.stopping) {
    impl.stop_cv.wait_for(lock, std::chrono::milliseconds(250));
    lock.unlock();
    impl.Sweep();
    lock.lock();
  }
  lock.unlock();
  impl.Teardown();
  return Ok();
}

void HttpListener::Impl::Teardown() {
  stopping_daemons.fetch_add(1);
  struct Done {
    ~Done() { stopping_daemons.fetch_sub(1); }
  } done;
  // No new connections; the requests in flight are answered and their answers sent (for a
  // moment at most); then the connections are closed. New connections are refused by the
  // accept policy rather than by MHD_quiesce_daemon, whose removal of the listening socket from
  // each loop's epoll set races the loops doing the same.
  accepting.store(false);
  pool.Drain();
  for (int i = 0; i < 200; ++i) {
    bool busy = false;
    {
      std::lock_guard lock(registry_mutex);
      for (Connection* conn : registry)
        busy = busy || conn->phase.load() == Phase::kSending || conn->phase.load() == Phase::kBody;
    }
    if (!busy) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  MHD_stop_daemon(daemon);
  daemon = nullptr;
  listen_fd = -1;  // closed by the library if it was not handed back
}

void HttpListener::Stop() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_cv.notify_all();
}

}  // namespace ladder::server
