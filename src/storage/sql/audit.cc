// The audit log: one entry per write, appended in the write's transaction (Audit, sql_store.cc)
// and read here, filtered and paged.
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

// `prefix` as a LIKE pattern that matches exactly the texts starting with it: the pattern
// characters % and _ and the escape character itself are escaped (ESCAPE '\').
std::string PrefixPattern(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

Result<std::vector<model::AuditEntry>> SqlStore::ListAudit(const AuditQuery& q) {
  std::string sql =
      "SELECT " + schema::TableNamed("audit_log").List() + " FROM audit_log WHERE id > :after";
  std::vector<std::string> params = {std::to_string(q.after_id)};
  if (!q.actor.empty()) {
    sql += " AND actor = :a";
    params.push_back(q.actor);
  }
  if (!q.subject.empty()) {
    sql += " AND subject = :s";
    params.push_back(q.subject);
  }
  if (!q.action_prefix.empty()) {
    sql += " AND action LIKE :p ESCAPE '\\'";
    params.push_back(PrefixPattern(q.action_prefix));
  }
  sql += " ORDER BY id";
  if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
  return Read([&](soci::session& s) -> Result<std::vector<model::AuditEntry>> {
    std::vector<model::AuditEntry> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      out.push_back({r.Int("id"), r.Text("at"), r.Text("actor"), r.Text("action"),
                     r.Text("subject"), r.Text("before_json"), r.Text("after_json")});
      return Ok();
    }));
    return out;
  });
}

Status SqlStore::AppendAudit(std::string_view actor, std::string_view action,
                             std::string_view subject, std::string_view before,
                             std::string_view after) {
  return Write([&](soci::session& s) -> Status {
    return Audit(s, actor, action, std::string(subject), std::string(before), std::string(after));
  });
}

}  // namespace ladder::storage::internal
