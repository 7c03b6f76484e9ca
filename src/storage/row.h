// Reading query results by column name, and writing values, through the schema description
// (schema.h). A Row reads whatever type the backend reports for a column (expressions have no
// declared type in SQLite; PostgreSQL reports BIGINT and REAL precisely): NULL reads as "" or 0.
// Queries name every column they read (an alias for expressions: "COUNT(*) AS n"); reading a
// column the query does not have throws soci::soci_error, which the store converts.
// Internal to storage/.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/soci.h"

#include "base/date.h"
#include "base/error.h"
#include "storage/schema.h"

namespace ladder::storage::internal {

class Row {
 public:
  explicit Row(const soci::row& r) : r_(r) {}

  bool IsNull(const std::string& column) const;
  std::string Text(const std::string& column) const;
  long long Int(const std::string& column) const;
  double Real(const std::string& column) const;
  // A date column: YYYY-MM-DD, or '' / NULL for none; kInternal naming the column otherwise.
  Result<Date> DateOf(const std::string& column) const;

 private:
  const soci::row& r_;
};

// One value of a statement: text (integers as decimal text, which both databases convert
// losslessly into integer columns), or NULL.
using Cell = std::optional<std::string>;

// The value of a flat table (schema::PersonFields ...) read from a row, field by field.
template <typename T>
Result<T> ReadFields(const Row& row, const schema::Fields<T>& fields) {
  T value{};
  for (const schema::Field<T>& f : fields) {
    std::string column(f.column.name);
    Status read = std::visit(
        [&](auto member) -> Status {
          auto& field = value.*member;
          using V = std::decay_t<decltype(field)>;
          if constexpr (std::is_same_v<V, Date>) {
            LADDER_TRY(field, row.DateOf(column));
          } else if constexpr (std::is_same_v<V, std::string>) {
            field = row.Text(column);
          } else if constexpr (std::is_enum_v<V>) {
            if (!schema::FromName(row.Text(column), field))
              return MakeError(
                  ErrorCode::kInternal,
                  "stored value is damaged: " + column + " = \"" + row.Text(column) + "\"", {},
                  column);
          } else {
            field = row.Int(column) != 0;
          }
          return Ok();
        },
        f.member);
    LADDER_TRY_STATUS(read);
  }
  return value;
}

// The cells of a value of a flat table, in the order of `fields` (its table's columns).
template <typename T>
std::vector<Cell> CellsOf(const T& value, const schema::Fields<T>& fields) {
  std::vector<Cell> out;
  for (const schema::Field<T>& f : fields) {
    out.push_back(std::visit(
        [&](auto member) -> Cell {
          const auto& field = value.*member;
          using V = std::decay_t<decltype(field)>;
          if constexpr (std::is_same_v<V, Date>) {
            return field.ToString();
          } else if constexpr (std::is_same_v<V, std::string>) {
            if (field.empty() && f.column.type == schema::Type::kNullText) return std::nullopt;
            return field;
          } else if constexpr (std::is_enum_v<V>) {
            return schema::NameOf(field);
          } else {
            return std::string(field ? "1" : "0");
          }
        },
        f.member));
  }
  return out;
}

// "INSERT INTO t (columns) VALUES (:c0, ...)" for the columns of `table` (without a row id),
// and with `upsert` followed by OnConflictUpdate(table).
std::string InsertSql(const schema::Table& table, bool upsert);
// " ON CONFLICT (key) DO UPDATE SET c = excluded.c, ..." for every column outside the key.
std::string OnConflictUpdate(const schema::Table& table);
// Runs `sql` with `cells` bound in order to its parameters. Throws soci::soci_error.
void Execute(soci::session& s, const std::string& sql, const std::vector<Cell>& cells);

}  // namespace ladder::storage::internal
