// Reads the common Markdown career ladders: one heading per level, the level's expectations
// under it grouped by category; and Markdown level pages (one document per level, a folder of
// them being one ladder).
//
//   ## L3 — Senior Engineer           (also "## Level 3: Senior Engineer", "## IC3",
//   Owns features end to end.          "## Senior Engineer (L3)", "## Engineer II (IC 3a)",
//   ### Delivery                       "## 🧙 IC4 Engineer (Code Wizard)", or titles alone such
//   - Ships a feature a quarter        as "## Senior Engineer" when several headings name levels)
//   - **Collaboration:** pairs weekly  (bold label, or "- Label: text" bullet: a category)
//   - Impact:                          (a label alone heading a nested list: a category)
//     - Leads a project
//
// How the document maps onto the model:
//  - front matter is stripped (its `title:` names the framework when there is no `# Title`);
//  - the level headings are the heading depth with the most level-like headings; a heading at
//    that depth is a level when it has a level code (L3, IC3, E5, Level 3, P-2, IC 3a ...) or
//    names a seniority (Junior, Senior, Staff ...), or uses the same category sub-headings as the
//    levels, or sits between two levels with their shape ("## Programmer" between "## Junior
//    Programmer" and "## Senior Programmer"), or sits in a section naming a ladder ("##
//    Management track" > "### Engineering Manager"); a heading that only names a seniority is a
//    level only when it looks like its sibling levels (categories, lists) or says it is not
//    defined yet: "## Lead PMs" with a paragraph after levels with categories is prose, read
//    like the prose around a levels table (prose_sections.h: a note, and an overlay or
//    transition when its heading says so); steps ("Junior → Mid") and the steps of a rating
//    scale ("## Proficiency levels" > "### 1 - Novice") are never levels;
//  - a "(0-2 years)" qualifier of a level heading is its years_of_experience attribute;
//  - "TBD", "Not yet defined", "N/A" ... as a category's only text make that expectation
//    undefined with the text as its note; a level whose summary says so, or whose every
//    category does, is `state: undefined` with that note;
//  - a level's categories are its sub-headings, bold-label paragraphs (`**Delivery**`,
//    `**Delivery:** text`) and label bullets (`- Delivery: text`, `- **Delivery:** text`,
//    `- Delivery:` over a nested list); under a category sub-heading a label only one level
//    uses heads a behaviour ("### Archetypes" > "**Architect**: ..."); a sub-heading holding
//    deeper sub-headings is a pillar (a competency group) whose own prose is the level's
//    summary; labels that only introduce the expectations ("Key expectations") and lists with
//    no category go to a "General" competency; paragraphs before the first category are the
//    level's summary; a two-column table inside a level lists categories and behaviours;
//  - categories named like requirements ("Requirements", "Promotion criteria", "Checkpoints",
//    "To reach this level", "Path to IC3") become the level's requirements (rule: manual;
//    analysis/ types them), "Requirements: none" (or "n/a") none at all; labels such as
//    "Years of experience" or "Scope" become level attributes; "Summary", "Role", "Overview"
//    the level's summary; "Level: IC2" the level's code; asides ("Anti-patterns", "Resources")
//    a note beside the level;
//  - an "All levels" section (also "Every level", "Across all levels", "For all levels") is
//    kept as a note and not copied into each level: it applies to every level, and keeping it
//    once keeps level diffs small;
//  - headings above the level depth between levels are tracks ("# Individual contributor",
//    "# Management"), as is one naming a ladder; without them there is one track, split in two
//    when its codes change prefix (IC1 .. IC6, then M1 .. M4);
//  - tables of levels (GFM or HTML) listing the ladder's own levels add to them (codes,
//    attributes, categories: one column under a heading naming it is that category, a column
//    of an overview is an attribute); tables of other levels are tracks of their own (a
//    document written partly as sections, partly as a table); other tables stay in their notes;
//  - everything else (prose before the first level, sections after the last) is kept as notes;
//  - a ladder written competency first ("## Planning" over "**Level 1 (Foundational):**" or
//    "### Level 1: Foundational") is turned the right way round: sections are competencies;
//  - without level headings, bold lines naming levels by code ("**S1 – Support Associate**")
//    are level headings, and a document that is a title and a list of coded levels ("- **M1 –
//    Marketing Associate**: ...", "- L1: Junior ...", the title optional) is one track of them,
//    each item's rest its summary; so is an ordered list of level titles without codes ("1.
//    Associate Engineer"), most of them naming a role or seniority, coded from their titles
//    (level_names.h: "associate-engineer"), the nested items or paragraphs under each its
//    behaviours (competency "General").
// Level ranks follow the level numbers when every level has a distinct one (so a ladder
// written top-down still ranks L1 lowest), else the order of the document.
// Several documents (a folder of level pages, ReadMany) make one ladder: levels of tracks of
// the same name together, ranked by their codes' numbers when every level has one, else in file
// order; competencies shared by name; a document without levels (an index page) gives notes.
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
  std::string years;  // "0-2" from "Level 1: Software Engineer (0-2 years)"
};

// Recognises a level heading's code and title, or nullopt when the heading has no level code.
std::optional<LevelHeading> ParseLevelHeading(std::string_view heading);

// How sure the reader is that `text` is a Markdown ladder or level page: 0 .. 100; 40 for a
// document that is only a list of levels (ReadMarkdownLadder reads it so).
int DetectMarkdownLadder(std::string_view text);

// Reads one document as a Markdown ladder (also for readers that find one inside their own
// family: a levels table document whose prose holds level sections). Errors: kParse when no
// level heading is found.
// `assume_page`: read the document as one level page of a folder, its first heading naming the
// level.
Result<Imported> ReadMarkdownLadder(const Document& document, bool assume_page = false);

std::unique_ptr<Reader> MakeMarkdownLadderReader();

}  // namespace ladder::formats
