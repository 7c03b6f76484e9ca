#include "formats/html_table_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "formats/coverage.h"
#include "formats/html_readers_testing.h"
#include "model/validate.h"

namespace ladder::formats {
namespace {

using model::LevelState;
using testing::Fixture;

std::vector<std::string> NotImported(const Imported& imported) {
  std::vector<std::string> out;
  for (const Passage& p : MeasureCoverage(imported.source, imported.framework).not_imported)
    out.push_back(std::to_string(p.line) + ": " + p.text);
  return out;
}

TEST(HtmlTableReaderTest, LevelsAsColumnsWithPillarRowsAndSpans) {
  Document doc = Fixture("levels_as_columns/transposed.html");
  EXPECT_EQ(DetectHtmlTable(doc.text), 80);
  auto read = ReadHtmlTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.name, "Platform engineering levels");
  EXPECT_EQ(f.description, "Platform team ladder");  // the <title>
  ASSERT_EQ(f.groups.size(), 2u);
  EXPECT_EQ(f.groups[0].name, "Craft");
  EXPECT_EQ(f.groups[0].competencies, (std::vector<std::string>{"code-quality", "testing"}));
  EXPECT_EQ(f.groups[1].competencies, (std::vector<std::string>{"communication"}));
  ASSERT_EQ(f.tracks.size(), 2u);  // the levels, and the management track of the transition
  EXPECT_EQ(f.tracks[0].id, "levels");
  EXPECT_EQ(f.tracks[1].id, "management");
  const auto& levels = f.tracks[0].levels;
  ASSERT_EQ(levels.size(), 4u);
  EXPECT_EQ(levels[0].title, "Engineer I");
  EXPECT_EQ(levels[3].title, "Principal Engineer");
  EXPECT_EQ(levels[1].summary, "Owns small services.");
  EXPECT_EQ(levels[0].FindExpectation("code-quality")->behaviours,
            (std::vector<std::string>{"Writes readable changes.", "Adds tests when asked."}));
  EXPECT_EQ(levels[0].FindExpectation("code-quality")->summary, "Careful");
  EXPECT_EQ(levels[1].FindExpectation("communication")->behaviours[0],
            "Writes clear **design notes**, see [examples](https://example.org/notes).");
  // "TBD" spanning two level columns.
  EXPECT_TRUE(levels[2].FindExpectation("testing")->undefined);
  EXPECT_EQ(levels[2].FindExpectation("testing")->note, "TBD");
  EXPECT_TRUE(levels[3].FindExpectation("testing")->undefined);
  EXPECT_EQ(levels[2].state, LevelState::kDefined);
  EXPECT_EQ(levels[3].state, LevelState::kUndefined);
  EXPECT_EQ(levels[3].note, "Not defined yet");
  ASSERT_EQ(f.overlays.size(), 1u);
  EXPECT_EQ(f.overlays[0].id, "tech-lead");
  EXPECT_EQ(f.overlays[0].duties.size(), 2u);
  ASSERT_EQ(f.transitions.size(), 1u);
  EXPECT_EQ(f.transitions[0].from, "levels");
  EXPECT_EQ(f.transitions[0].requirements.size(), 2u);
  EXPECT_TRUE(model::ValidateFramework(f).empty()) << model::ValidateFramework(f)[0].ToString();
  // The level navigation list and the <style> block are not content.
  for (const Passage& p : read->source) {
    EXPECT_EQ(p.text.find("vertical-align"), std::string::npos);
    EXPECT_NE(p.line, 11) << p.text;  // the <ul class="level-nav">
  }
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
}

TEST(HtmlTableReaderTest, LevelsAsRowsInABareTable) {
  Document doc{"bare.html",
               "<table><tr><th>Level</th><th>Impact</th><th>Craft</th></tr>"
               "<tr><td>Junior</td><td>Own tasks</td><td>Learns the codebase</td></tr>"
               "<tr><td>Senior</td><td>Team goals</td><td>Designs components</td></tr>"
               "<tr><td>Staff</td><td>Several teams</td><td>Sets standards</td></tr></table>"};
  EXPECT_EQ(DetectHtmlTable(doc.text), 80);
  auto read = ReadHtmlTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.name, "bare");
  ASSERT_EQ(f.competencies.size(), 2u);
  ASSERT_EQ(f.tracks[0].levels.size(), 3u);
  EXPECT_EQ(f.tracks[0].levels[2].title, "Staff");
  EXPECT_EQ(f.tracks[0].levels[2].FindExpectation("craft")->behaviours,
            (std::vector<std::string>{"Sets standards"}));
}

// A page whose broken markup makes a header cell of thousands of characters (a mutation of the
// transposed golden fixture, found by the fuzzer): the cell is content, not a label, and reading
// its role must not recurse once per character (std::regex), which exhausted the stack.
TEST(HtmlTableReaderTest, AHugeHeaderCellIsReadWithoutExhaustingTheStack) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) +
                   "/src/formats/testdata/fuzz/html_table_long_cell.seed");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(text.size(), 10000u);
  auto read = ReadHtmlTable(Document{"long-cell.html", text});
  EXPECT_TRUE(read.has_value() || !read.error().message.empty());
}

