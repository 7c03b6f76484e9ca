#include "render/safe_url.h"

#include <gtest/gtest.h>

namespace ladder::render {
namespace {

TEST(SafeUrl, KeepsRelativeAndWebUrls) {
  EXPECT_EQ(SafeUrl("../f/support/index.html"), "../f/support/index.html");
  EXPECT_EQ(SafeUrl("index.html#c-delivery"), "index.html#c-delivery");
  EXPECT_EQ(SafeUrl("search.html?q=a:b"), "search.html?q=a:b");
  EXPECT_EQ(SafeUrl("https://example.org/a"), "https://example.org/a");
  EXPECT_EQ(SafeUrl("HTTP://example.org"), "HTTP://example.org");
  EXPECT_EQ(SafeUrl("mailto:people@example.org"), "mailto:people@example.org");
}

TEST(SafeUrl, RefusesSchemesThatRunCodeOrReadFiles) {
  EXPECT_EQ(SafeUrl("javascript:alert(1)"), "#");
  EXPECT_EQ(SafeUrl("JaVaScRiPt:alert(1)"), "#");
  EXPECT_EQ(SafeUrl(" javascript:alert(1)"), "#");
  EXPECT_EQ(SafeUrl("java\tscript:alert(1)"), "#");
  EXPECT_EQ(SafeUrl("data:text/html,<script>alert(1)</script>"), "#");
  EXPECT_EQ(SafeUrl("vbscript:msgbox"), "#");
  EXPECT_EQ(SafeUrl("file:///etc/passwd"), "#");
  EXPECT_EQ(SafeUrl("//evil.example/x"), "#");
  EXPECT_EQ(SafeUrl("\\\\evil.example\\x"), "#");
  EXPECT_EQ(SafeUrl(""), "#");
}

}  // namespace
}  // namespace ladder::render
