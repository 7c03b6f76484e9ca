// The options of notification delivery (app::NotifySettings), shared by `ladder serve` (its
// delivery worker) and `ladder notify deliver`: --smtp-url, --smtp-starttls, --smtp-user,
// --smtp-password, --mail-from, --webhook-url, --webhook-secret, --base-url, --notify-timeout,
// --digest-hour, --max-attempts, each also LADDER_<NAME> in the environment or a key of the
// settings file (docs/operations.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/notify.h"

namespace ladder::cli {

void AddNotifyOptions(CLI::App* command, app::NotifySettings& settings);

// This process's name in delivery leases: host, pid and a random part.
std::string WorkerName();

}  // namespace ladder::cli
