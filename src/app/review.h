// The review process as use cases over the Store: eligibility, evidence,
// assessments, advancement reviews (cases) with panels, votes and decisions, documented needs,
// waivers, sign-offs and in-band raises. docs/review-process.md describes the process and the
// authority each step needs.
//
// Every write goes through the Store, which audits it under the audit actor ("cli:<os user>",
// "user:<id>"). Who acts in the process (who opens, votes, approves) is a person id passed per
// call (`by`): on the command line any stored person the operator names, whose roles are those
// of their accounts (app/authority.h, OperatorActor); for a signed-in user, always their own
// person. Each write asks app/authority.h's table (Permit) whether that actor may, and checks
// that the records exist and the step is possible, before anything is stored: a refused call
// stores nothing. A signed-in user's errors do not tell whether evidence, cases or people they
// may not see exist (docs/accounts.md).
//
// Case state machine: open -> portfolio -> peer_review -> decision -> closed, one step at a time;
// peer_review needs a panel, decision needs the panel's consensus, closed is reached by a
// decision only. A decision is taken once.
//
// Not thread-safe on its own (it holds a Store&, which is).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.h"
#include "app/authority.h"
#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
#include "model/growth_plan.h"
#include "model/people.h"
#include "rules/consensus.h"
#include "rules/eligibility.h"
#include "storage/store.h"

namespace ladder::app {

// A person's records as the eligibility engine reads them, and the framework version they are
// evaluated against.
struct PersonContext {
  model::Person person;
  std::shared_ptr<const model::Framework> framework;  // never null in a loaded context
  std::optional<model::Assignment> current;           // on the evaluation date
  rules::Records records;
  std::vector<model::PlanAction> plan;   // the growth plan's actions, by due date
  std::vector<model::CheckIn> checkins;  // by date
};

// The result of a decision.
struct DecisionResult {
  model::Case review;
  std::string assignment;  // the new assignment's id (promotions), or ""
  std::string need;        // the documented need filled, or ""
};

// A case with what the engine says about it now.
struct CaseView {
  model::Case review;
  rules::Consensus consensus;
  std::optional<rules::Verdict> verdict;  // eligibility for the case's target on the date asked
};

struct TeamRow;  // app/web_views.h

// Where the service reads what it evaluates; each one left empty reads the Store. The server
// passes the framework versions its published site holds in memory and the records it keeps
// while nothing was written (app/stamped_cache.h).
struct ReviewSources {
  // (id, version) -> the framework; an empty version means the latest published one.
  std::function<Result<std::shared_ptr<const model::Framework>>(std::string_view framework,
                                                                std::string_view version)>
      frameworks;
  // A person and their records (storage::Store::LoadPersonRecords).
  std::function<Result<storage::PersonRecords>(std::string_view person)> records;
  // The documented needs of a framework (storage::Store::ListNeeds).
  std::function<Result<std::vector<model::Need>>(std::string_view framework)> needs;
  // The people near a person (app::NearbyPeople).
  std::function<Result<std::vector<model::Person>>(std::string_view person)> nearby;
  // A page of the people below a manager (storage::Store::ListReports).
  std::function<Result<storage::ReportsPage>(const storage::ReportsQuery& query)> reports;
  // The team page's row of a person on a day: what `compute` makes, kept under `key`.
  std::function<Result<std::shared_ptr<const TeamRow>>(
      const std::string& key, const std::function<Result<TeamRow>()>& compute)>
      team_rows;
};

// The people near `person`, whom their pages offer by name (as the SME who signs off a skill):
// the chain above them, the people who share their manager and their own reports, at most
// kNearbyTeam of each team, without the person. Grows with the team, not the organisation.
// kNotFound for an unknown person.
inline constexpr int kNearbyTeam = 50;
Result<std::vector<model::Person>> NearbyPeople(storage::Store& store, std::string_view person);

// The growth records that are corrected or withdrawn (never deleted).
enum class RecordKind { kEvidence, kMetric, kAssessment, kSignOff };
const char* RecordKindName(RecordKind k);  // evidence | metric | assessment | signoff

// Who takes a record back, why, and on which day.
struct TakeBack {
  std::string by;  // the acting person (see the constructors); empty: the signed-in user
  std::string reason;
  Date date;
  // When set, the record must be this person's: a record of anyone else is kNotFound (an
  // address such as /people/{person}/records/... names the person).
  std::string person = {};
};

// Whether an actor may take back a person's records (app/authority.h, kCorrect*): the relation
// to the person is looked up once, the author of each record decides the rest (one's own
// assessment or sign-off is one's own to take back; the person does not take back someone
// else's judgment of them).
struct TakeBackRights {
  Actor actor;
  std::string actor_name;                // as records name their author (person or account)
  Relation relation = Relation::kOther;  // of the actor to the person
  // Permit for a record of `kind` made by `author` ("" for kinds without one); `subject` names
  // the record in the refusal.
  Status Check(RecordKind kind, std::string_view author, std::string_view subject) const;
  bool May(RecordKind kind, std::string_view author) const {
    return Check(kind, author, {}).has_value();
  }
};

// The fields a correction may change, by name (app/corrections.h lists them per kind), as text
// from a form, a JSON body or options; nullopt: not given, the stored value stays.
using GivenField = std::function<std::optional<std::string>(std::string_view name)>;

class ReviewService {
 public:
  // The command line: an operator, who names the acting person in each call (`by`); `actor` is
  // the audit log's name for the change ("cli:<os user>").
  ReviewService(storage::Store& store, std::string actor, ReviewSources sources = {})
      : store_(store), actor_(std::move(actor)), sources_(std::move(sources)) {}
  // A signed-in user: each call acts as their person (a `by` naming anyone else is refused), with
  // their account's roles; the audit log names the user.
  ReviewService(storage::Store& store, const Principal& principal, ReviewSources sources = {})
      : store_(store),
        actor_(principal.Actor()),
        sources_(std::move(sources)),
        principal_(principal) {}

