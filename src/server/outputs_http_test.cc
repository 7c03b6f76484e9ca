// Job descriptions, interview guides and the leak check over real HTTP: the pages linked from a
// level page, the JSON API and its Markdown and HTML forms, an organisation's template, and
// publishing on a public site refused (web and API) while a draft carries internal links, with
// the links shown before anyone publishes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

class OutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("outputs");
    testing::BuildOrganisation(db_);
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
    for (const std::string& f : files_) fs::remove_all(f);
  }
  void Start(ServerOptions options = TestServer::Quiet()) {
    server_ = std::make_unique<TestServer>(db_, options);
    hr_ = testing::SignIn(*server_, "hr");
    emp_ = testing::SignIn(*server_, "emp");
  }
  httplib::Result Get(const std::string& path, const Session& who) {
    return server_->Client().Get(path, {{"Cookie", who.cookie}});
  }
  // A draft eng@`version` whose L2 says `behaviour`, with `allow` as its allow-list.
  void SaveDraft(const std::string& version, const std::string& behaviour,
                 std::vector<std::string> allow = {}) {
    model::Framework f = testing::TestFramework();
    f.version = version;
    f.tracks[0].levels[1].expectations[0].behaviours.push_back(behaviour);
    f.allow_links = std::move(allow);
    ASSERT_TRUE(server_->store().SaveDraft("test", f));
  }
  std::string Status(const std::string& version) {
    auto versions = server_->store().ListVersions("eng");
    for (const storage::VersionInfo& v : *versions)
      if (v.version == version) return model::FrameworkStatusName(v.status);
    return "missing";
  }
  std::string TempFile(const std::string& name, const std::string& text) {
    std::string dir = testing::TempPath("templates");
    fs::create_directories(dir);
    files_.push_back(dir);
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  }

  std::string db_;
  std::vector<std::string> files_;
  std::unique_ptr<TestServer> server_;
  Session hr_, emp_;
};

TEST_F(OutputsTest, LevelPageLinksToItsJobDescriptionAndInterviewGuide) {
  Start();
  auto level = Get("/f/eng/ic/l2.html", emp_);
  ASSERT_EQ(level->status, 200);
  EXPECT_NE(level->body.find("href=\"../../../f/eng/ic/l2/job-description.html\""),
            std::string::npos);
  EXPECT_NE(level->body.find("href=\"../../../f/eng/ic/l2/interview-guide.html\""),
            std::string::npos);

  auto jd = Get("/f/eng/ic/l2/job-description.html", emp_);
  ASSERT_EQ(jd->status, 200);
  EXPECT_NE(jd->body.find("<h1 id=\"jd-title\">Engineer 2</h1>"), std::string::npos);
  EXPECT_NE(jd->body.find("<li>Does delivery at level 2</li>"), std::string::npos);
  EXPECT_NE(jd->body.find("<li>A year at L1</li>"), std::string::npos);  // a requirement
  EXPECT_NE(jd->body.find("static/outputs.css"), std::string::npos);
  EXPECT_NE(jd->body.find("data-print"), std::string::npos);

  auto guide = Get("/f/eng/ic/l2/interview-guide.html", emp_);
  ASSERT_EQ(guide->status, 200);
  EXPECT_NE(guide->body.find("Interview guide: L2 · Engineer 2"), std::string::npos);
  EXPECT_NE(guide->body.find("Below: Engineer 1"), std::string::npos);
  EXPECT_NE(guide->body.find("Above: Engineer 3"), std::string::npos);
  EXPECT_NE(guide->body.find("Tell us about a time you had to do delivery at level 2."),
            std::string::npos);

  // Not signed in and the frameworks are not public: no page.
  auto anonymous = server_->Client().Get("/f/eng/ic/l2/job-description.html");
  EXPECT_NE(anonymous->status, 200);
  EXPECT_EQ(Get("/f/eng/ic/l9/job-description.html", emp_)->status, 404);
}

