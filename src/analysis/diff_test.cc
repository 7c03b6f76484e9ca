#include "analysis/diff.h"

#include <gtest/gtest.h>

#include "model/testing/small_framework.h"

namespace ladder::analysis {
namespace {

using model::testing::Expect;
using model::testing::SmallFramework;

std::string Show(const std::vector<WordSpan>& spans) {
  std::string out;
  for (const WordSpan& s : spans) {
    if (!out.empty()) out += " ";
    if (s.kind == SpanKind::kEqual) out += s.text;
    if (s.kind == SpanKind::kDelete) out += "[-" + s.text + "-]";
    if (s.kind == SpanKind::kInsert) out += "{+" + s.text + "+}";
  }
  return out;
}

model::Level& LevelOf(model::Framework& fw, std::string_view track, std::string_view code) {
  for (model::Track& t : fw.tracks)
    if (t.id == track)
      for (model::Level& l : t.levels)
        if (l.code == code) return l;
  throw std::runtime_error("no such level in the fixture");
}

LevelDiff Diff(const model::Framework& fw, std::string_view a, std::string_view b) {
  auto [ta, la] = fw.ResolveLevel(a);
  auto [tb, lb] = fw.ResolveLevel(b);
  if (!la || !lb) throw std::runtime_error("no such level in the fixture");
  return DiffLevels(fw, *ta, *la, *tb, *lb);
}

const CompetencyDiff& Competency(const LevelDiff& d, std::string_view id) {
  for (const CompetencyDiff& c : d.competencies)
    if (c.competency == id) return c;
  throw std::runtime_error("no such competency in the diff");
}

const MarkedCompetency& Competency(const LevelNews& n, std::string_view id) {
  for (const MarkedCompetency& c : n.competencies)
    if (c.competency == id) return c;
  throw std::runtime_error("no such competency in the news");
}

TEST(DiffWords, MarksDeletionsAndInsertions) {
  EXPECT_EQ(Show(DiffWords("Resolves most tickets alone", "Resolves all tickets alone")),
            "Resolves [-most-] {+all+} tickets alone");
  EXPECT_EQ(Show(DiffWords("Writes docs", "Writes clear docs for the team")),
            "Writes {+clear+} docs {+for the team+}");
  EXPECT_EQ(Show(DiffWords("a b c", "x y")), "[-a b c-] {+x y+}");
}

TEST(DiffWords, SameTextIsOneEqualSpan) {
  std::vector<WordSpan> spans = DiffWords("Keeps  the\nsite tidy", "Keeps the site tidy");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (WordSpan{SpanKind::kEqual, "Keeps the site tidy"}));
  EXPECT_TRUE(DiffWords("", "").empty());
}

TEST(Similarity, CountsCommonWordsInOrder) {
  EXPECT_DOUBLE_EQ(Similarity("Fixes pumps", "fixes pumps."), 1.0);
  EXPECT_DOUBLE_EQ(Similarity("Fixes pumps", "Writes reports"), 0.0);
  // 4 words in common out of 6 + 6.
  EXPECT_NEAR(Similarity("Completes routine repairs from a checklist",
                         "Completes complex repairs without a checklist"),
              8.0 / 12.0, 1e-9);
}

TEST(Similarity, SplitsAtEveryKindOfSpaceAndIgnoresPunctuation) {
  // Tabs, new lines and no-break spaces (U+00A0) separate words like spaces; punctuation and
  // case do not count; bytes of other non-ASCII letters do.
  EXPECT_DOUBLE_EQ(Similarity("Fixes\tpumps\nfast", "fixes pumps, fast!"), 1.0);
  EXPECT_DOUBLE_EQ(Similarity("Fixes\xc2\xa0pumps", "fixes pumps"), 1.0);
  EXPECT_NEAR(Similarity("Répare les pompes", "repare les pompes"), 4.0 / 6.0, 1e-9);
  EXPECT_DOUBLE_EQ(Similarity("...", "!!"), 1.0);  // no words on either side
  EXPECT_DOUBLE_EQ(Similarity("...", "pumps"), 0.0);
}

TEST(NewAtLevel, BehavioursDifferingOnlyInSpacesAreTheSame) {
  model::Framework fw = SmallFramework();
  // The previous level's wording, re-spaced: leading, trailing, doubled and no-break spaces.
  const std::string before = fw.tracks[0].levels[0].expectations[0].behaviours[0];
  std::string respaced = "  " + before + " \t";
  respaced.replace(respaced.find(' ', 3), 1, "\xc2\xa0 ");
  fw.tracks[0].levels[1].expectations[0].behaviours = {respaced, "Logs every job in the tracker"};
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  const MarkedCompetency& c = Competency(news, "repair");
  ASSERT_EQ(c.behaviours.size(), 2u);
  EXPECT_EQ(c.behaviours[0].mark, Mark::kSame);
  EXPECT_EQ(c.behaviours[1].mark, Mark::kSame);
  EXPECT_TRUE(c.dropped.empty());
  // A rewording is still a change, however it is spaced.
  fw.tracks[0].levels[1].expectations[0].behaviours = {"  Completes  routine repairs from a list"};
  news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  EXPECT_EQ(Competency(news, "repair").behaviours[0].mark, Mark::kChanged);
}

TEST(DiffLevels, SameTrackNotCumulative) {
  model::Framework fw = SmallFramework();
  LevelDiff d = Diff(fw, "T1", "T2");
  EXPECT_TRUE(d.Changed());
  EXPECT_EQ(d.from.Ref(), "ic/T1");
  EXPECT_EQ(d.to.Ref(), "ic/T2");
  ASSERT_TRUE(d.title);
  EXPECT_EQ(d.title->after, "Senior Technician");
  ASSERT_TRUE(d.summary);
  EXPECT_EQ(d.rank, std::pair(1, 2));
  ASSERT_EQ(d.attributes.size(), 1u);
  EXPECT_EQ(d.attributes[0], (AttributeChange{"years_of_experience", "0 to 2", "2 to 5"}));

  const CompetencyDiff& repair = Competency(d, "repair");
  EXPECT_EQ(repair.name, "Repair work");
  EXPECT_TRUE(repair.added.empty());
  EXPECT_TRUE(repair.removed.empty());
  EXPECT_EQ(repair.unchanged, std::vector<std::string>{"Logs every job in the tracker"});
  ASSERT_EQ(repair.changed.size(), 1u);
  EXPECT_EQ(repair.changed[0].before, "Completes routine repairs from a checklist");
  EXPECT_EQ(repair.changed[0].after, "Completes complex repairs without a checklist");
  EXPECT_EQ(Show(repair.changed[0].words),
            "Completes [-routine-] {+complex+} repairs [-from-] {+without+} a checklist");

  const CompetencyDiff& safety = Competency(d, "safety");
  EXPECT_EQ(safety.added, std::vector<std::string>{"Reports near misses the same day"});
  EXPECT_EQ(safety.unchanged, std::vector<std::string>{"Follows the site safety rules"});

  const CompetencyDiff& coaching = Competency(d, "coaching");
  EXPECT_TRUE(coaching.undefined_before);
  EXPECT_FALSE(coaching.undefined_after);
  ASSERT_TRUE(coaching.note);
  EXPECT_EQ(coaching.note->before, "Not expected at this level");
  EXPECT_EQ(coaching.added, std::vector<std::string>{"Shows new technicians how the tools work"});

  ASSERT_EQ(d.requirements.size(), 2u);
  EXPECT_EQ(d.requirements[0].kind, RequirementChange::Kind::kAdded);
  EXPECT_EQ(d.requirements[0].after_rule, "{time_at_level: {level: T1, months: 12}}");
  EXPECT_EQ(d.requirements[1].after_rule, "manual");
}

TEST(DiffLevels, AcrossTracks) {
  model::Framework fw = SmallFramework();
  LevelDiff d = Diff(fw, "ic/T2", "mgmt/S1");
  EXPECT_EQ(d.to.Ref(), "mgmt/S1");
  const CompetencyDiff& safety = Competency(d, "safety");
  EXPECT_EQ(safety.unchanged, std::vector<std::string>{"Follows the site safety rules"});
  EXPECT_EQ(safety.removed, std::vector<std::string>{"Reports near misses the same day"});
  EXPECT_EQ(safety.added, std::vector<std::string>{"Runs the monthly safety drill"});
  ASSERT_EQ(d.requirements.size(), 2u);
  EXPECT_EQ(d.requirements[0].kind, RequirementChange::Kind::kRemoved);
}

TEST(DiffLevels, ALevelWithItselfHasNoChanges) {
  model::Framework fw = SmallFramework();
  LevelDiff d = Diff(fw, "T2", "T2");
  EXPECT_FALSE(d.Changed());
  EXPECT_EQ(d.competencies.size(), 3u);  // shown, unchanged
}

TEST(DiffLevels, CumulativeComparesWhatEachLevelIncludes) {
  model::Framework fw = SmallFramework();
  fw.cumulative = true;
  model::Level& t2 = LevelOf(fw, "ic", "T2");
  t2.expectations[0].behaviours = {"Completes complex repairs without a checklist"};
  t2.expectations[1].behaviours = {"Reports near misses the same day"};
  LevelDiff d = Diff(fw, "T1", "T2");
  const CompetencyDiff& safety = Competency(d, "safety");
  // T1's behaviour is included in T2: not removed.
  EXPECT_TRUE(safety.removed.empty());
  EXPECT_EQ(safety.unchanged, std::vector<std::string>{"Follows the site safety rules"});
  EXPECT_EQ(safety.added, std::vector<std::string>{"Reports near misses the same day"});
  const CompetencyDiff& repair = Competency(d, "repair");
  EXPECT_TRUE(repair.removed.empty());
  EXPECT_EQ(repair.added,
            std::vector<std::string>{"Completes complex repairs without a checklist"});
}

TEST(NewAtLevel, MarksAgainstThePreviousLevel) {
  model::Framework fw = SmallFramework();
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  ASSERT_TRUE(news.previous);
  EXPECT_EQ(news.previous->code, "T1");
  const MarkedCompetency& repair = Competency(news, "repair");
  ASSERT_EQ(repair.behaviours.size(), 2u);
  EXPECT_EQ(repair.behaviours[0].mark, Mark::kChanged);
  EXPECT_EQ(repair.behaviours[0].previous, "Completes routine repairs from a checklist");
  EXPECT_FALSE(repair.behaviours[0].words.empty());
  EXPECT_EQ(repair.behaviours[1].mark, Mark::kSame);
  const MarkedCompetency& safety = Competency(news, "safety");
  ASSERT_EQ(safety.behaviours.size(), 2u);
  EXPECT_EQ(safety.behaviours[0].mark, Mark::kSame);
  EXPECT_EQ(safety.behaviours[1].mark, Mark::kNew);
  EXPECT_EQ(Competency(news, "coaching").behaviours[0].mark, Mark::kNew);
}

TEST(NewAtLevel, ReportsWhatIsDropped) {
  model::Framework fw = SmallFramework();
  LevelOf(fw, "ic", "T2").expectations[1].behaviours = {"Reports near misses the same day"};
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  EXPECT_EQ(Competency(news, "safety").dropped,
            std::vector<std::string>{"Follows the site safety rules"});
}

TEST(NewAtLevel, FirstLevelHasNoPrevious) {
  model::Framework fw = SmallFramework();
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[0]);
  EXPECT_FALSE(news.previous);
  for (const MarkedCompetency& c : news.competencies)
    for (const MarkedBehaviour& b : c.behaviours) EXPECT_EQ(b.mark, Mark::kNew);
  EXPECT_TRUE(Competency(news, "coaching").undefined);
  EXPECT_EQ(Competency(news, "coaching").note, "Not expected at this level");
}

