// Reads "level pages": one page per level (a Jekyll site of career paths), each section showing
// the level beside its previous and next level in a small HTML table whose cells hold Markdown.
//
//   ---
//   title: Senior Engineer 2
//   ---
//   # Senior Engineer 2 (Senior IC Path)            -> track "Senior IC Path"
//   ### Responsibilities                            -> competency (or attribute, requirements)
//   <table markdown="1"><tr><td>Senior Engineer 1</td><td style="font-weight:bold">Senior
//   Engineer 2</td></tr><tr><td>- Leads ...</td><td>- Owns ...</td></tr></table>
//
// Tables are horizontal (a row of level names, then a row of values; 2 or 3 columns) or
// vertical (name row, content row, alternating); the page's own level is shown bold (style
// font-weight, <b>, <strong>) first, in the middle or last. Left to right (top to bottom) is
// ascending, so neighbours give the level order, across tracks too.
//
// Sections: "Checkpoints ..." / "Requirements ..." become requirements (sentences kept,
// ManualRule); kLevelAttributeSections (years of experience, scope of action, competencies
// focus, job descriptions, ...) become level attributes; other sections become competencies,
// except unknown sections whose every cell is one short value, which become attributes.
// Italic reference lines between tables become notes; a note "Level page sections" says what
// each section became.
//
// Several pages (ReadMany) make one framework: tracks from the "(… Path)" suffix of each page's
// title; a level's own page is authoritative (attribute `page`), the neighbour columns of other
// pages fill levels without a page; text for the same level and section that differs between
// pages is an ImportWarning naming both files and lines. Stateless and thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "formats/import.h"

namespace ladder::formats {

// 90 for front matter with <table markdown="1">; 70 for `###` sections each followed by a
// table whose cells include a bold level; 0 otherwise.
int DetectLevelPages(std::string_view text);

// One page, or several as one framework. Errors: kParse when a page has no level table,
// kResourceExhausted for HTML over the limits of html_dom.h.
Result<Imported> ReadLevelPages(const std::vector<Document>& documents);

class LevelPagesReader : public Reader {
 public:
  std::string_view Name() const override { return "level-pages"; }
  int Detect(std::string_view text) const override { return DetectLevelPages(text); }
  Result<Imported> Read(const Document& document) const override {
    return ReadLevelPages({document});
  }
  Result<Imported> ReadMany(const std::vector<Document>& documents) const override {
    return ReadLevelPages(documents);
  }
};

std::unique_ptr<Reader> MakeLevelPagesReader();

}  // namespace ladder::formats
