#include "cli/dump.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

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

int RunExportAll(const std::string& out, const std::string& database) {
  auto store = OpenExistingStore(database);
  if (!store) return ReportError(store.error());
  auto dump = (*store)->ExportDump();
  if (!dump) return ReportError(dump.error());
  if (out.empty() || out == "-") {
    std::fwrite(dump->data(), 1, dump->size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(out, *dump);
  if (!written) return ReportError(written.error());
  std::fprintf(stderr, "wrote the dump of %s to %s\n", std::string((*store)->Backend()).c_str(),
               out.c_str());
  return kExitOk;
}

bool LooksLikeDump(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

int RunRestoreDump(const std::string& path, const std::string& database) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReportError(Error{ErrorCode::kIo, "cannot open the dump", {path, 0, 0}, ""});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto store = storage::OpenStore(storage::DatabaseUrlFrom(database));
  if (!store) return ReportError(store.error());
  Status loaded = (*store)->ImportDump(text);
  if (!loaded) {
    Error e = loaded.error();
    if (e.where.line > 0 && e.where.file.empty()) e.where.file = path;
    return ReportError(e);
  }
  std::fprintf(stderr, "restored the dump %s into %s\n", path.c_str(),
               std::string((*store)->Backend()).c_str());
  return kExitOk;
}

}  // namespace ladder::cli
