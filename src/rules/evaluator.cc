// The prepared Evaluator: what each target of a framework version asks, resolved once
// (Evaluator::Impl), and one evaluation of one person: the requirements that apply in the order
// a reader expects, each evaluated by its kind and then its waivers, and the overall verdict.
#include <algorithm>

#include "base/metrics.h"
#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules {

using model::Framework;
using model::Level;
using model::Requirement;
using model::Track;
using namespace internal;

namespace {

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

}  // namespace

void Impl::Compile(Prepared& p, const Requirement* req, std::string source,
                   const Track* target_track) {
  p.source = std::move(source);
  if (req) {
    p.rule = &req->rule;
    p.text = req->text;
    p.kind = model::RuleKindName(req->rule);
  }
  p.key = NormalizeSentence(p.text);
  if (req) std::visit(PrepareKind{*this, p, target_track}, req->rule);
}

void Impl::CompileAll(std::vector<Prepared>& out, const std::vector<Requirement>& requirements,
                      const std::string& source, const Track* target_track) {
  out.resize(requirements.size());
  for (size_t i = 0; i < requirements.size(); ++i)
    Compile(out[i], &requirements[i], source, target_track);
}

// The transitions into `t`'s track, from each other track.
void Impl::BuildTransitions(Plan& plan, const Track* t) {
  for (const model::Transition& tr : fw.transitions) {
    if (tr.to != t->id) continue;
    Plan::Into into{tr.from, {}};
    CompileAll(into.requirements, tr.requirements, "transition " + tr.from + " -> " + tr.to, t);
    plan.transitions.push_back(std::move(into));
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
  plan.title = LevelLabel(*l) + " on " + t->DisplayName();
  CompileAll(plan.own, l->requirements, "level " + l->code, t);
  BuildTransitions(plan, t);
  CompileAll(plan.policy, fw.policy, "policy", t);
  plan.ready = true;
}

// A track whose levels the framework does not describe (003: "CEs Transitioning to CE
// Management"): what moving there asks is its transitions' requirements.
void Impl::BuildTrackPlan(size_t index) {
  Plan& plan = track_plans[index];
  if (plan.ready) return;
  const Track* t = &fw.tracks[index];
  plan.track = t;
  plan.title =
      t->DisplayName() + " (" + t->id + ", a track whose levels the framework does not describe)";
  BuildTransitions(plan, t);
  plan.ready = true;
}

void Impl::BuildOverlayPlan(size_t index) {
  Plan& plan = overlay_plans[index];
  if (plan.ready) return;
  const model::OverlayRole& o = fw.overlays[index];
  plan.overlay = &o;
  plan.title = o.DisplayName() + " (overlay role)";
  CompileAll(plan.own, o.requirements, "overlay " + o.id, nullptr);
  bool has_need_rule = std::any_of(
      o.requirements.begin(), o.requirements.end(),
      [](const Requirement& r) { return std::holds_alternative<model::DocumentedNeed>(r.rule); });
  if (o.needs_documented_need && !has_need_rule) {
    plan.need_check = true;
    plan.need.text = "Documented need for " + o.DisplayName();
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

// Competencies, level codes and evidence kinds as small integers, and the maps that find them.
void Impl::InternIds() {
  for (const model::Competency& c : fw.competencies) {
    Intern(competencies, c.id);
    competency_names.push_back(c.DisplayName());
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
  InternEvidenceKinds(*this);
  for (size_t i = 0; i < competencies.size(); ++i)
    competency_ids.Add(competencies[i], static_cast<int>(i));
  for (size_t i = 0; i < codes.size(); ++i) code_ids.Add(codes[i], static_cast<int>(i));
}

void Impl::BuildLevels() {
  for (const Track& t : fw.tracks) {
    track_offset.push_back(levels.size());
    for (const Level& l : t.levels) {
      LevelInfo info;
      info.track = &t;
      info.level = &l;
      info.code = Find(codes, l.code);
      info.rank = l.rank;
      if (code_ranks.size() < codes.size()) code_ranks.resize(codes.size(), -1);
      if (code_ranks[static_cast<size_t>(info.code)] < 0)
        code_ranks[static_cast<size_t>(info.code)] = l.rank;
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
}

void Impl::Prepare(const Target* only) {
  InternIds();
  BuildLevels();
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

void EvaluateRequirement(const Context& cx, const Prepared& p, RequirementResult& r) {
  if (!p.rule) {  // a check the framework implies
    if (p.kind == "documented_need") {
      DocumentedNeedCheck(cx, r);
    } else {
      OverlayLevelCheck(cx, *cx.plan.overlay, r);
    }
    return;
  }
  std::visit(EvaluateKind{cx, p, r}, *p.rule);
}

// True when `a` and `b` check the same thing: the same sentence, or the same rule checked from
// records (a framework may ask for a successful peer review at each level and again in its
// prose, which becomes policy). Manual checkpoints and approvals are signed off by their sentence,
// so two of them with different sentences are two checks.
bool SameCheck(const Prepared& a, const Prepared& b) {
  if (a.key == b.key) return true;
  if (!a.rule || !b.rule || !(*a.rule == *b.rule)) return false;
  return !std::holds_alternative<model::ManualRule>(*a.rule) &&
         !std::holds_alternative<model::Approval>(*a.rule);
}

// Adds `p` unless a requirement already applied checks the same: the verdict lists it once, as
// the first source states it (the target's own before the transition's and the policy's).
void Apply(std::vector<const Prepared*>& applied, const Prepared& p) {
  for (const Prepared* q : applied)
    if (SameCheck(*q, p)) return;
  applied.push_back(&p);
}

// The requirements that apply, in the order a reader expects: the target's own, then the
// transition's, then the framework's policy; for an overlay, the checks it implies last. A
// requirement that repeats one before it is listed once (SameCheck).
void Applicable(Context& cx, std::vector<const Prepared*>& applied) {
  const Plan& plan = cx.plan;
  applied.clear();
  for (const Prepared& p : plan.own) Apply(applied, p);
  cx.next_months = NextMonths(plan.own);
  auto transitions = [&](bool count_next) {
    if (!cx.current) return;
    for (const Plan::Into& into : plan.transitions)
      if (into.from == cx.current->track) {
        for (const Prepared& p : into.requirements) Apply(applied, p);
        if (count_next) cx.next_months = std::max(cx.next_months, NextMonths(into.requirements));
      }
  };
  if (const LevelInfo* target_level = cx.target_level) {
    if (cx.current && cx.current->track != target_level->track->id) transitions(true);
    bool promotion = !cx.current_level || target_level->level->rank > cx.current_level->level->rank;
    if (promotion) {
      for (const Prepared& p : plan.policy) Apply(applied, p);
      cx.next_months = std::max(cx.next_months, NextMonths(plan.policy));
    }
  } else if (plan.track) {  // a track without levels: the transitions into it
    if (cx.current && cx.current->track != plan.track->id) transitions(false);
  } else {
    if (plan.need_check) applied.push_back(&plan.need);
    if (plan.level_check) applied.push_back(&plan.held);
  }
}

// The overall verdict from the requirements' statuses.
void Conclude(Verdict& v, bool undefined_target) {
  if (undefined_target || v.requirements.empty()) {
    v.overall = undefined_target ? Overall::kUndefinedTarget : Overall::kNothingChecked;
    v.blocking.clear();
    v.earliest = Date();
    return;
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
}

}  // namespace

bool PermitsPromotion(Overall o) {
  return o == Overall::kEligible || o == Overall::kNothingChecked;
}

bool Satisfied(RequirementStatus s) {
  return s == RequirementStatus::kMet || s == RequirementStatus::kWaived ||
         s == RequirementStatus::kSignedOff;
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
  metrics::CountEvaluation();
  const Impl& im = *impl_;
  const Framework& fw = im.fw;
  if (at.empty()) return MakeError(ErrorCode::kInvalidArgument, "no evaluation date given");
  const LevelInfo* target_level = nullptr;
  LADDER_TRY(const Plan* plan, PlanFor(im, target, &target_level));

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

  std::vector<const Prepared*>& applied = scratch.applied;
  Applicable(cx, applied);
  // A level the framework leaves undefined asks nothing that could be met: nobody is eligible.
  bool undefined = target_level && target_level->level->state == model::LevelState::kUndefined;
  if (undefined) applied.clear();
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
    r.reading.clear();
    r.unwaivable.clear();
    EvaluateRequirement(cx, p, r);
    ApplyWaivers(cx, p, r);
  }
  Conclude(v, undefined);
  if (options.explain) {
    v.summary = Summarize(v, undefined ? std::string_view(target_level->level->note) : "");
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
