// Writes a Site as static files (`ladder render --out DIR`): every path of Site::Paths() under
// `out`, directories created as needed. Files are written whole (no timestamps, stable order),
// so rendering the same frameworks twice gives identical bytes. Existing files with the same
// names are replaced; other files in `out` are left alone.
#pragma once

#include <filesystem>

#include "base/error.h"
#include "render/site.h"

namespace ladder::render {

struct StaticSiteStats {
  size_t files = 0;
  size_t bytes = 0;
};

// Pages are rendered and written on `threads` threads (0: one per core); the files do not
// depend on the number of threads. An error stops the writing (files written stay) and is
// reported with its path.
// REQUIRES: `site` was built with SiteOptions::static_site. Errors: kIo with the path.
Result<StaticSiteStats> WriteStaticSite(const Site& site, const std::filesystem::path& out,
                                        unsigned threads = 0);

}  // namespace ladder::render