  // -- Reading ---------------------------------------------------------------------------------

  // The person, their framework (the one of their assignment on `at`, latest published version;
  // `framework` overrides) and every record the engine reads. kNotFound for an unknown person,
  // or a person with no level on `at` and no `framework` given.
  Result<PersonContext> Load(std::string_view person, Date at, std::string_view framework = {});

  // Evaluates `target` (as rules::ResolveTarget reads it) for `person` on `at`.
  Result<rules::Verdict> Eligibility(std::string_view person, std::string_view target, Date at,
                                     std::string_view framework = {});

  Result<CaseView> ShowCase(std::string_view case_id, Date at);

  // -- Records ---------------------------------------------------------------------------------

  // Adds evidence for e.person (a given e.id must be new: kAlreadyExists), recorded by `by`
  // (empty: the signed-in user, or on the command line the person themself). Checks: the person
  // exists; `by` may record evidence for them; kind is one of model::kEvidenceKinds; a date;
  // `end` after `date`; kind "role" names a role; kind "sme" names a skill and a signer who is
  // not the person. An SME sign-off recorded by its signer is confirmed on its date; recorded by
  // anyone else it is a claim, which counts once the signer confirms it (ConfirmSignOff).
  Result<std::string> AddEvidence(model::Evidence evidence, std::string_view by = {});

  // The signer named in SME evidence `evidence_id` confirms it on `date`. kNotFound, saying the
  // same whether the evidence does not exist or does not name `by` as its signer; kConflict
  // when already confirmed.
  Result<model::Evidence> ConfirmSignOff(std::string_view evidence_id, std::string_view by,
                                         Date date);

  // Records a metric value for a period (m.person, m.name, the period and the value). Checks:
  // the person exists; a name; the period has a start and an end, in order; the value is a
  // number (not NaN or infinite).
  Result<std::string> AddMetric(model::Metric metric);

