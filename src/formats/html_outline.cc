#include "formats/html_outline.h"

#include <algorithm>
#include <vector>

#include "base/text.h"
#include "formats/html_dom.h"

namespace ladder::formats {
namespace {

bool LooksLikeHtmlPage(std::string_view text) {
  std::string_view t = text::Trim(text);
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  if (!t.starts_with("<")) return false;
  if (text.find("<table") != std::string_view::npos ||
      text.find("<TABLE") != std::string_view::npos)
    return false;
  bool heading = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ")) return false;
    pos = end + 1;
  }
  for (size_t at = text.find('<'); at != std::string_view::npos && !heading;
       at = text.find('<', at + 1)) {
    heading = at + 2 < text.size() && (text[at + 1] == 'h' || text[at + 1] == 'H') &&
              text[at + 2] >= '1' && text[at + 2] <= '6';
  }
  return heading;
}

// Writes blocks of Markdown, each on the line of its element when there is room.
class Outline {
 public:
  explicit Outline(const html::Dom& dom) : dom_(dom) {}

  void Walk(int id) {
    for (int c : dom_.At(id).children) {
      const html::Node& n = dom_.At(c);
      if (n.kind == html::Node::Kind::kText) {
        std::string t = text::CollapseSpace(n.text);
        if (!text::Trim(t).empty()) Block(n.line, std::string(text::Trim(t)), false);
        continue;
      }
      const std::string& tag = n.tag;
      if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
        std::string heading = dom_.InlineMarkdown(c);
        if (!heading.empty())
          Block(n.line, std::string(static_cast<size_t>(tag[1] - '0'), '#') + " " + heading, false);
      } else if (tag == "ul" || tag == "ol") {
        List(c, 0);
      } else if (tag == "dl") {
        Definitions(c);
      } else if (tag == "p" || tag == "blockquote" || tag == "pre" || tag == "address") {
        std::string p = dom_.InlineMarkdown(c);
        if (!p.empty()) Block(n.line, p, false);
      } else if (tag == "head" || tag == "br" || tag == "hr" || tag == "img") {
        continue;
      } else if (IsInline(tag)) {
        std::string p = dom_.InlineMarkdown(c);
        if (!p.empty()) Block(n.line, p, false);
      } else {
        Walk(c);  // html, body, div, section, article, main, header, nav ...
      }
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  static bool IsInline(const std::string& tag) {
    for (const char* t : {"a", "b", "strong", "i", "em", "span", "code", "small", "u", "mark"})
      if (tag == t) return true;
    return false;
  }

  // A list's items, nested lists indented under their item.
  void List(int list, int indent) {
    for (int li : dom_.At(list).children) {
      if (!dom_.IsElement(li, "li")) continue;
      std::string own;
      std::vector<int> nested;
      for (int c : dom_.At(li).children) {
        if (dom_.IsElement(c, "ul") || dom_.IsElement(c, "ol")) {
          nested.push_back(c);
          continue;
        }
        own += dom_.At(c).kind == html::Node::Kind::kText ? dom_.At(c).text
                                                          : " " + dom_.InlineMarkdown(c) + " ";
      }
      std::string item(text::Trim(text::CollapseSpace(own)));
      Block(dom_.At(li).line, std::string(static_cast<size_t>(indent), ' ') + "- " + item, true);
      for (int n : nested) List(n, indent + 2);
    }
  }

  // "<dt>Scope</dt><dd>...</dd>" as labelled paragraphs "**Scope:** ...".
  void Definitions(int dl) {
    std::string label;
    int line = 0;
    for (int c : dom_.At(dl).children) {
      if (dom_.IsElement(c, "dt")) {
        label = dom_.Text(c);
        line = dom_.At(c).line;
        while (!label.empty() && label.back() == ':') label.pop_back();
      } else if (dom_.IsElement(c, "dd")) {
        std::string value = dom_.InlineMarkdown(c);
        if (label.empty()) {
          Block(dom_.At(c).line, value, false);
        } else {
          Block(line, "- **" + label + ":** " + value, true);
        }
        label.clear();
      }
    }
    if (!label.empty()) Block(line, label, false);
  }

  // Writes `markdown` as a block starting at `line` (or as soon after as the blocks above
  // allow). List items continue the list above them without a blank line.
  void Block(int line, const std::string& markdown, bool item) {
    bool tight = item && last_item_;
    int first = out_.empty() ? 1 : tight ? line_ : line_ + 1;  // a blank line between blocks
    while (line_ < std::max(first, line)) NewLine();
    out_ += markdown;
    NewLine();
    last_item_ = item;
  }

  void NewLine() {
    out_ += '\n';
    ++line_;
  }

  const html::Dom& dom_;
  std::string out_;
  int line_ = 1;  // the line the next character of out_ is on
  bool last_item_ = false;
};

}  // namespace

std::optional<std::string> HtmlOutlineAsMarkdown(std::string_view text) {
  if (!LooksLikeHtmlPage(text)) return std::nullopt;
  Result<html::Dom> dom = html::Dom::Parse(text, "page.html");
  if (!dom) return std::nullopt;
  Outline outline(*dom);
  outline.Walk(dom->Root());
  return outline.Take();
}

}  // namespace ladder::formats
