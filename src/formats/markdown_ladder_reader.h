// Reads the common Markdown career ladders: one heading per level, the level's expectations
// under it grouped by category.
//
//   ## L3 — Senior Engineer           (also "## Level 3: Senior Engineer", "## IC3",
//   Owns features end to end.          "## Senior Engineer (L3)", or titles alone such as
//   ### Delivery                       "## Senior Engineer" when several headings name levels)
//   - Ships a feature a quarter
//   - **Collaboration:** pairs weekly  (bold label, or "- Label: text" bullet: a category)
//
// How the document maps onto the model:
//  - front matter is stripped (its `title:` names the framework when there is no `# Title`);
//  - the level headings are the heading depth with the most level-like headings; a heading at
//    that depth is a level when it has a level code (L3, IC3, E5, Level 3, P-2 ...) or names a
//    seniority (Junior, Senior, Staff ...) or uses the same category sub-headings as the levels;
//    a heading that only names a seniority is a level only when it looks like its sibling
//    levels (categories, lists) or says it is not defined yet: "## Lead PMs" with a paragraph
//    after levels with categories is prose, read like the prose around a levels table
//    (prose_sections.h: a note, and an overlay or transition when its heading says so);
//  - "TBD", "Not yet defined", "N/A" ... as a category's only text make that expectation
//    undefined with the text as its note; a level whose summary says so, or whose every
//    category does, is `state: undefined` with that note;
//  - a level's categories are its sub-headings, bold-label paragraphs (`**Delivery**`,
//    `**Delivery:** text`) and label bullets (`- Delivery: text`, `- **Delivery:** text`); the
//    list items and paragraphs under a category are its behaviours; lists with no category go
//    to a "General" competency; paragraphs before the first category are the level's summary;
//  - categories named like requirements ("Requirements", "Promotion criteria", "Checkpoints",
//    "To reach this level") become the level's requirements (rule: manual; analysis/ types
//    them), "Requirements: none" (or "n/a") none at all; labels such as "Years of experience"
//    or "Scope" become level attributes;
//  - an "All levels" section (also "Every level", "Across all levels", "For all levels") is
//    kept as a note and not copied into each level: it applies to every level, and keeping it
//    once keeps level diffs small;
//  - headings above the level depth between levels are tracks ("# Individual contributor",
//    "# Management"); without them there is one track;
//  - everything else (prose before the first level, sections after the last) is kept as notes;
//    GFM tables in them stay Markdown tables.
// Level ranks follow the level numbers when every level has a distinct one (so a ladder
// written top-down still ranks L1 lowest), else the order of the document.
// Stateless, thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

struct LevelHeading {
  std::string code;   // "L3", "IC3", "E5", "P2"; empty for a title-only heading
  std::string title;  // "Senior Engineer"; may be empty ("## L3")
  std::optional<int> number;
};

// Recognises a level heading's code and title, or nullopt when the heading has no level code.
std::optional<LevelHeading> ParseLevelHeading(std::string_view heading);

std::unique_ptr<Reader> MakeMarkdownLadderReader();

}  // namespace ladder::formats