  // Records an assessment pinned to the framework version of the person's assignment on
  // period_start (framework/version filled in when empty; the level too). Checks: assessor
  // and person exist; the competency exists in that version; the period is ordered; a self
  // assessment is by the person, a peer one by someone else, a manager one by a manager above
  // the person in the management chain.
  // A rating of a period, competency and level that the same assessor (same role) already rated
  // replaces the earlier rating: the new record names it (Assessment::supersedes, audited as
  // "assessment.supersede"), eligibility reads the later one, and its id goes to `superseded`
  // (when given) so the caller can warn.
  Result<std::string> Assess(model::Assessment assessment, std::string* superseded = nullptr);
  // A panel member's peer assessment of the case's person (Assess, by a member of its panel).
  Result<std::string> AssessInReview(std::string_view case_id, model::Assessment assessment);

  // Signs off a manual checkpoint or an approval, by its sentence. Checks: the sentence is a
  // requirement of the person's framework (with a "did you mean"); the signer may (a manual
  // checkpoint: a manager above the person, the people team or an admin; an approval: a manager
  // above the person).
  Result<std::string> SignOff(model::SignOff signoff);

  // An in-band raise (no level change). The approver must be a manager above the person.
  Result<std::string> Raise(model::Raise raise);

  // -- Corrections: growth records are withdrawn or corrected, never deleted ------------------
  // (review_corrections.cc; docs/review-process.md "Corrections".)
  //
  // Withdraw marks record `id` withdrawn (model::Retraction: by, date, reason): it stays stored
  // and shown, and counts nowhere. Correct* stores `corrected` as a new record naming the
  // original in `corrects` (it counts instead) and marks the original corrected; returns the
  // new record's id. Both need a reason and a date (kInvalidArgument), a record that stands
  // (kConflict when it was withdrawn or corrected already; kNotFound for none, and for one the
  // caller may not see), and `by` allowed by app/authority.h (kCorrect*). A correction keeps
  // what identifies the record: the person, the evidence's kind, the metric's name, the
  // assessment's assessor, role and competency, the sign-off's requirement (kInvalidArgument
  // naming the field), and passes the checks of adding such a record. Evidence in the
  // portfolio of a case not closed: the case's history notes the withdrawal or correction, and
  // a correction joins the portfolio beside the original. One transaction each; audited
  // ("<kind>.withdraw", "<kind>.correct").
  Result<std::string> Withdraw(RecordKind kind, std::string_view id, const TakeBack& why);
  Result<std::string> CorrectEvidence(std::string_view id, model::Evidence corrected,
                                      const TakeBack& why);
  Result<std::string> CorrectMetric(std::string_view id, model::Metric corrected,
                                    const TakeBack& why);
  Result<std::string> CorrectAssessment(std::string_view id, model::Assessment corrected,
                                        const TakeBack& why);
  Result<std::string> CorrectSignOff(std::string_view id, model::SignOff corrected,
                                     const TakeBack& why);
  // Corrects record `id` of `kind` with the fields `given` (app/corrections.h: each parsed, an
  // error naming the field) as the Correct* above do; kInvalidArgument when nothing would change.
  Result<std::string> Correct(RecordKind kind, std::string_view id, const GivenField& given,
                              const TakeBack& why);
  // What the caller (or `by`, on the command line) may take back of `person`'s records.
  Result<TakeBackRights> TakeBackRightsOn(std::string_view person, std::string_view by = {});

  // -- Advancement reviews ---------------------------------------------------------------------

