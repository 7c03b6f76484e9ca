// The table of who may act (app/authority.h): what a promotion committee expects of it, stated
// here independently of the table; docs/accounts.md printing the same table; how an actor
// stands to a person or case; and the command line's actors.
#include "app/authority.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ladder::app {
namespace {

using model::UserRole;

constexpr UserRole kAllRoles[] = {UserRole::kAdmin, UserRole::kPeopleTeam, UserRole::kManager,
                                  UserRole::kReviewer, UserRole::kEmployee};

bool May(Action action, UserRole role, Relation relation) {
  return Permit(Actor{"someone", {role}}, action, relation, "x").has_value();
}

TEST(AuthorityTable, ThePersonUnderReviewNeverRunsTheirOwnReview) {
  for (Action a : {Action::kNamePanel, Action::kMoveCase, Action::kVote, Action::kPanelAssess,
                   Action::kDecide, Action::kWaive, Action::kApprove, Action::kSignOff,
                   Action::kFillNeed, Action::kManagerAssess, Action::kRaise})
    for (UserRole r : kAllRoles)
      EXPECT_FALSE(May(a, r, Relation::kSelf)) << AuthorityTable()[static_cast<size_t>(a)].name
                                               << " by the person as " << model::UserRoleName(r);
  // What they may do: open their review, add their evidence, assess themselves.
  for (UserRole r : kAllRoles) {
    EXPECT_TRUE(May(Action::kOpenCase, r, Relation::kSelf));
    EXPECT_TRUE(May(Action::kAddCaseEvidence, r, Relation::kSelf));
    EXPECT_TRUE(May(Action::kSelfAssess, r, Relation::kSelf));
  }
}

TEST(AuthorityTable, APanelMemberVotesAndDoesNothingElseInTheReview) {
  for (UserRole r : kAllRoles) {
    EXPECT_TRUE(May(Action::kVote, r, Relation::kPanel));
    EXPECT_TRUE(May(Action::kPanelAssess, r, Relation::kPanel));
    for (Action a : {Action::kNamePanel, Action::kMoveCase, Action::kDecide, Action::kWaive,
                     Action::kAddCaseEvidence, Action::kFillNeed})
      EXPECT_FALSE(May(a, r, Relation::kPanel))
          << AuthorityTable()[static_cast<size_t>(a)].name << " by a panel member as "
          << model::UserRoleName(r);
  }
  // Nobody else votes.
  for (UserRole r : kAllRoles)
    for (Relation rel : {Relation::kSelf, Relation::kAbove, Relation::kOther})
      EXPECT_FALSE(May(Action::kVote, r, rel));
}

TEST(AuthorityTable, TheChainCountsForTheManagerRoleOnly) {
  for (Action a :
       {Action::kNamePanel, Action::kMoveCase, Action::kDecide, Action::kWaive, Action::kApprove,
        Action::kOpenNeed, Action::kManagerAssess, Action::kRaise, Action::kSignOff}) {
    EXPECT_TRUE(May(a, UserRole::kManager, Relation::kAbove));
    EXPECT_FALSE(May(a, UserRole::kReviewer, Relation::kAbove));
    EXPECT_FALSE(May(a, UserRole::kEmployee, Relation::kAbove));
    EXPECT_FALSE(May(a, UserRole::kManager, Relation::kOther));  // not their report
  }
}

TEST(AuthorityTable, ThePeopleTeamRunsTheProcessAndLeadershipWaives) {
  for (Action a : {Action::kNamePanel, Action::kMoveCase, Action::kDecide, Action::kOpenNeed,
                   Action::kCloseNeed})
    EXPECT_TRUE(May(a, UserRole::kPeopleTeam, Relation::kOther));
  for (Action a : {Action::kWaive, Action::kApprove, Action::kManagerAssess}) {
    EXPECT_FALSE(May(a, UserRole::kPeopleTeam, Relation::kOther));
    EXPECT_FALSE(May(a, UserRole::kAdmin, Relation::kOther));
  }
  // Needs: who opened it (self), a manager above them, the people team; not any employee.
  EXPECT_TRUE(May(Action::kCloseNeed, UserRole::kManager, Relation::kSelf));
  EXPECT_TRUE(May(Action::kCloseNeed, UserRole::kManager, Relation::kAbove));
  EXPECT_FALSE(May(Action::kCloseNeed, UserRole::kManager, Relation::kOther));
  for (Relation rel : {Relation::kSelf, Relation::kAbove, Relation::kOther})
    EXPECT_FALSE(May(Action::kCloseNeed, UserRole::kEmployee, rel));
  // A sign-off is confirmed by its signer only.
  for (UserRole r : kAllRoles) {
    EXPECT_TRUE(May(Action::kConfirmSignOff, r, Relation::kSelf));
    EXPECT_FALSE(May(Action::kConfirmSignOff, r, Relation::kAbove));
    EXPECT_FALSE(May(Action::kConfirmSignOff, r, Relation::kOther));
  }
}

TEST(AuthorityTable, ThePersonsOwnManagerRunsTheProcessButDoesNotWaiveAlone) {
  for (Action a : {Action::kNamePanel, Action::kMoveCase, Action::kDecide, Action::kApprove,
                   Action::kOpenNeed, Action::kManagerAssess, Action::kRaise, Action::kSignOff})
    EXPECT_TRUE(May(a, UserRole::kManager, Relation::kManager)) << static_cast<int>(a);
  for (Action a : {Action::kWaive, Action::kRevokeWaiver}) {
    EXPECT_FALSE(May(a, UserRole::kManager, Relation::kManager));
    EXPECT_TRUE(May(a, UserRole::kManager, Relation::kAbove));
    EXPECT_FALSE(May(a, UserRole::kManager, Relation::kSelf));
  }
}

TEST(AuthorityTable, TheWaiverPolicyGivesTheRowsOfWaiving) {
  auto same = [](const Permission& a, const Permission& b) {
    return a.admin == b.admin && a.people_team == b.people_team && a.manager == b.manager &&
           a.reviewer == b.reviewer && a.employee == b.employee;
  };
  // The table holds the default policy's rows.
  for (Action a : {Action::kWaive, Action::kRevokeWaiver})
    EXPECT_TRUE(
        same(WaiverRow(a, model::WaiverPolicy{}), AuthorityTable()[static_cast<size_t>(a)]));
  model::WaiverPolicy policy;
  policy.by = {"manager", "people_team"};
  Permission row = WaiverRow(Action::kWaive, policy);
  Actor mgr{"m", {UserRole::kManager}}, hr{"h", {UserRole::kPeopleTeam}};
  EXPECT_TRUE(Permit(mgr, row, Relation::kManager, "case c1"));
  EXPECT_FALSE(Permit(mgr, row, Relation::kAbove, "case c1"));  // leadership left out
  EXPECT_FALSE(Permit(mgr, row, Relation::kSelf, "case c1"));
  EXPECT_TRUE(Permit(hr, row, Relation::kOther, "case c1"));
  EXPECT_FALSE(Permit(hr, row, Relation::kSelf, "case c1"));
  policy.by.push_back("self");
  EXPECT_TRUE(Permit(hr, WaiverRow(Action::kWaive, policy), Relation::kSelf, "case c1"));
  // Nobody, when the policy names no one.
  policy.by.clear();
  Status none = Permit(mgr, WaiverRow(Action::kWaive, policy), Relation::kAbove, "case c1");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("allowed: nobody"), std::string::npos);
}

