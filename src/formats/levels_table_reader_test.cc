#include "formats/levels_table_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "formats/coverage.h"
#include "formats/html_readers_testing.h"
#include "model/validate.h"

namespace ladder::formats {
namespace {

using model::LevelState;
using testing::Fixture;
using testing::Seed;

const model::Note* FindNote(const model::Framework& f, std::string_view title) {
  for (const auto& n : f.notes)
    if (n.title == title) return &n;
  return nullptr;
}

std::vector<std::string> NotImported(const Imported& imported) {
  Coverage coverage = MeasureCoverage(imported.source, imported.framework);
  std::vector<std::string> out;
  for (const Passage& p : coverage.not_imported)
    out.push_back(std::to_string(p.line) + ": " + p.text);
  return out;
}

std::vector<std::string> Codes(const model::Track& t) {
  std::vector<std::string> codes;
  for (const auto& l : t.levels) codes.push_back(l.code);
  return codes;
}

std::vector<std::string> Ids(const std::vector<model::Competency>& cs) {
  std::vector<std::string> ids;
  for (const auto& c : cs) ids.push_back(c.id);
  return ids;
}

TEST(LevelsTableSeedTest, SupportFramework001) {
  Document doc = Seed("001");
  ASSERT_FALSE(doc.text.empty());
  EXPECT_EQ(DetectLevelsTable(doc.text), 95);
  auto read = ReadLevelsTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.name, "Customer support career framework");
  EXPECT_EQ(f.source.format, "levels-table");
  // The prose names three categories, but the table has four columns: the table is the truth.
  EXPECT_EQ(Ids(f.competencies),
            (std::vector<std::string>{"non-technical-proficiency", "technical-proficiency",
                                      "delivery", "teamwork"}));
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& ic = f.tracks[0];
  EXPECT_EQ(ic.id, "ic");
  EXPECT_EQ(ic.kind, model::TrackKind::kIc);
  EXPECT_EQ(ic.name, "Individual Contributor");  // from <abbr title>
  EXPECT_EQ(Codes(ic), (std::vector<std::string>{"IC1", "IC2", "IC3", "IC4", "IC5", "IC6"}));
  for (size_t i = 0; i < ic.levels.size(); ++i)
    EXPECT_EQ(ic.levels[i].rank, static_cast<int>(i) + 1);

  const model::Level& ic1 = ic.levels[0];
  EXPECT_EQ(ic1.title, "Entry Level");
  EXPECT_TRUE(ic1.summary.starts_with("An individual new to the field")) << ic1.summary;
  ASSERT_EQ(ic1.expectations.size(), 4u);
  EXPECT_EQ(ic1.expectations[0].competency, "non-technical-proficiency");
  ASSERT_EQ(ic1.expectations[0].behaviours.size(), 4u);
  EXPECT_EQ(ic1.expectations[0].behaviours[0],
            "Troubleshoots and resolves common customer issues with guidance.");
  // Links are kept as Markdown.
  EXPECT_NE(ic1.expectations[0].behaviours[1].find(
                "[guiding principles](../../support/index.md#our-guiding-principles)"),
            std::string::npos)
      << ic1.expectations[0].behaviours[1];
  EXPECT_EQ(ic1.expectations[1].behaviours.size(), 6u);
  EXPECT_EQ(ic1.expectations[2].behaviours.size(), 3u);
  EXPECT_EQ(ic1.expectations[3].behaviours.size(), 4u);

  // IC2's technical list has an unclosed <li>: still seven behaviours, none merged.
  const model::Level& ic2 = ic.levels[1];
  EXPECT_EQ(ic2.title, "Support Engineer");
  ASSERT_EQ(ic2.expectations[1].behaviours.size(), 7u);
  EXPECT_EQ(ic2.expectations[1].behaviours[3],
            "Has a strong understanding of Sourcegraph main product areas (Search, Batch "
            "Changes, Insights, Monitoring, etc)");
  EXPECT_EQ(ic.levels[4].title, "Staff Support Engineer");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(ic.levels[static_cast<size_t>(i)].state, LevelState::kDefined);

