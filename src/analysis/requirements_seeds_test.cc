// Requirement recognition on the sentences of the seed documents (read from LADDER_SEEDS_DIR,
// never copied): the checkpoints of 000 and the promotion prose of 001 and 003. The seed 004
// requirements are checked through its reader in plain_text_rules_test.cc.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/requirements.h"
#include "base/text.h"

namespace ladder::analysis {
namespace {

namespace fs = std::filesystem;

std::string ReadSeed(std::string_view prefix) {
  for (const fs::directory_entry& e : fs::directory_iterator(LADDER_SEEDS_DIR)) {
    if (e.path().filename().string().starts_with(prefix)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  ADD_FAILURE() << "no seed " << prefix << " in " << LADDER_SEEDS_DIR;
  return "";
}

// The "- " list items after a heading, up to the next "### " heading.
std::vector<std::string> ListItemsAfter(const std::string& doc, std::string_view heading) {
  std::vector<std::string> items;
  bool in_section = false;
  for (const std::string& line : text::SplitLines(doc)) {
    if (line.starts_with("###")) in_section = line.find(heading) != std::string::npos;
    if (in_section && line.starts_with("- ")) items.push_back(line.substr(2));
  }
  return items;
}

// Prose sections ("## Title" + paragraphs) before the first table, as notes.
std::vector<model::Note> ProseNotes(const std::string& doc) {
  std::vector<model::Note> notes;
  for (const std::string& line : text::SplitLines(doc)) {
    if (line.starts_with("<")) break;
    if (line.starts_with("#")) {
      notes.push_back(
          model::Note{std::string(text::Trim(line.substr(line.find(' ') + 1))), "", {}});
    } else if (!notes.empty()) {
      notes.back().markdown += line + "\n";
    }
  }
  return notes;
}

TEST(RequirementSeeds, Seed000Checkpoints) {
  const std::vector<std::string> items =
      ListItemsAfter(ReadSeed("000_"), "Checkpoints for reaching this level");
  // Three levels: 4 + 4 + 7 checkpoints, in the order of the page.
  ASSERT_EQ(items.size(), 15u);
  using model::EvidenceCount;
  using model::ManualRule;
  using model::Rule;
  using model::TimeInRole;
  const std::vector<Rule> expected = {
      // Sr Software Engineer 1: leading code reviews for the team for 12+ months is time in
      // the role of leading them, named from the activity.
      TimeInRole{"code-review-lead", 12}, EvidenceCount{"planning", 2, 0},
      EvidenceCount{"talk", 1, 0}, EvidenceCount{"doc", 1, 0},
      // Sr Software Engineer 2
      TimeInRole{"tech-lead", 12}, EvidenceCount{"planning", 3, 0}, EvidenceCount{"talk", 3, 0},
      EvidenceCount{"doc", 5, 0},
      // Sr Software Engineer 3: epics and initiatives are kinds of their own; "led the
      // discussion ... of a plan" has no count: manual; "supported the growth of" is mentoring.
      TimeInRole{"tech-lead", 24}, EvidenceCount{"epic", 3, 0}, EvidenceCount{"initiative", 1, 0},
      ManualRule{}, EvidenceCount{"talk", 3, 0}, EvidenceCount{"doc", 5, 0},
      EvidenceCount{"mentoring", 1, 0}};
  for (size_t i = 0; i < items.size(); ++i)
    EXPECT_EQ(RecognizeRule(items[i]), expected[i]) << "checkpoint " << i << ": " << items[i];
}

TEST(RequirementSeeds, Seed001PromotionRuleBecomesPolicy) {
  model::Framework fw;
  fw.notes = ProseNotes(ReadSeed("001_"));
  ASSERT_GE(fw.notes.size(), 4u);
  RecognizeRequirements(fw);
  // "at least 12 months of consistent high performance at your current level, and at least 3
  // months performing consistently at the next level, in all three of the categories": one
  // policy requirement per clause. Nothing else in the prose is a promotion rule (the "at
  // least ~6 months" definition of "consistently" is approximate and stays prose).
  ASSERT_EQ(fw.policy.size(), 2u);
  EXPECT_EQ(fw.policy[0].rule, model::Rule(model::ConsistentPerformance{"", 12}));
  EXPECT_TRUE(fw.policy[0].text.ends_with(
      "at least 12 months of consistent high performance at your current level"))
      << fw.policy[0].text;
  EXPECT_EQ(fw.policy[1].rule, model::Rule(model::PerformingAtNext{3, true}));
  EXPECT_TRUE(fw.policy[1].text.starts_with("at least 3 months performing consistently"))
      << fw.policy[1].text;
  EXPECT_TRUE(fw.policy[1].text.ends_with("in all three of the categories")) << fw.policy[1].text;
}

TEST(RequirementSeeds, Seed003HasNoPromotionRuleInItsProse) {
  model::Framework fw;
  fw.notes = ProseNotes(ReadSeed("003_"));
  ASSERT_GE(fw.notes.size(), 5u);
  RecognizeRequirements(fw);
  // 003 links to its promotion guidance instead of stating it.
  EXPECT_TRUE(fw.policy.empty()) << fw.policy[0].text;
}

}  // namespace
}  // namespace ladder::analysis
