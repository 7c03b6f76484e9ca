// `ladder eligibility PERSON TARGET [--at DATE]`: what a target asks of a person on a date, each
// requirement met / not met / waived / unknown / awaiting sign-off / signed off, why, and when
// (docs/eligibility.md). Exit 0 when eligible; 1 when not (yet), and when nothing was checked
// (no requirement applies: the rules confirm nothing); 2 on bad input and for a target level the
// framework leaves undefined (the verdict is printed all the same).
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct EligibilityOptions {
  StoreOptions store;
  std::string person;
  std::string target;
  std::string at;
  std::string framework;
};

Result<int> RunEligibility(const EligibilityOptions& o) {
  Result<Date> at = ParseDateOption("--at", o.at, Today());
  if (!at) return Fail(at.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<rules::Verdict> v = review.Eligibility(o.person, o.target, *at, o.framework);
  if (!v) return Fail(v.error());
  if (o.store.json) {
    PrintJson(VerdictJson(*v));
  } else {
    Result<model::Person> p = (*store)->GetPerson(o.person);
    PrintText(VerdictText(*v, p ? *p : model::Person{o.person, "", "", "", {}}));
  }
  switch (v->overall) {
    case rules::Overall::kEligible:
      return kExitOk;
    case rules::Overall::kNotYet:
    case rules::Overall::kBlocked:
    case rules::Overall::kNothingChecked:
      return kExitFindings;
    case rules::Overall::kUndefinedTarget:
      return kExitBadInput;
  }
  return kExitFindings;
}

void SetUpEligibility(CLI::App& app, std::vector<Run>& runs) {
  auto o = std::make_shared<EligibilityOptions>();
  auto* cmd = app.add_subcommand(
      "eligibility",
      "What a target asks of a person on a date: each requirement, why, and the earliest date");
  cmd->add_option("person", o->person, "Person id")->required();
  cmd->add_option("target", o->target,
                  "next, a level code, TRACK/CODE, a level title, or an overlay role id")
      ->required();
  AddDateOption(cmd, "--at", o->at, "Evaluation date YYYY-MM-DD (default: today)");
  cmd->add_option("--framework", o->framework,
                  "Framework id (default: the one of the person's level on that date)");
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o] { return RunEligibility(*o); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(61, ladder::cli::SetUpEligibility);
