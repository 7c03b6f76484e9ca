#include "rules/eligibility.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <type_traits>
#include <utility>

#include "base/text.h"
#include "rules/consensus.h"

namespace ladder::rules {
namespace {

using model::Assessment;
using model::Assignment;
using model::Evidence;
using model::Framework;
using model::Level;
using model::Requirement;
using model::Track;

// ---------------------------------------------------------------------------------------------
// Small helpers

// YYYY-MM-DD without going through printf: reasons quote many dates, and evaluating a whole
// organisation formats hundreds of thousands of them.
std::string DateText(Date d) {
  if (d.empty()) return "";
  std::string out(10, '-');
  int y = d.year(), m = d.month(), day = d.day();
  for (int i = 3; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A half-open period [from, to) of the calendar.
struct Period {
  Date from;
  Date to;
};

// Merges overlapping or touching periods; sorted by start.
std::vector<Period> Merge(std::vector<Period> periods) {
  std::sort(periods.begin(), periods.end(),
            [](const Period& a, const Period& b) { return a.from < b.from; });
  std::vector<Period> out;
  for (const Period& p : periods) {
    if (!out.empty() && p.from <= out.back().to) {
      out.back().to = std::max(out.back().to, p.to);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

// "2024-01-01 to 2024-06-01, since 2025-01-01": the last period is open when `ongoing`.
std::string DescribePeriods(const std::vector<Period>& periods, bool ongoing) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < periods.size(); ++i) {
    const Period& p = periods[i];
    if (ongoing && i + 1 == periods.size()) {
      parts.push_back("since " + DateText(p.from));
    } else {
      parts.push_back(DateText(p.from) + " to " + DateText(p.to));
    }
  }
  return text::Join(parts, ", ");
}

// What accumulated time on the calendar says about "at least `months`".
struct TimeCredit {
  bool held = false;
  bool ongoing = false;
  bool met = false;
  int months_held = 0;
  Date earliest;  // not met and ongoing: when it will be
};

// Time is measured on the calendar: one stretch from D meets "N months" on D + N months (the
// day clamped at month ends: 2026-01-31 + 1 month = 2026-02-28). Several stretches add up: the
// days of earlier stretches move the start of the latest one back by as many days.
// `ongoing`: the last period is still held on `at` (it was clipped to `at`).
TimeCredit Credit(const std::vector<Period>& merged, Date at, int months, bool ongoing) {
  TimeCredit c;
  if (merged.empty()) return c;
  c.held = true;
  long days = 0;
  for (const Period& p : merged) days += DaysBetween(p.from, p.to);
  c.ongoing = ongoing;
  Date end = ongoing ? at : merged.back().to;
  Date virtual_start = end.AddDays(-days);
  Date due = virtual_start.AddMonths(months);
  c.months_held = WholeMonthsBetween(virtual_start, end);
  c.met = end >= due;
  if (!c.met && c.ongoing) c.earliest = due;
  return c;
}

// ---------------------------------------------------------------------------------------------
// The evaluation context of one person, one target, one date

struct Context {
  Context(const Framework& f, const Records& r, const Target& t, Date a)
      : fw(f), records(r), target(t), at(a) {}

  const Framework& fw;
  const Records& records;
  const Target& target;
  Date at;
  bool explain = true;  // EvaluateOptions::explain: build reasons and record ids
  const Track* target_track = nullptr;
  const Level* target_level = nullptr;
  const model::OverlayRole* target_overlay = nullptr;
  const Assignment* current = nullptr;
  const Track* current_track = nullptr;
  const Level* current_level = nullptr;
  bool has_evidence = false;
  // Built once per evaluation (Index()), so that each rule reads only the records it needs:
  // the person's evidence with its kind folded (CanonicalKind), and the person's manager
  // assessments per competency, latest period first, with the self and peer counts.
  std::vector<std::pair<const Evidence*, std::string>> evidence;
  struct Assessed {
    std::string_view competency;
    std::vector<const Assessment*> manager;
    int self = 0;
    int peer = 0;
  };
  std::vector<Assessed> assessed;

  const Assessed* AssessedIn(std::string_view competency) const {
    for (const Assessed& a : assessed)
      if (a.competency == competency) return &a;
    return nullptr;
  }
  Assessed* AssessedIn(std::string_view competency) {
    for (Assessed& a : assessed)
      if (a.competency == competency) return &a;
    return nullptr;
  }
  // The months of the longest performing_at_next rule that applies alongside: "12 months
  // consistent at your level and 3 months at the next" asks for a run of 12 + 3 months.
  int next_months = 0;

  bool Mine(const std::string& person) const {
    return records.person.empty() || person.empty() || person == records.person;
  }
};

std::string LevelLabel(const Level& level) {
  return level.title.empty() ? level.code : level.title + " (" + level.code + ")";
}

std::string CompetencyName(const Framework& fw, const std::string& id) {
  const model::Competency* c = fw.FindCompetency(id);
  return c && !c->name.empty() ? c->name : id;
}

// The competencies a level expects: its own defined expectations, those of the levels its
// `inherits` chain names and, in a cumulative framework, those of the levels below it. When
// the framework says nothing per level, every competency of the framework.
std::vector<std::string> CompetenciesOf(const Framework& fw, const Track* track,
                                        const Level* level) {
  std::vector<std::string> out;
  auto add = [&](const Level& l) {
    for (const model::Expectation& e : l.expectations)
      if (!e.undefined && std::find(out.begin(), out.end(), e.competency) == out.end())
        out.push_back(e.competency);
  };
  const Level* l = level;
  const Track* t = track;
  for (int depth = 0; l && depth < 32; ++depth) {  // depth bounds a cyclic chain
    add(*l);
    if (l->inherits.empty()) break;
    auto [nt, nl] = fw.ResolveLevel(l->inherits, t ? std::string_view(t->id) : std::string_view());
    t = nt;
    l = nl;
  }
  if (fw.cumulative && track && level) {
    for (const Level& lower : track->levels)
      if (lower.rank < level->rank) add(lower);
  }
  if (out.empty())
    for (const model::Competency& c : fw.competencies) out.push_back(c.id);
  // Keep the framework's competency order, whatever the chain's order was.
  std::vector<std::string> ordered;
  for (const model::Competency& c : fw.competencies)
    if (std::find(out.begin(), out.end(), c.id) != out.end()) ordered.push_back(c.id);
  for (const std::string& id : out)
    if (std::find(ordered.begin(), ordered.end(), id) == ordered.end()) ordered.push_back(id);
  return ordered;
}

RequirementResult Start(const Requirement& req, std::string source) {
  RequirementResult r;
  r.text = req.text;
  r.kind = model::RuleKindName(req.rule);
  r.source = std::move(source);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Rule kinds

void TimeAtLevelRule(const Context& cx, const model::TimeAtLevel& rule, RequirementResult& r) {
  std::string label;
  std::vector<Period> periods;
  std::vector<const Assignment*> used;
  bool ongoing = false;
  auto consider = [&](const Assignment& a, bool match) {
    if (!match || !cx.Mine(a.person) || a.framework != cx.fw.id || a.from.empty() || a.from > cx.at)
      return;
    bool open = a.to.empty() || a.to > cx.at;
    ongoing = ongoing || open;
    periods.push_back({a.from, open ? cx.at : a.to});
    used.push_back(&a);
  };
  if (rule.level.empty()) {
    if (!cx.current) {
      r.status = RequirementStatus::kUnknown;
      r.reason = "no current level on " + DateText(cx.at);
      return;
    }
    if (cx.explain) label = cx.current_level ? LevelLabel(*cx.current_level) : cx.current->level;
    for (const Assignment& a : cx.records.assignments)
      consider(a, a.track == cx.current->track && a.level == cx.current->level);
  } else if (AllDigits(rule.level)) {
    int rank = std::stoi(rule.level);
    if (cx.explain) label = "Level " + rule.level;
    for (const Assignment& a : cx.records.assignments) {
      auto [t, l] = cx.fw.ResolveLevel(a.level, a.track);
      consider(a, l && t && t->id == a.track && l->rank == rank);
    }
  } else {
    auto [t, l] = cx.fw.ResolveLevel(
        rule.level, cx.target_track ? std::string_view(cx.target_track->id) : std::string_view());
    if (!l) {
      r.status = RequirementStatus::kUnknown;
      r.reason = "the level " + Quote(rule.level) + " is not in " + cx.fw.id;
      return;
    }
    if (cx.explain) label = LevelLabel(*l);
    for (const Assignment& a : cx.records.assignments)
      consider(a, a.track == t->id && a.level == l->code);
  }
  bool any_history = std::any_of(cx.records.assignments.begin(), cx.records.assignments.end(),
                                 [&](const Assignment& a) { return cx.Mine(a.person); });
  if (!any_history) {
    r.status = RequirementStatus::kUnknown;
    r.reason = "no level history recorded";
    return;
  }
  if (cx.explain)
    for (const Assignment* a : used) r.records.push_back(a->id);
  std::vector<Period> merged = Merge(std::move(periods));
  TimeCredit c = Credit(merged, cx.at, rule.months, ongoing);
  if (!c.held) {
    r.status = RequirementStatus::kNotMet;
    if (cx.explain) r.reason = "never held " + label + " (" + Months(rule.months) + " required)";
    return;
  }
  r.status = c.met ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (!c.met && c.ongoing) r.earliest = c.earliest;
  if (!cx.explain) return;
  std::string when = DescribePeriods(merged, ongoing);
  r.reason =
      std::to_string(c.months_held) + " of " + Months(rule.months) + " at " + label + ": " + when;
  if (c.met) {
    if (c.months_held > rule.months)
      r.reason = Months(c.months_held) + " at " + label + " (" + std::to_string(rule.months) +
                 " required): " + when;
    return;
  }
  r.reason += c.ongoing ? "; earliest on " + DateText(c.earliest) : "; no longer held";
}

// A run of consecutive assessment periods that qualify, ending with the latest period.
struct Streak {
  bool any = false;     // at least one relevant assessment
  bool broken = false;  // the latest period does not qualify
  Date start;           // first day of the run
  Date end;             // day after the run (exclusive)
  std::vector<const Assessment*> ids;
};

// `relevant` says whether an assessment speaks to this rule at all, `good` whether it qualifies.
template <typename Relevant, typename Good>
Streak StreakOf(const Context& cx, const std::string& competency, Relevant relevant, Good good) {
  Streak s;
  const Context::Assessed* in = cx.AssessedIn(competency);
  if (!in) return s;
  // The relevant assessments, in the index's order: latest period first.
  const auto begin = std::find_if(in->manager.begin(), in->manager.end(),
                                  [&](const Assessment* a) { return relevant(*a); });
  const auto end = in->manager.end();
  if (begin == end) return s;
  s.any = true;
  Date latest_end = (*begin)->period_end.AddDays(1);
  // Every assessment ending on the latest day must qualify (two managers, one says below).
  for (auto it = begin; it != end; ++it) {
    const Assessment* a = *it;
    if (!relevant(*a)) continue;
    if (a->period_end.AddDays(1) != latest_end) break;
    if (!good(*a)) {
      s.broken = true;
      s.end = latest_end;
      if (cx.explain) s.ids.push_back(a);
      return s;
    }
  }
  s.end = latest_end;
  s.start = (*begin)->period_start;
  for (auto it = begin; it != end; ++it) {
    const Assessment* a = *it;
    if (!relevant(*a)) continue;
    Date a_end = a->period_end.AddDays(1);
    if (a_end < s.start) break;  // a gap: the run stops here
    if (!good(*a)) {
      s.start = std::max(s.start, a_end);
      break;
    }
    s.start = std::min(s.start, a->period_start);
    if (cx.explain) s.ids.push_back(a);
  }
  return s;
}

// Shared by consistent_performance and performing_at_next: each competency's streak against
// `months`; all competencies (or any one) must qualify.
template <typename Relevant, typename Good>
void PerformanceRule(const Context& cx, const std::vector<std::string>& competencies, int months,
                     bool all, const std::string& what, Relevant relevant, Good good,
                     RequirementResult& r) {
  struct One {
    std::string name;
    Streak streak;
    bool met = false;
    Date earliest;
    std::string text;
  };
  std::vector<One> each;
  each.reserve(competencies.size());
  bool any_data = false;
  for (const std::string& c : competencies) {
    One o{cx.explain ? CompetencyName(cx.fw, c) : std::string(),
          StreakOf(cx, c, relevant, good),
          false,
          {},
          {}};
    any_data = any_data || o.streak.any;
    if (!o.streak.any) {
      if (cx.explain) o.text = o.name + ": no manager assessment";
    } else if (o.streak.broken) {
      o.earliest = o.streak.end.AddMonths(months);
      if (cx.explain)
        o.text = o.name + ": not rated so in the period ending " +
                 DateText(o.streak.end.AddDays(-1)) + "; a new run from " + DateText(o.streak.end) +
                 " completes on " + DateText(o.earliest);
    } else {
      Date due = o.streak.start.AddMonths(months);
      o.met = o.streak.end >= due;
      if (!o.met) o.earliest = due;
      if (cx.explain) {
        int held = WholeMonthsBetween(o.streak.start, o.streak.end);
        o.text = o.name + ": " + std::to_string(held) + " of " + std::to_string(months) +
                 " months since " + DateText(o.streak.start) + " (assessed through " +
                 DateText(o.streak.end.AddDays(-1)) + ")";
        if (!o.met) o.text += ", earliest on " + DateText(due);
      }
    }
    for (const Assessment* a : o.streak.ids) r.records.push_back(a->id);
    each.push_back(std::move(o));
  }
  std::string shown;
  if (cx.explain) {
    int self = 0, peer = 0;
    for (const std::string& c : competencies)
      if (const Context::Assessed* in = cx.AssessedIn(c)) {
        self += in->self;
        peer += in->peer;
      }
    if (self + peer > 0)
      shown = " (shown, not counted: " + std::to_string(self) + " self and " +
              std::to_string(peer) + " peer assessments)";
  }
  if (!any_data) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no manager assessment " + what + " yet" + shown;
    return;
  }
  int met = 0;
  for (const One& o : each) met += o.met ? 1 : 0;
  int n = static_cast<int>(each.size());
  bool ok = all ? met == n : met > 0;
  if (cx.explain) {
    std::vector<std::string> parts;
    for (const One& o : each)
      if (!o.met) parts.push_back(o.text);
    for (const One& o : each)
      if (o.met) parts.push_back(o.text);
    std::string head = std::string(all ? "all " : "any of ") + std::to_string(n) +
                       (n == 1 ? " category " : " categories ") + what + ": " +
                       std::to_string(met) + " of " + std::to_string(n) + " qualify";
    r.reason = head + "; " + text::Join(parts, "; ") + shown;
  }
  if (ok) {
    r.status = RequirementStatus::kMet;
    return;
  }
  r.status = RequirementStatus::kNotMet;
  // The earliest date: when the last (all) or first (any) category can qualify, if every
  // category that matters has such a date.
  Date earliest;
  bool known = true;
  for (const One& o : each) {
    if (o.met) continue;
    if (o.earliest.empty()) {
      if (all) known = false;
      continue;
    }
    if (earliest.empty() || (all ? o.earliest > earliest : o.earliest < earliest))
      earliest = o.earliest;
  }
  if (known && !earliest.empty()) {
    r.earliest = earliest;
    if (cx.explain) r.reason += "; earliest on " + DateText(earliest) + " if the ratings hold";
  }
}

void ConsistentPerformanceRule(const Context& cx, const model::ConsistentPerformance& rule,
                               RequirementResult& r) {
  const Track* track = cx.current_track;
  const Level* level = cx.current_level;
  if (!rule.level.empty()) {
    auto [t, l] = cx.fw.ResolveLevel(rule.level, track ? std::string_view(track->id) : "");
    if (!l) {
      r.status = RequirementStatus::kUnknown;
      r.reason = "the level " + Quote(rule.level) + " is not in " + cx.fw.id;
      return;
    }
    track = t;
    level = l;
  }
  if (!level) {
    r.status = RequirementStatus::kUnknown;
    r.reason = "no current level on " + DateText(cx.at);
    return;
  }
  const std::string& code = level->code;
  int months = rule.months;
  if (rule.level.empty() && cx.next_months > 0) months += cx.next_months;
  std::string what;
  if (cx.explain) {
    what = "meeting " + code + " for " + Months(rule.months);
    if (months != rule.months)
      what += ", then " + std::to_string(cx.next_months) + " at the next level (" +
              std::to_string(months) + " in all)";
  }
  PerformanceRule(
      cx, CompetenciesOf(cx.fw, track, level), months, true, what,
      [&](const Assessment& a) { return a.level.empty() || a.level == code; },
      [](const Assessment& a) { return a.rating != model::Rating::kBelow; }, r);
}

void PerformingAtNextRule(const Context& cx, const model::PerformingAtNext& rule,
                          RequirementResult& r) {
  const Track* track = cx.target_track;
  const Level* next = cx.target_level;
  if (!next && cx.current) {  // an overlay target: "next" is the level after the current one
    next = cx.fw.NextLevel(cx.current->track, cx.current->level);
    track = cx.current_track;
  }
  if (!next) {
    r.status = RequirementStatus::kUnknown;
    r.reason = "no next level to perform at";
    return;
  }
  const std::string& code = next->code;
  std::string_view from = cx.current ? std::string_view(cx.current->level) : std::string_view();
  PerformanceRule(
      cx, CompetenciesOf(cx.fw, track, next), rule.months, rule.all_competencies,
      cx.explain ? "performing at " + code + " for " + Months(rule.months) : std::string(),
      [&](const Assessment& a) { return a.level.empty() || a.level == code || a.level == from; },
      [&](const Assessment& a) {
        return a.level == code ? a.rating != model::Rating::kBelow
                               : a.rating == model::Rating::kNext;
      },
      r);
}

// Evidence kinds named in a rule: alternatives split by '|' or ',' and common spellings folded.
// Called for every evidence record of every person evaluated: compares string_views (length
// first) rather than C strings.
std::string CanonicalKind(std::string_view kind) {
  using namespace std::string_view_literals;
  std::string k = text::ToLower(text::Trim(kind));
  std::string_view v = k;
  if (v == "document"sv || v == "documents"sv || v == "docs"sv) return "doc";
  if (v == "presentation"sv || v == "talks"sv) return "talk";
  if (v == "post-mortem"sv || v == "postmortems"sv || v == "post-mortems"sv) return "postmortem";
  if (v == "designs"sv) return "design";
  if (v == "tickets"sv) return "ticket";
  if (v == "projects"sv) return "project";
  return k;
}

std::vector<std::string> KindsOf(std::string_view rule_kind) {
  std::string s(rule_kind);
  std::replace(s.begin(), s.end(), ',', '|');
  std::vector<std::string> out;
  for (const std::string& part : text::Split(s, '|'))
    if (!text::Trim(part).empty()) out.push_back(CanonicalKind(part));
  return out;
}

std::string KindPlural(const std::string& kind) {
  if (kind == "doc") return "documents";
  if (kind == "postmortem") return "post-mortems";
  if (kind == "planning") return "planning or design records";
  if (kind == "mentoring") return "mentoring records";
  if (kind == "other") return "other records";
  return kind + "s";
}

std::string ListEvidence(const std::vector<const Evidence*>& items) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < items.size() && i < 8; ++i)
    parts.push_back(Quote(items[i]->title.empty() ? items[i]->id : items[i]->title) + " (" +
                    DateText(items[i]->date) + ")");
  if (items.size() > 8) parts.push_back("and " + std::to_string(items.size() - 8) + " more");
  return text::Join(parts, ", ");
}

void EvidenceCountRule(const Context& cx, const model::EvidenceCount& rule, RequirementResult& r) {
  std::vector<std::string> kinds = KindsOf(rule.kind);
  Date since = rule.within_months > 0 ? cx.at.AddMonths(-rule.within_months) : Date();
  std::vector<const Evidence*> found;
  int n = 0;
  for (const auto& [ep, kind] : cx.evidence) {
    const Evidence& e = *ep;
    if (e.date.empty() || e.date > cx.at) continue;
    if (!since.empty() && e.date < since) continue;
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) continue;
    ++n;
    if (cx.explain) found.push_back(&e);
  }
  if (!cx.explain) {
    r.status = n == 0 && !cx.has_evidence ? RequirementStatus::kUnknown
               : n >= rule.count          ? RequirementStatus::kMet
                                          : RequirementStatus::kNotMet;
    return;
  }
  std::vector<std::string> names;
  for (const std::string& k : kinds) names.push_back(KindPlural(k));
  std::string what = text::Join(names, " or ");
  std::sort(found.begin(), found.end(),
            [](const Evidence* a, const Evidence* b) { return a->date < b->date; });
  std::string window =
      rule.within_months > 0 ? " in the last " + Months(rule.within_months) : std::string();
  if (found.empty() && !cx.has_evidence) {
    r.status = RequirementStatus::kUnknown;
    r.reason =
        "no evidence recorded (" + std::to_string(rule.count) + " " + what + window + " required)";
    return;
  }
  for (const Evidence* e : found) r.records.push_back(e->id);
  r.status = n >= rule.count ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (n > rule.count) {
    r.reason =
        std::to_string(n) + " " + what + window + " (" + std::to_string(rule.count) + " required)";
  } else {
    r.reason = std::to_string(n) + " of " + std::to_string(rule.count) + " " + what + window;
  }
  if (!found.empty()) r.reason += ": " + ListEvidence(found);
}

void TimeInRoleRule(const Context& cx, const model::TimeInRole& rule, RequirementResult& r) {
  std::string role = text::ToLower(rule.role);
  std::vector<Period> periods;
  bool ongoing = false;
  bool any_data = cx.has_evidence;
  for (const auto& [ep, kind] : cx.evidence) {
    const Evidence& e = *ep;
    if (kind != "role") continue;
    if (text::ToLower(e.role) != role || e.date.empty() || e.date > cx.at) continue;
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
  std::vector<Period> merged = Merge(std::move(periods));
  TimeCredit c = Credit(merged, cx.at, rule.months, ongoing);
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
             ": " + DescribePeriods(merged, ongoing);
  if (c.met && c.months_held > rule.months)
    r.reason = Months(c.months_held) + " as " + rule.role + " (" + std::to_string(rule.months) +
               " required): " + DescribePeriods(merged, ongoing);
  if (!c.met && c.ongoing) r.reason += "; earliest on " + DateText(c.earliest);
}

void SmeRule(const Context& cx, const model::SmeSkillsets& rule, RequirementResult& r) {
  std::string wanted = text::ToLower(rule.skill);
  std::vector<std::string> skills;
  std::vector<std::string> parts;
  for (const auto& [ep, kind] : cx.evidence) {
    const Evidence& e = *ep;
    if (kind != "sme" || e.date.empty() || e.date > cx.at) continue;
    std::string skill = text::ToLower(text::Trim(e.skill.empty() ? e.title : e.skill));
    if (skill.empty()) continue;
    if (!wanted.empty() && skill.find(wanted) == std::string::npos &&
        wanted.find(skill) == std::string::npos)
      continue;
    if (cx.explain) r.records.push_back(e.id);
    if (std::find(skills.begin(), skills.end(), skill) != skills.end()) continue;
    skills.push_back(skill);
    if (!cx.explain) continue;
    std::string by = e.signed_off_by.empty() ? "" : " by " + e.signed_off_by;
    parts.push_back(skill + " (signed off" + by + " on " + DateText(e.date) + ")");
  }
  int need = std::max(rule.count, 1);
  if (!cx.explain) {
    r.status = skills.empty() && !cx.has_evidence        ? RequirementStatus::kUnknown
               : static_cast<int>(skills.size()) >= need ? RequirementStatus::kMet
                                                         : RequirementStatus::kNotMet;
    return;
  }
  std::string sets = need == 1 ? "skill set" : "skill sets";
  std::string what = wanted.empty() ? sets : sets + " matching " + Quote(rule.skill);
  if (skills.empty() && !cx.has_evidence) {
    r.status = RequirementStatus::kUnknown;
    r.reason =
        "no evidence recorded (SME sign-off in " + std::to_string(need) + " " + what + " required)";
    return;
  }
  int n = static_cast<int>(skills.size());
  r.status = n >= need ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  r.reason = "SME in " + std::to_string(n) + " of " + std::to_string(need) + " " + what;
  if (n > need)
    r.reason =
        "SME in " + std::to_string(n) + " " + what + " (" + std::to_string(need) + " required)";
  if (!parts.empty()) r.reason += ": " + text::Join(parts, ", ");
}

void MetricRule(const Context& cx, const model::MetricThreshold& rule, RequirementResult& r) {
  const model::Metric* latest = nullptr;
  std::string name = text::ToLower(rule.name);
  for (const model::Metric& m : cx.records.metrics) {
    if (!cx.Mine(m.person) || text::ToLower(m.name) != name) continue;
    if (m.period_start.empty() || m.period_start > cx.at) continue;
    if (!latest || m.period_end > latest->period_end) latest = &m;
  }
  if (!latest) {
    r.status = RequirementStatus::kUnknown;
    r.reason =
        "no value of " + rule.name + " recorded (at least " + Number(rule.at_least) + " required)";
    return;
  }
  r.records.push_back(latest->id);
  r.status = latest->value >= rule.at_least ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  r.reason = rule.name + " was " + Number(latest->value) + " for " +
             DateText(latest->period_start) + " to " + DateText(latest->period_end) +
             " (at least " + Number(rule.at_least) + " required)";
}

bool CaseAims(const Context& cx, const model::Case& c) {
  if (!cx.Mine(c.person) || (!c.framework.empty() && c.framework != cx.fw.id)) return false;
  if (cx.target.kind == Target::Kind::kOverlay) return c.target_overlay == cx.target.overlay;
  return c.target_overlay.empty() && c.target_level == cx.target.level &&
         (c.target_track.empty() || c.target_track == cx.target.track);
}

void PeerReviewRule(const Context& cx, RequirementResult& r) {
  const model::Case* best = nullptr;
  Consensus best_consensus;
  for (const model::Case& c : cx.records.cases) {
    if (!CaseAims(cx, c) || c.opened.empty() || c.opened > cx.at) continue;
    Consensus k = ConsensusOf(c, cx.fw.consensus, cx.at);
    // Prefer a passed review, then the most recent one.
    if (!best || k.state == ConsensusState::kPassed ||
        (best_consensus.state != ConsensusState::kPassed && c.opened >= best->opened)) {
      if (best && best_consensus.state == ConsensusState::kPassed &&
          k.state != ConsensusState::kPassed)
        continue;
      best = &c;
      best_consensus = k;
    }
  }
  if (!best) {
    r.status = RequirementStatus::kNotMet;
    r.reason = "no advancement review opened for this target";
    return;
  }
  r.status = best_consensus.state == ConsensusState::kPassed ? RequirementStatus::kMet
                                                             : RequirementStatus::kNotMet;
  if (!cx.explain) return;
  r.records.push_back(best->id);
  r.reason = "review " + best->id + " (" + model::CaseStatusName(best->status) +
             "): " + best_consensus.Describe(cx.fw.consensus);
}

bool NeedAims(const Context& cx, const model::Need& n) {
  if (!n.framework.empty() && n.framework != cx.fw.id) return false;
  if (cx.target.kind == Target::Kind::kOverlay) return n.overlay == cx.target.overlay;
  return n.overlay.empty() && (n.track.empty() || n.track == cx.target.track) &&
         (n.level.empty() || n.level == cx.target.level);
}

void DocumentedNeedRule(const Context& cx, RequirementResult& r) {
  const model::Need* open = nullptr;
  const model::Need* filled_by_me = nullptr;
  for (const model::Need& n : cx.records.needs) {
    if (!NeedAims(cx, n) || n.opened.empty() || n.opened > cx.at) continue;
    bool still_open =
        n.status == model::NeedStatus::kOpen || (!n.closed.empty() && n.closed > cx.at);
    if (still_open && !open) open = &n;
    if (n.status == model::NeedStatus::kFilled && !n.filled_by_case.empty()) {
      for (const model::Case& c : cx.records.cases)
        if (c.id == n.filled_by_case && cx.Mine(c.person)) filled_by_me = &n;
    }
  }
  if (open) {
    r.status = RequirementStatus::kMet;
    r.records.push_back(open->id);
    r.reason = "documented need " + open->id + " open since " + DateText(open->opened) +
               (open->reason.empty() ? "" : ": " + open->reason);
    return;
  }
  if (filled_by_me) {
    r.status = RequirementStatus::kMet;
    r.records.push_back(filled_by_me->id);
    r.reason = "documented need " + filled_by_me->id + " was filled by this person's review " +
               filled_by_me->filled_by_case;
    return;
  }
  r.status = RequirementStatus::kNotMet;
  r.reason = "no documented need is open for this role";
}

const model::SignOff* FindSignOff(const Context& cx, const std::string& sentence) {
  if (cx.records.signoffs.empty()) return nullptr;
  std::string key = NormalizeSentence(sentence);
  const model::SignOff* found = nullptr;
  for (const model::SignOff& s : cx.records.signoffs) {
    if (!cx.Mine(s.person) || (!s.date.empty() && s.date > cx.at)) continue;
    if (NormalizeSentence(s.requirement) == key) found = &s;
  }
  return found;
}

void SignOffRule(const Context& cx, const std::string& needed_from, RequirementResult& r) {
  if (const model::SignOff* s = FindSignOff(cx, r.text)) {
    r.status = RequirementStatus::kSignedOff;
    if (!cx.explain) return;
    r.records.push_back(s->id);
    r.reason = "signed off by " + s->by + " on " + DateText(s->date) +
               (s->note.empty() ? "" : ": " + s->note);
    return;
  }
  r.status = RequirementStatus::kAwaitingSignOff;
  if (!cx.explain) return;
  r.reason = needed_from.empty() ? "a manual checkpoint: nobody has signed it off yet"
                                 : "needs approval by " + needed_from + "; not signed off yet";
}

void EvaluateRule(const Context& cx, const model::Rule& rule, RequirementResult& r) {
  std::visit(
      [&](const auto& k) {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, model::ManualRule>) SignOffRule(cx, "", r);
        if constexpr (std::is_same_v<T, model::TimeAtLevel>) TimeAtLevelRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::ConsistentPerformance>)
          ConsistentPerformanceRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::PerformingAtNext>) PerformingAtNextRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::EvidenceCount>) EvidenceCountRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::TimeInRole>) TimeInRoleRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::SmeSkillsets>) SmeRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::MetricThreshold>) MetricRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::PeerReviewPassed>) PeerReviewRule(cx, r);
        if constexpr (std::is_same_v<T, model::DocumentedNeed>) DocumentedNeedRule(cx, r);
        if constexpr (std::is_same_v<T, model::Approval>)
          SignOffRule(cx, k.by.empty() ? "someone with the authority" : k.by, r);
      },
      rule);
}

