// `ladder assess PERSON --by ASSESSOR --role manager --competency C --period A..B --rating R`:
// assessments (self, manager, peer), pinned to the framework version of the person's level.
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"
#include "cli/take_back.h"

namespace ladder::cli {
namespace {

struct AssessOptions {
  StoreOptions store;
  model::Assessment a;
  std::string role;
  std::string rating;
  std::string period;
  std::string competencies;
};

Result<int> RunAssess(AssessOptions o) {
  auto role = model::ParseAssessorRole(o.role);
  if (!role)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "'" + o.role + "' is not an assessor role; expected self, manager or peer",
                      {},
                      "--role"});
  auto rating = model::ParseRating(o.rating);
  if (!rating)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "'" + o.rating + "' is not a rating; expected below, meeting or next",
                      {},
                      "--rating"});
  Result<std::pair<Date, Date>> period = ParsePeriod("--period", o.period);
  if (!period) return Fail(period.error());
  std::vector<std::string> competencies = SplitList(o.competencies);
  if (competencies.empty())
    return Fail(
        Error{ErrorCode::kInvalidArgument, "name at least one competency", {}, "--competency"});
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  // Several competencies are recorded together or not at all.
  std::vector<std::string> saved;
  std::vector<std::pair<std::string, std::string>> replaced;  // competency, earlier rating id
  Status status = (*store)->WithTransaction([&](storage::Store& tx) -> Status {
    app::ReviewService in_tx(tx, CliActor());
    for (const std::string& c : competencies) {
      model::Assessment a = o.a;
      a.role = *role;
      a.rating = *rating;
      a.period_start = period->first;
      a.period_end = period->second;
      a.competency = c;
      std::string superseded;
      LADDER_TRY(std::string id, in_tx.Assess(a, &superseded));
      saved.push_back(id);
      if (!superseded.empty()) replaced.emplace_back(c, superseded);
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  // Two ratings of one period by one assessor: the later one counts; say so.
  for (const auto& [competency, earlier] : replaced)
    std::fprintf(stderr,
                 "warning: %s had already rated %s for %s in this period at this level "
                 "(assessment %s); this rating replaces it, and eligibility reads this one\n",
                 o.a.assessor.c_str(), competency.c_str(), o.period.c_str(), earlier.c_str());
  if (o.store.json) {
    nlohmann::json superseded = nlohmann::json::array();
    for (const auto& [competency, earlier] : replaced)
      superseded.push_back({{"competency", competency}, {"supersedes", earlier}});
    PrintJson(nlohmann::json{{"ids", saved}, {"superseded", superseded}});
  } else {
    std::printf("recorded %zu %s assessment%s of %s (%s) for %s: %s\n", saved.size(),
                o.role.c_str(), saved.size() == 1 ? "" : "s", o.a.person.c_str(), o.period.c_str(),
                o.competencies.c_str(), o.rating.c_str());
  }
  return kExitOk;
}

// `ladder assess correct ID --rating R ...`: the fields given replace the stored ones.
struct CorrectOptions {
  TakeBackOptions take_back;
  std::string period, rating, level, note;
};

void SetUpCorrections(CLI::App* cmd, std::vector<Run>& runs) {
  auto w = std::make_shared<TakeBackOptions>();
  auto* withdraw = AddTakeBack(
      cmd, "withdraw",
      "Withdraw an assessment: it stays stored, marked withdrawn, and no longer counts", *w);
  runs.push_back({withdraw, [w] {
                    return RunTakeBack(
                        *w, app::RecordKind::kAssessment, false,
                        [&](storage::Store&, app::ReviewService& review, const app::TakeBack& why) {
                          return review.Withdraw(app::RecordKind::kAssessment, w->id, why);
                        });
                  }});
  auto c = std::make_shared<CorrectOptions>();
  auto* correct = AddTakeBack(cmd, "correct",
                              "Correct an assessment: the corrected rating counts instead, the "
                              "original stays as corrected",
                              c->take_back);
  AddPeriodOption(correct, "--period", c->period, "START..END");
  correct->add_option("--rating", c->rating, "below | meeting | next");
  correct->add_option("--level", c->level, "Level assessed against");
  correct->add_option("--note", c->note, "A note");
  runs.push_back({correct, [c, correct] {
                    return RunCorrect(c->take_back, app::RecordKind::kAssessment, correct,
                                      {{"period", "--period", &c->period},
                                       {"rating", "--rating", &c->rating},
                                       {"level", "--level", &c->level},
                                       {"note", "--note", &c->note}});
                  }});
}

void SetUpAssess(CLI::App& app, std::vector<Run>& runs) {
  auto o = std::make_shared<AssessOptions>();
  auto* cmd = app.add_subcommand("assess", "Record an assessment (self, manager or peer)");
  SetUpCorrections(cmd, runs);
  // Required when `assess` records (not of `assess withdraw|correct`): RequireGiven.
  std::vector<const CLI::Option*> needed = {
      cmd->add_option("person", o->a.person, "Person assessed (required)"),
      cmd->add_option("--by", o->a.assessor, "Who assesses (person id; required)"),
      cmd->add_option("--role", o->role, "self | manager | peer (required)"),
      cmd->add_option("--competency", o->competencies,
                      "Competency ids, comma-separated (required)"),
      AddPeriodOption(cmd, "--period", o->period,
                      "START..END, e.g. 2026-01-01..2026-03-31 (required)"),
      cmd->add_option("--rating", o->rating,
                      "below (the current level) | meeting (it) | next (performing at the next; "
                      "required)")};
  cmd->add_option("--level", o->a.level, "Level assessed against (default: the person's level)");
  cmd->add_option("--framework", o->a.framework, "Framework id (default: the person's)");
  cmd->add_option("--note", o->a.note, "A note");
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o, needed]() -> Result<int> {
                    LADDER_TRY_STATUS(RequireGiven(needed));
                    return RunAssess(*o);
                  }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(63, ladder::cli::SetUpAssess);
