#include "formats/markdown_ladder_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "formats/import.h"

namespace ladder::formats {
namespace {

Result<Imported> ImportFixture(const std::string& name) {
  std::string path = std::string(LADDER_SOURCE_DIR) + "/tests/golden/" + name;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ReadDocuments({{path, ss.str()}});
}

std::vector<std::string> Codes(const model::Track& t) {
  std::vector<std::string> codes;
  for (const auto& l : t.levels) codes.push_back(l.code);
  return codes;
}

void ExpectNothingLost(const Imported& imported) {
  EXPECT_EQ(imported.coverage.imported_words, imported.coverage.source_words);
  for (const Passage& p : imported.coverage.not_imported) {
    ADD_FAILURE() << "not imported: " << p.line << ": " << p.text;
  }
}

TEST(ParseLevelHeading, CodesAndTitles) {
  struct Case {
    const char* heading;
    const char* code;
    const char* title;
    int number;
  } cases[] = {
      {"L3 \xE2\x80\x94 Senior Engineer", "L3", "Senior Engineer", 3},
      {"Level 3: Senior Engineer", "L3", "Senior Engineer", 3},
      {"IC4", "IC4", "", 4},
      {"E-5 Staff Engineer", "E5", "Staff Engineer", 5},
      {"Senior Engineer (L3)", "L3", "Senior Engineer", 3},
      {"Principal Engineer - P4", "P4", "Principal Engineer", 4},
  };
  for (const Case& c : cases) {
    auto h = ParseLevelHeading(c.heading);
    ASSERT_TRUE(h) << c.heading;
    EXPECT_EQ(h->code, c.code) << c.heading;
    EXPECT_EQ(h->title, c.title) << c.heading;
    EXPECT_EQ(h->number, c.number) << c.heading;
  }
  for (const char* not_level : {"Levels", "How promotions work", "A note", "Level up your craft"}) {
    EXPECT_FALSE(ParseLevelHeading(not_level)) << not_level;
  }
}

TEST(MarkdownLadderReader, SubHeadingCategoriesAllLevelsAndNotes) {
  Result<Imported> imported = ImportFixture("level_sections/competency_sub_headings.md");
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.source.format, "markdown-ladder");
  EXPECT_EQ(f.name, "Web Platform Ladder");
  EXPECT_EQ(f.description,
            "This ladder describes what we expect from engineers on the web platform team.");
  ASSERT_EQ(f.competencies.size(), 2u);
  EXPECT_EQ(f.competencies[0].id, "delivery");
  EXPECT_EQ(f.competencies[1].name, "Collaboration");
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& t = f.tracks[0];
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"L1", "L2"}));
  EXPECT_EQ(t.levels[0].title, "Engineer");
  EXPECT_EQ(t.levels[0].rank, 1);
  EXPECT_EQ(t.levels[0].summary, "Works on well-scoped tasks with guidance.");
  ASSERT_EQ(t.levels[0].expectations.size(), 2u);
  EXPECT_EQ(t.levels[0].expectations[0].behaviours,
            (std::vector<std::string>{"Ships small, well-tested changes every week.",
                                      "Asks for help early when blocked."}));
  EXPECT_EQ(t.levels[1].expectations[1].behaviours.size(), 2u);
  // The intro's second paragraph, "All levels" and the closing section are notes.
  ASSERT_EQ(f.notes.size(), 3u);
  EXPECT_EQ(f.notes[0].markdown, "It is reviewed every spring by the staff engineers.");
  EXPECT_EQ(f.notes[1].title, "All levels");
  EXPECT_NE(f.notes[1].markdown.find("- Follows the security checklist"), std::string::npos);
  EXPECT_EQ(f.notes[2].title, "How promotions work");
  ExpectNothingLost(*imported);
}

