// Administration: users and roles, frameworks and their versions, importing a document, editing
// a framework as YAML, the audit log; and the framework side of the JSON API.
#include "analysis/leaks.h"
#include "analysis/lint.h"
#include "analysis/report_json.h"
#include "app/change_requests.h"
#include "app/crypto.h"
#include "app/framework_policy.h"
#include "app/import_document.h"
#include "app/outputs.h"
#include "app/people_import.h"
#include "base/text.h"
#include "formats/canonical.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/http_status.h"
#include "server/import_map_form.h"

namespace ladder::server::internal {
namespace {

Result<std::vector<model::UserRole>> RolesOf(const std::vector<std::string>& names) {
  return app::ParseRoles(names);
}

Status ShowUsers(Exchange& x, render::Flash flash, int status = 200) {
  render::UsersView v;
  Result<std::vector<model::User>> users = x.services.store.ListUsers();
  if (!users) return Fail(users.error());
  v.users = std::move(*users);
  Result<std::vector<model::Person>> people = x.services.store.ListPeople();
  if (!people) return Fail(people.error());
  v.people = std::move(*people);
  v.flash = std::move(flash);
  x.Html(render::RenderUsers(x.Viewer(), v), status);
  return Ok();
}

Status ShowFrameworks(Exchange& x, render::Flash flash, int status = 200) {
  render::FrameworksView v;
  Result<std::vector<storage::FrameworkInfo>> list = x.services.store.ListFrameworks();
  if (!list) return Fail(list.error());
  v.frameworks = std::move(*list);
  // On a public site the links a draft would publish are shown before it is published.
  for (const storage::FrameworkInfo& f : v.frameworks) {
    for (const storage::VersionInfo& ver : f.versions) {
      if (ver.status != model::FrameworkStatus::kDraft) continue;
      Result<std::vector<analysis::Leak>> leaks = LeaksStopPublishing(x, f.id, ver.version);
      if (leaks && !leaks->empty()) v.leaks[{f.id, ver.version}] = std::move(*leaks);
    }
  }
  // The latest request of each version that has one (the list is newest first).
  LADDER_TRY(std::vector<model::ChangeRequest> requests, x.services.store.ListChangeRequests({}));
  for (model::ChangeRequest& r : requests) {
    auto [it, added] = v.changes.try_emplace({r.framework, r.version}, r);
    if (!added && r.opened > it->second.opened) it->second = std::move(r);
  }
  v.flash = std::move(flash);
  x.Html(render::RenderFrameworks(x.Viewer(), v), status);
  return Ok();
}

// Reads a framework written in the canonical format: JSON when it starts with '{', else YAML.
Result<model::Framework> ParseCanonical(std::string_view text, std::string_view name) {
  std::string_view t = text::Trim(text);
  if (!t.empty() && t[0] == '{') return formats::ParseJson(text, name);
  return formats::ParseYaml(text, name);
}

// The editor's check: parse and lint. Fills view.findings/error/checked.
std::optional<model::Framework> Check(render::EditView& view) {
  view.checked = true;
  view.checked_key = app::TokenHash(view.yaml);
  Result<model::Framework> f = ParseCanonical(view.yaml, "framework.yaml");
  if (!f) {
    view.error = f.error().ToString();
    return std::nullopt;
  }
  view.findings = analysis::Lint(*f);
  return *f;
}

// The editor's check, with the links that would stop publishing on a public site.
std::optional<model::Framework> CheckWithLeaks(const Exchange& x, render::EditView& view) {
  std::optional<model::Framework> f = Check(view);
  if (f && x.services.options.public_frameworks)
    for (analysis::Finding& leak : analysis::LeakFindings(
             analysis::FindLeaks(*f, OutputSettingsOf(x.services.options).leaks)))
      view.findings.push_back(std::move(leak));
  return f;
}

bool HasErrors(const std::vector<analysis::Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const analysis::Finding& f) {
    return f.severity == analysis::Severity::kError;
  });
}

Json FindingsJson(const std::vector<analysis::Finding>& findings) {
  Json out = Json::array();
  for (const analysis::Finding& f : findings)
    out.push_back(Json::parse(analysis::ToJson(f).dump()));
  return out;
}

}  // namespace

