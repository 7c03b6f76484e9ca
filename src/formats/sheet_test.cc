// Sheets as read from CSV text and from XLSX/ODS archives, bad archives included.
#include "formats/sheet.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/import.h"
#include "formats/zip_archive.h"

namespace ladder::formats {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(LADDER_SOURCE_DIR) / "tests/golden/sheets" / name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A ZIP archive built in memory with libzip: entries of text, optionally encrypted.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries,
                bool encrypt = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t i = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (encrypt) zip_file_set_encryption(z, static_cast<zip_uint64_t>(i), ZIP_EM_AES_256, "secret");
  }
  zip_close(z);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

TEST(CellNames, RowsAndColumns) {
  EXPECT_EQ(CellName(0, 0), "A1");
  EXPECT_EQ(CellName(11, 27), "AB12");
  EXPECT_EQ(ColumnIndex("AB"), 27);
  EXPECT_EQ(ColumnIndex("a"), 0);
  EXPECT_EQ(ColumnIndex("A1"), -1);
}

TEST(Delimited, QuotedCellsSpanLinesAndKeepQuotes) {
  Result<Workbook> book = ReadDelimited("a,\"b, \"\"quoted\"\"\nsecond line\",c\nd,e,f\n", "t.csv");
  ASSERT_TRUE(book) << book.error().ToString();
  const Sheet& s = book->sheets[0];
  EXPECT_EQ(s.name, "t");
  EXPECT_EQ(s.At(0, 1), "b, \"quoted\"\nsecond line");
  EXPECT_EQ(s.At(1, 2), "f");
  EXPECT_EQ(s.LineOf(1), 3);  // the second row starts on line 3
}

TEST(Delimited, DelimiterIsTheOneThatMakesAGrid) {
  EXPECT_EQ(GuessDelimiter("a;b;c\n1;2,5;3\n").delimiter, ';');
  EXPECT_EQ(GuessDelimiter("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
  EXPECT_EQ(GuessDelimiter("a|b|c\n1|2|3\n").delimiter, '|');
  EXPECT_EQ(GuessDelimiter("a,b,c\n1,2,3\n").delimiter, ',');
  DelimiterGuess prose = GuessDelimiter("One sentence, with a comma.\nAnother line\nA third\n");
  EXPECT_LT(prose.consistency, 80);
}

TEST(Delimited, UnclosedQuoteNamesWhereItOpens) {
  Result<Workbook> book = ReadDelimited("a,b\nc,\"open\nd,e\n", "t.csv");
  ASSERT_FALSE(book);
  EXPECT_EQ(book.error().where.ToString(), "t.csv:2:3");
}

TEST(Delimited, RowsPastTheLimitAreSkippedAndSaid) {
  std::string text;
  for (int i = 0; i < kMaxSheetRows + 50; ++i) text += "r" + std::to_string(i) + ",x\n";
  Result<Workbook> book = ReadDelimited(text, "big.csv");
  ASSERT_TRUE(book);
  EXPECT_EQ(book->sheets[0].Height(), kMaxSheetRows);
  ASSERT_EQ(book->warnings.size(), 1u);
  EXPECT_NE(book->warnings[0].message.find("rows 10001 to 10050 not read"), std::string::npos)
      << book->warnings[0].message;
}

TEST(Xlsx, CellsMergesAndFormulas) {
  Result<Workbook> book = ReadXlsx(Fixture("groups_merged.xlsx"), "g.xlsx");
  ASSERT_TRUE(book) << book.error().ToString();
  const Sheet& s = book->sheets[0];
  EXPECT_EQ(s.name, "Design ladder");
  EXPECT_EQ(s.At(3, 1), "Designer I");
  ASSERT_NE(s.MergeAt(0, 0), nullptr);
  EXPECT_EQ(s.MergeAt(0, 0)->cols, 4);
  Result<Workbook> formulas = ReadXlsx(Fixture("formulas.xlsx"), "f.xlsx");
  ASSERT_TRUE(formulas) << formulas.error().ToString();
  EXPECT_EQ(formulas->sheets[0].At(0, 1), "Level 1");  // the cached value
  EXPECT_EQ(formulas->sheets[0].At(2, 2), "");         // no cached value
  ASSERT_EQ(formulas->warnings.size(), 2u);
  EXPECT_NE(formulas->warnings[0].message.find("3 cell(s) hold formulas"), std::string::npos);
  EXPECT_NE(formulas->warnings[1].message.find("C3"), std::string::npos);
}

TEST(Xlsx, HiddenSheetsAreMarked) {
  Result<Workbook> book = ReadXlsx(Fixture("tracks_sheets.xlsx"), "t.xlsx");
  ASSERT_TRUE(book);
  ASSERT_EQ(book->sheets.size(), 4u);
  EXPECT_FALSE(book->sheets[1].hidden);
  EXPECT_TRUE(book->sheets[3].hidden);
}

TEST(Ods, RepeatedAndSpannedCells) {
  Result<Workbook> book = ReadOds(Fixture("ods_columns.ods"), "o.ods");
  ASSERT_TRUE(book) << book.error().ToString();
  const Sheet& s = book->sheets[0];
  EXPECT_EQ(s.At(1, 3), "SE3");
  EXPECT_EQ(s.At(4, 1), "Fixes findings in own code\nAsks for a review of risky changes");
  ASSERT_NE(s.MergeAt(3, 1), nullptr);
  EXPECT_EQ(s.MergeAt(3, 1)->cols, 2);
  EXPECT_EQ(s.Height(), 5);  // a million repeated empty rows cost nothing
}

TEST(BadArchives, CorruptTruncatedAndNotWorkbooks) {
  std::string good = Fixture("cols_basic.xlsx");
  Result<Workbook> cut = ReadXlsx(good.substr(0, good.size() / 2), "cut.xlsx");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::kParse);
  EXPECT_EQ(cut.error().where.file, "cut.xlsx");
  Result<Workbook> other = ReadXlsx(Zip({{"readme.txt", "hello"}}), "other.xlsx");
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("xl/workbook.xml"), std::string::npos);
  Result<Workbook> xml = ReadXlsx(Zip({{"xl/workbook.xml", "<workbook><sheets><sheet"}}), "x.xlsx");
  ASSERT_FALSE(xml);
  EXPECT_NE(xml.error().message.find("xl/workbook.xml: line 1"), std::string::npos)
      << xml.error().message;
}

