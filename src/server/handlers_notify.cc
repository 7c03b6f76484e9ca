// Notifications: the inbox page, marking read, the preferences form of the account page, and
// their JSON API (app/notify.h). Every route serves the signed-in caller's own inbox only.
#include "app/notify.h"
#include "render/notify_views.h"
#include "server/exchange.h"
#include "server/http_status.h"
#include "storage/notification_json.h"

namespace ladder::server::internal {
namespace {

Status ShowInbox(Exchange& x, render::Flash flash, int status = 200) {
  render::InboxView v;
  v.unread_only = x.Query("unread") == "1";
  v.has_person = !x.principal.person.empty();
  v.flash = std::move(flash);
  Result<std::vector<model::Notification>> ns =
      app::InboxOf(x.services.store, x.principal.person, v.unread_only, 200);
  if (!ns) return Fail(ns.error());
  v.notifications = std::move(*ns);
  x.Html(render::RenderInbox(x.Viewer(), v), status);
  return Ok();
}

// The preferences of a form: the e-mail mode and a checkbox per kind and channel.
Result<model::NotificationPrefs> PrefsOfForm(const Exchange& x) {
  model::NotificationPrefs prefs;
  std::optional<model::EmailMode> mode = model::ParseEmailMode(x.Form("email"));
  if (!mode)
    return MakeError(ErrorCode::kInvalidArgument,
                     "e-mail is immediate, digest or off, not \"" + x.Form("email") + "\"", {},
                     "email");
  prefs.email = *mode;
  for (model::NotificationKind k : model::kNotificationKinds) {
    std::vector<model::Channel>& channels = prefs.channels[k];
    const std::string name = model::NotificationKindName(k);
    if (x.Form("email_" + name) == "1") channels.push_back(model::Channel::kEmail);
    if (x.Form("webhook_" + name) == "1") channels.push_back(model::Channel::kWebhook);
  }
  return prefs;
}

}  // namespace

std::string NotifyPrefsHtml(Exchange& x) {
  if (x.principal.person.empty()) return "";
  Result<model::NotificationPrefs> prefs = app::PrefsOf(x.services.store, x.principal.person);
  if (!prefs) return "";
  return render::RenderNotifyPrefs(x.Viewer(), *prefs);
}

Status InboxPage(Exchange& x) { return ShowInbox(x, {}); }

Status InboxReadSubmit(Exchange& x) {
  Result<int> marked =
      app::MarkInboxRead(x.services.store, x.principal.person, x.Param("notification"));
  if (!marked)
    return ShowInbox(x, {"", ErrorText(marked.error(), "the inbox")},
                     HttpStatusFor(marked.error()));
  x.Redirect("/inbox");
  return Ok();
}

Status AccountNotificationsSubmit(Exchange& x) {
  Result<model::NotificationPrefs> prefs = PrefsOfForm(x);
  Status saved =
      prefs ? app::SavePrefs(x.services.store, x.principal.Actor(), x.principal.person, *prefs)
            : Status(std::unexpected(prefs.error()));
  if (!saved) return Fail(saved.error());
  x.Redirect("/account#notifications");
  return Ok();
}

Status ApiNotifications(Exchange& x) {
  int limit = 50;
  if (std::string l = x.Query("limit"); !l.empty()) {
    try {
      limit = std::stoi(l);
    } catch (const std::exception&) {
      limit = 0;
    }
    if (limit < 1 || limit > 1000)
      return Fail(MakeError(ErrorCode::kInvalidArgument,
                            "limit is a number from 1 to 1000, not \"" + l + "\"", {}, "limit")
                      .error());
  }
  Result<std::vector<model::Notification>> ns =
      app::InboxOf(x.services.store, x.principal.person, x.Query("unread") == "1", limit);
  if (!ns) return Fail(ns.error());
  Result<int> unread = app::UnreadCount(x.services.store, x.principal.person);
  if (!unread) return Fail(unread.error());
  Json items = Json::array();
  for (const model::Notification& n : *ns) items.push_back(storage::NotificationJson(n));
  x.SendJson(Json{{"unread", *unread}, {"notifications", std::move(items)}});
  return Ok();
}

Status ApiNotificationRead(Exchange& x) {
  Result<int> marked =
      app::MarkInboxRead(x.services.store, x.principal.person, x.Param("notification"));
  if (!marked) return Fail(marked.error());
  x.SendJson(Json{{"marked", *marked}});
  return Ok();
}

Status ApiNotificationPrefs(Exchange& x) {
  Result<model::NotificationPrefs> prefs = app::PrefsOf(x.services.store, x.principal.person);
  if (!prefs) return Fail(prefs.error());
  x.SendJson(storage::NotificationPrefsJson(*prefs));
  return Ok();
}

Status ApiNotificationPrefsSet(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<model::NotificationPrefs> prefs = app::PrefsOf(x.services.store, x.principal.person);
  if (!prefs) return Fail(prefs.error());
  Json change = *body;
  change.erase("person");
  if (Status read = storage::FromJson(change, *prefs); !read) return Fail(read.error());
  if (Status saved =
          app::SavePrefs(x.services.store, x.principal.Actor(), x.principal.person, *prefs);
      !saved)
    return Fail(saved.error());
  x.SendJson(storage::NotificationPrefsJson(*prefs));
  return Ok();
}

}  // namespace ladder::server::internal
