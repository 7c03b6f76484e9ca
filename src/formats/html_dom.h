// A small, bounded HTML DOM for the readers of HTML documents (formats/*_reader.h): parses
// with gumbo (HTML5 tree construction, which repairs the broken tables real pages contain:
// unclosed <li>/<p>, <tr> where </tr> belongs, cells outside rows), and copies the tree into
// plain values so no gumbo type leaves this file. Comments, <script>, <style> and <template>
// are dropped: they are never content.
//
//   LADDER_TRY(html::Dom dom, html::Dom::Parse(text, "ladder.html"));
//   for (int table : dom.FindAll(dom.Root(), "table")) {
//     html::TableGrid grid = html::ExtractGrid(dom, table);  // spans fill every slot they cover
//   }
//
// Limits: documents over Limits::max_bytes, nested deeper than Limits::max_depth (measured on
// the source before parsing, since gumbo slows down quadratically with depth) or needing more
// than Limits::max_memory while parsing are refused with kResourceExhausted naming the line.
// Work is linear in the size of the document. A Dom is an immutable value; thread-compatible.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::formats::html {

struct Limits {
  size_t max_bytes = size_t{32} << 20;
  size_t max_memory = size_t{1} << 30;  // gumbo needs ~20 bytes per byte of dense markup
  int max_depth = 400;
};

struct Attribute {
  std::string name;  // lower-case
  std::string value;
};

struct Node {
  enum class Kind { kDocument, kElement, kText };
  Kind kind = Kind::kElement;
  std::string tag;  // lower-case element name; "" for text and the document
  std::vector<Attribute> attributes;
  std::string text;  // text nodes only, entities decoded, white space as in the source
  int line = 0;      // 1-based line in the source (plus the line offset given to Parse)
  int column = 0;
  int parent = -1;
  std::vector<int> children;
};

class Dom {
 public:
  // Parses `html`. `first_line` is the line of the source on which `html` starts, so that
  // fragments cut out of a larger document report lines of that document.
  static Result<Dom> Parse(std::string_view html, std::string_view source_name, int first_line = 1,
                           const Limits& limits = {});

  int Root() const { return 0; }
  const Node& At(int id) const { return nodes_[static_cast<size_t>(id)]; }
  size_t Size() const { return nodes_.size(); }

  bool IsElement(int id, std::string_view tag) const;
  // The attribute's value, or "" when absent.
  std::string_view Attr(int id, std::string_view name) const;
  bool HasAttr(int id, std::string_view name) const;
  // True when the class attribute contains the word `name`.
  bool HasClass(int id, std::string_view name) const;

  // Element descendants of `id` named `tag`, in document order (not descending into matches
  // when `nested` is false).
  std::vector<int> FindAll(int id, std::string_view tag, bool nested = true) const;
  // Nearest ancestor named `tag`, or -1.
  int Ancestor(int id, std::string_view tag) const;

  // The text content with white space collapsed; block elements (p, li, br, div, tr, ...)
  // separate words, inline ones (a, abbr, b, span) do not.
  std::string Text(int id) const;
  // The raw text of the text nodes below `id`, concatenated as in the source (for cells
  // holding Markdown source, <td markdown="1">).
  std::string RawText(int id) const;
  // First line of any text or element below `id` (its own line when it has none).
  int Line(int id) const { return At(id).line; }

  // Inline Markdown of the content of `id`: <b>/<strong> -> **x**, <i>/<em> -> _x_,
  // <a href> -> [text](url), <code> -> `x`, white space collapsed; block boundaries become
  // spaces.
  std::string InlineMarkdown(int id) const;

  // The behaviours a cell states: one per <li> (nested lists included, in order), else one per
  // <p>/line-broken block, else the whole text; each as inline Markdown with its line.
  struct Item {
    int line = 0;
    std::string markdown;
  };
  std::vector<Item> Items(int id) const;

  // True when the element is shown bold: style font-weight bold/600+, or its whole text
  // inside <b>/<strong>.
  bool IsBold(int id) const;

 private:
  std::vector<Node> nodes_;
};

// One slot of a table grid. A cell spanning several rows or columns fills each slot it covers;
// `origin` is false on all but its top-left slot.
struct GridSlot {
  int cell = -1;  // the <td>/<th> node, -1 for an empty slot
  int row_span = 1;
  int col_span = 1;
  bool origin = true;
  bool header = false;  // <th>, or a cell of <thead>
};

struct TableGrid {
  int rows = 0;
  int cols = 0;
  std::vector<int> row_nodes;                // the <tr> of each row
  std::vector<std::vector<GridSlot>> slots;  // [row][col], every row `cols` wide
  const GridSlot& At(int row, int col) const {
    return slots[static_cast<size_t>(row)][static_cast<size_t>(col)];
  }
};

// Lays out the rows of `table` (thead, tbody, tfoot and rows directly under it, not those of
// nested tables) with the HTML table model: rowspan/colspan (capped at 1000/200 as browsers
// do), cells shifted right past slots taken by spans from above.
TableGrid ExtractGrid(const Dom& dom, int table);

// A table holding no levels, as note Markdown: one "cell | cell" line per row of its grid, each
// spanning cell once.
// `each_cell`, when given, is called with every cell written (once per spanning cell), so that a
// reader can count the table's text as its source.
std::string TableLines(const Dom& dom, int table,
                       const std::function<void(int cell)>& each_cell = {});

}  // namespace ladder::formats::html
