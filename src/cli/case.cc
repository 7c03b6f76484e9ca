// `ladder case open | show | add-evidence | review | move | vote | decide | waive`: advancement
// reviews from a shell (docs/review-process.md).
#include <cstdio>

#include "base/text.h"
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct CaseOptions {
  StoreOptions store;
  std::string id;                     // case id (or person for open)
  std::string target;                 // open
  std::string by;                     // acting person
  std::string date;                   // --date
  std::string at;                     // show --at
  std::vector<std::string> evidence;  // add-evidence
  std::string panel;                  // review --panel
  std::string status;                 // move STATUS
  std::string vote;                   // vote --vote
  std::string note;
  std::string outcome;      // decide --outcome
  std::string effective;    // decide --effective
  std::string requirement;  // waive REQUIREMENT
  std::string reason;       // waive --reason
  std::string expires;      // waive --expires
  std::string new_id;       // open, waive --id
  std::string cycle;        // open --cycle
};

std::string Describe(const model::Case& c) {
  std::string target = c.target_overlay.empty() ? c.target_track + "/" + c.target_level
                                                : "overlay " + c.target_overlay;
  std::string out = "case " + c.id + ": " + c.person + " -> " + target + " (" + c.framework + " " +
                    c.version + ")\n";
  out += "status: " + std::string(model::CaseStatusName(c.status)) + "; opened " +
         c.opened.ToString() + " by " + c.opened_by +
         (c.cycle.empty() ? "" : "; in cycle " + c.cycle) + "\n";
  out +=
      "portfolio: " + (c.portfolio.empty() ? std::string("empty") : text::Join(c.portfolio, ", ")) +
      "\n";
  out += "panel: " + (c.panel.empty() ? std::string("none yet") : text::Join(c.panel, ", ")) +
         " (" + model::ConsensusRuleName(c.consensus) + ")\n";
  for (const model::Vote& v : c.votes)
    out += "  vote: " + v.reviewer + " " + model::VoteChoiceName(v.choice) + " on " +
           v.date.ToString() + (v.note.empty() ? "" : " (" + v.note + ")") + "\n";
  if (c.decision)
    out += "decision: " + std::string(model::OutcomeName(c.decision->outcome)) + " by " +
           c.decision->decided_by + ", effective " + c.decision->effective.ToString() + "\n";
  return out;
}

// Opens the store, builds the service, runs `fn` and prints the case it returns.
template <typename Fn>
Result<int> WithService(const CaseOptions& o, Fn fn) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  return fn(review);
}

Result<int> PrintCase(const CaseOptions& o, const Result<model::Case>& c, std::string_view what) {
  if (!c) return Fail(c.error());
  if (o.store.json) {
    PrintJson(CaseJson(*c));
  } else {
    PrintText(std::string(what) + "\n" + Describe(*c));
  }
  return kExitOk;
}

Result<int> RunOpen(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    return PrintCase(o, s.OpenCase(o.id, o.target, o.by, *date, o.new_id, o.cycle), "opened");
  });
}

Result<int> RunShow(const CaseOptions& o) {
  Result<Date> at = ParseDateOption("--at", o.at, Today());
  if (!at) return Fail(at.error());
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    Result<app::CaseView> view = s.ShowCase(o.id, *at);
    if (!view) return Fail(view.error());
    if (o.store.json) {
      render::Json j = CaseJson(view->review);
      j["consensus"] = {{"state", rules::ConsensusStateName(view->consensus.state)},
                        {"for", view->consensus.votes_for},
                        {"against", view->consensus.against},
                        {"abstain", view->consensus.abstain},
                        {"pending", view->consensus.pending}};
      j["eligibility"] = view->verdict ? VerdictJson(*view->verdict) : render::Json(nullptr);
      PrintJson(j);
      return kExitOk;
    }
    std::string out = Describe(view->review);
    out += "consensus: " + view->consensus.Describe(view->review.consensus) + "\n";
    for (const model::CaseEvent& e : view->review.history)
      out += "  " + e.date.ToString() + "  " + e.actor + ": " + e.what + "\n";
    if (view->verdict) {
      Result<app::PersonContext> cx = s.Load(view->review.person, *at);
      model::Person p = cx ? cx->person : model::Person{view->review.person, "", "", "", {}};
      out += "\n" + VerdictText(*view->verdict, p);
    }
    PrintText(out);
    return kExitOk;
  });
}

