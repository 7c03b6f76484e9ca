// A job description for a level of a framework, joined with the role profile of a catalogue
// when there is one (docs/outputs.md). It is built, not written: every line comes from the
// framework, so a job advert says what the framework says.
//
//   purpose           the role's summary (when joined), the level's summary
//   responsibilities  per competency, the level's behaviours, including those it inherits when
//                     the framework is cumulative (or the level `inherits` another); then the
//                     role's own responsibilities
//   requirements      the level's attributes (years of experience first), its requirement
//                     sentences, the role's skills
//   success           the role's KPIs, the level's cell summaries, and what sets the level
//                     apart from the one below it (behaviours new or reworded at this level,
//                     unless all of them are)
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::analysis {

// A heading and its items (inline Markdown).
struct JdGroup {
  std::string heading;  // a competency's name, or "As <role title>" for the role profile's own
  std::vector<std::string> items;
  friend bool operator==(const JdGroup&, const JdGroup&) = default;
};

struct JobDescription {
  std::string framework_id, framework_name, version;
  std::string track_id, track_name;
  std::string level_code, level_title;
  std::string role_id;  // the role profile joined, "" when none
  std::string role_title, family, seniority;
  std::string title;  // the role's title when joined, else the level's title (or code)
  std::vector<std::string> purpose;                             // paragraphs
  std::vector<JdGroup> responsibilities;                        // by competency, then the role's
  std::vector<std::pair<std::string, std::string>> attributes;  // ("Years of experience", "4+")
  std::vector<std::string> requirements;                        // sentences, then role skills
  std::vector<std::string> success;
  std::string next_level;  // the title of the level after it in its track, "" at the top
  friend bool operator==(const JobDescription&, const JobDescription&) = default;
};

// The job description of level `level` (a level reference, analysis/level_ref.h) of
// `framework`. `role` names a role profile by id or title (case-insensitive) among the
// framework's roles, then `catalogue` (roles of other frameworks); "" joins the role whose title
// is the level's title, if one has it. Errors: kNotFound for an unknown level or role (the
// message lists the roles).
Result<JobDescription> BuildJobDescription(
    const model::Framework& framework, std::string_view level, std::string_view role = {},
    const std::vector<const model::RoleProfile*>& catalogue = {});

}  // namespace ladder::analysis
