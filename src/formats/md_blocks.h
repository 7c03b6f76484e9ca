// Markdown documents that carry HTML (tables, <style>) for the HTML-family readers: front
// matter, the HTML regions cut out of the Markdown, and the Markdown left around them as flat
// blocks with their lines (parsed with cmark-gfm; no cmark type leaves md_blocks.cc).
//
//   ---
//   title: Senior Engineer          -> FrontMatter{{"title", "Senior Engineer"}}
//   ---
//   ## When do I move up?           -> Block{kHeading, level 2, line 4}
//   <table>...</table>              -> HtmlRegion{"table", ...}
//
// Pure functions, thread-safe. Input is never executed or echoed as HTML.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ladder::formats::md {

struct FrontMatter {
  std::vector<std::pair<std::string, std::string>> fields;  // "key: value" lines, in order
  size_t body_offset = 0;                                   // where the Markdown starts
  int body_line = 1;
  std::string Get(std::string_view key) const;
};

// Reads a leading `---` ... `---` block of `key: value` lines (values unquoted). Without one,
// returns no fields and the whole text as body.
FrontMatter ReadFrontMatter(std::string_view text);

// An HTML element written into Markdown: from its start tag to its matching end tag (nested
// ones of the same name balanced), or to the end of the text when it is never closed.
struct HtmlRegion {
  std::string tag;  // "table", "style", "script" or "!--" for a comment
  size_t begin = 0;
  size_t end = 0;  // one past the end
  int line = 1;    // line of `begin`
};

// The <table>, <style>, <script> elements and comments of `text`, in order, not overlapping.
std::vector<HtmlRegion> FindHtmlRegions(std::string_view text);

// `text` with the bytes of `regions` replaced by spaces (newlines kept, so lines stay put).
std::string BlankRegions(std::string_view text, const std::vector<HtmlRegion>& regions);

// Removes kramdown attribute lists ("{:target="_blank"}") that Markdown would show as text.
std::string StripAttributeLists(std::string_view markdown);

struct Block {
  enum class Kind { kHeading, kParagraph, kItem, kCode, kHtml, kQuote };
  Kind kind = Kind::kParagraph;
  int level = 0;         // heading level, or list nesting depth (1 = top) for items
  std::string markdown;  // inline Markdown (emphasis, links, code kept; soft breaks -> spaces)
  std::string plain;     // the words a reader sees: link targets and markers left out
  int line = 0;          // line in the whole document (`first_line` based)
  int end_line = 0;
};

// The leaf blocks of `markdown` in order: headings, paragraphs, list items (their first
// paragraph; later paragraphs of an item are kParagraph), code, raw HTML and quotes.
std::vector<Block> ParseBlocks(std::string_view markdown, int first_line = 1);

}  // namespace ladder::formats::md
