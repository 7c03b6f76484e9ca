// Data for the app's templates (web/templates/app_*.mustache). Every optional text is set (to
// false when empty) so that a template never picks up a key of an enclosing context.
#include "render/app_views.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/diff.h"
#include "base/text.h"
#include "render/markdown.h"
#include "render/safe_url.h"
#include "render/site_internal.h"

namespace ladder::render {
namespace {

using internal::Data;
using internal::List;
using internal::Object;
using internal::RenderTemplate;
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
  d.set("lang", "en");
  d.set("title", Text(std::string(title)));
  d.set("home_href", "/");
  d.set("css_href", "/static/ladder.css");
  d.set("print_css_href", "/static/print.css");
  d.set("js_href", "/static/ladder.js");
  d.set("search_href", "/search.html");
  d.set("roles_href", "/roles/index.html");
  d.set("app_css_href", "/static/app.css");
  d.set("app_js_href", "/static/app.js");
  d.set("htmx_href", "/static/vendor/htmx.min.js");
  d.set("chart_js_href", "/static/vendor/chart.umd.min.js");
  d.set("account_nav", RenderAccountNav(viewer));
  d.set("csrf", viewer.csrf);
  d.set("admin", viewer.admin);
  d.set("signed_in", !viewer.user.empty());
  return d;
}

void SetFlash(Data& d, const Flash& flash) {
  d.set("notice", Text(flash.notice));
  d.set("error", Text(flash.error));
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
    item.set("html", Inline(site, b));
    list.push_back(item);
  }
  return list;
}

Data VerdictData(const rules::Verdict& v) {
  Data d = Object();
  d.set("target", Text(v.target_title));
  d.set("overall", rules::OverallName(v.overall));
  d.set("overall_label", OverallLabel(v.overall));
  d.set("summary", Text(v.summary));
  Data reqs = List();
  for (size_t i = 0; i < v.requirements.size(); ++i) {
    const rules::RequirementResult& r = v.requirements[i];
    Data q = Object();
    q.set("text", r.text);
    q.set("kind", text::ReplaceAll(r.kind, "_", " "));
    q.set("source", Text(r.source));
    q.set("status", rules::RequirementStatusName(r.status));
    q.set("status_label", StatusLabel(r.status));
    q.set("reason", Text(r.reason));
    q.set("earliest", Text(Str(r.earliest)));
    q.set("blocking", std::find(v.blocking.begin(), v.blocking.end(), i) != v.blocking.end());
    Data waivers = List();
    for (const model::Waiver& w : r.waivers) {
      Data wd = Object();
      wd.set("approver", w.approver);
      wd.set("granted", Str(w.granted));
      wd.set("expires", Text(Str(w.expires)));
      wd.set("reason", Text(w.reason));
      waivers.push_back(wd);
    }
    SetList(q, "waivers", waivers);
    reqs.push_back(q);
  }
  d.set("requirements", reqs);
  return d;
}

Data CaseItem(const model::Case& c) {
  Data d = Object();
  d.set("id", c.id);
  d.set("href", CaseHref(c.id));
  d.set("person", c.person);
  d.set("target", CaseTarget(c));
  d.set("status", model::CaseStatusName(c.status));
  d.set("opened", Str(c.opened));
  d.set("opened_by", c.opened_by);
  d.set("outcome", Text(c.decision ? model::OutcomeName(c.decision->outcome) : ""));
  return d;
}

Data EvidenceItem(const model::Evidence& e) {
  Data d = Object();
  d.set("id", e.id);
  d.set("kind", e.kind);
  d.set("title", e.title);
  d.set("date", Str(e.date));
  d.set("end", Text(Str(e.end)));
  d.set("role", Text(e.role));
  d.set("skill", Text(e.skill));
  d.set("signed_off_by", Text(e.signed_off_by));
  d.set("url", Text(e.url.empty() ? "" : SafeUrl(e.url)));
  d.set("note", Text(e.note));
  d.set("competencies", text::Join(e.competencies, ", "));
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
  d.set("signed_in", !viewer.user.empty());
  d.set("name", viewer.name.empty() ? viewer.user : viewer.name);
  d.set("csrf", viewer.csrf);
  d.set("author", viewer.author);
  d.set("sees_team", viewer.manager || viewer.author);
  d.set("team_label", viewer.manager ? "My team" : "People");
  return RenderTemplate("app_account_nav", d);
}