TEST_F(OutputsTest, ApiServesJsonMarkdownAndHtml) {
  Start();
  auto json = Get("/api/v1/frameworks/eng/levels/L2/jd", emp_);
  ASSERT_EQ(json->status, 200);
  auto j = nlohmann::json::parse(json->body);
  EXPECT_EQ(j["title"], "Engineer 2");
  EXPECT_EQ(j["level"]["code"], "L2");
  EXPECT_TRUE(j["role"].is_null());
  ASSERT_EQ(j["responsibilities"].size(), 3u);
  EXPECT_EQ(j["responsibilities"][0]["heading"], "Delivery");
  EXPECT_EQ(j["requirements"][0], "A year at L1");
  EXPECT_EQ(j["next_level"], "Engineer 3");
  EXPECT_EQ(j["markdown"].get<std::string>().rfind("# Engineer 2\n", 0), 0u);

  auto md = Get("/api/v1/frameworks/eng/levels/L2/jd?format=md", emp_);
  ASSERT_EQ(md->status, 200);
  EXPECT_EQ(md->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(md->body, j["markdown"].get<std::string>());
  auto html = Get("/api/v1/frameworks/eng/levels/L2/interview-guide?format=html", emp_);
  ASSERT_EQ(html->status, 200);
  EXPECT_EQ(html->body.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html->body.find("@page scorecard"), std::string::npos);

  auto guide = nlohmann::json::parse(
      Get("/api/v1/frameworks/eng/levels/L2/interview-guide?track=ic", emp_)->body);
  ASSERT_EQ(guide["competencies"].size(), 3u);
  EXPECT_EQ(guide["competencies"][0]["rubric"]["below"]["level"], "L1");
  EXPECT_EQ(guide["competencies"][0]["rubric"]["at"]["behaviours"][0], "Does delivery at level 2");
  EXPECT_EQ(guide["competencies"][0]["rubric"]["above"]["level"], "L3");

  auto unknown = Get("/api/v1/frameworks/eng/levels/L9/jd", emp_);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_NE(unknown->body.find("no level 'L9'"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/frameworks/eng/levels/L2/jd?role=nobody", emp_)->status, 404);
  EXPECT_EQ(Get("/api/v1/frameworks/eng/levels/L2/jd?format=xml", emp_)->status, 400);
}

TEST_F(OutputsTest, AnOrganisationsTemplateWritesTheJobDescriptionPage) {
  ServerOptions options = TestServer::Quiet();
  options.jd_template = TempFile("jd.html.mustache",
                                 "<section class=\"house-style\"><h1>{{title}} at Acme</h1>"
                                 "{{#responsibilities}}<p>{{heading}}</p>{{/responsibilities}}"
                                 "</section>");
  Start(options);
  auto jd = Get("/f/eng/ic/l2/job-description.html", emp_);
  ASSERT_EQ(jd->status, 200);
  EXPECT_NE(jd->body.find("<h1>Engineer 2 at Acme</h1><p>Delivery</p><p>Craft</p>"),
            std::string::npos);
  EXPECT_EQ(jd->body.find("id=\"jd-title\""), std::string::npos);  // not the built-in one
  // The API's HTML uses it; its Markdown is the built-in one (the template writes HTML).
  auto html = Get("/api/v1/frameworks/eng/levels/L2/jd?format=html", emp_);
  EXPECT_NE(html->body.find("Engineer 2 at Acme"), std::string::npos);
  auto md = Get("/api/v1/frameworks/eng/levels/L2/jd?format=md", emp_);
  EXPECT_EQ(md->body.find("Acme"), std::string::npos);
}

TEST_F(OutputsTest, PublishingOnAPublicSiteRefusesInternalLinks) {
  ServerOptions options = TestServer::Quiet();
  options.public_frameworks = true;
  options.internal_domains = {"corp.example.com"};
  Start(options);
  SaveDraft("2", "Keeps [the runbook](https://wiki.corp.example.com/runbook) current.");

  // The frameworks page shows the link before anyone publishes.
  auto page = Get("/admin/frameworks", hr_);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Links to remove or allow before 2 can be published"),
            std::string::npos);
  EXPECT_NE(page->body.find("https://wiki.corp.example.com/runbook"), std::string::npos);

  // The API refuses with the list; nothing is published.
  auto api = server_->Client().Post("/api/v1/frameworks/eng/versions/2/publish",
                                    {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}}, "{}",
                                    "application/json");
  ASSERT_EQ(api->status, 422);
  auto problem = nlohmann::json::parse(api->body);
  EXPECT_EQ(problem["type"], "urn:ladder:error:leaks");
  ASSERT_EQ(problem["leaks"].size(), 1u);
  EXPECT_EQ(problem["leaks"][0]["kind"], "internal-domain");
  EXPECT_EQ(problem["leaks"][0]["field"], "tracks.ic.levels.L2.expectations.delivery[1]");
  EXPECT_EQ(Status("2"), "draft");

  // So does the form, showing the links.
  auto form = server_->Client().Post("/admin/frameworks/eng/2/publish", {{"Cookie", hr_.cookie}},
                                     httplib::Params{{"csrf", hr_.csrf}});
  ASSERT_EQ(form->status, 422);
  EXPECT_NE(form->body.find("was not published: 1 link(s)"), std::string::npos);
  EXPECT_EQ(Status("2"), "draft");

  // The editor's check lists it with the other findings.
  auto lint =
      server_->Client().Post("/admin/lint", {{"Cookie", hr_.cookie}},
                             httplib::Params{{"csrf", hr_.csrf},
                                             {"yaml",
                                              "ladder: 1\nframework: {id: x}\n"
                                              "notes: [{markdown: 'See http://10.0.0.1/'}]\n"}});
  EXPECT_NE(lint->body.find("leak-private-address"), std::string::npos);

  // A draft whose allow-list names the link is published.
  SaveDraft("3", "Keeps [the runbook](https://wiki.corp.example.com/runbook) current.",
            {"wiki.corp.example.com"});
  auto allowed = server_->Client().Post("/api/v1/frameworks/eng/versions/3/publish",
                                        {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}}, "{}",
                                        "application/json");
  EXPECT_EQ(allowed->status, 200) << allowed->body;
  EXPECT_EQ(Status("3"), "published");
}

