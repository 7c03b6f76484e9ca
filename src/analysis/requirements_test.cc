#include "analysis/requirements.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "base/text.h"
#include "formats/canonical.h"
#include "formats/import.h"
#include "formats/rule_text.h"

namespace ladder::analysis {
namespace {

// The rule an expected value of the data file stands for (the canonical shape, as JSON), read
// by the canonical JSON reader; compared as RuleText, which writes each rule one way.
std::string ExpectedRule(const std::string& json) {
  const std::string doc = R"({"ladder": 1, "framework": {"id": "t"}, "policy": [{"text": "t", )"
                          R"("rule": )" +
                          json + "}]}";
  Result<model::Framework> f = formats::ParseJson(doc, "requirements.tsv");
  if (!f) return "unreadable: " + f.error().ToString();
  return formats::RuleText(f->policy.at(0).rule);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RecognizeRule, DataFile) {
  const std::string path =
      std::string(LADDER_SOURCE_DIR) + "/src/analysis/testdata/requirements.tsv";
  const std::string data = ReadFile(path);
  ASSERT_FALSE(data.empty()) << path;
  int cases = 0;
  int line_no = 0;
  std::set<std::string> kinds;
  for (const std::string& line : text::SplitLines(data)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << path << ":" << line_no << ": no tab";
    const std::string sentence = line.substr(0, tab);
    const std::string expected = ExpectedRule(line.substr(tab + 1));
    const model::Rule rule = RecognizeRule(sentence);
    EXPECT_EQ(formats::RuleText(rule), expected)
        << path << ":" << line_no << ": \"" << sentence << "\"";
    kinds.insert(model::RuleKindName(rule));
    ++cases;
  }
  EXPECT_GE(cases, 80);
  EXPECT_EQ(kinds.size(), 11u) << "every rule kind has cases";
}

TEST(SplitRequirements, IndependentRequirementsAtCommasAndSemicolons) {
  EXPECT_EQ(SplitRequirements("1 year at Level 1, SME in at least two core skillsets, successful "
                              "peer review"),
            (std::vector<std::string>{"1 year at Level 1", "SME in at least two core skillsets",
                                      "successful peer review"}));
  EXPECT_EQ(SplitRequirements("Documented need for role; 2 years at Level 2; and approved by "
                              "leadership."),
            (std::vector<std::string>{"Documented need for role", "2 years at Level 2",
                                      "approved by leadership"}));
}

TEST(SplitRequirements, AndBetweenRules) {
  EXPECT_EQ(SplitRequirements("1 year at Level 1 and a successful peer review"),
            (std::vector<std::string>{"1 year at Level 1", "a successful peer review"}));
  EXPECT_EQ(SplitRequirements("Presented 2 talks and wrote 3 design docs"),
            (std::vector<std::string>{"Presented 2 talks", "wrote 3 design docs"}));
  // "and" inside one requirement keeps it whole.
  EXPECT_EQ(SplitRequirements("SME in automation processes and tools"),
            (std::vector<std::string>{"SME in automation processes and tools"}));
  EXPECT_EQ(SplitRequirements("SME in Linux and networking"),
            (std::vector<std::string>{"SME in Linux and networking"}));
  EXPECT_EQ(SplitRequirements("Interest and expertise in technical troubleshooting"),
            (std::vector<std::string>{"Interest and expertise in technical troubleshooting"}));
}

TEST(SplitRequirements, BulletsAndLines) {
  EXPECT_EQ(SplitRequirements("\xE2\x80\xA2 1 year at Level 1 \xE2\x80\xA2 Successful peer review"),
            (std::vector<std::string>{"1 year at Level 1", "Successful peer review"}));
  EXPECT_EQ(SplitRequirements("- Presented 3+ times\r\n- Wrote two design docs\n\n"),
            (std::vector<std::string>{"Presented 3+ times", "Wrote two design docs"}));
}

TEST(SplitRequirements, KeepsOneRequirementTogether) {
  // A qualifier after a comma belongs to the rule before it.
  EXPECT_EQ(SplitRequirements("at least 3 months performing consistently at the next level, in "
                              "all categories"),
            (std::vector<std::string>{"at least 3 months performing consistently at the next "
                                      "level, in all categories"}));
  // A condition before a comma and an OR alternative: one manual requirement.
  const std::string alt =
      "If coming in from IC path, documented success in peer onboarding/coaching OR past "
      "experience in people management";
  EXPECT_EQ(SplitRequirements(alt), (std::vector<std::string>{alt}));
  // A condition that would be lost by splitting keeps the whole sentence.
  EXPECT_EQ(SplitRequirements("2 years at Level 2, unless waived by leadership"),
            (std::vector<std::string>{"2 years at Level 2, unless waived by leadership"}));
  // Commas inside parentheses never split.
  EXPECT_EQ(SplitRequirements("SME in two skillsets (networking, storage)"),
            (std::vector<std::string>{"SME in two skillsets (networking, storage)"}));
}

TEST(SplitRequirements, LongTextsStayLinear) {
  std::string text = "1 year at Level 1";
  for (int i = 0; i < 50000; ++i) text += ", and a strong sense of ownership";
  std::vector<std::string> parts = SplitRequirements(text);
  ASSERT_EQ(parts.size(), 1u);  // the qualifiers break the rule: one manual requirement
  EXPECT_EQ(RecognizeRule(parts[0]), model::Rule(model::ManualRule{}));
}

TEST(SplitRequirements, NeverDropsText) {
  EXPECT_EQ(SplitRequirements("A strong sense of ownership"),
            (std::vector<std::string>{"A strong sense of ownership"}));
  EXPECT_TRUE(SplitRequirements("   ").empty());
}

model::Level MakeLevel(std::string code, int rank, std::string title,
                       std::vector<std::string> requirements = {}) {
  model::Level level;
  level.code = std::move(code);
  level.rank = rank;
  level.title = std::move(title);
  for (std::string& r : requirements)
    level.requirements.push_back({std::move(r), model::ManualRule{}, {}});
  return level;
}

model::Track MakeTrack(std::string id, model::TrackKind kind, std::vector<model::Level> levels) {
  model::Track track;
  track.id = id;
  track.name = id;
  track.kind = kind;
  track.levels = std::move(levels);
  return track;
}

model::Framework SmallFramework() {
  model::Framework fw;
  fw.id = "support";
  fw.tracks.push_back(
      MakeTrack("core", model::TrackKind::kCore, {MakeLevel("analyst", 1, "Support Analyst")}));
  fw.tracks.push_back(
      MakeTrack("ic", model::TrackKind::kIc,
                {MakeLevel("senior", 2, "Senior Analyst",
                           {"1 year at Level 1, SME in two skillsets", "Successful peer review",
                            "A strong sense of ownership"}),
                 MakeLevel("staff", 3, "Staff Analyst",
                           {"18 months as Senior Analyst", "18 months as Principal Analyst",
                            "2 years at Level 9"})}));
  fw.notes.push_back(model::Note{
      "When are promotions made?",
      "Promotions happen once you have had at least 12 months of consistent high performance "
      "at your current level, and at least 3 months performing consistently at the next "
      "level, in all categories. We present 3+ talks a year as a team.\n\n"
      "In order to be promoted, a candidate must undergo a peer review process.",
      {}});
  return fw;
}

TEST(RecognizeRequirements, LevelsSplitAndResolved) {
  model::Framework fw = SmallFramework();
  RecognizeRequirements(fw);
  const auto& senior = fw.tracks[1].levels[0].requirements;
  ASSERT_EQ(senior.size(), 4u);
  EXPECT_EQ(senior[0].text, "1 year at Level 1");
  EXPECT_EQ(senior[0].rule, model::Rule(model::TimeAtLevel{"1", 12}));
  EXPECT_EQ(senior[1].text, "SME in two skillsets");
  EXPECT_EQ(senior[1].rule, model::Rule(model::SmeSkillsets{2, ""}));
  EXPECT_EQ(senior[2].rule, model::Rule(model::PeerReviewPassed{}));
  EXPECT_EQ(senior[3].rule, model::Rule(model::ManualRule{}));
  const auto& staff = fw.tracks[1].levels[1].requirements;
  ASSERT_EQ(staff.size(), 3u);
  // A title resolves to the level's code; a title or rank the framework lacks stays manual.
  EXPECT_EQ(staff[0].rule, model::Rule(model::TimeAtLevel{"senior", 18}));
  EXPECT_EQ(staff[1].rule, model::Rule(model::ManualRule{}));
  EXPECT_EQ(staff[2].rule, model::Rule(model::ManualRule{}));
}

TEST(RecognizeRequirements, PolicyFromNotesOneRequirementPerClause) {
  model::Framework fw = SmallFramework();
  RecognizeRequirements(fw);
  ASSERT_EQ(fw.policy.size(), 3u);
  EXPECT_EQ(fw.policy[0].text,
            "Promotions happen once you have had at least 12 months of consistent high "
            "performance at your current level");
  EXPECT_EQ(fw.policy[0].rule, model::Rule(model::ConsistentPerformance{"", 12}));
  EXPECT_EQ(fw.policy[1].text,
            "at least 3 months performing consistently at the next level, in all categories");
  EXPECT_EQ(fw.policy[1].rule, model::Rule(model::PerformingAtNext{3, true}));
  EXPECT_EQ(fw.policy[2].rule, model::Rule(model::PeerReviewPassed{}));
  // The notes are kept whole.
  EXPECT_EQ(fw.notes.size(), 1u);
}

TEST(SplitRequirements, PreambleStaysOnTheFirstPart) {
  EXPECT_EQ(SplitRequirements("Promotions require 12 months at your current level and a "
                              "successful peer review"),
            (std::vector<std::string>{"Promotions require 12 months at your current level",
                                      "a successful peer review"}));
  EXPECT_EQ(SplitRequirements("You need at least 6 months performing consistently at the next "
                              "level, plus 1 year at your current level"),
            (std::vector<std::string>{"You need at least 6 months performing consistently at "
                                      "the next level",
                                      "1 year at your current level"}));
}

// A framework with a management track, a team-lead overlay and prose notes about who is
// approved and when a documented need is required.
model::Framework NeedsFramework() {
  model::Framework fw = SmallFramework();
  fw.notes.clear();
  fw.tracks.push_back(
      MakeTrack("management", model::TrackKind::kManagement,
                {MakeLevel("lead", 2, "Support Lead"),
                 MakeLevel("manager", 3, "Support Manager", {"Documented need for role"})}));
  model::OverlayRole overlay;
  overlay.id = "team-lead";
  overlay.name = "Team Lead";
  fw.overlays.push_back(overlay);
  return fw;
}

const model::Requirement* FindNeed(const std::vector<model::Requirement>& list) {
  for (const model::Requirement& r : list)
    if (std::holds_alternative<model::DocumentedNeed>(r.rule)) return &r;
  return nullptr;
}

TEST(RecognizeRequirements, CompoundPolicySentenceBecomesTwoRules) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back({"Promotions",
                      "Promotions require 12 months at your current level and a successful "
                      "peer review. Promotions are approved by the VP of Engineering.",
                      {}});
  RecognizeRequirements(fw);
  ASSERT_EQ(fw.policy.size(), 3u);
  EXPECT_EQ(fw.policy[0].text, "Promotions require 12 months at your current level");
  EXPECT_EQ(fw.policy[0].rule, model::Rule(model::TimeAtLevel{"", 12}));
  EXPECT_EQ(fw.policy[1].text, "a successful peer review");
  EXPECT_EQ(fw.policy[1].rule, model::Rule(model::PeerReviewPassed{}));
  EXPECT_EQ(fw.policy[2].text, "Promotions are approved by the VP of Engineering");
  EXPECT_EQ(fw.policy[2].rule, model::Rule(model::Approval{"vp-of-engineering"}));
}

TEST(RecognizeRequirements, DocumentedNeedGoesToTheRolesItNames) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back({"Open roles",
                      "Management roles will only be considered when there is a documented "
                      "need. Team Leads are only appointed when there is a documented need.",
                      {}});
  RecognizeRequirements(fw);
  EXPECT_TRUE(fw.policy.empty()) << fw.policy[0].text;  // not every promotion
  const model::Track& mgmt = fw.tracks.back();
  const model::Requirement* lead = FindNeed(mgmt.levels[0].requirements);
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->text, "Management roles will only be considered when there is a documented need");
  // The manager level already asks for one: not asked twice.
  ASSERT_EQ(mgmt.levels[1].requirements.size(), 1u);
  EXPECT_EQ(mgmt.levels[1].requirements[0].text, "Documented need for role");
  // IC levels are untouched.
  EXPECT_EQ(FindNeed(fw.tracks[1].levels[0].requirements), nullptr);
  // The overlay gets the second sentence, and says it needs one.
  ASSERT_EQ(fw.overlays[0].requirements.size(), 1u);
  EXPECT_EQ(fw.overlays[0].requirements[0].rule, model::Rule(model::DocumentedNeed{}));
  EXPECT_TRUE(fw.overlays[0].needs_documented_need);
  // Idempotent.
  model::Framework again = fw;
  RecognizeRequirements(again);
  EXPECT_EQ(again, fw);
}