TEST(NewAtLevel, CumulativeShowsInheritedAsInherited) {
  model::Framework fw = SmallFramework();
  fw.cumulative = true;
  model::Level& t2 = LevelOf(fw, "ic", "T2");
  t2.expectations[1].behaviours = {"Reports near misses the same day"};
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  const MarkedCompetency& safety = Competency(news, "safety");
  ASSERT_EQ(safety.behaviours.size(), 2u);
  EXPECT_EQ(safety.behaviours[0],
            (MarkedBehaviour{"Follows the site safety rules", Mark::kInherited, "T1", "", {}}));
  EXPECT_EQ(safety.behaviours[1].mark, Mark::kNew);
  EXPECT_TRUE(safety.dropped.empty());
}

TEST(NewAtLevel, InheritsAcrossTracks) {
  model::Framework fw = SmallFramework();
  LevelOf(fw, "mgmt", "S1").inherits = "ic/T1";
  LevelNews news = NewAtLevel(fw, fw.tracks[1], fw.tracks[1].levels[0]);
  const MarkedCompetency& repair = Competency(news, "repair");
  ASSERT_EQ(repair.behaviours.size(), 3u);
  EXPECT_EQ(repair.behaviours[0].mark, Mark::kInherited);
  EXPECT_EQ(repair.behaviours[0].from_level, "T1");
  EXPECT_EQ(repair.behaviours[2].text, "Plans the repair schedule for the crew");
}

