// Reads generic HTML documents holding one or more tables whose rows or columns are levels:
//
//   <h1>Engineering levels</h1>
//   <table><tr><th></th><th>Engineer I</th><th>Engineer II</th></tr>
//          <tr><th>Delivery</th><td>Ships small changes</td><td>Ships features</td></tr></table>
//
// The axis holding level names ("Level 1", "L3", "IC2", "Junior", "Senior", "Staff",
// "Engineer II") is detected per table (level_table.h); the other axis holds competencies.
// Headings and paragraphs around the tables become notes (team-lead and
// moving-to-management sections also give an overlay role and a transition,
// prose_sections.h); tables without levels are kept as notes. Headings naming levels, each
// over a "Competency | Expectation" table, are one track of those levels
// (level_heading_tables.h). The document's <h1> (else its
// <title>) names the framework. <nav>, <header> and <footer> are page furniture: not notes
// (a header's headings still count), their words listed as not imported. Stateless and
// thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

// 80 for an HTML document (or a bare <table>) with a table of levels or two tables of one level
// each (level_heading_tables.h), 35 for an HTML document with tables, 0 otherwise.
int DetectHtmlTable(std::string_view text);

// Errors: kParse when no table holds levels; kResourceExhausted over the limits of html_dom.h.
Result<Imported> ReadHtmlTable(const Document& document);

class HtmlTableReader : public Reader {
 public:
  std::string_view Name() const override { return "html-table"; }
  int Detect(std::string_view text) const override { return DetectHtmlTable(text); }
  Result<Imported> Read(const Document& document) const override { return ReadHtmlTable(document); }
  Result<Imported> ReadMany(const std::vector<Document>& documents) const override {
    if (documents.size() != 1) {
      return MakeError(
          ErrorCode::kInvalidArgument,
          "an HTML table document is read one at a time; got " + std::to_string(documents.size()));
    }
    return Read(documents[0]);
  }
};

std::unique_ptr<Reader> MakeHtmlTableReader();

}  // namespace ladder::formats
