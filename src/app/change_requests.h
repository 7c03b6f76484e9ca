// Change requests of frameworks (docs/change-requests.md) and the one way a version is
// published.
//
// Someone of the people team proposes a draft version for publishing and says why; others
// comment, ask for changes or approve it (never the proposer: model/change_request.h derives the
// request's status from its reviews); the people team publishes it. Who may take each step is
// app/authority.h's table (change.propose, change.review, change.approve, change.withdraw,
// change.publish), where the relation is "self" for the request's author.
//
// PublishVersion is the only path from a draft to a published version (the command line's
// `ladder load --publish`, `ladder import --into --publish`, `ladder change publish`, a policy
// change; the web's publish handlers are to call it too). When the framework's policy in force
// requires approval (model::PublishingPolicy: that of its latest published version, so that
// turning the requirement off needs an approval too; a framework never published has none in
// force), it publishes only a version whose change request is approved and whose draft is still
// the text that was proposed, and marks that request published. Without the requirement it
// publishes as before, and marks a request of that version still under review published too.
//
// Thread-safe as far as the Store is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.h"
#include "app/authority.h"
#include "base/error.h"
#include "model/change_request.h"
#include "storage/store.h"

namespace ladder::app {

// Why a version is published: its content, through the gate of the policy (kContent), or a
// change of the committee's policy (kPolicyChange: app/framework_policy.h, whose new version
// holds the published content with only the policy changed; the committee's act, recorded as
// "framework.policy", needs no change request).
enum class PublishGate { kContent, kPolicyChange };

// Publishes `framework` `version` (Store::Publish: `effective` YYYY-MM-DD or "" to keep the
// version's own; `actor` as in the Store), in one transaction with marking its change request
// published. kFailedPrecondition when the policy in force requires approval and the version has
// no change request ("propose it with `ladder change propose …`"), or one that is not approved
// (saying what it still needs), or the draft changed since it was proposed; the Store's errors
// otherwise (kNotFound, kConflict for a published version). `by` is the person recorded as
// having closed the request (its `closed_by`): the signed-in user's person on the web; "" records
// `actor`, as for an operator who names nobody.
Status PublishVersion(storage::Store& store, std::string_view actor, std::string_view framework,
                      std::string_view version, std::string_view effective = {},
                      PublishGate gate = PublishGate::kContent, std::string_view by = {});

// Whether publishing a new version of `framework` needs an approved change request: the policy
// of its latest published version. False for a framework never published.
Result<bool> RequiresApproval(storage::Store& store, std::string_view framework);

// What PublishVersion would refuse `version` of `framework` for under the policy in force (no
// change request, one not approved yet saying what it still needs, or a draft changed since it
// was proposed); Ok when the policy requires no approval or the request is approved.
Status CheckApproval(storage::Store& store, std::string_view framework, std::string_view version);

// The fingerprint of a framework's text (its canonical JSON), which a change request keeps.
std::string ContentFingerprint(const model::Framework& f);

// The steps of a change request, each checked against app/authority.h before anything is stored
// and audited by the Store (change.propose, change.review, change.withdraw, change.publish).
class ChangeRequestService {
 public:
  // The command line: an operator names the acting person in each call (`by`); `actor` is the
  // audit log's name for the change ("cli:<os user>").
  ChangeRequestService(storage::Store& store, std::string actor)
      : store_(store), actor_(std::move(actor)) {}
  // A signed-in user acts as their person (a `by` naming anyone else is refused).
  ChangeRequestService(storage::Store& store, const Principal& principal)
      : store_(store), actor_(principal.Actor()), principal_(principal) {}

  // Proposes draft `version` of `framework` for publishing. kNotFound for an unknown version;
  // kFailedPrecondition for a published one; kConflict when the draft already has a request
  // under review; kInvalidArgument for an empty title.
  Result<model::ChangeRequest> Propose(std::string_view framework, std::string_view version,
                                       std::string_view title, std::string_view reason,
                                       std::string_view by);
  // Adds `by`'s verdict. kPermissionDenied when the author approves their own request (or the
  // table refuses `by`); kFailedPrecondition for a withdrawn or published request, and for an
  // approval of a draft that changed since it was proposed.
  Result<model::ChangeRequest> Review(std::string_view id, model::Verdict verdict,
                                      std::string_view text, std::string_view by);
  // Withdraws a request under review (its author, or an admin).
  Result<model::ChangeRequest> Withdraw(std::string_view id, std::string_view by);
  // Publishes the version of an approved request through PublishVersion, whatever the policy.
  // kFailedPrecondition saying what the request still needs when it is not approved.
  Result<model::ChangeRequest> Publish(std::string_view id, std::string_view by,
                                       std::string_view effective = {});

  // kNotFound for an unknown id.
  Result<model::ChangeRequest> Get(std::string_view id);
  Result<std::vector<model::ChangeRequest>> List(const storage::ChangeQuery& query);

 private:
  Result<Actor> ActorFor(std::string_view by);
  // Permits `actor` the step `action` on `r` (self: its author).
  Status PermitOn(const Actor& actor, Action action, const model::ChangeRequest& r);

  storage::Store& store_;
  std::string actor_;
  std::optional<Principal> principal_;
};

}  // namespace ladder::app
