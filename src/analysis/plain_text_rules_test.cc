// Seed 004 end to end at unit level: the plain-text reader, then requirement recognition;
// every requirement's rule is checked against the sentence as the document states it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/requirements.h"
#include "formats/import.h"
#include "model/validate.h"

namespace ladder::analysis {
namespace {

namespace fs = std::filesystem;
using model::Rule;

std::string Seed004() {
  for (const fs::directory_entry& e : fs::directory_iterator(LADDER_SEEDS_DIR)) {
    if (e.path().filename().string().starts_with("004_")) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  ADD_FAILURE() << "seed 004 missing";
  return "";
}

model::Framework Imported004() {
  Result<formats::Imported> r = formats::ReadDocuments({{"004.txt", Seed004()}});
  EXPECT_TRUE(r) << r.error().ToString();
  if (!r) return {};
  RecognizeRequirements(r->framework);
  return r->framework;
}

struct Expected {
  std::string text;
  Rule rule;
};

void ExpectRequirements(const model::Level& level, const std::vector<Expected>& expected) {
  ASSERT_EQ(level.requirements.size(), expected.size()) << level.code;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(level.requirements[i].text, expected[i].text) << level.code;
    EXPECT_EQ(level.requirements[i].rule, expected[i].rule)
        << level.code << ": " << expected[i].text;
  }
}

const std::string kOnboardingOr =
    "documented success in peer onboarding/coaching OR past experience in people management";

TEST(PlainTextRules, Seed004EveryRequirement) {
  const model::Framework fw = Imported004();
  ASSERT_EQ(fw.tracks.size(), 4u);
  ExpectRequirements(
      fw.tracks[0].levels.at(0),
      {{"Understanding of product to be supported as well as ancillary technologies",
        model::ManualRule{}},
       {"Technical competence in specific topics necessary for the role, including: Networking "
        "Linux",
        model::ManualRule{}},
       {"Interest and expertise in technical troubleshooting", model::ManualRule{}}});
  ExpectRequirements(
      fw.tracks[1].levels.at(0),  // Senior Engineer
      {{"1 year at Level 1", model::TimeAtLevel{"1", 12}},
       {"SME in at least two core skillsets (list elsewhere)", model::SmeSkillsets{2, ""}},
       {"Successful peer review", model::PeerReviewPassed{}}});
  ExpectRequirements(
      fw.tracks[1].levels.at(1),  // Staff Engineer
      {{"2 years at Level 2", model::TimeAtLevel{"2", 24}},
       {"SME in at least four core skillsets (list elsewhere)", model::SmeSkillsets{4, ""}},
       {"Successful peer review", model::PeerReviewPassed{}}});
  ExpectRequirements(fw.tracks[2].levels.at(0),  // Team Lead
                     {{"Documented need for role", model::DocumentedNeed{}},
                      {"1 year at Level 1", model::TimeAtLevel{"1", 12}},
                      {"Documented success in peer onboarding/coaching OR past experience in "
                       "people management",
                       model::ManualRule{}},
                      {"Successful peer review", model::PeerReviewPassed{}}});
  ExpectRequirements(fw.tracks[2].levels.at(1),  // Manager
                     {{"Documented need for role", model::DocumentedNeed{}},
                      {"1 year at Level 2", model::TimeAtLevel{"2", 12}},
                      {"If coming in from IC path, " + kOnboardingOr, model::ManualRule{}},
                      {"Successful peer review", model::PeerReviewPassed{}}});
  ExpectRequirements(fw.tracks[2].levels.at(2),  // the garbled row after Manager
                     {{"Documented need for role", model::DocumentedNeed{}},
                      {"2 years at Level 3", model::TimeAtLevel{"3", 24}},
                      {"If coming in from IC path, " + kOnboardingOr, model::ManualRule{}},
                      {"Successful peer review", model::PeerReviewPassed{}}});
  EXPECT_TRUE(fw.tracks[3].levels.at(0).requirements.empty());  // (varies)
  ExpectRequirements(
      fw.tracks[3].levels.at(1),  // Automation Engineer
      {{"Documented need for role", model::DocumentedNeed{}},
       {"2 years at Level 2", model::TimeAtLevel{"2", 24}},
       {"SME in automation processes and tools", model::SmeSkillsets{1, "automation"}},
       {"Successful peer review", model::PeerReviewPassed{}}});
  // Moving between the IC and management paths: the condition stays a manual requirement.
  ASSERT_EQ(fw.transitions.size(), 2u);
  for (const model::Transition& t : fw.transitions)
    EXPECT_EQ(t.requirements.at(0).rule, Rule(model::ManualRule{}));
}

TEST(PlainTextRules, Seed004PolicyAndValidity) {
  model::Framework fw = Imported004();
  // The Peer Review section states that every promotion goes through a peer review; the
  // waiver section names who may waive (kept as a note, not a requirement).
  ASSERT_EQ(fw.policy.size(), 1u);
  EXPECT_EQ(fw.policy[0].rule, Rule(model::PeerReviewPassed{}));
  EXPECT_NE(fw.policy[0].text.find("must undergo a peer review process"), std::string::npos);
  EXPECT_EQ(fw.notes.size(), 6u);
  std::vector<Error> errors = model::ValidateFramework(fw);
  for (const Error& e : errors) ADD_FAILURE() << e.ToString();
  // Recognition is idempotent on the imported framework.
  model::Framework again = fw;
  RecognizeRequirements(again);
  EXPECT_EQ(again, fw);
}

TEST(PlainTextRules, Seed004DocumentedNeedSectionNamesTheManagementPath) {
  // "Promotions to some roles, particularly those in the management path, are only available
  // when there is a specific need for that role." Without the table's own "Documented need for
  // role", recognition puts that sentence on the management path's levels, and nowhere else.
  Result<formats::Imported> r = formats::ReadDocuments({{"004.txt", Seed004()}});
  ASSERT_TRUE(r) << r.error().ToString();
  model::Framework fw = r->framework;
  for (model::Track& t : fw.tracks)
    for (model::Level& l : t.levels)
      std::erase_if(l.requirements, [](const model::Requirement& q) {
        return q.text == "Documented need for role";
      });
  RecognizeRequirements(fw);
  for (const model::Track& t : fw.tracks) {
    for (const model::Level& l : t.levels) {
      const bool has_need = std::any_of(
          l.requirements.begin(), l.requirements.end(), [](const model::Requirement& q) {
            return std::holds_alternative<model::DocumentedNeed>(q.rule);
          });
      EXPECT_EQ(has_need, t.kind == model::TrackKind::kManagement) << t.id << "/" << l.code;
      if (has_need) {
        EXPECT_TRUE(l.requirements.back().text.starts_with("Promotions to some roles"))
            << l.requirements.back().text;
      }
    }
  }
  EXPECT_EQ(fw.policy.size(), 1u);  // still only the peer review
}

}  // namespace
}  // namespace ladder::analysis
