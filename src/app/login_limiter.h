// Sign-in throttling with exponential backoff, never a lock. Each key (an account together with
// a client address, or a client address alone) may fail `free_failures` times; after that each
// further failure makes the key wait before its next attempt: `first_delay`, then twice as long
// after each further failure, up to `max_delay`. A key whose last failure is older than
// `forget_after` starts again; a success clears it.
//
//   LoginLimiter limiter;
//   if (long wait = limiter.RetryAfter(key, now); wait > 0) -> 429, Retry-After: wait
//   ... limiter.Failure(key, now) or limiter.Success(key)
//
// Keyed by account *and* client, failures from one client never delay the account's owner on
// another: an attacker can slow down only their own guesses. Kept in the memory of one server
// process: with several `ladder serve` processes behind a load balancer each counts its own
// attempts (docs/accounts.md). Memory is bounded: beyond `max_keys` keys, the one whose last
// failure is oldest is forgotten. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ladder::app {

struct LoginLimiterOptions {
  int free_failures = 3;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{300};
  std::chrono::seconds forget_after{3600};
  size_t max_keys = 100000;
};

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginLimiter(LoginLimiterOptions options = {});

  // Seconds until `key` may try again; 0 when it may now.
  long RetryAfter(std::string_view key, Clock::time_point now);
  void Failure(std::string_view key, Clock::time_point now);
  void Success(std::string_view key);

  // The wait after `failures` failures in a row (0 while they are free).
  std::chrono::seconds DelayAfter(int failures) const;

 private:
  struct Record {
    int failures = 0;
    Clock::time_point last;
  };

  const LoginLimiterOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace ladder::app
