// The growth plan on a person's growth page: the agreed actions, the check-ins, the forms that
// add them, and the timeline of everything that happened (app_views.h: GrowthView).
#include <algorithm>
#include <map>
#include <tuple>

#include "base/text.h"
#include "formats/csv_export.h"
#include "render/app_views.h"
#include "render/app_views_internal.h"
#include "render/words.h"

namespace ladder::render {

using namespace internal;

namespace {

std::string NameOf(const GrowthView& v, const std::string& id) { return v.labels.Person(id); }

std::string CompetencyName(const GrowthView& v, const std::string& id) {
  if (id.empty() || !v.framework) return id;
  const model::Competency* c = v.framework->FindCompetency(id);
  return c && !c->name.empty() ? c->name : id;
}

std::string StatusLabel(model::ActionStatus s) {
  switch (s) {
    case model::ActionStatus::kOpen:
      return "Open";
    case model::ActionStatus::kDone:
      return "Done";
    case model::ActionStatus::kDropped:
      return "Dropped";
  }
  return "";
}

// The levels and overlay roles an action may work towards, the one given selected.
Data TargetOptions(const GrowthView& v, const std::string& selected) {
  Data options = List();
  if (!v.framework) return options;
  for (const model::Track& t : v.framework->tracks)
    for (const model::Level& l : t.levels) {
      if (l.state == model::LevelState::kUndefined) continue;
      Data o = Object();
      const std::string value = t.id + "/" + l.code;
      Set(o, "value", value);
      Set(o, "label", t.DisplayName() + ": " + LevelLabel(l));
      Set(o, "selected", value == selected);
      Append(options, std::move(o));
    }
  for (const model::OverlayRole& r : v.framework->overlays) {
    Data o = Object();
    Set(o, "value", r.id);
    Set(o, "label", "Role: " + r.DisplayName());
    Set(o, "selected", r.id == selected);
    Append(options, std::move(o));
  }
  return options;
}

Data ActionRow(const GrowthView& v, const model::PlanAction& a, const std::string& base) {
  Data row = Object();
  Set(row, "id", a.id);
  Set(row, "title", a.title);
  Set(row, "competency", Text(CompetencyName(v, a.competency)));
  Set(row, "competency_href",
      Text(a.competency.empty() ? "" : "#c-" + text::Slugify(a.competency)));
  Set(row, "target", Text(PlanTargetLabel(v.framework.get(), a.target)));
  Set(row, "due", Str(a.due));
  Set(row, "status", model::ActionStatusName(a.status));
  Set(row, "status_label", StatusLabel(a.status));
  Set(row, "open", a.status == model::ActionStatus::kOpen);
  Set(row, "overdue", a.Overdue(v.today));
  Set(row, "agreed", Str(a.agreed));
  Set(row, "agreed_by", Text(a.agreed_by.empty() ? "" : NameOf(v, a.agreed_by)));
  Set(row, "closed", Text(Str(a.closed)));
  Set(row, "closed_by", Text(a.closed_by.empty() ? "" : NameOf(v, a.closed_by)));
  Set(row, "note", Text(a.note));
  Set(row, "update_action", Path(base + "/plan/", a.id));
  return row;
}

Data CheckInRow(const GrowthView& v, const model::CheckIn& c) {
  Data row = Object();
  Set(row, "id", c.id);
  Set(row, "date", Str(c.date));
  Set(row, "held_by", Text(c.held_by.empty() ? "" : NameOf(v, c.held_by)));
  Set(row, "self_view", Text(c.self_view));
  Set(row, "manager_view", Text(c.manager_view));
  Set(row, "outcome", Text(c.outcome));
  Set(row, "next", Text(Str(c.next)));
  return row;
}

// One event of the timeline: its day, an order among events of one day, and what it says.
struct Event {
  Date date;
  int order = 0;
  std::string kind;  // level | evidence | checkin | assessment | review | plan
  std::string label;
  std::string text;
  std::string href;
};

void AddAssessmentEvents(const GrowthView& v, std::vector<Event>& events) {
  // One event per assessor and period: "Manager assessment (Dana), 5 competencies".
  std::map<std::tuple<Date, std::string, model::AssessorRole>, int> rated;
  for (const model::Assessment& a : v.assessments)
    if (!a.retraction) ++rated[{a.period_end, a.assessor, a.role}];
  for (const auto& [key, count] : rated) {
    const auto& [end, assessor, role] = key;
    std::string who = role == model::AssessorRole::kSelf      ? "Self-assessment"
                      : role == model::AssessorRole::kManager ? "Manager assessment"
                                                              : "Peer assessment";
    events.push_back({end, 3, "assessment", who,
                      Count(count, "competency", "competencies") + " rated" +
                          (role == model::AssessorRole::kSelf ? "" : ", by " + NameOf(v, assessor)),
                      "#records"});
  }
}

std::vector<Event> TimelineEvents(const GrowthView& v) {
  std::vector<Event> events;
  for (const model::Assignment& a : v.history)
    events.push_back({a.from, 0, "level", "Level",
                      a.framework + " " + a.track + "/" + a.level +
                          (a.reason.empty() ? "" : " (" + a.reason + ")"),
                      "#history"});
  for (const model::Evidence& e : v.evidence)
    if (!e.retraction)
      events.push_back({e.date, 2, "evidence", "Evidence", e.title, "#ev-" + e.id});
  AddAssessmentEvents(v, events);
  for (const model::CheckIn& c : v.checkins)
    events.push_back({c.date, 1, "checkin", "Check-in",
                      c.outcome.empty() ? "held by " + NameOf(v, c.held_by) : c.outcome,
                      "#ci-" + c.id});
  for (const model::PlanAction& a : v.plan) {
    events.push_back({a.agreed, 4, "plan", "Action agreed", a.title, "#pa-" + a.id});
    if (!a.closed.empty())
      events.push_back({a.closed, 4, "plan",
                        a.status == model::ActionStatus::kDone ? "Action done" : "Action dropped",
                        a.title, "#pa-" + a.id});
  }
  for (const model::Case& c : v.cases) {
    events.push_back({c.opened, 5, "review", "Review opened", v.labels.Target(c), CaseHref(c.id)});
    if (c.decision)
      events.push_back({c.decision->effective, 5, "review", "Review decided, effective",
                        v.labels.Target(c) + ": " + model::OutcomeName(c.decision->outcome),
                        CaseHref(c.id)});
  }
  // Newest first; within a day, in the order above.
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(b.date, a.order) < std::tie(a.date, b.order);
  });
  return events;
}

}  // namespace

