// The rows of a cycle's board (app::FilterRows): which people are candidates, each filter, the
// manager's whole organisation, search, the orders; and the report as a table.
#include "app/cycles.h"

#include <gtest/gtest.h>

#include <memory>

namespace ladder::app {
namespace {

CycleRow Row(const std::string& person, const std::string& name, model::Readiness readiness,
             const std::string& target_level, int rank) {
  CycleRow row;
  model::Candidate& k = row.candidate;
  k.cycle = "h1";
  k.person = person;
  k.name = name;
  k.framework = "eng";
  k.track = "ic";
  k.level = "IC1";
  k.target_track = "ic";
  k.target_level = target_level;
  k.target_label = target_level;
  k.target_rank = rank;
  k.readiness = readiness;
  return row;
}

std::vector<std::string> People(const std::vector<const CycleRow*>& rows) {
  std::vector<std::string> out;
  for (const CycleRow* r : rows) out.push_back(r->candidate.person);
  return out;
}

class Board : public ::testing::Test {
 protected:
  void SetUp() override {
    using R = model::Readiness;
    report_.rows = {
        Row("a", "Zoë Ødegaard", R::kEligible, "IC3", 3),
        Row("b", "Bo Lind", R::kBlocked, "IC2", 2), Row("c", "Cy Park", R::kClose, "IC2", 2),
        Row("d", "Di Moss", R::kBlocked, "IC2", 2), Row("e", "Ed Top", R::kNoTarget, "", 0)};
    report_.rows[2].candidate.earliest = Date(2027, 2, 1);
    report_.rows[3].candidate.nominated_by = "m";  // blocked, but nominated
    model::Case k;
    k.id = "k1";
    k.person = "c";
    k.status = model::CaseStatus::kPeerReview;
    report_.rows[2].review = k;
    report_.rows[2].evidence = 4;
    // a, b and d report to m; c to x, who reports to m.
    for (CycleRow& row : report_.rows) row.candidate.manager = "m";
    report_.rows[2].candidate.manager = "x";
    report_.rows[4].candidate.manager = "";
    report_.rows.push_back(Row("x", "Xi Lead", R::kNoTarget, "", 0));
    report_.rows.back().candidate.manager = "m";
  }
  // The people of the board's rows that `filter` keeps, in order.
  std::vector<std::string> Filtered(const CycleFilter& filter) {
    board_ = std::make_unique<CycleBoard>(report_);
    return People(FilterRows(*board_, filter));
  }
  CycleReport report_;
  std::unique_ptr<CycleBoard> board_;
};

TEST_F(Board, CandidatesAreTheEligibleTheCloseTheNominatedAndThoseInReview) {
  EXPECT_EQ(Filtered({}), (std::vector<std::string>{"c", "d", "a"}));  // by name
  CycleFilter everyone;
  everyone.candidates_only = false;
  EXPECT_EQ(Filtered(everyone).size(), 6u);
}

TEST_F(Board, EachFilterNarrows) {
  CycleFilter f;
  f.target = "ic/IC2";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c", "d"}));
  f = {};
  f.readiness = "close";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c"}));
  f = {};
  f.stage = "peer_review";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c"}));
  f.stage = "open";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c"}));
  f.stage = "nominated";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"d"}));
  f = {};
  f.framework = "other";
  EXPECT_TRUE(Filtered(f).empty());
}

TEST_F(Board, BelowAManagerIsTheirWholeOrganisation) {
  CycleFilter f;
  f.manager = "x";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c"}));
  f.manager = "m";  // c reports to x, who reports to m
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c", "d", "a"}));
}

TEST_F(Board, SearchFoldsCaseAndAccents) {
  CycleFilter f;
  f.search = "odegaard";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"a"}));
  f.search = "ZOË";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"a"}));
}

TEST_F(Board, SortsByTargetRankReadinessEarliestAndEvidence) {
  CycleFilter f;
  f.sort = "target";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"c", "d", "a"}));
  f.sort = "readiness";
  EXPECT_EQ(Filtered(f), (std::vector<std::string>{"a", "c", "d"}));
  f.sort = "evidence";
  EXPECT_EQ(Filtered(f).front(), "c");
}

TEST_F(Board, StagesInWords) {
  EXPECT_EQ(report_.rows[0].Stage(), "not nominated");
  EXPECT_EQ(report_.rows[3].Stage(), "nominated");
  EXPECT_EQ(report_.rows[2].Stage(), "review: peer review");
  report_.rows[2].review->decision =
      model::Decision{model::Outcome::kPromoted, Date(2027, 4, 1), "m", ""};
  EXPECT_EQ(report_.rows[2].Stage(), "promoted to IC2, effective 2027-04-01");
}

TEST_F(Board, TheReportAsATable) {
  std::vector<std::vector<std::string>> rows = CycleReportRows(report_);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0][1], "person");
  EXPECT_EQ(rows[3][1], "c");
  EXPECT_EQ(rows[3][11], "close");
  EXPECT_EQ(rows[3][12], "2027-02-01");
  EXPECT_EQ(rows[3][16], "k1");
  EXPECT_EQ(rows[3][17], "peer_review");
  std::string csv = CycleReportCsv(report_);
  EXPECT_NE(csv.find("\r\nh1,a,Zoë Ødegaard,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace ladder::app
