#include "formats/markdown_blocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/text.h"

namespace ladder::formats {
namespace {

void EnsureExtensions() {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
}

bool IsType(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, name) == 0;
}

std::string Literal(cmark_node* node) {
  const char* lit = cmark_node_get_literal(node);
  return lit ? lit : "";
}

// Plain text and inline Markdown of the inline content under `block`, without recursion.
void RenderInlines(cmark_node* block, std::string& text, std::string& markdown) {
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(block),
                                                               &cmark_iter_free);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (node == block) continue;
    bool enter = ev == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        text += Literal(node);
        markdown += Literal(node);
        break;
      case CMARK_NODE_CODE:
        text += Literal(node);
        markdown += "`" + Literal(node) + "`";
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        markdown += ' ';
        break;
      case CMARK_NODE_EMPH:
        markdown += "_";
        break;
      case CMARK_NODE_STRONG:
        markdown += "**";
        break;
      case CMARK_NODE_LINK: {
        if (enter) {
          markdown += "[";
        } else {
          const char* url = cmark_node_get_url(node);
          markdown += "](" + std::string(url ? url : "") + ")";
        }
        break;
      }
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_IMAGE:  // the alt text is its children
        break;
      default:
        if (IsType(node, "strikethrough")) {
          markdown += "~~";
        } else if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
          // Nested blocks (only when a deep subtree is flattened): keep their words apart.
          if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK ||
              cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
            text += ' ' + Literal(node);
            markdown += ' ' + Literal(node);
          }
          text += ' ';
          markdown += ' ';
        }
        break;
    }
  }
  text = text::CollapseSpace(text);
  markdown = text::CollapseSpace(markdown);
}

std::string SubtreeText(cmark_node* root) {
  std::string text, markdown;
  RenderInlines(root, text, markdown);
  return text;
}

MdBlock Convert(cmark_node* node, int line_offset, int depth);

void ConvertChildren(cmark_node* parent, MdBlock& into, int line_offset, int depth) {
  size_t n = 0;  // exact capacity: a large document has millions of small blocks
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) ++n;
  into.children.reserve(n);
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    into.children.push_back(Convert(c, line_offset, depth + 1));
  }
}

MdBlock Convert(cmark_node* node, int line_offset, int depth) {
  MdBlock b;
  b.line = cmark_node_get_start_line(node) + line_offset;
  b.end_line = std::max(b.line, cmark_node_get_end_line(node) + line_offset);
  if (depth > kMaxBlockDepth) {
    b.kind = MdBlock::Kind::kParagraph;
    b.text = SubtreeText(node);
    b.markdown = b.text;
    return b;
  }
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
      b.kind = MdBlock::Kind::kHeading;
      b.level = cmark_node_get_heading_level(node);
      RenderInlines(node, b.text, b.markdown);
      return b;
    case CMARK_NODE_PARAGRAPH:
      RenderInlines(node, b.text, b.markdown);
      return b;
    case CMARK_NODE_LIST:
      b.kind = MdBlock::Kind::kList;
      ConvertChildren(node, b, line_offset, depth);
      return b;
    case CMARK_NODE_ITEM:
      b.kind = MdBlock::Kind::kItem;
      ConvertChildren(node, b, line_offset, depth);
      return b;
    case CMARK_NODE_BLOCK_QUOTE:
      b.kind = MdBlock::Kind::kQuote;
      ConvertChildren(node, b, line_offset, depth);
      return b;
    case CMARK_NODE_CODE_BLOCK:
      b.kind = MdBlock::Kind::kCode;
      b.text = Literal(node);
      b.markdown = "```\n" + b.text + "```";
      return b;
    case CMARK_NODE_HTML_BLOCK:
      b.kind = MdBlock::Kind::kHtml;
      b.markdown = Literal(node);
      b.text = text::CollapseSpace(StripTags(b.markdown));
      return b;
    case CMARK_NODE_THEMATIC_BREAK:
      b.kind = MdBlock::Kind::kBreak;
      return b;
    default:
      break;
  }
  if (IsType(node, "table")) {
    b.kind = MdBlock::Kind::kTable;
    ConvertChildren(node, b, line_offset, depth);
  } else if (IsType(node, "table_row") || IsType(node, "table_header")) {
    b.kind = MdBlock::Kind::kRow;
    ConvertChildren(node, b, line_offset, depth);
  } else if (IsType(node, "table_cell")) {
    b.kind = MdBlock::Kind::kCell;
    RenderInlines(node, b.text, b.markdown);
  } else {
    b.text = SubtreeText(node);
    b.markdown = b.text;
  }
  return b;
}

