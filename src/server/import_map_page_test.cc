// The import page's mapping table over real HTTP: a spreadsheet's preview shows the map it was
// read with; the form reads the same file again with a changed map (the page carries the file);
// a broken carried file or map value is an error on the page; nothing is stored by previews.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/import_map_form.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

std::string Fixture(const std::string& name) {
  std::ifstream in(fs::path(LADDER_SOURCE_DIR) / "tests/golden/sheets" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Attribute(const std::string& html, const std::string& name) {
  std::string key = "name=\"" + name + "\" value=\"";
  size_t at = html.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return html.substr(at, html.find('"', at) - at);
}

class ImportMapPage : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("import-map");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    hr_ = testing::SignIn(*server_, "hr");
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  size_t Frameworks() { return server_->store().ListFrameworks()->size(); }
  std::string db_;
  std::unique_ptr<TestServer> server_;
  Session hr_;
};

TEST_F(ImportMapPage, PreviewShowsTheMapAndReadsAgainWithAChangedOne) {
  const size_t before = Frameworks();
  httplib::MultipartFormDataItems upload = {
      {"csrf", hr_.csrf, "", ""},
      {"from", "", "", ""},
      {"document", Fixture("sales_rows.csv"), "sales_rows.csv", "text/csv"}};
  auto first = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, upload);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_NE(first->body.find("id=\"import-map\""), std::string::npos);
  EXPECT_NE(first->body.find("<option value=\"rows\" selected>rows</option>"), std::string::npos);
  EXPECT_NE(first->body.find("title: Beginner"), std::string::npos);
  std::string carried = Attribute(first->body, "mapped_document");
  ASSERT_FALSE(carried.empty());
  EXPECT_EQ(internal::Base64Decode(carried), Fixture("sales_rows.csv"));

  httplib::Params again = {{"csrf", hr_.csrf},
                           {"mapped_document", carried},
                           {"mapped_name", "sales_rows.csv"},
                           {"map.sheets.0.levels", "columns"}};
  auto second = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, again);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->status, 200) << second->body;
  EXPECT_NE(second->body.find("<option value=\"columns\" selected>columns</option>"),
            std::string::npos);
  EXPECT_NE(second->body.find("title: Negotiation"), std::string::npos);
  EXPECT_NE(second->body.find("Import sales_rows.csv"), std::string::npos);
  EXPECT_EQ(Frameworks(), before) << "a preview stores nothing";
}

TEST_F(ImportMapPage, WorkbooksAreUploadedAsTheyAre) {
  httplib::MultipartFormDataItems upload = {
      {"csrf", hr_.csrf, "", ""},
      {"document", Fixture("tracks_sheets.xlsx"), "tracks.xlsx",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  auto page = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, upload);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->body.find("code: IC3"), std::string::npos);
  EXPECT_NE(page->body.find("name: Management"), std::string::npos);
  // One row of settings per sheet, the hidden one skipped.
  EXPECT_NE(page->body.find("name=\"map.sheets.3.use\""), std::string::npos);
  EXPECT_NE(page->body.find("<option value=\"skip\" selected>skip</option>"), std::string::npos);
  // The coverage report names the hidden sheet's text as not imported.
  EXPECT_NE(page->body.find("Internal lookup values"), std::string::npos);
}

TEST_F(ImportMapPage, BadCarriedFilesAndMapValuesAreSaid) {
  httplib::Params lost = {{"csrf", hr_.csrf}, {"mapped_document", "@@not base64@@"}};
  auto a = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, lost);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 400);
  EXPECT_NE(a->body.find("import the file again"), std::string::npos);
  httplib::Params axis = {{"csrf", hr_.csrf},
                          {"mapped_document", internal::Base64Encode(Fixture("sales_rows.csv"))},
                          {"mapped_name", "sales_rows.csv"},
                          {"map.sheets.0.levels", "diagonal"}};
  auto b = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, axis);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 400);
  EXPECT_NE(b->body.find("levels are columns or rows"), std::string::npos);
  // Other documents show no mapping table.
  httplib::MultipartFormDataItems md = {
      {"csrf", hr_.csrf, "", ""},
      {"document",
       "# Ladder\n\n## L1 Junior\n\n### Craft\n- Writes code\n\n## L2 Senior\n\n"
       "### Craft\n- Designs code\n",
       "ladder.md", "text/markdown"}};
  auto c = server_->Client().Post("/admin/import", {{"Cookie", hr_.cookie}}, md);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->status, 200) << c->body;
  EXPECT_EQ(c->body.find("id=\"import-map\""), std::string::npos);
}

TEST(Base64, RoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n : {0, 1, 2, 3, 4, 255, 256}) {
    std::string part = all.substr(0, n);
    EXPECT_EQ(internal::Base64Decode(internal::Base64Encode(part)), part) << n;
  }
  EXPECT_EQ(internal::Base64Encode("Man"), "TWFu");
  EXPECT_EQ(internal::Base64Encode("Ma"), "TWE=");
  EXPECT_FALSE(internal::Base64Decode("TW=u").has_value());
  EXPECT_FALSE(internal::Base64Decode("T$Fu").has_value());
}

}  // namespace
}  // namespace ladder::server
