// Exports a framework's expectations as CSV (RFC 4180), one row per (track, level, competency,
// behaviour), for spreadsheets and scripts:
//
//   framework,version,track,level_code,level_rank,level_title,competency_id,competency_name,behaviour,state
//   support,2024.1,ic,IC1,1,Support Engineer I,delivery,Delivery,Answers tickets on time,defined
//
// Rows follow tracks, levels (by rank) and competencies in framework order. A cell with no
// behaviours but a summary gives one row with the summary. An undefined cell, or every cell of
// an undefined level, gives one row whose `state` is `undefined` and whose `behaviour` is the
// note. Competencies a defined level says nothing about give no row.
//
// So that it opens cleanly in a spreadsheet: UTF-8 with a byte order mark (without it Excel
// reads UTF-8 as a legacy code page; turn it off for scripts), CRLF line ends, every field that
// holds a comma, quote or line break quoted, and a field that starts with `=`, `+`, `@` or a
// tab prefixed with `'` so that a spreadsheet shows it as text instead of running a formula.
// Deterministic; pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/framework.h"

namespace ladder::formats {

struct CsvOptions {
  bool byte_order_mark = true;
};

std::string ExportCsv(const model::Framework& framework, const CsvOptions& options = {});

// One RFC 4180 record (without its line end).
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace ladder::formats
