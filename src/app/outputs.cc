#include "app/outputs.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/text.h"
#include "render/outputs.h"

namespace ladder::app {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxTemplateBytes = uintmax_t{1} << 20;

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

std::vector<std::string> SplitList(std::string_view list) {
  std::vector<std::string> out;
  for (const std::string& part : text::Split(list, ','))
    if (!text::Trim(part).empty()) out.emplace_back(text::Trim(part));
  return out;
}

OutputSettings OutputSettings::FromEnvironment() {
  OutputSettings s;
  s.jd_template = Env("LADDER_JD_TEMPLATE");
  s.templates_dir = Env("LADDER_TEMPLATES");
  s.leaks.internal_domains = SplitList(Env("LADDER_INTERNAL_DOMAINS"));
  s.leaks.allow = SplitList(Env("LADDER_ALLOW_LINKS"));
  return s;
}

Result<render::SiteTemplate> ReadTemplateFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return MakeError(ErrorCode::kIo, "no such template file", {path, 0, 0});
  if (fs::file_size(path, ec) > kMaxTemplateBytes)
    return MakeError(ErrorCode::kResourceExhausted, "the template is over 1 MB", {path, 0, 0});
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof())
    return MakeError(ErrorCode::kIo, "cannot read the template", {path, 0, 0});
  if (!text::IsValidUtf8(text))
    return MakeError(ErrorCode::kInvalidArgument, "the template is not UTF-8", {path, 0, 0});
  return render::SiteTemplate{path, std::move(text)};
}

Result<render::SiteTemplate> ReadTemplate(const std::string& dir, const std::string& name) {
  const fs::path base = fs::path(dir.empty() ? "." : dir);
  const fs::path relative(name);
  bool inside = !name.empty() && relative.is_relative() && !relative.has_root_name();
  for (const fs::path& part : relative) inside = inside && part != "..";
  std::error_code ec;
  // Symbolic links are followed before deciding: a link inside the folder to a file outside
  // it does not make that file a template.
  const fs::path root = fs::weakly_canonical(base, ec);
  const fs::path file = fs::weakly_canonical(base / relative, ec);
  if (inside) {
    auto [r, f] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    inside = r == root.end();
  }
  if (!inside)
    return MakeError(ErrorCode::kInvalidArgument,
                     "jd_template '" + name + "' leaves the templates folder " + base.string(), {},
                     "framework.jd_template");
  return ReadTemplateFile(file.string());
}

render::SiteOptions SiteOptionsFor(const std::vector<model::Framework>& frameworks,
                                   const OutputSettings& settings,
                                   const std::vector<std::string>& dirs,
                                   std::vector<std::string>& warnings) {
  render::SiteOptions options;
  if (!settings.jd_template.empty()) {
    Result<render::SiteTemplate> t = ReadTemplateFile(settings.jd_template);
    if (t)
      options.jd_template = std::move(*t);
    else
      warnings.push_back(t.error().ToString());
  }
  for (size_t i = 0; i < frameworks.size(); ++i) {
    const model::Framework& fw = frameworks[i];
    // The pages use HTML templates only: a Markdown one is for `ladder jd`.
    if (fw.jd_template.empty() || options.jd_templates.contains(fw.id) ||
        render::TemplateFormat(fw.jd_template) != render::OutputFormat::kHtml)
      continue;
    const std::string& dir = i < dirs.size() ? dirs[i] : settings.templates_dir;
    Result<render::SiteTemplate> t = ReadTemplate(dir, fw.jd_template);
    if (t)
      options.jd_templates[fw.id] = std::move(*t);
    else
      warnings.push_back(fw.id + ": " + t.error().ToString() + "; its job descriptions use the " +
                         "built-in template");
  }
  return options;
}

Result<std::vector<analysis::Leak>> LeaksBeforePublishing(storage::Store& store,
                                                          const std::string& id,
                                                          const std::string& version,
                                                          const analysis::LeakOptions& options) {
  LADDER_TRY(model::Framework fw, store.GetFramework(id, version));
  std::vector<analysis::Leak> leaks = analysis::FindLeaks(fw, options);
  std::erase_if(leaks, [](const analysis::Leak& l) { return l.allowed; });
  return leaks;
}

}  // namespace ladder::app
