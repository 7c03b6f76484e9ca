#include "render/site.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "formats/canonical.h"
#include "render/static_site.h"
#include "storage/types.h"

namespace ladder::render {
namespace {

// `word` as search snippets mark a match.
std::string Marked(const std::string& word) {
  return std::string(storage::kMatchOpen) + word + std::string(storage::kMatchClose);
}

using ::testing::HasSubstr;
using ::testing::Not;

model::Level MakeLevel(std::string code, int rank, std::string title,
                       std::vector<std::pair<std::string, std::vector<std::string>>> expect) {
  model::Level l;
  l.code = std::move(code);
  l.rank = rank;
  l.title = std::move(title);
  for (auto& [competency, behaviours] : expect) {
    model::Expectation e;
    e.competency = competency;
    e.behaviours = behaviours;
    l.expectations.push_back(std::move(e));
  }
  return l;
}

// A small framework written for these tests: two tracks, a pillar, an undefined level.
model::Framework FieldService() {
  model::Framework f;
  f.id = "field-service";
  f.name = "Field Service";
  f.version = "2025.1";
  f.status = model::FrameworkStatus::kPublished;
  f.competencies = {{"repairs", "Repairs", "Fixing equipment on site", {}},
                    {"customers", "Customers", "Working with the people on site", {}}};
  f.groups = {{"craft", "Craft", "", {"repairs"}, {}}};
  model::Track ic;
  ic.id = "ic";
  ic.name = "Technician path";
  ic.kind = model::TrackKind::kIc;
  ic.levels.push_back(MakeLevel("T1", 1, "Technician",
                                {{"repairs", {"Replaces parts from a checklist"}},
                                 {"customers", {"Explains the visit to the customer"}}}));
  ic.levels.push_back(MakeLevel(
      "T2", 2, "Senior Technician",
      {{"repairs", {"Replaces parts from a checklist", "Diagnoses faults without a checklist"}},
       {"customers", {"Explains the visit and the repair to the customer"}}}));
  ic.levels[1].attributes = {{"years_of_experience", "3+"}};
  ic.levels[1].requirements = {{"12 months at T1", model::TimeAtLevel{"T1", 12}, {}}};
  model::Level t3 = MakeLevel("T3", 3, "Lead Technician", {});
  t3.state = model::LevelState::kUndefined;
  t3.note = "Not defined until the regional teams grow";
  ic.levels.push_back(t3);
  model::Track mg;
  mg.id = "mgmt";
  mg.name = "Management";
  mg.kind = model::TrackKind::kManagement;
  mg.levels.push_back(
      MakeLevel("M1", 2, "Field Manager", {{"customers", {"Handles escalations"}}}));
  f.tracks = {ic, mg};
  f.overlays = {{"dispatcher",
                 "Dispatcher",
                 "Plans the day's visits",
                 {"Assigns visits"},
                 {},
                 false,
                 {},
                 {}}};
  f.transitions = {{"ic", "mgmt", "Technicians can move to management", {}, {}}};
  f.notes = {{"How promotions work", "Twice a year, **after** the review.", {}}};
  f.roles = {{"field-tech",
              "Field Technician",
              "",
              "Field Technician",
              "Repairs on site",
              {},
              {},
              {},
              "",
              {}},
             {"senior-field-tech",
              "Field Technician",
              "Senior",
              "Senior Field Technician",
              "Leads repairs",
              {},
              {},
              {},
              "",
              {}},
             {"dispatcher",
              "Dispatch",
              "Associate",
              "Associate Dispatcher",
              "Plans routes",
              {},
              {},
              {},
              "",
              {}}};
  return f;
}

std::unique_ptr<Site> BuildSite(std::vector<model::Framework> fws, bool static_site = true) {
  auto site = Site::Build(std::move(fws), SiteOptions{static_site});
  EXPECT_TRUE(site.has_value());
  return std::move(*site);
}

std::string Body(const Site& site, const std::string& path,
                 const std::map<std::string, std::string>& q = {}) {
  auto page = site.Render(path, q);
  EXPECT_TRUE(page.has_value()) << path << ": " << (page ? "" : page.error().ToString());
  return page ? page->body : "";
}

int Count(const std::string& s, const std::string& needle) {
  int n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

TEST(Site, ListsEveryPageOnce) {
  auto site = BuildSite({FieldService()});
  std::vector<std::string> paths = site->Paths();
  for (const char* p :
       {"index.html", "search.html", "search-index.js", "roles/index.html",
        "f/field-service/index.html", "f/field-service/ic/t2.html", "f/field-service/mgmt/m1.html",
        "f/field-service/compare/ic.t1--ic.t2.html", "f/field-service/compare/ic.t2--mgmt.m1.html",
        "roles/field-service/field-tech.html", "roles/field-service/family/field-technician.html",
        "static/ladder.css"})
    EXPECT_NE(std::find(paths.begin(), paths.end(), p), paths.end()) << p;
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const std::string& p : paths) EXPECT_TRUE(site->Render(p).has_value()) << p;
}

// The static site pre-renders the comparisons a reader reaches from a level, not every pair:
// neighbours in a track, equal ranks across tracks, the next rank up in another track.
TEST(Site, StaticSiteHasTheComparisonsALevelLeadsTo) {
  auto site = BuildSite({FieldService()});
  std::vector<std::string> compare;
  for (const std::string& p : site->Paths())
    if (p.find("/compare/") != std::string::npos && !p.ends_with("index.html"))
      compare.push_back(p);
  const std::string dir = "f/field-service/compare/";
  EXPECT_EQ(compare, (std::vector<std::string>{
                         dir + "ic.t1--ic.t2.html",    // neighbours
                         dir + "ic.t1--mgmt.m1.html",  // T1 (rank 1) -> next rank in mgmt
                         dir + "ic.t2--ic.t3.html",    // neighbours
                         dir + "ic.t2--mgmt.m1.html",  // equal rank 2
                         dir + "mgmt.m1--ic.t3.html",  // M1 (rank 2) -> next rank in ic
                     }));
}

TEST(Site, CompareIndexLinksOnlyToPagesThatExist) {
  auto site = BuildSite({FieldService()});
  std::vector<std::string> paths = site->Paths();
  std::string html = Body(*site, "f/field-service/compare/index.html");
  size_t from = html.find("<ul class=\"pairs\">");
  ASSERT_NE(from, std::string::npos);
  std::string list = html.substr(from, html.find("</ul>", from) - from);
  std::regex link("<li><a href=\"\\.\\./\\.\\./\\.\\./([^\"]+)\">");  // links are relative
  int links = 0;
  for (auto it = std::sregex_iterator(list.begin(), list.end(), link); it != std::sregex_iterator();
       ++it, ++links) {
    std::string target = (*it)[1].str();
    EXPECT_NE(std::find(paths.begin(), paths.end(), target), paths.end()) << target;
  }
  EXPECT_EQ(links, 5);
  EXPECT_THAT(html, HasSubstr("data-pages=\"ic.t1--ic.t2 ic.t1--mgmt.m1 ic.t2--ic.t3 "
                              "ic.t2--mgmt.m1 mgmt.m1--ic.t3\""));
  EXPECT_THAT(html, HasSubstr("<code>ladder serve</code> compares any two levels"));
  // The server compares any two: no list of pages for the form, and any pair renders.
  auto server = BuildSite({FieldService()}, /*static_site=*/false);
  std::string served = Body(*server, "f/field-service/compare/index.html");
  EXPECT_THAT(served, Not(HasSubstr("data-pages")));
  EXPECT_THAT(Body(*server, "f/field-service/compare/ic.t3--ic.t1.html"), HasSubstr("T3"));
}

TEST(Site, TheServedFrameworkPageOffersEveryExportAndEachReadsBack) {
  const model::Framework f = FieldService();
  auto server = BuildSite({f}, /*static_site=*/false);
  std::string page = Body(*server, "f/field-service/index.html");
  const std::string base = "f/field-service/downloads/field-service-" + f.version;
  for (const char* ext : {"yaml", "json", "md", "csv", "xlsx"})
    EXPECT_THAT(page, HasSubstr("href=\"../../" + base + "." + ext + "\" download"))
        << "no link to the " << ext << " export";
  auto yaml = server->Render(base + ".yaml");
  ASSERT_TRUE(yaml) << yaml.error().ToString();
  EXPECT_EQ(yaml->content_type, "application/yaml; charset=utf-8");
  EXPECT_TRUE(yaml->published);
  auto read = formats::ReadYaml(yaml->body, "download.yaml");
  ASSERT_TRUE(read) << read.error().ToString();
  EXPECT_EQ(read->tracks.size(), f.tracks.size());
  EXPECT_EQ(read->competencies.size(), f.competencies.size());
  auto json = server->Render(base + ".json");
  ASSERT_TRUE(json);
  EXPECT_TRUE(formats::ReadJson(json->body, "download.json"));
  auto xlsx = server->Render(base + ".xlsx");
  ASSERT_TRUE(xlsx) << xlsx.error().ToString();
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK") << "a workbook is a zip archive";
  EXPECT_THAT(Body(*server, base + ".csv"), HasSubstr("framework,version,track"));
  EXPECT_THAT(Body(*server, base + ".md"), HasSubstr("# "));
  EXPECT_EQ(server->Render(base + ".exe").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(server->Render("f/field-service/downloads/field-service-0.yaml").error().code,
            ErrorCode::kNotFound)
      << "only the version the page shows";
  // The static site has no downloads (`ladder export` writes them): no links, no files.
  auto site = BuildSite({f});
  EXPECT_THAT(Body(*site, "f/field-service/index.html"), Not(HasSubstr("downloads/")));
  EXPECT_FALSE(site->Render(base + ".yaml"));
}

std::map<std::string, std::string> ReadTree(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    files[std::filesystem::relative(e.path(), dir).string()] = buf.str();
  }
  return files;
}

TEST(StaticSite, SameBytesWhateverTheNumberOfThreads) {
  model::Framework other = FieldService();
  other.id = "field-service-2";
  other.name = "Field Service Two";
  auto site = BuildSite({FieldService(), other});
  char dir[] = "/tmp/ladder-static-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::filesystem::path root = dir;
  std::map<std::string, std::string> first;
  for (unsigned threads : {1u, 2u, 7u}) {
    std::filesystem::path out = root / std::to_string(threads);
    auto stats = WriteStaticSite(*site, out, threads);
    ASSERT_TRUE(stats.has_value()) << stats.error().ToString();
    EXPECT_EQ(stats->files, site->Paths().size());
    std::map<std::string, std::string> files = ReadTree(out);
    EXPECT_EQ(files.size(), site->Paths().size());
    if (threads == 1) {
      first = files;
      EXPECT_EQ(files.at("f/field-service/ic/t2.html"), Body(*site, "f/field-service/ic/t2.html"));
    } else {
      EXPECT_EQ(files, first) << threads << " threads";
    }
  }
  std::filesystem::remove_all(root);
}

TEST(StaticSite, UnwritableDirectoryIsAnIoErrorWithThePath) {
  auto site = BuildSite({FieldService()});
  auto stats = WriteStaticSite(*site, "/proc/ladder-cannot-write-here", 2);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().code, ErrorCode::kIo);
  EXPECT_THAT(stats.error().message, HasSubstr("/proc/ladder-cannot-write-here"));
}

TEST(Site, LevelPageShowsThreeColumnsWithTheCurrentOneMarked) {
  auto site = BuildSite({FieldService()});
  std::string html = Body(*site, "f/field-service/ic/t2.html");
  EXPECT_EQ(Count(html, "<th scope=\"col\""), 4);  // section + previous, current, next
  EXPECT_THAT(html, HasSubstr("aria-current=\"page\""));
  EXPECT_THAT(html, HasSubstr("T1 · Technician"));
  EXPECT_THAT(html, HasSubstr("T3 · Lead Technician"));
  // One new behaviour in Repairs, one reworded in Customers; the repeated one is not marked.
  EXPECT_EQ(Count(html, "<li class=\"new\">"), 1);
  EXPECT_THAT(html, HasSubstr("<li class=\"new\"><span class=\"badge badge-new\">New</span> "
                              "Diagnoses faults without a checklist</li>"));
  EXPECT_EQ(Count(html, "<li class=\"changed\">"), 1);
  EXPECT_THAT(html, HasSubstr("Not defined until the regional teams grow"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"rowgroup\" colspan=\"4\">Craft</th>"));
  EXPECT_THAT(html, HasSubstr("12 months at T1"));
  EXPECT_THAT(html, HasSubstr("lang=\"en\""));
}

TEST(Site, FirstLevelMarksNothingAsNew) {
  auto site = BuildSite({FieldService()});
  std::string html = Body(*site, "f/field-service/ic/t1.html");
  // Only the next column (T2) has marks; T1 itself has nothing to be compared with.
  EXPECT_THAT(html, Not(HasSubstr("new or reworded at this level")));
  EXPECT_EQ(Count(html, "<li class=\"new\">"), 1);
  EXPECT_THAT(html, HasSubstr("None: this is the first level"));
}

TEST(Site, CumulativeFrameworkShowsInheritedBehavioursAsInherited) {
  model::Framework f = FieldService();
  f.cumulative = true;
  f.tracks[0].levels[1].expectations[0].behaviours = {"Diagnoses faults without a checklist"};
  auto site = BuildSite({f});
  std::string html = Body(*site, "f/field-service/ic/t2.html");
  EXPECT_THAT(html, HasSubstr("<li class=\"inherited\">Replaces parts from a checklist "
                              "<span class=\"from\">T1</span></li>"));
  EXPECT_EQ(Count(html, "<li class=\"new\">"), 1);
  // Folded by default, with one button on the page that opens or folds them all.
  EXPECT_GT(Count(html, "<details class=\"inherited\">"), 0);
  EXPECT_THAT(html, Not(HasSubstr("<details class=\"inherited\" open>")));
  EXPECT_EQ(Count(html, "data-toggle-inherited"), 1);
  // The server's page folds them alike (print.css prints them open).
  std::string served = Body(*BuildSite({f}, /*static_site=*/false), "f/field-service/ic/t2.html");
  EXPECT_THAT(served, Not(HasSubstr("<details class=\"inherited\" open>")));
  EXPECT_EQ(Count(served, "data-toggle-inherited"), 1);
  EXPECT_THAT(Body(*site, "static/print.css"), HasSubstr("details.inherited::details-content"));
}

TEST(Site, CountsAgreeWithTheirNouns) {
  auto site = BuildSite({FieldService()});
  std::string home = Body(*site, "index.html");
  EXPECT_THAT(home, HasSubstr("Management: 1 level</li>"));
  EXPECT_THAT(home, HasSubstr("Technician path: 3 levels</li>"));
  EXPECT_THAT(home, Not(HasSubstr("1 levels")));
  auto served = BuildSite({FieldService()}, /*static_site=*/false);
  EXPECT_THAT(Body(*served, "search.html", {{"q", "escalations"}}), HasSubstr("1 result for"));
}

TEST(Site, FrameworkPageHasMatrixPillarsUndefinedLevelAndNotes) {
  auto site = BuildSite({FieldService()});
  std::string html = Body(*site, "f/field-service/index.html");
  EXPECT_THAT(html, HasSubstr("<caption>Technician path: levels and what each expects</caption>"));
  EXPECT_THAT(html, HasSubstr("scope=\"rowgroup\""));
  EXPECT_THAT(html, HasSubstr("Not defined until the regional teams grow"));
  EXPECT_THAT(html, HasSubstr("Twice a year, <strong>after</strong> the review."));
  EXPECT_THAT(html, HasSubstr("Dispatcher"));
  EXPECT_THAT(html, HasSubstr("Technician path → Management"));
  EXPECT_THAT(html, HasSubstr("data-chart=\"{&quot;labels&quot;:[&quot;T1&quot;"));
  // The chart counts what each level adds: T2 keeps T1's repair and adds one (1, not 2).
  EXPECT_THAT(html, HasSubstr("{&quot;label&quot;:&quot;Repairs&quot;,&quot;data&quot;:[1,1,"));
}

TEST(Site, ComparePageShowsWordLevelChangesAcrossTracks) {
  auto site = BuildSite({FieldService()});
  std::string html = Body(*site, "f/field-service/compare/ic.t1--ic.t2.html");
  EXPECT_THAT(html, HasSubstr("<ins>and the repair</ins>"));
  EXPECT_THAT(html, HasSubstr("Diagnoses faults without a checklist"));
  std::string cross =
      Body(*site, "f/field-service/compare/index.html", {{"a", "ic.t2"}, {"b", "mgmt.m1"}});
  EXPECT_THAT(cross, HasSubstr("across tracks"));
  EXPECT_THAT(cross, HasSubstr("Handles escalations"));
  EXPECT_FALSE(site->Render("f/field-service/compare/index.html", {{"a", "ic.t2"}, {"b", "x"}}));
}

TEST(Site, ChangelogListsChangedLevelsBetweenVersions) {
  model::Framework v1 = FieldService();
  v1.version = "2024.2";
  model::Framework v2 = FieldService();
  v2.tracks[0].levels[0].expectations[0].behaviours.push_back("Keeps the van stocked");
  auto site = BuildSite({v2, v1});
  std::string html = Body(*site, "f/field-service/changelog.html");
  EXPECT_THAT(html, HasSubstr("2024.2 → 2025.1"));
  EXPECT_THAT(html, HasSubstr("Keeps the van stocked"));
  EXPECT_THAT(html, Not(HasSubstr("T2 · Senior Technician</h3>")));
}

TEST(Site, RoleCatalogueIsAFamilyBySeniorityGrid) {
  auto site = BuildSite({FieldService()});
  std::string html = Body(*site, "roles/index.html");
  EXPECT_THAT(html, HasSubstr("3 roles in 2 families."));
  // Columns junior first: Associate, base title, Senior.
  std::regex cols(
      "<th scope=\"col\">Associate</th><th scope=\"col\">Base title</th>"
      "<th scope=\"col\">Senior</th>");
  EXPECT_TRUE(std::regex_search(html, cols)) << html;
  std::string family = Body(*site, "roles/field-service/family/field-technician.html");
  EXPECT_LT(family.find("Field Technician</a>"), family.find("Senior Field Technician</a>"));
}

TEST(Site, SearchFindsBehavioursAndLinksToTheCompetency) {
  auto site = BuildSite({FieldService()}, /*static_site=*/false);
  std::vector<SearchHit> hits = site->Search("diagnoses FAULTS");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].url, "f/field-service/ic/t2.html#c-repairs");
  EXPECT_THAT(hits[0].snippet, HasSubstr(Marked("Diagnoses")));
  std::string html = Body(*site, "search.html", {{"q", "escalations"}});
  EXPECT_THAT(html, HasSubstr("href=\"f/field-service/mgmt/m1.html#c-customers\""));
  EXPECT_THAT(html, HasSubstr("<mark>escalations</mark>"));
}

