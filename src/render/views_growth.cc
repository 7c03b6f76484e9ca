// The growth pages of the app: a person's growth (My growth) and a team (app_views.h).
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/text.h"
#include "formats/csv_export.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

// The helpers every page of the app shares (app_views_internal.h).
using namespace internal;

namespace {

// "manager (Dana Ruiz)": who made a rating, by name.
std::string AssessorLabel(const GrowthView& v, const model::Assessment& a) {
  return std::string(model::AssessorRoleName(a.role)) + " (" + v.labels.Person(a.assessor) + ")";
}

// A record's row: its state, its page, whether the viewer may take it back.
Data RecordRow(const GrowthView& v, std::string_view kind, const std::string& id,
               const std::optional<model::Retraction>& r, const std::string& corrects) {
  Data row = Object();
  Set(row, "id", id);
  Set(row, "record_href", internal::RecordHref(v.person.id, kind, id));
  Set(row, "may_take_back", v.may_take_back.contains(std::string(kind) + "/" + id));
  internal::SetRetraction(row, r, corrects);
  return row;
}

// Every assessment, metric value and sign-off of the person, withdrawn and corrected ones
// included, each linking to its page (where it is withdrawn or corrected).
void SetRecords(Data& d, const GrowthView& v) {
  Data assessments = List();
  for (const model::Assessment& a : v.assessments) {
    Data row = RecordRow(v, "assessments", a.id, a.retraction, a.corrects);
    Set(row, "period", Str(a.period_start) + " – " + Str(a.period_end));
    Set(row, "competency", a.competency);
    Set(row, "rating", model::RatingName(a.rating));
    Set(row, "rating_label", RatingLabel(a.rating));
    Set(row, "level", Text(a.level));
    Set(row, "by", AssessorLabel(v, a));
    Set(row, "note", Text(a.note));
    Append(assessments, std::move(row));
  }
  Set(d, "assessment_count", std::to_string(v.assessments.size()));
  SetList(d, "assessment_records", std::move(assessments));
  Data metrics = List();
  for (const model::Metric& m : v.metrics) {
    Data row = RecordRow(v, "metrics", m.id, m.retraction, m.corrects);
    Set(row, "period", Str(m.period_start) + " – " + Str(m.period_end));
    Set(row, "name", m.name);
    std::ostringstream value;
    value << m.value;
    Set(row, "value", value.str());
    Append(metrics, std::move(row));
  }
  SetList(d, "metric_records", std::move(metrics));
  Data signoffs = List();
  for (const model::SignOff& s : v.signoffs) {
    Data row = RecordRow(v, "signoffs", s.id, s.retraction, s.corrects);
    Set(row, "date", Str(s.date));
    Set(row, "requirement", s.requirement);
    Set(row, "by", s.by);
    Set(row, "note", Text(s.note));
    Append(signoffs, std::move(row));
  }
  SetList(d, "signoff_records", std::move(signoffs));
  Set(d, "has_records", !v.assessments.empty() || !v.metrics.empty() || !v.signoffs.empty());
}

}  // namespace

