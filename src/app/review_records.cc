// ReviewService's records: evidence (and the confirmation of SME sign-offs), metric values,
// assessments, sign-offs and in-band raises (app/review.h).
#include <algorithm>
#include <cmath>

#include "app/review.h"
#include "app/review_internal.h"
#include "base/text.h"

namespace ladder::app {

using internal::Named;
using internal::Quote;

Result<std::string> ReviewService::AddEvidence(model::Evidence e, std::string_view by) {
  LADDER_TRY(model::Person p, Person(e.person, "person"));
  // On the command line the person records their own evidence unless --by says otherwise.
  LADDER_TRY(Actor actor, ActorFor(by.empty() && !principal_ ? std::string_view(p.id) : by));
  // The signer of an SME sign-off gives it, for whomever it is; other evidence is recorded by
  // those who may record the person's evidence.
  const bool gives = e.kind == "sme" && !actor.person.empty() && e.signed_off_by == actor.person;
  LADDER_TRY_STATUS(Authorize(store_, actor, gives ? Action::kConfirmSignOff : Action::kAddEvidence,
                              gives ? actor.person : p.id, nullptr, "evidence of " + p.id));
  LADDER_TRY_STATUS(CheckEvidence(e));
  // A sign-off is the signer's: recorded by them it stands; by anyone else it is a claim that
  // counts once they confirm it.
  e.confirmed = e.kind == "sme" && e.signed_off_by == actor.person ? e.date : Date();
  if (!e.id.empty() && store_.GetEvidence(e.id))
    return MakeError(ErrorCode::kAlreadyExists, "evidence " + Quote(e.id) + " already exists", {},
                     "id");
  if (e.title.empty()) e.title = e.kind == "sme" ? e.skill : e.kind;
  return store_.SaveEvidence(actor_, e);
}

Status ReviewService::CheckEvidence(const model::Evidence& e) {
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
    LADDER_TRY_STATUS(Nameable(e.signed_off_by, "signed_off_by"));
  }
  return Ok();
}

Result<model::Evidence> ReviewService::ConfirmSignOff(std::string_view evidence_id,
                                                      std::string_view by, Date date) {
  LADDER_TRY(Actor actor, ActorFor(by));
  // Evidence that does not exist, is no SME sign-off, or names someone else as the signer: one
  // answer, which tells nothing about the evidence of others.
  auto none = [&] {
    return MakeError(ErrorCode::kNotFound,
                     "no SME sign-off " + Quote(evidence_id) + " names " +
                         (actor.person.empty() ? std::string("you") : actor.person) +
                         " as its signer",
                     {}, "evidence");
  };
  Result<model::Evidence> e = store_.GetEvidence(evidence_id);
  if (!e && e.error().code != ErrorCode::kNotFound) return Fail(e.error());
  if (!e || e->kind != "sme") return none();
  LADDER_TRY(Relation relation, RelationTo(store_, actor, e->signed_off_by));
  if (!Permit(actor, Action::kConfirmSignOff, relation, "evidence " + e->id)) return none();
  if (!e->confirmed.empty())
    return MakeError(ErrorCode::kConflict,
                     "the SME sign-off " + e->id + " was confirmed on " + e->confirmed.ToString());
  if (date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  if (date < e->date)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the sign-off is dated " + e->date.ToString() +
                         "; it cannot be confirmed before, on " + date.ToString(),
                     {}, "date");
  e->confirmed = date;
  LADDER_TRY_STATUS(store_.SaveEvidence(actor_, *e));
  return *e;
}

Result<std::string> ReviewService::AddMetric(model::Metric m) {
  LADDER_TRY(model::Person p, Person(m.person, "person"));
  LADDER_TRY_STATUS(CheckMetric(m));
  return store_.SaveMetric(actor_, m);
}

Status ReviewService::CheckMetric(const model::Metric& m) {
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
  return Ok();
}

