// A framework version before it is published: shown as its real pages (the published site's
// templates, with the changelog against the version published before it), and the step that
// publishes it once the author has seen what changes.
#include "app/change_requests.h"
#include "app/outputs.h"
#include "render/site.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {

Result<std::optional<model::Framework>> PublishedBefore(Exchange& x, const std::string& framework,
                                                        const std::string& version) {
  LADDER_TRY(std::vector<storage::VersionInfo> versions, x.services.store.ListVersions(framework));
  const storage::VersionInfo* base = nullptr;
  for (const storage::VersionInfo& v : versions)
    if (v.status == model::FrameworkStatus::kPublished && render::VersionLess(v.version, version) &&
        (!base || render::VersionLess(base->version, v.version)))
      base = &v;
  if (!base) return std::optional<model::Framework>();
  LADDER_TRY(model::Framework f, x.services.store.GetFramework(framework, base->version));
  return std::optional<model::Framework>(std::move(f));
}

namespace {

// The site a version is previewed in: that version shown, the published one before it feeding
// the changelog. Built once per version and write stamp (Services::previews_cache).
Result<std::shared_ptr<const render::Site>> PreviewSite(Exchange& x, const model::Framework& f) {
  const std::string key = f.id + "@" + f.version;
  if (auto hit = x.services.previews_cache.Get(key, x.Stamp())) return *hit;
  LADDER_TRY(std::optional<model::Framework> base, PublishedBefore(x, f.id, f.version));
  std::vector<model::Framework> frameworks;
  if (base) frameworks.push_back(std::move(*base));
  frameworks.push_back(f);
  std::vector<std::string> warnings;
  render::SiteOptions options =
      app::SiteOptionsFor(frameworks, OutputSettingsOf(x.services.options), {}, warnings);
  LADDER_TRY(std::unique_ptr<render::Site> built,
             render::Site::Build(std::move(frameworks), std::move(options)));
  std::shared_ptr<const render::Site> site = std::move(built);
  if (!x.Stamp().empty()) x.services.previews_cache.Put(key, x.Stamp(), site);
  return site;
}

// A page of the preview: the account navigation where the site's pages leave room for it, and
// at the top of the content a line saying which version this is.
Status SendPreviewPage(Exchange& x, const model::Framework& f, const render::Page& page) {
  static constexpr std::string_view kMain = "<main id=\"main\" tabindex=\"-1\">";
  std::string body = page.body;
  if (size_t main = body.find(kMain); main != std::string::npos)
    body.insert(main + kMain.size(), render::RenderPreviewNotice(f));
  if (size_t slot = body.find(render::kAccountNavSlot); slot != std::string::npos)
    body.replace(slot, render::kAccountNavSlot.size(), render::RenderAccountNav(x.Viewer()));
  x.res.set_header("Cache-Control", "private, no-store");
  x.res.set_content(std::move(body), page.content_type);
  return Ok();
}

}  // namespace

Status ShowPublish(Exchange& x, render::Flash flash, int status) {
  const std::string id = x.Param("framework"), version = x.Param("version");
  LADDER_TRY(model::Framework f, x.services.store.GetFramework(id, version));
  render::PublishView v;
  v.framework = f;
  LADDER_TRY(std::optional<model::Framework> base, PublishedBefore(x, id, version));
  if (base) {
    v.base_version = base->version;
    v.diff = analysis::DiffFrameworks(*base, f);
  }
  if (f.status == model::FrameworkStatus::kDraft) {
    LADDER_TRY(v.leaks, LeaksStopPublishing(x, id, version));
    // What the gate would refuse it for; a refusal here is shown, not an error of the page.
    if (Status approval = app::CheckApproval(x.services.store, id, version); !approval) {
      if (approval.error().code != ErrorCode::kFailedPrecondition) return approval;
      v.approval = approval.error().message;
    }
    LADDER_TRY(std::vector<model::ChangeRequest> requests,
               x.services.store.ListChangeRequests({id, version, {}}));
    for (model::ChangeRequest& r : requests)
      if (!model::IsTerminal(r.status)) v.pending = std::move(r);
  }
  v.flash = std::move(flash);
  x.Html(render::RenderPublish(x.Viewer(), v), status);
  return Ok();
}

Status PreviewPage(Exchange& x) {
  LADDER_TRY(model::Framework f,
             x.services.store.GetFramework(x.Param("framework"), x.Param("version")));
  LADDER_TRY(std::shared_ptr<const render::Site> site, PreviewSite(x, f));
  std::map<std::string, std::string> query;
  if (size_t q = x.req.target.find('?'); q != std::string::npos)
    for (auto& [key, value] : ParseQuery(std::string_view(x.req.target).substr(q + 1)))
      query.emplace(key, value);
  LADDER_TRY(render::Page page, site->Render(x.Param("page"), query));
  return SendPreviewPage(x, f, page);
}

Status PublishPage(Exchange& x) {
  render::Flash flash;
  if (!x.Query("done").empty()) {
    LADDER_TRY(model::Framework f,
               x.services.store.GetFramework(x.Param("framework"), x.Param("version")));
    if (f.status == model::FrameworkStatus::kPublished)
      flash.notice = f.DisplayName() + " " + f.version + " is published.";
  }
  return ShowPublish(x, std::move(flash), 200);
}

}  // namespace ladder::server::internal
