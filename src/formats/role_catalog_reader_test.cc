#include "formats/role_catalog_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "formats/import.h"

namespace ladder::formats {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SeedPath(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(LADDER_SEEDS_DIR)) {
    if (entry.path().filename().string().starts_with(prefix)) return entry.path().string();
  }
  return {};
}

TEST(ParseRoleTitle, SeniorityPrefixes) {
  struct Case {
    const char* title;
    const char* family;
    const char* seniority;
  } cases[] = {
      {"Staff Payment Systems Engineer", "Payment Systems Engineer", "Staff"},
      {"Payment Systems Engineer", "Payment Systems Engineer", ""},
      {"Associate Solutions Engineer", "Solutions Engineer", "Associate"},
      {"Sr. Data Analyst", "Data Analyst", "Senior"},
      {"Senior Staff Engineer", "Engineer", "Senior Staff"},
      {"Head of Developer Relations", "Developer Relations", "Head of"},
      {"Vice President of Engineering", "Engineering", "VP"},
      {"Entry-level Support Engineer", "Support Engineer", "Entry-level"},
      {"Software Engineer II", "Software Engineer", "II"},
      {"Support Engineer 3", "Support Engineer", "3"},
      {"Product Designer Level 4", "Product Designer", "Level 4"},
      {"Data Science Intern", "Data Science", "Intern"},
      {"Senior Engineer II", "Engineer", "Senior II"},
      {"Lead", "Lead", ""},
  };
  for (const Case& c : cases) {
    RoleTitle t = ParseRoleTitle(c.title);
    EXPECT_EQ(t.family, c.family) << c.title;
    EXPECT_EQ(t.seniority, c.seniority) << c.title;
  }
}

TEST(SeniorityRank, OrdersTheUsualLadder) {
  std::vector<std::string> ladder = {"Intern",    "Entry-level",  "Associate", "Junior",
                                     "",          "Senior",       "Lead",      "Staff",
                                     "Principal", "Distinguished"};
  for (size_t i = 1; i < ladder.size(); ++i) {
    EXPECT_LT(SeniorityRank(ladder[i - 1]), SeniorityRank(ladder[i])) << ladder[i];
  }
  EXPECT_LT(SeniorityRank("I"), SeniorityRank("II"));
  EXPECT_LT(SeniorityRank("II"), SeniorityRank("III"));
  EXPECT_LT(SeniorityRank("Senior I"), SeniorityRank("Senior II"));
}

