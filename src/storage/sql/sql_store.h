// The Store (store.h) on an SQL database through SOCI: every operation written once in SQL that
// SQLite and PostgreSQL both accept, with a Dialect (dialect.h) for what differs. One class,
// SqlStore, declared here and defined by area:
//   sql_store.cc     connections, transactions and their retries, errors, migrations,
//                    backups, dumps, the write stamp
//   frameworks.cc    framework versions and the rows derived from them (levels, roles)
//   people.cc        people and their level history, one record at a time
//   people_batch.cc  people, level history and evidence written at once (imports)
//   records.cc       evidence, metrics, assessments, sign-offs, raises
//   reviews.cc       cases and votes, waivers, needs
//   cycles.cc        review cycles and their candidates
//   accounts.cc      users, sessions, API tokens
//   audit.cc         the audit log
//   search.cc        search passages and Search
// Column lists come from the schema description (schema.h); rows are read by column name
// (row.h); records are kept in their one JSON encoding (people_json.h, record_json.h); level
// history follows model/level_history.h.
// Internal to storage/; OpenStore (store.h) is the way in.
//
// Connections: a fixed pool; each operation borrows one for its duration. A write runs in one
// transaction with its audit entry. When the database is busy (another process holds SQLite's
// write lock longer than the busy timeout, or PostgreSQL refuses a transaction for contention)
// at BEGIN or COMMIT, the whole transaction runs again, with growing pauses, until
// OpenOptions::busy_retry_ms has passed (a caller's WithTransaction only at BEGIN: its fn runs
// once); a read that finds it busy runs again the same way. On SQLite, one write transaction
// of the process at a time waits for the lock (Dialect::SerialWrites), so that writers waiting
// behind another process never hold the connections readers need. WithTransaction pins one
// connection and hands fn a store bound to it. Thread-safe.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/soci.h"

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"
#include "storage/dialect.h"
#include "storage/record_json.h"
#include "storage/row.h"
#include "storage/store.h"

namespace ladder::storage::internal {

// Opens the pool, runs the migrations (unless options.migrate is false) and returns the store.
Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<Dialect> dialect,
                                            const OpenOptions& options);

// A small fixed pool of connections.
class Pool {
 public:
  class Lease {
   public:
    Lease(Pool* pool, soci::session* s) : pool_(pool), s_(s) {}
    Lease(Lease&& o) noexcept : pool_(std::exchange(o.pool_, nullptr)), s_(o.s_) {}
    ~Lease() {
      if (pool_) pool_->Release(s_);
    }
    soci::session& operator*() const { return *s_; }

   private:
    Pool* pool_;
    soci::session* s_;
  };

  Pool() = default;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool();

  // Counted in the metrics (base/metrics.h): connections held, borrowed, time waited.
  void Add(std::unique_ptr<soci::session> s);
  Lease Acquire();

 private:
  void Release(soci::session* s);
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<soci::session>> all_;
  std::vector<soci::session*> free_;
};

// What the stores of one database share: the dialect, the pool, how long to wait when busy.
struct Shared {
  std::unique_ptr<Dialect> dialect;
  Pool pool;
  int busy_timeout_ms = 10000;  // OpenOptions::busy_timeout_ms
  int busy_retry_ms = 120000;   // OpenOptions::busy_retry_ms
  // Held by the one write transaction of this process in flight when the dialect has
  // SerialWrites(): the others wait here, not on a connection.
  std::timed_mutex write_mu;
};

// A fresh id: `prefix`, a dash and 16 random hex digits (collisions are practically impossible
// and, if one happened, the primary key refuses it).
std::string NewId(std::string_view prefix);
// The first of a record's violations (model/validate.h), if any.
Status FirstError(const std::vector<Error>& errors);
inline std::string Dump(const Json& j) { return j.dump(); }

// Statements shared by several areas. Each throws soci::soci_error on a database error.
//
// Appends the audit entry of a write (store.h contract 1).
Status Audit(soci::session& s, std::string_view actor, std::string_view action,
             const std::string& subject, const std::string& before, const std::string& after);
