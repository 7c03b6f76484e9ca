// Internals of the server shared by its handler files: the services a handler may use and one
// request in flight (Exchange). Not for use outside server/.
//
// Handlers only translate: they read the request, call a use case of app/ (or the Store for a
// plain read), and write the answer. A handler returns the error that stopped it; the router
// reports it once through Exchange::Fail, the one place that picks a status
// (server/http_status.h) and its form (an HTML page or application/problem+json).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/cycles.h"
#include "app/login_limiter.h"
#include "app/outputs.h"
#include "app/review.h"
#include "app/stamped_cache.h"
#include "render/app_views.h"
#include "render/site.h"
#include "server/http_types.h"
#include "server/routes.h"
#include "server/server.h"
#include "storage/store.h"

namespace ladder::server::internal {

using Json = nlohmann::ordered_json;

// A rendered page of the published site, split where the account navigation goes.
struct CachedPage {
  std::string content_type;
  std::string head;  // up to the account slot (all of the body when there is none)
  std::string tail;  // after it
  bool has_slot = false;
  std::string etag;  // of head + tail
  bool published = false;
};

// The pages of the published site once rendered, by path; emptied when the site is rebuilt.
struct PageCache {
  std::shared_mutex mutex;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages;
};

// What handlers share; one per server. Thread-safe.
struct Services {
  Services(ServerOptions opts, storage::Store& st)
      : options(std::move(opts)),
        store(st),
        accounts(st),
        access(st, app::AccessOptions{options.public_frameworks}) {}

  ServerOptions options;
  storage::Store& store;
  app::AccountService accounts;
  app::Access access;
  // Sign-in attempts: per account and client (a few free failures, then waits that double),
  // and per client across accounts (many more free, a shorter cap), app/login_limiter.h.
  app::LoginLimiter sign_in_limiter{{.free_failures = 3, .max_delay = std::chrono::minutes(5)}};
  app::LoginLimiter client_limiter{{.free_failures = 30, .max_delay = std::chrono::minutes(1)}};

  // The published site, replaced whole when the published versions change.
  std::shared_ptr<const render::Site> Site() const { return site.load(); }
  // Rebuilds the site when the published versions in the store changed (or always when
  // `force`). Errors leave the current site in place.
  Status ReloadSite(bool force);

  std::atomic<std::shared_ptr<const render::Site>> site;
  std::unique_ptr<PageCache> pages = std::make_unique<PageCache>();

  // What pages read from the store, kept while nothing is written (app/stamped_cache.h).
  app::StampedCache<std::shared_ptr<const storage::PersonRecords>> records_cache{8192, "records"};
  app::StampedCache<std::shared_ptr<const std::vector<model::Need>>> needs_cache{256, "needs"};
  app::StampedCache<std::shared_ptr<const std::vector<model::Person>>> nearby_cache{4096, "nearby"};
  app::StampedCache<std::shared_ptr<const storage::ReportsPage>> reports_cache{1024, "reports"};
  // The team page's rows, by person and day (app::WebViews::Team).
  app::StampedCache<std::shared_ptr<const app::TeamRow>> team_rows_cache{2048, "team_rows"};
  // A review cycle with its rows and evidence counts, prepared for its board
  // (handlers_cycles.cc).
  app::StampedCache<std::shared_ptr<const app::CycleBoard>> cycles_cache{16, "cycles"};
  app::StampedCache<app::Principal> sessions_cache{8192, "sessions"};
  // The sites versions are previewed in (handlers_drafts.cc), by framework@version.
  app::StampedCache<std::shared_ptr<const render::Site>> previews_cache{8, "previews"};
  std::mutex reload_mutex;
  std::string site_signature;  // of the published versions the site shows (reload_mutex)
  std::atomic<long long> generation{0};
};

// One request in flight.
struct Exchange {
  const Request& req;
  Response& res;
  Services& services;
  const RouteSpec& route;
  std::map<std::string, std::string> params;  // from the pattern
  // The client's address: the socket's peer, or what a trusted proxy says (ClientAddress).
  std::string client;
  app::Principal principal;
  mutable std::optional<std::string> stamp;

