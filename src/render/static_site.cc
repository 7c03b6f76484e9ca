#include "render/static_site.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

namespace ladder::render {
namespace {

Status WriteFile(const std::filesystem::path& path, std::string_view body) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f)
    return MakeError(ErrorCode::kIo, "cannot write " + path.string() + ": " + std::strerror(errno));
  size_t written = std::fwrite(body.data(), 1, body.size(), f);
  bool closed = std::fclose(f) == 0;
  if (written != body.size() || !closed)
    return MakeError(ErrorCode::kIo, "cannot write " + path.string() + ": " + std::strerror(errno));
  return Ok();
}

}  // namespace

Result<StaticSiteStats> WriteStaticSite(const Site& site, const std::filesystem::path& out) {
  StaticSiteStats stats;
  std::set<std::filesystem::path> made;
  for (const std::string& path : site.Paths()) {
    LADDER_TRY(Page page, site.Render(path));
    std::filesystem::path file = out / path;
    std::filesystem::path dir = file.parent_path();
    if (!made.count(dir)) {
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (ec)
        return MakeError(ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message());
      made.insert(dir);
    }
    LADDER_TRY_STATUS(WriteFile(file, page.body));
    ++stats.files;
    stats.bytes += page.body.size();
  }
  return stats;
}

}  // namespace ladder::render
