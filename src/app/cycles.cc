#include "app/cycles.h"

#include <algorithm>
#include <set>

#include "app/access.h"
#include "app/cycles_internal.h"
#include "app/review_internal.h"
#include "base/text.h"
#include "base/unicode.h"
#include "formats/csv_export.h"

namespace ladder::app {

using internal::Named;
using internal::Quote;

namespace {

model::CycleEvent Event(Date date, std::string actor, std::string what) {
  return {date, std::move(actor), std::move(what)};
}

std::string StageName(const CycleRow& row) {
  if (!row.review) return row.candidate.Nominated() ? "nominated" : "none";
  if (row.review->decision) return model::OutcomeName(row.review->decision->outcome);
  return model::CaseStatusName(row.review->status);
}

}  // namespace

std::string CycleRow::Stage() const {
  if (!review) return candidate.Nominated() ? "nominated" : "not nominated";
  if (review->decision) {
    std::string out = model::OutcomeName(review->decision->outcome);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (review->decision->outcome == model::Outcome::kPromoted)
      out +=
          " to " + candidate.target_label + ", effective " + review->decision->effective.ToString();
    return out;
  }
  std::string out = model::CaseStatusName(review->status);
  std::replace(out.begin(), out.end(), '_', ' ');
  return "review: " + out;
}

CycleBoard::CycleBoard(CycleReport r) : report(std::move(r)) {
  std::set<std::string> fws, tgts;
  for (const CycleRow& row : report.rows) {
    const model::Candidate& k = row.candidate;
    if (!k.manager.empty()) reports[k.manager].push_back(k.person);
    fws.insert(k.framework);
    if (!k.target_level.empty()) tgts.insert(k.target_track + "/" + k.target_level);
    names.emplace(k.person, k.name);
    folded.push_back(text::FoldForSearch(k.name + " " + k.person, ""));
    if (row.review)
      ++pipeline[row.review->decision ? model::OutcomeName(row.review->decision->outcome)
                                      : model::CaseStatusName(row.review->status)];
  }
  frameworks.assign(fws.begin(), fws.end());
  targets.assign(tgts.begin(), tgts.end());
}

std::vector<const CycleRow*> FilterRows(const CycleBoard& board, const CycleFilter& filter) {
  const CycleReport& report = board.report;
  std::set<std::string> below;
  if (!filter.manager.empty()) {
    std::vector<std::string> todo{filter.manager};
    while (!todo.empty()) {
      std::string at = std::move(todo.back());
      todo.pop_back();
      auto reports = board.reports.find(at);
      if (reports == board.reports.end()) continue;
      for (const std::string& r : reports->second)
        if (below.insert(r).second) todo.push_back(r);
    }
  }
  std::string search = filter.search.empty() ? "" : text::FoldForSearch(filter.search, "");
  std::vector<const CycleRow*> out;
  for (size_t i = 0; i < report.rows.size(); ++i) {
    const CycleRow& row = report.rows[i];
    const model::Candidate& c = row.candidate;
    bool candidate = c.readiness == model::Readiness::kEligible ||
                     c.readiness == model::Readiness::kClose || c.Nominated() || row.review;
    if (filter.candidates_only && !candidate) continue;
    if (!filter.framework.empty() && c.framework != filter.framework) continue;
    if (!filter.track.empty() && c.track != filter.track) continue;
    if (!filter.level.empty() && c.level != filter.level) continue;
    if (!filter.target.empty() && c.target_track + "/" + c.target_level != filter.target) continue;
    if (!filter.readiness.empty() && model::ReadinessName(c.readiness) != filter.readiness)
      continue;
    if (!filter.stage.empty()) {
      std::string stage = StageName(row);
      bool open = row.review && !row.review->decision;
      if (stage != filter.stage && !(filter.stage == "open" && open)) continue;
    }
    if (!filter.manager.empty() && !below.contains(c.person)) continue;
    if (!search.empty() && board.folded[i].find(search) == std::string::npos) continue;
    out.push_back(&row);
  }
  std::stable_sort(out.begin(), out.end(), [&](const CycleRow* a, const CycleRow* b) {
    const model::Candidate &x = a->candidate, &y = b->candidate;
    const std::string& s = filter.sort;
    if (s == "level")
      return std::tie(x.track, x.level, x.name) < std::tie(y.track, y.level, y.name);
    if (s == "target")
      return std::tie(x.target_rank, x.target_track, x.target_level, x.name) <
             std::tie(y.target_rank, y.target_track, y.target_level, y.name);
    if (s == "readiness")
      return std::tie(x.readiness, x.earliest, x.name) < std::tie(y.readiness, y.earliest, y.name);
    if (s == "earliest") return std::tie(x.earliest, x.name) < std::tie(y.earliest, y.name);
    if (s == "evidence") return std::tie(b->evidence, x.name) < std::tie(a->evidence, y.name);
    if (s == "stage") {
      std::string sa = StageName(*a), sb = StageName(*b);
      return std::tie(sa, x.name) < std::tie(sb, y.name);
    }
    return std::tie(x.name, x.person) < std::tie(y.name, y.person);
  });
  return out;
}

std::vector<std::vector<std::string>> CycleReportRows(const CycleReport& report) {
  std::vector<std::vector<std::string>> out;
  out.push_back({"cycle",     "person",    "name",        "manager",      "framework",
                 "version",   "track",     "level",       "target_track", "target_level",
                 "target",    "readiness", "earliest",    "reasons",      "nominated_by",
                 "nominated", "case",      "case_status", "outcome",      "effective"});
  for (const CycleRow& row : report.rows) {
    const model::Candidate& c = row.candidate;
    std::string outcome = c.outcome, effective = c.effective.ToString();
    if (outcome.empty() && row.review && row.review->decision) {
      outcome = model::OutcomeName(row.review->decision->outcome);
      effective = row.review->decision->effective.ToString();
    }
    out.push_back({c.cycle,
                   c.person,
                   c.name,
                   c.manager,
                   c.framework,
                   c.version,
                   c.track,
                   c.level,
                   c.target_track,
                   c.target_level,
                   c.target_label,
                   model::ReadinessName(c.readiness),
                   c.earliest.ToString(),
                   text::Join(c.reasons, "; "),
                   c.nominated_by,
                   c.nominated.ToString(),
                   row.review ? row.review->id : c.case_id,
                   row.review ? model::CaseStatusName(row.review->status) : "",
                   outcome,
                   effective});
  }
  return out;
}

std::string CycleReportCsv(const CycleReport& report) {
  std::string out;
  for (const std::vector<std::string>& row : CycleReportRows(report))
    out += formats::CsvRecord(row) + "\r\n";
  return out;
}

// -- The service ----------------------------------------------------------------------------------

Result<Actor> CycleService::ActorFor(std::string_view by) {
  return CallerActor(store_, principal_ ? &*principal_ : nullptr, by);
}

Result<Actor> CycleService::Runner(std::string_view by, std::string_view subject) {
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(Permit(actor, Action::kRunCycle, Relation::kOther, subject));
  return actor;
}

Result<model::Cycle> CycleService::OpenCycle(std::string_view id) {
  LADDER_TRY(model::Cycle c, store_.GetCycle(id));
  if (c.status == model::CycleStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "cycle " + c.id + " is closed (on " +
                                               c.closed.ToString() + "): its record cannot change");
  return c;
}

ReviewService CycleService::Review(storage::Store& store) const {
  if (principal_) return ReviewService(store, *principal_, sources_);
  return ReviewService(store, actor_, sources_);
}

Result<model::Cycle> CycleService::Open(CycleSpec spec, std::string_view by, Date today) {
  model::Cycle c;
  c.id = spec.id.empty() ? text::Slugify(spec.name) : spec.id;
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  c.name = spec.name;
  c.frameworks = std::move(spec.frameworks);
  std::sort(c.frameworks.begin(), c.frameworks.end());
  c.frameworks.erase(std::unique(c.frameworks.begin(), c.frameworks.end()), c.frameworks.end());
  c.manager = spec.manager;
  c.evaluation = spec.evaluation;
  c.close_days = spec.close_days;
  c.phases = std::move(spec.phases);
  c.phase = model::CyclePhase::kNominations;
  c.opened_by = Named(actor, actor_);
  c.opened = today;
  c.history.push_back(Event(today, c.opened_by, "opened"));
  if (std::vector<Error> errors = model::ValidateCycle(c); !errors.empty())
    return Fail(errors.front());
  if (!c.phases.empty() && c.phases.front().deadline < today)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the nominations deadline " + c.phases.front().deadline.ToString() +
                         " has passed (today is " + today.ToString() + ")",
                     {}, "cycle.phases[0].deadline");
  LADDER_TRY(std::vector<model::Candidate> candidates, internal::TakeSnapshot(store_, c, sources_));
  if (candidates.empty())
    return MakeError(ErrorCode::kFailedPrecondition,
                     "nobody holds a level of " + text::Join(c.frameworks, ", ") + " on " +
                         c.evaluation.ToString() +
                         (c.manager.empty() ? "" : " below " + c.manager) +
                         ": the cycle would be empty",
                     {}, "cycle.frameworks");
  LADDER_TRY_STATUS(store_.OpenCycle(actor_, c, candidates));
  return c;
}

