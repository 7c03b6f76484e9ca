#include "analysis/lint.h"

#include <gtest/gtest.h>

#include "formats/coverage.h"
#include "model/testing/small_framework.h"

namespace ladder::analysis {
namespace {

using model::testing::Expect;
using model::testing::SmallFramework;

std::vector<Finding> WithCode(const std::vector<Finding>& findings, std::string_view code) {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    if (f.code == code) out.push_back(f);
  return out;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings)
    out += f.code + " (" + SeverityName(f.severity) + "): " + f.message + "\n";
  return out;
}

model::Level& Level(model::Framework& fw, std::string_view track, std::string_view code) {
  for (model::Track& t : fw.tracks)
    if (t.id == track)
      for (model::Level& l : t.levels)
        if (l.code == code) return l;
  throw std::runtime_error("no such level in the fixture");
}

TEST(Lint, FixtureIsClean) {
  std::vector<Finding> findings = Lint(SmallFramework());
  EXPECT_TRUE(findings.empty()) << Describe(findings);
  EXPECT_FALSE(HasProblems(findings));
}

// Notes holding more than 30% of the words: levels or competencies may have been kept as prose.
TEST(Lint, NotesHoldingMuchOfTheWordsAreFlagged) {
  model::Framework fw = SmallFramework();
  size_t structure = 0;
  for (const std::string& t : formats::StructureTexts(fw))
    structure += formats::CoverageWords(t).size();
  // Exactly 30% of the words in notes is fine; one word more is not.
  model::Note note;
  note.title = "";
  std::string words;
  size_t notes = structure * 3 / 7;
  for (size_t i = 0; i < notes; ++i) words += "word ";
  note.markdown = words;
  fw.notes = {note};
  fw.description.clear();
  size_t all = structure + notes;
  ASSERT_LE(notes * 100, all * 30);
  EXPECT_TRUE(WithCode(Lint(fw), "notes-heavy").empty());
  fw.notes[0].markdown += "word word word";
  std::vector<Finding> heavy = WithCode(Lint(fw), "notes-heavy");
  ASSERT_EQ(heavy.size(), 1u) << Describe(Lint(fw));
  EXPECT_EQ(heavy[0].severity, Severity::kWarning);
  EXPECT_NE(heavy[0].message.find("notes hold 30."), std::string::npos) << heavy[0].message;
}

TEST(Lint, MissingExpectation) {
  model::Framework fw = SmallFramework();
  auto& exps = Level(fw, "ic", "T2").expectations;
  exps.erase(exps.begin() + 1);                                // safety
  Level(fw, "mgmt", "S1").expectations[2].behaviours.clear();  // coaching, empty
  std::vector<Finding> found = WithCode(Lint(fw), "missing-expectation");
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_NE(found[0].message.find("ic/T2"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("'safety'"), std::string::npos) << found[0].message;
  EXPECT_NE(found[1].message.find("'coaching'"), std::string::npos) << found[1].message;
  EXPECT_NE(found[1].message.find("empty"), std::string::npos) << found[1].message;
}

TEST(Lint, MissingExpectationNotReportedForUndefinedCellsOrLevels) {
  model::Framework fw = SmallFramework();
  // T1's coaching cell is undefined and T3 is an undefined level with no expectations at all.
  ASSERT_TRUE(Level(fw, "ic", "T1").FindExpectation("coaching")->undefined);
  ASSERT_TRUE(Level(fw, "ic", "T3").expectations.empty());
  EXPECT_TRUE(WithCode(Lint(fw), "missing-expectation").empty());
}

TEST(Lint, RanksNotIncreasing) {
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T3").rank = 2;  // same as T2
  std::vector<Finding> found = WithCode(Lint(fw), "invalid-rank");
  ASSERT_EQ(found.size(), 1u) << Describe(Lint(fw));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_NE(found[0].message.find("T3"), std::string::npos) << found[0].message;
  EXPECT_TRUE(HasProblems(found));
}

TEST(Lint, RanksIncreasingAcrossTracksMayRepeat) {
  model::Framework fw = SmallFramework();
  // S1 (management) has rank 3, like T3 (IC): ranks are compared within a track only.
  EXPECT_TRUE(WithCode(Lint(fw), "invalid-rank").empty());
}

TEST(Lint, DuplicateBehaviourInALevel) {
  model::Framework fw = SmallFramework();
  auto& t2 = Level(fw, "ic", "T2");
  t2.expectations[0].behaviours.push_back("Completes  complex repairs\nwithout a checklist");
  t2.expectations[2].behaviours.push_back("Reports near misses the same day");
  std::vector<Finding> found = WithCode(Lint(fw), "duplicate-behaviour");
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_NE(found[0].message.find("twice in repair"), std::string::npos) << found[0].message;
  EXPECT_NE(found[1].message.find("in safety and in coaching"), std::string::npos)
      << found[1].message;
}

TEST(Lint, SameBehaviourInTwoLevelsIsNotADuplicate) {
  // "Logs every job in the tracker" is at T1 and T2 of a framework that is not cumulative.
  std::vector<Finding> findings = Lint(SmallFramework());
  EXPECT_TRUE(WithCode(findings, "duplicate-behaviour").empty());
  EXPECT_TRUE(WithCode(findings, "repeated-behaviour").empty());
}

TEST(Lint, BehaviourRepeatedInCumulativeFramework) {
  model::Framework fw = SmallFramework();
  fw.cumulative = true;
  std::vector<Finding> found = WithCode(Lint(fw), "repeated-behaviour");
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_NE(found[0].message.find("\"Logs every job in the tracker\""), std::string::npos);
  EXPECT_NE(found[0].message.find("repeats T1"), std::string::npos) << found[0].message;
  EXPECT_NE(found[1].message.find("\"Follows the site safety rules\""), std::string::npos);
  // S1 repeats nothing: it is the first level of its own track.
  for (const Finding& f : found) EXPECT_EQ(f.message.find("mgmt/S1"), std::string::npos);
}

TEST(Lint, BehaviourRepeatedFromAnInheritedLevel) {
  model::Framework fw = SmallFramework();
  Level(fw, "mgmt", "S1").inherits = "ic/T2";
  std::vector<Finding> found = WithCode(Lint(fw), "repeated-behaviour");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_NE(found[0].message.find("mgmt/S1"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("inherits ic/T2"), std::string::npos) << found[0].message;
}

TEST(Lint, InheritanceCycleEnds) {
  model::Framework fw = SmallFramework();
  fw.cumulative = true;
  Level(fw, "ic", "T1").inherits = "T2";
  Level(fw, "ic", "T2").inherits = "T1";
  // Each level repeats what the other (which it inherits) has: both are reported, once each.
  std::vector<Finding> found = WithCode(Lint(fw), "repeated-behaviour");
  EXPECT_EQ(found.size(), 4u) << Describe(found);
}

TEST(Lint, CumulativeFrameworkWithNewBehavioursOnlyIsClean) {
  model::Framework fw = SmallFramework();
  fw.cumulative = true;
  auto& t2 = Level(fw, "ic", "T2");
  t2.expectations[0].behaviours = {"Completes complex repairs without a checklist"};
  t2.expectations[1].behaviours = {"Reports near misses the same day"};
  EXPECT_TRUE(WithCode(Lint(fw), "repeated-behaviour").empty()) << Describe(Lint(fw));
}

TEST(Lint, DanglingReferences) {
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2").expectations.push_back(Expect("welding", {"Welds"}));
  fw.transitions[0].to = "executive";
  fw.overlays[0].levels = {"T9"};
  std::vector<Finding> found = WithCode(Lint(fw), "dangling-reference");
  ASSERT_EQ(found.size(), 3u) << Describe(Lint(fw));
  for (const Finding& f : found) EXPECT_EQ(f.severity, Severity::kError);
  std::string all = Describe(found);
  EXPECT_NE(all.find("'welding'"), std::string::npos) << all;
  EXPECT_NE(all.find("'executive'"), std::string::npos) << all;
  EXPECT_NE(all.find("'T9'"), std::string::npos) << all;
}

TEST(Lint, DuplicateIds) {
  model::Framework fw = SmallFramework();
  fw.competencies.push_back({"safety", "Safety again", "", {}});
  std::vector<Finding> found = WithCode(Lint(fw), "duplicate-id");
  ASSERT_EQ(found.size(), 1u) << Describe(Lint(fw));
  EXPECT_NE(found[0].message.find("'safety'"), std::string::npos) << found[0].message;
}

TEST(Lint, FindingsKeepTheOriginOfTheValue) {
  model::Framework fw = SmallFramework();
  auto& t2 = Level(fw, "ic", "T2");
  t2.expectations[1].origin.where = {"ladder.yaml", 42, 9};
  t2.expectations[1].behaviours.push_back("TBD");
  t2.origin.where = {"ladder.yaml", 30, 7};
  t2.expectations[2].competency = "ghost";
  std::vector<Finding> findings = Lint(fw);
  std::vector<Finding> placeholder = WithCode(findings, "placeholder-text");
  ASSERT_EQ(placeholder.size(), 1u);
  EXPECT_EQ(placeholder[0].location, (SourceLocation{"ladder.yaml", 42, 9}));
  std::vector<Finding> missing = WithCode(findings, "missing-expectation");
  ASSERT_EQ(missing.size(), 1u) << Describe(findings);  // coaching, now missing
  EXPECT_EQ(missing[0].location, (SourceLocation{"ladder.yaml", 30, 7}));
  // Sorted by location: line 30 before line 42.
  size_t i_missing = 0, i_placeholder = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].code == "missing-expectation") i_missing = i;
    if (findings[i].code == "placeholder-text") i_placeholder = i;
  }
  EXPECT_LT(i_missing, i_placeholder);
}