TEST(Site, UnknownPagesAreNotFound) {
  auto site = BuildSite({FieldService()});
  for (const char* p :
       {"nope.html", "f/none/index.html", "f/field-service/ic/t9.html",
        "f/field-service/compare/ic.t1--zz.html", "static/none.css", "../etc/passwd"}) {
    auto page = site->Render(p);
    ASSERT_FALSE(page.has_value()) << p;
    EXPECT_EQ(page.error().code, ErrorCode::kNotFound);
  }
}

TEST(Site, SameInputGivesSameBytes) {
  auto a = BuildSite({FieldService()});
  auto b = BuildSite({FieldService()});
  for (const std::string& p : a->Paths()) EXPECT_EQ(Body(*a, p), Body(*b, p)) << p;
}

TEST(Site, DuplicateVersionIsRefused) {
  auto site = Site::Build({FieldService(), FieldService()});
  ASSERT_FALSE(site.has_value());
  EXPECT_EQ(site.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(site.error().message, HasSubstr("2025.1"));
}

TEST(VersionLess, ComparesNumbersAsNumbers) {
  EXPECT_TRUE(VersionLess("2023.9", "2023.10"));
  EXPECT_TRUE(VersionLess("1.2", "1.2.1"));
  EXPECT_FALSE(VersionLess("2.0", "2.0"));
  EXPECT_TRUE(VersionLess("v1", "v2"));
}

// Every text field carries markup and script; none of it may reach the page as markup.
TEST(Site, HostileTextIsEscapedEverywhere) {
  const std::string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
  model::Framework f = FieldService();
  f.name += payload;
  f.description = payload;
  for (auto& c : f.competencies) c.name += payload, c.description += payload;
  for (auto& g : f.groups) g.name += payload;
  for (auto& t : f.tracks) {
    t.name += payload;
    for (auto& l : t.levels) {
      l.title += payload;
      l.summary += payload;
      l.note += payload;
      for (auto& a : l.attributes) a.second += payload;
      for (auto& e : l.expectations)
        for (auto& b : e.behaviours) b += payload;
    }
  }
  for (auto& n : f.notes)
    n.title += payload, n.markdown += payload + "\n\n[x](javascript:alert(3))";
  for (auto& r : f.roles) r.title += payload, r.summary += payload, r.family += payload;
  auto site = BuildSite({f}, /*static_site=*/false);
  for (const std::string& p : site->Paths()) {
    if (p.rfind("static/", 0) == 0 || p.rfind("search-index", 0) == 0) continue;
    std::string html = Body(*site, p);
    EXPECT_THAT(html, Not(HasSubstr("<script>alert"))) << p;
    EXPECT_THAT(html, Not(HasSubstr("<img"))) << p;
    EXPECT_THAT(html, Not(HasSubstr("javascript:"))) << p;
  }
  std::string search = Body(*site, "search.html", {{"q", "script"}});
  EXPECT_THAT(search, Not(HasSubstr("<script>alert")));
}

}  // namespace
}  // namespace ladder::render
