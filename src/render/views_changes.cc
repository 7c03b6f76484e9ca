// Change requests of frameworks in the app (docs/change-requests.md): the list, open ones first,
// and a request's page with what publishing it changes, its history and the forms of its steps
// (app_views.h: RenderChanges, RenderChange). The page offers each viewer only the steps the
// rules let them take, and says why it withholds the others.
#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

using namespace internal;

namespace {

// Open first (under review: open, changes requested, approved), then closed; newest first.
bool ListedBefore(const model::ChangeRequest& a, const model::ChangeRequest& b) {
  const bool a_open = !model::IsTerminal(a.status), b_open = !model::IsTerminal(b.status);
  if (a_open != b_open) return a_open;
  return a.opened > b.opened;
}

std::string StatusText(model::ChangeStatus s) { return Words(model::ChangeStatusName(s)); }

// A verdict as the history says it: "approved", "asked for changes", "commented".
std::string VerdictText(model::Verdict v) {
  switch (v) {
    case model::Verdict::kApprove:
      return "approved";
    case model::Verdict::kRequestChanges:
      return "asked for changes";
    case model::Verdict::kComment:
      return "commented";
  }
  return "commented";
}

// What a request under review still needs (model::Outstanding), with people's names.
std::string Outstanding(const model::ChangeRequest& r, const Labels& labels) {
  switch (model::DeriveStatus(r)) {
    case model::ChangeStatus::kOpen:
      return "an approval by someone other than " + labels.Person(r.author) + ".";
    case model::ChangeStatus::kChangesRequested: {
      std::vector<std::string> names;
      for (const std::string& by : model::ChangesRequestedBy(r)) names.push_back(labels.Person(by));
      return "the changes " + text::Join(names, ", ") +
             " asked for: they approve once satisfied, or comment.";
    }
    default:
      return "";
  }
}

}  // namespace

std::string RenderChanges(const Viewer& viewer, const ChangesView& v) {
  auto name_of = [&](const std::string& id) {
    auto it = v.framework_names.find(id);
    return it == v.framework_names.end() ? id : it->second;
  };
  Data d = Frame(viewer, v.framework.empty() ? std::string("Change requests")
                                             : "Change requests of " + name_of(v.framework));
  SetFlash(d, v.flash);
  Set(d, "heading",
      v.framework.empty() ? std::string("Change requests")
                          : "Change requests of " + name_of(v.framework));
  Set(d, "filtered", !v.framework.empty());
  Data filters = List();
  for (const std::string& id : v.frameworks) {
    Data f = Object();
    Set(f, "name", name_of(id));
    Set(f, "href", Path("/admin/changes?framework=", id));
    Set(f, "current", id == v.framework);
    Append(filters, std::move(f));
  }
  SetList(d, "filters", std::move(filters));
  std::vector<const model::ChangeRequest*> sorted;
  for (const model::ChangeRequest& r : v.requests) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](auto* a, auto* b) { return ListedBefore(*a, *b); });
  Data open = List(), closed = List();
  size_t open_count = 0, closed_count = 0;
  for (const model::ChangeRequest* r : sorted) {
    Data rd = Object();
    Set(rd, "href", ChangeHref(r->id));
    Set(rd, "title", r->title);
    Set(rd, "framework", name_of(r->framework));
    Set(rd, "version", r->version);
    Set(rd, "status", StatusText(r->status));
    Set(rd, "status_class", model::ChangeStatusName(r->status));
    Set(rd, "author", v.labels.Person(r->author));
    Set(rd, "opened", Moment(r->opened));
    Set(rd, "reviews", Count(r->entries.size(), "review", "reviews"));
    if (model::IsTerminal(r->status)) {
      Append(closed, std::move(rd));
      ++closed_count;
    } else {
      Append(open, std::move(rd));
      ++open_count;
    }
  }
  Set(d, "open_count", Count(open_count, "request under review", "requests under review"));
  Set(d, "closed_count", Count(closed_count, "closed request", "closed requests"));
  SetList(d, "open", std::move(open));
  SetList(d, "closed", std::move(closed));
  return RenderTemplate("app_changes", d);
}

std::string RenderChange(const Viewer& viewer, const ChangeView& v) {
  const model::ChangeRequest& r = v.request;
  Data d = Frame(viewer, r.title + " — change request");
  SetFlash(d, v.flash);
  Set(d, "title", r.title);
  Set(d, "framework", v.framework_name);
  Set(d, "framework_id", r.framework);
  Set(d, "version", r.version);
  Set(d, "status", StatusText(r.status));
  Set(d, "status_class", model::ChangeStatusName(r.status));
  Set(d, "author", v.labels.Person(r.author));
  Set(d, "opened", Moment(r.opened));
  Set(d, "reason", Text(r.reason));
  Set(d, "list_href", Path("/admin/changes?framework=", r.framework));
  Set(d, "publish_href", VersionHref(r.framework, r.version) + "/publish");
  Set(d, "preview_href", PreviewHref(r.framework, r.version, "index.html"));
  Set(d, "changes_href",
      Text(v.base_version.empty() ? "" : PreviewHref(r.framework, r.version, "changelog.html")));
  Set(d, "base", Text(v.base_version));
  Set(d, "unchanged", !v.base_version.empty() && !v.diff.Changed());
  Data summary = List();
  if (!v.base_version.empty())
    for (std::string& line : ChangeSummary(v.diff)) Append(summary, Text(std::move(line)));
  SetList(d, "summary", std::move(summary));

  const bool terminal = model::IsTerminal(r.status);
  Set(d, "terminal", terminal);
  std::string closed;
  if (terminal) {
    closed =
        StatusText(r.status) + " by " + v.labels.Person(r.closed_by) + " on " + Moment(r.closed_at);
    closed[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(closed[0])));
  }
  Set(d, "closed", Text(closed));
  Set(d, "outstanding", Text(terminal ? "" : Outstanding(r, v.labels)));
  Set(d, "draft_changed", v.draft_changed && !terminal);

  Data history = List();
  for (const model::ReviewEntry& e : r.entries) {
    Data ed = Object();
    Set(ed, "by", v.labels.Person(e.by));
    Set(ed, "at", Moment(e.at));
    Set(ed, "verdict", VerdictText(e.verdict));
    Set(ed, "verdict_class", model::VerdictName(e.verdict));
    Set(ed, "text", Text(e.text));
    Append(history, std::move(ed));
  }
  Set(d, "reviews", Count(r.entries.size(), "review", "reviews"));
  SetList(d, "history", std::move(history));

  // The steps: reviewing (anyone of the people team, the author too, but approving only someone
  // else), withdrawing (its author or an admin), publishing (the people team, once approved).
  const bool is_author = !viewer.person.empty() && viewer.person == r.author;
  const bool acts = !viewer.person.empty();
  const std::string action = ChangeHref(r.id) + "/";
  Set(d, "action", action);
  Set(d, "may_review", !terminal && acts && viewer.author);
  Set(d, "may_approve", !terminal && acts && viewer.author && !is_author && !v.draft_changed);
  Set(d, "own", !terminal && is_author);
  Set(d, "no_person", !terminal && !acts);
  Set(d, "may_withdraw", !terminal && acts && (is_author || viewer.admin));
  Set(d, "may_publish", !terminal && acts && viewer.author && v.unpublishable.empty());
  Set(d, "unpublishable", Text(terminal ? "" : v.unpublishable));
  return RenderTemplate("app_change", d);
}

}  // namespace ladder::render
