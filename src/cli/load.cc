// `ladder load FILE... [--publish] [--database URL]`: stores frameworks written in Ladder's
// canonical format (YAML, or JSON for files ending in .json) in the database, all in one
// transaction (app/import_into.h): if one file cannot be read or stored, nothing is stored and
// the error names the file. Each framework becomes a draft version, published with --publish.
// Prints one line per framework: "stored support@2024.1 (published)".
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "app/import_into.h"
#include "base/text.h"
#include "cli/command.h"
#include "formats/canonical.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

struct LoadOptions {
  std::vector<std::string> files;
  std::string database;
  bool publish = false;
};

Result<model::Framework> ReadFrameworkFile(const std::string& path) {
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return MakeError(ErrorCode::kIo, "cannot read: " + ec.message(), {path, 0, 0});
  if (size > formats::kMaxDocumentBytes)
    return MakeError(ErrorCode::kResourceExhausted, "the file is over the size limit",
                     {path, 0, 0});
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, "cannot open the file", {path, 0, 0});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text::EndsWith(text::ToLower(path), ".json")) return formats::ReadJson(text, path);
  return formats::ReadYaml(text, path);
}

Result<int> RunLoad(const LoadOptions& o) {
  std::vector<model::Framework> frameworks;
  for (const std::string& file : o.files) {
    auto f = ReadFrameworkFile(file);
    if (!f) return Fail(f.error());
    frameworks.push_back(std::move(*f));
  }
  auto store = storage::OpenStore(storage::DatabaseUrlFrom(o.database));
  if (!store) return Fail(store.error());
  auto stored = app::StoreFrameworks(**store, std::move(frameworks), o.publish, app::TodayUtc(),
                                     app::CliActor());
  if (!stored) return Fail(stored.error());
  for (const auto& s : *stored)
    std::printf("stored %s@%s (%s)\n", s.framework.c_str(), s.version.c_str(),
                app::StoreOutcomeName(s.outcome));
  return kExitOk;
}

void SetUpLoad(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "load", "Store canonical YAML/JSON frameworks in the database (one transaction)");
  auto o = std::make_shared<LoadOptions>();
  cmd->add_option("files", o->files, "Framework files (.yaml, .yml or .json)")->required();
  cmd->add_flag("--publish", o->publish, "Publish the stored versions (they become immutable)");
  cmd->add_option("--database", o->database,
                  "Database URL (default: $LADDER_DATABASE, else sqlite:ladder.db)");
  runs.push_back({cmd, [o] { return RunLoad(*o); }});
}

}  // namespace
LADDER_COMMAND(55, SetUpLoad);
}  // namespace ladder::cli