// The `doc` of the record `id` of `table`, or "" when there is none.
std::string DocOf(soci::session& s, const std::string& table, const std::string& id);
// kInvalidArgument naming `field` unless person `id` is stored.
Status RequirePerson(soci::session& s, const std::string& id, const std::string& field);
// kInvalidArgument unless user `id` is stored.
Status RequireUser(soci::session& s, const std::string& id);
// kConflict "<refusal>: <what> <first id> refers to it (and N more)" when rows of `table` have
// `column` = `id`.
Status RefuseIfReferenced(soci::session& s, const std::string& table, const std::string& column,
                          const std::string& id, const std::string& what,
                          const std::string& refusal);
// "draft" or "published"; kNotFound for a version that is not stored.
Result<std::string> VersionStatus(soci::session& s, const std::string& framework,
                                  const std::string& version);
// Writes the rows derived from a version's document: its levels (keeping those that stay, which
// assignments point at; kConflict when one in use would vanish), roles and search passages.
Status PutFrameworkRows(soci::session& s, const model::Framework& f);
// The search passages of one version, replacing what is stored for it.
void PutPassages(soci::session& s, const model::Framework& f);
// Rebuilds the passages of every stored version from its document.
Status ReindexPassages(soci::session& s);
// Rewrites every stored record document in the current encoding (people_json.h): what the
// migration "records" and the load of an older dump run.
Status ReencodeRecords(soci::session& s);
// Checks the level history of every person (model/level_history.h): the check of a loaded dump.
Status CheckEveryHistory(soci::session& s);

// Stores notifications with their outbox rows (a stored key is skipped); returns how many were
// new (notifications.cc). The one writer of notifications: SaveCase calls it in its transaction.
Result<int> PutNotifications(soci::session& s, std::vector<model::Notification> notifications,
                             const std::string& now);

// Inserts `rows` into `table`, `per_statement` rows a statement (Dialect::RowsPerInsert): one
// prepared statement reused for every full chunk, so that a database across the network pays
// one round trip per chunk and an embedded one parses the statement once. `suffix` follows
// every statement (an ON CONFLICT clause).
void InsertMany(soci::session& s, const std::string& table,
                const std::vector<std::string_view>& columns,
                const std::vector<std::vector<Cell>>& rows, std::size_t per_statement,
                const std::string& suffix = "");
// Runs `sql_prefix (:p0, :p1, ...)` for `ids` in chunks, calling `take` for every row.
void ForIds(soci::session& s, const std::string& sql_prefix, const std::vector<std::string>& ids,
            const std::function<void(const Row&)>& take);
// Runs a query with `params` bound in order, calling `take` for every row; stops at the first
// error `take` returns.
Status ForRows(soci::session& s, const std::string& sql, const std::vector<std::string>& params,
               const std::function<Status(const Row&)>& take);

// The stored document of a record kept as (id, person, day, doc): its one encoding.
inline Json DocJson(const model::Evidence& v) { return EvidenceJson(v); }
inline Json DocJson(const model::Metric& v) { return MetricJson(v); }
inline Json DocJson(const model::SignOff& v) { return SignOffJson(v); }
inline Json DocJson(const model::Waiver& v) { return WaiverJson(v); }
inline Json DocJson(const model::Raise& v) { return RaiseJson(v); }
inline Json DocJson(const model::PlanAction& v) { return PlanActionJson(v); }
inline Json DocJson(const model::CheckIn& v) { return CheckInJson(v); }

// A kind of people-side record kept as (id, person, day, doc).
struct RecordTable {
  const char* table;
  const char* kind;    // audit action prefix and subject prefix: "evidence"
  const char* prefix;  // fresh id prefix: "ev"
};
inline constexpr RecordTable kEvidence{"evidence", "evidence", "ev"};
inline constexpr RecordTable kMetrics{"metrics", "metric", "me"};
inline constexpr RecordTable kAssessments{"assessments", "assessment", "at"};
inline constexpr RecordTable kSignOffs{"signoffs", "signoff", "so"};
inline constexpr RecordTable kWaivers{"waivers", "waiver", "wa"};
inline constexpr RecordTable kRaises{"raises", "raise", "ra"};
inline constexpr RecordTable kPlanActions{"plan_actions", "plan", "pa"};
inline constexpr RecordTable kCheckIns{"checkins", "checkin", "ci"};

