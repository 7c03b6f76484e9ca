// Internal to the sheet readers (xlsx_sheets.cc, ods_sheets.cc, sheet.cc): filling a Sheet cell
// by cell within the limits of sheet.h, and saying once per sheet what was skipped.
#pragma once

#include <string>
#include <string_view>

#include "formats/sheet.h"

namespace ladder::formats::internal {

class SheetFiller {
 public:
  SheetFiller(Sheet& sheet, std::string file) : sheet_(sheet), file_(std::move(file)) {}

  // Sets the cell at (row, col), 0-based, with the row's line number. Empty text only makes
  // sure the row exists. Rows and columns past the limits are skipped (and remembered).
  void Set(int row, int col, std::string_view text, int line);
  // True when `row` is past the row limit (callers may stop reading the sheet's cells).
  bool RowPastLimit(int row) const { return row >= kMaxSheetRows; }
  // Trims trailing empty rows and appends the warnings about what was skipped.
  void Finish(std::vector<ImportWarning>& warnings);

 private:
  Sheet& sheet_;
  std::string file_;
  int first_skipped_row_ = -1;
  int last_skipped_row_ = -1;
  int first_skipped_col_ = -1;
  bool truncated_cell_ = false;
};

}  // namespace ladder::formats::internal
