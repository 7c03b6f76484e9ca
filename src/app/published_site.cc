#include "app/published_site.h"

#include "app/framework_files.h"

namespace ladder::app {

Result<std::vector<model::Framework>> LoadPublished(storage::Store& store) {
  LADDER_TRY(std::vector<storage::FrameworkInfo> infos, store.ListFrameworks());
  std::vector<model::Framework> out;
  for (const storage::FrameworkInfo& info : infos) {
    for (const storage::VersionInfo& v : info.versions) {
      if (v.status != model::FrameworkStatus::kPublished) continue;
      LADDER_TRY(model::Framework f, store.GetFramework(info.id, v.version));
      out.push_back(std::move(f));
    }
  }
  return out;
}

Result<std::vector<StoredFramework>> PublishIfEmpty(storage::Store& store,
                                                    const std::vector<std::string>& files,
                                                    Date today, std::string_view actor) {
  LADDER_TRY(std::vector<storage::FrameworkInfo> infos, store.ListFrameworks());
  if (!infos.empty() || files.empty()) return std::vector<StoredFramework>{};
  LADDER_TRY(std::vector<model::Framework> frameworks, ReadFrameworkFiles(files));
  return StoreFrameworks(store, std::move(frameworks), /*publish=*/true, today, actor);
}

}  // namespace ladder::app
