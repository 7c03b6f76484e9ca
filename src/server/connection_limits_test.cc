// Slow and greedy clients over real sockets: connections that trickle their headers, too many
// connections from one address or in all, bodies and headers over their limits, kept-alive
// connections past their cap, and a full queue. Slow clients come from 127.0.0.2 and up, so
// that per-address limits and the probes' own address (127.0.0.1) are distinct.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "server/http_types.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using testing::RawAnswer;
using testing::Session;
using testing::TestServer;

class ConnectionLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("limits");
    testing::BuildOrganisation(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  void Start(ServerOptions o) { server_ = std::make_unique<TestServer>(db_, o); }
  static std::string Source(int i) { return "127.0.0." + std::to_string(2 + i); }
  // True when the server closed `fd` within `within`.
  static bool ClosedWithin(int fd, milliseconds within) {
    bool closed = false;
    testing::ReadAll(fd, within, &closed);
    return closed;
  }

  std::string db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ConnectionLimitsTest, TwoHundredSlowClientsDoNotStopOthers) {
  ServerOptions o = TestServer::Quiet();
  o.header_timeout_seconds = 3;
  Start(o);
  Session emp = testing::SignIn(*server_, "emp");
  // 200 connections, 20 from each of ten addresses, each sending a request line and then one
  // header line a second: each line is in time, the whole head never is.
  std::vector<int> slow;
  for (int i = 0; i < 200; ++i) {
    int fd = testing::ConnectFrom(server_->Port(), Source(i % 10));
    ASSERT_GE(fd, 0) << i;
    ASSERT_TRUE(testing::SendAll(fd, "GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    fcntl(fd, F_SETFL, O_NONBLOCK);
    slow.push_back(fd);
  }
  std::atomic<bool> done = false;
  std::thread trickle([&] {
    for (int line = 0; !done; ++line) {
      for (int fd : slow) (void)send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
      for (int k = 0; k < 10 && !done; ++k) std::this_thread::sleep_for(milliseconds(100));
    }
  });
  // Meanwhile the health probe and a signed-in page answer, every time and quickly.
  httplib::Client c("127.0.0.1", server_->Port());
  c.set_connection_timeout(2);
  c.set_read_timeout(2);
  milliseconds slowest{0};
  int answered = 0;
  const auto start = Clock::now();
  while (Clock::now() - start < std::chrono::seconds(5)) {
    for (const char* path : {"/healthz", "/me"}) {
      auto t0 = Clock::now();
      auto r = c.Get(path, {{"Cookie", emp.cookie}});
      slowest = std::max(slowest, std::chrono::duration_cast<milliseconds>(Clock::now() - t0));
      ASSERT_TRUE(r) << path << " did not answer";
      EXPECT_EQ(r->status, 200) << path;
      ++answered;
    }
    std::this_thread::sleep_for(milliseconds(100));
  }
  done = true;
  trickle.join();
  EXPECT_GT(answered, 20);
  EXPECT_LT(slowest.count(), 1000) << "the slowest probe took " << slowest.count() << " ms";
  // The deadline did not restart with each line: every slow connection was closed, none got an
  // answer.
  int closed = 0;
  for (int fd : slow) {
    fcntl(fd, F_SETFL, 0);
    closed += ClosedWithin(fd, milliseconds(1000)) ? 1 : 0;
    close(fd);
  }
  EXPECT_EQ(closed, 200);
}

TEST_F(ConnectionLimitsTest, ConnectionsPerAddressAndInAllAreLimited) {
  ServerOptions o = TestServer::Quiet();
  o.max_connections_per_client = 10;
  o.max_connections = 40;
  Start(o);
  std::vector<int> held;
  for (int i = 0; i < 10; ++i) held.push_back(testing::ConnectFrom(server_->Port(), Source(0)));
  std::this_thread::sleep_for(milliseconds(200));
  // The eleventh from that address is closed at once; other addresses are still served.
  int extra = testing::ConnectFrom(server_->Port(), Source(0));
  ASSERT_GE(extra, 0);
  EXPECT_TRUE(ClosedWithin(extra, milliseconds(2000)));
  close(extra);
  EXPECT_EQ(
      testing::RawHttp(server_->Port(),
                       "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Source(1))
          .status,
      200);
  // In all: with 40 connections open, the next one waits (it is not accepted) until one of
  // them ends.
  // (Addresses other than Source(1), whose /healthz connection the server may still be closing:
  // counted against that address, it would turn one of these away.)
  for (int i = 0; i < 30; ++i)
    held.push_back(testing::ConnectFrom(server_->Port(), Source(2 + i / 10)));
  std::this_thread::sleep_for(milliseconds(200));
  int over = testing::ConnectFrom(server_->Port(), Source(7));
  ASSERT_GE(over, 0);
  testing::SendAll(over, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(testing::ReadAll(over, milliseconds(1000)), "");
  for (size_t i = 0; i < 5; ++i) close(held[i]);
  EXPECT_EQ(testing::ParseAnswer(testing::ReadAll(over, milliseconds(3000))).status, 200);
  close(over);
  for (size_t i = 5; i < held.size(); ++i) close(held[i]);
}

TEST_F(ConnectionLimitsTest, IdleAndSlowBodiesAreClosed) {
  ServerOptions o = TestServer::Quiet();
  o.idle_timeout_seconds = 1;
  o.body_timeout_seconds = 2;
  Start(o);
  // Silent after connecting: closed by the idle timeout.
  int idle = testing::ConnectFrom(server_->Port(), Source(0));
  auto t0 = Clock::now();
  EXPECT_TRUE(ClosedWithin(idle, milliseconds(4000)));
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(3500));
  close(idle);
  // A body trickled a byte every half second: each byte is in time, the body is not.
  int fd = testing::ConnectFrom(server_->Port(), Source(0));
  testing::SendAll(fd,
                   "POST /api/v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/yaml\r\n"
                   "Content-Length: 100\r\n\r\n");
  t0 = Clock::now();
  bool closed = false;
  for (int i = 0; i < 12 && !closed; ++i) {
    if (!testing::SendAll(fd, "x")) break;
    testing::ReadAll(fd, milliseconds(500), &closed);
  }
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(4000));
  close(fd);
}

TEST_F(ConnectionLimitsTest, KeptAliveConnectionsEndAfterTheirRequests) {
  ServerOptions o = TestServer::Quiet();
  o.keep_alive_requests = 3;
  Start(o);
  int fd = testing::ConnectFrom(server_->Port(), Source(0));
  std::string all;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(testing::SendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    std::string got = testing::ReadAll(fd, milliseconds(300));
    EXPECT_EQ(got.rfind("HTTP/1.1 200", 0), 0u) << i << ": " << got;
    all += got;
  }
  EXPECT_NE(all.find("Connection: close"), std::string::npos) << all;
  EXPECT_TRUE(ClosedWithin(fd, milliseconds(1000)));
  close(fd);
}

TEST_F(ConnectionLimitsTest, HeadersAndBodiesOverTheirLimits) {
  ServerOptions o = TestServer::Quiet();
  o.max_header_bytes = 8192;
  o.max_body_bytes = 1 << 20;
  o.max_form_field_bytes = 64 << 10;
  Start(o);
  const int port = server_->Port();
  // Headers: 431, up to the limit fine.
  RawAnswer big = testing::RawHttp(
      port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') +
                "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(big.status, 431) << big.head;
  RawAnswer fits = testing::RawHttp(
      port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(6000, 'a') +
                "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(fits.status, 200);
  // A body announced over the limit: 413 before it is sent, problem+json under /api/.
  RawAnswer announced = testing::RawHttp(
      port,
      "POST /api/v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/yaml\r\nContent-Length: "
      "2000000\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(announced.status, 413);
  EXPECT_EQ(announced.Header("Content-Type"), "application/problem+json");
  EXPECT_NE(announced.body.find("larger than the limit of 1048576 bytes"), std::string::npos)
      << announced.body;
  // Chunked, so that only reading it tells: 413 once it ends.
  std::string chunked =
      "POST /api/v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/yaml\r\n"
      "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "10000\r\n" + std::string(65536, 'a') + "\r\n";
  chunked += "0\r\n\r\n";
  RawAnswer streamed = testing::RawHttp(port, chunked);
  EXPECT_EQ(streamed.status, 413);
  EXPECT_EQ(streamed.Header("Content-Type"), "application/problem+json");
  // A page gets a page.
  RawAnswer page = testing::RawHttp(
      port,
      "POST /admin/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
      "\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(page.status, 413);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("larger than the limit"), std::string::npos);
  // One form field over its own limit: 413 naming the field.
  Session hr = testing::SignIn(*server_, "hr");
  httplib::Client c = server_->Client();
  auto field = c.Post("/admin/lint", {{"Cookie", hr.cookie}},
                      "csrf=" + hr.csrf + "&yaml=" + std::string(70000, 'y'),
                      "application/x-www-form-urlencoded");
  ASSERT_TRUE(field);
  EXPECT_EQ(field->status, 413);
  EXPECT_NE(field->body.find("yaml: the form field is larger than the limit of 65536 bytes"),
            std::string::npos)
      << field->body;
}

TEST_F(ConnectionLimitsTest, AFormHoldingALargeFrameworkIsAccepted) {
  Start(TestServer::Quiet());
  Session hr = testing::SignIn(*server_, "hr");
  // A framework of about 5 MB, pasted into the editor (a url-encoded form).
  std::string yaml =
      "ladder: 1\nframework: {id: big, name: Big, version: \"1\"}\n"
      "competencies:\n  - {id: delivery, name: Delivery}\ntracks:\n  - id: ic\n    name: IC\n"
      "    kind: ic\n    levels:\n      - {code: L1, title: One, state: defined}\n";
  while (yaml.size() < (5u << 20)) yaml += "# " + std::string(1000, 'x') + "\n";
  httplib::Client c = server_->Client();
  auto r = c.Post("/admin/lint", {{"Cookie", hr.cookie}},
                  "csrf=" + hr.csrf + "&yaml=" + EncodeQueryParam(yaml),
                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 500);
  EXPECT_NE(r->body.find("big"), std::string::npos);
  // The API takes the document as it is, whatever the type says (`curl -d @big.yaml` calls it
  // a form).
  auto api = c.Post("/api/v1/lint", {{"Cookie", hr.cookie}, {"X-CSRF-Token", hr.csrf}}, yaml,
                    "application/x-www-form-urlencoded");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200) << api->body.substr(0, 500);
  EXPECT_NE(api->body.find("\"findings\""), std::string::npos) << api->body.substr(0, 500);
}

TEST_F(ConnectionLimitsTest, AFullQueueIsAnswered503) {
  ServerOptions o = TestServer::Quiet();
  o.threads = 1;
  o.queue_max = 1;
  Start(o);
  // Sign-ins are slow on purpose (Argon2id): twelve at once keep the one worker busy.
  std::vector<std::thread> clients;
  std::atomic<int> busy = 0, served = 0;
  const std::string body = R"({"user":"nobody","password":"a guess"})";
  const std::string request =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Connection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  for (int i = 0; i < 12; ++i) {
    clients.emplace_back([&, i] {
      RawAnswer a = testing::RawHttp(server_->Port(), request, Source(i));
      if (a.status == 503) {
        EXPECT_EQ(a.Header("Retry-After"), "1");
        EXPECT_EQ(a.Header("Content-Type"), "application/problem+json");
        ++busy;
      } else {
        EXPECT_EQ(a.status, 401) << a.head;
        ++served;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_GT(busy.load(), 0);
  EXPECT_GT(served.load(), 0);
}

}  // namespace
}  // namespace ladder::server
