// The administration pages over real HTTP: importing a document (the coverage report before
// anything is saved), editing a framework as YAML (findings shown before a draft is saved, a
// text with errors never saved), publishing a version (the pages show it at once), versions
// published by another process (shown after the reload period), users and roles, the audit log
// with its filter and CSV.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

#include "app/accounts.h"
#include "app/change_requests.h"
#include "formats/canonical.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

std::string FieldValue(const std::string& html, const std::string& name) {
  std::smatch m;
  std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The textarea's text, unescaped (the editor page).
std::string Textarea(const std::string& html) {
  size_t open = html.find("<textarea id=\"yaml\"");
  open = html.find('>', open) + 1;
  std::string t = html.substr(open, html.find("</textarea>", open) - open);
  for (auto [from, to] : {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}, std::pair{"&quot;", "\""},
                          std::pair{"&#39;", "'"}, std::pair{"&amp;", "&"}}) {
    size_t pos = 0;
    while ((pos = t.find(from, pos)) != std::string::npos) {
      t.replace(pos, std::string(from).size(), to);
      pos += std::string(to).size();
    }
  }
  return t;
}

class AdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("admin");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    hr_ = testing::SignIn(*server_, "hr");
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  httplib::Result Form(const std::string& path, const httplib::Params& fields) {
    httplib::Params p = fields;
    p.emplace("csrf", hr_.csrf);
    return server_->Client().Post(path, {{"Cookie", hr_.cookie}}, p);
  }
  httplib::Result Get(const std::string& path) {
    return server_->Client().Get(path, {{"Cookie", hr_.cookie}});
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
  Session hr_;
};

constexpr const char* kMarkdownLadder = R"(# Data Ladder

## D1 Data Analyst

### Craft
- Writes clear queries
- Checks the data before trusting it

### Impact
- Answers questions for one team

## D2 Senior Data Analyst

### Craft
- Designs datasets others build on

### Impact
- Answers questions for a department

Requirements: 1 year at D1
)";

TEST_F(AdminTest, ImportShowsTheReportBeforeSavingThenSavesAndPublishes) {
  httplib::MultipartFormDataItems items = {
      {"csrf", hr_.csrf, "", ""},
      {"from", "", "", ""},
      {"document", kMarkdownLadder, "data-ladder.md", "text/markdown"}};
  auto preview = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, items);
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_NE(preview->body.find("What was imported"), std::string::npos);
  EXPECT_NE(preview->body.find(" words of the source landed in the framework"), std::string::npos);
  std::string yaml = Textarea(preview->body);
  ASSERT_NE(yaml.find("D2"), std::string::npos) << yaml;
  // Nothing is stored by the preview.
  auto before = server_->store().ListFrameworks();
  ASSERT_TRUE(before);
  EXPECT_EQ(before->size(), 1u);
  auto parsed = formats::ParseYaml(yaml, "preview.yaml");
  ASSERT_TRUE(parsed) << parsed.error().ToString();
  const std::string id = parsed->id, version = parsed->version;
  // Saving: findings are shown first (the text has not been checked as it is), then saved.
  std::string checked = FieldValue(preview->body, "checked");
  auto saved = Form("/admin/frameworks/save", {{"yaml", yaml}, {"checked", checked}});
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 200) << saved->body;
  if (saved->body.find("Saved as a draft") == std::string::npos) {
    EXPECT_NE(saved->body.find("Check the findings below"), std::string::npos) << saved->body;
    saved = Form("/admin/frameworks/save",
                 {{"yaml", yaml}, {"checked", FieldValue(saved->body, "checked")}});
    ASSERT_TRUE(saved);
  }
  EXPECT_NE(saved->body.find("Saved as a draft"), std::string::npos) << saved->body;
  auto versions = server_->store().ListVersions(id);
  ASSERT_TRUE(versions) << versions.error().ToString();
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].status, model::FrameworkStatus::kDraft);
  // A draft is not a published page.
  EXPECT_EQ(Get("/f/" + id + "/index.html")->status, 404);
  // Publishing answers with a redirect, so that reloading the page publishes nothing again.
  auto published = Form("/admin/frameworks/" + id + "/" + version + "/publish", {});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303);
  const std::string done = "/admin/frameworks/" + id + "/" + version + "/publish?done=1";
  EXPECT_EQ(published->get_header_value("Location"), done);
  auto after = Get(done);
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("is published"), std::string::npos);
  EXPECT_EQ(after->body.find("<button type=\"submit\">Publish"), std::string::npos);
  auto page = Get("/f/" + id + "/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Designs datasets others build on"), std::string::npos);
  // Publishing twice is a conflict, shown on the page.
  auto twice = Form("/admin/frameworks/" + id + "/" + version + "/publish", {});
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 409);
}

