#include "cli/notify_options.h"

#include <unistd.h>

#include <cctype>

#include "app/crypto.h"

namespace ladder::cli {

void AddNotifyOptions(CLI::App* cmd, app::NotifySettings& s) {
  auto env = [](const std::string& flag) {
    std::string name = "LADDER_" + flag.substr(2);
    for (char& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
    return name;
  };
  auto text = [&](const std::string& flag, std::string& value, const std::string& help) {
    cmd->add_option(flag, value, help + " ($" + env(flag) + ")")->envname(env(flag));
  };
  text("--smtp-url", s.smtp_url,
       "SMTP server for e-mail notifications, smtp://HOST:PORT or smtps://HOST:PORT (none: no "
       "e-mail)");
  cmd->add_flag("--smtp-starttls", s.smtp_starttls,
                "Require STARTTLS on smtp:// (never send in the clear; $LADDER_SMTP_STARTTLS)")
      ->envname(env("--smtp-starttls"));
  text("--smtp-user", s.smtp_user, "SMTP user name (none: no authentication)");
  text("--smtp-password", s.smtp_password,
       "SMTP password; better in the settings file or the environment");
  text("--mail-from", s.mail_from, "Sender address of notification e-mails");
  text("--webhook-url", s.webhook_url,
       "URL that receives every notification as a signed JSON POST (none: no webhook)");
  text("--webhook-secret", s.webhook_secret,
       "Key of the webhooks' HMAC-SHA256 signature (X-Ladder-Signature)");
  text("--base-url", s.base_url, "Address of this Ladder for links in e-mails and webhooks");
  cmd->add_option("--notify-timeout", s.timeout_seconds,
                  "Seconds one SMTP or webhook exchange may take ($LADDER_NOTIFY_TIMEOUT)")
      ->envname(env("--notify-timeout"))
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  cmd->add_option("--digest-hour", s.digest_hour,
                  "UTC hour at which daily digests are sent ($LADDER_DIGEST_HOUR)")
      ->envname(env("--digest-hour"))
      ->check(CLI::Range(0, 23))
      ->capture_default_str();
  cmd->add_option("--max-attempts", s.max_attempts,
                  "Attempts before a delivery fails for good ($LADDER_MAX_ATTEMPTS)")
      ->envname(env("--max-attempts"))
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
}

std::string WorkerName() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + app::RandomToken(6);
}

}  // namespace ladder::cli
