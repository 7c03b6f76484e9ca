// Reads LaTeX documents holding tables of levels (a levels matrix typeset as a PDF):
//
//   \begin{huge} Engineering Management \end{huge}      -> the framework's name
//   \begin{tabular}{|C|C|C|}
//   \textbf{Level} & \textbf{Product Output} & \textbf{People} \\ \hline
//   Team Lead & Ships on time. \bigbreak Fronts risks. & Grows leads. \\ [13em]
//
// tabular, tabular*, tabularx and longtable environments; rows end at `\\` (an optional
// `[13em]` spacing dropped), cells at unescaped `&`; \multicolumn and \multirow span; rules
// (\hline, \toprule ...), colours (\rowcolor, \cellcolor) and spacing are not content;
// \textbf, \textit/\emph become Markdown emphasis, \href and \url their text; \bigbreak,
// \newline, \par and blank lines separate behaviours, as do itemize items. The tables are then
// read like HTML tables of levels (level_table.h: rows or columns as levels, pillars, undefined
// cells). Text outside tables (comments removed) is kept as notes. Stateless and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

// 85 for a document with a tabular of levels, 40 for one with a tabular, 0 otherwise.
int DetectLatexTable(std::string_view text);

// Errors: kParse when no tabular holds levels (the first tabular's line).
Result<Imported> ReadLatexTable(const Document& document);

// The tabular environments of `latex` as HTML tables (one <table> each, rows on the lines of
// their source so that cells keep their lines): for tests and for the reader.
std::string LatexTablesAsHtml(std::string_view latex);

std::unique_ptr<Reader> MakeLatexTableReader();

}  // namespace ladder::formats