void CollectText(const MdBlock& b, std::string& out) {
  if (!b.text.empty()) {
    if (!out.empty()) out += ' ';
    out += b.text;
  }
  for (const MdBlock& c : b.children) CollectText(c, out);
}

void CollectMarkdown(const MdBlock& b, std::string& out, int indent) {
  using Kind = MdBlock::Kind;
  if (b.kind == Kind::kItem) {
    std::string inner;
    for (const MdBlock& c : b.children) {
      if (c.kind == Kind::kList) continue;
      if (!inner.empty()) inner += ' ';
      inner += c.kind == Kind::kParagraph ? c.markdown : c.text;
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += std::string(indent * 2, ' ') + "- " + inner + "\n";
    for (const MdBlock& c : b.children) {
      if (c.kind == Kind::kList) CollectMarkdown(c, out, indent + 1);
    }
    return;
  }
  if (b.kind == Kind::kList) {
    if (!out.empty() && indent == 0) out += '\n';
    for (const MdBlock& c : b.children) CollectMarkdown(c, out, indent);
    return;
  }
  if (b.kind == Kind::kTable) {
    // A GFM table again: "| a | b |", the delimiter row after the header.
    if (!out.empty()) out += "\n\n";
    bool header = true;
    for (const MdBlock& row : b.children) {
      std::vector<std::string> cells;
      for (const MdBlock& c : row.children)
        cells.push_back(text::ReplaceAll(c.markdown, "|", "\\|"));
      out += "| " + text::Join(cells, " | ") + " |\n";
      if (header) {
        out += "|" + std::string(text::Join(std::vector<std::string>(cells.size(), " --- "), "|")) +
               "|\n";
        header = false;
      }
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return;
  }
  if (b.kind == Kind::kRow) {
    std::vector<std::string> cells;
    for (const MdBlock& c : b.children) cells.push_back(c.markdown);
    if (!out.empty()) out += '\n';
    out += text::Join(cells, " | ");
    return;
  }
  const std::string& own = b.kind == Kind::kHtml ? b.text : b.markdown;
  if (!own.empty()) {
    if (!out.empty()) out += "\n\n";
    if (b.kind == Kind::kHeading) out += std::string(b.level, '#') + " ";
    out += own;
  }
  for (const MdBlock& c : b.children) CollectMarkdown(c, out, indent);
}

}  // namespace

std::string MdBlock::AllText() const {
  std::string out;
  CollectText(*this, out);
  return out;
}

std::string MdBlock::AllMarkdown() const {
  std::string out;
  CollectMarkdown(*this, out, 0);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  size_t start = out.find_first_not_of('\n');
  return start == std::string::npos ? std::string() : out.substr(start);
}

std::string FrontMatter::Get(std::string_view key) const {
  for (const auto& [k, v] : fields)
    if (k == key) return v;
  return {};
}

FrontMatter ReadFrontMatter(std::string_view text) {
  FrontMatter fm;
  auto is_fence = [](std::string_view line, bool closing) {
    line = text::Trim(line);
    return line == "---" || (closing && line == "...");
  };
  const size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  size_t eol = text.find('\n', start);
  if (eol == std::string_view::npos || !is_fence(text.substr(start, eol - start), false)) return fm;
  std::vector<std::pair<std::string, std::string>> fields;
  size_t pos = eol + 1;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (is_fence(l, true)) {
      fm.present = true;
      fm.yaml = std::string(text.substr(eol + 1, pos - eol - 1));
      fm.yaml_line = 2;
      fm.fields = std::move(fields);
      fm.body_offset = std::min(end + 1, text.size());
      fm.body_line = line + 1;
      return fm;
    }
    size_t colon = l.find(':');
    if (colon != std::string_view::npos && !l.starts_with(" ") && !l.starts_with("\t")) {
      std::string value(text::Trim(l.substr(colon + 1)));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      fields.push_back({std::string(text::Trim(l.substr(0, colon))), value});
    }
    if (end == text.size()) break;
    pos = end + 1;
    ++line;
  }
  return fm;  // never closed: not front matter
}