  // The viewer of pages (navigation, CSRF token).
  render::Viewer Viewer() const;
  // A ReviewService acting for the signed-in user.
  app::ReviewService Review() const { return app::ReviewService(services.store, principal); }
  Date Today() const;
  // The store's write stamp, read once per request: only GET requests (which write nothing)
  // read through the caches, so "" for others and when the store cannot say.
  const std::string& Stamp() const;
  // Where pages read people's records and needs: the caches while the stamp holds.
  app::ReviewSources Sources() const;

  // A path parameter, query parameter or form field ("" when absent).
  std::string Param(const std::string& name) const;
  std::string Query(const std::string& name) const;
  std::string Form(const std::string& name) const;
  std::vector<std::string> FormAll(const std::string& name) const;
  bool HasForm(const std::string& name) const;
  // The JSON body of an API request (kInvalidArgument with the position for malformed JSON,
  // or a body that is not an object).
  Result<Json> Body() const;

  void Html(std::string body, int status = 200);
  void SendJson(const Json& body, int status = 200);
  // 303 to a local path (SafeLocalTarget: anything else becomes "/").
  void Redirect(std::string_view to);
  // The error as a page (401 on a GET page: to the login form) or as problem+json. Called by
  // the router (server/router.cc) for its own checks and for the error a handler returns;
  // handlers return their errors instead of calling it.
  void Fail(const Error& error);
};

// The session cookie's name.
inline constexpr const char* kSessionCookie = "ladder_session";
// The value of cookie `name` of a request ("" when it sent none).
std::string CookieOf(const Request& req, std::string_view name);
// A Set-Cookie value: HttpOnly, SameSite as given, and Secure when the request came through TLS
// (X-Forwarded-Proto: https) or the server was told so (--secure-cookies). `max_age` 0 clears.
std::string CookieHeader(const Services& services, const Request& req, std::string_view name,
                         std::string_view value, long max_age, std::string_view same_site = "Lax",
                         std::string_view path = "/");

// The one mapping of errors to answers, for code outside an Exchange (dispatch): the error as
// application/problem+json with HttpStatusFor's status (or `status` when given). The detail of
// internal errors (kInternal, kIo, kUnavailable) is logged, never sent: the client gets a
// generic message with a reference to the log line. Never throws: text that is not UTF-8 is
// shown escaped.
void WriteProblem(Response& res, const Error& error, std::string_view instance, int status = 0);
// The error as the client should see it (the generic message for internal errors, logged
// here with `where`), with every text made valid UTF-8.
Error PublicError(const Error& error, std::string_view where);
// The text a page shows for an error: "field: message", or PublicError's for internal errors.
std::string ErrorText(const Error& error, std::string_view where);
// A JSON document as text; text that is not UTF-8 is replaced, never thrown about.
std::string DumpJson(const Json& j);

// A string field of a JSON body ("" when absent; kInvalidArgument naming the field when of
// another type).
Result<std::string> StringField(const Json& body, const char* name, bool required = false);
// A true/false field; `fallback` when absent (kInvalidArgument naming the field otherwise).
Result<bool> BoolField(const Json& body, const char* name, bool fallback);
// A date field (YYYY-MM-DD); `fallback` when absent.
Result<Date> DateField(const Json& body, const char* name, Date fallback = {});
// A date form field or query parameter (YYYY-MM-DD); `fallback` when empty.
Result<Date> ParseDateValue(std::string_view field, std::string_view value, Date fallback);

// A framework version the caller may see: published ones for everyone who may read
// frameworks, drafts for authors only (kNotFound otherwise).
Result<model::Framework> VisibleFramework(Exchange& x, const std::string& id,
                                          const std::string& version);

// Job descriptions and the leak check (handlers_outputs.cc).
app::OutputSettings OutputSettingsOf(const ServerOptions& options);
// The leaks that stop `framework@version` from being published: none when published
// frameworks are not public (ServerOptions::public_frameworks).
Result<std::vector<analysis::Leak>> LeaksStopPublishing(Exchange& x, const std::string& framework,
                                                        const std::string& version);
// Answers 422 problem+json listing the leaks, nothing published.
void SendLeaksProblem(Exchange& x, const std::vector<analysis::Leak>& leaks);
Status ApiJobDescription(Exchange& x);
Status ApiInterviewGuide(Exchange& x);

// Handlers, by area.
// A handler writes its answer into the Exchange and returns Ok(), or returns the error that
// stopped it: the router answers with that error through Exchange::Fail. A page that shows an
// error beside its form (a 400 or 422 with the form again) is an answer, not an error: its
// handler returns Ok().
using Handler = Status (*)(Exchange&);
struct Route {
  RouteSpec spec;
  Handler handler;
};
const std::vector<Route>& RouteTable();

// Account and sessions (handlers_account.cc).
Status LoginPage(Exchange& x);
Status LoginSubmit(Exchange& x);
Status Logout(Exchange& x);
Status AccountPage(Exchange& x);
Status AccountPassword(Exchange& x);
Status AccountTokenCreate(Exchange& x);
Status AccountTokenRevoke(Exchange& x);
Status ApiSessionCreate(Exchange& x);
Status ApiSessionDelete(Exchange& x);
Status ApiMe(Exchange& x);
Status ApiPassword(Exchange& x);
Status ApiTokens(Exchange& x);
Status ApiTokenCreate(Exchange& x);
Status ApiTokenRevoke(Exchange& x);
// People and growth (handlers_people.cc).
Status MyGrowthPage(Exchange& x);
Status GrowthPage(Exchange& x);
Status TeamPage(Exchange& x);
Status ManagerSubmit(Exchange& x);
Status EvidenceSubmit(Exchange& x);
Status AssessmentSubmit(Exchange& x);
Status CaseOpenSubmit(Exchange& x);
// "/me" for the caller's own growth page, else "/people/{person}".
std::string GrowthPath(const Exchange& x, std::string_view person);
// The person's growth page again, with the error `e` of one of its forms (and its HTTP
// status). Ok() once the page is the answer; the error of reading the page, if that fails.
Status GrowthFormFailed(Exchange& x, const std::string& person, const Error& e);
// Growth plans (handlers_plans.cc).
Status PlanActionSubmit(Exchange& x);
Status PlanActionUpdateSubmit(Exchange& x);
Status CheckInSubmit(Exchange& x);
Status PlanCsv(Exchange& x);
Status ApiPlan(Exchange& x);
Status ApiPlanActionCreate(Exchange& x);
Status ApiPlanActionUpdate(Exchange& x);
Status ApiCheckInCreate(Exchange& x);
Status ApiPeople(Exchange& x);
Status ApiPerson(Exchange& x);
Status ApiGrowth(Exchange& x);
Status ApiEligibility(Exchange& x);
Status ApiEvidenceList(Exchange& x);
Status ApiEvidenceCreate(Exchange& x);
Status SignOffPage(Exchange& x);
Status EvidenceConfirmSubmit(Exchange& x);
Status ApiEvidenceConfirm(Exchange& x);
Status ApiAssessmentList(Exchange& x);
Status ApiAssessmentCreate(Exchange& x);
Status ApiCaseOpen(Exchange& x);
Status ApiTeam(Exchange& x);
Status RecordPage(Exchange& x);
Status RecordTakeBackSubmit(Exchange& x);
Status ApiRecordTakeBack(Exchange& x);
Status SignOffSubmit(Exchange& x);
Status ApiSignOffCreate(Exchange& x);
// A sign-off of `person`'s manual checkpoint or approval by `by` from form fields or a JSON
// body: requirement (its sentence), date (default `today`), note.
Result<model::SignOff> SignOffFrom(std::string_view person,
                                   const std::function<std::string(const char*)>& get,
                                   std::string_view by, Date today);
// Notifications (handlers_notify.cc).
Status InboxPage(Exchange& x);
Status InboxReadSubmit(Exchange& x);
Status AccountNotificationsSubmit(Exchange& x);
Status ApiNotifications(Exchange& x);
Status ApiNotificationRead(Exchange& x);
Status ApiNotificationPrefs(Exchange& x);
Status ApiNotificationPrefsSet(Exchange& x);
// The notification preferences form of the account page ("" for an account without a person).
std::string NotifyPrefsHtml(Exchange& x);
// Reviews and needs (handlers_cases.cc).
Status CasesPage(Exchange& x);
Status CasePage(Exchange& x);
Status CaseAction(Exchange& x);
Status NeedsPage(Exchange& x);
Status NeedOpenSubmit(Exchange& x);
Status NeedCloseSubmit(Exchange& x);
Status ApiCases(Exchange& x);
Status ApiCase(Exchange& x);
Status ApiCaseAction(Exchange& x);
Status ApiNeeds(Exchange& x);
Status ApiNeedOpen(Exchange& x);
Status ApiNeedClose(Exchange& x);
Status ApiWaivers(Exchange& x);
Status ApiWaiverCreate(Exchange& x);
// Review cycles and their calibration board (handlers_cycles.cc).
Status CyclesPage(Exchange& x);
Status CycleOpenSubmit(Exchange& x);
Status CyclePage(Exchange& x);
Status CycleComparePage(Exchange& x);
Status CycleReportCsvPage(Exchange& x);
Status CycleReportXlsxPage(Exchange& x);
Status CycleActionSubmit(Exchange& x);
Status CycleNominateSubmit(Exchange& x);
Status ApiCycles(Exchange& x);
Status ApiCycleOpen(Exchange& x);
Status ApiCycle(Exchange& x);
Status ApiCycleAction(Exchange& x);
Status ApiCycleNominate(Exchange& x);
// Frameworks, users and the audit log (handlers_admin.cc).
Status UsersPage(Exchange& x);
Status UserCreateSubmit(Exchange& x);
Status UserUpdateSubmit(Exchange& x);
Status FrameworksPage(Exchange& x);
Status PublishSubmit(Exchange& x);
// A version before it is published (handlers_drafts.cc): its pages, and what publishing it
// changes with the button that does it.
Status PreviewPage(Exchange& x);
Status PublishPage(Exchange& x);
// The publish page of the request's version, with `flash` (an error of publishing it).
Status ShowPublish(Exchange& x, render::Flash flash, int status);
// The newest published version of `framework` that sorts before `version` (the one the site
// would show it after, and what publishing it is compared with), if any.
Result<std::optional<model::Framework>> PublishedBefore(Exchange& x, const std::string& framework,
                                                        const std::string& version);
// Change requests of frameworks (handlers_changes.cc): the list, one request, proposing a draft
// and the steps of a request (comment, request_changes, approve, withdraw, publish).
Status ChangesPage(Exchange& x);
Status ChangePage(Exchange& x);
Status ChangeProposeSubmit(Exchange& x);
Status ChangeActionSubmit(Exchange& x);
Status ImportPage(Exchange& x);
Status ImportSubmit(Exchange& x);
Status EditPage(Exchange& x);
Status LintSubmit(Exchange& x);
Status SaveSubmit(Exchange& x);
Status AuditPage(Exchange& x);
Status AuditCsvPage(Exchange& x);
Status PeopleUploadPage(Exchange& x);
Status PeopleUploadSubmit(Exchange& x);
Status PeopleConfirmSubmit(Exchange& x);
Status ApiUsers(Exchange& x);
Status ApiUserCreate(Exchange& x);
Status ApiUserUpdate(Exchange& x);
Status ApiFrameworks(Exchange& x);
Status ApiFramework(Exchange& x);
Status ApiFrameworkSave(Exchange& x);
Status ApiPublish(Exchange& x);
Status PolicySubmit(Exchange& x);
Status ApiPolicy(Exchange& x);
Status ApiPolicySet(Exchange& x);
Status ApiImport(Exchange& x);
Status ApiLint(Exchange& x);
Status ApiAudit(Exchange& x);
Status ApiSearch(Exchange& x);
// The published site (site_pages.cc).
Status SitePage(Exchange& x);
Status Healthz(Exchange& x);
// GET /metrics: the process's metrics (base/metrics.h) for a scraper bearing
// ServerOptions::metrics_token; 404 when no token is set, 401 for a missing or wrong one.
Status Metrics(Exchange& x);
// GET /api/v1/openapi.yaml: docs/openapi.yaml as built in; GET /api: the API's routes, readable.
Status ApiDescription(Exchange& x);
Status ApiPage(Exchange& x);
// A page of the published site already rendered at `path`, or nullptr.
std::shared_ptr<const CachedPage> CachedSitePage(const Services& services, const std::string& path);
// Answers with a rendered page for the viewer of `x` (ETag, 304, cache headers).
void ServeSitePage(Exchange& x, const CachedPage& page, bool cacheable);

}  // namespace ladder::server::internal
