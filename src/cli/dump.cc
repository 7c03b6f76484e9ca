#include "cli/dump.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "base/text.h"
#include "cli/command.h"
#include "cli/framework_file.h"

namespace ladder::cli {

Result<std::unique_ptr<storage::Store>> OpenExistingStore(const std::string& flag) {
  const std::string url = storage::DatabaseUrlFrom(flag);
  if (const std::string file = storage::SqliteFileOf(url); !file.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
      return MakeError(ErrorCode::kNotFound,
                       "no database at '" + file +
                           "' (store frameworks with `ladder load` or `ladder import --into`, or "
                           "name the database with --database or LADDER_DATABASE)");
  }
  return storage::OpenStore(url);
}

Result<int> RunExportAll(const std::string& out, const std::string& database,
                         bool include_secrets) {
  auto store = OpenExistingStore(database);
  if (!store) return Fail(store.error());
  auto dump = (*store)->ExportDump({.secrets = include_secrets});
  if (!dump) return Fail(dump.error());
  if (out.empty() || out == "-") {
    std::fwrite(dump->data(), 1, dump->size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(out, *dump);
  if (!written) return Fail(written.error());
  std::fprintf(stderr, "wrote the dump of %s to %s (%s)\n",
               std::string((*store)->Backend()).c_str(), out.c_str(),
               include_secrets ? "with password hashes, sessions and API tokens"
                               : "without password hashes, sessions and API tokens");
  return kExitOk;
}

bool LooksLikeDump(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

Result<int> RunRestoreDump(const std::string& path, const std::string& database) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error{ErrorCode::kIo, "cannot open the dump", {path, 0, 0}, ""});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto store = storage::OpenStore(storage::DatabaseUrlFrom(database));
  if (!store) return Fail(store.error());
  Status loaded = (*store)->ImportDump(text);
  if (!loaded) {
    Error e = loaded.error();
    if (e.where.line > 0 && e.where.file.empty()) e.where.file = path;
    return Fail(e);
  }
  std::fprintf(stderr, "restored the dump %s into %s\n", path.c_str(),
               std::string((*store)->Backend()).c_str());
  // A dump without secrets: its accounts sign in once an admin has set their passwords.
  std::vector<std::string> without;
  if (Result<std::vector<model::User>> users = (*store)->ListUsers(); users)
    for (const model::User& u : *users)
      if (u.password_hash.empty()) without.push_back(u.id);
  if (!without.empty())
    std::fprintf(stderr,
                 "%zu %s no password (the dump was written without secrets): set one with "
                 "`ladder user passwd USER` before they can sign in: %s\n",
                 without.size(), without.size() == 1 ? "account has" : "accounts have",
                 text::Join(without, ", ").c_str());
  return kExitOk;
}

}  // namespace ladder::cli
