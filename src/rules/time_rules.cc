// Rule kinds measured on the calendar: time_at_level (from the level history) and time_in_role
// (from role periods in evidence and overlay grants). Time is measured on the calendar: one
// stretch from D meets "N months" on D + N months (the day clamped at month ends: 2026-01-31 +
// 1 month = 2026-02-28); several stretches add up.
#include <algorithm>

#include "rules/eligibility_internal.h"

namespace ladder::rules::internal {
namespace {

using model::Assignment;

// Merges overlapping or touching periods in place; sorted by start.
void Merge(std::vector<Period>& periods) {
  std::sort(periods.begin(), periods.end(),
            [](const Period& a, const Period& b) { return a.from < b.from; });
  size_t n = 0;
  for (const Period& p : periods) {
    if (n > 0 && p.from <= periods[n - 1].to) {
      periods[n - 1].to = std::max(periods[n - 1].to, p.to);
    } else {
      periods[n++] = p;
    }
  }
  periods.resize(n);
}

// What accumulated time on the calendar says about "at least `months`".
struct TimeCredit {
  bool held = false;
  bool ongoing = false;
  bool met = false;
  int months_held = 0;
  Date earliest;  // not met and ongoing: when it will be
};

// The days of earlier stretches move the start of the latest one back by as many days.
// `ongoing`: the last period is still held on `at` (it was clipped to `at`).
TimeCredit Credit(const std::vector<Period>& merged, Date at, int months, bool ongoing,
                  bool explain) {
  TimeCredit c;
  if (merged.empty()) return c;
  c.held = true;
  Date end = ongoing ? at : merged.back().to;
  Date virtual_start = merged.size() == 1 ? merged[0].from : Date();
  if (merged.size() > 1) {
    long days = 0;
    for (const Period& p : merged) days += DaysBetween(p.from, p.to);
    virtual_start = end.AddDays(-days);
  }
  c.ongoing = ongoing;
  Date due = virtual_start.AddMonths(months);
  if (explain) c.months_held = WholeMonthsBetween(virtual_start, end);
  c.met = end >= due;
  if (!c.met && c.ongoing) c.earliest = due;
  return c;
}

// The periods spent at the level `p` names, into cx.s.periods; `ongoing` when the last one is
// still held. False, with `r` answered, when the level cannot be known.
bool LevelPeriods(const Context& cx, const Prepared& p, const model::TimeAtLevel& rule,
                  RequirementResult& r, const std::string*& label, bool& ongoing) {
  std::vector<Period>& periods = cx.s.periods;
  periods.clear();
  ongoing = false;
  auto consider = [&](const Assignment& a, bool match) {
    if (!match || !cx.Mine(a.person) || a.framework != cx.fw.id || a.from.empty() || a.from > cx.at)
      return;
    bool open = a.to.empty() || a.to > cx.at;
    ongoing = ongoing || open;
    periods.push_back({a.from, open ? cx.at : a.to});
    if (cx.explain) r.records.push_back(a.id);
  };
  switch (p.ref) {
    case Prepared::LevelRef::kCurrent:
      if (!cx.current) {
        r.status = RequirementStatus::kUnknown;
        if (cx.explain) r.reason = "no current level on " + DateText(cx.at);
        return false;
      }
      label = cx.current_level ? &cx.current_level->label : &cx.current->level;
      for (const Assignment& a : cx.records.assignments)
        consider(a, a.track == cx.current->track && a.level == cx.current->level);
      return true;
    case Prepared::LevelRef::kRank:
      for (const Assignment& a : cx.records.assignments) {
        const LevelInfo* l = cx.im.LevelOf(a.track, a.level);
        consider(a, l && l->level->rank == p.rank);
      }
      return true;
    case Prepared::LevelRef::kLevel:
      for (const Assignment& a : cx.records.assignments)
        consider(a, a.track == p.level->track->id && a.level == p.level->level->code);
      return true;
    case Prepared::LevelRef::kMissing:
      r.status = RequirementStatus::kUnknown;
      if (cx.explain) r.reason = "the level " + Quote(rule.level) + " is not in " + cx.fw.id;
      return false;
  }
  return false;
}

}  // namespace

void PrepareKind::operator()(const model::TimeAtLevel& t) const {
  if (t.level.empty()) {
    p.ref = Prepared::LevelRef::kCurrent;
  } else if (AllDigits(t.level)) {
    p.ref = Prepared::LevelRef::kRank;
    p.rank = std::stoi(t.level);
    p.label = "Level " + t.level;
  } else {
    auto [tt, l] = im.fw.ResolveLevel(
        t.level, target_track ? std::string_view(target_track->id) : std::string_view());
    p.ref = l ? Prepared::LevelRef::kLevel : Prepared::LevelRef::kMissing;
    p.level = im.Info(tt, l);
    if (l) p.label = LevelLabel(*l);
  }
}

void PrepareKind::operator()(const model::TimeInRole&) const {}

void EvaluateKind::operator()(const model::TimeAtLevel& rule) const {
  const std::string* label = &p.label;
  bool ongoing = false;
  if (!LevelPeriods(cx, p, rule, r, label, ongoing)) return;
  std::vector<Period>& periods = cx.s.periods;
  bool any_history = std::any_of(cx.records.assignments.begin(), cx.records.assignments.end(),
                                 [&](const Assignment& a) { return cx.Mine(a.person); });
  if (!any_history) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no level history recorded";
    return;
  }
  Merge(periods);
  TimeCredit c = Credit(periods, cx.at, rule.months, ongoing, cx.explain);
  if (!c.held) {
    r.status = RequirementStatus::kNotMet;
    if (cx.explain) r.reason = "never held " + *label + " (" + Months(rule.months) + " required)";
    return;
  }
  r.status = c.met ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (!c.met && c.ongoing) r.earliest = c.earliest;
  if (!cx.explain) return;
  std::string when = DescribePeriods(periods, ongoing);
  r.reason =
      std::to_string(c.months_held) + " of " + Months(rule.months) + " at " + *label + ": " + when;
  if (c.met) {
    if (c.months_held > rule.months)
      r.reason = Months(c.months_held) + " at " + *label + " (" + std::to_string(rule.months) +
                 " required): " + when;
    return;
  }
  r.reason += c.ongoing ? "; earliest on " + DateText(c.earliest) : "; no longer held";
}