std::string RenderLogin(const Viewer& viewer, const LoginView& view) {
  Data d = Frame(viewer, "Sign in");
  d.set("next", view.next);
  d.set("user", view.user);
  d.set("error", Text(view.error));
  d.set("csrf", view.csrf);
  d.set("public_frameworks", false);
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
  d.set("heading", heading);
  d.set("message", std::string(message));
  return RenderTemplate("app_error", d);
}

std::string RenderGrowth(const Viewer& viewer, const GrowthView& v) {
  const std::string person_name = v.person.name.empty() ? v.person.id : v.person.name;
  Data d = Frame(viewer, v.own ? "My growth" : "Growth of " + person_name);
  SetFlash(d, v.flash);
  d.set("heading", v.own ? "My growth" : "Growth of " + person_name);
  d.set("person_name", person_name);
  d.set("person_id", v.person.id);
  d.set("email", Text(v.person.email));
  d.set("manager", Text(v.person.manager));
  d.set("today", Str(v.today));
  const std::string base = PersonHref(v.person.id);
  d.set("evidence_action", base + "/evidence");
  d.set("assess_action", base + "/assessments");
  d.set("case_action", base + "/cases");

  const bool has_level = v.framework && v.level.level && v.current;
  d.set("has_level", has_level);
  Data competencies = List();
  if (v.framework) {
    for (const model::Competency& c : v.framework->competencies) {
      Data cd = Object();
      cd.set("id", c.id);
      cd.set("name", c.name.empty() ? c.id : c.name);
      competencies.push_back(cd);
    }
  }
  d.set("competencies", competencies);
  if (has_level) {
    const model::Framework& f = *v.framework;
    const model::Level& cur = *v.level.level;
    const model::Level* next = v.next.level;
    d.set("level_label", LevelLabel(&cur));
    d.set("level_code", cur.code);
    d.set("level_href", Text(v.level.href));
    d.set("next_label", Text(LevelLabel(next)));
    d.set("next_code", next ? next->code : std::string("the next level"));
    d.set("track_name", v.level.track->name.empty() ? v.level.track->id : v.level.track->name);
    d.set("framework_name", f.name.empty() ? f.id : f.name);
    d.set("framework_version", f.version);
    d.set("framework_href", Path("/f/", text::Slugify(f.id)) + "/index.html");
    d.set("since", Str(v.current->from));
    d.set("time_in_level", Duration(v.current->from, v.today));

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
      row.set("id", text::Slugify(c.id));
      row.set("name", c.name.empty() ? c.id : c.name);
      const model::Expectation* cur_e = cur.FindExpectation(c.id);
      bool cur_undefined =
          cur.state == model::LevelState::kUndefined || (cur_e && cur_e->undefined);
      row.set("current_undefined", cur_undefined);
      Data cur_list = !cur_e || cur_undefined ? List() : BehaviourList(v.site, cur_e->behaviours);
      SetList(row, "current", cur_list);
      row.set("show_next", next != nullptr);
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
            item.set("html", Inline(v.site, b.text));
            item.set("new", b.mark == analysis::Mark::kNew || b.mark == analysis::Mark::kChanged);
            next_list.push_back(item);
          }
        }
      }
      row.set("next_undefined", next_undefined);
      row.set("next_note", Text(next_note));
      SetList(row, "next", next_list);
      Data ratings = List();
      int self_value = 0, manager_value = 0;
      for (const model::Assessment* a : latest[c.id]) {
        Data r = Object();
        r.set("rating", model::RatingName(a->rating));
        r.set("rating_label", RatingLabel(a->rating));
        r.set("role", std::string(model::AssessorRoleName(a->role)) + " (" + a->assessor + ")");
        r.set("period", Str(a->period_start) + " – " + Str(a->period_end));
        r.set("note", Text(a->note));
        ratings.push_back(r);
        if (a->role == model::AssessorRole::kSelf) self_value = RatingValue(a->rating);
        if (a->role == model::AssessorRole::kManager) manager_value = RatingValue(a->rating);
        any_rating = true;
      }
      SetList(row, "ratings", ratings);
      rows.push_back(row);
      labels.push_back(c.name.empty() ? c.id : c.name);
      self.push_back(self_value ? nlohmann::json(self_value) : nlohmann::json(nullptr));
      manager.push_back(manager_value ? nlohmann::json(manager_value) : nlohmann::json(nullptr));
    }
    d.set("rows", rows);
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
      d.set("has_radar", true);
      d.set("radar_json", radar.dump());
    } else {
      d.set("has_radar", false);
    }
    if (v.verdict) {
      d.set("verdict", VerdictData(*v.verdict));
    } else {
      d.set("verdict", false);
    }
  } else {
    d.set("verdict", false);
  }

  Data evidence = List();
  for (const model::Evidence& e : v.evidence) evidence.push_back(EvidenceItem(e));
  SetList(d, "evidence", evidence);
  Data kinds = List();
  for (const char* k : model::kEvidenceKinds) kinds.push_back(Data(std::string(k)));
  d.set("kinds", kinds);
  d.set("open_evidence", v.evidence.empty());

  // Assessment form: a self-assessment on one's own page, a manager's on a report's.
  const bool may_assess = has_level && (v.own || v.as_manager);
  d.set("may_assess", may_assess);
  d.set("assess_heading", v.own ? "Self-assessment" : "Manager assessment");
  d.set("period_from", Str(v.today.AddMonths(-6)));
  d.set("period_to", Str(v.today));

  Data cases = List();
  bool open_case = false;
  for (const model::Case& c : v.cases) {
    cases.push_back(CaseItem(c));
    open_case = open_case || c.status != model::CaseStatus::kClosed;
  }
  SetList(d, "cases", cases);
  Data targets = List();
  if (has_level) {
    const model::Framework& f = *v.framework;
    for (const model::Track& t : f.tracks)
      for (const model::Level& l : t.levels) {
        if (v.level.level == &l || l.state == model::LevelState::kUndefined) continue;
        Data o = Object();
        o.set("value", t.id + "/" + l.code);
        o.set("label", (t.name.empty() ? t.id : t.name) + ": " + internal::LevelLabel(l));
        o.set("selected", v.next.level == &l);
        targets.push_back(o);
      }
    for (const model::OverlayRole& o : f.overlays) {
      Data od = Object();
      od.set("value", o.id);
      od.set("label", "Role: " + (o.name.empty() ? o.id : o.name));
      od.set("selected", false);
      targets.push_back(od);
    }
  }
  d.set("targets", targets);
  d.set("may_open_case", has_level && !open_case && (v.own || v.as_manager));

  Data history = List();
  for (const model::Assignment& a : v.history) {
    Data h = Object();
    h.set("from", Str(a.from));
    h.set("to", a.to.empty() ? std::string("now") : Str(a.to));
    h.set("framework", a.framework);
    h.set("track", a.track);
    h.set("level", a.level);
    h.set("overlays", Text(text::Join(a.overlays, ", ")));
    h.set("reason", Text(a.reason));
    history.push_back(h);
  }
  SetList(d, "history", history);
  return RenderTemplate("app_growth", d);
}

