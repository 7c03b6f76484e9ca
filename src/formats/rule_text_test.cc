#include "formats/rule_text.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

TEST(RuleText, CanonicalInlineForm) {
  EXPECT_EQ(RuleText(model::ManualRule{}), "manual");
  EXPECT_EQ(RuleText(model::TimeAtLevel{"1", 12}), "{time_at_level: {level: \"1\", months: 12}}");
  EXPECT_EQ(RuleText(model::TimeAtLevel{"ic/IC2", 6}),
            "{time_at_level: {level: ic/IC2, months: 6}}");
  EXPECT_EQ(RuleText(model::TimeAtLevel{"", 6}), "{time_at_level: {months: 6}}");
  EXPECT_EQ(RuleText(model::ConsistentPerformance{"", 12}),
            "{consistent_performance: {months: 12}}");
  EXPECT_EQ(RuleText(model::PerformingAtNext{3, true}), "{performing_at_next: {months: 3}}");
  EXPECT_EQ(RuleText(model::PerformingAtNext{3, false}),
            "{performing_at_next: {months: 3, all_competencies: false}}");
  EXPECT_EQ(RuleText(model::EvidenceCount{"talk", 3, 0}),
            "{evidence_count: {kind: talk, count: 3}}");
  EXPECT_EQ(RuleText(model::EvidenceCount{"talk", 3, 12}),
            "{evidence_count: {kind: talk, count: 3, within_months: 12}}");
  EXPECT_EQ(RuleText(model::TimeInRole{"tech-lead", 12}),
            "{time_in_role: {role: tech-lead, months: 12}}");
  EXPECT_EQ(RuleText(model::SmeSkillsets{2, ""}), "{sme_skillsets: {count: 2}}");
  EXPECT_EQ(RuleText(model::SmeSkillsets{1, "automation"}),
            "{sme_skillsets: {count: 1, skill: automation}}");
  EXPECT_EQ(RuleText(model::MetricThreshold{"resolved_without_assistance", 90}),
            "{metric: {name: resolved_without_assistance, at_least: 90}}");
  EXPECT_EQ(RuleText(model::MetricThreshold{"csat", 4.5}), "{metric: {name: csat, at_least: 4.5}}");
  EXPECT_EQ(RuleText(model::PeerReviewPassed{}), "{peer_review: passed}");
  EXPECT_EQ(RuleText(model::DocumentedNeed{}), "{documented_need: open}");
  EXPECT_EQ(RuleText(model::Approval{"leadership"}), "{approval: {by: leadership}}");
  EXPECT_EQ(RuleText(model::Approval{""}), "{approval: {}}");
}

TEST(RuleText, QuotesWhatYamlWouldMisread) {
  EXPECT_EQ(RuleText(model::Approval{"VP: engineering"}), "{approval: {by: \"VP: engineering\"}}");
  EXPECT_EQ(RuleText(model::Approval{"yes"}), "{approval: {by: \"yes\"}}");
  EXPECT_EQ(RuleText(model::Approval{"\"hi\""}), "{approval: {by: \"\\\"hi\\\"\"}}");
  EXPECT_EQ(RuleText(model::EvidenceCount{"talk, doc", 2, 0}),
            "{evidence_count: {kind: \"talk, doc\", count: 2}}");
  EXPECT_EQ(RuleText(model::TimeAtLevel{"2024.10", 6}),
            "{time_at_level: {level: \"2024.10\", months: 6}}");
  // Quoted only where YAML needs it, as WriteYaml does (rule_kinds_test checks they agree).
  EXPECT_EQ(RuleText(model::Approval{"say \"hi\""}), "{approval: {by: say \"hi\"}}");
}

}  // namespace
}  // namespace ladder::formats
