// `ladder notify list | read | deliver | log | prefs`: a person's notifications, marking them
// read, delivering the outbox once (for cron and tests; `ladder serve` runs the same worker
// all the time), the delivery log, and a person's preferences (docs/notifications.md).
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/notify.h"
#include "cli/command.h"
#include "cli/notify_options.h"
#include "cli/review_common.h"
#include "storage/notification_json.h"

namespace ladder::cli {
namespace {

struct NotifyOptions {
  StoreOptions store;
  std::string person;
  std::string id;
  bool unread = false;
  int limit = 50;
  bool once = false;
  int interval = 30;
  std::string status;
  std::string at;  // deliver --at
  std::string email;
  std::vector<std::string> channels;  // KIND=email,webhook
  app::NotifySettings settings;
};

Result<int> RunList(const NotifyOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<std::vector<model::Notification>> ns =
      (*store)->ListNotifications({o.person, o.unread, o.limit});
  if (!ns) return Fail(ns.error());
  if (o.store.json) {
    render::Json j = render::Json::array();
    for (const model::Notification& n : *ns) j.push_back(storage::NotificationJson(n));
    PrintJson(j);
    return kExitOk;
  }
  if (ns->empty())
    PrintText("no " + std::string(o.unread ? "unread " : "") + "notifications for " + o.person +
              "\n");
  for (const model::Notification& n : *ns)
    PrintText(n.created_at.substr(0, 16) + "  " + (n.read_at.empty() ? "unread" : "read  ") + "  " +
              n.id + "  " + model::NotificationKindName(n.kind) + ": " + n.subject +
              (n.link.empty() ? "" : " (" + n.link + ")") + "\n");
  return kExitOk;
}

Result<int> RunRead(const NotifyOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<int> marked = (*store)->MarkRead(o.person, o.id, NowIso());
  if (!marked) return Fail(marked.error());
  o.store.json ? PrintJson(render::Json{{"marked", *marked}})
               : PrintText("marked " + std::to_string(*marked) + " read\n");
  return kExitOk;
}

void PrintReport(const app::DeliveryReport& r, bool json) {
  if (json) {
    PrintJson(render::Json{{"notices", r.notices},
                           {"fanned", r.fanned},
                           {"delivered", r.delivered},
                           {"retried", r.retried},
                           {"failed", r.failed},
                           {"errors", r.errors}});
    return;
  }
  PrintText(std::to_string(r.notices) + " waiver notices, " + std::to_string(r.fanned) +
            " notifications planned, " + std::to_string(r.delivered) + " delivered, " +
            std::to_string(r.retried) + " to retry, " + std::to_string(r.failed) +
            " failed for good\n");
  for (const std::string& e : r.errors) std::fprintf(stderr, "ladder: %s\n", e.c_str());
}

// --at: a timestamp in the form the store writes (base/date.h NowIso), so that it compares with
// the stored ones as text.
Status CheckTimestamp(const std::string& at) {
  const bool ok = at.size() == 24 && at[10] == 'T' && at[23] == 'Z' && at[19] == '.' &&
                  Date::Parse(at.substr(0, 10)).has_value() && IsoPlusSeconds(at, 0) == at;
  if (ok) return Ok();
  return MakeError(
      ErrorCode::kInvalidArgument,
      "--at wants an ISO-8601 UTC time like 2026-12-07T09:00:00.000Z, not \"" + at + "\"", {},
      "--at");
}

Result<int> RunDeliver(const NotifyOptions& o) {
  if (!o.at.empty())
    if (Status valid = CheckTimestamp(o.at); !valid) return Fail(valid.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::NotifyWorker worker(**store, o.settings, WorkerName());
  for (;;) {
    Result<app::DeliveryReport> report = worker.RunOnce(o.at.empty() ? NowIso() : o.at);
    if (!report) return Fail(report.error());
    PrintReport(*report, o.store.json);
    if (o.once) return report->errors.empty() ? kExitOk : kExitFindings;
    std::this_thread::sleep_for(std::chrono::seconds(o.interval));
  }
}

Result<int> RunLog(const NotifyOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<std::vector<model::Delivery>> ds =
      (*store)->ListDeliveries({o.person, o.id, o.status, o.limit});
  if (!ds) return Fail(ds.error());
  if (o.store.json) {
    render::Json j = render::Json::array();
    for (const model::Delivery& d : *ds) j.push_back(storage::DeliveryJson(d));
    PrintJson(j);
    return kExitOk;
  }
  if (ds->empty()) PrintText("no deliveries\n");
  for (const model::Delivery& d : *ds)
    PrintText(d.id + "  " + model::ChannelName(d.channel) + " to " + d.target + "  " +
              model::DeliveryStatusName(d.status) + " after " + std::to_string(d.attempts) +
              " attempt(s)" +
              (d.status == model::DeliveryStatus::kPending ? ", next at " + d.due_at : "") +
              (d.last_error.empty() ? "" : "; last error: " + d.last_error) + "\n");
  return kExitOk;
}

Status ApplyPrefs(const NotifyOptions& o, model::NotificationPrefs& prefs) {
  storage::Json change = storage::Json::object();
  if (!o.email.empty()) change["email"] = o.email;
  for (const std::string& item : o.channels) {
    std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      return MakeError(
          ErrorCode::kInvalidArgument,
          "--channels wants KIND=CHANNEL,CHANNEL (or KIND= for none), not \"" + item + "\"", {},
          "--channels");
    storage::Json list = storage::Json::array();
    for (const std::string& c : SplitList(item.substr(eq + 1))) list.push_back(c);
    change["channels"][item.substr(0, eq)] = list;
  }
  return storage::FromJson(change, prefs);
}

Result<int> RunPrefs(const NotifyOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<model::NotificationPrefs> prefs = (*store)->GetNotificationPrefs(o.person);
  if (!prefs) return Fail(prefs.error());
  if (!o.email.empty() || !o.channels.empty()) {
    if (Status changed = ApplyPrefs(o, *prefs); !changed) return Fail(changed.error());
    if (Status saved = (*store)->SaveNotificationPrefs(CliActor(), *prefs); !saved)
      return Fail(saved.error());
  }
  storage::Json j = storage::NotificationPrefsJson(*prefs);
  if (o.store.json) {
    PrintJson(j);
    return kExitOk;
  }
  std::string text =
      "notifications of " + o.person + ": e-mail " + model::EmailModeName(prefs->email) + "\n";
  for (const auto& [kind, list] : j["channels"].items()) {
    text += "  " + kind + ": inbox";
    for (const auto& c : list) text += ", " + c.get<std::string>();
    text += "\n";
  }
  PrintText(text);
  return kExitOk;
}

template <typename F>
CLI::App* Leaf(CLI::App* group, std::vector<Run>& runs, const char* name, const char* help,
               F&& setup, Result<int> (*run)(const NotifyOptions&)) {
  auto o = std::make_shared<NotifyOptions>();
  CLI::App* cmd = group->add_subcommand(name, help);
  setup(cmd, *o);
  AddStoreOptions(cmd, o->store);
  runs.push_back({cmd, [o, run] { return run(*o); }});
  return cmd;
}

void SetUpNotify(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand(
      "notify",
      "Notifications: a person's inbox, delivery of the outbox, the delivery log, "
      "preferences");
  group->require_subcommand(1);
  Leaf(
      group, runs, "list", "A person's notifications, newest first",
      [](CLI::App* c, NotifyOptions& o) {
        c->add_option("person", o.person, "Person id")->required();
        c->add_flag("--unread", o.unread, "Only unread ones");
        c->add_option("--limit", o.limit, "At most this many")->check(CLI::Range(1, 1000));
      },
      RunList);
  Leaf(
      group, runs, "read", "Mark a person's notification read (all of them without an id)",
      [](CLI::App* c, NotifyOptions& o) {
        c->add_option("person", o.person, "Person id")->required();
        c->add_option("id", o.id, "Notification id (default: every unread one)");
      },
      RunRead);
  Leaf(
      group, runs, "deliver",
      "Deliver what the outbox holds: e-mail, digests and webhooks, with retries (exit 1 when "
      "an attempt failed; it is retried later)",
      [](CLI::App* c, NotifyOptions& o) {
        c->add_flag("--once", o.once, "One pass, then exit (for cron); else every --interval");
        c->add_option("--at", o.at,
                      "Run the pass as at this time, YYYY-MM-DDTHH:MM:SS.mmmZ (UTC; default: "
                      "now): due deliveries, retries and digests as they stand then");
        c->add_option("--interval", o.interval, "Seconds between passes")
            ->check(CLI::Range(1, 86400))
            ->capture_default_str();
        AddNotifyOptions(c, o.settings);
      },
      RunDeliver);
  Leaf(
      group, runs, "log", "The delivery log: attempts, status and last error of each delivery",
      [](CLI::App* c, NotifyOptions& o) {
        c->add_option("--person", o.person, "Only this recipient's");
        c->add_option("--notification", o.id, "Only this notification's");
        c->add_option("--status", o.status, "Only pending, delivered or failed ones")
            ->check(CLI::IsMember({"pending", "delivered", "failed"}));
        c->add_option("--limit", o.limit, "At most this many")->check(CLI::Range(1, 10000));
      },
      RunLog);
  Leaf(
      group, runs, "prefs", "Show a person's notification preferences, or change them",
      [](CLI::App* c, NotifyOptions& o) {
        c->add_option("person", o.person, "Person id")->required();
        c->add_option("--email", o.email, "E-mail at once, in a daily digest, or not at all")
            ->check(CLI::IsMember({"immediate", "digest", "off"}));
        c->add_option("--channels", o.channels,
                      "KIND=CHANNEL,... : the channels beyond the inbox for a kind (email, "
                      "webhook; KIND= for the inbox only); repeat for several kinds");
      },
      RunPrefs);
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(68, ladder::cli::SetUpNotify);
