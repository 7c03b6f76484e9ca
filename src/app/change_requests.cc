#include "app/change_requests.h"

#include <algorithm>
#include <map>

#include "app/crypto.h"
#include "base/date.h"
#include "base/text.h"
#include "formats/canonical.h"
#include "model/notification.h"

namespace ladder::app {
namespace {

std::string Label(const model::ChangeRequest& r) {
  return "change request " + r.id + " (" + r.framework + " " + r.version + ")";
}

// kFailedPrecondition for a request already withdrawn or published.
Status StillOpen(const model::ChangeRequest& r) {
  if (!model::IsTerminal(r.status)) return Ok();
  return MakeError(ErrorCode::kFailedPrecondition,
                   Label(r) + " is already " + model::ChangeStatusName(r.status), {}, "change");
}

// The request of `framework` `version` still under review, if any (the Store keeps at most one).
Result<std::optional<model::ChangeRequest>> Pending(storage::Store& store,
                                                    std::string_view framework,
                                                    std::string_view version) {
  LADDER_TRY(std::vector<model::ChangeRequest> all,
             store.ListChangeRequests({std::string(framework), std::string(version), {}}));
  for (model::ChangeRequest& r : all)
    if (!model::IsTerminal(r.status)) return std::optional<model::ChangeRequest>(std::move(r));
  return std::optional<model::ChangeRequest>();
}

// kFailedPrecondition unless the stored draft of `r` is still the text that was proposed.
Status SameDraft(storage::Store& store, const model::ChangeRequest& r) {
  LADDER_TRY(model::Framework f, store.GetFramework(r.framework, r.version));
  if (ContentFingerprint(f) == r.content) return Ok();
  return MakeError(ErrorCode::kFailedPrecondition,
                   "version " + r.version + " of " + r.framework + " changed after " + r.id +
                       " was proposed, so its reviews are of another text: withdraw it (ladder "
                       "change withdraw " +
                       r.id + ") and propose the draft again",
                   {}, "change");
}

// Why request `r` may not be published yet: it is not approved (saying what it still needs),
// or its draft changed since it was proposed; Ok otherwise.
Status Ready(storage::Store& store, const model::ChangeRequest& r) {
  model::ChangeStatus now = model::DeriveStatus(r);
  if (now != model::ChangeStatus::kApproved)
    return MakeError(ErrorCode::kFailedPrecondition,
                     Label(r) + " is " + model::ChangeStatusName(now) + " and still needs " +
                         model::Outstanding(r),
                     {}, "change");
  return SameDraft(store, r);
}

// Why `version` may not be published under a policy that requires approval, or Ok.
Status Approved(storage::Store& store, std::string_view framework, std::string_view version,
                const std::optional<model::ChangeRequest>& pending) {
  const std::string fw(framework), v(version);
  const std::string policy = "the policy of " + fw +
                             " requires an approved change request before publishing "
                             "(framework.publishing.requires_approval)";
  if (!pending)
    return MakeError(ErrorCode::kFailedPrecondition,
                     policy + ", and version " + v +
                         " has none: propose it with `ladder change propose " + fw + " " + v +
                         " --title … --reason … --by PERSON`",
                     {}, "version");
  Status ready = Ready(store, *pending);
  if (!ready)
    return MakeError(ErrorCode::kFailedPrecondition, policy + "; " + ready.error().message, {},
                     "version");
  return Ok();
}

// The latest published version of `framework`; nullopt when none is published.
Result<std::optional<model::Framework>> LatestPublished(storage::Store& store,
                                                        std::string_view framework) {
  Result<model::Framework> f = store.GetFramework(framework);
  if (!f && f.error().code == ErrorCode::kNotFound) return std::optional<model::Framework>();
  if (!f) return Fail(f.error());
  return std::optional<model::Framework>(std::move(*f));
}

// Stores what the step from `before` to `after` tells people (model::ChangeRequestNotifications)
// in `tx`, the transaction that stores the step: the people team reviews, and is told.
Status Notify(storage::Store& tx, const std::optional<model::ChangeRequest>& before,
              const model::ChangeRequest& after) {
  std::vector<std::string> reviewers;
  LADDER_TRY(std::vector<model::User> users, tx.ListUsers());
  for (const model::User& u : users)
    if (!u.disabled && !u.person.empty() &&
        std::find(u.roles.begin(), u.roles.end(), model::UserRole::kPeopleTeam) != u.roles.end())
      reviewers.push_back(u.person);
  std::map<std::string, std::string> names;
  auto name = [&](const std::string& id) {
    if (id.empty() || names.count(id)) return;
    if (Result<model::Person> p = tx.GetPerson(id)) names[id] = p->DisplayName();
  };
  name(after.author);
  name(after.closed_by);
  for (const model::ReviewEntry& e : after.entries) name(e.by);
  std::vector<model::Notification> notices =
      model::ChangeRequestNotifications(before, after, reviewers, names);
  if (notices.empty()) return Ok();
  LADDER_TRY_STATUS(tx.AddNotifications(notices, NowIso()));
  return Ok();
}

// Saves `after` (giving a new request its id) with the notifications of the step, in one
// transaction.
Result<std::string> SaveAndNotify(storage::Store& store, std::string_view actor,
                                  const std::optional<model::ChangeRequest>& before,
                                  model::ChangeRequest& after) {
  std::string id;
  LADDER_TRY_STATUS(store.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY(id, tx.SaveChangeRequest(actor, after));
    after.id = id;
    return Notify(tx, before, after);
  }));
  return id;
}