Result<model::Framework> VisibleFramework(Exchange& x, const std::string& id,
                                          const std::string& version) {
  Result<model::Framework> f = x.services.store.GetFramework(id, version);
  if (!f) return f;
  if (f->status != model::FrameworkStatus::kPublished && !app::Access::SeesEveryone(x.principal))
    return MakeError(ErrorCode::kNotFound,
                     "no published version " + version + " of framework '" + id + "'");
  return f;
}

// -- Users ---------------------------------------------------------------------------------------

Status UsersPage(Exchange& x) { return ShowUsers(x, {}); }

Status UserCreateSubmit(Exchange& x) {
  Result<std::vector<model::UserRole>> roles = RolesOf(x.FormAll("roles"));
  if (!roles) return ShowUsers(x, {"", ErrorText(roles.error(), x.req.path)}, 400);
  app::NewUser u{x.Form("id"), x.Form("name"), x.Form("person"), *roles, x.Form("password")};
  Result<model::User> made = x.services.accounts.AddUser(x.principal.Actor(), u);
  if (!made)
    return ShowUsers(x, {"", ErrorText(made.error(), x.req.path)}, HttpStatusFor(made.error()));
  return ShowUsers(x, {"User " + made->id + " added.", ""});
}

Status UserUpdateSubmit(Exchange& x) {
  Result<std::vector<model::UserRole>> roles = RolesOf(x.FormAll("roles"));
  if (!roles) return ShowUsers(x, {"", ErrorText(roles.error(), x.req.path)}, 400);
  app::UserChange change;
  change.roles = *roles;
  change.person = x.Form("person");
  change.disabled = x.Form("disabled") == "1";
  if (std::string pw = x.Form("password"); !pw.empty()) change.password = pw;
  change.keep_tokens = x.Form("keep_tokens") == "1";
  const std::string id = x.Param("user");
  if (id == x.principal.user &&
      (change.disabled.value_or(false) ||
       std::find(roles->begin(), roles->end(), model::UserRole::kAdmin) == roles->end()))
    return ShowUsers(x, {"", "you cannot disable yourself or take away your own admin role"}, 409);
  Result<model::User> u = x.services.accounts.UpdateUser(x.principal.Actor(), id, change);
  if (!u) return ShowUsers(x, {"", ErrorText(u.error(), x.req.path)}, HttpStatusFor(u.error()));
  return ShowUsers(x, {"User " + u->id + " saved.", ""});
}

Status ApiUsers(Exchange& x) {
  Result<std::vector<model::User>> users = x.services.store.ListUsers();
  if (!users) return Fail(users.error());
  Json out = Json::array();
  for (const model::User& u : *users) out.push_back(render::UserJson(u));
  x.SendJson(out);
  return Ok();
}

