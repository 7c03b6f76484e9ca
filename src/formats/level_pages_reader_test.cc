#include "formats/level_pages_reader.h"

#include <gtest/gtest.h>

#include "formats/coverage.h"
#include "formats/html_readers_testing.h"
#include "model/validate.h"

namespace ladder::formats {
namespace {

using testing::Fixture;
using testing::Seed;

std::string Attribute(const model::Level& level, std::string_view key) {
  for (const auto& [k, v] : level.attributes)
    if (k == key) return v;
  return "<none>";
}

const model::Expectation* Find(const model::Level& level, std::string_view competency) {
  return level.FindExpectation(competency);
}

std::vector<std::string> Texts(const std::vector<model::Requirement>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.text);
  return out;
}

std::vector<std::string> NotImported(const Imported& imported) {
  Coverage coverage = MeasureCoverage(imported.source, imported.framework);
  std::vector<std::string> out;
  for (const Passage& p : coverage.not_imported)
    out.push_back(p.file + ":" + std::to_string(p.line) + ": " + p.text);
  return out;
}

void ExpectNothingLost(const Imported& imported) {
  EXPECT_EQ(NotImported(imported), std::vector<std::string>{});
}

TEST(LevelPagesSeedTest, SeniorEngineerPage000) {
  Document doc = Seed("000");
  ASSERT_FALSE(doc.text.empty());
  EXPECT_EQ(DetectLevelPages(doc.text), 90);
  auto read = ReadLevelPages({doc});
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.source.format, "level-pages");
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& track = f.tracks[0];
  EXPECT_EQ(track.name, "Sr Individual Contributor Path");
  EXPECT_EQ(track.kind, model::TrackKind::kIc);
  ASSERT_EQ(track.levels.size(), 3u);
  EXPECT_EQ(track.levels[0].title, "Sr Software Engineer 1");
  EXPECT_EQ(track.levels[1].title, "Sr Software Engineer 2");
  EXPECT_EQ(track.levels[2].title, "Sr Software Engineer 3");
  EXPECT_EQ(track.levels[1].code, "sr-software-engineer-2");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(track.levels[static_cast<size_t>(i)].rank, i + 1);

  // Competencies from the behaviour sections, in page order.
  ASSERT_EQ(f.competencies.size(), 3u);
  EXPECT_EQ(f.competencies[0].name, "Scope of knowledge (Breadth and Depth)");
  EXPECT_EQ(f.competencies[0].id, "scope-of-knowledge");
  EXPECT_EQ(f.competencies[1].id, "responsibilities");
  EXPECT_EQ(f.competencies[2].id, "communication-and-leadership");

  // The page's own level, every section.
  const model::Level& sse2 = track.levels[1];
  EXPECT_EQ(Attribute(sse2, "page"), doc.name);
  EXPECT_EQ(Attribute(sse2, "years_of_experience"), "7+");
  EXPECT_EQ(Attribute(sse2, "scope_of_action"), "2-3 Products / Key components");
  EXPECT_EQ(Attribute(sse2, "competencies_focus"), "- Deliver Results.\n- Service Oriented.");
  EXPECT_NE(Attribute(sse2, "job_descriptions").find("[Sr Backend Engineer](https://docs.google"),
            std::string::npos);
  EXPECT_EQ(Attribute(sse2, "job_descriptions").find("{:target"), std::string::npos);
  ASSERT_NE(Find(sse2, "scope-of-knowledge"), nullptr);
  EXPECT_EQ(Find(sse2, "scope-of-knowledge")->behaviours.size(), 3u);
  ASSERT_NE(Find(sse2, "responsibilities"), nullptr);
  EXPECT_EQ(Find(sse2, "responsibilities")->behaviours.size(), 10u);
  EXPECT_EQ(Find(sse2, "responsibilities")->behaviours[6],
            "Able to optimize or tune queries/code to address performance problems.");
  ASSERT_NE(Find(sse2, "communication-and-leadership"), nullptr);
  EXPECT_EQ(Find(sse2, "communication-and-leadership")->behaviours.size(), 10u);
  EXPECT_EQ(Texts(sse2.requirements),
            (std::vector<std::string>{
                "Has been a tech lead for 1+ year.",
                "Has participated in 3+ technical planning or designs of large Epics or "
                "engineering initiatives.",
                "Has presented 3+ times on a technical topic for a PED talk, ideally based on "
                "Friday afternoon L+D initiatives.",
                "Has documented 5+ technical aspects of systems implementation and/or "
                "post-mortems."}));
  EXPECT_TRUE(std::holds_alternative<model::ManualRule>(sse2.requirements[0].rule));

