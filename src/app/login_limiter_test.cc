#include "app/login_limiter.h"

#include <gtest/gtest.h>

namespace ladder::app {
namespace {

using std::chrono::seconds;

TEST(LoginLimiter, LocksAfterTheLimitUntilTheOldestFailureLeavesTheWindow) {
  LoginLimiter limiter(3, seconds(60));
  auto t0 = LoginLimiter::Clock::time_point{} + seconds(1000);
  EXPECT_EQ(limiter.RetryAfter("user:a", t0), 0);
  limiter.Failure("user:a", t0);
  limiter.Failure("user:a", t0 + seconds(10));
  EXPECT_EQ(limiter.RetryAfter("user:a", t0 + seconds(10)), 0);
  limiter.Failure("user:a", t0 + seconds(20));
  EXPECT_EQ(limiter.RetryAfter("user:a", t0 + seconds(20)), 40);
  EXPECT_EQ(limiter.RetryAfter("user:b", t0 + seconds(20)), 0);  // keys are separate
  EXPECT_EQ(limiter.RetryAfter("user:a", t0 + seconds(59)), 1);
  EXPECT_EQ(limiter.RetryAfter("user:a", t0 + seconds(60)), 0);  // the first one expired
  limiter.Failure("user:a", t0 + seconds(61));                   // three in the window again
  EXPECT_GT(limiter.RetryAfter("user:a", t0 + seconds(61)), 0);
  limiter.Success("user:a");
  EXPECT_EQ(limiter.RetryAfter("user:a", t0 + seconds(61)), 0);
}

TEST(LoginLimiter, MemoryIsBounded) {
  LoginLimiter limiter(3, seconds(60), 100);
  auto t = LoginLimiter::Clock::time_point{} + seconds(5);
  for (int i = 0; i < 1000; ++i) limiter.Failure("ip:" + std::to_string(i), t + seconds(i % 50));
  for (int k = 0; k < 3; ++k) limiter.Failure("ip:last", t + seconds(55));
  EXPECT_GT(limiter.RetryAfter("ip:last", t + seconds(55)), 0);  // the newest keys are kept
}

}  // namespace
}  // namespace ladder::app
