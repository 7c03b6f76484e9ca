// Rule kinds read from manager assessments: consistent_performance (meeting a level in every
// category for a run of months) and performing_at_next (rated at the next level for a run of
// months, in all categories or any one). Self and peer assessments are shown, never counted.
#include <algorithm>

#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules::internal {
namespace {

// A run of consecutive assessment periods that qualify, ending with the latest period.
struct Streak {
  bool any = false;     // at least one relevant assessment
  bool broken = false;  // the latest period does not qualify
  Date start;           // first day of the run
  Date end;             // day after the run (exclusive)
};

// `relevant` says whether an assessment speaks to this rule at all, `good` whether it qualifies.
// Explained mode: the ids of the assessments the answer rests on go to `ids`.
template <typename Relevant, typename Good>
Streak StreakOf(const Context& cx, int competency, Relevant relevant, Good good,
                std::vector<std::string>& ids) {
  Streak s;
  if (competency < 0) return s;
  const CompetencyIndex& in = cx.s.by_competency[static_cast<size_t>(competency)];
  const AssessmentItem* first = cx.s.assessed.data() + in.begin;
  const AssessmentItem* last = cx.s.assessed.data() + in.end;
  // The relevant assessments, latest period first.
  const AssessmentItem* begin = first;
  while (begin != last && !relevant(*begin)) ++begin;
  if (begin == last) return s;
  s.any = true;
  Date latest_end = begin->end;
  // Every assessment ending on the latest day must qualify (two managers, one says below).
  for (const AssessmentItem* it = begin; it != last; ++it) {
    if (!relevant(*it)) continue;
    if (it->end != latest_end) break;
    if (!good(*it)) {
      s.broken = true;
      s.end = latest_end;
      if (cx.explain) ids.push_back(it->a->id);
      return s;
    }
  }
  s.end = latest_end;
  s.start = begin->start;
  for (const AssessmentItem* it = begin; it != last; ++it) {
    if (!relevant(*it)) continue;
    if (it->end < s.start) break;  // a gap: the run stops here
    if (!good(*it)) {
      s.start = std::max(s.start, it->end);
      break;
    }
    s.start = std::min(s.start, it->start);
    if (cx.explain) ids.push_back(it->a->id);
  }
  return s;
}

// One category's answer to a performance rule.
struct Category {
  bool ok = false;
  Date due;  // not ok: when a run can complete, if known and still ahead
  // The run would have been long enough by `at` had the assessments gone on: the assessments,
  // not time, are missing, for [missing_from, missing_to].
  bool data_missing = false;
  Date missing_from;
  Date missing_to;
  std::string line;  // explained mode
};

Category Judge(const Context& cx, int c, int months, const Streak& streak) {
  Category k;
  static const std::string kNone;
  const std::string& name = cx.explain ? cx.im.competency_names[static_cast<size_t>(c)] : kNone;
  if (!streak.any) {
    if (cx.explain) k.line = name + ": no manager assessment";
  } else if (streak.broken) {
    k.due = streak.end.AddMonths(months);
    if (cx.explain)
      k.line = name + ": not rated so in the period ending " + DateText(streak.end.AddDays(-1)) +
               "; a new run from " + DateText(streak.end) + " completes on " + DateText(k.due);
  } else {
    Date run_due = streak.start.AddMonths(months);
    k.ok = streak.end >= run_due;
    if (!k.ok) k.due = run_due;
    if (cx.explain) {
      int held = WholeMonthsBetween(streak.start, streak.end);
      std::string through = "assessed through " + DateText(streak.end.AddDays(-1));
      k.line = held > months
                   ? name + ": " + Months(held) + " since " + DateText(streak.start) + " (" +
                         std::to_string(months) + " required; " + through + ")"
                   : name + ": " + std::to_string(held) + " of " + std::to_string(months) +
                         " months since " + DateText(streak.start) + " (" + through + ")";
      if (!k.ok) k.line += ", earliest on " + DateText(run_due);
    }
  }
  if (!k.ok && !k.due.empty() && k.due <= cx.at) {
    // The run (or a new run after a failing period) would have completed on `due` if the
    // assessments had continued from where they stop; they do not reach it.
    k.data_missing = true;
    k.missing_from = streak.end;
    k.missing_to = k.due.AddDays(-1);
    if (cx.explain)
      k.line = name + ": assessed through " + DateText(streak.end.AddDays(-1)) +
               "; needs manager assessments covering " + DateText(k.missing_from) + " to " +
               DateText(k.missing_to);
    k.due = Date();
  }
  return k;
}

// " (shown, not counted: 2 self and 1 peer assessments)", or "".
std::string Shown(const Context& cx, const LevelInfo& level) {
  int self = 0, peer = 0;
  for (int c : level.competencies)
    if (c >= 0) {
      self += cx.s.by_competency[static_cast<size_t>(c)].self;
      peer += cx.s.by_competency[static_cast<size_t>(c)].peer;
    }
  if (self + peer == 0) return "";
  return " (shown, not counted: " + std::to_string(self) + " self and " + std::to_string(peer) +
         " peer assessments)";
}

// What the categories add up to.
struct Tally {
  bool any_data = false;
  int met = 0;
  int n = 0;
  Date earliest;  // of the categories not met: the latest (all) or the soonest (any)
  bool known = true;
  bool data_missing = false;  // [missing_from, missing_to] covers every such category
  Date missing_from;
  Date missing_to;
  std::vector<std::string> unmet_parts;
  std::vector<std::string> met_parts;

