#include "cli/framework_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"
#include "storage/store.h"

namespace ladder::cli {

Result<std::string> ReadInputFile(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return MakeError(ErrorCode::kIo, "no such file", {path, 0, 0});
  if (std::filesystem::is_directory(path, ec))
    return MakeError(ErrorCode::kIo, "is a directory, not a framework file", {path, 0, 0});
  // Refuse oversized files before reading them into memory.
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > formats::kMaxDocumentBytes)
    return MakeError(ErrorCode::kResourceExhausted,
                     "the file is " + std::to_string(size >> 20) + " MB, over the limit of " +
                         std::to_string(formats::kMaxDocumentBytes >> 20) +
                         " MB for a framework file",
                     {path, 0, 0});
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, "cannot open the file", {path, 0, 0});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError(ErrorCode::kIo, "cannot read the file", {path, 0, 0});
  return text;
}

namespace {

Result<model::Framework> LoadStored(std::string_view ref, const std::string& database) {
  std::string_view name = ref.substr(kStoredPrefix.size());
  std::string_view version;
  if (size_t at = name.find('@'); at != std::string_view::npos) {
    version = name.substr(at + 1);
    name = name.substr(0, at);
  }
  if (name.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + std::string(ref) + "': name a stored framework as stored:ID or " +
                         "stored:ID@VERSION");
  const std::string url = storage::DatabaseUrlFrom(database);
  // Reading must not leave an empty database behind where there was none.
  if (const std::string file = storage::SqliteFileOf(url); !file.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
      return MakeError(ErrorCode::kNotFound,
                       "no database at '" + file +
                           "' (store frameworks with `ladder load`, or name the database with "
                           "--database or LADDER_DATABASE)");
  }
  LADDER_TRY(std::unique_ptr<storage::Store> store, storage::OpenStore(url));
  return store->GetFramework(name, version);
}

}  // namespace

Result<model::Framework> LoadFramework(const std::string& ref, bool validate,
                                       const std::string& database) {
  if (text::StartsWith(ref, kStoredPrefix)) return LoadStored(ref, database);
  const std::string& path = ref;
  LADDER_TRY(std::string text, ReadInputFile(path));
  const std::string name = path == "-" ? "<stdin>" : path;
  if (text::EndsWith(text::ToLower(path), ".json"))
    return validate ? formats::ReadJson(text, name) : formats::ParseJson(text, name);
  return validate ? formats::ReadYaml(text, name) : formats::ParseYaml(text, name);
}

void AddDatabaseOption(CLI::App* command, std::string& database) {
  command->add_option("--database", database,
                      "Database of stored:ID[@VERSION] frameworks (default: $LADDER_DATABASE, "
                      "else sqlite:ladder.db)");
}

Status WriteOutputFile(const std::string& path, std::string_view text) {
  // A device or a pipe (-o /dev/null, -o /dev/stdout) is written to, never renamed over: as
  // root, renaming a file onto /dev/null would replace the device for the whole machine.
  std::error_code special_ec;
  auto status = std::filesystem::status(path, special_ec);
  if (!special_ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    if (std::filesystem::is_directory(status))
      return MakeError(ErrorCode::kIo, "is a directory", {path, 0, 0});
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) return MakeError(ErrorCode::kIo, "cannot write the file", {path, 0, 0});
    return Ok();
  }
  const std::string temp = path + ".ladder-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      return MakeError(ErrorCode::kIo, "cannot write the file", {path, 0, 0});
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    return MakeError(ErrorCode::kIo, "cannot write the file: " + ec.message(), {path, 0, 0});
  }
  return Ok();
}

Status WriteOutputFolder(const std::string& dir, const std::vector<formats::ExportedFile>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      return MakeError(ErrorCode::kAlreadyExists, "exists and is not a folder", {dir, 0, 0});
    if (!fs::is_empty(dir, ec))
      return MakeError(ErrorCode::kAlreadyExists,
                       "the folder is not empty: name a new or empty folder (files left from "
                       "an earlier export would be read with these)",
                       {dir, 0, 0});
  }
  const fs::path temp = fs::path(dir).lexically_normal().string() + ".ladder-tmp";
  fs::remove_all(temp, ec);
  auto fail = [&](const std::string& what) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    return MakeError(ErrorCode::kIo, what, {dir, 0, 0});
  };
  if (!fs::create_directories(temp, ec)) return fail("cannot create the folder: " + ec.message());
  for (const formats::ExportedFile& f : files) {
    const fs::path path = temp / f.path;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(f.text.data(), static_cast<std::streamsize>(f.text.size()));
    out.flush();
    if (!out) return fail("cannot write " + f.path);
  }
  if (fs::exists(dir, ec)) fs::remove(dir, ec);  // the empty folder it replaces
  fs::rename(temp, dir, ec);
  if (ec) return fail("cannot write the folder: " + ec.message());
  return Ok();
}

}  // namespace ladder::cli
