#include "formats/html_dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "base/text.h"

namespace ladder::formats::html {
namespace {

constexpr std::string_view kVoidElements[] = {"area",  "base",   "br",    "col",  "embed",
                                              "hr",    "img",    "input", "link", "meta",
                                              "param", "source", "track", "wbr"};
constexpr std::string_view kRawTextElements[] = {"script", "style",   "textarea", "title",
                                                 "xmp",    "noembed", "noframes"};
// Elements an HTML parser closes by itself when a sibling of the same name starts.
constexpr std::string_view kSelfClosing[] = {"p",  "li",     "td",    "th",    "tr",   "dt",
                                             "dd", "option", "tbody", "thead", "tfoot"};
constexpr std::string_view kBlockElements[] = {
    "address", "article", "aside",    "blockquote", "br",     "caption", "dd",    "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure", "footer",  "form",  "h1",
    "h2",      "h3",      "h4",       "h5",         "h6",     "header",  "hr",    "li",
    "main",    "nav",     "ol",       "p",          "pre",    "section", "table", "tbody",
    "td",      "tfoot",   "th",       "thead",      "tr",     "ul"};

template <size_t N>
bool OneOf(std::string_view name, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), name) != std::end(set);
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

std::string LowerName(std::string_view s, size_t& i) {
  std::string name;
  while (i < s.size() && IsNameChar(s[i])) {
    char c = s[i++];
    name.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return name;
}

// Scans the tags of `s` the way an HTML parser nests them, closely enough to bound the depth
// of the tree gumbo will build. Returns the offset of the first tag nested deeper than
// `max_depth`, or npos.
size_t FindTooDeep(std::string_view s, int max_depth) {
  std::vector<std::string> open;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    size_t tag_start = i;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
      size_t end = s.find('>', i);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 1;
      continue;
    }
    bool closing = i + 1 < s.size() && s[i + 1] == '/';
    i += closing ? 2 : 1;
    if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) continue;
    std::string name = LowerName(s, i);
    // Skip attributes, honouring quotes.
    char quote = 0;
    bool self_closing = false;
    while (i < s.size()) {
      char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = i > 0 && s[i - 1] == '/';
        break;
      }
      ++i;
    }
    if (i >= s.size()) return std::string_view::npos;
    ++i;
    if (closing) {
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k] == name) {
          open.resize(k);
          break;
        }
      }
      continue;
    }
    if (OneOf(name, kRawTextElements)) {
      std::string end = "</" + name;
      size_t j = i;
      while (true) {
        j = s.find("</", j);
        if (j == std::string_view::npos) return std::string_view::npos;
        std::string_view candidate = s.substr(j, end.size());
        if (text::IEquals(candidate, end)) break;
        j += 2;
      }
      i = j;
      continue;
    }
    if (self_closing || OneOf(name, kVoidElements)) continue;
    if (OneOf(name, kSelfClosing)) {
      size_t lowest = open.size() > 8 ? open.size() - 8 : 0;
      for (size_t k = open.size(); k-- > lowest;) {
        if (open[k] == name) {
          open.resize(k);
          break;
        }
      }
    }
    open.push_back(std::move(name));
    if (static_cast<int>(open.size()) > max_depth) return tag_start;
  }
  return std::string_view::npos;
}

// gumbo allocates from this arena; it is freed at once, and parsing stops (longjmp back to
// ParseGuarded, through gumbo's C frames only) when it would exceed its cap.
struct Arena {
  std::vector<char*> blocks;
  char* cursor = nullptr;
  size_t left = 0;
  size_t total = 0;
  size_t cap = 0;
  std::jmp_buf on_exhausted;
  ~Arena() {
    for (char* b : blocks) std::free(b);
  }
};

void* ArenaAllocate(void* userdata, size_t size) {
  Arena* arena = static_cast<Arena*>(userdata);
  size = (size + 15) & ~size_t{15};
  if (size > arena->left) {
    size_t block = std::max(size, size_t{1} << 20);
    if (arena->total + block > arena->cap) std::longjmp(arena->on_exhausted, 1);
    char* memory = static_cast<char*>(std::malloc(block));
    if (memory == nullptr) std::longjmp(arena->on_exhausted, 1);
    arena->blocks.push_back(memory);
    arena->total += block;
    arena->cursor = memory;
    arena->left = block;
  }
  void* result = arena->cursor;
  arena->cursor += size;
  arena->left -= size;
  return result;
}

void ArenaFree(void*, void*) {}

