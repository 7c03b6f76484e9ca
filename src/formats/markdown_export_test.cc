#include "formats/markdown_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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
  EXPECT_NE(md.find("#### Repair work\n\n*No behaviours listed.*\n\n#### Safety"),
            std::string::npos)
      << md;
}

TEST(MarkdownExport, FrameworkWithNothingButANameIsStillADocument) {
  model::Framework fw;
  fw.id = "empty";
  EXPECT_EQ(ExportMarkdown(fw), "# empty\n\ndraft\n");
}

}  // namespace
}  // namespace ladder::formats