Result<model::Cycle> CycleService::Advance(std::string_view id, std::string_view by, Date today) {
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  std::optional<model::CyclePhase> next = model::NextPhase(c.phase);
  if (!next)
    return MakeError(ErrorCode::kFailedPrecondition, "cycle " + c.id + " is in its last phase (" +
                                                         model::CyclePhaseName(c.phase) +
                                                         "): close it");
  c.phase = *next;
  c.history.push_back(
      Event(today, Named(actor, actor_), std::string("moved to ") + model::CyclePhaseName(*next)));
  LADDER_TRY_STATUS(store_.SaveCycle(actor_, c));
  return c;
}

Result<model::Cycle> CycleService::Close(std::string_view id, std::string_view by, Date today) {
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  if (c.phase != model::CyclePhase::kCommunicated)
    return MakeError(ErrorCode::kFailedPrecondition,
                     "cycle " + c.id + " is in its " + model::CyclePhaseName(c.phase) +
                         " phase: a cycle closes once its outcomes are communicated "
                         "(ladder cycle advance)");
  LADDER_TRY(CycleReport report, Report(c.id));
  std::vector<model::Candidate> outcomes;
  for (CycleRow& row : report.rows) {
    if (!row.review) continue;
    model::Candidate k = std::move(row.candidate);
    k.case_id = row.review->id;
    k.outcome =
        row.review->decision ? model::OutcomeName(row.review->decision->outcome) : "undecided";
    if (row.review->decision) k.effective = row.review->decision->effective;
    outcomes.push_back(std::move(k));
  }
  c.status = model::CycleStatus::kClosed;
  c.closed = today;
  c.closed_by = Named(actor, actor_);
  c.history.push_back(Event(today, c.closed_by, "closed"));
  LADDER_TRY_STATUS(store_.SaveCycle(actor_, c, outcomes));
  return c;
}

