// Job descriptions and interview guides as documents (outputs.h): the golden Markdown of the
// examples (tests/golden/outputs, shared with tests/cli/outputs_test.sh), HTML that escapes what
// the framework says, an organisation's template, and the JSON of the API.
#include "render/outputs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "formats/canonical.h"

namespace ladder::render {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

model::Framework Example(const char* name) {
  std::string path = std::string(LADDER_SOURCE_DIR) + "/examples/" + name;
  Result<model::Framework> fw = formats::ReadYaml(ReadFile(path), path);
  EXPECT_TRUE(fw) << fw.error().ToString();
  return fw ? *fw : model::Framework{};
}

std::string Golden(const char* name) {
  return ReadFile(std::string(LADDER_SOURCE_DIR) + "/tests/golden/outputs/" + name);
}

TEST(Outputs, GoldenJobDescriptionAndInterviewGuide) {
  model::Framework fw = Example("engineering.yaml");
  Result<analysis::JobDescription> jd = analysis::BuildJobDescription(fw, "E3");
  ASSERT_TRUE(jd);
  Result<std::string> md = RenderJobDescription(*jd, {});
  ASSERT_TRUE(md);
  EXPECT_EQ(*md, Golden("engineering-E3.jd.md"));
  Result<analysis::InterviewGuide> guide = analysis::BuildInterviewGuide(fw, "E3");
  ASSERT_TRUE(guide);
  EXPECT_EQ(RenderInterviewGuide(*guide, {}), Golden("engineering-E3.interview.md"));
}

TEST(Outputs, HtmlEscapesTheFrameworksText) {
  model::Framework fw = Example("engineering.yaml");
  fw.tracks[0].levels[2].title = "Senior <script>alert(1)</script> Engineer";
  fw.tracks[0].levels[2].expectations[0].behaviours.push_back(
      "Ships <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) **well**");
  Result<analysis::JobDescription> jd = analysis::BuildJobDescription(fw, "E3");
  ASSERT_TRUE(jd);
  Result<std::string> html = RenderJobDescription(*jd, OptionsFor(OutputFormat::kHtml));
  ASSERT_TRUE(html);
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("Senior &lt;script&gt;alert(1)&lt;/script&gt; Engineer"), std::string::npos);
  EXPECT_EQ(html->find("<img"), std::string::npos);         // raw HTML is omitted
  EXPECT_EQ(html->find("javascript:"), std::string::npos);  // and such links emptied
  EXPECT_NE(html->find("<strong>well</strong>"), std::string::npos);
  Result<analysis::InterviewGuide> guide = analysis::BuildInterviewGuide(fw, "E3");
  ASSERT_TRUE(guide);
  std::string g = RenderInterviewGuide(*guide, OptionsFor(OutputFormat::kHtml, false));
  EXPECT_EQ(g.find("<script>"), std::string::npos);
  EXPECT_EQ(g.find("<img"), std::string::npos);
  EXPECT_EQ(g.find("<!DOCTYPE"), std::string::npos);  // the body only, for the site's page
}

TEST(Outputs, AnOrganisationsTemplate) {
  model::Framework fw = Example("engineering.yaml");
  Result<analysis::JobDescription> jd = analysis::BuildJobDescription(fw, "E2");
  ASSERT_TRUE(jd);
  OutputOptions md;
  md.template_text = "{{title}} & co: {{#success}}[{{text}}]{{/success}}";
  md.template_name = "acme.md.mustache";
  Result<std::string> out = RenderJobDescription(*jd, md);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->substr(0, 30), "Engineer & co: [Estimates a fe");  // Markdown: not escaped
  OutputOptions html = OptionsFor(OutputFormat::kHtml, false);
  html.template_text = "<h1>{{title}} & co</h1>{{#purpose}}{{{html}}}{{/purpose}}";
  html.template_name = "acme.html.mustache";
  out = RenderJobDescription(*jd, html);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "<h1>Engineer & co</h1><p>Owns features of moderate size from design note to "
            "release.</p>\n");  // cmark ends a paragraph with a line break
  html.template_text = "{{#title}}unclosed";
  out = RenderJobDescription(*jd, html);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().where.file, "acme.html.mustache");
  EXPECT_NE(out.error().message.find("does not parse"), std::string::npos);
  EXPECT_EQ(TemplateFormat("x.HTML.mustache"), OutputFormat::kHtml);
  EXPECT_EQ(TemplateFormat("x.mustache"), OutputFormat::kMarkdown);
}

TEST(Outputs, Json) {
  model::Framework fw = Example("customer-success.yaml");
  Result<analysis::InterviewGuide> guide = analysis::BuildInterviewGuide(fw, "CS1");
  ASSERT_TRUE(guide);
  nlohmann::ordered_json j = InterviewGuideJson(*guide);
  EXPECT_EQ(j["level"]["code"], "CS1");
  EXPECT_TRUE(j["competencies"][0]["rubric"]["below"]["level"].is_null());
  EXPECT_EQ(j["competencies"][0]["rubric"]["below"]["note"],
            "no level below Associate Customer Success Engineer");
  EXPECT_EQ(j["markdown"], RenderInterviewGuide(*guide, {}));
}

}  // namespace
}  // namespace ladder::render
