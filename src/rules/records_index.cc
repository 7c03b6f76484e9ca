// The person side of an evaluation, folded once: evidence with interned kinds, manager
// assessments bucketed by competency (latest period first), metric values, sign-offs and
// waivers keyed by the sentence they name; records taken back (withdrawn or corrected) left out.
// Every rule then reads only its index (eligibility_internal.h, Scratch).
#include <algorithm>

#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules {

using model::Assessment;
using model::Evidence;
using namespace internal;

int Evaluator::Impl::KindOf(std::string_view raw) const {
  std::string_view v = raw;
  if (!v.empty() && (v.front() <= ' ' || v.back() <= ' ')) v = text::Trim(v);
  if (std::none_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return kind_ids.Get(v);  // every lower-case spelling of an interned kind is in kind_ids
  return Find(kinds, CanonicalKind(v));
}

namespace internal {
namespace {

// The day after `d`. Hot (every assessment period's end), so without day numbers.
Date NextDay(Date d) {
  if (d.empty()) return d.AddDays(1);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = d.year(), m = d.month(), day = d.day();
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int length = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (day < length) return Date(y, m, day + 1);
  if (m < 12) return Date(y, m + 1, 1);
  return Date(y + 1, 1, 1);
}

// A record counts unless it was taken back (model::Retraction): withdrawn, it counts nowhere;
// corrected, its correction (a record of its own) counts instead. Whenever it was taken back,
// it never counts: it is read as having been wrong from the start, for every evaluation date.
template <typename T>
bool Stands(const T& record) {
  return !record.retraction;
}

// Records are read once each, in order, from memory that is rarely in cache (a bulk view walks
// a whole organisation's records, and one person's records span some 60 KB): asking for a
// record's cache lines a few records ahead lets those reads overlap instead of stalling one
// after the other. (Asking only for the lines of the fields read measured no better: the
// hardware fetches the neighbouring lines anyway.)
constexpr size_t kAhead = 8;

template <typename T>
void Prefetch(const T& record) {
  const char* p = reinterpret_cast<const char*>(&record);
  for (size_t offset = 0; offset < sizeof(T); offset += 64) __builtin_prefetch(p + offset);
}

void IndexEvidence(Context& cx) {
  Scratch& s = cx.s;
  s.evidence.clear();
  const std::vector<Evidence>& evidence = cx.records.evidence;
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i + kAhead < evidence.size()) Prefetch(evidence[i + kAhead]);
    const Evidence& e = evidence[i];
    if (cx.Mine(e.person) && Stands(e)) s.evidence.push_back({&e, e.date, cx.im.KindOf(e.kind)});
  }
  cx.has_evidence = !s.evidence.empty();
}

// Interned ids of the last competency and level code looked up: consecutive assessments
// usually name the same ones.
struct LastIds {
  int competency = -1;
  std::string_view competency_id;
  int level = -1;
  std::string_view level_code;
};

// The assessment's interned level: -1 when it names none, -2 when the framework has no such
// code.
int LevelOf(const Context& cx, const Assessment& a, LastIds& last) {
  if (a.level.empty()) return -1;
  if (last.level >= 0 && Same(a.level, last.level_code)) return last.level;
  int level = cx.im.code_ids.Get(a.level);
  if (level < 0) return -2;
  last.level = level;
  last.level_code = cx.im.codes[static_cast<size_t>(level)];
  return level;
}

// Ratings that a later rating of the same period by the same assessor replaces
// (Assessment::supersedes), into `s.superseded`: eligibility reads only the later one. Usually
// none.
void CollectSuperseded(Context& cx) {
  Scratch& s = cx.s;
  s.superseded.clear();
  for (const Assessment& a : cx.records.assessments)
    if (!a.supersedes.empty()) s.superseded.push_back(a.supersedes);
}

bool Superseded(const Scratch& s, const Assessment& a) {
  for (std::string_view id : s.superseded)
    if (Same(id, a.id)) return true;
  return false;
}

// Manager assessments that may count, with their competency, into `s.sorting`; self and peer
// assessments only counted per competency (explained mode).
void CollectAssessments(Context& cx) {
  Scratch& s = cx.s;
  CollectSuperseded(cx);
  s.sorting.clear();
  s.by_competency.assign(cx.im.competencies.size(), CompetencyIndex{});
  LastIds last;
  const std::vector<Assessment>& assessments = cx.records.assessments;
  for (size_t i = 0; i < assessments.size(); ++i) {
    if (i + kAhead < assessments.size()) Prefetch(assessments[i + kAhead]);
    const Assessment& a = assessments[i];
    // The role first: without explanations, self and peer assessments need nothing else.
    if (a.role != model::AssessorRole::kManager && !cx.explain) continue;
    if (!cx.Mine(a.person) || !Stands(a)) continue;
    if (!s.superseded.empty() && Superseded(s, a)) continue;
    int c = last.competency >= 0 && Same(a.competency, last.competency_id)
                ? last.competency
                : cx.im.competency_ids.Get(a.competency);
    if (c < 0) continue;  // no level of the framework expects it
    last.competency = c;
    last.competency_id = cx.im.competencies[static_cast<size_t>(c)];
    CompetencyIndex& in = s.by_competency[static_cast<size_t>(c)];
    if (a.role != model::AssessorRole::kManager) {
      ++(a.role == model::AssessorRole::kSelf ? in.self : in.peer);
      continue;
    }
    // Like metric values, a rating speaks for its period once the period is over: its last
    // day is before `at`.
    if (a.period_start.empty() || a.period_end.empty() || !(a.period_end < cx.at)) continue;
    if (!a.framework.empty() && !Same(a.framework, cx.fw.id)) continue;
    int level = LevelOf(cx, a, last);
    ++in.count;
    s.sorting.push_back({c, {&a, a.period_start, NextDay(a.period_end), level, a.rating}});
  }
}

// Bucketed by competency, then latest period first within each; of two assessments of the
// same period, the later record first.
void SortAssessments(Scratch& s) {
  s.assessed.resize(s.sorting.size());
  size_t offset = 0;
  for (CompetencyIndex& in : s.by_competency) {
    in.begin = in.end = offset;
    offset += static_cast<size_t>(in.count);
  }
  // Scattered from the last record to the first: records usually come oldest first, so each
  // competency's range is then already in order and the sort only checks it.
  for (size_t i = s.sorting.size(); i-- > 0;) {
    const auto& [c, item] = s.sorting[i];
    s.assessed[s.by_competency[static_cast<size_t>(c)].end++] = item;
  }
  auto later = [](const AssessmentItem& x, const AssessmentItem& y) {
    if (x.end != y.end) return x.end > y.end;
    if (x.start != y.start) return x.start > y.start;
    return x.a > y.a;
  };
  for (const CompetencyIndex& in : s.by_competency) {
    auto first = s.assessed.begin() + static_cast<long>(in.begin);
    auto last = s.assessed.begin() + static_cast<long>(in.end);
    if (!std::is_sorted(first, last, later)) std::sort(first, last, later);
  }
}

// How high a rating places the person: meeting a level, or performing at the level after it.
// Comparable for ratings of known levels other than "below".
int Standing(const Impl& im, const AssessmentItem& item) {
  return 2 * im.code_ranks[static_cast<size_t>(item.level)] +
         (item.rating == model::Rating::kNext ? 1 : 0);
}

bool Positive(const AssessmentItem& item) {
  return item.level >= 0 && item.rating != model::Rating::kBelow;
}

// One assessor rating one period of one competency at several levels ("meeting IC3" and
// "meeting IC4"): the highest positive rating implies the lower ones, which drop out, so that
// "meeting IC3" does not read as "not at IC4" beside the same assessor's "meeting IC4".
// Ratings of the same period are adjacent in each competency's range (SortAssessments).
void DropImplied(const Impl& im, Scratch& s) {
  std::vector<char>& implied = s.implied;
  implied.assign(s.assessed.size(), 0);
  bool any = false;
  for (const CompetencyIndex& in : s.by_competency) {
    for (size_t run = in.begin; run < in.end;) {
      size_t stop = run + 1;
      while (stop < in.end && s.assessed[stop].end == s.assessed[run].end &&
             s.assessed[stop].start == s.assessed[run].start)
        ++stop;
      for (size_t i = run; stop - run > 1 && i < stop; ++i) {
        const AssessmentItem& x = s.assessed[i];
        if (!Positive(x)) continue;
        for (size_t j = run; j < stop && !implied[i]; ++j) {
          const AssessmentItem& y = s.assessed[j];
          implied[i] = j != i && Positive(y) && Same(y.a->assessor, x.a->assessor) &&
                       Standing(im, y) > Standing(im, x);
        }
        any = any || implied[i];
      }
      run = stop;
    }
  }
  if (!any) return;
  for (CompetencyIndex& in : s.by_competency) {
    size_t out = in.begin;
    for (size_t i = in.begin; i < in.end; ++i)
      if (!implied[i]) s.assessed[out++] = s.assessed[i];
    in.end = out;
  }
}

}  // namespace

void Index(Context& cx) {
  IndexEvidence(cx);
  CollectAssessments(cx);
  SortAssessments(cx.s);
  DropImplied(cx.im, cx.s);
  Scratch& s = cx.s;
  s.signoffs.clear();
  for (const model::SignOff& so : cx.records.signoffs) {
    if (!cx.Mine(so.person) || !Stands(so) || (!so.date.empty() && so.date > cx.at)) continue;
    s.signoffs.push_back({NormalizeSentence(so.requirement), &so});
  }
  s.metrics.clear();
  for (const model::Metric& m : cx.records.metrics)
    if (cx.Mine(m.person) && Stands(m)) s.metrics.push_back(&m);
  s.waivers.clear();
  for (const model::Waiver& w : cx.records.waivers)
    if (cx.Mine(w.person)) s.waivers.push_back({NormalizeSentence(w.requirement), &w});
}

}  // namespace internal
}  // namespace ladder::rules