// Only trivially destructible locals here: a longjmp lands in this frame.
GumboOutput* ParseGuarded(Arena* arena, const GumboOptions* options, const char* data,
                          size_t size) {
  if (setjmp(arena->on_exhausted) != 0) return nullptr;
  return gumbo_parse_with_options(options, data, size);
}

std::string TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  std::string_view original(element.original_tag.data, element.original_tag.length);
  size_t i = 0;
  while (i < original.size() && (original[i] == '<' || original[i] == '/')) ++i;
  std::string name = LowerName(original, i);
  return name.empty() ? "unknown" : name;
}

// Refuses HTML over the size limit, or nested deeper than the depth limit, before gumbo reads
// it.
Status CheckLimits(std::string_view html, std::string_view source_name, int first_line,
                   const Limits& limits) {
  if (html.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "HTML of " + std::to_string(html.size()) + " bytes is over the limit of " +
                         std::to_string(limits.max_bytes) + " bytes",
                     SourceLocation{std::string(source_name), first_line, 0});
  }
  if (size_t deep = FindTooDeep(html, limits.max_depth); deep != std::string_view::npos) {
    auto [line, column] = text::LineColumnOf(html, deep);
    return MakeError(ErrorCode::kResourceExhausted,
                     "HTML elements nested more than " + std::to_string(limits.max_depth) + " deep",
                     SourceLocation{std::string(source_name), line + first_line - 1, column});
  }
  return Ok();
}

// The node gumbo parsed as a Node (its line as gumbo counts), and in `children` what to read
// below it (nothing when `descend` is false); nullopt for what is not content: comments,
// scripts, styles and templates.
std::optional<Node> ToNode(const GumboNode* g, bool descend, const GumboVector*& children) {
  Node n;
  children = nullptr;
  switch (g->type) {
    case GUMBO_NODE_ELEMENT: {
      const GumboElement& e = g->v.element;
      n.kind = Node::Kind::kElement;
      n.tag = TagName(e);
      if (n.tag == "script" || n.tag == "style" || n.tag == "template") return std::nullopt;
      n.line = static_cast<int>(e.start_pos.line);
      n.column = static_cast<int>(e.start_pos.column);
      for (unsigned a = 0; a < e.attributes.length; ++a) {
        const GumboAttribute* attr = static_cast<const GumboAttribute*>(e.attributes.data[a]);
        n.attributes.push_back({text::ToLower(attr->name), attr->value});
      }
      if (descend) children = &e.children;
      return n;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      n.kind = Node::Kind::kText;
      n.text = g->v.text.text;
      n.line = static_cast<int>(g->v.text.start_pos.line);
      n.column = static_cast<int>(g->v.text.start_pos.column);
      return n;
    default:  // comments and templates are not content
      return std::nullopt;
  }
}

// Gumbo's tree as nodes in document order, the document node first: lines count from
// `first_line`, and elements deeper than `max_tree_depth` lose their children.
std::vector<Node> Flatten(const GumboOutput& output, size_t html_size, int first_line,
                          int max_tree_depth) {
  std::vector<Node> nodes;
  nodes.reserve(html_size / 16 + 16);
  nodes.push_back(Node{Node::Kind::kDocument, "", {}, "", first_line, 1, -1, {}});
  struct Pending {
    const GumboNode* node;
    int parent;
    int depth;
  };
  std::vector<Pending> stack;
  const GumboVector& top = output.document->v.document.children;
  for (unsigned k = top.length; k-- > 0;)
    stack.push_back({static_cast<const GumboNode*>(top.data[k]), 0, 1});
  while (!stack.empty()) {
    Pending p = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    std::optional<Node> n = ToNode(p.node, p.depth < max_tree_depth, children);
    if (!n) continue;
    n->parent = p.parent;
    const Node& parent = nodes[static_cast<size_t>(p.parent)];
    if (n->line <= 0) {
      n->line = parent.line;  // elements the parser implied have no position
    } else {
      n->line += first_line - 1;
    }
    int id = static_cast<int>(nodes.size());
    nodes[static_cast<size_t>(p.parent)].children.push_back(id);
    nodes.push_back(std::move(*n));
    if (children != nullptr) {
      for (unsigned k = children->length; k-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children->data[k]), id, p.depth + 1});
    }
  }
  return nodes;
}

}  // namespace

