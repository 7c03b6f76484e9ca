// Coverage of an import (docs/import.md): how many words of the source landed in the framework,
// and every passage that did not, with its line.
//
// Matching works on words: lower-case runs of letters and digits (any script), so white space,
// case, Markdown emphasis, link targets, HTML tags and punctuation never decide whether text was
// imported. The framework's text is every text field in model order (framework name and
// description, groups, competencies, track and level titles, summaries, notes, attributes,
// behaviours, requirements, overlays, transitions, policy, notes, roles).
//
// A source passage is imported word by word: a run of its words counts as imported when the
// same words appear in the same order in the framework's text and the run is
//   - at least 3 words long, or
//   - the whole passage (short passages such as a heading "Delivery"), or
//   - a whole text field of the framework (a label that became a competency name).
// Words outside such runs are not imported; each maximal run of them is reported as a passage
// with its line. `imported_words` counts source words found this way, so it never exceeds
// `source_words`.
//
// Cost: linear in the framework's words plus, per source word, the framework positions that
// share its three-word sequence (bounded); whole-passage and whole-field matches are hash
// lookups, so a word repeated in thousands of fields costs no more than a rare one. Pure,
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/import.h"
#include "model/framework.h"

namespace ladder::formats {

// The words of `text` as matching sees them (lower case, markup and punctuation dropped).
std::vector<std::string> CoverageWords(std::string_view text);

// Every text field of `framework`, in model order: its structure, then its notes.
std::vector<std::string> FrameworkTexts(const model::Framework& framework);
// The fields of the structure: names, levels, competencies, behaviours, requirements, roles.
std::vector<std::string> StructureTexts(const model::Framework& framework);
// The prose kept as it is: the framework's description and its notes.
std::vector<std::string> NoteTexts(const model::Framework& framework);

// Measures `source` against `framework`: each word is imported when a run holding it matches the
// structure (counted in structure_words), else when one matches the notes (notes_words).
Coverage MeasureCoverage(const std::vector<Passage>& source, const model::Framework& framework);

// Warnings for notes that plausibly hold levels the reader did not read as such: a note
// titled by a level name holding a list, or holding level headings or a table whose rows are
// named by levels, none of which is a level of the framework. Each names the note's place.
std::vector<ImportWarning> StructureInNotes(const model::Framework& framework);

}  // namespace ladder::formats