TEST(Lint, EmptyLevel) {
  model::Framework fw = SmallFramework();
  model::Level& t3 = Level(fw, "ic", "T3");
  t3.state = model::LevelState::kDefined;  // defined, but nothing in it
  std::vector<Finding> findings = Lint(fw);
  std::vector<Finding> found = WithCode(findings, "empty-level");
  ASSERT_EQ(found.size(), 1u) << Describe(findings);
  EXPECT_NE(found[0].message.find("ic/T3"), std::string::npos);
  // One finding for the level, not one per competency besides.
  EXPECT_TRUE(WithCode(findings, "missing-expectation").empty()) << Describe(findings);
}

TEST(Lint, LevelWithOnlyASummaryIsNotEmpty) {
  model::Framework fw = SmallFramework();
  model::Level& t3 = Level(fw, "ic", "T3");
  t3.state = model::LevelState::kDefined;
  t3.summary = "Leads the hardest repairs on the site.";
  std::vector<Finding> findings = Lint(fw);
  EXPECT_TRUE(WithCode(findings, "empty-level").empty());
  EXPECT_EQ(WithCode(findings, "missing-expectation").size(), 3u) << Describe(findings);
}

TEST(Lint, RequirementWithoutText) {
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2").requirements.push_back({"  ", model::ManualRule{}, {}});
  fw.policy.push_back({"", model::PeerReviewPassed{}, {}});
  std::vector<Finding> found = WithCode(Lint(fw), "empty-requirement");
  ASSERT_EQ(found.size(), 2u) << Describe(Lint(fw));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_NE(found[0].message.find("requirement 3 of level ic/T2"), std::string::npos)
      << found[0].message;
  EXPECT_NE(found[1].message.find("promotion policy"), std::string::npos) << found[1].message;
}

