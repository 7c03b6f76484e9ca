// Realistic variants of the document families, read through ReadDocuments as `ladder import`
// does (detection from content included). Each fixture in tests/golden/ was written for
// these tests; the expected structure below was worked out by reading the fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/import.h"
#include "formats/latex_table_reader.h"
#include "model/validate.h"

namespace ladder::formats {
namespace {

using model::LevelState;

// A golden fixture ("levels_as_rows/numbered.md"), named by its file name.
Document Fixture(const std::string& path) {
  std::filesystem::path p = std::filesystem::path(LADDER_SOURCE_DIR) / "tests/golden" / path;
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return {p.filename().string(), s.str()};
}

Imported Import(const Document& doc) {
  Result<Imported> r = ReadDocuments({doc});
  EXPECT_TRUE(r) << r.error().ToString();
  if (!r) return {};
  std::vector<Error> invalid = model::ValidateFramework(r->framework);
  EXPECT_TRUE(invalid.empty()) << invalid[0].ToString();
  return std::move(*r);
}

std::vector<std::string> Codes(const model::Track& t) {
  std::vector<std::string> out;
  for (const model::Level& l : t.levels) out.push_back(l.code);
  return out;
}

std::vector<std::string> Titles(const model::Track& t) {
  std::vector<std::string> out;
  for (const model::Level& l : t.levels) out.push_back(l.title);
  return out;
}

std::vector<std::string> CompetencyIds(const model::Framework& f) {
  std::vector<std::string> out;
  for (const model::Competency& c : f.competencies) out.push_back(c.id);
  return out;
}

std::vector<std::string> NoteTitles(const model::Framework& f) {
  std::vector<std::string> out;
  for (const model::Note& n : f.notes) out.push_back(n.title);
  return out;
}

std::vector<std::string> NotImported(const Imported& i) {
  std::vector<std::string> out;
  for (const Passage& p : i.coverage.not_imported)
    out.push_back(std::to_string(p.line) + ": " + p.text);
  return out;
}

// Item: rows named "Title (CODE)", "Title – CODE", "New Grad" and a plain "Analyst" are all
// levels; navigation, page header and footer are not content.
TEST(ImportVariants, HtmlRowsWithCodesInBracketsAndOddNames) {
  Imported i = Import(Fixture("html_tables/page_with_navigation.html"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "html-table");
  EXPECT_EQ(f.name, "Analytics Career Ladder");  // the <h1> inside <header>
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& t = f.tracks[0];
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"new-grad", "A1", "A2", "analyst", "A5"}));
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"New Grad", "Analyst I", "Analyst II", "Analyst",
                                                 "Principal Analyst"}));
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"reporting", "stakeholders"}));
  EXPECT_EQ(
      t.levels[1].FindExpectation("reporting")->behaviours,
      (std::vector<std::string>{"Writes SQL for recurring reports", "Checks the numbers twice"}));
  EXPECT_EQ(t.levels[3].FindExpectation("stakeholders")->behaviours,
            (std::vector<std::string>{"Runs the monthly business review"}));
  EXPECT_EQ(t.levels[4].state, LevelState::kUndefined);
  EXPECT_EQ(t.levels[4].note, "Not defined yet");
  // The odd row is kept and said so, with its line.
  ASSERT_EQ(i.warnings.size(), 1u);
  EXPECT_EQ(i.warnings[0].where.line, 12);
  EXPECT_NE(i.warnings[0].message.find("'Analyst'"), std::string::npos);
  // No note from the <nav> or the <footer>; their words are listed as not imported.
  EXPECT_EQ(NoteTitles(f), (std::vector<std::string>{"Analytics Career Ladder", "Promotions"}));
  EXPECT_EQ(NotImported(i),
            (std::vector<std::string>{"5: Home Open jobs", "17: Example Co, 2025"}));
}

