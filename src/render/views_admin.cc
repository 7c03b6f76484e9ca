// The account and administration pages of the app: the account, users, frameworks, the YAML
// editor, importing and the audit log (app_views.h).
#include <algorithm>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

#include "analysis/diff.h"
#include "render/import_map_view.h"
#include "render/safe_url.h"

#include "base/text.h"
#include "model/rule.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

// The helpers every page of the app shares (app_views_internal.h).
using namespace internal;

std::string RenderAccount(const Viewer& viewer, const AccountView& v) {
  Data d = Frame(viewer, "Your account");
  SetFlash(d, v.flash);
  Set(d, "user_id", v.user.id);
  Set(d, "user_name", v.user.name);
  std::vector<std::string> roles;
  for (model::UserRole r : v.user.roles) roles.push_back(RoleName(r));
  Set(d, "roles", text::Join(roles, ", "));
  Set(d, "person", Text(v.user.person));
  Set(d, "min_password", "10");
  Set(d, "new_token", Text(v.new_token));
  Set(d, "notify_prefs", v.notify_prefs);
  Data tokens = List();
  for (const storage::ApiToken& t : v.tokens) {
    Data td = Object();
    Set(td, "id", t.id);
    Set(td, "name", t.name);
    Set(td, "created", Day(t.created_at));
    Set(td, "expires", t.expires_at.empty() ? std::string("never") : Day(t.expires_at));
    Set(td, "scope", model::TokenScopeName(t.scope));
    Set(td, "status", t.revoked ? "revoked" : "active");
    Set(td, "revoked", t.revoked);
    Append(tokens, std::move(td));
  }
  SetList(d, "tokens", std::move(tokens));
  return RenderTemplate("app_account", d);
}

std::string RenderUsers(const Viewer& viewer, const UsersView& v) {
  Data d = Frame(viewer, "Users and roles");
  SetFlash(d, v.flash);
  const model::UserRole all[] = {model::UserRole::kAdmin, model::UserRole::kPeopleTeam,
                                 model::UserRole::kManager, model::UserRole::kReviewer,
                                 model::UserRole::kEmployee};
  Data users = List();
  for (const model::User& u : v.users) {
    Data ud = Object();
    Set(ud, "id", u.id);
    Set(ud, "name", u.name);
    Set(ud, "person", Text(u.person));
    std::vector<std::string> names;
    Data options = List();
    for (model::UserRole r : all) {
      bool has = std::find(u.roles.begin(), u.roles.end(), r) != u.roles.end();
      if (has) names.push_back(RoleName(r));
      Data o = Object();
      Set(o, "value", model::UserRoleName(r));
      Set(o, "label", RoleName(r));
      Set(o, "checked", has);
      Append(options, std::move(o));
    }
    Set(ud, "roles", text::Join(names, ", "));
    Set(ud, "role_options", std::move(options));
    Data people = List();
    for (const model::Person& p : v.people) {
      Data o = Object();
      Set(o, "value", p.id);
      Set(o, "label", p.DisplayName() + " (" + p.id + ")");
      Set(o, "selected", p.id == u.person);
      Append(people, std::move(o));
    }
    Set(ud, "person_options", std::move(people));
    Set(ud, "disabled", u.disabled);
    Append(users, std::move(ud));
  }
  Set(d, "users", std::move(users));
  Set(d, "count", Count(v.users.size(), "account", "accounts"));
  Data people = List();
  for (const model::Person& p : v.people) {
    Data o = Object();
    Set(o, "value", p.id);
    Set(o, "label", p.DisplayName() + " (" + p.id + ")");
    Append(people, std::move(o));
  }
  Set(d, "people", std::move(people));
  Data new_roles = List();
  for (model::UserRole r : all) {
    Data o = Object();
    Set(o, "value", model::UserRoleName(r));
    Set(o, "label", RoleName(r));
    Set(o, "checked", r == model::UserRole::kEmployee);
    Append(new_roles, std::move(o));
  }
  Set(d, "new_roles", std::move(new_roles));
  return RenderTemplate("app_users", d);
}