TEST(Lint, PlaceholderBehaviours) {
  for (const char* text : {"TBD", "WIP", "N/A", "Not currently defined", "not defined.", "-",
                           "(varies)", " tbd ", "\xE2\x80\x94"}) {
    model::Framework fw = SmallFramework();
    Level(fw, "mgmt", "S1").expectations[0].behaviours = {text};
    std::vector<Finding> found = WithCode(Lint(fw), "placeholder-text");
    EXPECT_EQ(found.size(), 1u) << "'" << text << "': " << Describe(Lint(fw));
  }
}

TEST(Lint, PlaceholderSummaries) {
  model::Framework fw = SmallFramework();
  Level(fw, "mgmt", "S1").summary = "TBD";
  Level(fw, "ic", "T1").expectations[0].summary = "N/A";
  EXPECT_EQ(WithCode(Lint(fw), "placeholder-text").size(), 2u) << Describe(Lint(fw));
}

TEST(Lint, SentencesMentioningPlaceholdersAreNotPlaceholders) {
  model::Framework fw = SmallFramework();
  Level(fw, "mgmt", "S1").expectations[0].behaviours = {
      "Replaces TBD items in the schedule with dates", "- Keeps the crew's tools in order",
      "Knows when a rule is N/A on a site"};
  EXPECT_TRUE(WithCode(Lint(fw), "placeholder-text").empty()) << Describe(Lint(fw));
  EXPECT_FALSE(IsPlaceholderText("Runs the site"));
  EXPECT_TRUE(IsPlaceholderText("Not Currently Defined"));
}

