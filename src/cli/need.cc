// `ladder need open | close | list`: documented needs for a role (004: some roles are only
// available when there is a specific need for them).
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct NeedOptions {
  StoreOptions store;
  std::string framework;
  std::string target;
  std::string id;
  std::string by;
  std::string reason;
  std::string filled_by;
  std::string date;
  std::string new_id;
};

std::string Describe(const model::Need& n) {
  std::string role = n.overlay.empty() ? n.track + "/" + n.level : "overlay " + n.overlay;
  std::string out = "need " + n.id + ": " + n.framework + " " + role + " (" +
                    model::NeedStatusName(n.status) + "), opened " + n.opened.ToString() + " by " +
                    n.opened_by + ": " + n.reason;
  if (!n.filled_by_case.empty()) out += "; filled by case " + n.filled_by_case;
  if (!n.closed.empty()) out += "; closed " + n.closed.ToString();
  return out + "\n";
}

Result<int> RunOpen(const NeedOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<model::Need> n = s.OpenNeed(o.framework, o.target, o.reason, o.by, *date, o.new_id);
  if (!n) return Fail(n.error());
  o.store.json ? PrintJson(NeedJson(*n)) : PrintText("opened " + Describe(*n));
  return kExitOk;
}

Result<int> RunClose(const NeedOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<model::Need> n = s.CloseNeed(o.id, o.filled_by, o.by, *date);
  if (!n) return Fail(n.error());
  o.store.json ? PrintJson(NeedJson(*n)) : PrintText("closed " + Describe(*n));
  return kExitOk;
}

Result<int> RunList(const NeedOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<std::vector<model::Need>> needs = s.ListNeeds(o.framework);
  if (!needs) return Fail(needs.error());
  if (o.store.json) {
    render::Json j = render::Json::array();
    for (const model::Need& n : *needs) j.push_back(NeedJson(n));
    PrintJson(j);
    return kExitOk;
  }
  if (needs->empty()) PrintText("no documented needs\n");
  for (const model::Need& n : *needs) PrintText(Describe(n));
  return kExitOk;
}

void SetUpNeed(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand("need", "Documented needs for roles");
  group->require_subcommand(1);

  auto open = std::make_shared<NeedOptions>();
  auto* o = group->add_subcommand("open", "Open a documented need for a level or overlay role");
  o->add_option("framework", open->framework, "Framework id")->required();
  o->add_option("target", open->target, "TRACK/CODE, a level code, or an overlay id")->required();
  o->add_option("--by", open->by, "Who opens it (a manager)")->required();
  o->add_option("--reason", open->reason, "Why the role is needed")->required();
  AddDateOption(o, "--date", open->date, "YYYY-MM-DD (default: today)");
  o->add_option("--id", open->new_id, "The need's id (default: a fresh one)");
  AddStoreOptions(o, open->store);
  runs.push_back({o, [open] { return RunOpen(*open); }});

  auto close = std::make_shared<NeedOptions>();
  auto* c = group->add_subcommand("close", "Close a need, filled by a case or not");
  c->add_option("need", close->id, "Need id")->required();
  c->add_option("--by", close->by, "Who closes it")->required();
  c->add_option("--filled-by", close->filled_by, "The case that filled it");
  AddDateOption(c, "--date", close->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(c, close->store);
  runs.push_back({c, [close] { return RunClose(*close); }});

  auto list = std::make_shared<NeedOptions>();
  auto* l = group->add_subcommand("list", "Documented needs, open and closed");
  l->add_option("framework", list->framework, "Framework id (default: all)");
  AddStoreOptions(l, list->store);
  runs.push_back({l, [list] { return RunList(*list); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(65, ladder::cli::SetUpNeed);
