#include "formats/md_blocks.h"

#include <cmark-gfm.h>

#include <cctype>

#include "base/text.h"

namespace ladder::formats::md {
namespace {

bool LineIsFence(std::string_view line) { return text::Trim(line) == "---"; }

// Offset just past the end tag `</tag ...>` matching the start tag at `begin`, counting
// nested start tags of the same name; text.size() when it is never closed.
size_t MatchingEnd(std::string_view text, size_t begin, std::string_view tag) {
  int depth = 0;
  size_t i = begin;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    bool closing = i + 1 < text.size() && text[i + 1] == '/';
    size_t name_at = i + (closing ? 2 : 1);
    std::string_view candidate = text.substr(name_at, tag.size());
    size_t after = name_at + tag.size();
    bool name_ends = after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
    if (text::IEquals(candidate, tag) && name_ends) {
      size_t close = text.find('>', after);
      if (close == std::string_view::npos) return text.size();
      depth += closing ? -1 : 1;
      if (depth == 0) return close + 1;
      i = close + 1;
    } else {
      ++i;
    }
  }
  return text.size();
}

int LineAt(std::string_view text, size_t offset, size_t& cursor, int& line) {
  for (; cursor < offset; ++cursor)
    if (text[cursor] == '\n') ++line;
  return line;
}

// Inline Markdown and plain text of a block's inline children, walked without recursion.
void RenderInlines(cmark_node* block, std::string& markdown, std::string& plain) {
  cmark_iter* iter = cmark_iter_new(block);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (node == block) continue;
    bool enter = event == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT: {
        const char* literal = cmark_node_get_literal(node);
        markdown += literal;
        plain += literal;
        break;
      }
      case CMARK_NODE_CODE: {
        const char* literal = cmark_node_get_literal(node);
        markdown += std::string("`") + literal + "`";
        plain += literal;
        break;
      }
      case CMARK_NODE_HTML_INLINE:
        markdown += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        markdown += ' ';
        plain += ' ';
        break;
      case CMARK_NODE_EMPH:
        markdown += '_';
        break;
      case CMARK_NODE_STRONG:
        markdown += "**";
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (enter) {
          markdown += cmark_node_get_type(node) == CMARK_NODE_IMAGE ? "![" : "[";
        } else {
          markdown += std::string("](") + cmark_node_get_url(node) + ")";
        }
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  markdown = std::string(text::Trim(text::CollapseSpace(markdown)));
  plain = std::string(text::Trim(text::CollapseSpace(plain)));
}

}  // namespace

std::string FrontMatter::Get(std::string_view key) const {
  for (const auto& [k, v] : fields)
    if (k == key) return v;
  return {};
}

FrontMatter ReadFrontMatter(std::string_view text) {
  FrontMatter fm;
  size_t start = 0;
  if (text::StartsWith(text, "\xEF\xBB\xBF")) start = 3;
  size_t first_end = text.find('\n', start);
  if (first_end == std::string_view::npos || !LineIsFence(text.substr(start, first_end - start)))
    return fm;
  std::vector<std::pair<std::string, std::string>> fields;
  size_t pos = first_end + 1;
  int line = 2;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (LineIsFence(l)) {
      fm.fields = std::move(fields);
      fm.body_offset = std::min(end + 1, text.size());
      fm.body_line = line + 1;
      return fm;
    }
    size_t colon = l.find(':');
    if (colon != std::string_view::npos) {
      std::string value(text::Trim(l.substr(colon + 1)));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      fields.push_back({std::string(text::Trim(l.substr(0, colon))), value});
    }
    pos = end + 1;
    ++line;
  }
  return fm;  // never closed: not front matter
}

std::vector<HtmlRegion> FindHtmlRegions(std::string_view text) {
  std::vector<HtmlRegion> regions;
  size_t cursor = 0;
  int line = 1;
  size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.compare(i, 4, "<!--") == 0) {
      size_t end = text.find("-->", i + 4);
      end = end == std::string_view::npos ? text.size() : end + 3;
      regions.push_back({"!--", i, end, LineAt(text, i, cursor, line)});
      i = end;
      continue;
    }
    bool matched = false;
    for (std::string_view tag : {"table", "style", "script"}) {
      std::string_view candidate = text.substr(i + 1, tag.size());
      size_t after = i + 1 + tag.size();
      if (!text::IEquals(candidate, tag)) continue;
      if (after < text.size() && std::isalnum(static_cast<unsigned char>(text[after]))) continue;
      size_t end = tag == "table" ? MatchingEnd(text, i, tag) : [&] {
        std::string close = "</" + std::string(tag);
        size_t j = i;
        while ((j = text.find("</", j)) != std::string_view::npos) {
          if (text::IEquals(text.substr(j, close.size()), close)) {
            size_t gt = text.find('>', j);
            return gt == std::string_view::npos ? text.size() : gt + 1;
          }
          j += 2;
        }
        return text.size();
      }();
      regions.push_back({std::string(tag), i, end, LineAt(text, i, cursor, line)});
      i = end;
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
  return regions;
}

std::string BlankRegions(std::string_view text, const std::vector<HtmlRegion>& regions) {
  std::string out(text);
  for (const HtmlRegion& r : regions)
    for (size_t k = r.begin; k < r.end && k < out.size(); ++k)
      if (out[k] != '\n') out[k] = ' ';
  return out;
}

std::string StripAttributeLists(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  size_t i = 0;
  while (i < markdown.size()) {
    if (markdown.compare(i, 2, "{:") == 0) {
      size_t end = markdown.find('}', i);
      size_t newline = markdown.find('\n', i);
      if (end != std::string_view::npos && (newline == std::string_view::npos || end < newline)) {
        i = end + 1;
        continue;
      }
    }
    out += markdown[i++];
  }
  return out;
}

std::vector<Block> ParseBlocks(std::string_view markdown, int first_line) {
  std::vector<Block> blocks;
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    Block block;
    block.line = cmark_node_get_start_line(node) + first_line - 1;
    block.end_line = cmark_node_get_end_line(node) + first_line - 1;
    switch (type) {
      case CMARK_NODE_HEADING:
        block.kind = Block::Kind::kHeading;
        block.level = cmark_node_get_heading_level(node);
        RenderInlines(node, block.markdown, block.plain);
        break;
      case CMARK_NODE_PARAGRAPH: {
        cmark_node* parent = cmark_node_parent(node);
        if (parent != nullptr && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
            cmark_node_first_child(parent) == node) {
          block.kind = Block::Kind::kItem;
          for (cmark_node* p = parent; p != nullptr; p = cmark_node_parent(p))
            if (cmark_node_get_type(p) == CMARK_NODE_LIST) ++block.level;
        } else {
          block.kind = Block::Kind::kParagraph;
        }
        RenderInlines(node, block.markdown, block.plain);
        break;
      }
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        block.kind = type == CMARK_NODE_CODE_BLOCK ? Block::Kind::kCode : Block::Kind::kHtml;
        const char* literal = cmark_node_get_literal(node);
        block.markdown = literal != nullptr ? literal : "";
        block.plain = text::CollapseSpace(block.markdown);
        break;
      }
      default:
        continue;
    }
    if (!text::Trim(block.plain).empty() || block.kind == Block::Kind::kHeading)
      blocks.push_back(std::move(block));
  }
  cmark_iter_free(iter);
  cmark_node_free(root);
  cmark_parser_free(parser);
  return blocks;
}

}  // namespace ladder::formats::md