// Waivers name a requirement by its sentence; one in force turns the status into kWaived and
// keeps the evaluation underneath. Every waiver naming the sentence is shown.
void ApplyWaivers(const Context& cx, RequirementResult& r) {
  if (cx.records.waivers.empty()) return;
  std::string key = NormalizeSentence(r.text);
  const model::Waiver* in_force = nullptr;
  std::vector<std::string> notes;
  for (const model::Waiver& w : cx.records.waivers) {
    if (!cx.Mine(w.person) || NormalizeSentence(w.requirement) != key) continue;
    if (cx.explain) r.waivers.push_back(w);
    bool started = w.granted.empty() || w.granted <= cx.at;
    bool expired = !w.expires.empty() && w.expires <= cx.at;
    if (started && !expired) {
      if (!in_force || w.granted > in_force->granted) in_force = &w;
    } else if (!cx.explain) {
      continue;
    } else if (expired) {
      notes.push_back("waiver " + w.id + " by " + w.approver + " expired on " +
                      DateText(w.expires));
    } else {
      notes.push_back("waiver " + w.id + " by " + w.approver + " starts on " + DateText(w.granted));
    }
  }
  if (in_force) {
    r.unwaived = r.status;
    r.status = RequirementStatus::kWaived;
    r.earliest = Date();
    if (!cx.explain) return;
    r.records.push_back(in_force->id);
    std::string until =
        in_force->expires.empty() ? ", no expiry" : ", expires " + DateText(in_force->expires);
    r.reason = "waived by " + in_force->approver + " on " + DateText(in_force->granted) + until +
               (in_force->reason.empty() ? "" : " (" + in_force->reason + ")") +
               "; without the waiver: " + RequirementStatusName(*r.unwaived) + ", " + r.reason;
    r.earliest = Date();
    return;
  }
  if (!notes.empty()) r.reason += "; " + text::Join(notes, "; ");
}

