// Spreadsheets and data files of other tools, read the way `ladder import` reads them
// (ReadDocuments, the format detected from the content): every fixture of tests/golden/sheets
// and tests/golden/data is read as its cases.tsv says (format, tracks, levels, competencies,
// groups, notes: written from reading the fixture), and gives its reviewed golden framework
// (<file>.expected.yaml). LADDER_UPDATE_GOLDEN=1 rewrites the golden files (review the diff).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"
#include "formats/import.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string dir;
  std::string file;
  std::string format;
  std::vector<std::string> tracks;
  std::vector<std::string> levels;
  size_t competencies = 0;
  std::vector<std::string> groups;
  size_t notes = 0;
};

std::vector<Case> Cases(const std::string& dir) {
  std::vector<Case> out;
  std::istringstream in(Slurp(fs::path(LADDER_SOURCE_DIR) / "tests/golden" / dir / "cases.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = text::Split(line, '\t');
    if (f.size() != 7) {
      ADD_FAILURE() << dir << "/cases.tsv: 7 columns expected: " << line;
      continue;
    }
    Case c{dir,
           f[0],
           f[1],
           text::Split(f[2], '|'),
           text::Split(f[3], '|'),
           std::stoul(f[4]),
           f[5] == "-" ? std::vector<std::string>{} : text::Split(f[5], '|'),
           std::stoul(f[6])};
    out.push_back(std::move(c));
  }
  return out;
}

void PrintTo(const Case& c, std::ostream* out) { *out << c.dir << "/" << c.file; }

class Fixture : public ::testing::TestWithParam<Case> {};

TEST_P(Fixture, ReadsAsCasesSaysAndAsReviewed) {
  const Case& c = GetParam();
  fs::path path = fs::path(LADDER_SOURCE_DIR) / "tests/golden" / c.dir / c.file;
  Result<Imported> imported = ReadDocuments({{c.file, Slurp(path)}});
  ASSERT_TRUE(imported) << imported.error().ToString();
  const model::Framework& f = imported->framework;
  EXPECT_EQ(f.source.format, c.format);
  std::vector<std::string> tracks, levels, groups;
  for (const model::Track& t : f.tracks) {
    tracks.push_back(t.name);
    for (const model::Level& l : t.levels) levels.push_back(l.title.empty() ? l.code : l.title);
  }
  for (const model::CompetencyGroup& g : f.groups) groups.push_back(g.name);
  EXPECT_EQ(tracks, c.tracks);
  EXPECT_EQ(levels, c.levels);
  EXPECT_EQ(f.competencies.size(), c.competencies);
  EXPECT_EQ(groups, c.groups);
  EXPECT_EQ(f.notes.size(), c.notes);
  // Every level holds what its column, row or entry said (none is empty by mistake).
  for (const model::Track& t : f.tracks)
    for (const model::Level& l : t.levels)
      EXPECT_TRUE(!l.expectations.empty() || !l.summary.empty()) << c.file << " " << l.code;
  ASSERT_TRUE(imported->map.has_value()) << "readers of spreadsheets and data say their map";

  fs::path golden = path;
  golden += ".expected.yaml";
  std::string yaml = WriteYaml(f);
  if (std::getenv("LADDER_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << yaml;
  EXPECT_EQ(yaml, Slurp(golden)) << "golden differs: " << golden;
  // The golden file is a framework Ladder reads back unchanged.
  Result<model::Framework> back = ReadYaml(Slurp(golden), golden.string());
  ASSERT_TRUE(back) << back.error().ToString();
}

std::string Name(const ::testing::TestParamInfo<Case>& info) {
  std::string n = info.param.file;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Sheets, Fixture, ::testing::ValuesIn(Cases("sheets")), Name);
INSTANTIATE_TEST_SUITE_P(Data, Fixture, ::testing::ValuesIn(Cases("data")), Name);

TEST(DataImport, EveryFixtureHasACase) {
  for (const char* dir : {"sheets", "data"}) {
    std::vector<Case> cases = Cases(dir);
    for (const auto& e :
         fs::directory_iterator(fs::path(LADDER_SOURCE_DIR) / "tests/golden" / dir)) {
      std::string name = e.path().filename().string();
      if (name.ends_with(".expected.yaml") || name.ends_with(".tsv") || name.ends_with(".py") ||
          name.ends_with(".md"))
        continue;
      bool found = false;
      for (const Case& c : cases) found = found || c.file == name;
      EXPECT_TRUE(found) << dir << "/" << name << " has no line in cases.tsv";
    }
  }
}

}  // namespace
}  // namespace ladder::formats
