#include "base/text.h"

#include <gtest/gtest.h>

namespace ladder::text {
namespace {

TEST(Text, Utf8Validation) {
  size_t at = 0;
  EXPECT_TRUE(IsValidUtf8("plain ascii and caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("ab\xFF", &at));
  EXPECT_EQ(at, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));      // truncated
}

TEST(Text, LineColumnCountsCharacters) {
  EXPECT_EQ(LineColumnOf("ab\ncd", 4), (std::pair<int, int>{2, 2}));
  EXPECT_EQ(LineColumnOf("\xC3\xA9x", 2), (std::pair<int, int>{1, 2}));
}

TEST(Text, SlugsAndWords) {
  EXPECT_EQ(Slugify("Relationship Management"), "relationship-management");
  EXPECT_EQ(Slugify("  Scope of knowledge (Breadth and Depth) "),
            "scope-of-knowledge-breadth-and-depth");
  EXPECT_EQ(Slugify("It's"), "its");
  EXPECT_EQ(Slugify("!!"), "item");
  EXPECT_EQ(CountWords("Able to resolve 75% of issues."), 6);
  EXPECT_EQ(CountWords(""), 0);
}

TEST(Text, CollapseSpaceIncludesNoBreakSpace) {
  EXPECT_EQ(CollapseSpace("  a \n\t b\xC2\xA0"
                          "c  "),
            "a b c");
}

TEST(Text, DidYouMean) {
  std::vector<std::string> keys = {"competencies", "tracks", "levels"};
  EXPECT_EQ(DidYouMean("competences", keys).value_or(""), "competencies");
  EXPECT_EQ(DidYouMean("trakcs", keys).value_or(""), "tracks");
  EXPECT_FALSE(DidYouMean("zebra", keys));
}

TEST(Text, SplitLinesDropsCarriageReturns) {
  EXPECT_EQ(SplitLines("a\r\nb\n"), (std::vector<std::string>{"a", "b"}));
}

TEST(Utf8, DecodesAndEncodesEveryLength) {
  for (char32_t cp : {U'a', U'é', U'€', U'😀'}) {
    std::string s;
    AppendUtf8(cp, s);
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(len, s.size());
    EXPECT_TRUE(IsValidUtf8(s));
  }
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("\x80x", 0, &len), 0u);  // a continuation byte alone
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeUtf8("\xE2\x82", 0, &len), 0u);  // cut short
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeUtf8("\xC3x", 0, &len), 0u);  // not followed by a continuation byte
  EXPECT_EQ(len, 1u);
}

}  // namespace
}  // namespace ladder::text