TEST(RecognizeRequirements, DocumentedNeedForALevelByTitle) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back(
      {"", "Support Lead positions are opened only when there is a documented business need.", {}});
  RecognizeRequirements(fw);
  EXPECT_NE(FindNeed(fw.tracks.back().levels[0].requirements), nullptr);
  EXPECT_TRUE(fw.overlays[0].requirements.empty());
}

TEST(RecognizeRequirements, DocumentedNeedForEveryPromotionIsPolicy) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back({"", "Promotions require a documented need.", {}});
  RecognizeRequirements(fw);
  ASSERT_EQ(fw.policy.size(), 1u);
  EXPECT_EQ(fw.policy[0].rule, model::Rule(model::DocumentedNeed{}));
}

TEST(RecognizeRequirements, DocumentedNeedNamingNoRoleStaysInItsNote) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back({"",
                      "Some roles are only available when there is a documented need. "
                      "Management roles do not require a documented need.",
                      {}});
  model::Framework without = NeedsFramework();
  RecognizeRequirements(without);
  RecognizeRequirements(fw);
  EXPECT_TRUE(fw.policy.empty());
  EXPECT_EQ(fw.tracks, without.tracks);
  EXPECT_EQ(fw.overlays, without.overlays);
  EXPECT_EQ(fw.notes.size(), 1u);
}

