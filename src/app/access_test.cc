// The authorisation rules of app/access.h on a real in-memory store: who sees which person and
// which case, through roles, the management chain (transitively) and panel membership.
#include "app/access.h"

#include <gtest/gtest.h>

namespace ladder::app {
namespace {

using model::UserRole;

Principal P(std::string user, std::string person, std::vector<UserRole> roles) {
  Principal p;
  p.via = Principal::Via::kSession;
  p.user = std::move(user);
  p.person = std::move(person);
  p.roles = std::move(roles);
  return p;
}

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    model::Framework f;
    f.id = "fw";
    f.version = "1";
    model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
    model::Level l1, l2;
    l1.code = "L1";
    l1.rank = 1;
    l2.code = "L2";
    l2.rank = 2;
    t.levels = {l1, l2};
    f.tracks = {t};
    ASSERT_TRUE(store_->SaveDraft("t", f));
    ASSERT_TRUE(store_->Publish("t", "fw", "1"));
    // boss -> mgr -> emp; other reports to boss; peer stands alone.
    for (auto [id, manager] :
         {std::pair{"boss", ""}, std::pair{"mgr", "boss"}, std::pair{"emp", "mgr"},
          std::pair{"other", "boss"}, std::pair{"peer", ""}})
      ASSERT_TRUE(store_->SavePerson("t", model::Person{id, id, "", manager, {}}));
    model::Case c;
    c.id = "c1";
    c.person = "emp";
    c.framework = "fw";
    c.version = "1";
    c.target_track = "ic";
    c.target_level = "L2";
    c.opened_by = "emp";
    c.opened = *Date::Parse("2026-01-01");
    c.panel = {"peer"};
    ASSERT_TRUE(store_->SaveCase("t", c));
  }
  std::unique_ptr<storage::Store> store_;
};

