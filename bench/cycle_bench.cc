// Review cycles at an organisation's size (docs/cycles.md, docs/performance.md):
//  - BM_OpenCycle/N: opening a cycle over N people in an SQLite file: reading everyone's records
//    a chunk at a time, evaluating each for their next level, and writing the N candidates with
//    the overlap check, in one transaction (target: 100,000 people under 3 s);
//  - BM_BoardRows: the rows of a board of 10,000 people with 1,000 reviews, filtered and sorted
//    as the calibration board asks for them (app::FilterRows).
// The database of N people (the example engineering framework published; each person two
// periods of level history and three pieces of evidence) is built once, untimed, in
// $TMPDIR/ladder-cycle-bench-N.db and kept for later runs.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/cycles.h"
#include "app/cycles_internal.h"
#include "app/framework_files.h"
#include "app/import_into.h"
#include "storage/store.h"

namespace ladder {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

std::string Id(int i) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "p%06d", i);
  return buf;
}

// The store of `people` people, built on first use.
storage::Store& StoreOf(int people) {
  static std::map<int, std::unique_ptr<storage::Store>> stores;
  auto found = stores.find(people);
  if (found != stores.end()) return *found->second;
  namespace fs = std::filesystem;
  const fs::path path =
      fs::temp_directory_path() / ("ladder-cycle-bench-" + std::to_string(people) + ".db");
  const bool fresh = !fs::exists(path);
  auto opened = storage::OpenStore("sqlite:" + path.string());
  if (!opened) throw std::runtime_error(opened.error().ToString());
  storage::Store& store = **opened;
  if (fresh) {
    auto frameworks =
        app::ReadFrameworkFiles({std::string(LADDER_SOURCE_DIR) + "/examples/engineering.yaml"});
    if (!frameworks) throw std::runtime_error(frameworks.error().ToString());
    const model::Framework& f = frameworks->front();
    if (auto s = app::StoreFrameworks(store, *frameworks, true, D("2026-01-01"), "bench"); !s)
      throw std::runtime_error(s.error().ToString());
    const char* levels[] = {"E1", "E2", "E3", "E4"};
    for (int start = 0; start < people; start += 5000) {
      storage::PeopleBatch batch;
      for (int i = start; i < std::min(people, start + 5000); ++i) {
        model::Person p{Id(i), "Person " + std::to_string(i), "", "", D("2022-01-01")};
        if (i % 25 != 0) p.manager = Id(i - i % 25);
        batch.people.push_back(p);
        const char* level = levels[i % 4];
        const char* before = levels[(i + 3) % 4];
        batch.assignments.push_back({"",
                                     p.id,
                                     f.id,
                                     f.version,
                                     "ic",
                                     before,
                                     {},
                                     D("2023-01-01"),
                                     D("2025-01-01"),
                                     "hire"});
        batch.assignments.push_back({"",
                                     p.id,
                                     f.id,
                                     f.version,
                                     "ic",
                                     level,
                                     {},
                                     D("2025-01-01").AddDays(i % 600),
                                     {},
                                     "promotion"});
        for (int e = 0; e < 3; ++e) {
          model::Evidence ev;
          ev.person = p.id;
          ev.kind = "talk";
          ev.title = "Talk " + std::to_string(e);
          ev.date = D("2025-03-01").AddMonths(e * 2);
          batch.evidence.push_back(ev);
        }
      }
      // Managers first: a manager of the batch is written in it.
      if (auto s = store.WritePeopleBatch("bench", batch); !s)
        throw std::runtime_error(s.error().ToString());
    }
  }
  return *stores.emplace(people, std::move(*opened)).first->second;
}

app::CycleSpec Spec(const std::string& id) {
  app::CycleSpec spec;
  spec.id = id;
  spec.name = id;
  spec.frameworks = {"engineering"};
  spec.evaluation = D("2027-01-01");
  Date d = D("2027-01-15");
  for (model::CyclePhase p : model::kCyclePhases) {
    spec.phases.push_back({p, d});
    d = d.AddDays(10);
  }
  return spec;
}

