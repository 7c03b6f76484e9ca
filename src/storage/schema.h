// The one description of the database schema: every table Ladder keeps, its columns and their
// types, its primary key and references, and which fields of a value the columns of a flat table
// hold (people, sessions, API tokens). The column lists of queries, the tables of the portable
// dump, the row readers and writers of flat tables and the JSON of a person all come from here.
// The migrations (migrations/{sqlite,postgres}/NNN_name.sql) create this schema in each
// dialect; schema_test.cc migrates an empty database of each backend and checks every table,
// column, type, key and reference against this description, so the two cannot drift.
//
// Adding a column to a flat table is one line here (a Bind naming the model field), one
// migration per dialect and the field in the model; src/README.md walks it.
//
// Internal to storage/ (and its tests); free of any database library. Immutable; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/date.h"
#include "model/people.h"
#include "storage/types.h"

namespace ladder::storage::schema {

enum class Type {
  kText,      // TEXT NOT NULL
  kNullText,  // TEXT, NULL for an empty value (an optional reference); null in JSON
  kDate,      // TEXT NOT NULL: YYYY-MM-DD, or '' for no date; null in JSON
  kInt,       // INTEGER (SQLite) / BIGINT (PostgreSQL) NOT NULL
  kJson,      // TEXT NOT NULL holding a JSON document; embedded as a value in dumps
  kRowId,     // the integer key the database assigns: INTEGER PRIMARY KEY / identity
  kTsVector,  // PostgreSQL only: the search vector it generates from `terms`; never written
};

struct Column {
  std::string_view name;
  Type type = Type::kText;
  bool unique = false;  // UNIQUE on its own
  bool secret = false;  // a credential or its hash: the dump names it among its "secrets"
  // The value of the column in a dump written before it existed; empty: the type's empty value.
  std::string_view absent = {};
};

// FOREIGN KEY (columns) REFERENCES table (to).
struct Reference {
  std::vector<std::string_view> columns;
  std::string_view table;
  std::vector<std::string_view> to;
};

enum class Content {
  kRecords,      // what Ladder keeps: dumped and loaded by the portable dump
  kCredentials,  // sessions and API tokens: dumped only with secrets (DumpOptions)
  kDerived,      // rebuilt from the framework documents (levels, roles, search passages)
};

struct Table {
  std::string_view name;
  Content content = Content::kRecords;
  std::vector<Column> columns;  // in the order the migrations create them
  std::size_t key = 1;          // the primary key is the first `key` columns
  std::vector<Reference> references;

  // The column named `name`; nullptr when there is none.
  const Column* Find(std::string_view name) const;
  // The columns a statement names, comma-separated ("id, name, email, manager, hired"): every
  // column but kTsVector, and kRowId only when `with_row_id`.
  std::string List(bool with_row_id = true) const;
  std::vector<std::string_view> Names(bool with_row_id = true) const;
  // The primary key columns, comma-separated.
  std::string KeyList() const;
};

// Every table, in an order in which references point backwards (the order a dump loads).
const std::vector<Table>& Tables();
// The table named `name`. REQUIRES: it is described (a programmer error otherwise: aborts).
const Table& TableNamed(std::string_view name);

// A column of a flat table bound to the field of T that it holds. The column's type follows the
// field's (std::string: kText, Date: kDate, bool: kInt 0/1, an enumeration: kText holding its
// name) unless given (kNullText).
template <typename T>
struct Field {
  Column column;
  std::variant<std::string T::*, Date T::*, bool T::*, model::TokenScope T::*> member;
};
template <typename T>
using Fields = std::vector<Field<T>>;

template <typename T>
Field<T> Bind(std::string_view name, std::string T::*member, Type type = Type::kText) {
  return {{name, type}, member};
}
template <typename T>
Field<T> Bind(std::string_view name, Date T::*member) {
  return {{name, Type::kDate}, member};
}
template <typename T>
Field<T> Bind(std::string_view name, bool T::*member) {
  return {{name, Type::kInt}, member};
}
// The names an enumeration column holds, and the value of a name (false when it names none).
inline std::string NameOf(model::TokenScope v) { return model::TokenScopeName(v); }
inline bool FromName(std::string_view name, model::TokenScope& v) {
  std::optional<model::TokenScope> parsed = model::ParseTokenScope(name);
  if (parsed) v = *parsed;
  return parsed.has_value();
}

template <typename T>
Field<T> Bind(std::string_view name, model::TokenScope T::*member) {
  return {{name, Type::kText}, member};
}
// A bound column that a dump written before it existed gives the value `absent`.
template <typename T>
Field<T> Absent(std::string_view absent, Field<T> field) {
  field.column.absent = absent;
  return field;
}
// A bound column that holds a credential.
template <typename T>
Field<T> Secret(Field<T> field) {
  field.column.secret = true;
  return field;
}
// A bound column whose values are unique.
template <typename T>
Field<T> Unique(Field<T> field) {
  field.column.unique = true;
  return field;
}

// The flat tables: one row is one value, column by column.
const Fields<model::Person>& PersonFields();  // table people
const Fields<Session>& SessionFields();       // table sessions
const Fields<ApiToken>& ApiTokenFields();     // table api_tokens

}  // namespace ladder::storage::schema