// An author sees a draft as its real pages and what publishing it changes before publishing:
// the changelog against the published version, and a summary on the page with the button.
TEST_F(AdminTest, ADraftIsShownAsItsPagesAndItsChangesBeforeItIsPublished) {
  model::Framework next = testing::TestFramework();
  next.version = "2";
  next.tracks[0].levels[1].expectations[0].behaviours = {"Leads the delivery of a whole feature"};
  model::Level l4 = next.tracks[0].levels[2];
  l4.code = "L4";
  l4.rank = 4;
  l4.title = "Engineer 4";
  next.tracks[0].levels.push_back(l4);
  ASSERT_TRUE(server_->store().SaveDraft("hr", next));

  auto list = Get("/admin/frameworks");
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("href=\"/admin/frameworks/eng/2/publish\""), std::string::npos);
  EXPECT_NE(list->body.find("href=\"/admin/frameworks/eng/2/preview/f/eng/index.html\""),
            std::string::npos);

  auto confirm = Get("/admin/frameworks/eng/2/publish");
  ASSERT_TRUE(confirm);
  ASSERT_EQ(confirm->status, 200);
  EXPECT_NE(confirm->body.find("Compared with version 1"), std::string::npos) << confirm->body;
  EXPECT_NE(confirm->body.find("1 level changed: ic/L2."), std::string::npos) << confirm->body;
  EXPECT_NE(confirm->body.find("1 level added: ic/L4."), std::string::npos);
  EXPECT_NE(confirm->body.find("Behaviours: 1 new, 0 reworded, 1 removed."), std::string::npos)
      << confirm->body;
  EXPECT_NE(confirm->body.find("<button type=\"submit\">Publish 2</button>"), std::string::npos);
  // A draft's status differs from the published version's by being a draft: not a change.
  EXPECT_EQ(confirm->body.find("The framework's status"), std::string::npos) << confirm->body;

  // The draft's pages, as readers will see them, with the line that says what they are.
  auto level = Get("/admin/frameworks/eng/2/preview/f/eng/ic/l2.html");
  ASSERT_TRUE(level);
  ASSERT_EQ(level->status, 200) << level->body;
  EXPECT_NE(level->body.find("Leads the delivery of a whole feature"), std::string::npos);
  EXPECT_NE(level->body.find("Preview of Engineering version 2 (draft)"), std::string::npos);
  EXPECT_EQ(level->get_header_value("Cache-Control"), "private, no-store");
  auto changelog = Get("/admin/frameworks/eng/2/preview/f/eng/changelog.html");
  ASSERT_TRUE(changelog);
  ASSERT_EQ(changelog->status, 200);
  EXPECT_NE(changelog->body.find("Leads the delivery of a whole feature"), std::string::npos);
  auto css = Get("/admin/frameworks/eng/2/preview/static/ladder.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  // Readers still see version 1 until it is published.
  auto live = Get("/f/eng/ic/l2.html");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->body.find("Leads the delivery of a whole feature"), std::string::npos);
  EXPECT_EQ(Get("/admin/frameworks/eng/3/publish")->status, 404);

  auto published = Form("/admin/frameworks/eng/2/publish", {});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303);
  live = Get("/f/eng/ic/l2.html");
  EXPECT_NE(live->body.find("Leads the delivery of a whole feature"), std::string::npos);
}

