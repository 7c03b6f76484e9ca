#include "formats/xlsx_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/testing/small_framework.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

TEST(SheetName, FollowsExcelRules) {
  std::set<std::string> used;
  EXPECT_EQ(SheetName("IC / Management [2024]: *draft*?", used), "IC - Management -2024-- -draft-");
  EXPECT_EQ(SheetName("'quoted'", used), "quoted");
  EXPECT_EQ(SheetName("", used), "Sheet");
  EXPECT_EQ(SheetName("history", used), "History (track)");
  std::string longest = SheetName("An extremely long track name that goes on and on", used);
  EXPECT_EQ(longest, "An extremely long track name th");
  EXPECT_EQ(longest.size(), 31u);
}

TEST(SheetName, UniqueIgnoringCase) {
  std::set<std::string> used;
  EXPECT_EQ(SheetName("Engineering", used), "Engineering");
  EXPECT_EQ(SheetName("engineering", used), "engineering (2)");
  EXPECT_EQ(SheetName("An extremely long track name that goes on", used),
            "An extremely long track name th");
  EXPECT_EQ(SheetName("An extremely long track name that goes off", used),
            "An extremely long track nam (2)");
}

TEST(SheetName, CountsCharactersNotBytes) {
  std::set<std::string> used;
  // 40 two-byte characters: cut at 31 characters, never inside one.
  std::string s;
  for (int i = 0; i < 40; ++i) s += "\xC3\xA9";
  EXPECT_EQ(SheetName(s, used).size(), 62u);
}

TEST(XlsxExport, WritesAWorkbook) {
  fs::path dir = fs::temp_directory_path() / ("ladder_xlsx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "field-ops.xlsx";
  ASSERT_TRUE(ExportXlsx(model::testing::SmallFramework(), file.string()));
  std::ifstream in(file, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  EXPECT_EQ(std::string(magic, 2), "PK");  // a zip container, as every .xlsx is
  EXPECT_GT(fs::file_size(file), 3000u);
  fs::remove_all(dir);
}

TEST(XlsxExport, UnwritablePathIsAnIoError) {
  Status s = ExportXlsx(model::testing::SmallFramework(), "/nonexistent-dir/x/out.xlsx");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kIo);
  EXPECT_NE(s.error().message.find("/nonexistent-dir/x/out.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace ladder::formats
