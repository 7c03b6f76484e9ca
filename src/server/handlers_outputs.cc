// Job descriptions and interview guides in the JSON API, and the leak check before publishing
// on a public site (docs/outputs.md, docs/leaks.md). The pages of both documents are pages of
// the published site (render/site.h), linked from each level page.
#include "analysis/interview_guide.h"
#include "analysis/job_description.h"
#include "render/outputs.h"
#include "server/exchange.h"

namespace ladder::server::internal {
namespace {

// The level named by the path and ?track=, in the version named by ?version= (the latest
// published when absent).
std::string LevelRef(const Exchange& x) {
  std::string track = x.Query("track"), level = x.Param("level");
  return track.empty() ? level : track + "/" + level;
}

// Roles of the other published frameworks: a job description joins a profile of any
// catalogue the site shows.
std::vector<const model::RoleProfile*> Catalogue(const render::Site* site,
                                                 const std::string& framework) {
  std::vector<const model::RoleProfile*> roles;
  if (site == nullptr) return roles;
  for (const model::Framework* f : site->Frameworks())
    if (f->id != framework)
      for (const model::RoleProfile& r : f->roles) roles.push_back(&r);
  return roles;
}

// Answers in the format asked: JSON (default), Markdown, or a whole HTML page.
Status SendDocument(Exchange& x, const nlohmann::ordered_json& json, const std::string& markdown,
                    const std::string& html) {
  const std::string format = x.Query("format");
  x.res.status = 200;
  x.res.set_header("Cache-Control", "no-store");
  if (format == "md" || format == "markdown") {
    x.res.set_content(markdown, "text/markdown; charset=utf-8");
  } else if (format == "html") {
    x.res.set_content(html, "text/html; charset=utf-8");
  } else if (format.empty() || format == "json") {
    x.res.set_content(json.dump(2) + "\n", "application/json; charset=utf-8");
  } else {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "format '" + format + "' is not one of json, md, html",
                      {},
                      "format"});
  }
  return Ok();
}

}  // namespace

app::OutputSettings OutputSettingsOf(const ServerOptions& options) {
  app::OutputSettings s;
  s.jd_template = options.jd_template;
  s.templates_dir = options.templates_dir;
  s.leaks.internal_domains = options.internal_domains;
  s.leaks.allow = options.allow_links;
  return s;
}

Result<std::vector<analysis::Leak>> LeaksStopPublishing(Exchange& x, const std::string& framework,
                                                        const std::string& version) {
  if (!x.services.options.public_frameworks) return std::vector<analysis::Leak>{};
  return app::LeaksBeforePublishing(x.services.store, framework, version,
                                    OutputSettingsOf(x.services.options).leaks);
}

void SendLeaksProblem(Exchange& x, const std::vector<analysis::Leak>& leaks) {
  Json list = Json::array();
  for (const analysis::Leak& l : leaks)
    list.push_back({{"kind", analysis::LeakKindName(l.kind)},
                    {"text", l.text},
                    {"host", l.host},
                    {"field", l.field},
                    {"message", l.message}});
  Json p = {{"type", "urn:ladder:error:leaks"},
            {"title", "Unprocessable Content"},
            {"status", 422},
            {"detail", std::to_string(leaks.size()) +
                           " link(s) must not reach the public site; nothing was published. "
                           "Remove them or add them to the framework's allow_links."},
            {"instance", x.req.path},
            {"leaks", std::move(list)}};
  x.res.status = 422;
  x.res.set_header("Cache-Control", "no-store");
  x.res.set_content(p.dump(2) + "\n", "application/problem+json");
}

Status ApiJobDescription(Exchange& x) {
  Result<model::Framework> fw = VisibleFramework(x, x.Param("framework"), x.Query("version"));
  if (!fw) return Fail(fw.error());
  std::shared_ptr<const render::Site> site = x.services.Site();
  Result<analysis::JobDescription> jd = analysis::BuildJobDescription(
      *fw, LevelRef(x), x.Query("role"), Catalogue(site.get(), fw->id));
  if (!jd) return Fail(jd.error());
  // The organisation's template shapes the Markdown or HTML it writes; JSON is the data.
  app::OutputSettings settings = OutputSettingsOf(x.services.options);
  std::vector<std::string> warnings;
  render::SiteOptions templates = app::SiteOptionsFor({*fw}, settings, {}, warnings);
  const render::SiteTemplate* t = templates.jd_templates.contains(fw->id)
                                      ? &templates.jd_templates.at(fw->id)
                                      : &templates.jd_template;
  auto rendered = [&](render::OutputFormat format) {
    render::OutputOptions o = render::OptionsFor(format);
    if (!t->text.empty() && render::TemplateFormat(t->name) == format) {
      o.template_text = t->text;
      o.template_name = t->name;
    }
    Result<std::string> r = render::RenderJobDescription(*jd, o);
    return r ? *r : std::string();
  };
  return SendDocument(x, render::JobDescriptionJson(*jd), rendered(render::OutputFormat::kMarkdown),
                      rendered(render::OutputFormat::kHtml));
}

Status ApiInterviewGuide(Exchange& x) {
  Result<model::Framework> fw = VisibleFramework(x, x.Param("framework"), x.Query("version"));
  if (!fw) return Fail(fw.error());
  Result<analysis::InterviewGuide> guide = analysis::BuildInterviewGuide(*fw, LevelRef(x));
  if (!guide) return Fail(guide.error());
  return SendDocument(
      x, render::InterviewGuideJson(*guide),
      render::RenderInterviewGuide(*guide, render::OptionsFor(render::OutputFormat::kMarkdown)),
      render::RenderInterviewGuide(*guide, render::OptionsFor(render::OutputFormat::kHtml)));
}

}  // namespace ladder::server::internal
