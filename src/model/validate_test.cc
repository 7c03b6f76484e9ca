#include "model/validate.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

Framework Valid() {
  Framework fw;
  fw.id = "eng";
  fw.name = "Engineering";
  fw.competencies = {{"delivery", "Delivery", "", {}}, {"craft", "Craft", "", {}}};
  fw.groups = {{"impact", "Impact", "", {"delivery"}, {}}};
  Track ic{"ic", "IC", TrackKind::kIc, "", {}, {}};
  Level l1;
  l1.code = "IC1";
  l1.rank = 1;
  l1.expectations = {{"delivery", "", {"Ships small changes"}, false, "", {}}};
  Level l2 = l1;
  l2.code = "IC2";
  l2.rank = 2;
  l2.requirements = {{"1 year at IC1", TimeAtLevel{"IC1", 12}, {}}};
  ic.levels = {l1, l2};
  fw.tracks = {ic, Track{"mgmt", "Management", TrackKind::kManagement, "", {}, {}}};
  fw.overlays = {{"team-lead", "Team Lead", "", {}, {"ic/IC2"}, true, {}, {}}};
  fw.transitions = {{"ic", "mgmt", "", {}, {}}};
  return fw;
}

std::vector<std::string> Fields(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field);
  return out;
}

TEST(Validate, ValidFrameworkHasNoErrors) { EXPECT_TRUE(ValidateFramework(Valid()).empty()); }

TEST(Validate, DuplicateCompetencyId) {
  Framework fw = Valid();
  fw.competencies.push_back({"craft", "Craft again", "", {SourceLocation{"x.yaml", 9, 5}}});
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "competencies.craft");
  EXPECT_EQ(errors[0].where.ToString(), "x.yaml:9:5");
}

TEST(Validate, DuplicateLevelCodeWithinTrack) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].code = "IC1";
  EXPECT_EQ(Fields(ValidateFramework(fw))[0], "tracks.ic.levels.IC1");
}

TEST(Validate, RanksMustIncrease) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].rank = 1;
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "tracks.ic.levels.IC2.rank");
  EXPECT_NE(errors[0].message.find("greater than rank 1"), std::string::npos);
}

TEST(Validate, ExpectationMustNameAKnownCompetency) {
  Framework fw = Valid();
  fw.tracks[0].levels[0].expectations[0].competency = "delivry";
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("'delivry' does not exist"), std::string::npos);
}

TEST(Validate, GroupMustNameKnownCompetencies) {
  Framework fw = Valid();
  fw.groups[0].competencies.push_back("nope");
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"groups.impact.competencies"}));
}

TEST(Validate, TransitionTracksMustExist) {
  Framework fw = Valid();
  fw.transitions[0].to = "management";
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"transitions.ic->management.to"}));
}

TEST(Validate, OverlayLevelsMustExist) {
  Framework fw = Valid();
  fw.overlays[0].levels = {"ic/IC9"};
  EXPECT_EQ(Fields(ValidateFramework(fw)), (std::vector<std::string>{"overlays.team-lead.levels"}));
}

TEST(Validate, RuleLevelMustResolve) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].requirements[0].rule = TimeAtLevel{"IC7", 12};
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"tracks.ic.levels.IC2.requirements[0].rule.level"}));
  fw.tracks[0].levels[1].requirements[0].rule = TimeAtLevel{"1", 12};  // a rank
  EXPECT_TRUE(ValidateFramework(fw).empty());
}

TEST(Validate, InheritsMustResolve) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].inherits = "IC0";
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"tracks.ic.levels.IC2.inherits"}));
}

TEST(Validate, CompetencyInTwoGroups) {
  Framework fw = Valid();
  fw.groups.push_back({"other", "Other", "", {"delivery"}, {}});
  EXPECT_EQ(Fields(ValidateFramework(fw)), (std::vector<std::string>{"groups.other.competencies"}));
}

TEST(Validate, AssignmentsMustNotOverlap) {
  Framework fw = Valid();
  std::vector<Assignment> history = {
      {"a1", "p1", "eng", "1", "ic", "IC1", {}, Date(2024, 1, 1), Date(2025, 6, 1), ""},
      {"a2", "p1", "eng", "1", "ic", "IC2", {}, Date(2025, 5, 1), Date(), ""},
  };
  auto errors = ValidateAssignments(history, &fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("overlaps"), std::string::npos);
  history[1].from = Date(2025, 6, 1);
  history[1].level = "IC9";
  errors = ValidateAssignments(history, &fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ladder::model
