#include "formats/monzo_yaml_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ladder::formats {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/tests/golden/monzo_yaml/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(MonzoYamlReader, TopicsLevelsAndExamples) {
  Result<Imported> imported = ReadDocuments({{"mobile.md", Fixture("progression.md")}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.source.format, "monzo-yaml");
  EXPECT_EQ(f.name, "Mobile Engineering");
  EXPECT_EQ(f.id, "mobile-engineering");
  EXPECT_EQ(f.family, "Engineering");
  ASSERT_EQ(f.competencies.size(), 2u);
  EXPECT_EQ(f.competencies[0].id, "technical-skills");
  EXPECT_EQ(f.competencies[0].name, "Technical skills");
  EXPECT_EQ(f.competencies[1].id, "communication");
  ASSERT_EQ(f.tracks.size(), 1u);
  const model::Track& t = f.tracks[0];
  // `levels: 4` while the content stops at 2: levels 3 and 4 exist but nothing defines them.
  ASSERT_EQ(t.levels.size(), 4u);
  EXPECT_EQ(t.levels[0].code, "L1");
  EXPECT_EQ(t.levels[0].rank, 1);
  EXPECT_EQ(t.levels[2].state, model::LevelState::kUndefined);
  EXPECT_EQ(t.levels[3].state, model::LevelState::kUndefined);
  const model::Expectation* l1 = t.levels[0].FindExpectation("technical-skills");
  ASSERT_NE(l1, nullptr);
  EXPECT_EQ(l1->behaviours, (std::vector<std::string>{"Builds screens from existing components",
                                                      "Writes unit tests for new view models"}));
  const model::Expectation* l2 = t.levels[1].FindExpectation("technical-skills");
  ASSERT_NE(l2, nullptr);
  ASSERT_EQ(l2->behaviours.size(), 1u);
  EXPECT_EQ(l2->behaviours[0],
            "Profiles and fixes slow screens (examples: Finds an image decoded on the main "
            "thread and moves it off; Cuts cold start time after measuring it)");
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].title, "How to use this page");
  EXPECT_EQ(imported->coverage.imported_words, imported->coverage.source_words);
  EXPECT_TRUE(imported->coverage.not_imported.empty());
}

TEST(MonzoYamlReader, DetectedOverMarkdownLadder) {
  const Reader* reader = FindReader("monzo-yaml");
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->Detect(Fixture("progression.md")), 95);
  EXPECT_EQ(reader->Detect("# Just Markdown\n"), 0);
}

TEST(MonzoYamlReader, ErrorsNameTheDocumentLine) {
  // Line 5 of the document: a level that is not a number.
  Result<Imported> bad =
      ReadDocuments({{"bad.md",
                      "---\ntopics:\n  - name: x\n    content:\n      - level: two\n        "
                      "criteria: [a]\n---\n"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.ToString(), "bad.md:5:16");
  EXPECT_NE(bad.error().message.find("level"), std::string::npos);

  Result<Imported> syntax = ReadDocuments(
      {{"syntax.md", "---\ntopics:\n  - name: x\n    content: [\n---\n"}}, "monzo-yaml");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().code, ErrorCode::kParse);
  EXPECT_EQ(syntax.error().where.file, "syntax.md");
  EXPECT_GT(syntax.error().where.line, 1);
}

TEST(MonzoYamlReader, DeepNestingIsRefused) {
  std::string deep = "---\ntopics: " + std::string(10000, '[') + "\n---\n";
  Result<Imported> r = ReadDocuments({{"deep.md", deep}}, "monzo-yaml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  std::string dashes = "---\ntopics:\n";
  for (int i = 0; i < 5000; ++i) dashes += "- ";
  dashes += "x\n---\n";
  r = ReadDocuments({{"dashes.md", dashes}}, "monzo-yaml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
}

TEST(MonzoYamlReader, AliasBombIsRefusedAtItsLine) {
  // 30 topics x 30 levels x 100 criteria through aliases, each criterion 10 KB: 13 KB of front
  // matter standing for 900 MB. Refused where it goes past the bound, in the document's lines.
  std::string criteria = "[&s \"" + std::string(10000, 'c') + "\"";
  for (int i = 1; i < 100; ++i) criteria += ", *s";
  criteria += "]";
  std::string yaml = "---\ntitle: Bomb\ntopics:\n  - &t\n    name: t\n    content:\n";
  yaml += "      - &l {level: 1, criteria: " + criteria + "}\n";
  for (int i = 1; i < 30; ++i) yaml += "      - *l\n";
  for (int i = 1; i < 30; ++i) yaml += "  - *t\n";
  yaml += "---\nProse.\n";
  Result<Imported> r = ReadDocuments({{"bomb.md", yaml}}, "monzo-yaml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  EXPECT_NE(r.error().message.find("aliases included"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().where.file, "bomb.md");
  // The first level (1 MB) is within the bound; its first repetition, on line 8 of the whole
  // document, is not.
  EXPECT_EQ(r.error().where.ToString(), "bomb.md:8:9");
}

}  // namespace
}  // namespace ladder::formats
