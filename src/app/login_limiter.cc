#include "app/login_limiter.h"

#include <algorithm>

namespace ladder::app {

LoginLimiter::LoginLimiter(LoginLimiterOptions options) : options_(options) {}

std::chrono::seconds LoginLimiter::DelayAfter(int failures) const {
  const int over = failures - options_.free_failures;
  if (over <= 0) return std::chrono::seconds(0);
  // first_delay * 2^(over - 1), without overflowing the shift.
  std::chrono::seconds delay = options_.first_delay;
  for (int i = 1; i < over && delay < options_.max_delay; ++i) delay *= 2;
  return std::min(delay, options_.max_delay);
}

long LoginLimiter::RetryAfter(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = records_.find(std::string(key));
  if (it == records_.end()) return 0;
  const Record& r = it->second;
  if (now - r.last >= options_.forget_after) {
    records_.erase(it);
    return 0;
  }
  auto wait = std::chrono::ceil<std::chrono::seconds>(r.last + DelayAfter(r.failures) - now);
  return std::max<long>(0, wait.count());
}

void LoginLimiter::Failure(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = records_.find(std::string(key));
  if (it == records_.end()) {
    if (records_.size() >= options_.max_keys) {
      // Forget the key whose last failure is oldest (an O(n) sweep, only when full).
      auto oldest = std::min_element(records_.begin(), records_.end(), [](auto& a, auto& b) {
        return a.second.last < b.second.last;
      });
      records_.erase(oldest);
    }
    it = records_.emplace(std::string(key), Record{}).first;
  }
  Record& r = it->second;
  if (now - r.last >= options_.forget_after) r.failures = 0;
  ++r.failures;
  r.last = now;
}

void LoginLimiter::Success(std::string_view key) {
  std::lock_guard lock(mutex_);
  records_.erase(std::string(key));
}

}  // namespace ladder::app