  // The neighbours are imported too, marked as read from this page's columns.
  const model::Level& sse1 = track.levels[0];
  EXPECT_EQ(Attribute(sse1, "page"), "<none>");
  EXPECT_NE(sse1.note.find(doc.name), std::string::npos);
  EXPECT_EQ(Attribute(sse1, "years_of_experience"), "5 to 8");
  EXPECT_EQ(Find(sse1, "scope-of-knowledge")->behaviours.size(), 5u);
  EXPECT_EQ(Find(sse1, "responsibilities")->behaviours.size(), 10u);
  EXPECT_EQ(sse1.requirements.size(), 4u);
  const model::Level& sse3 = track.levels[2];
  EXPECT_EQ(Attribute(sse3, "years_of_experience"), "9+");
  EXPECT_EQ(Attribute(sse3, "scope_of_action"),
            "- Multiple Products/Key Components.\n- All domains of core team and cross-teams "
            "tasks.");
  EXPECT_EQ(Attribute(sse3, "job_descriptions"), "<none>");  // its cell is empty
  EXPECT_EQ(Find(sse3, "scope-of-knowledge")->behaviours.size(), 5u);
  EXPECT_EQ(Find(sse3, "communication-and-leadership")->behaviours.size(), 6u);
  EXPECT_EQ(sse3.requirements.size(), 7u);
  EXPECT_EQ(sse3.requirements[6].text,
            "Has supported the growth of at least 1 engineer in the team.");

  // Reference lines are notes; a note says what each section became.
  int references = 0;
  for (const auto& n : f.notes) {
    if (n.title.ends_with(": reference")) ++references;
    if (n.title == "Level page sections") {
      EXPECT_NE(n.markdown.find("Years of xp (guideline): level attribute `years_of_experience`"),
                std::string::npos);
      EXPECT_NE(n.markdown.find("Checkpoints for reaching this level: requirements"),
                std::string::npos);
    }
  }
  EXPECT_EQ(references, 2);
  EXPECT_TRUE(read->warnings.empty());
  ExpectNothingLost(*read);
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelPagesFixtureTest, FolderOfThreePagesMakesTwoTracksAndReportsTheConflict) {
  std::vector<Document> docs = {Fixture("level_pages/side_by_side/engineer-2.md"),
                                Fixture("level_pages/side_by_side/engineer-3.md"),
                                Fixture("level_pages/side_by_side/senior-engineer-1.md")};
  for (const auto& d : docs) EXPECT_GE(DetectLevelPages(d.text), 70) << d.name;
  auto read = ReadLevelPages(docs);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  EXPECT_EQ(f.name, "Career paths");
  ASSERT_EQ(f.tracks.size(), 2u);
  EXPECT_EQ(f.tracks[0].id, "engineering");
  EXPECT_EQ(f.tracks[1].id, "senior");
  std::vector<std::pair<std::string, int>> levels;
  for (const auto& t : f.tracks)
    for (const auto& l : t.levels) levels.push_back({t.id + "/" + l.title, l.rank});
  EXPECT_EQ(levels, (std::vector<std::pair<std::string, int>>{{"engineering/Engineer 1", 1},
                                                              {"engineering/Engineer 2", 2},
                                                              {"engineering/Engineer 3", 3},
                                                              {"senior/Senior Engineer 1", 4},
                                                              {"senior/Senior Engineer 2", 5}}));
  // Engineer 2's own page wins over the copy shown on Engineer 3's page...
  const model::Level& e2 = f.tracks[0].levels[1];
  EXPECT_EQ(Attribute(e2, "page"), "engineer-2.md");
  EXPECT_EQ(e2.FindExpectation("responsibilities")->behaviours[0],
            "Ships features of a week or two on their own.");
  // ...and the difference is reported once, naming both files and lines.
  ASSERT_EQ(read->warnings.size(), 1u);
  const ImportWarning& w = read->warnings[0];
  EXPECT_EQ(w.where.file, "engineer-3.md");
  EXPECT_NE(w.message.find("Engineer 2"), std::string::npos);
  EXPECT_NE(w.message.find("engineer-2.md:"), std::string::npos);
  EXPECT_NE(w.message.find("engineer-3.md:"), std::string::npos);
  // Bold in <b> and <strong>, current level in the middle and first.
  const model::Level& se1 = f.tracks[1].levels[0];
  EXPECT_EQ(Attribute(se1, "page"), "senior-engineer-1.md");
  EXPECT_EQ(se1.FindExpectation("responsibilities")->behaviours.size(), 2u);
  EXPECT_EQ(Attribute(f.tracks[0].levels[2], "page"), "engineer-3.md");
  // Engineer 3 has no checkpoints on its own page: the neighbour column gives them.
  EXPECT_EQ(Texts(f.tracks[0].levels[2].requirements),
            (std::vector<std::string>{"Has led 1+ project end to end."}));
  EXPECT_EQ(Attribute(f.tracks[0].levels[0], "years_of_experience"), "0 to 2");
  for (const Passage& p : read->source) EXPECT_FALSE(p.file.empty());
  // The one word of the conflicting copy that is not in the kept text is reported.
  EXPECT_EQ(NotImported(*read), (std::vector<std::string>{"engineer-3.md:30: month"}));
}

