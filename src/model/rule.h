// Typed requirement rules (docs/rules.md): what a requirement sentence means in checkable terms.
// A Rule is a plain value; the rules/ layer evaluates it, analysis/ recognises it in prose and
// formats/ reads and writes it as `rule:` in the canonical YAML (docs/format.md, "Rules").
//
// Each kind is one struct that is also its own entry in the table of kinds:
//   kName    the key that names it in the canonical format ("time_at_level");
//   kParams  its parameters in the order they are written, each with its name, its member (the
//            member's type is the parameter's type: text, whole number, number or boolean) and
//            whether it is required. An optional parameter that is left out reads as the
//            member's default below, and a value equal to that default is left out on writing;
//   kWord    for a kind without parameters, the one word written after its key
//            (`{peer_review: passed}`); a kind with neither is written as its bare name (`manual`).
// formats/ reads and writes every kind from this table alone: the YAML and JSON readers,
// WriteYaml, WriteJson and RuleText (the one-line form of lint, diff and exports); storage keeps
// frameworks as the canonical JSON. The validator (model/validate.cc) and the eligibility engine
// (rules/) visit the variant with one overload per kind, so a kind added to `Rule` without its
// checks and its evaluation does not compile. src/README.md walks through adding a kind.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace ladder::model {

enum class Presence { kRequired, kOptional };

// One parameter of a rule kind. T is std::string, int, double or bool.
template <typename Kind, typename T>
struct Param {
  std::string_view name;
  T Kind::*member;
  Presence presence;
};
template <typename Kind, typename T>
Param(const char*, T Kind::*, Presence) -> Param<Kind, T>;

// A sentence that no rule fits: a person signs it off. YAML: manual
struct ManualRule {
  static constexpr std::string_view kName = "manual";
  static constexpr std::tuple<> kParams{};
  friend bool operator==(const ManualRule&, const ManualRule&) = default;
};

// At least `months` at a level. `level` is a level code, a `track/code` reference, a rank
// number ("1": any level of that rank) or empty for "the person's current level".
// YAML: {time_at_level: {level: "1", months: 12}}
struct TimeAtLevel {
  std::string level;
  int months = 0;
  static constexpr std::string_view kName = "time_at_level";
  static constexpr std::tuple kParams{Param{"level", &TimeAtLevel::level, Presence::kOptional},
                                      Param{"months", &TimeAtLevel::months, Presence::kRequired}};
  friend bool operator==(const TimeAtLevel&, const TimeAtLevel&) = default;
};

// Assessed as meeting (or exceeding) `level` (empty: current) in every competency for the last
// `months`. YAML: {consistent_performance: {months: 12}}
struct ConsistentPerformance {
  std::string level;
  int months = 0;
  static constexpr std::string_view kName = "consistent_performance";
  static constexpr std::tuple kParams{
      Param{"level", &ConsistentPerformance::level, Presence::kOptional},
      Param{"months", &ConsistentPerformance::months, Presence::kRequired}};
  friend bool operator==(const ConsistentPerformance&, const ConsistentPerformance&) = default;
};

// Assessed as performing at the target (next) level for the last `months`, in all competencies
// unless `all_competencies` is false (then in at least one).
// YAML: {performing_at_next: {months: 3, all_competencies: false}}
struct PerformingAtNext {
  int months = 0;
  bool all_competencies = true;
  static constexpr std::string_view kName = "performing_at_next";
  static constexpr std::tuple kParams{
      Param{"months", &PerformingAtNext::months, Presence::kRequired},
      Param{"all_competencies", &PerformingAtNext::all_competencies, Presence::kOptional}};
  friend bool operator==(const PerformingAtNext&, const PerformingAtNext&) = default;
};

// At least `count` evidence records of `kind` (talk, doc, postmortem, design, ticket, project,
// planning, mentoring, ...), optionally within the last `within_months` (0: any time).
// YAML: {evidence_count: {kind: talk, count: 3}}
struct EvidenceCount {
  std::string kind;
  int count = 0;
  int within_months = 0;
  static constexpr std::string_view kName = "evidence_count";
  static constexpr std::tuple kParams{
      Param{"kind", &EvidenceCount::kind, Presence::kRequired},
      Param{"count", &EvidenceCount::count, Presence::kRequired},
      Param{"within_months", &EvidenceCount::within_months, Presence::kOptional}};
  friend bool operator==(const EvidenceCount&, const EvidenceCount&) = default;
};

