// What changes between two levels, and between two versions of a framework.
//
// Three questions, three entry points, one vocabulary of plain values:
//  - DiffLevels: any two levels, also across tracks (IC3 vs M1): per competency, behaviours
//    added, removed and changed (a changed behaviour is a before/after pair matched by
//    similarity, with its word-level changes), and summary, attribute and requirement changes.
//    Used by `ladder diff FILE A B` and the compare page.
//  - NewAtLevel: one level against the level before it in its track, every behaviour marked
//    inherited / new / changed / same. Used for the new-at-this-level marks of level pages.
//  - DiffFrameworks: two versions of a framework: competencies added, removed or renamed,
//    levels added or removed, and per level what changed. Used by `ladder diff A B` and the
//    changelog page.
//
// Behaviours are compared after collapsing white space; matching "changed" pairs uses word
// similarity (Similarity() >= kChangedThreshold). Pure functions over the model; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/framework.h"

namespace ladder::analysis {

// Two behaviours at least this similar are one behaviour that changed, not one removed and one
// added.
inline constexpr double kChangedThreshold = 0.5;

// A run of words of a word-level diff. `text` is the run's words joined by single spaces;
// a renderer joins consecutive spans with one space.
enum class SpanKind { kEqual, kInsert, kDelete };
const char* SpanKindName(SpanKind kind);  // "equal" | "insert" | "delete"

struct WordSpan {
  SpanKind kind = SpanKind::kEqual;
  std::string text;
  friend bool operator==(const WordSpan&, const WordSpan&) = default;
};

// The word-level changes that turn `before` into `after` (a longest common subsequence of
// words; words are separated by white space and compared exactly). Adjacent spans of one kind
// are merged; a deletion comes before the insertion that replaces it.
std::vector<WordSpan> DiffWords(std::string_view before, std::string_view after);

// How alike two texts are, from 0 (no word in common) to 1 (the same words in the same order):
// 2 * |common subsequence of words| / (|words of a| + |words of b|), ignoring case and
// punctuation.
double Similarity(std::string_view a, std::string_view b);

// A text that differs; "" stands for absent.
struct TextChange {
  std::string before;
  std::string after;
  std::vector<WordSpan> words;  // DiffWords(before, after)
  friend bool operator==(const TextChange&, const TextChange&) = default;
};

// An attribute (years_of_experience, ...) that was added (before ""), removed (after "") or
// changed.
struct AttributeChange {
  std::string key;
  std::string before;
  std::string after;
  friend bool operator==(const AttributeChange&, const AttributeChange&) = default;
};

// One behaviour that was reworded.
struct BehaviourChange {
  std::string before;
  std::string after;
  double similarity = 0;
  std::vector<WordSpan> words;  // DiffWords(before, after)
  friend bool operator==(const BehaviourChange&, const BehaviourChange&) = default;
};

// How one competency differs between two levels. Lists keep the order of the level they come
// from (`removed` of the first, the others of the second).
struct CompetencyDiff {
  std::string competency;  // id (in the second framework when a competency was renamed)
  std::string name;        // display name
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<BehaviourChange> changed;
  std::vector<std::string> unchanged;
  std::optional<TextChange> summary;  // the cell's summary statement
  bool undefined_before = false;      // the cell is undefined (or absent) in the first level
  bool undefined_after = false;
  std::optional<TextChange> note;  // the undefined note

  bool Changed() const;
  friend bool operator==(const CompetencyDiff&, const CompetencyDiff&) = default;
};

// A requirement added (before empty), removed (after empty) or changed (its sentence reworded,
// or its rule). Requirements are matched by sentence, then by similarity.
struct RequirementChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  Kind kind = Kind::kChanged;
  std::string before_text;
  std::string after_text;
  std::string before_rule;  // formats::RuleText: `manual`, `{peer_review: passed}`, ...
  std::string after_rule;
  std::vector<WordSpan> words;  // of the sentence, when changed
  friend bool operator==(const RequirementChange&, const RequirementChange&) = default;
};
const char* RequirementChangeKindName(RequirementChange::Kind kind);  // "added" | ...

// The requirement changes between two lists (levels, overlays, transitions, policy).
std::vector<RequirementChange> DiffRequirements(const std::vector<model::Requirement>& before,
                                                const std::vector<model::Requirement>& after);

// Which level a diff speaks of.
struct LevelRef {
  std::string track;  // track id
  std::string code;
  std::string title;
  int rank = 0;
  std::string Ref() const { return track + "/" + code; }  // "ic/IC3"
  friend bool operator==(const LevelRef&, const LevelRef&) = default;
};

struct LevelDiff {
  LevelRef from;
  LevelRef to;
  std::optional<TextChange> title;
  std::optional<TextChange> summary;
  std::optional<TextChange> state;  // "defined" / "undefined"
  std::optional<TextChange> note;
  std::optional<std::pair<int, int>> rank;
  std::vector<AttributeChange> attributes;
  // Every competency of either level, in the second framework's competency order, then those
  // only the first has; unchanged ones included (Changed() false) so a page can show them all.
  std::vector<CompetencyDiff> competencies;
  std::vector<RequirementChange> requirements;

  bool Changed() const;
  friend bool operator==(const LevelDiff&, const LevelDiff&) = default;
};

