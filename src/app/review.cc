#include "app/review.h"

#include <algorithm>
#include <map>

#include "app/access.h"
#include "app/review_internal.h"
#include "base/text.h"

namespace ladder::app {

using internal::Named;
using internal::NeedAims;
using internal::Quote;
using internal::TargetText;

namespace {

std::string TargetName(const model::Framework& f, const rules::Target& t) {
  if (t.kind == rules::Target::Kind::kOverlay) {
    const model::OverlayRole* o = f.FindOverlay(t.overlay);
    return o && !o->name.empty() ? o->name : t.overlay;
  }
  return t.track + "/" + t.level;
}

model::CaseEvent Event(Date date, std::string_view actor, std::string what) {
  return model::CaseEvent{date, std::string(actor), std::move(what)};
}

}  // namespace

Result<model::Person> ReviewService::Person(std::string_view id, std::string_view role) {
  if (id.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no person given", {}, std::string(role));
  Result<model::Person> p = store_.GetPerson(id);
  if (!p && p.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound,
                     "no person " + Quote(id) + " (ladder people import adds people)", {},
                     std::string(role));
  return p;
}

Result<bool> ReviewService::Manages(std::string_view boss, std::string_view person) {
  LADDER_TRY_STATUS(Person(person, "person"));  // an unknown person, with its message
  return IsAbove(store_, boss, person);
}

Result<Actor> ReviewService::ActorFor(std::string_view by, std::string_view field) {
  return CallerActor(store_, principal_ ? &*principal_ : nullptr, by, field);
}

Result<Actor> ReviewService::Check(Action action, std::string_view by, std::string_view person,
                                   const model::Case* review, std::string_view subject) {
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(Authorize(store_, actor, action, person, review, subject));
  return actor;
}

Result<bool> ReviewService::Sees(std::string_view person) {
  if (!principal_) return true;
  return Access(store_).CanSeePerson(*principal_, person);
}

Result<model::Person> ReviewService::Nameable(std::string_view id, std::string_view field) {
  if (!principal_) return Person(id, field);
  auto unknown = [&] {
    return MakeError(ErrorCode::kNotFound,
                     "no one " + Quote(id) +
                         " whom you may name (people you may see, and people with an account)",
                     {}, std::string(field));
  };
  if (id.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no person given", {}, std::string(field));
  Result<model::Person> p = store_.GetPerson(id);
  if (!p && p.error().code == ErrorCode::kNotFound) return unknown();
  if (!p) return p;
  LADDER_TRY(bool sees, Sees(id));
  if (sees) return p;
  LADDER_TRY(std::vector<model::User> users, store_.ListUsers());
  for (const model::User& u : users)
    if (u.person == p->id && !u.disabled) return p;
  return unknown();
}

Result<PersonContext> ReviewService::Load(std::string_view person, Date at,
                                          std::string_view framework) {
  PersonContext cx;
  if (person.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no person given", {}, "person");
  // Everything about the person in one round trip.
  Result<storage::PersonRecords> all =
      sources_.records ? sources_.records(person) : store_.LoadPersonRecords(person);
  if (!all && all.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound,
                     "no person " + Quote(person) + " (ladder people import adds people)", {},
                     "person");
  if (!all) return Fail(all.error());
  cx.person = std::move(all->person);
  cx.records.person = cx.person.id;
  cx.records.assignments = std::move(all->assignments);
  // The framework: the one asked for, else that of the level held on `at`, else the latest.
  std::string fw(framework);
  const model::Assignment* in_force = nullptr;
  for (const model::Assignment& a : cx.records.assignments)
    if (a.from <= at && (a.to.empty() || a.to > at) && (fw.empty() || a.framework == fw))
      if (!in_force || a.from > in_force->from) in_force = &a;
  if (fw.empty()) {
    if (in_force) {
      fw = in_force->framework;
    } else if (!cx.records.assignments.empty()) {
      fw = cx.records.assignments.back().framework;
    } else {
      return MakeError(ErrorCode::kNotFound,
                       Quote(person) +
                           " has no level history, so no framework to evaluate "
                           "against; import their level with ladder people import");
    }
  }
  if (in_force) cx.current = *in_force;
  Result<std::shared_ptr<const model::Framework>> f = GetFramework(fw, "");
  if (!f && in_force && f.error().code == ErrorCode::kNotFound)
    f = GetFramework(fw, in_force->version);  // nothing published: the version held
  if (!f) return Fail(f.error());
  cx.framework = std::move(*f);
  cx.plan = std::move(all->plan);
  cx.checkins = std::move(all->checkins);
  cx.records.evidence = std::move(all->evidence);
  cx.records.metrics = std::move(all->metrics);
  cx.records.assessments = std::move(all->assessments);
  cx.records.signoffs = std::move(all->signoffs);
  cx.records.waivers = std::move(all->waivers);
  cx.records.cases = std::move(all->cases);
  LADDER_TRY(cx.records.needs, sources_.needs ? sources_.needs(cx.framework->id)
                                              : store_.ListNeeds(cx.framework->id));
  return cx;
}

Result<rules::Verdict> ReviewService::Eligibility(std::string_view person, std::string_view target,
                                                  Date at, std::string_view framework) {
  LADDER_TRY(PersonContext cx, Load(person, at, framework));
  LADDER_TRY(rules::Target t,
             rules::ResolveTarget(*cx.framework, target, cx.current ? &*cx.current : nullptr));
  return rules::Evaluate(*cx.framework, t, cx.records, at);
}

Result<std::shared_ptr<const model::Framework>> ReviewService::GetFramework(
    std::string_view framework, std::string_view version) {
  if (sources_.frameworks) return sources_.frameworks(framework, version);
  LADDER_TRY(model::Framework f, store_.GetFramework(framework, version));
  return std::make_shared<const model::Framework>(std::move(f));
}

Result<model::Case> ReviewService::GetCase(std::string_view id) {
  Result<model::Case> c = store_.GetCase(id);
  if (!c && c.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound, "no case " + Quote(id), {}, "case");
  return c;
}

Result<model::Framework> ReviewService::FrameworkOfCase(const model::Case& c) {
  LADDER_TRY(std::shared_ptr<const model::Framework> f, GetFramework(c.framework, c.version));
  return *f;
}

Result<CaseView> ReviewService::ShowCase(std::string_view case_id, Date at) {
  CaseView view;
  LADDER_TRY(view.review, GetCase(case_id));
  LADDER_TRY(model::Framework f, FrameworkOfCase(view.review));
  view.consensus = rules::ConsensusOf(view.review, f.consensus, at);
  Result<rules::Verdict> v =
      Eligibility(view.review.person, TargetText(view.review), at, view.review.framework);
  if (v) view.verdict = std::move(*v);
  return view;
}
// -- Advancement reviews -----------------------------------------------------------------------

namespace {

// A review cannot aim at a level the framework leaves undefined: nobody is eligible for it.
Status DefinedTarget(const model::Framework& f, const rules::Target& t) {
  const model::Track* track = f.FindTrack(t.track);
  const model::Level* level = track ? track->FindLevel(t.level) : nullptr;
  if (!level || level->state != model::LevelState::kUndefined) return Ok();
  return MakeError(ErrorCode::kFailedPrecondition,
                   t.track + "/" + t.level + " is not defined in " + f.id + " " + f.version +
                       (level->note.empty() ? "" : " (" + level->note + ")") +
                       "; a review cannot aim at a level the framework leaves undefined",
                   {}, "target");
}

}  // namespace

Status ReviewService::MayJoinCycle(std::string_view cycle_id, std::string_view person) {
  Result<model::Cycle> cycle = store_.GetCycle(cycle_id);
  if (!cycle && cycle.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound, "no review cycle " + Quote(cycle_id), {}, "cycle");
  if (!cycle) return Fail(cycle.error());
  if (cycle->status != model::CycleStatus::kOpen || !(cycle->phase < model::CyclePhase::kDecisions))
    return MakeError(
        ErrorCode::kFailedPrecondition,
        "cycle " + cycle->id + " is " +
            (cycle->status == model::CycleStatus::kOpen
                 ? std::string("in its ") + model::CyclePhaseName(cycle->phase) + " phase"
                 : std::string("closed")) +
            ": reviews join a cycle before its decisions",
        {}, "cycle");
  LADDER_TRY_STATUS(store_.ListCandidates(cycle->id, person));
  LADDER_TRY(std::vector<model::Case> in_cycle, store_.ListCycleCases(cycle->id));
  for (const model::Case& other : in_cycle)
    if (other.person == person)
      return MakeError(
          ErrorCode::kAlreadyExists,
          std::string(person) + " already has case " + other.id + " in cycle " + cycle->id, {},
          "cycle");
  return Ok();
}

Result<model::Case> ReviewService::OpenCase(std::string_view person, std::string_view target,
                                            std::string_view opened_by, Date date,
                                            std::string_view id, std::string_view cycle) {
  if (!id.empty() && store_.GetCase(id))
    return MakeError(ErrorCode::kAlreadyExists, "a case " + Quote(id) + " already exists", {},
                     "id");
  LADDER_TRY(PersonContext cx, Load(person, date));
  LADDER_TRY(Actor opener, ActorFor(opened_by, "opened_by"));
  LADDER_TRY_STATUS(Authorize(store_, opener, Action::kOpenCase, cx.person.id, nullptr,
                              "a review of " + cx.person.id));
  if (!cycle.empty()) LADDER_TRY_STATUS(MayJoinCycle(cycle, cx.person.id));
  LADDER_TRY(rules::Target t,
             rules::ResolveTarget(*cx.framework, target, cx.current ? &*cx.current : nullptr));
  model::Case c;
  c.person = cx.person.id;
  c.framework = cx.framework->id;
  c.version = cx.framework->version;
  if (t.kind == rules::Target::Kind::kOverlay) {
    c.target_overlay = t.overlay;
  } else {
    if (t.level.empty())
      return MakeError(ErrorCode::kFailedPrecondition,
                       cx.framework->id + " describes no level of the track " + t.track +
                           ", and a review aims at a level: ladder eligibility " + cx.person.id +
                           " " + t.track + " shows what moving there asks",
                       {}, "target");
    c.target_track = t.track;
    c.target_level = t.level;
    LADDER_TRY_STATUS(DefinedTarget(*cx.framework, t));
    if (cx.current && cx.current->track == t.track && cx.current->level == t.level)
      return MakeError(ErrorCode::kInvalidArgument,
                       cx.person.id + " already holds " + t.track + "/" + t.level, {}, "target");
  }
  for (const model::Case& other : cx.records.cases)
    if (other.status != model::CaseStatus::kClosed && other.target_track == c.target_track &&
        other.target_level == c.target_level && other.target_overlay == c.target_overlay)
      return MakeError(ErrorCode::kAlreadyExists,
                       "case " + other.id + " for " + TargetName(*cx.framework, t) + " is still " +
                           model::CaseStatusName(other.status),
                       {}, "target");
  c.cycle = std::string(cycle);
  c.id = std::string(id);
  c.opened_by = Named(opener, actor_);
  c.opened = date;
  c.status = model::CaseStatus::kOpen;
  c.consensus = cx.framework->consensus;
  c.history.push_back(Event(date, c.opened_by,
                            "opened for " + TargetName(*cx.framework, t) + " by " + c.opened_by));
  LADDER_TRY(std::string saved, store_.SaveCase(actor_, c));
  return GetCase(saved);
}

Result<model::Case> ReviewService::AddCaseEvidence(std::string_view case_id,
                                                   std::string_view evidence_id,
                                                   std::string_view by, Date date) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor actor, Check(Action::kAddCaseEvidence, by, c.person, &c, "case " + c.id));
  if (c.status != model::CaseStatus::kOpen && c.status != model::CaseStatus::kPortfolio)
    return MakeError(ErrorCode::kConflict,
                     "case " + c.id + " is in " + model::CaseStatusName(c.status) +
                         "; evidence is added while it is open or in portfolio");
  // Someone else's evidence and none at all get the same answer: it does not say what exists.
  Result<model::Evidence> e = store_.GetEvidence(evidence_id);
  if (!e && e.error().code != ErrorCode::kNotFound) return Fail(e.error());
  if (!e || e->person != c.person)
    return MakeError(ErrorCode::kNotFound,
                     "no evidence " + Quote(evidence_id) + " of " + c.person +
                         " (a portfolio holds the person's own evidence)",
                     {}, "evidence");
  if (e->retraction)
    return MakeError(ErrorCode::kConflict,
                     "evidence " + e->id + " was " + model::RetractionName(e->retraction) + " on " +
                         e->retraction->date.ToString() +
                         (e->retraction->replaced_by.empty()
                              ? std::string("; it no longer counts")
                              : "; add its correction " + e->retraction->replaced_by + " instead"),
                     {}, "evidence");
  if (std::find(c.portfolio.begin(), c.portfolio.end(), e->id) != c.portfolio.end())
    return MakeError(ErrorCode::kAlreadyExists,
                     "evidence " + e->id + " is already in the portfolio of " + c.id);
  c.portfolio.push_back(e->id);
  c.history.push_back(
      Event(date, Named(actor, actor_), "added evidence " + e->id + " (" + e->title + ")"));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::SetPanel(std::string_view case_id,
                                            const std::vector<std::string>& panel,
                                            std::string_view by, Date date) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor actor, Check(Action::kNamePanel, by, c.person, &c, "case " + c.id));
  if (c.status == model::CaseStatus::kDecision || c.status == model::CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " +
                                               model::CaseStatusName(c.status) +
                                               "; the panel is named before the decision");
  if (panel.empty())
    return MakeError(ErrorCode::kInvalidArgument, "name at least one reviewer", {}, "panel");
  std::vector<std::string> members;
  for (const std::string& r : panel) {
    LADDER_TRY(model::Person p, Nameable(r, "panel"));
    if (p.id == c.person)
      return MakeError(ErrorCode::kInvalidArgument, c.person + " cannot review their own case", {},
                       "panel");
    if (std::find(members.begin(), members.end(), p.id) != members.end())
      return MakeError(ErrorCode::kInvalidArgument, p.id + " is named twice", {}, "panel");
    members.push_back(p.id);
  }
  // A vote cast stays counted: its voter cannot be taken off the panel to change the consensus.
  for (const model::Vote& v : c.votes)
    if (std::find(c.panel.begin(), c.panel.end(), v.reviewer) != c.panel.end() &&
        std::find(members.begin(), members.end(), v.reviewer) == members.end())
      return MakeError(ErrorCode::kConflict,
                       v.reviewer + " has voted on " + c.id +
                           "; a panel member who has voted stays on the panel",
                       {}, "panel");
  c.panel = members;
  c.history.push_back(Event(date, Named(actor, actor_), "panel: " + text::Join(members, ", ")));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::Move(std::string_view case_id, model::CaseStatus to,
                                        std::string_view by, Date date) {
  using model::CaseStatus;
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor actor, Check(Action::kMoveCase, by, c.person, &c, "case " + c.id));
  auto next = [](CaseStatus s) {
    switch (s) {
      case CaseStatus::kOpen:
        return CaseStatus::kPortfolio;
      case CaseStatus::kPortfolio:
        return CaseStatus::kPeerReview;
      case CaseStatus::kPeerReview:
        return CaseStatus::kDecision;
      default:
        return CaseStatus::kClosed;
    }
  };
  std::string from = model::CaseStatusName(c.status);
  if (c.status == CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is closed; it cannot move");
  if (to == CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " + from +
                                               "; a case is closed by its decision (ladder "
                                               "case decide)");
  if (to != next(c.status))
    return MakeError(ErrorCode::kConflict, "case " + c.id + " cannot move from " + from + " to " +
                                               model::CaseStatusName(to) + "; from " + from +
                                               " it can move to " +
                                               model::CaseStatusName(next(c.status)) +
                                               " only (open -> portfolio -> "
                                               "peer_review -> decision -> closed)");
  if (to == CaseStatus::kPeerReview && c.panel.empty())
    return MakeError(ErrorCode::kFailedPrecondition,
                     "case " + c.id + " has no panel; name it first (ladder case review " + c.id +
                         " --panel A,B,C)");
  if (to == CaseStatus::kDecision) {
    LADDER_TRY(model::Framework f, FrameworkOfCase(c));
    rules::Consensus k = rules::ConsensusOf(c, f.consensus);
    if (k.state == rules::ConsensusState::kPending)
      return MakeError(
          ErrorCode::kFailedPrecondition,
          "the panel of " + c.id + " has not reached a consensus: " + k.Describe(f.consensus));
  }
  c.status = to;
  c.history.push_back(
      Event(date, Named(actor, actor_), "moved to " + std::string(model::CaseStatusName(to))));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::Vote(std::string_view case_id, const model::Vote& vote) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor actor, Check(Action::kVote, vote.reviewer, c.person, &c, "case " + c.id));
  if (c.status != model::CaseStatus::kPeerReview)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " +
                                               model::CaseStatusName(c.status) +
                                               "; votes are cast during peer_review");
  if (vote.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  model::Vote cast = vote;
  cast.reviewer = actor.person;
  LADDER_TRY_STATUS(store_.AddVote(actor_, case_id, cast));
  return GetCase(case_id);
}

namespace {

// Why case `c` cannot be decided now: decided already, not in its decision step, or in a cycle
// that is not in its decisions phase.
Status CheckDecidable(storage::Store& store, const model::Case& c) {
  if (c.decision)
    return MakeError(ErrorCode::kConflict,
                     "case " + c.id +
                         " was already decided: " + model::OutcomeName(c.decision->outcome) +
                         " by " + c.decision->decided_by + ", effective " +
                         c.decision->effective.ToString() + "; a case is decided once");
  if (c.status != model::CaseStatus::kDecision)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " +
                                               model::CaseStatusName(c.status) +
                                               "; move it to decision first");
  if (c.cycle.empty()) return Ok();
  LADDER_TRY(model::Cycle cycle, store.GetCycle(c.cycle));
  if (cycle.phase != model::CyclePhase::kDecisions || cycle.status != model::CycleStatus::kOpen)
    return MakeError(ErrorCode::kFailedPrecondition,
                     "case " + c.id + " belongs to cycle " + cycle.id + ", which is in its " +
                         model::CyclePhaseName(cycle.phase) +
                         " phase: its cases are decided in the decisions phase",
                     {}, "cycle");
  return Ok();
}

// What a promotion writes: the person's next level (or their level with the overlay role added)
// from `effective`, and the open need it fills, if any.
struct Promotion {
  model::Assignment next;
  std::optional<model::Need> filled;
};

// The promotion of case `c` from `effective`; refused when the person is not eligible then.
Result<Promotion> PromotionOf(ReviewService& review, const model::Case& c, Date effective) {
  LADDER_TRY(rules::Verdict v, review.Eligibility(c.person, TargetText(c), effective, c.framework));
  std::string summary = v.summary;
  if (summary.ends_with('.')) summary.pop_back();
  if (!rules::PermitsPromotion(v.overall))
    return MakeError(ErrorCode::kFailedPrecondition,
                     c.person + " is not eligible on " + effective.ToString() + ": " + summary +
                         "; the review's checklist shows each requirement and why",
                     {}, "effective");
  LADDER_TRY(PersonContext cx, review.Load(c.person, effective, c.framework));
  if (!cx.current && !c.target_overlay.empty())
    return MakeError(
        ErrorCode::kFailedPrecondition,
        c.person + " holds no level on " + effective.ToString() + " to add the overlay role to");
  Promotion p;
  model::Assignment& next = p.next;
  next.person = c.person;
  next.framework = cx.framework->id;
  next.version = cx.framework->version;
  next.from = effective;
  next.reason = c.id;
  if (cx.current) next.overlays = cx.current->overlays;
  if (!c.target_overlay.empty()) {
    next.track = cx.current->track;
    next.level = cx.current->level;
    if (std::find(next.overlays.begin(), next.overlays.end(), c.target_overlay) ==
        next.overlays.end())
      next.overlays.push_back(c.target_overlay);
  } else {
    next.track = c.target_track;
    next.level = c.target_level;
  }
  for (const model::Need& n : cx.records.needs)
    if (n.status == model::NeedStatus::kOpen && NeedAims(n, c) && n.opened <= effective) {
      p.filled = n;
      break;
    }
  return p;
}

}  // namespace

