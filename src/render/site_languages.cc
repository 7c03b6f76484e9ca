// The pages of a framework in the languages of its translations: a translated entry per
// framework and language (the framework localized, with the texts shown in the source language
// marked), the marks turned into elements with their own `lang`, and the language switcher of
// framework and level pages.
#include "base/text.h"
#include "base/unicode.h"
#include "model/translation.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render::internal {
namespace {

bool IsMarked(std::string_view text) {
  return text.size() >= 2 && text::StartsWith(text, kFallbackOpen) &&
         text::EndsWith(text, kFallbackClose);
}

}  // namespace

std::string StripFallbackMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != kFallbackOpen[0] && c != kFallbackClose[0] && c != kFallbackBlockOpen[0] &&
        c != kFallbackBlockClose[0])
      out += c;
  return out;
}

std::string MarkedHtml(const std::string& text, std::string (*to_html)(std::string_view),
                       bool block) {
  if (!IsMarked(text)) return to_html(text);
  std::string html = to_html(StripFallbackMarks(text));
  if (block) return std::string(kFallbackBlockOpen) + html + std::string(kFallbackBlockClose);
  return std::string(kFallbackOpen) + html + std::string(kFallbackClose);
}

std::string MarkFallbacks(std::string_view html, std::string_view lang) {
  const std::string attrs = " lang=\"" + std::string(lang) + "\" class=\"fallback\"";
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  bool in_tag = false, in_title = false;
  for (size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') {
      in_tag = true;
      if (html.compare(i, 6, "<title") == 0) in_title = true;
      if (html.compare(i, 7, "</title") == 0) in_title = false;
    } else if (c == '>') {
      in_tag = false;
    }
    const bool mark = c == kFallbackOpen[0] || c == kFallbackClose[0] ||
                      c == kFallbackBlockOpen[0] || c == kFallbackBlockClose[0];
    if (!mark) {
      out += c;
    } else if (!in_tag && !in_title) {
      if (c == kFallbackOpen[0]) out += "<span" + attrs + ">";
      if (c == kFallbackClose[0]) out += "</span>";
      if (c == kFallbackBlockOpen[0]) out += "<div" + attrs + ">";
      if (c == kFallbackBlockClose[0]) out += "</div>";
    }
  }
  return out;
}

void AddTranslatedEntries(Site::Impl& site) {
  auto mark = [](const std::string& text) {
    return std::string(kFallbackOpen) + text + std::string(kFallbackClose);
  };
  for (const FrameworkEntry& fe : site.frameworks) {
    for (const model::Translation& t : fe.fw.translations) {
      Result<model::Localized> localized = model::Localize(fe.fw, t.language, mark);
      if (!localized) continue;  // a translation of the framework: always found
      FrameworkEntry te;
      te.fw = std::move(localized->framework);
      te.slug = fe.slug;
      te.lang = t.language;
      te.suffix = "." + t.language;
      te.fallbacks = localized->fallback;
      te.source_lang = fe.fw.language;
      site.translated.push_back(std::move(te));
    }
  }
}

void SetLanguages(const Site::Impl& site, const FrameworkEntry& fe, int level,
                  const std::string& root, Data& d) {
  const FrameworkEntry* source = &fe;
  if (!fe.lang.empty())
    if (auto it = site.framework_by_slug.find(fe.slug); it != site.framework_by_slug.end())
      source = &site.frameworks[it->second];
  std::vector<std::string> languages = model::Languages(source->fw);
  Data list = List();
  for (const std::string& code : languages) {
    std::string suffix = code == source->fw.language ? "" : "." + code;
    std::string target = level < 0 ? fe.Dir() + "index" + suffix + ".html"
                                   : fe.levels[static_cast<size_t>(level)].stem + suffix + ".html";
    Data item = Object();
    Set(item, "code", code);
    Set(item, "name", text::LanguageName(code));
    Set(item, "href", Href(root, target));
    Set(item, "current", code == fe.Lang());
    Append(list, std::move(item));
  }
  Set(d, "languages", std::move(list));
  Set(d, "has_languages", languages.size() > 1);
  Set(d, "lang", fe.Lang());
  Set(d, "fallback_count",
      fe.fallbacks > 0 ? Data(Count(fe.fallbacks, "text is", "texts are")) : Data(false));
  Set(d, "source_language", text::LanguageName(source->fw.language));
  Set(d, "source_lang", source->fw.language);
  // Searching from a translated page folds as its language does.
  if (!fe.lang.empty()) Set(d, "search_href", Href(root, "search.html?lang=" + fe.lang));
}

Page FrameworkHtmlPage(const FrameworkEntry& fe, std::string body) {
  if (!fe.lang.empty()) body = MarkFallbacks(body, fe.source_lang);
  return HtmlPage(std::move(body), fe.Published());
}

}  // namespace ladder::render::internal
