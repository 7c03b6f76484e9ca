// ApplyPassageChoices: each use changes the framework as docs/import.md says, the coverage is
// measured again (notes count as notes, behaviours as structure), and a bad choice changes
// nothing and names its field.
#include "formats/passage_choices.h"

#include <gtest/gtest.h>

#include "formats/coverage.h"

namespace ladder::formats {
namespace {

const char* kKeep = "Pairing with a newer colleague every week";
const char* kCraft = "Ships small changes behind flags";
const char* kAside = "This ladder was drafted over the winter by the guild";

// A framework read from "guild.md": two competencies, IC1 defined, IC2 marked not defined, and
// three passages the reader left out.
Imported Sample() {
  Imported i;
  model::Framework& f = i.framework;
  f.id = "guild";
  f.name = "Guild ladder";
  f.competencies = {{"craft", "Craft", "", {}}, {"mentoring", "Mentoring", "", {}}};
  model::Track ic;
  ic.id = "ic";
  ic.name = "Engineers";
  model::Level one;
  one.code = "IC1";
  one.rank = 1;
  one.title = "Engineer";
  model::Expectation mentoring;
  mentoring.competency = "mentoring";
  mentoring.behaviours = {"Answers questions in review"};
  one.expectations = {mentoring};
  model::Level two;
  two.code = "IC2";
  two.rank = 2;
  two.state = model::LevelState::kUndefined;
  ic.levels = {one, two};
  f.tracks = {ic};
  i.source = {{1, "Guild ladder", ""},
              {2, "Craft", ""},
              {3, "Mentoring", ""},
              {4, "IC1 Engineer", ""},
              {5, "Answers questions in review", ""},
              {6, kCraft, ""},
              {7, kKeep, ""},
              {8, kAside, ""}};
  i.coverage = MeasureCoverage(i.source, f);
  for (Passage& p : i.coverage.not_imported) p.file = "guild.md";
  return i;
}

Passage Left(const Imported& i, const std::string& text) {
  for (const Passage& p : i.coverage.not_imported) {
    if (p.text == text) return p;
  }
  ADD_FAILURE() << "not reported as not imported: " << text;
  return {};
}

int Words(const char* text) { return static_cast<int>(CoverageWords(text).size()); }

TEST(PassageChoices, SampleLeavesThreePassagesOut) {
  Imported i = Sample();
  ASSERT_EQ(i.coverage.not_imported.size(), 3u);
  EXPECT_EQ(i.coverage.notes_words, 0);
}

TEST(PassageChoices, LeftOutChangesNothing) {
  Imported i = Sample();
  const Imported before = i;
  ASSERT_TRUE(ApplyPassageChoices(i, {{Left(i, kAside), PassageUse::kLeaveOut, "", "", ""}}));
  EXPECT_EQ(i.framework, before.framework);
  EXPECT_EQ(i.coverage.not_imported, before.coverage.not_imported);
}

TEST(PassageChoices, NoteKeepsTheTextAsNotesNotStructure) {
  Imported i = Sample();
  const Coverage before = i.coverage;
  ASSERT_TRUE(ApplyPassageChoices(i, {{Left(i, kAside), PassageUse::kNote, "", "", ""},
                                      {Left(i, kKeep), PassageUse::kNote, "", "", ""}}));
  ASSERT_EQ(i.framework.notes.size(), 1u);
  EXPECT_EQ(i.framework.notes[0].title, "Kept from guild.md");
  EXPECT_EQ(i.framework.notes[0].markdown, std::string(kAside) + "\n\n" + kKeep);
  EXPECT_EQ(i.coverage.structure_words, before.structure_words);
  EXPECT_EQ(i.coverage.notes_words, Words(kAside) + Words(kKeep));
  ASSERT_EQ(i.coverage.not_imported.size(), 1u);
  EXPECT_EQ(i.coverage.not_imported[0].text, kCraft);
  EXPECT_EQ(i.coverage.not_imported[0].file, "guild.md") << "the report still names the file";
}

TEST(PassageChoices, BehaviourIsStructureInCompetencyOrder) {
  Imported i = Sample();
  const Coverage before = i.coverage;
  ASSERT_TRUE(
      ApplyPassageChoices(i, {{Left(i, kCraft), PassageUse::kBehaviour, "ic/IC1", "craft", ""},
                              {Left(i, kKeep), PassageUse::kBehaviour, "IC1", "mentoring", ""}}));
  const model::Level& one = i.framework.tracks[0].levels[0];
  ASSERT_EQ(one.expectations.size(), 2u);
  EXPECT_EQ(one.expectations[0].competency, "craft") << "made in competency order";
  EXPECT_EQ(one.expectations[0].behaviours, std::vector<std::string>{kCraft});
  EXPECT_EQ(one.expectations[1].behaviours.back(), kKeep);
  EXPECT_EQ(i.coverage.structure_words, before.structure_words + Words(kCraft) + Words(kKeep));
  EXPECT_EQ(i.coverage.notes_words, 0);
  ASSERT_EQ(i.coverage.not_imported.size(), 1u);
  EXPECT_EQ(i.coverage.not_imported[0].text, kAside);
}

TEST(PassageChoices, DescriptionsFollowTheTextTheyHave) {
  Imported i = Sample();
  i.framework.competencies[0].description = "Building things.";
  ASSERT_TRUE(ApplyPassageChoices(
      i, {{Left(i, kCraft), PassageUse::kCompetencyDescription, "", "craft", ""},
          {Left(i, kKeep), PassageUse::kLevelSummary, "ic/IC1", "", ""}}));
  EXPECT_EQ(i.framework.competencies[0].description, std::string("Building things. ") + kCraft);
  EXPECT_EQ(i.framework.tracks[0].levels[0].summary, kKeep);
  EXPECT_EQ(i.coverage.not_imported.size(), 1u);
}

TEST(PassageChoices, BadChoicesNameTheirFieldAndChangeNothing) {
  struct Case {
    PassageChoice choice;
    std::string field;
    std::string says;
  };
  Imported sample = Sample();
  Passage p = Left(sample, kCraft);
  std::vector<Case> cases = {
      {{p, PassageUse::kBehaviour, "ic/IC1", "", "passage.2"},
       "passage.2.competency",
       "choose a competency"},
      {{p, PassageUse::kBehaviour, "ic/IC1", "design", "passage.2"},
       "passage.2.competency",
       "no competency 'design'"},
      {{p, PassageUse::kBehaviour, "", "craft", "passage.2"}, "passage.2.level", "choose a level"},
      {{p, PassageUse::kBehaviour, "ic/IC9", "craft", "all"}, "all.level", "no level 'ic/IC9'"},
      {{p, PassageUse::kLevelSummary, "ic/IC2", "", "passage.0"}, "passage.0.level", "not defined"},
  };
  for (const Case& c : cases) {
    Imported i = Sample();
    // A good choice before the bad one: nothing is applied.
    Status s = ApplyPassageChoices(
        i, {{Left(i, kAside), PassageUse::kNote, "", "", "passage.1"}, c.choice});
    ASSERT_FALSE(s) << c.field;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field, c.field);
    EXPECT_NE(s.error().message.find(c.says), std::string::npos) << s.error().message;
    EXPECT_EQ(i.framework, sample.framework);
    EXPECT_EQ(i.coverage.not_imported, sample.coverage.not_imported);
  }
}

TEST(PassageChoices, UseNamesReadBack) {
  for (PassageUse use : PassageUses())
    EXPECT_EQ(ParsePassageUse(PassageUseName(use)), use) << PassageUseName(use);
  EXPECT_EQ(ParsePassageUse("structure"), std::nullopt);
  EXPECT_EQ(ParsePassageUse(""), std::nullopt);
}

}  // namespace
}  // namespace ladder::formats
