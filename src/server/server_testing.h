// Test support for the HTTP tests of server/: the organisation of test_organisation.h in a
// fresh SQLite file and a real `ladder serve` server on it (port 0, its own thread), reached
// with httplib's client or with raw sockets.
#pragma once

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/accounts.h"
#include "server/server.h"
#include "server/test_organisation.h"
#include "storage/store.h"

namespace ladder::server::testing {

inline std::string TempPath(const std::string& name) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("ladder-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
           ".db"))
      .string();
}

// A server running on a database file until destroyed.
class TestServer {
 public:
  // The options are kept (Quiet() unless a test asks for more) except the address and
  // logging.
  explicit TestServer(const std::string& db_path, ServerOptions options = Quiet())
      : path_(db_path) {
    auto opened = storage::OpenStore("sqlite:" + db_path);
    if (!opened) throw std::runtime_error(opened.error().ToString());
    store_ = std::move(*opened);
    options.host = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    server_ = std::make_unique<Server>(options, *store_);
    if (auto s = server_->Load(); !s) throw std::runtime_error(s.error().ToString());
    if (auto s = server_->Bind(); !s) throw std::runtime_error(s.error().ToString());
    thread_ = std::thread([this] { (void)server_->Run(); });
    // Wait until it answers.
    for (int i = 0; i < 200; ++i) {
      httplib::Client c("127.0.0.1", server_->Port());
      if (auto r = c.Get("/healthz"); r && r->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~TestServer() {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    store_.reset();
  }
  static ServerOptions Quiet() {
    ServerOptions o;
    o.reload_seconds = 0;
    o.threads = 4;
    return o;
  }
  int Port() const { return server_->Port(); }
  storage::Store& store() { return *store_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->Port());
    c.set_keep_alive(false);
    return c;
  }

 private:
  std::string path_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

// A signed-in browser: the session cookie and the CSRF token of its forms.
struct Session {
  std::string user;
  std::string cookie;  // "ladder_session=..."
  std::string csrf;
};

// Signs in through the JSON API. Throws when it fails.
inline Session SignIn(const TestServer& server, const std::string& user) {
  httplib::Client c = server.Client();
  nlohmann::json body = {{"user", user}, {"password", "pw-" + user + "-long"}};
  auto r = c.Post("/api/v1/session", body.dump(), "application/json");
  if (!r || r->status != 201)
    throw std::runtime_error("sign-in of " + user + " failed: " +
                             (r ? std::to_string(r->status) + " " + r->body : "no answer"));
  std::string set = r->get_header_value("Set-Cookie");
  Session s;
  s.user = user;
  s.cookie = set.substr(0, set.find(';'));
  s.csrf = nlohmann::json::parse(r->body).at("csrf_token").get<std::string>();
  return s;
}

// The organisation's users on `server`, each signed in once on first use: what a browser's form
// and an API client send, with the session cookie and the CSRF token.
class Callers {
 public:
  explicit Callers(const TestServer& server) : server_(server) {}
  httplib::Result Get(const std::string& user, const std::string& path) {
    return server_.Client().Get(path, {{"Cookie", Of(user).cookie}});
  }
  // `form` is URL-encoded fields; the CSRF token is added.
  httplib::Result PostForm(const std::string& user, const std::string& path, std::string form) {
    const Session& s = Of(user);
    form += "&csrf=" + httplib::detail::encode_query_param(s.csrf);
    return server_.Client().Post(path, {{"Cookie", s.cookie}}, form,
                                 "application/x-www-form-urlencoded");
  }
  httplib::Result PostJson(const std::string& user, const std::string& path,
                           const nlohmann::json& body) {
    const Session& s = Of(user);
    return server_.Client().Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                                 body.dump(), "application/json");
  }
  const Session& Of(const std::string& user) {
    auto it = sessions_.find(user);
    if (it == sessions_.end()) it = sessions_.emplace(user, SignIn(server_, user)).first;
    return it->second;
  }

 private:
  const TestServer& server_;
  std::map<std::string, Session> sessions_;
};

// -- Raw HTTP: bytes exactly as a client (or an attacker) sends them ---------------------------

// A TCP connection to 127.0.0.1:`port` from the local address `source` (any of 127.0.0.0/8),
// so that tests can be several clients. -1 when it fails.
inline int ConnectFrom(int port, const std::string& source = "127.0.0.1") {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

inline bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads until the peer closes the connection or `timeout` passes. `closed` says which.
inline std::string ReadAll(int fd, std::chrono::milliseconds timeout, bool* closed = nullptr) {
  std::string out;
  auto end = std::chrono::steady_clock::now() + timeout;
  if (closed) *closed = false;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) return out;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return out;
    char buf[16384];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      return out;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

// An answer read from a raw connection.
struct RawAnswer {
  int status = 0;  // 0: no answer
  std::string head;
  std::string body;
  std::string Header(const std::string& name) const {
    std::string lower_head = head, lower_name = name + ":";
    for (char& c : lower_head) c = static_cast<char>(std::tolower(c));
    for (char& c : lower_name) c = static_cast<char>(std::tolower(c));
    size_t at = lower_head.find("\r\n" + lower_name);
    if (at == std::string::npos) return "";
    size_t from = at + 2 + lower_name.size();
    size_t to = head.find("\r\n", from);
    std::string v = head.substr(from, to - from);
    return v.substr(v.find_first_not_of(' '));
  }
};

inline RawAnswer ParseAnswer(const std::string& bytes) {
  RawAnswer a;
  size_t end = bytes.find("\r\n\r\n");
  if (bytes.rfind("HTTP/1.", 0) != 0 || end == std::string::npos) return a;
  a.status = std::atoi(bytes.c_str() + 9);
  a.head = bytes.substr(0, end);
  a.body = bytes.substr(end + 4);
  return a;
}

// Sends `request` (a whole request, as bytes; it should say "Connection: close") from
// `source` and reads the answer.
inline RawAnswer RawHttp(int port, const std::string& request,
                         const std::string& source = "127.0.0.1") {
  int fd = ConnectFrom(port, source);
  if (fd < 0) return {};
  SendAll(fd, request);
  std::string bytes = ReadAll(fd, std::chrono::seconds(10));
  close(fd);
  return ParseAnswer(bytes);
}

}  // namespace ladder::server::testing
