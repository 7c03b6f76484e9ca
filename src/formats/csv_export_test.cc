#include "formats/csv_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "model/testing/small_framework.h"

namespace ladder::formats {
namespace {

std::string Golden(const std::string& name) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/tests/golden/export/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CsvExport, MatchesGolden) {
  const std::string expected = Golden("field_ops.csv");
  ASSERT_FALSE(expected.empty()) << "tests/golden/export/field_ops.csv is missing";
  EXPECT_EQ(ExportCsv(model::testing::SmallFramework()), expected);
}

TEST(CsvExport, ByteOrderMarkIsOptional) {
  std::string with = ExportCsv(model::testing::SmallFramework());
  std::string without = ExportCsv(model::testing::SmallFramework(), {.byte_order_mark = false});
  EXPECT_EQ(with.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(with.substr(3), without);
  EXPECT_EQ(without.substr(0, 10), "framework,");
}

TEST(CsvExport, QuotesWhatNeedsQuoting) {
  EXPECT_EQ(CsvRecord({"plain", "a,b", "say \"hi\"", "two\nlines", ""}),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
}

TEST(CsvExport, FormulasAreKeptAsText) {
  EXPECT_EQ(CsvRecord({"=1+1", "+cmd", "@SUM(A1)", "-5 points", "a=b"}),
            "'=1+1,'+cmd,'@SUM(A1),-5 points,a=b");
}

TEST(CsvExport, EveryRecordHasTenFields) {
  model::Framework fw = model::testing::SmallFramework();
  fw.tracks[0].levels[0].expectations[0].behaviours.push_back("Quotes \"x\", then y");
  std::string csv = ExportCsv(fw, {.byte_order_mark = false});
  // Count fields with a small RFC 4180 reader.
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        records.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        records.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      ++i;
      records.emplace_back(1);
    } else {
      records.back().back() += c;
    }
  }
  records.pop_back();  // after the last CRLF
  ASSERT_GT(records.size(), 10u);
  for (const auto& r : records) EXPECT_EQ(r.size(), 10u) << r[0];
  bool found = false;
  for (const auto& r : records) found = found || r[8] == "Quotes \"x\", then y";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace ladder::formats
