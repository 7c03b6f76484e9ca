#include "model/notification.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

Case Base() {
  Case c;
  c.id = "c1";
  c.person = "ada";
  c.target_track = "ic";
  c.target_level = "IC3";
  c.panel = {"grace"};
  return c;
}

std::vector<std::string> Summary(const std::vector<Notification>& ns) {
  std::vector<std::string> out;
  for (const Notification& n : ns)
    out.push_back(std::string(NotificationKindName(n.kind)) + ">" + n.recipient);
  return out;
}

TEST(CaseNotifications, OpeningTellsTheCandidateAndThePanel) {
  auto ns = CaseNotifications(std::nullopt, Base(), "Ada Lovelace");
  EXPECT_EQ(Summary(ns), (std::vector<std::string>{"case_opened>ada", "panel_assigned>grace"}));
  EXPECT_EQ(ns[1].subject, "You are on the review panel of Ada Lovelace for ic IC3");
  EXPECT_EQ(ns[0].link, "/cases/c1");
  EXPECT_EQ(ns[0].key, "case:c1:opened:ada");
}

TEST(CaseNotifications, PeerReviewAsksForTheVotesStillMissing) {
  Case before = Base();
  before.status = CaseStatus::kPortfolio;
  Case after = before;
  after.panel = {"grace", "alan"};
  after.status = CaseStatus::kPeerReview;
  after.votes = {{"grace", VoteChoice::kFor, "", Date(2024, 1, 1)}};
  EXPECT_EQ(
      Summary(CaseNotifications(before, after, "Ada")),
      (std::vector<std::string>{"panel_assigned>alan", "vote_requested>alan", "case_moved>ada"}));
}

TEST(CaseNotifications, AReviewerAddedDuringPeerReviewIsAskedToVoteToo) {
  Case before = Base();
  before.status = CaseStatus::kPeerReview;
  Case after = before;
  after.panel = {"grace", "alan"};
  EXPECT_EQ(Summary(CaseNotifications(before, after, "Ada")),
            (std::vector<std::string>{"panel_assigned>alan", "vote_requested>alan"}));
  after.votes = {{"alan", VoteChoice::kFor, "", Date(2024, 1, 1)}};
  EXPECT_TRUE(CaseNotifications(after, after, "Ada").empty());
}

TEST(CaseNotifications, ADecisionIsToldOnceAndNothingElseChangesTellsNobody) {
  Case before = Base();
  EXPECT_TRUE(CaseNotifications(before, before, "Ada").empty());
  Case after = before;
  after.status = CaseStatus::kClosed;
  after.decision = Decision{Outcome::kPromoted, Date(2027, 1, 1), "boss", ""};
  auto ns = CaseNotifications(before, after, "Ada");
  ASSERT_EQ(Summary(ns), (std::vector<std::string>{"case_decided>ada"}));
  EXPECT_EQ(ns[0].subject, "Your review for ic IC3 was decided: promoted, effective 2027-01-01");
  EXPECT_TRUE(CaseNotifications(after, after, "Ada").empty());
}

TEST(WaiverExpiryNotification, OnlyStandingWaiversWithinFourteenDays) {
  Waiver w;
  w.id = "w1";
  w.person = "ada";
  w.requirement = "12 months at IC2";
  w.expires = Date(2024, 3, 15);
  EXPECT_FALSE(WaiverExpiryNotification(w, Date(2024, 2, 29)));
  auto n = WaiverExpiryNotification(w, Date(2024, 3, 1));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->key, "waiver:w1:expires:2024-03-15");
  EXPECT_TRUE(WaiverExpiryNotification(w, Date(2024, 3, 15)));
  EXPECT_FALSE(WaiverExpiryNotification(w, Date(2024, 3, 16)));
  w.revoked = Date(2024, 3, 2);
  EXPECT_FALSE(WaiverExpiryNotification(w, Date(2024, 3, 5)));
  w.revoked = {};
  w.expires = {};
  EXPECT_FALSE(WaiverExpiryNotification(w, Date(2024, 3, 5)));
}

TEST(NotificationPrefs, DefaultsToEveryChannelAndKeepsTheInbox) {
  NotificationPrefs p;
  EXPECT_TRUE(p.Wants(NotificationKind::kCaseMoved, Channel::kEmail));
  p.channels[NotificationKind::kCaseMoved] = {Channel::kWebhook};
  EXPECT_FALSE(p.Wants(NotificationKind::kCaseMoved, Channel::kEmail));
  EXPECT_TRUE(p.Wants(NotificationKind::kCaseMoved, Channel::kWebhook));
  EXPECT_TRUE(p.Wants(NotificationKind::kCaseMoved, Channel::kInbox));
  for (NotificationKind k : kNotificationKinds)
    EXPECT_EQ(ParseNotificationKind(NotificationKindName(k)), k);
}

}  // namespace
}  // namespace ladder::model
