// The one search (storage/passages.h) behind `ladder search`, the API and the site's search page:
// on the examples, the page of `ladder serve` finds what the command finds, hit for hit, in the
// same order and with the same snippets.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app/framework_files.h"
#include "app/published_site.h"
#include "render/site.h"
#include "storage/store.h"

namespace ladder::app {
namespace {

namespace fs = std::filesystem;

class SearchAgreement : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(opened) << opened.error().ToString();
    store_ = std::move(*opened);
    std::vector<std::string> files;
    for (const char* name :
         {"customer-success", "engineering", "fulfilment-operations", "role-catalog"})
      files.push_back((fs::path(LADDER_SOURCE_DIR) / "examples" / (std::string(name) + ".yaml")));
    auto stored = PublishIfEmpty(*store_, files, Date::Parse("2026-01-05").value(), "test");
    ASSERT_TRUE(stored) << stored.error().ToString();
    auto published = LoadPublished(*store_);
    ASSERT_TRUE(published) << published.error().ToString();
    auto site = render::Site::Build(std::move(*published));
    ASSERT_TRUE(site) << site.error().ToString();
    site_ = std::move(*site);
  }

  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<render::Site> site_;
};

TEST_F(SearchAgreement, TheSitePageFindsWhatTheCommandFinds) {
  for (const char* query : {"mentor", "review", "on-call", "\"code review\"", "customer",
                            "escalation", "stakeholders"}) {
    SCOPED_TRACE(query);
    auto stored = store_->Search(query, {"", false, 50, ""});
    ASSERT_TRUE(stored) << stored.error().ToString();
    std::vector<render::SearchHit> shown = site_->Search(query, 50);
    ASSERT_EQ(shown.size(), stored->size());
    for (size_t i = 0; i < shown.size(); ++i) {
      EXPECT_EQ(shown[i].kind, storage::HitKindName((*stored)[i].kind)) << i;
      EXPECT_EQ(shown[i].snippet, (*stored)[i].snippet) << i;
    }
  }
}

// The page of `ladder serve` missed what role profiles list beyond their summary (their
// responsibilities, skills and KPIs), which `ladder search mentor` found.
TEST_F(SearchAgreement, RoleProfilesAreSearchedWhole) {
  auto stored = store_->Search("mentor", {"", false, 50, ""});
  ASSERT_TRUE(stored);
  int roles = 0;
  for (const render::SearchHit& h : site_->Search("mentor", 50))
    if (h.kind == "role") {
      ++roles;
      EXPECT_EQ(h.url.rfind("roles/", 0), 0u) << h.url;
    }
  int stored_roles = 0;
  for (const storage::SearchHit& h : *stored) stored_roles += h.kind == storage::HitKind::kRole;
  EXPECT_GT(roles, 0);
  EXPECT_EQ(roles, stored_roles);
}

}  // namespace
}  // namespace ladder::app
