// Frameworks named on the command line, and the files commands write.
//
// A framework is named by a file (canonical YAML, or JSON when the name ends in .json; `-` is
// standard input) or, with the prefix `stored:`, by a version in the database:
//   stored:support           the latest published version of framework `support`
//   stored:support@2024.1    that version (a draft or published)
// Shared by the commands that take a framework (lint, export, diff).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "base/error.h"
#include "formats/layout_export.h"
#include "model/framework.h"

namespace ladder::cli {

// The whole file. Errors name the file: kIo (missing, a directory, unreadable),
// kResourceExhausted (over formats::kMaxDocumentBytes).
Result<std::string> ReadInputFile(const std::string& path);

inline constexpr std::string_view kStoredPrefix = "stored:";

// Reads a framework from a file or, for `stored:ID[@VERSION]`, from the database `database`
// (storage::DatabaseUrlFrom: the flag, else $LADDER_DATABASE, else sqlite:ladder.db; an SQLite
// file that does not exist is an error, not created). With `validate` false the model's
// invariants of a file are not checked (lint reports them itself); syntax, key and type errors
// are errors either way, with file:line:col.
Result<model::Framework> LoadFramework(const std::string& ref, bool validate = true,
                                       const std::string& database = {});

// The --database option of the commands that accept `stored:` references.
void AddDatabaseOption(CLI::App* command, std::string& database);

// Writes `text` to `path` through a temporary file in the same folder, then renames it; a path
// that is a device or a pipe (/dev/null, /dev/stdout) is written to directly.
Status WriteOutputFile(const std::string& path, std::string_view text);

// Writes `files` (paths relative to `dir`) as a new folder `dir`, whole or not at all: into a
// temporary folder beside it, then renamed. `dir` must not exist or be an empty folder
// (kAlreadyExists otherwise: stale files would be read with the new ones).
Status WriteOutputFolder(const std::string& dir, const std::vector<formats::ExportedFile>& files);

}  // namespace ladder::cli
