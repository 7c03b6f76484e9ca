// /metrics, request ids and the API's own description through a real server: the scraper's token,
// what a scrape shows after real requests (routes, the database pool, caches, evaluations, failed
// sign-ins), and the X-Request-Id of every answer.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "base/metrics.h"
#include "server/routes.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

using metrics::ValueIn;
using testing::TestServer;

class MetricsHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempPath("metrics");
    testing::BuildOrganisation(path_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  static ServerOptions WithToken(const std::string& token) {
    ServerOptions o = TestServer::Quiet();
    o.metrics_token = token;
    return o;
  }
  std::string path_;
};

TEST_F(MetricsHttp, OffWithoutAToken) {
  TestServer server(path_);
  auto r = server.Client().Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("metrics_token"), std::string::npos) << r->body;
  // A user's API token or session does not open it either.
  testing::Session admin = testing::SignIn(server, "admin");
  r = server.Client().Get("/metrics", {{"Cookie", admin.cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(MetricsHttp, OnlyTheScrapersTokenOpensIt) {
  TestServer server(path_, WithToken("scrape-me-0123456789"));
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer wrong"}},
        httplib::Headers{{"Authorization", "Basic c2NyYXBlLW1lLTAxMjM0NTY3ODk="}},
        httplib::Headers{{"Authorization", "Bearer scrape-me-012345678"}}}) {
    auto r = server.Client().Get("/metrics", headers);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer realm=\"ladder metrics\"");
    EXPECT_EQ(r->body.find("ladder_"), std::string::npos);
  }
  auto r = server.Client().Get("/metrics", {{"Authorization", "Bearer scrape-me-0123456789"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r->body.find("# TYPE ladder_http_requests_total counter"), std::string::npos);
}

TEST_F(MetricsHttp, AScrapeShowsWhatTheServerDid) {
  TestServer server(path_, WithToken("t0ken-for-the-scraper"));
  const httplib::Headers scraper = {{"Authorization", "Bearer t0ken-for-the-scraper"}};
  auto before = server.Client().Get("/metrics", scraper);
  ASSERT_TRUE(before && before->status == 200);
  const std::string growth =
      R"(ladder_http_requests_total{code="200",method="GET",route="/people/{person}"})";
  const double growth_before = std::max(0.0, ValueIn(before->body, growth));
  const double evaluations_before = ValueIn(before->body, "ladder_evaluations_total");
  const std::string refused = R"(ladder_sign_in_failures_total{reason="refused"})";
  const double refused_before = std::max(0.0, ValueIn(before->body, refused));

  testing::Session emp = testing::SignIn(server, "emp");
  for (int i = 0; i < 3; ++i) {
    auto r = server.Client().Get("/people/emp", {{"Cookie", emp.cookie}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
  }
  auto wrong = server.Client().Post(
      "/api/v1/session", R"({"user": "emp", "password": "not the password"})", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);

  auto after = server.Client().Get("/metrics", scraper);
  ASSERT_TRUE(after && after->status == 200);
  const std::string& text = after->body;
  EXPECT_EQ(ValueIn(text, growth), growth_before + 3) << text;
  EXPECT_GT(ValueIn(text, "ladder_evaluations_total"), evaluations_before);
  EXPECT_EQ(ValueIn(text, refused), refused_before + 1);
  EXPECT_GE(ValueIn(text, "ladder_db_pool_connections"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_db_transaction_duration_seconds_count{kind="read"})"), 3);
  // The person's records are read once and then found in the cache while nothing is written.
  EXPECT_GE(ValueIn(text, R"(ladder_cache_lookups_total{cache="records",result="hit"})"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_cache_lookups_total{cache="sessions",result="hit"})"), 2);
}

TEST_F(MetricsHttp, EveryAnswerCarriesARequestId) {
  TestServer server(path_);
  auto r = server.Client().Get("/healthz");
  ASSERT_TRUE(r);
  const std::string made = r->get_header_value("X-Request-Id");
  EXPECT_EQ(made.size(), 16u) << made;
  auto again = server.Client().Get("/healthz");
  ASSERT_TRUE(again);
  EXPECT_NE(again->get_header_value("X-Request-Id"), made);
  // A proxy's id is kept, so that its log and Ladder's can be joined ...
  r = server.Client().Get("/healthz", {{"X-Request-Id", "edge-7f3a.42_b"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("X-Request-Id"), "edge-7f3a.42_b");
  // ... unless it could forge a log line or is too long: then Ladder makes its own.
  for (const std::string& bad : {std::string("a b"), std::string("x\"y"), std::string(65, 'a')}) {
    r = server.Client().Get("/api/v1/nothing-here", {{"X-Request-Id", bad}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->get_header_value("X-Request-Id").size(), 16u) << bad;
  }
}

}  // namespace
}  // namespace ladder::server

namespace ladder::server {
namespace {

// The API describes itself: the OpenAPI document as built in, and a page listing every route.
TEST_F(MetricsHttp, TheApiDescribesItself) {
  TestServer server(path_);
  auto yaml = server.Client().Get("/api/v1/openapi.yaml");
  ASSERT_TRUE(yaml);
  EXPECT_EQ(yaml->status, 200);
  EXPECT_EQ(yaml->get_header_value("Content-Type"), "application/yaml; charset=utf-8");
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/docs/openapi.yaml", std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(file.size(), 1000u);
  EXPECT_EQ(yaml->body, file);

  auto page = server.Client().Get("/api");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("href=\"/api/v1/openapi.yaml\""), std::string::npos);
  size_t api_routes = 0;
  for (const RouteSpec& r : Routes()) {
    if (!r.pattern.starts_with("/api/")) continue;
    ++api_routes;
    const std::string row = "<td><code>" + std::string(MethodName(r.method)) +
                            "</code></td><td><code>" + std::string(r.pattern) + "</code></td>";
    EXPECT_NE(page->body.find(row), std::string::npos) << row;
  }
  EXPECT_NE(page->body.find(std::to_string(api_routes) + " endpoints"), std::string::npos);
}

}  // namespace
}  // namespace ladder::server