namespace {

Result<std::vector<std::string>> StringList(const Json& body, const char* name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array())
    return MakeError(ErrorCode::kInvalidArgument, "must be a list of strings", {}, name);
  for (const Json& v : *it) {
    if (!v.is_string())
      return MakeError(ErrorCode::kInvalidArgument, "must be a list of strings", {}, name);
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Status ApiUserCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  app::NewUser u;
  for (auto [field, target] :
       {std::pair{"id", &u.id}, std::pair{"name", &u.name}, std::pair{"person", &u.person},
        std::pair{"password", &u.password}}) {
    Result<std::string> v = StringField(*body, field);
    if (!v) return Fail(v.error());
    *target = *v;
  }
  Result<std::vector<std::string>> names = StringList(*body, "roles");
  if (!names) return Fail(names.error());
  Result<std::vector<model::UserRole>> roles = RolesOf(*names);
  if (!roles) return Fail(roles.error());
  u.roles = *roles;
  Result<model::User> made = x.services.accounts.AddUser(x.principal.Actor(), u);
  if (!made) return Fail(made.error());
  x.SendJson(render::UserJson(*made), 201);
  return Ok();
}

Status ApiUserUpdate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const Json& b = *body;
  app::UserChange change;
  for (auto [field, target] : {std::pair{"name", &change.name}, std::pair{"person", &change.person},
                               std::pair{"password", &change.password}}) {
    if (!b.contains(field)) continue;
    Result<std::string> v = StringField(b, field);
    if (!v) return Fail(v.error());
    *target = *v;
  }
  if (b.contains("roles")) {
    Result<std::vector<std::string>> names = StringList(b, "roles");
    if (!names) return Fail(names.error());
    Result<std::vector<model::UserRole>> roles = RolesOf(*names);
    if (!roles) return Fail(roles.error());
    change.roles = *roles;
  }
  if (b.contains("disabled")) {
    Result<bool> disabled = BoolField(b, "disabled", false);
    if (!disabled) return Fail(disabled.error());
    change.disabled = *disabled;
  }
  Result<bool> keep_tokens = BoolField(b, "keep_tokens", false);
  if (!keep_tokens) return Fail(keep_tokens.error());
  change.keep_tokens = *keep_tokens;
  const std::string id = x.Param("user");
  if (id == x.principal.user &&
      (change.disabled.value_or(false) ||
       (change.roles && std::find(change.roles->begin(), change.roles->end(),
                                  model::UserRole::kAdmin) == change.roles->end())))
    return Fail(Error{ErrorCode::kConflict,
                      "you cannot disable yourself or take away your own admin role",
                      {},
                      "user"});
  Result<model::User> u = x.services.accounts.UpdateUser(x.principal.Actor(), id, change);
  if (!u) return Fail(u.error());
  x.SendJson(render::UserJson(*u));
  return Ok();
}

// -- Frameworks ----------------------------------------------------------------------------------

Status FrameworksPage(Exchange& x) { return ShowFrameworks(x, {}); }

Status PublishSubmit(Exchange& x) {
  // Refusals are shown on the version's publish page, above its button.
  const std::string fw = x.Param("framework"), version = x.Param("version");
  Result<std::vector<analysis::Leak>> leaks = LeaksStopPublishing(x, fw, version);
  if (!leaks)
    return ShowPublish(x, {"", ErrorText(leaks.error(), x.req.path)}, HttpStatusFor(leaks.error()));
  if (!leaks->empty())
    return ShowPublish(
        x,
        {"", fw + " " + version + " was not published: " + std::to_string(leaks->size()) +
                 " link(s) must not reach the public site (listed below)"},
        422);
  // A request still under review is closed by the person, as on the command line.
  Status s = app::PublishVersion(x.services.store, x.principal.Actor(), fw, version, {},
                                 app::PublishGate::kContent, x.principal.person);
  if (!s) return ShowPublish(x, {"", ErrorText(s.error(), x.req.path)}, HttpStatusFor(s.error()));
  if (Status r = x.services.ReloadSite(true); !r)
    return ShowFrameworks(
        x,
        {"", "published, but the pages could not be rebuilt: " + ErrorText(r.error(), x.req.path)},
        500);
  // To the page of the version, which says so: reloading it publishes nothing again.
  x.Redirect("/admin/frameworks/" + EncodeQueryParam(fw) + "/" + EncodeQueryParam(version) +
             "/publish?done=1");
  return Ok();
}

// -- The committee's policy (app/framework_policy.h)
// -----------------------------------------------

namespace {

// The policy in one sentence, for the page's notice.
std::string PolicySummary(const model::Framework& f) {
  const model::WaiverPolicy& w = f.waivers;
  return std::string("consensus ") + model::ConsensusRuleName(f.consensus) +
         "; who may waive: " + (w.by.empty() ? std::string("nobody") : text::Join(w.by, ", ")) +
         "; never waived: " + (w.never.empty() ? std::string("-") : text::Join(w.never, "; ")) +
         "; peer review after the panel said no: " + (w.after_panel_no ? "allowed" : "refused");
}

// Saves the changed policy as a new version and rebuilds the published pages when it is
// published.
Result<model::Framework> ChangePolicy(Exchange& x, const app::PolicyChange& change,
                                      std::string_view version) {
  LADDER_TRY(model::Framework f, app::SetPolicy(x.services.store, x.principal.Actor(),
                                                x.Param("framework"), change, version, x.Today()));
  if (f.status == model::FrameworkStatus::kPublished)
    LADDER_TRY_STATUS(x.services.ReloadSite(true));
  return f;
}

}  // namespace