TEST(HtmlTableReaderTest, DetectsLevelNamesOfManyKinds) {
  for (const char* names :
       {"L1|L2|L3", "Level 1|Level 2|Level 3", "IC2|IC3|IC4", "Engineer I|Engineer II|Engineer III",
        "Junior|Mid-level|Senior", "E3 - Engineer|E4 - Senior Engineer|E5 - Staff"}) {
    std::string html = "<html><body><table><tr><th>Skill</th>";
    for (const auto& n : text::Split(names, '|')) html += "<th>" + n + "</th>";
    html += "</tr><tr><td>Testing</td><td>a b</td><td>c d</td><td>e f</td></tr></table>";
    EXPECT_EQ(DetectHtmlTable(html), 80) << names;
    auto read = ReadHtmlTable(Document{"x.html", html});
    ASSERT_TRUE(read.has_value()) << names;
    EXPECT_EQ(read->framework.tracks[0].levels.size(), 3u) << names;
  }
}

TEST(HtmlTableReaderTest, RowsSpanningTheTableAreSummariesOrTrackDividers) {
  Document doc{"tracks.html",
               "<html><body><table><tr><th>Level</th><th>Scope</th><th>People</th></tr>"
               "<tr><td>IC1 Associate</td><td>A task</td><td>Self</td></tr>"
               "<tr><td colspan=3>Entry level.</td></tr>"
               "<tr><td>IC2 Engineer</td><td>A feature</td><td>Peers</td></tr>"
               "<tr><td colspan=3>Management track</td></tr>"
               "<tr><td>M1 Team lead</td><td>A team</td><td>Reports</td></tr>"
               "<tr><td>M2 Manager</td><td>Teams</td><td>Leads</td></tr></table></body></html>"};
  auto read = ReadHtmlTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  ASSERT_EQ(f.tracks.size(), 2u);
  EXPECT_EQ(f.tracks[0].id, "ic");
  ASSERT_EQ(f.tracks[0].levels.size(), 2u);
  EXPECT_EQ(f.tracks[0].levels[0].code, "IC1");
  EXPECT_EQ(f.tracks[0].levels[0].title, "Associate");
  EXPECT_EQ(f.tracks[0].levels[0].summary, "Entry level.");
  EXPECT_EQ(f.tracks[1].id, "management");
  EXPECT_EQ(f.tracks[1].name, "Management track");
  ASSERT_EQ(f.tracks[1].levels.size(), 2u);
  EXPECT_EQ(f.tracks[1].levels[1].code, "M2");
  EXPECT_GT(f.tracks[1].levels[0].rank, f.tracks[0].levels[1].rank);
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
}

TEST(HtmlTableReaderTest, TableWithoutLevelsIsAClearError) {
  Document doc{"menu.html",
               "<html><body><table><tr><td>Soup</td><td>4</td></tr></table></body></html>"};
  EXPECT_EQ(DetectHtmlTable(doc.text), 35);
  auto read = ReadHtmlTable(doc);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kParse);
  EXPECT_EQ(DetectHtmlTable("# Just Markdown\n"), 0);
}

// Headings naming levels, each over a "Competency | Expectation" table: one track of those
// levels, each level where its heading is, every cell imported.
TEST(HtmlTableReaderTest, LevelTablesUnderLevelHeadingsAreOneTrack) {
  Document doc = Fixture("level_tables/engineer_levels.html");
  EXPECT_EQ(DetectHtmlTable(doc.text), 80);
  auto read = ReadHtmlTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  ASSERT_EQ(f.tracks.size(), 1u);
  ASSERT_EQ(f.tracks[0].levels.size(), 3u);
  EXPECT_EQ(f.tracks[0].levels[1].title, "Engineer II");
  EXPECT_EQ(f.tracks[0].levels[1].origin.where.ToString(), "engineer_levels.html:16");
  EXPECT_EQ(f.competencies.size(), 3u);
  EXPECT_TRUE(NotImported(*read).empty());
  EXPECT_TRUE(model::ValidateFramework(f).empty());
}

// The same table under a heading that names no level is no level: it stays a note.
TEST(HtmlTableReaderTest, ExpectationTableUnderOtherHeadingIsANote) {
  const std::string table =
      "<table><tr><th>Competency</th><th>Expectation</th></tr>"
      "<tr><td>Delivery</td><td>Ships changes.</td></tr></table>\n";
  Document doc{"t.html", "<html><body>\n<h1>Levels</h1>\n<h2>Engineer I</h2>\n" + table +
                             "<h2>Engineer II</h2>\n" + table + "<h2>How to read this</h2>\n" +
                             table + "</body></html>\n"};
  auto read = ReadHtmlTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  ASSERT_EQ(read->framework.tracks.size(), 1u);
  EXPECT_EQ(read->framework.tracks[0].levels.size(), 2u);
  ASSERT_EQ(read->framework.notes.size(), 1u);
  EXPECT_EQ(read->framework.notes[0].markdown,
            "Competency | Expectation\nDelivery | Ships changes.");
}

}  // namespace
}  // namespace ladder::formats
