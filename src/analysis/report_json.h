// JSON forms of lint findings and diffs, as printed by `ladder lint --json` and
// `ladder diff --json` and served to pages that mark changes. Field names are the C++ member
// names of lint.h and diff.h; enums are their lower-case names ("warning", "insert", "added").
// An optional value that is absent is null. `changed` (a boolean) says whether a diff, level
// or competency differs at all; so a competency's reworded behaviours (CompetencyDiff::changed)
// are under `reworded`. Pure and thread-safe.
//
//   {"code": "missing-expectation", "severity": "warning",
//    "file": "ladder.yaml", "line": 12, "column": 7, "message": "..."}
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/diff.h"
#include "analysis/lint.h"

namespace ladder::analysis {

nlohmann::json ToJson(const Finding& finding);
nlohmann::json ToJson(const std::vector<WordSpan>& words);
nlohmann::json ToJson(const LevelDiff& diff);
nlohmann::json ToJson(const LevelNews& news);
nlohmann::json ToJson(const FrameworkDiff& diff);

}  // namespace ladder::analysis
