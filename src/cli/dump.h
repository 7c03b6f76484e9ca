// The portable dump from the command line (storage::Store::ExportDump, docs/operations.md):
// `ladder export --all [-o FILE]` writes it, `ladder restore FILE` loads one into an empty
// database of either backend. And opening a database that must already exist.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"
#include "storage/store.h"

namespace ladder::cli {

// Opens the database named by `flag` (storage::DatabaseUrlFrom) for a command that only reads
// it: an SQLite file that does not exist is kNotFound "no database at 'PATH'", never created.
Result<std::unique_ptr<storage::Store>> OpenExistingStore(const std::string& flag);

// `ladder export --all`: the dump of the database `database` to `out` ("" or "-": stdout;
// a file is written whole or not at all), credentials only with `include_secrets`. The exit
// code, or the error that stopped it.
Result<int> RunExportAll(const std::string& out, const std::string& database, bool include_secrets);

// True when `text` is a dump rather than an SQLite backup (it starts with '{').
bool LooksLikeDump(std::string_view text);

// `ladder restore DUMP`: loads the dump in `path` into the (empty) database, and names the
// accounts that have no password (a dump without secrets) and must be given one. The exit
// code, or the error that stopped it.
Result<int> RunRestoreDump(const std::string& path, const std::string& database);

}  // namespace ladder::cli
