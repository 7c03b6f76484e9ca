// Markdown for readers and renderers: the one cmark-gfm adapter of Ladder (no cmark type leaves
// markdown_blocks.cc). Readers get front matter, a tree of blocks, the same blocks as a flat
// list of prose blocks, and the HTML regions written into Markdown; renderers get HTML.
//
//   ---                      ReadFrontMatter: fields {{"title", "Ladder"}}, yaml "title: Ladder\n",
//   title: Ladder            body starts at line 4 (body_offset)
//   ---
//   ## L1 — Engineer         ParseMarkdownBlocks: {kHeading level 2 line 4 text "L1 — Engineer"}
//   - Ships small changes    {kList {kItem {kParagraph text "Ships small changes"}}}
//   <table>...</table>       FindHtmlRegions: {"table", line 6}
//
// Raw HTML is never passed through: HTML blocks keep their text with the tags removed (the
// tree's `text`), and HTML output is rendered in safe mode. Nesting deeper than kMaxBlockDepth
// is flattened into one paragraph, so a document nested 10,000 deep costs linear time and
// bounded stack. Pure functions, thread-safe (cmark-gfm's extension registration is done
// once, under a static initialiser).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/framework.h"

namespace ladder::formats {

inline constexpr int kMaxBlockDepth = 48;

// Jekyll-style front matter: a first line `---` (after an optional byte-order mark), YAML, and
// a line `---` or `...`. Without a closing line there is no front matter: the whole text is
// the body.
struct FrontMatter {
  bool present = false;
  std::string yaml;   // between the fence lines, without them
  int yaml_line = 0;  // line of the first YAML line in the document
  // Its top-level `key: value` lines, values unquoted, in order (a quick look without YAML).
  std::vector<std::pair<std::string, std::string>> fields;
  size_t body_offset = 0;  // where the body starts in the text
  int body_line = 1;       // line of the body's first line in the document

  std::string Get(std::string_view key) const;  // a field's value, or ""
};
FrontMatter ReadFrontMatter(std::string_view text);

struct MdBlock {
  enum class Kind {
    kHeading,
    kParagraph,
    kList,
    kItem,
    kCode,
    kQuote,
    kHtml,
    kTable,
    kRow,
    kCell,
    kBreak
  };
  Kind kind = Kind::kParagraph;
  int level = 0;     // heading level (1-6)
  int line = 0;      // 1-based line in the original document
  int end_line = 0;  // its last line
  // Plain text of the block's own inline content: emphasis, links and tags removed, breaks as
  // spaces (headings, paragraphs, cells, code, HTML). Empty for containers.
  std::string text;
  // The same content as inline Markdown (emphasis, code and links kept; raw HTML dropped). For
  // kHtml the HTML source itself (never rendered as such: readers parse it as HTML).
  std::string markdown;
  std::vector<MdBlock> children;

  // Plain text of this block and all its descendants, blocks separated by a space.
  std::string AllText() const;
  // Markdown of this block and its descendants: paragraphs separated by blank lines, list
  // items as `- ` lines, HTML blocks as their text.
  std::string AllMarkdown() const;
};

// Parses GitHub-flavoured Markdown (tables included). `first_line` is the document line of the
// text's first line (after front matter).
std::vector<MdBlock> ParseMarkdownBlocks(std::string_view markdown, int first_line = 1);

// Prose as notes: each heading opens a note titled by it, the blocks under it are its Markdown;
// blocks before the first heading form an untitled note. Origins point at `file`.
std::vector<model::Note> NotesFromBlocks(const std::vector<MdBlock>& blocks,
                                         const std::string& file);

// Block Markdown (paragraphs, lists, tables) to HTML, in safe mode (raw HTML omitted, links
// with javascript:, vbscript:, file: or data: URLs emptied) with typographic quotes and
// dashes: the output may be written unescaped into a page.
std::string MarkdownToHtml(std::string_view markdown);

// One line of inline Markdown (a behaviour, a table cell) to HTML without the surrounding
// <p>, in safe mode: "**Leads** [RFCs](x)" -> "<strong>Leads</strong> <a href="x">RFCs</a>".
// A leading "#", ">", "- ", "1." or "=" is text, never a heading, quote or list. `typographic`
// turns straight quotes and "--" into curly quotes and dashes (pages), off for readers, which
// keep the source's characters.
std::string InlineMarkdownToHtml(std::string_view markdown, bool typographic);

// Removes HTML tags and decodes the common entities (&amp; &lt; &gt; &quot; &#39; &nbsp;).
std::string StripTags(std::string_view html);

namespace md {

// Prose as a flat list of leaf blocks, for readers that cut a document into sections at its
// headings (prose_sections.h); also built from HTML by the html-table reader.
struct Block {
  enum class Kind { kHeading, kParagraph, kItem, kCode, kHtml, kQuote };
  Kind kind = Kind::kParagraph;
  int level = 0;         // heading level, or list nesting depth (1 = top) for items
  std::string markdown;  // inline Markdown; the source for kCode and kHtml
  std::string plain;     // the words a reader sees: link targets and markers left out
  int line = 0;          // line in the whole document (`first_line` based)
  int end_line = 0;
};

// The leaf blocks of `markdown` in order: headings, paragraphs, list items (their first
// paragraph; later paragraphs of an item are kParagraph), code, raw HTML; quotes are read
// through, tables become one paragraph of their cells.
std::vector<Block> ParseBlocks(std::string_view markdown, int first_line = 1);

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

// `text` with the bytes of `regions` blanked, newlines kept so lines stay put: lines wholly
// inside a region become empty, the parts of lines shared with text become spaces.
std::string BlankRegions(std::string_view text, const std::vector<HtmlRegion>& regions);

// Removes kramdown attribute lists ("{:target="_blank"}") that Markdown would show as text.
std::string StripAttributeLists(std::string_view markdown);

}  // namespace md
}  // namespace ladder::formats
