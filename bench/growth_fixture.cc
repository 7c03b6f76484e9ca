// Fills a database for the web app's load test (bench/load/growth_load.sh): the example
// engineering framework published, PEOPLE people in a management tree (a manager per 25
// people), each with two years of level history, six pieces of evidence and a year of quarterly
// manager and self assessments on every competency, and a user account "u<N>" for person N
// (password "load-test-password").
//
//   growth_fixture DATABASE_URL PEOPLE
// All of it goes through the Store (one transaction per 500 people), as the CLI would write it.
#include <chrono>
#include <cstdio>
#include <string>

#include "app/accounts.h"
#include "app/framework_files.h"
#include "app/import_into.h"
#include "storage/store.h"

using namespace ladder;

namespace {

std::string Id(const char* prefix, int i) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix, i);
  return buf;
}

Date D(const char* s) { return *Date::Parse(s); }

int Report(const Error& e) {
  std::fprintf(stderr, "growth_fixture: %s\n", e.ToString().c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: growth_fixture DATABASE_URL PEOPLE\n");
    return 2;
  }
  const int people = std::stoi(argv[2]);
  auto started = std::chrono::steady_clock::now();
  auto opened = storage::OpenStore(argv[1]);
  if (!opened) return Report(opened.error());
  storage::Store& store = **opened;
  auto frameworks =
      app::ReadFrameworkFiles({std::string(LADDER_SOURCE_DIR) + "/examples/engineering.yaml"});
  if (!frameworks) return Report(frameworks.error());
  const model::Framework f = frameworks->front();
  if (auto s = app::StoreFrameworks(store, *frameworks, true, D("2026-01-01"), "bench"); !s)
    return Report(s.error());
  const std::vector<std::string> levels = {"E1", "E2", "E3", "E4"};
  const char* kinds[] = {"talk", "doc", "design", "postmortem", "project", "planning"};
  for (int start = 0; start < people; start += 500) {
    Status batch = store.WithTransaction([&](storage::Store& tx) -> Status {
      for (int i = start; i < std::min(people, start + 500); ++i) {
        model::Person p;
        p.id = Id("p", i);
        p.name = "Person " + std::to_string(i);
        p.email = p.id + "@example.com";
        p.manager = i % 25 == 0 ? (i == 0 ? "" : Id("p", 0)) : Id("p", i - i % 25);
        p.hired = D("2023-01-01");
        LADDER_TRY_STATUS(tx.SavePerson("bench", p));
        const std::string level = levels[i % levels.size()];
        const std::string before = levels[(i + levels.size() - 1) % levels.size()];
        model::Assignment a{
            "", p.id, f.id, f.version, "ic", before, {}, D("2024-01-01"), D("2025-01-01"), "hire"};
        LADDER_TRY_STATUS(tx.AddAssignment("bench", a));
        a.level = level;
        a.from = D("2025-01-01");
        a.to = {};
        a.reason = "promotion";
        LADDER_TRY_STATUS(tx.AddAssignment("bench", a));
        for (int e = 0; e < 6; ++e) {
          model::Evidence ev;
          ev.person = p.id;
          ev.kind = kinds[e];
          ev.title = std::string(kinds[e]) + " " + std::to_string(e);
          ev.date = D("2025-02-01").AddMonths(e * 3);
          ev.competencies = {f.competencies[e % f.competencies.size()].id};
          LADDER_TRY_STATUS(tx.SaveEvidence("bench", ev));
        }
        for (int q = 0; q < 4; ++q) {
          for (const model::Competency& c : f.competencies) {
            for (model::AssessorRole role :
                 {model::AssessorRole::kManager, model::AssessorRole::kSelf}) {
              model::Assessment as;
              as.person = p.id;
              as.assessor =
                  role == model::AssessorRole::kSelf || p.manager.empty() ? p.id : p.manager;
              as.role = p.manager.empty() ? model::AssessorRole::kSelf : role;
              as.period_start = D("2025-07-01").AddMonths(q * 3);
              as.period_end = as.period_start.AddMonths(3).AddDays(-1);
              as.competency = c.id;
              as.rating = q == 3 ? model::Rating::kNext : model::Rating::kMeeting;
              as.framework = f.id;
              as.version = f.version;
              as.level = level;
              LADDER_TRY_STATUS(tx.SaveAssessment("bench", as));
            }
          }
        }
      }
      return Ok();
    });
    if (!batch) return Report(batch.error());
  }
  // Accounts for a few people (hashing is deliberately slow: not one per person).
  app::AccountService accounts(store);
  for (int i : {0, 1, 26, people / 2, people - 1}) {
    auto u = accounts.AddUser(
        "bench",
        app::NewUser{
            Id("u", i), "", Id("p", i), {model::UserRole::kManager}, "load-test-password"});
    if (!u && u.error().code != ErrorCode::kAlreadyExists) return Report(u.error());
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  std::fprintf(stderr, "growth_fixture: %d people with their records in %lld ms\n", people,
               static_cast<long long>(ms));
  return 0;
}