std::string RenderTeam(const Viewer& viewer, const TeamView& v) {
  Data d = Frame(viewer, v.title);
  d.set("heading", v.title);
  Data members = List();
  std::map<std::string, int> per_level;
  std::vector<std::string> level_order;
  std::map<std::string, std::string> names;
  for (const TeamMember& m : v.members)
    names[m.person.id] = m.person.name.empty() ? m.person.id : m.person.name;
  for (const TeamMember& m : v.members) {
    Data md = Object();
    md.set("name", names[m.person.id]);
    md.set("href", PersonHref(m.person.id));
    md.set("indirect", m.depth > 1);
    md.set("via", Text(names.count(m.person.manager) ? names[m.person.manager] : m.person.manager));
    std::string level = m.level_label.empty() ? std::string("no level") : m.level_label;
    md.set("level", level);
    md.set("since", Text(m.current ? Str(m.current->from) : ""));
    md.set("time_in_level", Text(m.current ? Duration(m.current->from, v.today) : ""));
    if (m.readiness) {
      Data r = Object();
      r.set("overall", rules::OverallName(m.readiness->overall));
      r.set("overall_label", OverallLabel(m.readiness->overall));
      r.set(
          "earliest",
          Text(m.readiness->overall == rules::Overall::kNotYet ? Str(m.readiness->earliest) : ""));
      std::string missing;
      if (m.readiness->overall == rules::Overall::kBlocked)
        missing = std::to_string(m.readiness->blocking.size()) + " of " +
                  std::to_string(m.readiness->requirements.size()) + " requirements missing";
      r.set("missing", Text(missing));
      md.set("readiness", r);
    } else {
      md.set("readiness", false);
      md.set("no_readiness", m.current ? "top of the track" : "no level recorded");
    }
    Data open = List();
    for (const model::Case& c : m.open_cases) open.push_back(CaseItem(c));
    md.set("open_cases", open);
    members.push_back(md);
    if (!per_level.count(level)) level_order.push_back(level);
    ++per_level[level];
  }
  SetList(d, "members", members);
  d.set("count", std::to_string(v.members.size()));
  Data distribution = List();
  nlohmann::json labels = nlohmann::json::array(), counts = nlohmann::json::array();
  for (const std::string& l : level_order) {
    Data row = Object();
    row.set("label", l);
    row.set("count", std::to_string(per_level[l]));
    distribution.push_back(row);
    labels.push_back(l);
    counts.push_back(per_level[l]);
  }
  d.set("distribution", distribution);
  nlohmann::json chart = {
      {"labels", labels},
      {"datasets", nlohmann::json::array({{{"label", "People"}, {"data", counts}}})}};
  d.set("distribution_json", chart.dump());
  return RenderTemplate("app_team", d);
}

