// The gate of publishing (app/change_requests.h) as a committee would state it, on an in-memory
// SQLite store: the policy requires approval; Ana proposes version 2 and cannot approve it
// herself; Ben asks for changes; Ana changes the draft, withdraws and proposes it again; Ben
// approves; Cleo publishes. A direct `ladder load --publish` of version 3 is refused, naming
// `ladder change propose`. Without the requirement nothing changes for authors.
#include "app/change_requests.h"

#include <gtest/gtest.h>

#include "app/framework_policy.h"
#include "app/import_into.h"

namespace ladder::app {
namespace {

using model::UserRole;
using model::Verdict;

model::Framework Version(const std::string& version, bool requires_approval) {
  model::Framework f;
  f.id = "fw";
  f.name = "Framework";
  f.version = version;
  f.publishing.requires_approval = requires_approval;
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  model::Level l1;
  l1.code = "L1";
  l1.rank = 1;
  l1.title = "One";
  t.levels = {l1};
  f.tracks = {t};
  return f;
}

class ChangeRequestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    for (const char* id : {"ana", "ben", "cleo", "eve"})
      ASSERT_TRUE(store_->SavePerson("t", model::Person{id, id, "", "", {}}));
    for (auto [id, role] :
         {std::pair{"ana", UserRole::kPeopleTeam}, std::pair{"ben", UserRole::kPeopleTeam},
          std::pair{"cleo", UserRole::kAdmin}})
      ASSERT_TRUE(
          store_->SaveUser("t", model::User{id, id, id, {role}, "$argon2id$unused", false}));
  }
  // `ladder load FILE --publish`.
  Status Load(const model::Framework& f, bool publish = true) {
    auto stored = StoreFrameworks(*store_, {f}, publish, Date(2026, 12, 1), "cli:test");
    if (!stored) return Fail(stored.error());
    return Ok();
  }
  model::FrameworkStatus StatusOf(const std::string& version) {
    return store_->GetFramework("fw", version)->status;
  }
  std::unique_ptr<storage::Store> store_;
  ChangeRequestService Changes() { return ChangeRequestService(*store_, "cli:test"); }
};

TEST_F(ChangeRequestTest, ACommitteeRequiresApprovalBeforePublishing) {
  // Version 1 sets the policy; a framework never published has none in force yet.
  ASSERT_TRUE(Load(Version("1", true)));
  ASSERT_TRUE(RequiresApproval(*store_, "fw").value());

  // Ana saves version 2; publishing it directly is refused.
  ASSERT_TRUE(Load(Version("2", true), false));
  Status direct = PublishVersion(*store_, "cli:test", "fw", "2");
  ASSERT_FALSE(direct);
  EXPECT_EQ(direct.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(direct.error().message.find("ladder change propose fw 2"), std::string::npos)
      << direct.error().message;

  // Ana proposes it, and cannot approve her own request.
  auto proposed = Changes().Propose("fw", "2", "IC1 reworded", "The committee asked", "ana");
  ASSERT_TRUE(proposed) << proposed.error().ToString();
  EXPECT_EQ(proposed->base, "1");
  EXPECT_EQ(proposed->status, model::ChangeStatus::kOpen);
  const std::string id = proposed->id;
  auto own = Changes().Review(id, Verdict::kApprove, "", "ana");
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(own.error().message.find("cannot approve"), std::string::npos);
  // An employee without the people team's role does not review frameworks.
  auto eve = Changes().Review(id, Verdict::kApprove, "", "eve");
  ASSERT_FALSE(eve);
  EXPECT_EQ(eve.error().code, ErrorCode::kPermissionDenied);

  // Ben asks for changes: still not publishable, and the error says what is missing.
  auto changes = Changes().Review(id, Verdict::kRequestChanges, "IC1 needs an example", "ben");
  ASSERT_TRUE(changes) << changes.error().ToString();
  EXPECT_EQ(changes->status, model::ChangeStatus::kChangesRequested);
  Status early = PublishVersion(*store_, "cli:test", "fw", "2");
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().message.find("changes_requested"), std::string::npos);
  EXPECT_NE(early.error().message.find("ben"), std::string::npos);
  EXPECT_FALSE(Changes().Publish(id, "cleo"));

  // Ana changes the draft: Ben's approval would be of another text, so she proposes it again.
  model::Framework edited = Version("2", true);
  edited.tracks[0].levels[0].summary = "Learns the job, with an example";
  ASSERT_TRUE(Load(edited, false));
  auto stale = Changes().Review(id, Verdict::kApprove, "", "ben");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(Changes().Withdraw(id, "ana"));
  auto again = Changes().Propose("fw", "2", "IC1 reworded, with an example", "As asked", "ana");
  ASSERT_TRUE(again) << again.error().ToString();
  ASSERT_TRUE(Changes().Review(again->id, Verdict::kComment, "Better", "ben"));
  auto approved = Changes().Review(again->id, Verdict::kApprove, "", "ben");
  ASSERT_TRUE(approved) << approved.error().ToString();
  EXPECT_EQ(approved->status, model::ChangeStatus::kApproved);

  // Cleo publishes it; the request is published with who and when.
  auto published = Changes().Publish(again->id, "cleo", "2027-01-01");
  ASSERT_TRUE(published) << published.error().ToString();
  EXPECT_EQ(published->status, model::ChangeStatus::kPublished);
  EXPECT_EQ(published->closed_by, "cleo");
  EXPECT_EQ(StatusOf("2"), model::FrameworkStatus::kPublished);
  EXPECT_EQ(store_->GetFramework("fw", "2")->effective, "2027-01-01");
  EXPECT_FALSE(Changes().Review(again->id, Verdict::kComment, "late", "ben"));

  // History: who proposed, reviewed, withdrew and published, in the audit log.
  auto audit = store_->ListAudit({"", "", "change.", 0, 0});
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  for (const model::AuditEntry& e : *audit) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"change.propose", "change.review", "change.withdraw",
                                               "change.propose", "change.review", "change.review",
                                               "change.publish"}));

  // A direct load of version 3 is refused, and nothing of it is stored.
  Status v3 = Load(Version("3", true));
  ASSERT_FALSE(v3);
  EXPECT_NE(v3.error().message.find("ladder change propose fw 3"), std::string::npos)
      << v3.error().message;
  EXPECT_FALSE(store_->GetFramework("fw", "3"));
}