TEST(RecognizeRequirements, WaiversAndProcessStayNotes) {
  model::Framework fw = NeedsFramework();
  fw.notes.push_back({"Requirements Waiver",
                      "Requirements for advancement may, from time to time, be waived at the "
                      "discretion of team leadership. Her manager may also initiate this "
                      "review process if the requirements are met.",
                      {}});
  RecognizeRequirements(fw);
  EXPECT_TRUE(fw.policy.empty()) << fw.policy[0].text;
  EXPECT_EQ(fw.notes.size(), 1u);
}

TEST(RecognizeRequirements, RecognizeRequirementIsWhatImportDoes) {
  model::Framework fw = NeedsFramework();
  const model::Requirement compound{
      "1 year at Level 1; a strong sense of ownership", model::ManualRule{}, {}};
  std::vector<model::Requirement> parts = RecognizeRequirement(fw, compound, {"ic", "senior", ""});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].rule, model::Rule(model::TimeAtLevel{"1", 12}));
  EXPECT_EQ(parts[1].text, "a strong sense of ownership");
  EXPECT_EQ(parts[1].rule, model::Rule(model::ManualRule{}));
  // A clause that would break the rule it follows keeps the sentence whole and manual.
  std::vector<model::Requirement> whole = RecognizeRequirement(
      fw,
      {"1 year at Level 1, SME in two skillsets and a strong sense of ownership",
       model::ManualRule{},
       {}},
      {"ic", "senior", ""});
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].rule, model::Rule(model::ManualRule{}));
  // A level the framework lacks: manual.
  std::vector<model::Requirement> missing = RecognizeRequirement(
      fw, {"2 years at Level 9", model::ManualRule{}, {}}, {"ic", "senior", ""});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].rule, model::Rule(model::ManualRule{}));
}

