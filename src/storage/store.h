// The Store: everything Ladder keeps behind one interface, with one contract for
// every backend (SQLite, the embedded default, and PostgreSQL for organisations that run several
// `ladder serve` processes). The contract is tested once, in store_contract_test.cc, against
// every backend.
//
// Workload: reads dominate (pages, search, eligibility over a person's records); writes are small
// (one record, one vote) except imports, which write a whole framework version at once.
//
// Contract shared by every operation:
//  1. Every write runs in one database transaction together with its audit entry (who, when,
//     action, subject, before/after as JSON): either both are stored or neither is.
//  2. Writes take the acting user first (`actor`: a user id, or "cli:<os user>"); it is
//     recorded in the audit log and nowhere else.
//  3. Errors: kNotFound (no such record), kAlreadyExists (create of an existing id), kConflict
//     (a state that forbids the change: a published version, a closed case, a record still
//     referenced by another — "a level in use by a person cannot vanish"), kInvalidArgument
//     (a reference to a record that does not exist, a malformed value), kUnavailable (the
//     database cannot be reached, or stayed busy past OpenOptions::busy_retry_ms),
//     kFailedPrecondition (a database written by a newer Ladder). Messages name the record and
//     the field; errors of the database itself get a clean message, their detail goes to the
//     log (stderr, "storage:").
//  4. Ids: a record saved with an empty id gets a fresh one (returned); a non-empty id is kept.
//  5. Lists are ordered as documented per method and are complete unless a limit is given.
//
// Thread safety: a Store is safe to use from many threads at once; it keeps a small pool of
// connections. Several processes may share one database: readers never wait for writers
// (SQLite in WAL mode), and a write that finds the database busy waits and runs again
// (OpenOptions::busy_timeout_ms, busy_retry_ms).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"
#include "model/cycle.h"
#include "model/framework.h"
#include "model/growth_plan.h"
#include "model/people.h"
#include "storage/types.h"

namespace ladder::storage {

// ---------------------------------------------------------------------------------------------
// Opening a store

// The database used when neither a flag nor LADDER_DATABASE names one: an SQLite file in the
// working directory.
inline constexpr std::string_view kDefaultDatabaseUrl = "sqlite:ladder.db";
// The environment variable callers (CLI, server) read to find the database.
inline constexpr const char* kDatabaseEnv = "LADDER_DATABASE";

// Options of OpenStore; the defaults suit both the CLI and the server.
struct OpenOptions {
  // Apply pending migrations on open (the CLI and the server do; `false` opens an existing,
  // up-to-date database only and fails with kFailedPrecondition otherwise).
  bool migrate = true;
  // Migrate only up to this schema version (0: the latest). For migration tests and staged
  // upgrades; a store opened below the latest schema supports only SchemaVersion().
  int target_version = 0;
  // Connections kept open (threads that can use the database at once). 0: backend default
  // (1 for sqlite::memory:, 4 otherwise).
  int pool_size = 0;
  // SQLite only: how long one statement waits for a lock that another process holds before
  // the database counts as busy (sqlite:PATH?busy_timeout=MS sets it too).
  int busy_timeout_ms = 10000;
  // How long a write keeps trying while the database is busy. A write transaction that finds it
  // busy at BEGIN or COMMIT (SQLite: another process holds the write lock, e.g. a large import;
  // PostgreSQL: a serialization failure or deadlock) runs again, with growing pauses, until
  // this much time has passed since it first tried; then kUnavailable. Reads that find it busy
  // are run again the same way.
  int busy_retry_ms = 120000;
  // SQLite only: "NORMAL" (default, durable at every checkpoint, fast) or "FULL".
  std::string synchronous = "NORMAL";
};

class Store;

// Opens (creating if needed) the database named by `url`:
//   sqlite:PATH            an SQLite file (created with its folder's permissions);
//                          sqlite:PATH?synchronous=FULL sets OpenOptions::synchronous
//                          (NORMAL or FULL), ?busy_timeout=MS OpenOptions::busy_timeout_ms
//                          (0 to 600000); parameters join with '&'; others are
//                          kInvalidArgument
//   sqlite::memory:        a private in-memory database (one connection; for tests)
//   postgresql://USER@HOST:PORT/DB?...   (or postgres://) a PostgreSQL 15 database
//   ""                     kDefaultDatabaseUrl
// Runs the migrations of the backend unless options.migrate is false. A database whose schema
// is newer than this binary is refused with kFailedPrecondition ("written by a newer Ladder:
// schema N, this binary knows up to M") and left untouched.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url, const OpenOptions& options = {});

// The URL a command should open: `flag` when non-empty, else $LADDER_DATABASE when set, else
// kDefaultDatabaseUrl.
std::string DatabaseUrlFrom(std::string_view flag);

// The file an sqlite: URL names, without its parameters; "" for sqlite::memory: and other URLs.
std::string SqliteFileOf(std::string_view url);

// ---------------------------------------------------------------------------------------------
// The store

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view Backend() const = 0;

