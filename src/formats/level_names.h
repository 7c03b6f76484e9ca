// What names a level in a document, shared by every reader of levels: table cells, headings,
// page titles and list items.
//
//   "IC2 Senior"                 -> {code IC2, title Senior}
//   "Engineer II (IC 3a)"        -> {code IC3a, title Engineer II}       (sub-level 3a kept)
//   "Level Two: Practitioner"    -> {code L2, title Practitioner}
//   "IC 1: An individual new to the field ... (Entry Level)"
//                                -> {code IC1, title Entry Level, summary "An individual ..."}
//   "2ⁿ (Level 0)"               -> {code L0, title Level 0}
//   "1B", under a Level corner   -> {code L1B}
//   "Senior Engineer (0-2 years)"-> {title Senior Engineer, years "0-2"}
//
// Pure functions, thread-safe. Regular expressions only ever see short strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/framework.h"

namespace ladder::formats::level_table {

// True when `text` names a level: "Level 2", "Level One", "L3", "IC2", "E5 - Senior", "Junior",
// "New Grad", "Staff Engineer", "Engineer II", "Software Engineer 3", "Data Engineer I (P1)",
// or a long header cell that opens with a code ("IC 1: An individual new to ...").
bool LooksLikeLevel(std::string_view text);

// True for a bare level number ("3", "III", "three") or sub-level ("1A", "2b"): a level only
// under a Level/Grade header.
bool IsBareLevelNumber(std::string_view text);

// True when `text` reads like the name of a role or level in a list of them (a cell of an
// overview table, a list item): a code ("D1", "TL4"), or at most six mostly capitalised words
// without sentence punctuation that name a seniority or a role ("Staff Engineer",
// "Software/Platform/Data Engineer 1", "Technical Lead Manager"). Phrases ("Expert in domain,
// sets standards") are not.
bool LooksLikeLevelName(std::string_view text);

struct LevelName {
  std::string code;     // "IC2", "L3", "P1" (from "Data Engineer I (P1)"), or the slug of the name
  std::string title;    // the words beside the code, or the whole name
  std::string prefix;   // letters of a code ("IC"), "" otherwise
  std::string summary;  // what a long name says beyond code and title ("An individual new ...")
  std::string years;    // "0-2" from a "(0-2 years)" qualifier, "" otherwise
};
// "IC2 Senior" -> {IC2, Senior}; "Level Two" -> {L2}; "Data Engineer I (P1)" and
// "Data Engineer I - P1" -> {P1, Data Engineer I}; "3" -> {L3}; "Engineer" -> {engineer}.
// Leading decoration (emoji, bullets) is dropped.
LevelName ParseLevelName(std::string_view text);

// The letters of a level code ("IC" of IC3, "M" of M2), "" when `code` is no letters+digits code.
std::string CodePrefix(std::string_view code);
// The number of a level code ("3" of IC3, "1" of L1B) as an int, or nullopt.
std::optional<int> CodeNumber(std::string_view code);

// Levels listed out of the order of their codes (senior first: L3, L2, L1; sub-levels 2B, 2A,
// 1B, 1A) put in that order, when every code has a number and one prefix and the (number,
// sub-level letter) keys are distinct: returns true when it moved a level. Ranks are left to
// the caller.
bool OrderByCodes(std::vector<model::Level>& levels);

// True when a cell says its content is not defined ("Not currently defined", "TBD", "We haven't
// yet finalized the description of this level", ...).
bool IsUndefinedText(std::string_view text);

// "Senior Engineer (0-2 years)" -> {"Senior Engineer", "0-2"}; {text, ""} without years.
std::pair<std::string, std::string> SplitYears(std::string_view text);

// `text` with leading emoji, bullets and other decoration removed.
std::string_view StripDecoration(std::string_view text);

}  // namespace ladder::formats::level_table
