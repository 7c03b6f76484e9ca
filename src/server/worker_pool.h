// A bounded queue of jobs and the worker threads that run them, for the HTTP listener
// (http_listener.cc): a place is reserved before a job is accepted, so that a full queue is
// refused up front rather than after the request was read.
//
// Thread safety: every member may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ladder::server {

// A bounded queue of jobs and the threads that run them.
template <typename Job>
class WorkerPool {
 public:
  explicit WorkerPool(std::function<void(Job*)> work) : work_(std::move(work)) {}
  ~WorkerPool() { Drain(); }

  void Start(int threads, size_t capacity) {
    capacity_ = capacity;
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  // A place in the queue; false when it is full or the pool is stopping.
  bool Reserve() {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() + reserved_ >= capacity_) return false;
    ++reserved_;
    return true;
  }
  // REQUIRES: Reserve() returned true.
  void Submit(Job* job) {
    {
      std::lock_guard lock(mutex_);
      --reserved_;
      queue_.push_back(job);
    }
    cv_.notify_one();
  }
  // Runs what is queued, then ends the workers. Reserve() fails from now on.
  void Drain() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

 private:
  void Loop() {
    std::unique_lock lock(mutex_);
    while (true) {
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        if (reserved_ == 0) return;  // stopping, and nothing more can come
        cv_.wait_for(lock, std::chrono::milliseconds(10));
        continue;
      }
      Job* job = queue_.front();
      queue_.pop_front();
      lock.unlock();
      work_(job);
      lock.lock();
    }
  }

  std::function<void(Job*)> work_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  size_t reserved_ = 0;
  size_t capacity_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ladder::server
