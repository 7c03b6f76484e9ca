// The text of the cells `ladder export --to xlsx` writes, shared by the exporter and by the
// reader that takes such a workbook back (xlsx_roundtrip.h): a cell whose text is still what the
// export wrote is unchanged, anything else is an edit. Pure functions, thread-safe.
#pragma once

#include <string>

#include "model/framework.h"

namespace ladder::formats::xlsx_cells {

// The name of the hidden sheet holding the framework the workbook was exported from.
inline constexpr const char* kFrameworkSheet = "ladder-framework";
// Excel's limit for the text of one cell, minus a margin.
inline constexpr size_t kMaxCellBytes = 32000;

// The column header of a level: "IC3" or "IC3\nSenior Engineer".
std::string LevelHeader(const model::Level& level);
// The summary row's cell: the summary, or "Not defined[: note]" for an undefined level.
std::string LevelSummary(const model::Level& level);
// A competency's cell at a level: the summary, then one "• behaviour" line each; the note of
// an undefined expectation; "" for none (or for an undefined level).
std::string ExpectationCell(const model::Level& level, const model::Expectation* expectation);
// The requirements row's cell: "• text [rule]" per requirement.
std::string RequirementsCell(const model::Level& level);
// `text` cut to kMaxCellBytes at a character boundary, with "…" when cut.
std::string Truncate(std::string text);

}  // namespace ladder::formats::xlsx_cells