TEST_F(AccessTest, Roles) {
  Access access(*store_);
  Principal nobody;
  EXPECT_EQ(access.Check(nobody, Guard::kPublic).has_value(), true);
  EXPECT_EQ(access.Check(nobody, Guard::kFrameworks).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(access.Check(nobody, Guard::kSignedIn).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(access.Check(nobody, Guard::kPerson, "emp").error().code, ErrorCode::kUnauthenticated);
  Access open(*store_, AccessOptions{.public_frameworks = true});
  EXPECT_TRUE(open.Check(nobody, Guard::kFrameworks));
  EXPECT_FALSE(open.Check(nobody, Guard::kSignedIn));

  Principal employee = P("e", "emp", {UserRole::kEmployee});
  Principal people = P("hr", "", {UserRole::kPeopleTeam});
  Principal admin = P("a", "", {UserRole::kAdmin});
  for (Guard g : {Guard::kAuthor, Guard::kAudit, Guard::kAdmin})
    EXPECT_EQ(access.Check(employee, g).error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(access.Check(people, Guard::kAuthor));
  EXPECT_TRUE(access.Check(people, Guard::kAudit));
  EXPECT_EQ(access.Check(people, Guard::kAdmin).error().code, ErrorCode::kPermissionDenied);
  for (Guard g : {Guard::kAuthor, Guard::kAudit, Guard::kAdmin})
    EXPECT_TRUE(access.Check(admin, g));
}

TEST_F(AccessTest, PeopleThroughTheManagementChain) {
  Access access(*store_);
  Principal emp = P("e", "emp", {UserRole::kEmployee});
  Principal mgr = P("m", "mgr", {UserRole::kManager});
  Principal boss = P("b", "boss", {UserRole::kManager});
  Principal boss_without_role = P("b2", "boss", {UserRole::kEmployee});
  Principal hr = P("hr", "", {UserRole::kPeopleTeam});
  EXPECT_TRUE(access.Check(emp, Guard::kPerson, "emp"));
  EXPECT_EQ(access.Check(emp, Guard::kPerson, "mgr").error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(access.Check(mgr, Guard::kPerson, "emp"));
  EXPECT_EQ(access.Check(mgr, Guard::kPerson, "other").error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(access.Check(boss, Guard::kPerson, "emp"));  // transitively
  EXPECT_EQ(access.Check(boss_without_role, Guard::kPerson, "emp").error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_TRUE(access.Check(hr, Guard::kPerson, "emp"));
  // Unknown people: the same refusal as for someone else's records, except for those who see
  // everyone.
  EXPECT_EQ(access.Check(mgr, Guard::kPerson, "ghost").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(access.Check(hr, Guard::kPerson, "ghost").error().code, ErrorCode::kNotFound);

  auto ids = [&](const Principal& p) {
    std::vector<std::string> out;
    Result<std::vector<model::Person>> visible = access.VisiblePeople(p);
    EXPECT_TRUE(visible);
    for (const model::Person& x : *visible) out.push_back(x.id);
    return out;
  };
  EXPECT_EQ(ids(emp), (std::vector<std::string>{"emp"}));
  EXPECT_EQ(ids(mgr), (std::vector<std::string>{"emp", "mgr"}));
  EXPECT_EQ(ids(boss), (std::vector<std::string>{"boss", "emp", "mgr", "other"}));
  EXPECT_EQ(ids(hr).size(), 5u);
  auto reports = access.ReportsOf("boss");
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 3u);
  EXPECT_EQ((*reports)[2].person.id, "emp");
  EXPECT_EQ((*reports)[2].depth, 2);
}

TEST_F(AccessTest, CasesThroughPersonChainAndPanel) {
  Access access(*store_);
  Principal emp = P("e", "emp", {UserRole::kEmployee});
  Principal mgr = P("m", "mgr", {UserRole::kManager});
  Principal peer = P("p", "peer", {UserRole::kReviewer});
  Principal other = P("o", "other", {UserRole::kReviewer, UserRole::kManager});
  Principal hr = P("hr", "", {UserRole::kPeopleTeam});
  EXPECT_TRUE(access.Check(emp, Guard::kCase, "c1"));
  EXPECT_TRUE(access.Check(mgr, Guard::kCase, "c1"));
  EXPECT_TRUE(access.Check(peer, Guard::kCase, "c1"));  // on the panel
  EXPECT_EQ(access.Check(other, Guard::kCase, "c1").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(access.Check(other, Guard::kCase, "nope").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(access.Check(hr, Guard::kCase, "nope").error().code, ErrorCode::kNotFound);
  // The panel grants the case, not the person's other records.
  EXPECT_EQ(access.Check(peer, Guard::kPerson, "emp").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(access.VisibleCases(peer)->size(), 1u);
  EXPECT_EQ(access.VisibleCases(other)->size(), 0u);
}

// A panel member who has not voted yet sees no vote; once they voted, every vote. The people
// team, and those who may see the case without sitting on its panel, see them throughout.
TEST(AccessVotes, APanelMemberSeesTheVotesOnceTheyVoted) {
  model::Case c;
  c.panel = {"peer", "lead"};
  c.votes = {{"lead", model::VoteChoice::kAgainst, "not yet", *Date::Parse("2026-03-01")}};
  Principal peer = P("peer", "peer", {UserRole::kReviewer});
  EXPECT_FALSE(Access::SeesVotes(peer, c));
  EXPECT_TRUE(Access::AsSeenBy(peer, c).votes.empty());
  EXPECT_EQ(Access::AsSeenBy(peer, c).panel, c.panel);  // the panel itself is not hidden
  EXPECT_TRUE(Access::SeesVotes(P("lead", "lead", {UserRole::kReviewer}), c));
  EXPECT_TRUE(Access::SeesVotes(P("hr", "peer", {UserRole::kPeopleTeam}), c));
  EXPECT_TRUE(Access::SeesVotes(P("mgr", "mgr", {UserRole::kManager}), c));
  c.votes.push_back({"peer", model::VoteChoice::kFor, "", *Date::Parse("2026-03-02")});
  EXPECT_TRUE(Access::SeesVotes(peer, c));
  EXPECT_EQ(Access::AsSeenBy(peer, c).votes.size(), 2u);
}

}  // namespace
}  // namespace ladder::app
