// The review pages of the app: advancement reviews, one review, documented needs and an SME
// sign-off awaiting its signer (app_views.h).
#include <algorithm>
#include <set>

#include "base/text.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

// The helpers every page of the app shares (app_views_internal.h).
using namespace internal;

std::string RenderCases(const Viewer& viewer, const CasesView& v) {
  Data d = Frame(viewer, "Advancement reviews");
  Data cases = List();
  for (const model::Case& c : v.cases) Append(cases, CaseItem(c, v.labels));
  SetList(d, "cases", std::move(cases));
  return RenderTemplate("app_cases", d);
}

namespace {

// The steps of a review, the current one marked: [{name, current, done}].
Data StatesData(const model::Case& c) {
  const model::CaseStatus order[] = {model::CaseStatus::kOpen, model::CaseStatus::kPortfolio,
                                     model::CaseStatus::kPeerReview, model::CaseStatus::kDecision,
                                     model::CaseStatus::kClosed};
  Data states = List();
  bool past = true;
  for (model::CaseStatus s : order) {
    Data sd = Object();
    Set(sd, "name", Words(model::CaseStatusName(s)));
    bool current = s == c.status;
    if (current) past = false;
    Set(sd, "current", current);
    Set(sd, "done", past && !current);
    Append(states, std::move(sd));
  }
  return states;
}

// The panel with each member's vote, or that the votes show once the viewer has voted; and who
// may be named on it.
void SetPanel(Data& d, const Viewer& viewer, const CaseView& v) {
  const model::Case& c = v.review;
  Data panel = List();
  for (const std::string& r : c.panel) {
    Data pd = Object();
    Set(pd, "name", v.labels.Person(r));
    auto vote = std::find_if(c.votes.begin(), c.votes.end(),
                             [&](const model::Vote& x) { return x.reviewer == r; });
    const bool shown = vote != c.votes.end();
    std::string choice = v.votes_hidden && r != viewer.person ? "shown once you have voted"
                         : shown                              ? model::VoteChoiceName(vote->choice)
                                                              : "not yet";
    Set(pd, "vote", choice);
    Set(pd, "date", Text(shown ? Str(vote->date) : ""));
    Set(pd, "note", Text(shown ? vote->note : ""));
    Append(panel, std::move(pd));
  }
  SetList(d, "panel", std::move(panel));
  Set(d, "votes_hidden", v.votes_hidden);
  Set(d, "consensus", v.consensus);
  Set(d, "consensus_reached", v.consensus_reached);
  Data reviewers = List();
  for (const model::Person& p : v.reviewers) {
    if (p.id == c.person) continue;
    Data rd = Object();
    Set(rd, "id", p.id);
    Set(rd, "name", p.DisplayName());
    Set(rd, "on", std::find(c.panel.begin(), c.panel.end(), p.id) != c.panel.end());
    Append(reviewers, std::move(rd));
  }
  Set(d, "reviewers", std::move(reviewers));
}

// The waivers of the review and the requirements a new one may name.
void SetWaivers(Data& d, const CaseView& v, bool closed) {
  Data waivers = List();
  for (const model::Waiver& w : v.waivers) {
    Data wd = Object();
    Set(wd, "id", w.id);
    Set(wd, "requirement", w.requirement);
    Set(wd, "approver", v.labels.Person(w.approver));
    Set(wd, "granted", Str(w.granted));
    Set(wd, "expires", Text(Str(w.expires)));
    Set(wd, "reason", Text(w.reason));
    Set(wd, "revoked", Text(Str(w.revoked)));
    Set(wd, "revoked_by", v.labels.Person(w.revoked_by));
    Set(wd, "revoke_reason", Text(w.revoke_reason));
    Set(wd, "may_revoke", !closed && v.may.waive && w.revoked.empty());
    Append(waivers, std::move(wd));
  }
  SetList(d, "waivers", std::move(waivers));
  Data requirements = List();
  for (const std::string& r : v.requirements) Append(requirements, Data(r));
  Set(d, "requirements", std::move(requirements));
  Set(d, "may_waive", !closed && v.may.waive && !v.requirements.empty());
}

// The decision, and the review's history in words.
void SetOutcome(Data& d, const CaseView& v) {
  const model::Case& c = v.review;
  if (c.decision) {
    Data dd = Object();
    Set(dd, "outcome", Words(model::OutcomeName(c.decision->outcome)));
    Set(dd, "effective", Str(c.decision->effective));
    Set(dd, "decided_by", v.labels.Person(c.decision->decided_by));
    Set(dd, "note", Text(c.decision->note));
    Set(d, "decision", dd);
  } else {
    Set(d, "decision", false);
  }
  Set(d, "may_decide", v.may.decide && c.status == model::CaseStatus::kDecision && !c.decision);
  Data history = List();
  for (const model::CaseEvent& e : c.history) {
    Data h = Object();
    Set(h, "date", Str(e.date));
    Set(h, "actor", v.labels.Person(e.actor));
    Set(h, "what", Words(e.what));
    Append(history, std::move(h));
  }
  Set(d, "history", std::move(history));
}

}  // namespace

