// Settings files: the TOML configuration of a Ladder installation (/etc/ladder/ladder.toml).
//
// A settings file names command-line options without their dashes. Keys at the top apply to
// every command that has such an option; a table applies to one command, named as on the
// command line (`[serve]`, `[user.add]`):
//
//   database = "sqlite:/var/lib/ladder/ladder.db"
//   [serve]
//   listen = "127.0.0.1:8080"
//   public = true
//
// This file only reads the TOML; which keys are options is for the command line to say
// (cli/config_file.h), since only it knows the options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::formats {

struct Setting {
  std::vector<std::string> command;  // {} at the top, {"serve"} for [serve], {"user", "add"}
  std::string key;                   // "listen"
  std::vector<std::string> values;   // one for a single value, each item of an array
  bool is_array = false;
  SourceLocation where;  // of the key
};

// Reads a settings file. Values are strings, integers, floats or booleans (true/false), or
// arrays of them; a date, an inline table or an array of arrays is an error at its place.
// Settings come in the order of the file.
Result<std::vector<Setting>> ReadSettings(std::string_view text, const std::string& path);

}  // namespace ladder::formats