Status PolicySubmit(Exchange& x) {
  // An empty field keeps its value; `never` is one entry per line.
  std::string consensus(text::Trim(x.Form("consensus"))), by(text::Trim(x.Form("waive_by"))),
      after(text::Trim(x.Form("after_panel_no")));
  std::vector<std::string> never = text::SplitLines(x.Form("never"));
  std::erase_if(never, [](const std::string& n) { return text::Trim(n).empty(); });
  Result<app::PolicyChange> change =
      app::ParsePolicyChange(consensus.empty() ? nullptr : &consensus, by.empty() ? nullptr : &by,
                             never.empty() ? nullptr : &never, after.empty() ? nullptr : &after);
  if (!change)
    return ShowFrameworks(x, {"", ErrorText(change.error(), x.req.path)},
                          HttpStatusFor(change.error()));
  Result<model::Framework> f = ChangePolicy(x, *change, text::Trim(x.Form("version")));
  if (!f)
    return ShowFrameworks(x, {"", ErrorText(f.error(), x.req.path)}, HttpStatusFor(f.error()));
  return ShowFrameworks(
      x, {"Saved version " + f->version + " of " + f->id + " (" +
              model::FrameworkStatusName(f->status) + "): " + PolicySummary(*f) + ".",
          ""});
}

Status ApiPolicy(Exchange& x) {
  Result<model::Framework> f = app::CurrentPolicy(x.services.store, x.Param("framework"));
  if (!f) return Fail(f.error());
  x.SendJson(render::PolicyJson(*f));
  return Ok();
}

Status ApiPolicySet(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const Json& b = *body;
  std::optional<std::string> consensus, by, after;
  std::optional<std::vector<std::string>> never;
  if (b.contains("consensus")) {
    Result<std::string> v = StringField(b, "consensus");
    if (!v) return Fail(v.error());
    consensus = *v;
  }
  if (b.contains("waive_by")) {
    Result<std::vector<std::string>> v = StringList(b, "waive_by");
    if (!v) return Fail(v.error());
    by = v->empty() ? std::string("none") : text::Join(*v, ",");
  }
  if (b.contains("never")) {
    Result<std::vector<std::string>> v = StringList(b, "never");
    if (!v) return Fail(v.error());
    never = v->empty() ? std::vector<std::string>{"none"} : *v;
  }
  if (b.contains("after_panel_no")) {
    Result<bool> v = BoolField(b, "after_panel_no", false);
    if (!v) return Fail(v.error());
    after = *v ? "allow" : "refuse";
  }
  Result<std::string> version = StringField(b, "version");
  if (!version) return Fail(version.error());
  Result<app::PolicyChange> change =
      app::ParsePolicyChange(consensus ? &*consensus : nullptr, by ? &*by : nullptr,
                             never ? &*never : nullptr, after ? &*after : nullptr);
  if (!change) return Fail(change.error());
  Result<model::Framework> f = ChangePolicy(x, *change, *version);
  if (!f) return Fail(f.error());
  x.SendJson(render::PolicyJson(*f), 201);
  return Ok();
}

Status ApiPublish(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> effective = StringField(*body, "effective");
  if (!effective) return Fail(effective.error());
  if (!effective->empty()) {
    if (Result<Date> d = ParseDateValue("effective", *effective, {}); !d) return Fail(d.error());
  }
  const std::string fw = x.Param("framework"), version = x.Param("version");
  Result<std::vector<analysis::Leak>> leaks = LeaksStopPublishing(x, fw, version);
  if (!leaks) return Fail(leaks.error());
  if (!leaks->empty()) {
    SendLeaksProblem(x, *leaks);
    return Ok();
  }
  if (Status s = app::PublishVersion(x.services.store, x.principal.Actor(), fw, version, *effective,
                                     app::PublishGate::kContent, x.principal.person);
      !s)
    return Fail(s.error());
  if (Status r = x.services.ReloadSite(true); !r) return Fail(r.error());
  Result<std::vector<storage::VersionInfo>> versions = x.services.store.ListVersions(fw);
  if (!versions) return Fail(versions.error());
  for (const storage::VersionInfo& v : *versions)
    if (v.version == version) {
      x.SendJson(render::VersionJson(v));
      return Ok();
    }
  x.res.status = 204;
  return Ok();
}

