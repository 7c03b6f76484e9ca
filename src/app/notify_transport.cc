// libcurl, one easy handle per exchange. curl_global_init runs once, before any thread uses it.
#include "app/notify_transport.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace ladder::app {
namespace {

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Handle {
  Handle() : curl(curl_easy_init()) {}
  ~Handle() {
    if (headers) curl_slist_free_all(headers);
    if (recipients) curl_slist_free_all(recipients);
    if (curl) curl_easy_cleanup(curl);
  }
  CURL* curl;
  curl_slist* headers = nullptr;
  curl_slist* recipients = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

// What libcurl reads as the message: the text, then nothing.
struct Source {
  std::string text;
  std::size_t at = 0;
};
std::size_t ReadSource(char* out, std::size_t size, std::size_t n, void* user) {
  auto* src = static_cast<Source*>(user);
  std::size_t take = std::min(size * n, src->text.size() - src->at);
  std::copy_n(src->text.data() + src->at, take, out);
  src->at += take;
  return take;
}
std::size_t Discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

Status Failure(const Handle& h, CURLcode code, std::string_view what, std::string_view where) {
  std::string detail = h.error[0] ? h.error : curl_easy_strerror(code);
  return MakeError(ErrorCode::kUnavailable,
                   std::string(what) + " to " + std::string(where) + " failed: " + detail);
}

std::string HeaderSafe(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

}  // namespace

Status SendMail(const NotifySettings& settings, std::string_view to, const MailText& mail,
                std::string_view message_id) {
  InitOnce();
  Handle h;
  if (!h.curl) return MakeError(ErrorCode::kInternal, "libcurl could not start");
  std::string from = "<" + settings.mail_from + ">";
  std::string rcpt = "<" + std::string(to) + ">";
  Source src;
  src.text = "From: Ladder <" + HeaderSafe(settings.mail_from) + ">\r\nTo: <" + HeaderSafe(to) +
             ">\r\nSubject: " + MailHeaderText(mail.subject) + "\r\nMessage-ID: <" +
             HeaderSafe(message_id) + "@ladder>\r\n" +
             "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + mail.body;
  h.recipients = curl_slist_append(nullptr, rcpt.c_str());
  curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
  curl_easy_setopt(h.curl, CURLOPT_URL, settings.smtp_url.c_str());
  curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.recipients);
  curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, ReadSource);
  curl_easy_setopt(h.curl, CURLOPT_READDATA, &src);
  curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  if (settings.smtp_starttls) curl_easy_setopt(h.curl, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!settings.smtp_user.empty()) {
    curl_easy_setopt(h.curl, CURLOPT_USERNAME, settings.smtp_user.c_str());
    curl_easy_setopt(h.curl, CURLOPT_PASSWORD, settings.smtp_password.c_str());
  }
  CURLcode code = curl_easy_perform(h.curl);
  if (code != CURLE_OK) return Failure(h, code, "e-mail to " + std::string(to), settings.smtp_url);
  return Ok();
}

Status PostWebhook(const NotifySettings& settings, std::string_view body,
                   std::string_view idempotency_key, std::string_view timestamp) {
  InitOnce();
  Handle h;
  if (!h.curl) return MakeError(ErrorCode::kInternal, "libcurl could not start");
  std::string payload(body);
  for (const std::string& line :
       {std::string("Content-Type: application/json"),
        "Idempotency-Key: " + HeaderSafe(idempotency_key),
        "X-Ladder-Timestamp: " + HeaderSafe(timestamp),
        "X-Ladder-Signature: " + WebhookSignature(settings.webhook_secret, timestamp, body)})
    h.headers = curl_slist_append(h.headers, line.c_str());
  curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
  curl_easy_setopt(h.curl, CURLOPT_URL, settings.webhook_url.c_str());
  curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.headers);
  curl_easy_setopt(h.curl, CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(h.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(payload.size()));
  curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, Discard);
  curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  CURLcode code = curl_easy_perform(h.curl);
  if (code != CURLE_OK) return Failure(h, code, "webhook", settings.webhook_url);
  long status = 0;
  curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299)
    return MakeError(ErrorCode::kUnavailable, "webhook to " + settings.webhook_url +
                                                  " answered HTTP " + std::to_string(status));
  return Ok();
}

}  // namespace ladder::app