Result<Dom> Dom::Parse(std::string_view html, std::string_view source_name, int first_line,
                       const Limits& limits) {
  LADDER_TRY_STATUS(CheckLimits(html, source_name, first_line, limits));
  Arena arena;
  arena.cap = limits.max_memory;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = &arena;
  options.max_errors = 16;
  GumboOutput* output = ParseGuarded(&arena, &options, html.data(), html.size());
  if (output == nullptr) {
    return MakeError(
        ErrorCode::kResourceExhausted,
        "HTML needs more than " + std::to_string(limits.max_memory >> 20) + " MiB to parse",
        SourceLocation{std::string(source_name), first_line, 0});
  }
  Dom dom;
  dom.nodes_ = Flatten(*output, html.size(), first_line, limits.max_depth * 4);
  return dom;
}

bool Dom::IsElement(int id, std::string_view tag) const {
  const Node& n = At(id);
  return n.kind == Node::Kind::kElement && n.tag == tag;
}

std::string_view Dom::Attr(int id, std::string_view name) const {
  for (const Attribute& a : At(id).attributes)
    if (a.name == name) return a.value;
  return {};
}

bool Dom::HasAttr(int id, std::string_view name) const {
  for (const Attribute& a : At(id).attributes)
    if (a.name == name) return true;
  return false;
}

bool Dom::HasClass(int id, std::string_view name) const {
  for (const std::string& word : text::Split(Attr(id, "class"), ' '))
    if (text::IEquals(text::Trim(word), name)) return true;
  return false;
}

std::vector<int> Dom::FindAll(int id, std::string_view tag, bool nested) const {
  std::vector<int> found;
  std::vector<int> stack(At(id).children.rbegin(), At(id).children.rend());
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    bool match = IsElement(n, tag);
    if (match) found.push_back(n);
    if (match && !nested) continue;
    const auto& c = At(n).children;
    stack.insert(stack.end(), c.rbegin(), c.rend());
  }
  return found;
}

int Dom::Ancestor(int id, std::string_view tag) const {
  for (int p = At(id).parent; p >= 0; p = At(p).parent)
    if (IsElement(p, tag)) return p;
  return -1;
}

namespace {

void CollectText(const Dom& dom, int id, std::string& out) {
  const Node& n = dom.At(id);
  if (n.kind == Node::Kind::kText) {
    out += n.text;
    return;
  }
  bool block = n.kind == Node::Kind::kElement && OneOf(std::string_view(n.tag), kBlockElements);
  if (block) out += ' ';
  for (int c : n.children) CollectText(dom, c, out);
  if (block) out += ' ';
}

void CollectRaw(const Dom& dom, int id, std::string& out) {
  const Node& n = dom.At(id);
  if (n.kind == Node::Kind::kText) {
    out += n.text;
    return;
  }
  for (int c : n.children) CollectRaw(dom, c, out);
}

// Wraps `inner` in a Markdown marker, keeping white space outside it ("** x **" is not bold).
void Wrap(std::string& out, const std::string& inner, std::string_view open,
          std::string_view close) {
  std::string_view trimmed = text::Trim(inner);
  if (trimmed.empty()) {
    out += inner;
    return;
  }
  if (inner.front() == ' ' || inner.front() == '\n' || inner.front() == '\t') out += ' ';
  out += open;
  out += trimmed;
  out += close;
  if (inner.back() == ' ' || inner.back() == '\n' || inner.back() == '\t') out += ' ';
}

void CollectMarkdown(const Dom& dom, int id, std::string& out, bool skip_lists) {
  const Node& n = dom.At(id);
  if (n.kind == Node::Kind::kText) {
    out += n.text;
    return;
  }
  const std::string& tag = n.tag;
  if (skip_lists && (tag == "ul" || tag == "ol")) {
    out += ' ';
    return;
  }
  std::string inner;
  for (int c : n.children) CollectMarkdown(dom, c, inner, skip_lists);
  if (tag == "b" || tag == "strong") {
    Wrap(out, text::CollapseSpace(inner), "**", "**");
  } else if (tag == "i" || tag == "em") {
    Wrap(out, text::CollapseSpace(inner), "_", "_");
  } else if (tag == "code") {
    Wrap(out, text::CollapseSpace(inner), "`", "`");
  } else if (tag == "a") {
    std::string_view href = dom.Attr(id, "href");
    std::string label = text::CollapseSpace(inner);
    if (href.empty() || href.front() == '#') {
      out += inner;
    } else if (text::Trim(label).empty()) {
      // an empty link is decoration
    } else {
      if (!inner.empty() && inner.front() == ' ') out += ' ';
      out += "[" + std::string(text::Trim(label)) + "](" + std::string(href) + ")";
      if (!inner.empty() && inner.back() == ' ') out += ' ';
    }
  } else if (OneOf(std::string_view(tag), kBlockElements)) {
    out += ' ';
    out += inner;
    out += ' ';
  } else {
    out += inner;
  }
}

struct ItemBuilder {
  const Dom& dom;
  std::vector<Dom::Item> items;
  std::string pending;
  int pending_line = 0;