Result<DecisionResult> ReviewService::Decide(std::string_view case_id, model::Outcome outcome,
                                             Date effective, std::string_view decided_by,
                                             std::string_view note) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor decider, Check(Action::kDecide, decided_by, c.person, &c, "case " + c.id));
  LADDER_TRY_STATUS(CheckDecidable(store_, c));
  if (effective.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no effective date given", {}, "effective");
  std::optional<Promotion> promotion;
  if (outcome == model::Outcome::kPromoted) {
    LADDER_TRY(Promotion p, PromotionOf(*this, c, effective));
    promotion = std::move(p);
  }
  c.decision = model::Decision{outcome, effective, Named(decider, actor_), std::string(note)};
  c.status = model::CaseStatus::kClosed;
  c.history.push_back(Event(effective, c.decision->decided_by,
                            std::string("decided: ") + model::OutcomeName(outcome) +
                                (note.empty() ? "" : " (" + std::string(note) + ")")));
  DecisionResult result;
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    if (promotion) {
      LADDER_TRY(result.assignment, tx.AddAssignment(actor_, promotion->next));
      if (std::optional<model::Need>& filled = promotion->filled) {
        filled->status = model::NeedStatus::kFilled;
        filled->filled_by_case = c.id;
        filled->closed = effective;
        LADDER_TRY_STATUS(tx.SaveNeed(actor_, *filled));
        result.need = filled->id;
      }
    }
    LADDER_TRY_STATUS(tx.SaveCase(actor_, c));
    return Ok();
  }));
  LADDER_TRY(result.review, GetCase(case_id));
  return result;
}

Result<std::vector<model::Person>> NearbyPeople(storage::Store& store, std::string_view person) {
  LADDER_TRY(model::Person self, store.GetPerson(person));
  std::map<std::string, model::Person> near;
  auto add = [&](model::Person p) {
    if (p.id != self.id) near.emplace(p.id, std::move(p));
  };
  std::string up = self.manager;
  for (int depth = 0; !up.empty() && depth < 16 && !near.contains(up); ++depth) {
    Result<model::Person> p = store.GetPerson(up);
    if (!p) break;
    up = p->manager;
    add(std::move(*p));
  }
  std::vector<std::string> teams = {self.id};
  if (!self.manager.empty()) teams.push_back(self.manager);
  for (const std::string& manager : teams) {
    LADDER_TRY(std::vector<model::Person> team, store.ListPeople({manager, kNearbyTeam, 0}));
    for (model::Person& p : team) add(std::move(p));
  }
  std::vector<model::Person> out;
  for (auto& [id, p] : near) out.push_back(std::move(p));
  return out;
}

}  // namespace ladder::app