  // Runs `fn` in one transaction: every write made through the Store& it receives commits
  // together when fn returns Ok, and none of them does when fn returns an error (which is
  // returned) or the commit fails. The Store& is valid only inside fn and only on fn's thread;
  // WithTransaction on it runs fn in the same transaction (no nesting of savepoints). While
  // the database is busy at the start of the transaction it waits (OpenOptions::busy_retry_ms)
  // before fn runs; fn runs once.
  virtual Status WithTransaction(const std::function<Status(Store&)>& fn) = 0;

  // -- Frameworks and versions ----------------------------------------------------------------
  // A version is a draft until published; a published version is immutable (kConflict on any
  // change). Levels, expectations, notes and roles of every version are indexed for Search.

  // Creates the draft `framework.id`@`framework.version` or replaces it. The status field of
  // the argument is ignored (saved as draft). kConflict when that version is published;
  // kInvalidArgument when id or version is empty; kConflict when replacing would remove a
  // level that a person's assignment uses.
  virtual Status SaveDraft(std::string_view actor, const model::Framework& framework) = 0;

  // Publishes a draft (status published, published_at now, `effective` set when given).
  // kNotFound if no such version, kConflict if already published.
  virtual Status Publish(std::string_view actor, std::string_view framework,
                         std::string_view version, std::string_view effective = {}) = 0;

  // Deletes a draft. kConflict when it is published or a record (assignment, assessment,
  // case) refers to it.
  virtual Status DeleteDraft(std::string_view actor, std::string_view framework,
                             std::string_view version) = 0;

  // Every framework with its versions; frameworks by id.
  virtual Result<std::vector<FrameworkInfo>> ListFrameworks() = 0;
  // The versions of one framework, newest first. kNotFound for an unknown framework.
  virtual Result<std::vector<VersionInfo>> ListVersions(std::string_view framework) = 0;

  // One version. An empty `version` means the latest published one (kNotFound naming the
  // drafts when none is published). The result carries its status.
  virtual Result<model::Framework> GetFramework(std::string_view framework,
                                                std::string_view version = {}) = 0;

  // Both versions of a framework, for analysis::DiffVersions or a side-by-side page.
  virtual Result<VersionPair> GetVersionPair(std::string_view framework, std::string_view before,
                                             std::string_view after) = 0;

  // -- Role catalogue (roles are part of a framework version) --------------------------------
  // Matching roles ordered by family, then seniority rank (as in the source), then title.
  virtual Result<std::vector<RoleEntry>> ListRoles(const RoleQuery& query) = 0;

