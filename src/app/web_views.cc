#include "app/web_views.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/corrections.h"
#include "base/text.h"
#include "rules/consensus.h"

namespace ladder::app {
namespace {

std::string TargetText(const model::Case& c) {
  if (!c.target_overlay.empty()) return c.target_overlay;
  return c.target_track + "/" + c.target_level;
}

// Where a review in `status` may be moved next.
std::vector<std::string> NextStates(model::CaseStatus status) {
  switch (status) {
    case model::CaseStatus::kOpen:
      return {"portfolio"};
    case model::CaseStatus::kPortfolio:
      return {"peer_review"};
    case model::CaseStatus::kPeerReview:
      return {"decision"};
    case model::CaseStatus::kDecision:
    case model::CaseStatus::kClosed:
      break;
  }
  return {};
}

// What a case aims at, as pages name it: "Engineering: IC3 · Senior Engineer", "Role: Team
// lead", or its track/level when `f` does not have it.
std::string TargetLabel(const model::Framework& f, const model::Case& c) {
  if (!c.target_overlay.empty()) {
    const model::OverlayRole* o = f.FindOverlay(c.target_overlay);
    return o ? "Role: " + o->DisplayName() : c.target_overlay;
  }
  const model::Track* t = f.FindTrack(c.target_track);
  const model::Level* l = t ? t->FindLevel(c.target_level) : nullptr;
  return l ? l->Label(*t) : TargetText(c);
}

// The level a person at `current` grows into: rules::ResolveTarget's "next", the one answer
// the CLI and the API give too (from the top of a core track, the first level above it on the
// paths it leads to; from the top of any other track, none).
std::optional<rules::Target> NextLevel(const model::Framework& f,
                                       const model::Assignment& current) {
  Result<rules::Target> next = rules::ResolveTarget(f, "next", &current);
  if (!next || next->kind != rules::Target::Kind::kLevel) return std::nullopt;
  return *next;
}

// A decided promotion (or any recorded level) that takes effect after `today`: the earliest
// such assignment of `history`, if any.
std::optional<model::Assignment> Upcoming(const std::vector<model::Assignment>& history,
                                          Date today) {
  const model::Assignment* found = nullptr;
  for (const model::Assignment& a : history)
    if (a.from > today && (!found || a.from < found->from)) found = &a;
  if (!found) return std::nullopt;
  return *found;
}

// "IC4 · Staff Engineer" for an assignment in `f`, else its track/level.
std::string AssignmentLabel(const model::Framework* f, const model::Assignment& a) {
  const model::Track* t = f && f->id == a.framework ? f->FindTrack(a.track) : nullptr;
  const model::Level* l = t ? t->FindLevel(a.level) : nullptr;
  return l ? l->Label() : a.track + "/" + a.level;
}

}  // namespace

Result<std::shared_ptr<const model::Framework>> WebViews::FrameworkOf(std::string_view id,
                                                                      std::string_view version) {
  if (site_) {
    // The site's own copy, kept alive by the site: nothing is copied.
    for (const model::Framework* f : site_->Frameworks())
      if (f->id == id && (version.empty() || f->version == version))
        return std::shared_ptr<const model::Framework>(site_, f);
  }
  LADDER_TRY(model::Framework f, store_.GetFramework(id, version));
  return std::make_shared<const model::Framework>(std::move(f));
}

Result<rules::Verdict> WebViews::Evaluate(const model::Framework& f, const rules::Target& target,
                                          const rules::Records& records, Date at,
                                          const rules::EvaluateOptions& options) {
  // The site's prepared evaluator when it shows this version (the same answers, prepared once).
  if (site_)
    if (const rules::Evaluator* e = site_->EvaluatorOf(f.id, f.version); e && &e->framework() == &f)
      return e->Evaluate(target, records, at, options);
  return rules::Evaluate(f, target, records, at, options);
}

ReviewService WebViews::Service(const Principal& viewer,
                                std::shared_ptr<const model::Framework>* shown) {
  ReviewSources sources = sources_;
  sources.frameworks =
      [this, shown](std::string_view id,
                    std::string_view version) -> Result<std::shared_ptr<const model::Framework>> {
    LADDER_TRY(*shown, FrameworkOf(id, version));
    return *shown;
  };
  return ReviewService(store_, viewer, std::move(sources));
}

Result<std::set<std::string>> WebViews::Signable(const Principal& viewer, std::string_view person,
                                                 const rules::Verdict& v) {
  std::set<std::string> out;
  if (viewer.person.empty()) return out;  // a sign-off is given by a person
  const Actor actor = ActorOf(viewer);
  std::optional<Relation> relation;
  for (const rules::RequirementResult& r : v.requirements) {
    if (r.status != rules::RequirementStatus::kAwaitingSignOff) continue;
    if (!relation) {
      LADDER_TRY(Relation found, RelationTo(store_, actor, person));
      relation = found;
    }
    const Action action = r.kind == "approval" ? Action::kApprove : Action::kSignOff;
    if (Permit(actor, action, *relation, r.text)) out.insert(r.text);
  }
  return out;
}

namespace {

// Adds the display names of `ids` to `labels` (an id stays as it is for someone not stored).
Status NamePeople(storage::Store& store, render::Labels& labels,
                  const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    if (id.empty() || labels.people.contains(id)) continue;
    Result<model::Person> p = store.GetPerson(id);
    if (!p && p.error().code != ErrorCode::kNotFound) return Fail(p.error());
    labels.people[id] = p ? p->DisplayName() : id;
  }
  return Ok();
}

}  // namespace