std::string RenderCases(const Viewer& viewer, const CasesView& v) {
  Data d = Frame(viewer, "Advancement reviews");
  std::map<std::string, std::string> names(v.names.begin(), v.names.end());
  Data cases = List();
  for (const model::Case& c : v.cases) {
    Data cd = CaseItem(c);
    auto it = names.find(c.person);
    cd.set("person", it == names.end() || it->second.empty() ? c.person : it->second);
    cases.push_back(cd);
  }
  SetList(d, "cases", cases);
  return RenderTemplate("app_cases", d);
}

std::string RenderCase(const Viewer& viewer, const CaseView& v) {
  const model::Case& c = v.review;
  const std::string person_name = v.person.name.empty() ? v.person.id : v.person.name;
  Data d = Frame(viewer, "Review " + c.id);
  SetFlash(d, v.flash);
  d.set("id", c.id);
  d.set("action", CaseHref(c.id));
  d.set("person_name", person_name);
  d.set("target", v.target_label.empty() ? CaseTarget(c) : v.target_label);
  d.set("opened", Str(c.opened));
  d.set("opened_by", c.opened_by);
  d.set("framework", c.framework);
  d.set("version", c.version);
  d.set("consensus_rule", model::ConsensusRuleName(c.consensus));
  d.set("today", Str(v.today));
  const model::CaseStatus order[] = {model::CaseStatus::kOpen, model::CaseStatus::kPortfolio,
                                     model::CaseStatus::kPeerReview, model::CaseStatus::kDecision,
                                     model::CaseStatus::kClosed};
  Data states = List();
  bool past = true;
  for (model::CaseStatus s : order) {
    Data sd = Object();
    sd.set("name", text::ReplaceAll(model::CaseStatusName(s), "_", " "));
    bool current = s == c.status;
    if (current) past = false;
    sd.set("current", current);
    sd.set("done", past && !current);
    states.push_back(sd);
  }
  d.set("states", states);
  const bool closed = c.status == model::CaseStatus::kClosed;
  Data moves = List();
  if (v.viewer_manages || v.viewer_is_person)
    for (const std::string& m : v.next_states) moves.push_back(Data(m));
  SetList(d, "moves", moves);

  Data portfolio = List();
  for (const model::Evidence& e : v.portfolio) portfolio.push_back(EvidenceItem(e));
  SetList(d, "portfolio", portfolio);
  Data addable = List();
  for (const model::Evidence& e : v.addable) addable.push_back(EvidenceItem(e));
  d.set("addable", addable);
  d.set("may_add_evidence",
        !closed && !v.addable.empty() && (v.viewer_is_person || v.viewer_manages) &&
            (c.status == model::CaseStatus::kOpen || c.status == model::CaseStatus::kPortfolio));

  std::map<std::string, std::string> names;
  for (const model::Person& p : v.reviewers) names[p.id] = p.name.empty() ? p.id : p.name;
  Data panel = List();
  for (const std::string& r : c.panel) {
    Data pd = Object();
    pd.set("name", names.count(r) ? names[r] + " (" + r + ")" : r);
    auto vote = std::find_if(c.votes.begin(), c.votes.end(),
                             [&](const model::Vote& x) { return x.reviewer == r; });
    pd.set("vote",
           vote == c.votes.end() ? std::string("not yet") : model::VoteChoiceName(vote->choice));
    pd.set("date", Text(vote == c.votes.end() ? "" : Str(vote->date)));
    pd.set("note", Text(vote == c.votes.end() ? "" : vote->note));
    panel.push_back(pd);
  }
  SetList(d, "panel", panel);
  d.set("consensus", v.consensus);
  d.set("consensus_reached", v.consensus_reached);
  Data reviewers = List();
  for (const model::Person& p : v.reviewers) {
    if (p.id == c.person) continue;
    Data rd = Object();
    rd.set("id", p.id);
    rd.set("name", p.name.empty() ? p.id : p.name);
    rd.set("on", std::find(c.panel.begin(), c.panel.end(), p.id) != c.panel.end());
    reviewers.push_back(rd);
  }
  d.set("reviewers", reviewers);
  d.set("may_set_panel", !closed && v.viewer_manages && c.status != model::CaseStatus::kDecision);
  d.set("may_vote", v.viewer_on_panel && c.status == model::CaseStatus::kPeerReview);

  d.set("verdict", v.verdict ? VerdictData(*v.verdict) : Data(false));
  Data waivers = List();
  for (const model::Waiver& w : v.waivers) {
    Data wd = Object();
    wd.set("requirement", w.requirement);
    wd.set("approver", w.approver);
    wd.set("granted", Str(w.granted));
    wd.set("expires", Text(Str(w.expires)));
    wd.set("reason", Text(w.reason));
    waivers.push_back(wd);
  }
  SetList(d, "waivers", waivers);
  Data requirements = List();
  for (const std::string& r : v.requirements) requirements.push_back(Data(r));
  d.set("requirements", requirements);
  d.set("may_waive", !closed && v.viewer_manages && !v.requirements.empty());
  if (c.decision) {
    Data dd = Object();
    dd.set("outcome", text::ReplaceAll(model::OutcomeName(c.decision->outcome), "_", " "));
    dd.set("effective", Str(c.decision->effective));
    dd.set("decided_by", c.decision->decided_by);
    dd.set("note", Text(c.decision->note));
    d.set("decision", dd);
  } else {
    d.set("decision", false);
  }
  d.set("may_decide", v.viewer_manages && c.status == model::CaseStatus::kDecision && !c.decision);
  Data history = List();
  for (const model::CaseEvent& e : c.history) {
    Data h = Object();
    h.set("date", Str(e.date));
    h.set("actor", e.actor);
    h.set("what", e.what);
    history.push_back(h);
  }
  d.set("history", history);
  return RenderTemplate("app_case", d);
}

