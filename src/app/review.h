// The review process (DESIGN.md §3-§4) as use cases over the Store: eligibility, evidence,
// assessments, advancement reviews (cases) with panels, votes and decisions, documented needs,
// waivers, sign-offs and in-band raises. docs/review-process.md describes the process and the
// authority each step needs.
//
// Every write goes through the Store, which audits it under `actor` ("cli:<os user>", a user
// id). People acting in the process (who opens, votes, approves) are person ids passed per
// call; each use case checks that they may (a vote by someone not on the panel, a waiver by
// someone outside the person's management chain are refused) and that the records exist,
// before anything is stored: a refused call stores nothing.
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

#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
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
};

class ReviewService {
 public:
  ReviewService(storage::Store& store, std::string actor, ReviewSources sources = {})
      : store_(store), actor_(std::move(actor)), sources_(std::move(sources)) {}

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

  // Adds evidence for e.person (a given e.id must be new: kAlreadyExists). Checks: the person
  // exists; kind is one of model::kEvidenceKinds; a date; `end` after `date`; kind "role" names a
  // role; kind "sme" names a skill and a signer who is not the person.
  Result<std::string> AddEvidence(model::Evidence evidence);

  // Records a metric value for a period (m.person, m.name, the period and the value). Checks:
  // the person exists; a name; the period has a start and an end, in order; the value is a
  // number (not NaN or infinite).
  Result<std::string> AddMetric(model::Metric metric);

  // Records an assessment pinned to the framework version of the person's assignment on
  // period_start (framework/version filled in when empty; the level too). Checks: assessor
  // and person exist; the competency exists in that version; the period is ordered; a self
  // assessment is by the person, a peer one by someone else, a manager one by someone above
  // the person in the management chain.
  Result<std::string> Assess(model::Assessment assessment);

  // Signs off a manual checkpoint or an approval, by its sentence. Checks: the sentence is a
  // requirement of the person's framework (with a "did you mean"); the signer is not the person;
  // for an approval (rule `approval`), the signer is above the person in the management chain.
  Result<std::string> SignOff(model::SignOff signoff);

  // An in-band raise (no level change). The approver must be above the person.
  Result<std::string> Raise(model::Raise raise);

  // -- Advancement reviews ---------------------------------------------------------------------

  // Opens a case for `person` towards `target` ("next", "track/code", a code, an overlay id;
  // not a track without levels: kFailedPrecondition).
  // `opened_by` must be the person or someone above them in the management chain.
  // `id` (optional) is the case's id; kAlreadyExists when taken. Empty: a fresh one.
  Result<model::Case> OpenCase(std::string_view person, std::string_view target,
                               std::string_view opened_by, Date date, std::string_view id = {});
  // Adds the person's own evidence to the case's portfolio (open or portfolio cases).
  Result<model::Case> AddCaseEvidence(std::string_view case_id, std::string_view evidence_id,
                                      std::string_view by, Date date);
  // Names the panel (before the decision). Reviewers are stored people other than the person.
  Result<model::Case> SetPanel(std::string_view case_id, const std::vector<std::string>& panel,
                               std::string_view by, Date date);
  // Moves the case one step along its state machine; an illegal move is kConflict, saying which
  // moves are allowed.
  Result<model::Case> Move(std::string_view case_id, model::CaseStatus to, std::string_view by,
                           Date date);
  // A panel member's vote (only while in peer_review; kPermissionDenied for anyone else).
  Result<model::Case> Vote(std::string_view case_id, const model::Vote& vote);
  // Decides a case in `decision` status, once (kConflict the second time). A promotion needs
  // the person to be eligible on the effective date; it creates the new assignment from that
  // date (closing the previous one there), grants an overlay for an overlay target, fills the
  // documented need it used, and closes the case. All in one transaction.
  Result<DecisionResult> Decide(std::string_view case_id, model::Outcome outcome, Date effective,
                                std::string_view decided_by, std::string_view note);
  // Waives a requirement (by its sentence) for the case's person. The approver must be above
  // the person in the management chain; the sentence must be a requirement of the case's
  // target. `expires` may be empty (no expiry) or must be after `date`.
  Result<model::Waiver> Waive(std::string_view case_id, std::string_view requirement,
                              std::string_view approver, std::string_view reason, Date date,
                              Date expires, std::string_view id = {});

  // -- Documented needs ------------------------------------------------------------------------

  // Opens a need for a level ("track/code", a code) or an overlay of `framework`. The opener
  // must be a stored person who manages someone.
  Result<model::Need> OpenNeed(std::string_view framework, std::string_view target,
                               std::string_view reason, std::string_view opened_by, Date date,
                               std::string_view id = {});
  // Closes an open need; `filled_by_case` (optional) names the case that filled it.
  Result<model::Need> CloseNeed(std::string_view need_id, std::string_view filled_by_case,
                                std::string_view by, Date date);
  Result<std::vector<model::Need>> ListNeeds(std::string_view framework);

  // True when `boss` is above `person` in the management chain (their manager, the manager's
  // manager, ...).
  Result<bool> Manages(std::string_view boss, std::string_view person);

 private:
  Result<model::Person> Person(std::string_view id, std::string_view role);
  Result<model::Case> GetCase(std::string_view id);
  Result<model::Framework> FrameworkOfCase(const model::Case& c);
  static std::vector<const model::Requirement*> RequirementsOf(const model::Framework& f);
  Result<std::shared_ptr<const model::Framework>> GetFramework(std::string_view framework,
                                                               std::string_view version);

  storage::Store& store_;
  std::string actor_;
  ReviewSources sources_;
};

}  // namespace ladder::app