// PublishVersion, with `by` the person recorded as having published the request.
Status PublishAs(storage::Store& store, std::string_view actor, std::string_view by,
                 std::string_view framework, std::string_view version, std::string_view effective,
                 PublishGate gate) {
  return store.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY(std::optional<model::ChangeRequest> pending, Pending(tx, framework, version));
    if (gate == PublishGate::kContent) LADDER_TRY_STATUS(CheckApproval(tx, framework, version));
    LADDER_TRY_STATUS(tx.Publish(actor, framework, version, effective));
    if (!pending) return Ok();
    const model::ChangeRequest before = *pending;
    pending->status = model::ChangeStatus::kPublished;
    pending->closed_by = std::string(by);
    pending->closed_at = NowIso();
    LADDER_TRY_STATUS(tx.SaveChangeRequest(actor, *pending));
    return Notify(tx, before, *pending);
  });
}

Error NotFound(std::string_view id) {
  return Error{ErrorCode::kNotFound,
               "no change request '" + std::string(id) + "' (ladder change list shows them)",
               {},
               "change"};
}

}  // namespace

std::string ContentFingerprint(const model::Framework& f) {
  model::Framework draft = f;
  draft.status = model::FrameworkStatus::kDraft;
  return TokenHash(formats::WriteJson(draft, 0));
}

Result<bool> RequiresApproval(storage::Store& store, std::string_view framework) {
  LADDER_TRY(std::optional<model::Framework> latest, LatestPublished(store, framework));
  return latest && latest->publishing.requires_approval;
}

Status CheckApproval(storage::Store& store, std::string_view framework, std::string_view version) {
  LADDER_TRY(bool required, RequiresApproval(store, framework));
  if (!required) return Ok();
  LADDER_TRY(std::optional<model::ChangeRequest> pending, Pending(store, framework, version));
  return Approved(store, framework, version, pending);
}

Status PublishVersion(storage::Store& store, std::string_view actor, std::string_view framework,
                      std::string_view version, std::string_view effective, PublishGate gate,
                      std::string_view by) {
  return PublishAs(store, actor, by.empty() ? actor : by, framework, version, effective, gate);
}

Result<Actor> ChangeRequestService::ActorFor(std::string_view by) {
  return CallerActor(store_, principal_ ? &*principal_ : nullptr, by);
}

Status ChangeRequestService::PermitOn(const Actor& actor, Action action,
                                      const model::ChangeRequest& r) {
  Relation relation = actor.person == r.author ? Relation::kSelf : Relation::kOther;
  return Permit(actor, action, relation, Label(r));
}

