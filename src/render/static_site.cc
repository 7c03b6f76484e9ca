#include "render/static_site.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <thread>
#include <vector>

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

Result<StaticSiteStats> WriteStaticSite(const Site& site, const std::filesystem::path& out,
                                        unsigned threads) {
  const std::vector<std::string> paths = site.Paths();
  std::set<std::filesystem::path> dirs;
  for (const std::string& path : paths) dirs.insert((out / path).parent_path());
  for (const std::filesystem::path& dir : dirs) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return MakeError(ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message());
  }

  // Each page depends only on the site, so pages are rendered and written by several threads
  // in any order and the files are the same. Workers take the next path from a shared counter;
  // an error stops them, and the first error in path order among the pages attempted is
  // reported.
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(1, paths.size())));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::optional<Error>> errors(paths.size());
  std::vector<size_t> bytes(paths.size(), 0);
  auto work = [&] {
    for (size_t i; !failed.load(std::memory_order_relaxed) &&
                   (i = next.fetch_add(1, std::memory_order_relaxed)) < paths.size();) {
      Result<Page> page = site.Render(paths[i]);
      Status written =
          page ? WriteFile(out / paths[i], page->body) : Status(std::unexpected(page.error()));
      if (!written) {
        errors[i] = written.error();
        failed.store(true, std::memory_order_relaxed);
        continue;
      }
      bytes[i] = page->body.size();
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  pool.clear();  // joins

  StaticSiteStats stats;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (errors[i]) return std::unexpected(*errors[i]);
    stats.bytes += bytes[i];
  }
  stats.files = paths.size();
  return stats;
}

}  // namespace ladder::render
