#include "app/framework_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"

namespace ladder::app {
namespace {

bool IsFrameworkFile(const std::filesystem::path& p) {
  std::string ext = text::ToLower(p.extension().string());
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

}  // namespace

Result<std::vector<std::string>> ExpandFrameworkPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec))
        if (entry.is_regular_file() && IsFrameworkFile(entry.path()))
          found.push_back(entry.path().string());
      if (ec) return MakeError(ErrorCode::kIo, "cannot list " + path + ": " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (!std::filesystem::exists(path, ec)) {
      return MakeError(ErrorCode::kIo, "no such file: " + path, SourceLocation{path, 0, 0});
    } else {
      out.push_back(path);
    }
  }
  return out;
}

Result<std::vector<model::Framework>> ReadFrameworkFiles(const std::vector<std::string>& paths) {
  std::vector<model::Framework> frameworks;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kIo, "cannot read " + path, SourceLocation{path, 0, 0});
    std::ostringstream buf;
    buf << in.rdbuf();
    bool json = text::EndsWith(text::ToLower(path), ".json");
    LADDER_TRY(model::Framework f,
               json ? formats::ReadJson(buf.str(), path) : formats::ReadYaml(buf.str(), path));
    frameworks.push_back(std::move(f));
  }
  return frameworks;
}

std::string ExamplesDir() {
  std::error_code ec;
  if (std::filesystem::is_directory("examples", ec)) return "examples";
  // The binary lives in build/ of the source tree (build/ladder), beside examples/, or is
  // installed (PREFIX/bin/ladder, PREFIX/share/ladder/examples).
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path bin = exe.parent_path();
    for (const std::filesystem::path& dir : {bin.parent_path() / "examples", bin / "examples",
                                             bin.parent_path() / "share" / "ladder" / "examples"})
      if (std::filesystem::is_directory(dir, ec)) return dir.string();
  }
  return "examples";
}

}  // namespace ladder::app