TEST(MarkdownLadderReader, BoldLabelsAndLabelBulletsTopDown) {
  Result<Imported> imported = ImportFixture("labelled_items/senior_first_mixed_labels.md");
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  const model::Track& t = f.tracks.at(0);
  // Written from Level 3 down; ranked by level number.
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(t.levels[0].title, "Associate Analyst");
  EXPECT_EQ(t.levels[0].summary, "Learning the data stack.");
  ASSERT_EQ(t.levels[0].attributes.size(), 1u);
  EXPECT_EQ(t.levels[0].attributes[0],
            (std::pair<std::string, std::string>{"years_of_experience", "0 to 2"}));
  std::vector<std::string> names;
  for (const auto& c : f.competencies) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Impact", "Craft", "Communication"}));
  const model::Level& analyst = t.levels[1];
  const model::Expectation* impact = analyst.FindExpectation("impact");
  ASSERT_NE(impact, nullptr);
  EXPECT_EQ(impact->behaviours,
            (std::vector<std::string>{"Owns the dashboards of one product area.",
                                      "Finds the question behind a request."}));
  ASSERT_NE(analyst.FindExpectation("craft"), nullptr);
  EXPECT_EQ(analyst.FindExpectation("craft")->behaviours,
            std::vector<std::string>{"Writes reviewed, tested SQL."});
  const model::Level& staff = t.levels[2];
  EXPECT_EQ(staff.FindExpectation("craft")->behaviours,
            std::vector<std::string>{"Designs metrics that leadership adopts."});
  EXPECT_EQ(staff.FindExpectation("communication")->behaviours,
            std::vector<std::string>{"Presents findings to executives."});
  ExpectNothingLost(*imported);
}

TEST(MarkdownLadderReader, TracksAndRequirements) {
  Result<Imported> imported = ImportFixture("tracks/track_sections.md");
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.name, "Support career paths");
  ASSERT_EQ(f.tracks.size(), 2u);
  EXPECT_EQ(f.tracks[0].id, "individual-contributor");
  EXPECT_EQ(f.tracks[0].kind, model::TrackKind::kIc);
  EXPECT_EQ(Codes(f.tracks[0]), (std::vector<std::string>{"IC1", "IC2"}));
  EXPECT_EQ(f.tracks[1].kind, model::TrackKind::kManagement);
  EXPECT_EQ(Codes(f.tracks[1]), (std::vector<std::string>{"M1", "M2"}));
  const model::Level& ic2 = f.tracks[0].levels[1];
  ASSERT_EQ(ic2.requirements.size(), 2u);
  EXPECT_EQ(ic2.requirements[0].text, "1 year at IC1.");
  EXPECT_TRUE(std::holds_alternative<model::ManualRule>(ic2.requirements[0].rule));
  EXPECT_EQ(ic2.expectations.size(), 1u);  // Requirements is not a competency
  EXPECT_EQ(f.competencies.size(), 2u);
  ExpectNothingLost(*imported);
}

TEST(MarkdownLadderReader, TitleOnlyHeadingsWithSharedCategories) {
  Result<Imported> imported = ImportFixture("uncoded_levels/seniority_titles.md");
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Track& t = imported->framework.tracks.at(0);
  // "Designer" names no seniority but shares the categories of its neighbours.
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"junior-designer", "designer", "senior-designer"}));
  EXPECT_EQ(t.levels[1].title, "Designer");
  EXPECT_EQ(imported->framework.competencies.size(), 2u);
  ExpectNothingLost(*imported);
}

TEST(MarkdownLadderReader, DetectionIgnoresFileNameAndOtherFamilies) {
  const Reader* reader = FindReader("markdown-ladder");
  ASSERT_NE(reader, nullptr);
  EXPECT_GE(reader->Detect("## L1 Engineer\n- a\n## L2 Senior\n- b\n## L3 Staff\n- c\n"), 70);
  EXPECT_EQ(reader->Detect("Plain prose.\n"), 0);
  // A levels table is the levels-table family's, whose reader scores higher; a table beside
  // fewer than two level headings lowers the Markdown ladder's score.
  const std::string levels_table = "## L1\n## L2\n## L3\n<table class=\"levels-table\"></table>\n";
  EXPECT_GT(FindReader("levels-table")->Detect(levels_table), reader->Detect(levels_table));
  EXPECT_LT(reader->Detect("## L1\n- a\n<table><tr><td>x</td></tr></table>\n"), 30);
}

TEST(MarkdownLadderReader, NoLevelsIsAnErrorWhenForced) {
  Result<Imported> imported =
      ReadDocuments({{"p.md", "# Title\n\nJust prose.\n"}}, "markdown-ladder");
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kParse);
  EXPECT_NE(imported.error().message.find("no level headings"), std::string::npos);
}

}  // namespace
}  // namespace ladder::formats
