// The leak check (leaks.h): the hostile corpus of testdata/leaks.tsv, one case a line, then
// the allow-list, the walk over a framework's fields and the findings lint prints.
#include "analysis/leaks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/text.h"

namespace ladder::analysis {
namespace {

// "kind:host" (e-mails and files: "kind:text"), joined by " ; ".
std::string Summary(const std::vector<Leak>& leaks) {
  if (leaks.empty()) return "-";
  std::vector<std::string> parts;
  for (const Leak& l : leaks) {
    const bool by_text = l.kind == LeakKind::kEmail || l.kind == LeakKind::kFileUrl;
    parts.push_back(std::string(LeakKindName(l.kind)) + ":" + (by_text ? l.text : l.host));
  }
  return text::Join(parts, " ; ");
}

TEST(Leaks, HostileCorpus) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/src/analysis/testdata/leaks.tsv");
  ASSERT_TRUE(in) << "testdata/leaks.tsv";
  LeakOptions options;
  options.internal_domains = {"corp.example.com"};
  std::string line;
  int line_number = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "leaks.tsv:" << line_number << ": no tab";
    std::string input = text::ReplaceAll(line.substr(0, tab), "\\n", "\n");
    std::string expected = line.substr(tab + 1);
    EXPECT_EQ(Summary(FindLeaksInText(input, options)), expected)
        << "leaks.tsv:" << line_number << ": " << input;
    ++cases;
  }
  EXPECT_GE(cases, 80);
}

TEST(Leaks, CanonicalHosts) {
  EXPECT_EQ(CanonicalHost("0x7F.1"), "127.0.0.1");
  EXPECT_EQ(CanonicalHost("WIKI.Corp."), "wiki.corp");
  EXPECT_EQ(CanonicalHost("b\xC3\xBC"
                          "cher.example"),
            "xn--bcher-kva.example");
  EXPECT_EQ(CanonicalHost("[::FFFF:10.0.0.1]"), "[::ffff:10.0.0.1]");
  EXPECT_EQ(CanonicalHost("256.256.256.256"), "");  // browsers refuse it
  EXPECT_EQ(CanonicalHost("1.2.3.4.5"), "");
  EXPECT_EQ(CanonicalHost("[not-v6]"), "");
}

TEST(Leaks, AllowList) {
  LeakOptions options;
  options.allow = {"https://docs.google.com/document/d/public-doc", "careers@acme.example",
                   "*.status.acme.example", "10.0.0.8"};
  std::vector<Leak> leaks = FindLeaksInText(
      "https://docs.google.com/document/d/public-doc/view "
      "https://docs.google.com/document/d/private-doc "
      "careers@acme.example jane@acme.example http://eu.status.acme.example.corp/ "
      "http://10.0.0.8/ http://10.0.0.9/",
      options);
  ASSERT_EQ(leaks.size(), 7u) << Summary(leaks);
  EXPECT_TRUE(leaks[0].allowed);  // the URL starts with the allowed one
  EXPECT_EQ(leaks[0].allowed_by, "https://docs.google.com/document/d/public-doc");
  EXPECT_FALSE(leaks[1].allowed);  // another document of the same host
  EXPECT_TRUE(leaks[2].allowed);   // that address
  EXPECT_FALSE(leaks[3].allowed);  // another address at the same domain
  EXPECT_FALSE(leaks[4].allowed);  // .corp below an allowed name is another host
  EXPECT_TRUE(leaks[5].allowed);
  EXPECT_FALSE(leaks[6].allowed);  // another address
  EXPECT_FALSE(HasBlockingLeaks({leaks[0], leaks[2], leaks[5]}));
  EXPECT_TRUE(HasBlockingLeaks(leaks));

  // A host entry allows its sub-domains and the e-mail addresses at it.
  options.allow = {"acme.example"};
  leaks = FindLeaksInText("https://wiki.acme.example.corp/ ops@acme.example", options);
  ASSERT_EQ(leaks.size(), 2u);
  EXPECT_FALSE(leaks[0].allowed);
  EXPECT_TRUE(leaks[1].allowed);
}