Status NamePlanPeople(storage::Store& store, render::GrowthView& v) {
  v.labels.people[v.person.id] = v.person.DisplayName();
  std::vector<std::string> ids;
  for (const model::PlanAction& a : v.plan) {
    ids.push_back(a.agreed_by);
    ids.push_back(a.closed_by);
  }
  for (const model::CheckIn& c : v.checkins) ids.push_back(c.held_by);
  return NamePeople(store, v.labels, ids);
}

namespace {

// The standing ratings to show, and which records the viewer may take back.
Status SetTakeBack(ReviewService& review, render::GrowthView& v) {
  v.latest = model::LatestRatings(v.assessments);
  LADDER_TRY(TakeBackRights rights, review.TakeBackRightsOn(v.person.id));
  auto add = [&](RecordKind kind, const auto& records) {
    for (const auto& r : records)
      if (!r.retraction && rights.May(kind, RecordAuthor(r)))
        v.may_take_back.insert(std::string(RecordKindPath(kind)) + "/" + r.id);
  };
  add(RecordKind::kEvidence, v.evidence);
  add(RecordKind::kMetric, v.metrics);
  add(RecordKind::kAssessment, v.assessments);
  add(RecordKind::kSignOff, v.signoffs);
  return Ok();
}

}  // namespace

Status WebViews::AddNames(render::Labels& labels, const std::vector<std::string>& ids) {
  return NamePeople(store_, labels, ids);
}

Status WebViews::AddCases(render::Labels& labels, const std::vector<model::Case>& cases) {
  for (const model::Case& c : cases) {
    LADDER_TRY_STATUS(AddNames(labels, {c.person, c.opened_by}));
    Result<std::shared_ptr<const model::Framework>> f = FrameworkOf(c.framework, c.version);
    if (f) labels.targets[c.id] = TargetLabel(**f, c);
  }
  return Ok();
}

