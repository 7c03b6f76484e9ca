// Import maps: what --suggest-map writes reads back the same; mistakes name their line.
#include "formats/import_map.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

ImportMap Sample() {
  ImportMap m;
  m.sheets.push_back(
      {"Engineering", SheetMap::Use::kMatrix, SheetMap::Axis::kColumns, 2, 1, 3, 0, ""});
  m.sheets.push_back({"Read me", SheetMap::Use::kNotes, SheetMap::Axis::kRows, 3, 2, 0, 9, "IC"});
  m.data = DataMap{.shape = "cells",
                   .competencies = "themes[]",
                   .levels = "levels[]",
                   .cells = "competencies[]",
                   .name = {"name"},
                   .text = {"summary", "examples"},
                   .level_key = "level",
                   .competency_key = "theme"};
  return m;
}

TEST(ImportMap, WrittenMapReadsBack) {
  ImportMap m = Sample();
  std::string yaml = WriteImportMap(m);
  Result<ImportMap> back = ParseImportMap(yaml, "map.yaml");
  ASSERT_TRUE(back) << back.error().ToString() << "\n" << yaml;
  EXPECT_EQ(*back, m);
  // Columns are written as letters where the setting is a column.
  EXPECT_NE(yaml.find("labels: A"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("header: C"), std::string::npos) << yaml;  // levels as rows: a column
}

TEST(ImportMap, MistakesNameTheLineAndTheKey) {
  Result<ImportMap> unknown =
      ParseImportMap("map: 1\nsheets:\n  - sheet: A\n    levles: rows\n", "m.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().where.ToString(), "m.yaml:4:5");
  EXPECT_NE(unknown.error().message.find("did you mean levels"), std::string::npos);
  Result<ImportMap> axis =
      ParseImportMap("map: 1\nsheets:\n  - sheet: A\n    levels: diagonal\n", "m.yaml");
  ASSERT_FALSE(axis);
  EXPECT_EQ(axis.error().field, "sheets[0].levels");
  Result<ImportMap> shape = ParseImportMap("map: 1\ndata:\n  shape: spiral\n", "m.yaml");
  ASSERT_FALSE(shape);
  EXPECT_EQ(shape.error().where.line, 3);
  Result<ImportMap> header =
      ParseImportMap("map: 1\nsheets:\n  - sheet: A\n    header: B\n", "m.yaml");
  ASSERT_TRUE(header) << "letters are read wherever a position is: B is 2";
  EXPECT_EQ(header->sheets[0].header, 2);
  Result<ImportMap> junk =
      ParseImportMap("map: 1\nsheets:\n  - sheet: A\n    first: -3\n", "m.yaml");
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().field, "sheets[0].first");
  Result<ImportMap> version = ParseImportMap("sheets: []\n", "m.yaml");
  ASSERT_FALSE(version);
  EXPECT_NE(version.error().message.find("map: 1"), std::string::npos);
  Result<ImportMap> syntax = ParseImportMap("map: 1\nsheets: [\n", "m.yaml");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().code, ErrorCode::kParse);
}

TEST(ImportMap, FieldsForThePageSetBack) {
  ImportMap m = Sample();
  std::vector<MapField> fields = MapFields(m);
  ASSERT_FALSE(fields.empty());
  EXPECT_EQ(fields[0].id, "sheets.0.use");
  EXPECT_EQ(fields[0].choices, (std::vector<std::string>{"matrix", "notes", "skip"}));
  ImportMap edited = m;
  ASSERT_TRUE(SetMapField(edited, "sheets.0.levels", "rows"));
  ASSERT_TRUE(SetMapField(edited, "sheets.0.header", "B"));
  EXPECT_EQ(edited.sheets[0].levels, SheetMap::Axis::kRows);
  EXPECT_EQ(edited.sheets[0].header, 2);
  ASSERT_TRUE(SetMapField(edited, "data.text", "summary, notes"));
  EXPECT_EQ(edited.data->text, (std::vector<std::string>{"summary", "notes"}));
  EXPECT_FALSE(SetMapField(edited, "sheets.7.use", "skip"));
  EXPECT_FALSE(SetMapField(edited, "sheets.0.use", "burn"));
  EXPECT_FALSE(SetMapField(edited, "data.shape", "spiral"));
  Status bad = SetMapField(edited, "nothing", "x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "nothing");
  // Every field the page shows can be set back to the value it shows.
  ImportMap same = m;
  for (const MapField& f : fields) ASSERT_TRUE(SetMapField(same, f.id, f.value)) << f.id;
  EXPECT_EQ(same, m);
}

}  // namespace
}  // namespace ladder::formats
