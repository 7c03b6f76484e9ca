#include "render/markdown.h"

#include <gtest/gtest.h>

namespace ladder::render {
namespace {

TEST(Markdown, RendersEmphasisListsAndLinks) {
  EXPECT_EQ(InlineMarkdownToHtml("Owns **delivery** of [a](https://example.org)"),
            "Owns <strong>delivery</strong> of <a href=\"https://example.org\">a</a>");
  EXPECT_EQ(MarkdownToHtml("- one\n- two\n"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST(Markdown, OmitsRawHtmlAndEmptiesScriptLinks) {
  std::string html = MarkdownToHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  std::string link = InlineMarkdownToHtml("[click](javascript:alert(1))");
  EXPECT_EQ(link, "<a href=\"\">click</a>");
  std::string inline_html = InlineMarkdownToHtml("a <b onmouseover=alert(1)>b</b>");
  EXPECT_EQ(inline_html.find("<b "), std::string::npos) << inline_html;
}

TEST(Markdown, BehaviourStartingWithABlockMarkerStaysInline) {
  EXPECT_EQ(InlineMarkdownToHtml("# of tickets closed"), "# of tickets closed");
  EXPECT_EQ(InlineMarkdownToHtml("2. Mentors others"), "2. Mentors others");
  EXPECT_EQ(InlineMarkdownToHtml("- Writes tests"), "- Writes tests");
  EXPECT_EQ(InlineMarkdownToHtml("Writes\n---"), "Writes —");  // not a heading
  EXPECT_EQ(InlineMarkdownToHtml("*emphasis* first"), "<em>emphasis</em> first");
}

}  // namespace
}  // namespace ladder::render
