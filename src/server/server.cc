// `ladder serve` (server.h): the services handlers share, the router that dispatches to them
// and the HTTP listener that feeds it, put together; and the reloading of the published site.
#include "server/server.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdio>
#include <thread>

#include "server/exchange.h"
#include "server/http_listener.h"
#include "server/router.h"

namespace ladder::server {

std::string ETagOf(std::string_view body) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

struct Server::Impl {
  Impl(ServerOptions options, storage::Store& store)
      : services(std::move(options), store),
        router(services),
        listener(
            services.options,
            [this](const Request& req, Response& res) { router.Handle(req, res); },
            [this](const Request& req, Response& res) { return router.TryQuick(req, res); },
            [this](const Request& req, const Error& error, int status, Response& res) {
              router.Refuse(req, error, status, res);
            }) {}

  internal::Services services;
  internal::Router router;
  HttpListener listener;
  std::thread reloader;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;

  void ReloadLoop() {
    const auto period = std::chrono::seconds(services.options.reload_seconds);
    std::unique_lock lock(stop_mutex);
    while (!stopping) {
      if (stop_cv.wait_for(lock, period, [this] { return stopping; })) break;
      lock.unlock();
      if (Status s = services.ReloadSite(false); !s)
        spdlog::warn("ladder serve: reloading the published frameworks failed: {}",
                     s.error().ToString());
      lock.lock();
    }
  }
  void StopReloading() {
    {
      std::lock_guard lock(stop_mutex);
      stopping = true;
    }
    stop_cv.notify_all();
    if (reloader.joinable()) reloader.join();
  }
};

Server::Server(ServerOptions options, storage::Store& store)
    : impl_(std::make_unique<Impl>(std::move(options), store)) {}

Server::~Server() {
  impl_->listener.Stop();
  impl_->StopReloading();
}

Status Server::Load() { return impl_->services.ReloadSite(true); }

size_t Server::FrameworkCount() const {
  std::shared_ptr<const render::Site> site = impl_->services.Site();
  return site ? site->Frameworks().size() : 0;
}

Status Server::Bind() { return impl_->listener.Bind(); }

int Server::Port() const { return impl_->listener.Port(); }

Status Server::Run() {
  if (impl_->services.options.reload_seconds > 0 && !impl_->reloader.joinable())
    impl_->reloader = std::thread([impl = impl_.get()] { impl->ReloadLoop(); });
  Status ran = impl_->listener.Run();
  impl_->StopReloading();
  return ran;
}

void Server::Stop() { impl_->listener.Stop(); }

std::function<void()> WatchShutdownSignals(std::function<void(int signal)> on_signal) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR2);  // sent by the returned function: end without a callback
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto watcher = std::make_shared<std::thread>([set, on_signal = std::move(on_signal)] {
    int sig = 0;
    if (sigwait(&set, &sig) == 0 && sig != SIGUSR2) on_signal(sig);
  });
  return [watcher] {
    if (!watcher->joinable()) return;
    pthread_kill(watcher->native_handle(), SIGUSR2);
    watcher->join();
  };
}

}  // namespace ladder::server
