// /api, the JSON API's endpoints for a reader (app_views.h).
#include "render/app_views.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render {

using internal::Data;
using internal::List;
using internal::Object;
using internal::Set;

std::string RenderApiIndex(const Viewer& viewer, const std::vector<ApiEndpoint>& endpoints) {
  Data d = internal::AppFrame(viewer, "The JSON API");
  Data rows = List();
  for (const ApiEndpoint& e : endpoints) {
    Data row = Object();
    Set(row, "method", Data(e.method));
    Set(row, "path", Data(e.path));
    Set(row, "summary", Data(e.summary));
    Set(row, "who", Data(e.who));
    internal::Append(rows, std::move(row));
  }
  internal::SetList(d, "endpoints", std::move(rows));
  Set(d, "count", Count(endpoints.size(), "endpoint", "endpoints"));
  return internal::RenderTemplate("app_api", d);
}

}  // namespace ladder::render