TEST_F(ChangeRequestTest, APolicyChangeIsTheCommitteesActAndTurningItOffNeedsNoRequest) {
  ASSERT_TRUE(Load(Version("1", true)));
  PolicyChange off;
  off.requires_approval = false;
  auto changed = SetPolicy(*store_, "cli:test", "fw", off, "1.1", Date(2026, 12, 1));
  ASSERT_TRUE(changed) << changed.error().ToString();
  EXPECT_EQ(changed->status, model::FrameworkStatus::kPublished);
  EXPECT_FALSE(RequiresApproval(*store_, "fw").value());
  auto audit = store_->ListAudit({"", "", "framework.policy", 0, 0});
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_NE(audit->front().after.find("\"requires_approval\":false"), std::string::npos);
  EXPECT_TRUE(Load(Version("2", false)));
}

TEST_F(ChangeRequestTest, WithoutTheRequirementAuthorsPublishAsBefore) {
  ASSERT_TRUE(Load(Version("1", false)));
  ASSERT_TRUE(Load(Version("2", false), false));
  auto proposed = Changes().Propose("fw", "2", "Optional review", "", "ana");
  ASSERT_TRUE(proposed) << proposed.error().ToString();
  // Published directly: the open request is marked published with it.
  ASSERT_TRUE(Load(Version("2", false)));
  EXPECT_EQ(Changes().Get(proposed->id)->status, model::ChangeStatus::kPublished);
  EXPECT_EQ(Changes().Get(proposed->id)->closed_by, "cli:test");
  // Turning the requirement on in a draft takes effect once it is published.
  ASSERT_TRUE(Load(Version("3", true)));
  Status v4 = Load(Version("4", true));
  ASSERT_FALSE(v4);
  EXPECT_EQ(v4.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(ChangeRequestTest, OnlyADraftIsProposedOnceAndOnlyItsAuthorOrAnAdminWithdrawsIt) {
  ASSERT_TRUE(Load(Version("1", true)));
  EXPECT_EQ(Changes().Propose("fw", "1", "Again", "", "ana").error().code, ErrorCode::kConflict);
  EXPECT_EQ(Changes().Propose("fw", "9", "None", "", "ana").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Changes().Propose("fw", "1", "Eve", "", "eve").error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(Load(Version("2", true), false));
  auto first = Changes().Propose("fw", "2", "One", "", "ana");
  ASSERT_TRUE(first);
  EXPECT_EQ(Changes().Propose("fw", "2", "Two", "", "ben").error().code, ErrorCode::kConflict);
  EXPECT_EQ(Changes().Withdraw(first->id, "ben").error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(Changes().Withdraw(first->id, "cleo"));
  EXPECT_EQ(Changes().Withdraw(first->id, "ana").error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Changes().Get("cr-none").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ladder::app