class SqlStore final : public Store {
 public:
  SqlStore(std::shared_ptr<Shared> shared, soci::session* pinned)
      : shared_(std::move(shared)), pinned_(pinned) {}

  std::string_view Backend() const override { return shared_->dialect->Name(); }
  Status WithTransaction(const std::function<Status(Store&)>& fn) override;

  // frameworks.cc
  Status SaveDraft(std::string_view actor, const model::Framework& framework) override;
  Status Publish(std::string_view actor, std::string_view framework, std::string_view version,
                 std::string_view effective) override;
  Status DeleteDraft(std::string_view actor, std::string_view framework,
                     std::string_view version) override;
  Result<std::vector<FrameworkInfo>> ListFrameworks() override;
  Result<std::vector<VersionInfo>> ListVersions(std::string_view framework) override;
  Result<model::Framework> GetFramework(std::string_view framework,
                                        std::string_view version) override;
  Result<VersionPair> GetVersionPair(std::string_view framework, std::string_view before,
                                     std::string_view after) override;
  Result<std::vector<RoleEntry>> ListRoles(const RoleQuery& query) override;

  // people.cc
  Status SavePerson(std::string_view actor, const model::Person& person) override;
  Result<model::Person> GetPerson(std::string_view id) override;
  Result<std::vector<model::Person>> ListPeople(const PeopleQuery& query) override;
  Result<ReportsPage> ListReports(const ReportsQuery& query) override;
  Status DeletePerson(std::string_view actor, std::string_view id) override;
  Result<std::string> AddAssignment(std::string_view actor,
                                    const model::Assignment& assignment) override;
  Status UpdateAssignment(std::string_view actor, const model::Assignment& assignment) override;
  Status DeleteAssignment(std::string_view actor, std::string_view id) override;
  Result<std::vector<model::Assignment>> ListAssignments(std::string_view person) override;
  Result<std::optional<model::Assignment>> CurrentAssignment(std::string_view person,
                                                             Date at) override;
  Result<PersonRecords> LoadPersonRecords(std::string_view person) override;
  Status ForEachPersonRecords(const std::function<Status(PersonRecords&&)>& fn) override;
  // people_batch.cc
  Status WritePeopleBatch(std::string_view actor, const PeopleBatch& batch) override;

  // records.cc
  Result<std::string> SaveEvidence(std::string_view actor, const model::Evidence& e) override;
  Result<model::Evidence> GetEvidence(std::string_view id) override;
  Result<std::vector<model::Evidence>> ListEvidence(std::string_view person) override;
  Status DeleteEvidence(std::string_view actor, std::string_view id) override;
  Result<std::string> SaveMetric(std::string_view actor, const model::Metric& m) override;
  Result<std::vector<model::Metric>> ListMetrics(std::string_view person) override;
  Result<model::Metric> GetMetric(std::string_view id) override;
  Status DeleteMetric(std::string_view actor, std::string_view id) override;
  Result<std::string> SaveAssessment(std::string_view actor, const model::Assessment& a) override;
  Result<std::vector<model::Assessment>> ListAssessments(std::string_view person) override;
  Result<model::Assessment> GetAssessment(std::string_view id) override;
  Status DeleteAssessment(std::string_view actor, std::string_view id) override;
  Result<std::string> SaveSignOff(std::string_view actor, const model::SignOff& s) override;
  Result<std::vector<model::SignOff>> ListSignOffs(std::string_view person) override;
  Result<model::SignOff> GetSignOff(std::string_view id) override;
  Result<std::string> SaveRaise(std::string_view actor, const model::Raise& r) override;
  Result<std::vector<model::Raise>> ListRaises(std::string_view person) override;
  Result<std::string> SavePlanAction(std::string_view actor, const model::PlanAction& a) override;
  Result<model::PlanAction> GetPlanAction(std::string_view id) override;
  Result<std::vector<model::PlanAction>> ListPlanActions(std::string_view person) override;
  Result<std::string> SaveCheckIn(std::string_view actor, const model::CheckIn& c) override;
  Result<std::vector<model::CheckIn>> ListCheckIns(std::string_view person) override;

