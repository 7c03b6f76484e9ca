// One request in flight (exchange.h): what handlers read from it and how they answer, and the
// one way errors become answers.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/crypto.h"
#include "app/import_into.h"
#include "app/web_views.h"
#include "base/text.h"
#include "server/exchange.h"
#include "server/http_status.h"
#include "server/redirect.h"

namespace ladder::server::internal {
namespace {

std::string StatusTitle(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

bool IsInternal(ErrorCode code) {
  return code == ErrorCode::kInternal || code == ErrorCode::kIo || code == ErrorCode::kUnavailable;
}

}  // namespace

std::string DumpJson(const Json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Error PublicError(const Error& error, std::string_view where) {
  if (!IsInternal(error.code)) {
    Error shown = error;
    shown.message = ValidUtf8(error.message);
    shown.field = ValidUtf8(error.field);
    return shown;
  }
  // What failed inside (a database's message, a class or function name) helps the operator,
  // not the client, and may tell an attacker how the server is built: it goes to the log, and
  // the client gets a reference to the log line.
  char reference[9];
  std::snprintf(reference, sizeof reference, "%08x",
                static_cast<unsigned>(std::hash<std::string>()(app::RandomToken())));
  spdlog::error("ladder serve: {} [{}]: {}", Printable(where), reference,
                Printable(error.ToString()));
  Error shown{error.code, "", {}, {}};
  shown.message = error.code == ErrorCode::kUnavailable
                      ? "the service is busy or briefly unavailable: try again in a moment"
                      : "the server could not complete the request";
  shown.message += " (reference " + std::string(reference) + " in the server's log)";
  return shown;
}

std::string ErrorText(const Error& error, std::string_view where) {
  Error shown = PublicError(error, where);
  return shown.field.empty() ? shown.message : shown.field + ": " + shown.message;
}

void WriteProblem(Response& res, const Error& error, std::string_view instance, int status) {
  const Error shown = PublicError(error, instance);
  if (status == 0) status = HttpStatusFor(error);
  Json p = {{"type", "urn:ladder:error:" + std::string(ErrorCodeName(shown.code))},
            {"title", StatusTitle(status)},
            {"status", status},
            {"detail", shown.message},
            {"instance", ValidUtf8(instance)}};
  if (!shown.field.empty()) p["field"] = shown.field;
  if (shown.where.Known()) p["where"] = ValidUtf8(shown.where.ToString());
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(DumpJson(p), "application/problem+json");
}

render::Viewer Exchange::Viewer() const {
  render::Viewer v;
  v.user = principal.user;
  v.name = principal.name;
  v.person = principal.person;
  v.admin = principal.Has(model::UserRole::kAdmin);
  v.author = app::Access::SeesEveryone(principal);
  v.manager = principal.Has(model::UserRole::kManager);
  v.csrf = principal.csrf;
  v.max_body_bytes = services.options.max_body_bytes;
  v.max_field_bytes = services.options.max_form_field_bytes;
  if (!principal.person.empty())
    if (Result<int> unread = services.store.CountUnread(principal.person)) v.unread = *unread;
  return v;
}

Date Exchange::Today() const { return app::TodayUtc(); }

const std::string& Exchange::Stamp() const {
  if (!stamp) {
    stamp.emplace();
    if (req.method == "GET" || req.method == "HEAD") {
      if (Result<std::string> s = services.store.WriteStamp(); s) *stamp = std::move(*s);
    }
  }
  return *stamp;
}

app::ReviewSources Exchange::Sources() const {
  app::ReviewSources sources;
  const std::string stamp_now = Stamp();
  if (stamp_now.empty()) return sources;
  Services* s = &services;
  sources.records = [s, stamp_now](std::string_view person) -> Result<storage::PersonRecords> {
    const std::string key(person);
    if (auto hit = s->records_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(storage::PersonRecords r, s->store.LoadPersonRecords(person));
    s->records_cache.Put(key, stamp_now, std::make_shared<const storage::PersonRecords>(r));
    return r;
  };
  sources.needs = [s, stamp_now](std::string_view framework) -> Result<std::vector<model::Need>> {
    const std::string key(framework);
    if (auto hit = s->needs_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(std::vector<model::Need> needs, s->store.ListNeeds(framework));
    s->needs_cache.Put(key, stamp_now, std::make_shared<const std::vector<model::Need>>(needs));
    return needs;
  };
  sources.nearby = [s, stamp_now](std::string_view person) -> Result<std::vector<model::Person>> {
    const std::string key(person);
    if (auto hit = s->nearby_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(std::vector<model::Person> near, app::NearbyPeople(s->store, person));
    s->nearby_cache.Put(key, stamp_now, std::make_shared<const std::vector<model::Person>>(near));
    return near;
  };
  sources.reports = [s, stamp_now](const storage::ReportsQuery& q) -> Result<storage::ReportsPage> {
    const std::string key =
        q.manager + "\n" + std::to_string(q.offset) + "\n" + std::to_string(q.limit);
    if (auto hit = s->reports_cache.Get(key, stamp_now)) return **hit;
    LADDER_TRY(storage::ReportsPage page, s->store.ListReports(q));
    s->reports_cache.Put(key, stamp_now, std::make_shared<const storage::ReportsPage>(page));
    return page;
  };
  sources.team_rows = [s, stamp_now](const std::string& key,
                                     const std::function<Result<app::TeamRow>()>& compute)
      -> Result<std::shared_ptr<const app::TeamRow>> {
    if (auto hit = s->team_rows_cache.Get(key, stamp_now)) return *hit;
    LADDER_TRY(app::TeamRow row, compute());
    auto kept = std::make_shared<const app::TeamRow>(std::move(row));
    s->team_rows_cache.Put(key, stamp_now, kept);
    return kept;
  };
  return sources;
}

std::string Exchange::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

std::string Exchange::Query(const std::string& name) const {
  size_t q = req.target.find('?');
  if (q == std::string::npos) return "";
  std::multimap<std::string, std::string> query = ParseQuery(req.target.substr(q + 1));
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

std::string Exchange::Form(const std::string& name) const {
  auto it = req.form.find(name);
  return it == req.form.end() ? "" : it->second.content;
}

std::vector<std::string> Exchange::FormAll(const std::string& name) const {
  std::vector<std::string> out;
  auto range = req.form.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second.content);
  return out;
}

bool Exchange::HasForm(const std::string& name) const { return req.form.contains(name); }

Result<Json> Exchange::Body() const {
  if (req.body.empty()) return Json::object();
  Json j = Json::parse(req.body, nullptr, false);
  if (j.is_discarded()) {
    // Parse again with exceptions to learn where it broke.
    try {
      Json ignored = Json::parse(req.body);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "the request body is not JSON: byte " + std::to_string(e.byte) + ": " +
                           Printable(e.what()),
                       {}, "body");
    }
    return MakeError(ErrorCode::kInvalidArgument, "the request body is not JSON", {}, "body");
  }
  if (!j.is_object())
    return MakeError(ErrorCode::kInvalidArgument, "the request body must be a JSON object", {},
                     "body");
  return j;
}

std::string CookieOf(const Request& req, std::string_view name) {
  for (size_t i = 0, n = req.get_header_value_count("Cookie"); i < n; ++i) {
    std::string header = req.get_header_value("Cookie", i);
    for (const std::string& part : text::Split(header, ';')) {
      std::string_view kv = text::Trim(part);
      size_t eq = kv.find('=');
      if (eq != std::string_view::npos && kv.substr(0, eq) == name)
        return std::string(kv.substr(eq + 1));
    }
  }
  return "";
}

std::string CookieHeader(const Services& services, const Request& req, std::string_view name,
                         std::string_view value, long max_age, std::string_view same_site,
                         std::string_view path) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                  "; HttpOnly; SameSite=" + std::string(same_site) +
                  "; Max-Age=" + std::to_string(max_age);
  if (services.options.secure_cookies || req.get_header_value("X-Forwarded-Proto") == "https")
    c += "; Secure";
  return c;
}

void Exchange::Html(std::string body, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "text/html; charset=utf-8");
}

void Exchange::SendJson(const Json& body, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(DumpJson(body), "application/json; charset=utf-8");
}

void Exchange::Redirect(std::string_view to) {
  res.status = 303;
  res.set_header("Location", SafeLocalTarget(to));
  res.set_header("Cache-Control", "no-store");
}

void Exchange::Fail(const Error& error) {
  const std::string where = req.method + " " + req.path;
  if (route.api) return WriteProblem(res, error, req.path);
  int status = HttpStatusFor(error);
  if (status == 401 && req.method == "GET")
    return Redirect("/login?next=" + EncodeQueryParam(req.target));
  Html(render::RenderErrorPage(Viewer(), status, ErrorText(error, where)), status);
}

Result<std::string> StringField(const Json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required)
      return MakeError(ErrorCode::kInvalidArgument, std::string("is required"), {}, name);
    return std::string();
  }
  if (!it->is_string())
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("must be a string, not ") + it->type_name(), {}, name);
  return it->get<std::string>();
}

Result<bool> BoolField(const Json& body, const char* name, bool fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    return MakeError(ErrorCode::kInvalidArgument, "must be true or false", {}, name);
  return it->get<bool>();
}

Result<Date> ParseDateValue(std::string_view field, std::string_view value, Date fallback) {
  if (value.empty()) return fallback;
  Result<Date> d = Date::Parse(value);
  if (!d)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + Printable(value) + "' is not a date of the form YYYY-MM-DD", {},
                     std::string(field));
  return *d;
}

Result<Date> DateField(const Json& body, const char* name, Date fallback) {
  LADDER_TRY(std::string s, StringField(body, name));
  return ParseDateValue(name, s, fallback);
}

}  // namespace ladder::server::internal
