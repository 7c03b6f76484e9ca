#include "storage/sql_dump.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "model/validate.h"
#include "storage/record_json.h"
#include "storage/row.h"

namespace ladder::storage::internal {
namespace {

constexpr int kDumpVersion = 1;

enum class Type {
  kText,      // NOT NULL text
  kNullText,  // text or NULL (JSON null)
  kInt,       // integer
  kJson,      // text holding JSON, embedded as a value
};

// Credentials are dumped only when asked for (DumpOptions::secrets): a secret column is written
// as "" without them, a table of credentials not at all.
enum class Secret { kNo, kColumn, kTable };

struct Column {
  const char* name;
  Type type;
  const char* absent = nullptr;  // the value in dumps written before the column existed
  Secret secret = Secret::kNo;
};

struct Table {
  const char* name;
  std::vector<Column> columns;
  std::size_t key_columns;  // the first key_columns columns are the primary key
  Secret secret = Secret::kNo;
};

// Every table a dump holds, in the order they load (references point backwards).
const std::vector<Table>& Tables() {
  using enum Type;
  static const std::vector<Table> kTables = {
      {"framework_versions",
       {{"framework", kText},
        {"version", kText},
        {"name", kText},
        {"family", kText},
        {"status", kText},
        {"effective", kText},
        {"saved_at", kText},
        {"published_at", kText},
        {"save_seq", kInt},
        {"publish_seq", kInt},
        {"document", kJson}},
       2},
      {"people",
       {{"id", kText}, {"name", kText}, {"email", kText}, {"manager", kNullText}, {"hired", kText}},
       1},
      {"assignments",
       {{"id", kText},
        {"person", kText},
        {"framework", kText},
        {"version", kText},
        {"track", kText},
        {"level", kText},
        {"from_date", kText},
        {"to_date", kText},
        {"doc", kJson}},
       1},
      {"evidence", {{"id", kText}, {"person", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"metrics", {{"id", kText}, {"person", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"assessments",
       {{"id", kText},
        {"person", kText},
        {"assessor", kNullText},
        {"framework", kNullText},
        {"version", kNullText},
        {"day", kText},
        {"doc", kJson}},
       1},
      {"signoffs", {{"id", kText}, {"person", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"cases",
       {{"id", kText},
        {"person", kText},
        {"framework", kNullText},
        {"version", kNullText},
        {"day", kText},
        {"status", kText},
        {"doc", kJson}},
       1},
      {"waivers", {{"id", kText}, {"person", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"needs", {{"id", kText}, {"framework", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"raises", {{"id", kText}, {"person", kText}, {"day", kText}, {"doc", kJson}}, 1},
      {"users",
       {{"id", kText},
        {"person", kNullText},
        {"password_hash", kText, nullptr, Secret::kColumn},
        {"doc", kJson}},
       1},
      {"sessions",
       {{"token_hash", kText, nullptr, Secret::kColumn},
        {"user_id", kText},
        {"csrf_token", kText, nullptr, Secret::kColumn},
        {"created_at", kText},
        {"expires_at", kText}},
       1,
       Secret::kTable},
      {"api_tokens",
       {{"id", kText},
        {"user_id", kText},
        {"name", kText},
        {"token_hash", kText, nullptr, Secret::kColumn},
        {"created_at", kText},
        {"expires_at", kText},
        {"last_used_at", kText},
        {"revoked", kInt},
        {"scope", kText, "write"}},
       1,
       Secret::kTable},
      {"audit_log",
       {{"id", kInt},
        {"at", kText},
        {"actor", kText},
        {"action", kText},
        {"subject", kText},
        {"before_json", kText},
        {"after_json", kText}},
       1},
  };
  return kTables;
}

// Tables that must be empty too before a load, though they are not dumped.
constexpr const char* kDerivedTables[] = {"levels", "roles", "passages"};

// The secret columns a dump holds ("users.password_hash", ...): all of them, or none.
Json SecretsNote(bool secrets) {
  Json out = Json::array();
  if (!secrets) return out;
  for (const Table& t : Tables())
    for (const Column& c : t.columns)
      if (c.secret != Secret::kNo) out.push_back(std::string(t.name) + "." + c.name);
  return out;
}

std::string ColumnList(const Table& t) {
  std::string out;
  for (const Column& c : t.columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

// "line L, column C" of a byte offset.
SourceLocation LocationOf(std::string_view text, std::size_t byte, std::string_view file) {
  SourceLocation where{std::string(file), 1, 1};
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++where.column;
    }
  }
  return where;
}

std::unexpected<Error> Damaged(const std::string& table, std::size_t row, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "not a valid Ladder dump: " + table + "[" + std::to_string(row) + "] " + what +
                       "; nothing was loaded",
                   {}, table);
}

}  // namespace

std::vector<std::string> DumpedTables() {
  std::vector<std::string> out;
  for (const Table& t : Tables()) out.push_back(t.name);
  return out;
}

std::vector<std::string> DerivedTables() {
  return std::vector<std::string>(std::begin(kDerivedTables), std::end(kDerivedTables));
}

Result<std::string> WriteDump(soci::session& s, int schema, bool secrets) {
  std::string out = Json{{"format", "ladder-dump"},
                         {"dump_version", kDumpVersion},
                         {"schema", schema},
                         {"secrets", SecretsNote(secrets)}}
                        .dump();
  out.pop_back();  // the closing brace: the tables follow
  for (const Table& t : Tables()) {
    std::vector<std::pair<Json, std::string>> rows;  // (key, line)
    if (!secrets && t.secret == Secret::kTable) {
      out += ",\n\"" + std::string(t.name) + "\":[]";
      continue;
    }
    soci::rowset<soci::row> result =
        (s.prepare << "SELECT " + ColumnList(t) + " FROM " + std::string(t.name));
    for (const auto& r : result) {
      Json row = Json::object(), key = Json::array();
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Column& c = t.columns[i];
        Json value;
        if (!secrets && c.secret != Secret::kNo) {
          row[c.name] = "";
          continue;
        }
        switch (c.type) {
          case Type::kText:
            value = GetStr(r, i);
            break;
          case Type::kNullText:
            if (r.get_indicator(i) != soci::i_null) value = GetStr(r, i);
            break;
          case Type::kInt:
            value = GetInt(r, i);
            break;
          case Type::kJson: {
            LADDER_TRY(value, ParseJson(GetStr(r, i), std::string(t.name) + "." + c.name));
            break;
          }
        }
        if (i < t.key_columns) key.push_back(value);
        row[c.name] = std::move(value);
      }
      rows.push_back({std::move(key), row.dump()});
    }
    // Key order computed here: the database's collation would differ between backends.
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out += ",\n\"" + std::string(t.name) + "\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out += i == 0 ? "\n" : ",\n";
      out += rows[i].second;
    }
    out += "]";
  }
  out += "\n}\n";
  return out;
}

Status ReadDump(soci::session& s, const Dialect& dialect, int known_schema, std::string_view text,
                const std::function<Status(const model::Framework&)>& put_framework_rows) {
  Json dump;
  try {
    dump = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("not a valid Ladder dump (malformed JSON: ") + e.what() +
                         "); nothing was loaded",
                     LocationOf(text, e.byte == 0 ? 0 : e.byte - 1, ""));
  }
  if (!dump.is_object() || dump.value("format", Json()) != "ladder-dump")
    return MakeError(ErrorCode::kInvalidArgument,
                     "not a Ladder dump (no \"format\": \"ladder-dump\"); nothing was loaded");
  if (dump.value("dump_version", Json()) != kDumpVersion)
    return MakeError(ErrorCode::kInvalidArgument,
                     "unsupported dump_version " + dump.value("dump_version", Json()).dump() +
                         " (this Ladder reads version " + std::to_string(kDumpVersion) +
                         "); nothing was loaded");
  const Json& schema = dump.value("schema", Json());
  if (!schema.is_number_integer())
    return MakeError(ErrorCode::kInvalidArgument, "the dump has no schema number");
  if (schema.get<int>() > known_schema)
    return MakeError(ErrorCode::kFailedPrecondition,
                     "the dump was written by a newer Ladder (schema " + schema.dump() +
                         ", this binary knows up to " + std::to_string(known_schema) +
                         "); nothing was loaded");

  // The database must be empty.
  std::string held;
  auto count = [&](const std::string& table) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM " + table, soci::into(n);
    if (n > 0) held += (held.empty() ? "" : ", ") + std::to_string(n) + " " + table;
  };
  for (const Table& t : Tables()) count(t.name);
  for (const char* t : kDerivedTables) count(t);
  if (!held.empty())
    return MakeError(ErrorCode::kConflict,
                     "the database is not empty (it holds " + held +
                         "); a dump loads only into a new, empty database; nothing was loaded");

  for (const Table& t : Tables()) {
    const std::string name = t.name;
    if (!dump.contains(name)) continue;  // a table the dump's Ladder did not have
    const Json& rows = dump[name];
    if (!rows.is_array())
      return MakeError(ErrorCode::kInvalidArgument,
                       "not a valid Ladder dump: \"" + name + "\" is not a list", {}, name);
    bool people = name == "people";
    bool audit = name == "audit_log";
    std::size_t n = t.columns.size();
    std::vector<std::string> texts(n);
    std::vector<long long> ints(n);
    std::vector<soci::indicator> inds(n);
    std::string placeholders;
    for (std::size_t i = 0; i < n; ++i) placeholders += (i ? ", :c" : ":c") + std::to_string(i);
    soci::statement st(s);
    for (std::size_t i = 0; i < n; ++i) {
      if (t.columns[i].type == Type::kInt)
        st.exchange(soci::use(ints[i], inds[i]));
      else
        st.exchange(soci::use(texts[i], inds[i]));
    }
    st.alloc();
    st.prepare("INSERT INTO " + name + " (" + ColumnList(t) + ")" +
               (audit ? dialect.OverridingIdentity() : std::string()) + " VALUES (" + placeholders +
               ")");
    st.define_and_bind();
    std::vector<std::pair<std::string, std::string>> managers;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const Json& row = rows[k];
      if (!row.is_object()) return Damaged(name, k, "is not an object");
      for (std::size_t i = 0; i < n; ++i) {
        const Column& c = t.columns[i];
        auto it = row.find(c.name);
        Json absent;
        if (it == row.end()) {
          if (!c.absent) return Damaged(name, k, std::string("has no \"") + c.name + "\"");
          absent = c.absent;
        }
        const Json& value = it == row.end() ? absent : *it;
        inds[i] = soci::i_ok;
        switch (c.type) {
          case Type::kText:
            if (!value.is_string()) return Damaged(name, k, std::string(c.name) + " is not text");
            texts[i] = value.get<std::string>();
            break;
          case Type::kNullText:
            if (value.is_null()) {
              inds[i] = soci::i_null;
              texts[i].clear();
            } else if (value.is_string()) {
              texts[i] = value.get<std::string>();
            } else {
              return Damaged(name, k, std::string(c.name) + " is neither text nor null");
            }
            break;
          case Type::kInt:
            if (!value.is_number_integer())
              return Damaged(name, k, std::string(c.name) + " is not an integer");
            ints[i] = value.get<long long>();
            break;
          case Type::kJson:
            texts[i] = value.dump();
            break;
        }
      }
      if (people) {
        model::Person p{texts[0], texts[1], texts[2], inds[3] == soci::i_ok ? texts[3] : "", {}};
        for (const Error& e : model::ValidatePerson(p)) return Damaged(name, k, e.message);
      }
      // Managers are set once everyone is in (a manager may come after their report).
      if (people && inds[3] == soci::i_ok) {
        managers.push_back({texts[0], texts[3]});
        inds[3] = soci::i_null;
      }
      st.execute(true);
      if (name == "framework_versions") {
        LADDER_TRY(model::Framework f, Decode<model::Framework>(texts[n - 1], "framework"));
        LADDER_TRY_STATUS(put_framework_rows(f));
      }
    }
    for (auto& [id, manager] : managers)
      s << "UPDATE people SET manager = :m WHERE id = :id", soci::use(manager), soci::use(id);
    if (audit) dialect.AfterExplicitIds(s, name);
  }
  return Ok();
}

}  // namespace ladder::storage::internal
