// The role catalogue (families x seniorities), a page per role and one per family ladder.
#include "base/text.h"
#include "model/translation.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render::internal {
namespace {

std::string SeniorityLabel(const std::string& s) { return s.empty() ? "Base title" : s; }

Data RoleLink(const FrameworkEntry& fe, size_t r, const std::string& root) {
  Data d = Object();
  Set(d, "title", Text(fe.roles[r].role->title));
  Set(d, "href", Href(root, fe.roles[r].path));
  return d;
}

Data StringList(const Site::Impl& site, const std::vector<std::string>& items) {
  return Behaviours(site, items);
}

}  // namespace

Result<Page> RolesPage(const Site::Impl& site, std::string_view path) {
  std::string root = RootOf(path);
  Data d = PageData(site, path, "Role catalogue");
  Data catalogues = List();
  for (const FrameworkEntry& fe : site.frameworks) {
    if (fe.roles.empty()) continue;
    Data c = Object();
    Set(c, "name", Text(fe.fw.name));
    Set(c, "anchor", "roles-" + fe.slug);
    Set(c, "roles", Count(fe.roles.size(), "role", "roles"));
    Set(c, "families", Count(fe.families.size(), "family", "families"));
    Data columns = List();
    for (const std::string& s : fe.seniorities) {
      Data col = Object();
      Set(col, "label", SeniorityLabel(s));
      Append(columns, std::move(col));
    }
    Set(c, "columns", std::move(columns));
    Data rows = List();
    for (const FamilyEntry& family : fe.families) {
      Data row = Object();
      Set(row, "family", Text(family.name));
      Set(row, "href", Href(root, family.path));
      Data cells = List();
      for (const std::string& s : fe.seniorities) {
        Data roles = List();
        for (size_t r : family.roles)
          if (fe.roles[r].role->seniority == s) Append(roles, RoleLink(fe, r, root));
        Data cell = Object();
        Set(cell, "roles", std::move(roles));
        Append(cells, std::move(cell));
      }
      Set(row, "cells", std::move(cells));
      Append(rows, std::move(row));
    }
    Set(c, "rows", std::move(rows));
    Append(catalogues, std::move(c));
  }
  Set(d, "catalogues", std::move(catalogues));
  return HtmlPage(RenderTemplate("roles", d), false);
}

Result<Page> RolePage(const Site::Impl& site, const FrameworkEntry& fe, size_t r,
                      std::string_view path) {
  const model::RoleProfile& role = *fe.roles[r].role;
  std::string root = RootOf(path);
  Data d = PageData(site, path, role.title);
  Set(d, "catalogue_href", Href(root, "roles/index.html#roles-" + fe.slug));
  Set(d, "catalogue", fe.fw.name);
  Set(d, "title", Text(role.title));
  Set(d, "family", Text(role.family));
  Set(d, "seniority", SeniorityLabel(role.seniority));
  for (const FamilyEntry& f : fe.families)
    if (f.name == role.family) Set(d, "family_href", Href(root, f.path));
  Set(d, "summary_html", Text(site.BlockHtml(role.summary)));
  SetList(d, "responsibilities", StringList(site, role.responsibilities));
  SetList(d, "skills", StringList(site, role.skills));
  SetList(d, "kpis", StringList(site, role.kpis));
  Set(d, "path_html", Text(site.BlockHtml(role.path)));
  Set(d, "has_path", !role.path.empty());
  return HtmlPage(RenderTemplate("role", d), fe.Published());
}

Result<Page> FamilyPage(const Site::Impl& site, const FrameworkEntry& fe, size_t f,
                        std::string_view path) {
  const FamilyEntry& family = fe.families[f];
  std::string root = RootOf(path);
  Data d = PageData(site, path, family.name + " — career ladder");
  Set(d, "catalogue_href", Href(root, "roles/index.html#roles-" + fe.slug));
  Set(d, "catalogue", fe.fw.name);
  Set(d, "family", Text(family.name));
  Data steps = List();
  for (size_t r : family.roles) {
    Data s = RoleLink(fe, r, root);
    Set(s, "seniority", SeniorityLabel(fe.roles[r].role->seniority));
    Set(s, "summary_html", Text(site.BlockHtml(fe.roles[r].role->summary)));
    Append(steps, std::move(s));
  }
  SetList(d, "steps", std::move(steps));
  return HtmlPage(RenderTemplate("family", d), fe.Published());
}

namespace {

// A snippet for the template, [{text, mark}]: the words between storage::kMatchOpen and
// kMatchClose marked, every text escaped by the template.
Data SnippetPieces(std::string_view snippet) {
  Data pieces = List();
  bool mark = false;
  while (!snippet.empty()) {
    std::string_view marker = mark ? storage::kMatchClose : storage::kMatchOpen;
    size_t at = snippet.find(marker);
    std::string_view piece = snippet.substr(0, at);
    if (!piece.empty()) {
      Data pd = Object();
      Set(pd, "text", std::string(piece));
      Set(pd, "mark", mark);
      Append(pieces, std::move(pd));
    }
    if (at == std::string_view::npos) break;
    snippet.remove_prefix(at + marker.size());
    mark = !mark;
  }
  return pieces;
}

}  // namespace

Result<Page> SearchPage(const Site::Impl& site, std::string_view path, std::string_view query,
                        std::string_view lang) {
  std::string root = RootOf(path);
  Data d =
      PageData(site, path, query.empty() ? std::string("Search") : "Search: " + std::string(query));
  Set(d, "query", std::string(query));
  if (!model::IsLanguageTag(lang)) lang = {};  // anything else searches with the root rules
  Set(d, "search_lang", Text(std::string(lang)));
  Set(d, "index_href", Href(root, "search-index.js"));
  Set(d, "search_js_href", Href(root, "static/search.js"));
  Set(d, "htmx_href", Href(root, "static/vendor/htmx.min.js"));
  Set(d, "searched", !query.empty());
  if (!site.options.static_site && !query.empty()) {
    Data hits = List();
    for (const SearchHit& h : SearchIn(site, query, 50, lang)) {
      Data hd = Object();
      Set(hd, "kind", Words(h.kind));
      Set(hd, "title", Text(h.title));
      Set(hd, "context", h.context);
      Set(hd, "href", Href(root, h.url));
      Set(hd, "snippet", SnippetPieces(h.snippet));
      Append(hits, std::move(hd));
    }
    Set(d, "hits_found", Count(hits.list_value().size(), "result", "results"));
    Set(d, "no_hits", hits.is_empty_list());
    SetList(d, "hits", std::move(hits));
  }
  return HtmlPage(RenderTemplate("search", d), false);
}

}  // namespace ladder::render::internal