TEST_F(OutputsTest, TheServersAllowListAndPrivateSitesLetLinksThrough) {
  ServerOptions options = TestServer::Quiet();
  options.public_frameworks = true;
  options.allow_links = {"careers@acme.example"};
  Start(options);
  SaveDraft("2", "Answers careers@acme.example within a day.");
  auto allowed = server_->Client().Post("/api/v1/frameworks/eng/versions/2/publish",
                                        {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}}, "{}",
                                        "application/json");
  EXPECT_EQ(allowed->status, 200) << allowed->body;

  // Frameworks that only signed-in people read are not checked.
  server_.reset();
  Start();
  SaveDraft("4", "See http://10.0.0.1/wiki.");
  auto published = server_->Client().Post("/api/v1/frameworks/eng/versions/4/publish",
                                          {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}},
                                          "{}", "application/json");
  EXPECT_EQ(published->status, 200) << published->body;
}

TEST_F(OutputsTest, ApiLintRunsTheLeakCheck) {
  Start();
  auto r = server_->Client().Post(
      "/api/v1/lint?leaks=true", {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}},
      "ladder: 1\nframework: {id: x, allow_links: [docs.google.com]}\n"
      "notes: [{markdown: 'See http://wiki/ and https://docs.google.com/d/1'}]\n",
      "application/yaml");
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = nlohmann::json::parse(r->body);
  EXPECT_TRUE(j["blocking"]);
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["code"], "leak-internal-host");
  EXPECT_EQ(j["findings"][0]["severity"], "warning");
  EXPECT_EQ(j["findings"][1]["code"], "leak-document-host");
  EXPECT_EQ(j["findings"][1]["severity"], "info");  // allowed
}

}  // namespace
}  // namespace ladder::server