namespace {

// Where a large document can be parsed in pieces: before ATX headings at the start of a line,
// outside fenced code, comments and <pre>/<script>/<style>/<textarea> blocks (the only
// constructs that can run past a heading). Each piece is at least kChunkBytes long. Link
// reference definitions are collected so every piece can see them (`definitions`), unless
// they are too many to repeat, in which case the document is parsed whole.
constexpr size_t kChunkBytes = size_t{1} << 20;
constexpr size_t kMaxDefinitionBytes = size_t{64} << 10;

struct Chunk {
  size_t begin = 0;
  size_t end = 0;
  int line = 1;  // line of `begin`, relative to the text's first line (1)
};

size_t Indent(std::string_view line) {
  size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos ? line.size() : n;
}

std::vector<Chunk> SplitForParsing(std::string_view text, std::string& definitions) {
  std::vector<Chunk> chunks;
  Chunk current;
  char fence = 0;
  size_t fence_length = 0;
  std::string closing;  // end tag or "-->" of an open raw block
  int line = 1;
  for (size_t pos = 0; pos < text.size(); ++line) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    std::string_view t = text::Trim(l);
    if (!closing.empty()) {
      if (text::ToLower(l).find(closing) != std::string::npos) closing.clear();
    } else if (fence != 0) {
      size_t n = t.find_first_not_of(fence);
      if (Indent(l) < 4 && (n == std::string_view::npos ? t.size() : n) >= fence_length &&
          t.find_first_not_of(std::string(1, fence) + " \t") == std::string_view::npos)
        fence = 0;
    } else if (t.starts_with("```") || t.starts_with("~~~")) {
      fence = t[0];
      fence_length = t.find_first_not_of(fence);
      if (fence_length == std::string_view::npos) fence_length = t.size();
    } else {
      std::string lower = text::ToLower(t);
      for (const char* tag : {"pre", "script", "style", "textarea"}) {
        if (lower.starts_with(std::string("<") + tag) &&
            lower.find(std::string("</") + tag) == std::string::npos)
          closing = std::string("</") + tag;
      }
      if (lower.starts_with("<!--") && lower.find("-->") == std::string::npos) closing = "-->";
      if (Indent(l) < 4 && t.starts_with("[") && t.find("]:") != std::string_view::npos)
        definitions += std::string(t) + "\n";
      bool heading = l.starts_with("#") && [&] {
        size_t hashes = l.find_first_not_of('#');
        return hashes <= 6 &&
               (hashes == std::string_view::npos || l[hashes] == ' ' || l[hashes] == '\t');
      }();
      if (heading && pos - current.begin >= kChunkBytes) {
        current.end = pos;
        chunks.push_back(current);
        current = Chunk{pos, 0, line};
      }
    }
    pos = end + 1;
  }
  current.end = text.size();
  chunks.push_back(current);
  return chunks;
}

std::vector<MdBlock> ParseWhole(std::string_view markdown, int first_line) {
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
      cmark_parser_new(CMARK_OPT_DEFAULT), &cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                              &cmark_node_free);
  std::vector<MdBlock> blocks;
  if (!doc) return blocks;
  for (cmark_node* c = cmark_node_first_child(doc.get()); c; c = cmark_node_next(c)) {
    blocks.push_back(Convert(c, first_line - 1, 1));
  }
  return blocks;
}

}  // namespace