// Item: bare numbers under a "Grade" corner are levels; "Role" names them and "Years of
// experience" is an attribute, neither is a competency.
TEST(ImportVariants, NumberedLevelsWithTitleAndExperienceColumns) {
  Imported i = Import(Fixture("levels_as_rows/numbered.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "levels-table");
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"customers", "tooling"}));
  const model::Track& t = f.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"Field Associate", "Field Technician",
                                                 "Senior Field Technician"}));
  EXPECT_EQ(t.levels[2].attributes, (model::Attributes{{"years_of_experience", "3+"}}));
  EXPECT_EQ(t.levels[1].FindExpectation("customers")->behaviours,
            (std::vector<std::string>{"Handles difficult sites"}));
  EXPECT_TRUE(i.warnings.empty());
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Item: levels as columns with a <th colspan> pillar row right after the header; "Level One"
// names level 1; an odd column ("Specialist") is a level too.
TEST(ImportVariants, ColumnsOfLevelsWithPillarRowAfterTheHeader) {
  Imported i = Import(Fixture("html_tables/pillar_columns.html"));
  const model::Framework& f = i.framework;
  ASSERT_EQ(f.groups.size(), 2u);
  EXPECT_EQ(f.groups[0].name, "Craft");
  EXPECT_EQ(f.groups[0].competencies, (std::vector<std::string>{"demos", "discovery"}));
  EXPECT_EQ(f.groups[1].competencies, (std::vector<std::string>{"deals"}));
  const model::Track& t = f.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"L1", "L2", "L3", "specialist"}));
  // "TBD" spanning two level columns makes both cells undefined.
  EXPECT_TRUE(t.levels[2].FindExpectation("discovery")->undefined);
  EXPECT_TRUE(t.levels[3].FindExpectation("discovery")->undefined);
  EXPECT_EQ(t.levels[3].FindExpectation("deals")->note, "Not currently defined");
  EXPECT_EQ(t.levels[3].FindExpectation("demos")->behaviours,
            (std::vector<std::string>{"Sets the demo strategy"}));
  EXPECT_EQ(t.levels[2].FindExpectation("deals")->behaviours,
            (std::vector<std::string>{"Wins strategic deals & renewals"}));
  ASSERT_EQ(i.warnings.size(), 1u);  // the "Specialist" column
  EXPECT_NE(i.warnings[0].message.find("'Specialist'"), std::string::npos);
  EXPECT_TRUE(i.coverage.not_imported.empty());
}

// Item: a Markdown document whose content is a GFM pipe table of levels (as columns).
TEST(ImportVariants, PipeTableWithLevelsAsColumns) {
  Imported i = Import(Fixture("levels_as_columns/pipe_matrix.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "levels-table");
  EXPECT_EQ(f.name, "Mobile Engineering Matrix");
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"building", "quality", "collaboration"}));
  const model::Track& t = f.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"junior", "mid", "senior"}));
  EXPECT_EQ(t.levels[1].FindExpectation("building")->behaviours,
            (std::vector<std::string>{"Ships **whole features** alone"}));
  EXPECT_EQ(t.levels[2].FindExpectation("building")->behaviours,
            (std::vector<std::string>{"Designs the [app architecture](https://example.org/arch)"}));
  EXPECT_TRUE(t.levels[2].FindExpectation("collaboration")->undefined);
  EXPECT_EQ(t.levels[2].FindExpectation("collaboration")->origin.where.line, 9);
  // The table is no prose; the introduction is the description, said once (not again as a
  // note): the notes are the promotions section only.
  EXPECT_EQ(f.description, "What we expect of mobile engineers at each level.");
  EXPECT_EQ(NoteTitles(f), (std::vector<std::string>{"Promotions"}));
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Item: a pipe table of levels as rows, with a Title column.
TEST(ImportVariants, PipeTableWithLevelsAsRows) {
  Imported i = Import(Fixture("levels_as_rows/pipe_rows.md"));
  const model::Track& t = i.framework.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"P1", "P2", "P3"}));
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"Platform Engineer", "Senior Platform Engineer",
                                                 "Staff Platform Engineer"}));
  EXPECT_EQ(CompetencyIds(i.framework), (std::vector<std::string>{"reliability", "design"}));
  EXPECT_TRUE(t.levels[2].FindExpectation("design")->undefined);
  EXPECT_EQ(t.levels[2].FindExpectation("design")->note, "Not yet defined");
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Items: undefined cells and levels in a Markdown ladder; prose sections after the levels
// are notes (and a transition), not levels.
TEST(ImportVariants, MarkdownLadderUndefinedCellsAndProseAfterLevels) {
  Imported i = Import(Fixture("level_sections/prose_after_levels.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "markdown-ladder");
  const model::Track& t = f.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"associate-designer", "designer", "senior-designer",
                                                "principal-designer"}));
  const model::Expectation* collab = t.levels[0].FindExpectation("collaboration");
  ASSERT_NE(collab, nullptr);
  EXPECT_TRUE(collab->undefined);
  EXPECT_EQ(collab->note, "Not yet defined");
  EXPECT_TRUE(collab->behaviours.empty());
  EXPECT_TRUE(t.levels[2].FindExpectation("craft")->undefined);  // "- N/A"
  EXPECT_EQ(t.levels[2].state, LevelState::kDefined);
  EXPECT_EQ(t.levels[3].state, LevelState::kUndefined);
  EXPECT_EQ(t.levels[3].note, "TBD, this level is not currently defined.");
  EXPECT_TRUE(t.levels[3].summary.empty());
  EXPECT_EQ(NoteTitles(f), (std::vector<std::string>{"Lead Designers", "Moving into management",
                                                     "How promotions work"}));
  ASSERT_EQ(f.transitions.size(), 1u);
  EXPECT_EQ(f.transitions[0].from, "levels");
  EXPECT_EQ(f.transitions[0].to, "management");
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Item: a pipe table of the ladder's own levels gives their codes and years of experience; a
// table of anything else stays in its note as a Markdown table, not flattened.
TEST(ImportVariants, MarkdownLadderWithAPipeTableOfItsLevels) {
  Imported i = Import(Fixture("mixed/ladder_with_table.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "markdown-ladder");
  const model::Track& t = f.tracks.at(0);
  EXPECT_EQ(Codes(t), (std::vector<std::string>{"DS1", "DS2"}));
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"Data Scientist I", "Data Scientist II"}));
  EXPECT_EQ(t.levels[1].attributes, (model::Attributes{{"years_of_experience", "2-5"}}));
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"modelling", "communication"}));
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].title, "Reference");
  EXPECT_EQ(f.notes[0].markdown, "| Tool | Used for |\n| --- | --- |\n| Notebooks | Exploration |");
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Item: "Requirements: none" is no requirement.
TEST(ImportVariants, MarkdownLabelRequirementsNone) {
  Imported i = Import(Fixture("labelled_items/plain_labels.md"));
  const model::Track& t = i.framework.tracks.at(0);
  ASSERT_EQ(t.levels.size(), 2u);
  EXPECT_TRUE(t.levels[0].requirements.empty());
  ASSERT_EQ(t.levels[1].requirements.size(), 1u);
  EXPECT_EQ(t.levels[1].requirements[0].text, "1 year at Level 1");
  EXPECT_TRUE(i.coverage.not_imported.empty());
}

