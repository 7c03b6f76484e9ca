// `ladder signoff PERSON "SENTENCE" --by SIGNER`: signs off a manual checkpoint or an approval.
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct SignOffOptions {
  StoreOptions store;
  model::SignOff s;
  std::string date;
};

int RunSignOff(SignOffOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return ReportError(date.error());
  o.s.date = *date;
  auto store = OpenStore(o.store);
  if (!store) return ReportError(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.SignOff(o.s);
  if (!id) return ReportError(id.error());
  if (o.store.json) {
    PrintJson(nlohmann::json{{"id", *id},
                             {"person", o.s.person},
                             {"requirement", o.s.requirement},
                             {"by", o.s.by},
                             {"date", o.s.date.ToString()}});
  } else {
    std::printf("signed off '%s' for %s by %s on %s (%s)\n", o.s.requirement.c_str(),
                o.s.person.c_str(), o.s.by.c_str(), o.s.date.ToString().c_str(), id->c_str());
  }
  return kExitOk;
}

void SetUpSignOff(CLI::App& app, std::vector<Run>& runs) {
  auto o = std::make_shared<SignOffOptions>();
  auto* cmd = app.add_subcommand("signoff", "Sign off a manual checkpoint or an approval");
  cmd->add_option("person", o->s.person, "Person id")->required();
  cmd->add_option("requirement", o->s.requirement, "The requirement's sentence")->required();
  cmd->add_option("--by", o->s.by, "Who signs it off")->required();
  cmd->add_option("--note", o->s.note, "A note");
  AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o] { return RunSignOff(*o); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(66, ladder::cli::SetUpSignOff);
