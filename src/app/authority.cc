#include "app/authority.h"

#include <algorithm>

#include "app/access.h"
#include "base/text.h"

namespace ladder::app {
namespace {

constexpr unsigned Bit(Relation r) { return 1u << static_cast<unsigned>(r); }
constexpr unsigned S = Bit(Relation::kSelf), P = Bit(Relation::kPanel), M = Bit(Relation::kManager),
                   U = Bit(Relation::kAbove), O = Bit(Relation::kOther);
// The whole management chain: the person's own manager and those above them.
constexpr unsigned A = M | U;

// clang-format off
// The committee's rules: the person under review opens their review and adds to its portfolio,
// and does nothing else in it; a panel member votes and makes peer assessments, nothing else;
// the person's managers (manager role, above them in the chain), the people team and admins run
// the process and decide; approvals are team leadership's (a manager above); waivers are
// leadership's above the person's own manager, who may not waive alone (the default policy).
// Frameworks are the people team's and admins' (as authoring them is): one proposes a version,
// another approves it, never the proposer; the proposer or an admin withdraws it.
constexpr Permission kTable[] = {
    // action                  name                  step                                           admin      people_team manager  reviewer employee
    {Action::kOpenCase,        "case.open",          "open a review",                               S | A | O, S | A | O, S | A,    S,       S},
    {Action::kAddCaseEvidence, "case.evidence",      "add evidence to a review's portfolio",        S | A | O, S | A | O, S | A,    S,       S},
    {Action::kNamePanel,       "case.panel",         "name or change a review's panel",             A | O,     A | O,     A,        0,       0},
    {Action::kMoveCase,        "case.move",          "move a review on",                            A | O,     A | O,     A,        0,       0},
    {Action::kVote,            "case.vote",          "vote in a peer review",                       P,         P,         P,        P,       P},
    {Action::kPanelAssess,     "case.assess",        "make a peer assessment in a review",          P,         P,         P,        P,       P},
    {Action::kSignOff,         "signoff.checkpoint", "sign off a manual checkpoint",                A | O,     A | O,     A,        0,       0},
    {Action::kApprove,         "signoff.approval",   "give an approval",                            0,         0,         A,        0,       0},
    {Action::kWaive,           "waiver.grant",       "waive a requirement",                         0,         0,         U,        0,       0},
    {Action::kDecide,          "case.decide",        "decide a review",                             A | O,     A | O,     A,        0,       0},
    {Action::kOpenNeed,        "need.open",          "open a documented need",                      A | O,     A | O,     A,        0,       0},
    {Action::kCloseNeed,       "need.close",         "close a documented need",                     S | A | O, S | A | O, S | A,    0,       0},
    {Action::kFillNeed,        "need.fill",          "record the review that filled a need",        A | O,     A | O,     A,        0,       0},
    {Action::kAddEvidence,     "evidence.add",       "record evidence",                             S | A | O, S | A | O, S | A,    S,       S},
    {Action::kConfirmSignOff,  "evidence.confirm",   "give or confirm an SME sign-off",             S,         S,         S,        S,       S},
    {Action::kSelfAssess,      "assess.self",        "assess oneself",                              S,         S,         S,        S,       S},
    {Action::kPeerAssess,      "assess.peer",        "assess someone as a peer",                    A | O,     A | O,     A | O,    A | O,   A | O},
    {Action::kManagerAssess,   "assess.manager",     "assess someone as their manager",             0,         0,         A,        0,       0},
    {Action::kRaise,           "raise",              "approve an in-band raise",                    0,         0,         A,        0,       0},
    {Action::kRevokeWaiver,    "waiver.revoke",      "revoke a waiver",                             0,         0,         U,        0,       0},
    {Action::kCorrectEvidence, "evidence.correct",   "correct or withdraw evidence",                S | A | O, S | A | O, S | A,    S,       S},
    {Action::kCorrectMetric,   "metric.correct",     "correct or withdraw a metric value",          A | O,     A | O,     A,        0,       0},
    {Action::kCorrectAssessment, "assess.correct",   "correct or withdraw an assessment",           S | A | O, S | A | O, S,        S,       S},
    {Action::kCorrectSignOff,  "signoff.correct",    "correct or withdraw a sign-off",              S | A | O, S | A | O, S,        0,       0},
    {Action::kRunCycle,        "cycle.run",          "run a review cycle",                          S | A | O, S | A | O, 0,        0,       0},
    {Action::kNominate,        "cycle.nominate",     "nominate someone in a review cycle",          S | A | O, S | A | O, S | A,    S,       S},
    {Action::kPlan,            "plan.action",        "agree or update a growth-plan action",        S | A | O, S | A | O, S | A,    S,       S},
    {Action::kCheckIn,         "plan.checkin",       "record a check-in",                           S | A | O, S | A | O, S | A,    S,       S},
    {Action::kProposeChange,   "change.propose",     "propose a framework version for publishing",  O,         O,         0,        0,       0},
    {Action::kReviewChange,    "change.review",      "comment on a change request or ask for changes", S | O,  S | O,     0,        0,       0},
    {Action::kApproveChange,   "change.approve",     "approve a change request",                    O,         O,         0,        0,       0},
    {Action::kWithdrawChange,  "change.withdraw",    "withdraw a change request",                   S | O,     S,         0,        0,       0},
    {Action::kPublishChange,   "change.publish",     "publish an approved change request",          S | O,     S | O,     0,        0,       0},
};
// clang-format on

constexpr model::UserRole kRoles[] = {model::UserRole::kAdmin, model::UserRole::kPeopleTeam,
                                      model::UserRole::kManager, model::UserRole::kReviewer,
                                      model::UserRole::kEmployee};
constexpr Relation kRelations[] = {Relation::kSelf, Relation::kPanel, Relation::kManager,
                                   Relation::kAbove, Relation::kOther};

unsigned MaskOf(const Permission& p, model::UserRole role) {
  switch (role) {
    case model::UserRole::kAdmin:
      return p.admin;
    case model::UserRole::kPeopleTeam:
      return p.people_team;
    case model::UserRole::kManager:
      return p.manager;
    case model::UserRole::kReviewer:
      return p.reviewer;
    case model::UserRole::kEmployee:
      return p.employee;
  }
  return 0;
}

const Permission& RowOf(Action action) { return kTable[static_cast<size_t>(action)]; }

// "self, above, other", or "-" for none.
std::string Relations(unsigned mask) {
  std::vector<std::string> names;
  for (Relation r : kRelations)
    if (mask & Bit(r)) names.emplace_back(RelationName(r));
  return names.empty() ? std::string("-") : text::Join(names, ", ");
}

// Who may take the step of `row`, roles with the same relations together: "admin, people_team
// (above, other); manager (above)", or "any role (panel)".
std::string Allowed(const Permission& row) {
  std::vector<std::pair<unsigned, std::vector<std::string>>> groups;
  for (model::UserRole role : kRoles) {
    unsigned mask = MaskOf(row, role);
    if (!mask) continue;
    auto same =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == mask; });
    if (same == groups.end()) same = groups.insert(groups.end(), {mask, {}});
    same->second.emplace_back(model::UserRoleName(role));
  }
  std::vector<std::string> out;
  for (const auto& [mask, names] : groups)
    out.push_back(
        (names.size() == std::size(kRoles) ? std::string("any role") : text::Join(names, ", ")) +
        " (" + Relations(mask) + ")");
  return out.empty() ? std::string("nobody") : text::Join(out, "; ");
}

