// An HTML page written as sections (headings over paragraphs, lists and definition lists, no
// tables) turned into Markdown, so that the Markdown ladder reader reads it as it reads the
// same page written in Markdown:
//
//   <h2>Senior Analyst</h2>                      ## Senior Analyst
//   <p><b>Impact:</b> Sets the metrics.</p>  ->  **Impact:** Sets the metrics.
//   <ul><li>Mentors analysts.</li></ul>          - Mentors analysts.
//   <dl><dt>Scope</dt><dd>A department.</dd>     **Scope:** A department.
//
// Each block starts on its own line in the HTML whenever the blocks above it leave room (a
// paragraph needs a blank line before it), so lines the reader reports point into the page.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ladder::formats {

// The Markdown of `text` when it is an HTML page (its first character is `<`, it has `<h1>` to
// `<h6>` headings, no `<table>` and no Markdown `#` heading line); nullopt otherwise, and for
// HTML the parser refuses (over the limits of html_dom.h).
std::optional<std::string> HtmlOutlineAsMarkdown(std::string_view text);

}  // namespace ladder::formats
