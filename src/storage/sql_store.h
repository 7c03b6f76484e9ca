// The Store on an SQL database through SOCI: every operation of store.h written once in SQL that
// SQLite and PostgreSQL both accept, with a Dialect (dialect.h) for what differs.
// Internal to storage/; OpenStore (store.h) is the way in.
//
// Connections: a fixed pool; each operation borrows one for its duration. Writes run in a
// transaction with their audit entry; WithTransaction pins one connection and hands fn a store
// bound to it. Thread-safe.
#pragma once

#include <memory>

#include "storage/dialect.h"
#include "storage/store.h"

namespace ladder::storage::internal {

// Opens the pool, runs the migrations (unless options.migrate is false) and returns the store.
Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<Dialect> dialect,
                                            const OpenOptions& options);

}  // namespace ladder::storage::internal
