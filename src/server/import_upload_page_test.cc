// The import page with several files and choices, over real HTTP: files uploaded together are one
// framework whose passages not imported are named by file; a choice made on the preview turns a
// passage into a behaviour or a note and the coverage report says so; the preview carries every
// file; uploads over the limits and choices that are not choices are refused, saying which.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "server/import_map_form.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

const char* kShed = "Orders smoker fuel for the shed every Monday morning";
const char* kQueen = "Marks each new queen with the colour of her year";

std::string Fixture(const std::string& name) {
  std::ifstream in(fs::path(LADDER_SOURCE_DIR) / "tests/web_import" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The row of the passage whose text is `text`: its field prefix ("passage.3") and key.
std::pair<std::string, std::string> Row(const std::string& html, const std::string& text) {
  size_t at = html.find("<td>" + text + "</td>");
  if (at == std::string::npos) return {};
  std::smatch m;
  std::string rest = html.substr(at);
  if (!std::regex_search(rest, m, std::regex(R"re(name="(passage\.\d+)\.key" value="([^"]*)")re")))
    return {};
  return {m[1], m[2]};
}

// The words report: "<strong>N of M</strong> words ...: S in its structure, K only in its notes".
std::string Report(const std::string& html) {
  std::smatch m;
  if (!std::regex_search(html, m, std::regex(R"(<strong>\d+ of \d+</strong>[^<]*)"))) return "";
  return m[0];
}

class ImportUploadPage : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("import-upload");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    hr_ = testing::SignIn(*server_, "hr");
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  size_t Frameworks() { return server_->store().ListFrameworks()->size(); }
  httplib::Result Upload(const std::vector<std::pair<std::string, std::string>>& files,
                         const std::string& from = "") {
    httplib::MultipartFormDataItems items = {{"csrf", hr_.csrf, "", ""}, {"from", from, "", ""}};
    for (const auto& [name, text] : files)
      items.push_back({"document", text, name, "text/markdown"});
    return server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, items);
  }
  // The preview's choices form: both fixtures carried, with `fields` added.
  httplib::Result Choose(const httplib::Params& fields) {
    httplib::Params form = {{"csrf", hr_.csrf}};
    for (const char* name : {"beekeeper-1.md", "beekeeper-2.md"}) {
      form.emplace("mapped_name", name);
      form.emplace("mapped_document", internal::Base64Encode(Fixture(name)));
    }
    for (const auto& f : fields) form.insert(f);
    return server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, form);
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
  Session hr_;
};

TEST_F(ImportUploadPage, TwoFilesAreOneFrameworkAndPassagesNameTheirFile) {
  const size_t before = Frameworks();
  auto page = Upload({{"beekeeper-1.md", Fixture("beekeeper-1.md")},
                      {"beekeeper-2.md", Fixture("beekeeper-2.md")}});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->body.find("Import beekeeper-1.md, beekeeper-2.md"), std::string::npos);
  // One framework with both files' levels.
  EXPECT_NE(page->body.find("title: Beekeeper 1"), std::string::npos);
  EXPECT_NE(page->body.find("title: Beekeeper 2"), std::string::npos);
  EXPECT_NE(page->body.find("Splits strong colonies before they swarm."), std::string::npos);
  // Each passage not imported is named by its file.
  EXPECT_NE(page->body.find("<td>beekeeper-2.md</td><td>18</td><td>" + std::string(kShed)),
            std::string::npos)
      << page->body;
  EXPECT_NE(page->body.find("<td>beekeeper-1.md</td><td>29</td><td>" + std::string(kQueen)),
            std::string::npos);
  // The form carries both files, to read them again with choices.
  EXPECT_NE(page->body.find("name=\"mapped_document\" value=\"" +
                            internal::Base64Encode(Fixture("beekeeper-2.md")) + "\""),
            std::string::npos);
  EXPECT_EQ(Frameworks(), before) << "a preview stores nothing";
}

TEST_F(ImportUploadPage, ChoicesTurnPassagesIntoABehaviourAndANote) {
  auto first = Upload({{"beekeeper-1.md", Fixture("beekeeper-1.md")},
                       {"beekeeper-2.md", Fixture("beekeeper-2.md")}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(Report(first->body),
            "<strong>120 of 139</strong> words of the source landed in the framework: 120 in its "
            "structure, 0 only in its notes.");
  auto [shed, shed_key] = Row(first->body, kShed);
  auto [queen, queen_key] = Row(first->body, kQueen);
  ASSERT_FALSE(shed.empty());
  ASSERT_FALSE(queen.empty());
  EXPECT_NE(first->body.find("<option value=\"apiary/beekeeper-2\">"), std::string::npos);
  EXPECT_NE(first->body.find("<option value=\"hive-care\">Hive care</option>"), std::string::npos);

  auto second = Choose({{shed + ".key", shed_key},
                        {shed + ".use", "note"},
                        {queen + ".key", queen_key},
                        {queen + ".use", "behaviour"},
                        {queen + ".competency", "hive-care"},
                        {queen + ".level", "apiary/beekeeper-2"}});
  ASSERT_TRUE(second);
  ASSERT_EQ(second->status, 200) << second->body;
  const std::string& page = second->body;
  // The note is kept, titled by its file; the behaviour is the level's.
  EXPECT_NE(page.find("title: Kept from beekeeper-2.md"), std::string::npos) << page;
  EXPECT_NE(page.find("- Teaches new keepers to read a brood frame.\n            - " +
                      std::string(kQueen)),
            std::string::npos)
      << page;
  // The report counts the note's 9 words as notes, the behaviour's 10 as structure.
  EXPECT_EQ(Report(page),
            "<strong>139 of 139</strong> words of the source landed in the framework: 130 in its "
            "structure, 9 only in its notes.");
  EXPECT_NE(page.find("; 0 still are"), std::string::npos);
  // The choices stay chosen.
  EXPECT_NE(page.find("<option value=\"note\" selected>"), std::string::npos);
  EXPECT_NE(page.find("<option value=\"apiary/beekeeper-2\" selected>"), std::string::npos);

  // One control for all: every passage becomes a note.
  auto all = Choose({{"all.use", "note"}});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->status, 200) << all->body;
  EXPECT_NE(all->body.find("title: Kept from beekeeper-2.md"), std::string::npos);
  EXPECT_NE(all->body.find("; 0 still are"), std::string::npos);
}

TEST_F(ImportUploadPage, BadChoicesAreRefusedNamingTheField) {
  auto first = Upload({{"beekeeper-1.md", Fixture("beekeeper-1.md")},
                       {"beekeeper-2.md", Fixture("beekeeper-2.md")}});
  ASSERT_TRUE(first);
  auto [queen, queen_key] = Row(first->body, kQueen);
  ASSERT_FALSE(queen.empty());
  auto unknown = Choose({{queen + ".key", queen_key}, {queen + ".use", "structure"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find(queen + ".use: &apos;structure&apos; is not a choice"),
            std::string::npos)
      << unknown->body;
  EXPECT_NE(unknown->body.find("leave-out, note, behaviour"), std::string::npos);
  auto level = Choose({{queen + ".key", queen_key},
                       {queen + ".use", "behaviour"},
                       {queen + ".competency", "hive-care"},
                       {queen + ".level", "apiary/beekeeper-9"}});
  ASSERT_TRUE(level);
  EXPECT_EQ(level->status, 400);
  EXPECT_NE(level->body.find(queen + ".level: no level &apos;apiary/beekeeper-9&apos;"),
            std::string::npos)
      << level->body;
  // The preview is shown again with the choice kept and nothing applied.
  EXPECT_NE(level->body.find("<option value=\"behaviour\" selected>"), std::string::npos);
  EXPECT_EQ(level->body.find("title: Kept from"), std::string::npos);
  auto all = Choose({{"all.use", "everything"}});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->status, 400);
  EXPECT_NE(all->body.find("all.use: &apos;everything&apos; is not a choice"), std::string::npos);
}

TEST_F(ImportUploadPage, UploadsOverTheLimitsAreRefusedKeepingTheFormat) {
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 1; i <= internal::kMaxImportFiles + 1; ++i) {
    std::string n = std::to_string(i);
    many.emplace_back("page-" + n + ".md",
                      "# Beekeeper " + n + "\n\n## Hive care\n\n- Looks after " + n + " hives.\n");
  }
  auto count = Upload(many, "markdown-ladder");
  ASSERT_TRUE(count);
  EXPECT_EQ(count->status, 413);
  EXPECT_NE(count->body.find("document: 11 files are more than the 10 one import reads"),
            std::string::npos)
      << count->body;
  EXPECT_NE(count->body.find("<option value=\"markdown-ladder\" selected>"), std::string::npos);

  std::string big = Fixture("beekeeper-1.md");
  big += std::string(internal::kMaxImportBytes, 'x');
  auto size = Upload({{"beekeeper-1.md", Fixture("beekeeper-1.md")}, {"big.md", big}});
  ASSERT_TRUE(size);
  EXPECT_EQ(size->status, 413);
  EXPECT_NE(size->body.find("more than the 4 MiB one import reads"), std::string::npos)
      << size->body.substr(0, 2000);
  // Exactly at the limits is read.
  std::vector<std::pair<std::string, std::string>> ten(many.begin(), many.end() - 1);
  auto fine = Upload(ten);
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200) << fine->body.substr(0, 2000);
  auto none = Upload({});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400);
  EXPECT_NE(none->body.find("document: choose a file to import"), std::string::npos);
}

}  // namespace
}  // namespace ladder::server
