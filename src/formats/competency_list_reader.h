// Reads documents that list competencies without levels (a framework's vocabulary before its
// levels are written):
//
//   | Craftsmanship    | Impact      | Behavior   |   -> groups Craftsmanship, Impact and
//   |------------------|-------------|------------|      Behavior, each holding the
//   | System thinking  | Ownership   | Influence  |      competencies under it
//
//   | Competency | Description          |           -> competencies with descriptions
//   | Ownership  | Sees work through.   |
//
//   ## Competencies                                  -> competencies with descriptions
//   - **Ownership**: Sees work through.              (prose_sections.h ListedCompetencies)
//
// A table of competency names is one whose cells are all short names (no sentences); a
// "Competency/Skill/Area | Description" table names one competency per row. The framework has
// no tracks; every other section is a note. Markdown, with tables as GFM pipes or HTML.
// Stateless and thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

// 32 when the document lists competencies (just above the detection threshold, so that any
// reader finding levels scores higher), 0 otherwise.
int DetectCompetencyList(std::string_view text);

// Errors: kParse when no list of competencies is found; kResourceExhausted for HTML over the
// limits of html_dom.h.
Result<Imported> ReadCompetencyList(const Document& document);

std::unique_ptr<Reader> MakeCompetencyListReader();

}  // namespace ladder::formats
