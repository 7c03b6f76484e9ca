// Eligibility at scale: 100,000 synthetic people, each with five years of history (level
// periods, evidence, SME sign-offs, quarterly manager and self assessments in four categories,
// an advancement review), evaluated against their next level under a framework whose levels
// carry time, evidence, SME and peer-review requirements and whose policy is 12 + 3 months of
// performance. Target (docs/performance.md): 100,000 people in at most 1 s on one core, one
// person in under 1 ms.
//
// People are generated in batches of 1,000 outside the timed region (holding 100,000 people's
// records at once would take gigabytes); only the evaluation is timed, through one prepared
// rules::Evaluator and one reused Verdict, as a bulk view runs. Each benchmark runs twice: with
// explanations (one person's view) and without (EvaluateOptions::explain = false, the bulk view
// the 1 s target is for).
#include <benchmark/benchmark.h>

#include <random>

#include "rules/eligibility.h"

namespace ladder::rules {
namespace {

constexpr int kLevels = 6;
constexpr const char* kCompetencies[] = {"delivery", "craft", "customers", "team"};

model::Requirement Req(std::string text, model::Rule rule) {
  return model::Requirement{std::move(text), std::move(rule), {}};
}

model::Framework MakeFramework() {
  model::Framework f;
  f.id = "bench";
  f.version = "1";
  for (const char* c : kCompetencies) f.competencies.push_back({c, c, "", {}});
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  for (int i = 1; i <= kLevels; ++i) {
    model::Level l;
    l.code = "L" + std::to_string(i);
    l.rank = i;
    l.title = "Level " + std::to_string(i);
    for (const char* c : kCompetencies)
      l.expectations.push_back({c, "", {"does the work"}, false, "", {}});
    if (i > 1) {
      l.requirements = {
          Req("12 months at the previous level",
              model::TimeAtLevel{"L" + std::to_string(i - 1), 12}),
          Req("SME in two skill sets", model::SmeSkillsets{2, ""}),
          Req("Three talks", model::EvidenceCount{"talk", 3, 0}),
          Req("Five documents or post-mortems", model::EvidenceCount{"doc|postmortem", 5, 0}),
          Req("Tech lead for a year", model::TimeInRole{"tech-lead", 12}),
          Req("Successful peer review", model::PeerReviewPassed{}),
          Req("Reviewed by the director", model::ManualRule{})};
    }
    t.levels.push_back(std::move(l));
  }
  f.tracks.push_back(std::move(t));
  f.policy = {
      Req("12 months consistent at the current level", model::ConsistentPerformance{"", 12}),
      Req("3 months at the next level in all categories", model::PerformingAtNext{3, true})};
  return f;
}

const Date kToday(2026, 6, 1);

// Five years of one person's records, ending on kToday.
Records MakePerson(int n, std::mt19937& rng) {
  Records r;
  r.person = "p" + std::to_string(n);
  Date start = kToday.AddMonths(-60);
  int level = 1 + static_cast<int>(rng() % 3);
  // Three level periods over five years.
  Date cut1 = start.AddMonths(18 + static_cast<int>(rng() % 6));
  Date cut2 = cut1.AddMonths(18 + static_cast<int>(rng() % 6));
  Date bounds[] = {start, cut1, cut2, Date()};
  for (int i = 0; i < 3; ++i) {
    model::Assignment a;
    a.id = r.person + "-a" + std::to_string(i);
    a.person = r.person;
    a.framework = "bench";
    a.version = "1";
    a.track = "ic";
    a.level = "L" + std::to_string(level + i);
    a.from = bounds[i];
    a.to = bounds[i + 1];
    r.assignments.push_back(std::move(a));
  }
  const char* kinds[] = {"talk", "doc", "postmortem", "ticket", "project", "design"};
  for (int i = 0; i < 40; ++i) {
    model::Evidence e;
    e.id = r.person + "-e" + std::to_string(i);
    e.person = r.person;
    e.kind = kinds[rng() % 6];
    e.title = "Record " + std::to_string(i);
    e.date = start.AddDays(static_cast<long>(rng() % 1800));
    r.evidence.push_back(std::move(e));
  }
  for (int i = 0; i < 3; ++i) {
    model::Evidence e;
    e.id = r.person + "-s" + std::to_string(i);
    e.person = r.person;
    e.kind = "sme";
    e.skill = "skill-" + std::to_string(rng() % 6);
    e.signed_off_by = "lead";
    e.date = start.AddDays(static_cast<long>(rng() % 1800));
    e.confirmed = e.date;
    r.evidence.push_back(std::move(e));
  }
  model::Evidence lead;
  lead.id = r.person + "-role";
  lead.person = r.person;
  lead.kind = "role";
  lead.role = "tech-lead";
  lead.date = cut2.AddMonths(-static_cast<int>(rng() % 12));
  r.evidence.push_back(std::move(lead));
  // Quarterly assessments: manager and self, four categories, twenty quarters.
  for (int q = 0; q < 20; ++q) {
    Date from = start.AddMonths(3 * q);
    Date to = from.AddMonths(3).AddDays(-1);
    const model::Assignment* at = nullptr;
    for (const model::Assignment& a : r.assignments)
      if (a.from <= from && (a.to.empty() || from < a.to)) at = &a;
    for (const char* c : kCompetencies) {
      for (model::AssessorRole role : {model::AssessorRole::kManager, model::AssessorRole::kSelf}) {
        model::Assessment a;
        a.id = r.person + "-q" + std::to_string(q) + c +
               (role == model::AssessorRole::kSelf ? "s" : "m");
        a.person = r.person;
        a.assessor = role == model::AssessorRole::kSelf ? r.person : "m";
        a.role = role;
        a.period_start = from;
        a.period_end = to;
        a.competency = c;
        unsigned roll = rng() % 10;
        a.rating = roll == 0  ? model::Rating::kBelow
                   : roll < 7 ? model::Rating::kMeeting
                              : model::Rating::kNext;
        a.framework = "bench";
        a.version = "1";
        a.level = at ? at->level : "";
        r.assessments.push_back(std::move(a));
      }
    }
  }
  model::Case c;
  c.id = r.person + "-c";
  c.person = r.person;
  c.framework = "bench";
  c.target_track = "ic";
  c.target_level = "L" + std::to_string(level + 3);
  c.opened = kToday.AddMonths(-2);
  c.panel = {"x", "y", "z"};
  c.votes = {{"x", model::VoteChoice::kFor, "", kToday.AddMonths(-1)},
             {"y", model::VoteChoice::kFor, "", kToday.AddMonths(-1)}};
  r.cases.push_back(std::move(c));
  return r;
}

Target NextOf(const model::Framework& f, const Records& r) {
  const model::Assignment* cur = CurrentAssignment(r.assignments, f.id, kToday);
  return *ResolveTarget(f, "next", cur);
}

// One person's view, as `ladder eligibility` evaluates it: rules::Evaluate prepares what the
// target asks and evaluates one person. range(0) = 1 with explanations (reasons and record ids),
// 0 without.
void BM_EvaluateOnePerson(benchmark::State& state) {
  model::Framework f = MakeFramework();
  std::mt19937 rng(7);
  Records r = MakePerson(0, rng);
  Target t = NextOf(f, r);
  EvaluateOptions options{.explain = state.range(0) != 0};
  for (auto _ : state) {
    Result<Verdict> v = Evaluate(f, t, r, kToday, options);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_EvaluateOnePerson)->ArgName("explain")->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

// One person through a prepared Evaluator into a reused Verdict, the same records each time (so
// in cache): the cost of the evaluation itself, without reading records from memory.
void BM_EvaluatePrepared(benchmark::State& state) {
  model::Framework f = MakeFramework();
  std::mt19937 rng(7);
  Records r = MakePerson(0, rng);
  Target t = NextOf(f, r);
  Evaluator evaluator(f);
  EvaluateOptions options{.explain = state.range(0) != 0};
  Verdict v;
  for (auto _ : state) {
    Status s = evaluator.EvaluateInto(t, r, kToday, options, v);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_EvaluatePrepared)->ArgName("explain")->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

// Preparing the framework once (rules::Evaluator), as a bulk view does before its people.
void BM_PrepareFramework(benchmark::State& state) {
  model::Framework f = MakeFramework();
  for (auto _ : state) {
    Evaluator evaluator(f);
    benchmark::DoNotOptimize(&evaluator);
  }
}
BENCHMARK(BM_PrepareFramework)->Unit(benchmark::kMicrosecond);

// 100,000 people, each against their next level, through one Evaluator and one reused Verdict
// (the bulk view); generation is not timed. range(0) as above.
void BM_Evaluate100kPeople(benchmark::State& state) {
  model::Framework f = MakeFramework();
  constexpr int kPeople = 100000;
  constexpr int kBatch = 1000;
  EvaluateOptions options{.explain = state.range(0) != 0};
  std::vector<int> verdicts(5, 0);
  // Declared outside the timed loop and cleared while the timer is paused, so that freeing the
  // generated records is not timed either.
  std::vector<Records> batch;
  std::vector<Target> targets;
  batch.reserve(kBatch);
  for (auto _ : state) {
    Evaluator evaluator(f);  // timed: once per run
    Verdict v;
    std::mt19937 rng(42);
    for (int b = 0; b < kPeople / kBatch; ++b) {
      state.PauseTiming();
      batch.clear();
      targets.clear();
      for (int i = 0; i < kBatch; ++i) {
        batch.push_back(MakePerson(b * kBatch + i, rng));
        targets.push_back(NextOf(f, batch.back()));
      }
      state.ResumeTiming();
      for (int i = 0; i < kBatch; ++i) {
        Status s = evaluator.EvaluateInto(targets[i], batch[i], kToday, options, v);
        if (!s) state.SkipWithError(s.error().message.c_str());
        ++verdicts[static_cast<int>(v.overall)];
        benchmark::DoNotOptimize(v);
      }
    }
  }
  state.counters["eligible"] = verdicts[0];
  state.counters["not_yet"] = verdicts[1];
  state.counters["blocked"] = verdicts[2];
}
BENCHMARK(BM_Evaluate100kPeople)
    ->ArgName("explain")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace ladder::rules
