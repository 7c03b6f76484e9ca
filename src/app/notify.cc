#include "app/notify.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "app/crypto.h"
#include "app/notify_transport.h"

namespace ladder::app {
namespace {

using model::Channel;
using model::Delivery;
using model::DeliveryStatus;
using model::Notification;

model::Delivery Planned(const Notification& n, Channel channel, std::string target,
                        std::string due) {
  Delivery d;
  d.id = n.id + "." + model::ChannelName(channel);
  d.notification = n.id;
  d.recipient = n.recipient;
  d.channel = channel;
  d.target = std::move(target);
  d.due_at = std::move(due);
  return d;
}

std::string Absolute(const NotifySettings& settings, const std::string& link) {
  if (link.empty()) return settings.base_url;
  std::string base = settings.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + link;
}

}  // namespace

long long BackoffSeconds(int attempts) {
  constexpr long long kFirst = 30, kMost = 6 * 3600;
  long long wait = kFirst;
  for (int i = 1; i < attempts && wait < kMost; ++i) wait *= 2;
  return std::min(wait, kMost);
}

std::string NextDigestAt(std::string_view now, int hour) {
  char at[32];
  std::snprintf(at, sizeof at, "%.10sT%02d:00:00.000Z", std::string(now).c_str(),
                std::clamp(hour, 0, 23));
  std::string today = at;
  return today > now ? today : IsoPlusSeconds(today, 24 * 3600);
}

std::vector<Delivery> PlanDeliveries(const Notification& n, const model::NotificationPrefs& prefs,
                                     std::string_view email, const NotifySettings& settings,
                                     std::string_view now) {
  std::vector<Delivery> out;
  const std::string at(now);
  if (!settings.smtp_url.empty() && prefs.email != model::EmailMode::kOff &&
      prefs.Wants(n.kind, Channel::kEmail)) {
    const bool digest = prefs.email == model::EmailMode::kDigest;
    Delivery d = Planned(n, digest ? Channel::kDigest : Channel::kEmail, std::string(email),
                         digest ? NextDigestAt(now, settings.digest_hour) : at);
    if (email.empty()) {
      d.status = DeliveryStatus::kFailed;
      d.last_error = "no e-mail address for " + n.recipient;
    }
    out.push_back(std::move(d));
  }
  if (!settings.webhook_url.empty() && prefs.Wants(n.kind, Channel::kWebhook))
    out.push_back(Planned(n, Channel::kWebhook, settings.webhook_url, at));
  return out;
}

std::string WebhookBody(const Notification& n, const Delivery& d, const NotifySettings& settings) {
  nlohmann::ordered_json j = {{"delivery", d.id},
                              {"notification", n.id},
                              {"kind", model::NotificationKindName(n.kind)},
                              {"recipient", n.recipient},
                              {"subject", n.subject},
                              {"link", Absolute(settings, n.link)},
                              {"created_at", n.created_at}};
  return j.dump();
}

std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body) {
  std::string message(timestamp);
  message += '.';
  message += body;
  return "sha256=" + HmacSha256Hex(secret, message);
}

MailText NotificationMail(const Notification& n, const NotifySettings& settings) {
  return {n.subject, n.subject + "\r\n\r\n" + Absolute(settings, n.link) +
                         "\r\n\r\n-- \r\nLadder. Change what you are sent on your account page: " +
                         Absolute(settings, "/account") + "\r\n"};
}

MailText DigestMail(const std::vector<Notification>& ns, const NotifySettings& settings) {
  MailText mail;
  mail.subject = "Ladder: " + std::to_string(ns.size()) + " notification" +
                 (ns.size() == 1 ? "" : "s") + " today";
  for (const Notification& n : ns)
    mail.body += "- " + n.subject + "\r\n  " + Absolute(settings, n.link) + "\r\n";
  mail.body += "\r\n-- \r\nLadder. Change what you are sent on your account page: " +
               Absolute(settings, "/account") + "\r\n";
  return mail;
}