namespace {

// Who the person is, and where the page's forms post.
void SetPerson(Data& d, const Viewer& viewer, const GrowthView& v) {
  const std::string person_name = v.person.DisplayName();
  Set(d, "heading", v.own ? "My growth" : "Growth of " + person_name);
  Set(d, "person_name", person_name);
  Set(d, "person_id", v.person.id);
  Set(d, "email", Text(v.person.email));
  Set(d, "manager", Text(v.person.manager.empty() ? "" : v.labels.Person(v.person.manager)));
  Set(d, "may_manage", viewer.author);  // the people team moves people in the organisation
  Set(d, "today", Str(v.today));
  const std::string base = PersonHref(v.person.id);
  Set(d, "evidence_action", base + "/evidence");
  Set(d, "assess_action", base + "/assessments");
  Set(d, "case_action", base + "/cases");
  Set(d, "manager_action", base + "/manager");
  Data competencies = List();
  if (v.framework) {
    for (const model::Competency& c : v.framework->competencies) {
      Data cd = Object();
      Set(cd, "id", c.id);
      Set(cd, "name", c.DisplayName());
      Append(competencies, std::move(cd));
    }
  }
  Set(d, "competencies", std::move(competencies));
  Set(d, "upcoming", Text(v.upcoming_label));
  Set(d, "upcoming_on", Text(v.upcoming ? Str(v.upcoming->from) : ""));
}

// What the next level asks of one competency, marked new where it adds to this one.
struct NextCell {
  Data behaviours = List();
  bool undefined = false;
  bool defined = false;  // the next level expects something of the competency
  bool adds = false;     // ... and some of it is new or changed
  std::string note;
};

NextCell NextOf(const GrowthView& v, const analysis::MarkedCompetency* mc) {
  NextCell cell;
  if (!mc || !v.next.level) return cell;
  cell.undefined = mc->undefined || v.next.level->state == model::LevelState::kUndefined;
  cell.note = mc->note;
  cell.defined = !cell.undefined && !mc->behaviours.empty();
  for (const analysis::MarkedBehaviour& b : mc->behaviours) {
    Data item = Object();
    const bool added = b.mark == analysis::Mark::kNew || b.mark == analysis::Mark::kChanged;
    Set(item, "html", Inline(v.site, b.text));
    Set(item, "new", added);
    Append(cell.behaviours, std::move(item));
    cell.adds = cell.adds || added;
  }
  return cell;
}

// The radar's series: the latest ratings (1 below, 2 meeting, 3 at the next level) and what
// each level expects of each competency: 2 where this level defines it; at the next level 3
// where it adds something, 2 where it asks the same; no point where a level leaves it undefined.
struct RadarSeries {
  nlohmann::json labels = nlohmann::json::array(), self = nlohmann::json::array(),
                 manager = nlohmann::json::array(), here = nlohmann::json::array(),
                 next = nlohmann::json::array();
  bool any_rating = false;
};

// One competency's row of the side-by-side table, and its points on the radar.
Data CompetencyRow(const GrowthView& v, const model::Competency& c,
                   const analysis::MarkedCompetency* news, RadarSeries& radar) {
  const model::Level& cur = *v.level.level;
  Data row = Object();
  Set(row, "id", text::Slugify(c.id));
  Set(row, "name", c.DisplayName());
  const model::Expectation* cur_e = cur.FindExpectation(c.id);
  const bool cur_undefined =
      cur.state == model::LevelState::kUndefined || (cur_e && cur_e->undefined);
  Set(row, "current_undefined", cur_undefined);
  SetList(row, "current",
          !cur_e || cur_undefined ? List() : BehaviourList(v.site, cur_e->behaviours));
  Set(row, "show_next", v.next.level != nullptr);
  NextCell next = NextOf(v, news);
  Set(row, "next_undefined", next.undefined);
  Set(row, "next_note", Text(next.note));
  SetList(row, "next", std::move(next.behaviours));
  Data ratings = List();
  int self_value = 0, manager_value = 0;
  if (auto it = v.latest.find(c.id); it != v.latest.end())
    for (size_t i : it->second) {
      const model::Assessment& a = v.assessments[i];
      Data r = Object();
      Set(r, "rating", model::RatingName(a.rating));
      Set(r, "rating_label", RatingLabel(a.rating));
      Set(r, "role", AssessorLabel(v, a));
      Set(r, "period", Str(a.period_start) + " – " + Str(a.period_end));
      Set(r, "note", Text(a.note));
      Append(ratings, std::move(r));
      if (a.role == model::AssessorRole::kSelf) self_value = RatingValue(a.rating);
      if (a.role == model::AssessorRole::kManager) manager_value = RatingValue(a.rating);
      radar.any_rating = true;
    }
  SetList(row, "ratings", std::move(ratings));
  auto point = [](int value) { return value ? nlohmann::json(value) : nlohmann::json(nullptr); };
  radar.labels.push_back(c.DisplayName());
  radar.self.push_back(point(self_value));
  radar.manager.push_back(point(manager_value));
  radar.here.push_back(point(cur_e && !cur_undefined && !cur_e->behaviours.empty() ? 2 : 0));
  radar.next.push_back(point(next.defined ? (next.adds ? 3 : 2) : 0));
  return row;
}

// The level held and the next side by side, competency by competency, with the latest ratings,
// the radar and the checklist. REQUIRES: the person holds a level of v.framework.
void SetStanding(Data& d, const GrowthView& v) {
  const model::Framework& f = *v.framework;
  const model::Level& cur = *v.level.level;
  const model::Level* next = v.next.level;
  Set(d, "level_label", LevelLabel(&cur));
  Set(d, "level_code", cur.code);
  Set(d, "level_href", Text(v.level.href));
  Set(d, "next_label", Text(LevelLabel(next)));
  Set(d, "next_code", next ? next->code : std::string("the next level"));
  Set(d, "track_name", v.level.track->DisplayName());
  Set(d, "framework_name", f.DisplayName());
  Set(d, "framework_version", f.version);
  Set(d, "framework_href", Path("/f/", text::Slugify(f.id)) + "/index.html");
  Set(d, "since", Str(v.current->from));
  Set(d, "time_in_level", Duration(v.current->from, v.today));
  // What is new at the next level, by competency.
  std::map<std::string, const analysis::MarkedCompetency*> news_of;
  std::optional<analysis::LevelNews> computed;
  if (next) {
    const analysis::LevelNews* news =
        v.site ? v.site->NewsOf(f.id, f.version, v.next.track->id, next->code) : nullptr;
    if (!news) news = &computed.emplace(analysis::NewAtLevel(f, *v.next.track, *next));
    for (const analysis::MarkedCompetency& mc : news->competencies) news_of[mc.competency] = &mc;
  }
  Data rows = List();
  RadarSeries series;
  for (const model::Competency& c : f.competencies) {
    auto it = news_of.find(c.id);
    Append(rows, CompetencyRow(v, c, it == news_of.end() ? nullptr : it->second, series));
  }
  Set(d, "rows", std::move(rows));
  // (A radar needs three axes; with fewer competencies the same data is drawn as bars.)
  Set(d, "has_radar", series.any_rating);
  if (series.any_rating) {
    nlohmann::json radar = {
        {"type", f.competencies.size() >= 3 ? "radar" : "bar"},
        {"labels", series.labels},
        {"datasets",
         nlohmann::json::array(
             {{{"label", "Manager's rating"}, {"data", series.manager}},
              {{"label", "Self-assessment"}, {"data", series.self}},
              {{"label", "Expected at " + cur.code}, {"data", series.here}, {"expected", true}},
              {{"label", "Expected at " + (next ? next->code : std::string("the next level"))},
               {"data", series.next},
               {"expected", true}}})}};
    Set(d, "radar_json", radar.dump());
  }
  if (v.verdict)
    Set(d, "verdict",
        VerdictData(*v.verdict,
                    {Path("/people/", v.person.id) + "/signoffs", &v.signable, v.today}));
  else
    Set(d, "verdict", false);
}

// The evidence, the other records and the forms that add them.
void SetEvidence(Data& d, const GrowthView& v) {
  Data evidence = List();
  for (const model::Evidence& e : v.evidence) {
    Data item = EvidenceItem(e, v.labels);
    Set(item, "may_take_back", v.may_take_back.contains("evidence/" + e.id));
    Append(evidence, std::move(item));
  }
  SetList(d, "evidence", std::move(evidence));
  SetRecords(d, v);
  Data kinds = List();
  for (const char* k : model::kEvidenceKinds) Append(kinds, Data(std::string(k)));
  Set(d, "kinds", std::move(kinds));
  Data signers = List();
  for (const model::Person& p : v.signers) {
    Data sd = Object();
    Set(sd, "id", p.id);
    Set(sd, "name", p.DisplayName());
    Append(signers, std::move(sd));
  }
  Set(d, "signers", std::move(signers));
  Set(d, "open_evidence", v.evidence.empty());
}

// The reviews, and the form that opens one towards a level or an overlay role.
void SetCases(Data& d, const GrowthView& v, bool has_level) {
  Data cases = List();
  bool open_case = false;
  for (const model::Case& c : v.cases) {
    Append(cases, CaseItem(c, v.labels));
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
        Set(o, "label", l.Label(t));
        Set(o, "selected", v.next.level == &l);
        Append(targets, std::move(o));
      }
    for (const model::OverlayRole& o : f.overlays) {
      Data od = Object();
      Set(od, "value", o.id);
      Set(od, "label", "Role: " + o.DisplayName());
      Set(od, "selected", false);
      Append(targets, std::move(od));
    }
  }
  Set(d, "targets", std::move(targets));
  Set(d, "may_open_case", has_level && !open_case && v.may_open_case);
}

