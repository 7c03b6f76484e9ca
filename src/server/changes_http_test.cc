// Change requests in the browser over real HTTP (docs/change-requests.md): a draft proposed from
// its publish page, reviewed by a second member of the people team (never approved by its
// author: the page says so and offers no button), published through the one gate with a
// redirect, withdrawn by its author, refused once its draft changed; the list, the names and
// times it shows, and the inbox notices the steps leave.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "app/accounts.h"
#include "app/change_requests.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::Session;
using testing::TestServer;

bool Has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

class ChangesHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("changes");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    storage::Store& store = server_->store();
    // A second member of the people team, who reviews what hr (person hrp) proposes.
    ASSERT_TRUE(store.SavePerson("test", model::Person{"hrq", "Quinn Reviewer", "hrq@marker.test",
                                                       "", *Date::Parse("2020-01-01")}));
    ASSERT_TRUE(app::AccountService(store).AddUser(
        "test", app::NewUser{"hr2", "hr2", "hrq", {model::UserRole::kPeopleTeam}, "pw-hr2-long"}));
    hr_ = testing::SignIn(*server_, "hr");
    hr2_ = testing::SignIn(*server_, "hr2");
  }
  void TearDown() override {
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  // eng version 2 published with a policy that requires approval, and draft 3 changing IC L1.
  void StrictDraft() {
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
  }
  httplib::Result Form(const Session& s, const std::string& path, httplib::Params fields) {
    fields.emplace("csrf", s.csrf);
    return server_->Client().Post(path, {{"Cookie", s.cookie}}, fields);
  }
  httplib::Result Get(const Session& s, const std::string& path) {
    return server_->Client().Get(path, {{"Cookie", s.cookie}});
  }
  // Proposes eng 3 as hr from its publish page; the request's id.
  std::string Propose() {
    auto r = Form(hr_, "/admin/changes",
                  {{"framework", "eng"},
                   {"version", "3"},
                   {"title", "Clearer first level"},
                   {"reason", "New joiners asked what L1 means"}});
    EXPECT_TRUE(r);
    if (!r) return "";
    EXPECT_EQ(r->status, 303) << r->body;
    std::smatch m;
    const std::string location = r->get_header_value("Location");
    EXPECT_TRUE(std::regex_match(location, m, std::regex("/admin/changes/([^?]+)\\?done=proposed")))
        << location;
    return m.size() > 1 ? m[1].str() : "";
  }
  model::ChangeRequest Stored(const std::string& id) {
    auto r = server_->store().GetChangeRequest(id);
    EXPECT_TRUE(r);
    return r ? *r : model::ChangeRequest{};
  }
  std::string Inbox(const Session& s) {
    auto r = Get(s, "/inbox");
    return r ? r->body : "";
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
  Session hr_, hr2_;
};

TEST_F(ChangesHttpTest, ProposedReviewedByAnotherAndPublishedWithARedirect) {
  StrictDraft();
  // The frameworks page and the publish page lead to the form.
  auto list = Get(hr_, "/admin/frameworks");
  ASSERT_TRUE(list);
  EXPECT_TRUE(Has(list->body, "href=\"/admin/frameworks/eng/3/publish#propose\"")) << list->body;
  auto page = Get(hr_, "/admin/frameworks/eng/3/publish");
  ASSERT_TRUE(page);
  EXPECT_TRUE(Has(page->body, "<h2 id=\"propose\">Propose 3 for review</h2>")) << page->body;

  // A reason is required: the form is shown again with the error, nothing stored.
  auto bare =
      Form(hr_, "/admin/changes", {{"framework", "eng"}, {"version", "3"}, {"title", "No reason"}});
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 422);
  EXPECT_TRUE(Has(bare->body, "Say what changed and why"));
  EXPECT_TRUE(server_->store().ListChangeRequests({})->empty());

  const std::string id = Propose();
  ASSERT_FALSE(id.empty());
  const std::string path = "/admin/changes/" + id;
  model::ChangeRequest r = Stored(id);
  EXPECT_EQ(r.author, "hrp");
  EXPECT_EQ(r.base, "2");

  // The author's page: who, what, why, the changes, no approve button but why not.
  auto own = Get(hr_, path + "?done=proposed");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200) << own->body;
  EXPECT_TRUE(Has(own->body, "Proposed for review."));
  EXPECT_TRUE(Has(own->body, "<h1>Clearer first level</h1>"));
  EXPECT_TRUE(Has(own->body, "proposed by Name-hrp on "));
  EXPECT_TRUE(Has(own->body, "New joiners asked what L1 means"));
  EXPECT_TRUE(Has(own->body, "Compared with version 2"));
  EXPECT_TRUE(Has(own->body, "1 level changed: ic/L1.")) << own->body;
  EXPECT_TRUE(Has(own->body, "href=\"/admin/frameworks/eng/3/preview/f/eng/index.html\""));
  EXPECT_TRUE(Has(own->body, "You proposed this request, so someone else approves it"));
  EXPECT_FALSE(Has(own->body, "Approve 3"));
  EXPECT_TRUE(Has(own->body, "an approval by someone other than Name-hrp"));
  EXPECT_FALSE(std::regex_search(own->body, std::regex(R"(\d\d:\d\d:\d\d)"))) << "seconds shown";
  // The publish page now points at the request instead of offering the form again.
  page = Get(hr_, "/admin/frameworks/eng/3/publish");
  EXPECT_TRUE(Has(page->body, "href=\"/admin/changes/" + id + "\""));
  EXPECT_FALSE(Has(page->body, "id=\"propose\""));

  // Approving one's own request is refused, and nothing changes.
  auto self = Form(hr_, path + "/approve", {});
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 403);
  EXPECT_TRUE(Has(self->body, "You proposed this request, so you cannot approve it")) << self->body;
  EXPECT_TRUE(Stored(id).entries.empty());

  // The reviewer was told, and asks for changes; the author is told and answers.
  EXPECT_TRUE(Has(Inbox(hr2_), "Name-hrp proposed eng 3 (Clearer first level) for your review"));
  auto review = Get(hr2_, path);
  EXPECT_TRUE(Has(review->body, "Approve 3"));
  auto ask = Form(hr2_, path + "/request_changes", {{"text", "L1: give an example"}});
  ASSERT_TRUE(ask);
  EXPECT_EQ(ask->status, 303);
  EXPECT_EQ(ask->get_header_value("Location"), path + "?done=request_changes");
  EXPECT_EQ(Stored(id).status, model::ChangeStatus::kChangesRequested);
  EXPECT_TRUE(Has(Inbox(hr_), "Quinn Reviewer asked for changes to eng 3 (Clearer first level)"));
  auto answer = Form(hr_, path + "/comment", {{"text", "Added one in the summary"}});
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 303);
  EXPECT_TRUE(Has(Inbox(hr2_), "Name-hrp answered on eng 3"));

  // Not approved: no publish button, and publishing is refused with what it needs.
  auto waiting = Get(hr_, path);
  EXPECT_TRUE(Has(waiting->body, "Quinn Reviewer</strong> asked for changes on "));
  EXPECT_TRUE(Has(waiting->body, "<q>L1: give an example</q>"));
  EXPECT_TRUE(Has(waiting->body, "History: 2 reviews"));
  EXPECT_FALSE(Has(waiting->body, "Publish 3</button>"));
  auto early = Form(hr_, path + "/publish", {});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 412);
  EXPECT_EQ(server_->store().GetFramework("eng", "3")->status, model::FrameworkStatus::kDraft);

  // Approved by the reviewer, published by the people team, with a redirect.
  auto approve = Form(hr2_, path + "/approve", {});
  ASSERT_TRUE(approve);
  EXPECT_EQ(approve->status, 303);
  EXPECT_EQ(Stored(id).status, model::ChangeStatus::kApproved);
  EXPECT_TRUE(Has(Get(hr_, path)->body, "Publish 3</button>"));
  auto published = Form(hr_, path + "/publish", {});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303) << published->body;
  EXPECT_EQ(published->get_header_value("Location"), path + "?done=publish");
  EXPECT_EQ(server_->store().GetFramework("eng", "3")->status, model::FrameworkStatus::kPublished);
  r = Stored(id);
  EXPECT_EQ(r.status, model::ChangeStatus::kPublished);
  EXPECT_EQ(r.closed_by, "hrp");
  auto after = Get(hr_, path + "?done=publish");
  EXPECT_TRUE(Has(after->body, "Published: readers see the new version now."));
  EXPECT_TRUE(Has(after->body, "Published by Name-hrp on "));
  EXPECT_FALSE(Has(after->body, "Publish 3</button>"));
  auto live = server_->Client().Get("/f/eng/ic/l1.html", {{"Cookie", hr_.cookie}});
  EXPECT_TRUE(Has(live->body, "Learns the codebase.")) << live->body.substr(0, 300);
  // Sending the form again publishes nothing.
  auto again = Form(hr_, path + "/publish", {});
  ASSERT_TRUE(again);
  EXPECT_NE(again->status, 303);
  EXPECT_EQ(Stored(id), r);
}

