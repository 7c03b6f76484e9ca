// The values the Store speaks besides the model's (storage/store.h): versions of a framework,
// queries, sessions and API tokens, search hits, the batch of a people import. Plain values with
// no database behind them, so that layers above storage (render/) can use them without linking
// a database client. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/change_request.h"
#include "model/framework.h"
#include "model/growth_plan.h"
#include "model/notification.h"
#include "model/people.h"

namespace ladder::storage {

// One version of a framework, without its content.
struct VersionInfo {
  std::string framework;
  std::string version;
  model::FrameworkStatus status = model::FrameworkStatus::kDraft;
  std::string effective;     // YYYY-MM-DD or ""
  std::string saved_at;      // ISO-8601 UTC timestamp of the last save
  std::string published_at;  // ISO-8601 UTC, "" for drafts
  friend bool operator==(const VersionInfo&, const VersionInfo&) = default;
};

// Which change requests to list (Store::ListChangeRequests); an empty field does not filter.
struct ChangeQuery {
  std::string framework;
  std::string version;
  std::optional<model::ChangeStatus> status;
};

// A framework and its versions, newest first (by save time).
struct FrameworkInfo {
  std::string id;
  std::string name;              // of the newest version
  std::string family;            // of the newest version
  std::string latest_published;  // version, or "" when none is published
  std::vector<VersionInfo> versions;
};

// Two versions of one framework, for the caller to diff (analysis/ owns the level diff).
struct VersionPair {
  model::Framework before;
  model::Framework after;
};

// Everything the eligibility engine reads about one person, in one round trip
// (Store::LoadPersonRecords). Each list in the order of its List* method.
struct PersonRecords {
  model::Person person;
  std::vector<model::Assignment> assignments;
  std::vector<model::Evidence> evidence;
  std::vector<model::Metric> metrics;
  std::vector<model::Assessment> assessments;
  std::vector<model::SignOff> signoffs;
  std::vector<model::Waiver> waivers;
  std::vector<model::Case> cases;
  std::vector<model::PlanAction> plan;   // by due date
  std::vector<model::CheckIn> checkins;  // by date
};

// A role profile and the framework version it belongs to.
struct RoleEntry {
  std::string framework;
  std::string version;
  model::RoleProfile role;
};

struct RoleQuery {
  std::string framework;        // "" any
  std::string family;           // exact, case-insensitive; "" any
  std::string seniority;        // exact, case-insensitive; "" any
  bool include_drafts = false;  // otherwise only the latest published version of each framework
};

struct PeopleQuery {
  std::string manager;  // "" any; direct reports of this person id otherwise
  int limit = 0;        // 0: all
  int offset = 0;
};

// The people below `manager` in the management tree: their reports, their reports' reports, and
// so on, nearest first (by depth, then id).
struct ReportsQuery {
  std::string manager;  // "": everyone, by id, each at depth 1
  int limit = 0;        // 0: all
  int offset = 0;
};

// A report of someone, and how far below them (1: a direct report).
struct Report {
  model::Person person;
  int depth = 1;
};

// One page of a ReportsQuery, and how many reports there are in all.
struct ReportsPage {
  std::vector<Report> reports;
  int total = 0;
};

// A login session. The cookie's secret never reaches storage: only its hash (the caller hashes).
struct Session {
  std::string token_hash;  // primary key
  std::string user;
  std::string csrf_token;  // per-session CSRF secret (not a credential on its own)
  std::string created_at;  // ISO-8601 UTC
  std::string expires_at;  // ISO-8601 UTC
  friend bool operator==(const Session&, const Session&) = default;
};

// An API token for automation. Only its hash is stored.
struct ApiToken {
  std::string id;
  std::string user;
  std::string name;  // what it is for
  std::string token_hash;
  std::string created_at;    // ISO-8601 UTC
  std::string expires_at;    // "" never
  std::string last_used_at;  // "" never
  bool revoked = false;
  model::TokenScope scope = model::TokenScope::kWrite;
  friend bool operator==(const ApiToken&, const ApiToken&) = default;
};

// What Store::ExportDump writes.
struct DumpOptions {
  bool secrets = false;  // password hashes, sessions and API tokens
};

struct AuditQuery {
  std::string actor;          // "" any
  std::string subject;        // "" any; exact subject ("person:e042", "framework:support@2024.1")
  std::string action_prefix;  // "" any; e.g. "case." for every case action
  long long after_id = 0;     // entries with id > after_id (paging)
  int limit = 100;            // 0: all
};

// What a search result is.
enum class HitKind {
  kBehaviour,           // one behaviour of a level in a competency
  kLevelSummary,        // a level's summary
  kExpectationSummary,  // a level's summary statement for one competency
  kAttribute,           // a level attribute (scope, responsibilities ...); title is its key
  kRequirement,         // a requirement sentence of a level
  kNote,                // a prose section of the framework; title is its heading
  kRole,                // a role profile of the catalogue; title is the role's title
  kFramework,           // the framework's description; title is its name
  kTrack,               // a track's description; title is its name
  kCompetency,          // a competency's description; title is its name
  kOverlay,             // an overlay role: its description and duties; title is its name
};
inline constexpr HitKind kHitKinds[] = {
    HitKind::kBehaviour,  HitKind::kLevelSummary, HitKind::kExpectationSummary,
    HitKind::kAttribute,  HitKind::kRequirement,  HitKind::kNote,
    HitKind::kRole,       HitKind::kFramework,    HitKind::kTrack,
    HitKind::kCompetency, HitKind::kOverlay};
// behaviour | level_summary | expectation_summary | attribute | requirement | note | role |
// framework | track | competency | overlay
const char* HitKindName(HitKind k);

// Markers around the matched words in SearchHit::snippet. They never occur in stored text (they
// are ASCII control characters), so a renderer HTML-escapes the snippet first and then replaces
// them with <mark> and </mark>; the CLI prints them as [ and ].
inline constexpr std::string_view kMatchOpen = "\x02";
inline constexpr std::string_view kMatchClose = "\x03";

// Replaces the match markers of a snippet with `open` and `close`.
std::string MarkSnippet(std::string_view snippet, std::string_view open, std::string_view close);

struct SearchHit {
  HitKind kind = HitKind::kBehaviour;
  std::string framework;
  std::string framework_name;
  std::string version;
  std::string track;  // track id; "" for notes and roles
  std::string level;  // level code; "" for notes and roles
  std::string level_title;
  std::string competency;  // competency id for behaviours and expectation summaries
  std::string title;       // note title, or role title (family, seniority) for roles
  std::string snippet;     // the passage with kMatchOpen/kMatchClose around matches
  double score = 0;        // higher is better; comparable within one result list only
};

struct SearchOptions {
  std::string framework;        // "" all
  bool include_drafts = false;  // otherwise only the latest published version of each framework
  int limit = 50;
  // Case and accents fold as this language folds them (base/unicode.h; "" the root rules).
  std::string lang = {};
};

// People and their records written at once (Store::WritePeopleBatch).
// What a review cycle came to, counted (for the charts of cycles): its people by readiness on
// opening, its reviews, and how many of those were decided and promoted.
struct CycleCounts {
  int people = 0;
  int eligible = 0;
  int close = 0;
  int reviews = 0;
  int decided = 0;
  int promoted = 0;
  friend bool operator==(const CycleCounts&, const CycleCounts&) = default;
};

struct PeopleBatch {
  // Created or replaced. A manager must be in the batch or stored.
  std::vector<model::Person> people;
  // The complete level history of the people in `people`, replacing what is stored for them.
  // Each assignment names a person of the batch and a stored level; per person, an open period
  // followed by a later one is closed where the next begins (as AddAssignment does), and
  // periods must not overlap. Empty ids get fresh ones.
  std::vector<model::Assignment> assignments;
  // New records (empty ids get fresh ones; a stored id is kAlreadyExists) of people in the
  // batch or stored.
  std::vector<model::Evidence> evidence;
};

// Which notifications ListNotifications returns: a recipient's, newest first.
struct NotificationQuery {
  std::string recipient;  // person id (required)
  bool unread_only = false;
  int limit = 50;  // at most this many (1..1000)
};

// Which deliveries ListDeliveries returns (the delivery log), newest due first.
struct DeliveryQuery {
  std::string recipient;     // "" for everyone's
  std::string notification;  // "" for every notification's
  std::string status;        // "" for any; else pending | delivered | failed
  int limit = 100;           // 1..10000
};

}  // namespace ladder::storage
