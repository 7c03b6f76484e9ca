// ReviewService's waivers: granted in a review or for a person outside one, revoked, listed
// (app/review.h). Who may is the framework's waiver policy read through app/authority.h; what
// may not be waived is the eligibility engine's answer (rules::RequirementResult::unwaivable),
// so that a refused waiver and a waiver that does not count give the same reason.
#include <algorithm>

#include "app/review.h"
#include "app/review_internal.h"
#include "base/text.h"

namespace ladder::app {

using internal::Named;
using internal::Quote;
using internal::TargetText;

Status ReviewService::MayWaive(const Actor& actor, Action action, std::string_view person,
                               const model::Framework& framework, const model::Case* review) {
  LADDER_TRY(Relation relation, RelationTo(store_, actor, person, review));
  std::string subject = review ? "case " + review->id : "a requirement of " + std::string(person);
  Status may = Permit(actor, WaiverRow(action, framework.waivers), relation, subject);
  if (may || may.error().code != ErrorCode::kPermissionDenied) return may;
  Error e = may.error();
  e.message += "; the waiver policy of " + framework.id + " says who (by: " +
               (framework.waivers.by.empty() ? std::string("nobody")
                                             : text::Join(framework.waivers.by, ", ")) +
               "; ladder policy show " + framework.id + ")";
  return Fail(e);
}

Result<model::Waiver> ReviewService::Waive(std::string_view case_id, std::string_view requirement,
                                           std::string_view approver, std::string_view reason,
                                           Date date, Date expires, std::string_view id) {
  LADDER_TRY(model::Case c, GetCase(case_id));
  if (c.status == model::CaseStatus::kClosed)
    return MakeError(ErrorCode::kConflict, "case " + c.id + " is closed");
  return WaiveOn(c.person, c.framework, TargetText(c), &c, requirement, approver, reason, date,
                 expires, id);
}

Result<model::Waiver> ReviewService::WaiveFor(std::string_view person, std::string_view target,
                                              std::string_view requirement,
                                              std::string_view approver, std::string_view reason,
                                              Date date, Date expires, std::string_view id) {
  return WaiveOn(person, {}, target.empty() ? std::string_view("next") : target, nullptr,
                 requirement, approver, reason, date, expires, id);
}

Result<model::Waiver> ReviewService::WaiveOn(std::string_view person, std::string_view framework,
                                             std::string_view target, const model::Case* review,
                                             std::string_view requirement,
                                             std::string_view approver, std::string_view reason,
                                             Date date, Date expires, std::string_view id) {
  LADDER_TRY(Actor approving, ActorFor(approver));
  if (date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  LADDER_TRY(PersonContext cx, Load(person, date, framework));
  LADDER_TRY_STATUS(MayWaive(approving, Action::kWaive, cx.person.id, *cx.framework, review));
  if (!id.empty()) {
    Result<model::Waiver> taken = store_.GetWaiver(id);
    if (taken)
      return MakeError(ErrorCode::kAlreadyExists, "a waiver " + Quote(id) + " already exists", {},
                       "id");
    if (taken.error().code != ErrorCode::kNotFound) return Fail(taken.error());
  }
  if (text::Trim(reason).empty())
    return MakeError(ErrorCode::kInvalidArgument, "a waiver gives its reason (--reason)", {},
                     "reason");
  if (!expires.empty() && expires <= date)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the waiver would expire on " + expires.ToString() +
                         ", not after it is granted on " + date.ToString(),
                     {}, "expires");
  LADDER_TRY(rules::Target t,
             rules::ResolveTarget(*cx.framework, target, cx.current ? &*cx.current : nullptr));
  LADDER_TRY(rules::Verdict v, rules::Evaluate(*cx.framework, t, cx.records, date));
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
  if (!found->unwaivable.empty())
    return MakeError(
        ErrorCode::kFailedPrecondition,
        Quote(found->text) + " cannot be waived for " + cx.person.id + ": " + found->unwaivable, {},
        "requirement");
  model::Waiver w;
  w.id = std::string(id);
  w.person = cx.person.id;
  if (review) w.case_id = review->id;
  w.requirement = found->text;
  w.approver = Named(approving, actor_);
  w.reason = std::string(text::Trim(reason));
  w.granted = date;
  w.expires = expires;
  LADDER_TRY(w.id, store_.SaveWaiver(actor_, w));
  return w;
}

Result<model::Waiver> ReviewService::RevokeWaiver(std::string_view waiver_id, std::string_view by,
                                                  std::string_view reason, Date date) {
  LADDER_TRY(Actor actor, ActorFor(by));
  // A waiver that does not exist and one of a person the caller may not see: one answer.
  auto none = [&] {
    return MakeError(ErrorCode::kNotFound, "no waiver " + Quote(waiver_id), {}, "waiver");
  };
  Result<model::Waiver> w = store_.GetWaiver(waiver_id);
  if (!w && w.error().code != ErrorCode::kNotFound) return Fail(w.error());
  if (!w) return none();
  LADDER_TRY(bool sees, Sees(w->person));
  if (!sees) return none();
  if (date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  // The policy of the framework the person is evaluated against on that date; a person without
  // one falls under the default policy.
  Result<PersonContext> cx = Load(w->person, date);
  if (!cx && cx.error().code != ErrorCode::kNotFound) return Fail(cx.error());
  model::Framework defaults;
  const model::Framework& f = cx ? *cx->framework : defaults;
  Result<model::Case> review =
      w->case_id.empty() ? Result<model::Case>(model::Case{}) : store_.GetCase(w->case_id);
  LADDER_TRY_STATUS(MayWaive(actor, Action::kRevokeWaiver, w->person, f,
                             review && !w->case_id.empty() ? &*review : nullptr));
  if (!w->revoked.empty())
    return MakeError(ErrorCode::kConflict, "waiver " + w->id + " was revoked on " +
                                               w->revoked.ToString() + " by " + w->revoked_by);
  if (text::Trim(reason).empty())
    return MakeError(ErrorCode::kInvalidArgument, "a revocation gives its reason (--reason)", {},
                     "reason");
  if (date < w->granted)
    return MakeError(ErrorCode::kInvalidArgument,
                     "waiver " + w->id + " was granted on " + w->granted.ToString() +
                         "; it cannot be revoked before, on " + date.ToString(),
                     {}, "date");
  w->revoked = date;
  w->revoked_by = Named(actor, actor_);
  w->revoke_reason = std::string(text::Trim(reason));
  LADDER_TRY_STATUS(store_.SaveWaiver(actor_, *w));
  return *w;
}

Result<std::vector<model::Waiver>> ReviewService::Waivers(std::string_view person) {
  LADDER_TRY(model::Person p, Person(person, "person"));
  LADDER_TRY(bool sees, Sees(p.id));
  if (!sees)
    return MakeError(ErrorCode::kNotFound,
                     "no person " + Quote(person) + " (ladder people import adds people)", {},
                     "person");
  return store_.ListWaivers(p.id);
}

}  // namespace ladder::app