Status WebViews::AddGrowthLabels(render::GrowthView& v) {
  // Who may sign off a skill, as the form offers them: the people near the person and whoever
  // signed off their evidence before; anyone else is named by id in the form's other field.
  LADDER_TRY(std::vector<model::Person> near,
             sources_.nearby ? sources_.nearby(v.person.id) : NearbyPeople(store_, v.person.id));
  for (model::Person& p : near) {
    v.labels.people[p.id] = p.DisplayName();
    v.signers.push_back(std::move(p));
  }
  for (const model::Evidence& e : v.evidence)
    if (!e.signed_off_by.empty() && !v.labels.people.contains(e.signed_off_by))
      if (Result<model::Person> p = store_.GetPerson(e.signed_off_by); p) {
        v.labels.people[p->id] = p->DisplayName();
        v.signers.push_back(std::move(*p));
      }
  std::sort(v.signers.begin(), v.signers.end(), [](const model::Person& a, const model::Person& b) {
    return a.DisplayName() < b.DisplayName();
  });
  std::vector<std::string> ids{v.person.manager};
  for (const model::Evidence& e : v.evidence) ids.push_back(e.signed_off_by);
  LADDER_TRY_STATUS(AddNames(v.labels, ids));
  return AddCases(v.labels, v.cases);
}

Result<render::GrowthView> WebViews::Growth(const Principal& viewer, std::string_view person,
                                            Date today) {
  render::GrowthView v;
  v.today = today;
  v.site = site_.get();
  v.own = !viewer.person.empty() && viewer.person == person;
  if (!viewer.person.empty()) {
    const Actor actor = ActorOf(viewer);
    LADDER_TRY(Relation relation, RelationTo(store_, actor, person));
    v.as_manager = Permit(actor, Action::kManagerAssess, relation, person).has_value();
    v.may_open_case = Permit(actor, Action::kOpenCase, relation, person).has_value();
    v.may_plan = Permit(actor, Action::kPlan, relation, person).has_value();
  }
  std::shared_ptr<const model::Framework> shown;
  ReviewService review = Service(viewer, &shown);
  Result<PersonContext> cx = review.Load(person, today);
  if (cx) v.person = cx->person;
  if (!cx) {
    if (cx.error().code != ErrorCode::kNotFound) return Fail(cx.error());
    // No such person, or no level history: the records alone.
    LADDER_TRY(v.person, store_.GetPerson(person));
    LADDER_TRY(v.evidence, store_.ListEvidence(person));
    LADDER_TRY(v.assessments, store_.ListAssessments(person));
    LADDER_TRY(v.cases, store_.ListCases(person));
    for (model::Case& c : v.cases) c = Access::AsSeenBy(viewer, std::move(c));
    LADDER_TRY(v.history, store_.ListAssignments(person));
    LADDER_TRY(v.metrics, store_.ListMetrics(person));
    LADDER_TRY(v.signoffs, store_.ListSignOffs(person));
    LADDER_TRY(v.plan, store_.ListPlanActions(person));
    LADDER_TRY(v.checkins, store_.ListCheckIns(person));
    LADDER_TRY_STATUS(SetTakeBack(review, v));
    LADDER_TRY_STATUS(AddGrowthLabels(v));
    LADDER_TRY_STATUS(NamePlanPeople(store_, v));
    return v;
  }
  v.framework = shown;
  v.current = cx->current;
  v.assessments = cx->records.assessments;
  v.evidence = cx->records.evidence;
  for (const model::Case& c : cx->records.cases) v.cases.push_back(Access::AsSeenBy(viewer, c));
  v.history = cx->records.assignments;
  v.metrics = cx->records.metrics;
  v.signoffs = cx->records.signoffs;
  v.plan = std::move(cx->plan);
  v.checkins = std::move(cx->checkins);
  LADDER_TRY_STATUS(SetTakeBack(review, v));
  LADDER_TRY_STATUS(AddGrowthLabels(v));
  LADDER_TRY_STATUS(NamePlanPeople(store_, v));
  if ((v.upcoming = Upcoming(v.history, today)))
    v.upcoming_label = AssignmentLabel(v.framework.get(), *v.upcoming);
  if (!v.current || !v.framework) return v;
  const model::Framework& f = *v.framework;
  v.level.track = f.FindTrack(v.current->track);
  v.level.level = v.level.track ? v.level.track->FindLevel(v.current->level) : nullptr;
  if (!v.level.level) return v;
  if (site_) v.level.href = "/" + site_->LevelPath(f.id, v.level.track->id, v.level.level->code);
  if (v.level.href == "/") v.level.href.clear();
  std::optional<rules::Target> next = NextLevel(f, *v.current);
  if (next) {
    v.next.track = f.FindTrack(next->track);
    v.next.level = v.next.track ? v.next.track->FindLevel(next->level) : nullptr;
  }
  // The checklist: the open review's target, else the next level.
  std::string target;
  for (const model::Case& c : v.cases)
    if (c.status != model::CaseStatus::kClosed && c.framework == f.id) target = TargetText(c);
  if (target.empty() && next) target = next->track + "/" + next->level;
  if (!target.empty()) {
    if (Result<rules::Target> t = rules::ResolveTarget(f, target, &*v.current); t) {
      Result<rules::Verdict> verdict = Evaluate(f, *t, cx->records, today, {});
      if (verdict) v.verdict = std::move(*verdict);
    }
  }
  if (v.verdict) {
    LADDER_TRY(v.signable, Signable(viewer, v.person.id, *v.verdict));
  }
  return v;
}