// Seed 002: 30 blueprints in 10 families (read from the document: every odd line is a title).
TEST(RoleCatalogReader, Seed002) {
  std::string path = SeedPath("002_");
  ASSERT_FALSE(path.empty());
  Result<Imported> imported = ReadDocuments({{path, ReadFile(path)}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.source.format, "role-catalog");
  ASSERT_EQ(f.roles.size(), 30u);
  std::map<std::string, std::vector<std::string>> ladders;  // family -> seniorities in order
  for (const model::RoleProfile& r : f.roles) ladders[r.family].push_back(r.seniority);
  EXPECT_EQ(ladders.size(), 10u);
  using V = std::vector<std::string>;
  V full = {"Associate", "Junior", "", "Senior", "Lead", "Staff", "Principal"};
  EXPECT_EQ(ladders["Solutions Engineer"], full);
  EXPECT_EQ(ladders["Payment Systems Engineer"], full);
  EXPECT_EQ(ladders["Commerce Platform Engineer"], full);
  EXPECT_EQ(ladders["Cloud Carbon Optimization Engineer"], V{""});
  EXPECT_EQ(ladders["Web Engineer"], (V{"", "Staff"}));
  EXPECT_EQ(ladders["Systems Engineer"], (V{"", "Staff"}));
  for (const char* family :
       {"Software Engineer", "Search Engineer", "Mobile Engineer", "Kernel Engineer"}) {
    EXPECT_EQ(ladders[family], V{"Staff"}) << family;
  }
  // Each role keeps its title and the summary paragraph that follows it.
  const model::RoleProfile& first = f.roles.front();
  EXPECT_EQ(first.title, "Cloud Carbon Optimization Engineer");
  EXPECT_TRUE(first.summary.starts_with("The Cloud Carbon Optimization Engineer designs"));
  EXPECT_EQ(first.origin.where.line, 1);
  std::set<std::string> ids;
  for (const auto& r : f.roles) {
    EXPECT_FALSE(r.summary.empty()) << r.title;
    ids.insert(r.id);
  }
  EXPECT_EQ(ids.size(), 30u);
  // Nothing lost.
  EXPECT_GT(imported->coverage.source_words, 2000);
  EXPECT_EQ(imported->coverage.imported_words, imported->coverage.source_words);
  EXPECT_TRUE(imported->coverage.not_imported.empty());
}

TEST(RoleCatalogReader, MarkdownVariantWithSections) {
  std::string path = std::string(LADDER_SOURCE_DIR) + "/tests/golden/role_catalog/sections.md";
  Result<Imported> imported = ReadDocuments({{path, ReadFile(path)}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.name, "Platform roles");
  ASSERT_EQ(f.roles.size(), 3u);
  // Ordered as a ladder: Junior, none, Senior II.
  EXPECT_EQ(f.roles[0].title, "Junior Reliability Engineer");
  EXPECT_EQ(f.roles[1].title, "Reliability Engineer");
  EXPECT_EQ(f.roles[2].title, "Senior Reliability Engineer II");
  EXPECT_EQ(f.roles[2].seniority, "Senior II");
  const model::RoleProfile& mid = f.roles[1];
  EXPECT_EQ(mid.family, "Reliability Engineer");
  EXPECT_EQ(mid.responsibilities,
            (std::vector<std::string>{"Keep on-call rotations humane and effective.",
                                      "Write post-incident reviews within a week."}));
  EXPECT_EQ(mid.skills, (std::vector<std::string>{"Linux internals", "One scripting language"}));
  EXPECT_EQ(mid.kpis, (std::vector<std::string>{"Pages per week per engineer"}));
  EXPECT_EQ(mid.path, "Grows into Senior Reliability Engineer after leading a migration.");
  EXPECT_TRUE(mid.summary.find("keeps production healthy") != std::string::npos);
  EXPECT_TRUE(mid.summary.find("A second paragraph") != std::string::npos);
  EXPECT_EQ(imported->coverage.imported_words, imported->coverage.source_words);
}

TEST(RoleCatalogReader, ReadManyMergesCatalogues) {
  const Reader* reader = FindReader("role-catalog");
  ASSERT_NE(reader, nullptr);
  Result<Imported> imported = reader->ReadMany(
      {{"a.txt", "Data Engineer: Role Blueprint\nBuilds pipelines.\n"},
       {"b.txt", "Senior Data Engineer: Role Blueprint\nBuilds larger pipelines.\n"}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  ASSERT_EQ(imported->framework.roles.size(), 2u);
  EXPECT_EQ(imported->framework.roles[1].seniority, "Senior");
  EXPECT_EQ(imported->source.back().file, "b.txt");
}

TEST(RoleCatalogReader, NoBlueprintIsAnError) {
  const Reader* reader = FindReader("role-catalog");
  Result<Imported> imported = reader->Read({"x.txt", "just some prose\n"});
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kParse);
  EXPECT_EQ(imported.error().where.ToString(), "x.txt:1:1");
}

}  // namespace
}  // namespace ladder::formats

namespace ladder::formats {
namespace {

// Found by fuzzing: a heading line made only of '#' inside a blueprint.
TEST(RoleCatalogReader, HeadingOfOnlyHashesIsNotACrash) {
  const std::string text =
      "Site Reliability Engineer: Role Blueprint, Responsibilities, Skills, KPIs\n"
      "The Site Reliability Engineer keeps production healthy.\n"
      "###\n"
      "More about the role.\n";
  Result<Imported> imported = ReadDocuments({{"roles.txt", text}}, "role-catalog");
  ASSERT_TRUE(imported) << imported.error().ToString();
  ASSERT_EQ(imported->framework.roles.size(), 1u);
  EXPECT_NE(imported->framework.roles[0].summary.find("More about the role."), std::string::npos);
}

}  // namespace
}  // namespace ladder::formats
