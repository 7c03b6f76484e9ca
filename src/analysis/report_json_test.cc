#include "analysis/report_json.h"

#include <gtest/gtest.h>

#include "model/testing/small_framework.h"

namespace ladder::analysis {
namespace {

TEST(ReportJson, Finding) {
  nlohmann::json j = ToJson(Finding{"empty-level", Severity::kWarning, {"a.yaml", 3, 5}, "m"});
  EXPECT_EQ(j, nlohmann::json::parse(R"({"code": "empty-level", "severity": "warning",
      "file": "a.yaml", "line": 3, "column": 5, "message": "m"})"));
  EXPECT_TRUE(ToJson(Finding{"x", Severity::kError, {}, "m"})["line"].is_null());
}

TEST(ReportJson, LevelDiff) {
  model::Framework fw = model::testing::SmallFramework();
  const model::Track& ic = fw.tracks[0];
  nlohmann::json j = ToJson(DiffLevels(fw, ic, ic.levels[0], ic, ic.levels[1]));
  EXPECT_EQ(j["from"]["code"], "T1");
  EXPECT_EQ(j["to"]["rank"], 2);
  EXPECT_EQ(j["changed"], true);
  EXPECT_EQ(j["title"]["after"], "Senior Technician");
  EXPECT_TRUE(j["note"].is_null());
  const nlohmann::json& repair = j["competencies"][0];
  EXPECT_EQ(repair["competency"], "repair");
  EXPECT_EQ(repair["reworded"][0]["words"][1],
            nlohmann::json::parse(R"({"kind": "delete", "text": "routine"})"));
  EXPECT_EQ(j["requirements"][0]["kind"], "added");
}

TEST(ReportJson, FrameworkDiffAndNews) {
  model::Framework a = model::testing::SmallFramework(), b = a;
  b.tracks[1].levels.clear();
  nlohmann::json d = ToJson(DiffFrameworks(a, b));
  EXPECT_EQ(
      d["levels"][0],
      nlohmann::json::parse(R"({"kind": "removed", "track": "mgmt", "code": "S1", "diff": null})"));
  nlohmann::json n = ToJson(NewAtLevel(a, a.tracks[0], a.tracks[0].levels[1]));
  EXPECT_EQ(n["previous"]["code"], "T1");
  EXPECT_EQ(n["competencies"][1]["behaviours"][1]["mark"], "new");
}

}  // namespace
}  // namespace ladder::analysis
