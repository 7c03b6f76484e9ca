// Job descriptions and interview guides as documents (docs/outputs.md): Markdown, a whole HTML
// page (`ladder jd`, `ladder interview-guide`), the body of a page of the site, and JSON for
// the API. The content comes from analysis/job_description.h and analysis/interview_guide.h;
// this file only lays it out, with the mustache templates of web/templates (jd.md, jd,
// interview_guide.md, interview_guide) or, for job descriptions, an organisation's own
// template.
//
// Templates see one view model (its keys are listed in docs/outputs.md, so that an
// organisation can write its own): texts as `text` (Markdown as written) and `html` (converted
// in cmark-gfm's safe mode, for {{{html}}}). Markdown output is not HTML-escaped ({{x}} writes
// the text as is); HTML output escapes every {{x}}. Deterministic; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "analysis/interview_guide.h"
#include "analysis/job_description.h"
#include "base/error.h"

namespace ladder::render {

enum class OutputFormat { kMarkdown, kHtml };

// "md" | "markdown" -> kMarkdown, "html" -> kHtml; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// The format an organisation's template writes, from its file name: "*.html.mustache",
// "*.htm.mustache", "*.html" or "*.htm" write HTML, anything else Markdown.
OutputFormat TemplateFormat(std::string_view file_name);

struct OutputOptions {
  OutputFormat format = OutputFormat::kMarkdown;
  // HTML only: a whole page (<!DOCTYPE html>, styles for screen and print inline) rather than
  // the body the site puts into its own page.
  bool standalone = true;
  // Job descriptions only: a mustache template replacing the built-in one (its text, and its
  // name for error messages). It writes `format`.
  std::string template_text;
  std::string template_name;
};

// Options for the built-in templates in `format`.
OutputOptions OptionsFor(OutputFormat format, bool standalone = true);

// Errors: kInvalidArgument when the organisation's template does not parse (its name and the
// mustache message).
Result<std::string> RenderJobDescription(const analysis::JobDescription& jd,
                                         const OutputOptions& options);
std::string RenderInterviewGuide(const analysis::InterviewGuide& guide,
                                 const OutputOptions& options);

// The API's JSON: the fields of the structs, with the Markdown rendering under "markdown".
nlohmann::ordered_json JobDescriptionJson(const analysis::JobDescription& jd);
nlohmann::ordered_json InterviewGuideJson(const analysis::InterviewGuide& guide);

}  // namespace ladder::render
