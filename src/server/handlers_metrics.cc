// GET /metrics, and the API's description: GET /api/v1/openapi.yaml and GET /api (exchange.h).
#include "app/crypto.h"
#include "base/metrics.h"
#include "base/text.h"
#include "render/embedded.h"
#include "server/exchange.h"
#include "server/routes.h"

namespace ladder::server::internal {

Status Metrics(Exchange& x) {
  const std::string& token = x.services.options.metrics_token;
  x.res.set_header("Cache-Control", "no-store");
  if (token.empty()) {
    x.res.status = 404;
    x.res.set_content("metrics are off: set metrics_token (--metrics-token) to serve them\n",
                      "text/plain; charset=utf-8");
    return Ok();
  }
  const std::string auth = x.req.get_header_value("Authorization");
  if (!auth.starts_with("Bearer ") ||
      !app::ConstantTimeEquals(text::Trim(std::string_view(auth).substr(7)), token)) {
    x.res.status = 401;
    x.res.set_header("WWW-Authenticate", "Bearer realm=\"ladder metrics\"");
    x.res.set_content("the metrics token is missing or wrong\n", "text/plain; charset=utf-8");
    return Ok();
  }
  x.res.set_content(metrics::Exposition(), metrics::kExpositionType);
  return Ok();
}

namespace {

// Who may call a route, in words, from its guard (app/access.h).
std::string WhoMay(const RouteSpec& r) {
  switch (r.guard) {
    case app::Guard::kPublic:
      return "anyone";
    case app::Guard::kFrameworks:
      return "anyone when frameworks are public, else any signed-in user";
    case app::Guard::kSignedIn:
      return r.needs_person ? "a signed-in user linked to a person" : "any signed-in user";
    case app::Guard::kPerson:
      return "the person, their managers, the people team, admins";
    case app::Guard::kCase:
      return "the case's person, their managers, its panel, the people team, admins";
    case app::Guard::kAuthor:
      return "the people team, admins";
    case app::Guard::kAudit:
    case app::Guard::kCycles:
      return "the people team, admins";
    case app::Guard::kAdmin:
      return "admins";
  }
  return "";
}

}  // namespace

Status ApiDescription(Exchange& x) {
  const render::EmbeddedFile* file = render::FindEmbedded("api/openapi.yaml");
  if (file == nullptr)
    return Fail(Error{ErrorCode::kNotFound, "this build has no API description", {}, {}});
  x.res.set_header("Cache-Control", "no-cache");
  x.res.set_content(std::string(file->contents), "application/yaml; charset=utf-8");
  return Ok();
}

Status ApiPage(Exchange& x) {
  std::vector<render::ApiEndpoint> endpoints;
  for (const RouteSpec& r : Routes()) {
    if (!r.pattern.starts_with("/api/")) continue;
    endpoints.push_back(
        {MethodName(r.method), std::string(r.pattern), std::string(r.summary), WhoMay(r)});
  }
  x.Html(render::RenderApiIndex(x.Viewer(), endpoints));
  return Ok();
}

}  // namespace ladder::server::internal