// The overlay may be held at some levels only.
RequirementResult OverlayLevelCheck(const Context& cx, const model::OverlayRole& o) {
  RequirementResult r;
  r.text = "Held at one of: " + text::Join(o.levels, ", ");
  r.kind = "overlay_level";
  r.source = "overlay " + o.id;
  if (!cx.current) {
    r.status = RequirementStatus::kUnknown;
    r.reason = "no current level on " + DateText(cx.at);
    return r;
  }
  r.records.push_back(cx.current->id);
  for (const std::string& ref : o.levels) {
    bool match = false;
    if (AllDigits(ref)) {
      match = cx.current_level && cx.current_level->rank == std::stoi(ref);
    } else {
      auto [t, l] = cx.fw.ResolveLevel(ref, cx.current->track);
      match = l && t->id == cx.current->track && l->code == cx.current->level;
    }
    if (match) {
      r.status = RequirementStatus::kMet;
      r.reason = "holds " + cx.current->track + "/" + cx.current->level;
      return r;
    }
  }
  r.status = RequirementStatus::kNotMet;
  r.reason = "holds " + cx.current->track + "/" + cx.current->level + ", which is not one of them";
  return r;
}

std::string Summarize(const Verdict& v) {
  int met = 0, waived = 0, signed_off = 0;
  for (const RequirementResult& r : v.requirements) {
    met += r.status == RequirementStatus::kMet;
    waived += r.status == RequirementStatus::kWaived;
    signed_off += r.status == RequirementStatus::kSignedOff;
  }
  std::string n = std::to_string(v.requirements.size());
  switch (v.overall) {
    case Overall::kEligible: {
      std::string s = "Eligible for " + v.target_title + " on " + DateText(v.at) + ": " + n +
                      (v.requirements.size() == 1 ? " requirement" : " requirements") + ", " +
                      std::to_string(met) + " met";
      if (signed_off) s += ", " + std::to_string(signed_off) + " signed off";
      if (waived) s += ", " + std::to_string(waived) + " waived";
      return s + ".";
    }
    case Overall::kNotYet:
      return "Not yet eligible for " + v.target_title + ": only time is missing; earliest on " +
             DateText(v.earliest) + ".";
    case Overall::kBlocked: {
      std::vector<std::string> names;
      for (size_t i : v.blocking) names.push_back(Quote(v.requirements[i].text));
      return "Blocked for " + v.target_title + " by " + std::to_string(v.blocking.size()) +
             (v.blocking.size() == 1 ? " requirement: " : " requirements: ") +
             text::Join(names, ", ") + ".";
    }
  }
  return "";
}

