// Lint: checks a framework for what makes it hard to read or to run promotions on, beyond the
// hard invariants of model/validate.h (which lint reports too, as errors).
//
//   for (const Finding& f : Lint(framework))
//     std::cout << f.location.ToString() << ": " << SeverityName(f.severity) << ": " << f.code
//               << ": " << f.message << "\n";
//
// Rules, by stable code (docs/lint.md describes each with an example):
//   error   invalid-rank          level ranks not strictly increasing within a track
//   error   dangling-reference    a reference to a competency, track or level that does not exist
//   error   duplicate-id          two competencies, groups, tracks, overlays, roles or levels of a
//                                 track share an id
//   error   invalid-framework     any other broken invariant of model::ValidateFramework
//   error   empty-requirement     a requirement without its sentence
//   warning missing-expectation   a defined level with no expectation (or an empty one) for a
//                                 competency of its framework
//   warning duplicate-behaviour   the same behaviour twice in one level
//   warning repeated-behaviour    a behaviour of a cumulative framework (or of a level that
//                                 `inherits` another) repeated verbatim from a lower level
//   warning empty-level           a defined level with no summary, attributes or expectations
//   warning placeholder-text      "TBD", "N/A", "Not defined", ... written as a behaviour or a
//                                 summary instead of marking the cell or level undefined
//   warning notes-heavy           the notes (and description) hold more than 30% of the
//                                 framework's words: levels or competencies kept as prose?
//   warning stale-translation     a translated text whose source changed after it was translated
//                                 (its fingerprint differs); pages show the source instead
//   warning orphan-translation    a translated text whose path names no text of the framework
//   info    untranslated          a text without a translation in one of the framework's
//                                 translations (pages show it in the source language)
//   info    recognizable-rule     a `manual` requirement whose sentence states a typed rule
//                                 (analysis/requirements.h) that the eligibility engine could
//                                 check
// Texts are compared after collapsing white space; case matters except for placeholders.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::analysis {

enum class Severity { kError, kWarning, kInfo };

// "error" | "warning" | "info".
const char* SeverityName(Severity severity);

struct Finding {
  std::string code;  // stable rule id, e.g. "missing-expectation"
  Severity severity = Severity::kWarning;
  SourceLocation location;  // from the Origin of the offending value; may be unknown
  std::string message;      // names the track, level, competency and text concerned
  friend bool operator==(const Finding&, const Finding&) = default;
};

// Every finding, ordered by location when locations are known (a framework read from a file),
// otherwise in the order checked: invariants, then tracks, levels and what lies inside them.
// Empty when the framework is clean.
std::vector<Finding> Lint(const model::Framework& framework);

// The finding for a document that could not be read at all (severity error, the error's
// location): code "unreadable-file" (missing, a directory, unreadable, over the size limit),
// "invalid-syntax" (not YAML or JSON, not UTF-8, empty) or "invalid-document" (an unknown key,
// a wrong type, a missing value such as a requirement without a rule); the message names the
// field when the error does.
Finding FindingFromReadError(const Error& error);

// True when any finding is an error or a warning (what makes `ladder lint` exit 1).
bool HasProblems(const std::vector<Finding>& findings);

// True when `text` is placeholder text ("TBD", "WIP", "N/A", "Not currently defined",
// "Not defined", "-", "(varies)", ...), ignoring case, surrounding space and final punctuation.
bool IsPlaceholderText(std::string_view text);

}  // namespace ladder::analysis
