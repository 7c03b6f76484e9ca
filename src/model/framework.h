// The framework side of the domain model: a career framework with its competency
// groups, competencies, tracks of levels, expectations, requirements, overlay roles, transitions,
// promotion policy, prose notes and role catalogue.
//
// Plain values: copyable, comparable, no I/O. Invariants are not enforced on construction;
// Validate() (validate.h) checks them and says where they break.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "model/rule.h"

namespace ladder::model {

enum class FrameworkStatus { kDraft, kPublished };
enum class LevelState { kDefined, kUndefined };

// Where a value came from in its document; used for error messages and lint findings.
// Not part of equality: two frameworks read from different files can be equal.
struct Origin {
  SourceLocation where;
  friend bool operator==(const Origin&, const Origin&) { return true; }
};

struct Provenance {
  std::string file;    // the document it was imported from, if any
  std::string format;  // reader name: "levels-table", "level-pages", "yaml", ...
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct Competency {
  std::string id;
  std::string name;
  std::string description;  // inline Markdown
  Origin origin;
  // What pages call it: its name, or its id when it has none.
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const Competency&, const Competency&) = default;
};

// A pillar grouping competencies (003: Leadership -> Relationship Management, Outcomes).
struct CompetencyGroup {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> competencies;  // competency ids
  Origin origin;
  // What pages call it: its name, or its id when it has none.
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const CompetencyGroup&, const CompetencyGroup&) = default;
};

// A requirement keeps its original sentence and the rule recognised in it.
struct Requirement {
  std::string text;
  Rule rule;
  Origin origin;
  friend bool operator==(const Requirement&, const Requirement&) = default;
};

// What a level expects in one competency.
struct Expectation {
  std::string competency;               // competency id
  std::string summary;                  // optional summary statement for this category
  std::vector<std::string> behaviours;  // inline Markdown, one per behaviour
  bool undefined = false;               // the source says this cell is not defined
  std::string note;                     // e.g. "Not currently defined" when undefined
  Origin origin;
  friend bool operator==(const Expectation&, const Expectation&) = default;
};

// An ordered string map: attributes keep the order of their source.
using Attributes = std::vector<std::pair<std::string, std::string>>;

struct Track;

struct Level {
  std::string code;  // unique within its track: "IC3", "sr-software-engineer-2"
  int rank = 0;      // strictly increasing within a track; comparable across tracks
  std::string title;
  std::string summary;
  LevelState state = LevelState::kDefined;
  std::string note;      // why it is undefined, or other remarks
  std::string inherits;  // level reference whose expectations this one includes ("Same as X, plus")
  Attributes attributes;                  // years_of_experience, scope_of_action, ...
  std::vector<Expectation> expectations;  // in competency order
  std::vector<Requirement> requirements;  // to reach this level
  Origin origin;

  const Expectation* FindExpectation(std::string_view competency) const;
  // The level as pages and reports name it: "IC3 · Senior Support Engineer", or the code alone
  // when it has no other title.
  std::string Label() const;
  // The level with its track, where the track is not otherwise clear:
  // "Individual contributor: IC3 · Senior Support Engineer".
  std::string Label(const Track& track) const;
  friend bool operator==(const Level&, const Level&) = default;
};

enum class TrackKind { kCore, kIc, kManagement, kAlternative, kOther };

struct Track {
  std::string id;
  std::string name;
  TrackKind kind = TrackKind::kOther;
  std::string description;
  std::vector<Level> levels;  // by rank
  Origin origin;

  const Level* FindLevel(std::string_view code) const;
  // What pages call it: its name, or its id when it has none.
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const Track&, const Track&) = default;
};

// A role held on top of a level (team lead): extra duties and its own requirements.
struct OverlayRole {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> duties;
  std::vector<std::string> levels;  // level references it may be held at; empty: any
  bool needs_documented_need = false;
  std::vector<Requirement> requirements;
  Origin origin;
  // What pages call it: its name, or its id when it has none.
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const OverlayRole&, const OverlayRole&) = default;
};

// Moving between tracks (IC <-> management) and what it takes.
struct Transition {
  std::string from;  // track id
  std::string to;    // track id
  std::string description;
  std::vector<Requirement> requirements;
  Origin origin;
  friend bool operator==(const Transition&, const Transition&) = default;
};

struct Note {
  std::string title;
  std::string markdown;
  Origin origin;
  friend bool operator==(const Note&, const Note&) = default;
};

// One role of a role catalogue (002): family x seniority.
struct RoleProfile {
  std::string id;
  std::string family;     // "Solutions Engineer"
  std::string seniority;  // "Associate", "Senior", "Staff", ... ; "" for the base title
  std::string title;
  std::string summary;
  std::vector<std::string> responsibilities;
  std::vector<std::string> skills;
  std::vector<std::string> kpis;
  std::string path;  // career-path prose
  Origin origin;
  friend bool operator==(const RoleProfile&, const RoleProfile&) = default;
};

// How a peer-review panel reaches its consensus.
enum class ConsensusRule { kUnanimous, kMajority };

// How "N months of consistent performance at your level, and M months performing at the next"
// reads when a promotion asks both (docs/eligibility.md): the M months may fall inside the N
// (kOverlapping: performing at the next level is performing highly at one's own), or follow
// them (kConsecutive: N + M months in all).
enum class NextLevelReading { kOverlapping, kConsecutive };
// Who may waive a requirement (WaiverPolicy::by), each naming roles and relations of
// app/authority.h's table: "leadership" a manager above the person's own manager, "manager" the
// person's own manager, "people_team" and "admin" those accounts, "self" the person under review
// too, when one of the others holds for them.
inline constexpr const char* kWaiverAuthorities[] = {"leadership", "manager", "people_team",
                                                     "admin", "self"};

