#include "formats/markdown_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/canonical.h"
#include "formats/import.h"
#include "model/testing/small_framework.h"

namespace ladder::formats {
namespace {

std::string Golden(const std::string& name) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/tests/golden/export/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(MarkdownExport, MatchesGolden) {
  const std::string expected = Golden("field_ops.md");
  ASSERT_FALSE(expected.empty()) << "tests/golden/export/field_ops.md is missing";
  EXPECT_EQ(ExportMarkdown(model::testing::SmallFramework()), expected);
}

TEST(MarkdownExport, EscapesTableCellsAndKeepsThemOnOneLine) {
  model::Framework fw = model::testing::SmallFramework();
  fw.tracks[0].levels[0].expectations[0].behaviours = {"Uses a | b\nand c"};
  std::string md = ExportMarkdown(fw);
  EXPECT_NE(md.find("| **Repair work** | • Uses a \\| b and c |"), std::string::npos) << md;
}

TEST(MarkdownExport, UndefinedLevelsAndCellsShowTheirNote) {
  std::string md = ExportMarkdown(model::testing::SmallFramework());
  EXPECT_NE(md.find("### T3 Lead Technician (not defined)\n\nRank 3.\n\n*Not defined: Not "
                    "defined yet*"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("*Not defined: Not expected at this level*"), std::string::npos);
}

TEST(MarkdownExport, AnEmptyCellSaysSo) {
  model::Framework fw = model::testing::SmallFramework();
  fw.tracks[1].levels[0].expectations[0].behaviours.clear();
  std::string md = ExportMarkdown(fw);
  EXPECT_NE(md.find("#### Repair work (`repair`)\n\n*No behaviours listed.*\n\n#### Safety"),
            std::string::npos)
      << md;
}

TEST(MarkdownExport, FrameworkWithNothingButANameIsStillADocument) {
  model::Framework fw;
  fw.id = "empty";
  EXPECT_EQ(ExportMarkdown(fw),
            "---\nladder-export: 1\nid: \"empty\"\nname: \"\"\nstatus: \"draft\"\n---\n\n# "
            "empty\n\ndraft\n");
}

// Prose that ends with a line break ("description: |" in YAML) reads back without it: the
// export writes paragraphs, not their trailing line breaks. The export holds one language: the
// translations are exported one language at a time, so they do not read back.
void TrimProse(std::string& s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
}
model::Framework Normalized(model::Framework f) {
  f.translations.clear();
  TrimProse(f.description);
  for (auto& g : f.groups) TrimProse(g.description);
  for (auto& c : f.competencies) TrimProse(c.description);
  for (auto& t : f.tracks) {
    TrimProse(t.description);
    for (auto& l : t.levels) TrimProse(l.summary);
  }
  for (auto& o : f.overlays) TrimProse(o.description);
  for (auto& t : f.transitions) TrimProse(t.description);
  for (auto& n : f.notes) TrimProse(n.markdown);
  for (auto& r : f.roles) {
    TrimProse(r.summary);
    TrimProse(r.path);
  }
  return f;
}

// The export of every example reads back, through detection as `ladder import` does, into the
// framework exported.
TEST(MarkdownExport, EveryExampleReadsBackIntoTheSameFramework) {
  int examples = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LADDER_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Result<model::Framework> fw = ReadYaml(text.str(), entry.path().string());
    ASSERT_TRUE(fw) << fw.error().ToString();
    std::string md = ExportMarkdown(*fw);
    Result<Imported> back = ReadDocuments({{entry.path().stem().string() + ".md", md}});
    ASSERT_TRUE(back) << entry.path() << ": " << back.error().ToString();
    EXPECT_EQ(back->framework.source.format, fw->source.format);
    EXPECT_TRUE(Normalized(back->framework) == Normalized(*fw))
        << entry.path() << " reads back differently:\n"
        << WriteYaml(back->framework);
    EXPECT_TRUE(back->coverage.not_imported.empty())
        << entry.path() << ": " << back->coverage.not_imported[0].text;
    ++examples;
  }
  EXPECT_GE(examples, 3);
}

TEST(MarkdownExport, TheTestFrameworkReadsBackWithIdsOtherThanItsNamesGive) {
  model::Framework fw = model::testing::SmallFramework();
  ASSERT_EQ(fw.competencies[0].id, "repair");  // not the id "Repair work" gives
  fw.competencies[1].id = "safety-first";
  for (auto& t : fw.tracks)
    for (auto& l : t.levels)
      for (auto& e : l.expectations)
        if (e.competency == "safety") e.competency = "safety-first";
  for (auto& g : fw.groups)
    for (auto& id : g.competencies)
      if (id == "safety") id = "safety-first";
  fw.tracks[0].levels[0].attributes.push_back({"Odd Key", "two\nlines"});
  Result<Imported> back = ReadDocuments({{"f.md", ExportMarkdown(fw)}});
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_TRUE(Normalized(back->framework) == Normalized(fw)) << WriteYaml(back->framework);
}

TEST(MarkdownExport, AnEditedExportReadsWithItsEdits) {
  std::string md = ExportMarkdown(model::testing::SmallFramework());
  size_t at = md.find("- Follows the site safety rules");
  ASSERT_NE(at, std::string::npos);
  md.replace(at, 31, "- Follows every site safety rule");
  Result<Imported> back = ReadDocuments({{"f.md", md}});
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->framework.tracks[0].levels[0].FindExpectation("safety")->behaviours.at(0),
            "Follows every site safety rule");
}

TEST(MarkdownExport, ABrokenLayoutIsAnErrorWithItsLine) {
  std::string md = ExportMarkdown(model::testing::SmallFramework());
  size_t at = md.find("Rank 2.");
  ASSERT_NE(at, std::string::npos);
  md.replace(at, 7, "Level two");
  Result<Imported> back = ReadDocuments({{"f.md", md}});
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, ErrorCode::kParse);
  EXPECT_NE(back.error().message.find("Rank N."), std::string::npos) << back.error().message;
  EXPECT_GT(back.error().where.line, 1);
}

}  // namespace
}  // namespace ladder::formats
