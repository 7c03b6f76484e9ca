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

// A cycle in `phase`, whose deadlines are a week apart from 2027-01-15 on.
Cycle CycleIn(CyclePhase phase) {
  Cycle c;
  c.id = "h1";
  c.name = "2027 H1";
  Date d(2027, 1, 15);
  for (CyclePhase p : kCyclePhases) {
    c.phases.push_back({p, d});
    d = d.AddDays(7);
  }
  c.phase = phase;
  return c;
}

std::vector<std::string> Recipients(const std::vector<Notification>& notices) {
  std::vector<std::string> out;
  for (const Notification& n : notices) out.push_back(n.recipient);
  return out;
}

TEST(CycleDeadlineNotifications, TellThoseThePhaseWaitsForInTheLastThreeDays) {
  std::vector<Candidate> candidates(4);
  for (size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].person = std::string(1, static_cast<char>('a' + i));
    candidates[i].manager = "m";
  }
  candidates[0].readiness = Readiness::kEligible;
  candidates[1].readiness = Readiness::kClose;
  candidates[1].nominated_by = "m";  // nominated already
  candidates[2].readiness = Readiness::kBlocked;
  candidates[3].readiness = Readiness::kClose;
  candidates[3].manager = "n";
  Cycle nominations = CycleIn(CyclePhase::kNominations);
  // Four days before: nothing; three days before up to the day: the unnominated eligible and
  // close, and their managers.
  EXPECT_TRUE(
      CycleDeadlineNotifications(nominations, candidates, {}, {}, Date(2027, 1, 11)).empty());
  auto notices = CycleDeadlineNotifications(nominations, candidates, {}, {}, Date(2027, 1, 12));
  EXPECT_EQ(Recipients(notices), (std::vector<std::string>{"a", "d", "m", "n"}));
  EXPECT_EQ(notices[0].subject, "2027 H1: Nominations ends on 2027-01-15 (in 3 days)");
  EXPECT_EQ(notices[0].link, "/cycles/h1");
  EXPECT_EQ(notices[0].key, "cycle:h1:nominations:2027-01-15:a");
  EXPECT_EQ(
      CycleDeadlineNotifications(nominations, candidates, {}, {}, Date(2027, 1, 15))[0].subject,
      "2027 H1: Nominations ends on 2027-01-15 (today)");
  EXPECT_TRUE(
      CycleDeadlineNotifications(nominations, candidates, {}, {}, Date(2027, 1, 16)).empty());
  // Panels: the members who have not voted on reviews not decided.
  Case open;
  open.person = "a";
  open.panel = {"p", "q"};
  open.votes = {{"p", VoteChoice::kFor, "", Date(2027, 2, 1)}};
  Case decided = open;
  decided.person = "d";
  decided.panel = {"r"};
  decided.decision = Decision{};
  Cycle panels = CycleIn(CyclePhase::kPanels);
  EXPECT_EQ(Recipients(CycleDeadlineNotifications(panels, candidates, {open, decided}, {},
                                                  Date(2027, 2, 4))),
            (std::vector<std::string>{"q"}));
  // Manager review: the managers of those in review; decisions: the people team.
  EXPECT_EQ(Recipients(CycleDeadlineNotifications(CycleIn(CyclePhase::kManagerReview), candidates,
                                                  {open}, {}, Date(2027, 1, 28))),
            (std::vector<std::string>{"m"}));
  EXPECT_EQ(Recipients(CycleDeadlineNotifications(CycleIn(CyclePhase::kDecisions), candidates,
                                                  {open}, {"hr"}, Date(2027, 2, 17))),
            (std::vector<std::string>{"hr"}));
  Cycle closed = CycleIn(CyclePhase::kDecisions);
  closed.status = CycleStatus::kClosed;
  EXPECT_TRUE(
      CycleDeadlineNotifications(closed, candidates, {open}, {"hr"}, Date(2027, 2, 17)).empty());
}

// A proposal tells the people team but its author; each step by someone else tells the author;
// the author's answer tells those who asked for changes; keys are per step and recipient.
TEST(ChangeRequestNotifications, TellTheReviewersAndTheAuthorWhatConcernsThem) {
  ChangeRequest r;
  r.id = "cr-1";
  r.framework = "eng";
  r.version = "3";
  r.title = "Clearer L1";
  r.author = "ana";
  const std::vector<std::string> team = {"ana", "ben", "cleo"};
  const std::map<std::string, std::string> names = {{"ana", "Ana López"}, {"ben", "Ben Ode"}};
  std::vector<Notification> proposed = ChangeRequestNotifications(std::nullopt, r, team, names);
  ASSERT_EQ(proposed.size(), 2u);
  EXPECT_EQ(proposed[0].recipient, "ben");
  EXPECT_EQ(proposed[0].kind, NotificationKind::kChangeProposed);
  EXPECT_EQ(proposed[0].subject, "Ana López proposed eng 3 (Clearer L1) for your review");
  EXPECT_EQ(proposed[0].link, "/admin/changes/cr-1");
  EXPECT_EQ(proposed[1].recipient, "cleo");
  EXPECT_NE(proposed[0].key, proposed[1].key);

  ChangeRequest asked = r;
  asked.entries.push_back({"ben", "t1", Verdict::kRequestChanges, "Example?"});
  asked.status = ChangeStatus::kChangesRequested;
  std::vector<Notification> told = ChangeRequestNotifications(r, asked, team, names);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].recipient, "ana");
  EXPECT_EQ(told[0].kind, NotificationKind::kChangeReviewed);
  EXPECT_EQ(told[0].subject, "Ben Ode asked for changes to eng 3 (Clearer L1)");

  ChangeRequest answered = asked;
  answered.entries.push_back({"ana", "t2", Verdict::kComment, "Added one"});
  told = ChangeRequestNotifications(asked, answered, team, names);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].recipient, "ben");
  EXPECT_EQ(told[0].subject, "Ana López answered on eng 3 (Clearer L1)");

  // Withdrawn by its author tells nobody; published by someone else tells the author.
  ChangeRequest withdrawn = answered;
  withdrawn.status = ChangeStatus::kWithdrawn;
  withdrawn.closed_by = "ana";
  EXPECT_TRUE(ChangeRequestNotifications(answered, withdrawn, team, names).empty());
  ChangeRequest published = answered;
  published.status = ChangeStatus::kPublished;
  published.closed_by = "cleo";
  told = ChangeRequestNotifications(answered, published, team, names);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].subject, "cleo published eng 3 (Clearer L1)");
}

}  // namespace
}  // namespace ladder::model
