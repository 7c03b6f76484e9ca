// Unit tests of the review use cases on an in-memory SQLite store: people import (all or
// nothing, cycles), the case state machine, panel-only votes, deciding once, authority.
#include <gtest/gtest.h>

#include <cmath>

#include "app/people_import.h"
#include "app/review.h"

namespace ladder::app {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

model::Framework Ladder() {
  model::Framework f;
  f.id = "fw";
  f.version = "1";
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  model::Level l1;
  l1.code = "L1";
  l1.rank = 1;
  l1.title = "One";
  model::Level l2;
  l2.code = "L2";
  l2.rank = 2;
  l2.title = "Two";
  l2.requirements = {{"A year at L1", model::TimeAtLevel{"L1", 12}, {}},
                     {"Peer review passed", model::PeerReviewPassed{}, {}}};
  t.levels = {l1, l2};
  f.tracks = {t};
  return f;
}

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->SaveDraft("test", Ladder()));
    ASSERT_TRUE(store_->Publish("test", "fw", "1"));
  }
  PeopleImportReport Import(const std::string& csv) {
    auto r = ImportPeople(*store_, "test", csv, "people.csv");
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : PeopleImportReport{};
  }
  std::unique_ptr<storage::Store> store_;
};

constexpr const char* kHeader = "id,name,email,manager,framework,track,level,since\n";

TEST_F(ReviewTest, ImportIsAllOrNothing) {
  PeopleImportReport r = Import(std::string(kHeader) +
                                "b,Boss,b@x.org,,fw,ic,L2,2020-01-01\n"
                                "e,Emp,e@x.org,b,fw,ic,L3,2024-01-01\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString(),
            "people.csv:3:7: level: no level 'L3' in track ic of fw; did you mean L1?");
  EXPECT_FALSE(store_->GetPerson("b"));  // the good row was not stored either
  r = Import(std::string(kHeader) + "b,Boss,b@x.org,,fw,ic,L2,2020-01-01\n" +
             "e,Emp,e@x.org,b,fw,ic,L1,2024-01-01\n");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.people, 2);
  EXPECT_TRUE(store_->GetPerson("e"));
}

TEST_F(ReviewTest, ImportRejectsCyclesAndOverlaps) {
  PeopleImportReport r = Import(std::string(kHeader) + "a,A,,b,fw,ic,L1,2024-01-01\n" +
                                "b,B,,a,fw,ic,L1,2024-01-01\n");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].message.find("a management cycle: a -> b -> a"), std::string::npos);
  r = Import(
      "id,name,email,manager,framework,track,level,since,until\n"
      "a,A,,,fw,ic,L1,2024-01-01,2024-08-01\n"
      "a,,,,fw,ic,L2,2024-06-01,\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("overlaps the next period of a"), std::string::npos);
}

TEST_F(ReviewTest, HistoryRowsAndReimport) {
  std::string csv =
      std::string(kHeader) + "a,A,,,fw,ic,L2,2025-01-01\n" + "a,,,,fw,ic,L1,2023-01-01\n";
  EXPECT_EQ(Import(csv).assignments, 2);
  EXPECT_EQ(Import(csv).assignments, 2);
  auto history = store_->ListAssignments("a");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].level, "L1");
  EXPECT_EQ((*history)[0].to, D("2025-01-01"));
  EXPECT_TRUE((*history)[1].to.empty());
}

