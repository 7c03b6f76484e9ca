// Data files of other tools: shapes found whatever the keys are called, maps that say the
// shape, and bad input (syntax, nesting 10,000 deep, no levels) with where and what.
#include "formats/data_reader.h"

#include <gtest/gtest.h>

#include "formats/import.h"

namespace ladder::formats {
namespace {

std::vector<std::string> LevelNames(const model::Framework& f) {
  std::vector<std::string> out;
  for (const auto& t : f.tracks)
    for (const auto& l : t.levels) out.push_back(l.title.empty() ? l.code : l.title);
  return out;
}

TEST(DataReader, ShapeNotSpelling) {
  // The same ladder under three spellings of "competencies" and "levels".
  for (auto [comps, levels] :
       {std::pair{"skills", "grades"}, std::pair{"areas", "rungs"}, std::pair{"things", "stuff"}}) {
    std::string json = std::string("{\"") + comps + "\": [{\"name\": \"Testing\", \"" + levels +
                       "\": [{\"name\": \"Junior\", \"criteria\": [\"Writes unit tests\"]},"
                       " {\"name\": \"Senior\", \"criteria\": [\"Designs the test plan\"]}]},"
                       " {\"name\": \"Writing\", \"" +
                       levels +
                       "\": [{\"name\": \"Junior\", \"criteria\": [\"Writes clear notes\"]},"
                       " {\"name\": \"Senior\", \"criteria\": [\"Edits others' proposals\"]}]}]}";
    Result<Imported> imported = ReadDocuments({{"l.json", json}});
    ASSERT_TRUE(imported) << comps << ": " << imported.error().ToString();
    EXPECT_EQ(LevelNames(imported->framework), (std::vector<std::string>{"Junior", "Senior"}))
        << comps;
    ASSERT_EQ(imported->framework.competencies.size(), 2u) << comps;
    EXPECT_EQ(imported->framework.tracks[0].levels[1].expectations[0].behaviours[0],
              "Designs the test plan");
  }
}

TEST(DataReader, NestedTenThousandDeepIsRefusedWithItsPath) {
  std::string json = std::string(10'000, '[') + "1" + std::string(10'000, ']');
  Result<Imported> imported = ReadDocuments({{"deep.json", json}});
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kResourceExhausted);
  EXPECT_NE(imported.error().message.find("nested deeper than 64 levels at $[0][0][0]"),
            std::string::npos)
      << imported.error().message;
  EXPECT_EQ(imported.error().where.ToString(), "deep.json:1:66");
  std::string objects;
  for (int i = 0; i < 10'000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10'000, '}');
  Result<Imported> keys = ReadDocuments({{"deep.json", objects}});
  ASSERT_FALSE(keys);
  EXPECT_NE(keys.error().message.find("$.a.a.a"), std::string::npos) << keys.error().message;
}

TEST(DataReader, SyntaxErrorsNameLineAndColumn) {
  Result<Imported> json =
      ReadDocuments({{"bad.json", "{\n  \"levels\": [\n    {\"name\": }\n  ]\n}"}});
  ASSERT_FALSE(json);
  EXPECT_EQ(json.error().code, ErrorCode::kParse);
  EXPECT_EQ(json.error().where.line, 3) << json.error().ToString();
  Result<Imported> yaml =
      ReadDocuments({{"bad.yaml", "levels:\n  - name: A\n    - oops: [\n"}}, "data");
  ASSERT_FALSE(yaml);
  EXPECT_GT(yaml.error().where.line, 0);
}

TEST(DataReader, NoLevelsSaysWhatToDo) {
  Result<Imported> imported = ReadDocuments(
      {{"config.json", "{\"port\": 8080, \"debug\": true, \"hosts\": [\"a\", \"b\"]}"}});
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kParse);
  EXPECT_NE(imported.error().message.find("--suggest-map"), std::string::npos);
}

TEST(DataReader, MapSaysTheShapeWhenTheGuessIsUnsure) {
  // Levels that look like nothing in particular: no reading is sure, so the import is refused;
  // --suggest-map writes the closest reading, and a map says the outer entries are the levels.
  const char* json =
      "[{\"name\": \"Alpha\", \"parts\": {\"Speed\": \"Works through the queue fast enough\","
      " \"Care\": \"Checks each answer before sending it\"}},"
      " {\"name\": \"Beta\", \"parts\": {\"Speed\": \"Clears the queue before the deadline\","
      " \"Care\": \"Reviews the answers of others carefully\"}}]";
  ImportMap map;
  map.data =
      DataMap{.shape = "levels-with-competencies", .competencies = "parts.*", .levels = "[]"};
  Result<Imported> mapped = ReadDocuments({{"m.json", json}}, "", &map);
  ASSERT_TRUE(mapped) << mapped.error().ToString();
  EXPECT_EQ(LevelNames(mapped->framework), (std::vector<std::string>{"Alpha", "Beta"}));
  ASSERT_EQ(mapped->framework.competencies.size(), 2u);
  EXPECT_EQ(mapped->framework.competencies[0].name, "Speed");
  EXPECT_EQ(mapped->map->data, map.data);
  // A map whose paths select nothing is an error naming the map's field.
  ImportMap wrong;
  wrong.data = DataMap{.shape = "levels", .levels = "nowhere[]"};
  Result<Imported> failed = ReadDocuments({{"m.json", json}}, "", &wrong);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().field, "data.levels");
  Result<Imported> unsure = ReadDocuments({{"m.json", json}});
  ASSERT_FALSE(unsure);
  EXPECT_NE(unsure.error().message.find("--suggest-map"), std::string::npos);
  Result<ImportMap> suggested = SuggestMap({"m.json", json});
  ASSERT_TRUE(suggested) << suggested.error().ToString();
  ASSERT_TRUE(suggested->data.has_value());
  // Where the guess is sure, the suggested map is the one a plain import uses.
  const char* sure =
      "{\"levels\": [{\"name\": \"Junior\", \"summary\": \"Learns the ropes with help\"},"
      " {\"name\": \"Senior\", \"summary\": \"Leads the work of others\"}]}";
  Result<Imported> guessed = ReadDocuments({{"s.json", sure}});
  ASSERT_TRUE(guessed) << guessed.error().ToString();
  EXPECT_EQ(*guessed->map, *SuggestMap({"s.json", sure}));
}

TEST(DataReader, MarkdownAndProseAreNotData) {
  for (const char* text : {"# Ladder\n\nJunior: writes code.\n", "Title: a note\nAnother line\n"}) {
    EXPECT_LT(MakeDataReader()->Detect(text), 30) << text;
  }
}

}  // namespace
}  // namespace ladder::formats
