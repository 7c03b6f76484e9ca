// The leak check's settings on the command line (docs/leaks.md), shared by `ladder lint
// --leaks`, `ladder render` and `ladder serve`: --internal-domain and --allow-link, added to
// those of the environment (LADDER_INTERNAL_DOMAINS, LADDER_ALLOW_LINKS; app/outputs.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "analysis/leaks.h"

namespace ladder::cli {

struct LeakFlags {
  std::vector<std::string> internal_domains;
  std::vector<std::string> allow;
};

void AddLeakFlags(CLI::App* command, LeakFlags& flags);

// The environment's settings with the flags' added.
analysis::LeakOptions LeakOptionsOf(const LeakFlags& flags);

// Prints each leak that is not allowed as "file:line:col: field: message" (the framework's
// `name` when its location is unknown) on stderr; returns how many there were.
int ReportLeaks(const std::vector<analysis::Leak>& leaks, const std::string& name);

}  // namespace ladder::cli
