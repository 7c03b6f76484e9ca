#include "formats/rule_text.h"

#include <cstdio>
#include <type_traits>

namespace ladder::formats {
namespace {

// Plain scalars stay bare; anything YAML could read as another type or as syntax is quoted.
std::string Scalar(const std::string& s) {
  bool plain = !s.empty();
  bool all_digits = true;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '/' || c == '.' || c == ' ';
    if (!ok) plain = false;
    if (c < '0' || c > '9') all_digits = false;
  }
  if (plain && !all_digits && s.front() != ' ' && s.back() != ' ' && s.front() != '-' &&
      s != "true" && s != "false" && s != "null" && s != "yes" && s != "no")
    return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Number(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

}  // namespace

std::string RuleText(const model::Rule& rule) {
  return std::visit(
      [](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, model::ManualRule>) {
          return "manual";
        } else if constexpr (std::is_same_v<T, model::TimeAtLevel> ||
                             std::is_same_v<T, model::ConsistentPerformance>) {
          std::string body = r.level.empty() ? "" : "level: " + Scalar(r.level) + ", ";
          const char* key =
              std::is_same_v<T, model::TimeAtLevel> ? "time_at_level" : "consistent_performance";
          return std::string("{") + key + ": {" + body + "months: " + std::to_string(r.months) +
                 "}}";
        } else if constexpr (std::is_same_v<T, model::PerformingAtNext>) {
          return "{performing_at_next: {months: " + std::to_string(r.months) +
                 ", all_competencies: " + (r.all_competencies ? "true" : "false") + "}}";
        } else if constexpr (std::is_same_v<T, model::EvidenceCount>) {
          std::string out =
              "{evidence_count: {kind: " + Scalar(r.kind) + ", count: " + std::to_string(r.count);
          if (r.within_months > 0) out += ", within_months: " + std::to_string(r.within_months);
          return out + "}}";
        } else if constexpr (std::is_same_v<T, model::TimeInRole>) {
          return "{time_in_role: {role: " + Scalar(r.role) +
                 ", months: " + std::to_string(r.months) + "}}";
        } else if constexpr (std::is_same_v<T, model::SmeSkillsets>) {
          std::string out = "{sme_skillsets: {count: " + std::to_string(r.count);
          if (!r.skill.empty()) out += ", skill: " + Scalar(r.skill);
          return out + "}}";
        } else if constexpr (std::is_same_v<T, model::MetricThreshold>) {
          return "{metric: {name: " + Scalar(r.name) + ", at_least: " + Number(r.at_least) + "}}";
        } else if constexpr (std::is_same_v<T, model::PeerReviewPassed>) {
          return "{peer_review: passed}";
        } else if constexpr (std::is_same_v<T, model::DocumentedNeed>) {
          return "{documented_need: open}";
        } else {
          static_assert(std::is_same_v<T, model::Approval>);
          return "{approval: {by: " + Scalar(r.by) + "}}";
        }
      },
      rule);
}

}  // namespace ladder::formats
