// docs/openapi.yaml describes exactly the /api/v1 routes of the route table: the same paths and
// methods, each with a summary, and with the refusals its guard can give (401 for routes that
// need a caller, 403 for routes that some callers may not use). The document's validity as
// OpenAPI 3.1 is checked by a real validator in tests/cli/openapi_test.sh.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "server/routes.h"

namespace ladder::server {
namespace {

struct Operation {
  std::string summary;
  std::set<std::string> statuses;
  bool public_security = false;  // `security: []` or `{}` among the options
};

// The operations of the document: "METHOD /path" -> what it says. A line scanner suffices for
// the document's own layout (two spaces per level, as written).
std::map<std::string, Operation> Operations() {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/docs/openapi.yaml");
  std::map<std::string, Operation> out;
  std::string line, path, current;
  bool in_paths = false;
  const std::regex path_re(R"(^  (/\S+):\s*$)"),
      method_re(R"(^    (get|post|put|patch|delete):\s*$)"),
      status_re(R"re(^        "(\d{3})":)re"), summary_re(R"(^      summary: (.+)$)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ') in_paths = false;
    if (!in_paths) continue;
    if (std::regex_match(line, m, path_re)) {
      path = m[1];
      current.clear();
    } else if (std::regex_match(line, m, method_re)) {
      std::string method = m[1];
      for (char& c : method) c = static_cast<char>(std::toupper(c));
      current = method + " " + path;
      out[current];
    } else if (!current.empty() && std::regex_search(line, m, status_re)) {
      out[current].statuses.insert(m[1]);
    } else if (!current.empty() && std::regex_match(line, m, summary_re)) {
      out[current].summary = m[1];
    } else if (!current.empty() &&
               (line == "      security: []" || line.find("security: [{}") != std::string::npos)) {
      out[current].public_security = true;
    }
  }
  return out;
}

TEST(OpenApi, DescribesExactlyTheApiRoutes) {
  std::map<std::string, Operation> ops = Operations();
  ASSERT_GT(ops.size(), 20u) << "docs/openapi.yaml was not read";
  std::set<std::string> routes;
  for (const RouteSpec& r : Routes()) {
    if (!r.api) continue;
    std::string key = std::string(MethodName(r.method)) + " " + std::string(r.pattern);
    routes.insert(key);
    auto it = ops.find(key);
    ASSERT_NE(it, ops.end()) << key << " is a route that docs/openapi.yaml does not describe";
    const Operation& op = it->second;
    EXPECT_EQ(op.summary, r.summary) << key;
    bool any_success = false;
    for (const std::string& s : op.statuses) any_success = any_success || s[0] == '2';
    EXPECT_TRUE(any_success) << key << " documents no success";
    if (r.guard != app::Guard::kPublic) {
      EXPECT_TRUE(op.statuses.count("401")) << key << " needs a caller but documents no 401";
    }
    const bool some_refused =
        r.needs_person || (r.guard != app::Guard::kPublic && r.guard != app::Guard::kFrameworks &&
                           r.guard != app::Guard::kSignedIn);
    if (some_refused) {
      EXPECT_TRUE(op.statuses.count("403")) << key << " refuses some callers but documents no 403";
    }
    EXPECT_EQ(op.public_security,
              r.guard == app::Guard::kPublic || r.guard == app::Guard::kFrameworks)
        << key << ": the document's security does not match the guard " << app::GuardName(r.guard);
  }
  for (const auto& [key, op] : ops)
    EXPECT_TRUE(routes.count(key)) << key << " is described but is not a route";
}

}  // namespace
}  // namespace ladder::server
