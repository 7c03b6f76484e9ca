// The route table (routes.h): every address of the server with its guard and its handler.
#include "server/exchange.h"

namespace ladder::server {

using app::Guard;
using M = Method;

namespace internal {

const std::vector<Route>& RouteTable() {
  // {method, pattern, guard, api, needs_person, summary}, handler
  static const std::vector<Route> kRoutes = {
      {{M::kGet, "/healthz", Guard::kPublic, false, false, "Liveness"}, Healthz},
      {{M::kGet, "/metrics", Guard::kPublic, false, false,
        "Metrics in the Prometheus text format, for a scraper with the metrics token"},
       Metrics},
      {{M::kGet, "/api", Guard::kPublic, false, false, "The JSON API's endpoints"}, ApiPage},
      {{M::kGet, "/api/v1/openapi.yaml", Guard::kPublic, true, false,
        "This API's OpenAPI description"},
       ApiDescription},
      // Signing in and the account.
      {{M::kGet, "/login", Guard::kPublic, false, false, "The sign-in form"}, LoginPage},
      {{M::kPost, "/login", Guard::kPublic, false, false, "Sign in"}, LoginSubmit},
      {{M::kPost, "/logout", Guard::kSignedIn, false, false, "Sign out"}, Logout},
      {{M::kGet, "/account", Guard::kSignedIn, false, false, "Password and API tokens"},
       AccountPage},
      {{M::kPost, "/account/password", Guard::kSignedIn, false, false, "Change the password"},
       AccountPassword},
      {{M::kPost, "/account/tokens", Guard::kSignedIn, false, false, "Create an API token"},
       AccountTokenCreate},
      {{M::kPost, "/account/tokens/{token}/revoke", Guard::kSignedIn, false, false,
        "Revoke an API token"},
       AccountTokenRevoke},
      {{M::kPost, "/account/notifications", Guard::kSignedIn, false, true,
        "Change what notifications are sent"},
       AccountNotificationsSubmit},
      // Notifications.
      {{M::kGet, "/inbox", Guard::kSignedIn, false, false, "My notifications"}, InboxPage},
      {{M::kPost, "/inbox/read", Guard::kSignedIn, false, true, "Mark every notification read"},
       InboxReadSubmit},
      {{M::kPost, "/inbox/{notification}/read", Guard::kSignedIn, false, true,
        "Mark a notification read"},
       InboxReadSubmit},
      // Growth.
      {{M::kGet, "/me", Guard::kSignedIn, false, false, "My growth"}, MyGrowthPage},
      {{M::kGet, "/team", Guard::kSignedIn, false, false, "My team"}, TeamPage},
      {{M::kGet, "/people/{person}", Guard::kPerson, false, false, "A person's growth"},
       GrowthPage},
      {{M::kPost, "/people/{person}/evidence", Guard::kPerson, false, false, "Add evidence"},
       EvidenceSubmit},
      {{M::kPost, "/people/{person}/assessments", Guard::kPerson, false, true,
        "Self- or manager assessment"},
       AssessmentSubmit},
      {{M::kGet, "/people/{person}/records/{kind}/{record}", Guard::kPerson, false, false,
        "A growth record, withdrawn or corrected there"},
       RecordPage},
      {{M::kPost, "/people/{person}/records/{kind}/{record}/{action}", Guard::kPerson, false, false,
        "Withdraw or correct evidence, a metric value, an assessment or a sign-off"},
       RecordTakeBackSubmit},
      {{M::kPost, "/people/{person}/signoffs", Guard::kPerson, false, true,
        "Sign off a manual checkpoint or give an approval"},
       SignOffSubmit},
      {{M::kPost, "/people/{person}/cases", Guard::kPerson, false, true,
        "Open an advancement review"},
       CaseOpenSubmit},
      {{M::kGet, "/evidence/{evidence}", Guard::kSignedIn, false, false,
        "An SME sign-off, to its signer"},
       SignOffPage},
      {{M::kPost, "/evidence/{evidence}/confirm", Guard::kSignedIn, false, true,
        "Confirm an SME sign-off"},
       EvidenceConfirmSubmit},
      // Advancement reviews and documented needs.
      {{M::kGet, "/cases", Guard::kSignedIn, false, false, "Advancement reviews"}, CasesPage},
      {{M::kGet, "/cases/{case}", Guard::kCase, false, false, "An advancement review"}, CasePage},
      {{M::kPost, "/cases/{case}/{action}", Guard::kCase, false, true,
        "Move, panel, evidence, vote, waive or decide"},
       CaseAction},
      {{M::kGet, "/needs", Guard::kSignedIn, false, false, "Documented needs"}, NeedsPage},
      {{M::kPost, "/needs", Guard::kSignedIn, false, true, "Open a documented need"},
       NeedOpenSubmit},
      {{M::kPost, "/needs/{need}/close", Guard::kSignedIn, false, true, "Close a documented need"},
       NeedCloseSubmit},
      // Administration.
      {{M::kGet, "/admin/users", Guard::kAdmin, false, false, "Users and roles"}, UsersPage},
      {{M::kPost, "/admin/users", Guard::kAdmin, false, false, "Add a user"}, UserCreateSubmit},
      {{M::kPost, "/admin/users/{user}", Guard::kAdmin, false, false, "Change a user"},
       UserUpdateSubmit},
      {{M::kGet, "/admin/frameworks", Guard::kAuthor, false, false, "Frameworks and versions"},
       FrameworksPage},
      {{M::kPost, "/admin/frameworks/{framework}/{version}/publish", Guard::kAuthor, false, false,
        "Publish a version"},
       PublishSubmit},
      {{M::kGet, "/admin/frameworks/{framework}/edit", Guard::kAuthor, false, false,
        "Edit a framework as YAML"},
       EditPage},
      {{M::kPost, "/admin/frameworks/{framework}/policy", Guard::kAuthor, false, false,
        "Change the committee policy (a new version)"},
       PolicySubmit},
      {{M::kPost, "/admin/frameworks/save", Guard::kAuthor, false, false, "Save a draft"},
       SaveSubmit},
      {{M::kPost, "/admin/lint", Guard::kAuthor, false, false, "Check YAML"}, LintSubmit},
      {{M::kGet, "/admin/import", Guard::kAuthor, false, false, "Import a document"}, ImportPage},
      {{M::kPost, "/admin/import", Guard::kAuthor, false, false, "Preview an import"},
       ImportSubmit},
      {{M::kGet, "/admin/audit", Guard::kAudit, false, false, "The audit log"}, AuditPage},
      {{M::kGet, "/admin/audit.csv", Guard::kAudit, false, false, "The audit log as CSV"},
       AuditCsvPage},
      // The JSON API.
      {{M::kPost, "/api/v1/session", Guard::kPublic, true, false, "Sign in"}, ApiSessionCreate},
      {{M::kDelete, "/api/v1/session", Guard::kSignedIn, true, false, "Sign out"},
       ApiSessionDelete},
      {{M::kGet, "/api/v1/me", Guard::kSignedIn, true, false, "Who is signed in"}, ApiMe},
      {{M::kPost, "/api/v1/me/password", Guard::kSignedIn, true, false, "Change the password"},
       ApiPassword},
      {{M::kGet, "/api/v1/me/tokens", Guard::kSignedIn, true, false, "My API tokens"}, ApiTokens},
      {{M::kPost, "/api/v1/me/tokens", Guard::kSignedIn, true, false, "Create an API token"},
       ApiTokenCreate},
      {{M::kDelete, "/api/v1/me/tokens/{token}", Guard::kSignedIn, true, false,
        "Revoke an API token"},
       ApiTokenRevoke},
      {{M::kGet, "/api/v1/me/notifications", Guard::kSignedIn, true, false, "My notifications"},
       ApiNotifications},
      {{M::kPost, "/api/v1/me/notifications/read", Guard::kSignedIn, true, true,
        "Mark every notification read"},
       ApiNotificationRead},
      {{M::kPost, "/api/v1/me/notifications/{notification}/read", Guard::kSignedIn, true, true,
        "Mark a notification read"},
       ApiNotificationRead},
      {{M::kGet, "/api/v1/me/notification-preferences", Guard::kSignedIn, true, true,
        "My notification preferences"},
       ApiNotificationPrefs},
      {{M::kPost, "/api/v1/me/notification-preferences", Guard::kSignedIn, true, true,
        "Change my notification preferences"},
       ApiNotificationPrefsSet},
      {{M::kGet, "/api/v1/frameworks", Guard::kFrameworks, true, false, "Frameworks"},
       ApiFrameworks},
      {{M::kPost, "/api/v1/frameworks", Guard::kAuthor, true, false, "Save a draft"},
       ApiFrameworkSave},
      {{M::kGet, "/api/v1/frameworks/{framework}", Guard::kFrameworks, true, false,
        "A framework version"},
       ApiFramework},
      {{M::kPost, "/api/v1/frameworks/{framework}/versions/{version}/publish", Guard::kAuthor, true,
        false, "Publish a version"},
       ApiPublish},
      {{M::kGet, "/api/v1/frameworks/{framework}/policy", Guard::kAuthor, true, false,
        "The committee policy"},
       ApiPolicy},
      {{M::kPost, "/api/v1/frameworks/{framework}/policy", Guard::kAuthor, true, false,
        "Change the committee policy (a new version)"},
       ApiPolicySet},
      {{M::kGet, "/api/v1/frameworks/{framework}/levels/{level}/jd", Guard::kFrameworks, true,
        false, "A level's job description"},
       ApiJobDescription},
      {{M::kGet, "/api/v1/frameworks/{framework}/levels/{level}/interview-guide",
        Guard::kFrameworks, true, false, "A level's interview guide"},
       ApiInterviewGuide},
      {{M::kPost, "/api/v1/import", Guard::kAuthor, true, false, "Import a document"}, ApiImport},
      {{M::kPost, "/api/v1/lint", Guard::kAuthor, true, false, "Lint a framework"}, ApiLint},
      {{M::kGet, "/api/v1/search", Guard::kFrameworks, true, false, "Search"}, ApiSearch},
      {{M::kGet, "/api/v1/people", Guard::kSignedIn, true, false, "People I may see"}, ApiPeople},
      {{M::kGet, "/api/v1/team", Guard::kSignedIn, true, false, "My team"}, ApiTeam},
      {{M::kGet, "/api/v1/people/{person}", Guard::kPerson, true, false, "A person"}, ApiPerson},
      {{M::kGet, "/api/v1/people/{person}/growth", Guard::kPerson, true, false,
        "A person's growth"},
       ApiGrowth},
      {{M::kGet, "/api/v1/people/{person}/eligibility", Guard::kPerson, true, false,
        "Eligibility for a target"},
       ApiEligibility},
      {{M::kGet, "/api/v1/people/{person}/evidence", Guard::kPerson, true, false, "Evidence"},
       ApiEvidenceList},
      {{M::kPost, "/api/v1/people/{person}/evidence", Guard::kPerson, true, false, "Add evidence"},
       ApiEvidenceCreate},
      {{M::kGet, "/api/v1/people/{person}/assessments", Guard::kPerson, true, false, "Assessments"},
       ApiAssessmentList},
      {{M::kPost, "/api/v1/people/{person}/assessments", Guard::kPerson, true, true,
        "Add an assessment"},
       ApiAssessmentCreate},
      {{M::kPost, "/api/v1/people/{person}/cases", Guard::kPerson, true, true,
        "Open an advancement review"},
       ApiCaseOpen},
      {{M::kPost, "/api/v1/people/{person}/records/{kind}/{record}/{action}", Guard::kPerson, true,
        false, "Withdraw or correct evidence, a metric value, an assessment or a sign-off"},
       ApiRecordTakeBack},
      {{M::kPost, "/api/v1/people/{person}/signoffs", Guard::kPerson, true, true,
        "Sign off a manual checkpoint or give an approval"},
       ApiSignOffCreate},
      {{M::kGet, "/api/v1/people/{person}/waivers", Guard::kPerson, true, false,
        "Waivers, revoked ones included"},
       ApiWaivers},
      {{M::kPost, "/api/v1/people/{person}/waivers", Guard::kPerson, true, true,
        "Waive a requirement outside a review"},
       ApiWaiverCreate},
      {{M::kPost, "/api/v1/evidence/{evidence}/confirm", Guard::kSignedIn, true, true,
        "Confirm an SME sign-off"},
       ApiEvidenceConfirm},
      {{M::kGet, "/api/v1/cases", Guard::kSignedIn, true, false, "Advancement reviews"}, ApiCases},
      {{M::kGet, "/api/v1/cases/{case}", Guard::kCase, true, false, "An advancement review"},
       ApiCase},
      {{M::kPost, "/api/v1/cases/{case}/{action}", Guard::kCase, true, true,
        "Move, panel, evidence, votes, assessments, waivers, sign-offs or decision"},
       ApiCaseAction},
      {{M::kGet, "/api/v1/needs", Guard::kSignedIn, true, false, "Documented needs"}, ApiNeeds},
      {{M::kPost, "/api/v1/needs", Guard::kSignedIn, true, true, "Open a documented need"},
       ApiNeedOpen},
      {{M::kPost, "/api/v1/needs/{need}/close", Guard::kSignedIn, true, true,
        "Close a documented need"},
       ApiNeedClose},
      {{M::kGet, "/api/v1/users", Guard::kAdmin, true, false, "Users"}, ApiUsers},
      {{M::kPost, "/api/v1/users", Guard::kAdmin, true, false, "Add a user"}, ApiUserCreate},
      {{M::kPatch, "/api/v1/users/{user}", Guard::kAdmin, true, false, "Change a user"},
       ApiUserUpdate},
      {{M::kGet, "/api/v1/audit", Guard::kAudit, true, false, "The audit log"}, ApiAudit},
      {{M::kGet, "/static/{file...}", Guard::kPublic, false, false, "Styles and scripts"},
       SitePage},
      // The published site: its pages (last: it takes every other GET).
      {{M::kGet, "/{page...}", Guard::kFrameworks, false, false, "The published frameworks"},
       SitePage},
  };
  return kRoutes;
}

}  // namespace internal

std::span<const RouteSpec> Routes() {
  static const std::vector<RouteSpec> kSpecs = [] {
    std::vector<RouteSpec> specs;
    for (const internal::Route& r : internal::RouteTable()) specs.push_back(r.spec);
    return specs;
  }();
  return kSpecs;
}

const char* MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "?";
}

}  // namespace ladder::server
