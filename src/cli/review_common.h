// Helpers shared by the review-process commands (people, eligibility, evidence, assess, case,
// need, signoff, raise): the --database and --json options, dates from options, the acting
// user for the audit log, and JSON for verdicts and cases.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/review.h"
#include "base/date.h"
#include "base/error.h"
#include "render/records_json.h"
#include "rules/eligibility.h"
#include "storage/store.h"

namespace ladder::cli {

struct StoreOptions {
  std::string database;  // --database URL; default $LADDER_DATABASE, else sqlite:ladder.db
  bool json = false;     // --json
};

// Adds --database and --json to a leaf command.
void AddStoreOptions(CLI::App* command, StoreOptions& options);

Result<std::unique_ptr<storage::Store>> OpenStore(const StoreOptions& options);

// "cli:<os user>": who the audit log says made a change from the command line.
std::string CliActor();

// Today's date (UTC): the default of --date and --at.
Date Today();

// Adds a date option (YYYY-MM-DD) to `command`. Any value given must be a date: one that is
// not, the empty value included, is a usage error (exit 2) naming the option and the value, so
// that `--date ""` never silently means the default; only leaving the option out does.
CLI::Option* AddDateOption(CLI::App* command, const std::string& name, std::string& value,
                           const std::string& help);
// The same for a period START..END (ParsePeriod).
CLI::Option* AddPeriodOption(CLI::App* command, const std::string& name, std::string& value,
                             const std::string& help);

// Parses an option's value as YYYY-MM-DD; an empty value (the option left out, see
// AddDateOption) gives `fallback`. The error names the option, the value and the expected form.
Result<Date> ParseDateOption(std::string_view option, std::string_view value, Date fallback);

// "START..END" (both YYYY-MM-DD) for --period.
Result<std::pair<Date, Date>> ParsePeriod(std::string_view option, std::string_view value);

// Comma-separated values, trimmed, empty ones dropped.
std::vector<std::string> SplitList(std::string_view value);

// JSON of verdicts, cases and needs: the shape the HTTP API answers (render/records_json.h).
using render::CaseJson;
using render::NeedJson;
using render::VerdictJson;

// The verdict in words, one requirement per paragraph.
std::string VerdictText(const rules::Verdict& verdict, const model::Person& person);

// Prints JSON (2-space indent) or text on stdout.
void PrintJson(const nlohmann::json& json);
void PrintJson(const render::Json& json);
void PrintText(std::string_view text);

}  // namespace ladder::cli
