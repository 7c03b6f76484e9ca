// The app's pages say people, reviews, levels, statuses, counts and times as a person reads
// them: names rather than person ids, a review by its person, target and date rather than its
// id, "peer review" rather than "peer_review", "1 entry" and "2026-12-07 14:03".
#include "render/app_views.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ladder::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Date D(const char* s) { return *Date::Parse(s); }

Viewer Someone(std::string person = "u") {
  Viewer v;
  v.user = person;
  v.person = person;
  return v;
}

model::Case Review() {
  model::Case c;
  c.id = "case-3b25ee85654eb364";
  c.person = "e1";
  c.framework = "eng";
  c.version = "1";
  c.target_track = "ic";
  c.target_level = "E3";
  c.opened_by = "m1";
  c.opened = D("2026-03-01");
  c.status = model::CaseStatus::kPeerReview;
  c.panel = {"p1", "p2"};
  c.votes = {{"p2", model::VoteChoice::kAgainst, "Note-of-p2", D("2026-03-04")}};
  c.history = {{D("2026-03-01"), "m1", "opened"}};
  return c;
}

Labels Names() {
  Labels l;
  l.people = {{"e1", "Ada Lovelace"},
              {"m1", "Grace Hopper"},
              {"p1", "Alan Turing"},
              {"p2", "Edsger Dijkstra"}};
  l.targets = {{"case-3b25ee85654eb364", "Individual contributor: E3 · Senior Engineer"}};
  return l;
}

TEST(AppViews, ReviewsAreListedByPersonTargetAndDate) {
  CasesView v;
  v.cases = {Review()};
  v.labels = Names();
  std::string html = RenderCases(Someone(), v);
  EXPECT_THAT(html, HasSubstr(">Ada Lovelace</a>"));
  EXPECT_THAT(html, HasSubstr("Individual contributor: E3 · Senior Engineer"));
  EXPECT_THAT(html, HasSubstr("<td>peer review</td>"));
  EXPECT_THAT(html, HasSubstr("<td>2026-03-01</td>"));
  // The id stays in the address only.
  EXPECT_THAT(html, HasSubstr("href=\"/cases/case-3b25ee85654eb364\""));
  EXPECT_THAT(html, Not(HasSubstr(">case-3b25ee85654eb364<")));
  EXPECT_THAT(html, Not(HasSubstr("ic/E3")));
}

TEST(AppViews, AReviewNamesItsPeopleAndUnknownIdsStay) {
  CaseView v;
  v.review = Review();
  v.labels = Names();
  v.labels.people.erase("p1");  // someone not found: shown by their id
  std::string html = RenderCase(Someone(), v);
  EXPECT_THAT(html, HasSubstr("Opened 2026-03-01 by Grace Hopper"));
  EXPECT_THAT(html, HasSubstr("<h1>Ada Lovelace towards Individual contributor: E3 · Senior "
                              "Engineer</h1>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"row\">Edsger Dijkstra</th>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"row\">p1</th>"));
  EXPECT_THAT(html, HasSubstr("aria-current=\"step\">peer review</li>"));
  EXPECT_THAT(html, Not(HasSubstr("by m1")));
  EXPECT_THAT(html, Not(HasSubstr("› case-3b25ee85654eb364")));
  EXPECT_THAT(html, HasSubstr("Note-of-p2"));
}

TEST(AppViews, APanelMemberWhoHasNotVotedSeesNoVote) {
  CaseView v;
  v.review = Review();
  v.review.votes.clear();  // app::Access::AsSeenBy left them out
  v.votes_hidden = true;
  v.labels = Names();
  std::string html = RenderCase(Someone("p1"), v);
  EXPECT_THAT(html, HasSubstr("<td>shown once you have voted</td>"));
  EXPECT_THAT(html, HasSubstr("show once you have voted"));
  EXPECT_THAT(html, Not(HasSubstr("<strong>Consensus:</strong>")));
}