  // -- People and their level history --------------------------------------------------------
  // Creates or replaces a person. kInvalidArgument when the manager is not a stored person.
  virtual Status SavePerson(std::string_view actor, const model::Person& person) = 0;
  virtual Result<model::Person> GetPerson(std::string_view id) = 0;
  // People by id.
  virtual Result<std::vector<model::Person>> ListPeople(const PeopleQuery& query = {}) = 0;
  // Everyone below a manager, one page of them, in one statement whatever the tree's depth. A
  // stored management cycle does not loop: each person comes once, at their nearest depth, and
  // the manager is not their own report. The tree is followed 100 levels down at most.
  virtual Result<ReportsPage> ListReports(const ReportsQuery& query) = 0;
  // kConflict while anything refers to the person (assignments, records, reports).
  virtual Status DeletePerson(std::string_view actor, std::string_view id) = 0;

  // Adds a period of the person's level history and returns its id. The level must exist:
  // (framework, version, track, level) of a stored version (kInvalidArgument otherwise). If
  // the person has an open assignment (empty `to`) that started before `from`, it is closed
  // at `from`. kConflict when the new period overlaps another closed period.
  virtual Result<std::string> AddAssignment(std::string_view actor,
                                            const model::Assignment& assignment) = 0;
  // Replaces a stored assignment (same id). kNotFound, kInvalidArgument as above.
  virtual Status UpdateAssignment(std::string_view actor, const model::Assignment& assignment) = 0;
  virtual Status DeleteAssignment(std::string_view actor, std::string_view id) = 0;
  // The person's level history, oldest first.
  virtual Result<std::vector<model::Assignment>> ListAssignments(std::string_view person) = 0;
  // The assignment in force on `at` (from <= at < to), or nullopt.
  virtual Result<std::optional<model::Assignment>> CurrentAssignment(std::string_view person,
                                                                     Date at) = 0;

  // Writes a whole batch of people, level history and evidence in one transaction (or the
  // caller's) with multi-row statements: for imports of an organisation, where one statement
  // per record would be one database round trip per record. Everything is checked before
  // anything is written (kInvalidArgument naming the field, e.g. "assignments[4].level";
  // kConflict for overlapping periods; kAlreadyExists for a stored evidence id). Audited per
  // record exactly like SavePerson, DeleteAssignment, AddAssignment and SaveEvidence.
  virtual Status WritePeopleBatch(std::string_view actor, const PeopleBatch& batch) = 0;

  // -- Growth records: evidence, metrics, assessments, sign-offs -----------------------------
  // Save* creates (empty id: a fresh one; returned) or replaces the record with that id. The
  // person (and assessor, signer) must be stored people (kInvalidArgument otherwise).
  // List* return a person's records oldest first (by date, then id); Get* one by id (kNotFound).
  // A record taken back (model::Retraction) is saved like any change; its audit entry is
  // "<kind>.withdraw" or "<kind>.correct" (before and after) instead of "<kind>.update".
  virtual Result<std::string> SaveEvidence(std::string_view actor, const model::Evidence& e) = 0;
  virtual Result<model::Evidence> GetEvidence(std::string_view id) = 0;
  virtual Result<std::vector<model::Evidence>> ListEvidence(std::string_view person) = 0;
  virtual Status DeleteEvidence(std::string_view actor, std::string_view id) = 0;

  virtual Result<std::string> SaveMetric(std::string_view actor, const model::Metric& m) = 0;
  virtual Result<std::vector<model::Metric>> ListMetrics(std::string_view person) = 0;
  virtual Result<model::Metric> GetMetric(std::string_view id) = 0;
  virtual Status DeleteMetric(std::string_view actor, std::string_view id) = 0;

  // An assessment pinned to a framework version must name a stored version (kInvalidArgument).
  virtual Result<std::string> SaveAssessment(std::string_view actor,
                                             const model::Assessment& a) = 0;
  virtual Result<std::vector<model::Assessment>> ListAssessments(std::string_view person) = 0;
  virtual Result<model::Assessment> GetAssessment(std::string_view id) = 0;
  virtual Status DeleteAssessment(std::string_view actor, std::string_view id) = 0;