Result<render::TeamView> WebViews::Team(const Principal& viewer, Date today, int offset,
                                        int limit) {
  render::TeamView view;
  view.today = today;
  offset = std::max(0, offset);
  limit = std::max(1, limit);
  view.offset = offset;
  view.limit = limit;
  // The page's people and the count come from the database: the work is in the people shown.
  auto reports = [&](const std::string& manager) {
    storage::ReportsQuery q{manager, limit, offset};
    return sources_.reports ? sources_.reports(q) : store_.ListReports(q);
  };
  storage::ReportsPage page;
  view.title = "My team";
  if (viewer.Has(model::UserRole::kManager) && !viewer.person.empty()) {
    LADDER_TRY(page, reports(viewer.person));
  }
  if (page.total == 0 && Access::SeesEveryone(viewer)) {
    LADDER_TRY(page, reports(""));
    view.title = "Everyone";
  }
  view.total = page.total;
  for (Report& r : page.reports) {
    auto compute = [&]() { return TeamRowOf(viewer, r.person, today); };
    TeamRow row;
    if (sources_.team_rows) {
      LADDER_TRY(std::shared_ptr<const TeamRow> kept,
                 sources_.team_rows(r.person.id + "\n" + today.ToString(), compute));
      row = *kept;
    } else {
      LADDER_TRY(row, compute());
    }
    row.member.depth = r.depth;
    view.labels.people.merge(row.labels.people);
    view.labels.targets.merge(row.labels.targets);
    view.members.push_back(std::move(row.member));
  }
  return view;
}

Result<TeamRow> WebViews::TeamRowOf(const Principal& viewer, const model::Person& person,
                                    Date today) {
  TeamRow row;
  render::TeamMember& m = row.member;
  m.person = person;
  std::shared_ptr<const model::Framework> shown;
  ReviewService review = Service(viewer, &shown);
  Result<PersonContext> cx = review.Load(m.person.id, today);
  if (!cx && cx.error().code != ErrorCode::kNotFound) return Fail(cx.error());
  if (cx) {
    m.current = cx->current;
    for (const model::Case& c : cx->records.cases)
      if (c.status != model::CaseStatus::kClosed) m.open_cases.push_back(c);
    if (m.current && shown) {
      const model::Framework& f = *shown;
      const model::Track* t = f.FindTrack(m.current->track);
      const model::Level* l = t ? t->FindLevel(m.current->level) : nullptr;
      m.level_label = l ? l->Label() : m.current->level;
      m.track_label = t ? t->DisplayName() : m.current->track;
      m.track_order = t ? static_cast<int>(t - f.tracks.data()) : -1;
      m.level_rank = l ? l->rank : 0;
      if ((m.upcoming = Upcoming(cx->records.assignments, today))) {
        m.upcoming_label = AssignmentLabel(&f, *m.upcoming);
      } else if (std::optional<rules::Target> next = NextLevel(f, *m.current)) {
        Result<rules::Verdict> v =
            Evaluate(f, *next, cx->records, today, rules::EvaluateOptions{.explain = false});
        if (v)
          m.readiness = render::TeamMember::Readiness{v->overall, v->earliest, v->blocking.size(),
                                                      v->requirements.size()};
      }
    }
  }
  LADDER_TRY_STATUS(AddCases(row.labels, m.open_cases));
  return row;
}

