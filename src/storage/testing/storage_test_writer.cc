// A process that writes to (or reads from) a store, for the multi-process concurrency and crash
// tests (storage_process_test.cc).
//   storage_test_writer URL write WRITER COUNT   saves COUNT people "WRITER-i", each with one
//                                                evidence record, one transaction each, and
//                                                prints "committed WRITER-i" after each commit
//   storage_test_writer URL read SECONDS         lists people and evidence until SECONDS pass;
//                                                exits 1 if a read fails or sees a person
//                                                without their evidence (a torn transaction)
//   storage_test_writer URL hold MILLISECONDS    saves person "holder" in a transaction that it
//                                                keeps open for MILLISECONDS after printing
//                                                "holding" (as a large import would), then
//                                                commits and prints "committed holder"
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "storage/store.h"

using namespace ladder;

namespace {

int Write(storage::Store& store, const std::string& writer, int count) {
  for (int i = 0; i < count; ++i) {
    std::string id = writer + "-" + std::to_string(i);
    Status st = store.WithTransaction([&](storage::Store& tx) -> Status {
      model::Person p{id, "Person " + id, id + "@example.org", "", Date(2020, 1, 1)};
      LADDER_TRY_STATUS(tx.SavePerson("test", p));
      model::Evidence e;
      e.id = "ev-" + id;
      e.person = id;
      e.kind = "talk";
      e.title = "Talk by " + id;
      e.date = Date(2021, 1, 1);
      LADDER_TRY_STATUS(tx.SaveEvidence("test", e));
      return Ok();
    });
    if (!st) {
      std::fprintf(stderr, "write %s: %s\n", id.c_str(), st.error().ToString().c_str());
      return 1;
    }
    std::printf("committed %s\n", id.c_str());
    std::fflush(stdout);
  }
  return 0;
}

int Hold(storage::Store& store, int ms) {
  Status st = store.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SavePerson("test", {"holder", "Holder", "", "", Date(2020, 1, 1)}));
    std::printf("holding\n");
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    return Ok();
  });
  if (!st) {
    std::fprintf(stderr, "hold: %s\n", st.error().ToString().c_str());
    return 1;
  }
  std::printf("committed holder\n");
  return 0;
}

int Read(storage::Store& store, int seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  long reads = 0;
  while (std::chrono::steady_clock::now() < until) {
    auto people = store.ListPeople({"", 50, static_cast<int>(reads % 200) * 5});
    if (!people) {
      std::fprintf(stderr, "read: %s\n", people.error().ToString().c_str());
      return 1;
    }
    for (const auto& p : *people) {
      auto ev = store.ListEvidence(p.id);
      if (!ev) {
        std::fprintf(stderr, "read: %s\n", ev.error().ToString().c_str());
        return 1;
      }
      if (ev->size() != 1) {
        std::fprintf(stderr, "person %s has %zu evidence records\n", p.id.c_str(), ev->size());
        return 1;
      }
    }
    ++reads;
  }
  std::printf("reads %ld\n", reads);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: storage_test_writer URL write WRITER COUNT | URL read SECONDS | URL hold "
                 "MS\n");
    return 2;
  }
  std::string url = argv[1], mode = argv[2];
  storage::OpenOptions options;
  options.pool_size = 1;
  options.busy_timeout_ms = 60000;
  auto store = storage::OpenStore(url, options);
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.error().ToString().c_str());
    return 1;
  }
  if (mode == "write" && argc > 4) return Write(**store, argv[3], std::atoi(argv[4]));
  if (mode == "hold") return Hold(**store, std::atoi(argv[3]));
  if (mode == "read") return Read(**store, std::atoi(argv[3]));
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
