// Job descriptions (job_description.h): cumulative responsibilities, requirements with the
// attributes first, what sets the level apart, role profiles joined by id, title or the level's
// title, and the errors that name the choices.
#include "analysis/job_description.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "formats/canonical.h"

namespace ladder::analysis {
namespace {

model::Framework Example(const char* name) {
  std::string path = std::string(LADDER_SOURCE_DIR) + "/examples/" + name;
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<model::Framework> fw = formats::ReadYaml(text, path);
  EXPECT_TRUE(fw) << fw.error().ToString();
  return fw ? *fw : model::Framework{};
}

TEST(JobDescription, CumulativeResponsibilitiesAndRequirements) {
  model::Framework fw = Example("engineering.yaml");
  Result<JobDescription> jd = BuildJobDescription(fw, "E3");
  ASSERT_TRUE(jd) << jd.error().ToString();
  EXPECT_EQ(jd->title, "Senior Engineer");
  EXPECT_EQ(jd->purpose, (std::vector<std::string>{
                             "Leads the technical work of a team's project and makes those around "
                             "them better."}));
  ASSERT_EQ(jd->responsibilities.size(), 5u);
  const JdGroup& delivery = jd->responsibilities[0];
  EXPECT_EQ(delivery.heading, "Delivery");
  // E1 and E2 first (the framework is cumulative), then E3's own.
  ASSERT_EQ(delivery.items.size(), 7u);
  EXPECT_EQ(delivery.items[0],
            "Breaks an assigned task into steps and asks for help when stuck for more than a day.");
  EXPECT_EQ(delivery.items[6],
            "Spots delivery risks across teams and raises them before they land.");
  EXPECT_EQ(jd->attributes.front(),
            (std::pair<std::string, std::string>{"Years of experience", "4 to 8"}));
  EXPECT_EQ(jd->requirements.front(), "At least 18 months as an Engineer");
  // Success: what E3 adds, not what it inherits.
  EXPECT_EQ(jd->success.front(), "Leads a project of several engineers from kickoff to launch.");
  EXPECT_EQ(std::count(jd->success.begin(), jd->success.end(),
                       "Breaks an assigned task into steps and asks for help when stuck for more "
                       "than a day."),
            0);
  EXPECT_EQ(jd->next_level, "Staff Engineer");

  // The first level of a track has nothing to be set apart from.
  Result<JobDescription> first = BuildJobDescription(fw, "E1");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->success.empty());
}

// Levels that restate all their expectations in their own words: every behaviour differs from
// the level below, so none sets the level apart, and success keeps the cell summaries only.
TEST(JobDescription, NothingSetApartWhenEveryBehaviourIsNew) {
  model::Framework fw = Example("customer-success.yaml");
  Result<JobDescription> jd = BuildJobDescription(fw, "CS2");
  ASSERT_TRUE(jd) << jd.error().ToString();
  ASSERT_FALSE(jd->responsibilities.empty());
  EXPECT_EQ(jd->success,
            std::vector<std::string>{
                "Commercial Awareness: Knows the commercial state of their accounts."});
}

TEST(JobDescription, JoinedWithARoleProfile) {
  model::Framework fw = Example("engineering.yaml");
  model::Framework catalogue = Example("role-catalog.yaml");
  std::vector<const model::RoleProfile*> roles;
  for (const model::RoleProfile& r : catalogue.roles) roles.push_back(&r);
  Result<JobDescription> jd = BuildJobDescription(fw, "ic/E3", "Senior Software Engineer", roles);
  ASSERT_TRUE(jd) << jd.error().ToString();
  EXPECT_EQ(jd->role_id, "senior-software-engineer");
  EXPECT_EQ(jd->title, "Senior Software Engineer");
  EXPECT_EQ(jd->purpose.front(),
            "Leads the technical side of a team's projects and raises the engineers around them.");
  EXPECT_EQ(jd->responsibilities.back().heading, "As Senior Software Engineer");
  EXPECT_EQ(jd->responsibilities.back().items.front(),
            "Leads projects of several engineers from design to launch.");
  EXPECT_EQ(jd->success.front(), "Projects delivered with their agreed scope and date");
  EXPECT_NE(std::find(jd->requirements.begin(), jd->requirements.end(), "Incident leadership"),
            jd->requirements.end());

  // Joined by the level's title when no role is named.
  model::RoleProfile same;
  same.id = "senior-engineer";
  same.title = "Senior Engineer";
  same.kpis = {"On-call pages answered within the hour"};
  Result<JobDescription> by_title = BuildJobDescription(fw, "E3", "", {&same});
  ASSERT_TRUE(by_title);
  EXPECT_EQ(by_title->role_id, "senior-engineer");
  Result<JobDescription> none = BuildJobDescription(fw, "E3", "", roles);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->role_id, "");
}

TEST(JobDescription, ErrorsNameTheChoices) {
  model::Framework fw = Example("engineering.yaml");
  Result<JobDescription> level = BuildJobDescription(fw, "E33");
  ASSERT_FALSE(level);
  EXPECT_EQ(level.error().code, ErrorCode::kNotFound);
  EXPECT_NE(level.error().message.find("no level 'E33'"), std::string::npos);
  EXPECT_NE(level.error().message.find("(levels: ic/E1, ic/E2"), std::string::npos);
  model::RoleProfile r;
  r.id = "data-engineer";
  r.title = "Data Engineer";
  Result<JobDescription> role = BuildJobDescription(fw, "E3", "data-enginer", {&r});
  ASSERT_FALSE(role);
  EXPECT_EQ(role.error().field, "role");
  EXPECT_NE(role.error().message.find("did you mean 'data-engineer'?"), std::string::npos);
}

}  // namespace
}  // namespace ladder::analysis
