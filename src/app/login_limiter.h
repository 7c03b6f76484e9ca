// Login rate limiting: after `max_failures` failed logins for one key (a user name, a client
// address) within `window`, further attempts for that key are refused until the oldest failure
// leaves the window. A success clears the key.
//
//   LoginLimiter limiter;
//   if (long wait = limiter.RetryAfter("user:ada", now); wait > 0) -> 429, Retry-After: wait
//   ... limiter.Failure("user:ada", now) or limiter.Success("user:ada")
//
// Kept in the memory of one server process: with several `ladder serve` processes behind a load
// balancer each counts its own attempts (docs/accounts.md). Memory is bounded: beyond
// `max_keys` keys, the ones idle longest are forgotten. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ladder::app {

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginLimiter(int max_failures = 5,
                        std::chrono::seconds window = std::chrono::minutes(15),
                        size_t max_keys = 100000);

  // Seconds until `key` may try again; 0 when it may now.
  long RetryAfter(std::string_view key, Clock::time_point now);
  void Failure(std::string_view key, Clock::time_point now);
  void Success(std::string_view key);

 private:
  void Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

  const int max_failures_;
  const std::chrono::seconds window_;
  const size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace ladder::app
