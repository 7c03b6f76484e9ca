// A CSV reader for the files HRIS systems export (RFC 4180): comma-separated fields, fields in
// double quotes may hold commas, quotes ("" for one) and line breaks; CRLF or LF line ends; a
// UTF-8 byte-order mark at the start is skipped. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::app {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Every row, the header included; blank lines are skipped. kParse with file:line:col for an
// unterminated quoted field, text after a closing quote or a NUL byte; invalid UTF-8 is kParse
// too.
Result<std::vector<CsvRow>> ReadCsv(std::string_view text, std::string_view file_name);

}  // namespace ladder::app