// When the framework's policy requires an approved change request, the web's Publish button
// goes through the same gate as the command line: refused with what is missing, shown on the
// version's page, until another member of the people team approved the request.
TEST_F(AdminTest, PublishingFromTheWebNeedsTheApprovalThePolicyRequires) {
  storage::Store& store = server_->store();
  model::Framework strict = testing::TestFramework();
  strict.version = "2";
  strict.publishing.requires_approval = true;
  ASSERT_TRUE(store.SaveDraft("test", strict));
  ASSERT_TRUE(store.Publish("test", "eng", "2"));
  model::Framework next = strict;
  next.version = "3";
  next.tracks[0].levels[0].summary = "Learns the codebase.";
  ASSERT_TRUE(store.SaveDraft("test", next));

  auto page = Get("/admin/frameworks/eng/3/publish");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("requires an approved change request"), std::string::npos)
      << page->body;
  auto refused = Form("/admin/frameworks/eng/3/publish", {});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 412);
  EXPECT_NE(refused->body.find("ladder change propose eng 3"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("<h1>Publish Engineering 3</h1>"), std::string::npos);
  EXPECT_EQ(store.GetFramework("eng", "3")->status, model::FrameworkStatus::kDraft);

  // Proposed by the people team's hrp, approved by a second member of the people team.
  ASSERT_TRUE(store.SavePerson("test", model::Person{"hrq", "Second HR", "hrq@marker.test", "",
                                                     *Date::Parse("2020-01-01")}));
  ASSERT_TRUE(app::AccountService(store).AddUser(
      "test", app::NewUser{"hr2", "hr2", "hrq", {model::UserRole::kPeopleTeam}, "pw-hr2-long-x"}));
  app::ChangeRequestService changes(store, "test");
  auto proposed = changes.Propose("eng", "3", "Clearer first level", "New joiners asked", "hrp");
  ASSERT_TRUE(proposed) << proposed.error().ToString();
  page = Get("/admin/frameworks/eng/3/publish");
  EXPECT_NE(page->body.find("change request " + proposed->id + " (eng 3) is open and still needs"),
            std::string::npos)
      << page->body;
  EXPECT_EQ(Form("/admin/frameworks/eng/3/publish", {})->status, 412);
  ASSERT_TRUE(changes.Review(proposed->id, model::Verdict::kApprove, "", "hrq"));
  page = Get("/admin/frameworks/eng/3/publish");
  EXPECT_EQ(page->body.find("requires an approved change request"), std::string::npos);
  auto published = Form("/admin/frameworks/eng/3/publish", {});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303) << published->body;
  EXPECT_EQ(store.GetFramework("eng", "3")->status, model::FrameworkStatus::kPublished);
  EXPECT_EQ(changes.Get(proposed->id)->status, model::ChangeStatus::kPublished);
}