Status ApiFrameworks(Exchange& x) {
  Result<std::vector<storage::FrameworkInfo>> list = x.services.store.ListFrameworks();
  if (!list) return Fail(list.error());
  const bool drafts = app::Access::SeesEveryone(x.principal);
  Json out = Json::array();
  for (storage::FrameworkInfo f : *list) {
    if (!drafts) {
      std::erase_if(f.versions, [](const storage::VersionInfo& v) {
        return v.status != model::FrameworkStatus::kPublished;
      });
      if (f.versions.empty()) continue;
    }
    out.push_back(render::FrameworkInfoJson(f));
  }
  x.SendJson(out);
  return Ok();
}

Status ApiFramework(Exchange& x) {
  Result<model::Framework> f = VisibleFramework(x, x.Param("framework"), x.Query("version"));
  if (!f) return Fail(f.error());
  x.res.status = 200;
  x.res.set_header("Cache-Control", "no-store");
  if (x.Query("format") == "yaml") {
    x.res.set_content(formats::WriteYaml(*f), "application/yaml; charset=utf-8");
  } else {
    x.res.set_content(formats::WriteJson(*f), "application/json; charset=utf-8");
  }
  return Ok();
}

Status ApiFrameworkSave(Exchange& x) {
  render::EditView view;
  view.yaml = x.req.body;
  std::optional<model::Framework> f = Check(view);
  if (!f) return Fail(Error{ErrorCode::kParse, view.error, {}, "body"});
  if (HasErrors(view.findings)) {
    Json p = {{"type", "urn:ladder:error:invalid_framework"},
              {"title", "Unprocessable Content"},
              {"status", 422},
              {"detail", "the framework has errors; nothing was saved"},
              {"findings", FindingsJson(view.findings)}};
    x.res.status = 422;
    x.res.set_content(DumpJson(p), "application/problem+json");
    return Ok();
  }
  if (Status s = x.services.store.SaveDraft(x.principal.Actor(), *f); !s) return Fail(s.error());
  x.SendJson({{"framework", f->id},
              {"version", f->version},
              {"status", "draft"},
              {"findings", FindingsJson(view.findings)}},
             201);
  return Ok();
}

Status EditPage(Exchange& x) {
  const std::string id = x.Param("framework");
  Result<std::vector<storage::VersionInfo>> versions = x.services.store.ListVersions(id);
  if (!versions) return Fail(versions.error());
  // The newest version (a draft when there is one being worked on).
  std::string version = versions->empty() ? "" : versions->front().version;
  Result<model::Framework> f = x.services.store.GetFramework(id, version);
  if (!f) return Fail(f.error());
  render::EditView view;
  view.title = "Edit " + f->DisplayName() + " " + f->version;
  view.yaml = formats::WriteYaml(*f);
  if (f->status == model::FrameworkStatus::kDraft) view.draft = {f->id, f->version};
  if (f->status == model::FrameworkStatus::kPublished)
    view.flash.notice = "Version " + f->version +
                        " is published and cannot change: give framework.version a new value to "
                        "save your edits as a new draft.";
  x.Html(render::RenderEdit(x.Viewer(), view));
  return Ok();
}

Status LintSubmit(Exchange& x) {
  render::EditView view;
  view.title = "Check a framework";
  view.yaml = x.Form("yaml");
  CheckWithLeaks(x, view);
  if (x.req.get_header_value("HX-Request") == "true") {
    x.res.status = 200;
    x.res.set_header("Cache-Control", "no-store");
    x.res.set_content(render::RenderFindings(view), "text/html; charset=utf-8");
    return Ok();
  }
  x.Html(render::RenderEdit(x.Viewer(), view));
  return Ok();
}