// A levels-table document (the family of seed 001) whose team-lead prose states requirements:
// the reader keeps the sentences on the overlay, recognition types them.
TEST(RecognizeRequirements, OverlayRequirementsFromTeamLeadProse) {
  const std::string doc =
      "# Support levels\n"
      "\n"
      "## Team Leads\n"
      "\n"
      "Team leads need to have 1 year at IC2 and a successful peer review. Team Leads are "
      "only appointed when there is a documented need. Team leads run the weekly sync.\n"
      "\n"
      "## Levels\n"
      "\n"
      "<table class=\"levels-table\">\n"
      "<tr><th>Level</th><th>Delivery</th></tr>\n"
      "<tr><td>IC1</td><td>Ships small fixes.</td></tr>\n"
      "<tr><td>IC2</td><td>Ships features.</td></tr>\n"
      "</table>\n";
  Result<formats::Imported> read = formats::ReadDocuments({{"support.md", doc}});
  ASSERT_TRUE(read) << read.error().ToString();
  model::Framework fw = read->framework;
  RecognizeRequirements(fw);
  ASSERT_EQ(fw.overlays.size(), 1u);
  const std::vector<model::Requirement>& reqs = fw.overlays[0].requirements;
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].text, "Team leads need to have 1 year at IC2");
  EXPECT_EQ(reqs[0].rule, model::Rule(model::TimeAtLevel{"IC2", 12}));
  EXPECT_EQ(reqs[1].text, "a successful peer review");
  EXPECT_EQ(reqs[1].rule, model::Rule(model::PeerReviewPassed{}));
  EXPECT_EQ(reqs[2].text, "Team Leads are only appointed when there is a documented need.");
  // The overlay's own sentence names the overlay: a documented need, asked once (the note
  // that holds the same sentence adds nothing more).
  EXPECT_EQ(reqs[2].rule, model::Rule(model::DocumentedNeed{}));
  EXPECT_TRUE(fw.policy.empty()) << fw.policy[0].text;
}

