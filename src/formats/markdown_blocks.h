// Markdown documents as a tree of blocks, for readers (the cmark-gfm adapter of formats/).
//
//   ---                      SplitFrontMatter: yaml = "title: Ladder\n", body starts at line 4
//   title: Ladder
//   ---
//   ## L1 — Engineer         ParseMarkdownBlocks: {kHeading level 2 line 4 text "L1 — Engineer"}
//   - Ships small changes    {kList {kItem {kParagraph text "Ships small changes"}}}
//
// Raw HTML is never passed through: HTML blocks keep their text with the tags removed.
// Nesting deeper than kMaxBlockDepth is flattened into one paragraph, so a document nested
// 10,000 deep costs linear time and bounded stack. Pure functions, thread-safe (cmark-gfm's
// extension registration is done once, under a static initialiser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/framework.h"

namespace ladder::formats {

inline constexpr int kMaxBlockDepth = 48;

struct FrontMatter {
  bool present = false;
  std::string yaml;   // between the `---` lines, without them
  int yaml_line = 0;  // line of the first YAML line in the document
  std::string body;   // the rest of the document
  int body_line = 1;  // line of the body's first line in the document
};

// Splits Jekyll-style front matter (a first line `---`, YAML, a line `---` or `...`) from the
// body. Without a closing line there is no front matter and the whole text is the body.
FrontMatter SplitFrontMatter(std::string_view text);

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
  int level = 0;  // heading level (1-6)
  int line = 0;   // 1-based line in the original document
  // Plain text of the block's own inline content: emphasis, links and tags removed, breaks as
  // spaces (headings, paragraphs, cells, code, HTML). Empty for containers.
  std::string text;
  // The same content as inline Markdown (emphasis, code and links kept; raw HTML dropped).
  std::string markdown;
  std::vector<MdBlock> children;

  // Plain text of this block and all its descendants, blocks separated by a space.
  std::string AllText() const;
  // Markdown of this block and its descendants: paragraphs separated by blank lines, list
  // items as `- ` lines.
  std::string AllMarkdown() const;
};

// Parses GitHub-flavoured Markdown (tables included). `first_line` is the document line of the
// text's first line (after front matter).
std::vector<MdBlock> ParseMarkdownBlocks(std::string_view markdown, int first_line = 1);

// Prose as notes: each heading opens a note titled by it, the blocks under it are its Markdown;
// blocks before the first heading form an untitled note. Origins point at `file`.
std::vector<model::Note> NotesFromBlocks(const std::vector<MdBlock>& blocks,
                                         const std::string& file);

// Inline Markdown rendered as HTML in safe mode (raw HTML omitted, `javascript:` links
// emptied), without the enclosing paragraph: "**Leads** [RFCs](x)" ->
// "<strong>Leads</strong> <a href="x">RFCs</a>".
std::string InlineMarkdownHtml(std::string_view markdown);

// Removes HTML tags and decodes the common entities (&amp; &lt; &gt; &quot; &#39; &nbsp;).
std::string StripTags(std::string_view html);

}  // namespace ladder::formats