  // Opens a case for `person` towards `target` ("next", "track/code", a code, an overlay id;
  // not a track without levels: kFailedPrecondition).
  // `opened_by` must be the person, a manager above them, the people team or an admin.
  // `id` (optional) is the case's id; kAlreadyExists when taken. Empty: a fresh one.
  // `cycle` (optional) is the review cycle the case belongs to (app/cycles.h): an open cycle
  // before its decisions, whose candidates include the person, who has no other case in it
  // (kFailedPrecondition, kNotFound, kAlreadyExists saying which).
  Result<model::Case> OpenCase(std::string_view person, std::string_view target,
                               std::string_view opened_by, Date date, std::string_view id = {},
                               std::string_view cycle = {});
  // Adds the person's own evidence to the case's portfolio (open or portfolio cases).
  Result<model::Case> AddCaseEvidence(std::string_view case_id, std::string_view evidence_id,
                                      std::string_view by, Date date);
  // Names the panel (before the decision), by a manager above the person, the people team or an
  // admin. Reviewers are people other than the person whom `by` may name (docs/accounts.md);
  // a member who has voted stays on it.
  Result<model::Case> SetPanel(std::string_view case_id, const std::vector<std::string>& panel,
                               std::string_view by, Date date);
  // Moves the case one step along its state machine; an illegal move is kConflict, saying which
  // moves are allowed.
  Result<model::Case> Move(std::string_view case_id, model::CaseStatus to, std::string_view by,
                           Date date);
  // A panel member's vote (only while in peer_review; kPermissionDenied for anyone else).
  Result<model::Case> Vote(std::string_view case_id, const model::Vote& vote);
  // Decides a case in `decision` status, once (kConflict the second time); a case of a review
  // cycle only while the cycle is in its decisions phase (kFailedPrecondition). A promotion needs
  // the person to be eligible on the effective date; it creates the new assignment from that
  // date (closing the previous one there), grants an overlay for an overlay target, fills the
  // documented need it used, and closes the case. All in one transaction.
  Result<DecisionResult> Decide(std::string_view case_id, model::Outcome outcome, Date effective,
                                std::string_view decided_by, std::string_view note);
  // Waives a requirement (by its sentence) for the case's person; the sentence must be a
  // requirement of the case's target (WaiveFor says the rest). kConflict for a closed case.
  Result<model::Waiver> Waive(std::string_view case_id, std::string_view requirement,
                              std::string_view approver, std::string_view reason, Date date,
                              Date expires, std::string_view id = {});

  // -- Waivers (review_waivers.cc) -------------------------------------------------------------

  // Waives a requirement (by its sentence) for `person` outside a review: the sentence must be
  // a requirement of `target` (as OpenCase reads it; empty: "next") in the person's framework.
  // Who may waive is the framework's policy (model::WaiverPolicy::by, app/authority.h
  // WaiverRow): by default leadership above the person's own manager. The policy may say a
  // requirement is never waived, and a peer review whose panel said no is not waived until a
  // new review (kFailedPrecondition, saying why). A reason is required; `expires` may be empty
  // (no expiry) or must be after `date`. A waiver counts by its sentence for any target.
  Result<model::Waiver> WaiveFor(std::string_view person, std::string_view target,
                                 std::string_view requirement, std::string_view approver,
                                 std::string_view reason, Date date, Date expires,
                                 std::string_view id = {});
  // Revokes a waiver from `date` on, with the reason, by someone the policy lets waive for the
  // person. The waiver is kept, marked revoked (who, when, why): it no longer counts, and every
  // verdict it touched says so. kNotFound for an unknown waiver (or one of a person the caller
  // may not see); kConflict when it was revoked already.
  Result<model::Waiver> RevokeWaiver(std::string_view waiver_id, std::string_view by,
                                     std::string_view reason, Date date);
  // The person's waivers, revoked and expired ones included, by date granted.
  Result<std::vector<model::Waiver>> Waivers(std::string_view person);

  // -- Documented needs ------------------------------------------------------------------------

  // Opens a need for a level ("track/code", a code) or an overlay of `framework`. The opener
  // must be a manager who manages someone, the people team or an admin.
  Result<model::Need> OpenNeed(std::string_view framework, std::string_view target,
                               std::string_view reason, std::string_view opened_by, Date date,
                               std::string_view id = {});
  // Closes an open need, by who opened it, a manager above them, the people team or an admin;
  // `filled_by_case` (optional) names the case that filled it: a case `by` may see, decided
  // `promoted`, whose person `by` manages (or the people team, an admin).
  Result<model::Need> CloseNeed(std::string_view need_id, std::string_view filled_by_case,
                                std::string_view by, Date date);
  Result<std::vector<model::Need>> ListNeeds(std::string_view framework);

  // -- Growth plans (review_plans.cc, docs/growth-plans.md) ----------------------------------

