// The snapshot of a review cycle: everyone in its scope, evaluated for their next level on the
// evaluation date, read in one pass over the store (Store::ForEachPersonRecords) and evaluated
// through one prepared rules::Evaluator per framework.
#include <algorithm>
#include <deque>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "app/cycles_internal.h"
#include "model/rule.h"
#include "rules/eligibility.h"

namespace ladder::app::internal {
namespace {

// A framework in scope, prepared once.
struct Prepared {
  std::shared_ptr<const model::Framework> framework;
  std::unique_ptr<rules::Evaluator> evaluator;
  std::vector<model::Need> needs;
};

// The people below `manager` (not the manager), or kNotFound.
Result<std::set<std::string>> Organisation(storage::Store& store, const std::string& manager) {
  LADDER_TRY(std::vector<model::Person> people, store.ListPeople({}));
  std::unordered_map<std::string, std::vector<std::string>> reports;
  bool found = false;
  for (const model::Person& p : people) {
    if (p.id == manager) found = true;
    if (!p.manager.empty()) reports[p.manager].push_back(p.id);
  }
  if (!found)
    return MakeError(ErrorCode::kNotFound, "no person " + manager + " to scope the cycle by", {},
                     "cycle.manager");
  std::set<std::string> below;
  std::vector<std::string> todo{manager};
  while (!todo.empty()) {
    std::string at = std::move(todo.back());
    todo.pop_back();
    for (const std::string& r : reports[at])
      if (below.insert(r).second) todo.push_back(r);  // a stored cycle stops here
  }
  return below;
}

// True for what the review of the cycle itself settles: a peer review (its panel votes in the
// cycle), and a manual checkpoint or an approval that awaits its sign-off.
bool SettledInReview(const rules::RequirementResult& r) {
  return r.kind == model::PeerReviewPassed::kName ||
         r.status == rules::RequirementStatus::kAwaitingSignOff;
}

// Where a person stands for the cycle: what the review settles does not hold them back (it
// is what the cycle is for); time does until its earliest date; anything else blocks.
void Classify(const model::Cycle& cycle, const rules::Verdict& v, model::Candidate& c) {
  if (v.overall == rules::Overall::kUndefinedTarget) {
    c.readiness = model::Readiness::kBlocked;
    c.reasons.push_back("the framework leaves " + c.target_label + " undefined");
    return;
  }
  if (v.overall == rules::Overall::kNothingChecked)
    c.reasons.push_back("no requirement is checked: the committee's decision is the check");
  bool blocked = false;
  Date earliest;
  for (const rules::RequirementResult& r : v.requirements) {
    if (rules::Satisfied(r.status)) continue;
    std::string line = r.text + " (";
    if (SettledInReview(r)) {
      line += "settled in the review)";
    } else if (!r.earliest.empty()) {
      if (earliest < r.earliest) earliest = r.earliest;
      line += "earliest on " + r.earliest.ToString() + ")";
    } else {
      blocked = true;
      std::string status = rules::RequirementStatusName(r.status);
      std::replace(status.begin(), status.end(), '_', ' ');
      line += status + ")";
    }
    c.reasons.push_back(std::move(line));
  }
  c.earliest = earliest;
  if (blocked) {
    c.readiness = model::Readiness::kBlocked;
  } else if (earliest.empty() || !(cycle.evaluation < earliest)) {
    c.readiness = model::Readiness::kEligible;
  } else {
    c.readiness = cycle.evaluation.AddDays(cycle.close_days) < earliest ? model::Readiness::kBlocked
                                                                        : model::Readiness::kClose;
  }
}

// People evaluated by one task.
constexpr size_t kPeoplePerTask = 2000;

// The candidates among `people` (those holding a level of a framework in `scope` on the
// evaluation date), each with their readiness for their next level.
Result<std::vector<model::Candidate>> EvaluateChunk(const model::Cycle& cycle,
                                                    const std::map<std::string, Prepared>& scope,
                                                    std::vector<storage::PersonRecords>& people) {
  std::vector<model::Candidate> out;
  rules::Verdict verdict;
  rules::Records records;
  for (storage::PersonRecords& pr : people) {
    // The level held on the evaluation date in a framework of the cycle (the latest started).
    const model::Assignment* held = nullptr;
    for (const auto& [id, prepared] : scope) {
      const model::Assignment* a = rules::CurrentAssignment(pr.assignments, id, cycle.evaluation);
      if (a && (!held || held->from < a->from)) held = a;
    }
    if (!held) continue;
    const Prepared& p = scope.at(held->framework);
    const model::Framework& f = *p.framework;
    model::Candidate c;
    c.cycle = cycle.id;
    c.person = pr.person.id;
    c.name = pr.person.name;
    c.manager = pr.person.manager;
    c.framework = f.id;
    c.version = held->version;
    c.track = held->track;
    c.level = held->level;
    Result<rules::Target> target = rules::ResolveTarget(f, "next", held);
    if (!target || target->kind != rules::Target::Kind::kLevel || target->level.empty()) {
      c.readiness = model::Readiness::kNoTarget;
      c.reasons.push_back(target ? "no next level" : target.error().message);
      out.push_back(std::move(c));
      continue;
    }
    c.target_track = target->track;
    c.target_level = target->level;
    const model::Track* t = f.FindTrack(target->track);
    const model::Level* l = t ? t->FindLevel(target->level) : nullptr;
    c.target_label = l ? l->Label() : target->level;
    c.target_rank = l ? l->rank : 0;
    records.person = pr.person.id;
    records.assignments = std::move(pr.assignments);
    records.evidence = std::move(pr.evidence);
    records.metrics = std::move(pr.metrics);
    records.assessments = std::move(pr.assessments);
    records.signoffs = std::move(pr.signoffs);
    records.waivers = std::move(pr.waivers);
    records.cases = std::move(pr.cases);
    records.needs = p.needs;
    LADDER_TRY_STATUS(p.evaluator->EvaluateInto(*target, records, cycle.evaluation,
                                                rules::EvaluateOptions{.explain = false}, verdict));
    Classify(cycle, verdict, c);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<std::vector<model::Candidate>> TakeSnapshot(storage::Store& store, const model::Cycle& cycle,
                                                   const ReviewSources& sources) {
  std::map<std::string, Prepared> scope;
  for (const std::string& id : cycle.frameworks) {
    Prepared p;
    Result<std::shared_ptr<const model::Framework>> f =
        sources.frameworks ? sources.frameworks(id, "")
                           : [&]() -> Result<std::shared_ptr<const model::Framework>> {
      LADDER_TRY(model::Framework stored, store.GetFramework(id, ""));
      return std::make_shared<const model::Framework>(std::move(stored));
    }();
    if (!f)
      return MakeError(ErrorCode::kNotFound,
                       "framework " + id + " has no published version to evaluate against (" +
                           f.error().message + ")",
                       {}, "cycle.frameworks");
    p.framework = std::move(*f);
    p.evaluator = std::make_unique<rules::Evaluator>(*p.framework);
    LADDER_TRY(p.needs, store.ListNeeds(id));
    scope.emplace(id, std::move(p));
  }
  std::optional<std::set<std::string>> organisation;
  if (!cycle.manager.empty()) {
    LADDER_TRY(organisation, Organisation(store, cycle.manager));
  }

  // The store reads people a chunk at a time while the chunk read before is evaluated on
  // another thread (the Evaluators are thread-safe; each task has its own Verdict).
  std::vector<model::Candidate> out;
  std::deque<std::future<Result<std::vector<model::Candidate>>>> pending;
  std::vector<storage::PersonRecords> chunk;
  auto collect = [&](size_t keep) -> Status {
    while (pending.size() > keep) {
      LADDER_TRY(std::vector<model::Candidate> done, pending.front().get());
      pending.pop_front();
      std::move(done.begin(), done.end(), std::back_inserter(out));
    }
    return Ok();
  };
  auto launch = [&] {
    pending.push_back(
        std::async(std::launch::async, [&cycle, &scope, people = std::move(chunk)]() mutable {
          return EvaluateChunk(cycle, scope, people);
        }));
    chunk = {};
  };
  LADDER_TRY_STATUS(store.ForEachPersonRecords([&](storage::PersonRecords&& pr) -> Status {
    if (organisation && !organisation->contains(pr.person.id)) return Ok();
    chunk.push_back(std::move(pr));
    if (chunk.size() < kPeoplePerTask) return Ok();
    launch();
    return collect(2);
  }));
  if (!chunk.empty()) launch();
  LADDER_TRY_STATUS(collect(0));
  return out;
}

}  // namespace ladder::app::internal