TEST(LevelPagesFixtureTest, TwoColumnPageWithCurrentLevelLast) {
  Document doc = Fixture("level_pages/top_level_page.md");
  EXPECT_EQ(DetectLevelPages(doc.text), 90);
  auto read = ReadLevelPages({doc});
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Framework& f = read->framework;
  ASSERT_EQ(f.tracks.size(), 1u);
  EXPECT_EQ(f.tracks[0].name, "Staff Track");
  ASSERT_EQ(f.tracks[0].levels.size(), 2u);
  const model::Level& principal = f.tracks[0].levels[1];
  EXPECT_EQ(principal.title, "Principal Engineer");
  EXPECT_EQ(Attribute(principal, "page"), "top_level_page.md");
  EXPECT_EQ(Attribute(principal, "scope"), "The whole company");  // unknown, short: attribute
  ASSERT_NE(principal.FindExpectation("influence-and-impact"), nullptr);
  EXPECT_EQ(principal.FindExpectation("influence-and-impact")->behaviours,
            (std::vector<std::string>{"Shapes the **technical strategy** of the company, see [our "
                                      "strategy](https://example.org/strategy).",
                                      "Is known _outside_ the company for their work."}));
  ExpectNothingLost(*read);
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelPagesFixtureTest, SectionsMappingToOneAttributeKeepBoth) {
  std::string table =
      "<table markdown=\"1\"><tr><td>A 1</td><td><b>A 2</b></td></tr>"
      "<tr><td>one</td><td>two</td></tr></table>\n";
  Document doc{"a2.md", "---\ntitle: A 2\n---\n# A 2 (A Path)\n### Experience\n" + table +
                            "### Years of experience\n" + table};
  auto read = ReadLevelPages({doc});
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  const model::Level& a2 = read->framework.tracks[0].levels[1];
  EXPECT_EQ(Attribute(a2, "years_of_experience"), "two");
  EXPECT_EQ(Attribute(a2, "years_of_experience_2"), "two");
  for (const Error& e : model::ValidateFramework(read->framework)) ADD_FAILURE() << e.ToString();
}

TEST(LevelPagesBadInputTest, PageWithoutTablesIsAClearError) {
  auto read = ReadLevelPages({Document{"empty.md", "---\ntitle: X\n---\n# X\n\nJust prose.\n"}});
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kParse);
  EXPECT_EQ(read.error().where.file, "empty.md");
}

TEST(LevelPagesBadInputTest, TruncatedPageReadsWhatIsThere) {
  Document doc = Fixture("level_pages/side_by_side/engineer-2.md");
  doc.text = doc.text.substr(0, doc.text.find("### Responsibilities") + 200);
  auto read = ReadLevelPages({doc});
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  EXPECT_EQ(read->framework.tracks[0].levels.size(), 3u);
}

}  // namespace
}  // namespace ladder::formats