Result<int> RunAddEvidence(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    Result<model::Case> c = MakeError(ErrorCode::kInvalidArgument, "no evidence given");
    for (const std::string& e : o.evidence) {
      c = s.AddCaseEvidence(o.id, e, o.by, *date);
      if (!c) return Fail(c.error());
    }
    return PrintCase(o, c, "added to the portfolio");
  });
}

Result<int> RunReview(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    return PrintCase(o, s.SetPanel(o.id, SplitList(o.panel), o.by, *date), "panel named");
  });
}

Result<int> RunMove(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto to = model::ParseCaseStatus(o.status);
  if (!to)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "'" + o.status +
                          "' is not a case status; expected open, portfolio, peer_review, "
                          "decision or closed",
                      {},
                      "status"});
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    return PrintCase(o, s.Move(o.id, *to, o.by, *date), "moved");
  });
}

Result<int> RunVote(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto choice = model::ParseVoteChoice(o.vote);
  if (!choice)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "'" + o.vote + "' is not a vote; expected for, against or abstain",
                      {},
                      "--vote"});
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    return PrintCase(o, s.Vote(o.id, model::Vote{o.by, *choice, o.note, *date}), "vote recorded");
  });
}

Result<int> RunDecide(const CaseOptions& o) {
  Result<Date> effective = ParseDateOption("--effective", o.effective, Today());
  if (!effective) return Fail(effective.error());
  auto outcome = model::ParseOutcome(o.outcome);
  if (!outcome)
    return Fail(
        Error{ErrorCode::kInvalidArgument,
              "'" + o.outcome + "' is not an outcome; expected promoted, not_promoted or deferred",
              {},
              "--outcome"});
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    Result<app::DecisionResult> r = s.Decide(o.id, *outcome, *effective, o.by, o.note);
    if (!r && r.error().code == ErrorCode::kFailedPrecondition && r.error().field == "effective") {
      // Not eligible on that date: the command that explains it, for the case's person.
      Error e = r.error();
      e.field.clear();  // the date is not wrong; the person is not eligible on it
      if (Result<app::CaseView> shown = s.ShowCase(o.id, *effective); shown) {
        const model::Case& c = shown->review;
        const std::string target =
            c.target_overlay.empty() ? c.target_track + "/" + c.target_level : c.target_overlay;
        e.message += " (ladder eligibility " + c.person + " " + target + " --at " +
                     effective->ToString() + ")";
      }
      return Fail(e);
    }
    if (!r) return Fail(r.error());
    if (o.store.json) {
      render::Json j = CaseJson(r->review);
      j["assignment"] = r->assignment;
      j["need_filled"] = r->need;
      PrintJson(j);
      return kExitOk;
    }
    std::string out = "decided\n" + Describe(r->review);
    if (!r->assignment.empty())
      out += "new assignment " + r->assignment + " from " + effective->ToString() + "\n";
    if (!r->need.empty()) out += "documented need " + r->need + " filled\n";
    PrintText(out);
    return kExitOk;
  });
}

Result<int> RunWaive(const CaseOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<Date> expires = ParseDateOption("--expires", o.expires, Date());
  if (!expires) return Fail(expires.error());
  return WithService(o, [&](app::ReviewService& s) -> Result<int> {
    Result<model::Waiver> w =
        s.Waive(o.id, o.requirement, o.by, o.reason, *date, *expires, o.new_id);
    if (!w) return Fail(w.error());
    if (o.store.json) {
      PrintJson(
          nlohmann::json{{"id", w->id},
                         {"person", w->person},
                         {"case", w->case_id},
                         {"requirement", w->requirement},
                         {"approver", w->approver},
                         {"reason", w->reason},
                         {"granted", w->granted.ToString()},
                         {"expires", w->expires.empty() ? nlohmann::json(nullptr)
                                                        : nlohmann::json(w->expires.ToString())}});
    } else {
      std::printf("waiver %s: '%s' waived for %s by %s from %s%s\n", w->id.c_str(),
                  w->requirement.c_str(), w->person.c_str(), w->approver.c_str(),
                  w->granted.ToString().c_str(),
                  w->expires.empty() ? ", no expiry" : (" until " + w->expires.ToString()).c_str());
    }
    return kExitOk;
  });
}

