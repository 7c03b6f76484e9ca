#include "formats/coverage.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

model::Framework WithNote(const std::string& markdown) {
  model::Framework f;
  f.notes.push_back({"", markdown, {}});
  return f;
}

TEST(CoverageWords, IgnoresCaseMarkupAndPunctuation) {
  EXPECT_EQ(CoverageWords("**Ships** _small_ changes, [often](https://x.example/a)!"),
            (std::vector<std::string>{"ships", "small", "changes", "often"}));
  EXPECT_EQ(CoverageWords("It\xE2\x80\x99s <b>caf\xC3\x89</b> \xE2\x80\x94 ok"),
            (std::vector<std::string>{"it", "s", "caf\xC3\xA9", "ok"}));
}

TEST(MeasureCoverage, PassageFoundDespiteFormattingDifferences) {
  model::Framework f = WithNote("Ships **small** changes,\n  often and   safely.");
  Coverage c = MeasureCoverage({{3, "ships small changes often and safely", "a.md"}}, f);
  EXPECT_EQ(c.source_words, 6);
  EXPECT_EQ(c.imported_words, 6);
  EXPECT_TRUE(c.not_imported.empty());
}

// Words found in the structure count there; words only the notes hold count as notes; the rest
// is not imported. The three add up to the source's words.
TEST(MeasureCoverage, SplitsStructureNotesAndNotImported) {
  model::Framework f = WithNote("Promotions happen twice a year after a panel review.");
  model::Track t;
  t.id = "ic";
  model::Level l;
  l.code = "IC1";
  l.title = "Support Engineer";
  model::Expectation e;
  e.competency = "delivery";
  e.behaviours = {"Answers tickets within a day"};
  l.expectations.push_back(e);
  t.levels.push_back(l);
  f.tracks.push_back(t);
  Coverage c = MeasureCoverage({{1, "IC1 Support Engineer", ""},
                                {2, "Answers tickets within a day", ""},
                                {3, "Promotions happen twice a year after a panel review.", ""},
                                {4, "Bring cake on Fridays", ""}},
                               f);
  EXPECT_EQ(c.source_words, 3 + 5 + 9 + 4);
  EXPECT_EQ(c.structure_words, 8);
  EXPECT_EQ(c.notes_words, 9);
  EXPECT_EQ(c.imported_words, 17);
  EXPECT_EQ(c.NotImportedWords(), 4);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].line, 4);
}

// A note that holds levels the framework does not have is reported where it is.
TEST(StructureInNotes, WarnsAboutLevelsKeptAsNotes) {
  model::Framework f;
  model::Note n{"Management levels",
                "## M1 Engineering Manager\n- Runs one team\n## M2 Senior Manager\n- Runs teams",
                {}};
  n.origin.where = {"ladder.md", 40, 0};
  f.notes.push_back(n);
  f.notes.push_back({"How promotions work", "We promote twice a year.", {}});
  std::vector<ImportWarning> w = StructureInNotes(f);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where.file, "ladder.md");
  EXPECT_EQ(w[0].where.line, 40);
  EXPECT_NE(w[0].message.find("M1 Engineering Manager"), std::string::npos) << w[0].message;
  // Once those levels are in a track, the note only mentions them: no warning.
  model::Track t;
  t.id = "management";
  model::Level m1;
  m1.code = "M1";
  m1.title = "Engineering Manager";
  model::Level m2;
  m2.code = "M2";
  m2.title = "Senior Manager";
  t.levels = {m1, m2};
  f.tracks.push_back(t);
  EXPECT_TRUE(StructureInNotes(f).empty());
}

// A line of nothing but '#' (a rule drawn with hashes) is no heading, and no error.
TEST(StructureInNotes, ALineOfHashesIsNotAHeading) {
  model::Framework f;
  f.notes.push_back({"Divider", "####\n#\n- one\n- two", {}});
  EXPECT_TRUE(StructureInNotes(f).empty());
}

TEST(MeasureCoverage, ReportsMissingRunsWithTheirLine) {
  model::Framework f = WithNote("The first sentence was kept. The third sentence was kept too.");
  Coverage c = MeasureCoverage(
      {{10,
        "The first sentence was kept.\nA second one was dropped entirely.\nThe third sentence "
        "was kept too.",
        "a.md"}},
      f);
  EXPECT_EQ(c.source_words, 17);
  EXPECT_EQ(c.imported_words, 11);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].line, 11);
  EXPECT_EQ(c.not_imported[0].text, "A second one was dropped entirely");
  EXPECT_EQ(c.not_imported[0].file, "a.md");
}

