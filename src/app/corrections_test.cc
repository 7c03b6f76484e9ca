// What every surface shares about taking records back (app/corrections.h): the fields a
// correction may change, read from text, with errors naming the field; and the latest standing
// ratings the growth page shows (model::LatestRatings).
#include "app/corrections.h"

#include <gtest/gtest.h>

#include <map>

namespace ladder::app {
namespace {

// A form or body giving `fields`; any other name is not given.
GivenField Given(std::map<std::string, std::string> fields) {
  return [fields = std::move(fields)](std::string_view name) -> std::optional<std::string> {
    auto it = fields.find(std::string(name));
    if (it == fields.end()) return std::nullopt;
    return it->second;
  };
}

TEST(EditFields, EvidenceKeepsWhatIsNotGiven) {
  model::Evidence e;
  e.kind = "talk";
  e.title = "Old title";
  e.date = *Date::Parse("2025-03-01");
  e.competencies = {"craft"};
  e.note = "kept";
  ASSERT_TRUE(EditFields(
      e,
      Given({{"title", "  New title "}, {"end", ""}, {"competencies", " delivery, ,teamwork "}})));
  EXPECT_EQ(e.title, "New title");
  EXPECT_EQ(e.date.ToString(), "2025-03-01");
  EXPECT_TRUE(e.end.empty());
  EXPECT_EQ(e.competencies, (std::vector<std::string>{"delivery", "teamwork"}));
  EXPECT_EQ(e.note, "kept");
  EXPECT_EQ(e.kind, "talk");
}

TEST(EditFields, ErrorsNameTheField) {
  model::Evidence e;
  e.date = *Date::Parse("2025-03-01");
  Status s = EditFields(e, Given({{"date", "2025-02-30"}}));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "date");
  s = EditFields(e, Given({{"date", ""}}));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "date");
  EXPECT_EQ(e.date.ToString(), "2025-03-01");

  model::Metric m;
  for (const char* value : {"", "abc", "1.5x", "nan", "inf"}) {
    s = EditFields(m, Given({{"value", value}}));
    ASSERT_FALSE(s) << value;
    EXPECT_EQ(s.error().field, "value") << value;
  }
  ASSERT_TRUE(EditFields(m, Given({{"value", " 0.92 "}, {"period_end", "2026-03-31"}})));
  EXPECT_DOUBLE_EQ(m.value, 0.92);
  EXPECT_EQ(m.period_end.ToString(), "2026-03-31");

  model::Assessment a;
  s = EditFields(a, Given({{"rating", "great"}}));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "rating");
  EXPECT_NE(s.error().message.find("below, meeting or next"), std::string::npos);
  ASSERT_TRUE(EditFields(a, Given({{"rating", "next"}, {"level", "IC4"}})));
  EXPECT_EQ(a.rating, model::Rating::kNext);
  EXPECT_EQ(a.level, "IC4");

  model::SignOff so;
  ASSERT_TRUE(EditFields(so, Given({{"date", "2026-03-01"}, {"note", "in March"}})));
  EXPECT_EQ(so.date.ToString(), "2026-03-01");
  EXPECT_EQ(so.note, "in March");
}

TEST(EditFields, KindsByNameAndTheirFields) {
  EXPECT_EQ(ParseRecordKind("metrics"), RecordKind::kMetric);
  EXPECT_EQ(ParseRecordKind("signoff"), RecordKind::kSignOff);
  EXPECT_FALSE(ParseRecordKind("evidences"));
  for (RecordKind k : {RecordKind::kEvidence, RecordKind::kMetric, RecordKind::kAssessment,
                       RecordKind::kSignOff}) {
    EXPECT_EQ(ParseRecordKind(RecordKindPath(k)), k);
    EXPECT_FALSE(CorrectableFields(k).empty());
    // What identifies a record is never a field a correction changes. (An assessment's role
    // is the assessor's; evidence's role is what the work was done as, and may be corrected.)
    for (const char* f : CorrectableFields(k)) {
      for (const char* identity :
           {"person", "kind", "name", "assessor", "competency", "requirement", "by", "id"})
        EXPECT_STRNE(f, identity) << RecordKindPath(k);
      if (k != RecordKind::kEvidence) {
        EXPECT_STRNE(f, "role") << RecordKindPath(k);
      }
    }
  }
}

model::Assessment A(const char* assessor, model::AssessorRole role, const char* competency,
                    const char* end) {
  model::Assessment a;
  a.assessor = assessor;
  a.role = role;
  a.competency = competency;
  a.period_end = *Date::Parse(end);
  return a;
}

TEST(LatestRatings, OnePerAssessorLeavingOutWhatWasTakenBack) {
  using R = model::AssessorRole;
  std::vector<model::Assessment> list = {
      A("m1", R::kManager, "craft", "2025-03-31"),  // 0
      A("e1", R::kSelf, "craft", "2025-06-30"),     // 1
      A("m1", R::kManager, "craft", "2025-06-30"),  // 2: later than 0
      A("m1", R::kManager, "craft", "2025-09-30"),  // 3: later still, but withdrawn
      A("m1", R::kManager, "delivery", "2025-03-31"),
  };
  list[3].retraction = model::Retraction{"m1", *Date::Parse("2025-10-01"), "wrong quarter", ""};
  auto latest = model::LatestRatings(list);
  EXPECT_EQ(latest["craft"], (std::vector<size_t>{2, 1}));
  EXPECT_EQ(latest["delivery"], (std::vector<size_t>{4}));
  // Every rating of a competency taken back: none shown.
  list[4].retraction = model::Retraction{"m1", *Date::Parse("2025-10-01"), "entered twice", ""};
  EXPECT_FALSE(model::LatestRatings(list).contains("delivery"));
}

}  // namespace
}  // namespace ladder::app
