// `ladder evidence add PERSON --kind K --date D ...` and `ladder evidence metric PERSON ...`:
// the records eligibility reads (talks, documents, post-mortems, periods in a role, SME
// sign-offs, metric values).
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct AddOptions {
  StoreOptions store;
  model::Evidence e;
  std::string date;
  std::string end;
  std::string competencies;
};

int RunAdd(AddOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return ReportError(date.error());
  Result<Date> end = ParseDateOption("--end", o.end, Date());
  if (!end) return ReportError(end.error());
  o.e.date = *date;
  o.e.end = *end;
  o.e.competencies = SplitList(o.competencies);
  auto store = OpenStore(o.store);
  if (!store) return ReportError(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.AddEvidence(o.e);
  if (!id) return ReportError(id.error());
  if (o.store.json) {
    PrintJson(nlohmann::json{{"id", *id}, {"person", o.e.person}, {"kind", o.e.kind}});
  } else {
    std::printf("added evidence %s: %s for %s on %s\n", id->c_str(), o.e.kind.c_str(),
                o.e.person.c_str(), o.e.date.ToString().c_str());
  }
  return kExitOk;
}

struct MetricOptions {
  StoreOptions store;
  model::Metric m;
  std::string period;
};

int RunMetric(MetricOptions o) {
  Result<std::pair<Date, Date>> period = ParsePeriod("--period", o.period);
  if (!period) return ReportError(period.error());
  o.m.period_start = period->first;
  o.m.period_end = period->second;
  auto store = OpenStore(o.store);
  if (!store) return ReportError(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.AddMetric(o.m);
  if (!id) return ReportError(id.error());
  if (o.store.json) {
    PrintJson(nlohmann::json{{"id", *id}});
  } else {
    std::printf("recorded %s = %g for %s, %s\n", o.m.name.c_str(), o.m.value, o.m.person.c_str(),
                o.period.c_str());
  }
  return kExitOk;
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
  add->add_option("--signed-off-by", o->e.signed_off_by, "Kind sme: who signed it off");
  add->add_option("--competency", o->competencies, "Competency ids, comma-separated");
  add->add_option("--url", o->e.url, "A link to it");
  add->add_option("--note", o->e.note, "A note");
  add->add_option("--id", o->e.id, "The record's id (default: a fresh one)");
  AddStoreOptions(add, o->store);
  runs.push_back({add, [o] { return RunAdd(*o); }});

  auto m = std::make_shared<MetricOptions>();
  auto* metric = group->add_subcommand("metric", "Record a metric value for a period");
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
