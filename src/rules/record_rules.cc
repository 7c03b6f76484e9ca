// Rule kinds counted from a person's records: evidence_count (evidence of some kinds, possibly
// within a window), sme_skillsets (SME sign-offs in distinct skill sets) and metric (the latest
// value of a metric whose period is over).
#include <algorithm>

#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules::internal {
namespace {

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

// The kinds an evidence_count rule names: "talk", "talk|doc" or "talk, doc".
std::vector<std::string> KindsOf(const model::EvidenceCount& e) {
  std::string s = e.kind;
  std::replace(s.begin(), s.end(), ',', '|');
  std::vector<std::string> out;
  for (const std::string& part : text::Split(s, '|'))
    if (!text::Trim(part).empty()) out.push_back(CanonicalKind(part));
  return out;
}

// `needle` occurs in `hay`, ignoring ASCII case.
bool IContains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (IEq(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

}  // namespace

std::string CanonicalKind(std::string_view kind) {
  std::string k = text::ToLower(text::Trim(kind));
  return std::string(FoldSynonym(k));
}

void InternEvidenceKinds(Impl& im) {
  const model::Framework& fw = im.fw;
  auto add = [&](const std::vector<model::Requirement>& reqs) {
    for (const model::Requirement& r : reqs)
      if (const auto* e = std::get_if<model::EvidenceCount>(&r.rule))
        for (const std::string& kind : KindsOf(*e)) Impl::Intern(im.kinds, kind);
  };
  for (const model::Track& t : fw.tracks)
    for (const model::Level& l : t.levels) add(l.requirements);
  for (const model::OverlayRole& o : fw.overlays) add(o.requirements);
  for (const model::Transition& tr : fw.transitions) add(tr.requirements);
  add(fw.policy);
  im.role_kind = Impl::Intern(im.kinds, "role");
  im.sme_kind = Impl::Intern(im.kinds, "sme");
  for (size_t i = 0; i < im.kinds.size(); ++i) im.kind_ids.Add(im.kinds[i], static_cast<int>(i));
  for (const char* spelling :
       {"document", "documents", "docs", "presentation", "talks", "post-mortem", "postmortems",
        "post-mortems", "designs", "tickets", "projects"}) {
    int id = Impl::Find(im.kinds, FoldSynonym(spelling));
    if (id >= 0) im.kind_ids.Add(spelling, id);
  }
}

void PrepareKind::operator()(const model::EvidenceCount& e) const {
  std::vector<std::string> names;
  for (const std::string& k : KindsOf(e)) {
    p.kinds.push_back(Impl::Find(im.kinds, k));  // interned by InternEvidenceKinds
    names.push_back(KindPlural(k));
  }
  p.kinds_words = text::Join(names, " or ");
}

void PrepareKind::operator()(const model::SmeSkillsets&) const {}
void PrepareKind::operator()(const model::MetricThreshold&) const {}

void EvaluateKind::operator()(const model::EvidenceCount& rule) const {
  Date since = rule.within_months > 0 ? cx.at.AddMonths(-rule.within_months) : Date();
  std::vector<const model::Evidence*> found;
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
            [](const model::Evidence* a, const model::Evidence* b) { return a->date < b->date; });
  std::string window =
      rule.within_months > 0 ? " in the last " + Months(rule.within_months) : std::string();
  if (found.empty() && !cx.has_evidence) {
    r.status = RequirementStatus::kUnknown;
    r.reason =
        "no evidence recorded (" + std::to_string(rule.count) + " " + what + window + " required)";
    return;
  }
  for (const model::Evidence* e : found) r.records.push_back(e->id);
  r.status = n >= rule.count ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (n > rule.count) {
    r.reason =
        std::to_string(n) + " " + what + window + " (" + std::to_string(rule.count) + " required)";
  } else {
    r.reason = std::to_string(n) + " of " + std::to_string(rule.count) + " " + what + window;
  }
  if (!found.empty()) r.reason += ": " + ListEvidence(found);
}

void EvaluateKind::operator()(const model::SmeSkillsets& rule) const {
  std::string_view wanted = rule.skill;
  std::vector<std::string_view>& skills = cx.s.skills;
  skills.clear();
  std::vector<std::string> parts, claims;
  for (const EvidenceItem& item : cx.s.evidence) {
    if (item.kind != cx.im.sme_kind || item.date.empty() || item.date > cx.at) continue;
    const model::Evidence& e = *item.e;
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
void EvaluateKind::operator()(const model::MetricThreshold& rule) const {
  const model::Metric* latest = nullptr;
  const model::Metric* running = nullptr;  // a period not over on `at`
  for (const model::Metric* metric : cx.s.metrics) {
    const model::Metric& m = *metric;
    if (!IEq(m.name, rule.name)) continue;
    if (m.period_start.empty() || m.period_start > cx.at) continue;
    if (m.period_end.empty() || m.period_end >= cx.at) {
      if (!running || m.period_start > running->period_start) running = &m;
      continue;
    }
    if (!latest || m.period_end > latest->period_end) latest = &m;
  }
  std::string required = cx.explain ? " (at least " + Number(rule.at_least) + " required)" : "";
  if (!latest) {
    r.status = RequirementStatus::kUnknown;
    if (!cx.explain) return;
    r.reason = "no value of " + rule.name + " recorded" + required;
    if (running) {
      r.reason = "no value of " + rule.name + " for a period ended by " + DateText(cx.at) +
                 required + "; the period " + DateText(running->period_start) + " to " +
                 DateText(running->period_end) + " is not over";
      r.missing = "a value of " + rule.name + " for a period ended by " + DateText(cx.at);
    }
    return;
  }
  r.status = latest->value >= rule.at_least ? RequirementStatus::kMet : RequirementStatus::kNotMet;
  if (!cx.explain) return;
  r.records.push_back(latest->id);
  r.reason = rule.name + " was " + Number(latest->value) + " for " +
             DateText(latest->period_start) + " to " + DateText(latest->period_end) + required;
  if (running)
    r.reason += "; the period " + DateText(running->period_start) + " to " +
                DateText(running->period_end) + " is not over and does not count yet";
}

}  // namespace ladder::rules::internal
