// libFuzzer target: every HTTP entry point of `ladder serve`. The input is a request as a client
// sends it (request line, headers, body), which is split the way the HTTP listener splits it
// (the path percent-decoded, url-encoded forms to pages decoded into fields) and handed to the
// router,
// with the test organisation (test_organisation.h) in an in-memory database behind it. The
// first byte chooses who asks: nobody, an employee's or an admin's session (cookie and CSRF
// token added), or an admin's API token, so that the fuzzer reaches the handlers behind the
// guards.
//
// Must never crash or hang. Beyond that it checks what the server promises: no answer is a 500
// (an internal error or an exception that escaped a handler), and every text answer is valid
// UTF-8 (JSON answers also parse). See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "base/text.h"
#include "server/router.h"
#include "server/test_organisation.h"

namespace {

using namespace ladder;
using namespace ladder::server;

struct World {
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<internal::Services> services;
  std::unique_ptr<internal::Router> router;
  std::string emp_cookie, emp_csrf, admin_cookie, admin_csrf, admin_token;
};

// The world every input meets. Writes accumulate in it (evidence, needs, sessions, the audit
// log), so it is built afresh every kInputsPerWorld inputs: long runs stay within memory.
constexpr int kInputsPerWorld = 20000;

std::unique_ptr<World> MakeWorld() {
  auto w = std::make_unique<World>();
  auto opened = storage::OpenStore("sqlite::memory:");
  if (!opened) std::abort();
  w->store = std::move(*opened);
  testing::BuildOrganisation(*w->store);
  ServerOptions options;
  options.access_log = false;
  options.reload_seconds = 0;
  w->services = std::make_unique<internal::Services>(options, *w->store);
  if (!w->services->ReloadSite(true)) std::abort();
  w->router = std::make_unique<internal::Router>(*w->services);
  app::AccountService& accounts = w->services->accounts;
  auto emp = accounts.Login("emp", "pw-emp-long");
  auto admin = accounts.Login("admin", "pw-admin-long");
  auto token = accounts.CreateToken("user:admin", "admin", {"fuzz", "", model::TokenScope::kWrite});
  if (!emp || !admin || !token) std::abort();
  w->emp_cookie = std::string(internal::kSessionCookie) + "=" + emp->secret;
  w->emp_csrf = emp->session.csrf_token;
  w->admin_cookie = std::string(internal::kSessionCookie) + "=" + admin->secret;
  w->admin_csrf = admin->session.csrf_token;
  w->admin_token = token->secret;
  return w;
}

World& TheWorld() {
  static std::unique_ptr<World> world;
  static int inputs = 0;
  if (!world || ++inputs % kInputsPerWorld == 0) {
    world.reset();
    world = MakeWorld();
  }
  return *world;
}

// Splits "METHOD TARGET VERSION\r\nName: value\r\n...\r\n\r\nbody" (bare \n accepted).
Request Parse(std::string_view in) {
  Request req;
  auto line = [&in]() {
    size_t end = in.find('\n');
    std::string_view l = in.substr(0, end);
    in = end == std::string_view::npos ? std::string_view() : in.substr(end + 1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  };
  std::string_view first = line();
  size_t sp = first.find(' ');
  req.method = std::string(first.substr(0, sp));
  std::string_view rest = sp == std::string_view::npos ? "" : first.substr(sp + 1);
  req.target = std::string(rest.substr(0, rest.find(' ')));
  while (!in.empty()) {
    std::string_view h = line();
    if (h.empty()) break;
    size_t colon = h.find(':');
    if (colon == std::string_view::npos) continue;
    req.headers.emplace(std::string(h.substr(0, colon)),
                        std::string(ladder::text::Trim(h.substr(colon + 1))));
  }
  req.body = std::string(in);
  req.path = PercentDecode(std::string_view(req.target).substr(0, req.target.find('?')), false);
  req.remote_addr = "127.0.0.1";
  return req;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  World& w = TheWorld();
  Request req = Parse(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  std::string csrf;
  switch (data[0] % 4) {
    case 1:
      req.headers.emplace("Cookie", w.emp_cookie);
      csrf = w.emp_csrf;
      break;
    case 2:
      req.headers.emplace("Cookie", w.admin_cookie);
      csrf = w.admin_csrf;
      break;
    case 3:
      req.headers.emplace("Authorization", "Bearer " + w.admin_token);
      break;
    default:
      break;
  }
  if (!csrf.empty()) req.headers.emplace("X-CSRF-Token", csrf);
  if (!req.path.starts_with("/api/") &&
      req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    for (auto& [name, value] : ParseQuery(req.body))
      req.form.emplace(name, FormField{value, {}, {}});
    req.body.clear();
  }
  Response res;
  w.router->Handle(req, res);
  if (res.status == 500) {
    std::fprintf(stderr, "500 for %s %s: %s\n", req.method.c_str(), req.target.c_str(),
                 res.body.c_str());
    std::abort();
  }
  const std::string type = res.get_header_value("Content-Type");
  if ((type.starts_with("text/") || type.find("json") != std::string::npos) &&
      !ladder::text::IsValidUtf8(res.body)) {
    std::fprintf(stderr, "answer of %s %s is not UTF-8\n", req.method.c_str(), req.target.c_str());
    std::abort();
  }
  if (type.find("json") != std::string::npos && !nlohmann::json::accept(res.body)) {
    std::fprintf(stderr, "answer of %s %s is not JSON\n", req.method.c_str(), req.target.c_str());
    std::abort();
  }
  return 0;
}