Result<model::Cycle> CycleService::Note(std::string_view id, std::string_view person,
                                        std::string_view note, std::string_view by, Date today) {
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  std::string text(text::Trim(note));
  if (text.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a note needs its text", {}, "note");
  if (!person.empty()) LADDER_TRY_STATUS(store_.ListCandidates(c.id, person));
  c.notes.push_back({today, Named(actor, actor_), std::string(person), text});
  LADDER_TRY_STATUS(store_.SaveCycle(actor_, c));
  return c;
}

Result<model::Candidate> CycleService::Nominate(std::string_view id, std::string_view person,
                                                std::string_view note, std::string_view by,
                                                Date today) {
  if (person.empty())
    return MakeError(ErrorCode::kInvalidArgument, "name the person to nominate", {}, "person");
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(Authorize(store_, actor, Action::kNominate, person, nullptr,
                              "a nomination of " + std::string(person)));
  Date deadline = c.DeadlineOf(model::CyclePhase::kNominations);
  if (c.phase != model::CyclePhase::kNominations || deadline < today)
    return MakeError(
        ErrorCode::kFailedPrecondition,
        "nominations in cycle " + c.id + " closed on " + deadline.ToString() +
            (c.phase == model::CyclePhase::kNominations
                 ? ""
                 : std::string(" (it is in its ") + model::CyclePhaseName(c.phase) + " phase)"),
        {}, "cycle");
  LADDER_TRY(std::vector<model::Candidate> found, store_.ListCandidates(c.id, person));
  model::Candidate k = std::move(found.front());
  if (k.Nominated())
    return MakeError(
        ErrorCode::kAlreadyExists,
        k.person + " was nominated by " + k.nominated_by + " on " + k.nominated.ToString(), {},
        "person");
  if (k.readiness == model::Readiness::kNoTarget)
    return MakeError(
        ErrorCode::kFailedPrecondition,
        k.person + " has no next level to be nominated for (" + text::Join(k.reasons, "; ") + ")",
        {}, "person");
  k.nominated_by = Named(actor, actor_);
  k.nominated = today;
  k.nomination_note = std::string(text::Trim(note));
  LADDER_TRY_STATUS(store_.SaveCandidates(actor_, {k}));
  return k;
}

Result<BulkResult> CycleService::OpenReviews(std::string_view id,
                                             const std::vector<std::string>& people,
                                             std::string_view by, Date today) {
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  LADDER_TRY(CycleReport report, Report(c.id));
  std::set<std::string> asked(people.begin(), people.end());
  // Reviews open outside the cycle: a second review of the same person for the same level is
  // not opened beside them.
  LADDER_TRY(std::vector<model::Case> all_cases, store_.ListCases(""));
  std::map<std::string, std::string> open_elsewhere;  // "person target" -> case id
  for (const model::Case& k : all_cases)
    if (k.status != model::CaseStatus::kClosed && k.cycle != c.id)
      open_elsewhere.emplace(k.person + " " + k.target_track + "/" + k.target_level, k.id);
  BulkResult result;
  std::vector<const CycleRow*> todo;
  for (const CycleRow& row : report.rows) {
    const model::Candidate& k = row.candidate;
    if (!people.empty() ? !asked.erase(k.person)
                        : !(k.readiness == model::Readiness::kEligible || k.Nominated()))
      continue;
    if (row.review) {
      result.skipped.push_back(k.person + ": already has case " + row.review->id);
      continue;
    }
    if (k.target_level.empty()) {
      result.skipped.push_back(k.person + ": no next level");
      continue;
    }
    auto elsewhere = open_elsewhere.find(k.person + " " + k.target_track + "/" + k.target_level);
    if (elsewhere != open_elsewhere.end()) {
      result.skipped.push_back(k.person + ": review " + elsewhere->second + " for " +
                               k.target_label + " is open outside the cycle");
      continue;
    }
    todo.push_back(&row);
  }
  for (const std::string& unknown : asked)
    return MakeError(ErrorCode::kNotFound, unknown + " is not in cycle " + c.id, {}, "people");
  std::string by_person = Named(actor, actor_);
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    ReviewService review = Review(tx);
    for (const CycleRow* row : todo) {
      const model::Candidate& k = row->candidate;
      Result<model::Case> opened = review.OpenCase(k.person, k.target_track + "/" + k.target_level,
                                                   principal_ ? "" : by_person, today, {}, c.id);
      if (!opened) {
        Error e = opened.error();
        e.message = k.person + ": " + e.message;
        return Fail(e);
      }
      result.done.push_back(opened->id);
    }
    return Ok();
  }));
  return result;
}

