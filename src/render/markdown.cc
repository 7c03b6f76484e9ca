#include "render/markdown.h"

#include "formats/markdown_blocks.h"

namespace ladder::render {

// Pages show typographic quotes and dashes; the conversion itself is the one Markdown adapter's
// (formats/markdown_blocks.h), shared with the readers.
std::string MarkdownToHtml(std::string_view markdown) { return formats::MarkdownToHtml(markdown); }

std::string InlineMarkdownToHtml(std::string_view markdown) {
  return formats::InlineMarkdownToHtml(markdown, true);
}

}  // namespace ladder::render
