// Notifications (docs/notifications.md): what a person is told when something that concerns them
// changes, and the deliveries that carry it to them. Plain values and the pure rules that say
// which notifications a change causes; storage writes them in the transaction of the change
// (the outbox) and app/notify.h delivers them. No I/O, no clock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "model/change_request.h"
#include "model/cycle.h"
#include "model/people.h"

namespace ladder::model {

// What happened. A new kind (say, a cycle's deadline in 3 days) is one more value here, its
// name in notification.cc and the rule that raises it; every switch over it names the rest.
enum class NotificationKind {
  kCaseOpened,      // a review of your promotion was opened
  kPanelAssigned,   // you were put on a review panel
  kVoteRequested,   // the case reached peer review and your vote is waiting
  kCaseMoved,       // your case moved to another stage
  kCaseDecided,     // your case was decided
  kWaiverExpiring,  // a waiver of yours expires within kWaiverNoticeDays
  kCycleDeadline,   // a phase of a review cycle that waits for you ends within kDeadlineNoticeDays
  kChangeProposed,  // a change of a framework was proposed and waits for your review
  kChangeReviewed,  // a change request you take part in was reviewed, published or withdrawn
};
inline constexpr NotificationKind kNotificationKinds[] = {
    NotificationKind::kCaseOpened,    NotificationKind::kPanelAssigned,
    NotificationKind::kVoteRequested, NotificationKind::kCaseMoved,
    NotificationKind::kCaseDecided,   NotificationKind::kWaiverExpiring,
    NotificationKind::kCycleDeadline, NotificationKind::kChangeProposed,
    NotificationKind::kChangeReviewed};
inline constexpr int kWaiverNoticeDays = 14;
inline constexpr int kDeadlineNoticeDays = 3;

// How a notification reaches its recipient. The inbox always has it (it is the notification);
// the others are deliveries. kDigest is e-mail collected into one message a day.
enum class Channel { kInbox, kEmail, kWebhook, kDigest };

// One thing a person is told. `key` makes it idempotent: a second notification with the same
// key is the same notification and is not stored again (a daily pass that finds the same
// expiring waiver, a case saved twice in the same state).
struct Notification {
  std::string id;
  std::string recipient;  // person id
  NotificationKind kind = NotificationKind::kCaseOpened;
  std::string subject;     // one line a person reads
  std::string link;        // the page it is about ("/cases/ID"), or ""
  std::string created_at;  // ISO-8601 UTC
  std::string read_at;     // ISO-8601 UTC, "" while unread
  std::string key;
  friend bool operator==(const Notification&, const Notification&) = default;
};

enum class DeliveryStatus { kPending, kDelivered, kFailed };

// One attempt to carry a notification over one channel, with its log: how many attempts, when
// the next one is due, the last error. Its id is the idempotency key the receiver sees, the same
// on every attempt.
struct Delivery {
  std::string id;  // "<notification id>.<channel>"
  std::string notification;
  std::string recipient;
  Channel channel = Channel::kEmail;
  std::string target;  // e-mail address or webhook URL
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  std::string due_at;  // ISO-8601 UTC
  std::string last_error;
  std::string delivered_at;
  friend bool operator==(const Delivery&, const Delivery&) = default;
};

// E-mail immediately, once a day in a digest, or not at all.
enum class EmailMode { kImmediate, kDigest, kOff };

// A person's preferences: for each kind, the channels beyond the inbox (absent: e-mail and
// webhook), and how e-mail is sent.
struct NotificationPrefs {
  std::string person;
  EmailMode email = EmailMode::kImmediate;
  std::map<NotificationKind, std::vector<Channel>> channels;
  friend bool operator==(const NotificationPrefs&, const NotificationPrefs&) = default;
  // Whether `kind` goes out over `channel` (kInbox: always).
  bool Wants(NotificationKind kind, Channel channel) const;
};

const char* NotificationKindName(NotificationKind k);  // case_opened | panel_assigned | ...
const char* ChannelName(Channel c);                    // inbox | email | webhook | digest
const char* DeliveryStatusName(DeliveryStatus s);      // pending | delivered | failed
const char* EmailModeName(EmailMode m);                // immediate | digest | off
std::optional<NotificationKind> ParseNotificationKind(std::string_view s);
std::optional<Channel> ParseChannel(std::string_view s);
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view s);
std::optional<EmailMode> ParseEmailMode(std::string_view s);

// The notifications a change of a case causes: `before` is the stored case (nullopt when it is
// being created), `after` what is stored now; `person_name` names the candidate in subjects.
//  - created: the candidate (kCaseOpened), each panel member (kPanelAssigned);
//  - a person added to the panel: them (kPanelAssigned);
//  - moved to peer review: each panel member who has not voted (kVoteRequested), and so is
//    one put on the panel while it is in peer review;
//  - moved to another stage: the candidate (kCaseMoved); decided: the candidate (kCaseDecided).
// Ids and created_at are left empty (the store sets them); keys say case, event and recipient.
std::vector<Notification> CaseNotifications(const std::optional<Case>& before, const Case& after,
                                            std::string_view person_name);

// The notice that waiver `w` expires soon: when it stands (not revoked) and expires within
// kWaiverNoticeDays of `today` (today included, not yet past). Its key names the waiver and the
// expiry date, so the daily pass raises it once.
std::optional<Notification> WaiverExpiryNotification(const Waiver& w, Date today);

// The notices that the current phase of open cycle `c` ends within kDeadlineNoticeDays of
// `today` (today included, not yet past), to those the phase waits for:
//  - nominations: the candidates eligible or close who are neither nominated nor in review,
//    and their managers;
//  - self-review: the people whose review in the cycle is not decided;
//  - manager review: their managers;
//  - panels: the panel members of those reviews who have not voted;
//  - calibration, decisions, communicated: `people_team` (person ids).
// Keys name the cycle, the phase, its deadline and the recipient: raised once each.
std::vector<Notification> CycleDeadlineNotifications(const Cycle& c,
                                                     const std::vector<Candidate>& candidates,
                                                     const std::vector<Case>& cases,
                                                     const std::vector<std::string>& people_team,
                                                     Date today);

// The notifications a step of change request `after` causes (docs/change-requests.md); `before`
// is the stored request (nullopt when it is being proposed), `reviewers` the people who may
// review it (the people team's), `names` person id -> name for the subjects (ids otherwise):
//  - proposed: each reviewer other than its author (kChangeProposed);
//  - a review entry by someone other than the author: the author (kChangeReviewed);
//  - a comment of the author: those whose latest verdict asks for changes (kChangeReviewed);
//  - withdrawn or published by someone other than the author: the author (kChangeReviewed).
// Ids and created_at are left empty; keys name the request, the step and the recipient.
std::vector<Notification> ChangeRequestNotifications(
    const std::optional<ChangeRequest>& before, const ChangeRequest& after,
    const std::vector<std::string>& reviewers, const std::map<std::string, std::string>& names);

}  // namespace ladder::model