TEST_F(ChangesHttpTest, WithdrawnByItsAuthorAndRefusedOnceTheDraftChanged) {
  StrictDraft();
  const std::string id = Propose();
  ASSERT_FALSE(id.empty());
  const std::string path = "/admin/changes/" + id;
  // The draft is saved again with other content: the reviews would be of another text.
  model::Framework changed = *server_->store().GetFramework("eng", "3");
  changed.tracks[0].levels[0].summary = "Learns the codebase and the tools.";
  ASSERT_TRUE(server_->store().SaveDraft("test", changed));
  auto page = Get(hr2_, path);
  EXPECT_TRUE(Has(page->body, "was saved with other content after it was proposed"));
  EXPECT_FALSE(Has(page->body, "Approve 3"));
  auto approve = Form(hr2_, path + "/approve", {});
  ASSERT_TRUE(approve);
  EXPECT_EQ(approve->status, 412);
  EXPECT_TRUE(Stored(id).entries.empty());

  // Only its author (or an admin) withdraws it.
  EXPECT_FALSE(Has(page->body, "Withdraw the request"));
  auto other = Form(hr2_, path + "/withdraw", {});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  auto withdrawn = Form(hr_, path + "/withdraw", {});
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, 303);
  model::ChangeRequest r = Stored(id);
  EXPECT_EQ(r.status, model::ChangeStatus::kWithdrawn);
  EXPECT_EQ(r.closed_by, "hrp");
  auto closed = Get(hr_, path);
  EXPECT_TRUE(Has(closed->body, "Withdrawn by Name-hrp on "));
  EXPECT_FALSE(Has(closed->body, "id=\"review\""));
  // The draft may be proposed again.
  const std::string second = Propose();
  EXPECT_FALSE(second.empty());
  EXPECT_NE(second, id);

  // The list: the request under review first, the withdrawn one below; per framework too.
  auto list = Get(hr_, "/admin/changes");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_TRUE(Has(list->body, "1 request under review"));
  EXPECT_TRUE(Has(list->body, "1 closed request"));
  EXPECT_LT(list->body.find("/admin/changes/" + second), list->body.find(path + "\""));
  EXPECT_TRUE(Has(list->body, "by Name-hrp"));
  auto of_eng = Get(hr_, "/admin/changes?framework=eng");
  EXPECT_TRUE(Has(of_eng->body, "Change requests of Engineering"));
}