std::string MailHeaderText(std::string_view text) {
  std::string flat;
  bool ascii = true;
  for (char c : text) {
    flat += (c == '\r' || c == '\n') ? ' ' : c;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) return flat;
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "=?UTF-8?B?";
  for (std::size_t i = 0; i < flat.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, flat.size() - i);
    unsigned bits = 0;
    for (std::size_t k = 0; k < 3; ++k)
      bits = bits << 8 | (k < n ? static_cast<unsigned char>(flat[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kDigits[(bits >> (18 - 6 * k)) & 63] : '=';
  }
  return out + "?=";
}

NotifyWorker::NotifyWorker(storage::Store& store, NotifySettings settings, std::string owner)
    : store_(store), settings_(std::move(settings)), owner_(std::move(owner)) {}

Result<DeliveryReport> NotifyWorker::RunOnce(std::string_view now) {
  DeliveryReport report;
  LADDER_TRY_STATUS(RaiseWaiverNotices(now, report));
  LADDER_TRY_STATUS(FanOutPending(now, report));
  LADDER_TRY_STATUS(DeliverDue(now, report));
  return report;
}

Status NotifyWorker::RaiseWaiverNotices(std::string_view now, DeliveryReport& report) {
  LADDER_TRY(Date today, Date::Parse(now.substr(0, 10)));
  if (today == notices_done_) return Ok();
  LADDER_TRY(report.notices, store_.AddWaiverExpiryNotifications(today, now));
  LADDER_TRY(int deadlines, RaiseCycleDeadlines(today, now));
  report.notices += deadlines;
  notices_done_ = today;
  return Ok();
}

Result<int> NotifyWorker::RaiseCycleDeadlines(Date today, std::string_view now) {
  LADDER_TRY(std::vector<model::Cycle> cycles, store_.ListCycles());
  std::vector<std::string> people_team;
  bool read_team = false;
  int added = 0;
  for (const model::Cycle& c : cycles) {
    const Date deadline = c.DeadlineOf(c.phase);
    if (c.status != model::CycleStatus::kOpen || deadline < today ||
        deadline > today.AddDays(model::kDeadlineNoticeDays))
      continue;
    if (!read_team) {
      LADDER_TRY(std::vector<model::User> users, store_.ListUsers());
      for (const model::User& u : users)
        if (!u.disabled && !u.person.empty() &&
            std::find(u.roles.begin(), u.roles.end(), model::UserRole::kPeopleTeam) !=
                u.roles.end())
          people_team.push_back(u.person);
      read_team = true;
    }
    LADDER_TRY(std::vector<model::Candidate> candidates, store_.ListCandidates(c.id));
    LADDER_TRY(std::vector<model::Case> cases, store_.ListCycleCases(c.id));
    std::vector<Notification> notices =
        model::CycleDeadlineNotifications(c, candidates, cases, people_team, today);
    if (notices.empty()) continue;
    LADDER_TRY(int n, store_.AddNotifications(notices, now));
    added += n;
  }
  return added;
}

Status NotifyWorker::FanOutPending(std::string_view now, DeliveryReport& report) {
  LADDER_TRY(std::vector<Notification> pending, store_.PendingOutbox(settings_.batch * 10));
  for (const Notification& n : pending) {
    LADDER_TRY(model::NotificationPrefs prefs, store_.GetNotificationPrefs(n.recipient));
    std::string email;
    if (Result<model::Person> p = store_.GetPerson(n.recipient)) email = p->email;
    LADDER_TRY_STATUS(store_.FanOut(n.id, PlanDeliveries(n, prefs, email, settings_, now), now));
    ++report.fanned;
  }
  return Ok();
}

Status NotifyWorker::DeliverDue(std::string_view now, DeliveryReport& report) {
  const std::string until = IsoPlusSeconds(now, settings_.lease_seconds);
  LADDER_TRY(std::vector<Delivery> due,
             store_.ClaimDeliveries(owner_, now, until, settings_.batch));
  // Digest deliveries of one recipient go out as one message.
  std::map<std::string, std::vector<Delivery>> digests;
  for (Delivery& d : due) {
    Result<Notification> n = store_.GetNotification(d.notification);
    if (!n) return std::unexpected(n.error());
    Status sent = Ok();
    switch (d.channel) {
      case Channel::kDigest:
        digests[d.recipient].push_back(std::move(d));
        continue;
      case Channel::kEmail:
        sent = SendMail(settings_, d.target, NotificationMail(*n, settings_), d.id);
        break;
      case Channel::kWebhook:
        sent = PostWebhook(settings_, WebhookBody(*n, d, settings_), d.id, now);
        break;
      case Channel::kInbox:  // the inbox is the notification itself: nothing to send
        break;
    }
    LADDER_TRY_STATUS(Finish(std::move(d), sent, now, report));
  }
  for (auto& [recipient, ds] : digests) {
    std::vector<Notification> ns;
    for (const Delivery& d : ds) {
      LADDER_TRY(Notification n, store_.GetNotification(d.notification));
      ns.push_back(std::move(n));
    }
    Status sent = SendMail(settings_, ds.front().target, DigestMail(ns, settings_),
                           ds.front().id + ".digest");
    for (Delivery& d : ds) LADDER_TRY_STATUS(Finish(std::move(d), sent, now, report));
  }
  return Ok();
}

Status NotifyWorker::Finish(Delivery d, const Status& sent, std::string_view now,
                            DeliveryReport& report) {
  ++d.attempts;
  if (sent) {
    d.status = DeliveryStatus::kDelivered;
    d.delivered_at = std::string(now);
    d.last_error.clear();
    ++report.delivered;
  } else {
    d.last_error = sent.error().message;
    report.errors.push_back("delivery " + d.id + ": " + d.last_error);
    if (d.attempts >= settings_.max_attempts) {
      d.status = DeliveryStatus::kFailed;
      ++report.failed;
    } else {
      d.due_at = IsoPlusSeconds(now, BackoffSeconds(d.attempts));
      ++report.retried;
    }
  }
  Status finished = store_.FinishDelivery(owner_, d);
  // Another worker took the lease over (this one was too slow): its outcome counts.
  if (!finished && finished.error().code == ErrorCode::kConflict) return Ok();
  return finished;
}

Result<std::vector<Notification>> InboxOf(storage::Store& store, std::string_view person,
                                          bool unread_only, int limit) {
  if (person.empty()) return std::vector<Notification>{};
  return store.ListNotifications({std::string(person), unread_only, limit});
}

Result<int> UnreadCount(storage::Store& store, std::string_view person) {
  if (person.empty()) return 0;
  return store.CountUnread(person);
}

Result<int> MarkInboxRead(storage::Store& store, std::string_view person, std::string_view id) {
  if (person.empty()) {
    if (id.empty()) return 0;
    return MakeError(ErrorCode::kNotFound, "no notification " + std::string(id));
  }
  return store.MarkRead(person, id, NowIso());
}

namespace {
Status RequirePersonOfAccount(std::string_view person) {
  if (person.empty())
    return MakeError(ErrorCode::kFailedPrecondition,
                     "this account belongs to no person, so it receives no notifications");
  return Ok();
}
}  // namespace

Result<model::NotificationPrefs> PrefsOf(storage::Store& store, std::string_view person) {
  LADDER_TRY_STATUS(RequirePersonOfAccount(person));
  return store.GetNotificationPrefs(person);
}

Status SavePrefs(storage::Store& store, std::string_view actor, std::string_view person,
                 model::NotificationPrefs prefs) {
  LADDER_TRY_STATUS(RequirePersonOfAccount(person));
  prefs.person = std::string(person);
  return store.SaveNotificationPrefs(actor, prefs);
}

}  // namespace ladder::app
