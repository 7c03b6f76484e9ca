#include "storage/store.h"

#include <cstdlib>

#include "base/text.h"
#include "storage/dialect.h"
#include "storage/sql_store.h"

namespace ladder::storage {

const char* HitKindName(HitKind k) {
  switch (k) {
    case HitKind::kBehaviour:
      return "behaviour";
    case HitKind::kLevelSummary:
      return "level_summary";
    case HitKind::kExpectationSummary:
      return "expectation_summary";
    case HitKind::kAttribute:
      return "attribute";
    case HitKind::kRequirement:
      return "requirement";
    case HitKind::kNote:
      return "note";
    case HitKind::kRole:
      return "role";
  }
  return "?";
}

std::string MarkSnippet(std::string_view snippet, std::string_view open, std::string_view close) {
  std::string out = text::ReplaceAll(std::string(snippet), kMatchOpen, open);
  return text::ReplaceAll(std::move(out), kMatchClose, close);
}

std::string DatabaseUrlFrom(std::string_view flag) {
  if (!flag.empty()) return std::string(flag);
  const char* env = std::getenv(kDatabaseEnv);
  if (env && *env) return env;
  return std::string(kDefaultDatabaseUrl);
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url_in, const OpenOptions& options) {
  std::string url(url_in.empty() ? kDefaultDatabaseUrl : url_in);
  if (text::StartsWith(url, "sqlite:")) {
    std::string path = url.substr(7);
    if (text::StartsWith(path, "//")) path = path.substr(2);  // sqlite://PATH
    if (path.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "database URL " + url + " names no file (sqlite:PATH or sqlite::memory:)");
    return internal::OpenSqlStore(internal::MakeSqliteDialect(path, options), options);
  }
  if (text::StartsWith(url, "postgresql://") || text::StartsWith(url, "postgres://"))
    return internal::OpenSqlStore(internal::MakePostgresDialect(url, options), options);
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown database URL \"" + url +
                       "\": expected sqlite:PATH, sqlite::memory: or postgresql://...",
                   {}, "database");
}

}  // namespace ladder::storage
