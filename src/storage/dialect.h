// What differs between the SQL databases Ladder runs on. The shared store (sql_store.h) speaks
// SQL both SQLite and PostgreSQL accept; each backend (sqlite/, postgres/) implements this
// interface for connecting, transactions, scripts, error classification, search and backup.
// Internal to storage/. Implementations are immutable after construction and thread-safe; the
// sessions they are given are used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/soci.h"

#include "base/error.h"
#include "storage/migrations.h"
#include "storage/store.h"

namespace ladder::storage::internal {

class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual std::string_view Name() const = 0;  // "sqlite" | "postgresql"
  virtual const std::vector<Migration>& Migrations() const = 0;
  virtual int DefaultPoolSize() const = 0;

  // Opens and configures one connection. Throws soci::soci_error (the caller converts).
  virtual std::unique_ptr<soci::session> Connect() const = 0;
  // The statement that starts a write transaction (SQLite takes the write lock up front).
  virtual std::string BeginWrite() const = 0;
  // The statement that starts a read-only transaction seeing one snapshot of the database
  // (for dumps: consistent while writers go on, without blocking them).
  virtual std::string BeginSnapshot() const = 0;
  // Runs a script of several statements (a migration). Throws soci::soci_error.
  virtual void ExecScript(soci::session& s, const std::string& script) const = 0;
  // Serialises migration runs of several processes; called inside the migration transaction.
  virtual void LockForMigration(soci::session& s) const = 0;
  // The Ladder error code for a database error.
  virtual ErrorCode Classify(const soci::soci_error& e) const = 0;
  // Whether the error says the database is busy: another connection held a lock for longer
  // than the busy timeout (SQLite), or the transaction lost to a concurrent one (PostgreSQL:
  // serialization failure, deadlock, lock not available). Such a transaction may succeed when
  // run again.
  virtual bool IsBusy(const soci::soci_error& e) const = 0;
  // Whether the database runs one write transaction at a time (SQLite): the store then lets
  // one of its threads at a time wait for the write lock, so that waiting writers do not hold
  // the connections readers need.
  virtual bool SerialWrites() const = 0;

  // Search pre-selection (search_text.h): the FROM clause (passages aliased `p`) and the
  // condition that keep the passages whose `terms` contain every one of `stems`; the condition
  // binds `*param` exactly once, or nothing when it sets *param to "". Must select a superset
  // of the true matches (the shared code decides which match); the same passages on every
  // backend is best for speed, not needed for parity. Throws soci::soci_error.
  virtual std::string CandidateFrom() const = 0;
  virtual std::string CandidateWhere(soci::session& s, const std::vector<std::string>& stems,
                                     std::string* param) const = 0;
  // Rows a bulk INSERT writes per statement: 1 for an embedded database (a prepared one-row
  // statement run per row costs no round trip; SQLite parses named parameters in quadratic
  // time), hundreds for a database across the network (one round trip per statement).
  virtual std::size_t RowsPerInsert() const = 0;
  // A query answering one text that changes whenever any transaction that wrote has committed
  // since it was last asked (Store::WriteStamp).
  virtual std::string WriteStampQuery() const = 0;

  // Loading a dump keeps the audit log's ids: what an INSERT needs to write an identity column
  // ("" or " OVERRIDING SYSTEM VALUE"), and what brings the table's id generator past the
  // highest id afterwards. Throws soci::soci_error.
  virtual std::string OverridingIdentity() const = 0;
  virtual void AfterExplicitIds(soci::session& s, const std::string& table) const = 0;

  virtual Status Backup(soci::session& s, std::string_view path) const = 0;
  virtual Status Restore(soci::session& s, std::string_view path) const = 0;
};

// SQL text shared by both search implementations: which versions a search covers.
// Appends to `where` the condition on framework_versions alias `fv`.
std::string SearchVersionFilter(const SearchOptions& options);

// The file of an sqlite: URL; its parameters (?synchronous=FULL) are applied to `options`.
// kInvalidArgument for no file, an unknown parameter or value.
Result<std::string> ParseSqliteUrl(std::string_view url, OpenOptions& options);

std::unique_ptr<Dialect> MakeSqliteDialect(std::string path, const OpenOptions& options);
// kFailedPrecondition when the PostgreSQL module (postgres/postgres_module.h) cannot be loaded.
Result<std::unique_ptr<Dialect>> MakePostgresDialect(std::string url, const OpenOptions& options);

}  // namespace ladder::storage::internal
