// The store at organisation scale: 100,000 people with 5 years of history each (one level
// assignment and two evidence records per year: 1.6 million records with the people, each with
// its audit entry, written through the bulk path of people imports), then the reads a page or
// an eligibility check makes, and full-text search over every framework the seeds import.
//
//   LADDER_BENCH_DATABASE   sqlite:/tmp/ladder-bench.db (default) or a postgresql:// URL
//   LADDER_BENCH_PEOPLE     100000 (default)
//   LADDER_BENCH_SEEDS      the seeds folder (default ../shared/seeds beside the source)
// The database is loaded once (skipped when it already holds the people); the load rate is
// printed on stderr. Then the benchmarks below run against it.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "analysis/requirements.h"
#include "app/import_into.h"
#include "formats/import.h"
#include "storage/store.h"

namespace {

using namespace ladder;

std::string Env(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

int People() { return std::stoi(Env("LADDER_BENCH_PEOPLE", "100000")); }

model::Framework BenchFramework() {
  model::Framework f;
  f.id = "bench";
  f.name = "Bench";
  f.version = "1";
  f.competencies = {{"delivery", "Delivery", "", {}}};
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  for (int l = 1; l <= 6; ++l) {
    model::Level level;
    level.code = "L" + std::to_string(l);
    level.rank = l;
    level.title = "Level " + std::to_string(l);
    t.levels.push_back(level);
  }
  f.tracks = {t};
  return f;
}

std::string PersonId(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "p%06d", i);
  return buf;
}

void ImportSeeds(storage::Store& store) {
  std::string dir = Env("LADDER_BENCH_SEEDS", std::string(LADDER_SOURCE_DIR) + "/../shared/seeds");
  int imported = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto read = formats::ReadDocuments({{entry.path().filename().string(), text}});
    if (!read) {
      std::fprintf(stderr, "bench: %s not imported: %s\n", entry.path().c_str(),
                   read.error().ToString().c_str());
      continue;
    }
    analysis::RecognizeRequirements(read->framework);
    auto stored = app::StoreFrameworks(store, {read->framework}, true, Date(2026, 1, 1), "bench");
    if (stored) ++imported;
  }
  std::fprintf(stderr, "bench: %d seed frameworks stored\n", imported);
}

void Load(storage::Store& store) {
  int people = People();
  auto existing = store.ListPeople({"", 1, people - 1});
  if (existing && !existing->empty()) return;
  ImportSeeds(store);
  (void)app::StoreFrameworks(store, {BenchFramework()}, true, Date(2026, 1, 1), "bench");
  auto start = std::chrono::steady_clock::now();
  // The bulk path people imports use (Store::WritePeopleBatch), 1,000 people a transaction.
  constexpr int kBatch = 1000;
  long records = 0;
  for (int first = 0; first < people; first += kBatch) {
    storage::PeopleBatch batch;
    for (int i = first; i < std::min(people, first + kBatch); ++i) {
      std::string id = PersonId(i);
      std::string manager = i < 100 ? "" : PersonId(i / 100);
      batch.people.push_back({id, "Person " + id, id + "@example.org", manager, Date(2021, 1, 4)});
      for (int year = 0; year < 5; ++year) {
        batch.assignments.push_back({"",
                                     id,
                                     "bench",
                                     "1",
                                     "ic",
                                     "L" + std::to_string(1 + year % 6),
                                     {},
                                     Date(2021 + year, 1, 4),
                                     {},
                                     "bench"});
        for (int k = 0; k < 2; ++k) {
          model::Evidence e;
          e.person = id;
          e.kind = k == 0 ? "talk" : "project";
          e.title = "Record " + std::to_string(year) + "." + std::to_string(k);
          e.date = Date(2021 + year, 3 + 6 * k, 1);
          batch.evidence.push_back(e);
        }
      }
      records += 1 + 5 + 10;
    }
    Status st = store.WritePeopleBatch("bench", batch);
    if (!st) {
      std::fprintf(stderr, "bench: load failed: %s\n", st.error().ToString().c_str());
      std::exit(1);
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "bench: loaded %d people, %ld records in %.1f s (%.0f records/s)\n", people,
               records, secs, records / secs);
}

storage::Store& TheStore() {
  static std::unique_ptr<storage::Store> store = [] {
    std::string url = Env("LADDER_BENCH_DATABASE", "sqlite:/tmp/ladder-bench.db");
    auto s = storage::OpenStore(url);
    if (!s) {
      std::fprintf(stderr, "bench: %s\n", s.error().ToString().c_str());
      std::exit(1);
    }
    Load(**s);
    return std::move(*s);
  }();
  return *store;
}

std::string RandomPerson() {
  thread_local std::mt19937 rng(42);
  return PersonId(std::uniform_int_distribution<int>(0, People() - 1)(rng));
}

void BM_GetPerson(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) benchmark::DoNotOptimize(store.GetPerson(RandomPerson()));
}
BENCHMARK(BM_GetPerson);

