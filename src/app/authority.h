// Who may act in the review process: one table of (action x role x relation to the person or
// case), read by one function, Permit, which every write of the review process calls before
// anything is stored (app/review.h: the HTTP handlers and the command line alike).
// docs/accounts.md prints the table (AuthorityMarkdown); a test checks that the two agree.
//
// An actor holds roles (those of their account; on the command line, see OperatorActor) and
// stands in one relation to the subject of an act, the first that holds of:
//
//   self    the actor is the person (the person under review; for a need, who opened it; for
//           giving or confirming an SME sign-off, the signer named in it; for correcting an
//           assessment or a sign-off, who made it)
//   panel   the actor sits on the case's panel
//   manager the actor is the person's own manager
//   above   the actor is above the person's own manager in the management chain (for opening
//           a need: above anyone at all)
//   other   none of these
//
// so a manager who sits on a panel acts there as a panel member, and the person under review
// acts as themself whatever their roles. Being someone's manager or above them counts only where
// the table grants it to a role. Where the table gives a role "manager, above" the whole chain
// may act; where it gives "above" alone (waiving a requirement, by default), the person's own
// manager may not act alone.
//
// The rows of waiving and revoking a waiver are those of the framework's policy
// (model::WaiverPolicy::by, WaiverRow); the table holds them for the default policy.
//
// Thread-safe: the table is constant; RelationTo reads the Store.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.h"
#include "base/error.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

// The acts of the review process that someone performs.
enum class Action {
  kOpenCase,         // open an advancement review
  kAddCaseEvidence,  // add the person's evidence to the portfolio
  kNamePanel,        // name or change the panel
  kMoveCase,         // move the review one step
  kVote,             // vote in peer review
  kPanelAssess,      // a panel member's peer assessment in the review
  kSignOff,          // sign off a manual checkpoint
  kApprove,          // sign off an approval requirement
  kWaive,            // waive a requirement
  kDecide,           // decide the review
  kOpenNeed,         // open a documented need
  kCloseNeed,        // close a documented need
  kFillNeed,         // mark a need filled by a case (relation: to the case's person)
  kAddEvidence,      // record evidence for a person
  kConfirmSignOff,   // give or confirm an SME sign-off that names the actor as its signer
  kSelfAssess,       // assess oneself
  kPeerAssess,       // assess someone as a peer
  kManagerAssess,    // assess a report as their manager
  kRaise,            // approve an in-band raise
  kRevokeWaiver,     // revoke a waiver
  // Correcting or withdrawing a growth record (never deleting it). For evidence and metric
  // values the relation is to the person; for an assessment and a sign-off, "self" is who made
  // it (the assessor, the signer) and otherwise the relation is to the person, where being the
  // person counts as "other": nobody takes back someone else's judgment of them.
  kCorrectEvidence,    // correct or withdraw evidence
  kCorrectMetric,      // correct or withdraw a metric value
  kCorrectAssessment,  // correct or withdraw an assessment
  kCorrectSignOff,     // correct or withdraw a sign-off
  // Review cycles (app/cycles.h). Running one (opening, moving it to its next phase, noting,
  // opening its reviews and naming their panels at once, closing) concerns no one person: the
  // relation is "other". Nominating concerns the person nominated.
  kRunCycle,  // open, advance, note on or close a review cycle; bulk actions on its cases
  kNominate,  // nominate someone (or oneself) in a review cycle
  // Growth plans (app/review.h): the person's own, agreed with their managers.
  kPlan,     // agree or update an action of a growth plan
  kCheckIn,  // record a check-in
  // Change requests of frameworks (app/change_requests.h). They concern no person: the relation
  // is "self" for who proposed the request and "other" for everyone else (and for proposing).
  kProposeChange,   // propose a draft version for publishing
  kReviewChange,    // comment on a change request or ask for changes
  kApproveChange,   // approve a change request (never one's own)
  kWithdrawChange,  // withdraw a change request
  kPublishChange,   // publish the version of an approved change request
};

enum class Relation { kSelf, kPanel, kManager, kAbove, kOther };
const char* RelationName(Relation r);  // self | panel | manager | above | other

// Who performs an act: the person they act as ("" for an account not linked to a person) and
// their roles.
struct Actor {
  std::string person;
  std::vector<model::UserRole> roles;
  bool Has(model::UserRole role) const;
};

// The actor of a signed-in user: their person and their account's roles.
Actor ActorOf(const Principal& principal);

// Who acts in a call of a use case: a signed-in user (`principal`) acts as their own person, and
// a `by` naming anyone else is refused (kPermissionDenied); on the command line (no principal)
// the stored person `by` names (OperatorActor; kInvalidArgument when none is named). Errors name
// `field`.
Result<Actor> CallerActor(storage::Store& store, const Principal* principal, std::string_view by,
                          std::string_view field = "by");

// The actor of the command line acting as stored person `person` (--by): the roles of the
// enabled accounts linked to the person; a person without an account has the roles the people
// records give them: manager when someone reports to them, else employee. kNotFound for a
// person who is not stored; kPermissionDenied when all their accounts are disabled.
Result<Actor> OperatorActor(storage::Store& store, std::string_view person);

// How `actor` stands to `person`, and to `review` when given (the panel). kOther for an unknown
// person.
Result<Relation> RelationTo(storage::Store& store, const Actor& actor, std::string_view person,
                            const model::Case* review = nullptr);

// Ok when the table lets `actor` perform `action` on a subject they stand to as `relation`;
// kPermissionDenied otherwise, saying who may. `subject` names the subject in the message
// ("case c1", "need n1", "e042").
Status Permit(const Actor& actor, Action action, Relation relation, std::string_view subject);

// RelationTo, then Permit.
Status Authorize(storage::Store& store, const Actor& actor, Action action, std::string_view person,
                 const model::Case* review, std::string_view subject);

// One row of the table: the relations each role may act in (a bit per Relation).
struct Permission {
  Action action;
  const char* name;  // "case.move": stable, for documents and tests
  const char* step;  // "move a review one step": for messages and docs/accounts.md
  unsigned admin, people_team, manager, reviewer, employee;
};

// The table, one row per Action in declaration order.
std::span<const Permission> AuthorityTable();

// The row of `action` (kWaive or kRevokeWaiver) under a framework's waiver policy: each of
// `policy.by` grants roles and relations ("leadership": manager, above; "manager": manager,
// manager; "people_team", "admin": those roles, manager, above, other; "self" adds self to what
// the others grant). WaiverRow(kWaive, WaiverPolicy{}) is the table's row.
Permission WaiverRow(Action action, const model::WaiverPolicy& policy);

// Permit with `row` in place of the table's row of its action.
Status Permit(const Actor& actor, const Permission& row, Relation relation,
              std::string_view subject);

// Who may take the step of `row`, in words: "manager (above)", "nobody".
std::string AllowedText(const Permission& row);

// The table as the Markdown of docs/accounts.md.
std::string AuthorityMarkdown();

}  // namespace ladder::app