Status SaveSubmit(Exchange& x) {
  render::EditView view;
  view.title = "Edit a framework";
  view.yaml = x.Form("yaml");
  const std::string seen = x.Form("checked");
  std::optional<model::Framework> f = CheckWithLeaks(x, view);
  if (f) view.title = "Edit " + f->DisplayName() + " " + f->version;
  if (!f || HasErrors(view.findings)) {
    x.Html(render::RenderEdit(x.Viewer(), view), 422);
    return Ok();
  }
  // Findings are shown before a draft is saved: a text not checked as it is now is checked first.
  if (!view.findings.empty() && !app::ConstantTimeEquals(seen, view.checked_key)) {
    view.flash.notice = "Check the findings below, then save again.";
    x.Html(render::RenderEdit(x.Viewer(), view), 200);
    return Ok();
  }
  if (Status s = x.services.store.SaveDraft(x.principal.Actor(), *f); !s) {
    view.error = ErrorText(s.error(), x.req.path);
    x.Html(render::RenderEdit(x.Viewer(), view), HttpStatusFor(s.error()));
    return Ok();
  }
  view.saved = true;
  view.draft = {f->id, f->version};
  x.Html(render::RenderEdit(x.Viewer(), view));
  return Ok();
}

// -- Importing -----------------------------------------------------------------------------------

Status ImportPage(Exchange& x) {
  x.Html(render::RenderImportForm(x.Viewer(), ImportForm("")));
  return Ok();
}

Status ImportSubmit(Exchange& x) {
  // The upload, or one of the preview's forms reading the same files again with a changed map or
  // changed choices (the page carries the files). A refusal shows the form again, format kept.
  const std::string from = x.Form("from");
  auto refuse = [&](const Error& e) {
    x.Html(render::RenderImportForm(x.Viewer(), ImportForm(from, e.ToString())), HttpStatusFor(e));
    return Ok();
  };
  Result<std::vector<formats::Document>> documents =
      HasCarriedDocuments(x) ? CarriedDocuments(x) : UploadedDocuments(x);
  if (!documents) return refuse(documents.error());
  std::optional<formats::ImportMap> map;
  if (HasMapFields(x) && documents->size() == 1) {
    Result<formats::ImportMap> changed = MapFromForm(x, documents->front(), from);
    if (!changed) return refuse(changed.error());
    map = std::move(*changed);
  }
  Result<formats::Imported> imported =
      app::ImportDocuments(*documents, from, map ? &*map : nullptr);
  if (!imported) return refuse(imported.error());
  // As `ladder import --into`: a framework without a version gets today's date as its version.
  if (imported->framework.version.empty()) imported->framework.version = x.Today().ToString();
  render::EditView view;
  view.title = "Import";
  for (size_t i = 0; i < documents->size(); ++i)
    view.title += (i == 0 ? " " : ", ") + (*documents)[i].name;
  // The passages are listed as the reader left them, each with what the form chose for it; the
  // report and the framework are those with the choices applied.
  Result<std::vector<formats::PassageChoice>> choices =
      ChoicesFromForm(x, imported->coverage.not_imported, view);
  Status chosen =
      choices ? app::ChoosePassages(*imported, *choices) : Status(Fail(choices.error()));
  if (!chosen) view.choice_error = chosen.error().ToString();
  ShowImport(view, *imported, *documents, from);
  Check(view);
  x.Html(render::RenderEdit(x.Viewer(), view), chosen ? 200 : HttpStatusFor(chosen.error()));
  return Ok();
}

Status ApiImport(Exchange& x) {
  std::string name = x.Query("name").empty() ? "document" : x.Query("name");
  Result<formats::Imported> imported =
      app::ImportDocuments({formats::Document{name, x.req.body}}, x.Query("from"));
  if (!imported) return Fail(imported.error());
  if (imported->framework.version.empty()) imported->framework.version = x.Today().ToString();
  const bool save = x.Query("save") == "draft";
  if (save) {
    if (Status s = x.services.store.SaveDraft(x.principal.Actor(), imported->framework); !s)
      return Fail(s.error());
  }
  Json j;
  j["framework"] = Json::parse(formats::WriteJson(imported->framework));
  j["report"] = Json::parse(app::CoverageReportJson(*imported).dump());
  j["findings"] = FindingsJson(analysis::Lint(imported->framework));
  j["saved"] = save;
  x.SendJson(j, save ? 201 : 200);
  return Ok();
}

