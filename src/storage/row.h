// Reading SOCI rows whatever type the backend reports for a column (expressions and snippets
// have no declared type in SQLite; PostgreSQL reports BIGINT and REAL precisely). NULL reads as
// 0 or "". Internal to storage/.
#pragma once

#include <string>

#include "storage/soci.h"

namespace ladder::storage::internal {

long long GetInt(const soci::row& r, std::size_t i);
double GetDouble(const soci::row& r, std::size_t i);
std::string GetStr(const soci::row& r, std::size_t i);

}  // namespace ladder::storage::internal
