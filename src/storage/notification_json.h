// The JSON of notifications, deliveries and notification preferences: what the store keeps in
// notification_prefs.doc, and what the API (docs/openapi.yaml) and `ladder notify --json` show.
// Shape: the model's field names, enums by their model names (model/notification.h).
// Pure functions; thread-safe.
#pragma once

#include "base/error.h"
#include "model/notification.h"
#include "storage/people_json.h"

namespace ladder::storage {

Json NotificationJson(const model::Notification& n);
Json DeliveryJson(const model::Delivery& d);
// {"person": ..., "email": "immediate", "channels": {"case_opened": ["email", "webhook"], ...}}
// with every kind listed.
Json NotificationPrefsJson(const model::NotificationPrefs& p);
// Reads preferences; kInvalidArgument naming the field ("channels.case_opened[1]") for an
// unknown kind, channel or e-mail mode. Keys absent keep the value `p` had.
Status FromJson(const Json& j, model::NotificationPrefs& p);

}  // namespace ladder::storage