void SetHistory(Data& d, const GrowthView& v) {
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
}

// The count, and links to the pages before and after when the team is longer than a page.
void SetTeamPages(Data& d, const TeamView& v) {
  const size_t shown = v.members.size();
  const bool paged = v.total > static_cast<int>(shown) || v.offset > 0;
  Set(d, "paged", paged);
  Set(d, "past_end",
      Text(shown == 0 && v.total > 0 ? Count(v.total, "person", "people") + " in all" : ""));
  if (!paged) {
    Set(d, "count", Count(shown, "person", "people"));
    return;
  }
  const std::string first = std::to_string(v.offset + (shown ? 1 : 0));
  Set(d, "count",
      "People " + first + "–" + std::to_string(v.offset + static_cast<int>(shown)) + " of " +
          std::to_string(v.total));
  const int size = std::max(1, v.limit);
  Set(d, "prev_href",
      Text(v.offset > 0 ? "/team?offset=" + std::to_string(std::max(0, v.offset - size)) : ""));
  Set(d, "next_href",
      Text(v.offset + static_cast<int>(shown) < v.total
               ? "/team?offset=" + std::to_string(v.offset + size)
               : ""));
}

}  // namespace

std::string RenderGrowth(const Viewer& viewer, const GrowthView& v) {
  Data d = Frame(viewer, v.own ? "My growth" : "Growth of " + v.person.DisplayName());
  SetFlash(d, v.flash);
  SetPerson(d, viewer, v);
  const bool has_level = v.framework && v.level.level && v.current;
  Set(d, "has_level", has_level);
  if (has_level)
    SetStanding(d, v);
  else
    Set(d, "verdict", false);
  SetEvidence(d, v);
  // Assessment form: a self-assessment on one's own page, a manager's on a report's.
  Set(d, "may_assess", has_level && (v.own || v.as_manager));
  Set(d, "assess_heading", v.own ? "Self-assessment" : "Manager assessment");
  Set(d, "period_from", Str(v.today.AddMonths(-6)));
  Set(d, "period_to", Str(v.today));
  SetCases(d, v, has_level);
  SetHistory(d, v);
  SetPlan(d, v);
  return RenderTemplate("app_growth", d);
}

