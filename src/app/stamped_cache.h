// A cache of what was read from the store, each value valid for the write stamp it was read at
// (storage::Store::WriteStamp: it changes whenever any process commits a write). A lookup with
// another stamp misses, so a cached value is never older than the last write — across server
// processes too, since the stamp is read from the database.
//
//   StampedCache<Value> cache(4096, "records");
//   if (auto hit = cache.Get(key, stamp)) return *hit;
//   ... read it ...; cache.Put(key, stamp, value);
//
// Bounded: when full, values of older stamps go first, then everything. Lookups are counted in
// the metrics under the cache's name (ladder_cache_lookups_total). Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/metrics.h"

namespace ladder::app {

template <typename V>
class StampedCache {
 public:
  StampedCache(size_t capacity, std::string_view name) : capacity_(capacity), name_(name) {}

  std::optional<V> Get(const std::string& key, const std::string& stamp) const {
    std::optional<V> found;
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.first == stamp) found = it->second.second;
    }
    metrics::CountCacheLookup(name_, found.has_value());
    return found;
  }

  void Put(const std::string& key, const std::string& stamp, V value) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && !entries_.count(key)) {
      std::erase_if(entries_, [&](const auto& e) { return e.second.first != stamp; });
      if (entries_.size() >= capacity_) entries_.clear();
    }
    entries_.insert_or_assign(key, std::pair{stamp, std::move(value)});
  }

  size_t Size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  const size_t capacity_;
  const std::string name_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::pair<std::string, V>> entries_;
};

}  // namespace ladder::app
