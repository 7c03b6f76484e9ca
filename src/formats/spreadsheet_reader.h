// Reads career frameworks kept in spreadsheets: XLSX and ODS workbooks and CSV/TSV files.
//
//   Competency | Junior              | Senior
//   Delivery   | - Ships small fixes | - Leads projects
//
// The workbook's sheets are read by sheet.h (limits, formulas, encodings) and their matrices
// found by sheet_matrix.h; an import map (import_map.h) may say which sheet, rows and columns
// are what. A workbook written by `ladder export --to xlsx` carries the framework it was made
// from on a hidden sheet: reading it back gives that framework, with every cell edited in the
// visible sheets applied (xlsx_roundtrip.h).
// Formats: "xlsx" (Office Open XML, also password-protected or legacy .xls files, refused with a
// clear error), "ods" (OpenDocument) and "csv" (any of , ; TAB | as delimiter).
// Stateless, thread-safe.
#pragma once

#include <memory>

#include "formats/import.h"

namespace ladder::formats {

std::unique_ptr<Reader> MakeXlsxReader();
std::unique_ptr<Reader> MakeOdsReader();
std::unique_ptr<Reader> MakeCsvReader();

}  // namespace ladder::formats
