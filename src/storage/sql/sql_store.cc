// SqlStore's core: the connection pool, reads and write transactions (with the retries of a busy
// database), the conversion of database errors, the statements several areas share, migrations
// and the whole-database operations (backup, restore, dump, write stamp).
#include "storage/sql/sql_store.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <random>
#include <thread>

#include "base/metrics.h"
#include "storage/framework_document.h"
#include "storage/sql_dump.h"

namespace ladder::storage::internal {
namespace {

// The storage log: details of database errors that users see only as a clean message.
spdlog::logger& Log() {
  static std::shared_ptr<spdlog::logger> log = [] {
    std::shared_ptr<spdlog::logger> existing = spdlog::get("storage");
    return existing ? existing : spdlog::stderr_logger_mt("storage");
  }();
  return *log;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Times one transaction for the metrics, unless it runs inside the caller's (pinned) one.
class TransactionTimer {
 public:
  TransactionTimer(bool write, bool nested) : write_(write), nested_(nested) {}
  ~TransactionTimer() {
    if (!nested_) metrics::CountTransaction(write_, SecondsSince(start_));
  }
  TransactionTimer(const TransactionTimer&) = delete;
  TransactionTimer& operator=(const TransactionTimer&) = delete;

 private:
  const bool write_;
  const bool nested_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

Pool::~Pool() { metrics::CountPool(-static_cast<int>(all_.size()), 0); }

void Pool::Add(std::unique_ptr<soci::session> s) {
  free_.push_back(s.get());
  all_.push_back(std::move(s));
  metrics::CountPool(1, 0);
}

Pool::Lease Pool::Acquire() {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  soci::session* s = free_.back();
  free_.pop_back();
  lock.unlock();
  metrics::CountPoolWait(SecondsSince(start));
  metrics::CountPool(0, 1);
  return Lease(this, s);
}

void Pool::Release(soci::session* s) {
  metrics::CountPool(0, -1);
  {
    std::lock_guard lock(mu_);
    free_.push_back(s);
  }
  cv_.notify_one();
}

std::string NewId(std::string_view prefix) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return std::string(prefix) + "-" + buf;
}

Status FirstError(const std::vector<Error>& errors) {
  if (errors.empty()) return Ok();
  return Fail(errors.front());
}

// ---- Statements shared by several areas ----

Status Audit(soci::session& s, std::string_view actor, std::string_view action,
             const std::string& subject, const std::string& before, const std::string& after) {
  std::string a(actor.empty() ? "unknown" : actor), act(action), now = NowIso();
  s << "INSERT INTO audit_log (at, actor, action, subject, before_json, after_json) VALUES "
       "(:at, :a, :ac, :s, :b, :af)",
      soci::use(now), soci::use(a), soci::use(act), soci::use(subject), soci::use(before),
      soci::use(after);
  return Ok();
}

std::string DocOf(soci::session& s, const std::string& table, const std::string& id) {
  std::string doc;
  soci::indicator ind = soci::i_null;
  s << "SELECT doc FROM " + table + " WHERE id = :id", soci::into(doc, ind), soci::use(id);
  return s.got_data() && ind == soci::i_ok ? doc : std::string();
}

Status RequirePerson(soci::session& s, const std::string& id, const std::string& field) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM people WHERE id = :id", soci::into(n), soci::use(id);
  if (n == 0)
    return MakeError(ErrorCode::kInvalidArgument,
                     field + " names person " + (id.empty() ? "\"\"" : id) + ", who is not stored",
                     {}, field);
  return Ok();
}

Status RequireUser(soci::session& s, const std::string& id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM users WHERE id = :id", soci::into(n), soci::use(id);
  if (n == 0) return MakeError(ErrorCode::kInvalidArgument, "no user " + id, {}, "user");
  return Ok();
}

Status RefuseIfReferenced(soci::session& s, const std::string& table, const std::string& column,
                          const std::string& id, const std::string& what,
                          const std::string& refusal) {
  long long n = 0;
  std::string first;
  soci::indicator ind = soci::i_null;
  s << "SELECT COUNT(*), MIN(id) FROM " + table + " WHERE " + column + " = :id", soci::into(n),
      soci::into(first, ind), soci::use(id);
  if (n == 0) return Ok();
  return MakeError(ErrorCode::kConflict,
                   refusal + ": " + what + " " + first + " refers to it" +
                       (n > 1 ? " (and " + std::to_string(n - 1) + " more)" : ""),
                   {}, table + "." + column);
}

Result<std::string> VersionStatus(soci::session& s, const std::string& framework,
                                  const std::string& version) {
  std::string status;
  soci::indicator ind = soci::i_null;
  s << "SELECT status FROM framework_versions WHERE framework = :f AND version = :v",
      soci::into(status, ind), soci::use(framework), soci::use(version);
  if (!s.got_data() || ind != soci::i_ok)
    return MakeError(ErrorCode::kNotFound, "no version " + version + " of framework " + framework);
  return status;
}

void InsertMany(soci::session& s, const std::string& table,
                const std::vector<std::string_view>& columns,
                const std::vector<std::vector<Cell>>& rows, std::size_t per_statement,
                const std::string& suffix) {
  const std::size_t width = columns.size();
  // SQLite allows 32,766 parameters a statement, PostgreSQL 65,535.
  per_statement = std::max<std::size_t>(1, std::min(per_statement, 30000 / width));
  std::string head = "INSERT INTO " + table + " (";
  for (std::size_t c = 0; c < width; ++c) head += (c ? ", " : "") + std::string(columns[c]);
  head += ") VALUES ";
  struct Prepared {
    std::vector<std::string> values;
    std::vector<soci::indicator> inds;
    std::unique_ptr<soci::statement> st;
  };
  auto prepare = [&](std::size_t count) {
    auto p = std::make_unique<Prepared>();
    p->values.resize(count * width);
    p->inds.assign(count * width, soci::i_ok);
    std::string sql = head;
    for (std::size_t r = 0; r < count; ++r) {
      sql += r ? ", (" : "(";
      for (std::size_t c = 0; c < width; ++c)
        sql += (c ? ", :p" : ":p") + std::to_string(r * width + c);
      sql += ")";
    }
    sql += suffix;
    p->st = std::make_unique<soci::statement>(s);
    for (std::size_t i = 0; i < p->values.size(); ++i)
      p->st->exchange(soci::use(p->values[i], p->inds[i]));
    p->st->alloc();
    p->st->prepare(sql);
    p->st->define_and_bind();
    return p;
  };
  std::unique_ptr<Prepared> full;
  for (std::size_t first = 0; first < rows.size(); first += per_statement) {
    std::size_t count = std::min(per_statement, rows.size() - first);
    std::unique_ptr<Prepared> tail;
    if (count == per_statement && !full) full = prepare(count);
    if (count != per_statement) tail = prepare(count);
    Prepared* p = count == per_statement ? full.get() : tail.get();
    for (std::size_t r = 0; r < count; ++r)
      for (std::size_t c = 0; c < width; ++c) {
        const Cell& cell = rows[first + r][c];
        p->values[r * width + c] = cell ? *cell : std::string();
        p->inds[r * width + c] = cell ? soci::i_ok : soci::i_null;
      }
    p->st->execute(true);
  }
}

void ForIds(soci::session& s, const std::string& sql_prefix, const std::vector<std::string>& ids,
            const std::function<void(const Row&)>& take) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t first = 0; first < ids.size(); first += kChunk) {
    std::size_t count = std::min(kChunk, ids.size() - first);
    std::vector<std::string> values(ids.begin() + first, ids.begin() + first + count);
    std::string sql = sql_prefix + " (";
    for (std::size_t i = 0; i < count; ++i) sql += (i ? ", :p" : ":p") + std::to_string(i);
    sql += ")";
    Status ignored = ForRows(s, sql, values, [&](const Row& r) -> Status {
      take(r);
      return Ok();
    });
    (void)ignored;
  }
}

