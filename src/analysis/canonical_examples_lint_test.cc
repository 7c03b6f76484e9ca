// The examples are what a new user sees first: each must read, and lint without a finding, but
// for the texts a translation has not reached yet (`untranslated`, information: the two-language
// example leaves some in its source language to show how pages mark them).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/lint.h"
#include "formats/canonical.h"

namespace ladder::analysis {
namespace {

namespace fs = std::filesystem;

TEST(canonical_Examples, EveryExampleLintsClean) {
  int examples = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LADDER_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".yaml") continue;
    ++examples;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Result<model::Framework> fw = formats::ReadYaml(text.str(), entry.path().string());
    ASSERT_TRUE(fw.has_value()) << fw.error().ToString();
    for (const Finding& f : Lint(*fw)) {
      if (f.code == "untranslated" && f.severity == Severity::kInfo) continue;
      ADD_FAILURE() << f.location.ToString() << ": " << SeverityName(f.severity) << ": " << f.code
                    << ": " << f.message;
    }
  }
  EXPECT_GE(examples, 3);
}

}  // namespace
}  // namespace ladder::analysis
