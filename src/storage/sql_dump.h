// The portable dump (Store::ExportDump / ImportDump) on an SQL database: the tables that hold
// what Ladder keeps, written as JSON rows by column name, and read back into an empty database.
// Internal to storage/.
//
// Format (docs/operations.md, "Portable dump"):
//   {"format":"ladder-dump","dump_version":1,"schema":N,"secrets":[...],
//   "framework_versions":[
//   {"framework":"support","version":"2024.1",...,"document":{...}},
//   ...],
//   "people":[ ... ], ... "audit_log":[ ... ]
//   }
// One row per line, rows in primary-key order (bytewise, whatever the database's collation),
// JSON columns (`doc`, `document`) embedded as objects. Levels, roles and search passages are
// not dumped: they are derived from the framework documents and rebuilt on import.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/soci.h"

#include "base/error.h"
#include "model/framework.h"
#include "storage/dialect.h"

namespace ladder::storage::internal {

// The tables a dump holds, in load order, and the derived ones it rebuilds instead. Every table
// of the schema is one or the other (sql_dump_test.cc checks it on both backends): a migration
// that adds a table adds it here too.
std::vector<std::string> DumpedTables();
std::vector<std::string> DerivedTables();

// Reads every dumped table; with `secrets` false, credentials are left out (DumpOptions in
// store.h). Throws soci::soci_error.
Result<std::string> WriteDump(soci::session& s, int schema, bool secrets);

// Writes a dump into the (checked empty) database inside the caller's transaction.
// `put_framework_rows` rebuilds the derived rows of each framework version once its
// framework_versions row is in. Throws soci::soci_error.
Status ReadDump(soci::session& s, const Dialect& dialect, int known_schema, std::string_view text,
                const std::function<Status(const model::Framework&)>& put_framework_rows);

}  // namespace ladder::storage::internal
