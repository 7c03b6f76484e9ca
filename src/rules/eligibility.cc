// The eligibility engine. Workload: one person's view (explained, a few evaluations) and bulk
// views over an organisation (unexplained, 100,000 people against one framework version). The
// framework side is prepared once per Evaluator (Plan, Prepared, LevelInfo); each evaluation
// folds the person's records once into compact per-kind indexes held in thread-local scratch
// space (Scratch), then every rule reads only its index. Without explanations nothing is
// formatted and, once the scratch space and the output Verdict have grown, nothing allocated but
// the normalised sentences of the person's sign-offs and waivers.
#include "rules/eligibility.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

// YYYY-MM-DD without going through printf: reasons quote many dates.
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

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

// `needle` occurs in `hay`, ignoring ASCII case.
bool IContains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (IEq(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

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

// A half-open period [from, to) of the calendar.
struct Period {
  Date from;
  Date to;
};

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

// Evidence kinds named in a rule: common spellings folded. Case and surrounding space are
// ignored.
std::string_view FoldSynonym(std::string_view v) {
  using namespace std::string_view_literals;
  if (v == "document"sv || v == "documents"sv || v == "docs"sv) return "doc"sv;
  if (v == "presentation"sv || v == "talks"sv) return "talk"sv;
  if (v == "post-mortem"sv || v == "postmortems"sv || v == "post-mortems"sv) return "postmortem"sv;
  if (v == "designs"sv) return "design"sv;
  if (v == "tickets"sv) return "ticket"sv;
  if (v == "projects"sv) return "project"sv;
  return v;
}

std::string CanonicalKind(std::string_view kind) {
  std::string k = text::ToLower(text::Trim(kind));
  return std::string(FoldSynonym(k));
}

std::string KindPlural(const std::string& kind) {
  if (kind == "doc") return "documents";
  if (kind == "postmortem") return "post-mortems";
  if (kind == "planning") return "planning or design records";
  if (kind == "mentoring") return "mentoring records";
  if (kind == "other") return "other records";
  return kind + "s";
}

std::string LevelLabel(const Level& level) {
  return level.title.empty() ? level.code : level.title + " (" + level.code + ")";
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

// ---------------------------------------------------------------------------------------------
// The framework side, prepared once

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
  const Track* track = nullptr;
  const Level* level = nullptr;
  int code = -1;                  // interned level code (Evaluator::Impl::codes)
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
  const Track* track = nullptr;
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

}  // namespace

struct Evaluator::Impl {
  explicit Impl(const Framework& f) : fw(f) {}

  const Framework& fw;
  std::vector<std::string> competencies;  // interned competency ids
  std::vector<std::string> competency_names;
  std::vector<std::string> codes;  // interned level codes
  std::vector<std::string> kinds;  // interned canonical evidence kinds
  SmallMap competency_ids;         // the three tables above, for lookups per record
  SmallMap code_ids;
  SmallMap kind_ids;  // canonical kinds and the spellings FoldSynonym folds into them
  int role_kind = -1;
  int sme_kind = -1;
  std::vector<size_t> track_offset;  // index of a track's first level in `levels`
  std::vector<LevelInfo> levels;
  std::vector<Plan> level_plans;    // parallel to `levels`
  std::vector<Plan> overlay_plans;  // parallel to fw.overlays
  std::vector<Plan> track_plans;    // parallel to fw.tracks; ready for tracks without levels

  void Prepare(const Target* only);
  const LevelInfo* Info(const Track* t, const Level* l) const {
    if (!t || !l) return nullptr;
    size_t ti = static_cast<size_t>(t - fw.tracks.data());
    return &levels[track_offset[ti] + static_cast<size_t>(l - t->levels.data())];
  }
  // The level an assignment names, as the rules read it: the code in the assignment's own track.
  const LevelInfo* LevelOf(std::string_view track, std::string_view code) const {
    auto [t, l] = fw.ResolveLevel(code, track);
    return t && t->id == track ? Info(t, l) : nullptr;
  }
  int TrackIndex(const Track* t) const { return t ? static_cast<int>(t - fw.tracks.data()) : -1; }
  int Intern(std::vector<std::string>& table, std::string_view s) {
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
      if (t.size() == s.size() && t[0] == s[0] && Same(t, s)) return static_cast<int>(i);
    }
    return -1;
  }
  // An evidence record's kind, folded (CanonicalKind) and interned; -1 when no rule counts it.
  int KindOf(std::string_view raw) const {
    std::string_view v = raw;
    if (!v.empty() && (v.front() <= ' ' || v.back() <= ' ')) v = text::Trim(v);
    if (std::none_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return kind_ids.Get(v);  // every lower-case spelling of an interned kind is in kind_ids
    return Find(kinds, CanonicalKind(v));
  }
  void Compile(Prepared& p, const Requirement* req, std::string source, const Track* target_track);
  void BuildLevelPlan(size_t index);
  void BuildOverlayPlan(size_t index);
  void BuildTrackPlan(size_t index);
};

using Impl = Evaluator::Impl;

void Impl::Compile(Prepared& p, const Requirement* req, std::string source,
                   const Track* target_track) {
  p.source = std::move(source);
  if (req) {
    p.rule = &req->rule;
    p.text = req->text;
    p.kind = model::RuleKindName(req->rule);
  }
  p.key = NormalizeSentence(p.text);
  if (!req) return;
  if (const auto* t = std::get_if<model::TimeAtLevel>(&req->rule)) {
    if (t->level.empty()) {
      p.ref = Prepared::LevelRef::kCurrent;
    } else if (AllDigits(t->level)) {
      p.ref = Prepared::LevelRef::kRank;
      p.rank = std::stoi(t->level);
      p.label = "Level " + t->level;
    } else {
      auto [tt, l] = fw.ResolveLevel(
          t->level, target_track ? std::string_view(target_track->id) : std::string_view());
      p.ref = l ? Prepared::LevelRef::kLevel : Prepared::LevelRef::kMissing;
      p.level = Info(tt, l);
      if (l) p.label = LevelLabel(*l);
    }
  } else if (const auto* c = std::get_if<model::ConsistentPerformance>(&req->rule)) {
    if (!c->level.empty()) {
      auto [nt, nl] = fw.ResolveLevel(c->level, "");
      p.level_by_track.push_back(Info(nt, nl));
      for (const Track& t : fw.tracks) {
        auto [tt, l] = fw.ResolveLevel(c->level, t.id);
        p.level_by_track.push_back(Info(tt, l));
      }
    }
  } else if (const auto* e = std::get_if<model::EvidenceCount>(&req->rule)) {
    std::string s = e->kind;
    std::replace(s.begin(), s.end(), ',', '|');
    std::vector<std::string> names;
    for (const std::string& part : text::Split(s, '|')) {
      if (text::Trim(part).empty()) continue;
      std::string k = CanonicalKind(part);
      p.kinds.push_back(Find(kinds, k));  // interned by Prepare before plans are built
      names.push_back(KindPlural(k));
    }
    p.kinds_words = text::Join(names, " or ");
  }
}

void Impl::BuildLevelPlan(size_t index) {
  Plan& plan = level_plans[index];
  if (plan.ready) return;
  const LevelInfo& info = levels[index];
  const Track* t = info.track;
  const Level* l = info.level;
  plan.track = t;
  plan.level = &info;
  plan.title = LevelLabel(*l) + " on " + (t->name.empty() ? t->id : t->name);
  plan.own.resize(l->requirements.size());
  for (size_t i = 0; i < l->requirements.size(); ++i)
    Compile(plan.own[i], &l->requirements[i], "level " + l->code, t);
  for (const model::Transition& tr : fw.transitions) {
    if (tr.to != t->id) continue;
    Plan::Into into{tr.from, std::vector<Prepared>(tr.requirements.size())};
    for (size_t i = 0; i < tr.requirements.size(); ++i)
      Compile(into.requirements[i], &tr.requirements[i], "transition " + tr.from + " -> " + tr.to,
              t);
    plan.transitions.push_back(std::move(into));
  }
  plan.policy.resize(fw.policy.size());
  for (size_t i = 0; i < fw.policy.size(); ++i) Compile(plan.policy[i], &fw.policy[i], "policy", t);
  plan.ready = true;
}

// A track whose levels the framework does not describe (003: "CEs Transitioning to CE
// Management"): what moving there asks is its transitions' requirements.
void Impl::BuildTrackPlan(size_t index) {
  Plan& plan = track_plans[index];
  if (plan.ready) return;
  const Track* t = &fw.tracks[index];
  plan.track = t;
  plan.title = (t->name.empty() ? t->id : t->name) + " (" + t->id +
               ", a track whose levels the framework does not describe)";
  for (const model::Transition& tr : fw.transitions) {
    if (tr.to != t->id) continue;
    Plan::Into into{tr.from, std::vector<Prepared>(tr.requirements.size())};
    for (size_t i = 0; i < tr.requirements.size(); ++i)
      Compile(into.requirements[i], &tr.requirements[i], "transition " + tr.from + " -> " + tr.to,
              t);
    plan.transitions.push_back(std::move(into));
  }
  plan.ready = true;
}

void Impl::BuildOverlayPlan(size_t index) {
  Plan& plan = overlay_plans[index];
  if (plan.ready) return;
  const model::OverlayRole& o = fw.overlays[index];
  plan.overlay = &o;
  plan.title = (o.name.empty() ? o.id : o.name) + " (overlay role)";
  plan.own.resize(o.requirements.size());
  for (size_t i = 0; i < o.requirements.size(); ++i)
    Compile(plan.own[i], &o.requirements[i], "overlay " + o.id, nullptr);
  bool has_need_rule = std::any_of(
      o.requirements.begin(), o.requirements.end(),
      [](const Requirement& r) { return std::holds_alternative<model::DocumentedNeed>(r.rule); });
  if (o.needs_documented_need && !has_need_rule) {
    plan.need_check = true;
    plan.need.text = "Documented need for " + (o.name.empty() ? o.id : o.name);
    plan.need.kind = "documented_need";
    Compile(plan.need, nullptr, "overlay " + o.id, nullptr);
  }
  if (!o.levels.empty()) {
    plan.level_check = true;
    plan.held.text = "Held at one of: " + text::Join(o.levels, ", ");
    plan.held.kind = "overlay_level";
    Compile(plan.held, nullptr, "overlay " + o.id, nullptr);
  }
  plan.ready = true;
}

void Evaluator::Impl::Prepare(const Target* only) {
  for (const model::Competency& c : fw.competencies) {
    Intern(competencies, c.id);
    competency_names.push_back(c.name.empty() ? c.id : c.name);
  }
  for (const Track& t : fw.tracks)
    for (const Level& l : t.levels) {
      Intern(codes, l.code);
      for (const model::Expectation& e : l.expectations)
        if (Find(competencies, e.competency) < 0) {
          Intern(competencies, e.competency);
          const model::Competency* c = fw.FindCompetency(e.competency);
          competency_names.push_back(c && !c->name.empty() ? c->name : e.competency);
        }
    }
  // Every kind any evidence rule counts, and the two kinds other rules read.
  auto add_kinds = [&](const std::vector<Requirement>& reqs) {
    for (const Requirement& r : reqs)
      if (const auto* e = std::get_if<model::EvidenceCount>(&r.rule)) {
        std::string s = e->kind;
        std::replace(s.begin(), s.end(), ',', '|');
        for (const std::string& part : text::Split(s, '|'))
          if (!text::Trim(part).empty()) Intern(kinds, CanonicalKind(part));
      }
  };
  for (const Track& t : fw.tracks)
    for (const Level& l : t.levels) add_kinds(l.requirements);
  for (const model::OverlayRole& o : fw.overlays) add_kinds(o.requirements);
  for (const model::Transition& tr : fw.transitions) add_kinds(tr.requirements);
  add_kinds(fw.policy);
  role_kind = Intern(kinds, "role");
  sme_kind = Intern(kinds, "sme");
  for (size_t i = 0; i < competencies.size(); ++i)
    competency_ids.Add(competencies[i], static_cast<int>(i));
  for (size_t i = 0; i < codes.size(); ++i) code_ids.Add(codes[i], static_cast<int>(i));
  for (size_t i = 0; i < kinds.size(); ++i) kind_ids.Add(kinds[i], static_cast<int>(i));
  for (const char* spelling :
       {"document", "documents", "docs", "presentation", "talks", "post-mortem", "postmortems",
        "post-mortems", "designs", "tickets", "projects"}) {
    int id = Find(kinds, FoldSynonym(spelling));
    if (id >= 0) kind_ids.Add(spelling, id);
  }

  for (const Track& t : fw.tracks) {
    track_offset.push_back(levels.size());
    for (const Level& l : t.levels) {
      LevelInfo info;
      info.track = &t;
      info.level = &l;
      info.code = Find(codes, l.code);
      for (const std::string& c : CompetenciesOf(fw, &t, &l))
        info.competencies.push_back(Find(competencies, c));
      info.label = LevelLabel(l);
      levels.push_back(std::move(info));
    }
  }
  for (LevelInfo& info : levels) {
    const Level* next = fw.NextLevel(info.track->id, info.level->code);
    info.next = next ? Info(info.track, next) : nullptr;
  }
  level_plans.resize(levels.size());
  overlay_plans.resize(fw.overlays.size());
  track_plans.resize(fw.tracks.size());
  if (!only) {
    for (size_t i = 0; i < levels.size(); ++i) BuildLevelPlan(i);
    for (size_t i = 0; i < fw.overlays.size(); ++i) BuildOverlayPlan(i);
    for (size_t i = 0; i < fw.tracks.size(); ++i)
      if (fw.tracks[i].levels.empty()) BuildTrackPlan(i);
    return;
  }
  if (only->kind == Target::Kind::kLevel) {
    const Track* t = fw.FindTrack(only->track);
    const Level* l = t ? t->FindLevel(only->level) : nullptr;
    if (l) BuildLevelPlan(static_cast<size_t>(Info(t, l) - levels.data()));
    if (t && t->levels.empty() && only->level.empty())
      BuildTrackPlan(static_cast<size_t>(t - fw.tracks.data()));
  } else if (const model::OverlayRole* o = fw.FindOverlay(only->overlay)) {
    BuildOverlayPlan(static_cast<size_t>(o - fw.overlays.data()));
  }
}

namespace {

// ---------------------------------------------------------------------------------------------
// The person side, folded once per evaluation

struct EvidenceItem {
  const Evidence* e;
  Date date;
  int kind;  // interned, -1: no rule counts it
};

// A manager assessment that may count: of a period over by `at`, against this framework.
struct AssessmentItem {
  const Assessment* a;
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
  std::vector<KeyedRecord> waivers;
  std::vector<const Prepared*> applied;
};

// The evaluation context of one person, one target, one date.
struct Context {
  const Impl& im;
  const Framework& fw;
  const Records& records;
  const Target& target;
  const Plan& plan;
  Date at;
  bool explain;
  Scratch& s;
  const Assignment* current = nullptr;
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

void Index(Context& cx) {
  Scratch& s = cx.s;
  s.evidence.clear();
  const std::vector<Evidence>& evidence = cx.records.evidence;
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i + kAhead < evidence.size()) Prefetch(evidence[i + kAhead]);
    const Evidence& e = evidence[i];
    if (cx.Mine(e.person)) s.evidence.push_back({&e, e.date, cx.im.KindOf(e.kind)});
  }
  cx.has_evidence = !s.evidence.empty();

  s.sorting.clear();
  s.by_competency.assign(cx.im.competencies.size(), CompetencyIndex{});
  int last_competency = -1;
  std::string_view last_competency_id;
  int last_level = -1;
  std::string_view last_level_code;
  const std::vector<Assessment>& assessments = cx.records.assessments;
  for (size_t i = 0; i < assessments.size(); ++i) {
    if (i + kAhead < assessments.size()) Prefetch(assessments[i + kAhead]);
    const Assessment& a = assessments[i];
    // The role first: without explanations, self and peer assessments need nothing else.
    if (a.role != model::AssessorRole::kManager && !cx.explain) continue;
    if (!cx.Mine(a.person)) continue;
    int c = last_competency >= 0 && Same(a.competency, last_competency_id)
                ? last_competency
                : cx.im.competency_ids.Get(a.competency);
    if (c < 0) continue;  // no level of the framework expects it
    last_competency = c;
    last_competency_id = cx.im.competencies[static_cast<size_t>(c)];
    if (a.role != model::AssessorRole::kManager) {
      ++(a.role == model::AssessorRole::kSelf ? s.by_competency[static_cast<size_t>(c)].self
                                              : s.by_competency[static_cast<size_t>(c)].peer);
      continue;
    }
    // Like metric values, a rating speaks for its period once the period is over: its last
    // day is before `at`.
    if (a.period_start.empty() || a.period_end.empty() || !(a.period_end < cx.at)) continue;
    if (!a.framework.empty() && !Same(a.framework, cx.fw.id)) continue;
    int level = -1;
    if (!a.level.empty()) {
      if (last_level >= 0 && Same(a.level, last_level_code)) {
        level = last_level;
      } else {
        level = cx.im.code_ids.Get(a.level);
        if (level >= 0) {
          last_level = level;
          last_level_code = cx.im.codes[static_cast<size_t>(level)];
        } else {
          level = -2;
        }
      }
    }
    ++s.by_competency[static_cast<size_t>(c)].count;
    s.sorting.push_back({c, {&a, a.period_start, NextDay(a.period_end), level, a.rating}});
  }
  // Bucketed by competency, then latest period first within each; of two assessments of the
  // same period, the later record first.
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

  s.signoffs.clear();
  for (const model::SignOff& so : cx.records.signoffs) {
    if (!cx.Mine(so.person) || (!so.date.empty() && so.date > cx.at)) continue;
    s.signoffs.push_back({NormalizeSentence(so.requirement), &so});
  }
  s.waivers.clear();
  for (const model::Waiver& w : cx.records.waivers)
    if (cx.Mine(w.person)) s.waivers.push_back({NormalizeSentence(w.requirement), &w});
}

// ---------------------------------------------------------------------------------------------
// Rule kinds

void TimeAtLevelRule(const Context& cx, const Prepared& p, const model::TimeAtLevel& rule,
                     RequirementResult& r) {
  const std::string* label = &p.label;
  std::vector<Period>& periods = cx.s.periods;
  periods.clear();
  bool ongoing = false;
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
        return;
      }
      label = cx.current_level ? &cx.current_level->label : &cx.current->level;
      for (const Assignment& a : cx.records.assignments)
        consider(a, a.track == cx.current->track && a.level == cx.current->level);
      break;
    case Prepared::LevelRef::kRank:
      for (const Assignment& a : cx.records.assignments) {
        const LevelInfo* l = cx.im.LevelOf(a.track, a.level);
        consider(a, l && l->level->rank == p.rank);
      }
      break;
    case Prepared::LevelRef::kLevel:
      for (const Assignment& a : cx.records.assignments)
        consider(a, a.track == p.level->track->id && a.level == p.level->level->code);
      break;
    case Prepared::LevelRef::kMissing:
      r.status = RequirementStatus::kUnknown;
      if (cx.explain) r.reason = "the level " + Quote(rule.level) + " is not in " + cx.fw.id;
      return;
  }
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

// Shared by consistent_performance and performing_at_next: each competency's streak against
// `months`; all competencies (or any one) must qualify.
template <typename Relevant, typename Good>
void PerformanceRule(const Context& cx, const LevelInfo& level, int months, bool all,
                     const std::string& what, Relevant relevant, Good good, RequirementResult& r) {
  bool any_data = false;
  int met = 0;
  int n = 0;
  Date earliest;  // of the categories not met: the latest (all) or the soonest (any)
  bool known = true;
  // Categories whose run would have been long enough by `at` had the assessments gone on: the
  // assessments, not time, are missing. [missing_from, missing_to] covers every such category.
  bool data_missing = false;
  Date missing_from;
  Date missing_to;
  std::vector<std::string> unmet_parts;
  std::vector<std::string> met_parts;
  for (int c : level.competencies) {
    ++n;
    Streak streak = StreakOf(cx, c, relevant, good, r.records);
    any_data = any_data || streak.any;
    bool ok = false;
    Date due;
    std::string line;
    if (!streak.any) {
      if (cx.explain)
        line = cx.im.competency_names[static_cast<size_t>(c)] + ": no manager assessment";
    } else if (streak.broken) {
      due = streak.end.AddMonths(months);
      if (cx.explain)
        line = cx.im.competency_names[static_cast<size_t>(c)] +
               ": not rated so in the period ending " + DateText(streak.end.AddDays(-1)) +
               "; a new run from " + DateText(streak.end) + " completes on " + DateText(due);
    } else {
      Date run_due = streak.start.AddMonths(months);
      ok = streak.end >= run_due;
      if (!ok) due = run_due;
      if (cx.explain) {
        int held = WholeMonthsBetween(streak.start, streak.end);
        line = cx.im.competency_names[static_cast<size_t>(c)] + ": " + std::to_string(held) +
               " of " + std::to_string(months) + " months since " + DateText(streak.start) +
               " (assessed through " + DateText(streak.end.AddDays(-1)) + ")";
        if (!ok) line += ", earliest on " + DateText(run_due);
      }
    }
    if (!ok && !due.empty() && due <= cx.at) {
      // The run (or a new run after a failing period) would have completed on `due` if the
      // assessments had continued from where they stop; they do not reach it.
      Date from = streak.end;
      Date to = due.AddDays(-1);
      if (!data_missing || from < missing_from) missing_from = from;
      if (!data_missing || to > missing_to) missing_to = to;
      data_missing = true;
      if (cx.explain)
        line = cx.im.competency_names[static_cast<size_t>(c)] + ": assessed through " +
               DateText(streak.end.AddDays(-1)) + "; needs manager assessments covering " +
               DateText(from) + " to " + DateText(to);
      due = Date();
    }
    if (ok) {
      ++met;
    } else if (due.empty()) {
      if (all) known = false;
    } else if (earliest.empty() || (all ? due > earliest : due < earliest)) {
      earliest = due;
    }
    if (cx.explain) (ok ? met_parts : unmet_parts).push_back(std::move(line));
  }
  std::string shown;
  if (cx.explain) {
    int self = 0, peer = 0;
    for (int c : level.competencies)
      if (c >= 0) {
        self += cx.s.by_competency[static_cast<size_t>(c)].self;
        peer += cx.s.by_competency[static_cast<size_t>(c)].peer;
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
  bool satisfied = all ? met == n : met > 0;
  if (cx.explain) {
    for (std::string& part : met_parts) unmet_parts.push_back(std::move(part));
    std::string head = std::string(all ? "all " : "any of ") + std::to_string(n) +
                       (n == 1 ? " category " : " categories ") + what + ": " +
                       std::to_string(met) + " of " + std::to_string(n) + " qualify";
    r.reason = head + "; " + text::Join(unmet_parts, "; ") + shown;
  }
  if (satisfied) {
    r.status = RequirementStatus::kMet;
    return;
  }
  if (data_missing) {
    // Never a date in the past: time has done its part, the records have not.
    r.status = RequirementStatus::kUnknown;
    if (!cx.explain) return;
    r.missing =
        "manager assessments covering " + DateText(missing_from) + " to " + DateText(missing_to);
    return;
  }
  r.status = RequirementStatus::kNotMet;
  // The earliest date: when the last (all) or first (any) category can qualify, if every
  // category that matters has such a date.
  if (known && !earliest.empty()) {
    r.earliest = earliest;
    if (cx.explain) r.reason += "; earliest on " + DateText(earliest) + " if the ratings hold";
  }
}

void ConsistentPerformanceRule(const Context& cx, const Prepared& p,
                               const model::ConsistentPerformance& rule, RequirementResult& r) {
  const LevelInfo* level = cx.current_level;
  if (!rule.level.empty()) {
    const Track* current_track = cx.current_level ? cx.current_level->track : nullptr;
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
  if (rule.level.empty() && cx.next_months > 0) months += cx.next_months;
  std::string what;
  if (cx.explain) {
    what = "meeting " + code + " for " + Months(rule.months);
    if (months != rule.months)
      what += ", then " + std::to_string(cx.next_months) + " at the next level (" +
              std::to_string(months) + " in all)";
  }
  PerformanceRule(
      cx, *level, months, true, what,
      [code_id](const AssessmentItem& a) { return a.level == -1 || a.level == code_id; },
      [](const AssessmentItem& a) { return a.rating != model::Rating::kBelow; }, r);
}

void PerformingAtNextRule(const Context& cx, const model::PerformingAtNext& rule,
                          RequirementResult& r) {
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

std::string ListEvidence(const std::vector<const Evidence*>& items) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < items.size() && i < 8; ++i)
    parts.push_back(Quote(items[i]->title.empty() ? items[i]->id : items[i]->title) + " (" +
                    DateText(items[i]->date) + ")");
  if (items.size() > 8) parts.push_back("and " + std::to_string(items.size() - 8) + " more");
  return text::Join(parts, ", ");
}

void EvidenceCountRule(const Context& cx, const Prepared& p, const model::EvidenceCount& rule,
                       RequirementResult& r) {
  Date since = rule.within_months > 0 ? cx.at.AddMonths(-rule.within_months) : Date();
  std::vector<const Evidence*> found;
  int n = 0;
  for (const EvidenceItem& e : cx.s.evidence) {
    if (e.kind < 0 || e.date.empty() || e.date > cx.at) continue;
    if (!since.empty() && e.date < since) continue;
    if (std::find(p.kinds.begin(), p.kinds.end(), e.kind) == p.kinds.end()) continue;
    ++n;
    if (cx.explain) found.push_back(e.e);
  }
  if (!cx.explain) {
    r.status = n == 0 && !cx.has_evidence ? RequirementStatus::kUnknown
               : n >= rule.count          ? RequirementStatus::kMet
                                          : RequirementStatus::kNotMet;
    return;
  }
  const std::string& what = p.kinds_words;
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
  std::vector<Period>& periods = cx.s.periods;
  periods.clear();
  bool ongoing = false;
  bool any_data = cx.has_evidence;
  for (const EvidenceItem& item : cx.s.evidence) {
    if (item.kind != cx.im.role_kind) continue;
    const Evidence& e = *item.e;
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

void SmeRule(const Context& cx, const model::SmeSkillsets& rule, RequirementResult& r) {
  std::string_view wanted = rule.skill;
  std::vector<std::string_view>& skills = cx.s.skills;
  skills.clear();
  std::vector<std::string> parts, claims;
  for (const EvidenceItem& item : cx.s.evidence) {
    if (item.kind != cx.im.sme_kind || item.date.empty() || item.date > cx.at) continue;
    const Evidence& e = *item.e;
    std::string_view skill = text::Trim(e.skill.empty() ? e.title : e.skill);
    if (skill.empty()) continue;
    if (!wanted.empty() && !IContains(skill, wanted) && !IContains(wanted, skill)) continue;
    // A sign-off counts once its signer has confirmed it; until then it is a claim.
    if (e.confirmed.empty() || e.confirmed > cx.at) {
      if (cx.explain)
        claims.push_back(text::ToLower(skill) + " (awaiting confirmation by " +
                         (e.signed_off_by.empty() ? std::string("its signer") : e.signed_off_by) +
                         ")");
      continue;
    }
    if (cx.explain) r.records.push_back(e.id);
    if (std::any_of(skills.begin(), skills.end(),
                    [&](std::string_view seen) { return IEq(seen, skill); }))
      continue;
    skills.push_back(skill);
    if (!cx.explain) continue;
    std::string by = e.signed_off_by.empty() ? "" : " by " + e.signed_off_by;
    parts.push_back(text::ToLower(skill) + " (signed off" + by + " on " + DateText(e.date) + ")");
  }
  int need = std::max(rule.count, 1);
  int n = static_cast<int>(skills.size());
  if (!cx.explain) {
    r.status = n == 0 && !cx.has_evidence ? RequirementStatus::kUnknown
               : n >= need                ? RequirementStatus::kMet
                                          : RequirementStatus::kNotMet;
    return;
  }
  std::string sets = need == 1 ? "skill set" : "skill sets";
  std::string what = wanted.empty() ? sets : sets + " matching " + Quote(rule.skill);
  if (n == 0 && !cx.has_evidence) {
    r.status = RequirementStatus::kUnknown;
    r.reason =
        "no evidence recorded (SME sign-off in " + std::to_string(need) + " " + what + " required)";
    return;
  }
  r.status = n >= need ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  r.reason = "SME in " + std::to_string(n) + " of " + std::to_string(need) + " " + what;
  if (n > need)
    r.reason =
        "SME in " + std::to_string(n) + " " + what + " (" + std::to_string(need) + " required)";
  if (!parts.empty()) r.reason += ": " + text::Join(parts, ", ");
  if (!claims.empty()) r.reason += "; not counted yet: " + text::Join(claims, ", ");
}

// Only periods that have ended by the evaluation date count (the period's last day is before
// it): a quarter's value is not the quarter's until the quarter is over.
void MetricRule(const Context& cx, const model::MetricThreshold& rule, RequirementResult& r) {
  const model::Metric* latest = nullptr;
  const model::Metric* running = nullptr;  // a period not over on `at`
  for (const model::Metric& m : cx.records.metrics) {
    if (!cx.Mine(m.person) || !IEq(m.name, rule.name)) continue;
    if (m.period_start.empty() || m.period_start > cx.at) continue;
    if (m.period_end.empty() || m.period_end >= cx.at) {
      if (!running || m.period_start > running->period_start) running = &m;
      continue;
    }
    if (!latest || m.period_end > latest->period_end) latest = &m;
  }
  if (!latest) {
    r.status = RequirementStatus::kUnknown;
    if (!cx.explain) return;
    r.reason =
        "no value of " + rule.name + " recorded (at least " + Number(rule.at_least) + " required)";
    if (running) {
      r.reason = "no value of " + rule.name + " for a period ended by " + DateText(cx.at) +
                 " (at least " + Number(rule.at_least) + " required); the period " +
                 DateText(running->period_start) + " to " + DateText(running->period_end) +
                 " is not over";
      r.missing = "a value of " + rule.name + " for a period ended by " + DateText(cx.at);
    }
    return;
  }
  r.status = latest->value >= rule.at_least ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (!cx.explain) return;
  r.records.push_back(latest->id);
  r.reason = rule.name + " was " + Number(latest->value) + " for " +
             DateText(latest->period_start) + " to " + DateText(latest->period_end) +
             " (at least " + Number(rule.at_least) + " required)";
  if (running)
    r.reason += "; the period " + DateText(running->period_start) + " to " +
                DateText(running->period_end) + " is not over and does not count yet";
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
    if (cx.explain) r.reason = "no advancement review opened for this target";
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
    if (!cx.explain) return;
    r.records.push_back(open->id);
    r.reason = "documented need " + open->id + " open since " + DateText(open->opened) +
               (open->reason.empty() ? "" : ": " + open->reason);
    return;
  }
  if (filled_by_me) {
    r.status = RequirementStatus::kMet;
    if (!cx.explain) return;
    r.records.push_back(filled_by_me->id);
    r.reason = "documented need " + filled_by_me->id + " was filled by this person's review " +
               filled_by_me->filled_by_case;
    return;
  }
  r.status = RequirementStatus::kNotMet;
  if (cx.explain) r.reason = "no documented need is open for this role";
}

void SignOffRule(const Context& cx, const Prepared& p, std::string_view needed_from,
                 RequirementResult& r) {
  const model::SignOff* found = nullptr;
  for (const KeyedRecord& k : cx.s.signoffs)
    if (k.key == p.key) found = static_cast<const model::SignOff*>(k.record);
  if (found) {
    r.status = RequirementStatus::kSignedOff;
    if (!cx.explain) return;
    r.records.push_back(found->id);
    r.reason = "signed off by " + found->by + " on " + DateText(found->date) +
               (found->note.empty() ? "" : ": " + found->note);
    return;
  }
  r.status = RequirementStatus::kAwaitingSignOff;
  if (!cx.explain) return;
  r.reason = needed_from.empty()
                 ? std::string("a manual checkpoint: nobody has signed it off yet")
                 : "needs approval by " + std::string(needed_from) + "; not signed off yet";
}

// The overlay may be held at some levels only.
void OverlayLevelCheck(const Context& cx, const model::OverlayRole& o, RequirementResult& r) {
  if (!cx.current) {
    r.status = RequirementStatus::kUnknown;
    if (cx.explain) r.reason = "no current level on " + DateText(cx.at);
    return;
  }
  if (cx.explain) r.records.push_back(cx.current->id);
  for (const std::string& ref : o.levels) {
    bool match = false;
    if (AllDigits(ref)) {
      match = cx.current_level && cx.current_level->level->rank == std::stoi(ref);
    } else {
      auto [t, l] = cx.fw.ResolveLevel(ref, cx.current->track);
      match = l && t->id == cx.current->track && l->code == cx.current->level;
    }
    if (match) {
      r.status = RequirementStatus::kMet;
      if (cx.explain) r.reason = "holds " + cx.current->track + "/" + cx.current->level;
      return;
    }
  }
  r.status = RequirementStatus::kNotMet;
  if (cx.explain)
    r.reason =
        "holds " + cx.current->track + "/" + cx.current->level + ", which is not one of them";
}

void EvaluateRule(const Context& cx, const Prepared& p, RequirementResult& r) {
  if (!p.rule) {  // a check the framework implies
    if (p.kind == "documented_need") {
      DocumentedNeedRule(cx, r);
    } else {
      OverlayLevelCheck(cx, *cx.plan.overlay, r);
    }
    return;
  }
  std::visit(
      [&](const auto& k) {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, model::ManualRule>) SignOffRule(cx, p, "", r);
        if constexpr (std::is_same_v<T, model::TimeAtLevel>) TimeAtLevelRule(cx, p, k, r);
        if constexpr (std::is_same_v<T, model::ConsistentPerformance>)
          ConsistentPerformanceRule(cx, p, k, r);
        if constexpr (std::is_same_v<T, model::PerformingAtNext>) PerformingAtNextRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::EvidenceCount>) EvidenceCountRule(cx, p, k, r);
        if constexpr (std::is_same_v<T, model::TimeInRole>) TimeInRoleRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::SmeSkillsets>) SmeRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::MetricThreshold>) MetricRule(cx, k, r);
        if constexpr (std::is_same_v<T, model::PeerReviewPassed>) PeerReviewRule(cx, r);
        if constexpr (std::is_same_v<T, model::DocumentedNeed>) DocumentedNeedRule(cx, r);
        if constexpr (std::is_same_v<T, model::Approval>)
          SignOffRule(cx, p, k.by.empty() ? "someone with the authority" : k.by, r);
      },
      *p.rule);
}