std::string RenderNeeds(const Viewer& viewer, const NeedsView& v) {
  Data d = Frame(viewer, "Documented needs");
  SetFlash(d, v.flash);
  Data open = List(), done = List();
  for (const model::Need& n : v.needs) {
    Data nd = Object();
    nd.set("id", n.id);
    nd.set("framework", n.framework);
    std::string target =
        !n.overlay.empty() ? n.overlay : n.track + (n.level.empty() ? "" : "/" + n.level);
    nd.set("target", target);
    nd.set("reason", Text(n.reason));
    nd.set("opened", Str(n.opened));
    nd.set("opened_by", n.opened_by);
    nd.set("status", model::NeedStatusName(n.status));
    nd.set("closed", Text(Str(n.closed)));
    nd.set("filled_by_case", Text(n.filled_by_case));
    nd.set("filled_href", Text(n.filled_by_case.empty() ? "" : CaseHref(n.filled_by_case)));
    nd.set("may_close", v.may_open);
    (n.status == model::NeedStatus::kOpen ? open : done).push_back(nd);
  }
  SetList(d, "open", open);
  SetList(d, "done", done);
  Data targets = List();
  for (const auto& [framework, options] : v.targets) {
    Data fd = Object();
    fd.set("framework", framework);
    Data opts = List();
    for (const auto& [value, label] : options) {
      Data o = Object();
      o.set("value", value);
      o.set("label", label);
      opts.push_back(o);
    }
    fd.set("options", opts);
    targets.push_back(fd);
  }
  d.set("targets", targets);
  d.set("may_open", v.may_open && !v.targets.empty());
  return RenderTemplate("app_needs", d);
}