  void Add(Category k, bool all, bool explain) {
    ++n;
    if (k.data_missing) {
      if (!data_missing || k.missing_from < missing_from) missing_from = k.missing_from;
      if (!data_missing || k.missing_to > missing_to) missing_to = k.missing_to;
      data_missing = true;
    }
    if (k.ok) {
      ++met;
    } else if (k.due.empty()) {
      if (all) known = false;
    } else if (earliest.empty() || (all ? k.due > earliest : k.due < earliest)) {
      earliest = k.due;
    }
    if (explain) (k.ok ? met_parts : unmet_parts).push_back(std::move(k.line));
  }
};

void Conclude(const Context& cx, Tally& t, bool all, const std::string& what,
              const std::string& shown, RequirementResult& r) {
  if (!t.any_data) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no manager assessment " + what + " yet" + shown;
    return;
  }
  bool satisfied = all ? t.met == t.n : t.met > 0;
  if (cx.explain) {
    for (std::string& part : t.met_parts) t.unmet_parts.push_back(std::move(part));
    std::string head = std::string(all ? "all " : "any of ") + std::to_string(t.n) +
                       (t.n == 1 ? " category " : " categories ") + what + ": " +
                       std::to_string(t.met) + " of " + std::to_string(t.n) + " qualify";
    r.reason = head + "; " + text::Join(t.unmet_parts, "; ") + shown;
  }
  if (satisfied) {
    r.status = RequirementStatus::kMet;
    return;
  }
  if (t.data_missing) {
    // Never a date in the past: time has done its part, the records have not.
    r.status = RequirementStatus::kUnknown;
    if (!cx.explain) return;
    r.missing = "manager assessments covering " + DateText(t.missing_from) + " to " +
                DateText(t.missing_to);
    return;
  }
  r.status = RequirementStatus::kNotMet;
  // The earliest date: when the last (all) or first (any) category can qualify, if every
  // category that matters has such a date.
  if (t.known && !t.earliest.empty()) {
    r.earliest = t.earliest;
    if (cx.explain) r.reason += "; earliest on " + DateText(t.earliest) + " if the ratings hold";
  }
}

// Shared by consistent_performance and performing_at_next: each competency's streak against
// `months`; all competencies (or any one) must qualify.
template <typename Relevant, typename Good>
void PerformanceRule(const Context& cx, const LevelInfo& level, int months, bool all,
                     const std::string& what, Relevant relevant, Good good, RequirementResult& r) {
  Tally t;
  for (int c : level.competencies) {
    Streak streak = StreakOf(cx, c, relevant, good, r.records);
    t.any_data = t.any_data || streak.any;
    t.Add(Judge(cx, c, months, streak), all, cx.explain);
  }
  Conclude(cx, t, all, what, cx.explain ? Shown(cx, level) : std::string(), r);
}

}  // namespace