TEST_F(ReviewTest, CaseStateMachineVotesAndDecision) {
  Import(std::string(kHeader) + "m,M,,,fw,ic,L2,2020-01-01\n" + "r,R,,m,fw,ic,L2,2020-01-01\n" +
         "e,E,,m,fw,ic,L1,2024-01-01\n");
  ReviewService s(*store_, "test");
  auto c = s.OpenCase("e", "next", "e", D("2025-02-01"), "c1");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->target_level, "L2");
  EXPECT_EQ(s.OpenCase("e", "next", "r", D("2025-02-01")).error().code,
            ErrorCode::kPermissionDenied);  // a peer cannot open it
  EXPECT_EQ(s.Move("c1", model::CaseStatus::kDecision, "m", D("2025-02-01")).error().code,
            ErrorCode::kConflict);
  ASSERT_TRUE(s.Move("c1", model::CaseStatus::kPortfolio, "m", D("2025-02-01")));
  EXPECT_EQ(s.Move("c1", model::CaseStatus::kPeerReview, "m", D("2025-02-01")).error().code,
            ErrorCode::kFailedPrecondition);  // no panel yet
  ASSERT_TRUE(s.SetPanel("c1", {"r"}, "m", D("2025-02-02")));
  ASSERT_TRUE(s.Move("c1", model::CaseStatus::kPeerReview, "m", D("2025-02-02")));
  auto outsider = s.Vote("c1", {"m", model::VoteChoice::kFor, "", D("2025-02-03")});
  EXPECT_EQ(outsider.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(store_->GetCase("c1")->votes.empty());
  ASSERT_TRUE(s.Vote("c1", {"r", model::VoteChoice::kFor, "", D("2025-02-03")}));
  ASSERT_TRUE(s.Move("c1", model::CaseStatus::kDecision, "m", D("2025-02-04")));
  auto decided = s.Decide("c1", model::Outcome::kPromoted, D("2025-03-01"), "m", "");
  ASSERT_TRUE(decided) << decided.error().ToString();
  EXPECT_EQ(decided->review.status, model::CaseStatus::kClosed);
  auto history = store_->ListAssignments("e");
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].to, D("2025-03-01"));
  EXPECT_EQ((*history)[1].level, "L2");
  auto again = s.Decide("c1", model::Outcome::kNotPromoted, D("2025-04-01"), "m", "");
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListAssignments("e")->size(), 2u);
  // Every write is audited.
  auto audit = store_->ListAudit({"", "", "case.", 0, 0});
  ASSERT_TRUE(audit);
  EXPECT_GE(audit->size(), 6u);
}

TEST_F(ReviewTest, WaiversNeedAuthority) {
  // d leads m, who manages r and e: leadership above e's own manager waives (the default
  // policy); e's own manager does not, alone.
  Import(std::string(kHeader) + "d,D,,,fw,ic,L2,2020-01-01\n" + "m,M,,d,fw,ic,L2,2020-01-01\n" +
         "r,R,,m,fw,ic,L2,2020-01-01\n" + "e,E,,m,fw,ic,L1,2024-06-01\n");
  ReviewService s(*store_, "test");
  ASSERT_TRUE(s.OpenCase("e", "L2", "m", D("2025-01-01"), "c1"));
  for (const char* by : {"r", "m", "e"})
    EXPECT_EQ(
        s.Waive("c1", "A year at L1", by, "urgent", D("2025-01-02"), D("2025-06-01")).error().code,
        ErrorCode::kPermissionDenied)
        << by;
  EXPECT_EQ(s.Waive("c1", "A year at L9", "d", "urgent", D("2025-01-02"), {}).error().code,
            ErrorCode::kNotFound);
  auto w = s.Waive("c1", "a year at l1.", "d", "urgent", D("2025-01-02"), D("2025-06-01"));
  ASSERT_TRUE(w) << w.error().ToString();
  EXPECT_EQ(w->requirement, "A year at L1");
  auto v = s.Eligibility("e", "L2", D("2025-01-03"));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->requirements[0].status, rules::RequirementStatus::kWaived);
  // Revoked by leadership with a reason, once; the waiver is kept and no longer counts.
  EXPECT_EQ(s.RevokeWaiver(w->id, "m", "met", D("2025-02-01")).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(s.RevokeWaiver(w->id, "d", " ", D("2025-02-01")).error().code,
            ErrorCode::kInvalidArgument);
  auto revoked = s.RevokeWaiver(w->id, "d", "the need was met", D("2025-02-01"));
  ASSERT_TRUE(revoked) << revoked.error().ToString();
  EXPECT_EQ(revoked->revoked_by, "d");
  EXPECT_EQ(s.RevokeWaiver(w->id, "d", "again", D("2025-02-02")).error().code,
            ErrorCode::kConflict);
  v = s.Eligibility("e", "L2", D("2025-02-01"));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->requirements[0].status, rules::RequirementStatus::kNotMet);
  EXPECT_EQ(s.Waivers("e")->size(), 1u);
  // Outside a review, for the next level by default.
  auto outside = s.WaiveFor("e", "", "A year at L1", "d", "again urgent", D("2025-02-03"), {});
  ASSERT_TRUE(outside) << outside.error().ToString();
  EXPECT_TRUE(outside->case_id.empty());
  EXPECT_EQ(s.Waivers("e")->size(), 2u);
}

