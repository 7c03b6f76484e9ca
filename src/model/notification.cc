#include "model/notification.h"

#include <algorithm>
#include <set>

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<NotificationKind, const char*> kKindNames[] = {
    {NotificationKind::kCaseOpened, "case_opened"},
    {NotificationKind::kPanelAssigned, "panel_assigned"},
    {NotificationKind::kVoteRequested, "vote_requested"},
    {NotificationKind::kCaseMoved, "case_moved"},
    {NotificationKind::kCaseDecided, "case_decided"},
    {NotificationKind::kWaiverExpiring, "waiver_expiring"},
    {NotificationKind::kCycleDeadline, "cycle_deadline"},
    {NotificationKind::kChangeProposed, "change_proposed"},
    {NotificationKind::kChangeReviewed, "change_reviewed"}};
constexpr std::pair<Channel, const char*> kChannelNames[] = {{Channel::kInbox, "inbox"},
                                                             {Channel::kEmail, "email"},
                                                             {Channel::kWebhook, "webhook"},
                                                             {Channel::kDigest, "digest"}};
constexpr std::pair<DeliveryStatus, const char*> kStatusNames[] = {
    {DeliveryStatus::kPending, "pending"},
    {DeliveryStatus::kDelivered, "delivered"},
    {DeliveryStatus::kFailed, "failed"}};
constexpr std::pair<EmailMode, const char*> kEmailModeNames[] = {
    {EmailMode::kImmediate, "immediate"}, {EmailMode::kDigest, "digest"}, {EmailMode::kOff, "off"}};

std::string TargetOf(const Case& c) {
  if (!c.target_overlay.empty()) return c.target_overlay;
  return c.target_track.empty() ? c.target_level : c.target_track + " " + c.target_level;
}

Notification Make(const Case& c, std::string recipient, NotificationKind kind, std::string subject,
                  std::string key) {
  Notification n;
  n.recipient = std::move(recipient);
  n.kind = kind;
  n.subject = std::move(subject);
  n.link = "/cases/" + c.id;
  n.key = "case:" + c.id + ":" + key + ":" + n.recipient;
  return n;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool HasVoted(const Case& c, const std::string& reviewer) {
  return std::any_of(c.votes.begin(), c.votes.end(),
                     [&](const Vote& v) { return v.reviewer == reviewer; });
}

}  // namespace

bool NotificationPrefs::Wants(NotificationKind kind, Channel channel) const {
  if (channel == Channel::kInbox) return true;
  auto it = channels.find(kind);
  if (it == channels.end()) return channel == Channel::kEmail || channel == Channel::kWebhook;
  return std::find(it->second.begin(), it->second.end(), channel) != it->second.end();
}

const char* NotificationKindName(NotificationKind k) { return internal::NameOf(kKindNames, k); }
const char* ChannelName(Channel c) { return internal::NameOf(kChannelNames, c); }
const char* DeliveryStatusName(DeliveryStatus s) { return internal::NameOf(kStatusNames, s); }
const char* EmailModeName(EmailMode m) { return internal::NameOf(kEmailModeNames, m); }
std::optional<NotificationKind> ParseNotificationKind(std::string_view s) {
  return internal::Parse(kKindNames, s);
}
std::optional<Channel> ParseChannel(std::string_view s) {
  return internal::Parse(kChannelNames, s);
}
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view s) {
  return internal::Parse(kStatusNames, s);
}
std::optional<EmailMode> ParseEmailMode(std::string_view s) {
  return internal::Parse(kEmailModeNames, s);
}

std::vector<Notification> CaseNotifications(const std::optional<Case>& before, const Case& after,
                                            std::string_view person_name) {
  std::vector<Notification> out;
  const std::string who(person_name.empty() ? after.person : std::string(person_name));
  const std::string target = TargetOf(after);
  if (!before)
    out.push_back(Make(after, after.person, NotificationKind::kCaseOpened,
                       "A review of your promotion to " + target + " was opened", "opened"));
  for (const std::string& reviewer : after.panel) {
    if (before && Contains(before->panel, reviewer)) continue;
    out.push_back(Make(after, reviewer, NotificationKind::kPanelAssigned,
                       "You are on the review panel of " + who + " for " + target, "panel"));
  }
  const bool moved = before && before->status != after.status;
  const bool decided = after.decision && !(before && before->decision);
  if (after.status == CaseStatus::kPeerReview) {
    for (const std::string& reviewer : after.panel)
      if (!HasVoted(after, reviewer) && (moved || !before || !Contains(before->panel, reviewer)))
        out.push_back(Make(after, reviewer, NotificationKind::kVoteRequested,
                           "Your vote is waiting on the review of " + who + " for " + target,
                           "vote"));
  }
  if (decided) {
    out.push_back(Make(after, after.person, NotificationKind::kCaseDecided,
                       "Your review for " + target +
                           " was decided: " + OutcomeName(after.decision->outcome) +
                           (after.decision->effective.empty()
                                ? std::string()
                                : ", effective " + after.decision->effective.ToString()),
                       "decided"));
  } else if (moved) {
    out.push_back(Make(after, after.person, NotificationKind::kCaseMoved,
                       "Your review for " + target + " moved to " + CaseStatusName(after.status),
                       std::string("moved-") + CaseStatusName(after.status)));
  }
  return out;
}

