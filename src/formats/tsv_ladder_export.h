// Writes a framework as a plain-text career ladder with tab-separated tables, the layout of a
// word-processor ladder saved as text (read back by plain_text_reader.h):
//
//   Support Career Ladder                        the framework's name
//
//   IC Path                                      a track: its name, its description, its table
//   For engineers who stay hands-on.
//
//   Role Name<TAB>Level<TAB>Responsibilities<TAB>Requirements<TAB>Years of experience
//   Senior Engineer<TAB>2<TAB>Same as Engineer, plus: • Mentors • Leads<TAB>• 1 year at Level 1
//
// What the layout holds and reads back: tracks (name, description, levels in order), levels
// (title; rank in the Level column; attributes as further columns; "Same as X, plus:" for a
// level that includes another, as `inherits` or in a cumulative framework; an undefined level
// as a row of "(varies)"), behaviours (one Responsibilities column: every competency's
// behaviours in one list), requirement sentences, notes (titled sections of prose). Not held,
// and listed in LayoutExport::left_out: competencies (their names and which behaviour belongs
// to which), summaries, cell summaries and undefined cells, level notes, pillars, overlay
// roles, the promotion policy, transitions and the description. Level codes are made from the
// titles on reading. Deterministic; pure and thread-safe.
#pragma once

#include "base/error.h"
#include "formats/layout_export.h"
#include "model/framework.h"

namespace ladder::formats {

// One file, "ladder.txt". Errors: kInvalidArgument when the framework has no levels.
Result<LayoutExport> ExportTsvLadder(const model::Framework& framework);

}  // namespace ladder::formats
