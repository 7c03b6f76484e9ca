// Finding a level of a framework from what a person typed: "ic/E3", or "E3" when only one
// track has it. Shared by the commands, pages and API routes that name a level.
// Pure and thread-safe.
#pragma once

#include <string_view>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::analysis {

struct LevelAt {
  const model::Track* track = nullptr;
  const model::Level* level = nullptr;
};

// The level `ref` names (model::Framework::ResolveLevel; with `track` given, a code of that
// track). Errors: kNotFound saying which tracks share a code ("write one of ic/L3,
// management/L3") or naming the closest level and listing them all. The pointers point into
// `framework`.
Result<LevelAt> FindLevel(const model::Framework& framework, std::string_view ref,
                          std::string_view track = {});

}  // namespace ladder::analysis