TEST(MeasureCoverage, ShortRunsNeedAWholeFieldOrPassage) {
  model::Framework f;
  f.competencies.push_back({"delivery", "Delivery", "", {}});
  f.notes.push_back({"", "the team and the company", {}});
  // "Delivery" is a whole field; "the team" alone appears only inside a longer field.
  Coverage c = MeasureCoverage({{1, "Delivery", ""}, {2, "Delivery of the team", ""}}, f);
  EXPECT_EQ(c.source_words, 5);
  EXPECT_EQ(c.imported_words, 2);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].text, "of the team");
}

TEST(MeasureCoverage, CountsEveryTextField) {
  model::Framework f;
  model::Track t;
  model::Level l;
  l.attributes.push_back({"years_of_experience", "five to eight years"});
  model::Requirement r;
  r.text = "Presented at three internal talks";
  l.requirements.push_back(r);
  t.levels.push_back(l);
  f.tracks.push_back(t);
  f.roles.push_back({"r",
                     "Web Engineer",
                     "Staff",
                     "Staff Web Engineer",
                     "Builds the web tier",
                     {},
                     {},
                     {},
                     "",
                     {}});
  Coverage c = MeasureCoverage({{1, "five to eight years", ""},
                                {2, "presented at three internal talks", ""},
                                {3, "Staff Web Engineer: builds the web tier", ""}},
                               f);
  EXPECT_EQ(c.imported_words, c.source_words);
}

// Short names made of a word repeated thousands of times ("Section 1" ... "Section 900") are
// each found, not only the first few hundred.
TEST(MeasureCoverage, ShortPassagesSharingAWordAreAllFound) {
  model::Framework f;
  std::vector<Passage> source;
  for (int i = 0; i < 900; ++i) {
    model::Competency c;
    c.id = "section-" + std::to_string(i);
    c.name = "Section " + std::to_string(i);
    f.competencies.push_back(c);
    source.push_back({i + 1, "Section " + std::to_string(i), "p.md"});
  }
  source.push_back({901, "Section 901", "p.md"});  // not in the framework
  Coverage c = MeasureCoverage(source, f);
  EXPECT_EQ(c.source_words, 1802);
  // One word of two ("Section") is neither 3+ words, nor the whole passage, nor a field.
  EXPECT_EQ(c.imported_words, 1800);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].line, 901);
  EXPECT_EQ(c.not_imported[0].text, "Section 901");
}

// A label that became a whole field (a competency name) counts even inside a longer passage.
TEST(MeasureCoverage, WholeFieldsInsideLongerPassages) {
  model::Framework f;
  for (int i = 0; i < 600; ++i) {
    model::Competency c;
    c.id = "c" + std::to_string(i);
    c.name = "Area " + std::to_string(i);
    f.competencies.push_back(c);
  }
  Coverage c = MeasureCoverage({{1, "Area 599 unknown", "p.md"}}, f);
  EXPECT_EQ(c.imported_words, 2);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].text, "unknown");
}

// A code written with a space in the document ("Operator I (IC 1)") is the level code IC1 the
// user sees: its words count as imported. A spelling the framework does not hold does not.
TEST(coverage_Codes, WrittenWithASpaceAreTheLevelCode) {
  model::Framework f;
  model::Track t;
  t.id = "ic";
  for (const char* code : {"IC1", "IC3a"}) {
    model::Level l;
    l.code = code;
    l.title = "Operator";
    t.levels.push_back(l);
  }
  f.tracks.push_back(t);
  Coverage c = MeasureCoverage(
      {{4, "Operator (IC 1)", "t.md"}, {5, "Operator (IC 3a)", "t.md"}, {6, "Operator (IC 2)", ""}},
      f);
  EXPECT_EQ(c.source_words, 9);
  EXPECT_EQ(c.structure_words, 7);
  ASSERT_EQ(c.not_imported.size(), 1u);
  EXPECT_EQ(c.not_imported[0].line, 6);
  EXPECT_EQ(c.not_imported[0].text, "IC 2");
  // The spellings are coverage's own: the framework's texts are its fields as they are.
  for (const std::string& text : StructureTexts(f)) EXPECT_NE(text, "IC 1");
}

}  // namespace
}  // namespace ladder::formats