void EvaluateKind::operator()(const model::TimeInRole& rule) const {
  std::vector<Period>& periods = cx.s.periods;
  periods.clear();
  bool ongoing = false;
  bool any_data = cx.has_evidence;
  for (const EvidenceItem& item : cx.s.evidence) {
    if (item.kind != cx.im.role_kind) continue;
    const model::Evidence& e = *item.e;
    if (!IEq(e.role, rule.role) || e.date.empty() || e.date > cx.at) continue;
    bool open = e.end.empty() || e.end > cx.at;
    ongoing = ongoing || open;
    periods.push_back({e.date, open ? cx.at : e.end});
    if (cx.explain) r.records.push_back(e.id);
  }
  for (const Assignment& a : cx.records.assignments) {
    if (!cx.Mine(a.person)) continue;
    if (!a.overlays.empty()) any_data = true;
    if (std::find(a.overlays.begin(), a.overlays.end(), rule.role) == a.overlays.end()) continue;
    if (a.from.empty() || a.from > cx.at) continue;
    bool open = a.to.empty() || a.to > cx.at;
    ongoing = ongoing || open;
    periods.push_back({a.from, open ? cx.at : a.to});
    if (cx.explain) r.records.push_back(a.id);
  }
  if (periods.empty() && !any_data) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain)
      r.reason = "no evidence recorded (" + Months(rule.months) + " as " + rule.role + " required)";
    return;
  }
  Merge(periods);
  TimeCredit c = Credit(periods, cx.at, rule.months, ongoing, cx.explain);
  if (!c.held) {
    r.status = RequirementStatus::kNotMet;
    if (cx.explain)
      r.reason = "no period as " + rule.role + " recorded (" + Months(rule.months) + " required)";
    return;
  }
  r.status = c.met ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (!c.met && c.ongoing) r.earliest = c.earliest;
  if (!cx.explain) return;
  r.reason = std::to_string(c.months_held) + " of " + Months(rule.months) + " as " + rule.role +
             ": " + DescribePeriods(periods, ongoing);
  if (c.met && c.months_held > rule.months)
    r.reason = Months(c.months_held) + " as " + rule.role + " (" + std::to_string(rule.months) +
               " required): " + DescribePeriods(periods, ongoing);
  if (!c.met && c.ongoing) r.reason += "; earliest on " + DateText(c.earliest);
}

}  // namespace ladder::rules::internal
