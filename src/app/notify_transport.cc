// libcurl, one easy handle per exchange. The library is loaded the first time a message is sent,
// so that no other process (and no other `ladder` command) loads it and the libraries it pulls
// in (Kerberos, LDAP, SSH…); curl_global_init runs then, once, before any thread uses it.
#include "app/notify_transport.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <memory>

namespace ladder::app {
namespace {

// The functions of libcurl Ladder calls.
struct CurlApi {
  CURLcode (*global_init)(long flags) = nullptr;
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL* curl) = nullptr;
  CURLcode (*easy_setopt)(CURL* curl, CURLoption option, ...) = nullptr;
  CURLcode (*easy_perform)(CURL* curl) = nullptr;
  CURLcode (*easy_getinfo)(CURL* curl, CURLINFO info, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode code) = nullptr;
  curl_slist* (*slist_append)(curl_slist* list, const char* text) = nullptr;
  void (*slist_free_all)(curl_slist* list) = nullptr;
};

template <typename F>
bool Find(void* library, const char* name, F& function) {
  function = reinterpret_cast<F>(dlsym(library, name));
  return function != nullptr;
}

// libcurl, loaded and initialised once per process (it stays loaded); kFailedPrecondition
// when it is not installed.
Result<const CurlApi*> Curl() {
  static const Result<CurlApi> loaded = []() -> Result<CurlApi> {
    void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library)
      return MakeError(ErrorCode::kFailedPrecondition,
                       std::string("libcurl, which sends e-mail and webhooks, could not be "
                                   "loaded: ") +
                           dlerror() + " (install the libcurl4 package)");
    CurlApi api;
    bool found = Find(library, "curl_global_init", api.global_init) &&
                 Find(library, "curl_easy_init", api.easy_init) &&
                 Find(library, "curl_easy_cleanup", api.easy_cleanup) &&
                 Find(library, "curl_easy_setopt", api.easy_setopt) &&
                 Find(library, "curl_easy_perform", api.easy_perform) &&
                 Find(library, "curl_easy_getinfo", api.easy_getinfo) &&
                 Find(library, "curl_easy_strerror", api.easy_strerror) &&
                 Find(library, "curl_slist_append", api.slist_append) &&
                 Find(library, "curl_slist_free_all", api.slist_free_all);
    if (!found)
      return MakeError(ErrorCode::kFailedPrecondition,
                       "libcurl.so.4 lacks a function Ladder calls: " + std::string(dlerror()));
    api.global_init(CURL_GLOBAL_DEFAULT);
    return api;
  }();
  if (!loaded) return Fail(loaded.error());
  return &*loaded;
}

struct Handle {
  explicit Handle(const CurlApi& functions) : api(functions), curl(functions.easy_init()) {}
  ~Handle() {
    if (headers) api.slist_free_all(headers);
    if (recipients) api.slist_free_all(recipients);
    if (curl) api.easy_cleanup(curl);
  }
  const CurlApi& api;
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
  std::string detail = h.error[0] ? h.error : h.api.easy_strerror(code);
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
  LADDER_TRY(const CurlApi* curl, Curl());
  Handle h(*curl);
  if (!h.curl) return MakeError(ErrorCode::kInternal, "libcurl could not start");
  std::string from = "<" + settings.mail_from + ">";
  std::string rcpt = "<" + std::string(to) + ">";
  Source src;
  src.text = "From: Ladder <" + HeaderSafe(settings.mail_from) + ">\r\nTo: <" + HeaderSafe(to) +
             ">\r\nSubject: " + MailHeaderText(mail.subject) + "\r\nMessage-ID: <" +
             HeaderSafe(message_id) + "@ladder>\r\n" +
             "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + mail.body;
  h.recipients = curl->slist_append(nullptr, rcpt.c_str());
  curl->easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
  curl->easy_setopt(h.curl, CURLOPT_URL, settings.smtp_url.c_str());
  curl->easy_setopt(h.curl, CURLOPT_MAIL_FROM, from.c_str());
  curl->easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.recipients);
  curl->easy_setopt(h.curl, CURLOPT_READFUNCTION, ReadSource);
  curl->easy_setopt(h.curl, CURLOPT_READDATA, &src);
  curl->easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
  curl->easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
  curl->easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl->easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  if (settings.smtp_starttls) curl->easy_setopt(h.curl, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!settings.smtp_user.empty()) {
    curl->easy_setopt(h.curl, CURLOPT_USERNAME, settings.smtp_user.c_str());
    curl->easy_setopt(h.curl, CURLOPT_PASSWORD, settings.smtp_password.c_str());
  }
  CURLcode code = curl->easy_perform(h.curl);
  if (code != CURLE_OK) return Failure(h, code, "e-mail to " + std::string(to), settings.smtp_url);
  return Ok();
}

Status PostWebhook(const NotifySettings& settings, std::string_view body,
                   std::string_view idempotency_key, std::string_view timestamp) {
  LADDER_TRY(const CurlApi* curl, Curl());
  Handle h(*curl);
  if (!h.curl) return MakeError(ErrorCode::kInternal, "libcurl could not start");
  std::string payload(body);
  for (const std::string& line :
       {std::string("Content-Type: application/json"),
        "Idempotency-Key: " + HeaderSafe(idempotency_key),
        "X-Ladder-Timestamp: " + HeaderSafe(timestamp),
        "X-Ladder-Signature: " + WebhookSignature(settings.webhook_secret, timestamp, body)})
    h.headers = curl->slist_append(h.headers, line.c_str());
  curl->easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.error);
  curl->easy_setopt(h.curl, CURLOPT_URL, settings.webhook_url.c_str());
  curl->easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl->easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.headers);
  curl->easy_setopt(h.curl, CURLOPT_POSTFIELDS, payload.c_str());
  curl->easy_setopt(h.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(payload.size()));
  curl->easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, Discard);
  curl->easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
  curl->easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl->easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  CURLcode code = curl->easy_perform(h.curl);
  if (code != CURLE_OK) return Failure(h, code, "webhook", settings.webhook_url);
  long status = 0;
  curl->easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299)
    return MakeError(ErrorCode::kUnavailable, "webhook to " + settings.webhook_url +
                                                  " answered HTTP " + std::to_string(status));
  return Ok();
}

}  // namespace ladder::app