// Compares level `from` with level `to` of one framework (they may be in different tracks).
// When the framework is cumulative (or a level `inherits` another), each level's behaviours
// include those it inherits, so comparing IC2 with IC3 lists what IC3 adds, not what IC2 has
// and IC3 does not repeat.
// REQUIRES: both levels belong to `framework`.
LevelDiff DiffLevels(const model::Framework& framework, const model::Track& from_track,
                     const model::Level& from, const model::Track& to_track,
                     const model::Level& to);

// What a level adds to the one before it, for marking a level page.
enum class Mark {
  kInherited,  // included from a lower level (cumulative framework or `inherits`)
  kNew,        // not at the previous level (every behaviour of a track's first level)
  kChanged,    // a rewording of a behaviour of the previous level
  kSame,       // restated verbatim from the previous level
};
const char* MarkName(Mark mark);  // "inherited" | "new" | "changed" | "same"

struct MarkedBehaviour {
  std::string text;
  Mark mark = Mark::kNew;
  std::string from_level;       // kInherited: code of the level it is written at
  std::string previous;         // kChanged: the previous level's wording
  std::vector<WordSpan> words;  // kChanged: DiffWords(previous, text)
  friend bool operator==(const MarkedBehaviour&, const MarkedBehaviour&) = default;
};

struct MarkedCompetency {
  std::string competency;  // id
  bool undefined = false;
  std::string note;
  std::vector<MarkedBehaviour> behaviours;  // inherited first (lowest level first), then own
  std::vector<std::string> dropped;         // at the previous level and no longer expected
  friend bool operator==(const MarkedCompetency&, const MarkedCompetency&) = default;
};

struct LevelNews {
  LevelRef level;
  std::optional<LevelRef> previous;            // none at the first level of a track
  std::vector<MarkedCompetency> competencies;  // in the framework's competency order
  friend bool operator==(const LevelNews&, const LevelNews&) = default;
};

// REQUIRES: `level` belongs to `track` of `framework`.
LevelNews NewAtLevel(const model::Framework& framework, const model::Track& track,
                     const model::Level& level);

// Two versions of a framework.
enum class ChangeKind { kAdded, kRemoved, kChanged, kRenamed };
const char* ChangeKindName(ChangeKind kind);  // "added" | "removed" | "changed" | "renamed"

// A competency added, removed, renamed (its id or its name changed; a new id whose name or
// description matches a removed one is that one renamed) or changed (its description).
struct CompetencyChange {
  ChangeKind kind = ChangeKind::kChanged;
  std::string before_id;
  std::string after_id;
  std::optional<TextChange> name;
  std::optional<TextChange> description;
  friend bool operator==(const CompetencyChange&, const CompetencyChange&) = default;
};

struct LevelChange {
  ChangeKind kind = ChangeKind::kChanged;  // kAdded, kRemoved or kChanged
  std::string track;
  std::string code;
  LevelDiff diff;  // kChanged: what changed (own behaviours, not inherited ones)
  friend bool operator==(const LevelChange&, const LevelChange&) = default;
};

// Anything else with an id that changed: a track's name, a group, an overlay, a transition,
// a note (by title), a role of the catalogue.
struct ItemChange {
  std::string section;  // "track" | "group" | "overlay" | "transition" | "note" | "role"
  std::string id;
  ChangeKind kind = ChangeKind::kChanged;
  std::vector<std::string> fields;              // kChanged: the names of the fields that differ
  std::vector<RequirementChange> requirements;  // overlays and transitions
  friend bool operator==(const ItemChange&, const ItemChange&) = default;
};

// A translation that changed, per language: a language added or removed (`at` ""), or one of its
// translated texts added, removed or changed (its words, or only the fingerprint of the source
// it translates: the translation was checked against a new source).
struct TranslationChange {
  std::string language;
  std::string at;  // the path of the text (model/translation.h); "" for the whole language
  ChangeKind kind = ChangeKind::kChanged;  // kAdded, kRemoved or kChanged
  std::optional<TextChange> text;          // kChanged: the translated text, when it changed
  std::string source_before;               // kChanged: the source fingerprints, when they differ
  std::string source_after;
  friend bool operator==(const TranslationChange&, const TranslationChange&) = default;
};

// The translations' changes from `before` to `after`, by language in the order of `after`
// (removed languages last), texts in document order.
std::vector<TranslationChange> DiffTranslations(const model::Framework& before,
                                                const model::Framework& after);

// What changed in a framework's tracks, competency groups, overlay roles, transitions, notes and
// role profiles from `before` to `after` (part of DiffFrameworks); `renamed` maps competency
// ids of `before` to those of `after`.
std::vector<ItemChange> DiffFrameworkItems(const model::Framework& before,
                                           const model::Framework& after,
                                           const std::map<std::string, std::string>& renamed);

struct FrameworkDiff {
  std::string from_version;
  std::string to_version;
  std::vector<std::pair<std::string, TextChange>> fields;  // name, description, cumulative, ...
  std::vector<CompetencyChange> competencies;
  std::vector<LevelChange> levels;  // in track order of the second version, removed ones last
  std::vector<RequirementChange> policy;
  std::vector<ItemChange> items;
  std::vector<TranslationChange> translations;

  bool Changed() const;
  friend bool operator==(const FrameworkDiff&, const FrameworkDiff&) = default;
};

// What changed from `before` to `after`. Levels are matched by track id and code; expectations
// follow renamed competencies.
FrameworkDiff DiffFrameworks(const model::Framework& before, const model::Framework& after);

}  // namespace ladder::analysis
