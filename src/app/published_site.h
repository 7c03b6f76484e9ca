// What readers see: the published versions of the frameworks in the database, for
// `ladder serve` and `ladder render --database`. Drafts are never shown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/import_into.h"
#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
#include "storage/store.h"

namespace ladder::app {

// Every published version of every framework in `store` (frameworks by id, versions in the
// store's order). Errors: the store's (kUnavailable, ...).
Result<std::vector<model::Framework>> LoadPublished(storage::Store& store);

// On first start: when `store` holds no framework at all, stores and publishes the frameworks
// of `files` (canonical YAML/JSON) in one transaction and returns what was stored; otherwise
// stores nothing and returns an empty list.
Result<std::vector<StoredFramework>> PublishIfEmpty(storage::Store& store,
                                                    const std::vector<std::string>& files,
                                                    Date today, std::string_view actor);

}  // namespace ladder::app
