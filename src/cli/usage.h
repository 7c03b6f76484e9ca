// The command line a person types before it is parsed: command words and option names checked
// against the commands that exist, with a "did you mean" for typos, so that `ladder imprt`,
// `ladder case opn`, `ladder waive --help` and `ladder export --jsn` each say what was meant
// instead of printing a generic error or the main help.
#pragma once

#include <CLI/CLI.hpp>

#include "base/error.h"

namespace ladder::cli {

// Walks argv along the command tree. Errors (kInvalidArgument): an unknown command word at any
// level, with the closest command or the nested command of that name ("did you mean `ladder
// case waive`?"); a command that needs a subcommand and got none, listing them; an unknown long
// option of the command being run, with the closest option. Values of options that take one
// are skipped, and nothing after `--` is looked at.
Status CheckCommandLine(CLI::App& app, int argc, const char* const* argv);

// True when --json is among the arguments (before any `--`): errors are then JSON too.
bool WantsJson(int argc, const char* const* argv);

}  // namespace ladder::cli
