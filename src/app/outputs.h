// What publishing and the documents made from frameworks need from the outside: template files
// and the organisation's leak-check settings (docs/outputs.md, docs/leaks.md), for
// `ladder jd`, `ladder render`, `ladder lint --leaks` and `ladder serve`.
//
// Configuration comes from flags, else the environment:
//   LADDER_JD_TEMPLATE        a job description template for every framework (a file)
//   LADDER_TEMPLATES          the folder where a stored framework's `jd_template` is read
//   LADDER_INTERNAL_DOMAINS   domains the leak check reports as internal (comma-separated)
//   LADDER_ALLOW_LINKS        allow-list entries for the leak check (comma-separated)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/leaks.h"
#include "base/error.h"
#include "model/framework.h"
#include "render/site.h"
#include "storage/store.h"

namespace ladder::app {

struct OutputSettings {
  std::string jd_template;    // a file; "" for the built-in template
  std::string templates_dir;  // where `jd_template` names of stored frameworks are read
  analysis::LeakOptions leaks;

  // The settings of the environment variables above; flags given on the command line replace
  // them (an empty flag keeps the environment's value).
  static OutputSettings FromEnvironment();
};

// "a, b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(std::string_view list);

// Reads template `name` from folder `dir`: `name` must be a relative path that stays inside
// `dir` (model/validate.h checks the framework's field; this checks again, symbolic links
// included). Errors: kInvalidArgument for a path leaving the folder, kIo for a missing or
// unreadable file (naming it), kResourceExhausted over 1 MB.
Result<render::SiteTemplate> ReadTemplate(const std::string& dir, const std::string& name);

// Reads a template file named on the command line or in the configuration (any path).
Result<render::SiteTemplate> ReadTemplateFile(const std::string& path);

// The site's job description templates: `settings.jd_template` for every framework, and for
// each framework that names one its own, read from `dirs[i]` (the folder of the file the i-th
// framework came from; settings.templates_dir when `dirs` is shorter). A template that cannot
// be read is left out with a line in `warnings` (the built-in one serves instead).
render::SiteOptions SiteOptionsFor(const std::vector<model::Framework>& frameworks,
                                   const OutputSettings& settings,
                                   const std::vector<std::string>& dirs,
                                   std::vector<std::string>& warnings);

// The leaks that stop version `version` of framework `id` from being published on a public
// site (empty: it may be published). Errors: the store's (kNotFound for an unknown version).
Result<std::vector<analysis::Leak>> LeaksBeforePublishing(storage::Store& store,
                                                          const std::string& id,
                                                          const std::string& version,
                                                          const analysis::LeakOptions& options);

}  // namespace ladder::app