  const model::Level& ic6 = ic.levels[5];
  EXPECT_EQ(ic6.state, LevelState::kUndefined);
  EXPECT_EQ(ic6.note, "This role has not yet been defined.");
  EXPECT_EQ(ic6.title, "Principal Support Engineer");
  EXPECT_TRUE(ic6.expectations.empty());

  // Prose sections are notes; the team-lead section is also an overlay role.
  const model::Note* promoted = FindNote(f, "When do I get promoted?");
  ASSERT_NE(promoted, nullptr);
  EXPECT_NE(promoted->markdown.find("at least 12 months of consistent high performance"),
            std::string::npos);
  EXPECT_NE(promoted->markdown.find("in-band compensation increase"), std::string::npos);
  EXPECT_NE(FindNote(f, "What are the expectations of my role?"), nullptr);
  EXPECT_NE(FindNote(f, "SE Regional Team Leads"), nullptr);
  EXPECT_EQ(FindNote(f, "Levels"), nullptr);  // only the table and a <style> block: no prose
  ASSERT_EQ(f.overlays.size(), 1u);
  EXPECT_EQ(f.overlays[0].id, "team-lead");
  ASSERT_EQ(f.overlays[0].duties.size(), 4u);
  EXPECT_TRUE(f.overlays[0].duties[0].starts_with("**Facilitator**:"));
  EXPECT_TRUE(f.transitions.empty());

  // Nothing seen is lost, and the <style> block is not content.
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
  for (const Passage& p : read->source)
    EXPECT_EQ(p.text.find("container-width"), std::string::npos);
  EXPECT_GT(read->source.size(), 100u);
}

TEST(LevelsTableSeedTest, CustomerEngineering003) {
  Document doc = Seed("003");
  ASSERT_FALSE(doc.text.empty());
  auto read = ReadLevelsTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.name, "CE Career Development Framework");
  ASSERT_EQ(f.groups.size(), 3u);
  EXPECT_EQ(f.groups[0].name, "Leadership");
  EXPECT_EQ(f.groups[0].competencies,
            (std::vector<std::string>{"relationship-management", "outcomes"}));
  EXPECT_EQ(f.groups[1].name, "Business");
  EXPECT_EQ(f.groups[1].competencies,
            (std::vector<std::string>{"contextual-understanding", "operational-excellence"}));
  EXPECT_EQ(f.groups[2].name, "Technology");
  EXPECT_EQ(f.groups[2].competencies,
            (std::vector<std::string>{"sourcegraph-product", "solving-technical-problems"}));
  EXPECT_TRUE(f.groups[0].description.starts_with("The leadership pillar embodies"));
  ASSERT_EQ(f.competencies.size(), 6u);
  EXPECT_TRUE(f.competencies[0].description.starts_with("The application of interpersonal"));
  EXPECT_TRUE(f.competencies[5].description.starts_with("The expected technical understanding"));

  // The IC track, and the management track the transition leads to (no levels described).
  ASSERT_EQ(f.tracks.size(), 2u);
  const model::Track& ic = f.tracks[0];
  EXPECT_EQ(f.tracks[1].id, "management");
  EXPECT_EQ(f.tracks[1].kind, model::TrackKind::kManagement);
  EXPECT_TRUE(f.tracks[1].levels.empty());
  EXPECT_EQ(Codes(ic), (std::vector<std::string>{"IC1", "IC2", "IC3", "IC4", "IC5", "IC6"}));
  std::vector<LevelState> states;
  for (const auto& l : ic.levels) states.push_back(l.state);
  EXPECT_EQ(states, (std::vector<LevelState>{LevelState::kUndefined, LevelState::kUndefined,
                                             LevelState::kDefined, LevelState::kDefined,
                                             LevelState::kDefined, LevelState::kUndefined}));
  EXPECT_EQ(ic.levels[0].note,
            "Not currently defined; will be defined based on future business need.");
  EXPECT_TRUE(ic.levels[0].summary.starts_with("A Customer Engineer focused on learning"));
  ASSERT_EQ(ic.levels[0].expectations.size(), 6u);
  for (const auto& e : ic.levels[0].expectations) EXPECT_TRUE(e.undefined);
  EXPECT_TRUE(ic.levels[5].note.starts_with("We haven't defined this level at Sourcegraph yet"));

