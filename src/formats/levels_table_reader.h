// Reads "levels tables": a Markdown page whose levels sit in an HTML table
// (<table class="levels-table">, or another table whose rows or columns are clearly levels),
// with prose sections around it:
//
//   ## When do I get promoted?                     -> Note (and policy, via analysis/)
//   <table class="levels-table"><thead><tr><th>Level</th><th>Delivery</th>...
//     <tr><th rowspan="3">IC1</th></tr><tr><td class="level-summary" colspan="4">...
//
// GFM pipe tables of levels are read the same way:
//
//   | Competency | Junior        | Senior          |    -> levels junior, senior; competency
//   |------------|---------------|-----------------|       code (the table's lines are no prose)
//   | Code       | Ships with help | Designs systems |
//
// Headings naming levels, each over a "| Competency | Expectation |" table (pipe or HTML), are
// one track of those levels (level_heading_tables.h).
// Levels as rows or columns (level_table.h), pillars, summaries, undefined cells; the broken
// HTML real pages contain is repaired by the HTML5 parser; <style> blocks and comments are not
// content. Every prose section is kept as a Note; a team-lead section also gives an
// OverlayRole, a moving-to-management section a Transition (prose_sections.h).
// Stateless and thread-safe.
#pragma once

#include <memory>

#include "formats/import.h"

namespace ladder::formats {

// 95 with class="levels-table"; 85 for Markdown writing two or more levels one table each
// under their headings (level_heading_tables.h); 60 for Markdown holding a <table> whose first
// column or row names levels; 45 for Markdown holding a pipe table of levels (20 when headings also
// name levels: a Markdown ladder, whose reader scores higher); 0 otherwise.
int DetectLevelsTable(std::string_view text);
// Errors: kParse when no table holds levels; kResourceExhausted for HTML over the limits of
// html_dom.h. Fills Imported::source with every passage (table cells, prose blocks).
Result<Imported> ReadLevelsTable(const Document& document);

class LevelsTableReader : public Reader {
 public:
  std::string_view Name() const override { return "levels-table"; }
  int Detect(std::string_view text) const override { return DetectLevelsTable(text); }
  Result<Imported> Read(const Document& document) const override {
    return ReadLevelsTable(document);
  }
  // One document only: a levels table is a whole framework.
  Result<Imported> ReadMany(const std::vector<Document>& documents) const override {
    if (documents.size() != 1) {
      return MakeError(
          ErrorCode::kInvalidArgument,
          "a levels table is read one document at a time; got " + std::to_string(documents.size()));
    }
    return Read(documents[0]);
  }
};

std::unique_ptr<Reader> MakeLevelsTableReader();

}  // namespace ladder::formats
