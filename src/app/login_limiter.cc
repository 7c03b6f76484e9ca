#include "app/login_limiter.h"

#include <algorithm>

namespace ladder::app {

LoginLimiter::LoginLimiter(int max_failures, std::chrono::seconds window, size_t max_keys)
    : max_failures_(max_failures), window_(window), max_keys_(max_keys) {}

void LoginLimiter::Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
  while (!failures.empty() && failures.front() + window_ <= now) failures.pop_front();
}

long LoginLimiter::RetryAfter(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(std::string(key));
  if (it == failures_.end()) return 0;
  Expire(it->second, now);
  if (static_cast<int>(it->second.size()) < max_failures_) return 0;
  auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.front() + window_ - now);
  return std::max<long>(1, wait.count());
}

void LoginLimiter::Failure(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() >= max_keys_ && !failures_.count(std::string(key))) {
    // Forget the key whose latest failure is oldest (an O(n) sweep, only when full).
    auto oldest = failures_.begin();
    for (auto it = failures_.begin(); it != failures_.end(); ++it) {
      Expire(it->second, now);
      if (it->second.empty()) {
        oldest = it;
        break;
      }
      if (it->second.back() < oldest->second.back()) oldest = it;
    }
    failures_.erase(oldest);
  }
  std::deque<Clock::time_point>& f = failures_[std::string(key)];
  Expire(f, now);
  f.push_back(now);
  while (static_cast<int>(f.size()) > max_failures_) f.pop_front();
}

void LoginLimiter::Success(std::string_view key) {
  std::lock_guard lock(mutex_);
  failures_.erase(std::string(key));
}

}  // namespace ladder::app