  const model::Level& ic3 = ic.levels[2];
  ASSERT_EQ(ic3.expectations.size(), 6u);
  EXPECT_EQ(ic3.expectations[0].behaviours.size(), 4u);
  EXPECT_TRUE(ic3.expectations[0].behaviours[0].starts_with("Customer Relationships & Influence:"));
  // Text written straight into <ul> without <li> is one behaviour.
  ASSERT_EQ(ic3.expectations[3].behaviours.size(), 1u);
  EXPECT_TRUE(ic3.expectations[3].behaviours[0].starts_with("Process & Deliverables:"));
  EXPECT_EQ(ic3.expectations[2].behaviours.size(), 3u);

  ASSERT_EQ(f.transitions.size(), 1u);
  EXPECT_EQ(f.transitions[0].from, "ic");
  EXPECT_EQ(f.transitions[0].to, "management");
  ASSERT_EQ(f.transitions[0].requirements.size(), 4u);
  EXPECT_TRUE(f.transitions[0].requirements[1].text.starts_with("For those that desire to move"));
  EXPECT_TRUE(std::holds_alternative<model::ManualRule>(f.transitions[0].requirements[1].rule));
  ASSERT_EQ(f.overlays.size(), 1u);
  EXPECT_EQ(f.overlays[0].duties.size(), 4u);
  EXPECT_NE(FindNote(f, "CEs Transitioning to CE Management"), nullptr);
  EXPECT_NE(FindNote(f, "Leadership"), nullptr);
  EXPECT_NE(FindNote(f, "When do I get promoted?"), nullptr);
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelsTableFixtureTest, BrokenHtmlIsRepairedAndSpansMakeLevelsUndefined) {
  Document doc = Fixture("html_in_markdown/broken_table.md");
  EXPECT_EQ(DetectLevelsTable(doc.text), 95);
  auto read = ReadLevelsTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  // Header cells written outside any row still name the categories.
  EXPECT_EQ(Ids(f.competencies), (std::vector<std::string>{"analysis", "pipelines"}));
  ASSERT_EQ(f.tracks.size(), 1u);
  // <th> closed by </td>, <tr> where </tr> belongs: still four levels, in order.
  EXPECT_EQ(Codes(f.tracks[0]), (std::vector<std::string>{"L1", "L2", "L3", "L4"}));
  const auto& levels = f.tracks[0].levels;
  // Unclosed <li> and <p>.
  EXPECT_EQ(levels[0].FindExpectation("analysis")->behaviours,
            (std::vector<std::string>{"Answers questions with existing dashboards.",
                                      "Checks numbers twice."}));
  EXPECT_EQ(levels[0].FindExpectation("pipelines")->behaviours,
            (std::vector<std::string>{"Fixes broken jobs with help."}));
  // The commented-out cell is not content: L2's analysis is the next cell.
  EXPECT_EQ(levels[1].FindExpectation("analysis")->behaviours,
            (std::vector<std::string>{"Designs new metrics with the product team."}));
  for (const Passage& p : read->source) EXPECT_EQ(p.text.find("nobody uses"), std::string::npos);
  // "TBD" spanning L3 and L4 in one category.
  EXPECT_TRUE(levels[2].FindExpectation("pipelines")->undefined);
  EXPECT_EQ(levels[2].FindExpectation("pipelines")->note, "TBD");
  EXPECT_EQ(levels[2].state, LevelState::kDefined);
  EXPECT_TRUE(levels[3].FindExpectation("pipelines")->undefined);
  EXPECT_EQ(levels[3].state, LevelState::kUndefined);
  EXPECT_EQ(levels[3].note, "To be defined");
  // <style> and the decorative level list are not content, nor kept in notes.
  for (const Passage& p : read->source) {
    EXPECT_EQ(p.text.find("padding"), std::string::npos);
    EXPECT_NE(p.text, "L1 L2 L3 L4");
  }
  // The introduction is the description, not repeated as a note.
  EXPECT_EQ(f.description, "A short guide to the levels of the data team.");
  EXPECT_EQ(FindNote(f, "Data team levels"), nullptr);
  ASSERT_NE(FindNote(f, "Promotions"), nullptr);
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelsTableFixtureTest, PillarHeadersAndPerCategorySummaryRows) {
  auto read = ReadLevelsTable(Fixture("html_in_markdown/pillar_header_rows.md"));
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  ASSERT_EQ(f.groups.size(), 2u);
  EXPECT_EQ(f.groups[0].name, "Leadership");
  EXPECT_EQ(f.groups[0].competencies, (std::vector<std::string>{"mentoring", "ownership"}));
  EXPECT_EQ(f.groups[1].competencies, (std::vector<std::string>{"architecture", "operations"}));
  const auto& levels = f.tracks[0].levels;
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_EQ(levels[0].summary, "New to support engineering.");
  EXPECT_EQ(levels[0].FindExpectation("mentoring")->summary, "Learns");
  EXPECT_EQ(levels[0].FindExpectation("mentoring")->behaviours,
            (std::vector<std::string>{"Pairs with a mentor weekly."}));
  // Summary cells marked by their class, on the level's first row.
  EXPECT_EQ(levels[1].FindExpectation("operations")->summary, "Leads");
  EXPECT_EQ(levels[1].FindExpectation("operations")->behaviours,
            (std::vector<std::string>{"Leads incident calls."}));
  EXPECT_EQ(NotImported(*read), std::vector<std::string>{});
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelsTableBadInputTest, MarkdownWithoutALevelTableIsAClearError) {
  auto read = ReadLevelsTable(
      Document{"notes.md", "# Notes\n\n<table><tr><td>a</td><td>b</td></tr></table>\n"});
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kParse);
  EXPECT_EQ(read.error().where.file, "notes.md");
}