std::string RenderCase(const Viewer& viewer, const CaseView& v) {
  const model::Case& c = v.review;
  const Labels& names = v.labels;
  Data d = Frame(viewer, "Review: " + names.Case(c));
  SetFlash(d, v.flash);
  Set(d, "id", c.id);
  Set(d, "label", names.Case(c));
  Set(d, "action", CaseHref(c.id));
  Set(d, "person_name", names.Person(c.person));
  Set(d, "target", names.Target(c));
  Set(d, "opened", Str(c.opened));
  Set(d, "opened_by", names.Person(c.opened_by));
  Set(d, "framework", v.framework ? v.framework->DisplayName() : c.framework);
  Set(d, "version", c.version);
  Set(d, "consensus_rule", model::ConsensusRuleName(c.consensus));
  Set(d, "today", Str(v.today));
  Set(d, "states", StatesData(c));
  const bool closed = c.status == model::CaseStatus::kClosed;
  Data moves = List();
  if (v.may.move)
    for (const std::string& m : v.next_states) {
      Data md = Object();
      Set(md, "value", m);
      Set(md, "label", Words(m));
      Append(moves, std::move(md));
    }
  SetList(d, "moves", std::move(moves));

  Data portfolio = List();
  for (const model::Evidence& e : v.portfolio) Append(portfolio, EvidenceItem(e, names));
  SetList(d, "portfolio", std::move(portfolio));
  Data addable = List();
  for (const model::Evidence& e : v.addable) Append(addable, EvidenceItem(e, names));
  Set(d, "addable", std::move(addable));
  Set(d, "may_add_evidence",
      !closed && !v.addable.empty() && v.may.add_evidence &&
          (c.status == model::CaseStatus::kOpen || c.status == model::CaseStatus::kPortfolio));
  SetPanel(d, viewer, v);
  Set(d, "may_set_panel", !closed && v.may.panel && c.status != model::CaseStatus::kDecision);
  Set(d, "may_vote", v.may.vote && c.status == model::CaseStatus::kPeerReview);

  const std::set<std::string> none;
  Set(d, "verdict",
      v.verdict ? VerdictData(*v.verdict,
                              {CaseHref(c.id) + "/signoff", closed ? &none : &v.signable, v.today})
                : Data(false));
  SetWaivers(d, v, closed);
  SetOutcome(d, v);
  return RenderTemplate("app_case", d);
}

namespace {

// A need's role or level as the form names it ("Engineering: IC3 · Senior Engineer", "Role:
// Team lead"), or `target` ("ic/IC3") when the framework is not shown.
std::string TargetLabel(const NeedsView& v, const std::string& framework,
                        const std::string& target) {
  for (const auto& [id, options] : v.targets)
    if (id == framework)
      for (const auto& [value, label] : options)
        if (value == target) return label;
  return target;
}

}  // namespace

std::string RenderNeeds(const Viewer& viewer, const NeedsView& v) {
  Data d = Frame(viewer, "Documented needs");
  SetFlash(d, v.flash);
  Data open = List(), done = List();
  for (const model::Need& n : v.needs) {
    Data nd = Object();
    Set(nd, "id", n.id);
    Set(nd, "framework", n.framework);
    std::string target =
        !n.overlay.empty() ? n.overlay : n.track + (n.level.empty() ? "" : "/" + n.level);
    Set(nd, "target", TargetLabel(v, n.framework, target));
    Set(nd, "reason", Text(n.reason));
    Set(nd, "opened", Str(n.opened));
    Set(nd, "opened_by", v.labels.Person(n.opened_by));
    Set(nd, "status", Words(model::NeedStatusName(n.status)));
    Set(nd, "closed", Text(Str(n.closed)));
    Set(nd, "filled_by_case", Text(n.filled_by_case));
    Set(nd, "filled_href", Text(n.filled_by_case.empty() ? "" : CaseHref(n.filled_by_case)));
    Set(nd, "may_close", std::find(v.closable.begin(), v.closable.end(), n.id) != v.closable.end());
    Append(n.status == model::NeedStatus::kOpen ? open : done, std::move(nd));
  }
  SetList(d, "open", std::move(open));
  SetList(d, "done", std::move(done));
  Data targets = List();
  for (const auto& [framework, options] : v.targets) {
    Data fd = Object();
    Set(fd, "framework", framework);
    Data opts = List();
    for (const auto& [value, label] : options) {
      Data o = Object();
      Set(o, "value", value);
      Set(o, "label", label);
      Append(opts, std::move(o));
    }
    Set(fd, "options", std::move(opts));
    Append(targets, std::move(fd));
  }
  Set(d, "targets", std::move(targets));
  Set(d, "may_open", v.may_open && !v.targets.empty());
  return RenderTemplate("app_needs", d);
}

std::string RenderSignOff(const Viewer& viewer, const SignOffView& v) {
  Data d = Frame(viewer, "SME sign-off");
  SetFlash(d, v.flash);
  Data e = EvidenceItem(v.evidence);
  Set(e, "person_name", v.person_name);
  Set(e, "confirmed", Text(Str(v.evidence.confirmed)));
  Set(d, "signoff", std::move(e));
  Set(d, "may_confirm", v.may_confirm);
  Set(d, "confirm_action", Path("/evidence/", v.evidence.id) + "/confirm");
  return RenderTemplate("app_signoff", d);
}

}  // namespace ladder::render
