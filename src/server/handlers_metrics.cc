// GET /metrics (exchange.h).
#include "app/crypto.h"
#include "base/metrics.h"
#include "base/text.h"
#include "server/exchange.h"

namespace ladder::server::internal {

void Metrics(Exchange& x) {
  const std::string& token = x.services.options.metrics_token;
  x.res.set_header("Cache-Control", "no-store");
  if (token.empty()) {
    x.res.status = 404;
    x.res.set_content("metrics are off: set metrics_token (--metrics-token) to serve them\n",
                      "text/plain; charset=utf-8");
    return;
  }
  const std::string auth = x.req.get_header_value("Authorization");
  if (!auth.starts_with("Bearer ") ||
      !app::ConstantTimeEquals(text::Trim(std::string_view(auth).substr(7)), token)) {
    x.res.status = 401;
    x.res.set_header("WWW-Authenticate", "Bearer realm=\"ladder metrics\"");
    x.res.set_content("the metrics token is missing or wrong\n", "text/plain; charset=utf-8");
    return;
  }
  x.res.set_content(metrics::Exposition(), metrics::kExpositionType);
}

}  // namespace ladder::server::internal
