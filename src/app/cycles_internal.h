// Internals of app/cycles.h shared by its files. Not for use outside app/.
#pragma once

#include <vector>

#include "app/cycles.h"

namespace ladder::app::internal {

// The candidates of `cycle`: everyone in its scope with their readiness for their next level on
// its evaluation date (cycle_snapshot.cc).
Result<std::vector<model::Candidate>> TakeSnapshot(storage::Store& store, const model::Cycle& cycle,
                                                   const ReviewSources& sources);

}  // namespace ladder::app::internal
