#include "formats/encoding.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

TEST(DecodeDocument, KeepsUtf8AndDropsBom) {
  Result<DecodedText> t = DecodeDocument("\xEF\xBB\xBFLevel one \xE2\x80\x94 fine\n", "a.md");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "Level one \xE2\x80\x94 fine\n");
  EXPECT_TRUE(t->warnings.empty());
}

TEST(DecodeDocument, NormalisesLineEnds) {
  Result<DecodedText> t = DecodeDocument("a\r\nb\rc\n", "a.md");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "a\nb\nc\n");
}

TEST(DecodeDocument, RejectsBinaryWithLocation) {
  Result<DecodedText> t = DecodeDocument(std::string("line one\nab\0cd", 15), "x.bin");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kParse);
  EXPECT_EQ(t.error().where.ToString(), "x.bin:2:3");
  EXPECT_NE(t.error().message.find("binary"), std::string::npos);
}

TEST(DecodeDocument, RejectsUtf8MixedWithStrayBytes) {
  // Valid UTF-8 (an em dash) on line 1, a lone 0xFF on line 2 column 4.
  Result<DecodedText> t = DecodeDocument("a \xE2\x80\x94 b\nxyz\xFF\n", "m.md");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kParse);
  EXPECT_EQ(t.error().where.ToString(), "m.md:2:4");
  EXPECT_NE(t.error().message.find("0xFF"), std::string::npos);
}

TEST(DecodeDocument, TruncatedUtf8SequenceAtEnd) {
  Result<DecodedText> t = DecodeDocument("caf\xC3\xA9 ok\nend \xE2\x80", "t.md");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where.ToString(), "t.md:2:5");
}

TEST(DecodeDocument, ReadsWindows1252WithWarning) {
  // "It\x92s caf\xE9" in cp1252: right single quote and e acute.
  Result<DecodedText> t = DecodeDocument("Intro\nIt\x92s caf\xE9\n", "w.txt");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->text, "Intro\nIt\xE2\x80\x99s caf\xC3\xA9\n");
  ASSERT_EQ(t->warnings.size(), 1u);
  EXPECT_EQ(t->warnings[0].line, 2);
  EXPECT_NE(t->warnings[0].message.find("Windows-1252"), std::string::npos);
}

TEST(DecodeDocument, ConvertsUtf16WithBom) {
  std::string le(
      "\xFF\xFE"
      "A\0\n\0B\0",
      8);
  Result<DecodedText> t = DecodeDocument(le, "u.txt");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->text, "A\nB");
}

TEST(DecodeDocument, RejectsOversizedDocument) {
  std::string huge(kMaxDocumentBytes + 1, 'a');
  Result<DecodedText> t = DecodeDocument(huge, "big.md");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kResourceExhausted);
  EXPECT_NE(t.error().message.find("16 MiB"), std::string::npos);
}

TEST(RepairMojibake, RepairsCommonSequencesAndNamesLines) {
  std::vector<TextWarning> warnings;
  // â€™ -> ’ on line 2; Ã© -> é and â€œ...â€ -> “...” on line 3; line 1 untouched.
  std::string in =
      "plain line\n"
      "don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t\n"
      "caf\xC3\x83\xC2\xA9 \xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D\n";
  std::string out = RepairMojibake(in, &warnings);
  EXPECT_EQ(out,
            "plain line\n"
            "don\xE2\x80\x99t\n"
            "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\n");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].line, 2);
  EXPECT_NE(warnings[0].message.find("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"), std::string::npos);
  EXPECT_EQ(warnings[1].line, 3);
}

TEST(RepairMojibake, EmDashWrittenWithCp1252Quote) {
  std::vector<TextWarning> warnings;
  // â€" where the last character is U+201D (cp1252 0x94): the em dash.
  std::string out = RepairMojibake("a \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D b", &warnings);
  EXPECT_EQ(out, "a \xE2\x80\x94 b");
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(RepairMojibake, LeavesLegitimateAccentsAlone) {
  std::vector<TextWarning> warnings;
  std::string in =
      "Jos\xC3\xA9 na\xC3\xAFve \xC3\x85ngstr\xC3\xB6m \xE2\x80\x99quote\xE2\x80\x99 \xC2\xA9 2024";
  EXPECT_EQ(RepairMojibake(in, &warnings), in);
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace ladder::formats
