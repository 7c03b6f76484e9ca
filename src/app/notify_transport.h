// Sending e-mail over SMTP and webhooks over HTTP(S): the only libcurl adapter. Each call is one
// exchange with its own handle, bounded by NotifySettings::timeout_seconds; the error says what
// went wrong in libcurl's words with the server's address (kUnavailable for a server that is
// down, refuses or times out, so the caller retries). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "app/notify.h"
#include "base/error.h"

namespace ladder::app {

// Sends one message to `to` through settings.smtp_url (STARTTLS required when smtp_starttls,
// AUTH when smtp_user is set). `message_id` becomes the Message-ID (a retry repeats it).
Status SendMail(const NotifySettings& settings, std::string_view to, const MailText& mail,
                std::string_view message_id);

// POSTs `body` (JSON) to settings.webhook_url with the headers Idempotency-Key,
// X-Ladder-Timestamp and X-Ladder-Signature (WebhookSignature). A 2xx answer is delivered;
// another status is kUnavailable naming it.
Status PostWebhook(const NotifySettings& settings, std::string_view body,
                   std::string_view idempotency_key, std::string_view timestamp);

}  // namespace ladder::app
