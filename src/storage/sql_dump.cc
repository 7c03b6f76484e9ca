#include "storage/sql_dump.h"

#include <algorithm>
#include <iterator>
#include <vector>

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

struct Column {
  const char* name;
  Type type;
};

struct Table {
  const char* name;
  std::vector<Column> columns;
  std::size_t key_columns;  // the first key_columns columns are the primary key
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
       {{"id", kText}, {"person", kNullText}, {"password_hash", kText}, {"doc", kJson}},
       1},
      {"sessions",
       {{"token_hash", kText},
        {"user_id", kText},
        {"csrf_token", kText},
        {"created_at", kText},
        {"expires_at", kText}},
       1},
      {"api_tokens",
       {{"id", kText},
        {"user_id", kText},
        {"name", kText},
        {"token_hash", kText},
        {"created_at", kText},
        {"expires_at", kText},
        {"last_used_at", kText},
        {"revoked", kInt}},
       1},
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

const Json& SecretsNote() {
  static const Json kSecrets = {"users.password_hash", "sessions.token_hash", "sessions.csrf_token",
                                "api_tokens.token_hash"};
  return kSecrets;
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

Result<std::string> WriteDump(soci::session& s, int schema) {
  std::string out = Json{
      {"format", "ladder-dump"},
      {"dump_version", kDumpVersion},
      {"schema", schema},
      {"secrets",
       SecretsNote()}}.dump();
  out.pop_back();  // the closing brace: the tables follow
  for (const Table& t : Tables()) {
    std::vector<std::pair<Json, std::string>> rows;  // (key, line)
    soci::rowset<soci::row> result =
        (s.prepare << "SELECT " + ColumnList(t) + " FROM " + std::string(t.name));
    for (const auto& r : result) {
      Json row = Json::object(), key = Json::array();
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Column& c = t.columns[i];
        Json value;
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
        if (it == row.end()) return Damaged(name, k, std::string("has no \"") + c.name + "\"");
        inds[i] = soci::i_ok;
        switch (c.type) {
          case Type::kText:
            if (!it->is_string()) return Damaged(name, k, std::string(c.name) + " is not text");
            texts[i] = it->get<std::string>();
            break;
          case Type::kNullText:
            if (it->is_null()) {
              inds[i] = soci::i_null;
              texts[i].clear();
            } else if (it->is_string()) {
              texts[i] = it->get<std::string>();
            } else {
              return Damaged(name, k, std::string(c.name) + " is neither text nor null");
            }
            break;
          case Type::kInt:
            if (!it->is_number_integer())
              return Damaged(name, k, std::string(c.name) + " is not an integer");
            ints[i] = it->get<long long>();
            break;
          case Type::kJson:
            texts[i] = it->dump();
            break;
        }
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