std::string RenderTeam(const Viewer& viewer, const TeamView& v) {
  Data d = Frame(viewer, v.title);
  Set(d, "heading", v.title);
  Data members = List();
  std::map<std::string, std::string> names;
  for (const TeamMember& m : v.members) names[m.person.id] = m.person.DisplayName();
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
    if (m.upcoming) {
      Set(md, "upcoming", m.upcoming_label);
      Set(md, "upcoming_on", Str(m.upcoming->from));
      Set(md, "readiness", false);
    } else if (m.readiness) {
      Data r = Object();
      Set(r, "overall", rules::OverallName(m.readiness->overall));
      Set(r, "overall_label", OverallLabel(m.readiness->overall));
      Set(r, "earliest",
          Text(m.readiness->overall == rules::Overall::kNotYet ? Str(m.readiness->earliest) : ""));
      std::string missing;
      if (m.readiness->overall == rules::Overall::kBlocked)
        missing = std::to_string(m.readiness->blocking) + " of " +
                  std::to_string(m.readiness->requirements) + " requirements missing";
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
    for (const model::Case& c : m.open_cases) Append(open, CaseItem(c, v.labels));
    Set(md, "open_cases", std::move(open));
    Append(members, std::move(md));
  }
  SetList(d, "members", std::move(members));
  SetTeamPages(d, v);
  // Per level, by track in the framework's order and rank: people, and the median time in level.
  Data distribution = List();
  nlohmann::json labels = nlohmann::json::array(), counts = nlohmann::json::array(),
                 months = nlohmann::json::array();
  for (const LevelStat& stat : TeamLevelStats(v)) {
    const std::string label = stat.track.empty() ? stat.level : stat.track + ": " + stat.level;
    Data row = Object();
    Set(row, "label", label);
    Set(row, "count", std::to_string(stat.people));
    Set(row, "median",
        Text(stat.track.empty() ? "" : Duration(v.today.AddDays(-stat.median_days), v.today)));
    Append(distribution, std::move(row));
    labels.push_back(label);
    counts.push_back(stat.people);
    months.push_back(std::round(stat.median_days / 30.44 * 10) / 10);
  }
  Set(d, "distribution", std::move(distribution));
  nlohmann::json chart = {
      {"labels", labels},
      {"datasets", nlohmann::json::array({{{"label", "People"}, {"data", counts}}})}};
  Set(d, "distribution_json", chart.dump());
  nlohmann::json time_chart = {
      {"labels", labels},
      {"datasets",
       nlohmann::json::array({{{"label", "Median months in level"}, {"data", months}}})}};
  Set(d, "time_json", time_chart.dump());
  return RenderTemplate("app_team", d);
}