TEST(RecognizeRequirements, TheLevelsTitleAsSubject) {
  model::Framework fw = SmallFramework();
  fw.tracks[1].levels[1].requirements = {
      {"Staff Analysts need to have 18 months as Senior Analyst", model::ManualRule{}, {}},
      {"Senior Analysts need to have 2 years at Level 1", model::ManualRule{}, {}}};
  RecognizeRequirements(fw);
  const auto& staff = fw.tracks[1].levels[1].requirements;
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0].rule, model::Rule(model::TimeAtLevel{"senior", 18}));
  // Another level's name is not this level's subject: the sentence stays manual.
  EXPECT_EQ(staff[1].rule, model::Rule(model::ManualRule{}));
  EXPECT_EQ(RecognizeRule("You must have 1 year at Level 1"),
            model::Rule(model::TimeAtLevel{"1", 12}));
}

TEST(RecognizeRequirements, Idempotent) {
  model::Framework once = SmallFramework();
  RecognizeRequirements(once);
  model::Framework twice = once;
  RecognizeRequirements(twice);
  EXPECT_EQ(once, twice);
}

TEST(RecognizeRequirements, TypedRulesAreKept) {
  model::Framework fw = SmallFramework();
  fw.policy.push_back({"Manager decides", model::Approval{"manager"}, {}});
  RecognizeRequirements(fw);
  EXPECT_EQ(fw.policy[0].rule, model::Rule(model::Approval{"manager"}));
}

}  // namespace
}  // namespace ladder::analysis