// Waivers name a requirement by its sentence; one in force turns the status into kWaived and
// keeps the evaluation underneath. Every waiver naming the sentence is shown.
void ApplyWaivers(const Context& cx, const Prepared& p, RequirementResult& r) {
  if (cx.s.waivers.empty()) return;
  const model::Waiver* in_force = nullptr;
  std::vector<std::string> notes;
  for (const KeyedRecord& k : cx.s.waivers) {
    if (k.key != p.key) continue;
    const model::Waiver& w = *static_cast<const model::Waiver*>(k.record);
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
    return;
  }
  if (!notes.empty()) r.reason += "; " + text::Join(notes, "; ");
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
      for (size_t i : v.blocking) {
        const RequirementResult& r = v.requirements[i];
        names.push_back(Quote(r.text) + (r.missing.empty() ? "" : " (needs " + r.missing + ")"));
      }
      return "Blocked for " + v.target_title + " by " + std::to_string(v.blocking.size()) +
             (v.blocking.size() == 1 ? " requirement: " : " requirements: ") +
             text::Join(names, ", ") + ".";
    }
  }
  return "";
}

int NextMonths(const std::vector<Prepared>& reqs) {
  int months = 0;
  for (const Prepared& p : reqs)
    if (const auto* next = std::get_if<model::PerformingAtNext>(p.rule))
      months = std::max(months, next->months);
  return months;
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
                       "'next' needs a current level, and the person holds none in " + fw.id, {},
                       "target");
    const Level* next = fw.NextLevel(current->track, current->level);
    if (!next)
      return MakeError(
          ErrorCode::kNotFound,
          current->track + "/" + current->level + " is the top level of its track; no 'next'", {},
          "target");
    return Target::Level(current->track, next->code);
  }
  if (const model::OverlayRole* o = fw.FindOverlay(text)) return Target::Overlay(o->id);
  auto [t, l] = fw.ResolveLevel(text, current ? std::string_view(current->track) : "");
  if (l) return Target::Level(t->id, l->code);
  // A track whose levels the framework does not describe: moving there.
  if (const Track* track = fw.FindTrack(text); track && track->levels.empty())
    return Target::Level(track->id, "");
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
  for (const Track& track : fw.tracks)
    if (track.levels.empty()) names.push_back(track.id);
  std::string message = "no level or overlay role " + Quote(text) + " in " + fw.id;
  if (matches > 1) message += " (the title names several levels; write track/code)";
  if (auto suggestion = text::DidYouMean(text, names))
    message += "; did you mean " + *suggestion + "?";
  message += "; expected next, TRACK/CODE, a level code or an overlay id";
  return MakeError(ErrorCode::kNotFound, message, {}, "target");
}