  // reviews.cc
  Result<std::string> SaveCase(std::string_view actor, const model::Case& c) override;
  Result<model::Case> GetCase(std::string_view id) override;
  Result<std::vector<model::Case>> ListCases(std::string_view person,
                                             std::optional<model::CaseStatus> status) override;
  Status AddVote(std::string_view actor, std::string_view case_id,
                 const model::Vote& vote) override;
  Result<std::string> SaveWaiver(std::string_view actor, const model::Waiver& w) override;
  Result<std::vector<model::Waiver>> ListWaivers(std::string_view person) override;
  Result<model::Waiver> GetWaiver(std::string_view id) override;
  Result<std::string> SaveNeed(std::string_view actor, const model::Need& n) override;
  Result<std::vector<model::Need>> ListNeeds(std::string_view framework) override;

  // change_requests.cc
  Result<std::string> SaveChangeRequest(std::string_view actor,
                                        const model::ChangeRequest& r) override;
  Result<model::ChangeRequest> GetChangeRequest(std::string_view id) override;
  Result<std::vector<model::ChangeRequest>> ListChangeRequests(const ChangeQuery& query) override;

  // cycles.cc
  Status OpenCycle(std::string_view actor, const model::Cycle& cycle,
                   const std::vector<model::Candidate>& candidates) override;
  Status SaveCycle(std::string_view actor, const model::Cycle& cycle,
                   const std::vector<model::Candidate>& outcomes) override;
  Result<model::Cycle> GetCycle(std::string_view id) override;
  Result<std::vector<model::Cycle>> ListCycles() override;
  Result<std::vector<model::Candidate>> ListCandidates(std::string_view cycle,
                                                       std::string_view person) override;
  Status SaveCandidates(std::string_view actor,
                        const std::vector<model::Candidate>& candidates) override;
  Result<std::vector<model::Case>> ListCycleCases(std::string_view cycle) override;
  Result<std::map<std::string, CycleCounts>> CountCycles() override;
  Result<std::map<std::string, int>> CountEvidence() override;

  // notifications.cc
  Result<int> AddNotifications(const std::vector<model::Notification>& notifications,
                               std::string_view now) override;
  Result<int> AddWaiverExpiryNotifications(Date today, std::string_view now) override;
  Result<std::vector<model::Notification>> ListNotifications(
      const NotificationQuery& query) override;
  Result<model::Notification> GetNotification(std::string_view id) override;
  Result<int> CountUnread(std::string_view recipient) override;
  Result<int> MarkRead(std::string_view recipient, std::string_view id,
                       std::string_view at) override;
  Result<model::NotificationPrefs> GetNotificationPrefs(std::string_view person) override;
  Status SaveNotificationPrefs(std::string_view actor,
                               const model::NotificationPrefs& prefs) override;
  Result<std::vector<model::Notification>> PendingOutbox(int limit) override;
  Status FanOut(std::string_view notification, const std::vector<model::Delivery>& deliveries,
                std::string_view now) override;
  Result<std::vector<model::Delivery>> ClaimDeliveries(std::string_view owner, std::string_view now,
                                                       std::string_view lease_until,
                                                       int limit) override;
  Status FinishDelivery(std::string_view owner, const model::Delivery& d) override;
  Result<std::vector<model::Delivery>> ListDeliveries(const DeliveryQuery& query) override;

  // accounts.cc
  Status SaveUser(std::string_view actor, const model::User& user) override;
  Result<model::User> GetUser(std::string_view id) override;
  Result<std::vector<model::User>> ListUsers() override;
  Status CreateSession(std::string_view actor, const Session& session) override;
  Result<Session> GetSession(std::string_view token_hash) override;
  Status DeleteSession(std::string_view actor, std::string_view token_hash) override;
  Result<int> DeleteExpiredSessions(std::string_view now) override;
  Result<int> DeleteUserSessions(std::string_view actor, std::string_view user,
                                 std::string_view except_hash) override;
  Result<std::string> CreateApiToken(std::string_view actor, const ApiToken& token) override;
  Result<ApiToken> FindApiToken(std::string_view token_hash) override;
  Result<std::vector<ApiToken>> ListApiTokens(std::string_view user) override;
  Status RevokeApiToken(std::string_view actor, std::string_view id) override;

