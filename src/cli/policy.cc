// `ladder policy show | set FRAMEWORK`: the policies a promotion committee sets on a framework
// (the panel's consensus rule, who may waive, what may not be waived, whether publishing needs
// an approved change request), changed without editing
// YAML: `set` saves a new version of the framework with the changed policy, in the publish
// state of the version it comes from, audited (app/framework_policy.h).
#include <cstdio>

#include "app/framework_policy.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct PolicyOptions {
  StoreOptions store;
  std::string framework;
  // set: left out leaves a field unchanged
  std::string consensus, waive_by, after_panel_no, requires_approval;
  std::vector<std::string> never;
  std::string version;
};

std::string Describe(const model::Framework& f) {
  const model::WaiverPolicy& w = f.waivers;
  std::string out = f.id + " " + f.version + " (" + model::FrameworkStatusName(f.status) + ")\n";
  out += "consensus: " + std::string(model::ConsensusRuleName(f.consensus)) + "\n";
  out += "who may waive: " + (w.by.empty() ? std::string("nobody") : text::Join(w.by, ", ")) + "\n";
  out += "never waived: " + (w.never.empty() ? std::string("-") : text::Join(w.never, "; ")) + "\n";
  out += std::string("peer review after the panel said no: ") +
         (w.after_panel_no ? "may be waived" : "not waived until a new review") + "\n";
  out += std::string("publishing: ") +
         (f.publishing.requires_approval ? "requires an approved change request (ladder change)"
                                         : "no approval required") +
         "\n";
  return out;
}

Result<int> RunShow(const PolicyOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<model::Framework> f = app::CurrentPolicy(**store, o.framework);
  if (!f) return Fail(f.error());
  o.store.json ? PrintJson(render::PolicyJson(*f)) : PrintText(Describe(*f));
  return kExitOk;
}

Result<int> RunSet(const PolicyOptions& o, const CLI::App& cmd) {
  auto given = [&](const char* option, const std::string& value) {
    return cmd.count(option) ? &value : nullptr;
  };
  Result<app::PolicyChange> change = app::ParsePolicyChange(
      given("--consensus", o.consensus), given("--waive-by", o.waive_by),
      cmd.count("--never") ? &o.never : nullptr, given("--after-panel-no", o.after_panel_no),
      given("--requires-approval", o.requires_approval));
  if (!change) return Fail(change.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<model::Framework> f =
      app::SetPolicy(**store, CliActor(), o.framework, *change, o.version, Today());
  if (!f) return Fail(f.error());
  o.store.json ? PrintJson(render::PolicyJson(*f))
               : PrintText("saved version " + f->version + " of " + f->id + "\n" + Describe(*f));
  return kExitOk;
}

void SetUpPolicy(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand(
      "policy",
      "A framework's committee policy: consensus rule, waivers, approval before publishing");
  group->require_subcommand(1);

  auto show = std::make_shared<PolicyOptions>();
  auto* s = group->add_subcommand("show", "The policy of the latest version of a framework");
  s->add_option("framework", show->framework, "Framework id")->required();
  AddStoreOptions(s, show->store);
  runs.push_back({s, [show] { return RunShow(*show); }});

  auto set = std::make_shared<PolicyOptions>();
  auto* c = group->add_subcommand(
      "set", "Change the policy: saves a new version of the framework (published if it was)");
  c->add_option("framework", set->framework, "Framework id")->required();
  c->add_option("--consensus", set->consensus, "How a panel decides: unanimous | majority");
  c->add_option("--waive-by", set->waive_by,
                "Who may waive, comma-separated: leadership (above the person's own manager), "
                "manager (the person's own), people_team, admin, self; none; default");
  c->add_option("--never", set->never,
                "Requirements never waived, one per value: rule kinds (time_at_level) or "
                "sentences; none for no such requirement");
  c->add_option("--after-panel-no", set->after_panel_no,
                "Whether a peer review may be waived after the panel said no: allow | refuse");
  c->add_option("--requires-approval", set->requires_approval,
                "Whether a version is published only through an approved change request "
                "(ladder change): true | false");
  c->add_option("--new-version", set->version,
                "The new version's name (default: today's date, YYYY-MM-DD)");
  AddStoreOptions(c, set->store);
  runs.push_back({c, [set, c] { return RunSet(*set, *c); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(57, ladder::cli::SetUpPolicy);
