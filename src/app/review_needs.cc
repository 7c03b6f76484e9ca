// ReviewService's documented needs: opening, closing and filling them (app/review.h).
#include <algorithm>

#include "app/access.h"
#include "app/review.h"
#include "app/review_internal.h"

namespace ladder::app {

using internal::Named;
using internal::NeedAims;
using internal::Quote;

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
  LADDER_TRY(Actor opener, ActorFor(opened_by, "opened_by"));
  // Opening a need is done from above: by someone above at least one person.
  Relation relation = Relation::kOther;
  if (!opener.person.empty()) {
    LADDER_TRY(std::vector<model::Person> reports, store_.ListPeople({opener.person, 1, 0}));
    if (!reports.empty()) relation = Relation::kAbove;
  }
  LADDER_TRY_STATUS(Permit(opener, Action::kOpenNeed, relation, "a need in " + f.id));
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
  n.opened_by = Named(opener, actor_);
  n.opened = date;
  n.status = model::NeedStatus::kOpen;
  LADDER_TRY(n.id, store_.SaveNeed(actor_, n));
  return n;
}

Result<model::Need> ReviewService::CloseNeed(std::string_view need_id,
                                             std::string_view filled_by_case, std::string_view by,
                                             Date date) {
  LADDER_TRY(Actor closer, ActorFor(by));
  LADDER_TRY(std::vector<model::Need> all, store_.ListNeeds(""));
  auto it =
      std::find_if(all.begin(), all.end(), [&](const model::Need& n) { return n.id == need_id; });
  if (it == all.end())
    return MakeError(ErrorCode::kNotFound, "no documented need " + Quote(need_id), {}, "need");
  model::Need n = *it;
  LADDER_TRY_STATUS(
      Authorize(store_, closer, Action::kCloseNeed, n.opened_by, nullptr, "need " + n.id));
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
    // A case the closer may not see gets the answer of a case that does not exist.
    Result<model::Case> found = store_.GetCase(filled_by_case);
    if (!found && found.error().code != ErrorCode::kNotFound) return Fail(found.error());
    bool visible = found.has_value();
    if (found && principal_) {
      LADDER_TRY(visible, Access(store_).CanSeeCase(*principal_, *found));
    }
    if (!visible)
      return MakeError(ErrorCode::kNotFound, "no case " + Quote(filled_by_case), {}, "case");
    const model::Case& c = *found;
    LADDER_TRY_STATUS(Authorize(store_, closer, Action::kFillNeed, c.person, &c, "case " + c.id));
    if (!c.decision || c.decision->outcome != model::Outcome::kPromoted)
      return MakeError(ErrorCode::kFailedPrecondition,
                       "case " + c.id +
                           " was not decided promoted; a need is filled by the promotion into "
                           "its role",
                       {}, "case");
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