TEST_F(AdminTest, TheEditorNeverSavesErrorsAndShowsFindingsFirst) {
  auto edit = Get("/admin/frameworks/eng/edit");
  ASSERT_TRUE(edit);
  ASSERT_EQ(edit->status, 200);
  std::string yaml = Textarea(edit->body);
  EXPECT_NE(yaml.find("id: eng"), std::string::npos);
  EXPECT_NE(edit->body.find("is published and cannot change"), std::string::npos);
  // An unreadable text: the error with its line, nothing saved.
  auto broken = Form("/admin/frameworks/save", {{"yaml", "ladder: 1\nframework: {id: eng\n"}});
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 422);
  EXPECT_NE(broken->body.find("framework.yaml:"), std::string::npos) << broken->body;
  // Errors (ranks that do not increase): refused even when checked.
  std::string bad = std::regex_replace(yaml, std::regex("version: \"1\""), "version: \"2\"");
  bad = std::regex_replace(bad, std::regex("rank: 3"), "rank: 1");
  auto check = Form("/admin/lint", {{"yaml", bad}});
  ASSERT_TRUE(check);
  EXPECT_NE(check->body.find("invalid-rank"), std::string::npos) << check->body;
  auto refused = Form("/admin/frameworks/save",
                      {{"yaml", bad}, {"checked", FieldValue(check->body, "checked")}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_EQ(server_->store().ListVersions("eng")->size(), 1u);
  // htmx asks for the findings alone.
  auto fragment =
      server_->Client().Post("/admin/lint", {{"Cookie", hr_.cookie}, {"HX-Request", "true"}},
                             httplib::Params{{"csrf", hr_.csrf}, {"yaml", bad}});
  ASSERT_TRUE(fragment);
  EXPECT_EQ(fragment->body.rfind("<div id=\"findings\"", 0), 0u) << fragment->body.substr(0, 80);
  // A clean new version saves as a draft.
  std::string next = std::regex_replace(yaml, std::regex("version: \"1\""), "version: \"2\"");
  auto ok = Form("/admin/frameworks/save", {{"yaml", next}});
  ASSERT_TRUE(ok);
  if (ok->body.find("Saved as a draft") == std::string::npos)
    ok = Form("/admin/frameworks/save",
              {{"yaml", next}, {"checked", FieldValue(ok->body, "checked")}});
  EXPECT_NE(ok->body.find("Saved as a draft"), std::string::npos) << ok->body;
  EXPECT_EQ(server_->store().ListVersions("eng")->size(), 2u);
  // A published version cannot be overwritten from the editor.
  std::string changed = std::regex_replace(yaml, std::regex("Engineering"), "Engineering!");
  auto conflict = Form("/admin/frameworks/save", {{"yaml", changed}});
  if (conflict->status == 200 && conflict->body.find("Check the findings") != std::string::npos)
    conflict = Form("/admin/frameworks/save",
                    {{"yaml", changed}, {"checked", FieldValue(conflict->body, "checked")}});
  EXPECT_EQ(conflict->status, 409) << conflict->body.substr(0, 400);
}

// The structured editor (web/static/editor.js) reads the text as JSON and sends its JSON back
// through the lint API, which answers with the findings and the canonical YAML that Save posts.
TEST_F(AdminTest, TheStructuredEditorTurnsJsonIntoTheCanonicalYamlThatSaves) {
  auto edit = Get("/admin/frameworks/eng/edit");
  ASSERT_TRUE(edit);
  EXPECT_NE(edit->body.find("data-structured"), std::string::npos);
  EXPECT_NE(edit->body.find("<script src=\"/static/editor.js\">"), std::string::npos);
  // The kinds of rules, from the table of kinds, with their parameters.
  EXPECT_NE(edit->body.find("{&quot;name&quot;:&quot;time_at_level&quot;,&quot;word&quot;:&quot;"
                            "&quot;,&quot;params&quot;:[{&quot;name&quot;:&quot;level&quot;,"
                            "&quot;type&quot;:&quot;text&quot;,&quot;required&quot;:false},"
                            "{&quot;name&quot;:&quot;months&quot;,&quot;type&quot;:&quot;"
                            "integer&quot;,&quot;required&quot;:true}]}"),
            std::string::npos);
  // A published version has no draft pages to link to.
  EXPECT_EQ(edit->body.find("/preview/"), std::string::npos);
  EXPECT_EQ(Get("/static/editor.js")->status, 200);
  auto lint = [&](const std::string& query, const std::string& body, const char* type) {
    return server_->Client().Post("/api/v1/lint" + query,
                                  {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}}, body, type);
  };
  // YAML in, JSON out.
  auto read = lint("?canonical=json", Textarea(edit->body), "application/yaml");
  ASSERT_EQ(read->status, 200) << read->body;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(read->body)["framework"];
  EXPECT_EQ(j["framework"]["id"], "eng");
  // JSON in, the canonical YAML out: what ParseJson and WriteYaml make of it.
  j["framework"]["version"] = "2";
  j["competencies"][0]["name"] = "Renamed";
  auto written = lint("?canonical=yaml", j.dump(1), "application/json");
  ASSERT_EQ(written->status, 200) << written->body;
  std::string yaml = nlohmann::ordered_json::parse(written->body)["yaml"];
  auto expected = formats::ParseJson(j.dump(), "framework.json");
  ASSERT_TRUE(expected);
  EXPECT_EQ(yaml, formats::WriteYaml(*expected));
  EXPECT_NE(yaml.find("name: Renamed"), std::string::npos) << yaml;
  // It saves through the editor's form, and the editor then links to the draft's pages.
  auto saved = Form("/admin/frameworks/save", {{"yaml", yaml}});
  if (saved->body.find("Saved as a draft") == std::string::npos)
    saved = Form("/admin/frameworks/save",
                 {{"yaml", yaml}, {"checked", FieldValue(saved->body, "checked")}});
  ASSERT_NE(saved->body.find("Saved as a draft"), std::string::npos) << saved->body;
  EXPECT_NE(saved->body.find("href=\"/admin/frameworks/eng/2/preview/f/eng/index.html\""),
            std::string::npos);
  EXPECT_NE(saved->body.find("href=\"/admin/frameworks/eng/2/publish\""), std::string::npos);
  EXPECT_NE(Get("/admin/frameworks/eng/edit")->body.find("/admin/frameworks/eng/2/publish"),
            std::string::npos);
  EXPECT_EQ(server_->store().GetFramework("eng", "2")->competencies[0].name, "Renamed");
  // A finding says the line of the JSON it concerns, which the editor maps back to its field.
  j["competencies"][1]["id"] = j["competencies"][0]["id"];
  const std::string text = j.dump(1);
  auto duplicate = lint("?canonical=yaml", text, "application/json");
  ASSERT_EQ(duplicate->status, 200) << duplicate->body;
  nlohmann::ordered_json findings = nlohmann::ordered_json::parse(duplicate->body)["findings"];
  ASSERT_FALSE(findings.empty());
  // The duplicate is said at the start of the second competency, the line before its id.
  std::vector<std::string> lines(1);
  for (char c : text) {
    if (c == '\n')
      lines.emplace_back();
    else
      lines.back().push_back(c);
  }
  bool pointed = false;
  for (const auto& f : findings) {
    if (!f["line"].is_number()) continue;
    const size_t line = f["line"].get<size_t>();
    if (line < lines.size() && lines[line - 1] == "  {" &&
        lines[line] == "   \"id\": " + j["competencies"][1]["id"].dump() + ",")
      pointed = true;
  }
  EXPECT_TRUE(pointed) << findings.dump(1);
  // A JSON the converter cannot read, and a form it does not write.
  j["tracks"][0]["levels"][0]["rank"] = "first";
  EXPECT_EQ(lint("?canonical=yaml", j.dump(1), "application/json")->status, 422);
  EXPECT_EQ(lint("?canonical=xml", Textarea(edit->body), "application/yaml")->status, 400);
}