std::string RenderFrameworks(const Viewer& viewer, const FrameworksView& v) {
  Data d = Frame(viewer, "Frameworks");
  SetFlash(d, v.flash);
  Data frameworks = List();
  for (const storage::FrameworkInfo& f : v.frameworks) {
    Data fd = Object();
    Set(fd, "id", f.id);
    Set(fd, "name", f.name.empty() ? f.id : f.name);
    Set(fd, "published_href",
        Text(f.latest_published.empty() ? "" : Path("/f/", text::Slugify(f.id)) + "/index.html"));
    Data versions = List();
    for (const storage::VersionInfo& ver : f.versions) {
      Data vd = Object();
      Set(vd, "framework", ver.framework);
      Set(vd, "version", ver.version);
      Set(vd, "status", model::FrameworkStatusName(ver.status));
      Set(vd, "saved_at", Moment(ver.saved_at));
      Set(vd, "published_at", Text(Moment(ver.published_at)));
      Set(vd, "draft", ver.status == model::FrameworkStatus::kDraft);
      const std::string href = Path("/admin/frameworks/", f.id) + "/" + Path(ver.version);
      Set(vd, "publish_href", href + "/publish");
      Set(vd, "preview_href", href + "/preview/f/" + text::Slugify(f.id) + "/index.html");
      auto leaks = v.leaks.find({f.id, ver.version});
      SetList(vd, "leaks", internal::LeaksData(leaks == v.leaks.end() ? nullptr : &leaks->second));
      // A draft is proposed for review on its publish page; its request, once it has one.
      auto change = v.changes.find({f.id, ver.version});
      const model::ChangeRequest* r = change == v.changes.end() ? nullptr : &change->second;
      Set(vd, "change_href", Text(r ? ChangeHref(r->id) : ""));
      Set(vd, "change_status", Text(r ? Words(model::ChangeStatusName(r->status)) : ""));
      Set(vd, "may_propose",
          ver.status == model::FrameworkStatus::kDraft && (!r || model::IsTerminal(r->status)));
      Set(vd, "propose_href", href + "/publish#propose");
      Append(versions, std::move(vd));
    }
    Set(fd, "versions", std::move(versions));
    Append(frameworks, std::move(fd));
  }
  Set(d, "frameworks", std::move(frameworks));
  return RenderTemplate("app_frameworks", d);
}

namespace {

// The findings part of the editor, into `d` (a fragment's data or the whole page's).
void SetFindings(Data& d, const EditView& v) {
  Set(d, "error", Text(v.error));
  Set(d, "checked", v.checked);
  Data findings = List();
  for (const analysis::Finding& f : v.findings) {
    Data fd = Object();
    Set(fd, "where", f.location.ToString());
    Set(fd, "severity", analysis::SeverityName(f.severity));
    Set(fd, "code", f.code);
    Set(fd, "message", f.message);
    Append(findings, std::move(fd));
  }
  SetList(d, "findings", std::move(findings));
  Set(d, "count", Count(v.findings.size(), "finding", "findings"));
}

// The kinds of requirement rules as the structured editor reads them (web/static/editor.js):
// [{"name": "time_at_level", "word": "", "params": [{"name": "level", "type": "text",
// "required": false}, ...]}, ...], from the table of kinds (model/rule.h). Names are
// identifiers, so they need no escaping.
std::string RuleKindsJson() {
  std::string out = "[";
  model::ForEachRuleKind([&]<typename Kind>(std::type_identity<Kind>) {
    if (out.size() > 1) out += ",";
    out += "{\"name\":\"" + std::string(Kind::kName) + "\",\"word\":\"";
    if constexpr (requires { Kind::kWord; }) out += Kind::kWord;
    out += "\",\"params\":[";
    bool first = true;
    model::ForEachParam<Kind>([&](const auto& param) {
      using T = std::remove_cvref_t<decltype(std::declval<Kind&>().*(param.member))>;
      const char* type = std::is_same_v<T, bool>     ? "boolean"
                         : std::is_same_v<T, int>    ? "integer"
                         : std::is_same_v<T, double> ? "number"
                                                     : "text";
      out += std::string(first ? "" : ",") + "{\"name\":\"" + std::string(param.name) +
             "\",\"type\":\"" + type + "\",\"required\":" +
             (param.presence == model::Presence::kRequired ? "true" : "false") + "}";
      first = false;
    });
    out += "]}";
  });
  return out + "]";
}

}  // namespace

std::string RenderFindings(const EditView& v) {
  Data d = Object();
  SetFindings(d, v);
  return RenderTemplate("app_findings", d);
}

std::string RenderEdit(const Viewer& viewer, const EditView& v) {
  Data d = Frame(viewer, v.title);
  SetFlash(d, v.flash);
  SetFindings(d, v);
  Set(d, "heading", v.title);
  Set(d, "yaml", v.yaml);
  Set(d, "checked_key", v.checked_key);
  Set(d, "saved", v.saved);
  Set(d, "import", v.import);
  Set(d, "rule_kinds", RuleKindsJson());
  if (!v.draft.first.empty()) {
    const auto& [id, version] = v.draft;
    const std::string href = Path("/admin/frameworks/", id) + "/" + Path(version);
    Set(d, "draft_version", version);
    Set(d, "preview_href", href + "/preview/f/" + text::Slugify(id) + "/index.html");
    Set(d, "publish_href", href + "/publish");
  }
  SetImportChoices(d, v);
  Data warnings = List();
  for (const std::string& w : v.warnings) Append(warnings, Data(w));
  SetList(d, "warnings", std::move(warnings));
  SetImportMap(d, v);
  return RenderTemplate("app_edit", d);
}