std::string PlanTargetLabel(const model::Framework* f, const std::string& target) {
  if (target.empty() || !f) return target;
  if (auto slash = target.find('/'); slash != std::string::npos) {
    const model::Track* t = f->FindTrack(target.substr(0, slash));
    const model::Level* l = t ? t->FindLevel(target.substr(slash + 1)) : nullptr;
    if (l) return t->DisplayName() + ": " + LevelLabel(*l);
    return target;
  }
  for (const model::OverlayRole& r : f->overlays)
    if (r.id == target) return "Role: " + r.DisplayName();
  return target;
}

void internal::SetPlan(Data& d, const GrowthView& v) {
  const std::string base = PersonHref(v.person.id);
  Set(d, "may_plan", v.may_plan);
  Set(d, "plan_action", base + "/plan");
  Set(d, "checkin_action", base + "/checkins");
  Set(d, "plan_csv", base + "/plan.csv");
  Data actions = List();
  int open = 0, overdue = 0;
  for (const model::PlanAction& a : v.plan) {
    Append(actions, ActionRow(v, a, base));
    open += a.status == model::ActionStatus::kOpen;
    overdue += a.Overdue(v.today);
  }
  SetList(d, "actions", std::move(actions));
  Set(d, "plan_summary",
      v.plan.empty() ? std::string()
                     : std::to_string(open) + " open" +
                           (overdue ? ", " + std::to_string(overdue) + " overdue" : std::string()) +
                           ", " + std::to_string(v.plan.size() - open) + " closed");
  Set(d, "plan_targets",
      TargetOptions(v, v.next.level && v.next.track ? v.next.track->id + "/" + v.next.level->code
                                                    : std::string()));
  Set(d, "due_default", Str(v.today.AddMonths(3)));
  Data checkins = List();
  for (auto it = v.checkins.rbegin(); it != v.checkins.rend(); ++it)
    Append(checkins, CheckInRow(v, *it));
  SetList(d, "checkins", std::move(checkins));
  Data timeline = List();
  for (const Event& e : TimelineEvents(v)) {
    Data row = Object();
    Set(row, "date", Str(e.date));
    Set(row, "kind", e.kind);
    Set(row, "label", e.label);
    Set(row, "text", e.text);
    Set(row, "href", Text(e.href));
    Append(timeline, std::move(row));
  }
  SetList(d, "timeline", std::move(timeline));
}

std::string GrowthPlanCsv(const GrowthView& v) {
  std::string out =
      formats::CsvRecord({"id", "title", "competency", "target", "due", "status", "overdue",
                          "agreed", "agreed_by", "closed", "closed_by", "note"}) +
      "\r\n";
  for (const model::PlanAction& a : v.plan)
    out += formats::CsvRecord({a.id, a.title, CompetencyName(v, a.competency),
                               PlanTargetLabel(v.framework.get(), a.target), Str(a.due),
                               model::ActionStatusName(a.status), a.Overdue(v.today) ? "yes" : "no",
                               Str(a.agreed), a.agreed_by.empty() ? "" : NameOf(v, a.agreed_by),
                               Str(a.closed), a.closed_by.empty() ? "" : NameOf(v, a.closed_by),
                               a.note}) +
           "\r\n";
  return out;
}

}  // namespace ladder::render
