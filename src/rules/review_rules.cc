// Rule kinds decided by the review process: peer_review (a panel's consensus), documented_need
// (an open need for the role or level), manual checkpoints and approvals (a sign-off naming the
// requirement's sentence), the overlay checks a framework implies, and waivers, which apply to
// any requirement by its sentence until they expire.
#include "base/text.h"
#include "rules/consensus.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules {

// "Successful peer review." and "successful  peer review" name the same requirement.
std::string NormalizeSentence(std::string_view s) {
  std::string out = text::ToLower(text::Trim(text::CollapseSpace(s)));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

namespace internal {
namespace {

bool CaseAims(const Context& cx, const model::Case& c) {
  if (!cx.Mine(c.person) || (!c.framework.empty() && c.framework != cx.fw.id)) return false;
  if (cx.target.kind == Target::Kind::kOverlay) return c.target_overlay == cx.target.overlay;
  return c.target_overlay.empty() && c.target_level == cx.target.level &&
         (c.target_track.empty() || c.target_track == cx.target.track);
}

bool NeedAims(const Context& cx, const model::Need& n) {
  if (!n.framework.empty() && n.framework != cx.fw.id) return false;
  if (cx.target.kind == Target::Kind::kOverlay) return n.overlay == cx.target.overlay;
  return n.overlay.empty() && (n.track.empty() || n.track == cx.target.track) &&
         (n.level.empty() || n.level == cx.target.level);
}

void SignOffRule(const Context& cx, const Prepared& p, std::string_view needed_from,
                 RequirementResult& r) {
  const model::SignOff* found = nullptr;
  for (const KeyedRecord& k : cx.s.signoffs)
    if (k.key == p.key) found = static_cast<const model::SignOff*>(k.record);
  if (found) {
    r.status = RequirementStatus::kSignedOff;
    if (!cx.explain) return;
    r.records.push_back(found->id);
    r.reason = "signed off by " + found->by + " on " + DateText(found->date) +
               (found->note.empty() ? "" : ": " + found->note);
    return;
  }
  r.status = RequirementStatus::kAwaitingSignOff;
  if (!cx.explain) return;
  r.reason = needed_from.empty()
                 ? std::string("a manual checkpoint: nobody has signed it off yet")
                 : "needs approval by " + std::string(needed_from) + "; not signed off yet";
}

}  // namespace

void PrepareKind::operator()(const model::ManualRule&) const {}
void PrepareKind::operator()(const model::PeerReviewPassed&) const {}
void PrepareKind::operator()(const model::DocumentedNeed&) const {}
void PrepareKind::operator()(const model::Approval&) const {}

void EvaluateKind::operator()(const model::ManualRule&) const { SignOffRule(cx, p, "", r); }

void EvaluateKind::operator()(const model::Approval& rule) const {
  SignOffRule(cx, p, rule.by.empty() ? "someone with the authority" : rule.by, r);
}

void EvaluateKind::operator()(const model::PeerReviewPassed&) const {
  const model::Case* best = nullptr;
  Consensus best_consensus;
  for (const model::Case& c : cx.records.cases) {
    if (!CaseAims(cx, c) || c.opened.empty() || c.opened > cx.at) continue;
    Consensus k = ConsensusOf(c, cx.fw.consensus, cx.at);
    // Prefer a passed review, then the most recent one.
    if (!best || k.state == ConsensusState::kPassed ||
        (best_consensus.state != ConsensusState::kPassed && c.opened >= best->opened)) {
      if (best && best_consensus.state == ConsensusState::kPassed &&
          k.state != ConsensusState::kPassed)
        continue;
      best = &c;
      best_consensus = k;
    }
  }
  if (!best) {
    r.status = RequirementStatus::kNotMet;
    if (cx.explain) r.reason = "no advancement review opened for this target";
    return;
  }
  r.status = best_consensus.state == ConsensusState::kPassed ? RequirementStatus::kMet
                                                             : RequirementStatus::kNotMet;
  if (!cx.explain) return;
  r.records.push_back(best->id);
  r.reason = "review " + best->id + " (" + model::CaseStatusName(best->status) +
             "): " + best_consensus.Describe(cx.fw.consensus);
}

void EvaluateKind::operator()(const model::DocumentedNeed&) const { DocumentedNeedCheck(cx, r); }

void DocumentedNeedCheck(const Context& cx, RequirementResult& r) {
  const model::Need* open = nullptr;
  const model::Need* filled_by_me = nullptr;
  for (const model::Need& n : cx.records.needs) {
    if (!NeedAims(cx, n) || n.opened.empty() || n.opened > cx.at) continue;
    bool still_open =
        n.status == model::NeedStatus::kOpen || (!n.closed.empty() && n.closed > cx.at);
    if (still_open && !open) open = &n;
    if (n.status == model::NeedStatus::kFilled && !n.filled_by_case.empty()) {
      for (const model::Case& c : cx.records.cases)
        if (c.id == n.filled_by_case && cx.Mine(c.person)) filled_by_me = &n;
    }
  }
  if (open) {
    r.status = RequirementStatus::kMet;
    if (!cx.explain) return;
    r.records.push_back(open->id);
    r.reason = "documented need " + open->id + " open since " + DateText(open->opened) +
               (open->reason.empty() ? "" : ": " + open->reason);
    return;
  }
  if (filled_by_me) {
    r.status = RequirementStatus::kMet;
    if (!cx.explain) return;
    r.records.push_back(filled_by_me->id);
    r.reason = "documented need " + filled_by_me->id + " was filled by this person's review " +
               filled_by_me->filled_by_case;
    return;
  }
  r.status = RequirementStatus::kNotMet;
  if (cx.explain) r.reason = "no documented need is open for this role";
}

// The overlay may be held at some levels only.
void OverlayLevelCheck(const Context& cx, const model::OverlayRole& o, RequirementResult& r) {
  if (!cx.current) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no current level on " + DateText(cx.at);
    return;
  }
  if (cx.explain) r.records.push_back(cx.current->id);
  for (const std::string& ref : o.levels) {
    bool match = false;
    if (AllDigits(ref)) {
      match = cx.current_level && cx.current_level->level->rank == std::stoi(ref);
    } else {
      auto [t, l] = cx.fw.ResolveLevel(ref, cx.current->track);
      match = l && t->id == cx.current->track && l->code == cx.current->level;
    }
    if (match) {
      r.status = RequirementStatus::kMet;
      if (cx.explain) r.reason = "holds " + cx.current->track + "/" + cx.current->level;
      return;
    }
  }
  r.status = RequirementStatus::kNotMet;
  if (cx.explain)
    r.reason =
        "holds " + cx.current->track + "/" + cx.current->level + ", which is not one of them";
}

namespace {

// Why the framework's policy lets no waiver cover `p` on cx.at, or "" (model::WaiverPolicy).
std::string Unwaivable(const Context& cx, const Prepared& p) {
  const model::WaiverPolicy& policy = cx.fw.waivers;
  for (const std::string& never : policy.never)
    if (never == p.kind || NormalizeSentence(never) == p.key)
      return "the framework's policy lets no waiver cover " +
             (never == p.kind ? "a " + p.kind + " requirement" : std::string("it"));
  if (p.kind != model::PeerReviewPassed::kName || policy.after_panel_no) return "";
  // The latest review towards the target decides: a panel's no stands until a new review.
  const model::Case* latest = nullptr;
  for (const model::Case& c : cx.records.cases)
    if (CaseAims(cx, c) && !c.opened.empty() && c.opened <= cx.at &&
        (!latest || c.opened >= latest->opened))
      latest = &c;
  if (!latest) return "";
  Consensus k = ConsensusOf(*latest, cx.fw.consensus, cx.at);
  if (k.state != ConsensusState::kFailed) return "";
  return "the panel of review " + latest->id + " said no (" + k.Describe(cx.fw.consensus) +
         "); its no stands until a new review";
}

}  // namespace

void ApplyWaivers(const Context& cx, const Prepared& p, RequirementResult& r) {
  if (cx.s.waivers.empty() && !cx.explain) return;
  std::string refused = Unwaivable(cx, p);
  if (cx.explain) r.unwaivable = refused;
  if (cx.s.waivers.empty()) return;
  const model::Waiver* in_force = nullptr;
  std::vector<std::string> notes;
  for (const KeyedRecord& k : cx.s.waivers) {
    if (k.key != p.key) continue;
    const model::Waiver& w = *static_cast<const model::Waiver*>(k.record);
    if (cx.explain) r.waivers.push_back(w);
    bool started = w.granted.empty() || w.granted <= cx.at;
    bool expired = !w.expires.empty() && w.expires <= cx.at;
    bool revoked = !w.revoked.empty() && w.revoked <= cx.at;
    if (started && !expired && !revoked && refused.empty()) {
      if (!in_force || w.granted > in_force->granted) in_force = &w;
    } else if (!cx.explain) {
      continue;
    } else if (revoked) {
      notes.push_back("waiver " + w.id + " by " + w.approver + " was revoked on " +
                      DateText(w.revoked) + " by " + w.revoked_by +
                      (w.revoke_reason.empty() ? "" : " (" + w.revoke_reason + ")"));
    } else if (expired) {
      notes.push_back("waiver " + w.id + " by " + w.approver + " expired on " +
                      DateText(w.expires));
    } else if (!started) {
      notes.push_back("waiver " + w.id + " by " + w.approver + " starts on " + DateText(w.granted));
    } else {
      notes.push_back("waiver " + w.id + " by " + w.approver + " does not count: " + refused);
    }
  }
  if (in_force) {
    r.unwaived = r.status;
    r.status = RequirementStatus::kWaived;
    r.earliest = Date();
    if (!cx.explain) return;
    r.records.push_back(in_force->id);
    std::string until =
        in_force->expires.empty() ? ", no expiry" : ", expires " + DateText(in_force->expires);
    r.reason = "waived by " + in_force->approver + " on " + DateText(in_force->granted) + until +
               (in_force->reason.empty() ? "" : " (" + in_force->reason + ")") +
               "; without the waiver: " + RequirementStatusName(*r.unwaived) + ", " + r.reason;
    return;
  }
  if (!notes.empty()) r.reason += "; " + text::Join(notes, "; ");
}

}  // namespace internal
}  // namespace ladder::rules
