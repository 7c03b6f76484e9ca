// Change requests of frameworks in the browser (docs/change-requests.md): proposing a draft from
// its publish page, the list of requests, a request's page, and its steps (comment, ask for
// changes, approve, withdraw, publish). Each step goes through app::ChangeRequestService acting
// as the signed-in user's person, which asks app/authority.h; publishing goes through
// app::PublishVersion, the one gate. Every step answers with a redirect to the request's page,
// so that reloading it repeats nothing.
#include <set>

#include "app/change_requests.h"
#include "base/text.h"
#include "render/words.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

app::ChangeRequestService Changes(Exchange& x) {
  return app::ChangeRequestService(x.services.store, x.principal);
}

// The names of the people a request mentions (its author, its reviewers, who closed it).
render::Labels PeopleOf(Exchange& x, const std::vector<const model::ChangeRequest*>& requests) {
  render::Labels labels;
  auto add = [&](const std::string& id) {
    if (id.empty() || labels.people.count(id)) return;
    if (Result<model::Person> p = x.services.store.GetPerson(id))
      labels.people[id] = p->DisplayName();
  };
  for (const model::ChangeRequest* r : requests) {
    add(r->author);
    for (const model::ReviewEntry& e : r->entries) add(e.by);
    add(r->closed_by);
  }
  return labels;
}

// The request's page, with `flash` and the answer's status.
Status ShowChange(Exchange& x, render::Flash flash, int status) {
  LADDER_TRY(model::ChangeRequest r, Changes(x).Get(x.Param("change")));
  render::ChangeView v;
  LADDER_TRY(model::Framework f, x.services.store.GetFramework(r.framework, r.version));
  v.framework_name = f.DisplayName();
  LADDER_TRY(std::optional<model::Framework> base, PublishedBefore(x, r.framework, r.version));
  if (base) {
    v.base_version = base->version;
    v.diff = analysis::DiffFrameworks(*base, f);
  }
  if (!model::IsTerminal(r.status)) {
    v.draft_changed = app::ContentFingerprint(f) != r.content;
    std::vector<std::string> why;
    if (model::DeriveStatus(r) != model::ChangeStatus::kApproved)
      why.push_back("it is " + render::Words(model::ChangeStatusName(r.status)) +
                    ", not approved yet.");
    if (v.draft_changed) why.push_back("the draft changed after it was proposed.");
    LADDER_TRY(std::vector<analysis::Leak> leaks, LeaksStopPublishing(x, r.framework, r.version));
    if (!leaks.empty())
      why.push_back(render::Count(leaks.size(), "link", "links") +
                    " must not reach the public site (listed on its publish page).");
    for (const std::string& w : why) v.unpublishable += (v.unpublishable.empty() ? "" : " ") + w;
  }
  v.labels = PeopleOf(x, {&r});
  v.request = std::move(r);
  v.flash = std::move(flash);
  x.Html(render::RenderChange(x.Viewer(), v), status);
  return Ok();
}

std::string ChangePath(const std::string& id) { return "/admin/changes/" + EncodeQueryParam(id); }

// What the page says after a step, from the redirect's ?done=.
std::string DoneNotice(std::string_view done) {
  if (done == "proposed") return "Proposed for review.";
  if (done == "comment") return "Your comment is added.";
  if (done == "request_changes") return "You asked for changes.";
  if (done == "approve") return "You approved it.";
  if (done == "withdraw") return "The request is withdrawn.";
  if (done == "publish") return "Published: readers see the new version now.";
  return "";
}

}  // namespace

Status ChangesPage(Exchange& x) {
  render::ChangesView v;
  v.framework = x.Query("framework");
  LADDER_TRY(std::vector<model::ChangeRequest> all, Changes(x).List({}));
  LADDER_TRY(std::vector<storage::FrameworkInfo> frameworks, x.services.store.ListFrameworks());
  for (const storage::FrameworkInfo& f : frameworks)
    v.framework_names[f.id] = f.name.empty() ? f.id : f.name;
  std::set<std::string> with_requests;
  std::vector<const model::ChangeRequest*> shown;
  for (const model::ChangeRequest& r : all) {
    with_requests.insert(r.framework);
    if (v.framework.empty() || r.framework == v.framework) shown.push_back(&r);
  }
  v.frameworks.assign(with_requests.begin(), with_requests.end());
  v.labels = PeopleOf(x, shown);
  for (const model::ChangeRequest* r : shown) v.requests.push_back(*r);
  x.Html(render::RenderChanges(x.Viewer(), v));
  return Ok();
}

Status ChangePage(Exchange& x) { return ShowChange(x, {DoneNotice(x.Query("done")), ""}, 200); }

Status ChangeProposeSubmit(Exchange& x) {
  const std::string framework = x.Form("framework"), version = x.Form("version");
  // Refusals are shown on the version's publish page, where the form is.
  x.params["framework"] = framework;
  x.params["version"] = version;
  const std::string title = x.Form("title"), reason = x.Form("reason");
  if (text::Trim(reason).empty())
    return ShowPublish(x, {"", "Say what changed and why, so that the reviewers know."}, 422);
  Result<model::ChangeRequest> r =
      Changes(x).Propose(framework, version, title, reason, x.principal.person);
  if (!r) {
    if (r.error().code == ErrorCode::kNotFound) return Fail(r.error());
    return ShowPublish(x, {"", ErrorText(r.error(), x.req.path)}, HttpStatusFor(r.error()));
  }
  x.Redirect(ChangePath(r->id) + "?done=proposed");
  return Ok();
}

Status ChangeActionSubmit(Exchange& x) {
  const std::string id = x.Param("change"), action = x.Param("action");
  app::ChangeRequestService changes = Changes(x);
  LADDER_TRY(model::ChangeRequest r, changes.Get(id));
  const std::string& by = x.principal.person;
  Result<model::ChangeRequest> done = Fail(Error{ErrorCode::kInternal, "no step", {}, ""});
  if (std::optional<model::Verdict> verdict = model::ParseVerdict(action)) {
    // The model refuses it too; the page says it in words rather than with the request's id.
    if (*verdict == model::Verdict::kApprove && by == r.author)
      return ShowChange(x,
                        {"",
                         "You proposed this request, so you cannot approve it: someone else "
                         "of the people team approves it."},
                        403);
    done = changes.Review(id, *verdict, x.Form("text"), by);
  } else if (action == "withdraw") {
    done = changes.Withdraw(id, by);
  } else if (action == "publish") {
    LADDER_TRY(std::vector<analysis::Leak> leaks, LeaksStopPublishing(x, r.framework, r.version));
    if (!leaks.empty())
      return ShowChange(
          x,
          {"", r.version + " was not published: " + render::Count(leaks.size(), "link", "links") +
                   " must not reach the public site (listed on its publish page)"},
          422);
    done = changes.Publish(id, by);
    if (done) {
      if (Status reload = x.services.ReloadSite(true); !reload)
        return ShowChange(x,
                          {"", "published, but the pages could not be rebuilt: " +
                                   ErrorText(reload.error(), x.req.path)},
                          500);
    }
  } else {
    return Fail(Error{ErrorCode::kNotFound,
                      "no step '" + action +
                          "' of a change request: comment, request_changes, approve, withdraw or "
                          "publish",
                      {},
                      "action"});
  }
  if (!done)
    return ShowChange(x, {"", ErrorText(done.error(), x.req.path)}, HttpStatusFor(done.error()));
  x.Redirect(ChangePath(id) + "?done=" + action);
  return Ok();
}

}  // namespace ladder::server::internal
