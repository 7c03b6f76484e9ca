// Workbooks written by `ladder export --to xlsx`, read back: the hidden sheet holds the
// framework they were exported from (xlsx_cells::kFrameworkSheet, its canonical YAML), and the
// visible sheets may have been edited in a spreadsheet since. Reading gives the framework with
// every edited cell applied:
//  - a level's header (its title; codes stay, they are referred to elsewhere), its summary
//    ("Not defined: ..." makes it undefined), its requirements (a sentence already there keeps
//    its rule, a new one is a manual requirement);
//  - a competency's cell at a level (summary and "•" behaviours; "Not defined"... undefined);
//  - a row whose label names no competency is a new competency (in the group row above it).
// Cells still as exported change nothing, so an unedited workbook reads back as exactly the
// framework exported. Rows deleted in the spreadsheet are not deleted from the framework (edit
// the YAML for that); the roles sheet is not read back. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "formats/import.h"
#include "formats/sheet.h"
#include "model/framework.h"

namespace ladder::formats {

// The framework on the workbook's hidden framework sheet, or nullopt when the workbook has none
// (or it does not read as a framework: then the workbook is read like any other).
std::optional<model::Framework> LadderWorkbookFramework(const Workbook& book,
                                                        const std::string& file);

// Removes the hidden framework sheet, if any.
void DropLadderSheet(Workbook& book);

// Applies the edits of the visible sheets to `framework` (see above). Appends every visible
// cell to `source` and to `warnings` the edits that could not be applied. Errors: kInvalidArgument
// when the result breaks the model's invariants.
Result<model::Framework> ApplyWorkbookEdits(model::Framework framework, const Workbook& book,
                                            const std::string& file, std::vector<Passage>& source,
                                            std::vector<ImportWarning>& warnings);

}  // namespace ladder::formats
