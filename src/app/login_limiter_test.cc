#include "app/login_limiter.h"

#include <gtest/gtest.h>

namespace ladder::app {
namespace {

using std::chrono::seconds;

TEST(LoginLimiter, FreeFailuresThenDelaysThatDoubleUpToTheCap) {
  LoginLimiter limiter({.free_failures = 3, .first_delay = seconds(1), .max_delay = seconds(8)});
  auto t = LoginLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.RetryAfter("a", t), 0) << i;
    limiter.Failure("a", t);
  }
  EXPECT_EQ(limiter.RetryAfter("a", t), 0);  // three failures are free
  // Each failure from now on costs a wait: 1, 2, 4, 8, 8 seconds.
  for (long want : {1, 2, 4, 8, 8}) {
    EXPECT_EQ(limiter.RetryAfter("a", t), 0);
    limiter.Failure("a", t);
    EXPECT_EQ(limiter.RetryAfter("a", t), want);
    EXPECT_EQ(limiter.RetryAfter("a", t + seconds(want) - seconds(1)), 1);
    t += seconds(want);
  }
  EXPECT_EQ(limiter.RetryAfter("b", t), 0);  // keys are separate
  limiter.Success("a");
  limiter.Failure("a", t);
  EXPECT_EQ(limiter.RetryAfter("a", t), 0);  // a success starts again
}

TEST(LoginLimiter, NeverALockOnlyAWait) {
  LoginLimiter limiter({.free_failures = 0, .first_delay = seconds(1), .max_delay = seconds(300)});
  auto t = LoginLimiter::Clock::time_point{} + seconds(10);
  for (int i = 0; i < 1000; ++i) limiter.Failure("a", t);
  EXPECT_EQ(limiter.RetryAfter("a", t), 300);
  EXPECT_EQ(limiter.RetryAfter("a", t + seconds(300)), 0);
}

TEST(LoginLimiter, OldFailuresAreForgotten) {
  LoginLimiter limiter({.free_failures = 1, .forget_after = seconds(60)});
  auto t = LoginLimiter::Clock::time_point{} + seconds(10);
  limiter.Failure("a", t);
  limiter.Failure("a", t);
  EXPECT_GT(limiter.RetryAfter("a", t), 0);
  limiter.Failure("a", t + seconds(61));  // the earlier ones no longer count
  EXPECT_EQ(limiter.RetryAfter("a", t + seconds(61)), 0);
}

TEST(LoginLimiter, MemoryIsBounded) {
  LoginLimiter limiter({.free_failures = 2, .max_keys = 100});
  auto t = LoginLimiter::Clock::time_point{} + seconds(5);
  for (int i = 0; i < 1000; ++i) limiter.Failure("ip:" + std::to_string(i), t + seconds(i % 50));
  for (int k = 0; k < 3; ++k) limiter.Failure("ip:last", t + seconds(55));
  EXPECT_GT(limiter.RetryAfter("ip:last", t + seconds(55)), 0);  // the newest keys are kept
}

}  // namespace
}  // namespace ladder::app
