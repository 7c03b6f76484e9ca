// The storage contract of notifications (store.h, "Notifications"), on every backend: they are
// written in the transaction of the change that causes them, once per key; the inbox reads,
// counts and marks its recipient's only; planning deliveries is idempotent; leases keep
// concurrent workers from sharing a delivery and hand over a delivery whose worker died.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage {
namespace {

using model::Channel;
using model::Delivery;
using model::NotificationKind;

using testing::Backend;
using testing::kPostgres;
using testing::kSqliteFile;
using testing::kSqliteMemory;

model::Person Person(std::string id) {
  return {id, "Name " + id, id + "@example.org", "", Date(2020, 3, 1)};
}

model::Case OpenCase() {
  model::Case c;
  c.id = "case-1";
  c.person = "e1";
  c.target_track = "ic";
  c.target_level = "IC2";
  c.opened_by = "m1";
  c.opened = Date(2024, 6, 1);
  c.panel = {"p1"};
  return c;
}

std::multiset<std::string> Kinds(Store& store, const std::string& person) {
  std::multiset<std::string> out;
  auto listed = store.ListNotifications({person});
  EXPECT_TRUE(listed) << listed.error().ToString();
  if (!listed) return out;
  for (const auto& n : *listed) out.insert(model::NotificationKindName(n.kind));
  return out;
}

Delivery Planned(const std::string& notification, const std::string& recipient, Channel c) {
  Delivery d;
  d.id = notification + "." + model::ChannelName(c);
  d.recipient = recipient;
  d.channel = c;
  d.target = recipient + "@example.org";
  return d;
}

class NotificationStore : public ::testing::TestWithParam<const Backend*> {
 protected:
  void SetUp() override {
    std::string url = GetParam()->fresh_url();
    if (url.empty()) {
      if (testing::InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
      GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
    }
    url_ = url;
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
    for (const char* id : {"e1", "p1", "p2", "m1"})
      ASSERT_TRUE(store_->SavePerson("hr", Person(id)));
  }
  // Stores notification `id` for `recipient` with its outbox row.
  void Notify(const std::string& id, const std::string& recipient) {
    model::Notification n;
    n.id = id;
    n.recipient = recipient;
    n.subject = "About " + id;
    n.key = "test:" + id;
    ASSERT_EQ(*store_->AddNotifications({n}, "2030-01-01T08:00:00.000Z"), 1);
  }
  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_P(NotificationStore, CaseChangesTellPeopleInTheirTransaction) {
  ASSERT_TRUE(store_->SaveCase("m1", OpenCase()));
  EXPECT_EQ(Kinds(*store_, "e1"), (std::multiset<std::string>{"case_opened"}));
  EXPECT_EQ(Kinds(*store_, "p1"), (std::multiset<std::string>{"panel_assigned"}));
  model::Case c = *store_->GetCase("case-1");
  c.panel = {"p1", "p2"};
  c.status = model::CaseStatus::kPeerReview;
  ASSERT_TRUE(store_->SaveCase("m1", c));
  EXPECT_EQ(Kinds(*store_, "p1"), (std::multiset<std::string>{"panel_assigned", "vote_requested"}));
  EXPECT_EQ(Kinds(*store_, "p2"), (std::multiset<std::string>{"panel_assigned", "vote_requested"}));
  EXPECT_EQ(Kinds(*store_, "e1"), (std::multiset<std::string>{"case_opened", "case_moved"}));
  // Saved again unchanged: nobody is told twice.
  ASSERT_TRUE(store_->SaveCase("m1", c));
  EXPECT_EQ(store_->ListNotifications({"p1"})->size(), 2u);
  // A change that fails (rolled back by its transaction) tells nobody.
  model::Case decided = c;
  decided.status = model::CaseStatus::kClosed;
  decided.decision = model::Decision{model::Outcome::kPromoted, Date(2024, 7, 1), "m1", ""};
  Status rolled_back = store_->WithTransaction([&](Store& tx) -> Status {
    LADDER_TRY(std::string id, tx.SaveCase("m1", decided));
    (void)id;
    return MakeError(ErrorCode::kInternal, "the rest of the change failed");
  });
  ASSERT_FALSE(rolled_back);
  EXPECT_EQ(Kinds(*store_, "e1"), (std::multiset<std::string>{"case_opened", "case_moved"}));
  EXPECT_EQ(store_->PendingOutbox(100)->size(), 6u);
  ASSERT_TRUE(store_->SaveCase("m1", decided));
  auto e1 = store_->ListNotifications({"e1"});
  ASSERT_EQ(e1->size(), 3u);
  // Newest first; changes within one millisecond may share it, so find the decision by kind.
  auto told = std::find_if(e1->begin(), e1->end(), [](const model::Notification& n) {
    return n.kind == NotificationKind::kCaseDecided;
  });
  ASSERT_NE(told, e1->end());
  EXPECT_NE(told->subject.find("promoted, effective 2024-07-01"), std::string::npos)
      << told->subject;
  EXPECT_EQ(told->link, "/cases/case-1");
  EXPECT_EQ(store_->PendingOutbox(100)->size(), 7u);
}

TEST_P(NotificationStore, TheSameKeyIsStoredOnce) {
  model::Notification n;
  n.recipient = "e1";
  n.subject = "Once";
  n.key = "once:e1";
  EXPECT_EQ(*store_->AddNotifications({n, n}, "2030-01-01T08:00:00.000Z"), 1);
  EXPECT_EQ(*store_->AddNotifications({n}, "2030-01-02T08:00:00.000Z"), 0);
  EXPECT_EQ(store_->ListNotifications({"e1"})->size(), 1u);
  n.recipient = "ghost";
  n.key = "ghost";
  auto refused = store_->AddNotifications({n}, "2030-01-01T08:00:00.000Z");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(NotificationStore, TheInboxIsItsRecipientsOnly) {
  Notify("nt-a", "e1");
  Notify("nt-b", "e1");
  Notify("nt-c", "p1");
  EXPECT_EQ(*store_->CountUnread("e1"), 2);
  auto other = store_->MarkRead("p1", "nt-a", "2030-01-01T09:00:00.000Z");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*store_->MarkRead("e1", "nt-a", "2030-01-01T09:00:00.000Z"), 1);
  EXPECT_EQ(*store_->MarkRead("e1", "nt-a", "2030-01-01T09:30:00.000Z"), 0);
  EXPECT_EQ(store_->GetNotification("nt-a")->read_at, "2030-01-01T09:00:00.000Z");
  EXPECT_EQ(*store_->CountUnread("e1"), 1);
  auto unread = store_->ListNotifications({"e1", true});
  ASSERT_EQ(unread->size(), 1u);
  EXPECT_EQ(unread->front().id, "nt-b");
  EXPECT_EQ(*store_->MarkRead("e1", "", "2030-01-01T10:00:00.000Z"), 1);
  EXPECT_EQ(*store_->CountUnread("e1"), 0);
  EXPECT_EQ(*store_->CountUnread("p1"), 1);
}

TEST_P(NotificationStore, PreferencesDefaultRoundTripAndAreAudited) {
  auto defaults = store_->GetNotificationPrefs("e1");
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->email, model::EmailMode::kImmediate);
  EXPECT_TRUE(defaults->Wants(NotificationKind::kCaseMoved, Channel::kWebhook));
  model::NotificationPrefs p = *defaults;
  p.email = model::EmailMode::kDigest;
  p.channels[NotificationKind::kCaseMoved] = {};
  ASSERT_TRUE(store_->SaveNotificationPrefs("user:e1", p));
  auto got = store_->GetNotificationPrefs("e1");
  EXPECT_EQ(got->email, model::EmailMode::kDigest);
  EXPECT_FALSE(got->Wants(NotificationKind::kCaseMoved, Channel::kEmail));
  EXPECT_TRUE(got->Wants(NotificationKind::kCaseOpened, Channel::kEmail));
  auto audit = store_->ListAudit({"", "", "notification_prefs.update"});
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().actor, "user:e1");
  p.person = "ghost";
  EXPECT_EQ(store_->SaveNotificationPrefs("user:x", p).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(NotificationStore, PlanningTwiceStoresEachDeliveryOnce) {
  Notify("nt-a", "e1");
  std::vector<Delivery> plan = {Planned("nt-a", "e1", Channel::kEmail),
                                Planned("nt-a", "e1", Channel::kWebhook)};
  const std::string now = "2030-01-01T08:00:00.000Z";
  ASSERT_TRUE(store_->FanOut("nt-a", plan, now));
  ASSERT_TRUE(store_->FanOut("nt-a", plan, now));  // a second worker planned the same row
  EXPECT_TRUE(store_->PendingOutbox(10)->empty());
  auto log = store_->ListDeliveries({});
  ASSERT_EQ(log->size(), 2u);
  for (const Delivery& d : *log) {
    EXPECT_EQ(d.status, model::DeliveryStatus::kPending);
    EXPECT_EQ(d.attempts, 0);
    EXPECT_EQ(d.due_at, now);
  }
}

TEST_P(NotificationStore, LeasesKeepWorkersApartAndRunOut) {
  Notify("nt-a", "e1");
  ASSERT_TRUE(
      store_->FanOut("nt-a", {Planned("nt-a", "e1", Channel::kEmail)}, "2030-01-01T08:00:00.000Z"));
  const std::string t0 = "2030-01-01T08:00:01.000Z", t1 = "2030-01-01T08:05:01.000Z";
  EXPECT_TRUE(store_->ClaimDeliveries("a", "2030-01-01T07:59:00.000Z", t1, 10)->empty())
      << "claimed before it was due";
  auto a = store_->ClaimDeliveries("a", t0, t1, 10);
  ASSERT_EQ(a->size(), 1u);
  EXPECT_TRUE(store_->ClaimDeliveries("b", t0, t1, 10)->empty()) << "a leased delivery was shared";
  // a dies; its lease runs out and b takes the delivery over.
  auto b = store_->ClaimDeliveries("b", t1, "2030-01-01T08:10:01.000Z", 10);
  ASSERT_EQ(b->size(), 1u);
  Delivery done = b->front();
  done.attempts = 1;
  done.status = model::DeliveryStatus::kDelivered;
  done.delivered_at = t1;
  EXPECT_EQ(store_->FinishDelivery("a", done).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->FinishDelivery("b", done));
  DeliveryQuery of_e1;
  of_e1.recipient = "e1";
  auto log = store_->ListDeliveries(of_e1);
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ(log->front().status, model::DeliveryStatus::kDelivered);
  EXPECT_EQ(log->front().attempts, 1);
  EXPECT_TRUE(
      store_->ClaimDeliveries("c", "2030-02-01T00:00:00.000Z", "2030-02-01T00:05:00.000Z", 10)
          ->empty())
      << "a delivered delivery was claimed again";
}

TEST_P(NotificationStore, ConcurrentClaimsNeverShareADelivery) {
  // On in-memory SQLite the store serialises the workers on its one connection; the claims must
  // still never overlap.
  const int kDeliveries = 60;
  for (int i = 0; i < kDeliveries; ++i) {
    std::string id = "nt-" + std::to_string(i);
    Notify(id, i % 2 ? "e1" : "p1");
    ASSERT_TRUE(store_->FanOut(id, {Planned(id, i % 2 ? "e1" : "p1", Channel::kWebhook)},
                               "2030-01-01T08:00:00.000Z"));
  }
  std::mutex mu;
  std::multiset<std::string> claimed;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&, w] {
      for (int round = 0; round < 20; ++round) {
        auto got = store_->ClaimDeliveries("w" + std::to_string(w), "2030-01-01T08:00:01.000Z",
                                           "2030-01-01T08:05:01.000Z", 5);
        ASSERT_TRUE(got) << got.error().ToString();
        std::lock_guard lock(mu);
        for (const Delivery& d : *got) claimed.insert(d.id);
      }
    });
  for (std::thread& t : workers) t.join();
  EXPECT_EQ(claimed.size(), static_cast<size_t>(kDeliveries));
  EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(), claimed.size())
      << "a delivery went to two workers";
}