// A framework of the examples' size goes through the editor's round trip unchanged.
TEST_F(AdminTest, TheStructuredEditorKeepsAFullExampleAsItIs) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/examples/engineering.yaml");
  std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(source.size(), 10000u);
  auto post = [&](const std::string& query, const std::string& body, const char* type) {
    return server_->Client().Post("/api/v1/lint" + query,
                                  {{"Cookie", hr_.cookie}, {"X-CSRF-Token", hr_.csrf}}, body, type);
  };
  auto as_json = post("?canonical=json", source, "application/yaml");
  ASSERT_EQ(as_json->status, 200) << as_json->body.substr(0, 400);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(as_json->body)["framework"];
  auto as_yaml = post("?canonical=yaml", j.dump(1), "application/json");
  ASSERT_EQ(as_yaml->status, 200) << as_yaml->body.substr(0, 400);
  auto original = formats::ReadYaml(source, "engineering.yaml");
  ASSERT_TRUE(original);
  EXPECT_EQ(nlohmann::ordered_json::parse(as_yaml->body)["yaml"], formats::WriteYaml(*original));
}

TEST_F(AdminTest, VersionsPublishedElsewhereAreShownAfterTheReloadPeriod) {
  server_.reset();
  ServerOptions o = TestServer::Quiet();
  o.reload_seconds = 1;
  TestServer server(db_, o);
  EXPECT_EQ(server.Client().Get("/f/other/index.html", {{"Cookie", hr_.cookie}})->status, 404);
  // Another process (here: a second store on the same file) publishes a framework.
  {
    auto other = storage::OpenStore("sqlite:" + db_);
    ASSERT_TRUE(other);
    model::Framework f = testing::TestFramework();
    f.id = "other";
    f.name = "Published elsewhere";
    ASSERT_TRUE((*other)->SaveDraft("elsewhere", f));
    ASSERT_TRUE((*other)->Publish("elsewhere", "other", "1"));
  }
  int status = 0;
  for (int i = 0; i < 60 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    status = server.Client().Get("/f/other/index.html", {{"Cookie", hr_.cookie}})->status;
  }
  EXPECT_EQ(status, 200) << "not shown within 6 s of being published elsewhere";
}

