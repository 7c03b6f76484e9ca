#include "formats/markdown_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace ladder::formats {
namespace {

using Kind = MdBlock::Kind;

TEST(ReadFrontMatter, SplitsAndKeepsLineNumbers) {
  const std::string text = "---\ntitle: \"X: Y\"\nlevels: 3\n  nested: no\n---\n# Heading\nText\n";
  FrontMatter fm = ReadFrontMatter(text);
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(fm.yaml, "title: \"X: Y\"\nlevels: 3\n  nested: no\n");
  EXPECT_EQ(fm.yaml_line, 2);
  EXPECT_EQ(text.substr(fm.body_offset), "# Heading\nText\n");
  EXPECT_EQ(fm.body_line, 6);
  EXPECT_EQ(fm.Get("title"), "X: Y");
  EXPECT_EQ(fm.Get("levels"), "3");
  EXPECT_EQ(fm.Get("nested"), "");  // only top-level keys
}

TEST(ReadFrontMatter, ByteOrderMarkAndDotsClose) {
  const std::string text = "\xEF\xBB\xBF---\ntitle: X\n...\nBody\n";
  FrontMatter fm = ReadFrontMatter(text);
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(text.substr(fm.body_offset), "Body\n");
  EXPECT_EQ(fm.body_line, 4);
}

TEST(ReadFrontMatter, UnclosedFenceIsNotFrontMatter) {
  FrontMatter fm = ReadFrontMatter("---\ntitle: X\n# Heading\n");
  EXPECT_FALSE(fm.present);
  EXPECT_EQ(fm.body_offset, 0u);
  EXPECT_EQ(fm.body_line, 1);
  EXPECT_TRUE(fm.fields.empty());
}

// The flat prose view is the tree read in order: items carry their nesting depth, quotes are
// read through, HTML blocks keep their source, tables become one paragraph of their cells.
TEST(ParseBlocks, FlatViewOfTheTree) {
  std::vector<md::Block> blocks = md::ParseBlocks(
      "# Title\n\n- one\n  - two\n\n    more of two\n\n> quoted\n\n<div>\n<b>bold</b>\n</div>\n\n"
      "| A | B |\n|---|---|\n| x | y |\n",
      5);
  ASSERT_EQ(blocks.size(), 7u);
  EXPECT_EQ(blocks[0].kind, md::Block::Kind::kHeading);
  EXPECT_EQ(blocks[0].line, 5);
  EXPECT_EQ(blocks[1].kind, md::Block::Kind::kItem);
  EXPECT_EQ(blocks[1].level, 1);
  EXPECT_EQ(blocks[2].kind, md::Block::Kind::kItem);
  EXPECT_EQ(blocks[2].level, 2);
  EXPECT_EQ(blocks[3].kind, md::Block::Kind::kParagraph);
  EXPECT_EQ(blocks[3].plain, "more of two");
  EXPECT_EQ(blocks[4].plain, "quoted");
  EXPECT_EQ(blocks[5].kind, md::Block::Kind::kHtml);
  EXPECT_NE(blocks[5].markdown.find("<b>bold</b>"), std::string::npos);
  EXPECT_EQ(blocks[5].line, 14);
  EXPECT_EQ(blocks[5].end_line, 16);
  EXPECT_EQ(blocks[6].kind, md::Block::Kind::kParagraph);
  EXPECT_EQ(blocks[6].plain, "A B x y");
}

TEST(InlineMarkdownToHtml, SafeInlineAndOptionallyTypographic) {
  EXPECT_EQ(InlineMarkdownToHtml("Owns **delivery** of \"it\"", false),
            "Owns <strong>delivery</strong> of &quot;it&quot;");
  EXPECT_EQ(InlineMarkdownToHtml("Owns \"it\"", true), "Owns \xE2\x80\x9Cit\xE2\x80\x9D");
  EXPECT_EQ(InlineMarkdownToHtml("- Writes tests", false), "- Writes tests");
  EXPECT_EQ(InlineMarkdownToHtml("**IC1** lead", false), "<strong>IC1</strong> lead");
  EXPECT_EQ(InlineMarkdownToHtml("***", false), "***");
  EXPECT_EQ(InlineMarkdownToHtml("[x](javascript:alert(1))", false), "<a href=\"\">x</a>");
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
