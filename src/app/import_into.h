// Storing imported (or canonical) frameworks in the database: the use case behind
// `ladder import … --into DB [--publish]` and `ladder load`.
//
// All frameworks go in ONE transaction: any failure (an invalid framework, a published version
// that would change, a database error) leaves the database as it was, and the error names the
// framework. Each framework is saved as a draft and, with `publish`, published through
// app/change_requests.h's PublishVersion: refused (kFailedPrecondition) when its policy requires
// an approved change request and the version has none.
// A framework without a version gets today's date (YYYY-MM-DD) as its version. Storing a
// framework identical to an already published version of the same number changes nothing
// (reported as unchanged), so importing the same documents twice is harmless.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
#include "storage/store.h"

namespace ladder::app {

enum class StoreOutcome { kSavedDraft, kPublished, kUnchanged };
const char* StoreOutcomeName(StoreOutcome o);  // "draft" | "published" | "unchanged"

struct StoredFramework {
  std::string framework;
  std::string version;
  std::string name;
  StoreOutcome outcome = StoreOutcome::kSavedDraft;
};

// Stores `frameworks` in `store` in one transaction (see above). `today` supplies missing
// versions; `actor` is recorded in the audit log.
Result<std::vector<StoredFramework>> StoreFrameworks(storage::Store& store,
                                                     std::vector<model::Framework> frameworks,
                                                     bool publish, Date today,
                                                     std::string_view actor);

// The actor the command line writes as: "cli:<login name>" ($USER, else "cli:unknown").
std::string CliActor();

// Today's date in UTC, for callers that have no date of their own.
Date TodayUtc();

}  // namespace ladder::app
