// `ladder restore FILE [--database URL]`, for two kinds of FILE:
//  - a backup written by `ladder backup`: replaces the whole content of an SQLite database. The
//    file is checked first (a Ladder database, not newer than this binary); if it is not,
//    nothing changes. For PostgreSQL the command refuses and points to pg_restore
//    (docs/operations.md).
//  - a portable dump written by `ladder export --all` (cli/dump.h): loads it into an EMPTY
//    database of either backend in one transaction; a database that holds anything is refused
//    and left as it was.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/command.h"
#include "cli/dump.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct RestoreOptions {
  std::string file;
  std::string database;
};

Result<int> RunRestore(const RestoreOptions& o) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(o.file, ec))
    return Fail(Error{ErrorCode::kNotFound, "no such backup file", {o.file, 0, 0}, ""});
  {
    std::ifstream head(o.file, std::ios::binary);
    std::string start(64, '\0');
    head.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<size_t>(head.gcount()));
    if (LooksLikeDump(start)) return RunRestoreDump(o.file, o.database);
  }
  auto store = storage::OpenStore(storage::DatabaseUrlFrom(o.database));
  if (!store) return Fail(store.error());
  if (Status st = (*store)->Restore(o.file); !st) return Fail(st.error());
  std::fprintf(stderr, "restored from %s\n", o.file.c_str());
  return kExitOk;
}

void SetUpRestore(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "restore",
      "Replace the (SQLite) database with a backup, or load a dump (ladder export --all) into "
      "an empty database");
  auto o = std::make_shared<RestoreOptions>();
  cmd->add_option("file", o->file, "A file written by ladder backup or ladder export --all")
      ->required();
  cmd->add_option("--database", o->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  runs.push_back({cmd, [o] { return RunRestore(*o); }});
}

}  // namespace
LADDER_COMMAND(81, SetUpRestore);
}  // namespace ladder::cli