TEST(AuthorityTable, SeveralRolesAllowWhatAnyOfThemAllows) {
  Actor both{"x", {UserRole::kReviewer, UserRole::kManager}};
  EXPECT_TRUE(Permit(both, Action::kDecide, Relation::kAbove, "case c1"));
  Actor none{"x", {}};
  EXPECT_FALSE(Permit(none, Action::kOpenCase, Relation::kSelf, "x"));
}

TEST(AuthorityTable, ARefusalSaysWhoMay) {
  Status s =
      Permit(Actor{"r1", {UserRole::kReviewer}}, Action::kDecide, Relation::kAbove, "case c1");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(s.error().field, "by");
  EXPECT_EQ(s.error().message,
            "r1 may not decide a review (case c1) as reviewer, above; allowed: admin, "
            "people_team (manager, above, other); manager (manager, above) (docs/accounts.md)");
  Status vote =
      Permit(Actor{"m1", {UserRole::kManager}}, Action::kVote, Relation::kAbove, "case c1");
  ASSERT_FALSE(vote);
  EXPECT_EQ(vote.error().message,
            "m1 may not vote in a peer review (case c1) as manager, above; allowed: any role "
            "(panel) (docs/accounts.md)");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AuthorityTable, DocsAccountsPrintsTheTable) {
  std::string doc = ReadFile(std::string(LADDER_SOURCE_DIR) + "/docs/accounts.md");
  const std::string begin = "<!-- authority-table: printed by app::AuthorityMarkdown()";
  const std::string end = "<!-- end authority-table -->";
  size_t b = doc.find(begin);
  ASSERT_NE(b, std::string::npos) << "docs/accounts.md lacks the authority table's markers";
  b = doc.find('\n', b) + 1;
  size_t e = doc.find(end, b);
  ASSERT_NE(e, std::string::npos);
  EXPECT_EQ(doc.substr(b, e - b), AuthorityMarkdown())
      << "docs/accounts.md: replace the table between the markers with the text above";
}

class RelationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    // top -> lead -> mgr -> emp; peer and solo stand alone.
    for (auto [id, manager] :
         {std::pair{"top", ""}, std::pair{"lead", "top"}, std::pair{"mgr", "lead"},
          std::pair{"emp", "mgr"}, std::pair{"peer", ""}, std::pair{"solo", ""}})
      ASSERT_TRUE(store_->SavePerson("t", model::Person{id, id, "", manager, {}}));
  }
  void AddUser(const std::string& id, const std::string& person, std::vector<UserRole> roles,
               bool disabled = false) {
    model::User u{id, person, id, std::move(roles), "$argon2id$unused", disabled};
    ASSERT_TRUE(store_->SaveUser("t", u));
  }
  std::unique_ptr<storage::Store> store_;
};

TEST_F(RelationTest, TheFirstRelationThatHolds) {
  model::Case c;
  c.person = "emp";
  c.panel = {"peer", "lead"};
  auto rel = [&](const char* who, const model::Case* review) {
    return *RelationTo(*store_, Actor{who, {UserRole::kManager}}, "emp", review);
  };
  EXPECT_EQ(rel("emp", &c), Relation::kSelf);
  EXPECT_EQ(rel("peer", &c), Relation::kPanel);
  EXPECT_EQ(rel("lead", &c), Relation::kPanel);  // above emp, but on the panel
  EXPECT_EQ(rel("lead", nullptr), Relation::kAbove);
  EXPECT_EQ(rel("top", &c), Relation::kAbove);    // transitively
  EXPECT_EQ(rel("mgr", &c), Relation::kManager);  // their own manager
  EXPECT_EQ(rel("solo", &c), Relation::kOther);
  EXPECT_EQ(*RelationTo(*store_, Actor{"", {UserRole::kAdmin}}, "emp", &c), Relation::kOther);
  EXPECT_EQ(*RelationTo(*store_, Actor{"top", {}}, "ghost", nullptr), Relation::kOther);
}

TEST_F(RelationTest, TheCommandLineActsWithTheRolesOfThePersonsAccounts) {
  AddUser("lead-account", "lead", {UserRole::kReviewer});
  AddUser("peer-1", "peer", {UserRole::kEmployee});
  AddUser("peer-2", "peer", {UserRole::kPeopleTeam});
  AddUser("solo-account", "solo", {UserRole::kManager}, /*disabled=*/true);
  // An account's roles, not the chain: lead has reports but only the reviewer role.
  EXPECT_EQ(OperatorActor(*store_, "lead")->roles, std::vector<UserRole>{UserRole::kReviewer});
  EXPECT_EQ(OperatorActor(*store_, "peer")->roles,
            (std::vector<UserRole>{UserRole::kEmployee, UserRole::kPeopleTeam}));
  // Without an account, the people records: someone with reports is a manager.
  EXPECT_EQ(OperatorActor(*store_, "mgr")->roles, std::vector<UserRole>{UserRole::kManager});
  EXPECT_EQ(OperatorActor(*store_, "emp")->roles, std::vector<UserRole>{UserRole::kEmployee});
  EXPECT_EQ(OperatorActor(*store_, "solo").error().code, ErrorCode::kPermissionDenied);
  Result<Actor> ghost = OperatorActor(*store_, "ghost");
  ASSERT_FALSE(ghost);
  EXPECT_EQ(ghost.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ghost.error().field, "by");
}

}  // namespace
}  // namespace ladder::app