// Publishing from the publish page closes a request under review with the person, as the
// command line does, not the account.
TEST_F(ChangesHttpTest, PublishingFromThePublishPageClosesTheRequestWithThePerson) {
  model::Framework next = testing::TestFramework();
  next.version = "2";
  next.tracks[0].levels[0].summary = "Learns the codebase.";
  ASSERT_TRUE(server_->store().SaveDraft("test", next));
  auto proposed = Form(hr_, "/admin/changes",
                       {{"framework", "eng"},
                        {"version", "2"},
                        {"title", "Clearer first level"},
                        {"reason", "Asked for"}});
  ASSERT_TRUE(proposed);
  ASSERT_EQ(proposed->status, 303);
  auto published = Form(hr_, "/admin/frameworks/eng/2/publish", {});
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 303);
  auto requests = server_->store().ListChangeRequests({"eng", "2", {}});
  ASSERT_TRUE(requests);
  ASSERT_EQ(requests->size(), 1u);
  EXPECT_EQ(requests->front().status, model::ChangeStatus::kPublished);
  EXPECT_EQ(requests->front().closed_by, "hrp");
}

TEST_F(ChangesHttpTest, AnUnknownRequestOrStepIsNotFound) {
  EXPECT_EQ(Get(hr_, "/admin/changes/cr-none")->status, 404);
  StrictDraft();
  const std::string id = Propose();
  EXPECT_EQ(Form(hr2_, "/admin/changes/" + id + "/merge", {})->status, 404);
  EXPECT_EQ(Form(hr_, "/admin/changes",
                 {{"framework", "eng"}, {"version", "9"}, {"title", "T"}, {"reason", "R"}})
                ->status,
            404);
}

}  // namespace
}  // namespace ladder::server
