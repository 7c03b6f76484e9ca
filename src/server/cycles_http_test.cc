// A review cycle through HTTP, as each role meets it (server_testing.h's organisation, whose
// cycle cy is in its nominations): the people team's calibration board with its filters,
// exports and candidates side by side; a manager's page of the people below them, where they
// nominate; bulk reviews that skip people with a review open elsewhere; moving the cycle on;
// and the API, which gives each caller the candidates they may see.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/crypto.h"
#include "app/import_into.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TestServer;

class CyclesHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempPath("cycles-http");
    testing::BuildOrganisation(db_);
    server_ = std::make_unique<TestServer>(db_);
    callers_ = std::make_unique<testing::Callers>(*server_);
  }
  void TearDown() override {
    callers_.reset();
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  std::string Page(const std::string& user, const std::string& path, int status = 200) {
    auto res = callers_->Get(user, path);
    EXPECT_TRUE(res) << path;
    if (!res) return "";
    EXPECT_EQ(res->status, status) << path << ": " << res->body.substr(0, 400);
    return res->body;
  }
  std::string db_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<testing::Callers> callers_;
};

bool Has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

TEST_F(CyclesHttpTest, ThePeopleTeamCalibratesOnTheBoard) {
  std::string board = Page("hr", "/cycles/cy");
  EXPECT_TRUE(Has(board, "<h1>Cycle-of-test</h1>"));
  EXPECT_TRUE(Has(board, "aria-current=\"step\" class=\"current\">Nominations"));
  // Everyone at L1 is eligible for L2 (the design review is what the review settles); boss, at
  // the top, is in scope but no candidate.
  for (const char* who : {"Name-emp", "Name-stranger", "Name-peer", "Name-mgr", "Name-lead"})
    EXPECT_TRUE(Has(board, who)) << who;
  EXPECT_FALSE(Has(board, "Name-boss"));
  EXPECT_TRUE(Has(board, "class=\"readiness-eligible\">Eligible"));
  EXPECT_TRUE(Has(board, "settled in the review"));
  EXPECT_TRUE(Has(board, "href=\"/cycles/cy/compare?target=ic%2FL2\""));
  EXPECT_TRUE(Has(board, "<caption>People per next level, by readiness and stage</caption>"));
  // Filters: everyone in scope with no next level is boss alone.
  std::string top = Page("hr", "/cycles/cy?readiness=no_target&everyone=1");
  EXPECT_TRUE(Has(top, "Name-boss"));
  EXPECT_FALSE(Has(top, "Name-emp"));
  EXPECT_TRUE(Has(top, "1 of 7 people in scope"));
  std::string below = Page("hr", "/cycles/cy?manager=lead&sort=name");
  EXPECT_TRUE(Has(below, "Name-emp"));
  EXPECT_TRUE(Has(below, "Name-mgr"));
  EXPECT_FALSE(Has(below, "Name-stranger"));
  std::string searched = Page("hr", "/cycles/cy?q=STRANGER");
  EXPECT_TRUE(Has(searched, "Name-stranger"));
  EXPECT_FALSE(Has(searched, "Name-peer"));
  // Side by side, the exports.
  std::string compare = Page("hr", "/cycles/cy/compare?target=ic%2FL2");
  EXPECT_TRUE(Has(compare, "Candidates for L2"));
  EXPECT_TRUE(Has(compare, "Name-emp"));
  auto csv = callers_->Get("hr", "/cycles/cy/report.csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv->body.starts_with("cycle,person,name,manager,framework")) << csv->body;
  EXPECT_TRUE(Has(csv->body, "\r\ncy,emp,Name-emp,mgr,eng,1,ic,L1,ic,L2,"));
  auto xlsx = callers_->Get("hr", "/cycles/cy/report.xlsx");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200);
  EXPECT_TRUE(xlsx->body.starts_with("PK")) << "not a workbook";
  // Not the manager's: the board, the exports and the side by side are the people team's.
  EXPECT_EQ(callers_->Get("mgr", "/cycles/cy/report.csv")->status, 403);
  EXPECT_EQ(callers_->Get("mgr", "/cycles/cy/compare?target=ic%2FL2")->status, 403);
}

