// Typed requirement rules (DESIGN.md §4): what a requirement sentence means in checkable terms.
// A Rule is a plain value; the rules/ layer evaluates it, analysis/ recognises it in prose and
// formats/ reads and writes it as `rule:` in the canonical YAML (docs/format.md, "Rules").
#pragma once

#include <string>
#include <variant>

namespace ladder::model {

// A sentence that no rule fits: a person signs it off.
struct ManualRule {
  friend bool operator==(const ManualRule&, const ManualRule&) = default;
};

// At least `months` at a level. `level` is a level code, a `track/code` reference, a rank
// number ("1": any level of that rank) or empty for "the person's current level".
// YAML: {time_at_level: {level: "1", months: 12}}
struct TimeAtLevel {
  std::string level;
  int months = 0;
  friend bool operator==(const TimeAtLevel&, const TimeAtLevel&) = default;
};

// Assessed as meeting (or exceeding) `level` (empty: current) in every competency for the last
// `months`. YAML: {consistent_performance: {months: 12}}
struct ConsistentPerformance {
  std::string level;
  int months = 0;
  friend bool operator==(const ConsistentPerformance&, const ConsistentPerformance&) = default;
};

// Assessed as performing at the target (next) level for the last `months`, in all competencies
// unless `all_competencies` is false (then in at least one).
// YAML: {performing_at_next: {months: 3, all_competencies: true}}
struct PerformingAtNext {
  int months = 0;
  bool all_competencies = true;
  friend bool operator==(const PerformingAtNext&, const PerformingAtNext&) = default;
};

// At least `count` evidence records of `kind` (talk, doc, postmortem, design, ticket, project,
// planning, mentoring, ...), optionally within the last `within_months`.
// YAML: {evidence_count: {kind: talk, count: 3}}
struct EvidenceCount {
  std::string kind;
  int count = 0;
  int within_months = 0;  // 0: any time
  friend bool operator==(const EvidenceCount&, const EvidenceCount&) = default;
};

// At least `months` in a role held as a period (evidence of kind "role" naming the role, or an
// overlay grant): "tech lead for 1+ year". YAML: {time_in_role: {role: tech-lead, months: 12}}
struct TimeInRole {
  std::string role;
  int months = 0;
  friend bool operator==(const TimeInRole&, const TimeInRole&) = default;
};

// Signed off as subject-matter expert in at least `count` skill sets (optionally a named
// `skill` such as "automation"). YAML: {sme_skillsets: {count: 2}}
struct SmeSkillsets {
  int count = 0;
  std::string skill;
  friend bool operator==(const SmeSkillsets&, const SmeSkillsets&) = default;
};

// A metric compared with a threshold over the latest period: "resolve 90% of support issues
// without assistance". YAML: {metric: {name: resolved_without_assistance, at_least: 90}}
struct MetricThreshold {
  std::string name;
  double at_least = 0;
  friend bool operator==(const MetricThreshold&, const MetricThreshold&) = default;
};

// A peer-review panel of the advancement review reached a positive consensus.
// YAML: {peer_review: passed}
struct PeerReviewPassed {
  friend bool operator==(const PeerReviewPassed&, const PeerReviewPassed&) = default;
};

// A documented need is open for the target role or level. YAML: {documented_need: open}
struct DocumentedNeed {
  friend bool operator==(const DocumentedNeed&, const DocumentedNeed&) = default;
};

// Someone holding `by` (manager, leadership, committee, ...) approved.
// YAML: {approval: {by: leadership}}
struct Approval {
  std::string by;
  friend bool operator==(const Approval&, const Approval&) = default;
};

using Rule = std::variant<ManualRule, TimeAtLevel, ConsistentPerformance, PerformingAtNext,
                          EvidenceCount, TimeInRole, SmeSkillsets, MetricThreshold,
                          PeerReviewPassed, DocumentedNeed, Approval>;

// The YAML key of the rule's kind: "manual", "time_at_level", ...
const char* RuleKindName(const Rule& rule);

}  // namespace ladder::model