TEST(LevelsTableBadInputTest, TruncatedDocumentKeepsTheRowsItHas) {
  Document doc = Seed("001");
  doc.text = doc.text.substr(0, doc.text.find("<!-- IC3 -->") + 300);
  auto read = ReadLevelsTable(doc);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  ASSERT_EQ(read->framework.tracks.size(), 1u);
  EXPECT_EQ(Codes(read->framework.tracks[0]), (std::vector<std::string>{"IC1", "IC2", "IC3"}));
}

TEST(LevelsTableBadInputTest, DeeplyNestedTableIsRefusedWithItsLine) {
  std::string text = "# Deep\n\n<table class=\"levels-table\"><tr><th>IC1</th><td>";
  for (int i = 0; i < 10000; ++i) text += "<div>";
  text += "x</td></tr></table>\n";
  auto read = ReadLevelsTable(Document{"deep.md", text});
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(read.error().where.line, 3);
}

// Markdown writing each level as a heading over a "| Competency | Expectation |" table is a
// levels table, not a Markdown ladder of level sections.
TEST(LevelsTableFixtureTest, LevelTablesUnderLevelHeadings) {
  for (const char* name : {"level_tables/pipe_tables.md", "level_tables/html_in_markdown.md"}) {
    Document doc = Fixture(name);
    EXPECT_EQ(DetectLevelsTable(doc.text), 85) << name;
    auto read = ReadLevelsTable(doc);
    ASSERT_TRUE(read.has_value()) << read.error().ToString();
    ASSERT_EQ(read->framework.tracks.size(), 1u) << name;
    EXPECT_GE(read->framework.tracks[0].levels.size(), 2u) << name;
    EXPECT_EQ(MeasureCoverage(read->source, read->framework).not_imported.size(), 0u) << name;
    EXPECT_TRUE(model::ValidateFramework(read->framework).empty()) << name;
  }
  Result<Imported> one = ReadDocuments({Fixture("level_tables/pipe_tables.md")});
  ASSERT_TRUE(one.has_value()) << one.error().ToString();
  EXPECT_EQ(one->framework.source.format, "levels-table");
  EXPECT_EQ(one->framework.tracks[0].levels[2].origin.where.ToString(), "pipe_tables.md:19");
}

}  // namespace
}  // namespace ladder::formats