TEST(NewAtLevel, InheritanceCycleEnds) {
  model::Framework fw = SmallFramework();
  LevelOf(fw, "ic", "T1").inherits = "T2";
  LevelOf(fw, "ic", "T2").inherits = "T1";
  LevelNews news = NewAtLevel(fw, fw.tracks[0], fw.tracks[0].levels[1]);
  // T2 inherits T1 (which would inherit T2 again): T1's behaviours once, then T2's own.
  const MarkedCompetency& safety = Competency(news, "safety");
  ASSERT_EQ(safety.behaviours.size(), 3u);
  EXPECT_EQ(safety.behaviours[0].mark, Mark::kInherited);
  EXPECT_FALSE(Diff(fw, "T1", "T2").competencies.empty());
}

TEST(DiffFrameworks, SameFrameworkHasNoChanges) {
  EXPECT_FALSE(DiffFrameworks(SmallFramework(), SmallFramework()).Changed());
}

TEST(DiffFrameworks, ReportsWhatChanged) {
  model::Framework before = SmallFramework();
  model::Framework after = SmallFramework();
  after.version = "2025.2";
  after.competencies[0].name = "Repairs";  // renamed, same id
  after.competencies[2].id = "mentoring";  // renamed id, same name
  after.groups[1].competencies = {"mentoring"};
  for (model::Track& t : after.tracks)
    for (model::Level& l : t.levels)
      for (model::Expectation& e : l.expectations)
        if (e.competency == "coaching") e.competency = "mentoring";
  model::Level& t2 = LevelOf(after, "ic", "T2");
  t2.requirements[0] = {"18 months at T1", model::TimeAtLevel{"T1", 18}, {}};
  t2.expectations[1].behaviours.push_back("Checks the first-aid kit weekly");
  model::Level t4;
  t4.code = "T4";
  t4.rank = 4;
  t4.title = "Principal Technician";
  t4.state = model::LevelState::kUndefined;
  after.tracks[0].levels.push_back(t4);
  after.tracks[1].levels.clear();  // S1 removed
  after.roles.pop_back();
  after.policy.push_back({"Manager approval", model::Approval{"manager"}, {}});

  FrameworkDiff d = DiffFrameworks(before, after);
  EXPECT_TRUE(d.Changed());
  EXPECT_EQ(d.from_version, "2025.1");
  EXPECT_EQ(d.to_version, "2025.2");
  EXPECT_TRUE(d.fields.empty());  // version is reported as from/to

  ASSERT_EQ(d.competencies.size(), 2u);
  EXPECT_EQ(d.competencies[0].kind, ChangeKind::kRenamed);
  EXPECT_EQ(d.competencies[0].after_id, "repair");
  ASSERT_TRUE(d.competencies[0].name);
  EXPECT_EQ(d.competencies[0].name->after, "Repairs");
  EXPECT_EQ(d.competencies[1].kind, ChangeKind::kRenamed);
  EXPECT_EQ(d.competencies[1].before_id, "coaching");
  EXPECT_EQ(d.competencies[1].after_id, "mentoring");

  ASSERT_EQ(d.levels.size(), 3u);
  EXPECT_EQ(d.levels[0].kind, ChangeKind::kChanged);
  EXPECT_EQ(d.levels[0].code, "T2");
  const LevelDiff& t2d = d.levels[0].diff;
  // Expectations followed the renamed competency: only safety changed.
  for (const CompetencyDiff& c : t2d.competencies)
    EXPECT_EQ(c.Changed(), c.competency == "safety") << c.competency;
  EXPECT_EQ(Competency(t2d, "safety").added,
            std::vector<std::string>{"Checks the first-aid kit weekly"});
  ASSERT_EQ(t2d.requirements.size(), 1u);
  EXPECT_EQ(t2d.requirements[0].kind, RequirementChange::Kind::kChanged);
  EXPECT_EQ(t2d.requirements[0].before_rule, "{time_at_level: {level: T1, months: 12}}");
  EXPECT_EQ(t2d.requirements[0].after_rule, "{time_at_level: {level: T1, months: 18}}");
  EXPECT_EQ(Show(t2d.requirements[0].words), "[-12-] {+18+} months at T1");
  EXPECT_EQ(d.levels[1].kind, ChangeKind::kAdded);
  EXPECT_EQ(d.levels[1].code, "T4");
  EXPECT_EQ(d.levels[2].kind, ChangeKind::kRemoved);
  EXPECT_EQ(d.levels[2].track, "mgmt");

  ASSERT_EQ(d.policy.size(), 1u);
  EXPECT_EQ(d.policy[0].kind, RequirementChange::Kind::kAdded);
  EXPECT_EQ(d.policy[0].after_rule, "{approval: {by: manager}}");

  ASSERT_EQ(d.items.size(), 1u);  // the group followed the rename; the role is gone
  EXPECT_EQ(d.items[0].section, "role");
  EXPECT_EQ(d.items[0].id, "dispatcher");
  EXPECT_EQ(d.items[0].kind, ChangeKind::kRemoved);
}

TEST(DiffFrameworks, RuleChangeWithSameSentence) {
  model::Framework before = SmallFramework();
  model::Framework after = SmallFramework();
  LevelOf(after, "ic", "T2").requirements[1].rule = model::Approval{"site manager"};
  FrameworkDiff d = DiffFrameworks(before, after);
  ASSERT_EQ(d.levels.size(), 1u);
  ASSERT_EQ(d.levels[0].diff.requirements.size(), 1u);
  const RequirementChange& r = d.levels[0].diff.requirements[0];
  EXPECT_EQ(r.before_rule, "manual");
  EXPECT_EQ(r.after_rule, "{approval: {by: site manager}}");
  EXPECT_TRUE(r.words.empty());
}

}  // namespace
}  // namespace ladder::analysis