Status ForRows(soci::session& s, const std::string& sql, const std::vector<std::string>& params,
               const std::function<Status(const Row&)>& take) {
  std::vector<std::string> values = params;
  soci::row r;
  soci::statement st(s);
  st.exchange(soci::into(r));
  for (auto& v : values) st.exchange(soci::use(v));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  if (!st.execute(true)) return Ok();
  do {
    LADDER_TRY_STATUS(take(Row(r)));
  } while (st.fetch());
  return Ok();
}

// ---- Reads, writes and errors ----

Status SqlStore::WithTransaction(const std::function<Status(Store&)>& fn) {
  return RunWrite(
      [&](soci::session& s) -> Status {
        SqlStore bound(shared_, &s);
        return fn(bound);
      },
      false);
}

Status SqlStore::Retrying(const std::function<Status(bool*)>& attempt) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(shared_->busy_retry_ms);
  auto pause = std::chrono::milliseconds(10);
  for (int tries = 1;; ++tries) {
    bool again = false;
    Status done = attempt(&again);
    if (!again || std::chrono::steady_clock::now() + pause > deadline) return done;
    if (tries == 1 || tries % 10 == 0)
      Log().info("storage: the database is busy; trying again (attempt {})", tries + 1);
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(500));
  }
}

Status SqlStore::RunRead(const Body& body) {
  const TransactionTimer timer(false, pinned_ != nullptr);
  auto once = [&](soci::session& s, bool* again) -> Status {
    try {
      return body(s);
    } catch (const soci::soci_error& e) {
      *again = !pinned_ && shared_->dialect->IsBusy(e);
      return Fail(Convert(e));
    } catch (const std::exception& e) {
      Log().error("storage: {}", e.what());
      return MakeError(ErrorCode::kInternal, "internal storage error (the log has the details)");
    }
  };
  if (pinned_) {
    bool ignored = false;
    return once(*pinned_, &ignored);
  }
  return Retrying([&](bool* again) -> Status {
    Pool::Lease lease = shared_->pool.Acquire();
    return once(*lease, again);
  });
}