TEST_F(CyclesHttpTest, AManagerNominatesThePeopleBelowThem) {
  std::string mine = Page("mgr", "/cycles/cy");
  EXPECT_TRUE(Has(mine, "Name-emp"));
  EXPECT_TRUE(Has(mine, "Name-mgr"));  // themself
  EXPECT_FALSE(Has(mine, "Name-stranger"));
  EXPECT_FALSE(Has(mine, "Name-peer"));
  EXPECT_FALSE(Has(mine, "<h2>Committee notes</h2>"));
  EXPECT_TRUE(Has(mine, "action=\"/cycles/cy/nominations\""));
  auto done = callers_->PostForm("mgr", "/cycles/cy/nominations", "person=emp&note=Ready+now");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 303);
  EXPECT_EQ(done->get_header_value("Location"), "/cycles/cy?done=nominated");
  std::string board = Page("hr", "/cycles/cy?stage=nominated");
  EXPECT_TRUE(Has(board, "by mgr on"));
  EXPECT_TRUE(Has(board, "Ready now"));
  EXPECT_TRUE(Has(board, "Name-emp"));
  EXPECT_FALSE(Has(board, "Name-peer"));
  // Twice, or someone outside their organisation: refused on the page, saying why.
  auto again = callers_->PostForm("boss", "/cycles/cy/nominations", "person=emp");
  EXPECT_EQ(again->status, 409);
  EXPECT_TRUE(Has(again->body, "emp was nominated by mgr on"));
  auto stranger = callers_->PostForm("mgr", "/cycles/cy/nominations", "person=stranger");
  EXPECT_EQ(stranger->status, 403);
  auto self = callers_->PostForm("emp", "/cycles/cy/nominations", "person=emp");
  EXPECT_EQ(self->status, 409);
}

TEST_F(CyclesHttpTest, BulkReviewsSkipThoseWithAReviewOpenElsewhere) {
  auto opened = callers_->PostForm("hr", "/cycles/cy/open-reviews", "");
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->status, 200) << opened->body.substr(0, 400);
  // emp and stranger have reviews for L2 open outside the cycle (c-emp, c-str).
  EXPECT_TRUE(Has(opened->body, "4 reviews opened"));
  EXPECT_TRUE(Has(opened->body, "emp: review c-emp for L2"));
  EXPECT_TRUE(Has(opened->body, "stranger: review c-str for L2"));
  auto panels = callers_->PostForm("hr", "/cycles/cy/panels", "panel=boss,hrp");
  EXPECT_TRUE(Has(panels->body, "3 panels named"));
  EXPECT_TRUE(Has(panels->body, "hrp cannot sit on their own panel"));
  auto api = callers_->Get("hr", "/api/v1/cycles/cy");
  json j = json::parse(api->body);
  int with_panel = 0;
  for (const json& row : j["candidates"])
    if (row["review"].is_object() && row["review"]["panel"] == json{"boss", "hrp"}) ++with_panel;
  EXPECT_EQ(with_panel, 3);
  // A manager cannot run the cycle.
  EXPECT_EQ(callers_->PostForm("mgr", "/cycles/cy/open-reviews", "")->status, 403);
}

TEST_F(CyclesHttpTest, TheCycleMovesOnAndTheApiShowsEachCallerTheirCandidates) {
  auto moved = callers_->PostForm("hr", "/cycles/cy/advance", "");
  EXPECT_EQ(moved->status, 303);
  EXPECT_TRUE(Has(Page("hr", "/cycles/cy"), "aria-current=\"step\" class=\"current\">Self-review"));
  EXPECT_EQ(callers_->PostForm("boss", "/cycles/cy/advance", "")->status, 403);
  // Nominations closed with their phase.
  auto late = callers_->PostForm("mgr", "/cycles/cy/nominations", "person=emp");
  EXPECT_EQ(late->status, 412);
  EXPECT_TRUE(Has(late->body, "nominations in cycle cy closed"));
  json mine = json::parse(callers_->Get("emp", "/api/v1/cycles/cy")->body);
  ASSERT_EQ(mine["candidates"].size(), 1u);
  EXPECT_EQ(mine["candidates"][0]["person"], "emp");
  EXPECT_EQ(mine["candidates"][0]["readiness"], "eligible");
  json all = json::parse(callers_->Get("hr", "/api/v1/cycles/cy")->body);
  EXPECT_EQ(all["candidates"].size(), 7u);
  EXPECT_EQ(all["cycle"]["phase"], "self_review");
  json note = json::parse(
      callers_->PostJson("hr", "/api/v1/cycles/cy/notes", {{"note", "Calibrated"}})->body);
  EXPECT_EQ(note["notes"][0]["text"], "Calibrated");
}

