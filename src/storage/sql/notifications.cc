// Notifications: the inbox (notifications), the outbox the worker turns into deliveries, the
// deliveries with their log and leases, and each person's preferences. Workload: a handful of
// rows per change of a case; the worker claims a batch of due deliveries every few seconds, so
// the claim is one UPDATE on an index of (status, due_at) and one SELECT of what it leased.
#include <map>

#include "model/validate.h"
#include "storage/notification_json.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

constexpr const char* kNotificationColumns =
    "id, recipient, kind, subject, link, created_at, read_at, dedupe_key";
constexpr const char* kDeliveryColumns =
    "id, notification, recipient, channel, target, status, attempts, due_at, last_error, "
    "delivered_at";

// Runs a statement and returns how many rows it changed. Throws soci::soci_error.
long long ExecuteCounting(soci::session& s, const std::string& sql,
                          const std::vector<std::string>& params) {
  std::vector<std::string> values = params;
  soci::statement st(s);
  for (auto& v : values) st.exchange(soci::use(v));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

Result<model::Notification> NotificationFrom(const Row& r) {
  model::Notification n;
  n.id = r.Text("id");
  n.recipient = r.Text("recipient");
  std::optional<model::NotificationKind> kind = model::ParseNotificationKind(r.Text("kind"));
  if (!kind)
    return MakeError(ErrorCode::kInternal,
                     "stored notification " + n.id + " has kind \"" + r.Text("kind") + "\"");
  n.kind = *kind;
  n.subject = r.Text("subject");
  n.link = r.Text("link");
  n.created_at = r.Text("created_at");
  n.read_at = r.Text("read_at");
  n.key = r.Text("dedupe_key");
  return n;
}

Result<model::Delivery> DeliveryFrom(const Row& r) {
  model::Delivery d;
  d.id = r.Text("id");
  d.notification = r.Text("notification");
  d.recipient = r.Text("recipient");
  std::optional<model::Channel> channel = model::ParseChannel(r.Text("channel"));
  std::optional<model::DeliveryStatus> status = model::ParseDeliveryStatus(r.Text("status"));
  if (!channel || !status)
    return MakeError(ErrorCode::kInternal, "stored delivery " + d.id + " is damaged");
  d.channel = *channel;
  d.target = r.Text("target");
  d.status = *status;
  d.attempts = static_cast<int>(r.Int("attempts"));
  d.due_at = r.Text("due_at");
  d.last_error = r.Text("last_error");
  d.delivered_at = r.Text("delivered_at");
  return d;
}

template <typename T>
Result<std::vector<T>> Collect(soci::session& s, const std::string& sql,
                               const std::vector<std::string>& params,
                               Result<T> (*from)(const Row&)) {
  std::vector<T> out;
  LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
    LADDER_TRY(T value, from(r));
    out.push_back(std::move(value));
    return Ok();
  }));
  return out;
}

int Clamp(int limit, int max) { return limit < 1 ? 1 : (limit > max ? max : limit); }

}  // namespace

Result<int> PutNotifications(soci::session& s, std::vector<model::Notification> notifications,
                             const std::string& now) {
  int added = 0;
  for (model::Notification& n : notifications) {
    LADDER_TRY_STATUS(RequirePerson(s, n.recipient, "notification.recipient"));
    if (n.id.empty()) n.id = NewId("nt");
    if (n.created_at.empty()) n.created_at = now;
    if (n.key.empty()) n.key = n.id;
    long long inserted = ExecuteCounting(
        s,
        std::string("INSERT INTO notifications (") + kNotificationColumns +
            ") VALUES (:id, :r, :k, :s, :l, :c, '', :key) ON CONFLICT (dedupe_key) DO NOTHING",
        {n.id, n.recipient, model::NotificationKindName(n.kind), n.subject, n.link, n.created_at,
         n.key});
    if (inserted == 0) continue;
    Execute(s, "INSERT INTO outbox (notification, created_at, fanned_at) VALUES (:n, :c, '')",
            {n.id, n.created_at});
    ++added;
  }
  return added;
}

Result<int> SqlStore::AddNotifications(const std::vector<model::Notification>& notifications,
                                       std::string_view now) {
  std::string at(now);
  return Write([&](soci::session& s) { return PutNotifications(s, notifications, at); });
}

Result<int> SqlStore::AddWaiverExpiryNotifications(Date today, std::string_view now) {
  std::string at(now);
  return Write([&](soci::session& s) -> Result<int> {
    std::vector<model::Notification> due;
    LADDER_TRY_STATUS(
        ForRows(s, "SELECT doc FROM waivers ORDER BY id", {}, [&](const Row& r) -> Status {
          LADDER_TRY(model::Waiver w, Decode<model::Waiver>(r.Text("doc"), "waiver"));
          if (auto n = model::WaiverExpiryNotification(w, today)) due.push_back(std::move(*n));
          return Ok();
        }));
    return PutNotifications(s, std::move(due), at);
  });
}