Status SqlStore::RunWrite(const Body& body, bool rerun) {
  if (pinned_) return RunRead(body);  // inside the caller's transaction
  const TransactionTimer timer(true, false);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(shared_->busy_retry_ms);
  std::unique_lock<std::timed_mutex> serial(shared_->write_mu, std::defer_lock);
  if (shared_->dialect->SerialWrites() && !serial.try_lock_until(deadline))
    return MakeError(ErrorCode::kUnavailable,
                     "the database is busy (another process is writing to it); try again later");
  return Retrying([&](bool* again) -> Status {
    Pool::Lease lease = shared_->pool.Acquire();
    bool at_begin = false, at_commit = false;
    Status done = TryWrite(*lease, body, &at_begin, &at_commit);
    *again = at_begin || (at_commit && rerun);
    return done;
  });
}

Status SqlStore::TryWrite(soci::session& s, const Body& body, bool* busy_at_begin,
                          bool* busy_at_commit) {
  const Dialect& d = *shared_->dialect;
  enum class Step { kBegin, kBody, kCommit } step = Step::kBegin;
  try {
    s << d.BeginWrite();
    step = Step::kBody;
    Status result = body(s);
    if (!result) {
      s << "ROLLBACK";
      return result;
    }
    step = Step::kCommit;
    s << "COMMIT";
    return result;
  } catch (const soci::soci_error& e) {
    if (step != Step::kBegin) RollbackQuietly(s);
    *busy_at_begin = step == Step::kBegin && d.IsBusy(e);
    *busy_at_commit = step == Step::kCommit && d.IsBusy(e);
    return Fail(Convert(e));
  } catch (const std::exception& e) {
    if (step != Step::kBegin) RollbackQuietly(s);
    Log().error("storage: {}", e.what());
    return MakeError(ErrorCode::kInternal, "internal storage error (the log has the details)");
  }
}

void SqlStore::RollbackQuietly(soci::session& s) {
  try {
    s << "ROLLBACK";
  } catch (const std::exception&) {
    // The connection already ended the transaction (e.g. the commit itself failed).
  }
}

Error SqlStore::Convert(const soci::soci_error& e) const {
  const Dialect& d = *shared_->dialect;
  ErrorCode code = d.Classify(e);
  Log().warn("storage: {} error: {}", d.Name(), e.get_error_message());
  std::string message;
  switch (code) {
    case ErrorCode::kUnavailable:
      message = d.IsBusy(e) ? "the database is busy (another process is writing to it); try "
                              "again later"
                            : "the database cannot be reached; try again later";
      break;
    case ErrorCode::kAlreadyExists:
      message = "a record with the same key is already stored";
      break;
    case ErrorCode::kConflict:
      message = "the change would leave a reference to a record that is not stored";
      break;
    case ErrorCode::kInvalidArgument:
      message = "the database refused a value of the change";
      break;
    default:
      message = "internal database error (the log has the details)";
      break;
  }
  return Error{code, std::move(message), {}, {}};
}

// ---- Operations ----

Result<std::string> SqlStore::WriteStamp() {
  return Read([&](soci::session& s) -> Result<std::string> {
    std::string stamp;
    s << shared_->dialect->WriteStampQuery(), soci::into(stamp);
    return stamp;
  });
}

namespace {
Result<int> CurrentSchema(soci::session& s) {
  long long v = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(version) FROM schema_version", soci::into(v, ind);
  return ind == soci::i_ok ? static_cast<int>(v) : 0;
}
}  // namespace

Result<int> SqlStore::SchemaVersion() {
  return Read([&](soci::session& s) { return CurrentSchema(s); });
}

Status SqlStore::Backup(std::string_view path) {
  return Read([&](soci::session& s) { return shared_->dialect->Backup(s, path); });
}

