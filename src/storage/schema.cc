#include "storage/schema.h"

#include <cstdio>
#include <cstdlib>

namespace ladder::storage::schema {
namespace {

using enum Type;
using model::Person;

template <typename T>
std::vector<Column> ColumnsOf(const Fields<T>& fields) {
  std::vector<Column> out;
  for (const Field<T>& f : fields) out.push_back(f.column);
  return out;
}

// A record table of the people side: (id, person, day, doc).
Table PersonRecords(std::string_view name) {
  return {name,
          Content::kRecords,
          {{"id"}, {"person"}, {"day", kDate}, {"doc", kJson}},
          1,
          {{{"person"}, "people", {"id"}}}};
}

std::vector<Table> Describe() {
  const Reference version = {
      {"framework", "version"}, "framework_versions", {"framework", "version"}};
  return {
      {"framework_versions",
       Content::kRecords,
       {{"framework"},
        {"version"},
        {"name"},
        {"family"},
        {"status"},
        {"effective", kDate},
        {"saved_at"},
        {"published_at"},
        {"save_seq", kInt},
        {"publish_seq", kInt},
        {"document", kJson}},
       2,
       {}},
      {"levels",
       Content::kDerived,
       {{"framework"}, {"version"}, {"track"}, {"code"}, {"rank", kInt}, {"title"}},
       4,
       {version}},
      {"roles",
       Content::kDerived,
       {{"framework"},
        {"version"},
        {"ord", kInt},
        {"family"},
        {"seniority"},
        {"title"},
        {"doc", kJson}},
       3,
       {version}},
      {"passages",
       Content::kDerived,
       {{"id", kRowId},
        {"framework"},
        {"version"},
        {"kind"},
        {"track"},
        {"level"},
        {"level_title"},
        {"competency"},
        {"title"},
        {"body"},
        {"ord", kInt},
        {"terms"},
        {"search", kTsVector}},
       1,
       {version}},
      {"people",
       Content::kRecords,
       ColumnsOf(PersonFields()),
       1,
       {{{"manager"}, "people", {"id"}}}},
      {"assignments",
       Content::kRecords,
       {{"id"},
        {"person"},
        {"framework"},
        {"version"},
        {"track"},
        {"level"},
        {"from_date", kDate},
        {"to_date", kDate},
        {"doc", kJson}},
       1,
       {{{"person"}, "people", {"id"}},
        {{"framework", "version", "track", "level"},
         "levels",
         {"framework", "version", "track", "code"}}}},
      PersonRecords("evidence"),
      PersonRecords("metrics"),
      {"assessments",
       Content::kRecords,
       {{"id"},
        {"person"},
        {"assessor", kNullText},
        {"framework", kNullText},
        {"version", kNullText},
        {"day", kDate},
        {"doc", kJson}},
       1,
       {{{"person"}, "people", {"id"}}, {{"assessor"}, "people", {"id"}}, version}},
      PersonRecords("signoffs"),
      {"cases",
       Content::kRecords,
       {{"id"},
        {"person"},
        {"framework", kNullText},
        {"version", kNullText},
        {"day", kDate},
        {"status"},
        {"doc", kJson},
        {"cycle", kNullText}},  // migration 007
       1,
       {{{"person"}, "people", {"id"}}, version}},
      PersonRecords("waivers"),
      {"needs", Content::kRecords, {{"id"}, {"framework"}, {"day", kDate}, {"doc", kJson}}, 1, {}},
      PersonRecords("raises"),
      {"users",
       Content::kRecords,
       {{"id"}, {"person", kNullText}, {"password_hash", kText, false, true}, {"doc", kJson}},
       1,
       {{{"person"}, "people", {"id"}}}},
      {"sessions",
       Content::kCredentials,
       ColumnsOf(SessionFields()),
       1,
       {{{"user_id"}, "users", {"id"}}}},
      {"api_tokens",
       Content::kCredentials,
       ColumnsOf(ApiTokenFields()),
       1,
       {{{"user_id"}, "users", {"id"}}}},
      // Notifications (migration 006): the inbox, its outbox and the deliveries.
      {"notifications",
       Content::kRecords,
       {{"id"},
        {"recipient"},
        {"kind"},
        {"subject"},
        {"link"},
        {"created_at"},
        {"read_at"},
        {"dedupe_key", kText, true}},
       1,
       {{{"recipient"}, "people", {"id"}}}},
      {"outbox",
       Content::kRecords,
       {{"notification"}, {"created_at"}, {"fanned_at"}},
       1,
       {{{"notification"}, "notifications", {"id"}}}},
      {"deliveries",
       Content::kRecords,
       {{"id"},
        {"notification"},
        {"recipient"},
        {"channel"},
        {"target"},
        {"status"},
        {"attempts", kInt},
        {"due_at"},
        {"last_error"},
        {"delivered_at"},
        {"lease_owner"},
        {"lease_until"}},
       1,
       {{{"notification"}, "notifications", {"id"}}}},
      {"notification_prefs",
       Content::kRecords,
       {{"person"}, {"doc", kJson}},
       1,
       {{{"person"}, "people", {"id"}}}},
      // Review cycles (migration 007): the cycle and the snapshot of its candidates.
      {"cycles", Content::kRecords, {{"id"}, {"status"}, {"day", kDate}, {"doc", kJson}}, 1, {}},
      {"cycle_candidates",
       Content::kRecords,
       {{"cycle"}, {"person"}, {"readiness"}, {"doc", kJson}},
       2,
       {{{"cycle"}, "cycles", {"id"}}, {{"person"}, "people", {"id"}}}},
      // Growth plans (migration 008): agreed actions and check-ins.
      PersonRecords("plan_actions"),
      PersonRecords("checkins"),
      // Change requests (migration 009): a draft version proposed for publishing, its reviews.
      {"change_requests",
       Content::kRecords,
       {{"id"}, {"framework"}, {"version"}, {"status"}, {"opened"}, {"doc", kJson}},
       1,
       {version}},
      {"audit_log",
       Content::kRecords,
       {{"id", kRowId},
        {"at"},
        {"actor"},
        {"action"},
        {"subject"},
        {"before_json"},
        {"after_json"}},
       1,
       {}},
  };
}

}  // namespace

const Fields<Person>& PersonFields() {
  static const Fields<Person> kFields = {
      Bind("id", &Person::id),       Bind("name", &Person::name),
      Bind("email", &Person::email), Bind("manager", &Person::manager, kNullText),
      Bind("hired", &Person::hired),
  };
  return kFields;
}

const Fields<Session>& SessionFields() {
  static const Fields<Session> kFields = {
      Secret(Bind("token_hash", &Session::token_hash)), Bind("user_id", &Session::user),
      Secret(Bind("csrf_token", &Session::csrf_token)), Bind("created_at", &Session::created_at),
      Bind("expires_at", &Session::expires_at),
  };
  return kFields;
}

const Fields<ApiToken>& ApiTokenFields() {
  static const Fields<ApiToken> kFields = {
      Bind("id", &ApiToken::id),
      Bind("user_id", &ApiToken::user),
      Bind("name", &ApiToken::name),
      Unique(Secret(Bind("token_hash", &ApiToken::token_hash))),
      Bind("created_at", &ApiToken::created_at),
      Bind("expires_at", &ApiToken::expires_at),
      Bind("last_used_at", &ApiToken::last_used_at),
      Bind("revoked", &ApiToken::revoked),
      // Tokens made before scopes existed could do everything (migration 003_token_scope).
      Absent("write", Bind("scope", &ApiToken::scope)),
  };
  return kFields;
}

const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = Describe();
  return kTables;
}

const Table& TableNamed(std::string_view name) {
  for (const Table& t : Tables())
    if (t.name == name) return t;
  std::fprintf(stderr, "storage: no table %.*s in the schema description\n",
               static_cast<int>(name.size()), name.data());
  std::abort();
}

const Column* Table::Find(std::string_view column) const {
  for (const Column& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

std::vector<std::string_view> Table::Names(bool with_row_id) const {
  std::vector<std::string_view> out;
  for (const Column& c : columns) {
    if (c.type == kTsVector || (c.type == kRowId && !with_row_id)) continue;
    out.push_back(c.name);
  }
  return out;
}

std::string Table::List(bool with_row_id) const {
  std::string out;
  for (std::string_view column : Names(with_row_id)) {
    if (!out.empty()) out += ", ";
    out += column;
  }
  return out;
}

std::string Table::KeyList() const {
  std::string out;
  for (std::size_t i = 0; i < key && i < columns.size(); ++i) {
    if (i) out += ", ";
    out += columns[i].name;
  }
  return out;
}

}  // namespace ladder::storage::schema
