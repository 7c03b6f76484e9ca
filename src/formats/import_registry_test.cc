// ReadDocuments: detection from content, --from, size and encoding checks, coverage.
#include "formats/import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/encoding.h"

namespace ladder::formats {
namespace {

const char kCatalogue[] =
    "Data Engineer: Role Blueprint\nBuilds pipelines.\n\n"
    "Senior Data Engineer: Role Blueprint\nOwns pipelines.\n";

TEST(Readers, RegistryNamesAreUniqueAndFindable) {
  ASSERT_FALSE(Readers().empty());
  for (const auto& r : Readers()) {
    EXPECT_EQ(FindReader(r->Name()), r.get());
  }
  EXPECT_EQ(FindReader("no-such-format"), nullptr);
}

TEST(ReadDocuments, DetectsFromContentNotFileName) {
  Result<Imported> imported = ReadDocuments({{"ladder.yaml", kCatalogue}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  EXPECT_EQ(imported->framework.source.format, "role-catalog");
  EXPECT_EQ(imported->framework.source.file, "ladder.yaml");
  EXPECT_EQ(imported->framework.roles.size(), 2u);
  EXPECT_EQ(imported->coverage.imported_words, imported->coverage.source_words);
}

TEST(ReadDocuments, UnknownFormatNamesTheChoices) {
  Result<Imported> imported = ReadDocuments({{"a.md", kCatalogue}}, "role-catalgo");
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(imported.error().message.find("did you mean role-catalog"), std::string::npos);
}

TEST(ReadDocuments, ForcedFormatIsUsed) {
  Result<Imported> imported = ReadDocuments({{"a.md", "just prose\n"}}, "role-catalog");
  ASSERT_FALSE(imported);  // forced, so the catalogue reader says what it expected
  EXPECT_NE(imported.error().message.find("no role blueprint"), std::string::npos);
}

TEST(ReadDocuments, UnrecognisedContentAsksForFrom) {
  Result<Imported> imported = ReadDocuments({{"a.md", "Nothing here looks like a ladder.\n"}});
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kParse);
  EXPECT_NE(imported.error().message.find("--from"), std::string::npos);
}

TEST(ReadDocuments, EmptyAndBlankDocumentsAreErrors) {
  for (const char* text : {"", "  \n\n\t\n"}) {
    Result<Imported> imported = ReadDocuments({{"e.md", text}});
    ASSERT_FALSE(imported);
    EXPECT_EQ(imported.error().code, ErrorCode::kParse);
    EXPECT_NE(imported.error().ToString().find("e.md: empty document"), std::string::npos);
  }
}

TEST(ReadDocuments, BinaryAndOversized) {
  Result<Imported> binary = ReadDocuments({{"b.bin", std::string("\x89PNG\r\n\x1a\n\0\0", 10)}});
  ASSERT_FALSE(binary);
  EXPECT_NE(binary.error().message.find("binary"), std::string::npos);

  std::string big(kMaxDocumentBytes + 10, 'x');
  Result<Imported> huge = ReadDocuments({{"big.md", big}});
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, ErrorCode::kResourceExhausted);
}

TEST(ReadDocuments, RepairsMojibakeWithWarningNamingTheLine) {
  std::string text =
      "Data Engineer: Role Blueprint\nBuilds the team\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s "
      "pipelines.\n";
  Result<Imported> imported = ReadDocuments({{"m.txt", text}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  EXPECT_EQ(imported->framework.roles[0].summary, "Builds the team\xE2\x80\x99s pipelines.");
  ASSERT_EQ(imported->warnings.size(), 1u);
  EXPECT_EQ(imported->warnings[0].where.ToString(), "m.txt:2");
}

TEST(ReadDocuments, DocumentsOfDifferentFormatsAreNotMixed) {
  Result<Imported> imported =
      ReadDocuments({{"a.txt", kCatalogue}, {"b.txt", "Nothing recognisable here.\n"}});
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().where.file, "b.txt");
}

// Detection skips a reader whose MaxScore cannot beat the best score found so far, so no
// reader may score above its MaxScore: checked on every golden import fixture and seed.
TEST(Readers, DetectNeverExceedsMaxScore) {
  const std::filesystem::path source(LADDER_SOURCE_DIR);
  int documents = 0;
  for (const std::filesystem::path& dir : {source / "tests/golden", source / "../shared/seeds"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      ++documents;
      for (const auto& r : Readers())
        EXPECT_LE(r->Detect(text.str()), r->MaxScore()) << r->Name() << " on " << entry.path();
    }
  }
  EXPECT_GE(documents, 20);
}

std::string Golden(const std::string& path) {
  std::ifstream in(std::filesystem::path(LADDER_SOURCE_DIR) / "tests/golden" / path,
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A bare Markdown list of coded levels parses as YAML (one-key records) but is Markdown: the
// Markdown ladder reader reads it; YAML data of records is still the data reader's.
TEST(ReadDocuments, BulletListOfCodedLevelsIsMarkdownNotYaml) {
  Result<Imported> list =
      ReadDocuments({{"coded_bullets.md", Golden("bullet_levels/coded_bullets.md")}});
  ASSERT_TRUE(list) << list.error().ToString();
  EXPECT_EQ(list->framework.source.format, "markdown-ladder");
  ASSERT_EQ(list->framework.tracks.size(), 1u);
  EXPECT_EQ(list->framework.tracks[0].levels.size(), 3u);
  EXPECT_EQ(FindReader("data")->Detect(Golden("bullet_levels/coded_bullets.md")), 0);
  Result<Imported> data = ReadDocuments({{"level_keys.yaml", Golden("data/level_keys.yaml")}});
  ASSERT_TRUE(data) << data.error().ToString();
  EXPECT_EQ(data->framework.source.format, "data");
  // The same list as data (records over several lines) stays YAML.
  EXPECT_GT(FindReader("data")->Detect("- code: L1\n  title: Junior\n- code: L2\n  title: "
                                       "Senior\n"),
            0);
}

// An ordered list of level titles without codes is a ladder, coded from the titles; an ordered
// list of sentences is not, and is refused naming the file.
TEST(ReadDocuments, NumberedListOfTitlesIsALadder) {
  Result<Imported> ladder =
      ReadDocuments({{"nested_bullets.md", Golden("numbered_levels/nested_bullets.md")}});
  ASSERT_TRUE(ladder) << ladder.error().ToString();
  EXPECT_EQ(ladder->framework.source.format, "markdown-ladder");
  ASSERT_EQ(ladder->framework.tracks.size(), 1u);
  ASSERT_EQ(ladder->framework.tracks[0].levels.size(), 3u);
  EXPECT_EQ(ladder->framework.tracks[0].levels[0].code, "associate-engineer");
  EXPECT_EQ(ladder->framework.tracks[0].levels[2].origin.where.ToString(), "nested_bullets.md:9");
  Result<Imported> steps =
      ReadDocuments({{"steps.md", "1. Fix the bug first.\n2. Then write the tests.\n"}});
  ASSERT_FALSE(steps);
  EXPECT_EQ(steps.error().where.file, "steps.md");
  // A numbered list of competencies names no role or seniority: no levels.
  Result<Imported> skills = ReadDocuments(
      {{"skills.md",
        "# Skills\n\n1. Communication\n   - Writes clearly.\n2. Delivery\n   - Ships on "
        "time.\n3. Ownership\n   - Follows up.\n"}});
  ASSERT_TRUE(skills) << skills.error().ToString();
  EXPECT_NE(skills->framework.source.format, "markdown-ladder");
  EXPECT_TRUE(skills->framework.tracks.empty());
  EXPECT_EQ(skills->framework.competencies.size(), 3u);
}

}  // namespace
}  // namespace ladder::formats
