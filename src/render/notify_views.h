// The web app's notification pages: the inbox (/inbox) and the preferences form of the account
// page, from plain view structs, with the app's templates and escaping rules (app_views.h).
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/notification.h"
#include "render/app_views.h"

namespace ladder::render {

struct InboxView {
  std::vector<model::Notification> notifications;  // newest first
  bool unread_only = false;
  bool has_person = true;  // an account without a person receives nothing
  Flash flash;
};

std::string RenderInbox(const Viewer& viewer, const InboxView& view);

// The form of a person's preferences (posted to /account/notifications), a fragment of the
// account page.
std::string RenderNotifyPrefs(const Viewer& viewer, const model::NotificationPrefs& prefs);

// Words for a kind, as the pages show it: "Your case was opened".
const char* NotificationKindText(model::NotificationKind kind);

}  // namespace ladder::render