  virtual Result<std::string> SaveSignOff(std::string_view actor, const model::SignOff& s) = 0;
  virtual Result<std::vector<model::SignOff>> ListSignOffs(std::string_view person) = 0;
  virtual Result<model::SignOff> GetSignOff(std::string_view id) = 0;

  // The person and every record of theirs that the eligibility engine reads (level history,
  // evidence, metrics, assessments, sign-offs, waivers, cases), read in one statement: what a
  // page about one person needs, without a round trip per kind. kNotFound for an unknown person.
  virtual Result<PersonRecords> LoadPersonRecords(std::string_view person) = 0;

  // -- The review process ---------------------------------------------------------------------
  // Cases (advancement reviews) with their portfolio, panel, votes, decision and history.
  // A closed case is immutable (kConflict). Cases by opened date, then id.
  virtual Result<std::string> SaveCase(std::string_view actor, const model::Case& c) = 0;
  virtual Result<model::Case> GetCase(std::string_view id) = 0;
  // A person's cases, or every case when `person` is empty; `status` filters when given.
  virtual Result<std::vector<model::Case>> ListCases(
      std::string_view person, std::optional<model::CaseStatus> status = std::nullopt) = 0;
  // Records a panel member's vote (replacing their earlier vote) and appends a history event.
  // kInvalidArgument when the reviewer is not on the panel; kConflict when the case is closed.
  virtual Status AddVote(std::string_view actor, std::string_view case_id,
                         const model::Vote& vote) = 0;

  // Creates a waiver (audited "waiver.create") or replaces it, as when it is revoked
  // ("waiver.update", the audit entry keeping what it was before).
  virtual Result<std::string> SaveWaiver(std::string_view actor, const model::Waiver& w) = 0;
  virtual Result<std::vector<model::Waiver>> ListWaivers(std::string_view person) = 0;
  // One waiver; kNotFound when there is none of that id.
  virtual Result<model::Waiver> GetWaiver(std::string_view id) = 0;

  // Needs of a framework ("" all), opened date order.
  virtual Result<std::string> SaveNeed(std::string_view actor, const model::Need& n) = 0;
  virtual Result<std::vector<model::Need>> ListNeeds(std::string_view framework) = 0;

  virtual Result<std::string> SaveRaise(std::string_view actor, const model::Raise& r) = 0;
  virtual Result<std::vector<model::Raise>> ListRaises(std::string_view person) = 0;

  // -- Growth plans (model/growth_plan.h) -------------------------------------------------------
  // Creates an action (a fresh id when a.id is empty; audited "plan.create") or replaces it
  // ("plan.update", the entry keeping what it was). Checks model::ValidatePlanAction and that the
  // person exists.
  virtual Result<std::string> SavePlanAction(std::string_view actor,
                                             const model::PlanAction& a) = 0;
  // kNotFound when there is no action of that id.
  virtual Result<model::PlanAction> GetPlanAction(std::string_view id) = 0;
  // A person's actions, by due date.
  virtual Result<std::vector<model::PlanAction>> ListPlanActions(std::string_view person) = 0;
  // Stores a check-in (audited "checkin.create"); checks model::ValidateCheckIn, the person and
  // who held it.
  virtual Result<std::string> SaveCheckIn(std::string_view actor, const model::CheckIn& c) = 0;
  // A person's check-ins, by date.
  virtual Result<std::vector<model::CheckIn>> ListCheckIns(std::string_view person) = 0;

