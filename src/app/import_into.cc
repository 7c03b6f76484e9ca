#include "app/import_into.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "app/change_requests.h"

namespace ladder::app {

const char* StoreOutcomeName(StoreOutcome o) {
  switch (o) {
    case StoreOutcome::kSavedDraft:
      return "draft";
    case StoreOutcome::kPublished:
      return "published";
    case StoreOutcome::kUnchanged:
      return "unchanged";
  }
  return "?";
}

Result<std::vector<StoredFramework>> StoreFrameworks(storage::Store& store,
                                                     std::vector<model::Framework> frameworks,
                                                     bool publish, Date today,
                                                     std::string_view actor) {
  std::vector<StoredFramework> stored;
  Status status = store.WithTransaction([&](storage::Store& tx) -> Status {
    for (model::Framework& f : frameworks) {
      if (f.version.empty()) f.version = today.ToString();
      std::string label = f.id.empty() ? f.name : f.id;
      auto prefix = [&](Error e) {
        e.message = "framework " + label + " version " + f.version + ": " + e.message;
        return Fail(std::move(e));
      };
      StoredFramework out{f.id, f.version, f.name, StoreOutcome::kSavedDraft};
      auto existing = tx.GetFramework(f.id, f.version);
      if (existing && existing->status == model::FrameworkStatus::kPublished) {
        model::Framework same = f;
        same.status = model::FrameworkStatus::kPublished;
        same.effective = existing->effective;
        if (same == *existing) {
          out.outcome = StoreOutcome::kUnchanged;
          stored.push_back(std::move(out));
          continue;
        }
        return MakeError(ErrorCode::kConflict,
                         "framework " + label + " version " + f.version +
                             " is already published with different content; give the "
                             "framework a new version");
      }
      if (Status saved = tx.SaveDraft(actor, f); !saved) return prefix(saved.error());
      if (publish) {
        if (Status published = PublishVersion(tx, actor, f.id, f.version, f.effective); !published)
          return prefix(published.error());
        out.outcome = StoreOutcome::kPublished;
      }
      stored.push_back(std::move(out));
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return stored;
}

std::string CliActor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "unknown");
}

Date TodayUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace ladder::app