void BM_OpenCycle(benchmark::State& state) {
  const int people = static_cast<int>(state.range(0));
  storage::Store& store = StoreOf(people);
  // Whoever opens needs the people team's role: an account of p000000.
  app::AccountService accounts(store);
  (void)accounts.AddUser(
      "bench",
      app::NewUser{"hr", "", Id(0), {model::UserRole::kPeopleTeam}, "bench-password-long"});
  app::CycleService cycles(store, "bench");
  int run = 0;
  size_t candidates = 0;
  for (auto _ : state) {
    const std::string id =
        "bench-" + std::to_string(people) + "-" + std::to_string(run++) + "-" +
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    Result<model::Cycle> c = cycles.Open(Spec(id), Id(0), D("2026-12-01"));
    if (!c) {
      state.SkipWithError(c.error().ToString().c_str());
      break;
    }
    state.PauseTiming();
    candidates = store.ListCandidates(id)->size();
    model::Cycle closed = *c;  // closed, so that the next run's people are free again
    closed.status = model::CycleStatus::kClosed;
    closed.closed = D("2026-12-02");
    if (auto s = store.SaveCycle("bench", closed); !s) state.SkipWithError("close");
    state.ResumeTiming();
  }
  state.counters["candidates"] = static_cast<double>(candidates);
}
BENCHMARK(BM_OpenCycle)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(2);

// The snapshot alone (reading and evaluating, nothing written): what BM_OpenCycle spends
// before its transaction.
void BM_Snapshot(benchmark::State& state) {
  const int people = static_cast<int>(state.range(0));
  storage::Store& store = StoreOf(people);
  model::Cycle c;
  c.id = "snapshot";
  c.frameworks = {"engineering"};
  c.evaluation = D("2027-01-01");
  size_t candidates = 0;
  for (auto _ : state) {
    Result<std::vector<model::Candidate>> taken = app::internal::TakeSnapshot(store, c, {});
    if (!taken) {
      state.SkipWithError(taken.error().ToString().c_str());
      break;
    }
    candidates = taken->size();
  }
  state.counters["candidates"] = static_cast<double>(candidates);
}
BENCHMARK(BM_Snapshot)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_BoardRows(benchmark::State& state) {
  app::CycleReport report;
  const model::Readiness readiness[] = {model::Readiness::kEligible, model::Readiness::kClose,
                                        model::Readiness::kBlocked, model::Readiness::kBlocked};
  for (int i = 0; i < 10000; ++i) {
    app::CycleRow row;
    model::Candidate& k = row.candidate;
    k.person = Id(i);
    k.name = "Person " + std::to_string(i);
    k.manager = i % 25 == 0 ? "" : Id(i - i % 25);
    k.framework = "engineering";
    k.track = "ic";
    k.level = "E" + std::to_string(1 + i % 4);
    k.target_track = "ic";
    k.target_level = "E" + std::to_string(2 + i % 4);
    k.target_label = k.target_level;
    k.target_rank = 2 + i % 4;
    k.readiness = readiness[i % 4];
    if (i % 10 == 0) {
      model::Case c;
      c.id = "case-" + std::to_string(i);
      c.person = k.person;
      c.status = model::CaseStatus::kPeerReview;
      row.review = c;
    }
    row.evidence = i % 7;
    report.rows.push_back(std::move(row));
  }
  const app::CycleBoard board(std::move(report));
  app::CycleFilter filter;
  filter.sort = state.range(0) == 0 ? "target" : "readiness";
  filter.manager = state.range(0) == 0 ? "" : Id(25);
  size_t shown = 0;
  for (auto _ : state) {
    std::vector<const app::CycleRow*> rows = app::FilterRows(board, filter);
    shown = rows.size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(shown);
}
BENCHMARK(BM_BoardRows)->ArgName("below_manager")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ladder