TEST_F(CyclesHttpTest, OpeningFromTheFormSaysWhatIsWrong) {
  auto bad = callers_->PostForm("hr", "/cycles", "name=Next&framework=eng&evaluation=2027-07-01");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(Has(bad->body, "deadline_nominations")) << bad->body.substr(0, 600);
  std::string form = "name=Next&framework=eng&evaluation=2027-07-01";
  Date d = *Date::Parse("2099-06-01");
  for (model::CyclePhase p : model::kCyclePhases) {
    form += std::string("&deadline_") + model::CyclePhaseName(p) + "=" + d.ToString();
    d = d.AddDays(5);
  }
  auto overlap = callers_->PostForm("hr", "/cycles", form);
  EXPECT_EQ(overlap->status, 409);
  EXPECT_TRUE(Has(overlap->body, "overlaps the open cycle cy"));
  auto scoped = callers_->PostForm("hr", "/cycles", form + "&manager=nobody");
  EXPECT_EQ(scoped->status, 404);
  EXPECT_TRUE(Has(scoped->body, "no person nobody to scope the cycle by"));
  std::string list = Page("emp", "/cycles");
  EXPECT_TRUE(Has(list, "Cycle-of-test"));
  EXPECT_FALSE(Has(list, "Open a cycle"));
  EXPECT_TRUE(Has(Page("hr", "/cycles"), "Open a cycle"));
}