// Item: plain text with a Grade column, dash and star bullets in cells, "None" and "n/a".
TEST(ImportVariants, PlainTextGradesBulletsAndNoRequirements) {
  Imported i = Import(Fixture("plain_text_ladder/grades.txt"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "plain-text");
  ASSERT_EQ(f.tracks.size(), 2u);
  EXPECT_EQ(Codes(f.tracks[0]), (std::vector<std::string>{"S1", "S2", "S3"}));
  EXPECT_EQ(Codes(f.tracks[1]), (std::vector<std::string>{"M1", "M2"}));
  const model::Level& s1 = f.tracks[0].levels[0];
  EXPECT_TRUE(s1.attributes.empty());
  EXPECT_TRUE(s1.requirements.empty());  // "None"
  EXPECT_EQ(s1.FindExpectation("responsibilities")->behaviours,
            (std::vector<std::string>{"Answers first-line tickets", "Keeps the SLAs"}));
  const model::Level& s2 = f.tracks[0].levels[1];
  EXPECT_EQ(s2.inherits, "S1");
  EXPECT_EQ(
      s2.FindExpectation("responsibilities")->behaviours,
      (std::vector<std::string>{"Handles second-line escalations", "Writes knowledge articles"}));
  EXPECT_TRUE(f.tracks[1].levels[1].requirements.empty());  // "n/a"
  // "2 years at S2" names a level of the framework.
  EXPECT_NE(f.ResolveLevel("S2").second, nullptr);
  EXPECT_EQ(f.tracks[0].levels[2].requirements.at(0).text, "2 years at S2");
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Item: a file in Ladder's own canonical format is refused, pointing at load and fmt.
TEST(ImportVariants, CanonicalFrameworkIsRefusedWithTheRightCommands) {
  const std::string yaml =
      "# a framework\nladder: 1\nframework:\n  id: x\n  name: X\ntracks:\n  - id: ic\n"
      "    name: IC\n    levels:\n      - {code: IC1, rank: 1, title: Engineer}\n";
  for (const std::string& text :
       {yaml, std::string("{\n  \"ladder\": 1,\n  \"framework\": {\"id\": \"x\"}\n}\n")}) {
    Result<Imported> r = ReadDocuments({{"engineering.yaml", text}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("ladder load"), std::string::npos);
    EXPECT_NE(r.error().message.find("ladder fmt"), std::string::npos);
  }
  // A document that merely mentions the word is not refused.
  Result<Imported> catalogue = ReadDocuments(
      {{"c.md", "Data Engineer: Role Blueprint\nladder: the way up.\nBuilds pipelines.\n"}});
  EXPECT_TRUE(catalogue) << catalogue.error().ToString();
}

// Item: a document cut inside an HTML tag gets a warning naming the line.
TEST(ImportVariants, TruncatedHtmlIsWarnedWithItsLine) {
  Document doc = Fixture("html_tables/pillar_columns.html");
  doc.text = doc.text.substr(0, doc.text.find("<td>Supports a region"));
  doc.text += "<td class=\"ce";
  Result<Imported> r = ReadDocuments({doc});
  ASSERT_TRUE(r) << r.error().ToString();
  int line = 1 + static_cast<int>(std::count(doc.text.begin(), doc.text.end(), '\n'));
  bool warned = false;
  for (const ImportWarning& w : r->warnings)
    if (w.where.line == line && w.message.find("truncated") != std::string::npos) warned = true;
  EXPECT_TRUE(warned) << "no truncation warning at line " << line;
  // A complete document gets no such warning.
  Result<Imported> whole = ReadDocuments({Fixture("html_tables/pillar_columns.html")});
  ASSERT_TRUE(whole);
  for (const ImportWarning& w : whole->warnings)
    EXPECT_EQ(w.message.find("truncated"), std::string::npos);
}

// Class: a levels matrix typeset in LaTeX (tabularx with booktabs rules, a row colour, row
// spacing, \bigbreak and \newline between behaviours, \emph, a TBD cell); text outside the table
// is kept as notes, comments are dropped.
TEST(ImportVariants, LatexTabularOfLevels) {
  Imported i = Import(Fixture("latex/support_matrix.tex"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "latex-table");
  EXPECT_EQ(f.name, "Support Engineering");
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"customer-care", "knowledge-sharing"}));
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& t = f.tracks[0];
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"Support Engineer I", "Support Engineer II",
                                                 "Senior Support Engineer"}));
  EXPECT_EQ(t.levels[0].FindExpectation("customer-care")->behaviours,
            (std::vector<std::string>{"Answers tickets within the agreed time.",
                                      "Asks for help before a deadline slips."}));
  EXPECT_EQ(t.levels[0].FindExpectation("knowledge-sharing")->behaviours,
            (std::vector<std::string>{"Writes _short_ articles for common questions."}));
  EXPECT_EQ(t.levels[2].FindExpectation("customer-care")->behaviours,
            (std::vector<std::string>{"Leads incident calls with customers",
                                      "Coaches newer engineers on tone."}));
  const model::Expectation* tbd = t.levels[2].FindExpectation("knowledge-sharing");
  ASSERT_NE(tbd, nullptr);
  EXPECT_TRUE(tbd->undefined);
  EXPECT_EQ(tbd->note, "TBD");
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_NE(f.notes[0].markdown.find("reviewed twice a year"), std::string::npos);
  EXPECT_NE(f.notes[0].markdown.find("written case"), std::string::npos);
  EXPECT_EQ(f.notes[0].markdown.find("Draft"), std::string::npos);  // a comment
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Class: a competency list without levels, as a pipe table whose columns are groups (a short
// column leaves its last cell empty); the prose around it becomes notes.
TEST(ImportVariants, CompetencyGroupsWithoutLevels) {
  Imported i = Import(Fixture("competency_list/groups_as_headings.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "competency-list");
  EXPECT_TRUE(f.tracks.empty());
  EXPECT_EQ(CompetencyIds(f), (std::vector<std::string>{"visual-design", "interaction-design",
                                                        "prototyping", "critique", "facilitation",
                                                        "writing", "outcomes", "prioritisation"}));
  ASSERT_EQ(f.groups.size(), 3u);
  EXPECT_EQ(f.groups[0].name, "Craft");
  EXPECT_EQ(f.groups[1].competencies,
            (std::vector<std::string>{"critique", "facilitation", "writing"}));
  EXPECT_EQ(f.groups[2].competencies, (std::vector<std::string>{"outcomes", "prioritisation"}));
  EXPECT_EQ(NoteTitles(f), (std::vector<std::string>{"", "How we use this"}));
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Class: a competency list as an HTML "Skill | Description" table inside Markdown (markup in a
// name cell): one competency per row with its description.
TEST(ImportVariants, CompetencyDescriptionsInAnHtmlTable) {
  Imported i = Import(Fixture("competency_list/skill_descriptions.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "competency-list");
  EXPECT_EQ(CompetencyIds(f),
            (std::vector<std::string>{"modelling", "data-quality", "storytelling"}));
  EXPECT_EQ(f.competencies[1].name, "Data quality");
  EXPECT_EQ(f.competencies[1].description,
            "Checks sources before trusting them and documents their gaps.");
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].markdown, "Levels for the data team will follow.");
  // The header's labels name the columns: structure, so nothing is left out.
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Details: sub-levels 1A/1B keep their order between whole levels, a "Not yet defined" cell is
// an undefined expectation, not a behaviour, and "each level includes everything below it"
// makes the framework cumulative.
TEST(ImportVariants, SubLevelsAndUndefinedCells) {
  Imported i = Import(Fixture("sub_levels/letters_with_numbers.md"));
  const model::Framework& f = i.framework;
  EXPECT_EQ(f.source.format, "levels-table");
  EXPECT_TRUE(f.cumulative);
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& t = f.tracks[0];
  EXPECT_EQ(Titles(t), (std::vector<std::string>{"1A", "1B", "2", "3"}));
  for (size_t k = 0; k < t.levels.size(); ++k) EXPECT_EQ(t.levels[k].rank, static_cast<int>(k) + 1);
  EXPECT_EQ(t.levels[1].FindExpectation("analysis")->behaviours,
            (std::vector<std::string>{"Cleans data sets alone."}));
  const model::Expectation* undefined = t.levels[3].FindExpectation("analysis");
  ASSERT_NE(undefined, nullptr);
  EXPECT_TRUE(undefined->undefined);
  EXPECT_TRUE(undefined->behaviours.empty());
  EXPECT_EQ(t.levels[3].FindExpectation("communication")->behaviours,
            (std::vector<std::string>{"Writes the team's reports."}));
  EXPECT_TRUE(i.coverage.not_imported.empty()) << NotImported(i)[0];
}

// Detail: a Markdown ladder whose introduction says its levels are cumulative.
TEST(ImportVariants, MarkdownLadderSayingItsLevelsAreCumulative) {
  const std::string ladder =
      "# Platform Ladder\n\nOur levels are cumulative: each lists only what is new.\n\n"
      "## P1 - Engineer\n\n### Delivery\n- Ships small changes safely.\n\n"
      "## P2 - Senior Engineer\n\n### Delivery\n- Ships projects end to end.\n";
  Imported i = Import({"platform.md", ladder});
  EXPECT_EQ(i.framework.source.format, "markdown-ladder");
  EXPECT_TRUE(i.framework.cumulative);
  std::string plain = ladder;
  plain.replace(plain.find("Our levels are cumulative"), 25, "Our levels stand alone");
  EXPECT_FALSE(Import({"platform.md", plain}).framework.cumulative);
}

// Class: two ladders in one table with no rank column: the first column is the IC ladder, the
// second the management ladder starting at the third row; the scope column is an attribute of
// each row's levels; codes come from inside the titles ("Engineer I (IC 1)").
TEST(ImportVariants, IcAndManagerColumnsWithoutARankColumn) {
  Imported i = Import(Fixture("tracks/ic_and_manager_headed_columns.html"));
  const model::Framework& f = i.framework;
  EXPECT_TRUE(f.competencies.empty());
  ASSERT_EQ(f.tracks.size(), 2u);
  EXPECT_EQ(f.tracks[0].name, "Individual Contributor");
  EXPECT_EQ(f.tracks[0].kind, model::TrackKind::kIc);
  EXPECT_EQ(Codes(f.tracks[0]), (std::vector<std::string>{"IC1", "IC2", "IC3", "IC4"}));
  EXPECT_EQ(Titles(f.tracks[0]), (std::vector<std::string>{"Engineer I", "Engineer II",
                                                           "Senior Engineer", "Staff Engineer"}));
  EXPECT_EQ(f.tracks[1].kind, model::TrackKind::kManagement);
  EXPECT_EQ(Codes(f.tracks[1]), (std::vector<std::string>{"M1", "M2"}));
  EXPECT_EQ(f.tracks[1].levels[0].rank, f.tracks[0].levels[2].rank);  // beside Senior Engineer
  ASSERT_EQ(f.tracks[1].levels[1].attributes.size(), 1u);
  EXPECT_EQ(f.tracks[1].levels[1].attributes[0],
            (std::pair<std::string, std::string>{"scope", "Several teams and their direction."}));
}

// A LaTeX table whose section title, as the reader converts it, does not stand in the source
// as such (a mutation found by the fuzzer): the title's line is not looked up past the end of
// the text, which read out of bounds.
TEST(ImportVariants, ALatexTitleNotFoundInTheSourceIsReadWithoutReadingPastIt) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) +
                   "/src/formats/testdata/fuzz/latex_title_not_in_source.seed");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(text.size(), 500u);
  auto read = ReadLatexTable(Document{"levels.tex", text});
  EXPECT_TRUE(read.has_value() || !read.error().message.empty());
}

}  // namespace
}  // namespace ladder::formats
