// Every golden import fixture, read the way `ladder import` reads it (ReadDocuments, the family
// detected from the content): each `tests/golden/<class>/<case>.<ext>` (or a folder `<case>/`
// read as one framework) beside `<case>.<ext>.expected.yaml` (`<case>.expected.yaml` for a
// folder) must give exactly that framework, importing every passage but those listed in
// `<case>.<ext>.not_imported.txt`. The expected files were written by reading the
// fixtures, level by level; a difference is reported at its first differing line.
// LADDER_UPDATE_GOLDEN=1 rewrites them (then review the diff line by line).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "formats/canonical.h"
#include "formats/import.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(LADDER_SOURCE_DIR) / "tests/golden";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fixture: the document (or folder) and its expected framework, relative to tests/golden.
struct Golden {
  std::string input;     // "levels_as_columns/no_header_row.html", "level_pages/pages"
  std::string expected;  // "levels_as_columns/no_header_row.html.expected.yaml"
};

void PrintTo(const Golden& g, std::ostream* out) { *out << g.input; }

std::vector<Golden> AllGolden() {
  std::vector<Golden> out;
  for (const auto& e : fs::recursive_directory_iterator(kGolden)) {
    std::string name = e.path().filename().string();
    if (!name.ends_with(".expected.yaml")) continue;
    fs::path input = e.path().parent_path() / name.substr(0, name.size() - 14);
    out.push_back(
        {fs::relative(input, kGolden).string(), fs::relative(e.path(), kGolden).string()});
  }
  std::sort(out.begin(), out.end(),
            [](const Golden& a, const Golden& b) { return a.input < b.input; });
  return out;
}

// The documents of a fixture, named as `ladder import` names them when run in its folder.
std::vector<Document> Documents(const Golden& g) {
  fs::path input = kGolden / g.input;
  std::vector<Document> docs;
  if (fs::is_directory(input)) {
    for (const auto& e : fs::directory_iterator(input))
      docs.push_back(
          {input.filename().string() + "/" + e.path().filename().string(), Slurp(e.path())});
    std::sort(docs.begin(), docs.end(),
              [](const Document& a, const Document& b) { return a.name < b.name; });
  } else {
    docs.push_back({input.filename().string(), Slurp(input)});
  }
  return docs;
}

// "line N: expected `a`, got `b`" for the first line where the texts differ, or "".
std::string FirstDifference(const std::string& expected, const std::string& got) {
  std::istringstream e(expected), g(got);
  std::string el, gl;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_g = static_cast<bool>(std::getline(g, gl));
    if (!more_e && !more_g) return "";
    if (!more_e) el = "<end of file>";
    if (!more_g) gl = "<end of output>";
    if (!more_e || !more_g || el != gl)
      return "line " + std::to_string(line) + ": expected `" + el + "`, got `" + gl + "`";
  }
}

TEST(golden_FirstDifference, NamesTheFirstDifferingLine) {
  EXPECT_EQ(FirstDifference("a\nb\nc\n", "a\nb\nc\n"), "");
  EXPECT_EQ(FirstDifference("a\nb\nc\n", "a\nx\nc\n"), "line 2: expected `b`, got `x`");
  EXPECT_EQ(FirstDifference("a\nb\n", "a\n"), "line 2: expected `b`, got `<end of output>`");
  EXPECT_EQ(FirstDifference("a\n", "a\nz\n"), "line 2: expected `<end of file>`, got `z`");
}

class GoldenImport : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenImport, ReadsAsExpected) {
  const Golden& g = GetParam();
  Result<Imported> imported = ReadDocuments(Documents(g));
  ASSERT_TRUE(imported) << g.input << ": " << imported.error().ToString();
  // Every word of a document lands in the framework: the coverage report lists nothing, or
  // exactly the passages `<case>.not_imported.txt` lists ("file:line: text" per line: a page's
  // navigation and footer, text two pages state differently). (Workbooks may hold lookup sheets
  // left out on purpose: data_import_test reads those.)
  if (!g.input.starts_with("sheets/")) {
    std::string listed;
    for (const Passage& p : imported->coverage.not_imported)
      listed += (p.file.empty() ? fs::path(g.input).filename().string() : p.file) + ":" +
                std::to_string(p.line) + ": " + p.text + "\n";
    fs::path allowed = kGolden / (g.input + ".not_imported.txt");
    EXPECT_EQ(listed, fs::exists(allowed) ? Slurp(allowed) : "")
        << g.input << ": the passages not imported differ from " << allowed.filename();
  }
  std::string yaml = WriteYaml(imported->framework);
  fs::path expected = kGolden / g.expected;
  if (std::getenv("LADDER_UPDATE_GOLDEN")) std::ofstream(expected, std::ios::binary) << yaml;
  std::string difference = FirstDifference(Slurp(expected), yaml);
  EXPECT_EQ(difference, "") << g.expected << " differs from the import of " << g.input;
  // The expected file is a framework Ladder reads back unchanged.
  Result<model::Framework> back = ReadYaml(Slurp(expected), expected.string());
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(WriteYaml(*back), Slurp(expected));
}

std::string Name(const ::testing::TestParamInfo<Golden>& info) {
  std::string n = info.param.input;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(golden, GoldenImport, ::testing::ValuesIn(AllGolden()), Name);

// A fixture written without its expected file would never be checked: in every folder that
// holds expected files, each document (or folder of documents) has one; the folder's helpers
// (cases.tsv, the scripts that generate workbooks) aside.
TEST(golden_Fixtures, EveryFixtureHasAnExpectedFile) {
  std::set<fs::path> folders;
  for (const Golden& g : AllGolden()) folders.insert((kGolden / g.expected).parent_path());
  for (const fs::path& dir : folders) {
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (name.ends_with(".expected.yaml") || name.ends_with(".not_imported.txt") ||
          name.ends_with(".tsv") || name.ends_with(".py") || name.starts_with("."))
        continue;
      fs::path expected = e.path();
      expected += ".expected.yaml";
      if (fs::is_directory(e.path())) expected = dir / (name + ".expected.yaml");
      EXPECT_TRUE(fs::exists(expected))
          << fs::relative(e.path(), kGolden).string() << " has no expected file";
    }
  }
}

}  // namespace
}  // namespace ladder::formats