Result<std::vector<model::Notification>> SqlStore::ListNotifications(
    const NotificationQuery& query) {
  std::string sql =
      std::string("SELECT ") + kNotificationColumns + " FROM notifications WHERE recipient = :r" +
      (query.unread_only ? " AND read_at = ''" : "") + " ORDER BY created_at DESC, id DESC LIMIT " +
      std::to_string(Clamp(query.limit, 1000));
  return Read([&](soci::session& s) {
    return Collect<model::Notification>(s, sql, {query.recipient}, NotificationFrom);
  });
}

Result<model::Notification> SqlStore::GetNotification(std::string_view id) {
  std::string nid(id);
  return Read([&](soci::session& s) -> Result<model::Notification> {
    LADDER_TRY(
        std::vector<model::Notification> found,
        Collect<model::Notification>(
            s, std::string("SELECT ") + kNotificationColumns + " FROM notifications WHERE id = :id",
            {nid}, NotificationFrom));
    if (found.empty()) return MakeError(ErrorCode::kNotFound, "no notification " + nid);
    return found.front();
  });
}

Result<int> SqlStore::CountUnread(std::string_view recipient) {
  std::string r(recipient);
  return Read([&](soci::session& s) -> Result<int> {
    int n = 0;
    LADDER_TRY_STATUS(
        ForRows(s, "SELECT COUNT(*) AS n FROM notifications WHERE recipient = :r AND read_at = ''",
                {r}, [&](const Row& row) -> Status {
                  n = static_cast<int>(row.Int("n"));
                  return Ok();
                }));
    return n;
  });
}

Result<int> SqlStore::MarkRead(std::string_view recipient, std::string_view id,
                               std::string_view at) {
  std::string r(recipient), nid(id), when(at);
  return Write([&](soci::session& s) -> Result<int> {
    if (nid.empty())
      return static_cast<int>(ExecuteCounting(
          s, "UPDATE notifications SET read_at = :at WHERE recipient = :r AND read_at = ''",
          {when, r}));
    int mine = 0;
    LADDER_TRY_STATUS(
        ForRows(s, "SELECT COUNT(*) AS n FROM notifications WHERE id = :id AND recipient = :r",
                {nid, r}, [&](const Row& row) -> Status {
                  mine = static_cast<int>(row.Int("n"));
                  return Ok();
                }));
    if (mine == 0) return MakeError(ErrorCode::kNotFound, "no notification " + nid + " for " + r);
    return static_cast<int>(ExecuteCounting(
        s, "UPDATE notifications SET read_at = :at WHERE id = :id AND read_at = ''", {when, nid}));
  });
}

Result<model::NotificationPrefs> SqlStore::GetNotificationPrefs(std::string_view person) {
  std::string p(person);
  return Read([&](soci::session& s) -> Result<model::NotificationPrefs> {
    model::NotificationPrefs prefs;
    prefs.person = p;
    std::string doc;
    LADDER_TRY_STATUS(ForRows(s, "SELECT doc FROM notification_prefs WHERE person = :p", {p},
                              [&](const Row& r) -> Status {
                                doc = r.Text("doc");
                                return Ok();
                              }));
    if (doc.empty()) return prefs;
    Json j = Json::parse(doc, nullptr, false);
    if (Status read = FromJson(j, prefs); !read)
      return MakeError(ErrorCode::kInternal, "stored notification preferences of " + p +
                                                 " are damaged: " + read.error().message);
    prefs.person = p;
    return prefs;
  });
}

Status SqlStore::SaveNotificationPrefs(std::string_view actor,
                                       const model::NotificationPrefs& prefs) {
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY_STATUS(RequirePerson(s, prefs.person, "person"));
    std::string before;
    LADDER_TRY_STATUS(ForRows(s, "SELECT doc FROM notification_prefs WHERE person = :p",
                              {prefs.person}, [&](const Row& r) -> Status {
                                before = r.Text("doc");
                                return Ok();
                              }));
    std::string doc = Dump(NotificationPrefsJson(prefs));
    Execute(s, InsertSql(schema::TableNamed("notification_prefs"), true), {prefs.person, doc});
    return Audit(s, actor, "notification_prefs.update", "person:" + prefs.person, before, doc);
  });
}

Result<std::vector<model::Notification>> SqlStore::PendingOutbox(int limit) {
  std::string sql =
      "SELECT n.id AS id, n.recipient AS recipient, n.kind AS kind, n.subject AS subject, "
      "n.link AS link, n.created_at AS created_at, n.read_at AS read_at, n.dedupe_key AS "
      "dedupe_key FROM outbox o JOIN notifications n ON n.id = o.notification WHERE "
      "o.fanned_at = '' ORDER BY o.created_at, o.notification LIMIT " +
      std::to_string(Clamp(limit, 10000));
  return Read(
      [&](soci::session& s) { return Collect<model::Notification>(s, sql, {}, NotificationFrom); });
}

