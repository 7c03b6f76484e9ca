#include "formats/prose_sections.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ladder::formats::prose {
namespace {

model::Framework Apply(const std::string& markdown) {
  std::vector<Section> sections = SplitSections(md::ParseBlocks(markdown), markdown, 1);
  model::Framework fw;
  model::Track ic;
  ic.id = "ic";
  ic.kind = model::TrackKind::kIc;
  fw.tracks.push_back(ic);
  ApplySections(sections, "team.md", "ic", fw);
  return fw;
}

std::vector<std::string> Texts(const std::vector<model::Requirement>& list) {
  std::vector<std::string> out;
  for (const model::Requirement& r : list) out.push_back(r.text);
  return out;
}

TEST(ProseSections, OverlaySentencesAboutBecomingTheRoleAreRequirements) {
  model::Framework fw = Apply(
      "## Team Leads\n"
      "\n"
      "Team Leads are designated senior ICs chosen by the support director. They run the "
      "weekly sync.\n"
      "\n"
      "Team leads need to have 1 year at IC3. Leads keep their IC scope small.\n"
      "\n"
      "- **Mentor**: coaches engineers and ensures all required hours are covered.\n");
  ASSERT_EQ(fw.overlays.size(), 1u);
  const model::OverlayRole& lead = fw.overlays[0];
  EXPECT_EQ(Texts(lead.requirements),
            (std::vector<std::string>{
                "Team Leads are designated senior ICs chosen by the support director.",
                "Team leads need to have 1 year at IC3."}));
  for (const model::Requirement& r : lead.requirements) {
    EXPECT_EQ(r.rule, model::Rule(model::ManualRule{}));  // typed later, by analysis/
    EXPECT_EQ(r.origin.where.file, "team.md");
  }
  EXPECT_EQ(lead.requirements[0].origin.where.line, 3);
  EXPECT_EQ(lead.requirements[1].origin.where.line, 5);
  // Duties stay duties, even when they use a word like "required"; nothing leaves the note.
  ASSERT_EQ(lead.duties.size(), 1u);
  ASSERT_EQ(fw.notes.size(), 1u);
  EXPECT_NE(fw.notes[0].markdown.find("They run the weekly sync."), std::string::npos);
}

TEST(ProseSections, OverlayWithoutRequirementSentencesHasNone) {
  // Never invent a checkpoint: the prose only says what team leads do.
  model::Framework fw = Apply(
      "## Tech leads\n"
      "\n"
      "A tech lead guides one project at a time.\n"
      "\n"
      "- Runs the project kickoff.\n");
  ASSERT_EQ(fw.overlays.size(), 1u);
  EXPECT_TRUE(fw.overlays[0].requirements.empty());
  EXPECT_EQ(fw.overlays[0].description, "A tech lead guides one project at a time.");
}

TEST(ProseSections, RequirementsSubsectionOfAnOverlay) {
  model::Framework fw = Apply(
      "## Team leads\n"
      "\n"
      "Team leads run the rota.\n"
      "\n"
      "### Requirements\n"
      "\n"
      "To become a team lead you need:\n"
      "\n"
      "- 1 year at IC3\n"
      "- Approved by the support director\n"
      "\n"
      "### Becoming a manager\n"
      "\n"
      "Managers are hired when there is a documented need.\n"
      "\n"
      "## Requirements for everyone\n"
      "\n"
      "- Follow the handbook\n");
  ASSERT_EQ(fw.overlays.size(), 1u);
  // The sub-section's items; its lead-in ending in ':' is not a requirement of its own.
  EXPECT_EQ(Texts(fw.overlays[0].requirements),
            (std::vector<std::string>{"1 year at IC3", "Approved by the support director"}));
  // "Becoming a manager" under the team-lead section is a transition, not the overlay's; a
  // section at the overlay's own heading level ends it.
  ASSERT_EQ(fw.transitions.size(), 1u);
  EXPECT_EQ(fw.transitions[0].to, "management");
  // Every section stays a note.
  EXPECT_EQ(fw.notes.size(), 4u);
}

TEST(ProseSections, StatementsThatLevelsAreCumulative) {
  for (const char* yes :
       {"Each level includes everything below it.", "Our levels are cumulative.",
        "Every grade builds on the ones before it, so we list only what is new.",
        "At each step you do this in addition to the expectations of the previous level.",
        "The expectations of lower levels still apply.",
        "Read the table top down. Expectations are cumulative: a senior does all of it."}) {
    EXPECT_TRUE(StatesCumulative(yes)) << yes;
  }
  for (const char* no :
       {"Levels are not cumulative: each lists everything expected.",
        "Each level has its own expectations.", "Builds on the previous sprint's work.",
        "Cumulative impact matters more than output.", ""}) {
    EXPECT_FALSE(StatesCumulative(no)) << no;
  }
}

TEST(ProseSections, CumulativeStatementSetsTheFramework) {
  EXPECT_TRUE(
      Apply("## How to read this\n\nEach level includes everything below it.\n").cumulative);
  EXPECT_FALSE(Apply("## How to read this\n\nEach level stands alone.\n").cumulative);
}

}  // namespace
}  // namespace ladder::formats::prose