  // audit.cc
  Result<std::vector<model::AuditEntry>> ListAudit(const AuditQuery& query) override;
  Status AppendAudit(std::string_view actor, std::string_view action, std::string_view subject,
                     std::string_view before, std::string_view after) override;

  // search.cc
  Result<std::vector<SearchHit>> Search(std::string_view query,
                                        const SearchOptions& options) override;

  // sql_store.cc
  Result<std::string> WriteStamp() override;
  Result<int> SchemaVersion() override;
  Status Backup(std::string_view path) override;
  Status Restore(std::string_view path) override;
  Result<std::string> ExportDump(const DumpOptions& options) override;
  Status ImportDump(std::string_view dump) override;
  // Runs the migrations on one connection (OpenSqlStore).
  Status Migrate(bool apply, int target);

 private:
  // Runs `f` on a pooled (or the pinned) connection; database errors are converted.
  template <typename F>
  auto Read(F&& f) -> decltype(f(std::declval<soci::session&>())) {
    using R = decltype(f(std::declval<soci::session&>()));
    std::optional<R> result;
    Status done = RunRead([&](soci::session& s) -> Status {
      result.emplace(f(s));
      return *result ? Ok() : Status(std::unexpected(result->error()));
    });
    if (!result) return R(std::unexpected(done.error()));
    return std::move(*result);
  }

  // Runs `f` in a write transaction (or inside the pinned one); commits when f returns a value,
  // rolls back when it returns an error. See the class comment for busy databases.
  template <typename F>
  auto Write(F&& f) -> decltype(f(std::declval<soci::session&>())) {
    using R = decltype(f(std::declval<soci::session&>()));
    std::optional<R> result;
    Status done = RunWrite(
        [&](soci::session& s) -> Status {
          result.emplace(f(s));
          return *result ? Ok() : Status(std::unexpected(result->error()));
        },
        true);
    if (!done && (!result || *result)) return R(std::unexpected(done.error()));
    return std::move(*result);
  }

  using Body = std::function<Status(soci::session&)>;
  Status RunRead(const Body& body);
  // Runs `body` in a write transaction; `rerun` lets a transaction that was busy at COMMIT run
  // `body` again (store operations; not a caller's WithTransaction).
  Status RunWrite(const Body& body, bool rerun);
  // One attempt of a write transaction; sets *busy_at_begin or *busy_at_commit when the database
  // was busy there, so that running the whole transaction again may succeed.
  Status TryWrite(soci::session& s, const Body& body, bool* busy_at_begin, bool* busy_at_commit);
  // Runs `attempt` until it succeeds, fails for another reason than a busy database, or
  // busy_retry_ms have passed; `attempt` sets its argument when running it again may succeed.
  Status Retrying(const std::function<Status(bool*)>& attempt);
  // A clean error for a database error (the detail goes to the log, not into the message).
  Error Convert(const soci::soci_error& e) const;
  static void RollbackQuietly(soci::session& s);

  // records.cc: records kept as (id, person, day, doc). `people` are further person ids the
  // record names (signers, approvers) that must be stored when non-empty.
  template <typename T>
  Result<std::string> SaveRecord(std::string_view actor, const RecordTable& t, T value, Date day,
                                 std::vector<std::string> people);
  template <typename T>
  Result<std::vector<T>> ListRecords(const RecordTable& t, std::string_view person);
  Status DeleteRecord(std::string_view actor, const RecordTable& t, std::string_view id);
  template <typename T>
  Result<T> GetRecord(const RecordTable& t, std::string_view id);

  std::shared_ptr<Shared> shared_;
  soci::session* pinned_;
};

}  // namespace ladder::storage::internal
