// `ladder signoff PERSON "SENTENCE" --by SIGNER`: signs off a manual checkpoint or an approval.
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"
#include "cli/take_back.h"

namespace ladder::cli {
namespace {

struct SignOffOptions {
  StoreOptions store;
  model::SignOff s;
  std::string date;
};

Result<int> RunSignOff(SignOffOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  o.s.date = *date;
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = review.SignOff(o.s);
  if (!id) return Fail(id.error());
  if (o.store.json) {
    o.s.id = *id;
    PrintJson(render::SignOffJson(o.s));
  } else {
    std::printf("signed off '%s' for %s by %s on %s (%s)\n", o.s.requirement.c_str(),
                o.s.person.c_str(), o.s.by.c_str(), o.s.date.ToString().c_str(), id->c_str());
  }
  return kExitOk;
}

// `ladder signoff withdraw ID`, `ladder signoff correct ID --date D --note N`.
struct CorrectOptions {
  TakeBackOptions take_back;
  std::string date, note;
};

void SetUpCorrections(CLI::App* cmd, std::vector<Run>& runs) {
  auto w = std::make_shared<TakeBackOptions>();
  auto* withdraw = AddTakeBack(
      cmd, "withdraw",
      "Withdraw a sign-off: it stays stored, marked withdrawn, and no longer counts", *w);
  runs.push_back({withdraw, [w] {
                    return RunTakeBack(
                        *w, app::RecordKind::kSignOff, false,
                        [&](storage::Store&, app::ReviewService& review, const app::TakeBack& why) {
                          return review.Withdraw(app::RecordKind::kSignOff, w->id, why);
                        });
                  }});
  auto c = std::make_shared<CorrectOptions>();
  auto* correct =
      AddTakeBack(cmd, "correct",
                  "Correct a sign-off's date or note: the correction counts instead", c->take_back);
  AddDateOption(correct, "--date", c->date, "The day it was signed off (YYYY-MM-DD)");
  correct->add_option("--note", c->note, "A note");
  runs.push_back({correct, [c, correct] {
                    return RunCorrect(c->take_back, app::RecordKind::kSignOff, correct,
                                      {{"date", "--date", &c->date}, {"note", "--note", &c->note}});
                  }});
}

void SetUpSignOff(CLI::App& app, std::vector<Run>& runs) {
  auto o = std::make_shared<SignOffOptions>();
  auto* cmd = app.add_subcommand("signoff", "Sign off a manual checkpoint or an approval");
  SetUpCorrections(cmd, runs);
  // Required when `signoff` signs off (not of `signoff withdraw|correct`): RequireGiven.
  std::vector<const CLI::Option*> needed = {
      cmd->add_option("person", o->s.person, "Person id (required)"),
      cmd->add_option("requirement", o->s.requirement, "The requirement's sentence (required)"),
      cmd->add_option("--by", o->s.by, "Who signs it off (required)")};
  cmd->add_option("--note", o->s.note, "A note");
  AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o, needed]() -> Result<int> {
                    LADDER_TRY_STATUS(RequireGiven(needed));
                    return RunSignOff(*o);
                  }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(66, ladder::cli::SetUpSignOff);
