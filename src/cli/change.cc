// `ladder change propose | review | withdraw | publish | list | show`: change requests of
// frameworks (docs/change-requests.md). Someone proposes a draft version for publishing and says
// why, someone else reviews and approves it, the people team publishes it; when a framework's
// policy requires approval (`ladder policy set FRAMEWORK --requires-approval true`), that is the
// only way its versions are published (app/change_requests.h).
#include <cstdio>

#include "app/change_requests.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/review_common.h"
#include "storage/people_json.h"

namespace ladder::cli {
namespace {

struct ChangeOptions {
  StoreOptions store;
  std::string framework, version;  // propose; list (framework)
  std::string id;                  // review, withdraw, publish, show
  std::string title, reason;       // propose
  std::string by;
  bool approve = false, request_changes = false, comment = false;  // review
  std::string text;                                                // review
  std::string status;                                              // list
  std::string effective;                                           // publish
};

std::string Describe(const model::ChangeRequest& r) {
  std::string out = r.id + " " + r.framework + " " + r.version +
                    (r.base.empty() ? "" : " (based on " + r.base + ")") + ": " +
                    model::ChangeStatusName(model::DeriveStatus(r)) + "\n";
  out += "  " + r.title + "\n";
  out += "  proposed by " + r.author + " at " + r.opened + "\n";
  if (!r.reason.empty()) out += "  why: " + r.reason + "\n";
  for (const model::ReviewEntry& e : r.entries)
    out += "  " + e.at + " " + e.by + " " + model::VerdictName(e.verdict) +
           (e.text.empty() ? "" : ": " + e.text) + "\n";
  if (!r.closed_by.empty())
    out += std::string("  ") + model::ChangeStatusName(r.status) + " by " + r.closed_by + " at " +
           r.closed_at + "\n";
  else if (std::string needs = model::Outstanding(r); !needs.empty())
    out += "  needs: " + needs + "\n";
  return out;
}

int Print(const StoreOptions& store, const model::ChangeRequest& r) {
  store.json ? PrintJson(storage::ChangeRequestJson(r)) : PrintText(Describe(r));
  return kExitOk;
}

// Runs `step` on a service over the store of `o`, and prints the request it returns.
template <typename F>
Result<int> Step(const ChangeOptions& o, F step) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ChangeRequestService s(**store, CliActor());
  Result<model::ChangeRequest> r = step(s);
  if (!r) return Fail(r.error());
  return Print(o.store, *r);
}

Result<int> RunReview(const ChangeOptions& o) {
  int given = int(o.approve) + int(o.request_changes) + int(o.comment);
  if (given != 1)
    return MakeError(ErrorCode::kInvalidArgument,
                     "give one of --approve, --request-changes, --comment", {}, "verdict");
  model::Verdict verdict = o.approve           ? model::Verdict::kApprove
                           : o.request_changes ? model::Verdict::kRequestChanges
                                               : model::Verdict::kComment;
  return Step(o,
              [&](app::ChangeRequestService& s) { return s.Review(o.id, verdict, o.text, o.by); });
}

Result<int> RunList(const ChangeOptions& o) {
  storage::ChangeQuery query{o.framework, "", {}};
  if (!o.status.empty()) {
    query.status = model::ParseChangeStatus(text::Trim(o.status));
    if (!query.status)
      return MakeError(ErrorCode::kInvalidArgument,
                       "unknown status '" + o.status +
                           "'; expected open, approved, changes_requested, withdrawn or published",
                       {}, "status");
  }
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ChangeRequestService s(**store, CliActor());
  Result<std::vector<model::ChangeRequest>> all = s.List(query);
  if (!all) return Fail(all.error());
  if (o.store.json) {
    render::Json j = render::Json::array();
    for (const model::ChangeRequest& r : *all) j.push_back(storage::ChangeRequestJson(r));
    PrintJson(j);
    return kExitOk;
  }
  if (all->empty()) PrintText("no change requests\n");
  for (const model::ChangeRequest& r : *all)
    PrintText(r.id + "  " + r.framework + " " + r.version + "  " +
              model::ChangeStatusName(model::DeriveStatus(r)) + "  " + r.author + "  " + r.title +
              "\n");
  return kExitOk;
}

void SetUpChange(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand(
      "change", "Change requests: propose a framework version, review it, publish it");
  group->require_subcommand(1);

  auto propose = std::make_shared<ChangeOptions>();
  auto* p =
      group->add_subcommand("propose", "Propose a draft version of a framework for publishing");
  p->add_option("framework", propose->framework, "Framework id")->required();
  p->add_option("version", propose->version, "The draft version")->required();
  p->add_option("--title", propose->title, "What changes, in one line")->required();
  p->add_option("--reason", propose->reason, "Why");
  p->add_option("--by", propose->by, "Who proposes it (a person id)")->required();
  AddStoreOptions(p, propose->store);
  runs.push_back({p, [propose] {
                    const ChangeOptions& o = *propose;
                    return Step(o, [&](app::ChangeRequestService& s) {
                      return s.Propose(o.framework, o.version, o.title, o.reason, o.by);
                    });
                  }});

  auto review = std::make_shared<ChangeOptions>();
  auto* r =
      group->add_subcommand("review", "Comment on a change request, approve it or ask for changes");
  r->add_option("id", review->id, "Change request id")->required();
  r->add_option("--by", review->by, "Who reviews (a person id; never the proposer to approve)")
      ->required();
  r->add_flag("--approve", review->approve, "Approve it");
  r->add_flag("--request-changes", review->request_changes, "Ask for changes (say which: --text)");
  r->add_flag("--comment", review->comment, "Comment without a verdict (--text)");
  r->add_option("--text", review->text, "What the reviewer says");
  AddStoreOptions(r, review->store);
  runs.push_back({r, [review] { return RunReview(*review); }});

  auto withdraw = std::make_shared<ChangeOptions>();
  auto* w = group->add_subcommand("withdraw", "Withdraw a change request (its author or an admin)");
  w->add_option("id", withdraw->id, "Change request id")->required();
  w->add_option("--by", withdraw->by, "Who withdraws it (a person id)")->required();
  AddStoreOptions(w, withdraw->store);
  runs.push_back({w, [withdraw] {
                    const ChangeOptions& o = *withdraw;
                    return Step(
                        o, [&](app::ChangeRequestService& s) { return s.Withdraw(o.id, o.by); });
                  }});

  auto publish = std::make_shared<ChangeOptions>();
  auto* u = group->add_subcommand("publish", "Publish the version of an approved change request");
  u->add_option("id", publish->id, "Change request id")->required();
  u->add_option("--by", publish->by, "Who publishes it (a person id: people team or admin)")
      ->required();
  AddDateOption(u, "--effective", publish->effective,
                "When the version takes effect, YYYY-MM-DD (default: the version's own)");
  AddStoreOptions(u, publish->store);
  runs.push_back({u, [publish] {
                    const ChangeOptions& o = *publish;
                    return Step(o, [&](app::ChangeRequestService& s) {
                      return s.Publish(o.id, o.by, o.effective);
                    });
                  }});

  auto list = std::make_shared<ChangeOptions>();
  auto* l = group->add_subcommand("list", "Change requests, newest first");
  l->add_option("framework", list->framework, "Only this framework's");
  l->add_option("--status", list->status,
                "Only these: open | approved | changes_requested | withdrawn | published");
  AddStoreOptions(l, list->store);
  runs.push_back({l, [list] { return RunList(*list); }});

  auto show = std::make_shared<ChangeOptions>();
  auto* s = group->add_subcommand("show", "A change request with its reviews");
  s->add_option("id", show->id, "Change request id")->required();
  AddStoreOptions(s, show->store);
  runs.push_back({s, [show] {
                    const ChangeOptions& o = *show;
                    return Step(o, [&](app::ChangeRequestService& c) { return c.Get(o.id); });
                  }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(58, ladder::cli::SetUpChange);
