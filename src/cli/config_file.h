// Settings of an installation for every command: a settings file (formats/settings_file.h)
// named by --config or $LADDER_CONFIG, and the environment.
//
// Precedence, highest first: the command line, the environment, the settings file, the
// option's default. The environment names an option LADDER_<NAME> (--max-connections:
// LADDER_MAX_CONNECTIONS) for every option of `ladder serve` and for --database everywhere.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "base/error.h"

namespace ladder::cli {

// Adds --config to the top of the command line and the environment names above. Call once
// every command is registered, before parsing; the returned path is filled by the parse.
std::shared_ptr<std::string> AddSettings(CLI::App& app);

// After parsing: reads the settings file, if one was named, checks that every setting names a
// long option of its command (a key at the top: of some command) and that the option takes its
// value, and gives the options that were not given on the command line or in the environment
// their value from the file. Errors say file:line:col, the setting and what is wrong.
Status ApplySettings(CLI::App& app, const std::string& path);

}  // namespace ladder::cli