TEST(AppViews, TheGrowthPageNamesTheManagerAndTheSignersByName) {
  GrowthView v;
  v.person = {"e1", "Ada Lovelace", "", "m1", D("2020-01-01")};
  v.labels = Names();
  v.signers = {{"p1", "Alan Turing", "", "", {}}, {"x9", "", "", "", {}}};
  v.today = D("2026-03-05");
  std::string html = RenderGrowth(Someone(), v);
  EXPECT_THAT(html, HasSubstr("reports to Grace Hopper"));
  EXPECT_THAT(html, Not(HasSubstr("reports to m1")));
  EXPECT_THAT(html, Not(HasSubstr("person id")));
  EXPECT_THAT(html, HasSubstr("<select id=\"ev-signer\" name=\"signed_off_by\">"));
  EXPECT_THAT(html, HasSubstr("<option value=\"p1\">Alan Turing</option>"));
  EXPECT_THAT(html, HasSubstr("<option value=\"x9\">x9</option>"));  // no name: the id
}

// The radar draws what each level expects of each competency, not constant circles: 2 where
// the level held defines the competency, at the next level 3 where it adds something and 2
// where it asks the same, and no point where a level leaves the competency undefined.
TEST(AppViews, TheRadarShowsWhatEachLevelExpectsOfEachCompetency) {
  auto f = std::make_shared<model::Framework>();
  f->id = "eng";
  f->version = "1";
  f->competencies = {
      {"craft", "Craft", "", {}}, {"people", "People", "", {}}, {"scope", "Scope", "", {}}};
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  model::Level l1, l2;
  l1.code = "E1";
  l1.rank = 1;
  l1.expectations = {{"craft", "", {"Writes tested code"}, false, "", {}},
                     {"people", "", {"Asks for help early"}, false, "", {}},
                     {"scope", "", {}, true, "not at this level", {}}};
  l2.code = "E2";
  l2.rank = 2;
  l2.expectations = {{"craft", "", {"Writes tested code", "Designs a service"}, false, "", {}},
                     {"people", "", {"Asks for help early"}, false, "", {}},
                     {"scope", "", {"Owns a feature"}, false, "", {}}};
  t.levels = {l1, l2};
  f->tracks = {t};
  GrowthView v;
  v.person = {"e1", "Ada Lovelace", "", "", D("2020-01-01")};
  v.framework = f;
  v.current = model::Assignment{};
  v.current->from = D("2025-01-01");
  v.level = {&f->tracks[0], &f->tracks[0].levels[0], ""};
  v.next = {&f->tracks[0], &f->tracks[0].levels[1], ""};
  model::Assessment a;
  a.person = "e1";
  a.assessor = "e1";
  a.competency = "craft";
  a.rating = model::Rating::kNext;
  v.assessments = {a};
  v.latest["craft"] = {0};
  v.today = D("2026-03-05");
  std::string html = RenderGrowth(Someone("e1"), v);
  // Expected at E1: craft and people, not scope (undefined); at E2: more craft, the same
  // people, scope now defined and new.
  const std::string expected = "&quot;expected&quot;:true,&quot;label&quot;:&quot;Expected at ";
  EXPECT_THAT(html, HasSubstr("&quot;data&quot;:[2,2,null]," + expected + "E1&quot;"));
  EXPECT_THAT(html, HasSubstr("&quot;data&quot;:[3,2,3]," + expected + "E2&quot;"));
  EXPECT_THAT(html, HasSubstr("&quot;data&quot;:[3,null,null],&quot;label&quot;:&quot;Self-"));
}

TEST(AppViews, TheAuditLogShowsTimesToTheMinuteAndCountsInWords) {
  AuditView v;
  v.entries = {{1, "2026-12-07T14:03:09.123Z", "user:ada", "person.create", "e1", "", "{}"}};
  std::string html = RenderAudit(Someone(), v);
  EXPECT_THAT(html,
              HasSubstr("<time datetime=\"2026-12-07T14:03:09.123Z\">2026-12-07 14:03</time>"));
  EXPECT_THAT(html, HasSubstr("1 entry, oldest first"));
  EXPECT_THAT(html, Not(HasSubstr(">2026-12-07T14:03:09.123Z<")));
}

}  // namespace
}  // namespace ladder::render
