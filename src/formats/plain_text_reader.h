// Reads plain-text career ladders: a title line, short heading lines, prose paragraphs, and
// tables whose columns are separated by tabs (or by runs of two or more spaces), as left by
// copying a word-processor document into a text file.
//
//   Support Career Ladder
//
//   IC Path
//   Role Name<TAB>Level<TAB>Responsibilities<TAB>Requirements
//   Senior Engineer<TAB>2<TAB>Same as Engineer, plus: • Mentors • Leads<TAB>1 year at Level 1
//
// Structure:
//  - The first non-blank line is the framework's name. A heading is a short line (at most 8
//    words, no tab, no final full stop; Markdown `#` marks are dropped) followed by prose or a
//    table. A section with a role table is a track; its kind comes from its heading (Core ->
//    core, IC / Individual Contributor -> ic, Management / Manager -> management, Alternative /
//    Specialist -> alternative, otherwise other) and its prose becomes the track's description.
//    Every other section becomes a note, kept whole.
//  - A table starts at a header row naming a role column (Role Name, Role, Title, Position) and
//    a Responsibilities (Duties, Expectations) or Requirements (Qualifications, Prerequisites,
//    Criteria) column, in any order; a Level (Rank, Grade) column gives ranks. Other columns
//    become level attributes. Rows of dashes separate rows; a row whose first cell is empty
//    continues the row before it; blank lines inside a table are skipped.
//  - Each row is a level: code = the Level column when it is a compact grade ("S2", "M1"), else
//    the slug of the role name; rank = the Level column ("2+" gives 2, "S2" gives 2), or the
//    next rank after the row before when the column is empty or unreadable.
//    "Example: X" names a level X noted as an example. A row of placeholders ("(varies)") is an
//    undefined level keeping its level text as an attribute: the source defines nothing there.
//  - A requirements cell "None", "n/a" or "-" means no requirement (and is no passage).
//  - Cells flattened onto one line are split back into items: at `•` bullets, at " - " or
//    " * " when the cell starts with such a bullet ("- Answers - Keeps SLAs"), else at runs of
//    two or more spaces (tab-separated tables only), else at sentence boundaries ("…hours
//    Occasional on-call…": a capitalised word after a word that does not join phrases, a
//    duration such as "1 year" after a lower-case word, an acronym after a number). A leading
//    "Same as X, plus:" makes the level inherit X (resolved by title among all levels; a
//    truncated "…s X, plus:" also resolves) and is kept as the level's note.
//  - Responsibilities become the behaviours of the one competency `responsibilities` (plain-text
//    ladders describe roles, not competency categories); requirements become requirements
//    with their sentence and a manual rule (analysis/requirements.h recognises rules later).
//  - A row whose cells were garbled in extraction (the Level cell holds prose) is imported as
//    far as it can be: role name from its cell, rank after the row before, the remaining prose
//    cells as responsibilities then requirements; an ImportWarning names its line.
//  - A sentence "move from the <track> to the <track>, or vice versa, ... if <condition>" gives
//    transitions both ways whose requirement is the condition.
// Every passage of the source (title, headings, prose lines, table cells; not header rows or
// separators) is listed in Imported::source with its line. Stateless, thread-safe; linear in
// the size of the document.
#pragma once

#include <memory>

#include "formats/import.h"

namespace ladder::formats {

std::unique_ptr<Reader> MakePlainTextReader();

}  // namespace ladder::formats
