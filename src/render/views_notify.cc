// /inbox and the notification preferences of /account (notify_views.h).
#include "render/notify_views.h"
#include "render/safe_url.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render {

using internal::Data;
using internal::List;
using internal::Object;
using internal::Set;
using internal::Text;

const char* NotificationKindText(model::NotificationKind kind) {
  switch (kind) {
    case model::NotificationKind::kCaseOpened:
      return "A review of your promotion was opened";
    case model::NotificationKind::kPanelAssigned:
      return "You were put on a review panel";
    case model::NotificationKind::kVoteRequested:
      return "Your vote is waiting";
    case model::NotificationKind::kCaseMoved:
      return "Your review moved";
    case model::NotificationKind::kCaseDecided:
      return "Your review was decided";
    case model::NotificationKind::kWaiverExpiring:
      return "A waiver of yours expires soon";
    case model::NotificationKind::kCycleDeadline:
      return "A phase of a review cycle that waits for you ends soon";
    case model::NotificationKind::kChangeProposed:
      return "A change of a framework waits for your review";
    case model::NotificationKind::kChangeReviewed:
      return "A change request you take part in moved on";
  }
  return "";
}

std::string RenderInbox(const Viewer& viewer, const InboxView& v) {
  Data d = internal::AppFrame(viewer, "Inbox");
  Set(d, "notice", Text(v.flash.notice));
  Set(d, "error", Text(v.flash.error));
  Set(d, "has_person", v.has_person);
  Set(d, "unread_only", v.unread_only);
  int unread = 0;
  Data rows = List();
  for (const model::Notification& n : v.notifications) {
    Data row = Object();
    Set(row, "id", n.id);
    Set(row, "kind", NotificationKindText(n.kind));
    Set(row, "subject", n.subject);
    Set(row, "link", Text(SafeUrl(n.link)));
    Set(row, "when", Moment(n.created_at));
    Set(row, "when_iso", n.created_at);
    Set(row, "unread", n.read_at.empty());
    if (n.read_at.empty()) ++unread;
    internal::Append(rows, std::move(row));
  }
  internal::SetList(d, "notifications", std::move(rows));
  Set(d, "any_unread", unread > 0);
  return internal::RenderTemplate("app_inbox", d);
}

std::string RenderNotifyPrefs(const Viewer& viewer, const model::NotificationPrefs& prefs) {
  Data d = Object();
  Set(d, "csrf", viewer.csrf);
  Data modes = List();
  for (model::EmailMode m :
       {model::EmailMode::kImmediate, model::EmailMode::kDigest, model::EmailMode::kOff}) {
    Data mode = Object();
    Set(mode, "value", model::EmailModeName(m));
    Set(mode, "label",
        m == model::EmailMode::kImmediate ? "at once"
        : m == model::EmailMode::kDigest  ? "in one daily digest"
                                          : "never");
    Set(mode, "selected", prefs.email == m);
    internal::Append(modes, std::move(mode));
  }
  internal::SetList(d, "modes", std::move(modes));
  Data kinds = List();
  for (model::NotificationKind k : model::kNotificationKinds) {
    Data kind = Object();
    Set(kind, "name", model::NotificationKindName(k));
    Set(kind, "label", NotificationKindText(k));
    Set(kind, "email", prefs.Wants(k, model::Channel::kEmail));
    Set(kind, "webhook", prefs.Wants(k, model::Channel::kWebhook));
    internal::Append(kinds, std::move(kind));
  }
  internal::SetList(d, "kinds", std::move(kinds));
  return internal::RenderTemplate("app_notify_prefs", d);
}

}  // namespace ladder::render