Status SqlStore::FanOut(std::string_view notification,
                        const std::vector<model::Delivery>& deliveries, std::string_view now) {
  std::string nid(notification), at(now);
  return Write([&](soci::session& s) -> Status {
    for (const model::Delivery& d : deliveries)
      ExecuteCounting(
          s,
          std::string("INSERT INTO deliveries (") + kDeliveryColumns +
              ", lease_owner, lease_until) VALUES (:id, :n, :r, :c, :t, :st, 0, :due, "
              ":e, '', '', '') ON CONFLICT (id) DO NOTHING",
          {d.id, nid, d.recipient, model::ChannelName(d.channel), d.target,
           model::DeliveryStatusName(d.status), d.due_at.empty() ? at : d.due_at, d.last_error});
    ExecuteCounting(s,
                    "UPDATE outbox SET fanned_at = :at WHERE notification = :n AND fanned_at = ''",
                    {at, nid});
    return Ok();
  });
}

Result<std::vector<model::Delivery>> SqlStore::ClaimDeliveries(std::string_view owner,
                                                               std::string_view now,
                                                               std::string_view lease_until,
                                                               int limit) {
  std::string o(owner), at(now), until(lease_until);
  const std::string claimable =
      "status = 'pending' AND due_at <= :now AND (lease_owner = '' OR lease_until <= :then)";
  const std::string candidates = "SELECT id FROM deliveries WHERE " + claimable +
                                 " ORDER BY due_at, id LIMIT " + std::to_string(Clamp(limit, 1000));
  // Each candidate is leased by an UPDATE that checks again that it is claimable: a row another
  // worker leased meanwhile changes nothing (on PostgreSQL the UPDATE waits for that worker's
  // transaction and then sees its lease), so what this call leased is what its UPDATEs changed.
  const std::string lease =
      "UPDATE deliveries SET lease_owner = :o, lease_until = :u WHERE id = "
      ":id AND " +
      claimable;
  return Write([&](soci::session& s) -> Result<std::vector<model::Delivery>> {
    std::vector<std::string> ids, leased;
    LADDER_TRY_STATUS(ForRows(s, candidates, {at, at}, [&](const Row& r) -> Status {
      ids.push_back(r.Text("id"));
      return Ok();
    }));
    for (const std::string& id : ids)
      if (ExecuteCounting(s, lease, {o, until, id, at, at}) == 1) leased.push_back(id);
    std::map<std::string, model::Delivery> read;
    Status damaged = Ok();
    ForIds(s, std::string("SELECT ") + kDeliveryColumns + " FROM deliveries WHERE id IN", leased,
           [&](const Row& r) {
             Result<model::Delivery> d = DeliveryFrom(r);
             if (d)
               read.emplace(d->id, std::move(*d));
             else
               damaged = Status(std::unexpected(d.error()));
           });
    LADDER_TRY_STATUS(damaged);
    std::vector<model::Delivery> out;
    for (const std::string& id : leased) out.push_back(std::move(read.at(id)));
    return out;
  });
}

Status SqlStore::FinishDelivery(std::string_view owner, const model::Delivery& d) {
  std::string o(owner);
  return Write([&](soci::session& s) -> Status {
    long long changed = ExecuteCounting(
        s,
        "UPDATE deliveries SET status = :st, attempts = :a, due_at = :due, last_error = :e, "
        "delivered_at = :at, lease_owner = '', lease_until = '' WHERE id = :id AND "
        "lease_owner = :o",
        {model::DeliveryStatusName(d.status), std::to_string(d.attempts), d.due_at, d.last_error,
         d.delivered_at, d.id, o});
    if (changed == 0)
      return MakeError(ErrorCode::kConflict, "delivery " + d.id + " is no longer leased to " + o +
                                                 " (another worker took it over)");
    return Ok();
  });
}

Result<std::vector<model::Delivery>> SqlStore::ListDeliveries(const DeliveryQuery& query) {
  std::string sql = std::string("SELECT ") + kDeliveryColumns + " FROM deliveries WHERE 1 = 1";
  std::vector<std::string> params;
  if (!query.recipient.empty()) {
    sql += " AND recipient = :r";
    params.push_back(query.recipient);
  }
  if (!query.notification.empty()) {
    sql += " AND notification = :n";
    params.push_back(query.notification);
  }
  if (!query.status.empty()) {
    sql += " AND status = :s";
    params.push_back(query.status);
  }
  sql += " ORDER BY due_at DESC, id LIMIT " + std::to_string(Clamp(query.limit, 10000));
  return Read(
      [&](soci::session& s) { return Collect<model::Delivery>(s, sql, params, DeliveryFrom); });
}

}  // namespace ladder::storage::internal