TEST_F(ReviewTest, MetricValuesAreCheckedBeforeTheyAreStored) {
  Import(std::string(kHeader) + "m,M,,,fw,ic,L2,2020-01-01\n");
  ReviewService s(*store_, "test");
  model::Metric m{"", "m", "resolved", D("2026-01-01"), D("2026-03-31"), 91};
  model::Metric nobody = m;
  nobody.person = "ghost";
  Result<std::string> r = s.AddMetric(nobody);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().field, "person");
  model::Metric backwards = m;
  backwards.period_end = D("2025-12-31");
  r = s.AddMetric(backwards);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "period");
  EXPECT_EQ(r.error().message, "the period ends on 2025-12-31, before it starts on 2026-01-01");
  model::Metric unnamed = m;
  unnamed.name = " ";
  EXPECT_EQ(s.AddMetric(unnamed).error().field, "name");
  model::Metric nan = m;
  nan.value = std::nan("");
  EXPECT_EQ(s.AddMetric(nan).error().field, "value");
  auto stored = store_->ListMetrics("m");
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->empty());  // nothing stored by the refused calls
  ASSERT_TRUE(s.AddMetric(m));
  stored = store_->ListMetrics("m");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].value, 91);
}

TEST_F(ReviewTest, ASecondRatingOfAPeriodSupersedesTheFirst) {
  // The framework version the people hold names a competency.
  model::Framework f = Ladder();
  f.version = "2";
  f.competencies = {{"c", "C", "", {}}};
  ASSERT_TRUE(store_->SaveDraft("test", f));
  ASSERT_TRUE(store_->Publish("test", "fw", "2"));
  Import(std::string(kHeader) + "m,M,,,fw,ic,L2,2020-01-01\n" + "n,N,,,fw,ic,L2,2020-01-01\n" +
         "e,E,,m,fw,ic,L1,2024-06-01\n");
  ReviewService s(*store_, "test");
  model::Assessment a;
  a.person = "e";
  a.assessor = "m";
  a.role = model::AssessorRole::kManager;
  a.period_start = D("2025-01-01");
  a.period_end = D("2025-03-31");
  a.competency = "c";
  std::string replaced = "unchanged";
  auto first = s.Assess(a, &replaced);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(replaced, "unchanged");  // nothing to supersede
  a.rating = model::Rating::kNext;
  std::string superseded;
  auto second = s.Assess(a, &superseded);
  ASSERT_TRUE(second) << second.error().ToString();
  EXPECT_EQ(superseded, *first);
  // A third rating replaces the one in force, the second.
  a.rating = model::Rating::kBelow;
  auto third = s.Assess(a, &superseded);
  ASSERT_TRUE(third);
  EXPECT_EQ(superseded, *second);
  // Another level, another assessor or another period: no replacement.
  model::Assessment other = a;
  other.level = "L2";
  superseded.clear();
  ASSERT_TRUE(s.Assess(other, &superseded));
  EXPECT_EQ(superseded, "");
  other = a;
  other.period_end = D("2025-02-28");
  ASSERT_TRUE(s.Assess(other, &superseded));
  EXPECT_EQ(superseded, "");
  // Nothing is deleted; the later records name the earlier ones, and the log says so.
  auto stored = store_->ListAssessments("e");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->size(), 5u);
  for (const model::Assessment& x : *stored) {
    if (x.id == *third) {
      EXPECT_EQ(x.supersedes, *second);
    }
  }
  auto audit = store_->ListAudit({"", "assessment:" + *third, "assessment.", 0, 0});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "assessment.supersede");
  EXPECT_NE((*audit)[0].after.find(*second), std::string::npos) << (*audit)[0].after;
  audit = store_->ListAudit({"", "assessment:" + *first, "assessment.", 0, 0});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "assessment.create");
}

TEST_F(ReviewTest, NoReviewTowardsAnUndefinedLevel) {
  model::Framework f = Ladder();
  f.version = "2";
  f.tracks[0].levels[1].state = model::LevelState::kUndefined;
  f.tracks[0].levels[1].note = "Not currently defined";
  ASSERT_TRUE(store_->SaveDraft("test", f));
  ASSERT_TRUE(store_->Publish("test", "fw", "2"));
  Import(std::string(kHeader) + "m,M,,,fw,ic,L2,2020-01-01\n" + "e,E,,m,fw,ic,L1,2024-06-01\n");
  ReviewService s(*store_, "test");
  auto v = s.Eligibility("e", "next", D("2026-01-01"));
  ASSERT_TRUE(v) << v.error().ToString();
  EXPECT_EQ(v->overall, rules::Overall::kUndefinedTarget);
  auto c = s.OpenCase("e", "L2", "m", D("2026-01-01"), "c1");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(c.error().field, "target");
  EXPECT_EQ(c.error().message,
            "ic/L2 is not defined in fw 2 (Not currently defined); a review cannot aim at a level "
            "the framework leaves undefined");
  EXPECT_TRUE(store_->ListCases("e")->empty());
}

}  // namespace
}  // namespace ladder::app
