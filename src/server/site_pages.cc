// The published site (render/site.h) as the server shows it: built from the store's published
// versions and rebuilt when they change; its pages kept once rendered, with their ETag.
#include <spdlog/spdlog.h>

#include "app/published_site.h"
#include "base/metrics.h"
#include "server/exchange.h"
#include "server/server.h"

namespace ladder::server::internal {
namespace {

// Pages of the published site kept after their first rendering. Bounded so that a crawler
// walking every compare pair of a huge framework cannot exhaust memory; beyond the bound pages
// are rendered on every request.
constexpr size_t kMaxCachedPages = 20000;

// The signature of what the site shows: every published version with its publication time.
Result<std::string> PublishedSignature(storage::Store& store) {
  LADDER_TRY(std::vector<storage::FrameworkInfo> frameworks, store.ListFrameworks());
  std::string sig;
  for (const storage::FrameworkInfo& f : frameworks)
    for (const storage::VersionInfo& v : f.versions)
      if (v.status == model::FrameworkStatus::kPublished)
        sig += f.id + "@" + v.version + "@" + v.published_at + "\n";
  return sig;
}

PageCache& CacheOf(const Services& s) { return *s.pages; }

}  // namespace

Status Services::ReloadSite(bool force) {
  std::lock_guard lock(reload_mutex);
  LADDER_TRY(std::string sig, PublishedSignature(store));
  if (!force && sig == site_signature && site.load()) return Ok();
  LADDER_TRY(std::vector<model::Framework> frameworks, app::LoadPublished(store));
  std::vector<std::string> warnings;
  render::SiteOptions site_options =
      app::SiteOptionsFor(frameworks, OutputSettingsOf(options), {}, warnings);
  for (const std::string& w : warnings) spdlog::warn("{}", w);
  LADDER_TRY(std::unique_ptr<render::Site> built,
             render::Site::Build(std::move(frameworks), std::move(site_options)));
  site.store(std::shared_ptr<const render::Site>(std::move(built)));
  site_signature = std::move(sig);
  PageCache& cache = CacheOf(*this);
  std::unique_lock cache_lock(cache.mutex);
  cache.pages.clear();
  return Ok();
}

Status Healthz(Exchange& x) {
  x.res.set_header("Cache-Control", "no-cache");
  x.res.set_content("ok\n", "text/plain; charset=utf-8");
  return Ok();
}

std::shared_ptr<const CachedPage> CachedSitePage(const Services& services,
                                                 const std::string& path) {
  PageCache& cache = CacheOf(services);
  std::shared_lock lock(cache.mutex);
  auto it = cache.pages.find(path);
  if (it == cache.pages.end()) return nullptr;
  metrics::CountCacheLookup("page", true);  // a miss is counted where the page is rendered
  return it->second;
}

void ServeSitePage(Exchange& x, const CachedPage& page, bool cacheable) {
  // The account navigation differs per viewer: it takes part in the ETag, and pages seen by a
  // signed-in user are private to them.
  std::string nav = page.has_slot ? render::RenderAccountNav(x.Viewer()) : "";
  std::string etag = page.has_slot ? ETagOf(page.etag + nav) : page.etag;
  x.res.set_header("ETag", etag);
  x.res.set_header("Vary", "Accept-Encoding, Cookie");
  if (x.req.path.starts_with("/static/")) {
    x.res.set_header("Cache-Control", "public, max-age=86400");
  } else if (x.principal.SignedIn()) {
    x.res.set_header("Cache-Control", "private, no-cache");
  } else {
    x.res.set_header("Cache-Control",
                     page.published && cacheable ? "public, max-age=300" : "no-cache");
  }
  if (x.req.get_header_value("If-None-Match") == etag) {
    x.res.status = 304;
    return;
  }
  x.res.set_content(page.head + nav + page.tail, page.content_type);
}

Status SitePage(Exchange& x) {
  std::shared_ptr<const render::Site> site = x.services.Site();
  if (!site) return Fail(Error{ErrorCode::kUnavailable, "the site is not loaded yet", {}, {}});
  std::map<std::string, std::string> query;
  if (size_t q = x.req.target.find('?'); q != std::string::npos)
    for (auto& [key, value] : ParseQuery(std::string_view(x.req.target).substr(q + 1)))
      query.emplace(key, value);
  const std::string& path = x.req.path;
  const bool cacheable = query.empty();
  std::shared_ptr<const CachedPage> page = cacheable ? CachedSitePage(x.services, path) : nullptr;
  if (!page) {
    if (cacheable) metrics::CountCacheLookup("page", false);
    Result<render::Page> rendered = site->Render(path, query);
    if (!rendered) return Fail(rendered.error());
    auto built = std::make_shared<CachedPage>();
    built->content_type = std::move(rendered->content_type);
    built->published = rendered->published;
    const std::string& body = rendered->body;
    size_t slot = built->content_type.rfind("text/html", 0) == 0
                      ? body.find(render::kAccountNavSlot)
                      : std::string::npos;
    if (slot == std::string::npos) {
      built->head = body;
    } else {
      built->has_slot = true;
      built->head = body.substr(0, slot);
      built->tail = body.substr(slot + render::kAccountNavSlot.size());
    }
    built->etag = ETagOf(built->head + built->tail);
    page = built;
    if (cacheable) {
      PageCache& cache = CacheOf(x.services);
      std::unique_lock lock(cache.mutex);
      if (cache.pages.size() < kMaxCachedPages) cache.pages.emplace(path, page);
    }
  }
  ServeSitePage(x, *page, cacheable);
  return Ok();
}

}  // namespace ladder::server::internal
