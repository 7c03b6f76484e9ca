#include "storage/sql_dump.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "model/validate.h"
#include "storage/people_json.h"
#include "storage/record_json.h"
#include "storage/row.h"
#include "storage/schema.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

constexpr int kDumpVersion = 1;

using schema::Column;
using schema::Table;
using schema::Type;

bool Dumped(const Table& t) { return t.content != schema::Content::kDerived; }

// The columns that hold credentials, "table.column", as the dump's "secrets" names them: all of
// them when the dump holds secrets, none otherwise.
Json SecretsNote(bool secrets) {
  Json out = Json::array();
  if (!secrets) return out;
  for (const Table& t : schema::Tables())
    for (const Column& c : t.columns)
      if (c.secret) out.push_back(std::string(t.name) + "." + std::string(c.name));
  return out;
}

// The value of column `c` of a row, as the dump writes it.
Result<Json> ValueJson(const Row& r, const Table& t, const Column& c) {
  std::string name(c.name);
  switch (c.type) {
    case Type::kText:
      return Json(r.Text(name));
    case Type::kNullText:
      return r.IsNull(name) ? Json() : Json(r.Text(name));
    case Type::kDate:
      return r.Text(name).empty() ? Json() : Json(r.Text(name));
    case Type::kInt:
    case Type::kRowId:
      return Json(r.Int(name));
    case Type::kJson:
      return ParseJson(r.Text(name), std::string(t.name) + "." + name);
    case Type::kTsVector:
      break;
  }
  return Json();
}

// One row as a JSON object by column name, and its primary key. Without `secrets`, the columns
// holding credentials are "".
Result<std::pair<Json, Json>> RowJson(const Row& r, const Table& t, bool secrets) {
  Json row = Json::object(), key = Json::array();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const Column& c = t.columns[i];
    if (c.type == Type::kTsVector) continue;
    Json value = "";  // a credential left out
    if (secrets || !c.secret) {
      LADDER_TRY(value, ValueJson(r, t, c));
    }
    if (i < t.key) key.push_back(value);
    row[std::string(c.name)] = std::move(value);
  }
  return std::pair<Json, Json>{std::move(row), std::move(key)};
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

// The dump's header checked: its format, version and schema (returned).
Result<int> CheckHeader(const Json& dump, int known_schema) {
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
  return schema.get<int>();
}

// kConflict naming what the database holds unless every table is empty.
Status CheckEmpty(soci::session& s) {
  std::string held;
  for (const Table& t : schema::Tables()) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM " + std::string(t.name), soci::into(n);
    if (n > 0) held += (held.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(t.name);
  }
  if (held.empty()) return Ok();
  return MakeError(ErrorCode::kConflict,
                   "the database is not empty (it holds " + held +
                       "); a dump loads only into a new, empty database; nothing was loaded");
}

// Where a row's value goes: its text or integer, and whether it is NULL.
struct Slot {
  std::string text;
  long long number = 0;
  soci::indicator ind = soci::i_ok;
};

// Reads column `c` of dump row `row` (row `k` of table `t`) into `slot`. A column missing from
// a dump of an older schema takes its empty value.
Status ReadColumn(const Json& row, const Table& t, std::size_t k, const Column& c, bool older,
                  Slot& slot) {
  const std::string name(t.name);
  slot = Slot{};
  auto it = row.find(std::string(c.name));
  if (it == row.end() && !(older && c.type != Type::kJson))
    return Damaged(name, k, "has no \"" + std::string(c.name) + "\"");
  const Json value = it != row.end()    ? *it
                     : c.absent.empty() ? Json()
                                        : Json(std::string(c.absent));
  switch (c.type) {
    case Type::kText:
      if (value.is_null() && older) break;
      if (!value.is_string()) return Damaged(name, k, std::string(c.name) + " is not text");
      slot.text = value.get<std::string>();
      break;
    case Type::kNullText:
    case Type::kDate:
      if (value.is_null()) {
        if (c.type == Type::kNullText) slot.ind = soci::i_null;
      } else if (value.is_string()) {
        slot.text = value.get<std::string>();
      } else {
        return Damaged(name, k, std::string(c.name) + " is neither text nor null");
      }
      break;
    case Type::kInt:
    case Type::kRowId:
      if (value.is_null() && older) break;
      if (!value.is_number_integer())
        return Damaged(name, k, std::string(c.name) + " is not an integer");
      slot.number = value.get<long long>();
      break;
    case Type::kJson:
      slot.text = value.dump();
      break;
    case Type::kTsVector:
      break;
  }
  return Ok();
}

// The checks every way of adding a record makes, for a row of the dump: a person's
// (model::ValidatePerson).
Status CheckRecord(const Table& t, const Json& row, std::size_t k) {
  if (t.name != "people") return Ok();
  model::Person p;
  if (Status decoded = FromJson(row, p); !decoded)
    return Damaged("people", k, decoded.error().message);
  for (const Error& e : model::ValidatePerson(p)) return Damaged("people", k, e.message);
  return Ok();
}