std::vector<LevelStat> TeamLevelStats(const TeamView& v) {
  struct Key {
    int track_order;
    std::string track;
    int rank;
    std::string level;
    auto operator<=>(const Key&) const = default;
  };
  std::map<Key, std::vector<long>> days;
  for (const TeamMember& m : v.members) {
    if (!m.current) {
      days[{INT_MAX, "", 0, "no level"}].push_back(0);
      continue;
    }
    days[{m.track_order, m.track_label, m.level_rank, m.level_label}].push_back(
        std::max(0L, DaysBetween(m.current->from, v.today)));
  }
  std::vector<LevelStat> out;
  for (auto& [key, list] : days) {
    std::sort(list.begin(), list.end());
    out.push_back({key.track, key.level, static_cast<int>(list.size()), list[list.size() / 2]});
  }
  return out;
}

std::string TeamLevelStatsCsv(const TeamView& v) {
  std::string out =
      formats::CsvRecord({"track", "level", "people", "median_days_in_level"}) + "\r\n";
  for (const LevelStat& s : TeamLevelStats(v))
    out += formats::CsvRecord({s.track, s.level, std::to_string(s.people),
                               s.track.empty() ? "" : std::to_string(s.median_days)}) +
           "\r\n";
  return out;
}

std::string RenderRecord(const Viewer& viewer, const RecordView& v) {
  const std::string person_name = v.person.DisplayName();
  Data d = Frame(viewer, v.kind_label + " " + v.id);
  SetFlash(d, v.flash);
  Set(d, "kind_label", v.kind_label);
  Set(d, "id", v.id);
  Set(d, "title", v.title);
  Set(d, "person_name", person_name);
  Set(d, "person_href", PersonHref(v.person.id));
  Data facts = List();
  for (const auto& [label, value] : v.facts) {
    if (value.empty()) continue;
    Data f = Object();
    Set(f, "label", label);
    Set(f, "value", value);
    Append(facts, std::move(f));
  }
  Set(d, "facts", std::move(facts));
  internal::SetRetraction(d, v.retraction, v.corrects);
  const std::string base = internal::RecordHref(v.person.id, v.kind, v.id);
  if (v.retraction && !v.retraction->replaced_by.empty())
    Set(d, "replaced_by_href",
        internal::RecordHref(v.person.id, v.kind, v.retraction->replaced_by));
  if (!v.corrects.empty())
    Set(d, "corrects_href", internal::RecordHref(v.person.id, v.kind, v.corrects));
  Set(d, "may_take_back", v.may_take_back);
  Set(d, "withdraw_action", base + "/withdraw");
  Set(d, "correct_action", base + "/correct");
  Data inputs = List();
  for (const FieldInput& in : v.inputs) {
    Data i = Object();
    Set(i, "name", in.name);
    Set(i, "label", in.label);
    Set(i, "type", in.type);
    Set(i, "value", in.value);
    Set(i, "select", in.type == "select");
    Set(i, "textarea", in.type == "textarea");
    Set(i, "input", in.type != "select" && in.type != "textarea");
    Set(i, "number", in.type == "number");
    Set(i, "multiple", in.multiple);
    Set(i, "required", in.required);
    Data options = List();
    for (const auto& [value, label] : in.options) {
      Data o = Object();
      Set(o, "value", value);
      Set(o, "label", label);
      Set(o, "selected",
          std::find(in.selected.begin(), in.selected.end(), value) != in.selected.end());
      Append(options, std::move(o));
    }
    Set(i, "options", std::move(options));
    Append(inputs, std::move(i));
  }
  Set(d, "inputs", std::move(inputs));
  return RenderTemplate("app_record", d);
}

}  // namespace ladder::render
