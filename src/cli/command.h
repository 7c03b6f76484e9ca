// The `ladder` command's plumbing: every subcommand lives in its own file and registers itself
// with LADDER_COMMAND, so adding a command never touches main.cc.
//
//   namespace {
//   void SetUpLint(CLI::App& app, std::vector<ladder::cli::Run>& runs) {
//     auto* cmd = app.add_subcommand("lint", "Check frameworks");
//     auto options = std::make_shared<LintOptions>();   // outlives the set-up
//     cmd->add_option("files", options->files)->required();
//     runs.push_back({cmd, [options] { return RunLint(*options); }});
//   }
//   }  // namespace
//   LADDER_COMMAND(20, SetUpLint);
//
// Nested commands (`ladder case open`) register one Run per leaf subcommand.
//
// Conventions: --help everywhere, --json for machines, exit 0 ok, 1 findings,
// 2 bad input or usage. Errors print as "ladder: file:line:col: message" on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "base/error.h"

namespace ladder::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitBadInput = 2;

// The one mapping from error codes to exit codes.
int ExitCodeFor(const Error& error);

// Prints "ladder: <error>" on stderr and returns its exit code. After SetJsonErrors(true) (the
// command line has --json) the error is one JSON object on stderr instead:
//   {"error": {"code": "not_found", "message": "...", "text": "ladder: ...", "field": "...",
//              "file": "...", "line": 3, "column": 7}}   (field and place when known)
int ReportError(const Error& error);
void SetJsonErrors(bool on);

// For a command that runs itself and also has commands under it (`ladder assess PERSON --by …`
// beside `ladder assess withdraw ID`): what it needs when it runs itself cannot be marked
// required() (CLI11 would ask it of the commands under it too), so its run checks that each of
// `options` was given. Error: "<name> is required", as CLI11 says it.
Status RequireGiven(const std::vector<const CLI::Option*>& options);

// True when stdout is a terminal and NO_COLOR is not set.
bool UseColor();
bool StdoutIsTerminal();

// The action a subcommand runs once parsed: the process exit code (kExitOk, kExitFindings), or
// the error that stopped it, which main reports (ReportError) and turns into its exit code.
using Action = std::function<Result<int>()>;

// A leaf subcommand and what to do when it was the one parsed.
struct Run {
  CLI::App* command = nullptr;
  Action action;
};

using SetUp = void (*)(CLI::App& app, std::vector<Run>& runs);

// Registers a subcommand set-up function; `order` sorts the commands in --help.
struct Registration {
  Registration(int order, SetUp setup);
};
const std::vector<std::pair<int, SetUp>>& Registrations();

}  // namespace ladder::cli

#define LADDER_COMMAND(order, setup) \
  static ::ladder::cli::Registration LADDER_CONCAT_(ladder_command_, __LINE__)(order, setup)