Result<render::CaseView> WebViews::Case(const Principal& viewer, std::string_view case_id,
                                        Date today) {
  render::CaseView v;
  v.today = today;
  std::shared_ptr<const model::Framework> shown;
  ReviewService review = Service(viewer, &shown);
  LADDER_TRY(CaseView shown_case, review.ShowCase(case_id, today));
  v.votes_hidden = !Access::SeesVotes(viewer, shown_case.review);
  v.review = Access::AsSeenBy(viewer, std::move(shown_case.review));
  v.verdict = std::move(shown_case.verdict);
  const model::Case& c = v.review;
  LADDER_TRY(v.framework, FrameworkOf(c.framework, c.version));
  LADDER_TRY(v.person, store_.GetPerson(c.person));
  const model::Framework& f = *v.framework;
  v.labels.targets[c.id] = TargetLabel(f, c);
  if (!v.votes_hidden) {  // the consensus counts the votes
    v.consensus = shown_case.consensus.Describe(c.consensus);
    v.consensus_reached = shown_case.consensus.state == rules::ConsensusState::kPassed;
  }
  LADDER_TRY(std::vector<model::Evidence> evidence, store_.ListEvidence(c.person));
  for (model::Evidence& e : evidence) {
    if (std::find(c.portfolio.begin(), c.portfolio.end(), e.id) != c.portfolio.end()) {
      v.portfolio.push_back(std::move(e));
    } else if (!e.retraction) {  // withdrawn or corrected evidence joins no portfolio
      v.addable.push_back(std::move(e));
    }
  }
  LADDER_TRY(std::vector<model::Waiver> waivers, store_.ListWaivers(c.person));
  for (model::Waiver& w : waivers)
    if (w.case_id == c.id) v.waivers.push_back(std::move(w));
  if (v.verdict) {
    std::set<std::string> seen;
    for (const rules::RequirementResult& r : v.verdict->requirements)
      if (seen.insert(r.text).second) v.requirements.push_back(r.text);
    LADDER_TRY(v.signable, Signable(viewer, c.person, *v.verdict));
  }
  LADDER_TRY_STATUS(AddCasePeople(v));
  v.next_states = NextStates(c.status);
  // The forms shown are the steps app/authority.h lets the viewer take (acting needs a person).
  if (!viewer.person.empty()) {
    const Actor actor = ActorOf(viewer);
    LADDER_TRY(Relation relation, RelationTo(store_, actor, c.person, &c));
    auto may = [&](Action a) { return Permit(actor, a, relation, "case " + c.id).has_value(); };
    // Waiving follows the waiver policy of the framework the verdict was evaluated against.
    const model::WaiverPolicy& policy = shown ? shown->waivers : f.waivers;
    const bool may_waive =
        Permit(actor, WaiverRow(Action::kWaive, policy), relation, "case " + c.id).has_value();
    v.may = {may(Action::kAddCaseEvidence),
             may(Action::kNamePanel),
             may(Action::kMoveCase),
             may(Action::kVote),
             may_waive,
             may(Action::kDecide)};
  }
  return v;
}