std::string RenderImportForm(const Viewer& viewer, const ImportFormView& v) {
  Data d = Frame(viewer, "Import documents");
  SetFlash(d, v.flash);
  Set(d, "max_files", std::to_string(v.max_files));
  Set(d, "max_size", std::to_string(v.max_bytes >> 20) + " MiB");
  Data list = List();
  for (const std::string& f : v.formats) {
    Data option = Object();
    Set(option, "name", f);
    Set(option, "selected", f == v.format);
    Append(list, std::move(option));
  }
  Set(d, "formats", std::move(list));
  return RenderTemplate("app_import", d);
}

std::string RenderPeopleUpload(const Viewer& viewer, const PeopleUploadView& v) {
  Data d = Frame(viewer, "People from an HRIS file");
  SetFlash(d, v.flash);
  Set(d, "file_name", v.file_name);
  Data errors = List();
  for (const Error& e : v.errors) {
    Data ed = Object();
    Set(ed, "text", e.ToString());
    Append(errors, std::move(ed));
  }
  SetList(d, "errors", std::move(errors));
  Set(d, "previewed", v.previewed && v.errors.empty());
  Set(d, "csv", v.csv);
  Set(d, "checked", v.checked);
  // Each person with the level of their latest period.
  std::map<std::string, const model::Assignment*> latest;
  std::map<std::string, int> periods;
  for (const model::Assignment& a : v.history) {
    ++periods[a.person];
    const model::Assignment*& l = latest[a.person];
    if (!l || l->from < a.from) l = &a;
  }
  Data people = List();
  for (const model::Person& p : v.people) {
    Data pd = Object();
    Set(pd, "id", p.id);
    Set(pd, "name", p.name);
    Set(pd, "manager", Text(p.manager));
    const model::Assignment* a = latest[p.id];
    Set(pd, "level", Text(a ? a->framework + " " + a->track + "/" + a->level : ""));
    Set(pd, "since", Text(a ? Str(a->from) : ""));
    Set(pd, "periods", std::to_string(periods[p.id]));
    Append(people, std::move(pd));
  }
  SetList(d, "people", std::move(people));
  Set(d, "count", Count(v.people.size(), "person", "people"));
  Set(d, "periods", Count(v.history.size(), "period", "periods"));
  return RenderTemplate("app_people_upload", d);
}

std::string RenderAudit(const Viewer& viewer, const AuditView& v) {
  Data d = Frame(viewer, "Audit log");
  Set(d, "actor", v.query.actor);
  Set(d, "subject", v.query.subject);
  Set(d, "action", v.query.action_prefix);
  Set(d, "csv_href", SafeUrl(v.csv_href));
  Set(d, "more_href", Text(v.more_href.empty() ? "" : SafeUrl(v.more_href)));
  Data entries = List();
  for (const model::AuditEntry& e : v.entries) {
    Data ed = Object();
    Set(ed, "id", std::to_string(e.id));
    Set(ed, "at", Moment(e.at));
    Set(ed, "at_iso", e.at);
    Set(ed, "actor", e.actor);
    Set(ed, "action", e.action);
    Set(ed, "subject", e.subject);
    Set(ed, "before", Text(e.before));
    Set(ed, "after", Text(e.after));
    Append(entries, std::move(ed));
  }
  Set(d, "entries", std::move(entries));
  Set(d, "count", Count(v.entries.size(), "entry", "entries"));
  return RenderTemplate("app_audit", d);
}

std::string AuditCsv(const std::vector<model::AuditEntry>& entries) {
  auto cell = [](std::string s) {
    // A cell a spreadsheet would run as a formula is defused with a leading apostrophe.
    if (!s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
      s.insert(0, "'");
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    return "\"" + text::ReplaceAll(s, "\"", "\"\"") + "\"";
  };
  std::string out = "id,at,actor,action,subject,before,after\r\n";
  for (const model::AuditEntry& e : entries) {
    out += std::to_string(e.id) + "," + cell(e.at) + "," + cell(e.actor) + "," + cell(e.action) +
           "," + cell(e.subject) + "," + cell(e.before) + "," + cell(e.after) + "\r\n";
  }
  return out;
}

}  // namespace ladder::render
