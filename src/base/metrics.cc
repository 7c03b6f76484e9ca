#include "base/metrics.h"

#include <dirent.h>
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <unordered_map>

namespace ladder::metrics {
namespace {

using prometheus::BuildCounter;
using prometheus::BuildGauge;
using prometheus::BuildHistogram;
using prometheus::Histogram;

// Latencies from half a millisecond (a cached page) to ten seconds (a large import).
const Histogram::BucketBoundaries& LatencyBuckets() {
  static const Histogram::BucketBoundaries buckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return buckets;
}

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct Instruments {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      BuildCounter()
          .Name("ladder_http_requests_total")
          .Help("HTTP requests answered, by route pattern, method and status")
          .Register(*registry);
  prometheus::Family<Histogram>& request_seconds =
      BuildHistogram()
          .Name("ladder_http_request_duration_seconds")
          .Help("Time from a request's arrival to its answer being ready, by route and method")
          .Register(*registry);
  prometheus::Family<Histogram>& transaction_seconds =
      BuildHistogram()
          .Name("ladder_db_transaction_duration_seconds")
          .Help("Database transactions from borrowing a connection to giving it back")
          .Register(*registry);
  Histogram& read_seconds = transaction_seconds.Add({{"kind", "read"}}, LatencyBuckets());
  Histogram& write_seconds = transaction_seconds.Add({{"kind", "write"}}, LatencyBuckets());
  prometheus::Gauge& pool_open = BuildGauge()
                                     .Name("ladder_db_pool_connections")
                                     .Help("Database connections the pool holds")
                                     .Register(*registry)
                                     .Add({});
  prometheus::Gauge& pool_in_use = BuildGauge()
                                       .Name("ladder_db_pool_connections_in_use")
                                       .Help("Database connections borrowed right now")
                                       .Register(*registry)
                                       .Add({});
  Histogram& pool_wait = BuildHistogram()
                             .Name("ladder_db_pool_wait_seconds")
                             .Help("Time waited for a free database connection")
                             .Register(*registry)
                             .Add({}, LatencyBuckets());
  prometheus::Family<prometheus::Counter>& cache_lookups =
      BuildCounter()
          .Name("ladder_cache_lookups_total")
          .Help("Lookups in the server's caches, by cache and hit or miss")
          .Register(*registry);
  prometheus::Counter& evaluations = BuildCounter()
                                         .Name("ladder_evaluations_total")
                                         .Help("Eligibility evaluations (one person, one target)")
                                         .Register(*registry)
                                         .Add({});
  prometheus::Family<prometheus::Counter>& imports =
      BuildCounter()
          .Name("ladder_imports_total")
          .Help("Imports of documents into a framework, by family and result")
          .Register(*registry);
  prometheus::Family<prometheus::Counter>& sign_in_failures =
      BuildCounter()
          .Name("ladder_sign_in_failures_total")
          .Help("Sign-ins refused, by reason")
          .Register(*registry);
  prometheus::Gauge& resident = BuildGauge()
                                    .Name("process_resident_memory_bytes")
                                    .Help("Resident memory size in bytes")
                                    .Register(*registry)
                                    .Add({});
  prometheus::Gauge& start_time = BuildGauge()
                                      .Name("process_start_time_seconds")
                                      .Help("Start time of the process since the Unix epoch")
                                      .Register(*registry)
                                      .Add({});
  prometheus::Gauge& cpu = BuildGauge()
                               .Name("process_cpu_seconds_total")
                               .Help("User and system CPU time spent, in seconds")
                               .Register(*registry)
                               .Add({});
  prometheus::Gauge& open_fds = BuildGauge()
                                    .Name("process_open_fds")
                                    .Help("Open file descriptors")
                                    .Register(*registry)
                                    .Add({});

  Instruments() { start_time.Set(NowSeconds()); }
};

Instruments& The() {
  static Instruments* instruments = new Instruments();  // never destroyed: counted until exit
  return *instruments;
}

// The process's own series, read when they are exposed.
void ReadProcess(Instruments& m) {
  long pages = 0, resident_pages = 0;
  if (std::ifstream statm("/proc/self/statm"); statm >> pages >> resident_pages)
    m.resident.Set(static_cast<double>(resident_pages) *
                   static_cast<double>(sysconf(_SC_PAGESIZE)));
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    m.cpu.Set(seconds(usage.ru_utime) + seconds(usage.ru_stime));
  }
  if (DIR* fds = opendir("/proc/self/fd")) {
    int n = 0;
    while (readdir(fds) != nullptr) ++n;
    closedir(fds);
    m.open_fds.Set(n - 3);  // ".", ".." and the directory being read
  }
}

}  // namespace

void CountRequest(std::string_view route, std::string_view method, int status, double seconds) {
  // Each thread keeps the series it has used, so that a request costs a hash lookup and two
  // atomic adds, not the families' locks and label maps (series are never removed).
  struct Series {
    prometheus::Counter* count;
    Histogram* seconds;
  };
  thread_local std::unordered_map<std::string, Series> used;
  std::string key;
  key.reserve(route.size() + method.size() + 8);
  key.append(route).append(1, '\0').append(method).append(1, '\0').append(std::to_string(status));
  auto it = used.find(key);
  if (it == used.end()) {
    Instruments& m = The();
    const std::string pattern = route.empty() ? "none" : std::string(route);
    Series series{&m.requests.Add({{"route", pattern},
                                   {"method", std::string(method)},
                                   {"code", std::to_string(status)}}),
                  &m.request_seconds.Add({{"route", pattern}, {"method", std::string(method)}},
                                         LatencyBuckets())};
    it = used.emplace(std::move(key), series).first;
  }
  it->second.count->Increment();
  it->second.seconds->Observe(seconds);
}

void CountTransaction(bool write, double seconds) {
  Instruments& m = The();
  (write ? m.write_seconds : m.read_seconds).Observe(seconds);
}

void CountPool(int delta_open, int delta_in_use) {
  Instruments& m = The();
  if (delta_open != 0) m.pool_open.Increment(delta_open);
  if (delta_in_use != 0) m.pool_in_use.Increment(delta_in_use);
}

void CountPoolWait(double seconds) { The().pool_wait.Observe(seconds); }

void CountCacheLookup(std::string_view cache, bool hit) {
  The()
      .cache_lookups.Add({{"cache", std::string(cache)}, {"result", hit ? "hit" : "miss"}})
      .Increment();
}

void CountEvaluation() { The().evaluations.Increment(); }

void CountImport(std::string_view format, bool ok) {
  The()
      .imports
      .Add({{"format", format.empty() ? "none" : std::string(format)},
            {"result", ok ? "ok" : "failed"}})
      .Increment();
}

void CountSignInFailure(std::string_view reason) {
  The().sign_in_failures.Add({{"reason", std::string(reason)}}).Increment();
}

std::string Exposition() {
  Instruments& m = The();
  ReadProcess(m);
  return prometheus::TextSerializer().Serialize(m.registry->Collect());
}

}  // namespace ladder::metrics

namespace ladder::metrics {

double ValueIn(std::string_view text, std::string_view series) {
  const std::string wanted = std::string(series) + " ";
  for (size_t at = text.find(wanted); at != std::string_view::npos;
       at = text.find(wanted, at + wanted.size())) {
    if (at == 0 || text[at - 1] == '\n')
      return std::strtod(std::string(text.substr(at + wanted.size(), 40)).c_str(), nullptr);
  }
  return -1;
}

}  // namespace ladder::metrics