  // -- Change requests (model/change_request.h, docs/change-requests.md) ----------------------
  // Stores a change request, checked against model::ValidateChangeRequest. A new one (empty id:
  // a fresh one) is audited "change.propose": its version must be a stored draft (kConflict for
  // a published one, kNotFound for none) with no other request under review (kConflict naming
  // it). A stored one is replaced, audited by what changed: "change.withdraw" or
  // "change.publish" when it becomes so, "change.review" otherwise; kConflict when the stored
  // request is withdrawn or published (its record no longer changes). Returns the id.
  virtual Result<std::string> SaveChangeRequest(std::string_view actor,
                                                const model::ChangeRequest& r) = 0;
  // kNotFound when there is no request of that id.
  virtual Result<model::ChangeRequest> GetChangeRequest(std::string_view id) = 0;
  // The requests `query` selects, newest first (by opening time, then id).
  virtual Result<std::vector<model::ChangeRequest>> ListChangeRequests(
      const ChangeQuery& query = {}) = 0;

  // -- Review cycles (model/cycle.h, docs/cycles.md) ------------------------------------------
  // Stores a new cycle with its snapshot (one candidate per person in scope) in one transaction,
  // audited once ("cycle.open", the cycle as after). kAlreadyExists for a stored id;
  // kInvalidArgument for a candidate who is not a stored person or names another cycle;
  // kConflict when another open cycle already holds one of the candidates (overlapping cycles),
  // naming that cycle and the person.
  virtual Status OpenCycle(std::string_view actor, const model::Cycle& cycle,
                           const std::vector<model::Candidate>& candidates) = 0;
  // Replaces a stored cycle's document (a phase, a note), audited "cycle.update"; closing it
  // (status closed) stores `outcomes` (candidates with the outcomes of their cases) in the same
  // transaction, audited "cycle.close". kNotFound for no such cycle; kConflict when it is
  // closed already: a closed cycle is the immutable record of its season.
  virtual Status SaveCycle(std::string_view actor, const model::Cycle& cycle,
                           const std::vector<model::Candidate>& outcomes = {}) = 0;
  virtual Result<model::Cycle> GetCycle(std::string_view id) = 0;
  // Every cycle, the latest opened first (then by id).
  virtual Result<std::vector<model::Cycle>> ListCycles() = 0;
  // The candidates of a cycle by person id; one when `person` is given (kNotFound when the
  // person is not in the cycle).
  virtual Result<std::vector<model::Candidate>> ListCandidates(std::string_view cycle,
                                                               std::string_view person = {}) = 0;
  // Replaces candidates of an open cycle (a nomination), each audited "cycle.candidate".
  // kNotFound for a person not in the cycle; kConflict when the cycle is closed.
  virtual Status SaveCandidates(std::string_view actor,
                                const std::vector<model::Candidate>& candidates) = 0;
  // Every cycle's counts, by cycle id (two grouped statements, whatever the number of people).
  virtual Result<std::map<std::string, CycleCounts>> CountCycles() = 0;
  // The cases that belong to a cycle, by opened date, then id.
  virtual Result<std::vector<model::Case>> ListCycleCases(std::string_view cycle) = 0;
  // The number of standing evidence records (neither withdrawn nor corrected) of each person
  // who has any: for boards of many people, one statement instead of one per person.
  virtual Result<std::map<std::string, int>> CountEvidence() = 0;

  // Every person with the records LoadPersonRecords gives, by person id, handed to `fn` one
  // person at a time (read a chunk of people at once, so that memory stays bounded while an
  // organisation is read): what a snapshot of everyone needs. Stops at fn's first error.
  virtual Status ForEachPersonRecords(const std::function<Status(PersonRecords&&)>& fn) = 0;

  // -- Notifications (model/notification.h, docs/notifications.md) ---------------------------
  // A notification is stored with its outbox row in the transaction of the change that causes
  // it: SaveCase stores those its change causes (model::CaseNotifications) itself, so that a
  // change and what it tells people commit together or not at all. The bookkeeping of delivery
  // (outbox, deliveries, read marks) is not audited: the deliveries are their own log.