namespace {

// The rating of the same period, competency and level by the same assessor in the same role that
// is in force (not itself replaced), or null.
const model::Assessment* EarlierRating(const std::vector<model::Assessment>& stored,
                                       const model::Assessment& a) {
  const model::Assessment* found = nullptr;
  for (const model::Assessment& s : stored)
    if (s.id != a.id && !s.retraction && s.assessor == a.assessor && s.role == a.role &&
        s.competency == a.competency && s.level == a.level && s.period_start == a.period_start &&
        s.period_end == a.period_end && s.framework == a.framework)
      found = &s;
  if (!found) return nullptr;
  // Follow the chain of replacements to the rating in force (withdrawn or corrected ratings are
  // not in force: corrections have their own record).
  for (bool moved = true; moved;) {
    moved = false;
    for (const model::Assessment& s : stored)
      if (s.supersedes == found->id && !s.retraction) {
        found = &s;
        moved = true;
        break;
      }
  }
  return found;
}

}  // namespace

Result<std::string> ReviewService::Assess(model::Assessment a, std::string* superseded) {
  LADDER_TRY(model::Person p, Person(a.person, "person"));
  LADDER_TRY(Actor assessor, ActorFor(a.assessor, "assessor"));
  LADDER_TRY_STATUS(CheckPeriod(a));
  Action action = Action::kSelfAssess;
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
      action = Action::kPeerAssess;
      break;
    case model::AssessorRole::kManager:
      action = Action::kManagerAssess;
      break;
  }
  LADDER_TRY_STATUS(Authorize(store_, assessor, action, p.id, nullptr, "an assessment of " + p.id));
  LADDER_TRY(a, Pin(std::move(a)));
  LADDER_TRY(std::vector<model::Assessment> stored, store_.ListAssessments(a.person));
  if (const model::Assessment* earlier = EarlierRating(stored, a)) {
    a.supersedes = earlier->id;
    if (superseded) *superseded = earlier->id;
  }
  return store_.SaveAssessment(actor_, a);
}

Status ReviewService::CheckPeriod(const model::Assessment& a) {
  if (a.period_start.empty() || a.period_end.empty())
    return MakeError(ErrorCode::kInvalidArgument, "the period needs a start and an end", {},
                     "period");
  if (a.period_end < a.period_start)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the period ends (" + a.period_end.ToString() + ") before it starts (" +
                         a.period_start.ToString() + ")",
                     {}, "period");
  return Ok();
}

Result<model::Assessment> ReviewService::Pin(model::Assessment a) {
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
  return a;
}

Result<std::string> ReviewService::AssessInReview(std::string_view case_id, model::Assessment a) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  LADDER_TRY(Actor actor, Check(Action::kPanelAssess, a.assessor, c.person, &c, "case " + c.id));
  a.person = c.person;
  a.assessor = actor.person;
  a.role = model::AssessorRole::kPeer;
  return Assess(std::move(a));
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
  LADDER_TRY(Actor signer, ActorFor(s.by));
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
  const auto* approval = std::get_if<model::Approval>(&found->rule);
  Status may = Authorize(store_, signer, approval ? Action::kApprove : Action::kSignOff, s.person,
                         nullptr, Quote(found->text) + " for " + s.person);
  if (!may && approval && may.error().code == ErrorCode::kPermissionDenied)
    return MakeError(ErrorCode::kPermissionDenied,
                     s.by + " cannot approve " + Quote(found->text) + " for " + s.person +
                         ": an approval by " +
                         (approval->by.empty() ? std::string("leadership") : approval->by) +
                         " is given by a manager above the person in the management chain",
                     {}, "by");
  LADDER_TRY_STATUS(may);
  s.requirement = found->text;
  s.by = Named(signer, actor_);
  return store_.SaveSignOff(actor_, s);
}

Result<std::string> ReviewService::Raise(model::Raise r) {
  LADDER_TRY(model::Person p, Person(r.person, "person"));
  LADDER_TRY(Actor approver, ActorFor(r.approved_by, "approved_by"));
  if (r.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  LADDER_TRY_STATUS(
      Authorize(store_, approver, Action::kRaise, p.id, nullptr, "a raise of " + p.id));
  r.approved_by = Named(approver, actor_);
  return store_.SaveRaise(actor_, r);
}

}  // namespace ladder::app
