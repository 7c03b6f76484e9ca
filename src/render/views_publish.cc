// Publishing a version from the app: what it changes against the version published before it,
// and the line that marks a previewed page (app_views.h: RenderPublish, RenderPreviewNotice).
#include "analysis/diff.h"
#include "base/text.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

using namespace internal;

namespace {

// "ic/E2, ic/E3 and 4 more": at most `shown` names.
std::string Some(const std::vector<std::string>& names, size_t shown = 6) {
  if (names.size() <= shown) return text::Join(names, ", ");
  std::vector<std::string> first(names.begin(), names.begin() + static_cast<long>(shown));
  return text::Join(first, ", ") + " and " + std::to_string(names.size() - shown) + " more";
}

}  // namespace

namespace internal {

std::vector<std::string> ChangeSummary(const analysis::FrameworkDiff& d) {
  using analysis::ChangeKind;
  std::vector<std::string> out;
  std::map<ChangeKind, std::vector<std::string>> levels;
  size_t added = 0, removed = 0, reworded = 0;
  for (const analysis::LevelChange& l : d.levels) {
    levels[l.kind].push_back(l.track + "/" + l.code);
    for (const analysis::CompetencyDiff& c : l.diff.competencies) {
      added += c.added.size();
      removed += c.removed.size();
      reworded += c.changed.size();
    }
  }
  const std::pair<ChangeKind, const char*> kinds[] = {{ChangeKind::kChanged, "changed"},
                                                      {ChangeKind::kAdded, "added"},
                                                      {ChangeKind::kRemoved, "removed"}};
  for (const auto& [kind, word] : kinds)
    if (auto it = levels.find(kind); it != levels.end())
      out.push_back(Count(it->second.size(), "level", "levels") + " " + word + ": " +
                    Some(it->second) + ".");
  if (added + removed + reworded > 0)
    out.push_back("Behaviours: " + std::to_string(added) + " new, " + std::to_string(reworded) +
                  " reworded, " + std::to_string(removed) + " removed.");
  std::vector<std::string> competencies;
  for (const analysis::CompetencyChange& c : d.competencies)
    competencies.push_back((c.after_id.empty() ? c.before_id : c.after_id) + " (" +
                           analysis::ChangeKindName(c.kind) + ")");
  if (!competencies.empty()) out.push_back("Competencies: " + Some(competencies) + ".");
  if (!d.policy.empty()) out.push_back("The promotion policy changes.");
  // A draft's status always differs from the published version's: publishing is that change.
  std::vector<std::string> fields;
  for (const auto& [name, change] : d.fields)
    if (name != "status") fields.push_back(Words(name));
  if (!fields.empty())
    out.push_back("The framework's " + text::Join(fields, ", ") +
                  (fields.size() == 1 ? " changes." : " change."));
  std::vector<std::string> items;
  for (const analysis::ItemChange& i : d.items)
    items.push_back(Words(i.section) + " " + i.id + " (" + analysis::ChangeKindName(i.kind) + ")");
  if (!items.empty()) out.push_back("Also: " + Some(items) + ".");
  if (!d.translations.empty())
    out.push_back(
        Count(d.translations.size(), "translated text changes", "translated texts change") + ".");
  return out;
}

std::string VersionHref(std::string_view framework, std::string_view version) {
  return Path("/admin/frameworks/", framework) + "/" + Path(version);
}
std::string PreviewHref(std::string_view framework, std::string_view version,
                        std::string_view page) {
  return VersionHref(framework, version) + "/preview/f/" + text::Slugify(framework) + "/" +
         std::string(page);
}
std::string ChangeHref(std::string_view id) { return Path("/admin/changes/", id); }

}  // namespace internal

namespace {

std::string VersionHref(const model::Framework& f) {
  return internal::VersionHref(f.id, f.version);
}
std::string PreviewHref(const model::Framework& f, std::string_view page) {
  return internal::PreviewHref(f.id, f.version, page);
}

}  // namespace

std::string RenderPublish(const Viewer& viewer, const PublishView& v) {
  const model::Framework& f = v.framework;
  Data d = Frame(viewer, "Publish " + f.DisplayName() + " " + f.version);
  SetFlash(d, v.flash);
  Set(d, "name", f.DisplayName());
  Set(d, "version", f.version);
  Set(d, "draft", f.status == model::FrameworkStatus::kDraft);
  Set(d, "action", VersionHref(f) + "/publish");
  Set(d, "preview_href", PreviewHref(f, "index.html"));
  Set(d, "changes_href", Text(v.base_version.empty() ? "" : PreviewHref(f, "changelog.html")));
  Set(d, "base", Text(v.base_version));
  Set(d, "unchanged", !v.base_version.empty() && !v.diff.Changed());
  Data summary = List();
  if (!v.base_version.empty())
    for (std::string& line : ChangeSummary(v.diff)) Append(summary, Text(std::move(line)));
  SetList(d, "summary", std::move(summary));
  SetList(d, "leaks", internal::LeaksData(&v.leaks));
  Set(d, "approval", Text(v.approval));
  // Proposing a draft for review, or the request that reviews it.
  const bool draft = f.status == model::FrameworkStatus::kDraft;
  Set(d, "may_propose", draft && !v.pending);
  Set(d, "propose_action", "/admin/changes");
  Set(d, "framework", f.id);
  Set(d, "pending_href", Text(v.pending ? ChangeHref(v.pending->id) : ""));
  Set(d, "pending_title", Text(v.pending ? v.pending->title : ""));
  Set(d, "pending_status",
      Text(v.pending ? Words(model::ChangeStatusName(v.pending->status)) : ""));
  Set(d, "changes_list_href", Path("/admin/changes?framework=", f.id));
  Set(d, "may_publish", f.status == model::FrameworkStatus::kDraft && v.leaks.empty());
  return RenderTemplate("app_publish", d);
}

std::string RenderPreviewNotice(const model::Framework& f) {
  Data d = Object();
  Set(d, "name", f.DisplayName());
  Set(d, "version", f.version);
  Set(d, "status", model::FrameworkStatusName(f.status));
  Set(d, "draft", f.status == model::FrameworkStatus::kDraft);
  Set(d, "publish_href", VersionHref(f) + "/publish");
  return RenderTemplate("app_preview_notice", d);
}

}  // namespace ladder::render