// At least `months` in a role held as a period (evidence of kind "role" naming the role, or an
// overlay grant): "tech lead for 1+ year". YAML: {time_in_role: {role: tech-lead, months: 12}}
struct TimeInRole {
  std::string role;
  int months = 0;
  static constexpr std::string_view kName = "time_in_role";
  static constexpr std::tuple kParams{Param{"role", &TimeInRole::role, Presence::kRequired},
                                      Param{"months", &TimeInRole::months, Presence::kRequired}};
  friend bool operator==(const TimeInRole&, const TimeInRole&) = default;
};

// Signed off as subject-matter expert in at least `count` skill sets (optionally a named
// `skill` such as "automation"). YAML: {sme_skillsets: {count: 2}}
struct SmeSkillsets {
  int count = 0;
  std::string skill;
  static constexpr std::string_view kName = "sme_skillsets";
  static constexpr std::tuple kParams{Param{"count", &SmeSkillsets::count, Presence::kRequired},
                                      Param{"skill", &SmeSkillsets::skill, Presence::kOptional}};
  friend bool operator==(const SmeSkillsets&, const SmeSkillsets&) = default;
};

// A metric compared with a threshold over the latest period: "resolve 90% of support issues
// without assistance". YAML: {metric: {name: resolved_without_assistance, at_least: 90}}
struct MetricThreshold {
  std::string name;
  double at_least = 0;
  static constexpr std::string_view kName = "metric";
  static constexpr std::tuple kParams{
      Param{"name", &MetricThreshold::name, Presence::kRequired},
      Param{"at_least", &MetricThreshold::at_least, Presence::kRequired}};
  friend bool operator==(const MetricThreshold&, const MetricThreshold&) = default;
};

// A peer-review panel of the advancement review reached a positive consensus.
// YAML: {peer_review: passed}
struct PeerReviewPassed {
  static constexpr std::string_view kName = "peer_review";
  static constexpr std::tuple<> kParams{};
  static constexpr std::string_view kWord = "passed";
  friend bool operator==(const PeerReviewPassed&, const PeerReviewPassed&) = default;
};

// A documented need is open for the target role or level. YAML: {documented_need: open}
struct DocumentedNeed {
  static constexpr std::string_view kName = "documented_need";
  static constexpr std::tuple<> kParams{};
  static constexpr std::string_view kWord = "open";
  friend bool operator==(const DocumentedNeed&, const DocumentedNeed&) = default;
};

// Someone holding `by` (manager, leadership, committee, ...) approved.
// YAML: {approval: {by: leadership}}
struct Approval {
  std::string by;
  static constexpr std::string_view kName = "approval";
  static constexpr std::tuple kParams{Param{"by", &Approval::by, Presence::kOptional}};
  friend bool operator==(const Approval&, const Approval&) = default;
};

using Rule = std::variant<ManualRule, TimeAtLevel, ConsistentPerformance, PerformingAtNext,
                          EvidenceCount, TimeInRole, SmeSkillsets, MetricThreshold,
                          PeerReviewPassed, DocumentedNeed, Approval>;

// The kinds written as a bare word (`manual`): neither parameters nor a word after the key.
template <typename Kind>
inline constexpr bool kBareKind = std::tuple_size_v<decltype(Kind::kParams)> == 0 && !requires {
  Kind::kWord;
};

// Calls f(std::type_identity<Kind>{}) for every kind, in the order of `Rule`.
template <typename F>
constexpr void ForEachRuleKind(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::type_identity<std::variant_alternative_t<I, Rule>>{}), ...);
  }
  (std::make_index_sequence<std::variant_size_v<Rule>>{});
}

// Calls f(param) for every parameter of `Kind`, in the order they are written.
template <typename Kind, typename F>
constexpr void ForEachParam(F&& f) {
  std::apply([&](const auto&... param) { (f(param), ...); }, Kind::kParams);
}

// The YAML key of the rule's kind: "manual", "time_at_level", ...
inline const char* RuleKindName(const Rule& rule) {
  return std::visit([](const auto& r) { return std::decay_t<decltype(r)>::kName.data(); }, rule);
}

// A visitor made of one lambda per alternative: std::visit(Overloaded{[](const A&) {...},
// [](const B&) {...}}, v) does not compile when an alternative has no lambda.
template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace ladder::model