// Loads the rows of one table. Columns that refer to the table itself (a person's manager) are
// set once every row is in, so that rows may come in any order.
Status LoadTable(soci::session& s, const Dialect& dialect, const Table& t, const Json& rows,
                 bool older,
                 const std::function<Status(const model::Framework&)>& put_framework_rows) {
  const std::string name(t.name);
  if (!rows.is_array())
    return MakeError(ErrorCode::kInvalidArgument,
                     "not a valid Ladder dump: \"" + name + "\" is not a list", {}, name);
  std::vector<const Column*> columns;
  for (const Column& c : t.columns)
    if (c.type != Type::kTsVector) columns.push_back(&c);
  std::vector<bool> later(columns.size(), false);
  for (const schema::Reference& ref : t.references)
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (ref.table == t.name && ref.columns.size() == 1 && ref.columns[0] == columns[i]->name)
        later[i] = true;
  std::size_t document = 0;  // framework_versions: the column holding the framework
  while (document + 1 < columns.size() && columns[document]->name != "document") ++document;
  const bool row_id = std::any_of(columns.begin(), columns.end(),
                                  [](const Column* c) { return c->type == Type::kRowId; });
  std::vector<Slot> slots(columns.size());
  std::string placeholders;
  soci::statement st(s);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    placeholders += (i ? ", :c" : ":c") + std::to_string(i);
    if (columns[i]->type == Type::kInt || columns[i]->type == Type::kRowId)
      st.exchange(soci::use(slots[i].number, slots[i].ind));
    else
      st.exchange(soci::use(slots[i].text, slots[i].ind));
  }
  st.alloc();
  st.prepare("INSERT INTO " + name + " (" + t.List() + ")" +
             (row_id ? dialect.OverridingIdentity() : std::string()) + " VALUES (" + placeholders +
             ")");
  st.define_and_bind();
  std::vector<std::vector<std::string>> deferred;  // (key, column, value) set afterwards
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (!rows[k].is_object()) return Damaged(name, k, "is not an object");
    for (std::size_t i = 0; i < columns.size(); ++i)
      LADDER_TRY_STATUS(ReadColumn(rows[k], t, k, *columns[i], older, slots[i]));
    LADDER_TRY_STATUS(CheckRecord(t, rows[k], k));
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (later[i] && slots[i].ind == soci::i_ok) {
        deferred.push_back({slots[0].text, std::string(columns[i]->name), slots[i].text});
        slots[i].ind = soci::i_null;
      }
    st.execute(true);
    if (name == "framework_versions") {
      LADDER_TRY(model::Framework f, Decode<model::Framework>(slots[document].text, "framework"));
      LADDER_TRY_STATUS(put_framework_rows(f));
    }
  }
  for (auto& d : deferred)
    s << "UPDATE " + name + " SET " + d[1] + " = :v WHERE " + std::string(t.columns[0].name) +
             " = :k",
        soci::use(d[2]), soci::use(d[0]);
  if (row_id) dialect.AfterExplicitIds(s, name);
  return Ok();
}

}  // namespace

Result<std::string> WriteDump(soci::session& s, int schema, bool secrets) {
  std::string out = Json{{"format", "ladder-dump"},
                         {"dump_version", kDumpVersion},
                         {"schema", schema},
                         {"secrets", SecretsNote(secrets)}}
                        .dump();
  out.pop_back();  // the closing brace: the tables follow
  for (const Table& t : schema::Tables()) {
    if (!Dumped(t)) continue;
    if (t.content == schema::Content::kCredentials && !secrets) {
      out += ",\n\"" + std::string(t.name) + "\":[]";
      continue;
    }
    std::vector<std::pair<Json, std::string>> rows;  // (key, line)
    LADDER_TRY_STATUS(ForRows(s, "SELECT " + t.List() + " FROM " + std::string(t.name), {},
                              [&](const Row& r) -> Status {
                                LADDER_TRY(auto row, RowJson(r, t, secrets));
                                rows.push_back({std::move(row.second), row.first.dump()});
                                return Ok();
                              }));
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

Result<int> ReadDump(soci::session& s, const Dialect& dialect, int known_schema,
                     std::string_view text,
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
  LADDER_TRY(int schema, CheckHeader(dump, known_schema));
  LADDER_TRY_STATUS(CheckEmpty(s));
  for (const Table& t : schema::Tables()) {
    if (!Dumped(t) || !dump.contains(std::string(t.name)))
      continue;  // a table the dump's
                 // Ladder did not have
    LADDER_TRY_STATUS(LoadTable(s, dialect, t, dump[std::string(t.name)], schema < known_schema,
                                put_framework_rows));
  }
  return schema;
}

}  // namespace ladder::storage::internal
