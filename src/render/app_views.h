// The pages of the web app for people: signing in, my growth, a person's growth,
// my team, advancement reviews (cases) with their panel, votes, waivers and decision, documented
// needs, the account page, and the administration pages (users, frameworks and their versions,
// importing a document, editing a framework as YAML, the audit log).
//
// Each page is a plain struct of model and rules values filled by the use cases of app/; the
// functions here turn it into HTML with the mustache templates of web/templates/app_*.mustache,
// under the same escaping rules as the published pages (site.h): every text escaped, every URL
// through SafeUrl(), only cmark-gfm output unescaped. Forms carry the viewer's CSRF token. Links
// are absolute paths of the server ("/people/e1"), since these pages exist only there.
//
// Pure functions of their input; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/leaks.h"
#include "analysis/lint.h"
#include "base/date.h"
#include "formats/import_map.h"
#include "model/change_request.h"
#include "model/framework.h"
#include "model/people.h"
#include "render/site.h"
#include "rules/eligibility.h"
#include "storage/types.h"

namespace ladder::render {

// Who is looking, for the navigation and the forms.
struct Viewer {
  std::string user;  // "" when nobody is signed in
  std::string name;
  std::string person;  // the viewer's person id, or ""
  bool admin = false;
  bool author = false;   // people team or admin: frameworks, imports, the audit log
  bool manager = false;  // has the manager role
  int unread = 0;        // unread notifications in the viewer's inbox
  std::string csrf;      // the token every form carries
  // What the server takes of a form (ServerOptions): pages tell the browser, which refuses to
  // send a larger form and keeps what was typed (web/static/app.js). 0: not said.
  size_t max_body_bytes = 0;
  size_t max_field_bytes = 0;
};

// A message at the top of a page after a form was sent.
struct Flash {
  std::string notice;  // what was done
  std::string error;   // what went wrong (the form's values are kept)
};

// What a page calls the people and the review targets it mentions, filled by app/ from the
// records (app::WebViews): person id -> name (model::Person::DisplayName), case id -> the label
// of its target (model::Level::Label with its track, or the role's name). A page shows the id
// of what is not in them, never an empty text.
struct Labels {
  std::map<std::string, std::string> people;
  std::map<std::string, std::string> targets;
  // The person's name, or `id` when the person is unknown.
  std::string Person(const std::string& id) const;
  // The case's target ("Engineering: IC3 · Senior Engineer"), or "ic/IC3" when unknown.
  std::string Target(const model::Case& c) const;
  // A case as people tell it: "Ana López towards Engineering: IC3 · Senior Engineer, opened
  // 2026-03-01" (its id stays in its address).
  std::string Case(const model::Case& c) const;
};

// A level of a framework, resolved.
struct LevelInfo {
  const model::Track* track = nullptr;
  const model::Level* level = nullptr;
  std::string href;  // its page in the published site, or ""
};

struct LoginView {
  std::string next;                // where to go after signing in
  std::string user;                // the name typed, kept after a failure
  std::string error;               // why the last attempt failed
  std::string csrf;                // the login form's token (double-submit cookie)
  bool public_frameworks = false;  // the frameworks can be read without signing in
};

struct GrowthView {
  model::Person person;
  bool own = false;            // the viewer's own page ("My growth")
  bool as_manager = false;     // the viewer is a manager above the person: manager assessments
  bool may_open_case = false;  // the viewer may open a review for the person (app/authority.h)
  std::shared_ptr<const model::Framework> framework;  // of the current level; null: no level
  std::optional<model::Assignment> current;
  LevelInfo level;                             // the level held
  LevelInfo next;                              // the next level of the track, if any
  std::optional<rules::Verdict> verdict;       // eligibility for `next` (or the open case's target)
  std::vector<model::Assessment> assessments;  // the person's, oldest first
  std::vector<model::Evidence> evidence;       // oldest first
  std::vector<model::Case> cases;
  std::vector<model::Assignment> history;  // oldest first
  std::vector<model::Metric> metrics;      // oldest first
  std::vector<model::SignOff> signoffs;    // oldest first
  std::vector<model::PlanAction> plan;     // the growth plan's actions, by due date
  std::vector<model::CheckIn> checkins;    // oldest first
  bool may_plan = false;                   // the viewer may agree actions and record check-ins
  // The latest standing rating per competency and assessor, by competency id (indexes into
  // `assessments`; withdrawn and corrected ratings left out: model::LatestRatings).
  std::map<std::string, std::vector<size_t>> latest;
  // The records the viewer may withdraw or correct, as "<kind>/<id>" (evidence, metrics,
  // assessments, signoffs: app::RecordKindPath).
  std::set<std::string> may_take_back;
  // The manual checkpoints and approvals of `verdict` awaiting a sign-off that the viewer may
  // give (app/authority.h), by their sentence.
  std::set<std::string> signable;
  // A decided promotion that takes effect after today: the level it leads to, and when.
  std::optional<model::Assignment> upcoming;
  std::string upcoming_label;  // "IC4 · Staff Engineer"
  Date today;
  Flash flash;
  // The published site, when the server has one: what each level adds and the HTML of every
  // behaviour were computed when it was built. May be null.
  const Site* site = nullptr;
  Labels labels;  // the manager, the cases and the people who may sign off (`signers`)
  // The people the evidence form offers as the SME signing off a skill: those near the person
  // (their chain, their manager's reports, their reports) and earlier signers, by name; anyone
  // else is named by id.
  std::vector<model::Person> signers;
};

// One field of a record's correction form.
struct FieldInput {
  std::string name;  // the field's name (app/corrections.h)
  std::string label;
  std::string type;  // text | date | number | url | textarea | select
  std::string value;
  std::vector<std::pair<std::string, std::string>> options;  // select: value, label
  std::vector<std::string> selected;                         // select: the values chosen
  bool multiple = false;
  bool required = false;
};

// A growth record (evidence, a metric value, an assessment, a sign-off) with its history, and
// the forms that withdraw or correct it for a viewer who may.
struct RecordView {
  model::Person person;
  std::string kind;        // evidence | metrics | assessments | signoffs (its address segment)
  std::string kind_label;  // "Evidence", "Metric value", "Assessment", "Sign-off"
  std::string id;
  std::string title;                                       // what it is, in a line
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::optional<model::Retraction> retraction;             // taken back: by, when, why
  std::string corrects;                                    // the record this one corrects
  bool may_take_back = false;                              // the viewer may, and the record stands
  std::vector<FieldInput> inputs;
  Flash flash;
};

struct TeamMember {
  model::Person person;
  int depth = 1;  // 1: a direct report
  std::optional<model::Assignment> current;
  std::string level_label;  // "IC3 · Senior Support Engineer"
  std::string track_label;  // the track's name ("" without a level)
  int track_order = 0;      // the track's place in its framework
  int level_rank = 0;
  // Readiness for the next level: what the team page says of the verdict.
  struct Readiness {
    rules::Overall overall = rules::Overall::kNotYet;
    Date earliest;        // when not yet
    size_t blocking = 0;  // requirements missing, of
    size_t requirements = 0;
  };
  std::optional<Readiness> readiness;
  std::vector<model::Case> open_cases;
  // A decided promotion that takes effect after today (GrowthView::upcoming): shown instead of
  // the readiness, which would invite a second review.
  std::optional<model::Assignment> upcoming;
  std::string upcoming_label;
};

struct TeamView {
  std::string title;                // "My team", "Everyone"
  std::vector<TeamMember> members;  // one page of them
  int offset = 0;                   // the first member's place among all (0-based)
  int limit = 0;                    // the page's size
  int total = 0;                    // everyone the page lists, on every page
  Labels labels;                    // the members' open cases
  Date today;
};

// The team's charts as numbers: per level held, by track (in the framework's order) and rank,
// how many people hold it and their median time in it.
struct LevelStat {
  std::string track;
  std::string level;  // the level's label
  int people = 0;
  long median_days = 0;  // in the level, up to the view's day
};
std::vector<LevelStat> TeamLevelStats(const TeamView& v);
// The same as CSV: track, level, people, median_days_in_level.
std::string TeamLevelStatsCsv(const TeamView& v);

struct CaseView {
  model::Case review;
  model::Person person;
  std::shared_ptr<const model::Framework> framework;
  std::optional<rules::Verdict> verdict;  // for the target, today
  std::string consensus;                  // "reached: promote (2 of 2 for)" ...
  bool consensus_reached = false;
  Labels labels;  // everyone the review names: its person, panel, approvers, deciders
  // The viewer sits on the panel and has not voted: the others' votes, notes and the consensus
  // are left out (app::Access::SeesVotes) until they vote.
  bool votes_hidden = false;
  std::vector<model::Evidence> portfolio;  // the evidence named in the case
  std::vector<model::Evidence> addable;    // the person's evidence not yet in it
  std::vector<model::Waiver> waivers;      // of the person, for this case
  std::vector<std::string> requirements;   // sentences a waiver may name
  std::set<std::string> signable;          // as GrowthView::signable
  std::vector<model::Person> reviewers;    // who may be named on the panel
  std::vector<std::string> next_states;    // the moves allowed now
  // The steps the viewer may take on the review (app/authority.h), whatever its state.
  struct Steps {
    bool add_evidence = false, panel = false, move = false, vote = false, waive = false,
         decide = false;
  } may;
  Date today;
  Flash flash;
};

struct CasesView {
  std::vector<model::Case> cases;
  Labels labels;
};

struct NeedsView {
  std::vector<model::Need> needs;
  // For the form: framework id -> its targets ("track/code" and overlay ids) with labels.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> targets;
  bool may_open = false;
  std::vector<std::string> closable;  // ids of the needs the viewer may close
  Labels labels;                      // who opened the needs
  Date today;
  Flash flash;
};

// An SME sign-off, shown to the signer it names (who may confirm it) and to those who may see
// the person.
struct SignOffView {
  model::Evidence evidence;
  std::string person_name;
  bool may_confirm = false;  // the viewer is the signer and it awaits them
  Flash flash;
};

struct AccountView {
  model::User user;
  std::vector<storage::ApiToken> tokens;
  std::string new_token;     // shown once, right after it was created
  std::string notify_prefs;  // the notification preferences form (RenderNotifyPrefs), or ""
  Flash flash;
};

struct UsersView {
  std::vector<model::User> users;
  std::vector<model::Person> people;  // for linking accounts to people
  Flash flash;
};

struct FrameworksView {
  std::vector<storage::FrameworkInfo> frameworks;
  // The links that stop a draft (framework id, version) from being published on a public site.
  std::map<std::pair<std::string, std::string>, std::vector<analysis::Leak>> leaks;
  // The latest change request of each version (framework id, version) that has one.
  std::map<std::pair<std::string, std::string>, model::ChangeRequest> changes;
  Flash flash;
};

// A passage of the import preview that the reader did not import, and what the admin chose it
// becomes (formats/passage_choices.h; `use` empty: as chosen for every passage).
struct ImportPassageRow {
  std::string file;
  int line = 0;
  std::string text;
  std::string key;  // formats::PassageKey: the choice applies to this passage only
  std::string use;  // formats::PassageUseName, or ""
  std::string level;
  std::string competency;
};

// The YAML editor, also the import preview (the imported framework as YAML, ready to save).
struct EditView {
  std::string title;  // "Edit support", "Import career-ladder.md"
  std::string yaml;
  std::vector<analysis::Finding> findings;
  std::string error;        // the text could not be read: where and why
  bool checked = false;     // findings were computed for exactly this text
  std::string checked_key;  // sent back so that Save knows the findings were seen
  bool saved = false;
  // The stored draft the text is (framework id, version), when it is one: the editor links to
  // its pages and to its publish page. Empty otherwise.
  std::pair<std::string, std::string> draft;
  // Import preview: the coverage report, measured after the choices below were applied.
  bool import = false;
  int source_words = 0;
  int imported_words = 0;
  int structure_words = 0;
  int notes_words = 0;
  int still_not_imported = 0;  // passages left out after the choices
  // The passages the reader left out (before any choice), each with what it becomes.
  std::vector<ImportPassageRow> passages;
  ImportPassageRow all;    // the choice for every passage without its own (`use` empty: left out)
  size_t choice_rows = 0;  // passages shown with a choice of their own; the rest follow `all`
  std::vector<std::pair<std::string, std::string>> level_choices;       // "track/code", label
  std::vector<std::pair<std::string, std::string>> competency_choices;  // id, name
  std::string choice_error;  // a choice that could not be applied: its field and why
  // Every document of the import (file name, base64), to read again with other choices.
  std::vector<std::pair<std::string, std::string>> carried;
  std::string format;  // the format the documents were read as, when one was forced
  std::vector<std::string> warnings;
  // Import preview of a spreadsheet or data file: the map it was read with, shown as a table the
  // admin may change, and the file itself (base64) to read again with the changed map.
  std::vector<formats::MapField> map_fields;
  std::string mapped_document;
  std::string mapped_name;
  std::string mapped_format;
  Flash flash;
};

struct AuditView {
  std::vector<model::AuditEntry> entries;
  storage::AuditQuery query;
  std::string csv_href;
  std::string more_href;  // the next page, or ""
};

// A page of the app: its HTML (a whole document).
std::string RenderLogin(const Viewer& viewer, const LoginView& view);
std::string RenderGrowth(const Viewer& viewer, const GrowthView& view);
// The growth plan's actions as CSV (RFC 4180, a header row): names, not ids, for a spreadsheet.
std::string GrowthPlanCsv(const GrowthView& view);
// What an action works towards, as people read it ("Engineering: E4 · Senior Engineer",
// "Role: Tech lead"); the stored text when `f` does not describe it.
std::string PlanTargetLabel(const model::Framework* f, const std::string& target);
std::string RenderTeam(const Viewer& viewer, const TeamView& view);
std::string RenderCase(const Viewer& viewer, const CaseView& view);
std::string RenderCases(const Viewer& viewer, const CasesView& view);
std::string RenderNeeds(const Viewer& viewer, const NeedsView& view);
std::string RenderSignOff(const Viewer& viewer, const SignOffView& view);
std::string RenderRecord(const Viewer& viewer, const RecordView& view);
std::string RenderAccount(const Viewer& viewer, const AccountView& view);
std::string RenderUsers(const Viewer& viewer, const UsersView& view);
std::string RenderFrameworks(const Viewer& viewer, const FrameworksView& view);

// A version before it is published: what publishing it changes against the published version
// before it (none when it is the first), the links that stop it on a public site, links to its
// pages and its changelog, and the button that publishes it.
struct PublishView {
  model::Framework framework;
  std::string base_version;      // "" when no version was published before it
  analysis::FrameworkDiff diff;  // from base_version to this one
  std::vector<analysis::Leak> leaks;
  // Why the framework's policy does not let this version be published yet: no approved change
  // request (docs/change-requests.md), in the words of the refusal; "" when nothing stops it.
  std::string approval;
  // The version's change request still under review, if any; without one, a draft gets the
  // form that proposes it.
  std::optional<model::ChangeRequest> pending;
  Flash flash;
};
std::string RenderPublish(const Viewer& viewer, const PublishView& view);
// Change requests of frameworks (docs/change-requests.md), open ones first: of every framework,
// or of one (`framework`), with links to the others.
struct ChangesView {
  std::vector<model::ChangeRequest> requests;
  std::string framework;                               // the framework shown, "" for all
  std::vector<std::string> frameworks;                 // ids of the frameworks that have requests
  std::map<std::string, std::string> framework_names;  // id -> display name
  Labels labels;                                       // the authors
  Flash flash;
};
std::string RenderChanges(const Viewer& viewer, const ChangesView& view);

// One change request: who proposed which version and why, its status and what it still needs,
// what publishing it changes (the publish page's summary), the links to the draft's pages, its
// history, and the forms the viewer may use. The viewer never gets a button the model refuses:
// the author is told why they cannot approve.
struct ChangeView {
  model::ChangeRequest request;
  std::string framework_name;
  std::string base_version;      // the published version it is compared with, "" for none
  analysis::FrameworkDiff diff;  // from base_version to the proposed version
  bool draft_changed = false;    // the draft was saved with other content after proposing
  // Why the people team cannot publish it yet (not approved, links that stop it on a public
  // site, a changed draft), in words; "" when it may be published.
  std::string unpublishable;
  Labels labels;  // everyone it names
  Flash flash;
};
std::string RenderChange(const Viewer& viewer, const ChangeView& view);

// The line at the top of a previewed page: which version it is, and that readers do not see it.
std::string RenderPreviewNotice(const model::Framework& framework);
std::string RenderEdit(const Viewer& viewer, const EditView& view);
// The upload form of the import; `formats` are the names --from accepts.
// People from an HRIS CSV in the browser (docs/people-csv.md): the upload form; the preview of a
// file that passed every check (the people, their managers and levels), with the file carried
// to the confirmation; or every problem with its line and column, nothing stored.
struct PeopleUploadView {
  std::string file_name;
  std::string csv;      // the file, carried from the preview to the confirmation
  std::string checked;  // its hash, which the confirmation must match
  std::vector<Error> errors;
  std::vector<model::Person> people;       // the preview
  std::vector<model::Assignment> history;  // the preview
  bool previewed = false;
  Flash flash;
};
std::string RenderPeopleUpload(const Viewer& viewer, const PeopleUploadView& v);

// The import page's upload form: the formats to force, the one chosen (kept when an upload is
// refused) and the limits of an upload.
struct ImportFormView {
  std::vector<std::string> formats;
  std::string format;
  int max_files = 0;
  size_t max_bytes = 0;
  Flash flash;
};
std::string RenderImportForm(const Viewer& viewer, const ImportFormView& view);
std::string RenderAudit(const Viewer& viewer, const AuditView& view);
// An error page: the status's title and the message.
std::string RenderErrorPage(const Viewer& viewer, int status, std::string_view message);

// /api: the JSON API's endpoints for a reader, one row per route (views_api.cc), with a link to
// its OpenAPI description.
struct ApiEndpoint {
  std::string method;   // GET, POST, ...
  std::string path;     // /api/v1/people/{person}
  std::string summary;  // one line
  std::string who;      // who may call it, in words
};
std::string RenderApiIndex(const Viewer& viewer, const std::vector<ApiEndpoint>& endpoints);
// The lint findings alone (the editor's Check button, answered as a fragment for htmx).
std::string RenderFindings(const EditView& view);
// The account part of the site's navigation, for the pages of the published site when served:
// the server puts it where the site's pages say (kAccountNavSlot).
std::string RenderAccountNav(const Viewer& viewer);

// Where published pages leave room for the account navigation (an HTML comment, inert in the
// static site).
inline constexpr std::string_view kAccountNavSlot = "<!--ladder:account-->";

// The audit log as CSV (RFC 4180, a header row; text cells that a spreadsheet would read as a
// formula are prefixed with an apostrophe).
std::string AuditCsv(const std::vector<model::AuditEntry>& entries);

// Words for a verdict's status and a requirement's status ("Eligible", "Not yet", ...).
std::string OverallLabel(rules::Overall overall);
std::string StatusLabel(rules::RequirementStatus status);

}  // namespace ladder::render
