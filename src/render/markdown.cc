#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

#include "base/text.h"

namespace ladder::render {
namespace {

// CMARK_OPT_UNSAFE is deliberately absent: that is what makes the output safe to embed.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;

std::string Render(std::string_view markdown) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, kOptions, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown) { return Render(markdown); }

std::string InlineMarkdownToHtml(std::string_view markdown) {
  // A behaviour is inline text: a leading "#", ">", "- ", "1." or "=" must not start a heading,
  // a quote, a list or a setext underline, so it is escaped; indentation is not code.
  std::string line(text::Trim(text::CollapseSpace(markdown)));
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  bool ordered = digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
  if (ordered) {
    line.insert(digits, "\\");
  } else if (!line.empty()) {
    char c = line[0];
    bool bullet = (c == '-' || c == '*' || c == '+' || c == '_') &&
                  (line.size() == 1 || line[1] == ' ' || line[1] == c);
    if (bullet || c == '#' || c == '>' || c == '=' || c == '|') line.insert(0, "\\");
  }
  std::string html = Render(line);
  while (!html.empty() && html.back() == '\n') html.pop_back();
  // A single paragraph loses its <p>; anything else (a list, two paragraphs) stays as it is.
  if (text::StartsWith(html, "<p>") && text::EndsWith(html, "</p>") &&
      html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 7);
  return html;
}

}  // namespace ladder::render