std::vector<MdBlock> ParseMarkdownBlocks(std::string_view markdown, int first_line) {
  EnsureExtensions();
  // cmark's tree takes ~30 bytes per byte of dense Markdown: a large document is parsed in
  // pieces so that only one piece's tree exists at a time.
  if (markdown.size() > 2 * kChunkBytes) {
    std::string definitions;
    std::vector<Chunk> chunks = SplitForParsing(markdown, definitions);
    if (chunks.size() > 1 && definitions.size() <= kMaxDefinitionBytes) {
      const int extra = static_cast<int>(std::count(definitions.begin(), definitions.end(), '\n'));
      std::vector<MdBlock> blocks;
      for (const Chunk& c : chunks) {
        std::string piece = definitions;
        piece.append(markdown.substr(c.begin, c.end - c.begin));
        std::vector<MdBlock> part = ParseWhole(piece, first_line + c.line - 1 - extra);
        for (MdBlock& b : part) blocks.push_back(std::move(b));
      }
      return blocks;
    }
  }
  return ParseWhole(markdown, first_line);
}

std::vector<model::Note> NotesFromBlocks(const std::vector<MdBlock>& blocks,
                                         const std::string& file) {
  std::vector<model::Note> notes;
  for (const MdBlock& b : blocks) {
    if (b.kind == MdBlock::Kind::kBreak) continue;
    if (b.kind == MdBlock::Kind::kHeading) {
      model::Note n;
      n.title = b.text;
      n.origin.where = {file, b.line, 1};
      notes.push_back(std::move(n));
      continue;
    }
    std::string markdown = b.AllMarkdown();
    if (markdown.empty()) continue;
    if (notes.empty()) {
      model::Note n;
      n.origin.where = {file, b.line, 1};
      notes.push_back(std::move(n));
    }
    std::string& into = notes.back().markdown;
    if (!into.empty()) into += "\n\n";
    into += markdown;
  }
  return notes;
}