Status SqlStore::Restore(std::string_view path) {
  if (pinned_)
    return MakeError(ErrorCode::kFailedPrecondition, "restore cannot run inside a transaction");
  return Read([&](soci::session& s) { return shared_->dialect->Restore(s, path); });
}

Result<std::string> SqlStore::ExportDump(const DumpOptions& options) {
  // One read-only snapshot transaction: consistent while writers go on, blocking none.
  return Read([&](soci::session& s) -> Result<std::string> {
    auto dump = [&]() -> Result<std::string> {
      LADDER_TRY(int schema, CurrentSchema(s));
      return WriteDump(s, schema, options.secrets);
    };
    if (pinned_) return dump();  // inside the caller's transaction
    s << shared_->dialect->BeginSnapshot();
    try {
      Result<std::string> out = dump();
      s << "COMMIT";
      return out;
    } catch (...) {
      RollbackQuietly(s);
      throw;
    }
  });
}

Status SqlStore::ImportDump(std::string_view dump) {
  const auto& all = shared_->dialect->Migrations();
  int known = all.empty() ? 0 : all.back().number;
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY(int schema,
               ReadDump(s, *shared_->dialect, known, dump,
                        [&](const model::Framework& f) { return PutFrameworkRows(s, f); }));
    // A dump of an older schema holds the older forms of records and framework documents.
    if (schema < known) {
      LADDER_TRY_STATUS(ReencodeRecords(s));
      LADDER_TRY_STATUS(UpgradeFrameworkDocuments(s));
    }
    return CheckEveryHistory(s);
  });
}

Status SqlStore::Migrate(bool apply, int target) {
  const std::vector<Migration>& all = shared_->dialect->Migrations();
  int known = all.empty() ? 0 : all.back().number;
  int goal = target > 0 && target < known ? target : known;
  // An up-to-date database is opened without taking the write lock, so that opening it never
  // waits for another process's long write (an import).
  Result<int> stored = Read([&](soci::session& s) -> Result<int> {
    try {
      return CurrentSchema(s);
    } catch (const soci::soci_error&) {
      return -1;  // a new database: no schema_version table yet
    }
  });
  if (stored && *stored >= goal && *stored <= known) return Ok();
  return Write([&](soci::session& s) -> Status {
    shared_->dialect->LockForMigration(s);
    shared_->dialect->ExecScript(
        s,
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT "
        "NOT NULL, applied_at TEXT NOT NULL)");
    LADDER_TRY(int current, CurrentSchema(s));
    if (current > known)
      return MakeError(ErrorCode::kFailedPrecondition,
                       "the database was written by a newer Ladder: schema " +
                           std::to_string(current) + ", this binary knows up to " +
                           std::to_string(known) + "; upgrade Ladder (nothing was changed)");
    if (current < goal && !apply)
      return MakeError(ErrorCode::kFailedPrecondition,
                       "the database schema is " + std::to_string(current) +
                           " and needs migrations up to " + std::to_string(goal));
    for (const Migration& m : all) {
      if (m.number <= current || m.number > goal) continue;
      shared_->dialect->ExecScript(s, std::string(m.sql));
      long long number = m.number;
      std::string now = NowIso();
      s << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(number), soci::use(m.name), soci::use(now);
      // Steps of a migration that Ladder computes rather than SQL.
      if (m.name == "search" || m.name == "search_descriptions")
        LADDER_TRY_STATUS(ReindexPassages(s));
      if (m.name == "records") LADDER_TRY_STATUS(ReencodeRecords(s));
      if (m.name == "canonical_documents") LADDER_TRY_STATUS(UpgradeFrameworkDocuments(s));
    }
    return Ok();
  });
}

Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<Dialect> dialect,
                                            const OpenOptions& options) {
  auto shared = std::make_shared<Shared>();
  int size = options.pool_size > 0 ? options.pool_size : dialect->DefaultPoolSize();
  shared->dialect = std::move(dialect);
  shared->busy_timeout_ms = std::max(0, options.busy_timeout_ms);
  shared->busy_retry_ms = std::max(0, options.busy_retry_ms);
  try {
    for (int i = 0; i < size; ++i) shared->pool.Add(shared->dialect->Connect());
  } catch (const soci::soci_error& e) {
    Log().warn("storage: cannot open the {} database: {}", shared->dialect->Name(),
               e.get_error_message());
    return MakeError(ErrorCode::kUnavailable, "cannot open the " +
                                                  std::string(shared->dialect->Name()) +
                                                  " database: " + e.get_error_message());
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kUnavailable, std::string("cannot open the database: ") + e.what());
  }
  auto store = std::make_unique<SqlStore>(shared, nullptr);
  LADDER_TRY_STATUS(store->Migrate(options.migrate, options.target_version));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace ladder::storage::internal