void PrepareKind::operator()(const model::ConsistentPerformance& c) const {
  if (c.level.empty()) return;
  auto [nt, nl] = im.fw.ResolveLevel(c.level, "");
  p.level_by_track.push_back(im.Info(nt, nl));
  for (const model::Track& t : im.fw.tracks) {
    auto [tt, l] = im.fw.ResolveLevel(c.level, t.id);
    p.level_by_track.push_back(im.Info(tt, l));
  }
}

void PrepareKind::operator()(const model::PerformingAtNext&) const {}

int NextMonths(const std::vector<Prepared>& requirements) {
  int months = 0;
  for (const Prepared& p : requirements)
    if (const auto* next = std::get_if<model::PerformingAtNext>(p.rule))
      months = std::max(months, next->months);
  return months;
}

void EvaluateKind::operator()(const model::ConsistentPerformance& rule) const {
  const LevelInfo* level = cx.current_level;
  if (!rule.level.empty()) {
    const model::Track* current_track = cx.current_level ? cx.current_level->track : nullptr;
    level = p.level_by_track[static_cast<size_t>(cx.im.TrackIndex(current_track) + 1)];
    if (!level) {
      r.status = RequirementStatus::kUnknown;
      if (cx.explain) r.reason = "the level " + Quote(rule.level) + " is not in " + cx.fw.id;
      return;
    }
  }
  if (!level) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no current level on " + DateText(cx.at);
    return;
  }
  const std::string& code = level->level->code;
  int code_id = level->code;
  int months = rule.months;
  // Alongside "M months performing at the next level": the M months fall inside these (the
  // overlapping reading, the default) or follow them (consecutive, a framework's choice).
  bool alongside = rule.level.empty() && cx.next_months > 0;
  bool consecutive = alongside && cx.fw.next_level_reading == model::NextLevelReading::kConsecutive;
  if (alongside) r.reading = model::NextLevelReadingName(cx.fw.next_level_reading);
  if (consecutive) months += cx.next_months;
  std::string what;
  if (cx.explain) {
    what = "meeting " + code + " for " + Months(rule.months);
    if (consecutive)
      what += ", then " + std::to_string(cx.next_months) + " at the next level (" +
              std::to_string(months) + " in all: the consecutive reading)";
    else if (alongside)
      what += ", the " + Months(cx.next_months) +
              " at the next level among them (the overlapping reading)";
  }
  // Performing at the next level is performing highly at one's own: a positive rating against
  // the next level speaks for this one too, however it was recorded.
  int next_id = level->next ? level->next->code : -4;
  PerformanceRule(
      cx, *level, months, true, what,
      [code_id, next_id](const AssessmentItem& a) {
        return a.level == -1 || a.level == code_id ||
               (a.level == next_id && a.rating != model::Rating::kBelow);
      },
      [](const AssessmentItem& a) { return a.rating != model::Rating::kBelow; }, r);
}

void EvaluateKind::operator()(const model::PerformingAtNext& rule) const {
  const LevelInfo* next = cx.target_level;
  if (!next && cx.current_level) next = cx.current_level->next;  // an overlay target
  if (!next) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no next level to perform at";
    return;
  }
  int code_id = next->code;
  // Assessments against the current level count too. A current level whose code is not in the
  // framework is compared by its text.
  int from_id = -1;
  const std::string* from_text = nullptr;
  if (cx.current && !cx.current->level.empty()) {
    from_id = Impl::Find(cx.im.codes, cx.current->level);
    if (from_id < 0) {
      from_id = -3;
      from_text = &cx.current->level;
    }
  }
  PerformanceRule(
      cx, *next, rule.months, rule.all_competencies,
      cx.explain ? "performing at " + next->level->code + " for " + Months(rule.months)
                 : std::string(),
      [=](const AssessmentItem& a) {
        return a.level == -1 || a.level == code_id || a.level == from_id ||
               (from_text && a.level == -2 && a.a->level == *from_text);
      },
      [code_id](const AssessmentItem& a) {
        return a.level == code_id ? a.rating != model::Rating::kBelow
                                  : a.rating == model::Rating::kNext;
      },
      r);
}

}  // namespace ladder::rules::internal
