// The role catalogue (families x seniorities), a page per role and one per family ladder.
#include "base/text.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

std::string SeniorityLabel(const std::string& s) { return s.empty() ? "Base title" : s; }

Data RoleLink(const FrameworkEntry& fe, size_t r, const std::string& root) {
  Data d = Object();
  d.set("title", Text(fe.roles[r].role->title));
  d.set("href", Href(root, fe.roles[r].path));
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
    c.set("name", Text(fe.fw.name));
    c.set("anchor", "roles-" + fe.slug);
    c.set("role_count", std::to_string(fe.roles.size()));
    c.set("family_count", std::to_string(fe.families.size()));
    Data columns = List();
    for (const std::string& s : fe.seniorities) {
      Data col = Object();
      col.set("label", SeniorityLabel(s));
      columns.push_back(col);
    }
    c.set("columns", columns);
    Data rows = List();
    for (const FamilyEntry& family : fe.families) {
      Data row = Object();
      row.set("family", Text(family.name));
      row.set("href", Href(root, family.path));
      Data cells = List();
      for (const std::string& s : fe.seniorities) {
        Data roles = List();
        for (size_t r : family.roles)
          if (fe.roles[r].role->seniority == s) roles.push_back(RoleLink(fe, r, root));
        Data cell = Object();
        cell.set("roles", roles);
        cells.push_back(cell);
      }
      row.set("cells", cells);
      rows.push_back(row);
    }
    c.set("rows", rows);
    catalogues.push_back(c);
  }
  d.set("catalogues", catalogues);
  return HtmlPage(RenderTemplate("roles", d), false);
}

Result<Page> RolePage(const Site::Impl& site, const FrameworkEntry& fe, size_t r,
                      std::string_view path) {
  const model::RoleProfile& role = *fe.roles[r].role;
  std::string root = RootOf(path);
  Data d = PageData(site, path, role.title);
  d.set("catalogue_href", Href(root, "roles/index.html#roles-" + fe.slug));
  d.set("catalogue", fe.fw.name);
  d.set("title", Text(role.title));
  d.set("family", Text(role.family));
  d.set("seniority", SeniorityLabel(role.seniority));
  for (const FamilyEntry& f : fe.families)
    if (f.name == role.family) d.set("family_href", Href(root, f.path));
  d.set("summary_html", Text(site.BlockHtml(role.summary)));
  SetList(d, "responsibilities", StringList(site, role.responsibilities));
  SetList(d, "skills", StringList(site, role.skills));
  SetList(d, "kpis", StringList(site, role.kpis));
  d.set("path_html", Text(site.BlockHtml(role.path)));
  d.set("has_path", !role.path.empty());
  return HtmlPage(RenderTemplate("role", d), fe.Published());
}

Result<Page> FamilyPage(const Site::Impl& site, const FrameworkEntry& fe, size_t f,
                        std::string_view path) {
  const FamilyEntry& family = fe.families[f];
  std::string root = RootOf(path);
  Data d = PageData(site, path, family.name + " — career ladder");
  d.set("catalogue_href", Href(root, "roles/index.html#roles-" + fe.slug));
  d.set("catalogue", fe.fw.name);
  d.set("family", Text(family.name));
  Data steps = List();
  for (size_t r : family.roles) {
    Data s = RoleLink(fe, r, root);
    s.set("seniority", SeniorityLabel(fe.roles[r].role->seniority));
    s.set("summary_html", Text(site.BlockHtml(fe.roles[r].role->summary)));
    steps.push_back(s);
  }
  SetList(d, "steps", steps);
  return HtmlPage(RenderTemplate("family", d), fe.Published());
}

Result<Page> SearchPage(const Site::Impl& site, std::string_view path, std::string_view query) {
  std::string root = RootOf(path);
  Data d =
      PageData(site, path, query.empty() ? std::string("Search") : "Search: " + std::string(query));
  d.set("query", std::string(query));
  d.set("index_href", Href(root, "search-index.js"));
  d.set("search_js_href", Href(root, "static/search.js"));
  d.set("htmx_href", Href(root, "static/vendor/htmx.min.js"));
  d.set("searched", !query.empty());
  if (!site.options.static_site && !query.empty()) {
    Data hits = List();
    for (const SearchHit& h : SearchIn(site, query, 50)) {
      Data hd = Object();
      hd.set("kind", h.kind);
      hd.set("title", Text(h.title));
      hd.set("context", h.context);
      hd.set("href", Href(root, h.url));
      hd.set("before", h.before);
      hd.set("match", h.match);
      hd.set("after", h.after);
      hits.push_back(hd);
    }
    d.set("hit_count", std::to_string(hits.list_value().size()));
    d.set("no_hits", hits.is_empty_list());
    SetList(d, "hits", hits);
  }
  return HtmlPage(RenderTemplate("search", d), false);
}

}  // namespace ladder::render::internal
