#include "formats/html_dom.h"

#include <gtest/gtest.h>

namespace ladder::formats::html {
namespace {

Dom MustParse(std::string_view html, int first_line = 1) {
  auto dom = Dom::Parse(html, "t.html", first_line);
  EXPECT_TRUE(dom.has_value()) << dom.error().ToString();
  return std::move(*dom);
}

int First(const Dom& dom, std::string_view tag) {
  auto all = dom.FindAll(dom.Root(), tag);
  return all.empty() ? -1 : all[0];
}

TEST(HtmlDomTest, SpansFillEverySlotTheyCover) {
  Dom dom = MustParse(
      "<table><tr><th>L</th><th>A</th><th>B</th></tr>"
      "<tr><td rowspan=2>x</td><td colspan=2>wide</td></tr>"
      "<tr><td>y</td><td>z</td></tr></table>");
  TableGrid g = ExtractGrid(dom, First(dom, "table"));
  ASSERT_EQ(g.rows, 3);
  ASSERT_EQ(g.cols, 3);
  EXPECT_TRUE(g.At(0, 0).header);
  EXPECT_EQ(g.At(1, 1).cell, g.At(1, 2).cell);
  EXPECT_TRUE(g.At(1, 1).origin);
  EXPECT_FALSE(g.At(1, 2).origin);
  EXPECT_EQ(g.At(1, 1).col_span, 2);
  EXPECT_EQ(g.At(2, 0).cell, g.At(1, 0).cell);  // the rowspan covers row 2
  EXPECT_FALSE(g.At(2, 0).origin);
  EXPECT_EQ(dom.Text(g.At(2, 1).cell), "y");  // shifted past the spanned slot
  EXPECT_EQ(dom.Text(g.At(2, 2).cell), "z");
}

TEST(HtmlDomTest, HugeSpansAreBounded) {
  Dom dom = MustParse("<table><tr><td rowspan=99999 colspan=99999>x</td></tr></table>");
  TableGrid g = ExtractGrid(dom, First(dom, "table"));
  EXPECT_EQ(g.rows, 1);
  EXPECT_LE(g.cols, 200);
}

TEST(HtmlDomTest, CommentsScriptsAndStylesAreNotContent) {
  Dom dom = MustParse("<p>a<!-- <b>hidden</b> --><style>p{}</style><script>x()</script>b</p>");
  EXPECT_EQ(dom.Text(dom.Root()), "ab");
}

TEST(HtmlDomTest, LinesCountFromTheFirstLineGiven) {
  Dom dom = MustParse("<table>\n<tr>\n<td>cell</td></tr></table>", 40);
  EXPECT_EQ(dom.Line(First(dom, "td")), 42);
}

TEST(HtmlDomTest, ItemsAndInlineMarkdown) {
  Dom dom = MustParse(
      "<div>Intro <em>text</em><ul><li>One <strong>bold</strong><ul><li>Nested</li></ul>"
      "<li>Two <a href=\"https://x.org\">link</a> <a href=\"#top\"></a><li><code>c</code>"
      "</ul><p>Para</div>");
  std::vector<std::string> items;
  for (const auto& i : dom.Items(First(dom, "div"))) items.push_back(i.markdown);
  EXPECT_EQ(items, (std::vector<std::string>{"Intro _text_", "One **bold**", "Nested",
                                             "Two [link](https://x.org)", "`c`", "Para"}));
}

TEST(HtmlDomTest, BoldCells) {
  Dom dom = MustParse(
      "<table><tr><td style=\"font-weight: bold\">a</td><td><b>b</b></td>"
      "<td><p><strong>c</strong></p></td><td style=\"font-weight:600\">d</td>"
      "<td>e <b>f</b></td><td style=\"font-weight:normal\">g</td></tr></table>");
  auto cells = dom.FindAll(dom.Root(), "td");
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_TRUE(dom.IsBold(cells[0]));
  EXPECT_TRUE(dom.IsBold(cells[1]));
  EXPECT_TRUE(dom.IsBold(cells[2]));
  EXPECT_TRUE(dom.IsBold(cells[3]));
  EXPECT_FALSE(dom.IsBold(cells[4]));
  EXPECT_FALSE(dom.IsBold(cells[5]));
}

TEST(HtmlDomTest, NestingTenThousandDeepIsRefusedQuickly) {
  std::string html = "\n\n";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  auto dom = Dom::Parse(html, "deep.html");
  ASSERT_FALSE(dom.has_value());
  EXPECT_EQ(dom.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(dom.error().where.line, 3);
  EXPECT_NE(dom.error().ToString().find("deep.html:3"), std::string::npos);
}

TEST(HtmlDomTest, UnclosedParagraphsAndItemsDoNotCountAsNesting) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<p>para<li>item<td>cell<tr>";
  EXPECT_TRUE(Dom::Parse(html, "flat.html").has_value());
}

TEST(HtmlDomTest, OversizedInputAndMemoryAreRefused) {
  Limits small;
  small.max_bytes = 1000;
  auto big = Dom::Parse(std::string(2000, 'x'), "big.html", 1, small);
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().code, ErrorCode::kResourceExhausted);

  Limits tight;
  tight.max_memory = size_t{4} << 20;
  std::string html;
  while (html.size() < (size_t{1} << 20)) html += "<span>a</span>";
  auto heavy = Dom::Parse(html, "heavy.html", 1, tight);
  ASSERT_FALSE(heavy.has_value());
  EXPECT_EQ(heavy.error().code, ErrorCode::kResourceExhausted);
}

TEST(HtmlDomTest, BrokenTablesAreRepaired) {
  Dom dom = MustParse(
      "<table><th>H1</th><th>H2</th><tr><th>r</td><td>x<tr><tr><td>y</td><td>z</td></table>");
  TableGrid g = ExtractGrid(dom, First(dom, "table"));
  ASSERT_GE(g.rows, 3);
  EXPECT_EQ(dom.Text(g.At(0, 0).cell), "H1");
  EXPECT_EQ(dom.Text(g.At(1, 0).cell), "r");
  EXPECT_EQ(dom.Text(g.At(1, 1).cell), "x");
}

}  // namespace
}  // namespace ladder::formats::html
