#include "base/metrics.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace ladder::metrics {
namespace {

TEST(Metrics, RequestsAreCountedByRoutePatternMethodAndStatus) {
  const std::string key =
      R"(ladder_http_requests_total{code="200",method="GET",route="/people/{person}"})";
  const double before = std::max(0.0, ValueIn(Exposition(), key));
  CountRequest("/people/{person}", "GET", 200, 0.002);
  CountRequest("/people/{person}", "GET", 200, 0.004);
  CountRequest("/people/{person}", "GET", 404, 0.001);
  const std::string text = Exposition();
  EXPECT_EQ(ValueIn(text, key), before + 2);
  EXPECT_GE(
      ValueIn(text,
              R"(ladder_http_requests_total{code="404",method="GET",route="/people/{person}"})"),
      1);
  // The latency histogram: both 200s and the 404 fall at or under 5 ms, none under 0.5 ms.
  EXPECT_GE(
      ValueIn(
          text,
          R"(ladder_http_request_duration_seconds_bucket{method="GET",route="/people/{person}",le="0.005"})"),
      3);
  EXPECT_EQ(
      ValueIn(
          text,
          R"(ladder_http_request_duration_seconds_bucket{method="GET",route="/people/{person}",le="0.0005"})"),
      0);
}

TEST(Metrics, NoRouteIsCountedAsNone) {
  CountRequest("", "GET", 404, 0.0001);
  EXPECT_GE(
      ValueIn(Exposition(), R"(ladder_http_requests_total{code="404",method="GET",route="none"})"),
      1);
}

TEST(Metrics, PoolGaugesGoUpAndDown) {
  const std::string text0 = Exposition();
  const double open = ValueIn(text0, "ladder_db_pool_connections");
  const double in_use = ValueIn(text0, "ladder_db_pool_connections_in_use");
  CountPool(2, 1);
  std::string text = Exposition();
  EXPECT_EQ(ValueIn(text, "ladder_db_pool_connections"), open + 2);
  EXPECT_EQ(ValueIn(text, "ladder_db_pool_connections_in_use"), in_use + 1);
  CountPool(-2, -1);
  text = Exposition();
  EXPECT_EQ(ValueIn(text, "ladder_db_pool_connections"), open);
  EXPECT_EQ(ValueIn(text, "ladder_db_pool_connections_in_use"), in_use);
}

TEST(Metrics, TransactionsCachesEvaluationsImportsAndSignIns) {
  CountTransaction(true, 0.003);
  CountCacheLookup("records", true);
  CountCacheLookup("records", false);
  CountCacheLookup("records", false);
  CountEvaluation();
  CountImport("plain-text", true);
  CountImport("", false);
  CountSignInFailure("refused");
  const std::string text = Exposition();
  EXPECT_GE(ValueIn(text, R"(ladder_db_transaction_duration_seconds_count{kind="write"})"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_cache_lookups_total{cache="records",result="hit"})"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_cache_lookups_total{cache="records",result="miss"})"), 2);
  EXPECT_GE(ValueIn(text, "ladder_evaluations_total"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_imports_total{format="plain-text",result="ok"})"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_imports_total{format="none",result="failed"})"), 1);
  EXPECT_GE(ValueIn(text, R"(ladder_sign_in_failures_total{reason="refused"})"), 1);
}

TEST(Metrics, TheProcessDescribesItself) {
  const std::string text = Exposition();
  EXPECT_GT(ValueIn(text, "process_resident_memory_bytes"), 1 << 20);
  EXPECT_GT(ValueIn(text, "process_start_time_seconds"), 1.7e9);
  EXPECT_GT(ValueIn(text, "process_open_fds"), 2);
  EXPECT_NE(text.find("# TYPE process_resident_memory_bytes gauge"), std::string::npos);
}

}  // namespace
}  // namespace ladder::metrics
