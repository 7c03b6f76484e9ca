// Reads role catalogues: one blueprint per role, each a title line followed by a summary
// paragraph and, optionally, sections listing responsibilities, skills, KPIs and the career path.
//
//   Senior Data Engineer: Role Blueprint, Responsibilities, Skills, KPIs, and Career Path
//   The Senior Data Engineer builds and runs the pipelines that ...
//
// Title lines: `<title>: Role Blueprint…`, `<title> — Role Blueprint`, `Role Blueprint: <title>`
// or `TITLE: <title>`, optionally as a Markdown heading (`## …`) and/or in bold. Sections: a
// heading, a bold label or a `Label:` line named Responsibilities, Skills / Qualifications,
// KPIs / Success metrics, or Career path, followed by bullets (`-`, `*`, `•`, `1.`) or lines.
// Other paragraphs of a blueprint are added to its summary.
//
// Each title gives a RoleProfile whose family and seniority come from the title
// (formats::ParseRoleTitle): "Staff Payment Systems Engineer" is family "Payment Systems
// Engineer", seniority "Staff". Roles are ordered by family (first appearance) and seniority,
// so each family reads as a seniority ladder. The words a title line adds after the title
// ("Role Blueprint, Responsibilities, …") are kept once as a note. ReadMany merges several
// catalogues into one. Stateless, thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

struct RoleTitle {
  std::string family;     // the title without its seniority
  std::string seniority;  // canonical spelling ("Senior" for "Sr."), "" when none
  int rank = 30;          // order of the seniority within a family (see SeniorityRank)
};

// Splits a role title into family and seniority. Recognised: leading Intern, Entry-level,
// Associate, Junior/Jr, Mid-level, Senior/Sr, Lead, Staff, Senior Staff, Principal, Senior
// Principal, Distinguished, Fellow, Chief, Head of, Director (of), Senior Director, VP / Vice
// President (of); trailing Intern, Roman numerals (I..X), level numbers ("Engineer 2",
// "Engineer L3", "Engineer Level 3").
RoleTitle ParseRoleTitle(std::string_view title);

// Orders seniorities: Intern < Entry-level < Associate < Junior < (none) = Mid-level < Senior <
// Lead < Staff < Senior Staff < Principal < Senior Principal < Distinguished < Fellow; management
// Head of < Director < Senior Director < VP < Chief above them. Numbered seniorities rank by
// their number around "none".
int SeniorityRank(std::string_view seniority);

std::unique_ptr<Reader> MakeRoleCatalogReader();

}  // namespace ladder::formats