  // Stores each notification (a fresh id and created_at `now` when empty) with its outbox row.
  // One whose key is already stored is skipped, so raising the same one again is harmless.
  // Returns how many were new. kInvalidArgument when a recipient is not a stored person.
  virtual Result<int> AddNotifications(const std::vector<model::Notification>& notifications,
                                       std::string_view now) = 0;
  // The notices of waivers expiring within model::kWaiverNoticeDays of `today`, for every
  // stored waiver (the worker's daily pass); idempotent as above. Returns how many were new.
  virtual Result<int> AddWaiverExpiryNotifications(Date today, std::string_view now) = 0;
  // A recipient's notifications, newest first.
  virtual Result<std::vector<model::Notification>> ListNotifications(
      const NotificationQuery& query) = 0;
  virtual Result<model::Notification> GetNotification(std::string_view id) = 0;
  virtual Result<int> CountUnread(std::string_view recipient) = 0;
  // Marks `id` read at `at` ("" : every unread one of `recipient`); returns how many changed.
  // kNotFound when `id` is not a notification of `recipient`.
  virtual Result<int> MarkRead(std::string_view recipient, std::string_view id,
                               std::string_view at) = 0;
  // A person's preferences; the defaults (every kind by e-mail and webhook, e-mail at once)
  // when none are stored.
  virtual Result<model::NotificationPrefs> GetNotificationPrefs(std::string_view person) = 0;
  // Stores a person's preferences (audited "notification_prefs.update").
  virtual Status SaveNotificationPrefs(std::string_view actor,
                                       const model::NotificationPrefs& prefs) = 0;

  // Outbox rows not yet turned into deliveries, oldest first, with their notification.
  virtual Result<std::vector<model::Notification>> PendingOutbox(int limit) = 0;
  // Stores `deliveries` of `notification` (a delivery whose id is stored already is kept as it
  // is) and marks its outbox row done, in one transaction: two workers doing the same row store
  // each delivery once.
  virtual Status FanOut(std::string_view notification,
                        const std::vector<model::Delivery>& deliveries, std::string_view now) = 0;
  // Leases up to `limit` pending deliveries due at `now` to `owner` until `lease_until` and
  // returns them: a delivery leased to another owner whose lease has not run out is never
  // returned, so several processes may claim at once (each row goes to one of them). A lease
  // that ran out (its worker died) is taken over: delivery is at least once.
  virtual Result<std::vector<model::Delivery>> ClaimDeliveries(std::string_view owner,
                                                               std::string_view now,
                                                               std::string_view lease_until,
                                                               int limit) = 0;
  // Records the outcome of an attempt (status, attempts, due_at, last_error, delivered_at of
  // `d`) and ends the lease, if `owner` still holds it (kConflict otherwise: another worker took
  // it over and its outcome counts).
  virtual Status FinishDelivery(std::string_view owner, const model::Delivery& d) = 0;
  // The delivery log.
  virtual Result<std::vector<model::Delivery>> ListDeliveries(const DeliveryQuery& query) = 0;

  // -- Accounts -------------------------------------------------------------------------------
  // Users store the password hash only (Argon2id string), never a password.
  virtual Status SaveUser(std::string_view actor, const model::User& user) = 0;
  virtual Result<model::User> GetUser(std::string_view id) = 0;
  virtual Result<std::vector<model::User>> ListUsers() = 0;  // by id

  // Sessions and tokens are keyed by the hash of their secret; the secret is never stored.
  virtual Status CreateSession(std::string_view actor, const Session& session) = 0;
  virtual Result<Session> GetSession(std::string_view token_hash) = 0;
  virtual Status DeleteSession(std::string_view actor, std::string_view token_hash) = 0;
  // Deletes sessions that expired before `now` (ISO-8601 UTC); returns how many.
  virtual Result<int> DeleteExpiredSessions(std::string_view now) = 0;
  // Ends every session of `user` except the one keyed `except_hash` ("" ends them all), e.g.
  // after a password change; returns how many. Audited once ("session.revoke_all").
  virtual Result<int> DeleteUserSessions(std::string_view actor, std::string_view user,
                                         std::string_view except_hash) = 0;

