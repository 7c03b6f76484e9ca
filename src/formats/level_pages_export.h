// Writes a framework as level pages, the layout of engineering career-path sites: one page per
// level, each section showing the level beside the previous and next level of its track (read
// back, as a folder, by level_pages_reader.h).
//
//   ---                                          01-ic-e1.md, 02-ic-e2.md, ... (one per level,
//   title: "Senior Engineer"                     numbered in track order)
//   layout: level
//   ---
//   # Senior Engineer (Individual Contributor Path)
//   ### Years of experience                      attributes: a row of names, a row of values
//   <table markdown="1"><tr><td>Engineer</td><td style="font-weight:bold">Senior Engineer</td>...
//   ### Delivery                                 competencies: name and content rows in turn,
//   <table markdown="1"><tr><td>Engineer</td></tr><tr><td markdown="1">- Ships ...   the cells
//   ### Checkpoints for reaching this level      Markdown lists
//
// What the layout holds and reads back: tracks (by name: the heading's "(… Path)"; levels in
// order), levels (by title, which must be unique: titles shared by several levels are written
// "Title (CODE)"), attributes whose heading reads back as the same key (years of experience,
// scope of action, and short values of any other), competencies (names) and their behaviours,
// requirement sentences (the checkpoints). Not held, and listed in LayoutExport::left_out:
// summaries, undefined states, cell summaries and notes, level notes, pillars, competency
// descriptions, overlay roles, transitions, policy and notes of the framework. Level codes are
// not held either: the reader makes them from the titles. Deterministic; pure and thread-safe.
#pragma once

#include "base/error.h"
#include "formats/layout_export.h"
#include "model/framework.h"

namespace ladder::formats {

// One file per level of every track. Errors: kInvalidArgument when the framework has no levels.
Result<LayoutExport> ExportLevelPages(const model::Framework& framework);

}  // namespace ladder::formats