Evaluator::Evaluator(const Framework& framework) : impl_(std::make_unique<Impl>(framework)) {
  impl_->Prepare(nullptr);
}

Evaluator::Evaluator(const Framework& framework, const Target& target)
    : impl_(std::make_unique<Impl>(framework)) {
  impl_->Prepare(&target);
}

Evaluator::~Evaluator() = default;

const Framework& Evaluator::framework() const { return impl_->fw; }

Result<Verdict> Evaluator::Evaluate(const Target& target, const Records& records, Date at,
                                    const EvaluateOptions& options) const {
  Verdict v;
  LADDER_TRY_STATUS(EvaluateInto(target, records, at, options, v));
  return v;
}

Status Evaluator::EvaluateInto(const Target& target, const Records& records, Date at,
                               const EvaluateOptions& options, Verdict& v) const {
  const Impl& im = *impl_;
  const Framework& fw = im.fw;
  if (at.empty()) return MakeError(ErrorCode::kInvalidArgument, "no evaluation date given");
  const Plan* plan = nullptr;
  const LevelInfo* target_level = nullptr;
  if (target.kind == Target::Kind::kLevel) {
    const Track* t = fw.FindTrack(target.track);
    const Level* l = t ? t->FindLevel(target.level) : nullptr;
    if (t && !l && target.level.empty() && t->levels.empty()) {
      plan = &im.track_plans[static_cast<size_t>(t - fw.tracks.data())];
    } else if (!l) {
      return MakeError(ErrorCode::kNotFound,
                       "no level " + Quote(target.track + "/" + target.level) + " in " + fw.id);
    } else {
      target_level = im.Info(t, l);
      plan = &im.level_plans[static_cast<size_t>(target_level - im.levels.data())];
    }
  } else {
    const model::OverlayRole* o = fw.FindOverlay(target.overlay);
    if (!o)
      return MakeError(ErrorCode::kNotFound,
                       "no overlay role " + Quote(target.overlay) + " in " + fw.id);
    plan = &im.overlay_plans[static_cast<size_t>(o - fw.overlays.data())];
  }
  // REQUIRES-style guard for an Impl prepared for one target only (rules::Evaluate).
  if (!plan->ready)
    return MakeError(ErrorCode::kInternal, "the evaluator was not prepared for this target");

  static thread_local Scratch scratch;
  Context cx{im, fw, records, target, *plan, at, options.explain, scratch};
  cx.target_level = target_level;
  cx.current = CurrentAssignment(records.assignments, fw.id, at);
  if (cx.current) cx.current_level = im.LevelOf(cx.current->track, cx.current->level);
  Index(cx);

  v.person = records.person;
  v.framework = fw.id;
  v.version = fw.version;
  v.target = target;
  v.at = at;
  v.current.clear();
  if (cx.current) v.current.append(cx.current->track).append("/").append(cx.current->level);
  if (options.explain) {
    v.target_title = plan->title;
  } else {
    v.target_title.clear();
  }

  // The requirements that apply, in the order a reader expects: the target's own, then the
  // transition's, then the framework's policy; for an overlay, the checks it implies last.
  std::vector<const Prepared*>& applied = scratch.applied;
  applied.clear();
  for (const Prepared& p : plan->own) applied.push_back(&p);
  cx.next_months = NextMonths(plan->own);
  if (target_level) {
    if (cx.current && cx.current->track != target_level->track->id) {
      for (const Plan::Into& into : plan->transitions)
        if (into.from == cx.current->track) {
          for (const Prepared& p : into.requirements) applied.push_back(&p);
          cx.next_months = std::max(cx.next_months, NextMonths(into.requirements));
        }
    }
    bool promotion = !cx.current_level || target_level->level->rank > cx.current_level->level->rank;
    if (promotion) {
      for (const Prepared& p : plan->policy) applied.push_back(&p);
      cx.next_months = std::max(cx.next_months, NextMonths(plan->policy));
    }
  } else if (plan->track) {  // a track without levels: the transitions into it
    if (cx.current && cx.current->track != plan->track->id)
      for (const Plan::Into& into : plan->transitions)
        if (into.from == cx.current->track)
          for (const Prepared& p : into.requirements) applied.push_back(&p);
  } else {
    if (plan->need_check) applied.push_back(&plan->need);
    if (plan->level_check) applied.push_back(&plan->held);
  }

  v.requirements.resize(applied.size());
  for (size_t i = 0; i < applied.size(); ++i) {
    const Prepared& p = *applied[i];
    RequirementResult& r = v.requirements[i];
    r.text = p.text;  // assignments reuse the strings' storage
    r.kind = p.kind;
    r.source = p.source;
    r.status = RequirementStatus::kUnknown;
    r.reason.clear();
    r.records.clear();
    r.missing.clear();
    r.earliest = Date();
    r.waivers.clear();
    r.unwaived.reset();
    EvaluateRule(cx, p, r);
    ApplyWaivers(cx, p, r);
  }

  bool all = true;
  bool only_time = true;
  v.blocking.clear();
  v.earliest = Date();
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
  if (options.explain) {
    v.summary = Summarize(v);
  } else {
    v.summary.clear();
  }
  return Ok();
}

Result<Verdict> Evaluate(const Framework& framework, const Target& target, const Records& records,
                         Date at, const EvaluateOptions& options) {
  // One target only: a person's view prepares what that target asks, not the whole framework.
  Evaluator evaluator(framework, target);
  return evaluator.Evaluate(target, records, at, options);
}

}  // namespace ladder::rules