  virtual Result<std::string> CreateApiToken(std::string_view actor, const ApiToken& token) = 0;
  // The token with this hash, revoked or not (the caller checks revoked and expires_at).
  virtual Result<ApiToken> FindApiToken(std::string_view token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(std::string_view user) = 0;
  virtual Status RevokeApiToken(std::string_view actor, std::string_view id) = 0;

  // -- Audit log ------------------------------------------------------------------------------
  // Entries in id (time) order. The log is append-only: nothing in this interface changes it.
  virtual Result<std::vector<model::AuditEntry>> ListAudit(const AuditQuery& query = {}) = 0;
  // Appends an entry that says what a change means where the writes' own entries do not (a
  // framework's policy changed from one version to the next: before and after as JSON).
  virtual Status AppendAudit(std::string_view actor, std::string_view action,
                             std::string_view subject, std::string_view before,
                             std::string_view after) = 0;

  // -- Search ---------------------------------------------------------------------------------
  // Full-text search over behaviours, level summaries, expectation summaries, notes and roles
  // (FTS5 on SQLite, tsvector + GIN on PostgreSQL). The query is words (all must match, any
  // order, stemmed where the backend stems) and "quoted phrases"; other syntax is treated as
  // words, never as an error. Best first.
  virtual Result<std::vector<SearchHit>> Search(std::string_view query,
                                                const SearchOptions& options = {}) = 0;

  // A text that changes whenever a write of any process has committed since it was last read
  // (and may change without one): caches of what was read from the store stay valid while it
  // stays the same. (After
  // `ladder restore` of an older backup, restart the servers: a restored database may repeat
  // an earlier stamp.)
  virtual Result<std::string> WriteStamp() = 0;

  // -- Operations -----------------------------------------------------------------------------
  // Schema version of the open database (the number of the last migration applied).
  virtual Result<int> SchemaVersion() = 0;
  // SQLite: writes a consistent copy of the database to `path` (online backup API; the store
  // stays usable). PostgreSQL: kFailedPrecondition explaining pg_dump (docs/operations.md).
  virtual Status Backup(std::string_view path) = 0;
  // SQLite: replaces the whole content of this database with the backup at `path` (checked
  // first: a file that is not a Ladder database is refused and nothing changes).
  // PostgreSQL: kFailedPrecondition explaining pg_restore.
  virtual Status Restore(std::string_view path) = 0;

  // -- Portable dump (docs/operations.md) -----------------------------------------------------
  // Everything the database holds, as one JSON document that any backend can load: every
  // framework version (with its status, dates and document), person, assignment, evidence,
  // metric, assessment, sign-off, case, waiver, need, raise, user, and the whole audit log.
  // Credentials only with `options.secrets`: the users' password hashes, the sessions (with
  // their CSRF tokens) and the API tokens (with their hashes); without it the password hashes
  // are "" (such accounts cannot sign in until a password is set) and there are no sessions or
  // tokens. The document's "secrets" key lists the secret fields it holds. Rows are in
  // primary-key order and written one per line, so equal content gives byte-identical dumps on
  // every backend. Derived rows (levels, roles, search passages) are rebuilt from the framework
  // documents on load.
  virtual Result<std::string> ExportDump(const DumpOptions& options = {}) = 0;
  // Loads a dump into this database in one transaction. The database must be empty (kConflict
  // naming what it holds otherwise). kInvalidArgument (with line:col for malformed JSON) when
  // the text is not a Ladder dump or a record is damaged; kFailedPrecondition for a dump of a
  // newer schema; a dump of an older schema loads, its framework documents rewritten in the
  // current stored form. Loading is not itself audited: the loaded audit log is the database's
  // history. On failure nothing is written.
  virtual Status ImportDump(std::string_view dump) = 0;
};

}  // namespace ladder::storage
