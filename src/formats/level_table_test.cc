// Level names in tables: what reads as a level, and its code and title.
#include "formats/level_table.h"

#include <gtest/gtest.h>

#include "formats/level_heading_tables.h"

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

// Levels written one table each under their headings (level_heading_tables.h).
TEST(LevelTable, LevelTablesUnderHeadings) {
  const std::string html =
      "<h2>x</h2>\n"
      "<table><tr><th>Competency</th><th>Expectation</th></tr>\n"
      "<tr><td>Delivery</td><td><ul><li>Ships fixes.</li><li>Tests them.</li></ul></td></tr>\n"
      "<tr><td>Support</td><td>TBD</td></tr></table>\n"
      "<table><tr><th>Skill</th><th>Behaviours</th></tr><tr><td>Support</td><td>Leads the rota."
      "</td><td>x</td></tr></table>\n"
      "<table><tr><th>Level</th><th>Expectation</th></tr><tr><td>a</td><td>b</td></tr></table>\n";
  Result<html::Dom> dom = html::Dom::Parse(html, "t.html", 1);
  ASSERT_TRUE(dom);
  std::vector<int> tables = dom->FindAll(dom->Root(), "table", false);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_TRUE(IsExpectationTable(*dom, tables[0]));
  EXPECT_FALSE(IsExpectationTable(*dom, tables[1]));  // three columns
  EXPECT_FALSE(IsExpectationTable(*dom, tables[2]));  // "Level" names no competency
  EXPECT_EQ(HeadingBefore(*dom, tables[0]), dom->FindAll(dom->Root(), "h2")[0]);
  EXPECT_EQ(HeadingBefore(*dom, tables[1]), -1);

  LevelTables levels("t.html");
  EXPECT_TRUE(levels.Add(*dom, tables[0], "Engineer", 5));
  EXPECT_TRUE(levels.Add(*dom, tables[0], "Senior Engineer", 9));
  EXPECT_FALSE(levels.Add(*dom, tables[0], "senior engineer", 12));  // the same level again
  EXPECT_FALSE(levels.Add(*dom, tables[0], "How to read this", 14));
  EXPECT_FALSE(levels.Add(*dom, tables[2], "Staff Engineer", 16));
  Table table = levels.Take();
  EXPECT_TRUE(table.transposed);
  ASSERT_EQ(table.competencies.size(), 2u);
  EXPECT_EQ(table.competencies[1].id, "support");
  ASSERT_EQ(table.tracks.size(), 1u);
  ASSERT_EQ(table.tracks[0].levels.size(), 2u);
  const model::Level& senior = table.tracks[0].levels[1];
  EXPECT_EQ(senior.code, "senior-engineer");
  EXPECT_EQ(senior.origin.where.ToString(), "t.html:9");
  ASSERT_EQ(senior.expectations.size(), 2u);
  EXPECT_EQ(senior.expectations[0].behaviours,
            (std::vector<std::string>{"Ships fixes.", "Tests them."}));
  EXPECT_TRUE(senior.expectations[1].undefined);
  EXPECT_EQ(senior.expectations[1].note, "TBD");
  EXPECT_EQ(table.passages.size(), 8u);  // two rows of two cells, per level
}

}  // namespace
}  // namespace ladder::formats::level_table