TEST_F(AdminTest, UsersAndRoles) {
  Session admin = testing::SignIn(*server_, "admin");
  httplib::Params add = {{"csrf", admin.csrf},          {"id", "newbie"},
                         {"name", "New Bie"},           {"person", "peer"},
                         {"roles", "employee"},         {"roles", "reviewer"},
                         {"password", "pw-newbie-long"}};
  auto r = server_->Client().Post("/admin/users", {{"Cookie", admin.cookie}}, add);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("User newbie added."), std::string::npos);
  auto u = server_->store().GetUser("newbie");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->roles.size(), 2u);
  EXPECT_EQ(u->person, "peer");
  // Bad input names the field; nothing is stored.
  httplib::Params bad = {{"csrf", admin.csrf},
                         {"id", "Bad Name"},
                         {"roles", "employee"},
                         {"password", "a long enough password"}};
  auto refused = server_->Client().Post("/admin/users", {{"Cookie", admin.cookie}}, bad);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("id: user name"), std::string::npos) << refused->body;
  // An admin cannot lock themself out.
  auto self = server_->Client().Post("/admin/users/admin", {{"Cookie", admin.cookie}},
                                     httplib::Params{{"csrf", admin.csrf}, {"roles", "employee"}});
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 409);
  // Disabling a user ends their sessions.
  Session newbie = testing::SignIn(*server_, "newbie");
  auto off = server_->Client().Post(
      "/admin/users/newbie", {{"Cookie", admin.cookie}},
      httplib::Params{{"csrf", admin.csrf}, {"roles", "employee"}, {"disabled", "1"}});
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 200);
  EXPECT_EQ(server_->Client().Get("/api/v1/me", {{"Cookie", newbie.cookie}})->status, 401);
}

TEST_F(AdminTest, AuditLogFilterAndCsv) {
  Session emp = testing::SignIn(*server_, "emp");
  auto ev = server_->Client().Post(
      "/api/v1/people/emp/evidence", {{"Cookie", emp.cookie}, {"X-CSRF-Token", emp.csrf}},
      R"js({"kind":"talk","title":"=HYPERLINK(\"http://x\")","date":"2026-05-04"})js",
      "application/json");
  ASSERT_TRUE(ev);
  ASSERT_EQ(ev->status, 201) << ev->body;
  auto page = Get("/admin/audit?actor=user%3Aemp&action=evidence.");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("evidence.create"), std::string::npos);
  EXPECT_EQ(page->body.find("session.create"), std::string::npos);  // filtered out
  auto csv = Get("/admin/audit.csv?actor=user%3Aemp&action=evidence.");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("id,at,actor,action,subject,before,after\r\n", 0), 0u);
  EXPECT_NE(csv->body.find(",user:emp,evidence.create,"), std::string::npos) << csv->body;
  // A cell a spreadsheet would run is not a formula in the export.
  EXPECT_EQ(csv->body.find(",=HYPERLINK"), std::string::npos);
  auto api = Get("/api/v1/audit?actor=user%3Aemp&action=evidence.&limit=5");
  ASSERT_TRUE(api);
  auto entries = nlohmann::json::parse(api->body);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back()["after"]["title"], "=HYPERLINK(\"http://x\")");
}

}  // namespace
}  // namespace ladder::server