void Index(Context& cx) {
  cx.evidence.reserve(cx.records.evidence.size());
  for (const Evidence& e : cx.records.evidence)
    if (cx.Mine(e.person)) cx.evidence.emplace_back(&e, CanonicalKind(e.kind));
  cx.has_evidence = !cx.evidence.empty();
  for (const Assessment& a : cx.records.assessments) {
    if (!cx.Mine(a.person)) continue;
    Context::Assessed* in = cx.AssessedIn(a.competency);
    if (!in) {
      cx.assessed.push_back({a.competency, {}, 0, 0});
      in = &cx.assessed.back();
    }
    if (a.role == model::AssessorRole::kSelf) ++in->self;
    if (a.role == model::AssessorRole::kPeer) ++in->peer;
    if (a.role != model::AssessorRole::kManager || a.period_start.empty() || a.period_start > cx.at)
      continue;
    if (!a.framework.empty() && a.framework != cx.fw.id) continue;
    in->manager.push_back(&a);
  }
  for (Context::Assessed& in : cx.assessed)
    std::sort(in.manager.begin(), in.manager.end(), [](const Assessment* a, const Assessment* b) {
      return a->period_end != b->period_end ? a->period_end > b->period_end
                                            : a->period_start > b->period_start;
    });
}

}  // namespace

