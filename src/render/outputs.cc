#include "render/outputs.h"

#include "base/text.h"
#include "render/embedded.h"
#include "render/markdown.h"
#include "render/site_internal.h"

namespace ladder::render {
namespace {

using internal::Append;
using internal::Data;
using internal::List;
using internal::Object;
using internal::Set;
using internal::SetList;
using internal::Text;

std::string Embedded(std::string_view name) {
  const EmbeddedFile* f = FindEmbedded(name);
  return f ? std::string(f->contents) : std::string();
}

// Renders `source` with `data`: Markdown unescaped, HTML escaped.
Result<std::string> Fill(const std::string& source, std::string_view name, const Data& data,
                         OutputFormat format) {
  kainjow::mustache::mustache tmpl(source);
  if (!tmpl.is_valid())
    return MakeError(ErrorCode::kInvalidArgument,
                     "the template does not parse: " + tmpl.error_message(),
                     SourceLocation{std::string(name), 0, 0});
  if (format == OutputFormat::kMarkdown)
    tmpl.set_custom_escape([](const std::string& s) { return s; });
  return tmpl.render(data);
}

// A Markdown text for templates: {text, html}.
Data TextItem(const std::string& markdown, bool block = false) {
  Data d = Object();
  Set(d, "text", markdown);
  Set(d, "html", block ? MarkdownToHtml(markdown) : InlineMarkdownToHtml(markdown));
  return d;
}

Data TextItems(const std::vector<std::string>& items) {
  Data list = List();
  for (const std::string& i : items) Append(list, TextItem(i));
  return list;
}

Data Attributes(const std::vector<std::pair<std::string, std::string>>& attributes) {
  Data list = List();
  for (const auto& [label, value] : attributes) {
    Data a = Object();
    Set(a, "label", label);
    Set(a, "value", value);
    Set(a, "value_html", MarkdownToHtml(value));
    Append(list, std::move(a));
  }
  return list;
}

Data Header(const std::string& fw_id, const std::string& fw_name, const std::string& version,
            const std::string& track_id, const std::string& track_name, const std::string& code,
            const std::string& title) {
  Data d = Object();
  Data fw = Object();
  Set(fw, "id", fw_id);
  Set(fw, "name", fw_name);
  Set(fw, "version", Text(version));
  Set(d, "framework", std::move(fw));
  Data track = Object();
  Set(track, "id", track_id);
  Set(track, "name", track_name);
  Set(d, "track", std::move(track));
  Data level = Object();
  Set(level, "code", code);
  Set(level, "title", Text(title));
  Set(level, "label", title.empty() || title == code ? code : code + " · " + title);
  Set(d, "level", std::move(level));
  return d;
}

Data JdData(const analysis::JobDescription& jd) {
  Data d = Header(jd.framework_id, jd.framework_name, jd.version, jd.track_id, jd.track_name,
                  jd.level_code, jd.level_title);
  Set(d, "title", jd.title);
  if (jd.role_id.empty()) {
    Set(d, "role", false);
  } else {
    Data role = Object();
    Set(role, "id", jd.role_id);
    Set(role, "title", jd.role_title);
    Set(role, "family", Text(jd.family));
    Set(role, "seniority", Text(jd.seniority));
    Set(d, "role", std::move(role));
  }
  Data purpose = List();
  for (const std::string& p : jd.purpose) Append(purpose, TextItem(p, true));
  SetList(d, "purpose", std::move(purpose));
  Data groups = List();
  for (const analysis::JdGroup& g : jd.responsibilities) {
    Data group = Object();
    Set(group, "heading", Text(g.heading));
    Set(group, "items", TextItems(g.items));
    Append(groups, std::move(group));
  }
  SetList(d, "responsibilities", std::move(groups));
  SetList(d, "attributes", Attributes(jd.attributes));
  SetList(d, "requirements", TextItems(jd.requirements));
  Set(d, "has_requirements_section", !jd.attributes.empty() || !jd.requirements.empty());
  SetList(d, "success", TextItems(jd.success));
  Set(d, "next_level", Text(jd.next_level));
  return d;
}

// A rubric cell of the Markdown table: one line, items separated by <br>, pipes escaped.
std::string MarkdownCell(const analysis::RubricAnchor& a) {
  std::vector<std::string> parts;
  for (const std::string& b : a.behaviours)
    parts.push_back(text::ReplaceAll(text::CollapseSpace(b), "|", "\\|"));
  if (parts.empty()) parts.push_back("*" + text::ReplaceAll(a.note, "|", "\\|") + "*");
  return text::Join(parts, "<br>");
}

Data Anchor(const analysis::RubricAnchor& a, std::string_view fallback) {
  Data d = Object();
  Set(d, "title", a.level_title.empty() ? std::string(fallback) : a.level_title);
  Set(d, "code", Text(a.level_code));
  SetList(d, "behaviours", TextItems(a.behaviours));
  Set(d, "note", Text(a.note));
  Set(d, "cell", MarkdownCell(a));
  return d;
}

Data GuideData(const analysis::InterviewGuide& g) {
  Data d = Header(g.framework_id, g.framework_name, g.version, g.track_id, g.track_name,
                  g.level_code, g.level_title);
  Set(d, "summary", Text(g.summary));
  Set(d, "summary_html", Text(g.summary.empty() ? "" : InlineMarkdownToHtml(g.summary)));
  SetList(d, "attributes", Attributes(g.attributes));
  Data competencies = List();
  for (const analysis::GuideCompetency& c : g.competencies) {
    Data cd = Object();
    Set(cd, "id", text::Slugify(c.id));
    Set(cd, "name", c.name);
    Set(cd, "description", Text(c.description));
    Set(cd, "undefined", c.undefined);
    Set(cd, "note", Text(c.note));
    SetList(cd, "probe", TextItems(c.probe));
    Data questions = List();
    for (const analysis::GuideQuestion& q : c.questions) {
      Data qd = Object();
      Set(qd, "question", q.question);
      Set(qd, "behaviour", q.behaviour);
      Append(questions, std::move(qd));
    }
    SetList(cd, "questions", std::move(questions));
    Set(cd, "below", Anchor(c.below, "Below"));
    Set(cd, "at", Anchor(c.at, g.level_title));
    Set(cd, "above", Anchor(c.above, "Above"));
    Append(competencies, std::move(cd));
  }
  SetList(d, "competencies", std::move(competencies));
  return d;
}

// A whole HTML page around a body, with the styles of web/static/outputs.css inline.
std::string Standalone(const std::string& title, const std::string& body) {
  Data d = Object();
  Set(d, "title", title);
  Set(d, "css", Embedded("static/outputs.css"));
  Set(d, "body", body);
  Result<std::string> page = Fill(Embedded("templates/output_document.mustache"), "output_document",
                                  d, OutputFormat::kHtml);
  return page ? *page : body;
}

// Markdown with at most one blank line in a row and one final line break: the mustache engine
// leaves a blank line where a section that is not shown stood on lines of its own.
std::string TidyMarkdown(std::string md) {
  std::string out;
  out.reserve(md.size());
  int newlines = 0;
  for (char c : md) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) out += c;
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

std::string Builtin(std::string_view name, const Data& d, OutputFormat format) {
  Result<std::string> out =
      Fill(Embedded("templates/" + std::string(name) + ".mustache"), name, d, format);
  if (!out) return "<!-- template " + std::string(name) + ": " + out.error().message + " -->";
  return format == OutputFormat::kMarkdown ? TidyMarkdown(std::move(*out)) : *out;
}

}  // namespace

OutputOptions OptionsFor(OutputFormat format, bool standalone) {
  OutputOptions o;
  o.format = format;
  o.standalone = standalone;
  return o;
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return OutputFormat::kMarkdown;
  if (name == "html") return OutputFormat::kHtml;
  return std::nullopt;
}

OutputFormat TemplateFormat(std::string_view file_name) {
  std::string lower = text::ToLower(file_name);
  for (std::string_view ending : {".html.mustache", ".htm.mustache", ".html", ".htm"})
    if (lower.ends_with(ending)) return OutputFormat::kHtml;
  return OutputFormat::kMarkdown;
}

Result<std::string> RenderJobDescription(const analysis::JobDescription& jd,
                                         const OutputOptions& options) {
  const Data d = JdData(jd);
  std::string body;
  if (!options.template_text.empty()) {
    LADDER_TRY(body, Fill(options.template_text, options.template_name, d, options.format));
  } else {
    body = Builtin(options.format == OutputFormat::kMarkdown ? "jd.md" : "jd", d, options.format);
  }
  if (options.format == OutputFormat::kHtml && options.standalone)
    return Standalone(jd.title + " — " + jd.framework_name, body);
  return body;
}

std::string RenderInterviewGuide(const analysis::InterviewGuide& guide,
                                 const OutputOptions& options) {
  const Data d = GuideData(guide);
  if (options.format == OutputFormat::kMarkdown)
    return Builtin("interview_guide.md", d, OutputFormat::kMarkdown);
  std::string body = Builtin("interview_guide", d, OutputFormat::kHtml);
  if (!options.standalone) return body;
  return Standalone("Interview guide: " + guide.level_title + " — " + guide.framework_name, body);
}

nlohmann::ordered_json JobDescriptionJson(const analysis::JobDescription& jd) {
  using J = nlohmann::ordered_json;
  J j;
  j["framework"] = {{"id", jd.framework_id}, {"name", jd.framework_name}, {"version", jd.version}};
  j["track"] = {{"id", jd.track_id}, {"name", jd.track_name}};
  j["level"] = {{"code", jd.level_code}, {"title", jd.level_title}};
  j["role"] = jd.role_id.empty() ? J(nullptr)
                                 : J{{"id", jd.role_id},
                                     {"title", jd.role_title},
                                     {"family", jd.family},
                                     {"seniority", jd.seniority}};
  j["title"] = jd.title;
  j["purpose"] = jd.purpose;
  j["responsibilities"] = J::array();
  for (const analysis::JdGroup& g : jd.responsibilities)
    j["responsibilities"].push_back({{"heading", g.heading}, {"items", g.items}});
  j["attributes"] = J::array();
  for (const auto& [label, value] : jd.attributes)
    j["attributes"].push_back({{"label", label}, {"value", value}});
  j["requirements"] = jd.requirements;
  j["success"] = jd.success;
  j["next_level"] = jd.next_level.empty() ? J(nullptr) : J(jd.next_level);
  Result<std::string> md = RenderJobDescription(jd, {});
  j["markdown"] = md ? *md : "";
  return j;
}

nlohmann::ordered_json InterviewGuideJson(const analysis::InterviewGuide& guide) {
  using J = nlohmann::ordered_json;
  auto anchor = [](const analysis::RubricAnchor& a) {
    return J{{"level", a.level_code.empty() ? J(nullptr) : J(a.level_code)},
             {"title", a.level_title},
             {"behaviours", a.behaviours},
             {"note", a.note}};
  };
  J j;
  j["framework"] = {
      {"id", guide.framework_id}, {"name", guide.framework_name}, {"version", guide.version}};
  j["track"] = {{"id", guide.track_id}, {"name", guide.track_name}};
  j["level"] = {{"code", guide.level_code}, {"title", guide.level_title}};
  j["competencies"] = J::array();
  for (const analysis::GuideCompetency& c : guide.competencies) {
    J questions = J::array();
    for (const analysis::GuideQuestion& q : c.questions)
      questions.push_back({{"question", q.question}, {"behaviour", q.behaviour}});
    j["competencies"].push_back(
        {{"id", c.id},
         {"name", c.name},
         {"undefined", c.undefined},
         {"note", c.note},
         {"probe", c.probe},
         {"questions", std::move(questions)},
         {"rubric",
          {{"below", anchor(c.below)}, {"at", anchor(c.at)}, {"above", anchor(c.above)}}}});
  }
  j["markdown"] = RenderInterviewGuide(guide, {});
  return j;
}

}  // namespace ladder::render