std::string RenderAccount(const Viewer& viewer, const AccountView& v) {
  Data d = Frame(viewer, "Your account");
  SetFlash(d, v.flash);
  d.set("user_id", v.user.id);
  d.set("user_name", v.user.name);
  std::vector<std::string> roles;
  for (model::UserRole r : v.user.roles) roles.push_back(RoleName(r));
  d.set("roles", text::Join(roles, ", "));
  d.set("person", Text(v.user.person));
  d.set("min_password", "10");
  d.set("new_token", Text(v.new_token));
  Data tokens = List();
  for (const storage::ApiToken& t : v.tokens) {
    Data td = Object();
    td.set("id", t.id);
    td.set("name", t.name);
    td.set("created", t.created_at.substr(0, 10));
    td.set("expires", t.expires_at.empty() ? std::string("never") : t.expires_at.substr(0, 10));
    td.set("status", t.revoked ? "revoked" : "active");
    td.set("revoked", t.revoked);
    tokens.push_back(td);
  }
  SetList(d, "tokens", tokens);
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
    ud.set("id", u.id);
    ud.set("name", u.name);
    ud.set("person", Text(u.person));
    std::vector<std::string> names;
    Data options = List();
    for (model::UserRole r : all) {
      bool has = std::find(u.roles.begin(), u.roles.end(), r) != u.roles.end();
      if (has) names.push_back(RoleName(r));
      Data o = Object();
      o.set("value", model::UserRoleName(r));
      o.set("label", RoleName(r));
      o.set("checked", has);
      options.push_back(o);
    }
    ud.set("roles", text::Join(names, ", "));
    ud.set("role_options", options);
    Data people = List();
    for (const model::Person& p : v.people) {
      Data o = Object();
      o.set("value", p.id);
      o.set("label", (p.name.empty() ? p.id : p.name) + " (" + p.id + ")");
      o.set("selected", p.id == u.person);
      people.push_back(o);
    }
    ud.set("person_options", people);
    ud.set("disabled", u.disabled);
    users.push_back(ud);
  }
  d.set("users", users);
  d.set("count", std::to_string(v.users.size()));
  Data people = List();
  for (const model::Person& p : v.people) {
    Data o = Object();
    o.set("value", p.id);
    o.set("label", (p.name.empty() ? p.id : p.name) + " (" + p.id + ")");
    people.push_back(o);
  }
  d.set("people", people);
  Data new_roles = List();
  for (model::UserRole r : all) {
    Data o = Object();
    o.set("value", model::UserRoleName(r));
    o.set("label", RoleName(r));
    o.set("checked", r == model::UserRole::kEmployee);
    new_roles.push_back(o);
  }
  d.set("new_roles", new_roles);
  return RenderTemplate("app_users", d);
}