Status ApiLint(Exchange& x) {
  render::EditView view;
  view.yaml = x.req.body;
  std::optional<model::Framework> f = Check(view);
  if (!f) return Fail(Error{ErrorCode::kParse, view.error, {}, "body"});
  // ?leaks=true: the leak check instead (docs/leaks.md).
  if (x.Query("leaks") == "true") {
    std::vector<analysis::Leak> leaks =
        analysis::FindLeaks(*f, OutputSettingsOf(x.services.options).leaks);
    x.SendJson({{"findings", FindingsJson(analysis::LeakFindings(leaks))},
                {"blocking", analysis::HasBlockingLeaks(leaks)}});
    return Ok();
  }
  Json out = {{"findings", FindingsJson(view.findings)}, {"errors", HasErrors(view.findings)}};
  // ?canonical=yaml|json: the framework as read, written in canonical form too. The structured
  // editor sends its JSON and keeps the YAML this gives, so that one text is saved either way.
  const std::string canonical = x.Query("canonical");
  if (canonical == "yaml") {
    out["yaml"] = formats::WriteYaml(*f);
  } else if (canonical == "json") {
    out["framework"] = Json::parse(formats::WriteJson(*f));
  } else if (!canonical.empty()) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "canonical: say yaml or json, not '" + Printable(canonical) + "'",
                      {},
                      "canonical"});
  }
  x.SendJson(out);
  return Ok();
}

Status ApiSearch(Exchange& x) {
  std::string q = x.Query("q");
  if (text::Trim(q).empty())
    return Fail(Error{ErrorCode::kInvalidArgument, "say what to search for", {}, "q"});
  storage::SearchOptions options;
  options.framework = x.Query("framework");
  options.lang = x.Query("lang");
  Result<std::vector<storage::SearchHit>> hits = x.services.store.Search(q, options);
  if (!hits) return Fail(hits.error());
  std::shared_ptr<const render::Site> site = x.services.Site();
  Json out = Json::array();
  for (const storage::SearchHit& h : *hits) {
    std::string href;
    if (site && !h.level.empty()) href = "/" + site->LevelPath(h.framework, h.track, h.level);
    if (href.size() > 1 && !h.competency.empty()) href += "#c-" + text::Slugify(h.competency);
    Json hit = render::SearchHitJson(h);
    hit["href"] = href.size() > 1 ? Json(href) : Json(nullptr);
    out.push_back(std::move(hit));
  }
  x.SendJson(out);
  return Ok();
}

// -- The audit log -------------------------------------------------------------------------------

namespace {

storage::AuditQuery AuditQueryOf(const Exchange& x, int limit) {
  storage::AuditQuery q;
  q.actor = x.Query("actor");
  q.subject = x.Query("subject");
  q.action_prefix = x.Query("action");
  q.after_id = std::atoll(x.Query("after").c_str());
  q.limit = limit;
  return q;
}

std::string AuditLink(const storage::AuditQuery& q, std::string_view base, long long after) {
  std::string link(base);
  std::string sep = "?";
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    link += sep + key + "=" + EncodeQueryParam(value);
    sep = "&";
  };
  add("actor", q.actor);
  add("subject", q.subject);
  add("action", q.action_prefix);
  if (after > 0) add("after", std::to_string(after));
  return link;
}

}  // namespace

Status AuditPage(Exchange& x) {
  constexpr int kPage = 200;
  render::AuditView v;
  v.query = AuditQueryOf(x, kPage);
  Result<std::vector<model::AuditEntry>> entries = x.services.store.ListAudit(v.query);
  if (!entries) return Fail(entries.error());
  v.entries = std::move(*entries);
  v.csv_href = AuditLink(v.query, "/admin/audit.csv", 0);
  if (static_cast<int>(v.entries.size()) == kPage)
    v.more_href = AuditLink(v.query, "/admin/audit", v.entries.back().id);
  x.Html(render::RenderAudit(x.Viewer(), v));
  return Ok();
}

