// Frameworks read from canonical files (YAML, or JSON for *.json), for `ladder render` and
// `ladder serve` when they are given files, and the examples the server starts with.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::app {

// Reads each file as a canonical framework (formats/canonical.h). Errors name the file and the
// line: kIo for unreadable files, kParse/kInvalidArgument for bad content.
Result<std::vector<model::Framework>> ReadFrameworkFiles(const std::vector<std::string>& paths);

// Expands directories into their *.yaml, *.yml and *.json files (sorted); files stay as given.
Result<std::vector<std::string>> ExpandFrameworkPaths(const std::vector<std::string>& paths);

// The examples directory: ./examples when it exists, else examples/ beside the directory of
// the running binary (build/ladder -> examples/), else beside the binary.
std::string ExamplesDir();

}  // namespace ladder::app