Result<model::ChangeRequest> ChangeRequestService::Propose(std::string_view framework,
                                                           std::string_view version,
                                                           std::string_view title,
                                                           std::string_view reason,
                                                           std::string_view by) {
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(Permit(actor, Action::kProposeChange, Relation::kOther,
                           "framework " + std::string(framework)));
  Result<model::Framework> draft = store_.GetFramework(framework, version);
  if (!draft && draft.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound,
                     "no version " + std::string(version) + " of framework " +
                         std::string(framework) + " (ladder load FILE saves a draft)",
                     {}, "version");
  if (!draft) return Fail(draft.error());
  // The Store refuses a version already published (kConflict).
  model::ChangeRequest r;
  r.framework = draft->id;
  r.version = draft->version;
  LADDER_TRY(std::optional<model::Framework> base, LatestPublished(store_, framework));
  if (base) r.base = base->version;
  r.content = ContentFingerprint(*draft);
  r.title = text::Trim(title);
  r.reason = text::Trim(reason);
  r.author = actor.person;
  r.opened = NowIso();
  LADDER_TRY(r.id, SaveAndNotify(store_, actor_, std::nullopt, r));
  return r;
}

Result<model::ChangeRequest> ChangeRequestService::Review(std::string_view id,
                                                          model::Verdict verdict,
                                                          std::string_view text,
                                                          std::string_view by) {
  LADDER_TRY(model::ChangeRequest r, Get(id));
  LADDER_TRY(Actor actor, ActorFor(by));
  model::ReviewEntry entry{actor.person, NowIso(), verdict, std::string(text::Trim(text))};
  LADDER_TRY_STATUS(model::CheckEntry(r, entry));
  LADDER_TRY_STATUS(PermitOn(
      actor, verdict == model::Verdict::kApprove ? Action::kApproveChange : Action::kReviewChange,
      r));
  if (verdict == model::Verdict::kApprove) LADDER_TRY_STATUS(SameDraft(store_, r));
  const model::ChangeRequest before = r;
  r.entries.push_back(std::move(entry));
  r.status = model::DeriveStatus(r);
  LADDER_TRY_STATUS(SaveAndNotify(store_, actor_, before, r));
  return r;
}

Result<model::ChangeRequest> ChangeRequestService::Withdraw(std::string_view id,
                                                            std::string_view by) {
  LADDER_TRY(model::ChangeRequest r, Get(id));
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(PermitOn(actor, Action::kWithdrawChange, r));
  LADDER_TRY_STATUS(StillOpen(r));
  const model::ChangeRequest before = r;
  r.status = model::ChangeStatus::kWithdrawn;
  r.closed_by = actor.person;
  r.closed_at = NowIso();
  LADDER_TRY_STATUS(SaveAndNotify(store_, actor_, before, r));
  return r;
}

Result<model::ChangeRequest> ChangeRequestService::Publish(std::string_view id, std::string_view by,
                                                           std::string_view effective) {
  LADDER_TRY(model::ChangeRequest r, Get(id));
  LADDER_TRY(Actor actor, ActorFor(by));
  LADDER_TRY_STATUS(PermitOn(actor, Action::kPublishChange, r));
  LADDER_TRY_STATUS(StillOpen(r));
  LADDER_TRY_STATUS(Ready(store_, r));
  LADDER_TRY_STATUS(PublishAs(store_, actor_, actor.person, r.framework, r.version, effective,
                              PublishGate::kContent));
  return Get(id);
}

Result<model::ChangeRequest> ChangeRequestService::Get(std::string_view id) {
  Result<model::ChangeRequest> r = store_.GetChangeRequest(id);
  if (!r && r.error().code == ErrorCode::kNotFound) return Fail(NotFound(id));
  return r;
}

Result<std::vector<model::ChangeRequest>> ChangeRequestService::List(
    const storage::ChangeQuery& query) {
  return store_.ListChangeRequests(query);
}

}  // namespace ladder::app
