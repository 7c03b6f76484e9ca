// Markdown (GitHub flavour) to HTML for the prose of frameworks: behaviours, notes, summaries.
//
// Through the one Markdown adapter (formats/markdown_blocks.h): cmark-gfm in its safe mode, raw
// HTML in the source omitted and links with javascript:, vbscript:, file: or data: URLs
// emptied, so the output may be written unescaped into a page (the only kind of text that
// templates write with {{{ }}}). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ladder::render {

// Block Markdown (paragraphs, lists, tables) to HTML.
std::string MarkdownToHtml(std::string_view markdown);

// One line of inline Markdown (a behaviour) to HTML without the surrounding <p>.
std::string InlineMarkdownToHtml(std::string_view markdown);

}  // namespace ladder::render