  void Flush() {
    std::string md = text::CollapseSpace(pending);
    std::string trimmed(text::Trim(md));
    if (!trimmed.empty()) items.push_back({pending_line, trimmed});
    pending.clear();
    pending_line = 0;
  }
  void Inline(int id) {
    std::string md;
    CollectMarkdown(dom, id, md, false);
    if (pending_line == 0 && !text::Trim(md).empty()) pending_line = FirstTextLine(id);
    pending += md;
  }
  int FirstTextLine(int id) const {
    std::vector<int> stack{id};
    while (!stack.empty()) {
      int n = stack.back();
      stack.pop_back();
      const Node& node = dom.At(n);
      if (node.kind == Node::Kind::kText && !text::Trim(node.text).empty()) {
        // a text node starting with blank lines starts where its words start
        int line = node.line;
        for (char c : node.text) {
          if (c == '\n')
            ++line;
          else if (c != ' ' && c != '\t' && c != '\r')
            break;
        }
        return line;
      }
      stack.insert(stack.end(), node.children.rbegin(), node.children.rend());
    }
    return dom.At(id).line;
  }
  void Block(int id) {
    for (int c : dom.At(id).children) {
      const Node& n = dom.At(c);
      if (n.kind != Node::Kind::kElement) {
        Inline(c);
        continue;
      }
      if (n.tag == "ul" || n.tag == "ol") {
        Flush();
        List(c);
      } else if (n.tag == "br") {
        Flush();
      } else if (OneOf(std::string_view(n.tag), kBlockElements)) {
        Flush();
        Block(c);
        Flush();
      } else {
        Inline(c);
      }
    }
  }
  void List(int id) {
    for (int c : dom.At(id).children) {
      const Node& n = dom.At(c);
      if (n.kind == Node::Kind::kElement && n.tag == "li") {
        Flush();
        std::string md;
        CollectMarkdown(dom, c, md, true);
        pending = md;
        pending_line = FirstTextLine(c);
        Flush();
        for (int nested : dom.At(c).children) {
          const Node& m = dom.At(nested);
          if (m.kind == Node::Kind::kElement && (m.tag == "ul" || m.tag == "ol")) List(nested);
        }
      } else if (n.kind == Node::Kind::kElement && OneOf(std::string_view(n.tag), kBlockElements)) {
        Flush();
        Block(c);
        Flush();
      } else {
        Inline(c);  // text written straight into a list, without <li>
      }
    }
    Flush();
  }
};

bool HasBoldStyle(std::string_view style) {
  std::string s = text::ToLower(style);
  size_t at = s.find("font-weight");
  if (at == std::string::npos) return false;
  size_t colon = s.find(':', at);
  if (colon == std::string::npos) return false;
  std::string_view value = text::Trim(std::string_view(s).substr(colon + 1));
  value = value.substr(0, value.find(';'));
  value = text::Trim(value);
  if (text::StartsWith(value, "bold")) return true;
  int weight = std::atoi(std::string(value).c_str());
  return weight >= 600;
}

}  // namespace

std::string Dom::Text(int id) const {
  std::string out;
  CollectText(*this, id, out);
  return std::string(text::Trim(text::CollapseSpace(out)));
}

std::string Dom::RawText(int id) const {
  std::string out;
  CollectRaw(*this, id, out);
  return out;
}

std::string Dom::InlineMarkdown(int id) const {
  std::string out;
  CollectMarkdown(*this, id, out, false);
  return std::string(text::Trim(text::CollapseSpace(out)));
}

std::vector<Dom::Item> Dom::Items(int id) const {
  ItemBuilder builder{*this, {}, {}, 0};
  if (At(id).kind == Node::Kind::kText) {
    builder.Inline(id);
  } else {
    builder.Block(id);
  }
  builder.Flush();
  return std::move(builder.items);
}

