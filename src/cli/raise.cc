// `ladder raise PERSON --by APPROVER`: an in-band raise, without a level change.
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct RaiseOptions {
  StoreOptions store;
  model::Raise r;
  std::string date;
};

Result<int> RunRaise(RaiseOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  o.r.date = *date;
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.Raise(o.r);
  if (!id) return Fail(id.error());
  if (o.store.json) {
    o.r.id = *id;
    PrintJson(render::RaiseJson(o.r));
  } else {
    std::printf("in-band raise %s for %s on %s, approved by %s; level unchanged\n", id->c_str(),
                o.r.person.c_str(), o.r.date.ToString().c_str(), o.r.approved_by.c_str());
  }
  return kExitOk;
}

void SetUpRaise(CLI::App& app, std::vector<Run>& runs) {
  auto o = std::make_shared<RaiseOptions>();
  auto* cmd = app.add_subcommand("raise", "Record an in-band raise (no level change)");
  cmd->add_option("person", o->r.person, "Person id")->required();
  cmd->add_option("--by", o->r.approved_by, "Who approves it: someone above the person")
      ->required();
  cmd->add_option("--note", o->r.note, "A note");
  AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o] { return RunRaise(*o); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(67, ladder::cli::SetUpRaise);