namespace {

// CMARK_OPT_UNSAFE is deliberately absent: that is what makes the output safe to embed.
std::string RenderHtml(std::string_view markdown, int options) {
  EnsureExtensions();
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options),
                                                                     &cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                              &cmark_node_free);
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get())),
      &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown) {
  return RenderHtml(markdown, CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
}

std::string InlineMarkdownToHtml(std::string_view markdown, bool typographic) {
  // Inline text: a leading "#", ">", "- ", "1." or "=" must not start a heading, a quote, a
  // list or a setext underline, so it is escaped; indentation is not code.
  std::string line(text::Trim(text::CollapseSpace(markdown)));
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  bool ordered = digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
  if (ordered) {
    line.insert(digits, "\\");
  } else if (!line.empty()) {
    char c = line[0];
    bool bullet = (c == '-' || c == '*' || c == '+') && (line.size() == 1 || line[1] == ' ');
    // "***", "- - -": a thematic break; "**bold**" is emphasis and stays.
    bool rule = (c == '-' || c == '*' || c == '_') &&
                line.find_first_not_of(std::string(1, c) + " ") == std::string::npos &&
                std::count(line.begin(), line.end(), c) >= 3;
    if (bullet || rule || c == '#' || c == '>' || c == '=' || c == '|') line.insert(0, "\\");
  }
  std::string html =
      RenderHtml(line, CMARK_OPT_DEFAULT | (typographic ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT));
  while (!html.empty() && html.back() == '\n') html.pop_back();
  // A single paragraph loses its <p>; anything else (two paragraphs) stays as it is.
  if (html.starts_with("<p>") && html.ends_with("</p>") && html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 7);
  return html;
}

std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      // Block-level tags separate words.
      out += ' ';
      i = close;
      continue;
    }
    if (c == '&') {
      static const std::pair<const char*, const char*> kEntities[] = {{"&amp;", "&"},
                                                                      {"&lt;", "<"},
                                                                      {"&gt;", ">"},
                                                                      {"&quot;", "\""},
                                                                      {"&#39;", "'"},
                                                                      {"&apos;", "'"},
                                                                      {"&nbsp;", " "},
                                                                      {"&rsquo;", "\xE2\x80\x99"},
                                                                      {"&lsquo;", "\xE2\x80\x98"},
                                                                      {"&mdash;", "\xE2\x80\x94"},
                                                                      {"&ndash;", "\xE2\x80\x93"}};
      bool replaced = false;
      for (const auto& [entity, value] : kEntities) {
        if (html.substr(i).starts_with(entity)) {
          out += value;
          i += std::strlen(entity) - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out += c;
  }
  return out;
}

namespace md {

namespace {

void Flatten(const MdBlock& b, int depth, bool item_head, std::vector<Block>& out) {
  using K = MdBlock::Kind;
  Block block;
  block.line = b.line;
  block.end_line = b.end_line;
  switch (b.kind) {
    case K::kHeading:
      block.kind = Block::Kind::kHeading;
      block.level = b.level;
      block.markdown = b.markdown;
      block.plain = b.text;
      out.push_back(std::move(block));
      return;
    case K::kParagraph:
      block.kind = item_head ? Block::Kind::kItem : Block::Kind::kParagraph;
      block.level = item_head ? depth : 0;
      block.markdown = b.markdown;
      block.plain = b.text;
      break;
    case K::kCode:
    case K::kHtml:
      block.kind = b.kind == K::kCode ? Block::Kind::kCode : Block::Kind::kHtml;
      block.markdown = b.kind == K::kCode ? b.text : b.markdown;
      block.plain = text::CollapseSpace(b.kind == K::kCode ? b.text : block.markdown);
      break;
    case K::kTable:
      block.kind = Block::Kind::kParagraph;
      block.markdown = b.AllMarkdown();
      block.plain = b.AllText();
      break;
    case K::kList:
      for (const MdBlock& item : b.children) Flatten(item, depth + 1, false, out);
      return;
    case K::kItem:
      for (size_t i = 0; i < b.children.size(); ++i)
        Flatten(b.children[i], depth, i == 0 && b.children[i].kind == K::kParagraph, out);
      return;
    case K::kQuote:
      for (const MdBlock& c : b.children) Flatten(c, depth, false, out);
      return;
    case K::kRow:
    case K::kCell:
    case K::kBreak:
      return;
  }
  if (!text::Trim(block.plain).empty()) out.push_back(std::move(block));
}

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

}  // namespace

std::vector<Block> ParseBlocks(std::string_view markdown, int first_line) {
  std::vector<Block> blocks;
  for (const MdBlock& b : ParseMarkdownBlocks(markdown, first_line)) Flatten(b, 0, false, blocks);
  return blocks;
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
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const HtmlRegion& r : regions) {
    const size_t begin = std::max(r.begin, pos);
    const size_t end = std::min(r.end, text.size());
    if (begin >= end) continue;
    out.append(text, pos, begin - pos);
    // Lines wholly inside the region become empty (a long table costs its newlines only);
    // the part of a line shared with text becomes spaces.
    for (size_t k = begin; k < end;) {
      size_t newline = text.find('\n', k);
      const size_t line_end = newline == std::string_view::npos ? text.size() : newline;
      const size_t stop = std::min(line_end, end);
      const bool whole_line = (k == 0 || text[k - 1] == '\n') && stop == line_end;
      if (!whole_line) out.append(stop - k, ' ');
      if (stop == line_end && line_end < end) {
        out += '\n';
        k = line_end + 1;
      } else {
        k = stop;
      }
    }
    pos = end;
  }
  out.append(text, pos, std::string_view::npos);
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

}  // namespace md
}  // namespace ladder::formats
