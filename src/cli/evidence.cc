// `ladder evidence add PERSON --kind K --date D ...`, `ladder evidence confirm EVIDENCE --by
// SIGNER` and `ladder evidence metric PERSON ...`: the records eligibility reads (talks,
// documents, post-mortems, periods in a role, SME sign-offs and their confirmation, metric
// values).
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"
#include "cli/take_back.h"

namespace ladder::cli {
namespace {

struct AddOptions {
  StoreOptions store;
  model::Evidence e;
  std::string by;
  std::string date;
  std::string end;
  std::string competencies;
};

Result<int> RunAdd(AddOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<Date> end = ParseDateOption("--end", o.end, Date());
  if (!end) return Fail(end.error());
  o.e.date = *date;
  o.e.end = *end;
  o.e.competencies = SplitList(o.competencies);
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.AddEvidence(o.e, o.by);
  if (!id) return Fail(id.error());
  Result<model::Evidence> stored = (*store)->GetEvidence(*id);
  if (!stored) return Fail(stored.error());
  const bool claim = stored->kind == "sme" && stored->confirmed.empty();
  if (o.store.json) {
    PrintJson(EvidenceJson(*stored));
  } else {
    std::printf("added evidence %s: %s for %s on %s\n", id->c_str(), o.e.kind.c_str(),
                o.e.person.c_str(), o.e.date.ToString().c_str());
    if (claim)
      std::printf("the sign-off counts once %s confirms it: ladder evidence confirm %s --by %s\n",
                  stored->signed_off_by.c_str(), id->c_str(), stored->signed_off_by.c_str());
  }
  return kExitOk;
}

struct ConfirmOptions {
  StoreOptions store;
  std::string id;
  std::string by;
  std::string date;
};

Result<int> RunConfirm(const ConfirmOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<model::Evidence> e = review.ConfirmSignOff(o.id, o.by, *date);
  if (!e) return Fail(e.error());
  if (o.store.json) {
    PrintJson(EvidenceJson(*e));
  } else {
    std::printf("confirmed the SME sign-off %s: %s for %s, by %s on %s\n", e->id.c_str(),
                e->skill.c_str(), e->person.c_str(), e->signed_off_by.c_str(),
                e->confirmed.ToString().c_str());
  }
  return kExitOk;
}

struct MetricOptions {
  StoreOptions store;
  model::Metric m;
  std::string period;
};

Result<int> RunMetric(MetricOptions o) {
  Result<std::pair<Date, Date>> period = ParsePeriod("--period", o.period);
  if (!period) return Fail(period.error());
  o.m.period_start = period->first;
  o.m.period_end = period->second;
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.AddMetric(o.m);
  if (!id) return Fail(id.error());
  if (o.store.json) {
    PrintJson(nlohmann::json{{"id", *id}});
  } else {
    std::printf("recorded %s = %g for %s, %s\n", o.m.name.c_str(), o.m.value, o.m.person.c_str(),
                o.period.c_str());
  }
  return kExitOk;
}

// `ladder evidence correct ID --title ...`: the fields given replace the stored ones.
struct CorrectOptions {
  TakeBackOptions take_back;
  std::string title, date, end, role, skill, signed_off_by, competencies, url, note;
};

Result<int> RunEvidenceCorrect(const CorrectOptions& o, const CLI::App* cmd) {
  return RunCorrect(o.take_back, app::RecordKind::kEvidence, cmd,
                    {{"title", "--title", &o.title},
                     {"date", "--date", &o.date},
                     {"end", "--end", &o.end},
                     {"role", "--role", &o.role},
                     {"skill", "--skill", &o.skill},
                     {"signed_off_by", "--signed-off-by", &o.signed_off_by},
                     {"competencies", "--competency", &o.competencies},
                     {"url", "--url", &o.url},
                     {"note", "--note", &o.note}});
}

void SetUpCorrections(CLI::App* group, std::vector<Run>& runs) {
  auto w = std::make_shared<TakeBackOptions>();
  auto* withdraw = AddTakeBack(group, "withdraw",
                               "Withdraw evidence: it stays stored, marked withdrawn, and no "
                               "longer counts",
                               *w);
  runs.push_back({withdraw, [w] {
                    return RunTakeBack(
                        *w, app::RecordKind::kEvidence, false,
                        [&](storage::Store&, app::ReviewService& review, const app::TakeBack& why) {
                          return review.Withdraw(app::RecordKind::kEvidence, w->id, why);
                        });
                  }});
  auto c = std::make_shared<CorrectOptions>();
  auto* correct = AddTakeBack(group, "correct",
                              "Correct evidence: the corrected record counts instead, the "
                              "original stays as corrected",
                              c->take_back);
  correct->add_option("--title", c->title, "What it was");
  AddDateOption(correct, "--date", c->date, "When it happened (YYYY-MM-DD)");
  AddDateOption(correct, "--end", c->end, "End of a period (kind role), YYYY-MM-DD");
  correct->add_option("--role", c->role, "Kind role: the role held");
  correct->add_option("--skill", c->skill, "Kind sme: the skill set");
  correct->add_option("--signed-off-by", c->signed_off_by, "Kind sme: who signed it off");
  correct->add_option("--competency", c->competencies, "Competency ids, comma-separated");
  correct->add_option("--url", c->url, "A link to it");
  correct->add_option("--note", c->note, "A note");
  runs.push_back({correct, [c, correct] { return RunEvidenceCorrect(*c, correct); }});
}

// `ladder evidence metric correct ID --value V`, `ladder evidence metric withdraw ID`.
struct MetricCorrectOptions {
  TakeBackOptions take_back;
  std::string period, value;
};

void SetUpMetricCorrections(CLI::App* metric, std::vector<Run>& runs) {
  auto w = std::make_shared<TakeBackOptions>();
  auto* withdraw = AddTakeBack(metric, "withdraw",
                               "Withdraw a metric value: it stays stored, marked withdrawn, and "
                               "no longer counts",
                               *w);
  runs.push_back({withdraw, [w] {
                    return RunTakeBack(
                        *w, app::RecordKind::kMetric, false,
                        [&](storage::Store&, app::ReviewService& review, const app::TakeBack& why) {
                          return review.Withdraw(app::RecordKind::kMetric, w->id, why);
                        });
                  }});
  auto c = std::make_shared<MetricCorrectOptions>();
  auto* correct =
      AddTakeBack(metric, "correct", "Correct a metric value: the corrected value counts instead",
                  c->take_back);
  AddPeriodOption(correct, "--period", c->period, "START..END");
  correct->add_option("--value", c->value, "The value");
  runs.push_back({correct, [c, correct] {
                    return RunCorrect(
                        c->take_back, app::RecordKind::kMetric, correct,
                        {{"period", "--period", &c->period}, {"value", "--value", &c->value}});
                  }});
}

void SetUpEvidence(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand("evidence", "Evidence and metrics of a person's growth");
  group->require_subcommand(1);

  auto o = std::make_shared<AddOptions>();
  auto* add = group->add_subcommand("add",
                                    "Record evidence: a talk, a document, a period in a "
                                    "role, an SME sign-off ...");
  add->add_option("person", o->e.person, "Person id")->required();
  add->add_option("--kind", o->e.kind,
                  "talk | doc | postmortem | design | ticket | project | planning | mentoring | "
                  "role | sme | other")
      ->required();
  AddDateOption(add, "--date", o->date, "When it happened, or the start of a period (YYYY-MM-DD)");
  AddDateOption(add, "--end", o->end,
                "End of a period (kind role), YYYY-MM-DD; leave out while ongoing");
  add->add_option("--title", o->e.title, "What it was");
  add->add_option("--role", o->e.role, "Kind role: the role held, e.g. tech-lead");
  add->add_option("--skill", o->e.skill, "Kind sme: the skill set");
  add->add_option("--signed-off-by", o->e.signed_off_by,
                  "Kind sme: who signed it off (it counts once they confirm it, unless they are "
                  "--by)");
  add->add_option("--by", o->by, "Who records it (default: the person)");
  add->add_option("--competency", o->competencies, "Competency ids, comma-separated");
  add->add_option("--url", o->e.url, "A link to it");
  add->add_option("--note", o->e.note, "A note");
  add->add_option("--id", o->e.id, "The record's id (default: a fresh one)");
  AddStoreOptions(add, o->store);
  runs.push_back({add, [o] { return RunAdd(*o); }});

  auto c = std::make_shared<ConfirmOptions>();
  auto* confirm = group->add_subcommand(
      "confirm", "Confirm an SME sign-off that names you as its signer, so that it counts");
  confirm->add_option("evidence", c->id, "The sign-off's evidence id")->required();
  confirm->add_option("--by", c->by, "The signer it names")->required();
  confirm->add_option("--date", c->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(confirm, c->store);
  runs.push_back({confirm, [c] { return RunConfirm(*c); }});

  SetUpCorrections(group, runs);

  auto m = std::make_shared<MetricOptions>();
  auto* metric = group->add_subcommand("metric", "Record a metric value for a period");
  SetUpMetricCorrections(metric, runs);
  metric->add_option("person", m->m.person, "Person id")->required();
  metric->add_option("--name", m->m.name, "Metric name, e.g. resolved_without_assistance")
      ->required();
  AddPeriodOption(metric, "--period", m->period, "START..END")->required();
  metric->add_option("--value", m->m.value, "The value")->required();
  AddStoreOptions(metric, m->store);
  runs.push_back({metric, [m] { return RunMetric(*m); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(62, ladder::cli::SetUpEvidence);