Status WebViews::AddCasePeople(render::CaseView& v) {
  const model::Case& c = v.review;
  // Who may sit on the panel: people whose account has the reviewer role, and those on it now.
  std::set<std::string> reviewer_ids(c.panel.begin(), c.panel.end());
  LADDER_TRY(std::vector<model::User> users, store_.ListUsers());
  for (const model::User& u : users)
    if (!u.person.empty() && !u.disabled &&
        std::find(u.roles.begin(), u.roles.end(), model::UserRole::kReviewer) != u.roles.end())
      reviewer_ids.insert(u.person);
  reviewer_ids.erase(c.person);
  for (const std::string& id : reviewer_ids)
    if (Result<model::Person> p = store_.GetPerson(id); p) v.reviewers.push_back(std::move(*p));
  for (const model::Person& p : v.reviewers) v.labels.people[p.id] = p.DisplayName();
  std::vector<std::string> ids{c.person, c.opened_by};
  ids.insert(ids.end(), c.panel.begin(), c.panel.end());
  for (const model::Waiver& w : v.waivers) {
    ids.push_back(w.approver);
    ids.push_back(w.revoked_by);
  }
  if (c.decision) ids.push_back(c.decision->decided_by);
  for (const model::CaseEvent& e : c.history) ids.push_back(e.actor);
  for (const auto* list : {&v.portfolio, &v.addable})
    for (const model::Evidence& e : *list) ids.push_back(e.signed_off_by);
  return AddNames(v.labels, ids);
}

Result<render::CasesView> WebViews::Cases(const Principal& viewer) {
  render::CasesView v;
  LADDER_TRY(v.cases, access_.VisibleCases(viewer));
  LADDER_TRY_STATUS(AddCases(v.labels, v.cases));
  return v;
}

Result<render::NeedsView> WebViews::Needs(const Principal& viewer, Date today) {
  render::NeedsView v;
  v.today = today;
  LADDER_TRY(v.needs, store_.ListNeeds(""));
  if (!viewer.person.empty()) {
    const Actor actor = ActorOf(viewer);
    LADDER_TRY(std::vector<model::Person> reports, store_.ListPeople({viewer.person, 1, 0}));
    v.may_open = Permit(actor, Action::kOpenNeed,
                        reports.empty() ? Relation::kOther : Relation::kAbove, "a need")
                     .has_value();
    for (const model::Need& n : v.needs) {
      if (n.status != model::NeedStatus::kOpen) continue;
      LADDER_TRY(Relation relation, RelationTo(store_, actor, n.opened_by));
      if (Permit(actor, Action::kCloseNeed, relation, "need " + n.id)) v.closable.push_back(n.id);
    }
  }
  for (const model::Need& n : v.needs) LADDER_TRY_STATUS(AddNames(v.labels, {n.opened_by}));
  if (site_) {
    for (const model::Framework* f : site_->Frameworks()) {
      if (f->tracks.empty()) continue;
      std::vector<std::pair<std::string, std::string>> options;
      for (const model::Track& t : f->tracks)
        for (const model::Level& l : t.levels)
          options.emplace_back(t.id + "/" + l.code, l.Label(t));
      for (const model::OverlayRole& o : f->overlays)
        options.emplace_back(o.id, "Role: " + o.DisplayName());
      v.targets.emplace_back(f->id, std::move(options));
    }
  }
  return v;
}

Result<render::SignOffView> WebViews::SignOff(const Principal& viewer, std::string_view evidence) {
  auto none = [&] {
    return MakeError(ErrorCode::kNotFound,
                     "no SME sign-off '" + std::string(evidence) + "' for you");
  };
  Result<model::Evidence> e = store_.GetEvidence(evidence);
  if (!e && e.error().code != ErrorCode::kNotFound) return Fail(e.error());
  if (!e || e->kind != "sme") return none();
  const bool signer = !viewer.person.empty() && viewer.person == e->signed_off_by;
  LADDER_TRY(bool sees, access_.CanSeePerson(viewer, e->person));
  if (!signer && !sees) return none();
  render::SignOffView v;
  LADDER_TRY(model::Person person, store_.GetPerson(e->person));
  v.person_name = person.DisplayName();
  v.may_confirm = signer && e->confirmed.empty();
  v.evidence = std::move(*e);
  return v;
}

}  // namespace ladder::app
