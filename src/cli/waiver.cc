// `ladder waiver add | revoke | list`: waivers of a person's requirements outside a review
// (`ladder case waive` records one in a review), their revocation and their history
// (docs/review-process.md). Who may is the framework's waiver policy (`ladder policy show`).
#include <cstdio>

#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct WaiverOptions {
  StoreOptions store;
  std::string person;       // add, list
  std::string requirement;  // add
  std::string target;       // add --target
  std::string id;           // revoke
  std::string by;
  std::string reason;
  std::string expires;
  std::string date;
  std::string new_id;
};

std::string Describe(const model::Waiver& w) {
  std::string out = "waiver " + w.id + ": '" + w.requirement + "' waived for " + w.person + " by " +
                    w.approver + " from " + w.granted.ToString() +
                    (w.expires.empty() ? ", no expiry" : " until " + w.expires.ToString()) +
                    (w.case_id.empty() ? "" : " (case " + w.case_id + ")") + ": " + w.reason;
  if (!w.revoked.empty())
    out += "; revoked on " + w.revoked.ToString() + " by " + w.revoked_by + ": " + w.revoke_reason;
  return out + "\n";
}

int Print(const StoreOptions& store, const model::Waiver& w, const std::string& prefix) {
  store.json ? PrintJson(render::WaiverJson(w)) : PrintText(prefix + Describe(w));
  return kExitOk;
}

Result<int> RunAdd(const WaiverOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<Date> expires = ParseDateOption("--expires", o.expires, Date());
  if (!expires) return Fail(expires.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<model::Waiver> w =
      s.WaiveFor(o.person, o.target, o.requirement, o.by, o.reason, *date, *expires, o.new_id);
  if (!w) return Fail(w.error());
  return Print(o.store, *w, "");
}

Result<int> RunRevoke(const WaiverOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<model::Waiver> w = s.RevokeWaiver(o.id, o.by, o.reason, *date);
  if (!w) return Fail(w.error());
  return Print(o.store, *w, "revoked ");
}

Result<int> RunList(const WaiverOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService s(**store, CliActor());
  Result<std::vector<model::Waiver>> waivers = s.Waivers(o.person);
  if (!waivers) return Fail(waivers.error());
  if (o.store.json) {
    render::Json j = render::Json::array();
    for (const model::Waiver& w : *waivers) j.push_back(render::WaiverJson(w));
    PrintJson(j);
    return kExitOk;
  }
  if (waivers->empty()) PrintText("no waivers for " + o.person + "\n");
  for (const model::Waiver& w : *waivers) PrintText(Describe(w));
  return kExitOk;
}

void SetUpWaiver(CLI::App& app, std::vector<Run>& runs) {
  auto* group =
      app.add_subcommand("waiver", "Waivers of a person's requirements: add, revoke, list");
  group->require_subcommand(1);

  auto add = std::make_shared<WaiverOptions>();
  auto* a = group->add_subcommand("add", "Waive a requirement for a person, outside a review");
  a->add_option("person", add->person, "Person id")->required();
  a->add_option("requirement", add->requirement, "The requirement's sentence")->required();
  a->add_option("--target", add->target,
                "The target whose requirement it is: next (default), a level code, TRACK/CODE "
                "or an overlay id");
  a->add_option("--by", add->by, "The approver, as the framework's waiver policy says")->required();
  a->add_option("--reason", add->reason, "Why")->required();
  AddDateOption(a, "--expires", add->expires, "YYYY-MM-DD; leave out for no expiry");
  AddDateOption(a, "--date", add->date, "Granted on, YYYY-MM-DD (default: today)");
  a->add_option("--id", add->new_id, "The waiver's id (default: a fresh one)");
  AddStoreOptions(a, add->store);
  runs.push_back({a, [add] { return RunAdd(*add); }});

  auto revoke = std::make_shared<WaiverOptions>();
  auto* r = group->add_subcommand("revoke", "Revoke a waiver: it no longer counts from --date");
  r->add_option("waiver", revoke->id, "Waiver id")->required();
  r->add_option("--by", revoke->by, "Who revokes it, as the framework's waiver policy says")
      ->required();
  r->add_option("--reason", revoke->reason, "Why")->required();
  AddDateOption(r, "--date", revoke->date, "YYYY-MM-DD (default: today)");
  AddStoreOptions(r, revoke->store);
  runs.push_back({r, [revoke] { return RunRevoke(*revoke); }});

  auto list = std::make_shared<WaiverOptions>();
  auto* l = group->add_subcommand("list", "A person's waivers, revoked and expired ones included");
  l->add_option("person", list->person, "Person id")->required();
  AddStoreOptions(l, list->store);
  runs.push_back({l, [list] { return RunList(*list); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(64, ladder::cli::SetUpWaiver);
