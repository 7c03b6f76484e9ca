// Data for the app's templates (web/templates/app_*.mustache). Every optional text is set (to
// false when empty) so that a template never picks up a key of an enclosing context.
#include "render/app_views.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/diff.h"
#include "base/text.h"
#include "render/import_map_view.h"
#include "render/markdown.h"
#include "render/safe_url.h"
#include "render/site_internal.h"

namespace ladder::render {
namespace {

using internal::Append;
using internal::Data;
using internal::List;
using internal::Object;
using internal::RenderTemplate;
using internal::Set;
using internal::SetList;
using internal::Text;

std::string Str(Date d) { return d.ToString(); }

std::string Path(std::string_view a, std::string_view b = {}) {
  return SafeUrl(std::string(a) + std::string(b));
}

std::string PersonHref(std::string_view id) { return Path("/people/", id); }
std::string CaseHref(std::string_view id) { return Path("/cases/", id); }

std::string LevelLabel(const model::Level* l) {
  if (!l) return "";
  return internal::LevelLabel(*l);
}

// "1 year 3 months", "5 months", "less than a month".
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

// The page's frame: layout data with the account navigation, the app's stylesheet and scripts.
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

// Inline Markdown as HTML: from the site when it converted that text already.
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

Data VerdictData(const rules::Verdict& v) {
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

Data CaseItem(const model::Case& c) {
  Data d = Object();
  Set(d, "id", c.id);
  Set(d, "href", CaseHref(c.id));
  Set(d, "person", c.person);
  Set(d, "target", CaseTarget(c));
  Set(d, "status", model::CaseStatusName(c.status));
  Set(d, "opened", Str(c.opened));
  Set(d, "opened_by", c.opened_by);
  Set(d, "outcome", Text(c.decision ? model::OutcomeName(c.decision->outcome) : ""));
  return d;
}

Data EvidenceItem(const model::Evidence& e) {
  Data d = Object();
  Set(d, "id", e.id);
  Set(d, "kind", e.kind);
  Set(d, "title", e.title);
  Set(d, "date", Str(e.date));
  Set(d, "end", Text(Str(e.end)));
  Set(d, "role", Text(e.role));
  Set(d, "skill", Text(e.skill));
  Set(d, "signed_off_by", Text(e.signed_off_by));
  Set(d, "claim", e.kind == "sme" && e.confirmed.empty());
  Set(d, "signoff_href", Path("/evidence/", e.id));
  Set(d, "url", Text(e.url.empty() ? "" : SafeUrl(e.url)));
  Set(d, "note", Text(e.note));
  Set(d, "competencies", text::Join(e.competencies, ", "));
  return d;
}

}  // namespace

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

std::string RenderGrowth(const Viewer& viewer, const GrowthView& v) {
  const std::string person_name = v.person.name.empty() ? v.person.id : v.person.name;
  Data d = Frame(viewer, v.own ? "My growth" : "Growth of " + person_name);
  SetFlash(d, v.flash);
  Set(d, "heading", v.own ? "My growth" : "Growth of " + person_name);
  Set(d, "person_name", person_name);
  Set(d, "person_id", v.person.id);
  Set(d, "email", Text(v.person.email));
  Set(d, "manager", Text(v.person.manager));
  Set(d, "today", Str(v.today));
  const std::string base = PersonHref(v.person.id);
  Set(d, "evidence_action", base + "/evidence");
  Set(d, "assess_action", base + "/assessments");
  Set(d, "case_action", base + "/cases");

  const bool has_level = v.framework && v.level.level && v.current;
  Set(d, "has_level", has_level);
  Data competencies = List();
  if (v.framework) {
    for (const model::Competency& c : v.framework->competencies) {
      Data cd = Object();
      Set(cd, "id", c.id);
      Set(cd, "name", c.name.empty() ? c.id : c.name);
      Append(competencies, std::move(cd));
    }
  }
  Set(d, "competencies", std::move(competencies));
  if (has_level) {
    const model::Framework& f = *v.framework;
    const model::Level& cur = *v.level.level;
    const model::Level* next = v.next.level;
    Set(d, "level_label", LevelLabel(&cur));
    Set(d, "level_code", cur.code);
    Set(d, "level_href", Text(v.level.href));
    Set(d, "next_label", Text(LevelLabel(next)));
    Set(d, "next_code", next ? next->code : std::string("the next level"));
    Set(d, "track_name", v.level.track->name.empty() ? v.level.track->id : v.level.track->name);
    Set(d, "framework_name", f.name.empty() ? f.id : f.name);
    Set(d, "framework_version", f.version);
    Set(d, "framework_href", Path("/f/", text::Slugify(f.id)) + "/index.html");
    Set(d, "since", Str(v.current->from));
    Set(d, "time_in_level", Duration(v.current->from, v.today));

    // What is new at the next level, by competency.
    std::map<std::string, const analysis::MarkedCompetency*> news_of;
    std::optional<analysis::LevelNews> computed;
    const analysis::LevelNews* news = nullptr;
    if (next) {
      if (v.site) news = v.site->NewsOf(f.id, f.version, v.next.track->id, next->code);
      if (!news) news = &computed.emplace(analysis::NewAtLevel(f, *v.next.track, *next));
      for (const analysis::MarkedCompetency& mc : news->competencies) news_of[mc.competency] = &mc;
    }
    // The latest rating per competency and assessor role.
    std::map<std::string, std::vector<const model::Assessment*>> latest;
    for (const model::Assessment& a : v.assessments) {
      std::vector<const model::Assessment*>& list = latest[a.competency];
      auto same = std::find_if(list.begin(), list.end(), [&](const model::Assessment* b) {
        return b->role == a.role && b->assessor == a.assessor;
      });
      if (same == list.end()) {
        list.push_back(&a);
      } else if ((*same)->period_end <= a.period_end) {
        *same = &a;
      }
    }
    Data rows = List();
    nlohmann::json labels = nlohmann::json::array(), self = nlohmann::json::array(),
                   manager = nlohmann::json::array();
    bool any_rating = false;
    for (const model::Competency& c : f.competencies) {
      Data row = Object();
      Set(row, "id", text::Slugify(c.id));
      Set(row, "name", c.name.empty() ? c.id : c.name);
      const model::Expectation* cur_e = cur.FindExpectation(c.id);
      bool cur_undefined =
          cur.state == model::LevelState::kUndefined || (cur_e && cur_e->undefined);
      Set(row, "current_undefined", cur_undefined);
      Data cur_list = !cur_e || cur_undefined ? List() : BehaviourList(v.site, cur_e->behaviours);
      SetList(row, "current", std::move(cur_list));
      Set(row, "show_next", next != nullptr);
      Data next_list = List();
      bool next_undefined = false;
      std::string next_note;
      if (next) {
        auto it = news_of.find(c.id);
        if (it != news_of.end()) {
          next_undefined = it->second->undefined || next->state == model::LevelState::kUndefined;
          next_note = it->second->note;
          for (const analysis::MarkedBehaviour& b : it->second->behaviours) {
            Data item = Object();
            Set(item, "html", Inline(v.site, b.text));
            Set(item, "new", b.mark == analysis::Mark::kNew || b.mark == analysis::Mark::kChanged);
            Append(next_list, std::move(item));
          }
        }
      }
      Set(row, "next_undefined", next_undefined);
      Set(row, "next_note", Text(next_note));
      SetList(row, "next", std::move(next_list));
      Data ratings = List();
      int self_value = 0, manager_value = 0;
      for (const model::Assessment* a : latest[c.id]) {
        Data r = Object();
        Set(r, "rating", model::RatingName(a->rating));
        Set(r, "rating_label", RatingLabel(a->rating));
        Set(r, "role", std::string(model::AssessorRoleName(a->role)) + " (" + a->assessor + ")");
        Set(r, "period", Str(a->period_start) + " – " + Str(a->period_end));
        Set(r, "note", Text(a->note));
        Append(ratings, std::move(r));
        if (a->role == model::AssessorRole::kSelf) self_value = RatingValue(a->rating);
        if (a->role == model::AssessorRole::kManager) manager_value = RatingValue(a->rating);
        any_rating = true;
      }
      SetList(row, "ratings", std::move(ratings));
      Append(rows, std::move(row));
      labels.push_back(c.name.empty() ? c.id : c.name);
      self.push_back(self_value ? nlohmann::json(self_value) : nlohmann::json(nullptr));
      manager.push_back(manager_value ? nlohmann::json(manager_value) : nlohmann::json(nullptr));
    }
    Set(d, "rows", std::move(rows));
    // The radar: the person's latest ratings against what this level (2) and the next (3) ask.
    // (A radar needs three axes; with fewer competencies the same data is drawn as bars.)
    if (any_rating) {
      nlohmann::json radar = {
          {"type", f.competencies.size() >= 3 ? "radar" : "bar"},
          {"labels", labels},
          {"datasets",
           nlohmann::json::array(
               {{{"label", "Manager's rating"}, {"data", manager}},
                {{"label", "Self-assessment"}, {"data", self}},
                {{"label", "Expected at " + cur.code},
                 {"data", nlohmann::json::array()},
                 {"expected", 2}},
                {{"label", "Expected at " + (next ? next->code : std::string("the next level"))},
                 {"data", nlohmann::json::array()},
                 {"expected", 3}}})}};
      for (auto& ds : radar["datasets"])
        if (ds.contains("expected"))
          for (size_t i = 0; i < labels.size(); ++i) ds["data"].push_back(ds["expected"]);
      Set(d, "has_radar", true);
      Set(d, "radar_json", radar.dump());
    } else {
      Set(d, "has_radar", false);
    }
    if (v.verdict) {
      Set(d, "verdict", VerdictData(*v.verdict));
    } else {
      Set(d, "verdict", false);
    }
  } else {
    Set(d, "verdict", false);
  }

  Data evidence = List();
  for (const model::Evidence& e : v.evidence) Append(evidence, EvidenceItem(e));
  SetList(d, "evidence", std::move(evidence));
  Data kinds = List();
  for (const char* k : model::kEvidenceKinds) Append(kinds, Data(std::string(k)));
  Set(d, "kinds", std::move(kinds));
  Set(d, "open_evidence", v.evidence.empty());

  // Assessment form: a self-assessment on one's own page, a manager's on a report's.
  const bool may_assess = has_level && (v.own || v.as_manager);
  Set(d, "may_assess", may_assess);
  Set(d, "assess_heading", v.own ? "Self-assessment" : "Manager assessment");
  Set(d, "period_from", Str(v.today.AddMonths(-6)));
  Set(d, "period_to", Str(v.today));

  Data cases = List();
  bool open_case = false;
  for (const model::Case& c : v.cases) {
    Append(cases, CaseItem(c));
    open_case = open_case || c.status != model::CaseStatus::kClosed;
  }
  SetList(d, "cases", std::move(cases));
  Data targets = List();
  if (has_level) {
    const model::Framework& f = *v.framework;
    for (const model::Track& t : f.tracks)
      for (const model::Level& l : t.levels) {
        if (v.level.level == &l || l.state == model::LevelState::kUndefined) continue;
        Data o = Object();
        Set(o, "value", t.id + "/" + l.code);
        Set(o, "label", (t.name.empty() ? t.id : t.name) + ": " + internal::LevelLabel(l));
        Set(o, "selected", v.next.level == &l);
        Append(targets, std::move(o));
      }
    for (const model::OverlayRole& o : f.overlays) {
      Data od = Object();
      Set(od, "value", o.id);
      Set(od, "label", "Role: " + (o.name.empty() ? o.id : o.name));
      Set(od, "selected", false);
      Append(targets, std::move(od));
    }
  }
  Set(d, "targets", std::move(targets));
  Set(d, "may_open_case", has_level && !open_case && v.may_open_case);

  Data history = List();
  for (const model::Assignment& a : v.history) {
    Data h = Object();
    Set(h, "from", Str(a.from));
    Set(h, "to", a.to.empty() ? std::string("now") : Str(a.to));
    Set(h, "framework", a.framework);
    Set(h, "track", a.track);
    Set(h, "level", a.level);
    Set(h, "overlays", Text(text::Join(a.overlays, ", ")));
    Set(h, "reason", Text(a.reason));
    Append(history, std::move(h));
  }
  SetList(d, "history", std::move(history));
  return RenderTemplate("app_growth", d);
}

std::string RenderTeam(const Viewer& viewer, const TeamView& v) {
  Data d = Frame(viewer, v.title);
  Set(d, "heading", v.title);
  Data members = List();
  std::map<std::string, int> per_level;
  std::vector<std::string> level_order;
  std::map<std::string, std::string> names;
  for (const TeamMember& m : v.members)
    names[m.person.id] = m.person.name.empty() ? m.person.id : m.person.name;
  for (const TeamMember& m : v.members) {
    Data md = Object();
    Set(md, "name", names[m.person.id]);
    Set(md, "href", PersonHref(m.person.id));
    Set(md, "indirect", m.depth > 1);
    Set(md, "via",
        Text(names.count(m.person.manager) ? names[m.person.manager] : m.person.manager));
    std::string level = m.level_label.empty() ? std::string("no level") : m.level_label;
    Set(md, "level", level);
    Set(md, "since", Text(m.current ? Str(m.current->from) : ""));
    Set(md, "time_in_level", Text(m.current ? Duration(m.current->from, v.today) : ""));
    if (m.readiness) {
      Data r = Object();
      Set(r, "overall", rules::OverallName(m.readiness->overall));
      Set(r, "overall_label", OverallLabel(m.readiness->overall));
      Set(r, "earliest",
          Text(m.readiness->overall == rules::Overall::kNotYet ? Str(m.readiness->earliest) : ""));
      std::string missing;
      if (m.readiness->overall == rules::Overall::kBlocked)
        missing = std::to_string(m.readiness->blocking.size()) + " of " +
                  std::to_string(m.readiness->requirements.size()) + " requirements missing";
      if (m.readiness->overall == rules::Overall::kUndefinedTarget)
        missing = "the framework leaves the next level undefined";
      if (m.readiness->overall == rules::Overall::kNothingChecked)
        missing = "no requirements are defined for this level; nothing was checked";
      Set(r, "missing", Text(missing));
      Set(md, "readiness", r);
    } else {
      Set(md, "readiness", false);
      Set(md, "no_readiness", m.current ? "top of the track" : "no level recorded");
    }
    Data open = List();
    for (const model::Case& c : m.open_cases) Append(open, CaseItem(c));
    Set(md, "open_cases", std::move(open));
    Append(members, std::move(md));
    if (!per_level.count(level)) level_order.push_back(level);
    ++per_level[level];
  }
  SetList(d, "members", std::move(members));
  Set(d, "count", std::to_string(v.members.size()));
  Data distribution = List();
  nlohmann::json labels = nlohmann::json::array(), counts = nlohmann::json::array();
  for (const std::string& l : level_order) {
    Data row = Object();
    Set(row, "label", l);
    Set(row, "count", std::to_string(per_level[l]));
    Append(distribution, std::move(row));
    labels.push_back(l);
    counts.push_back(per_level[l]);
  }
  Set(d, "distribution", std::move(distribution));
  nlohmann::json chart = {
      {"labels", labels},
      {"datasets", nlohmann::json::array({{{"label", "People"}, {"data", counts}}})}};
  Set(d, "distribution_json", chart.dump());
  return RenderTemplate("app_team", d);
}

std::string RenderCases(const Viewer& viewer, const CasesView& v) {
  Data d = Frame(viewer, "Advancement reviews");
  std::map<std::string, std::string> names(v.names.begin(), v.names.end());
  Data cases = List();
  for (const model::Case& c : v.cases) {
    Data cd = CaseItem(c);
    auto it = names.find(c.person);
    Set(cd, "person", it == names.end() || it->second.empty() ? c.person : it->second);
    Append(cases, std::move(cd));
  }
  SetList(d, "cases", std::move(cases));
  return RenderTemplate("app_cases", d);
}

std::string RenderCase(const Viewer& viewer, const CaseView& v) {
  const model::Case& c = v.review;
  const std::string person_name = v.person.name.empty() ? v.person.id : v.person.name;
  Data d = Frame(viewer, "Review " + c.id);
  SetFlash(d, v.flash);
  Set(d, "id", c.id);
  Set(d, "action", CaseHref(c.id));
  Set(d, "person_name", person_name);
  Set(d, "target", v.target_label.empty() ? CaseTarget(c) : v.target_label);
  Set(d, "opened", Str(c.opened));
  Set(d, "opened_by", c.opened_by);
  Set(d, "framework", c.framework);
  Set(d, "version", c.version);
  Set(d, "consensus_rule", model::ConsensusRuleName(c.consensus));
  Set(d, "today", Str(v.today));
  const model::CaseStatus order[] = {model::CaseStatus::kOpen, model::CaseStatus::kPortfolio,
                                     model::CaseStatus::kPeerReview, model::CaseStatus::kDecision,
                                     model::CaseStatus::kClosed};
  Data states = List();
  bool past = true;
  for (model::CaseStatus s : order) {
    Data sd = Object();
    Set(sd, "name", text::ReplaceAll(model::CaseStatusName(s), "_", " "));
    bool current = s == c.status;
    if (current) past = false;
    Set(sd, "current", current);
    Set(sd, "done", past && !current);
    Append(states, std::move(sd));
  }
  Set(d, "states", std::move(states));
  const bool closed = c.status == model::CaseStatus::kClosed;
  Data moves = List();
  if (v.may.move)
    for (const std::string& m : v.next_states) Append(moves, Data(m));
  SetList(d, "moves", std::move(moves));

  Data portfolio = List();
  for (const model::Evidence& e : v.portfolio) Append(portfolio, EvidenceItem(e));
  SetList(d, "portfolio", std::move(portfolio));
  Data addable = List();
  for (const model::Evidence& e : v.addable) Append(addable, EvidenceItem(e));
  Set(d, "addable", std::move(addable));
  Set(d, "may_add_evidence",
      !closed && !v.addable.empty() && v.may.add_evidence &&
          (c.status == model::CaseStatus::kOpen || c.status == model::CaseStatus::kPortfolio));

  std::map<std::string, std::string> names;
  for (const model::Person& p : v.reviewers) names[p.id] = p.name.empty() ? p.id : p.name;
  Data panel = List();
  for (const std::string& r : c.panel) {
    Data pd = Object();
    Set(pd, "name", names.count(r) ? names[r] + " (" + r + ")" : r);
    auto vote = std::find_if(c.votes.begin(), c.votes.end(),
                             [&](const model::Vote& x) { return x.reviewer == r; });
    Set(pd, "vote",
        vote == c.votes.end() ? std::string("not yet") : model::VoteChoiceName(vote->choice));
    Set(pd, "date", Text(vote == c.votes.end() ? "" : Str(vote->date)));
    Set(pd, "note", Text(vote == c.votes.end() ? "" : vote->note));
    Append(panel, std::move(pd));
  }
  SetList(d, "panel", std::move(panel));
  Set(d, "consensus", v.consensus);
  Set(d, "consensus_reached", v.consensus_reached);
  Data reviewers = List();
  for (const model::Person& p : v.reviewers) {
    if (p.id == c.person) continue;
    Data rd = Object();
    Set(rd, "id", p.id);
    Set(rd, "name", p.name.empty() ? p.id : p.name);
    Set(rd, "on", std::find(c.panel.begin(), c.panel.end(), p.id) != c.panel.end());
    Append(reviewers, std::move(rd));
  }
  Set(d, "reviewers", std::move(reviewers));
  Set(d, "may_set_panel", !closed && v.may.panel && c.status != model::CaseStatus::kDecision);
  Set(d, "may_vote", v.may.vote && c.status == model::CaseStatus::kPeerReview);

  Set(d, "verdict", v.verdict ? VerdictData(*v.verdict) : Data(false));
  Data waivers = List();
  for (const model::Waiver& w : v.waivers) {
    Data wd = Object();
    Set(wd, "id", w.id);
    Set(wd, "requirement", w.requirement);
    Set(wd, "approver", w.approver);
    Set(wd, "granted", Str(w.granted));
    Set(wd, "expires", Text(Str(w.expires)));
    Set(wd, "reason", Text(w.reason));
    Set(wd, "revoked", Text(Str(w.revoked)));
    Set(wd, "revoked_by", w.revoked_by);
    Set(wd, "revoke_reason", Text(w.revoke_reason));
    Set(wd, "may_revoke", !closed && v.may.waive && w.revoked.empty());
    Append(waivers, std::move(wd));
  }
  SetList(d, "waivers", std::move(waivers));
  Data requirements = List();
  for (const std::string& r : v.requirements) Append(requirements, Data(r));
  Set(d, "requirements", std::move(requirements));
  Set(d, "may_waive", !closed && v.may.waive && !v.requirements.empty());
  if (c.decision) {
    Data dd = Object();
    Set(dd, "outcome", text::ReplaceAll(model::OutcomeName(c.decision->outcome), "_", " "));
    Set(dd, "effective", Str(c.decision->effective));
    Set(dd, "decided_by", c.decision->decided_by);
    Set(dd, "note", Text(c.decision->note));
    Set(d, "decision", dd);
  } else {
    Set(d, "decision", false);
  }
  Set(d, "may_decide", v.may.decide && c.status == model::CaseStatus::kDecision && !c.decision);
  Data history = List();
  for (const model::CaseEvent& e : c.history) {
    Data h = Object();
    Set(h, "date", Str(e.date));
    Set(h, "actor", e.actor);
    Set(h, "what", e.what);
    Append(history, std::move(h));
  }
  Set(d, "history", std::move(history));
  return RenderTemplate("app_case", d);
}

std::string RenderNeeds(const Viewer& viewer, const NeedsView& v) {
  Data d = Frame(viewer, "Documented needs");
  SetFlash(d, v.flash);
  Data open = List(), done = List();
  for (const model::Need& n : v.needs) {
    Data nd = Object();
    Set(nd, "id", n.id);
    Set(nd, "framework", n.framework);
    std::string target =
        !n.overlay.empty() ? n.overlay : n.track + (n.level.empty() ? "" : "/" + n.level);
    Set(nd, "target", target);
    Set(nd, "reason", Text(n.reason));
    Set(nd, "opened", Str(n.opened));
    Set(nd, "opened_by", n.opened_by);
    Set(nd, "status", model::NeedStatusName(n.status));
    Set(nd, "closed", Text(Str(n.closed)));
    Set(nd, "filled_by_case", Text(n.filled_by_case));
    Set(nd, "filled_href", Text(n.filled_by_case.empty() ? "" : CaseHref(n.filled_by_case)));
    Set(nd, "may_close", std::find(v.closable.begin(), v.closable.end(), n.id) != v.closable.end());
    Append(n.status == model::NeedStatus::kOpen ? open : done, std::move(nd));
  }
  SetList(d, "open", std::move(open));
  SetList(d, "done", std::move(done));
  Data targets = List();
  for (const auto& [framework, options] : v.targets) {
    Data fd = Object();
    Set(fd, "framework", framework);
    Data opts = List();
    for (const auto& [value, label] : options) {
      Data o = Object();
      Set(o, "value", value);
      Set(o, "label", label);
      Append(opts, std::move(o));
    }
    Set(fd, "options", std::move(opts));
    Append(targets, std::move(fd));
  }
  Set(d, "targets", std::move(targets));
  Set(d, "may_open", v.may_open && !v.targets.empty());
  return RenderTemplate("app_needs", d);
}

std::string RenderSignOff(const Viewer& viewer, const SignOffView& v) {
  Data d = Frame(viewer, "SME sign-off");
  SetFlash(d, v.flash);
  Data e = EvidenceItem(v.evidence);
  Set(e, "person_name", v.person_name);
  Set(e, "confirmed", Text(Str(v.evidence.confirmed)));
  Set(d, "signoff", std::move(e));
  Set(d, "may_confirm", v.may_confirm);
  Set(d, "confirm_action", Path("/evidence/", v.evidence.id) + "/confirm");
  return RenderTemplate("app_signoff", d);
}

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
    Set(td, "created", t.created_at.substr(0, 10));
    Set(td, "expires", t.expires_at.empty() ? std::string("never") : t.expires_at.substr(0, 10));
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
      Set(o, "label", (p.name.empty() ? p.id : p.name) + " (" + p.id + ")");
      Set(o, "selected", p.id == u.person);
      Append(people, std::move(o));
    }
    Set(ud, "person_options", std::move(people));
    Set(ud, "disabled", u.disabled);
    Append(users, std::move(ud));
  }
  Set(d, "users", std::move(users));
  Set(d, "count", std::to_string(v.users.size()));
  Data people = List();
  for (const model::Person& p : v.people) {
    Data o = Object();
    Set(o, "value", p.id);
    Set(o, "label", (p.name.empty() ? p.id : p.name) + " (" + p.id + ")");
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
      Set(vd, "saved_at", ver.saved_at);
      Set(vd, "published_at", Text(ver.published_at));
      Set(vd, "draft", ver.status == model::FrameworkStatus::kDraft);
      auto leaks = v.leaks.find({f.id, ver.version});
      SetList(vd, "leaks", internal::LeaksData(leaks == v.leaks.end() ? nullptr : &leaks->second));
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
  Set(d, "count", std::to_string(v.findings.size()));
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
  Set(d, "source_words", std::to_string(v.source_words));
  Set(d, "imported_words", std::to_string(v.imported_words));
  Data missing = List();
  for (const auto& [line, passage] : v.not_imported) {
    Data m = Object();
    Set(m, "line", std::to_string(line));
    Set(m, "text", passage);
    Append(missing, std::move(m));
  }
  SetList(d, "not_imported", std::move(missing));
  Data warnings = List();
  for (const std::string& w : v.warnings) Append(warnings, Data(w));
  SetList(d, "warnings", std::move(warnings));
  SetImportMap(d, v);
  return RenderTemplate("app_edit", d);
}

std::string RenderImportForm(const Viewer& viewer, const std::vector<std::string>& formats,
                             const Flash& flash) {
  Data d = Frame(viewer, "Import a document");
  SetFlash(d, flash);
  Data list = List();
  for (const std::string& f : formats) Append(list, Data(f));
  Set(d, "formats", std::move(list));
  return RenderTemplate("app_import", d);
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
    Set(ed, "at", e.at);
    Set(ed, "actor", e.actor);
    Set(ed, "action", e.action);
    Set(ed, "subject", e.subject);
    Set(ed, "before", Text(e.before));
    Set(ed, "after", Text(e.after));
    Append(entries, std::move(ed));
  }
  Set(d, "entries", std::move(entries));
  Set(d, "count", std::to_string(v.entries.size()));
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

namespace internal {

Data AppFrame(const Viewer& viewer, std::string_view title) { return Frame(viewer, title); }

}  // namespace internal

}  // namespace ladder::render