void SetUpCase(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand("case",
                                   "Advancement reviews: open, portfolio, panel, votes, "
                                   "decision, waivers");
  group->require_subcommand(1);
  auto leaf = [&](const char* name, const char* help, auto run) {
    auto o = std::make_shared<CaseOptions>();
    auto* cmd = group->add_subcommand(name, help);
    AddStoreOptions(cmd, o->store);
    runs.push_back({cmd, [o, run] { return run(*o); }});
    return std::pair{cmd, o};
  };
  {
    auto [cmd, o] =
        leaf("open", "Open a review for a person towards a level or overlay role", RunOpen);
    cmd->add_option("person", o->id, "Person id")->required();
    cmd->add_option("target", o->target, "next, a level code, TRACK/CODE or an overlay id")
        ->required();
    cmd->add_option("--by", o->by, "Who opens it: the person or their manager")->required();
    cmd->add_option("--id", o->new_id, "The case's id (default: a fresh one)");
    cmd->add_option("--cycle", o->cycle, "The review cycle it belongs to (ladder cycle list)");
    AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  }
  {
    auto [cmd, o] = leaf("show", "A case, its panel, votes, history and eligibility", RunShow);
    cmd->add_option("case", o->id, "Case id")->required();
    AddDateOption(cmd, "--at", o->at, "Eligibility on this date (default: today)");
  }
  {
    auto [cmd, o] =
        leaf("add-evidence", "Add the person's evidence to the portfolio", RunAddEvidence);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("evidence", o->evidence, "Evidence ids")->required();
    cmd->add_option("--by", o->by, "Who adds it")->required();
    AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  }
  {
    auto [cmd, o] = leaf("review", "Name the peer-review panel", RunReview);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("--panel", o->panel, "Reviewer ids, comma-separated")->required();
    cmd->add_option("--by", o->by, "Who names it")->required();
    AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  }
  {
    auto [cmd, o] = leaf("move", "Move the case to its next status", RunMove);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("status", o->status, "portfolio | peer_review | decision")->required();
    cmd->add_option("--by", o->by, "Who moves it")->required();
    AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  }
  {
    auto [cmd, o] = leaf("vote", "A panel member's vote", RunVote);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("--by", o->by, "The reviewer (a panel member)")->required();
    cmd->add_option("--vote", o->vote, "for | against | abstain")->required();
    cmd->add_option("--note", o->note, "Why");
    AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
  }
  {
    auto [cmd, o] =
        leaf("decide", "Decide the case (once); a promotion changes the person's level", RunDecide);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("--outcome", o->outcome, "promoted | not_promoted | deferred")->required();
    cmd->add_option("--by", o->by, "Who decides: someone above the person")->required();
    AddDateOption(cmd, "--effective", o->effective, "YYYY-MM-DD (default: today)");
    cmd->add_option("--note", o->note, "Why");
  }
  {
    auto [cmd, o] = leaf("waive", "Waive a requirement of the case's target", RunWaive);
    cmd->add_option("case", o->id, "Case id")->required();
    cmd->add_option("requirement", o->requirement, "The requirement's sentence")->required();
    cmd->add_option("--by", o->by, "The approver: someone above the person")->required();
    cmd->add_option("--reason", o->reason, "Why")->required();
    AddDateOption(cmd, "--expires", o->expires, "YYYY-MM-DD; leave out for no expiry");
    cmd->add_option("--id", o->new_id, "The waiver's id (default: a fresh one)");
    AddDateOption(cmd, "--date", o->date, "Granted on, YYYY-MM-DD (default: today)");
  }
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(64, ladder::cli::SetUpCase);
