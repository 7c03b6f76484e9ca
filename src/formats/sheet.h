// Worksheets as Ladder reads them from XLSX and ODS workbooks (through zip_archive.h and
// xml_sax.h, streamed) and from CSV/TSV text: the text of each cell by row and column, merged
// ranges, and the line or row number each row came from. What the cells mean is decided by
// sheet_matrix.h.
//
//   LADDER_TRY(Workbook book, ReadXlsx(bytes, "ladder.xlsx"));
//   for (const Sheet& s : book.sheets) s.At(0, 1);  // "IC1"
//
// Formulas: the value the spreadsheet cached when it was saved is read (never recomputed), and
// the workbook's warnings say how many cells held formulas; a formula without a cached value
// reads as an empty cell, with a warning naming it. Dates and numbers are read as written in the
// file (a date is its serial number). Rich text keeps its text, not its formatting.
// Limits (memory stays bounded whatever the file): kMaxSheets sheets; kMaxSheetRows rows and
// kMaxSheetColumns columns per sheet are kept, what lies beyond is skipped with a warning naming
// the sheet and the first row or column skipped; a cell keeps at most kMaxCellBytes.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/import.h"

namespace ladder::formats {

inline constexpr size_t kMaxSheets = 64;
inline constexpr int kMaxSheetRows = 10'000;
inline constexpr int kMaxSheetColumns = 256;
inline constexpr size_t kMaxCellBytes = 32'767;

struct MergedRange {
  int row = 0;  // 0-based top-left
  int col = 0;
  int rows = 1;  // extent
  int cols = 1;
  friend bool operator==(const MergedRange&, const MergedRange&) = default;
};

struct Sheet {
  std::string name;
  bool hidden = false;
  std::vector<std::vector<std::string>> rows;  // row -> column -> text; trailing empties trimmed
  std::vector<int> lines;  // per row: its 1-based row number (workbooks) or first line (CSV)
  std::vector<MergedRange> merges;

  // The text at (row, col), 0-based; "" outside the sheet.
  const std::string& At(int row, int col) const;
  int Height() const { return static_cast<int>(rows.size()); }
  int Width() const;  // the widest row
  // The 1-based line or row number of row `row` (row + 1 beyond the known rows).
  int LineOf(int row) const;
  // The merged range whose top-left is (row, col), or nullptr.
  const MergedRange* MergeAt(int row, int col) const;
};

struct Workbook {
  std::vector<Sheet> sheets;
  std::vector<ImportWarning> warnings;  // formulas read as cached values, skipped rows, ...
};

// "C4" for row 3, column 2 (0-based).
std::string CellName(int row, int col);
// "C" for column 2.
std::string ColumnName(int col);
// The 0-based column of a name ("C" -> 2, "AB" -> 27), or -1.
int ColumnIndex(std::string_view name);

// Reads an Office Open XML workbook (.xlsx, .xlsm). Errors name the file and, for cells, the
// sheet and cell: kParse (not a workbook, corrupt XML), kInvalidArgument (password-protected),
// kResourceExhausted (zip bombs and the archive limits of zip_archive.h, too many sheets).
Result<Workbook> ReadXlsx(std::string_view bytes, const std::string& name);

// Reads an OpenDocument spreadsheet (.ods). Errors as ReadXlsx.
Result<Workbook> ReadOds(std::string_view bytes, const std::string& name);

// Reads delimited text (CSV, TSV, semicolon- or pipe-separated) as one sheet named after the
// file. `text` is UTF-8 (ReadDocuments decodes other encodings first). The delimiter is
// detected when `delimiter` is 0: the one of , ; TAB | that splits the most rows into the same
// number of cells. Quoted cells ("a ""b""", multi-line) follow RFC 4180. Errors: kParse naming
// line:col of a quote that is never closed.
Result<Workbook> ReadDelimited(std::string_view text, const std::string& name, char delimiter = 0);

// The detected delimiter of `text` (see ReadDelimited) and how consistently it splits the
// first rows: the share (0..100) of non-blank rows with the most common number of cells, that
// number being 2 or more; 0 when no delimiter splits the text into a grid.
struct DelimiterGuess {
  char delimiter = ',';
  int consistency = 0;
  int cells = 0;            // the most common number of cells per row
  int rows = 0;             // non-blank rows looked at
  bool open_quote = false;  // a quoted cell that never closes cut the rows short
};
DelimiterGuess GuessDelimiter(std::string_view text);

}  // namespace ladder::formats
