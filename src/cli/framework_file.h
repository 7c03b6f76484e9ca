// Framework files named on the command line: reading them (canonical YAML, or JSON when the
// name ends in .json; `-` is standard input) and writing outputs without leaving half a file.
// Shared by the commands that take a framework file (lint, export, diff).
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::cli {

// The whole file. Errors name the file: kIo (missing, a directory, unreadable),
// kResourceExhausted (over formats::kMaxDocumentBytes).
Result<std::string> ReadInputFile(const std::string& path);

// Reads a framework. With `validate` false the model's invariants are not checked (lint
// reports them itself); syntax, key and type errors are errors either way, with file:line:col.
Result<model::Framework> LoadFramework(const std::string& path, bool validate = true);

// Writes `text` to `path` through a temporary file in the same folder, then renames it.
Status WriteOutputFile(const std::string& path, std::string_view text);

}  // namespace ladder::cli
