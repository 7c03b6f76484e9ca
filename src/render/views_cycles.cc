// The pages of review cycles (cycle_views.h).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "formats/csv_export.h"
#include "render/app_views_internal.h"
#include "render/cycle_views.h"

namespace ladder::render {

using namespace internal;

namespace {

std::string CycleHref(std::string_view id) { return Path("/cycles/", id); }

std::string ReadinessLabel(model::Readiness r) {
  switch (r) {
    case model::Readiness::kEligible:
      return "Eligible";
    case model::Readiness::kClose:
      return "Close";
    case model::Readiness::kBlocked:
      return "Blocked";
    case model::Readiness::kNoTarget:
      return "No next level";
  }
  return "";
}

Data CycleItem(const model::Cycle& c) {
  Data d = Object();
  Set(d, "id", c.id);
  Set(d, "href", CycleHref(c.id));
  Set(d, "name", c.name);
  Set(d, "status", model::CycleStatusName(c.status));
  Set(d, "open", c.status == model::CycleStatus::kOpen);
  Set(d, "phase", model::CyclePhaseTitle(c.phase));
  Set(d, "deadline", Str(c.DeadlineOf(c.phase)));
  Set(d, "evaluation", Str(c.evaluation));
  Set(d, "closed", Text(Str(c.closed)));
  std::string frameworks;
  for (const std::string& f : c.frameworks) frameworks += (frameworks.empty() ? "" : ", ") + f;
  Set(d, "frameworks", frameworks);
  Set(d, "manager", Text(c.manager));
  return d;
}

Data Phases(const model::Cycle& c, Date today) {
  Data phases = List();
  bool passed = true;
  for (const model::PhaseDeadline& p : c.phases) {
    bool current = p.phase == c.phase && c.status == model::CycleStatus::kOpen;
    if (current) passed = false;
    Data d = Object();
    Set(d, "title", model::CyclePhaseTitle(p.phase));
    Set(d, "deadline", Str(p.deadline));
    Set(d, "current", current);
    Set(d, "done", passed && !current);
    Set(d, "late", current && p.deadline < today);
    Append(phases, std::move(d));
  }
  return phases;
}

Data RowItem(const CycleRowView& r) {
  const model::Candidate& k = r.candidate;
  Data d = Object();
  Set(d, "person", k.person);
  Set(d, "name", k.name.empty() ? k.person : k.name);
  Set(d, "href", PersonHref(k.person));
  Set(d, "level", k.track + "/" + k.level);
  Set(d, "target", Text(k.target_label));
  Set(d, "readiness", model::ReadinessName(k.readiness));
  Set(d, "readiness_label", ReadinessLabel(k.readiness));
  Set(d, "earliest", Text(Str(k.earliest)));
  std::string reasons;
  for (size_t i = 0; i < k.reasons.size() && i < 3; ++i) reasons += (i ? "; " : "") + k.reasons[i];
  if (k.reasons.size() > 3) reasons += "; and " + std::to_string(k.reasons.size() - 3) + " more";
  Set(d, "reasons", Text(reasons));
  Set(d, "nominated_by", Text(k.nominated_by));
  Set(d, "nominated", Text(Str(k.nominated)));
  Set(d, "nomination_note", Text(k.nomination_note));
  Set(d, "evidence", std::to_string(r.evidence));
  Set(d, "stage", r.stage);
  Set(d, "case", Text(r.review ? r.review->id : ""));
  Set(d, "case_href", Text(r.review ? CaseHref(r.review->id) : ""));
  Set(d, "nominable", !k.Nominated() && !r.review && k.readiness != model::Readiness::kNoTarget);
  return d;
}

Data Options(const std::vector<std::string>& values, const std::string& selected) {
  Data list = List();
  for (const std::string& v : values) {
    Data o = Object();
    Set(o, "value", v);
    Set(o, "selected", v == selected);
    Append(list, std::move(o));
  }
  return list;
}

}  // namespace

namespace {

// Promoted of the reviews decided, as a fraction; nullopt before any decision.
std::optional<double> Rate(const std::array<int, 6>& c) {
  if (c[4] == 0) return std::nullopt;
  return static_cast<double>(c[5]) / c[4];
}

std::string Percent(std::optional<double> rate) {
  if (!rate) return "";
  return std::to_string(static_cast<int>(std::lround(*rate * 100))) + "%";
}

}  // namespace

std::string CycleRatesCsv(const CyclesView& v) {
  std::string out = formats::CsvRecord({"cycle", "name", "status", "people", "eligible", "close",
                                        "reviews", "decided", "promoted", "promotion_rate"}) +
                    "\r\n";
  for (auto it = v.cycles.rbegin(); it != v.cycles.rend(); ++it) {
    const model::Cycle& c = *it;
    std::array<int, 6> n{};
    if (auto found = v.counts.find(c.id); found != v.counts.end()) n = found->second;
    std::optional<double> rate = Rate(n);
    char buf[16] = "";
    if (rate) std::snprintf(buf, sizeof buf, "%.3f", *rate);
    std::vector<std::string> row = {c.id, c.name, model::CycleStatusName(c.status)};
    for (int x : n) row.push_back(std::to_string(x));
    row.push_back(buf);
    out += formats::CsvRecord(row) + "\r\n";
  }
  return out;
}

std::string RenderCycles(const Viewer& viewer, const CyclesView& v) {
  Data d = Frame(viewer, "Review cycles");
  // The promotion rate per cycle, oldest first: a table beside its chart, and the CSV.
  Data rates = List();
  nlohmann::json labels = nlohmann::json::array(), values = nlohmann::json::array();
  for (auto it = v.cycles.rbegin(); it != v.cycles.rend(); ++it) {
    auto found = v.counts.find(it->id);
    if (found == v.counts.end()) continue;
    const std::array<int, 6>& n = found->second;
    Data row = Object();
    Set(row, "name", it->name);
    Set(row, "href", CycleHref(it->id));
    Set(row, "people", std::to_string(n[0]));
    Set(row, "eligible", std::to_string(n[1] + n[2]));
    Set(row, "reviews", std::to_string(n[3]));
    Set(row, "decided", std::to_string(n[4]));
    Set(row, "promoted", std::to_string(n[5]));
    Set(row, "rate", Text(Percent(Rate(n))));
    Append(rates, std::move(row));
    labels.push_back(it->name);
    values.push_back(Rate(n) ? std::lround(*Rate(n) * 100) : 0);
  }
  SetList(d, "rates", std::move(rates));
  Set(d, "rates_json",
      nlohmann::json{{"labels", labels},
                     {"datasets", {{{"label", "Promoted of decided (%)"}, {"data", values}}}}}
          .dump());
  SetFlash(d, v.flash);
  Data open = List(), closed = List();
  for (const model::Cycle& c : v.cycles)
    Append(c.status == model::CycleStatus::kOpen ? open : closed, CycleItem(c));
  SetList(d, "open", std::move(open));
  SetList(d, "closed", std::move(closed));
  Set(d, "may_open", v.may_open && !v.frameworks.empty());
  Data frameworks = List();
  auto sent = [&](const std::string& field, const std::string& fallback = "") {
    auto it = v.form.find(field);
    return it == v.form.end() ? fallback : it->second;
  };
  for (const auto& [id, name] : v.frameworks) {
    Data f = Object();
    Set(f, "id", id);
    Set(f, "name", name.empty() ? id : name);
    Set(f, "ticked", std::find(v.ticked.begin(), v.ticked.end(), id) != v.ticked.end());
    Append(frameworks, std::move(f));
  }
  Set(d, "f_name", sent("name"));
  Set(d, "f_evaluation", sent("evaluation"));
  Set(d, "f_close_days", sent("close_days", "90"));
  Set(d, "f_manager", sent("manager"));
  Set(d, "frameworks", std::move(frameworks));
  Data phases = List();
  for (model::CyclePhase p : model::kCyclePhases) {
    Data o = Object();
    Set(o, "name", model::CyclePhaseName(p));
    Set(o, "title", model::CyclePhaseTitle(p));
    Set(o, "value", sent(std::string("deadline_") + model::CyclePhaseName(p)));
    Append(phases, std::move(o));
  }
  Set(d, "phases", std::move(phases));
  Set(d, "today", Str(v.today));
  return RenderTemplate("app_cycles", d);
}

namespace {

// The board's rows grouped by target level, in the order given (sorted by the caller); one
// group of all rows unless sorted by target.
Data RowGroups(const CycleBoardView& v) {
  const model::Cycle& c = v.cycle;
  Data groups = List(), rows = List();
  std::string group_key;
  Data group;
  auto flush = [&] {
    if (group_key.empty()) return;
    SetList(group, "rows", std::move(rows));
    Append(groups, std::move(group));
    rows = List();
  };
  bool grouped = v.filter.sort == "target";
  for (const CycleRowView& r : v.rows) {
    std::string key = grouped ? r.candidate.target_track + "/" + r.candidate.target_level : "all";
    if (key != group_key) {
      flush();
      group_key = key;
      group = Object();
      Set(group, "label",
          Text(grouped ? (r.candidate.target_label.empty() ? std::string("No next level")
                                                           : r.candidate.target_label)
                       : ""));
      Set(group, "compare_href",
          Text(grouped && v.runner && !r.candidate.target_level.empty()
                   ? CycleHref(c.id) + "/compare?target=" + r.candidate.target_track + "%2F" +
                         r.candidate.target_level
                   : ""));
    }
    Append(rows, RowItem(r));
  }
  flush();
  return groups;
}

// The distribution of readiness and stages per target level, with a chart of it.
void SetDistribution(const CycleBoardView& v, Data& d) {
  static const char* kColumns[] = {"eligible", "close",    "blocked",      "nominated",
                                   "review",   "promoted", "not promoted", "deferred"};
  Data distribution = List();
  nlohmann::json labels = nlohmann::json::array(), eligible = nlohmann::json::array(),
                 promoted = nlohmann::json::array();
  for (const auto& [label, counts] : v.distribution) {
    auto count = [&](const char* k) {
      auto it = counts.find(k);
      return it == counts.end() ? 0 : it->second;
    };
    Data row = Object();
    Set(row, "label", label);
    Data cells = List();
    for (const char* col : kColumns) {
      Data cell = Object();
      Set(cell, "count", std::to_string(count(col)));
      Append(cells, std::move(cell));
    }
    Set(row, "cells", std::move(cells));
    Append(distribution, std::move(row));
    labels.push_back(label);
    eligible.push_back(count("eligible"));
    promoted.push_back(count("promoted"));
  }
  SetList(d, "distribution", std::move(distribution));
  Data columns = List();
  for (const char* col : kColumns) {
    Data h = Object();
    Set(h, "name", col);
    Append(columns, std::move(h));
  }
  Set(d, "columns", std::move(columns));
  Set(d, "distribution_json",
      nlohmann::json{{"labels", labels},
                     {"datasets",
                      {{{"label", "Eligible"}, {"data", eligible}},
                       {{"label", "Promoted"}, {"data", promoted}}}}}
          .dump());
}

// Reviews per stage, with a chart of them.
void SetPipeline(const CycleBoardView& v, Data& d) {
  Data pipeline = List();
  nlohmann::json pipe_labels = nlohmann::json::array(), pipe_counts = nlohmann::json::array();
  static const std::map<std::string, int> kNone;
  for (const auto& [stage, n] : v.pipeline ? *v.pipeline : kNone) {
    Data row = Object();
    Set(row, "stage", stage);
    Set(row, "count", std::to_string(n));
    Append(pipeline, std::move(row));
    pipe_labels.push_back(stage);
    pipe_counts.push_back(n);
  }
  SetList(d, "pipeline", std::move(pipeline));
  Set(d, "pipeline_json",
      nlohmann::json{{"labels", pipe_labels},
                     {"datasets", {{{"label", "Reviews"}, {"data", pipe_counts}}}}}
          .dump());
}

// The filter form, showing the filter applied.
void SetFilterForm(const CycleBoardView& v, Data& d) {
  static const std::vector<std::string> kNoValues;
  const CycleFilterView& f = v.filter;
  Set(d, "f_frameworks", Options(v.frameworks ? *v.frameworks : kNoValues, f.framework));
  Set(d, "f_targets", Options(v.targets ? *v.targets : kNoValues, f.target));
  Set(d, "f_readiness", Options({"eligible", "close", "blocked", "no_target"}, f.readiness));
  Set(d, "f_stages",
      Options({"none", "nominated", "open", "portfolio", "peer_review", "decision", "promoted",
               "not_promoted", "deferred"},
              f.stage));
  Set(d, "f_sorts",
      Options({"target", "name", "level", "readiness", "earliest", "evidence", "stage"}, f.sort));
  Set(d, "f_track", f.track);
  Set(d, "f_level", f.level);
  Set(d, "f_manager", f.manager);
  Set(d, "f_search", f.search);
  Set(d, "f_everyone", f.everyone);
}

// The committee's notes (naming the person each is about) and the cycle's history.
void SetNotesAndHistory(const CycleBoardView& v, Data& d) {
  const model::Cycle& c = v.cycle;
  Data notes = List();
  for (const model::CycleNote& n : c.notes) {
    Data nd = Object();
    Set(nd, "date", Str(n.date));
    Set(nd, "by", n.by);
    std::string who = n.person;
    if (v.people)
      if (auto it = v.people->find(n.person); it != v.people->end()) who = it->second;
    Set(nd, "person", Text(who));
    Set(nd, "text", n.text);
    Append(notes, std::move(nd));
  }
  SetList(d, "notes", std::move(notes));
  Data history = List();
  for (const model::CycleEvent& e : c.history) {
    Data hd = Object();
    Set(hd, "date", Str(e.date));
    Set(hd, "actor", e.actor);
    Set(hd, "what", e.what);
    Append(history, std::move(hd));
  }
  SetList(d, "history", std::move(history));
}

}  // namespace

std::string RenderCycleBoard(const Viewer& viewer, const CycleBoardView& v) {
  const model::Cycle& c = v.cycle;
  Data d = Frame(viewer, c.name);
  SetFlash(d, v.flash);
  Set(d, "cycle", CycleItem(c));
  Set(d, "runner", v.runner);
  Set(d, "phases", Phases(c, v.today));
  bool open = c.status == model::CycleStatus::kOpen;
  Set(d, "may_advance", v.runner && open && c.phase != model::CyclePhase::kCommunicated);
  Set(d, "may_close", v.runner && open && c.phase == model::CyclePhase::kCommunicated);
  Set(d, "may_bulk", v.runner && open && c.phase < model::CyclePhase::kDecisions);
  Set(d, "nominations_open", v.nominations_open);
  Set(d, "nominations_deadline", Str(c.DeadlineOf(model::CyclePhase::kNominations)));
  Set(d, "matched", std::to_string(v.matched));
  Set(d, "shown", std::to_string(v.rows.size()));
  Set(d, "truncated", v.rows.size() < v.matched);
  Set(d, "in_scope", std::to_string(v.in_scope));
  SetList(d, "groups", RowGroups(v));
  SetDistribution(v, d);
  SetPipeline(v, d);
  SetFilterForm(v, d);
  SetNotesAndHistory(v, d);
  Set(d, "may_note", v.runner && open);
  return RenderTemplate("app_cycle", d);
}

std::string RenderCycleCompare(const Viewer& viewer, const CycleCompareView& v) {
  Data d = Frame(viewer, v.cycle.name + ": " + v.target_label);
  Set(d, "cycle", CycleItem(v.cycle));
  Set(d, "target", v.target_label);
  Data people = List();
  for (const CycleRowView& r : v.candidates) Append(people, RowItem(r));
  SetList(d, "people", std::move(people));
  Data competencies = List();
  for (const auto& [id, name] : v.competencies) {
    Data row = Object();
    Set(row, "name", name);
    Data cells = List();
    for (const auto& ratings : v.ratings) {
      auto it = ratings.find(id);
      Data cell = Object();
      Set(cell, "manager", Text(it == ratings.end() ? "" : it->second.first));
      Set(cell, "self", Text(it == ratings.end() ? "" : it->second.second));
      Append(cells, std::move(cell));
    }
    Set(row, "cells", std::move(cells));
    Append(competencies, std::move(row));
  }
  SetList(d, "competencies", std::move(competencies));
  return RenderTemplate("app_cycle_compare", d);
}

}  // namespace ladder::render