model::Framework Framework() {
  model::Framework fw;
  fw.id = "support";
  fw.description = "Start at http://wiki.corp/support.";
  model::Competency c{"delivery", "Delivery", "", {}};
  fw.competencies = {c};
  model::Level l;
  l.code = "IC2";
  l.rank = 2;
  l.origin.where = {"support.yaml", 40, 9};
  l.attributes = {{"job_description", "[JD](https://docs.google.com/document/d/x)"}};
  model::Expectation e;
  e.competency = "delivery";
  e.behaviours = {"Answers tickets.", "Escalates to oncall@acme.example."};
  e.origin.where = {"support.yaml", 44, 11};
  l.expectations = {e};
  l.requirements = {{"A year on \\\\fs01\\hr\\ladder.xlsx", model::ManualRule{}, {}}};
  fw.tracks = {{"ic", "IC", model::TrackKind::kIc, "", {l}, {}}};
  fw.notes = {{"Links", "Internal: <http://10.9.8.7/>", {}}};
  fw.roles = {{"se",
               "Support Engineer",
               "",
               "Support Engineer",
               "",
               {},
               {"https://acme.notion.site/x"},
               {},
               "",
               {}}};
  return fw;
}

TEST(Leaks, EveryFieldOfAFramework) {
  model::Framework fw = Framework();
  std::vector<Leak> leaks = FindLeaks(fw);
  ASSERT_EQ(leaks.size(), 6u) << Summary(leaks);
  EXPECT_EQ(leaks[0].field, "framework.description");
  EXPECT_EQ(leaks[1].field, "tracks.ic.levels.IC2.attributes.job_description");
  EXPECT_EQ(leaks[1].where.line, 40);
  EXPECT_EQ(leaks[2].field, "tracks.ic.levels.IC2.expectations.delivery[1]");
  EXPECT_EQ(leaks[2].where.ToString(), "support.yaml:44:11");
  EXPECT_EQ(leaks[3].field, "tracks.ic.levels.IC2.requirements[0]");
  EXPECT_EQ(leaks[3].kind, LeakKind::kFileUrl);
  EXPECT_EQ(leaks[4].field, "notes[0].markdown");
  EXPECT_EQ(leaks[5].field, "roles.se.skills[0]");

  // The framework's own allow-list and the options' are both read.
  fw.allow_links = {"docs.google.com", "oncall@acme.example"};
  LeakOptions options;
  options.allow = {"acme.notion.site"};
  leaks = FindLeaks(fw, options);
  int allowed = 0;
  for (const Leak& l : leaks) allowed += l.allowed ? 1 : 0;
  EXPECT_EQ(allowed, 3);
  EXPECT_TRUE(HasBlockingLeaks(leaks));
}

TEST(Leaks, Findings) {
  model::Framework fw = Framework();
  fw.allow_links = {"wiki.corp"};
  std::vector<Finding> findings = LeakFindings(FindLeaks(fw));
  ASSERT_EQ(findings.size(), 6u);
  EXPECT_EQ(findings[0].code, "leak-internal-host");
  EXPECT_EQ(findings[0].severity, Severity::kInfo);
  EXPECT_NE(findings[0].message.find("allowed by 'wiki.corp'"), std::string::npos);
  EXPECT_EQ(findings[1].code, "leak-document-host");
  EXPECT_EQ(findings[1].severity, Severity::kWarning);
  EXPECT_NE(findings[1].message.find("Google Docs"), std::string::npos);
  EXPECT_EQ(findings[2].code, "leak-email");
  EXPECT_EQ(findings[2].location.ToString(), "support.yaml:44:11");
}

}  // namespace
}  // namespace ladder::analysis