TEST_F(CyclesHttpTest, ALargeTeamIsShownAPageAtATimeNearestFirst) {
  // A team that fits on a page has no pages.
  std::string small = Page("boss", "/team");
  EXPECT_TRUE(Has(small, "<caption>5 people:")) << small.substr(0, 2000);
  EXPECT_FALSE(Has(small, "Pages of the team"));
  // 230 more people join mgr's team: boss now has 235 people below them, 50 to a page.
  for (int i = 0; i < 230; ++i) {
    const std::string n = std::to_string(i);
    const std::string id = "r" + std::string(3 - n.size(), '0') + n;
    ASSERT_TRUE(server_->store().SavePerson(
        "test", model::Person{id, "Report " + id, "", "mgr", *Date::Parse("2020-01-01")}));
  }
  std::string first = Page("boss", "/team");
  EXPECT_TRUE(Has(first, "<caption>People 1–50 of 235:")) << first.substr(0, 2000);
  EXPECT_TRUE(Has(first, "<a href=\"/team?offset=50\" rel=\"next\">"));
  EXPECT_FALSE(Has(first, "rel=\"prev\""));
  // Nearest first: the direct reports lead the first page; the deepest end the last one.
  EXPECT_LT(first.find("Name-lead"), first.find("Name-mgr"));
  EXPECT_LT(first.find("Name-mgr"), first.find("Report r000"));
  EXPECT_FALSE(Has(first, "Report r229"));
  EXPECT_TRUE(Has(first, "of the people on this page"));
  std::string last = Page("boss", "/team?offset=200");
  EXPECT_TRUE(Has(last, "<caption>People 201–235 of 235:"));
  EXPECT_TRUE(Has(last, "Report r229"));
  EXPECT_FALSE(Has(last, "Name-lead"));
  EXPECT_TRUE(Has(last, "<a href=\"/team?offset=150\" rel=\"prev\">"));
  EXPECT_FALSE(Has(last, "rel=\"next\""));
  // A page past the end (an old link, a hand-typed address) says so, not that nobody reports.
  std::string past = Page("boss", "/team?offset=5000");
  EXPECT_TRUE(Has(past, "This page is past the end of the list: 235 people in all.")) << past;
  EXPECT_FALSE(Has(past, "Nobody reports to you"));
  EXPECT_TRUE(Has(Page("boss", "/team?offset=-7"), "<caption>People 1–50 of 235:"));
  // The API pages alike, with the count in a header.
  auto api = callers_->Get("boss", "/api/v1/team?offset=200");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  EXPECT_EQ(api->get_header_value("X-Total-Count"), "235");
  EXPECT_EQ(json::parse(api->body).size(), 35u);
  // The CSV counts everyone, not one page.
  auto csv = callers_->Get("boss", "/team?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_TRUE(Has(csv->body, "IC,L1 · Engineer 1,5,")) << csv->body;
  // A written record shows at once: the pages are kept only while nothing is written.
  ASSERT_TRUE(server_->store().SavePerson(
      "test", model::Person{"r230", "Report r230", "", "mgr", *Date::Parse("2020-01-01")}));
  EXPECT_TRUE(Has(Page("boss", "/team?offset=200"), "<caption>People 201–236 of 236:"));
}

TEST_F(CyclesHttpTest, ChartsComeWithTheirTablesAndCsv) {
  // Levels by track and rank, with the median time in level; the CSV says the same.
  std::string team = Page("hr", "/team");
  size_t l1 = team.find("<th scope=\"row\">IC: L1 · Engineer 1</th><td>6</td>");
  size_t l3 = team.find("<th scope=\"row\">IC: L3 · Engineer 3</th><td>1</td>");
  ASSERT_NE(l1, std::string::npos) << team.substr(team.find("distribution"), 800);
  ASSERT_NE(l3, std::string::npos);
  EXPECT_LT(l1, l3);
  auto csv = callers_->Get("hr", "/team?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  const long days = DaysBetween(*Date::Parse("2024-01-01"), app::TodayUtc());
  EXPECT_EQ(csv->body, "track,level,people,median_days_in_level\r\nIC,L1 · Engineer 1,6," +
                           std::to_string(days) + "\r\nIC,L3 · Engineer 3,1," +
                           std::to_string(days) + "\r\n");
  // The promotion rate per cycle: one review decided promoted of two decided.
  ASSERT_TRUE(
      callers_->PostJson("hr", "/api/v1/cycles/cy/open-reviews", {{"people", {"peer", "lead"}}}));
  {
    auto store = storage::OpenStore("sqlite:" + db_);
    ASSERT_TRUE(store);
    auto cases = (*store)->ListCycleCases("cy");
    ASSERT_EQ(cases->size(), 2u);
    int i = 0;
    for (model::Case k : *cases) {
      k.status = model::CaseStatus::kClosed;
      k.decision = model::Decision{i++ == 0 ? model::Outcome::kPromoted : model::Outcome::kDeferred,
                                   *Date::Parse("2027-03-01"), "hrp", ""};
      ASSERT_TRUE((*store)->SaveCase("test", k));
    }
  }
  std::string cycles = Page("hr", "/cycles");
  EXPECT_TRUE(Has(cycles, "<td>7</td><td>6</td><td>2</td><td>2</td><td>1</td><td>50%</td>"))
      << cycles.substr(cycles.find("Promotion rate"), 1200);
  auto rates = callers_->Get("hr", "/cycles?format=csv");
  EXPECT_EQ(rates->body,
            "cycle,name,status,people,eligible,close,reviews,decided,promoted,promotion_rate\r\n"
            "cy,Cycle-of-test,open,7,6,0,2,2,1,0.500\r\n");
  EXPECT_FALSE(Has(Page("emp", "/cycles"), "Promotion rate per cycle"));
}

TEST_F(CyclesHttpTest, PeopleFromAnHrisFileArePreviewedThenStoredAllOrNothing) {
  const testing::Session& hr = callers_->Of("hr");
  auto upload = [&](const std::string& csv) {
    httplib::MultipartFormDataItems items = {{"csrf", hr.csrf, "", ""},
                                             {"file", csv, "staff.csv", "text/csv"}};
    return server_->Client().Post("/admin/people", {{"Cookie", hr.cookie}}, items);
  };
  // A file with problems: each named by line and column; nothing stored.
  auto bad = upload(
      "id,name,email,manager,framework,track,level,since\n"
      "ann,Ann Vale,ann@example.org,mgr,eng,ic,L9,2026-01-01\n"
      "bo,Bo Quay,not-an-address,ann,eng,ic,L1,2026-02-30\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(Has(bad->body, "staff.csv: nothing was stored"));
  EXPECT_TRUE(Has(bad->body, "staff.csv:2:")) << bad->body.substr(0, 2000);
  EXPECT_TRUE(Has(bad->body, "staff.csv:3:"));
  EXPECT_FALSE(Has(bad->body, "Store these people"));
  // A good one: previewed, stored only when confirmed.
  const std::string csv =
      "id,name,email,manager,framework,track,level,since\n"
      "ann,Ann Vale,ann@example.org,mgr,eng,ic,L2,2026-01-01\n"
      "ann,,,,eng,ic,L1,2024-06-01\n"
      "bo,Bo Quay,bo@example.org,ann,eng,ic,L1,2026-02-01\n";
  auto preview = upload(csv);
  ASSERT_EQ(preview->status, 200) << preview->body.substr(0, 2000);
  EXPECT_TRUE(Has(preview->body, "staff.csv: 2 people, 3 periods of level history"));
  EXPECT_TRUE(Has(preview->body,
                  "<th scope=\"row\">ann</th><td>Ann Vale</td><td>mgr</td><td>eng ic/L2</td>"
                  "<td>2026-01-01</td><td>2</td>"));
  auto store = storage::OpenStore("sqlite:" + db_);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->GetPerson("ann").error().code, ErrorCode::kNotFound);
  // The confirmation carries the file and its hash; a changed file is refused.
  auto changed = callers_->PostForm(
      "hr", "/admin/people/confirm",
      "file_name=staff.csv&csv=" + httplib::detail::encode_query_param(csv + "x") +
          "&checked=" + app::TokenHash(csv));
  EXPECT_EQ(changed->status, 400);
  EXPECT_EQ((*store)->GetPerson("ann").error().code, ErrorCode::kNotFound);
  auto stored =
      callers_->PostForm("hr", "/admin/people/confirm",
                         "file_name=staff.csv&csv=" + httplib::detail::encode_query_param(csv) +
                             "&checked=" + app::TokenHash(csv));
  ASSERT_EQ(stored->status, 200) << stored->body.substr(0, 1000);
  EXPECT_TRUE(Has(stored->body, "Stored 2 people and 3 periods of level history from staff.csv."));
  EXPECT_EQ((*store)->GetPerson("bo")->manager, "ann");
  EXPECT_EQ((*store)->ListAssignments("ann")->size(), 2u);
  // The people team's page; not a manager's.
  EXPECT_EQ(callers_->Get("mgr", "/admin/people")->status, 403);
}

TEST_F(CyclesHttpTest, ThePeopleTeamChangesWhomSomeoneReportsTo) {
  EXPECT_TRUE(Has(Page("hr", "/people/emp"), "action=\"/people/emp/manager\""));
  EXPECT_FALSE(Has(Page("mgr", "/people/emp"), "action=\"/people/emp/manager\""));
  // A move that would close a management cycle is refused, naming it; nothing changes.
  auto cycle = callers_->PostForm("hr", "/people/mgr/manager", "manager=emp");
  EXPECT_EQ(cycle->status, 400);
  EXPECT_TRUE(Has(cycle->body, "a management cycle: mgr -&gt; emp -&gt; mgr"))
      << cycle->body.substr(0, 600);
  auto unknown = callers_->PostForm("hr", "/people/emp/manager", "manager=nobody");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_TRUE(Has(unknown->body, "manager: no person &apos;nobody&apos;"));
  EXPECT_EQ(callers_->PostForm("mgr", "/people/emp/manager", "manager=boss")->status, 403);
  auto moved = callers_->PostForm("hr", "/people/emp/manager", "manager=stranger");
  EXPECT_EQ(moved->status, 303);
  EXPECT_TRUE(Has(Page("hr", "/people/emp?done=manager"), "reports to Name-stranger"));
  // Managers see their organisation as it is now: emp left mgr's team.
  EXPECT_FALSE(Has(Page("mgr", "/team"), "Name-emp"));
}

}  // namespace
}  // namespace ladder::server
