// Data for the app's templates (web/templates/app_*.mustache): what the pages share, the frame,
// signing in and errors. Every optional text is set (to false when empty) so that a template
// never picks up a key of an enclosing context. The pages are in views_growth.cc,
// views_cases.cc and views_admin.cc (app_views_internal.h).
#include "render/app_views.h"

#include <algorithm>

#include "base/text.h"
#include "render/app_views_internal.h"
#include "render/markdown.h"
#include "render/safe_url.h"
#include "render/words.h"

namespace ladder::render {
namespace internal {

std::string Str(Date d) { return d.ToString(); }

std::string Path(std::string_view a, std::string_view b) {
  return SafeUrl(std::string(a) + std::string(b));
}

std::string PersonHref(std::string_view id) { return Path("/people/", id); }
std::string CaseHref(std::string_view id) { return Path("/cases/", id); }

std::string LevelLabel(const model::Level* l) {
  if (!l) return "";
  return internal::LevelLabel(*l);
}

std::string Duration(Date from, Date to) {
  if (from.empty() || to.empty() || to < from) return "";
  int months = WholeMonthsBetween(from, to);
  if (months == 0) return "less than a month";
  int years = months / 12, rest = months % 12;
  std::string out;
  if (years) out = std::to_string(years) + (years == 1 ? " year" : " years");
  if (rest) {
    if (!out.empty()) out += " ";
    out += std::to_string(rest) + (rest == 1 ? " month" : " months");
  }
  return out;
}

std::string RoleName(model::UserRole r) {
  switch (r) {
    case model::UserRole::kAdmin:
      return "Admin";
    case model::UserRole::kPeopleTeam:
      return "People team";
    case model::UserRole::kManager:
      return "Manager";
    case model::UserRole::kReviewer:
      return "Reviewer";
    case model::UserRole::kEmployee:
      return "Employee";
  }
  return "?";
}

std::string RatingLabel(model::Rating r) {
  switch (r) {
    case model::Rating::kBelow:
      return "Below the level";
    case model::Rating::kMeeting:
      return "Meeting the level";
    case model::Rating::kNext:
      return "Performing at the next level";
  }
  return "?";
}

int RatingValue(model::Rating r) {
  switch (r) {
    case model::Rating::kBelow:
      return 1;
    case model::Rating::kMeeting:
      return 2;
    case model::Rating::kNext:
      return 3;
  }
  return 0;
}

std::string CaseTarget(const model::Case& c) {
  if (!c.target_overlay.empty()) return c.target_overlay;
  return c.target_track + "/" + c.target_level;
}

Data Frame(const Viewer& viewer, std::string_view title) {
  Data d = Object();
  Set(d, "lang", "en");
  Set(d, "title", Text(std::string(title)));
  Set(d, "home_href", "/");
  Set(d, "css_href", "/static/ladder.css");
  Set(d, "print_css_href", "/static/print.css");
  Set(d, "js_href", "/static/ladder.js");
  Set(d, "search_href", "/search.html");
  Set(d, "roles_href", "/roles/index.html");
  Set(d, "app_css_href", "/static/app.css");
  Set(d, "app_js_href", "/static/app.js");
  Set(d, "htmx_href", "/static/vendor/htmx.min.js");
  Set(d, "chart_js_href", "/static/vendor/chart.umd.min.js");
  Set(d, "account_nav", RenderAccountNav(viewer));
  if (viewer.max_body_bytes > 0)
    Set(d, "form_limits",
        "body=" + std::to_string(viewer.max_body_bytes) +
            " field=" + std::to_string(viewer.max_field_bytes));
  Set(d, "csrf", viewer.csrf);
  Set(d, "admin", viewer.admin);
  Set(d, "signed_in", !viewer.user.empty());
  return d;
}

void SetFlash(Data& d, const Flash& flash) {
  Set(d, "notice", Text(flash.notice));
  Set(d, "error", Text(flash.error));
}

std::string Inline(const Site* site, const std::string& markdown) {
  if (site)
    if (const std::string* html = site->InlineHtmlOf(markdown)) return *html;
  return InlineMarkdownToHtml(markdown);
}

Data BehaviourList(const Site* site, const std::vector<std::string>& behaviours) {
  Data list = List();
  for (const std::string& b : behaviours) {
    Data item = Object();
    Set(item, "html", Inline(site, b));
    Append(list, std::move(item));
  }
  return list;
}

Data VerdictData(const rules::Verdict& v, const SignForms& sign) {
  Data d = Object();
  Set(d, "target", Text(v.target_title));
  Set(d, "overall", rules::OverallName(v.overall));
  Set(d, "overall_label", OverallLabel(v.overall));
  Set(d, "summary", Text(v.summary));
  Data reqs = List();
  for (size_t i = 0; i < v.requirements.size(); ++i) {
    const rules::RequirementResult& r = v.requirements[i];
    Data q = Object();
    Set(q, "text", r.text);
    Set(q, "kind", text::ReplaceAll(r.kind, "_", " "));
    Set(q, "source", Text(r.source));
    Set(q, "status", rules::RequirementStatusName(r.status));
    Set(q, "status_label", StatusLabel(r.status));
    Set(q, "reason", Text(r.reason));
    Set(q, "earliest", Text(Str(r.earliest)));
    Set(q, "blocking", std::find(v.blocking.begin(), v.blocking.end(), i) != v.blocking.end());
    const bool signable = sign.signable && sign.signable->count(r.text) > 0;
    Set(q, "sign", signable);
    if (signable) {
      Set(q, "sign_action", sign.action);
      Set(q, "sign_today", Str(sign.today));
      Set(q, "sign_verb", r.kind == "approval" ? "Approve" : "Sign off");
      Set(q, "sign_id", "sign-" + std::to_string(i));
    }
    Data waivers = List();
    for (const model::Waiver& w : r.waivers) {
      Data wd = Object();
      Set(wd, "approver", w.approver);
      Set(wd, "granted", Str(w.granted));
      Set(wd, "expires", Text(Str(w.expires)));
      Set(wd, "reason", Text(w.reason));
      Append(waivers, std::move(wd));
    }
    SetList(q, "waivers", std::move(waivers));
    Append(reqs, std::move(q));
  }
  Set(d, "requirements", reqs);
  return d;
}

Data CaseItem(const model::Case& c, const Labels& labels) {
  Data d = Object();
  Set(d, "id", c.id);
  Set(d, "href", CaseHref(c.id));
  Set(d, "label", labels.Case(c));
  Set(d, "person", labels.Person(c.person));
  Set(d, "target", labels.Target(c));
  Set(d, "status", Words(model::CaseStatusName(c.status)));
  Set(d, "opened", Str(c.opened));
  Set(d, "opened_by", labels.Person(c.opened_by));
  Set(d, "outcome", Text(c.decision ? Words(model::OutcomeName(c.decision->outcome)) : ""));
  return d;
}

std::string RecordHref(std::string_view person, std::string_view kind, std::string_view id) {
  return Path("/people/", person) + "/records/" + std::string(kind) + "/" +
         SafeUrl(std::string(id));
}

void SetRetraction(Data& d, const std::optional<model::Retraction>& r,
                   const std::string& corrects) {
  Set(d, "taken_back", r.has_value());
  Set(d, "withdrawn", r.has_value() && r->replaced_by.empty());
  Set(d, "replaced_by", Text(r ? r->replaced_by : std::string()));
  Set(d, "taken_by", Text(r ? r->by : std::string()));
  Set(d, "taken_on", Text(r ? Str(r->date) : std::string()));
  Set(d, "taken_reason", Text(r ? r->reason : std::string()));
  Set(d, "corrects", Text(corrects));
}

Data EvidenceItem(const model::Evidence& e, const Labels& labels) {
  Data d = Object();
  Set(d, "record_href", RecordHref(e.person, "evidence", e.id));
  SetRetraction(d, e.retraction, e.corrects);
  Set(d, "id", e.id);
  Set(d, "kind", e.kind);
  Set(d, "title", e.title);
  Set(d, "date", Str(e.date));
  Set(d, "end", Text(Str(e.end)));
  Set(d, "role", Text(e.role));
  Set(d, "skill", Text(e.skill));
  Set(d, "signed_off_by", Text(e.signed_off_by.empty() ? "" : labels.Person(e.signed_off_by)));
  Set(d, "claim", e.kind == "sme" && e.confirmed.empty());
  Set(d, "signoff_href", Path("/evidence/", e.id));
  Set(d, "url", Text(e.url.empty() ? "" : SafeUrl(e.url)));
  Set(d, "note", Text(e.note));
  Set(d, "competencies", text::Join(e.competencies, ", "));
  return d;
}

}  // namespace internal

std::string Labels::Person(const std::string& id) const {
  auto it = people.find(id);
  return it == people.end() || it->second.empty() ? id : it->second;
}

std::string Labels::Target(const model::Case& c) const {
  auto it = targets.find(c.id);
  return it == targets.end() || it->second.empty() ? internal::CaseTarget(c) : it->second;
}

std::string Labels::Case(const model::Case& c) const {
  return Person(c.person) + " towards " + Target(c) + ", opened " + c.opened.ToString();
}

using internal::Append;
using internal::Data;
using internal::Frame;
using internal::List;
using internal::Object;
using internal::RenderTemplate;
using internal::Set;
using internal::SetList;
using internal::Str;
using internal::Text;

std::string OverallLabel(rules::Overall overall) {
  switch (overall) {
    case rules::Overall::kEligible:
      return "Eligible.";
    case rules::Overall::kNotYet:
      return "Not yet.";
    case rules::Overall::kBlocked:
      return "Not eligible yet.";
    case rules::Overall::kUndefinedTarget:
      return "Level not defined.";
    case rules::Overall::kNothingChecked:
      return "Nothing checked.";
  }
  return "";
}

std::string StatusLabel(rules::RequirementStatus status) {
  switch (status) {
    case rules::RequirementStatus::kMet:
      return "Met";
    case rules::RequirementStatus::kNotMet:
      return "Not met";
    case rules::RequirementStatus::kWaived:
      return "Waived";
    case rules::RequirementStatus::kUnknown:
      return "Unknown";
    case rules::RequirementStatus::kAwaitingSignOff:
      return "Awaiting sign-off";
    case rules::RequirementStatus::kSignedOff:
      return "Signed off";
  }
  return "";
}

std::string RenderAccountNav(const Viewer& viewer) {
  Data d = Object();
  Set(d, "signed_in", !viewer.user.empty());
  Set(d, "name", viewer.name.empty() ? viewer.user : viewer.name);
  Set(d, "csrf", viewer.csrf);
  Set(d, "author", viewer.author);
  Set(d, "sees_team", viewer.manager || viewer.author);
  Set(d, "team_label", viewer.manager ? "My team" : "People");
  Set(d, "unread", Text(viewer.unread > 0 ? std::to_string(viewer.unread) : ""));
  return RenderTemplate("app_account_nav", d);
}

std::string RenderLogin(const Viewer& viewer, const LoginView& view) {
  Data d = Frame(viewer, "Sign in");
  Set(d, "next", view.next);
  Set(d, "user", view.user);
  Set(d, "error", Text(view.error));
  Set(d, "csrf", view.csrf);
  Set(d, "public_frameworks", view.public_frameworks);
  return RenderTemplate("app_login", d);
}

std::string RenderErrorPage(const Viewer& viewer, int status, std::string_view message) {
  std::string heading = status == 404   ? "Not found"
                        : status == 403 ? "Not allowed"
                        : status == 401 ? "Sign in first"
                        : status == 409 ? "Conflict"
                        : status >= 500 ? "Something went wrong"
                                        : "That did not work";
  Data d = Frame(viewer, heading);
  Set(d, "heading", heading);
  Set(d, "message", std::string(message));
  return RenderTemplate("app_error", d);
}

namespace internal {

Data AppFrame(const Viewer& viewer, std::string_view title) { return Frame(viewer, title); }

}  // namespace internal

}  // namespace ladder::render