// -- People from an HRIS file -------------------------------------------------------------------

Status PeopleUploadPage(Exchange& x) {
  x.Html(render::RenderPeopleUpload(x.Viewer(), {}));
  return Ok();
}

// Checks the uploaded CSV (nothing stored) and shows what storing it would write, or every
// problem with its line and column.
Status PeopleUploadSubmit(Exchange& x) {
  render::PeopleUploadView v;
  if (!x.req.has_file("file") || x.req.get_file_value("file").content.empty()) {
    v.flash.error = "file: choose the CSV file to check";
    x.Html(render::RenderPeopleUpload(x.Viewer(), v), 400);
    return Ok();
  }
  FormField file = x.req.get_file_value("file");
  v.file_name = file.filename.empty() ? "people.csv" : file.filename;
  v.csv = std::move(file.content);
  Result<app::PeopleImportReport> r =
      app::ImportPeople(x.services.store, x.principal.Actor(), v.csv, v.file_name, true);
  if (!r) return Fail(r.error());
  v.errors = std::move(r->errors);
  v.people = std::move(r->saved);
  v.history = std::move(r->history);
  v.previewed = true;
  v.checked = app::TokenHash(v.csv);
  x.Html(render::RenderPeopleUpload(x.Viewer(), v), v.errors.empty() ? 200 : 422);
  return Ok();
}

// Stores the file the preview showed, all or nothing; checked again, since the store may have
// changed since.
Status PeopleConfirmSubmit(Exchange& x) {
  render::PeopleUploadView v;
  v.file_name = x.Form("file_name").empty() ? "people.csv" : x.Form("file_name");
  const std::string csv = x.Form("csv");
  if (csv.empty() || app::TokenHash(csv) != x.Form("checked")) {
    v.flash.error = "csv: the file is not the one checked; check it again";
    x.Html(render::RenderPeopleUpload(x.Viewer(), v), 400);
    return Ok();
  }
  Result<app::PeopleImportReport> r =
      app::ImportPeople(x.services.store, x.principal.Actor(), csv, v.file_name);
  if (!r) return Fail(r.error());
  if (!r->errors.empty()) {
    v.errors = std::move(r->errors);
    x.Html(render::RenderPeopleUpload(x.Viewer(), v), 422);
    return Ok();
  }
  v.flash.notice = "Stored " + std::to_string(r->people) + " people and " +
                   std::to_string(r->assignments) + " periods of level history from " +
                   v.file_name + ".";
  x.Html(render::RenderPeopleUpload(x.Viewer(), v));
  return Ok();
}

Status AuditCsvPage(Exchange& x) {
  Result<std::vector<model::AuditEntry>> entries = x.services.store.ListAudit(AuditQueryOf(x, 0));
  if (!entries) return Fail(entries.error());
  x.res.status = 200;
  x.res.set_header("Cache-Control", "no-store");
  x.res.set_header("Content-Disposition", "attachment; filename=\"ladder-audit.csv\"");
  x.res.set_content(render::AuditCsv(*entries), "text/csv; charset=utf-8");
  return Ok();
}

Status ApiAudit(Exchange& x) {
  int limit = x.Query("limit").empty() ? 100 : std::atoi(x.Query("limit").c_str());
  Result<std::vector<model::AuditEntry>> entries =
      x.services.store.ListAudit(AuditQueryOf(x, std::clamp(limit, 1, 1000)));
  if (!entries) return Fail(entries.error());
  if (x.Query("format") == "csv") {
    x.res.status = 200;
    x.res.set_header("Cache-Control", "no-store");
    x.res.set_content(render::AuditCsv(*entries), "text/csv; charset=utf-8");
    return Ok();
  }
  Json out = Json::array();
  for (const model::AuditEntry& e : *entries) out.push_back(render::AuditJson(e));
  x.SendJson(out);
  return Ok();
}

}  // namespace ladder::server::internal
