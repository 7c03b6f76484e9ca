// Interview guides (interview_guide.h): questions made from behaviours, one case a line; the
// rubric anchored on the levels around the level; what to probe; undefined competencies.
#include "analysis/interview_guide.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "formats/canonical.h"

namespace ladder::analysis {
namespace {

TEST(InterviewQuestion, FromTheBehavioursWords) {
  struct Case {
    const char* behaviour;
    const char* question;
  };
  const Case cases[] = {
      {"Leads incident response for their area and drives follow-ups to completion.",
       "Tell us about a time you had to lead incident response for your area and drive "
       "follow-ups to completion. What did you do, and what was the outcome?"},
      {"Identifies risks early.",
       "Tell us about a time you had to identify risks early. What did you do, and what was the "
       "outcome?"},
      {"Coaches staff engineers through the hardest escalations.",
       "Tell us about a time you had to coach staff engineers through the hardest escalations. "
       "What did you do, and what was the outcome?"},
      {"Keeps a visible list of the team's technical debt and pays it down steadily.",
       "Tell us about a time you had to keep a visible list of the team's technical debt and "
       "pay it down steadily. What did you do, and what was the outcome?"},
      {"Has a basic understanding of **Linux**.",
       "Walk us through an example from your work that shows you have a basic understanding of "
       "Linux."},
      {"Knows the renewal date of each account they own.",
       "Walk us through an example from your work that shows you know the renewal date of each "
       "account they own."},
      {"Is the first point of contact for the team's questions.",
       "Walk us through an example from your work that shows you are the first point of contact "
       "for the team's questions."},
      {"Writes [design documents](https://example.com/d) that settle disagreements. Then more.",
       "Tell us about a time you had to write design documents that settle disagreements. What "
       "did you do, and what was the outcome?"},
      {"Technical expert on 1 product / key component.",
       "Where in your recent work have you shown this: \xE2\x80\x9CTechnical expert on 1 product "
       "/ key component\xE2\x80\x9D? Walk us through it."},
      {"Process improvements: proposes them.",
       "Where in your recent work have you shown this: \xE2\x80\x9CProcess improvements: proposes "
       "them\xE2\x80\x9D? Walk us through it."},
  };
  for (const Case& c : cases) EXPECT_EQ(InterviewQuestion(c.behaviour), c.question) << c.behaviour;
}

model::Framework Example(const char* name) {
  std::string path = std::string(LADDER_SOURCE_DIR) + "/examples/" + name;
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<model::Framework> fw = formats::ReadYaml(text, path);
  EXPECT_TRUE(fw) << fw.error().ToString();
  return fw ? *fw : model::Framework{};
}

TEST(InterviewGuide, RubricAnchoredOnTheLevelsAround) {
  model::Framework fw = Example("engineering.yaml");
  Result<InterviewGuide> g = BuildInterviewGuide(fw, "E3");
  ASSERT_TRUE(g) << g.error().ToString();
  EXPECT_EQ(g->level_title, "Senior Engineer");
  ASSERT_EQ(g->competencies.size(), 5u);
  const GuideCompetency& delivery = g->competencies[0];
  EXPECT_EQ(delivery.name, "Delivery");
  EXPECT_EQ(delivery.below.level_code, "E2");
  EXPECT_EQ(delivery.below.behaviours,
            (std::vector<std::string>{
                "Estimates a feature of a few weeks and re-plans when the estimate slips.",
                "Delivers features end to end, including migrations and rollout."}));
  EXPECT_EQ(delivery.at.level_code, "E3");
  ASSERT_EQ(delivery.at.behaviours.size(), 3u);  // what E3 adds, not what it inherits
  EXPECT_EQ(delivery.probe, delivery.at.behaviours);
  EXPECT_EQ(delivery.above.level_code, "E4");
  EXPECT_EQ(delivery.above.behaviours[0],
            "Delivers projects that span several teams, aligning their plans and milestones.");
  ASSERT_EQ(delivery.questions.size(), 3u);
  EXPECT_EQ(delivery.questions[0].behaviour, delivery.probe[0]);

  // The ends of a track: the missing anchor says so.
  Result<InterviewGuide> first = BuildInterviewGuide(fw, "E1");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->competencies[0].below.note, "no level below Associate Engineer");
  EXPECT_TRUE(first->competencies[0].below.behaviours.empty());
  Result<InterviewGuide> top = BuildInterviewGuide(fw, "management/M3");
  ASSERT_TRUE(top);
  EXPECT_EQ(top->competencies[0].above.note, "no level above Director of Engineering");
}

TEST(InterviewGuide, UndefinedCompetenciesAreNotAssessed) {
  model::Framework fw = Example("customer-success.yaml");
  Result<InterviewGuide> g = BuildInterviewGuide(fw, "CS1");
  ASSERT_TRUE(g);
  const GuideCompetency* commercial = nullptr;
  for (const GuideCompetency& c : g->competencies)
    if (c.id == "commercial-awareness") commercial = &c;
  ASSERT_NE(commercial, nullptr);
  EXPECT_TRUE(commercial->undefined);
  EXPECT_EQ(commercial->note, "Associates are not involved in renewals.");
  EXPECT_TRUE(commercial->questions.empty());
  EXPECT_EQ(commercial->above.level_code, "CS2");  // the rubric still shows what comes next

  // An undefined level: every competency says so.
  Result<InterviewGuide> cs6 = BuildInterviewGuide(fw, "CS6");
  ASSERT_TRUE(cs6);
  for (const GuideCompetency& c : cs6->competencies) {
    EXPECT_TRUE(c.undefined) << c.id;
    EXPECT_TRUE(c.questions.empty()) << c.id;
  }
}

TEST(InterviewGuide, UnknownLevel) {
  Result<InterviewGuide> g = BuildInterviewGuide(Example("engineering.yaml"), "E9");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kNotFound);
  EXPECT_NE(g.error().message.find("no level 'E9'"), std::string::npos);
}

}  // namespace
}  // namespace ladder::analysis