std::string RenderFrameworks(const Viewer& viewer, const FrameworksView& v) {
  Data d = Frame(viewer, "Frameworks");
  SetFlash(d, v.flash);
  Data frameworks = List();
  for (const storage::FrameworkInfo& f : v.frameworks) {
    Data fd = Object();
    fd.set("id", f.id);
    fd.set("name", f.name.empty() ? f.id : f.name);
    fd.set(
        "published_href",
        Text(f.latest_published.empty() ? "" : Path("/f/", text::Slugify(f.id)) + "/index.html"));
    Data versions = List();
    for (const storage::VersionInfo& ver : f.versions) {
      Data vd = Object();
      vd.set("framework", ver.framework);
      vd.set("version", ver.version);
      vd.set("status", model::FrameworkStatusName(ver.status));
      vd.set("saved_at", ver.saved_at);
      vd.set("published_at", Text(ver.published_at));
      vd.set("draft", ver.status == model::FrameworkStatus::kDraft);
      versions.push_back(vd);
    }
    fd.set("versions", versions);
    frameworks.push_back(fd);
  }
  d.set("frameworks", frameworks);
  return RenderTemplate("app_frameworks", d);
}

namespace {

// The findings part of the editor, into `d` (a fragment's data or the whole page's).
void SetFindings(Data& d, const EditView& v) {
  d.set("error", Text(v.error));
  d.set("checked", v.checked);
  Data findings = List();
  for (const analysis::Finding& f : v.findings) {
    Data fd = Object();
    fd.set("where", f.location.ToString());
    fd.set("severity", analysis::SeverityName(f.severity));
    fd.set("code", f.code);
    fd.set("message", f.message);
    findings.push_back(fd);
  }
  SetList(d, "findings", findings);
  d.set("count", std::to_string(v.findings.size()));
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
  d.set("heading", v.title);
  d.set("yaml", v.yaml);
  d.set("checked_key", v.checked_key);
  d.set("saved", v.saved);
  d.set("import", v.import);
  d.set("source_words", std::to_string(v.source_words));
  d.set("imported_words", std::to_string(v.imported_words));
  Data missing = List();
  for (const auto& [line, passage] : v.not_imported) {
    Data m = Object();
    m.set("line", std::to_string(line));
    m.set("text", passage);
    missing.push_back(m);
  }
  SetList(d, "not_imported", missing);
  Data warnings = List();
  for (const std::string& w : v.warnings) warnings.push_back(Data(w));
  SetList(d, "warnings", warnings);
  return RenderTemplate("app_edit", d);
}

std::string RenderImportForm(const Viewer& viewer, const std::vector<std::string>& formats,
                             const Flash& flash) {
  Data d = Frame(viewer, "Import a document");
  SetFlash(d, flash);
  Data list = List();
  for (const std::string& f : formats) list.push_back(Data(f));
  d.set("formats", list);
  return RenderTemplate("app_import", d);
}

std::string RenderAudit(const Viewer& viewer, const AuditView& v) {
  Data d = Frame(viewer, "Audit log");
  d.set("actor", v.query.actor);
  d.set("subject", v.query.subject);
  d.set("action", v.query.action_prefix);
  d.set("csv_href", SafeUrl(v.csv_href));
  d.set("more_href", Text(v.more_href.empty() ? "" : SafeUrl(v.more_href)));
  Data entries = List();
  for (const model::AuditEntry& e : v.entries) {
    Data ed = Object();
    ed.set("id", std::to_string(e.id));
    ed.set("at", e.at);
    ed.set("actor", e.actor);
    ed.set("action", e.action);
    ed.set("subject", e.subject);
    ed.set("before", Text(e.before));
    ed.set("after", Text(e.after));
    entries.push_back(ed);
  }
  d.set("entries", entries);
  d.set("count", std::to_string(v.entries.size()));
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
