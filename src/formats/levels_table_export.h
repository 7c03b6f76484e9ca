// Writes a framework as a levels table, the layout of support and customer-engineering career
// pages: Markdown prose around an HTML table whose rows are levels and whose columns are
// competencies (read back by levels_table_reader.h; as a whole HTML page, by
// html_table_reader.h).
//
//   # Customer Success Engineering
//   ## What each competency covers         pillars as `### Pillar` with `- Area: description`
//   ## <note title> ...                    notes, overlay roles, transitions, promotion policy
//   ## Levels
//   <table class="levels-table">           one table; a row spanning it names each track;
//     <tr><th class="level" rowspan=3>CS1 — Associate ...</th></tr>      per level: its code and
//     <tr><td class="level-summary" colspan=6>Handles ...</td></tr>     title, its summary, a
//     <tr class="behaviors-row"><td class="behaviors"><ul><li>...        row of cell summaries
//                                                                        when any, its behaviours
//
// What the layout holds and reads back: tracks (by name, levels in order), levels (code when
// it reads as one — IC3, CS1 — else the title names it; title, summary, years of experience,
// undefined state and note), competencies (names, descriptions), pillars of two or more
// competencies (name, description), behaviours and cell summaries, undefined cells. An
// undefined cell or level whose note does not say so itself is written "Not defined. <note>"
// so that it reads back as undefined. Overlay roles, transitions and the promotion policy are
// prose sections (read back as notes, and as overlays, transitions and policy where the reader
// recognises them). Not held, and listed in LayoutExport::left_out: level requirements (the
// family states promotion rules in prose), attributes other than years of experience, notes
// of defined cells. Ranks across tracks, track ids and kinds are not held either: the reader
// ranks the table's levels in order and derives a track's id and kind from its name (a track
// row after the first must say "path", "track" or "ladder": " path" is added when it does
// not). Levels are named by their code when every code reads as one, else by their rank and a
// Title column.
// Deterministic; pure and thread-safe.
#pragma once

#include <string>

#include "base/error.h"
#include "formats/layout_export.h"
#include "model/framework.h"

namespace ladder::formats {

struct LevelsTableOptions {
  // A whole HTML page (<h1>, prose as HTML, the table) instead of Markdown around the table.
  bool html_document = false;
};

// One file, "levels-table.md" (or "levels-table.html"). Errors: kInvalidArgument when the
// framework has no levels.
Result<LayoutExport> ExportLevelsTable(const model::Framework& framework,
                                       LevelsTableOptions options = {});

}  // namespace ladder::formats
