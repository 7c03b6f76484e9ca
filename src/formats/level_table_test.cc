// Level names in tables: what reads as a level, and its code and title.
#include "formats/level_table.h"

#include <gtest/gtest.h>

namespace ladder::formats::level_table {
namespace {

TEST(LevelTable, LooksLikeLevel) {
  for (const char* name :
       {"IC2", "L3", "E5 - Senior", "Level 2", "Level One", "Grade III", "Junior", "New Grad",
        "Staff Engineer", "Engineer II", "Software Engineer 3", "Data Engineer I (P1)",
        "Engineer 1 (P1)", "Senior Engineer – L3", "Principal Analyst - A5"})
    EXPECT_TRUE(LooksLikeLevel(name)) << name;
  for (const char* name : {"Level", "Engineer", "Delivery", "Technical validation", "3", "",
                           "Writes SQL for recurring reports and checks them"})
    EXPECT_FALSE(LooksLikeLevel(name)) << name;
}

TEST(LevelTable, BareNumbers) {
  for (const char* n : {"1", "12", "III", "three"}) EXPECT_TRUE(IsBareLevelNumber(n)) << n;
  for (const char* n : {"L1", "one two", "", "123456"}) EXPECT_FALSE(IsBareLevelNumber(n)) << n;
}

TEST(LevelTable, ParseLevelName) {
  struct Case {
    const char* text;
    const char* code;
    const char* title;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"IC2", "IC2", ""},
           {"ic3 Senior", "IC3", "Senior"},
           {"Level Two", "L2", "Level Two"},
           {"Level 4: Staff", "L4", "Staff"},
           {"Grade iii", "L3", "Grade iii"},
           {"Data Engineer I (P1)", "P1", "Data Engineer I"},
           {"Engineer 1 (P1)", "P1", "Engineer 1"},
           {"Senior Engineer – L3", "L3", "Senior Engineer"},
           {"Principal Analyst - a5", "A5", "Principal Analyst"},
           {"2", "L2", "2"},
           {"New Grad", "new-grad", "New Grad"},
           {"Engineer", "engineer", "Engineer"},
           {"Junior (E1-E2)", "E1-E2", "Junior"},
           {"Mid (L3 – L4)", "L3-L4", "Mid"},
           {"Senior (IC5-6)", "IC5-IC6", "Senior"},
       }) {
    LevelName n = ParseLevelName(c.text);
    EXPECT_EQ(n.code, c.code) << c.text;
    EXPECT_EQ(n.title, c.title) << c.text;
  }
}

}  // namespace
}  // namespace ladder::formats::level_table
