// docs/ladder.schema.json checked by a real JSON Schema validator (Python's jsonschema, run by
// tests/canonical_schema_check.py) against every example and fixture, as YAML and as written
// by WriteJson; and the examples together use every key the schema defines.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/canonical.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = LADDER_SOURCE_DIR;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class canonical_Schema : public ::testing::Test {
 protected:
  void SetUp() override {
    // mkdtemp: ctest runs these tests as concurrent processes, and without address-space
    // randomisation anything derived from a pointer or the seed collides between them.
    std::string tmpl = (fs::temp_directory_path() / "ladder-schema-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr) << "cannot create a temporary directory";
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the checker; returns its exit status and leaves its output in `output_`.
  int Check(const std::string& arguments) {
    fs::path out = dir_ / "out.txt";
    std::string command = "/usr/bin/python3 " +
                          (kSource / "tests/canonical_schema_check.py").string() + " " +
                          (kSource / "docs/ladder.schema.json").string() + " " + arguments + " > " +
                          out.string() + " 2>&1";
    int status = std::system(command.c_str());
    output_ = Slurp(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  static std::vector<fs::path> Yaml(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
  std::string output_;
};

TEST_F(canonical_Schema, ExamplesFixturesAndTheirJsonAreValid) {
  std::vector<fs::path> docs = Yaml(kSource / "examples");
  for (const fs::path& p : Yaml(kSource / "src/formats/testdata/canonical"))
    if (p.filename() != "hand_written.yaml") docs.push_back(p);  // plain numbers for text
  ASSERT_GE(docs.size(), 4u);
  std::string yaml_args = "--yaml", json_args = "--json";
  for (const fs::path& doc : docs) {
    yaml_args += " " + doc.string();
    Result<model::Framework> fw = ReadYaml(Slurp(doc), doc.string());
    ASSERT_TRUE(fw.has_value()) << fw.error().ToString();
    fs::path json = dir_ / (doc.stem().string() + ".json");
    std::ofstream(json) << WriteJson(*fw);
    json_args += " " + json.string();
  }
  EXPECT_EQ(Check(yaml_args + " " + json_args), 0) << output_;
  EXPECT_NE(output_.find(std::to_string(2 * docs.size()) + " documents checked, 0 problems"),
            std::string::npos)
      << output_;
}

TEST_F(canonical_Schema, ExamplesTogetherUseEveryKey) {
  std::string args = "--coverage";
  for (const fs::path& doc : Yaml(kSource / "examples")) args += " " + doc.string();
  EXPECT_EQ(Check(args), 0) << output_;
}

// The checker is not a rubber stamp: it rejects what the reader rejects.
TEST_F(canonical_Schema, InvalidDocumentsAreRejected) {
  fs::path bad = dir_ / "bad.json";
  std::ofstream(bad) << R"({"ladder": 1, "framework": {"id": "x", "nmae": "y"},
    "policy": [{"text": "t", "rule": {"peer_review": "failed"}}],
    "tracks": [{"id": "a", "levels": [{"code": "A", "rank": "two"}]}]})";
  EXPECT_EQ(Check("--json " + bad.string()), 1);
  EXPECT_NE(output_.find("'nmae' was unexpected"), std::string::npos) << output_;
  EXPECT_NE(output_.find("/policy/0/rule"), std::string::npos) << output_;
  EXPECT_NE(output_.find("/tracks/0/levels/0/rank: 'two' is not of type 'integer'"),
            std::string::npos)
      << output_;
  // A key that no example uses is reported.
  fs::path small = dir_ / "small.yaml";
  std::ofstream(small) << "ladder: 1\nframework: {id: x}\n";
  EXPECT_EQ(Check("--coverage " + small.string()), 1);
  EXPECT_NE(output_.find("no document uses tracks[].levels[].rank"), std::string::npos) << output_;
}

}  // namespace
}  // namespace ladder::formats
