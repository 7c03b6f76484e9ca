// Helpers shared by the page builders: template loading, links, and data for the parts every
// page uses (behaviour lists, requirements, pillars, attributes).
#include <memory>

#include "base/text.h"
#include "render/embedded.h"
#include "render/safe_url.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

// Inlines `{{>name}}` partials from web/templates/<name>.mustache. Partials are part of the
// template text, never of the data, so no page content can name one.
std::string InlinePartials(std::string_view name, int depth = 0) {
  const EmbeddedFile* f = FindEmbedded("templates/" + std::string(name) + ".mustache");
  if (!f) return "<!-- missing template " + std::string(name) + " -->";
  std::string out;
  std::string_view t = f->contents;
  size_t pos = 0;
  while (true) {
    size_t open = t.find("{{>", pos);
    if (open == std::string_view::npos || depth > 4) {
      out.append(t.substr(pos));
      break;
    }
    size_t close = t.find("}}", open);
    out.append(t.substr(pos, open - pos));
    std::string partial(text::Trim(t.substr(open + 3, close - open - 3)));
    out += InlinePartials(partial, depth + 1);
    pos = close + 2;
  }
  return out;
}

}  // namespace

std::string RenderTemplate(std::string_view name, const Data& data) {
  // kainjow's render() is not const: each thread keeps its own parsed templates.
  thread_local std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>, std::less<>>
      templates;
  auto it = templates.find(name);
  if (it == templates.end()) {
    it = templates
             .emplace(std::string(name),
                      std::make_unique<kainjow::mustache::mustache>(InlinePartials(name)))
             .first;
  }
  kainjow::mustache::mustache& tmpl = *it->second;
  if (!tmpl.is_valid())
    return "<!-- template " + std::string(name) + ": " + tmpl.error_message() + " -->";
  return tmpl.render(data);
}

std::string RootOf(std::string_view path) {
  std::string root;
  for (char c : path)
    if (c == '/') root += "../";
  return root;
}

std::string Href(std::string_view root, std::string_view target) {
  return SafeUrl(std::string(root) + std::string(target));
}

void Set(Data& object, const std::string& key, Data value) {
  // operator[] would first make an empty object (a map) to assign over; a bool placeholder
  // allocates nothing, and the entry is then reached through get(), like the list below.
  object.set(key, Data(false));
  *const_cast<Data*>(object.get(key)) = std::move(value);
}

void Append(Data& list, Data item) {
  // kainjow offers no mutable access to a list's vector; the vector itself is not const (the
  // data object owns it through a unique_ptr), so appending through the cast is well defined.
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  // kainjow's move constructor is not noexcept, so a growing std::vector would copy every
  // element (and everything nested in it); grow by moving them instead.
  if (items.size() == items.capacity()) {
    kainjow::mustache::list grown;
    grown.reserve(std::max<size_t>(4, 2 * items.size()));
    for (Data& d : items) grown.emplace_back(std::move(d));
    items.swap(grown);
  }
  items.emplace_back(std::move(item));
}

void SetList(Data& d, const std::string& key, Data list) {
  bool empty = list.is_empty_list();
  Set(d, key, std::move(list));
  Set(d, "has_" + key, !empty);
}

Data Text(const std::string& s) { return s.empty() ? Data(false) : Data(s); }

Data List() { return Data(Data::type::list); }
Data Object() { return Data(Data::type::object); }

Data PageData(const Site::Impl& site, std::string_view path, std::string_view title) {
  std::string root = RootOf(path);
  Data d = Object();
  Set(d, "lang", "en");
  Set(d, "title", Text(std::string(title)));
  Set(d, "root", root);
  Set(d, "static_site", site.options.static_site);
  // The server puts the account navigation here (render/app_views.h); the static site has none.
  Set(d, "account_slot", !site.options.static_site);
  Set(d, "home_href", Href(root, "index.html"));
  Set(d, "css_href", Href(root, "static/ladder.css"));
  Set(d, "print_css_href", Href(root, "static/print.css"));
  Set(d, "js_href", Href(root, "static/ladder.js"));
  Set(d, "search_href", Href(root, "search.html"));
  bool any_roles = false;
  for (const FrameworkEntry& fe : site.frameworks) any_roles = any_roles || !fe.roles.empty();
  if (any_roles) Set(d, "roles_href", Href(root, "roles/index.html"));
  return d;
}

Data Behaviours(const Site::Impl& site, const std::vector<std::string>& behaviours) {
  Data list = List();
  for (const std::string& b : behaviours) {
    Data item = Object();
    Set(item, "html", Text(site.InlineHtml(b)));
    Append(list, std::move(item));
  }
  return list;
}

std::string RuleKind(const model::Rule& rule) {
  std::string kind = model::RuleKindName(rule);
  if (kind == "manual") return "manual checkpoint";
  return text::ReplaceAll(kind, "_", " ");
}

Data Requirements(const std::vector<model::Requirement>& requirements) {
  Data list = List();
  for (const model::Requirement& r : requirements) {
    Data item = Object();
    Set(item, "text", r.text);
    Set(item, "rule", RuleKind(r.rule));
    Set(item, "manual", std::holds_alternative<model::ManualRule>(r.rule));
    Append(list, std::move(item));
  }
  return list;
}

std::vector<Group> Groups(const model::Framework& fw) {
  std::vector<Group> groups;
  std::vector<bool> placed(fw.competencies.size(), false);
  for (const model::CompetencyGroup& g : fw.groups) {
    Group group{g.name, g.description, {}};
    for (const std::string& id : g.competencies) {
      for (size_t i = 0; i < fw.competencies.size(); ++i) {
        if (fw.competencies[i].id == id && !placed[i]) {
          placed[i] = true;
          group.competencies.push_back(&fw.competencies[i]);
        }
      }
    }
    groups.push_back(std::move(group));
  }
  Group rest{fw.groups.empty() ? "" : "Other competencies", "", {}};
  for (size_t i = 0; i < fw.competencies.size(); ++i)
    if (!placed[i]) rest.competencies.push_back(&fw.competencies[i]);
  if (!rest.competencies.empty()) groups.push_back(std::move(rest));
  return groups;
}

std::vector<std::string> AttributeKeys(const std::vector<const model::Level*>& levels) {
  std::vector<std::string> keys;
  for (const model::Level* l : levels) {
    if (!l) continue;
    for (const auto& [key, value] : l->attributes)
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

std::string AttributeLabel(std::string_view key) {
  std::string label = text::ReplaceAll(std::string(key), "_", " ");
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = label[0] - 'a' + 'A';
  return label;
}

std::string AttributeValue(const model::Level& level, std::string_view key) {
  for (const auto& [k, v] : level.attributes)
    if (k == key) return v;
  return "";
}

std::string LevelLabel(const model::Level& level) { return level.Label(); }

Page HtmlPage(std::string body, bool published) {
  return Page{"text/html; charset=utf-8", std::move(body), published};
}

}  // namespace ladder::render::internal
