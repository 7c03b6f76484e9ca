// Exports a framework as an Excel workbook (.xlsx, written with libxlsxwriter): one sheet per
// track with its levels as columns and competencies as rows (grouped under their pillars), a
// summary row on top and a requirements row at the bottom; wrapped text, the header row and
// the competency column frozen. Undefined levels and cells show their note in grey italics.
// A framework with a role catalogue gets a "Roles" sheet (families x seniorities); a framework
// with neither tracks nor roles gets one sheet with its name, so the workbook always opens.
// Thread-safe (no shared state); writes only `path`.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::formats {

// Writes the workbook to `path`. Errors: kIo when the file cannot be written.
Status ExportXlsx(const model::Framework& framework, const std::string& path);

// Writes a workbook of one sheet named `sheet` holding `rows` as text cells (never formulas):
// the first row is the header, bold and frozen. Errors: kIo when the file cannot be written.
Status ExportXlsxTable(std::string_view sheet, const std::vector<std::vector<std::string>>& rows,
                       const std::string& path);

// The same workbook as bytes, written through a private temporary file that is removed.
Result<std::string> XlsxTableBytes(std::string_view sheet,
                                   const std::vector<std::vector<std::string>>& rows);

// The framework's workbook (ExportXlsx) as bytes, the same way.
Result<std::string> XlsxBytes(const model::Framework& framework);

// A worksheet name Excel accepts, made from `name`: the characters []:*?/\ replaced by '-',
// apostrophes trimmed from both ends, at most 31 characters, not empty ("Sheet"), not the
// reserved "History", and unique case-insensitively among `used` (a " (2)" suffix, ...).
// Adds the lower-cased result to `used`.
std::string SheetName(std::string_view name, std::set<std::string>& used);

}  // namespace ladder::formats
