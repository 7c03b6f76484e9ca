// The portable dump (Store::ExportDump / ImportDump) on an SQL database: the record tables of
// the schema description (schema.h), written as JSON rows by column name, and read back into an
// empty database. Internal to storage/.
//
// Format (docs/operations.md, "Portable dump"):
//   {"format":"ladder-dump","dump_version":1,"schema":N,"secrets":[...],
//   "framework_versions":[
//   {"framework":"support","version":"2024.1",...,"document":{...}},
//   ...],
//   "people":[ ... ], ... "audit_log":[ ... ]
//   }
// One row per line, rows in primary-key order (bytewise, whatever the database's collation),
// JSON columns (`doc`, `document`) embedded as objects, an empty date as null. Derived tables
// (levels, roles, search passages) are not dumped: they are rebuilt from the framework
// documents on load. A dump of an older schema loads too: a column it does not have takes its
// empty value, and its record documents are brought up to the current encoding.
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

// Reads every dumped table; with `secrets` false, credentials are left out (DumpOptions in
// types.h). Throws soci::soci_error.
Result<std::string> WriteDump(soci::session& s, int schema, bool secrets);

// Writes a dump into the (checked empty) database inside the caller's transaction and returns
// the dump's schema. `put_framework_rows` rebuilds the derived rows of each framework version
// once its framework_versions row is in. Throws soci::soci_error.
Result<int> ReadDump(soci::session& s, const Dialect& dialect, int known_schema,
                     std::string_view text,
                     const std::function<Status(const model::Framework&)>& put_framework_rows);

}  // namespace ladder::storage::internal