std::optional<Notification> WaiverExpiryNotification(const Waiver& w, Date today) {
  if (w.expires.empty() || !w.revoked.empty()) return std::nullopt;
  if (w.expires < today || w.expires > today.AddDays(kWaiverNoticeDays)) return std::nullopt;
  Notification n;
  n.recipient = w.person;
  n.kind = NotificationKind::kWaiverExpiring;
  n.subject = "Your waiver of '" + w.requirement + "' expires on " + w.expires.ToString();
  n.link = "/me";
  n.key = "waiver:" + w.id + ":expires:" + w.expires.ToString();
  return n;
}

std::vector<Notification> CycleDeadlineNotifications(const Cycle& c,
                                                     const std::vector<Candidate>& candidates,
                                                     const std::vector<Case>& cases,
                                                     const std::vector<std::string>& people_team,
                                                     Date today) {
  std::vector<Notification> out;
  const Date deadline = c.DeadlineOf(c.phase);
  if (c.status != CycleStatus::kOpen || deadline.empty() || deadline < today ||
      deadline > today.AddDays(kDeadlineNoticeDays))
    return out;
  std::set<std::string> recipients;
  std::map<std::string, std::string> manager_of;
  for (const Candidate& k : candidates) manager_of[k.person] = k.manager;
  auto add_manager = [&](const std::string& person) {
    auto it = manager_of.find(person);
    if (it != manager_of.end() && !it->second.empty()) recipients.insert(it->second);
  };
  switch (c.phase) {
    case CyclePhase::kNominations:
      for (const Candidate& k : candidates)
        if (!k.Nominated() &&
            std::none_of(cases.begin(), cases.end(),
                         [&](const Case& in) { return in.person == k.person; }) &&
            (k.readiness == Readiness::kEligible || k.readiness == Readiness::kClose)) {
          recipients.insert(k.person);
          add_manager(k.person);
        }
      break;
    case CyclePhase::kSelfReview:
    case CyclePhase::kManagerReview:
      for (const Case& k : cases) {
        if (k.decision) continue;
        if (c.phase == CyclePhase::kSelfReview) {
          recipients.insert(k.person);
        } else {
          add_manager(k.person);
        }
      }
      break;
    case CyclePhase::kPanels:
      for (const Case& k : cases) {
        if (k.decision) continue;
        for (const std::string& member : k.panel) {
          bool voted = std::any_of(k.votes.begin(), k.votes.end(),
                                   [&](const Vote& v) { return v.reviewer == member; });
          if (!voted) recipients.insert(member);
        }
      }
      break;
    case CyclePhase::kCalibration:
    case CyclePhase::kDecisions:
    case CyclePhase::kCommunicated:
      recipients.insert(people_team.begin(), people_team.end());
      break;
  }
  const long days = DaysBetween(today, deadline);
  const std::string when = days == 0   ? "today"
                           : days == 1 ? "tomorrow"
                                       : "in " + std::to_string(days) + " days";
  for (const std::string& person : recipients) {
    Notification n;
    n.recipient = person;
    n.kind = NotificationKind::kCycleDeadline;
    n.subject = c.name + ": " + CyclePhaseTitle(c.phase) + " ends on " + deadline.ToString() +
                " (" + when + ")";
    n.link = "/cycles/" + c.id;
    n.key =
        "cycle:" + c.id + ":" + CyclePhaseName(c.phase) + ":" + deadline.ToString() + ":" + person;
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<Notification> ChangeRequestNotifications(
    const std::optional<ChangeRequest>& before, const ChangeRequest& after,
    const std::vector<std::string>& reviewers, const std::map<std::string, std::string>& names) {
  auto name = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  const std::string what = after.framework + " " + after.version + " (" + after.title + ")";
  std::vector<Notification> out;
  auto tell = [&](const std::string& person, NotificationKind kind, std::string subject,
                  const std::string& step) {
    Notification n;
    n.recipient = person;
    n.kind = kind;
    n.subject = std::move(subject);
    n.link = "/admin/changes/" + after.id;
    n.key = "change:" + after.id + ":" + step + ":" + person;
    out.push_back(std::move(n));
  };
  if (!before) {
    std::set<std::string> told;
    for (const std::string& r : reviewers)
      if (r != after.author && told.insert(r).second)
        tell(r, NotificationKind::kChangeProposed,
             name(after.author) + " proposed " + what + " for your review", "proposed");
    return out;
  }
  for (size_t i = before->entries.size(); i < after.entries.size(); ++i) {
    const ReviewEntry& e = after.entries[i];
    const std::string step = "entry:" + std::to_string(i);
    if (e.by != after.author) {
      const char* did = e.verdict == Verdict::kApprove          ? " approved "
                        : e.verdict == Verdict::kRequestChanges ? " asked for changes to "
                                                                : " commented on ";
      tell(after.author, NotificationKind::kChangeReviewed, name(e.by) + did + what, step);
    } else if (e.verdict == Verdict::kComment) {
      for (const std::string& r : ChangesRequestedBy(*before))
        tell(r, NotificationKind::kChangeReviewed, name(e.by) + " answered on " + what, step);
    }
  }
  if (!IsTerminal(before->status) && IsTerminal(after.status) && after.closed_by != after.author &&
      !after.closed_by.empty())
    tell(after.author, NotificationKind::kChangeReviewed,
         name(after.closed_by) +
             (after.status == ChangeStatus::kPublished ? " published " : " withdrew ") + what,
         ChangeStatusName(after.status));
  return out;
}

}  // namespace ladder::model
