// The job description and the interview guide of a level, as pages of the site (render/site.h):
// the documents of render/outputs.h inside the site's layout, linked from the level page.
#include "analysis/interview_guide.h"
#include "analysis/job_description.h"
#include "render/outputs.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

// The data of the page around a document: crumbs, the level's documents, the print button.
Data OutputPage(const Site::Impl& site, const FrameworkEntry& fe, size_t index,
                std::string_view path, const std::string& title, bool jd) {
  const LevelEntry& le = fe.levels[index];
  const std::string root = RootOf(path);
  Data d = PageData(site, path, title);
  Set(d, "outputs_css_href", Href(root, "static/outputs.css"));
  Set(d, "fw_href", Href(root, fe.Dir() + "index.html"));
  Set(d, "fw_name", fe.fw.DisplayName());
  Set(d, "track", le.track->DisplayName());
  Set(d, "level_href", Href(root, le.path));
  Set(d, "level_label", LevelLabel(*le.level));
  Set(d, "jd_href", Href(root, JdPath(le)));
  Set(d, "guide_href", Href(root, GuidePath(le)));
  Set(d, "is_jd", jd);
  Set(d, "is_guide", !jd);
  return d;
}

// Roles of every catalogue the site shows except `fe`'s own (the framework's roles are looked
// up first).
std::vector<const model::RoleProfile*> OtherRoles(const Site::Impl& site,
                                                  const FrameworkEntry& fe) {
  std::vector<const model::RoleProfile*> roles;
  for (const FrameworkEntry& other : site.frameworks)
    if (&other != &fe)
      for (const model::RoleProfile& r : other.fw.roles) roles.push_back(&r);
  return roles;
}

}  // namespace

std::string JdPath(const LevelEntry& le) { return le.stem + "/job-description.html"; }

Data LeaksData(const std::vector<analysis::Leak>* leaks) {
  Data list = List();
  if (leaks == nullptr) return list;
  for (const analysis::Leak& l : *leaks) {
    Data d = Object();
    Set(d, "kind", analysis::LeakKindName(l.kind));
    Set(d, "text", l.text);
    Set(d, "field", l.field);
    Set(d, "message", l.message);
    Append(list, std::move(d));
  }
  return list;
}

std::string GuidePath(const LevelEntry& le) { return le.stem + "/interview-guide.html"; }

Result<Page> JobDescriptionPage(const Site::Impl& site, const FrameworkEntry& fe, size_t index,
                                std::string_view path, std::string_view role) {
  const LevelEntry& le = fe.levels[index];
  const std::vector<const model::RoleProfile*> catalogue = OtherRoles(site, fe);
  LADDER_TRY(
      analysis::JobDescription jd,
      analysis::BuildJobDescription(fe.fw, le.track->id + "/" + le.level->code, role, catalogue));
  OutputOptions options = OptionsFor(OutputFormat::kHtml, false);
  // The organisation's template, when it writes HTML (a Markdown one serves `ladder jd`).
  auto own = site.options.jd_templates.find(fe.fw.id);
  const SiteTemplate* t = own != site.options.jd_templates.end()  ? &own->second
                          : site.options.jd_template.text.empty() ? nullptr
                                                                  : &site.options.jd_template;
  if (t != nullptr && TemplateFormat(t->name) == OutputFormat::kHtml) {
    options.template_text = t->text;
    options.template_name = t->name;
  }
  LADDER_TRY(std::string body, RenderJobDescription(jd, options));
  Data d =
      OutputPage(site, fe, index, path, "Job description: " + jd.title + " — " + fe.fw.name, true);
  Data roles = List();
  std::vector<const model::RoleProfile*> all;
  for (const model::RoleProfile& r : fe.fw.roles) all.push_back(&r);
  all.insert(all.end(), catalogue.begin(), catalogue.end());
  for (const model::RoleProfile* r : all) {
    Data item = Object();
    Set(item, "id", r->id);
    Set(item, "title", r->title);
    Set(item, "selected", r->id == jd.role_id);
    Append(roles, std::move(item));
  }
  SetList(d, "roles", std::move(roles));
  Set(d, "body", body);
  // A page for a role asked in the query is not the published page (it is not cached).
  return HtmlPage(RenderTemplate("output_page", d), fe.Published() && role.empty());
}

Result<Page> InterviewGuidePage(const Site::Impl& site, const FrameworkEntry& fe, size_t index,
                                std::string_view path) {
  const LevelEntry& le = fe.levels[index];
  LADDER_TRY(analysis::InterviewGuide guide,
             analysis::BuildInterviewGuide(fe.fw, le.track->id + "/" + le.level->code));
  Data d = OutputPage(site, fe, index, path,
                      "Interview guide: " + LevelLabel(*le.level) + " — " + fe.fw.name, false);
  SetList(d, "roles", List());
  Set(d, "body", RenderInterviewGuide(guide, OptionsFor(OutputFormat::kHtml, false)));
  return HtmlPage(RenderTemplate("output_page", d), fe.Published());
}

}  // namespace ladder::render::internal