void BM_ListAssignments(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) {
    auto r = store.ListAssignments(RandomPerson());
    if (!r || r->size() != 5) state.SkipWithError("expected 5 assignments");
  }
}
BENCHMARK(BM_ListAssignments);

void BM_CurrentAssignment(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) {
    auto r = store.CurrentAssignment(RandomPerson(), Date(2023, 6, 1));
    if (!r || !r->has_value()) state.SkipWithError("expected an assignment");
  }
}
BENCHMARK(BM_CurrentAssignment);

void BM_ListEvidence(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) {
    auto r = store.ListEvidence(RandomPerson());
    if (!r || r->size() != 10) state.SkipWithError("expected 10 evidence records");
  }
}
BENCHMARK(BM_ListEvidence);

// A manager's page: their direct reports (about 100 each here).
void BM_ListReports(benchmark::State& state) {
  auto& store = TheStore();
  thread_local std::mt19937 rng(7);
  size_t reports = 0;
  for (auto _ : state) {
    std::string manager = PersonId(std::uniform_int_distribution<int>(1, People() / 100 - 1)(rng));
    auto r = store.ListPeople({manager, 0, 0});
    if (!r || r->empty()) state.SkipWithError("expected reports");
    reports = r->size();
  }
  state.counters["reports"] = static_cast<double>(reports);
}
BENCHMARK(BM_ListReports);

// Everything an eligibility check or a person's page reads: the person, their level history,
// evidence, metrics, assessments, sign-offs, cases, waivers and raises.
void BM_PersonFullHistory(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) {
    std::string id = RandomPerson();
    bool ok = store.GetPerson(id) && store.ListAssignments(id) && store.ListEvidence(id) &&
              store.ListMetrics(id) && store.ListAssessments(id) && store.ListSignOffs(id) &&
              store.ListCases(id) && store.ListWaivers(id) && store.ListRaises(id);
    if (!ok) state.SkipWithError("a read failed");
  }
}
BENCHMARK(BM_PersonFullHistory);

void BM_AddEvidence(benchmark::State& state) {
  auto& store = TheStore();
  for (auto _ : state) {
    model::Evidence e;
    e.person = RandomPerson();
    e.kind = "doc";
    e.title = "Benchmark write";
    e.date = Date(2026, 1, 1);
    auto id = store.SaveEvidence("bench", e);
    if (!id) state.SkipWithError(id.error().ToString().c_str());
    state.PauseTiming();
    (void)store.DeleteEvidence("bench", *id);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_AddEvidence);

void BM_Search(benchmark::State& state, const char* query) {
  auto& store = TheStore();
  size_t hits = 0;
  for (auto _ : state) {
    auto r = store.Search(query, {"", false, 20});
    if (!r) state.SkipWithError(r.error().ToString().c_str());
    hits = r->size();
  }
  state.counters["hits"] = static_cast<double>(hits);
}
BENCHMARK_CAPTURE(BM_Search, code_review, "code review");
BENCHMARK_CAPTURE(BM_Search, customer, "customer");
BENCHMARK_CAPTURE(BM_Search, phrase, "\"peer review\"");

}  // namespace