TEST(Lint, ManualRequirementThatStatesARule) {
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2").requirements.push_back({"Manager approval", model::ManualRule{}, {}});
  std::vector<Finding> findings = Lint(fw);
  std::vector<Finding> found = WithCode(findings, "recognizable-rule");
  ASSERT_EQ(found.size(), 1u) << Describe(findings);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_NE(found[0].message.find("`{approval: {by: manager}}`"), std::string::npos)
      << found[0].message;
  EXPECT_FALSE(HasProblems(findings));  // a note, not a reason to fail
}

TEST(Lint, ManualRequirementThatStatesSeveralRules) {
  // Lint reports what import's recognition would make of the requirement: two requirements.
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2")
      .requirements.push_back(
          {"Promotions require 12 months at your current level and a successful peer review",
           model::ManualRule{},
           {}});
  std::vector<Finding> found = WithCode(Lint(fw), "recognizable-rule");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_NE(found[0].message.find("states 2 requirements: \"Promotions require 12 months at "
                                  "your current level\" `{time_at_level: {months: 12}}`, "
                                  "\"a successful peer review\" `{peer_review: passed}`"),
            std::string::npos)
      << found[0].message;
}

TEST(Lint, ManualRequirementNamingALevelTheFrameworkLacks) {
  // "2 years at Level 9" states a rule, but the framework has no rank 9: recognition leaves it
  // manual, and so does lint.
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2").requirements.push_back({"2 years at Level 9", model::ManualRule{}, {}});
  EXPECT_TRUE(WithCode(Lint(fw), "recognizable-rule").empty()) << Describe(Lint(fw));
}

TEST(Lint, ManualRequirementThatStatesNoRule) {
  // The fixture's manual requirements ("Shows sound judgement on difficult jobs", "Holds the T2
  // level") state no typed rule; a typed requirement is not looked at.
  model::Framework fw = SmallFramework();
  Level(fw, "ic", "T2")
      .requirements.push_back({"Manager approval", model::Approval{"manager"}, {}});
  EXPECT_TRUE(WithCode(Lint(fw), "recognizable-rule").empty());
}

TEST(Lint, HasProblemsIgnoresInfo) {
  EXPECT_FALSE(HasProblems({Finding{"x", Severity::kInfo, {}, "note"}}));
  EXPECT_TRUE(HasProblems({Finding{"x", Severity::kWarning, {}, "note"}}));
}

TEST(FindingFromReadError, KeepsTheLocationAndNamesTheKind) {
  Finding missing = FindingFromReadError({ErrorCode::kIo, "no such file", {"a.yaml", 0, 0}, ""});
  EXPECT_EQ(missing.code, "unreadable-file");
  EXPECT_EQ(missing.severity, Severity::kError);
  EXPECT_EQ(missing.location.file, "a.yaml");
  Finding syntax = FindingFromReadError(
      {ErrorCode::kParse, "invalid YAML: end of map flow not found", {"b.yaml", 3, 1}, ""});
  EXPECT_EQ(syntax.code, "invalid-syntax");
  EXPECT_EQ(syntax.location, (SourceLocation{"b.yaml", 3, 1}));
  Finding no_rule = FindingFromReadError({ErrorCode::kInvalidArgument,
                                          "the requirement has no rule",
                                          {"c.yaml", 13, 13},
                                          "tracks.ic.levels.L1.requirements[0].rule"});
  EXPECT_EQ(no_rule.code, "invalid-document");
  EXPECT_EQ(no_rule.message,
            "tracks.ic.levels.L1.requirements[0].rule: the requirement has no rule");
  EXPECT_TRUE(HasProblems({no_rule}));
}

TEST(Lint, NextLevelReadingWithoutTheRulesItCombines) {
  model::Framework fw = SmallFramework();
  fw.next_level_reading = model::NextLevelReading::kConsecutive;
  fw.policy.push_back(
      {"12 months consistent at your level", model::ConsistentPerformance{"", 12}, {}});
  std::vector<Finding> found = WithCode(Lint(fw), "next-level-reading-unused");
  ASSERT_EQ(found.size(), 1u) << Describe(Lint(fw));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_NE(found[0].message.find("changes nothing"), std::string::npos) << found[0].message;
  // With both rules the option applies; the default reading is never reported.
  fw.policy.push_back({"3 months at the next level", model::PerformingAtNext{3, true}, {}});
  EXPECT_TRUE(WithCode(Lint(fw), "next-level-reading-unused").empty());
  fw.policy.pop_back();
  fw.next_level_reading = model::NextLevelReading::kOverlapping;
  EXPECT_TRUE(WithCode(Lint(fw), "next-level-reading-unused").empty());
}

}  // namespace
}  // namespace ladder::analysis
