#include "app/review.h"

#include <algorithm>
#include <cmath>

#include "app/access.h"
#include "base/text.h"

namespace ladder::app {
namespace {

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// The target of a case in the form rules::ResolveTarget reads.
std::string TargetText(const model::Case& c) {
  if (!c.target_overlay.empty()) return c.target_overlay;
  return c.target_track + "/" + c.target_level;
}

std::string TargetName(const model::Framework& f, const rules::Target& t) {
  if (t.kind == rules::Target::Kind::kOverlay) {
    const model::OverlayRole* o = f.FindOverlay(t.overlay);
    return o && !o->name.empty() ? o->name : t.overlay;
  }
  return t.track + "/" + t.level;
}

bool NeedAims(const model::Need& n, const model::Case& c) {
  if (!n.framework.empty() && n.framework != c.framework) return false;
  if (!c.target_overlay.empty()) return n.overlay == c.target_overlay;
  return n.overlay.empty() && (n.track.empty() || n.track == c.target_track) &&
         (n.level.empty() || n.level == c.target_level);
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

// -- Records --------------------------------------------------------------------------------------

Result<std::string> ReviewService::AddEvidence(model::Evidence e) {
  LADDER_TRY(model::Person p, Person(e.person, "person"));
  std::vector<std::string> kinds(std::begin(model::kEvidenceKinds),
                                 std::end(model::kEvidenceKinds));
  if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) {
    std::string hint;
    if (auto s = text::DidYouMean(e.kind, kinds)) hint = "did you mean " + *s + "? ";
    return MakeError(ErrorCode::kInvalidArgument,
                     "unknown evidence kind " + Quote(e.kind) + "; " + hint +
                         "expected one of: " + text::Join(kinds, ", "),
                     {}, "kind");
  }
  if (e.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  if (!e.end.empty() && e.end <= e.date)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the end " + e.end.ToString() + " is not after the date " + e.date.ToString(),
                     {}, "end");
  if (e.kind == "role" && e.role.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "evidence of kind role names the role held (--role tech-lead)", {}, "role");
  if (e.kind == "sme") {
    if (e.skill.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "an SME sign-off names the skill set (--skill networking)", {}, "skill");
    if (e.signed_off_by.empty() || e.signed_off_by == e.person)
      return MakeError(ErrorCode::kInvalidArgument,
                       "an SME sign-off is signed by someone other than the person "
                       "(--signed-off-by PERSON)",
                       {}, "signed_off_by");
    LADDER_TRY_STATUS(Person(e.signed_off_by, "signed_off_by"));
  }
  if (!e.id.empty() && store_.GetEvidence(e.id))
    return MakeError(ErrorCode::kAlreadyExists, "evidence " + Quote(e.id) + " already exists", {},
                     "id");
  if (e.title.empty()) e.title = e.kind == "sme" ? e.skill : e.kind;
  return store_.SaveEvidence(actor_, e);
}

Result<std::string> ReviewService::AddMetric(model::Metric m) {
  LADDER_TRY(model::Person p, Person(m.person, "person"));
  if (text::Trim(m.name).empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "a metric value names its metric (--name resolved_without_assistance)", {},
                     "name");
  if (m.period_start.empty() || m.period_end.empty())
    return MakeError(ErrorCode::kInvalidArgument, "the period needs a start and an end", {},
                     "period");
  if (m.period_end < m.period_start)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the period ends on " + m.period_end.ToString() + ", before it starts on " +
                         m.period_start.ToString(),
                     {}, "period");
  if (!std::isfinite(m.value))
    return MakeError(ErrorCode::kInvalidArgument, "the value is not a number", {}, "value");
  return store_.SaveMetric(actor_, m);
}

Result<std::string> ReviewService::Assess(model::Assessment a) {
  LADDER_TRY(model::Person p, Person(a.person, "person"));
  LADDER_TRY(model::Person assessor, Person(a.assessor, "assessor"));
  if (a.period_start.empty() || a.period_end.empty())
    return MakeError(ErrorCode::kInvalidArgument, "the period needs a start and an end", {},
                     "period");
  if (a.period_end < a.period_start)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the period ends (" + a.period_end.ToString() + ") before it starts (" +
                         a.period_start.ToString() + ")",
                     {}, "period");
  switch (a.role) {
    case model::AssessorRole::kSelf:
      if (a.assessor != a.person)
        return MakeError(
            ErrorCode::kPermissionDenied,
            "a self assessment is made by the person; " + a.assessor + " is not " + a.person, {},
            "assessor");
      break;
    case model::AssessorRole::kPeer:
      if (a.assessor == a.person)
        return MakeError(ErrorCode::kPermissionDenied,
                         "a peer assessment is made by someone other than the person", {},
                         "assessor");
      break;
    case model::AssessorRole::kManager: {
      LADDER_TRY(bool manages, Manages(a.assessor, a.person));
      if (!manages)
        return MakeError(ErrorCode::kPermissionDenied,
                         a.assessor + " is not above " + a.person +
                             " in the management chain; a manager assessment is made by their "
                             "manager (or a manager above)",
                         {}, "assessor");
      break;
    }
  }
  LADDER_TRY(PersonContext cx, Load(a.person, a.period_start, a.framework));
  const model::Framework& f = *cx.framework;
  a.framework = f.id;
  a.version = f.version;
  if (!f.FindCompetency(a.competency)) {
    std::vector<std::string> ids;
    for (const model::Competency& c : f.competencies) ids.push_back(c.id);
    std::string hint;
    if (auto s = text::DidYouMean(a.competency, ids)) hint = "; did you mean " + *s + "?";
    return MakeError(ErrorCode::kInvalidArgument,
                     "no competency " + Quote(a.competency) + " in " + f.id + " " + f.version +
                         hint + " (competencies: " + text::Join(ids, ", ") + ")",
                     {}, "competency");
  }
  if (a.level.empty()) {
    if (!cx.current)
      return MakeError(ErrorCode::kInvalidArgument,
                       a.person + " holds no level on " + a.period_start.ToString() +
                           "; say which level the assessment is against (--level CODE)",
                       {}, "level");
    a.level = cx.current->level;
  } else if (!f.ResolveLevel(a.level, cx.current ? cx.current->track : "").second) {
    return MakeError(ErrorCode::kInvalidArgument, "no level " + Quote(a.level) + " in " + f.id, {},
                     "level");
  }
  return store_.SaveAssessment(actor_, a);
}

std::vector<const model::Requirement*> ReviewService::RequirementsOf(const model::Framework& f) {
  std::vector<const model::Requirement*> out;
  for (const model::Track& t : f.tracks)
    for (const model::Level& l : t.levels)
      for (const model::Requirement& r : l.requirements) out.push_back(&r);
  for (const model::OverlayRole& o : f.overlays)
    for (const model::Requirement& r : o.requirements) out.push_back(&r);
  for (const model::Transition& t : f.transitions)
    for (const model::Requirement& r : t.requirements) out.push_back(&r);
  for (const model::Requirement& r : f.policy) out.push_back(&r);
  return out;
}

Result<std::string> ReviewService::SignOff(model::SignOff s) {
  if (s.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  LADDER_TRY(PersonContext cx, Load(s.person, s.date));
  LADDER_TRY(model::Person signer, Person(s.by, "by"));
  if (s.by == s.person)
    return MakeError(ErrorCode::kPermissionDenied, "a person cannot sign off their own checkpoint",
                     {}, "by");
  std::string key = rules::NormalizeSentence(s.requirement);
  const model::Requirement* found = nullptr;
  std::vector<std::string> sentences;
  for (const model::Requirement* r : RequirementsOf(*cx.framework)) {
    if (!std::holds_alternative<model::ManualRule>(r->rule) &&
        !std::holds_alternative<model::Approval>(r->rule))
      continue;
    sentences.push_back(r->text);
    if (rules::NormalizeSentence(r->text) == key) found = r;
  }
  if (!found) {
    for (const model::Requirement* r : RequirementsOf(*cx.framework))
      if (rules::NormalizeSentence(r->text) == key)
        return MakeError(ErrorCode::kInvalidArgument,
                         Quote(s.requirement) + " is checked from records (" +
                             model::RuleKindName(r->rule) +
                             "); only manual checkpoints and approvals are signed off",
                         {}, "requirement");
    std::string hint;
    if (auto m = text::DidYouMean(s.requirement, sentences))
      hint = "; did you mean " + Quote(*m) + "?";
    return MakeError(ErrorCode::kNotFound,
                     "no manual checkpoint or approval " + Quote(s.requirement) + " in " +
                         cx.framework->id + hint,
                     {}, "requirement");
  }
  if (const auto* approval = std::get_if<model::Approval>(&found->rule)) {
    LADDER_TRY(bool manages, Manages(s.by, s.person));
    if (!manages)
      return MakeError(ErrorCode::kPermissionDenied,
                       s.by + " cannot approve " + Quote(found->text) + " for " + s.person +
                           ": an approval by " +
                           (approval->by.empty() ? std::string("leadership") : approval->by) +
                           " is given by someone above the person in the management chain",
                       {}, "by");
  }
  s.requirement = found->text;
  return store_.SaveSignOff(actor_, s);
}

Result<std::string> ReviewService::Raise(model::Raise r) {
  LADDER_TRY(model::Person p, Person(r.person, "person"));
  LADDER_TRY(model::Person approver, Person(r.approved_by, "approved_by"));
  if (r.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  LADDER_TRY(bool manages, Manages(r.approved_by, r.person));
  if (!manages)
    return MakeError(ErrorCode::kPermissionDenied,
                     r.approved_by + " is not above " + r.person +
                         " in the management chain and cannot approve their raise",
                     {}, "approved_by");
  return store_.SaveRaise(actor_, r);
}

// -- Advancement reviews -----------------------------------------------------------------------

Result<model::Case> ReviewService::OpenCase(std::string_view person, std::string_view target,
                                            std::string_view opened_by, Date date,
                                            std::string_view id) {
  if (!id.empty() && store_.GetCase(id))
    return MakeError(ErrorCode::kAlreadyExists, "a case " + Quote(id) + " already exists", {},
                     "id");
  LADDER_TRY(PersonContext cx, Load(person, date));
  LADDER_TRY(model::Person opener, Person(opened_by, "opened_by"));
  if (opened_by != person) {
    LADDER_TRY(bool manages, Manages(opened_by, person));
    if (!manages)
      return MakeError(ErrorCode::kPermissionDenied,
                       std::string(opened_by) + " cannot open a review for " + std::string(person) +
                           ": the person or their manager opens it",
                       {}, "opened_by");
  }
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
  c.id = std::string(id);
  c.opened_by = std::string(opened_by);
  c.opened = date;
  c.status = model::CaseStatus::kOpen;
  c.consensus = cx.framework->consensus;
  c.history.push_back(
      Event(date, opened_by, "opened for " + TargetName(*cx.framework, t) + " by " + opener.id));
  LADDER_TRY(std::string saved, store_.SaveCase(actor_, c));
  return GetCase(saved);
}

Result<model::Case> ReviewService::AddCaseEvidence(std::string_view case_id,
                                                   std::string_view evidence_id,
                                                   std::string_view by, Date date) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  if (c.status != model::CaseStatus::kOpen && c.status != model::CaseStatus::kPortfolio)
    return MakeError(ErrorCode::kConflict,
                     "case " + c.id + " is in " + model::CaseStatusName(c.status) +
                         "; evidence is added while it is open or in portfolio");
  Result<model::Evidence> e = store_.GetEvidence(evidence_id);
  if (!e)
    return MakeError(ErrorCode::kNotFound, "no evidence " + Quote(evidence_id), {}, "evidence");
  if (e->person != c.person)
    return MakeError(ErrorCode::kInvalidArgument,
                     "evidence " + e->id + " belongs to " + e->person + ", not to " + c.person, {},
                     "evidence");
  if (std::find(c.portfolio.begin(), c.portfolio.end(), e->id) != c.portfolio.end())
    return MakeError(ErrorCode::kAlreadyExists,
                     "evidence " + e->id + " is already in the portfolio of " + c.id);
  c.portfolio.push_back(e->id);
  c.history.push_back(Event(date, by, "added evidence " + e->id + " (" + e->title + ")"));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::SetPanel(std::string_view case_id,
                                            const std::vector<std::string>& panel,
                                            std::string_view by, Date date) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  if (c.status == model::CaseStatus::kDecision || c.status == model::CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " +
                                               model::CaseStatusName(c.status) +
                                               "; the panel is named before the decision");
  if (panel.empty())
    return MakeError(ErrorCode::kInvalidArgument, "name at least one reviewer", {}, "panel");
  std::vector<std::string> members;
  for (const std::string& r : panel) {
    LADDER_TRY(model::Person p, Person(r, "panel"));
    if (p.id == c.person)
      return MakeError(ErrorCode::kInvalidArgument, c.person + " cannot review their own case", {},
                       "panel");
    if (std::find(members.begin(), members.end(), p.id) != members.end())
      return MakeError(ErrorCode::kInvalidArgument, p.id + " is named twice", {}, "panel");
    members.push_back(p.id);
  }
  c.panel = members;
  c.history.push_back(Event(date, by, "panel: " + text::Join(members, ", ")));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::Move(std::string_view case_id, model::CaseStatus to,
                                        std::string_view by, Date date) {
  using model::CaseStatus;
  LADDER_TRY(model::Case c, GetCase(case_id));
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
  c.history.push_back(Event(date, by, "moved to " + std::string(model::CaseStatusName(to))));
  LADDER_TRY_STATUS(store_.SaveCase(actor_, c));
  return GetCase(case_id);
}

Result<model::Case> ReviewService::Vote(std::string_view case_id, const model::Vote& vote) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(model::Person reviewer, Person(vote.reviewer, "reviewer"));
  if (std::find(c.panel.begin(), c.panel.end(), vote.reviewer) == c.panel.end())
    return MakeError(ErrorCode::kPermissionDenied,
                     vote.reviewer + " is not on the panel of " + c.id + " (panel: " +
                         (c.panel.empty() ? std::string("none yet") : text::Join(c.panel, ", ")) +
                         "); only panel members vote",
                     {}, "reviewer");
  if (c.status != model::CaseStatus::kPeerReview)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is in " +
                                               model::CaseStatusName(c.status) +
                                               "; votes are cast during peer_review");
  if (vote.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  LADDER_TRY_STATUS(store_.AddVote(actor_, case_id, vote));
  return GetCase(case_id);
}

Result<DecisionResult> ReviewService::Decide(std::string_view case_id, model::Outcome outcome,
                                             Date effective, std::string_view decided_by,
                                             std::string_view note) {
  LADDER_TRY(model::Case c, GetCase(case_id));
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
  if (effective.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no effective date given", {}, "effective");
  LADDER_TRY(model::Person decider, Person(decided_by, "decided_by"));
  LADDER_TRY(bool manages, Manages(decided_by, c.person));
  if (!manages)
    return MakeError(ErrorCode::kPermissionDenied,
                     std::string(decided_by) + " is not above " + c.person +
                         " in the management chain and cannot decide their review",
                     {}, "decided_by");

  DecisionResult result;
  model::Assignment next;
  std::optional<model::Need> filled;
  if (outcome == model::Outcome::kPromoted) {
    LADDER_TRY(rules::Verdict v, Eligibility(c.person, TargetText(c), effective, c.framework));
    if (v.overall != rules::Overall::kEligible)
      return MakeError(ErrorCode::kFailedPrecondition,
                       c.person + " is not eligible on " + effective.ToString() + ": " + v.summary +
                           " (ladder eligibility " + c.person + " " + TargetText(c) + " --at " +
                           effective.ToString() + " explains why)");
    LADDER_TRY(PersonContext cx, Load(c.person, effective, c.framework));
    if (!cx.current && !c.target_overlay.empty())
      return MakeError(
          ErrorCode::kFailedPrecondition,
          c.person + " holds no level on " + effective.ToString() + " to add the overlay role to");
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
        filled = n;
        break;
      }
  }
  c.decision = model::Decision{outcome, effective, std::string(decided_by), std::string(note)};
  c.status = model::CaseStatus::kClosed;
  c.history.push_back(Event(effective, decided_by,
                            std::string("decided: ") + model::OutcomeName(outcome) +
                                (note.empty() ? "" : " (" + std::string(note) + ")")));
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    if (outcome == model::Outcome::kPromoted) {
      LADDER_TRY(result.assignment, tx.AddAssignment(actor_, next));
      if (filled) {
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

Result<model::Waiver> ReviewService::Waive(std::string_view case_id, std::string_view requirement,
                                           std::string_view approver, std::string_view reason,
                                           Date date, Date expires, std::string_view id) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  if (!id.empty()) {
    LADDER_TRY(std::vector<model::Waiver> existing, store_.ListWaivers(c.person));
    for (const model::Waiver& w : existing)
      if (w.id == id)
        return MakeError(ErrorCode::kAlreadyExists, "a waiver " + Quote(id) + " already exists", {},
                         "id");
  }
  if (c.status == model::CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is closed");
  LADDER_TRY(model::Person a, Person(approver, "approver"));
  LADDER_TRY(bool manages, Manages(approver, c.person));
  if (!manages)
    return MakeError(ErrorCode::kPermissionDenied,
                     std::string(approver) + " cannot waive requirements for " + c.person +
                         ": a waiver is granted by team leadership, someone above the person in "
                         "the management chain",
                     {}, "approver");
  if (reason.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a waiver gives its reason (--reason)", {},
                     "reason");
  if (!expires.empty() && expires <= date)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the waiver would expire on " + expires.ToString() +
                         ", not after it is granted on " + date.ToString(),
                     {}, "expires");
  LADDER_TRY(rules::Verdict v, Eligibility(c.person, TargetText(c), date, c.framework));
  std::string key = rules::NormalizeSentence(requirement);
  const rules::RequirementResult* found = nullptr;
  std::vector<std::string> sentences;
  for (const rules::RequirementResult& r : v.requirements) {
    sentences.push_back(r.text);
    if (rules::NormalizeSentence(r.text) == key) found = &r;
  }
  if (!found) {
    std::string hint;
    if (auto m = text::DidYouMean(requirement, sentences))
      hint = "; did you mean " + Quote(*m) + "?";
    return MakeError(ErrorCode::kNotFound,
                     "no requirement " + Quote(requirement) + " for " + v.target_title + hint +
                         " (requirements: " + text::Join(sentences, "; ") + ")",
                     {}, "requirement");
  }
  model::Waiver w;
  w.id = std::string(id);
  w.person = c.person;
  w.case_id = c.id;
  w.requirement = found->text;
  w.approver = std::string(approver);
  w.reason = std::string(reason);
  w.granted = date;
  w.expires = expires;
  LADDER_TRY(w.id, store_.SaveWaiver(actor_, w));
  return w;
}

// -- Documented needs ----------------------------------------------------------------------------

Result<model::Need> ReviewService::OpenNeed(std::string_view framework, std::string_view target,
                                            std::string_view reason, std::string_view opened_by,
                                            Date date, std::string_view id) {
  if (!id.empty()) {
    LADDER_TRY(std::vector<model::Need> existing, store_.ListNeeds(""));
    for (const model::Need& n : existing)
      if (n.id == id)
        return MakeError(ErrorCode::kAlreadyExists, "a need " + Quote(id) + " already exists", {},
                         "id");
  }
  Result<std::shared_ptr<const model::Framework>> found = GetFramework(framework, "");
  if (!found && found.error().code == ErrorCode::kNotFound)
    return MakeError(
        ErrorCode::kNotFound,
        "no published framework " + Quote(framework) + " (ladder load FILE --publish stores one)",
        {}, "framework");
  if (!found) return Fail(found.error());
  const model::Framework& f = **found;
  LADDER_TRY(model::Person opener, Person(opened_by, "opened_by"));
  LADDER_TRY(std::vector<model::Person> reports, store_.ListPeople({std::string(opened_by), 1, 0}));
  if (reports.empty())
    return MakeError(
        ErrorCode::kPermissionDenied,
        std::string(opened_by) + " manages nobody; a documented need is opened by a manager", {},
        "opened_by");
  if (target == "next")
    return MakeError(ErrorCode::kInvalidArgument, "a need names a level or an overlay role", {},
                     "target");
  LADDER_TRY(rules::Target t, rules::ResolveTarget(f, target, nullptr));
  if (reason.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a documented need gives its reason (--reason)",
                     {}, "reason");
  model::Need n;
  n.id = std::string(id);
  n.framework = f.id;
  if (t.kind == rules::Target::Kind::kOverlay) {
    n.overlay = t.overlay;
  } else {
    n.track = t.track;
    n.level = t.level;
  }
  n.reason = std::string(reason);
  n.opened_by = std::string(opened_by);
  n.opened = date;
  n.status = model::NeedStatus::kOpen;
  LADDER_TRY(n.id, store_.SaveNeed(actor_, n));
  return n;
}

Result<model::Need> ReviewService::CloseNeed(std::string_view need_id,
                                             std::string_view filled_by_case, std::string_view by,
                                             Date date) {
  LADDER_TRY(model::Person closer, Person(by, "by"));
  LADDER_TRY(std::vector<model::Need> all, store_.ListNeeds(""));
  auto it =
      std::find_if(all.begin(), all.end(), [&](const model::Need& n) { return n.id == need_id; });
  if (it == all.end())
    return MakeError(ErrorCode::kNotFound, "no documented need " + Quote(need_id), {}, "need");
  model::Need n = *it;
  if (n.status != model::NeedStatus::kOpen)
    return MakeError(ErrorCode::kConflict, "need " + n.id + " is already " +
                                               model::NeedStatusName(n.status) + " (on " +
                                               n.closed.ToString() + ")");
  if (date < n.opened)
    return MakeError(
        ErrorCode::kInvalidArgument,
        "need " + n.id + " was opened on " + n.opened.ToString() + ", after " + date.ToString(), {},
        "date");
  if (!filled_by_case.empty()) {
    LADDER_TRY(model::Case c, GetCase(filled_by_case));
    if (!NeedAims(n, c))
      return MakeError(ErrorCode::kInvalidArgument,
                       "case " + c.id + " does not aim at the role of need " + n.id, {}, "case");
    n.status = model::NeedStatus::kFilled;
    n.filled_by_case = c.id;
  } else {
    n.status = model::NeedStatus::kClosed;
  }
  n.closed = date;
  LADDER_TRY_STATUS(store_.SaveNeed(actor_, n));
  return n;
}

Result<std::vector<model::Need>> ReviewService::ListNeeds(std::string_view framework) {
  return store_.ListNeeds(framework);
}

}  // namespace ladder::app
