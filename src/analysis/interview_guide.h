// An interview guide for a level of a framework, printable as a scorecard (docs/outputs.md).
// Per competency:
//  - what to probe: the behaviours new or reworded at this level (NewAtLevel, diff.h): what
//    tells a candidate for this level from one for the level below;
//  - example questions, one per behaviour to probe (at most kMaxQuestions), made from its
//    words (InterviewQuestion): a behaviour that opens with a verb in the third person
//    ("Leads incident response for their area") becomes "Tell us about a time you had to lead
//    incident response for your area. What did you do, and what was the outcome?"; one whose
//    verb states a capacity (is, has, knows, understands, ...) becomes "Walk us through an
//    example from your work that shows you know ..."; any other is quoted: "Where in your
//    recent work have you shown this: “…”? Walk us through it.";
//  - a rubric of three anchors from the cumulative resolution of the track: what the level
//    below adds (the anchor "below"), what this level adds ("at"), what the level above adds
//    ("above"); at the first or last level of a track the missing anchor says so.
// Competencies the level leaves undefined are listed with their note and no questions.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::analysis {

inline constexpr size_t kMaxQuestions = 4;

struct RubricAnchor {
  std::string level_code;               // "" when there is no such level
  std::string level_title;              // the level's title, or its code
  std::vector<std::string> behaviours;  // what that level adds in the competency
  std::string note;  // why there is nothing: "no level below", "not defined at E5: …"
  friend bool operator==(const RubricAnchor&, const RubricAnchor&) = default;
};

struct GuideQuestion {
  std::string question;
  std::string behaviour;  // the behaviour it probes
  friend bool operator==(const GuideQuestion&, const GuideQuestion&) = default;
};

struct GuideCompetency {
  std::string id, name, description;
  bool undefined = false;  // not defined at this level
  std::string note;
  std::vector<std::string> probe;
  std::vector<GuideQuestion> questions;
  RubricAnchor below, at, above;
  friend bool operator==(const GuideCompetency&, const GuideCompetency&) = default;
};

struct InterviewGuide {
  std::string framework_id, framework_name, version;
  std::string track_id, track_name;
  std::string level_code, level_title, summary;
  bool cumulative = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // ("Years of experience", ...)
  std::vector<GuideCompetency> competencies;                    // in the framework's order
  friend bool operator==(const InterviewGuide&, const InterviewGuide&) = default;
};

// The guide for `level` (a level reference, level_ref.h). Errors: kNotFound for an unknown
// level.
Result<InterviewGuide> BuildInterviewGuide(const model::Framework& framework,
                                           std::string_view level);

// The question made from one behaviour (inline Markdown; links and emphasis are dropped).
std::string InterviewQuestion(std::string_view behaviour);

}  // namespace ladder::analysis
