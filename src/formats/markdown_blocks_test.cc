#include "formats/markdown_blocks.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace ladder::formats