  // Agrees an action for a.person, set down by `by` (empty: the signed-in user, or on the
  // command line the person themself) on a.agreed (empty: `today`). Checks: `by` may
  // (app/authority.h kPlan: the person, a manager above them, the people team, an admin); a title
  // and a due date not before the day agreed; a.competency (optional) a competency of the
  // person's framework, with a "did you mean"; a.target (optional) a level or an overlay role of
  // it, as OpenCase reads it, kept as "track/code" or the overlay's id. The action is open.
  Result<model::PlanAction> AddPlanAction(model::PlanAction a, Date today,
                                          std::string_view by = {});
  // Marks action `id` done, dropped or open again on `date`; `due` (when set) moves its due date
  // and `note` (when not empty) replaces its note. kNotFound for an unknown action (or one of a
  // person the caller may not see); kInvalidArgument when nothing would change.
  Result<model::PlanAction> UpdatePlanAction(std::string_view id, model::ActionStatus status,
                                             Date due, std::string_view note, Date date,
                                             std::string_view by = {});
  // Records a check-in of c.person held by `by` (as AddPlanAction; kCheckIn) on c.date.
  Result<model::CheckIn> RecordCheckIn(model::CheckIn c, std::string_view by = {});

  // True when `boss` is above `person` in the management chain (their manager, the manager's
  // manager, ...).
  Result<bool> Manages(std::string_view boss, std::string_view person);

 private:
  // The actor of `by` (see the constructors); `field` names the option in errors.
  Result<Actor> ActorFor(std::string_view by, std::string_view field = "by");
  // Checks `action` for the actor of `by` on `person` (and the case): ActorFor, then Authorize.
  Result<Actor> Check(Action action, std::string_view by, std::string_view person,
                      const model::Case* review, std::string_view subject);
  // True when the caller may see `person` (always on the command line).
  Result<bool> Sees(std::string_view person);
  // A person the caller may name on a panel or as a signer: anyone stored on the command line;
  // for a signed-in user, people they may see and people with an account. An unknown person
  // and one they may not name get the same kNotFound naming `field`.
  Result<model::Person> Nameable(std::string_view id, std::string_view field);
  Result<model::Person> Person(std::string_view id, std::string_view role);
  Result<model::Case> GetCase(std::string_view id);
  // Checks an action's competency and target against the person's framework (AddPlanAction).
  Status CheckPlanLinks(model::PlanAction& a);
  // Ok when a new case of `person` may join review cycle `cycle` (OpenCase says when).
  Status MayJoinCycle(std::string_view cycle, std::string_view person);
  Result<model::Framework> FrameworkOfCase(const model::Case& c);
  static std::vector<const model::Requirement*> RequirementsOf(const model::Framework& f);
  // The checks of adding a record, shared with its correction (review_records.cc).
  Status CheckEvidence(const model::Evidence& e);
  Status CheckMetric(const model::Metric& m);
  static Status CheckPeriod(const model::Assessment& a);
  // The assessment pinned to the person's framework version, its competency and level checked.
  Result<model::Assessment> Pin(model::Assessment a);
  // The actor of `why`, allowed to take back `record` (review_corrections.cc).
  template <typename T>
  Result<Actor> MayTakeBack(const T& record, const TakeBack& why);
  // Stores `corrected` (when given) and `original` taken back, in one transaction, and notes
  // evidence in the portfolios of the person's cases not closed.
  template <typename T>
  Result<std::string> TakeBackRecord(T original, std::optional<T> corrected, const TakeBack& why,
                                     const Actor& actor);
  Result<std::shared_ptr<const model::Framework>> GetFramework(std::string_view framework,
                                                               std::string_view version);
  // What WaiveFor and Waive share; `review` is the case the waiver is recorded in, or null.
  Result<model::Waiver> WaiveOn(std::string_view person, std::string_view framework,
                                std::string_view target, const model::Case* review,
                                std::string_view requirement, std::string_view approver,
                                std::string_view reason, Date date, Date expires,
                                std::string_view id);
  // Authorises `actor` to grant (kWaive) or revoke (kRevokeWaiver) a waiver for `person` under
  // the waiver policy of `framework`.
  Status MayWaive(const Actor& actor, Action action, std::string_view person,
                  const model::Framework& framework, const model::Case* review);

  storage::Store& store_;
  std::string actor_;
  ReviewSources sources_;
  std::optional<Principal> principal_;  // a signed-in user; none on the command line
};

}  // namespace ladder::app