// What a committee decides about waivers (docs/format.md, `framework.waivers`): who may grant
// and revoke them, and which requirements no waiver covers. The defaults are the committee's
// rules when a framework says nothing.
struct WaiverPolicy {
  std::vector<std::string> by = {"leadership"};  // kWaiverAuthorities; empty: nobody
  // Requirements no waiver covers: rule kind names ("time_at_level") or requirement sentences.
  std::vector<std::string> never;
  // Whether a peer review may be waived after the panel of the latest review towards the target
  // voted it down (no consensus). By default not: the panel's no stands until a new review.
  bool after_panel_no = false;
  bool IsDefault() const { return *this == WaiverPolicy{}; }
  friend bool operator==(const WaiverPolicy&, const WaiverPolicy&) = default;
};

// What a committee decides about publishing (docs/format.md, `framework.publishing`;
// docs/change-requests.md): whether a version is published only through an approved change
// request (model/change_request.h). By default not: whoever may publish publishes a draft.
struct PublishingPolicy {
  bool requires_approval = false;
  bool IsDefault() const { return *this == PublishingPolicy{}; }
  friend bool operator==(const PublishingPolicy&, const PublishingPolicy&) = default;
};

// A translated text: the text at `at` (a path of model/translation.h, such as
// "tracks.ic.levels.IC2.summary") in the translation's language, and the fingerprint of the
// source text it translates (Fingerprint()), which tells a stale translation (the source
// changed since) from a current one.
struct TranslatedText {
  std::string at;
  std::string source;  // 8 lower-case hex digits
  std::string text;
  Origin origin;
  friend bool operator==(const TranslatedText&, const TranslatedText&) = default;
};

// The texts of a framework in one more language (a BCP 47 tag: "es", "pt-BR"). Texts it does
// not translate, or whose source changed, are shown in the framework's own language.
struct Translation {
  std::string language;
  std::vector<TranslatedText> texts;
  Origin origin;
  friend bool operator==(const Translation&, const Translation&) = default;
};

struct Framework {
  std::string id;
  std::string name;
  std::string family;  // "engineering", "support", ...
  std::string version;
  FrameworkStatus status = FrameworkStatus::kDraft;
  std::string effective;    // YYYY-MM-DD or ""
  bool cumulative = false;  // each level includes the one before it
  ConsensusRule consensus = ConsensusRule::kUnanimous;
  NextLevelReading next_level_reading = NextLevelReading::kOverlapping;
  WaiverPolicy waivers;         // who may waive, what may not be waived
  PublishingPolicy publishing;  // whether publishing needs an approved change request
  std::string description;
  Provenance source;
  // The mustache template of its job descriptions (render/outputs.h): a relative path without
  // "..", resolved against the framework file's folder (the CLI) or the server's templates
  // folder; "" for the built-in template.
  std::string jd_template;
  // Links, hosts, domains and e-mail addresses the leak check (analysis/leaks.h) lets through
  // when the framework is published.
  std::vector<std::string> allow_links;
  // The language its texts are written in (BCP 47); its translations are in `translations`.
  std::string language = "en";
  // What pages call it: its name, or its id when it has none.
  const std::string& DisplayName() const { return name.empty() ? id : name; }

  std::vector<CompetencyGroup> groups;
  std::vector<Competency> competencies;
  std::vector<Track> tracks;
  std::vector<OverlayRole> overlays;
  std::vector<Transition> transitions;
  std::vector<Requirement> policy;  // framework-wide promotion rules
  std::vector<Note> notes;
  std::vector<RoleProfile> roles;
  std::vector<Translation> translations;  // by language, in document order
  Origin origin;

  const Competency* FindCompetency(std::string_view id) const;
  const Track* FindTrack(std::string_view id) const;
  const OverlayRole* FindOverlay(std::string_view id) const;

  // Resolves a level reference: "track/code", a code unique in the framework, or (with
  // `track` given) a code in that track. Returns {track, level} or {nullptr, nullptr}.
  std::pair<const Track*, const Level*> ResolveLevel(std::string_view ref,
                                                     std::string_view track = {}) const;
  // The level after `code` in `track`, or nullptr at the top.
  const Level* NextLevel(std::string_view track, std::string_view code) const;
  const Level* PreviousLevel(std::string_view track, std::string_view code) const;

  friend bool operator==(const Framework&, const Framework&) = default;
};

const char* FrameworkStatusName(FrameworkStatus s);    // "draft" | "published"
const char* LevelStateName(LevelState s);              // "defined" | "undefined"
const char* TrackKindName(TrackKind k);                // "core" | "ic" | ...
const char* ConsensusRuleName(ConsensusRule c);        // "unanimous" | "majority"
const char* NextLevelReadingName(NextLevelReading r);  // "overlapping" | "consecutive"
std::optional<FrameworkStatus> ParseFrameworkStatus(std::string_view s);
std::optional<LevelState> ParseLevelState(std::string_view s);
std::optional<TrackKind> ParseTrackKind(std::string_view s);
std::optional<ConsensusRule> ParseConsensusRule(std::string_view s);
std::optional<NextLevelReading> ParseNextLevelReading(std::string_view s);

}  // namespace ladder::model
