// Notifications, from the outbox to the people they are for (docs/notifications.md).
//
// The store writes each notification with its outbox row in the transaction of the change that
// causes it (storage/store.h). NotifyWorker::RunOnce then, each time it runs:
//  1. once a day, raises the notices of waivers that expire within 14 days and of review cycles
//     whose current phase ends within 3 days, to those it waits for (idempotent);
//  2. turns outbox rows into deliveries following the recipient's preferences
//     (PlanDeliveries): e-mail now, e-mail in the next daily digest, a webhook;
//  3. leases the deliveries that are due (several processes may run workers on one
//     PostgreSQL: each delivery goes to one of them) and sends them: e-mail over SMTP, webhooks
//     as signed JSON POSTs; a failure is retried after BackoffSeconds, up to max_attempts, and
//     every attempt's outcome stays in the delivery's log.
// A worker that dies mid-way loses nothing: its leases run out and another worker sends those
// deliveries again with the same idempotency key (at least once).
//
// The pure parts (planning, backoff, signatures, message texts) are free functions, tested
// alone. A NotifyWorker is used by one thread at a time; the store is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"
#include "model/notification.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

// Where and how notifications go out: the options of `ladder serve` and `ladder notify
// deliver` (settings file or LADDER_* environment, docs/operations.md).
struct NotifySettings {
  std::string smtp_url;        // smtp://HOST:PORT (or smtps://); "" sends no e-mail
  bool smtp_starttls = false;  // require STARTTLS on smtp:// (refuse to send in the clear)
  std::string smtp_user;       // "" : no authentication
  std::string smtp_password;
  std::string mail_from = "ladder@localhost";
  std::string webhook_url;  // "" : no webhook
  std::string webhook_secret;
  std::string base_url = "http://localhost:8080";  // links in e-mails and webhooks
  int timeout_seconds = 10;                        // per SMTP or HTTP exchange
  int digest_hour = 7;                             // UTC hour the daily digest is due
  int max_attempts = 8;  // a delivery fails for good after this many failed attempts
  int lease_seconds = 300;
  int batch = 100;  // deliveries claimed at once
};

// Seconds to wait after the `attempts`-th failed attempt: 30 s doubled each time, at most 6 h.
long long BackoffSeconds(int attempts);

// The next time the digest is due after `now` (ISO-8601 UTC): today at `hour`:00 UTC if that is
// still ahead, else tomorrow.
std::string NextDigestAt(std::string_view now, int hour);

// The deliveries of notification `n` for a recipient with preferences `prefs` and e-mail
// address `email`, due at `now` (a digest at NextDigestAt). E-mail only when an SMTP server is
// configured, a webhook only when a webhook URL is; an e-mail to a person without an address
// is recorded as failed, saying so. Ids are "<notification>.<channel>".
std::vector<model::Delivery> PlanDeliveries(const model::Notification& n,
                                            const model::NotificationPrefs& prefs,
                                            std::string_view email, const NotifySettings& settings,
                                            std::string_view now);

// The JSON body of a webhook delivery (docs/notifications.md): the delivery's id, the
// notification and an absolute link.
std::string WebhookBody(const model::Notification& n, const model::Delivery& d,
                        const NotifySettings& settings);
// The value of the X-Ladder-Signature header: "sha256=" and the hex HMAC-SHA256 of
// "<timestamp>.<body>" under the webhook secret.
std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body);

// The e-mail of one notification, and of a digest of several (their subjects and links).
struct MailText {
  std::string subject;
  std::string body;
};
MailText NotificationMail(const model::Notification& n, const NotifySettings& settings);
MailText DigestMail(const std::vector<model::Notification>& ns, const NotifySettings& settings);
// A header value as it goes on the wire: line breaks become spaces, and text that is not ASCII
// (a name with an accent) is one RFC 2047 encoded word, "=?UTF-8?B?...?=".
std::string MailHeaderText(std::string_view text);

// What one run did.
struct DeliveryReport {
  int notices = 0;                  // waiver and cycle deadline notices raised
  int fanned = 0;                   // outbox rows turned into deliveries
  int delivered = 0;                // deliveries sent
  int retried = 0;                  // failed attempts that will be tried again
  int failed = 0;                   // deliveries that failed for good
  std::vector<std::string> errors;  // "delivery ID: error" of this run's failed attempts
};

class NotifyWorker {
 public:
  // `owner` names this worker in leases (unique per process: host and pid).
  NotifyWorker(storage::Store& store, NotifySettings settings, std::string owner);

  // One pass (see the file comment) at `now`. Errors: the store's; delivery failures are not
  // errors of the run but entries of the report and of the delivery log.
  Result<DeliveryReport> RunOnce(std::string_view now);

 private:
  Status RaiseWaiverNotices(std::string_view now, DeliveryReport& report);
  // The notices of review cycles whose current phase ends within 3 days; returns how many
  // were new.
  Result<int> RaiseCycleDeadlines(Date today, std::string_view now);
  Status FanOutPending(std::string_view now, DeliveryReport& report);
  Status DeliverDue(std::string_view now, DeliveryReport& report);
  // Records the outcome of one attempt: delivered, or retried/failed with `error`.
  Status Finish(model::Delivery d, const Status& sent, std::string_view now,
                DeliveryReport& report);

  storage::Store& store_;
  NotifySettings settings_;
  std::string owner_;
  Date notices_done_;  // the last day the waiver pass ran
};

// The inbox of the person a signed-in account belongs to (`person`; "" for an account without
// a person, which receives nothing).
Result<std::vector<model::Notification>> InboxOf(storage::Store& store, std::string_view person,
                                                 bool unread_only, int limit = 50);
Result<int> UnreadCount(storage::Store& store, std::string_view person);
// Marks one notification (or, with an empty id, all) of the person's inbox read. kNotFound for
// a notification of someone else.
Result<int> MarkInboxRead(storage::Store& store, std::string_view person, std::string_view id);
// The person's preferences; kFailedPrecondition for an account without a person.
Result<model::NotificationPrefs> PrefsOf(storage::Store& store, std::string_view person);
// Stores them, audited as `actor`.
Status SavePrefs(storage::Store& store, std::string_view actor, std::string_view person,
                 model::NotificationPrefs prefs);

}  // namespace ladder::app
