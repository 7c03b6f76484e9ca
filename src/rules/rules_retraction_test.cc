// Records taken back (withdrawn or corrected, model::Retraction) count nowhere in eligibility,
// for any evaluation date; a correction counts in place of the record it corrects.
#include <gtest/gtest.h>

#include "rules/eligibility.h"

namespace ladder::rules {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

model::Requirement Req(std::string text, model::Rule rule) {
  return model::Requirement{std::move(text), rule, {}};
}

// One track of two levels; the upper one asks for a talk, a metric, a checkpoint and three
// months at the next level.
model::Framework Ladder() {
  model::Framework f;
  f.id = "eng";
  f.version = "1";
  f.competencies = {{"craft", "Craft", "", {}}};
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  model::Level l1;
  l1.code = "E1";
  l1.rank = 1;
  l1.title = "Engineer";
  l1.expectations.emplace_back();
  l1.expectations.back().competency = "craft";
  model::Level l2;
  l2.code = "E2";
  l2.rank = 2;
  l2.title = "Senior Engineer";
  l2.expectations = l1.expectations;
  l2.requirements = {Req("One talk", model::EvidenceCount{"talk", 1, 0}),
                     Req("Uptime of 99", model::MetricThreshold{"uptime", 99}),
                     Req("Runs an incident review", model::ManualRule{}),
                     Req("3 months at the next level", model::PerformingAtNext{3, true})};
  t.levels = {l1, l2};
  f.tracks = {t};
  return f;
}

model::Retraction Withdrawn() {
  return {"m1", D("2026-05-01"), "entered for the wrong person", ""};
}

model::Assessment Rated(std::string id, const char* start, const char* end, model::Rating r) {
  model::Assessment a;
  a.id = std::move(id);
  a.person = "p1";
  a.assessor = "m1";
  a.role = model::AssessorRole::kManager;
  a.period_start = D(start);
  a.period_end = D(end);
  a.competency = "craft";
  a.rating = r;
  a.framework = "eng";
  a.version = "1";
  a.level = "E1";
  return a;
}

// Met on every count: a talk, a metric of 99.5, the checkpoint signed off, three months rated
// at the next level.
Records AllMet() {
  Records r;
  r.person = "p1";
  model::Assignment a;
  a.id = "a1";
  a.person = "p1";
  a.framework = "eng";
  a.version = "1";
  a.track = "ic";
  a.level = "E1";
  a.from = D("2025-01-01");
  r.assignments = {a};
  model::Evidence talk;
  talk.id = "ev-1";
  talk.person = "p1";
  talk.kind = "talk";
  talk.title = "Caching at scale";
  talk.date = D("2026-02-10");
  r.evidence = {talk};
  r.metrics = {{"me-1", "p1", "uptime", D("2026-01-01"), D("2026-03-31"), 99.5}};
  r.signoffs = {{"so-1", "p1", "Runs an incident review", "m1", D("2026-03-01"), ""}};
  r.assessments = {Rated("at-1", "2026-01-01", "2026-03-31", model::Rating::kNext)};
  return r;
}

RequirementStatus StatusOf(const Verdict& v, std::string_view text) {
  for (const RequirementResult& r : v.requirements)
    if (r.text == text) return r.status;
  ADD_FAILURE() << "no requirement " << text;
  return RequirementStatus::kUnknown;
}

Verdict Eval(const Records& r, bool explain = true) {
  Result<Verdict> v = Evaluate(Ladder(), Target::Level("ic", "E2"), r, D("2026-04-15"),
                               EvaluateOptions{.explain = explain});
  EXPECT_TRUE(v.has_value()) << (v ? "" : v.error().ToString());
  return v ? *v : Verdict{};
}

TEST(Retraction, EveryRecordStandingMeetsEveryRequirement) {
  Verdict v = Eval(AllMet());
  EXPECT_EQ(StatusOf(v, "One talk"), RequirementStatus::kMet);
  EXPECT_EQ(StatusOf(v, "Uptime of 99"), RequirementStatus::kMet);
  EXPECT_EQ(StatusOf(v, "Runs an incident review"), RequirementStatus::kSignedOff);
  EXPECT_EQ(StatusOf(v, "3 months at the next level"), RequirementStatus::kMet);
}

TEST(Retraction, WithdrawnRecordsCountNowhereWhateverTheDate) {
  Records r = AllMet();
  r.evidence[0].retraction = Withdrawn();
  r.metrics[0].retraction = Withdrawn();
  r.signoffs[0].retraction = Withdrawn();
  r.assessments[0].retraction = Withdrawn();
  for (bool explain : {true, false}) {
    // Evaluated on 2026-04-15, before the withdrawal of 2026-05-01: the records were wrong from
    // the start.
    Verdict v = Eval(r, explain);
    EXPECT_NE(StatusOf(v, "One talk"), RequirementStatus::kMet) << explain;
    EXPECT_EQ(StatusOf(v, "Uptime of 99"), RequirementStatus::kUnknown) << explain;
    EXPECT_EQ(StatusOf(v, "Runs an incident review"), RequirementStatus::kAwaitingSignOff)
        << explain;
    EXPECT_NE(StatusOf(v, "3 months at the next level"), RequirementStatus::kMet) << explain;
    EXPECT_NE(v.overall, Overall::kEligible);
  }
}

TEST(Retraction, ACorrectionCountsInPlaceOfTheRecordItCorrects) {
  Records r = AllMet();
  // The metric was 95, not 99.5; the quarter was meeting, not next.
  model::Metric fixed = r.metrics[0];
  fixed.id = "me-2";
  fixed.value = 95;
  fixed.corrects = "me-1";
  r.metrics[0].retraction = model::Retraction{"m1", D("2026-05-01"), "typo", "me-2"};
  r.metrics.push_back(fixed);
  model::Assessment rerated = Rated("at-2", "2026-01-01", "2026-03-31", model::Rating::kMeeting);
  rerated.corrects = "at-1";
  r.assessments[0].retraction = model::Retraction{"m1", D("2026-05-01"), "misread", "at-2"};
  r.assessments.push_back(rerated);
  Verdict v = Eval(r);
  EXPECT_EQ(StatusOf(v, "Uptime of 99"), RequirementStatus::kNotMet);
  EXPECT_EQ(StatusOf(v, "3 months at the next level"), RequirementStatus::kNotMet);
  for (const RequirementResult& req : v.requirements)
    for (const std::string& id : req.records) {
      EXPECT_NE(id, "me-1");
      EXPECT_NE(id, "at-1");
    }
}

}  // namespace
}  // namespace ladder::rules
