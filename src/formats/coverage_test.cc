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

}  // namespace
}  // namespace ladder::formats
