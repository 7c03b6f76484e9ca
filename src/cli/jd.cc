// `ladder jd FRAMEWORK LEVEL [--role ROLE] [--catalog FILE]... [--format md|html]
//            [--template FILE] [--templates DIR] [-o FILE] [--json]`:
// the job description of a level (analysis/job_description.h, render/outputs.h): purpose,
// responsibilities, requirements and what success looks like, joined with a role profile of the
// framework's catalogue or of --catalog files (by --role, else the role with the level's title).
//
// The template: --template FILE, else $LADDER_JD_TEMPLATE, else the framework's `jd_template`
// (relative to the framework file's folder; for stored:ID frameworks, to --templates DIR or
// $LADDER_TEMPLATES), else the built-in one. A template writes the format its name says
// (*.html.mustache: HTML, else Markdown); --format defaults to it, and asking another format
// than the template's is an error. HTML is a whole page with print styles.
// --json prints the API's JSON (render::JobDescriptionJson) instead.
// Exit status: 0 written, 2 bad input (unreadable framework or template, unknown level or role).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/job_description.h"
#include "app/outputs.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/framework_file.h"
#include "render/outputs.h"

namespace ladder::cli {
namespace {

struct JdOptions {
  std::string framework;
  std::string level;
  std::string role;
  std::vector<std::string> catalogs;
  std::string format;
  std::string template_file;
  std::string templates_dir;
  std::string out;
  std::string database;
  bool json = false;
};

// The template that applies, or an empty one for the built-in template.
Result<render::SiteTemplate> ChooseTemplate(const JdOptions& o, const model::Framework& fw) {
  app::OutputSettings env = app::OutputSettings::FromEnvironment();
  std::string file = !o.template_file.empty() ? o.template_file : env.jd_template;
  if (!file.empty()) return app::ReadTemplateFile(file);
  if (fw.jd_template.empty()) return render::SiteTemplate{};
  std::string dir;
  if (text::StartsWith(o.framework, kStoredPrefix)) {
    dir = !o.templates_dir.empty() ? o.templates_dir : env.templates_dir;
    if (dir.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "framework '" + fw.id + "' names the template '" + fw.jd_template +
                           "': say where templates are with --templates DIR (or "
                           "LADDER_TEMPLATES), or give --template FILE",
                       {}, "--templates");
  } else {
    dir = std::filesystem::path(o.framework).parent_path().string();
  }
  return app::ReadTemplate(dir, fw.jd_template);
}

Result<int> RunJd(const JdOptions& o) {
  Result<model::Framework> fw = LoadFramework(o.framework, true, o.database);
  if (!fw) return Fail(fw.error());
  std::vector<model::Framework> catalogs;
  for (const std::string& file : o.catalogs) {
    Result<model::Framework> c = LoadFramework(file, true, o.database);
    if (!c) return Fail(c.error());
    catalogs.push_back(std::move(*c));
  }
  std::vector<const model::RoleProfile*> roles;
  for (const model::Framework& c : catalogs)
    for (const model::RoleProfile& r : c.roles) roles.push_back(&r);
  Result<analysis::JobDescription> jd = analysis::BuildJobDescription(*fw, o.level, o.role, roles);
  if (!jd) {
    Error e = jd.error();
    e.field = e.field == "role" ? "--role" : "LEVEL";
    return Fail(e);
  }
  std::string text;
  if (o.json) {
    text = render::JobDescriptionJson(*jd).dump(2) + "\n";
  } else {
    Result<render::SiteTemplate> tmpl = ChooseTemplate(o, *fw);
    if (!tmpl) return Fail(tmpl.error());
    render::OutputOptions options;
    options.format =
        tmpl->text.empty() ? render::OutputFormat::kMarkdown : render::TemplateFormat(tmpl->name);
    if (!o.format.empty()) {
      render::OutputFormat asked = *render::ParseOutputFormat(o.format);
      if (!tmpl->text.empty() && asked != options.format)
        return Fail(
            Error{ErrorCode::kInvalidArgument,
                  "the template " + tmpl->name + " writes " +
                      (options.format == render::OutputFormat::kHtml ? "HTML" : "Markdown") +
                      ", not " + o.format + " (a template named *.html.mustache writes HTML)",
                  {},
                  "--format"});
      options.format = asked;
    }
    options.template_text = tmpl->text;
    options.template_name = tmpl->name;
    Result<std::string> rendered = render::RenderJobDescription(*jd, options);
    if (!rendered) return Fail(rendered.error());
    text = std::move(*rendered);
  }
  if (o.out.empty() || o.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(o.out, text);
  if (!written) return Fail(written.error());
  return kExitOk;
}

void SetUpJd(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "jd",
      "Write the job description of a level: purpose, responsibilities (cumulative when the\n"
      "framework is), requirements and what success looks like, joined with a role profile.");
  auto o = std::make_shared<JdOptions>();
  cmd->add_option("framework", o->framework,
                  "Framework file (canonical YAML, or .json), or stored:ID[@VERSION]")
      ->required();
  cmd->add_option("level", o->level, "The level: CODE, or TRACK/CODE when tracks share codes")
      ->required();
  cmd->add_option("--role", o->role,
                  "A role profile (id or title) of the framework's catalogue or of --catalog; "
                  "default: the role whose title is the level's, if any");
  cmd->add_option("--catalog", o->catalogs, "Another framework file holding a role catalogue");
  cmd->add_option("--format", o->format, "md (default) or html (a whole page)")
      ->check(CLI::IsMember({"md", "markdown", "html"}));
  cmd->add_option("--template", o->template_file,
                  "A mustache template replacing the built-in one (*.html.mustache writes "
                  "HTML); default: $LADDER_JD_TEMPLATE, else the framework's jd_template");
  cmd->add_option("--templates", o->templates_dir,
                  "Folder of the jd_template of stored frameworks (default: $LADDER_TEMPLATES)");
  cmd->add_option("-o,--output", o->out, "Write to this file instead of standard output");
  cmd->add_flag("--json", o->json, "Print the job description as JSON (as the API does)");
  AddDatabaseOption(cmd, o->database);
  runs.push_back({cmd, [o] { return RunJd(*o); }});
}

}  // namespace

LADDER_COMMAND(45, SetUpJd);

}  // namespace ladder::cli
