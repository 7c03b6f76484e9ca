// Every canonical document anywhere in the repository (examples, format fixtures, command-test
// data, render fixtures, storage and scenario fixtures, golden outputs) reads, writes and reads
// back to an equal framework, in YAML and in JSON, and writing is stable. Comments are handled
// as docs/format.md says: the model has no place for them, so the written text drops them and
// nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A canonical YAML document starts (after comments and blank lines) with `ladder:`; a JSON one
// is an object whose first key is "ladder".
bool IsCanonical(const fs::path& path, const std::string& text) {
  if (path.extension() == ".json") {
    std::string head = text.substr(0, 64);
    head.erase(std::remove_if(head.begin(), head.end(), [](char c) { return std::isspace(c); }),
               head.end());
    return text::StartsWith(head, "{\"ladder\":");
  }
  for (const std::string& line : text::Split(text, '\n')) {
    std::string_view l = text::Trim(line);
    if (l.empty() || l.front() == '#') continue;
    return text::StartsWith(l, "ladder:");
  }
  return false;
}

std::vector<fs::path> CanonicalDocuments() {
  std::vector<fs::path> out;
  const fs::path root(LADDER_SOURCE_DIR);
  for (const char* dir : {"examples", "tests", "src"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      const fs::path& p = entry.path();
      if (p.extension() != ".yaml" && p.extension() != ".json") continue;
      if (p.string().find("node_modules") != std::string::npos) continue;
      if (IsCanonical(p, Slurp(p))) out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Relative(const fs::path& p) {
  return fs::relative(p, fs::path(LADDER_SOURCE_DIR)).string();
}

long Hashes(const std::string& s) { return std::count(s.begin(), s.end(), '#'); }

TEST(CanonicalFixtures, EveryFolderThatHoldsFixturesIsCovered) {
  std::vector<std::string> found;
  for (const fs::path& p : CanonicalDocuments()) found.push_back(Relative(p));
  for (const char* expected :
       {"examples/", "src/formats/testdata/canonical/", "tests/cli/testdata/", "tests/render/",
        "tests/cli/storage_fixtures/", "tests/scenarios/fixtures/"}) {
    bool any = std::any_of(found.begin(), found.end(),
                           [&](const std::string& f) { return text::StartsWith(f, expected); });
    EXPECT_TRUE(any) << "no canonical document under " << expected;
  }
  EXPECT_GE(found.size(), 14u);
}

TEST(CanonicalFixtures, EveryDocumentRoundTrips) {
  for (const fs::path& path : CanonicalDocuments()) {
    const std::string name = Relative(path);
    SCOPED_TRACE(name);
    const std::string text = Slurp(path);
    const bool json = path.extension() == ".json";
    // Structure only (like fmt): fixtures for lint may break invariants on purpose.
    Result<model::Framework> first = json ? ParseJson(text, name) : ParseYaml(text, name);
    ASSERT_TRUE(first) << first.error().ToString();

    std::string yaml = WriteYaml(*first);
    Result<model::Framework> from_yaml = ParseYaml(yaml, "written.yaml");
    ASSERT_TRUE(from_yaml) << from_yaml.error().ToString() << "\n" << yaml;
    EXPECT_EQ(*from_yaml, *first);
    EXPECT_EQ(WriteYaml(*from_yaml), yaml) << "writing is not stable";

    std::string written_json = WriteJson(*first);
    Result<model::Framework> from_json = ParseJson(written_json, "written.json");
    ASSERT_TRUE(from_json) << from_json.error().ToString();
    EXPECT_EQ(*from_json, *first);
    EXPECT_EQ(WriteJson(*from_json), written_json);

    // A validated read agrees with the structural one whenever the document is valid.
    Result<model::Framework> validated = json ? ReadJson(text, name) : ReadYaml(text, name);
    if (validated) {
      EXPECT_EQ(*validated, *first);
    }

    // Comments: every '#' of a value is written back, so only comments can go missing, and
    // what is written has none left to lose.
    if (!json) {
      EXPECT_LE(Hashes(yaml), Hashes(text));
      EXPECT_EQ(Hashes(WriteYaml(*from_yaml)), Hashes(yaml));
    }
  }
}

TEST(CanonicalFixtures, CommentsAreDroppedAndNothingElse) {
  // A fixture with comments, read with and without them, gives the same framework.
  bool seen = false;
  for (const fs::path& path : CanonicalDocuments()) {
    if (path.extension() != ".yaml") continue;
    const std::string text = Slurp(path);
    std::string without;
    bool had = false;
    for (const std::string& line : text::Split(text, '\n')) {
      std::string_view l = text::Trim(line);
      if (!l.empty() && l.front() == '#') {
        had = true;
        continue;
      }
      without += line + "\n";
    }
    if (!had) continue;
    seen = true;
    SCOPED_TRACE(Relative(path));
    Result<model::Framework> with = ParseYaml(text, "with.yaml");
    Result<model::Framework> bare = ParseYaml(without, "without.yaml");
    ASSERT_TRUE(with && bare);
    EXPECT_EQ(WriteYaml(*with), WriteYaml(*bare));
    EXPECT_LT(Hashes(WriteYaml(*with)), Hashes(text));
  }
  EXPECT_TRUE(seen) << "no fixture has comment lines (tests/render/hostile.yaml had)";
}

}  // namespace
}  // namespace ladder::formats
