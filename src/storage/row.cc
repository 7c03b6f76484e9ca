#include "storage/row.h"

namespace ladder::storage::internal {

bool Row::IsNull(const std::string& column) const {
  return r_.get_indicator(column) == soci::i_null;
}

long long Row::Int(const std::string& column) const {
  if (IsNull(column)) return 0;
  switch (r_.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return r_.get<int>(column);
    case soci::dt_long_long:
      return r_.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r_.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(r_.get<double>(column));
    case soci::dt_string:
      return std::stoll(r_.get<std::string>(column));
    default:
      return 0;
  }
}

double Row::Real(const std::string& column) const {
  if (IsNull(column)) return 0;
  soci::data_type type = r_.get_properties(column).get_data_type();
  if (type == soci::dt_double) return r_.get<double>(column);
  if (type == soci::dt_string) return std::stod(r_.get<std::string>(column));
  return static_cast<double>(Int(column));
}

std::string Row::Text(const std::string& column) const {
  if (IsNull(column)) return {};
  if (r_.get_properties(column).get_data_type() != soci::dt_string)
    return std::to_string(Int(column));
  return r_.get<std::string>(column);
}

Result<Date> Row::DateOf(const std::string& column) const {
  std::string text = Text(column);
  if (text.empty()) return Date();
  Result<Date> d = Date::Parse(text);
  if (!d)
    return MakeError(ErrorCode::kInternal,
                     "stored date is damaged: " + column + " = \"" + text + "\"", {}, column);
  return d;
}

std::string InsertSql(const schema::Table& table, bool upsert) {
  std::vector<std::string_view> names = table.Names(false);
  std::string sql =
      "INSERT INTO " + std::string(table.name) + " (" + table.List(false) + ") VALUES (";
  for (std::size_t i = 0; i < names.size(); ++i) sql += (i ? ", :c" : ":c") + std::to_string(i);
  sql += ")";
  return upsert ? sql + OnConflictUpdate(table) : sql;
}

std::string OnConflictUpdate(const schema::Table& table) {
  std::vector<std::string_view> names = table.Names(false);
  std::string sql = " ON CONFLICT (" + table.KeyList() + ") DO UPDATE SET ";
  for (std::size_t i = table.key; i < names.size(); ++i) {
    if (i > table.key) sql += ", ";
    sql += std::string(names[i]) + " = excluded." + std::string(names[i]);
  }
  return sql;
}

void Execute(soci::session& s, const std::string& sql, const std::vector<Cell>& cells) {
  std::vector<std::string> values(cells.size());
  std::vector<soci::indicator> inds(cells.size(), soci::i_ok);
  soci::statement st(s);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i]) values[i] = *cells[i];
    inds[i] = cells[i] ? soci::i_ok : soci::i_null;
    st.exchange(soci::use(values[i], inds[i]));
  }
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
}

}  // namespace ladder::storage::internal
