// `withdraw` and `correct` under the commands that record growth records (`ladder evidence`,
// `ladder evidence metric`, `ladder assess`, `ladder signoff`): the options every one of them
// takes (the record's id, --by, --reason, --on, --database, --json), and what they print.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "app/review.h"
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {

struct TakeBackOptions {
  StoreOptions store;
  std::string id;
  std::string by;
  std::string reason;
  std::string on;  // the day it is taken back, YYYY-MM-DD; empty: today
};

// Adds `name` ("withdraw" or "correct") under `parent` with the options above. The parent's own
// required options and arguments are not asked for when it runs (`ladder assess withdraw ID`
// without --role). The caller pushes its Run before the parent's.
CLI::App* AddTakeBack(CLI::App* parent, const std::string& name, const std::string& help,
                      TakeBackOptions& options);

// Opens the store and runs `take_back` (a ReviewService call returning the id of the record that
// counts now, or of the one withdrawn), then prints what happened: "withdrew ..." or "corrected
// ... by ...", or with --json the record taken back and its correction.
Result<int> RunTakeBack(
    const TakeBackOptions& options, app::RecordKind kind, bool correcting,
    const std::function<Result<std::string>(storage::Store&, app::ReviewService&,
                                            const app::TakeBack&)>& take_back);

// An option of `correct` and the field of the record it gives (app/corrections.h). The option
// "--period" (START..END) gives the fields period_start and period_end.
struct FieldOption {
  const char* field;
  const char* option;
  const std::string* value;
};

// RunTakeBack of ReviewService::Correct with the fields of the options given on `cmd`.
Result<int> RunCorrect(const TakeBackOptions& options, app::RecordKind kind, const CLI::App* cmd,
                       std::vector<FieldOption> fields);

}  // namespace ladder::cli