bool Dom::IsBold(int id) const {
  if (HasBoldStyle(Attr(id, "style"))) return true;
  // The whole visible content inside one <b>/<strong>, possibly through single wrappers.
  int current = id;
  for (int guard = 0; guard < 16; ++guard) {
    int only = -1;
    for (int c : At(current).children) {
      const Node& n = At(c);
      if (n.kind == Node::Kind::kText && text::Trim(n.text).empty()) continue;
      if (only != -1) return false;
      only = c;
    }
    if (only == -1 || At(only).kind != Node::Kind::kElement) return false;
    const std::string& tag = At(only).tag;
    if (tag == "b" || tag == "strong" || HasBoldStyle(Attr(only, "style"))) return true;
    current = only;
  }
  return false;
}

TableGrid ExtractGrid(const Dom& dom, int table) {
  constexpr int kMaxRowSpan = 1000;
  constexpr int kMaxColSpan = 200;
  constexpr size_t kMaxSlots = size_t{1} << 22;
  TableGrid grid;
  std::vector<std::pair<int, bool>> rows;  // <tr>, in <thead>
  for (int c : dom.At(table).children) {
    const Node& n = dom.At(c);
    if (n.kind != Node::Kind::kElement) continue;
    if (n.tag == "tr") {
      rows.push_back({c, false});
    } else if (n.tag == "thead" || n.tag == "tbody" || n.tag == "tfoot") {
      for (int r : n.children)
        if (dom.IsElement(r, "tr")) rows.push_back({r, n.tag == "thead"});
    }
  }
  grid.rows = static_cast<int>(rows.size());
  grid.slots.assign(rows.size(), {});
  size_t used = 0;
  auto ensure = [&](int row, int col) {
    auto& r = grid.slots[static_cast<size_t>(row)];
    if (static_cast<int>(r.size()) <= col) {
      used += static_cast<size_t>(col + 1) - r.size();
      r.resize(static_cast<size_t>(col + 1));
    }
  };
  for (int r = 0; r < grid.rows; ++r) {
    auto [tr, in_head] = rows[static_cast<size_t>(r)];
    grid.row_nodes.push_back(tr);
    int col = 0;
    for (int cell : dom.At(tr).children) {
      if (!dom.IsElement(cell, "td") && !dom.IsElement(cell, "th")) continue;
      auto& row_slots = grid.slots[static_cast<size_t>(r)];
      while (col < static_cast<int>(row_slots.size()) &&
             row_slots[static_cast<size_t>(col)].cell != -1)
        ++col;
      int row_span =
          std::clamp(std::atoi(std::string(dom.Attr(cell, "rowspan")).c_str()), 1, kMaxRowSpan);
      int col_span =
          std::clamp(std::atoi(std::string(dom.Attr(cell, "colspan")).c_str()), 1, kMaxColSpan);
      row_span = std::min(row_span, grid.rows - r);
      if (used + static_cast<size_t>(row_span) * static_cast<size_t>(col_span) > kMaxSlots) {
        row_span = 1;
        col_span = 1;
      }
      bool header = dom.IsElement(cell, "th") || in_head;
      for (int dr = 0; dr < row_span; ++dr) {
        for (int dc = 0; dc < col_span; ++dc) {
          ensure(r + dr, col + dc);
          GridSlot& slot = grid.slots[static_cast<size_t>(r + dr)][static_cast<size_t>(col + dc)];
          if (slot.cell != -1) continue;  // overlapping spans: the first one wins
          slot = GridSlot{cell, row_span, col_span, dr == 0 && dc == 0, header};
        }
      }
      col += col_span;
    }
  }
  for (const auto& r : grid.slots) grid.cols = std::max(grid.cols, static_cast<int>(r.size()));
  for (auto& r : grid.slots) r.resize(static_cast<size_t>(grid.cols));
  return grid;
}

std::string TableLines(const Dom& dom, int table, const std::function<void(int cell)>& each_cell) {
  TableGrid grid = ExtractGrid(dom, table);
  std::vector<std::string> lines;
  for (int r = 0; r < grid.rows; ++r) {
    std::vector<std::string> cells;
    int last = -1;
    for (int c = 0; c < grid.cols; ++c) {
      int cell = grid.At(r, c).cell;
      if (cell == -1 || cell == last) continue;
      last = cell;
      cells.push_back(dom.InlineMarkdown(cell));
      if (each_cell) each_cell(cell);
    }
    if (!cells.empty()) lines.push_back(text::Join(cells, " | "));
  }
  return text::Join(lines, "\n");
}

}  // namespace ladder::formats::html
