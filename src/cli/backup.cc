// `ladder backup FILE [--database URL]`: writes a consistent copy of an SQLite database to FILE
// while it stays in use (SQLite's online backup API). FILE must not exist yet. For PostgreSQL
// the command refuses and points to pg_dump (docs/operations.md).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct BackupOptions {
  std::string file;
  std::string database;
};

Result<int> RunBackup(const BackupOptions& o) {
  std::error_code ec;
  if (std::filesystem::exists(o.file, ec))
    return Fail(Error{ErrorCode::kAlreadyExists,
                      "exists already; choose a new file for the backup",
                      {o.file, 0, 0},
                      ""});
  auto store = storage::OpenStore(storage::DatabaseUrlFrom(o.database));
  if (!store) return Fail(store.error());
  if (Status st = (*store)->Backup(o.file); !st) return Fail(st.error());
  std::fprintf(stderr, "backed up to %s\n", o.file.c_str());
  return kExitOk;
}

void SetUpBackup(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand("backup", "Copy the (SQLite) database to a file while in use");
  auto o = std::make_shared<BackupOptions>();
  cmd->add_option("file", o->file, "The backup file to write (must not exist)")->required();
  cmd->add_option("--database", o->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  runs.push_back({cmd, [o] { return RunBackup(*o); }});
}

}  // namespace
LADDER_COMMAND(80, SetUpBackup);
}  // namespace ladder::cli
