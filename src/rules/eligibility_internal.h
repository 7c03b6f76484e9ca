// Internal to rules/: the pieces of the eligibility engine (eligibility.h) shared by its files.
//
// Workload: one person's view (explained, a few evaluations) and bulk views over an
// organisation (unexplained, 100,000 people against one framework version). The framework side
// is prepared once per Evaluator (Plan, Prepared, LevelInfo: evaluator.cc); each evaluation
// folds the person's records once into compact per-kind indexes held in thread-local scratch
// space (Scratch: records_index.cc), then every rule reads only its index. Without
// explanations nothing is formatted and, once the scratch space and the output Verdict have
// grown, nothing allocated but the normalised sentences of the person's sign-offs and waivers.
//
// Files: target.cc (which target, which level is current), evaluator.cc (the prepared
// Evaluator and the order of requirements), records_index.cc (the person side), one file per
// family of rule kinds (time_rules.cc, performance_rules.cc, record_rules.cc,
// review_rules.cc: each kind's preparation and evaluation), explain.cc (the words).
//
// Every rule kind has an overload of PrepareKind and of EvaluateKind below: both are visited
// over model::Rule, so a kind without them does not compile.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/eligibility.h"

namespace ladder::rules {

// ---------------------------------------------------------------------------------------------
// Small helpers

namespace internal {

// Equality of two short strings without a call into the C library: the hot comparisons (whose
// record, which competency, level and framework) are of ids a few bytes long. Compares 8 (or 4)
// bytes at a time, the first and the last such word (they overlap when the length is not a
// multiple).
[[gnu::always_inline]] inline bool Same(std::string_view a, std::string_view b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  auto word8 = [](const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  auto word4 = [](const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  if (n >= 8) {
    if (n > 16) return a == b;
    return word8(x) == word8(y) && word8(x + n - 8) == word8(y + n - 8);
  }
  if (n >= 4) return word4(x) == word4(y) && word4(x + n - 4) == word4(y + n - 4);
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

inline bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// An evidence kind as rules count it: lower case, trimmed, common spellings folded ("Talks",
// "presentation" -> "talk"; record_rules.cc).
std::string CanonicalKind(std::string_view kind);

// A half-open period [from, to) of the calendar.
struct Period {
  Date from;
  Date to;
};

// ---- Explanations (explain.cc) ----

// YYYY-MM-DD without going through printf: reasons quote many dates.
std::string DateText(Date d);
std::string Quote(std::string_view s);
std::string Number(double v);
std::string Months(int n);                          // "1 month", "3 months"
std::string KindPlural(const std::string& kind);    // "talks", "documents", "post-mortems"
std::string LevelLabel(const model::Level& level);  // "Senior Engineer (SE2)"
// "2024-01-01 to 2024-06-01, since 2025-01-01": the last period is open when `ongoing`.
std::string DescribePeriods(const std::vector<Period>& periods, bool ongoing);
// "'Title' (2025-01-01), ..., and 3 more": at most eight items named.
std::string ListEvidence(const std::vector<const model::Evidence*>& items);
// The one sentence of Verdict::summary; `undefined_note`: why the framework leaves the target
// level undefined (kUndefinedTarget), if it says.
std::string Summarize(const Verdict& v, std::string_view undefined_note);

// ---------------------------------------------------------------------------------------------
// The framework side, prepared once (evaluator.cc)

// Short strings to ids, for the lookups made once per record (a competency, a level code, an
// evidence kind): bucketed by first byte, so that a lookup compares with one or two entries.
class SmallMap {
 public:
  SmallMap() : buckets_(256) {}
  void Add(std::string_view key, int id) {
    if (Get(key) >= 0 || key.empty()) return;
    buckets_[static_cast<unsigned char>(key[0])].push_back({std::string(key), id});
  }
  int Get(std::string_view key) const {
    if (key.empty()) return -1;
    for (const auto& [k, id] : buckets_[static_cast<unsigned char>(key[0])])
      if (Same(k, key)) return id;
    return -1;
  }

 private:
  std::vector<std::vector<std::pair<std::string, int>>> buckets_;
};

// A level with what the rules ask of it, computed once.
struct LevelInfo {
  const model::Track* track = nullptr;
  const model::Level* level = nullptr;
  int code = -1;                  // interned level code (Evaluator::Impl::codes)
  int rank = 0;                   // Level::rank
  std::vector<int> competencies;  // interned, in the order CompetenciesOf gives
  const LevelInfo* next = nullptr;
  std::string label;  // LevelLabel
};

// One requirement of one target, with its rule's parameters resolved.
struct Prepared {
  const model::Rule* rule = nullptr;  // null: a check the framework implies (kind says which)
  std::string text;
  std::string kind;
  std::string source;
  std::string key;  // NormalizeSentence(text): what waivers and sign-offs name
  // time_at_level
  enum class LevelRef { kCurrent, kRank, kLevel, kMissing };
  LevelRef ref = LevelRef::kCurrent;
  int rank = 0;
  const LevelInfo* level = nullptr;  // kLevel
  std::string label;                 // kRank, kLevel: how the reason names the level
  // consistent_performance with a level: the level it names, per current track (index 0: no
  // current track, i + 1: track i), as the reference resolves from there.
  std::vector<const LevelInfo*> level_by_track;
  // evidence_count: the interned kinds it counts, and how the reason names them
  std::vector<int> kinds;
  std::string kinds_words;
};

// What one target asks, prepared.
struct Plan {
  bool ready = false;
  std::string title;
  const model::Track* track = nullptr;
  const LevelInfo* level = nullptr;             // a level target
  const model::OverlayRole* overlay = nullptr;  // an overlay target
  std::vector<Prepared> own;                    // the level's or overlay's own requirements
  struct Into {
    std::string from;
    std::vector<Prepared> requirements;
  };
  std::vector<Into> transitions;  // into the target's track, from each other track
  std::vector<Prepared> policy;   // level targets, applied to promotions
  bool need_check = false;        // overlay: "Documented need for ROLE" implied
  Prepared need;
  bool level_check = false;  // overlay: "Held at one of: ..." implied
  Prepared held;
};

}  // namespace internal

struct Evaluator::Impl {
  explicit Impl(const model::Framework& f) : fw(f) {}

  const model::Framework& fw;
  std::vector<std::string> competencies;  // interned competency ids
  std::vector<std::string> competency_names;
  std::vector<std::string> codes;     // interned level codes
  std::vector<int> code_ranks;        // parallel to codes: the rank of the first level so coded
  std::vector<std::string> kinds;     // interned canonical evidence kinds
  internal::SmallMap competency_ids;  // the three tables above, for lookups per record
  internal::SmallMap code_ids;
  internal::SmallMap kind_ids;  // canonical kinds and the spellings FoldSynonym folds into them
  int role_kind = -1;
  int sme_kind = -1;
  std::vector<size_t> track_offset;  // index of a track's first level in `levels`
  std::vector<internal::LevelInfo> levels;
  std::vector<internal::Plan> level_plans;    // parallel to `levels`
  std::vector<internal::Plan> overlay_plans;  // parallel to fw.overlays
  std::vector<internal::Plan> track_plans;    // parallel to fw.tracks; ready for tracks without
                                              // levels

  void Prepare(const Target* only);
  const internal::LevelInfo* Info(const model::Track* t, const model::Level* l) const {
    if (!t || !l) return nullptr;
    size_t ti = static_cast<size_t>(t - fw.tracks.data());
    return &levels[track_offset[ti] + static_cast<size_t>(l - t->levels.data())];
  }
  // The level an assignment names, as the rules read it: the code in the assignment's own track.
  const internal::LevelInfo* LevelOf(std::string_view track, std::string_view code) const {
    auto [t, l] = fw.ResolveLevel(code, track);
    return t && t->id == track ? Info(t, l) : nullptr;
  }
  int TrackIndex(const model::Track* t) const {
    return t ? static_cast<int>(t - fw.tracks.data()) : -1;
  }
  static int Intern(std::vector<std::string>& table, std::string_view s) {
    for (size_t i = 0; i < table.size(); ++i)
      if (table[i] == s) return static_cast<int>(i);
    table.emplace_back(s);
    return static_cast<int>(table.size() - 1);
  }
  // Tables hold a few to a few dozen short ids: a linear scan that looks at the length and the
  // first byte before comparing.
  static int Find(const std::vector<std::string>& table, std::string_view s) {
    if (s.empty()) {
      for (size_t i = 0; i < table.size(); ++i)
        if (table[i].empty()) return static_cast<int>(i);
      return -1;
    }
    for (size_t i = 0; i < table.size(); ++i) {
      const std::string& t = table[i];
      if (t.size() == s.size() && t[0] == s[0] && internal::Same(t, s)) return static_cast<int>(i);
    }
    return -1;
  }
  // An evidence record's kind, folded (CanonicalKind) and interned; -1 when no rule counts it.
  int KindOf(std::string_view raw) const;

 private:
  void InternIds();
  void BuildLevels();
  void Compile(internal::Prepared& p, const model::Requirement* req, std::string source,
               const model::Track* target_track);
  void CompileAll(std::vector<internal::Prepared>& out,
                  const std::vector<model::Requirement>& requirements, const std::string& source,
                  const model::Track* target_track);
  void BuildTransitions(internal::Plan& plan, const model::Track* t);
  void BuildLevelPlan(size_t index);
  void BuildOverlayPlan(size_t index);
  void BuildTrackPlan(size_t index);
};

namespace internal {

using Impl = Evaluator::Impl;

// ---------------------------------------------------------------------------------------------
// The person side, folded once per evaluation (records_index.cc)

struct EvidenceItem {
  const model::Evidence* e;
  Date date;
  int kind;  // interned, -1: no rule counts it
};

// A manager assessment that may count: of a period over by `at`, against this framework.
struct AssessmentItem {
  const model::Assessment* a;
  Date start;
  Date end;   // the day after the period (exclusive)
  int level;  // interned level code; -1: none named; -2: not a level of the framework
  model::Rating rating;
};

struct CompetencyIndex {
  size_t begin = 0;  // range of Scratch::assessed, latest period first
  size_t end = 0;
  int count = 0;
  int self = 0;  // explained mode only: assessments shown, not counted
  int peer = 0;
};

struct KeyedRecord {
  std::string key;  // NormalizeSentence of the requirement the record names
  const void* record;
};

// Per-thread working space, reused from one evaluation to the next.
struct Scratch {
  std::vector<EvidenceItem> evidence;
  std::vector<std::pair<int, AssessmentItem>> sorting;
  std::vector<AssessmentItem> assessed;
  std::vector<CompetencyIndex> by_competency;  // parallel to Impl::competencies
  std::vector<Period> periods;
  std::vector<std::string_view> skills;
  std::vector<KeyedRecord> signoffs;
  std::vector<const model::Metric*> metrics;  // the person's metric values that stand
  std::vector<KeyedRecord> waivers;
  std::vector<const Prepared*> applied;
  std::vector<std::string_view> superseded;  // ids of ratings a later one replaces
  std::vector<char> implied;                 // parallel to assessed: implied by a higher rating
};

// The evaluation context of one person, one target, one date.
struct Context {
  const Impl& im;
  const model::Framework& fw;
  const Records& records;
  const Target& target;
  const Plan& plan;
  Date at;
  bool explain;
  Scratch& s;
  const model::Assignment* current = nullptr;
  const LevelInfo* current_level = nullptr;  // null when the current level is not in fw
  const LevelInfo* target_level = nullptr;   // level targets
  bool has_evidence = false;
  // The months of the longest performing_at_next rule that applies alongside: "12 months
  // consistent at your level and 3 months at the next" asks for a run of 12 + 3 months.
  int next_months = 0;

  [[gnu::always_inline]] bool Mine(const std::string& person) const {
    return records.person.empty() || person.empty() || Same(person, records.person);
  }
};

// Folds the person's evidence, manager assessments, metric values, sign-offs and waivers into
// `cx.s`, leaving out records taken back (withdrawn or corrected).
void Index(Context& cx);

// The prepared plan of `target` and, for a level target, its level (null otherwise)
// (target.cc). kNotFound when the framework has no such target.
Result<const Plan*> PlanFor(const Impl& im, const Target& target, const LevelInfo** level);

// ---------------------------------------------------------------------------------------------
// Rule kinds: one overload per kind, defined in the file of its family.

// What a rule of each kind resolves in the framework, once per Evaluator (levels it names,
// evidence kinds it counts).
struct PrepareKind {
  Impl& im;
  Prepared& p;
  const model::Track* target_track;  // null for overlay targets

  void operator()(const model::ManualRule&) const;             // review_rules.cc
  void operator()(const model::TimeAtLevel&) const;            // time_rules.cc
  void operator()(const model::ConsistentPerformance&) const;  // performance_rules.cc
  void operator()(const model::PerformingAtNext&) const;       // performance_rules.cc
  void operator()(const model::EvidenceCount&) const;          // record_rules.cc
  void operator()(const model::TimeInRole&) const;             // time_rules.cc
  void operator()(const model::SmeSkillsets&) const;           // record_rules.cc
  void operator()(const model::MetricThreshold&) const;        // record_rules.cc
  void operator()(const model::PeerReviewPassed&) const;       // review_rules.cc
  void operator()(const model::DocumentedNeed&) const;         // review_rules.cc
  void operator()(const model::Approval&) const;               // review_rules.cc
};

// Evaluates a rule of each kind into `r` (status, and in explained mode reason and records).
struct EvaluateKind {
  const Context& cx;
  const Prepared& p;
  RequirementResult& r;

  void operator()(const model::ManualRule&) const;             // review_rules.cc
  void operator()(const model::TimeAtLevel&) const;            // time_rules.cc
  void operator()(const model::ConsistentPerformance&) const;  // performance_rules.cc
  void operator()(const model::PerformingAtNext&) const;       // performance_rules.cc
  void operator()(const model::EvidenceCount&) const;          // record_rules.cc
  void operator()(const model::TimeInRole&) const;             // time_rules.cc
  void operator()(const model::SmeSkillsets&) const;           // record_rules.cc
  void operator()(const model::MetricThreshold&) const;        // record_rules.cc
  void operator()(const model::PeerReviewPassed&) const;       // review_rules.cc
  void operator()(const model::DocumentedNeed&) const;         // review_rules.cc
  void operator()(const model::Approval&) const;               // review_rules.cc
};

// Interns every evidence kind an evidence_count rule of the framework counts, and the kinds
// other rules read ("role", "sme"), into im.kinds and im.kind_ids (record_rules.cc); before
// plans are built.
void InternEvidenceKinds(Impl& im);

// The months of the longest performing_at_next rule among `requirements`
// (performance_rules.cc).
int NextMonths(const std::vector<Prepared>& requirements);

// The checks a framework implies for an overlay role (review_rules.cc): a documented need
// open for it, and being held at one of its levels.
void DocumentedNeedCheck(const Context& cx, RequirementResult& r);
void OverlayLevelCheck(const Context& cx, const model::OverlayRole& o, RequirementResult& r);

// Waivers name a requirement by its sentence; one in force turns the status into kWaived and
// keeps the evaluation underneath (review_rules.cc).
void ApplyWaivers(const Context& cx, const Prepared& p, RequirementResult& r);

}  // namespace internal
}  // namespace ladder::rules
