#include "cli/framework_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"

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

Result<model::Framework> LoadFramework(const std::string& path, bool validate) {
  LADDER_TRY(std::string text, ReadInputFile(path));
  const std::string name = path == "-" ? "<stdin>" : path;
  if (text::EndsWith(text::ToLower(path), ".json"))
    return validate ? formats::ReadJson(text, name) : formats::ParseJson(text, name);
  return validate ? formats::ReadYaml(text, name) : formats::ParseYaml(text, name);
}

Status WriteOutputFile(const std::string& path, std::string_view text) {
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

}  // namespace ladder::cli