TEST(BadArchives, PasswordProtectedWorkbooksAreSaidSo) {
  Result<Workbook> aes = ReadXlsx(Zip({{"xl/workbook.xml", "<workbook/>"}}, true), "p.xlsx");
  ASSERT_FALSE(aes);
  EXPECT_EQ(aes.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(aes.error().message.find("password-protected"), std::string::npos);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(4096, '\0');
  Result<Imported> office = ReadDocuments({{"office.xlsx", ole}});
  ASSERT_FALSE(office);
  EXPECT_NE(office.error().message.find("password-protected or in the old .xls format"),
            std::string::npos);
}

TEST(BadArchives, ZipBombsAndEntryFloodsAreRefused) {
  std::string zeros(20 << 20, '\0');
  Result<Workbook> bomb = ReadXlsx(Zip({{"xl/workbook.xml", zeros}}), "bomb.xlsx");
  ASSERT_FALSE(bomb);
  EXPECT_EQ(bomb.error().code, ErrorCode::kResourceExhausted);
  EXPECT_NE(bomb.error().message.find("zip bomb"), std::string::npos);
  std::vector<std::pair<std::string, std::string>> many;
  for (size_t i = 0; i <= kMaxZipEntries; ++i) many.push_back({"f" + std::to_string(i), ""});
  Result<Workbook> flood = ReadXlsx(Zip(many), "flood.xlsx");
  ASSERT_FALSE(flood);
  EXPECT_EQ(flood.error().code, ErrorCode::kResourceExhausted);
}

TEST(BadArchives, XmlEntitiesAreNotExpanded) {
  // A "billion laughs" document: no entity is expanded, the cell reads as empty or the XML
  // is refused; either way nothing grows.
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
      "<sst><si><t>&c;&c;&c;&c;&c;&c;&c;&c;</t></si></sst>";
  std::string workbook =
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";
  std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "</sheetData></worksheet>";
  Result<Workbook> book = ReadXlsx(Zip({{"xl/workbook.xml", workbook},
                                        {"xl/sharedStrings.xml", laughs},
                                        {"xl/worksheets/sheet1.xml", sheet}}),
                                   "laughs.xlsx");
  if (book) {
    EXPECT_LT(book->sheets[0].At(0, 0).size(), 1000u);
  }
}

}  // namespace
}  // namespace ladder::formats