TEST_P(NotificationStore, WaiverNoticesOncePerWaiverAndExpiry) {
  model::Waiver w;
  w.id = "wa-1";
  w.person = "e1";
  w.requirement = "12 months at IC1";
  w.approver = "m1";
  w.reason = "joined from a peer company";
  w.granted = Date(2024, 1, 1);
  w.expires = Date(2024, 3, 10);
  ASSERT_TRUE(store_->SaveWaiver("m1", w));
  model::Waiver later = w;
  later.id = "wa-2";
  later.expires = Date(2024, 6, 1);
  ASSERT_TRUE(store_->SaveWaiver("m1", later));
  EXPECT_EQ(*store_->AddWaiverExpiryNotifications(Date(2024, 2, 20), "2024-02-20T07:00:00.000Z"),
            0);
  EXPECT_EQ(*store_->AddWaiverExpiryNotifications(Date(2024, 2, 25), "2024-02-25T07:00:00.000Z"),
            1);
  EXPECT_EQ(*store_->AddWaiverExpiryNotifications(Date(2024, 2, 26), "2024-02-26T07:00:00.000Z"),
            0);
  auto e1 = store_->ListNotifications({"e1"});
  ASSERT_EQ(e1->size(), 1u);
  EXPECT_EQ(e1->front().kind, NotificationKind::kWaiverExpiring);
  EXPECT_NE(e1->front().subject.find("2024-03-10"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationStore,
                         ::testing::Values(&kSqliteMemory, &kSqliteFile, &kPostgres),
                         [](const auto& param_info) { return param_info.param->name; });

}  // namespace
}  // namespace ladder::storage
