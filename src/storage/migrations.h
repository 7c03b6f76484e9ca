// The schema migrations of each backend, embedded into the binary at build time from
// storage/migrations/{sqlite,postgres}/NNN_name.sql (see storage/CMakeLists.txt), and the
// runner that applies them. Internal to storage/.
//
// Migrations are numbered from 1 without gaps; the schema_version table records each one
// applied. Running them again changes nothing; a database whose schema is newer than the last
// migration this binary knows is refused, untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ladder::storage::internal {

struct Migration {
  int number = 0;
  std::string name;  // "initial"
  std::string_view sql;
};

// Ordered by number. Generated (embedded_migrations.cc).
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace ladder::storage::internal