// Every row sits at the index of its action: RowOf relies on it.
constexpr bool TableInOrder() {
  for (size_t i = 0; i < std::size(kTable); ++i)
    if (static_cast<size_t>(kTable[i].action) != i) return false;
  return true;
}
static_assert(TableInOrder(), "kTable lists the actions in declaration order");
static_assert(std::size(kTable) == static_cast<size_t>(Action::kPublishChange) + 1,
              "every action has a row in kTable");

}  // namespace

const char* RelationName(Relation r) {
  switch (r) {
    case Relation::kSelf:
      return "self";
    case Relation::kPanel:
      return "panel";
    case Relation::kManager:
      return "manager";
    case Relation::kAbove:
      return "above";
    case Relation::kOther:
      return "other";
  }
  return "?";
}

bool Actor::Has(model::UserRole role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Actor ActorOf(const Principal& principal) { return Actor{principal.person, principal.roles}; }

Result<Actor> CallerActor(storage::Store& store, const Principal* principal, std::string_view by,
                          std::string_view field) {
  if (principal) {
    if (!by.empty() && by != principal->person)
      return MakeError(
          ErrorCode::kPermissionDenied,
          "you act as yourself" +
              (principal->person.empty() ? std::string() : " (" + principal->person + ")") +
              ", not as '" + std::string(by) + "'",
          {}, std::string(field));
    return ActorOf(*principal);
  }
  if (by.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no person given: who acts (--by PERSON)", {},
                     std::string(field));
  Result<Actor> actor = OperatorActor(store, by);
  if (!actor) {
    Error e = actor.error();
    e.field = std::string(field);
    return Fail(e);
  }
  return actor;
}

Result<Actor> OperatorActor(storage::Store& store, std::string_view person) {
  Result<model::Person> found = store.GetPerson(person);
  if (!found && found.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound,
                     "no person '" + std::string(person) + "' (ladder people import adds people)",
                     {}, "by");
  if (!found) return Fail(found.error());
  Actor actor{found->id, {}};
  LADDER_TRY(std::vector<model::User> users, store.ListUsers());
  bool linked = false;
  for (const model::User& u : users) {
    if (u.person != actor.person) continue;
    linked = true;
    if (u.disabled) continue;
    for (model::UserRole r : u.roles)
      if (!actor.Has(r)) actor.roles.push_back(r);
  }
  if (linked && actor.roles.empty())
    return MakeError(ErrorCode::kPermissionDenied,
                     "the accounts of " + actor.person + " are disabled; they cannot act", {},
                     "by");
  if (!linked) {
    LADDER_TRY(std::vector<model::Person> reports, store.ListPeople({actor.person, 1, 0}));
    actor.roles = {reports.empty() ? model::UserRole::kEmployee : model::UserRole::kManager};
  }
  return actor;
}

Result<Relation> RelationTo(storage::Store& store, const Actor& actor, std::string_view person,
                            const model::Case* review) {
  if (actor.person.empty()) return Relation::kOther;
  if (actor.person == person) return Relation::kSelf;
  if (review &&
      std::find(review->panel.begin(), review->panel.end(), actor.person) != review->panel.end())
    return Relation::kPanel;
  Result<model::Person> p = store.GetPerson(person);
  if (!p && p.error().code == ErrorCode::kNotFound) return Relation::kOther;
  if (!p) return Fail(p.error());
  if (p->manager == actor.person) return Relation::kManager;
  Result<bool> above = IsAbove(store, actor.person, person);
  if (!above && above.error().code == ErrorCode::kNotFound) return Relation::kOther;
  if (!above) return Fail(above.error());
  return *above ? Relation::kAbove : Relation::kOther;
}

Permission WaiverRow(Action action, const model::WaiverPolicy& policy) {
  Permission row = RowOf(action);
  row.admin = row.people_team = row.manager = row.reviewer = row.employee = 0;
  bool self = false;
  for (const std::string& who : policy.by) {
    if (who == "leadership") row.manager |= U;
    if (who == "manager") row.manager |= M;
    if (who == "people_team") row.people_team |= A | O;
    if (who == "admin") row.admin |= A | O;
    self = self || who == "self";
  }
  if (self)
    for (unsigned* mask : {&row.admin, &row.people_team, &row.manager})
      if (*mask) *mask |= S;
  return row;
}

Status Permit(const Actor& actor, Action action, Relation relation, std::string_view subject) {
  return Permit(actor, RowOf(action), relation, subject);
}

std::string AllowedText(const Permission& row) { return Allowed(row); }

Status Permit(const Actor& actor, const Permission& row, Relation relation,
              std::string_view subject) {
  std::vector<std::string> roles;
  for (model::UserRole role : kRoles) {
    if (!actor.Has(role)) continue;
    if (MaskOf(row, role) & Bit(relation)) return Ok();
    roles.emplace_back(model::UserRoleName(role));
  }
  std::string who =
      actor.person.empty() ? std::string("an account not linked to a person") : actor.person;
  return MakeError(ErrorCode::kPermissionDenied,
                   who + " may not " + row.step + " (" + std::string(subject) + ") as " +
                       (roles.empty() ? std::string("no role") : text::Join(roles, ", ")) + ", " +
                       RelationName(relation) + "; allowed: " + Allowed(row) +
                       " (docs/accounts.md)",
                   {}, "by");
}

Status Authorize(storage::Store& store, const Actor& actor, Action action, std::string_view person,
                 const model::Case* review, std::string_view subject) {
  LADDER_TRY(Relation relation, RelationTo(store, actor, person, review));
  return Permit(actor, action, relation, subject);
}

std::span<const Permission> AuthorityTable() { return kTable; }

std::string AuthorityMarkdown() {
  std::string out = "| step | `admin` | `people_team` | `manager` | `reviewer` | `employee` |\n";
  out += "| --- | --- | --- | --- | --- | --- |\n";
  for (const Permission& p : kTable) {
    out += std::string("| ") + p.step + " (`" + p.name + "`)";
    for (model::UserRole role : kRoles) out += " | " + Relations(MaskOf(p, role));
    out += " |\n";
  }
  return out;
}

}  // namespace ladder::app
