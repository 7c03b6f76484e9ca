#include "formats/markdown_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace ladder::formats {
namespace {

using Kind = MdBlock::Kind;

TEST(SplitFrontMatter, SplitsAndKeepsLineNumbers) {
  FrontMatter fm = SplitFrontMatter("---\ntitle: X\nlevels: 3\n---\n# Heading\nText\n");
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(fm.yaml, "title: X\nlevels: 3\n");
  EXPECT_EQ(fm.body, "# Heading\nText\n");
  EXPECT_EQ(fm.body_line, 5);
}

TEST(SplitFrontMatter, UnclosedFenceIsNotFrontMatter) {
  FrontMatter fm = SplitFrontMatter("---\ntitle: X\n# Heading\n");
  EXPECT_FALSE(fm.present);
  EXPECT_EQ(fm.body, "---\ntitle: X\n# Heading\n");
  EXPECT_EQ(fm.body_line, 1);
}

TEST(ParseMarkdownBlocks, HeadingsListsAndLines) {
  std::vector<MdBlock> blocks = ParseMarkdownBlocks(
      "## L1 \xE2\x80\x94 Engineer\n\n- **Delivery:** ships [small](https://x.test) changes\n"
      "- Second <b>item</b>\n",
      10);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, Kind::kHeading);
  EXPECT_EQ(blocks[0].level, 2);
  EXPECT_EQ(blocks[0].line, 10);
  EXPECT_EQ(blocks[0].text, "L1 \xE2\x80\x94 Engineer");
  ASSERT_EQ(blocks[1].kind, Kind::kList);
  ASSERT_EQ(blocks[1].children.size(), 2u);
  const MdBlock& item = blocks[1].children[0];
  EXPECT_EQ(item.line, 12);
  ASSERT_EQ(item.children.size(), 1u);
  EXPECT_EQ(item.children[0].text, "Delivery: ships small changes");
  EXPECT_EQ(item.children[0].markdown, "**Delivery:** ships [small](https://x.test) changes");
  EXPECT_EQ(blocks[1].children[1].children[0].text, "Second item");  // raw HTML dropped
}

TEST(ParseMarkdownBlocks, DeepNestingIsFlattenedNotACrash) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "> ";
  deep += "bottom text\n";
  std::vector<MdBlock> blocks = ParseMarkdownBlocks(deep);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_NE(blocks[0].AllText().find("bottom text"), std::string::npos);
  std::string lists;
  for (int i = 0; i < 5000; ++i) lists += std::string(i * 2 % 400, ' ') + "- item\n";
  EXPECT_FALSE(ParseMarkdownBlocks(lists).empty());
}

TEST(StripTags, RemovesTagsAndDecodesEntities) {
  EXPECT_EQ(StripTags("<p>A &amp; B</p>"), " A & B ");
}

// A document over 2 MiB is parsed in pieces at headings: the blocks are those of parsing it
// whole, including fenced code holding "#" lines, comments and link references.
TEST(ParseMarkdownBlocks, LargeDocumentsParseInPiecesLikeWhole) {
  std::string doc = "[guide]: https://example.org/guide\n\n";
  for (int i = 0; i < 9000; ++i) {
    doc += "## L" + std::to_string(i % 90) + " Level " + std::to_string(i) + "\n\n";
    doc += "- Reads the [guide] and ships changes, " + std::string(180, 'x') + "\n";
    if (i % 1000 == 999) doc += "```\n# not a heading\n" + std::string(1500000, 'y') + "\n```\n";
    if (i % 1000 == 500) doc += "<!--\n# commented out\n" + std::string(1200000, 'z') + "\n-->\n";
  }
  ASSERT_GT(doc.size(), size_t{8} << 20);
  std::vector<MdBlock> blocks = ParseMarkdownBlocks(doc, 3);
  int headings = 0;
  int links = 0;
  int code = 0;
  int line = 3;  // the document's first line
  size_t pos = 0;
  for (const MdBlock& b : blocks) {
    if (b.kind == Kind::kHeading) {
      // The heading's line is where its text is in the document.
      std::string at =
          "## L" + std::to_string(headings % 90) + " Level " + std::to_string(headings);
      size_t found = doc.find(at + "\n", pos);
      ASSERT_NE(found, std::string::npos) << b.text;
      line += static_cast<int>(std::count(doc.begin() + static_cast<long>(pos),
                                          doc.begin() + static_cast<long>(found), '\n'));
      pos = found;
      EXPECT_EQ(b.line, line) << b.text;
      ++headings;
    }
    if (b.kind == Kind::kList && b.children.at(0).children.at(0).markdown.find(
                                     "[guide](https://example.org/guide)") != std::string::npos)
      ++links;
    if (b.kind == Kind::kCode) ++code;
  }
  EXPECT_EQ(headings, 9000);
  EXPECT_EQ(links, 9000);  // the reference defined once at the top resolves in every piece
  EXPECT_EQ(code, 9);
}

}  // namespace
}  // namespace ladder::formats
