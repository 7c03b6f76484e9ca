// The storage contract of review cycles (store.h, "Review cycles"), on every backend: a cycle
// opens with its candidates in one transaction, two open cycles never share a person, a closed
// cycle never changes, cases name their cycle, and everyone's records read in chunks are the
// records read one person at a time.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>

#include "storage/store.h"
#include "storage/testing/store_fixture.h"

namespace ladder::storage {
namespace {

using testing::kPostgres;
using testing::kSqliteFile;
using testing::kSqliteMemory;

model::Cycle MakeCycle(const std::string& id) {
  model::Cycle c;
  c.id = id;
  c.name = "Cycle " + id;
  c.frameworks = {"eng"};
  c.evaluation = Date(2027, 1, 1);
  Date d(2027, 1, 15);
  for (model::CyclePhase p : model::kCyclePhases) {
    c.phases.push_back({p, d});
    d = d.AddDays(14);
  }
  c.opened_by = "hr";
  c.opened = Date(2026, 12, 1);
  return c;
}

model::Candidate MakeCandidate(const std::string& cycle, const std::string& person) {
  model::Candidate k;
  k.cycle = cycle;
  k.person = person;
  k.name = "Name " + person;
  k.framework = "eng";
  k.version = "1";
  k.track = "ic";
  k.level = "IC1";
  k.target_track = "ic";
  k.target_level = "IC2";
  k.target_label = "IC2 · Engineer";
  k.target_rank = 2;
  k.readiness = model::Readiness::kClose;
  k.earliest = Date(2027, 2, 1);
  k.reasons = {"A year at IC1 (earliest on 2027-02-01)"};
  return k;
}

class CycleStore : public testing::StoreOnBackend {
 protected:
  void SetUp() override {
    StoreOnBackend::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    for (const char* id : {"a", "b", "c", "d"})
      ASSERT_TRUE(store_->SavePerson("hr", {id, std::string("Name ") + id, "", "", {}}));
  }
};

TEST_P(CycleStore, OpensWithItsCandidatesAndReadsThemBack) {
  model::Cycle c = MakeCycle("h1");
  ASSERT_TRUE(store_->OpenCycle("hr", c, {MakeCandidate("h1", "b"), MakeCandidate("h1", "a")}));
  EXPECT_EQ(*store_->GetCycle("h1"), c);
  auto all = store_->ListCandidates("h1");
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0), MakeCandidate("h1", "a"));  // by person id
  EXPECT_EQ(store_->ListCandidates("h1", "c").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListCandidates("none").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->OpenCycle("hr", c, {}).error().code, ErrorCode::kAlreadyExists);
  auto audit = store_->ListAudit({});
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->back().action, "cycle.open");
}

TEST_P(CycleStore, AnOpenCycleHoldsItsPeopleAlone) {
  ASSERT_TRUE(store_->OpenCycle("hr", MakeCycle("h1"), {MakeCandidate("h1", "a")}));
  Status overlap = store_->OpenCycle("hr", MakeCycle("h2"),
                                     {MakeCandidate("h2", "b"), MakeCandidate("h2", "a")});
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, ErrorCode::kConflict);
  EXPECT_NE(overlap.error().message.find("h1: a is in both"), std::string::npos)
      << overlap.error().message;
  // Nothing of the refused cycle was stored.
  EXPECT_EQ(store_->GetCycle("h2").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListCycles()->size(), 1u);
  // Other people may be in another cycle at once.
  EXPECT_TRUE(store_->OpenCycle("hr", MakeCycle("h3"), {MakeCandidate("h3", "c")}));
}

TEST_P(CycleStore, ACandidateIsAStoredPersonOfThatCycle) {
  Status unknown = store_->OpenCycle("hr", MakeCycle("h1"), {MakeCandidate("h1", "zz")});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->GetCycle("h1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->OpenCycle("hr", MakeCycle("h1"), {MakeCandidate("other", "a")}).error().code,
            ErrorCode::kInvalidArgument);
  model::Cycle bad = MakeCycle("h1");
  std::swap(bad.phases[1], bad.phases[2]);
  Status invalid = store_->OpenCycle("hr", bad, {});
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().field, "cycle.phases[1].phase");
}

