#include "storage/store.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "base/text.h"
#include "storage/dialect.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage {

std::string DatabaseUrlFrom(std::string_view flag) {
  if (!flag.empty()) return std::string(flag);
  const char* env = std::getenv(kDatabaseEnv);
  if (env && *env) return env;
  return std::string(kDefaultDatabaseUrl);
}

std::string SqliteFileOf(std::string_view url) {
  if (!text::StartsWith(url, "sqlite:")) return "";
  std::string path(url.substr(7));
  if (text::StartsWith(path, "//")) path = path.substr(2);  // sqlite://PATH
  if (auto q = path.rfind('?'); q != std::string::npos) path = path.substr(0, q);
  return path == ":memory:" ? "" : path;
}

namespace internal {

Result<std::string> ParseSqliteUrl(std::string_view url, OpenOptions& options) {
  std::string path(url.substr(7));
  if (text::StartsWith(path, "//")) path = path.substr(2);
  std::string query;
  if (auto q = path.rfind('?'); q != std::string::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  if (path.empty())
    return MakeError(
        ErrorCode::kInvalidArgument,
        "database URL " + std::string(url) + " names no file (sqlite:PATH or sqlite::memory:)", {},
        "database");
  for (const std::string& kv : text::Split(query, '&')) {
    if (kv.empty()) continue;
    auto eq = kv.find('=');
    std::string key = kv.substr(0, eq), value = eq == std::string::npos ? "" : kv.substr(eq + 1);
    if (key == "synchronous") {
      std::string upper = value;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (upper != "NORMAL" && upper != "FULL")
        return MakeError(ErrorCode::kInvalidArgument,
                         "database URL " + std::string(url) +
                             ": synchronous must be NORMAL or "
                             "FULL, not \"" +
                             value + "\"",
                         {}, "database");
      options.synchronous = upper;
    } else if (key == "busy_timeout") {
      int ms = -1;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
      if (ec != std::errc() || end != value.data() + value.size() || ms < 0 || ms > 600000)
        return MakeError(ErrorCode::kInvalidArgument,
                         "database URL " + std::string(url) +
                             ": busy_timeout must be milliseconds from 0 to 600000, not \"" +
                             value + "\"",
                         {}, "database");
      options.busy_timeout_ms = ms;
    } else {
      return MakeError(ErrorCode::kInvalidArgument,
                       "database URL " + std::string(url) + ": unknown parameter \"" + key +
                           "\" (sqlite:PATH accepts ?synchronous=NORMAL|FULL and ?busy_timeout=MS)",
                       {}, "database");
    }
  }
  return path;
}

}  // namespace internal

Result<std::unique_ptr<Store>> OpenStore(std::string_view url_in, const OpenOptions& options_in) {
  std::string url(url_in.empty() ? kDefaultDatabaseUrl : url_in);
  OpenOptions options = options_in;
  if (text::StartsWith(url, "sqlite:")) {
    LADDER_TRY(std::string path, internal::ParseSqliteUrl(url, options));
    return internal::OpenSqlStore(internal::MakeSqliteDialect(path, options), options);
  }
  if (text::StartsWith(url, "postgresql://") || text::StartsWith(url, "postgres://")) {
    LADDER_TRY(std::unique_ptr<internal::Dialect> dialect,
               internal::MakePostgresDialect(url, options));
    return internal::OpenSqlStore(std::move(dialect), options);
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown database URL \"" + url +
                       "\": expected sqlite:PATH, sqlite::memory: or postgresql://...",
                   {}, "database");
}

}  // namespace ladder::storage
