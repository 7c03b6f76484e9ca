// Finds the matrix in the sheets of a workbook (or of one CSV file) and reads it into a
// matrix::Matrix; whatever is not part of a matrix becomes notes.
//
//   Skill        | Junior | Mid    | Senior      <- header: the row naming the levels
//   Programming  |        |        |             <- a label with no cells: a group
//   Clean code   | 2      | 3      | - Reviews   <- a competency, one cell per level
//                |        |        | - Mentors   <- no label: continues the row above
//   Summary      | ...    | ...    | ...         <- level summaries ("Requirements",
//                                                   "Years of experience" likewise)
//
// Levels may be columns (as above) or rows (the same, transposed): the axis whose header names
// read most like levels or proficiency steps wins (IC2, Senior, Level 3, Novice, Expert), a
// "Level"/"Grade" corner cell naming the column (or row) below it breaks ties, and a sheet with
// neither is read as levels in columns when it is a table with a header row. A cell merged
// across several levels counts for each of them; a label merged down several rows names each.
// Rows above the header, columns beside the matrix and rows past `last` are notes, as are sheets
// without a matrix. Sheets whose levels have the same names form one track (their sheet names
// become groups when they have none); other sheets are tracks named after the sheet. Hidden
// sheets are skipped, their text counted as not imported.
// Every cell read is a source passage (line = row number; file = "book.xlsx [Sheet]" for
// workbooks of several sheets), so the coverage report says what landed where.
// Pure and thread-safe.
#pragma once

#include <string>
#include <vector>

#include "formats/import.h"
#include "formats/import_map.h"
#include "formats/matrix.h"
#include "formats/sheet.h"

namespace ladder::formats {

// Ladder's guess for each sheet of `book`.
std::vector<SheetMap> GuessSheetMaps(const Workbook& book);

// Reads `book` with `maps` (a sheet the maps do not name is guessed; a map naming no sheet of
// the book is an error naming it, with the sheets there are). Fills `matrix`, and appends to
// `passages` every cell's text and to `warnings` what was odd (a level column with no cells).
Status ReadSheets(const Workbook& book, const std::vector<SheetMap>& maps, const std::string& file,
                  matrix::Matrix& matrix, std::vector<Passage>& passages,
                  std::vector<ImportWarning>& warnings);

}  // namespace ladder::formats
