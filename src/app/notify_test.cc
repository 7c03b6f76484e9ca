#include "app/notify.h"

#include <gtest/gtest.h>

#include "app/crypto.h"
#include "app/notify_transport.h"

namespace ladder::app {
namespace {

model::Notification Note() {
  model::Notification n;
  n.id = "nt-1";
  n.recipient = "ada";
  n.kind = model::NotificationKind::kVoteRequested;
  n.subject = "Your vote is waiting";
  n.link = "/cases/c1";
  n.created_at = "2030-01-01T08:00:00.000Z";
  return n;
}

TEST(Backoff, DoublesFromThirtySecondsUpToSixHours) {
  EXPECT_EQ(BackoffSeconds(1), 30);
  EXPECT_EQ(BackoffSeconds(2), 60);
  EXPECT_EQ(BackoffSeconds(5), 480);
  EXPECT_EQ(BackoffSeconds(11), 6 * 3600);
  EXPECT_EQ(BackoffSeconds(1000), 6 * 3600);
}

TEST(Digest, IsDueAtTheNextDigestHour) {
  EXPECT_EQ(NextDigestAt("2030-01-01T06:59:59.000Z", 7), "2030-01-01T07:00:00.000Z");
  EXPECT_EQ(NextDigestAt("2030-01-01T07:00:00.000Z", 7), "2030-01-02T07:00:00.000Z");
  EXPECT_EQ(NextDigestAt("2030-12-31T23:00:00.000Z", 7), "2031-01-01T07:00:00.000Z");
}

TEST(Signing, IsHmacSha256OfTimestampDotBody) {
  // RFC 4231, test case 2.
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(WebhookSignature("key", "2030-01-01T08:00:00.000Z", "{}"),
            "sha256=" + HmacSha256Hex("key", "2030-01-01T08:00:00.000Z.{}"));
  EXPECT_NE(WebhookSignature("key", "2030-01-01T08:00:00.000Z", "{}"),
            WebhookSignature("key", "2030-01-01T08:00:00.000Z", "{ }"));
}

TEST(PlanDeliveries, FollowsPreferencesAndConfiguration) {
  NotifySettings s;
  model::NotificationPrefs prefs;
  const std::string now = "2030-01-01T08:00:00.000Z";
  EXPECT_TRUE(PlanDeliveries(Note(), prefs, "ada@example.org", s, now).empty())
      << "nothing configured: the inbox only";
  s.smtp_url = "smtp://127.0.0.1:25";
  s.webhook_url = "http://127.0.0.1:9/hook";
  auto both = PlanDeliveries(Note(), prefs, "ada@example.org", s, now);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].id, "nt-1.email");
  EXPECT_EQ(both[0].target, "ada@example.org");
  EXPECT_EQ(both[0].due_at, now);
  EXPECT_EQ(both[1].id, "nt-1.webhook");
  prefs.email = model::EmailMode::kDigest;
  auto digest = PlanDeliveries(Note(), prefs, "ada@example.org", s, now);
  EXPECT_EQ(digest[0].channel, model::Channel::kDigest);
  EXPECT_EQ(digest[0].due_at, "2030-01-02T07:00:00.000Z");
  prefs.email = model::EmailMode::kImmediate;
  prefs.channels[model::NotificationKind::kVoteRequested] = {model::Channel::kWebhook};
  auto hook = PlanDeliveries(Note(), prefs, "ada@example.org", s, now);
  ASSERT_EQ(hook.size(), 1u);
  EXPECT_EQ(hook[0].channel, model::Channel::kWebhook);
  prefs.channels.clear();
  auto no_address = PlanDeliveries(Note(), prefs, "", s, now);
  EXPECT_EQ(no_address[0].status, model::DeliveryStatus::kFailed);
  EXPECT_EQ(no_address[0].last_error, "no e-mail address for ada");
}

TEST(Messages, CarryAbsoluteLinks) {
  NotifySettings s;
  s.base_url = "https://ladder.example.org/";
  model::Delivery d;
  d.id = "nt-1.webhook";
  std::string body = WebhookBody(Note(), d, s);
  EXPECT_NE(body.find(R"("link":"https://ladder.example.org/cases/c1")"), std::string::npos)
      << body;
  EXPECT_NE(body.find(R"("delivery":"nt-1.webhook")"), std::string::npos);
  MailText mail = NotificationMail(Note(), s);
  EXPECT_EQ(mail.subject, "Your vote is waiting");
  EXPECT_NE(mail.body.find("https://ladder.example.org/cases/c1"), std::string::npos);
  MailText digest = DigestMail({Note(), Note()}, s);
  EXPECT_EQ(digest.subject, "Ladder: 2 notifications today");
}

TEST(Messages, HeadersThatAreNotAsciiAreEncodedWords) {
  EXPECT_EQ(MailHeaderText("Your vote is waiting"), "Your vote is waiting");
  EXPECT_EQ(MailHeaderText("two\r\nlines"), "two  lines");
  // "José" is 4A 6F 73 C3 A9 in UTF-8.
  EXPECT_EQ(MailHeaderText("Jos\xc3\xa9"), "=?UTF-8?B?Sm9zw6k=?=");
  EXPECT_EQ(MailHeaderText("\xc3\xa9t\xc3\xa9"), "=?UTF-8?B?w6l0w6k=?=");
}

TEST(Transport, ServersThatAreDownAreUnavailable) {
  NotifySettings s;
  s.smtp_url = "smtp://127.0.0.1:1";
  s.webhook_url = "http://127.0.0.1:1/hook";
  s.timeout_seconds = 2;
  Status mail = SendMail(s, "ada@example.org", {"Hi", "Body"}, "m1");
  ASSERT_FALSE(mail);
  EXPECT_EQ(mail.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(mail.error().message.find("smtp://127.0.0.1:1"), std::string::npos)
      << mail.error().message;
  Status hook = PostWebhook(s, "{}", "k1", "2030-01-01T08:00:00.000Z");
  ASSERT_FALSE(hook);
  EXPECT_EQ(hook.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace ladder::app
