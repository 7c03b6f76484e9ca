// The route table of `ladder serve`: every address the server answers, what it asks of the
// caller (app::Guard, checked by app::Access before any handler runs), and whether it is a page
// or part of the JSON API (docs/openapi.yaml describes every /api/v1 route; a test checks that
// the two agree). Tests walk this table, so that no route can be left out of the authorisation
// matrix.
//
// Patterns: literal segments and `{name}` (one path segment, URL-decoded), or a final
// `{name...}` (the rest of the path). The parameters `person` and `case` name the subject the
// guard checks.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "app/access.h"

namespace ladder::server {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };
const char* MethodName(Method m);  // "GET", "POST", ...

struct RouteSpec {
  Method method = Method::kGet;
  std::string_view pattern;
  app::Guard guard = app::Guard::kSignedIn;
  bool api = false;           // JSON in and out, errors as application/problem+json
  bool needs_person = false;  // the caller acts as a person (their account must be linked)
  std::string_view summary;   // one line, as in docs/openapi.yaml
};

// Every route, in matching order (the first that matches wins; the published site's pages come
// last).
std::span<const RouteSpec> Routes();

}  // namespace ladder::server