TEST_P(CycleStore, AClosedCycleNeverChanges) {
  ASSERT_TRUE(store_->OpenCycle("hr", MakeCycle("h1"), {MakeCandidate("h1", "a")}));
  model::Candidate nominated = MakeCandidate("h1", "a");
  nominated.nominated_by = "hr";
  nominated.nominated = Date(2026, 12, 2);
  ASSERT_TRUE(store_->SaveCandidates("hr", {nominated}));
  EXPECT_EQ(store_->ListCandidates("h1", "a")->front(), nominated);
  EXPECT_EQ(store_->SaveCandidates("hr", {MakeCandidate("h1", "b")}).error().code,
            ErrorCode::kNotFound);
  model::Cycle closed = MakeCycle("h1");
  closed.status = model::CycleStatus::kClosed;
  closed.closed = Date(2027, 4, 1);
  model::Candidate outcome = nominated;
  outcome.outcome = "undecided";
  ASSERT_TRUE(store_->SaveCycle("hr", closed, {outcome}));
  EXPECT_EQ(store_->ListCandidates("h1", "a")->front().outcome, "undecided");
  EXPECT_EQ(store_->SaveCycle("hr", closed).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->SaveCandidates("hr", {nominated}).error().code, ErrorCode::kConflict);
  // Its people are free for the next cycle.
  EXPECT_TRUE(store_->OpenCycle("hr", MakeCycle("h2"), {MakeCandidate("h2", "a")}));
  auto listed = store_->ListCycles();
  ASSERT_EQ(listed->size(), 2u);
}

TEST_P(CycleStore, CasesNameTheirCycle) {
  ASSERT_TRUE(store_->OpenCycle("hr", MakeCycle("h1"), {MakeCandidate("h1", "a")}));
  model::Case k;
  k.id = "k1";
  k.person = "a";
  k.target_track = "ic";
  k.target_level = "IC2";
  k.opened = Date(2026, 12, 3);
  k.cycle = "h1";
  ASSERT_TRUE(store_->SaveCase("hr", k));
  model::Case outside = k;
  outside.id = "k2";
  outside.cycle = "";
  ASSERT_TRUE(store_->SaveCase("hr", outside));
  auto in_cycle = store_->ListCycleCases("h1");
  ASSERT_EQ(in_cycle->size(), 1u);
  EXPECT_EQ(in_cycle->front(), k);
  k.decision = model::Decision{model::Outcome::kPromoted, Date(2027, 3, 1), "hr", ""};
  k.status = model::CaseStatus::kClosed;
  ASSERT_TRUE(store_->SaveCase("hr", k));
  auto counts = store_->CountCycles();
  ASSERT_TRUE(counts) << counts.error().ToString();
  EXPECT_EQ(*counts, (std::map<std::string, CycleCounts>{{"h1", {1, 0, 1, 1, 1, 1}}}));
  model::Case nowhere = k;
  nowhere.id = "k3";
  nowhere.cycle = "h9";
  Result<std::string> refused = store_->SaveCase("hr", nowhere);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "case.cycle");
}

TEST_P(CycleStore, EveryonesRecordsAreEachPersonsRecords) {
  for (const char* id : {"a", "c"}) {
    model::Evidence e;
    e.id = std::string("ev-") + id;
    e.person = id;
    e.kind = "talk";
    e.title = "A talk";
    e.date = Date(2026, 1, 1);
    ASSERT_TRUE(store_->SaveEvidence("hr", e));
  }
  model::Evidence withdrawn;
  withdrawn.id = "ev-gone";
  withdrawn.person = "a";
  withdrawn.kind = "talk";
  withdrawn.title = "Withdrawn";
  withdrawn.date = Date(2026, 2, 1);
  withdrawn.retraction = model::Retraction{"hr", Date(2026, 2, 2), "wrong person", ""};
  ASSERT_TRUE(store_->SaveEvidence("hr", withdrawn));
  std::vector<std::string> seen;
  ASSERT_TRUE(store_->ForEachPersonRecords([&](PersonRecords&& r) -> Status {
    seen.push_back(r.person.id);
    auto one = store_->LoadPersonRecords(r.person.id);
    EXPECT_TRUE(one);
    EXPECT_EQ(r.evidence, one->evidence) << r.person.id;
    EXPECT_EQ(r.assignments, one->assignments) << r.person.id;
    return Ok();
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c", "d"}));
  auto counts = store_->CountEvidence();
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts, (std::map<std::string, int>{{"a", 1}, {"c", 1}}));
  // The callback's error ends the walk and is the result.
  int calls = 0;
  Status stopped = store_->ForEachPersonRecords([&](PersonRecords&&) -> Status {
    ++calls;
    return MakeError(ErrorCode::kInternal, "stop");
  });
  EXPECT_FALSE(stopped);
  EXPECT_EQ(calls, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CycleStore,
                         ::testing::Values(&kSqliteMemory, &kSqliteFile, &kPostgres),
                         [](const auto& param_info) { return param_info.param->name; });

}  // namespace
}  // namespace ladder::storage