// "Successful peer review." and "successful  peer review" name the same requirement.
std::string NormalizeSentence(std::string_view s) {
  std::string out = text::ToLower(text::Trim(text::CollapseSpace(s)));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

const char* RequirementStatusName(RequirementStatus s) {
  switch (s) {
    case RequirementStatus::kMet:
      return "met";
    case RequirementStatus::kNotMet:
      return "not_met";
    case RequirementStatus::kWaived:
      return "waived";
    case RequirementStatus::kUnknown:
      return "unknown";
    case RequirementStatus::kAwaitingSignOff:
      return "awaiting_signoff";
    case RequirementStatus::kSignedOff:
      return "signed_off";
  }
  return "?";
}

bool Satisfied(RequirementStatus s) {
  return s == RequirementStatus::kMet || s == RequirementStatus::kWaived ||
         s == RequirementStatus::kSignedOff;
}

const char* OverallName(Overall o) {
  switch (o) {
    case Overall::kEligible:
      return "eligible";
    case Overall::kNotYet:
      return "not_yet";
    case Overall::kBlocked:
      return "blocked";
  }
  return "?";
}

const Assignment* CurrentAssignment(const std::vector<Assignment>& assignments,
                                    std::string_view framework, Date at) {
  const Assignment* best = nullptr;
  for (const Assignment& a : assignments) {
    if (a.framework != framework || a.from.empty() || a.from > at) continue;
    if (!a.to.empty() && a.to <= at) continue;
    if (!best || a.from > best->from) best = &a;
  }
  return best;
}

Result<Target> ResolveTarget(const Framework& fw, std::string_view text_in,
                             const Assignment* current) {
  std::string text(text::Trim(text_in));
  if (text == "next") {
    if (!current)
      return MakeError(ErrorCode::kNotFound,
                       "'next' needs a current level, and the person holds none in " + fw.id);
    const Level* next = fw.NextLevel(current->track, current->level);
    if (!next)
      return MakeError(ErrorCode::kNotFound, current->track + "/" + current->level +
                                                 " is the top level of its track; no 'next'");
    return Target::Level(current->track, next->code);
  }
  if (const model::OverlayRole* o = fw.FindOverlay(text)) return Target::Overlay(o->id);
  auto [t, l] = fw.ResolveLevel(text, current ? std::string_view(current->track) : "");
  if (l) return Target::Level(t->id, l->code);
  // A level title, when it names one level only.
  const Track* title_track = nullptr;
  const Level* title_level = nullptr;
  int matches = 0;
  for (const Track& track : fw.tracks)
    for (const Level& level : track.levels)
      if (text::IEquals(level.title, text)) {
        ++matches;
        title_track = &track;
        title_level = &level;
      }
  if (matches == 1) return Target::Level(title_track->id, title_level->code);
  std::vector<std::string> names = {"next"};
  for (const Track& track : fw.tracks)
    for (const Level& level : track.levels) {
      names.push_back(level.code);
      names.push_back(track.id + "/" + level.code);
    }
  for (const model::OverlayRole& o : fw.overlays) names.push_back(o.id);
  std::string message = "no level or overlay role " + Quote(text) + " in " + fw.id;
  if (matches > 1) message += " (the title names several levels; write track/code)";
  if (auto suggestion = text::DidYouMean(text, names))
    message += "; did you mean " + *suggestion + "?";
  message += "; expected next, TRACK/CODE, a level code or an overlay id";
  return MakeError(ErrorCode::kNotFound, message);
}

Result<Verdict> Evaluate(const Framework& fw, const Target& target, const Records& records, Date at,
                         const EvaluateOptions& options) {
  if (at.empty()) return MakeError(ErrorCode::kInvalidArgument, "no evaluation date given");
  Context cx(fw, records, target, at);
  cx.explain = options.explain;
  cx.current = CurrentAssignment(records.assignments, fw.id, at);
  if (cx.current) {
    auto [t, l] = fw.ResolveLevel(cx.current->level, cx.current->track);
    if (t && t->id == cx.current->track) {
      cx.current_track = t;
      cx.current_level = l;
    }
  }
  Index(cx);

  Verdict v;
  v.person = records.person;
  v.framework = fw.id;
  v.version = fw.version;
  v.target = target;
  v.at = at;
  if (cx.current) v.current = cx.current->track + "/" + cx.current->level;

  // The requirements that apply, in the order a reader expects: the target's own, then the
  // overlay's or transition's, then the framework's policy.
  std::vector<std::pair<const Requirement*, std::string>> reqs;
  reqs.reserve(fw.policy.size() + 8);
  std::vector<RequirementResult> extra;  // checks the framework implies without a sentence
  if (target.kind == Target::Kind::kLevel) {
    const Track* t = fw.FindTrack(target.track);
    const Level* l = t ? t->FindLevel(target.level) : nullptr;
    if (!l)
      return MakeError(ErrorCode::kNotFound,
                       "no level " + Quote(target.track + "/" + target.level) + " in " + fw.id);
    cx.target_track = t;
    cx.target_level = l;
    if (cx.explain) v.target_title = LevelLabel(*l) + " on " + (t->name.empty() ? t->id : t->name);
    for (const Requirement& r : l->requirements) reqs.push_back({&r, "level " + l->code});
    if (cx.current && cx.current->track != t->id) {
      for (const model::Transition& tr : fw.transitions)
        if (tr.from == cx.current->track && tr.to == t->id)
          for (const Requirement& r : tr.requirements)
            reqs.push_back({&r, "transition " + tr.from + " -> " + tr.to});
    }
    bool promotion = !cx.current_level || l->rank > cx.current_level->rank;
    if (promotion)
      for (const Requirement& r : fw.policy) reqs.push_back({&r, "policy"});
  } else {
    const model::OverlayRole* o = fw.FindOverlay(target.overlay);
    if (!o)
      return MakeError(ErrorCode::kNotFound,
                       "no overlay role " + Quote(target.overlay) + " in " + fw.id);
    cx.target_overlay = o;
    if (cx.explain) v.target_title = (o->name.empty() ? o->id : o->name) + " (overlay role)";
    for (const Requirement& r : o->requirements) reqs.push_back({&r, "overlay " + o->id});
    bool has_need_rule = std::any_of(
        o->requirements.begin(), o->requirements.end(),
        [](const Requirement& r) { return std::holds_alternative<model::DocumentedNeed>(r.rule); });
    if (o->needs_documented_need && !has_need_rule) {
      RequirementResult r;
      r.text = "Documented need for " + (o->name.empty() ? o->id : o->name);
      r.kind = "documented_need";
      r.source = "overlay " + o->id;
      DocumentedNeedRule(cx, r);
      extra.push_back(std::move(r));
    }
    if (!o->levels.empty()) extra.push_back(OverlayLevelCheck(cx, *o));
  }

  for (const auto& [req, source] : reqs)
    if (const auto* next = std::get_if<model::PerformingAtNext>(&req->rule))
      cx.next_months = std::max(cx.next_months, next->months);

  v.requirements.reserve(reqs.size() + extra.size());
  for (const auto& [req, source] : reqs) {
    RequirementResult r = Start(*req, source);
    EvaluateRule(cx, req->rule, r);
    ApplyWaivers(cx, r);
    v.requirements.push_back(std::move(r));
  }
  for (RequirementResult& r : extra) {
    ApplyWaivers(cx, r);
    v.requirements.push_back(std::move(r));
  }
  if (!cx.explain)  // the rare answers that still wrote a few words (no data, unknown level)
    for (RequirementResult& r : v.requirements) {
      r.reason.clear();
      r.records.clear();
    }

  bool all = true;
  bool only_time = true;
  for (size_t i = 0; i < v.requirements.size(); ++i) {
    const RequirementResult& r = v.requirements[i];
    if (Satisfied(r.status)) continue;
    all = false;
    if (r.earliest.empty()) {
      only_time = false;
      v.blocking.push_back(i);
    } else if (v.earliest.empty() || r.earliest > v.earliest) {
      v.earliest = r.earliest;
    }
  }
  if (all) {
    v.overall = Overall::kEligible;
    v.earliest = Date();
  } else if (only_time) {
    v.overall = Overall::kNotYet;
  } else {
    v.overall = Overall::kBlocked;
    v.earliest = Date();
  }
  if (cx.explain) v.summary = Summarize(v);
  return v;
}

}  // namespace ladder::rules
