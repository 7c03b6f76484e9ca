// The prose around a table of levels, turned into framework content (shared by the
// levels-table and html-table readers). Nothing is dropped: every section becomes a Note
// (title = heading, markdown = the section's source); some also say more:
//
//   ## Team Leads                    -> OverlayRole team-lead: description, duties from the
//   **Mentor**: Coaches the team.       bold-labelled paragraphs and list items; requirements
//   Leads are designated senior ICs.    from the sentences about becoming one (designated,
//   ### Requirements                    appointed, requires, at least, a time, a documented
//   - 1 year at IC3                     need) and from the items of a "Requirements" or
//                                       "Eligibility" sub-section (ManualRule; analysis/
//                                       recognises rules). Duties are never requirements.
//   ## Moving to management          -> Transition ic -> management, one requirement per
//   Candidates interview first.         sentence (ManualRule; analysis/ recognises rules);
//                                       an empty management track is added when missing
//   ### Leadership                   -> CompetencyGroup when its "- Name: description" items
//   - Outcomes: What we achieve.        name competencies of the table (descriptions filled)
//
//   # Axes                           -> competencies, when the tables gave none: a section
//   * **Technology**: the stack.        named like a list of competencies (competencies, axes,
//                                       dimensions, pillars, skills) whose items name them
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/markdown_blocks.h"
#include "model/framework.h"

namespace ladder::formats::prose {

struct Section {
  std::string title;              // heading text; "" for prose before the first heading
  int level = 0;                  // heading level (0 for the leading prose)
  int line = 0;                   // line of the heading (or of the first block)
  std::vector<md::Block> blocks;  // the blocks after the heading, up to the next heading
  std::string markdown;           // the section's Markdown source (without its heading)
};

// Splits Markdown blocks into sections at every heading. `source` (optional) is the Markdown
// the blocks were parsed from, starting at line `first_line`: section markdown is cut from it;
// without it, markdown is rebuilt from the blocks.
std::vector<Section> SplitSections(const std::vector<md::Block>& blocks, std::string_view source,
                                   int first_line);

// Splits prose into sentences ("Read this. Then that." -> 2), keeping Markdown links whole.
std::vector<std::string> SplitSentences(std::string_view markdown);

// The competencies a section lists: its title names a list of them ("Competencies", "Axes",
// "Dimensions", "Skills", "Pillars", "Core areas") and at least two of its items name one
// ("- **Technology**: knowledge of the stack", "- Ownership: ...", or short names alone).
// Empty for any other section.
std::vector<model::Competency> ListedCompetencies(const Section& section, std::string_view file);

// Whether `markdown` says that each level includes the ones below it ("Levels are cumulative",
// "Each level includes everything below it", "in addition to the previous level's
// expectations"); a negated statement ("are not cumulative") does not count.
bool StatesCumulative(std::string_view markdown);

// Adds notes, overlay roles, transitions, competency descriptions and groups to `framework`
// from `sections`, and sets `cumulative` when a section states it (StatesCumulative). A section
// opening with the framework's description keeps only the rest as its note. `ic_track` is
// the id of the individual-contributor track (the `from` of a transition to management).
void ApplySections(const std::vector<Section>& sections, std::string_view file,
                   std::string_view ic_track, model::Framework& framework);

}  // namespace ladder::formats::prose