Result<BulkResult> CycleService::NamePanels(std::string_view id,
                                            const std::vector<std::string>& cases,
                                            const std::vector<std::string>& panel,
                                            std::string_view by, Date today) {
  LADDER_TRY(model::Cycle c, OpenCycle(id));
  LADDER_TRY(Actor actor, Runner(by, "cycle " + c.id));
  if (panel.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no panel given: name its reviewers", {},
                     "panel");
  LADDER_TRY(std::vector<model::Case> in_cycle, store_.ListCycleCases(c.id));
  std::set<std::string> asked(cases.begin(), cases.end());
  BulkResult result;
  std::vector<std::string> todo;
  for (const model::Case& k : in_cycle) {
    if (!cases.empty() ? !asked.erase(k.id) : !(k.panel.empty() && !k.decision)) continue;
    if (k.decision) {
      result.skipped.push_back(k.id + ": decided");
      continue;
    }
    if (std::find(panel.begin(), panel.end(), k.person) != panel.end()) {
      result.skipped.push_back(k.id + ": " + k.person + " cannot sit on their own panel");
      continue;
    }
    todo.push_back(k.id);
  }
  for (const std::string& unknown : asked)
    return MakeError(ErrorCode::kNotFound, "no case " + unknown + " in cycle " + c.id, {}, "cases");
  std::string by_person = Named(actor, actor_);
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    ReviewService review = Review(tx);
    for (const std::string& k : todo) {
      Result<model::Case> named = review.SetPanel(k, panel, principal_ ? "" : by_person, today);
      if (!named) {
        Error e = named.error();
        e.message = k + ": " + e.message;
        return Fail(e);
      }
      result.done.push_back(k);
    }
    return Ok();
  }));
  return result;
}

Result<CycleReport> CycleService::Report(std::string_view id, bool evidence) {
  CycleReport report;
  LADDER_TRY(report.cycle, store_.GetCycle(id));
  LADDER_TRY(std::vector<model::Candidate> candidates, store_.ListCandidates(report.cycle.id));
  LADDER_TRY(std::vector<model::Case> cases, store_.ListCycleCases(report.cycle.id));
  std::map<std::string, int> counts;
  if (evidence) {
    LADDER_TRY(counts, store_.CountEvidence());
  }
  std::map<std::string, model::Case*> case_of;  // a person has one case in a cycle
  for (model::Case& c : cases) case_of.emplace(c.person, &c);
  report.rows.reserve(candidates.size());
  for (model::Candidate& k : candidates) {
    CycleRow row;
    if (auto c = case_of.find(k.person); c != case_of.end()) row.review = std::move(*c->second);
    auto n = counts.find(k.person);
    row.evidence = n == counts.end() ? 0 : n->second;
    row.candidate = std::move(k);
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace ladder::app
