#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "formats/canonical.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every example and fixture of the canonical format.
std::vector<fs::path> Documents() {
  std::vector<fs::path> out;
  for (const char* dir : {"examples", "src/formats/testdata/canonical"}) {
    fs::path folder = fs::path(LADDER_SOURCE_DIR) / dir;
    if (!fs::exists(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.path().extension() == ".yaml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

model::Framework MustRead(std::string_view text, std::string_view name = "test.yaml") {
  Result<model::Framework> fw = ReadYaml(text, name);
  EXPECT_TRUE(fw.has_value()) << (fw ? "" : fw.error().ToString());
  return fw ? *fw : model::Framework{};
}

// The error of reading `text` as "line:col: message" (file name "t.yaml").
Error ErrorOf(std::string_view text) {
  Result<model::Framework> fw = ReadYaml(text, "t.yaml");
  EXPECT_FALSE(fw.has_value()) << "expected an error for:\n" << text;
  return fw ? Error{} : fw.error();
}

std::string Where(const Error& e) { return e.where.ToString(); }

TEST(canonical_Documents, ThereAreExamplesAndFixtures) {
  std::vector<fs::path> docs = Documents();
  EXPECT_GE(docs.size(), 2u);
}

TEST(canonical_Documents, EveryDocumentRoundTripsThroughYaml) {
  for (const fs::path& path : Documents()) {
    SCOPED_TRACE(path.string());
    model::Framework fw = MustRead(Slurp(path), path.string());
    std::string written = WriteYaml(fw);
    Result<model::Framework> again = ReadYaml(written, "written.yaml");
    ASSERT_TRUE(again.has_value()) << again.error().ToString() << "\n" << written;
    EXPECT_EQ(*again, fw);
    // fmt is idempotent: formatting the formatted text changes nothing.
    EXPECT_EQ(WriteYaml(*again), written);
  }
}

TEST(canonical_Documents, EveryDocumentRoundTripsThroughJson) {
  for (const fs::path& path : Documents()) {
    SCOPED_TRACE(path.string());
    model::Framework fw = MustRead(Slurp(path), path.string());
    std::string json = WriteJson(fw);
    Result<model::Framework> again = ReadJson(json, "written.json");
    ASSERT_TRUE(again.has_value()) << again.error().ToString() << "\n" << json;
    EXPECT_EQ(*again, fw);
    EXPECT_EQ(WriteJson(*again), json);
  }
}

TEST(canonical_Documents, ExamplesAndCanonicalFixturesAreInCanonicalForm) {
  for (const fs::path& path : Documents()) {
    if (path.filename() == "hand_written.yaml") continue;  // deliberately not canonical
    SCOPED_TRACE(path.string());
    std::string text = Slurp(path);
    EXPECT_EQ(WriteYaml(MustRead(text, path.string())), text);
  }
}

// Text in, text out: a hand-written file (flow style, comments, no ranks, plain numbers for
// text) and its canonical form, checked line by line when it was written.
TEST(canonical_Golden, HandWrittenBecomesCanonical) {
  fs::path dir = fs::path(LADDER_SOURCE_DIR) / "src/formats/testdata/canonical";
  model::Framework fw = MustRead(Slurp(dir / "hand_written.yaml"), "hand_written.yaml");
  EXPECT_EQ(WriteYaml(fw), Slurp(dir / "hand_written.expected.yaml"));
}

TEST(canonical_Read, EveryKeyLandsInTheModel) {
  fs::path path = fs::path(LADDER_SOURCE_DIR) / "src/formats/testdata/canonical/every_key.yaml";
  model::Framework fw = MustRead(Slurp(path), "every_key.yaml");
  EXPECT_EQ(fw.id, "fixture-every-key");
  EXPECT_EQ(fw.family, "support");
  EXPECT_EQ(fw.version, "2024.10");
  EXPECT_EQ(fw.status, model::FrameworkStatus::kPublished);
  EXPECT_EQ(fw.effective, "2024-10-01");
  EXPECT_TRUE(fw.cumulative);
  EXPECT_EQ(fw.consensus, model::ConsensusRule::kMajority);
  EXPECT_EQ(fw.description,
            "A framework written to exercise every key of the canonical format.\n\nIt is not a "
            "real ladder.\n");
  EXPECT_EQ(fw.source.file, "fixture.md");
  EXPECT_EQ(fw.source.format, "yaml");
  ASSERT_EQ(fw.groups.size(), 2u);
  EXPECT_EQ(fw.groups[0].description, "How the work is done.");
  EXPECT_EQ(fw.groups[0].competencies, (std::vector<std::string>{"quality", "tooling"}));
  ASSERT_EQ(fw.competencies.size(), 3u);
  EXPECT_EQ(fw.competencies[0].description,
            "Ships work that holds up: tested, reviewed, observable.");
  ASSERT_EQ(fw.tracks.size(), 4u);
  EXPECT_EQ(fw.tracks[0].kind, model::TrackKind::kCore);
  EXPECT_EQ(fw.tracks[0].description, "Everyone starts here.");
  EXPECT_EQ(fw.tracks[3].kind, model::TrackKind::kOther);
  const model::Level& l1 = fw.tracks[0].levels[0];
  EXPECT_EQ(l1.code, "1");
  EXPECT_EQ(l1.summary, "Learns the product and the tools.");
  EXPECT_EQ(l1.attributes, (model::Attributes{{"years_of_experience", "0 to 2"},
                                              {"scope of action", "own tickets"}}));
  ASSERT_EQ(l1.expectations.size(), 3u);
  EXPECT_EQ(l1.expectations[0].behaviours[1], "Asks for review: always.");
  EXPECT_TRUE(l1.expectations[1].behaviours.empty());
  EXPECT_TRUE(l1.expectations[2].undefined);
  EXPECT_EQ(l1.expectations[2].summary, "Not expected yet.");
  EXPECT_EQ(l1.expectations[2].note, "Not currently defined");
  const model::Level& ic2 = fw.tracks[1].levels[0];
  EXPECT_EQ(ic2.inherits, "core/1");
  EXPECT_EQ(ic2.expectations[0].behaviours[1], "**Reviews** the work of peers.");
  EXPECT_EQ(std::get<model::TimeAtLevel>(ic2.requirements[0].rule), (model::TimeAtLevel{"1", 12}));
  EXPECT_EQ(std::get<model::ConsistentPerformance>(ic2.requirements[1].rule),
            (model::ConsistentPerformance{"", 12}));
  EXPECT_EQ(std::get<model::PerformingAtNext>(ic2.requirements[2].rule),
            (model::PerformingAtNext{3, false}));
  const model::Level& ic4 = fw.tracks[1].levels[1];
  EXPECT_EQ(ic4.state, model::LevelState::kUndefined);
  EXPECT_EQ(ic4.note, "Not defined yet; see the notes.");
  EXPECT_EQ(std::get<model::EvidenceCount>(ic4.requirements[0].rule),
            (model::EvidenceCount{"talk", 3, 12}));
  EXPECT_EQ(std::get<model::TimeInRole>(ic4.requirements[1].rule),
            (model::TimeInRole{"tech-lead", 12}));
  EXPECT_EQ(std::get<model::SmeSkillsets>(ic4.requirements[2].rule),
            (model::SmeSkillsets{2, "automation"}));
  EXPECT_EQ(std::get<model::MetricThreshold>(ic4.requirements[3].rule),
            (model::MetricThreshold{"resolved_without_assistance", 90.5}));
  EXPECT_TRUE(std::holds_alternative<model::PeerReviewPassed>(ic4.requirements[4].rule));
  EXPECT_TRUE(std::holds_alternative<model::DocumentedNeed>(ic4.requirements[5].rule));
  EXPECT_EQ(std::get<model::Approval>(ic4.requirements[6].rule).by, "leadership");
  EXPECT_EQ(std::get<model::Approval>(ic4.requirements[7].rule).by, "");
  EXPECT_TRUE(std::holds_alternative<model::ManualRule>(ic4.requirements[8].rule));
  ASSERT_EQ(fw.overlays.size(), 1u);
  EXPECT_EQ(fw.overlays[0].duties.size(), 2u);
  EXPECT_EQ(fw.overlays[0].levels, (std::vector<std::string>{"ic/IC2"}));
  EXPECT_TRUE(fw.overlays[0].needs_documented_need);
  ASSERT_EQ(fw.transitions.size(), 1u);
  EXPECT_EQ(fw.transitions[0].from, "ic");
  EXPECT_EQ(fw.transitions[0].to, "mgmt");
  EXPECT_EQ(fw.transitions[0].description, "Moving from IC to management.");
  ASSERT_EQ(fw.policy.size(), 1u);
  ASSERT_EQ(fw.notes.size(), 2u);
  EXPECT_EQ(fw.notes[0].markdown, "When the requirements are met.\n\n- One\n- Two");
  EXPECT_EQ(fw.notes[1].title, "");
  ASSERT_EQ(fw.roles.size(), 1u);
  EXPECT_EQ(fw.roles[0].seniority, "Senior");
  EXPECT_EQ(fw.roles[0].kpis, (std::vector<std::string>{"Time to resolution"}));
  EXPECT_EQ(fw.roles[0].path, "Staff Support Engineer next.");
}

TEST(canonical_Read, OriginsPointAtEachValue) {
  model::Framework fw = MustRead(
      "ladder: 1\n"
      "framework: {id: x}\n"
      "competencies:\n"
      "  - id: delivery\n"
      "tracks:\n"
      "  - id: ic\n"
      "    levels:\n"
      "      - code: L1\n"
      "        expectations:\n"
      "          delivery: [a]\n"
      "        requirements:\n"
      "          - {text: t, rule: manual}\n",
      "o.yaml");
  EXPECT_EQ(fw.origin.where.ToString(), "o.yaml:2:12");
  EXPECT_EQ(fw.competencies[0].origin.where.ToString(), "o.yaml:4:5");
  EXPECT_EQ(fw.tracks[0].origin.where.ToString(), "o.yaml:6:5");
  EXPECT_EQ(fw.tracks[0].levels[0].origin.where.ToString(), "o.yaml:8:9");
  EXPECT_EQ(fw.tracks[0].levels[0].expectations[0].origin.where.ToString(), "o.yaml:10:21");
  EXPECT_EQ(fw.tracks[0].levels[0].requirements[0].origin.where.ToString(), "o.yaml:12:13");
}

TEST(canonical_Read, RankDefaultsToOneMoreThanThePreviousLevel) {
  model::Framework fw = MustRead(
      "ladder: 1\nframework: {id: x}\ntracks:\n"
      "  - {id: a, levels: [{code: A}, {code: B}, {code: C, rank: 7}, {code: D}]}\n"
      "  - {id: b, levels: [{code: E}]}\n");
  std::vector<int> ranks;
  for (const model::Level& l : fw.tracks[0].levels) ranks.push_back(l.rank);
  EXPECT_EQ(ranks, (std::vector<int>{1, 2, 7, 8}));
  EXPECT_EQ(fw.tracks[1].levels[0].rank, 1);
}

TEST(canonical_Read, PlainNumbersInTextFieldsKeepTheirText) {
  model::Framework fw = MustRead("ladder: 1\nframework: {id: x, version: 2023.08, name: 010}\n");
  EXPECT_EQ(fw.version, "2023.08");
  EXPECT_EQ(fw.name, "010");
}

TEST(canonical_Read, RoleIdDefaultsToTheSlugOfItsTitle) {
  model::Framework fw =
      MustRead("ladder: 1\nframework: {id: x}\nroles: [{title: Senior Data Engineer}]\n");
  EXPECT_EQ(fw.roles[0].id, "senior-data-engineer");
}

TEST(canonical_Read, AliasesAreResolved) {
  model::Framework fw = MustRead(
      "ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\n"
      "tracks:\n  - id: a\n    levels:\n"
      "      - {code: A, expectations: {c: &same [One, Two]}}\n"
      "      - {code: B, expectations: {c: *same}}\n");
  EXPECT_EQ(fw.tracks[0].levels[1].expectations[0].behaviours,
            (std::vector<std::string>{"One", "Two"}));
}

// ---- Bad input: each error names its place -------------------------------------------------

TEST(canonical_Errors, EmptyDocument) {
  for (const char* text : {"", "\n\n  \n", "# only a comment\n", "~\n"}) {
    Error e = ErrorOf(text);
    EXPECT_EQ(e.code, ErrorCode::kParse);
    EXPECT_NE(e.message.find("empty"), std::string::npos) << e.message;
    EXPECT_EQ(Where(e), "t.yaml:1:1");
  }
}

TEST(canonical_Errors, UnknownKeySuggestsTheClosestKey) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  titel: X\n");
  EXPECT_EQ(Where(e), "t.yaml:4:3");
  EXPECT_NE(e.message.find("unknown key 'titel'"), std::string::npos) << e.message;
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ntracks:\n  - id: ic\n    levels:\n      - code: L1\n"
      "        sumary: hi\n");
  EXPECT_EQ(Where(e), "t.yaml:7:9");
  EXPECT_EQ(e.field, "tracks.ic.levels.L1");
  EXPECT_NE(e.message.find("did you mean 'summary'?"), std::string::npos) << e.message;
}

TEST(canonical_Errors, UnknownKeyWithoutCloseMatchListsTheKeys) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\nzebra: 1\n");
  EXPECT_EQ(Where(e), "t.yaml:3:1");
  EXPECT_NE(e.message.find("expected one of: ladder, framework"), std::string::npos) << e.message;
}

TEST(canonical_Errors, MergeKeysAreRefused) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  <<: {name: y}\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(Where(e), "t.yaml:4:3");
  EXPECT_NE(e.message.find("merge keys (`<<`) are not supported"), std::string::npos);
}

TEST(canonical_Errors, DuplicateKeys) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  name: A\n  name: B\n");
  EXPECT_EQ(Where(e), "t.yaml:5:3");
  EXPECT_EQ(e.field, "framework.name");
  EXPECT_NE(e.message.find("duplicate key 'name'"), std::string::npos);
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\ntracks:\n  - id: a\n    levels:\n"
      "      - code: A\n        expectations:\n          c: [x]\n          c: [y]\n");
  EXPECT_EQ(Where(e), "t.yaml:10:11");
}

TEST(canonical_Errors, WrongTypes) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  name: [a, b]\n");
  EXPECT_EQ(Where(e), "t.yaml:4:9");
  EXPECT_EQ(e.field, "framework.name");
  EXPECT_NE(e.message.find("expected text, got a list"), std::string::npos) << e.message;

  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ntracks:\n  - id: a\n    levels:\n"
      "      - code: A\n        rank: two\n");
  EXPECT_EQ(Where(e), "t.yaml:7:15");
  EXPECT_EQ(e.field, "tracks.a.levels.A.rank");
  EXPECT_NE(e.message.find("expected a whole number, got the value 'two'"), std::string::npos)
      << e.message;

  e = ErrorOf("ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{code: A, rank: 1.5}]}]\n");
  EXPECT_EQ(Where(e), "t.yaml:3:43");
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{code: A, rank: \"2\"}]}]\n");
  EXPECT_NE(e.message.find("got the string '2'"), std::string::npos) << e.message;

  e = ErrorOf("ladder: 1\nframework: {id: x, cumulative: sometimes}\n");
  EXPECT_EQ(Where(e), "t.yaml:2:32");
  EXPECT_NE(e.message.find("expected true or false"), std::string::npos);

  e = ErrorOf("ladder: 1\nframework: {id: x}\ntracks: {id: a}\n");
  EXPECT_EQ(Where(e), "t.yaml:3:9");
  EXPECT_NE(e.message.find("expected a list, got a mapping"), std::string::npos);

  e = ErrorOf("ladder: 1\nframework: {id: x}\ncompetencies: [c]\n");
  EXPECT_EQ(Where(e), "t.yaml:3:16");
  EXPECT_EQ(e.field, "competencies[0]");
}

TEST(canonical_Errors, BadEnumValuesListTheAllowedOnes) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\ntracks: [{id: a, kind: engineering}]\n");
  EXPECT_EQ(Where(e), "t.yaml:3:24");
  EXPECT_EQ(e.field, "tracks.a.kind");
  EXPECT_NE(e.message.find("allowed: core, ic, management, alternative, other"), std::string::npos)
      << e.message;
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{code: A, state: tbd}]}]\n");
  EXPECT_NE(e.message.find("allowed: defined, undefined"), std::string::npos);
  e = ErrorOf("ladder: 1\nframework: {id: x, consensus: all}\n");
  EXPECT_NE(e.message.find("allowed: unanimous, majority"), std::string::npos);
}

TEST(canonical_Errors, EffectiveMustBeADate) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  effective: next spring\n");
  EXPECT_EQ(Where(e), "t.yaml:4:14");
  EXPECT_EQ(e.field, "framework.effective");
  EXPECT_NE(e.message.find("expected a date written YYYY-MM-DD"), std::string::npos);
  EXPECT_EQ(ErrorOf("ladder: 1\nframework: {id: x, effective: \"2024-02-30\"}\n").field,
            "framework.effective");
}

TEST(canonical_Errors, FormatVersion) {
  Error e = ErrorOf("framework: {id: x}\n");
  EXPECT_EQ(Where(e), "t.yaml:1:1");
  EXPECT_NE(e.message.find("missing key 'ladder'"), std::string::npos);
  e = ErrorOf("ladder: 2\nframework: {id: x}\n");
  EXPECT_EQ(Where(e), "t.yaml:1:9");
  EXPECT_NE(e.message.find("unsupported format version 2"), std::string::npos);
}

TEST(canonical_Errors, RequirementWithoutRule) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\npolicy:\n  - text: Peer review\n");
  EXPECT_EQ(Where(e), "t.yaml:4:5");
  EXPECT_EQ(e.field, "policy[0].rule");
  EXPECT_NE(e.message.find("has no rule"), std::string::npos);
  e = ErrorOf("ladder: 1\nframework: {id: x}\npolicy:\n  - text: Peer review\n    rule:\n");
  EXPECT_EQ(Where(e), "t.yaml:5:5");
}

TEST(canonical_Errors, BadRules) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\npolicy: [{text: t, rule: manul}]\n");
  EXPECT_EQ(Where(e), "t.yaml:3:26");
  EXPECT_NE(e.message.find("did you mean 'manual'?"), std::string::npos) << e.message;
  e = ErrorOf("ladder: 1\nframework: {id: x}\npolicy: [{text: t, rule: {peer_review: failed}}]\n");
  EXPECT_EQ(Where(e), "t.yaml:3:40");
  EXPECT_NE(e.message.find("expected `peer_review: passed`"), std::string::npos);
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\npolicy: [{text: t, rule: {time_at_level: {months: "
      "twelve}}}]\n");
  EXPECT_EQ(e.field, "policy[0].rule.time_at_level.months");
  e = ErrorOf(
      "ladder: 1\nframework: {id: x}\npolicy: [{text: t, rule: {peer_review: passed, "
      "documented_need: open}}]\n");
  EXPECT_NE(e.message.find("exactly one rule kind"), std::string::npos);
  e = ErrorOf("ladder: 1\nframework: {id: x}\npolicy: [{text: t, rule: {metric: {name: m}}}]\n");
  EXPECT_NE(e.message.find("missing at_least"), std::string::npos);
}

TEST(canonical_Errors, InvalidUtf8NamesItsPlace) {
  Error e = ErrorOf("ladder: 1\nframework:\n  id: x\n  name: caf\xe9 bar\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(Where(e), "t.yaml:4:12");
  EXPECT_NE(e.message.find("invalid UTF-8"), std::string::npos);
}

TEST(canonical_Errors, ControlCharacters) {
  static constexpr char kText[] = "ladder: 1\nframework: {id: x\0}\n";
  Error e = ErrorOf(std::string(kText, sizeof kText - 1));
  EXPECT_EQ(Where(e), "t.yaml:2:18");
  EXPECT_NE(e.message.find("control character U+0000"), std::string::npos);
}

TEST(canonical_Errors, InvalidYamlSyntax) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.file, "t.yaml");
  EXPECT_GT(e.where.line, 0);
  EXPECT_NE(e.message.find("invalid YAML"), std::string::npos);
  e = ErrorOf("ladder: 1\nframework:\n  id: x\n name: y\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.line, 4);
}

TEST(canonical_Errors, DeepNestingIsRefused) {
  std::string yaml = "ladder: 1\nframework: {id: x}\nnotes: " + std::string(100000, '[') +
                     std::string(100000, ']') + "\n";
  Error e = ErrorOf(yaml);
  EXPECT_EQ(e.code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(e.where.line, 3);
  EXPECT_NE(e.message.find("nested too deeply"), std::string::npos) << e.message;
  std::string json =
      "{\"ladder\": 1, \"framework\": {\"id\": \"x\"}, \"notes\": " + std::string(100000, '[') +
      std::string(100000, ']') + "}";
  Result<model::Framework> r = ReadJson(json, "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.ToString(), "t.json:1:51");
  EXPECT_EQ(r.error().field, "notes[0]");
}

TEST(canonical_Errors, TwoDocuments) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\n---\nladder: 1\n");
  EXPECT_EQ(Where(e), "t.yaml:3:1");
}

TEST(canonical_Errors, TooLarge) {
  std::string big = "ladder: 1\nframework: {id: x}\nnotes:\n";
  std::string note = "  - markdown: " + std::string(1000, 'x') + "\n";
  while (big.size() <= kMaxDocumentBytes) big += note;
  Error e = ErrorOf(big);
  EXPECT_EQ(e.code, ErrorCode::kResourceExhausted);
  EXPECT_NE(e.message.find("over the limit of 16 MB"), std::string::npos) << e.message;
}

TEST(canonical_Errors, AliasBombIsBounded) {
  // 100 tracks x 100 levels x 1000 behaviours through aliases: 10^7 values from 3 KB of text.
  std::string behaviours = "[x";
  for (int i = 1; i < 1000; ++i) behaviours += ", x";
  behaviours += "]";
  std::string levels = "[&l {code: A, expectations: {c: " + behaviours + "}}";
  for (int i = 1; i < 100; ++i) levels += ", *l";
  levels += "]";
  std::string tracks = "[&t {id: t, levels: " + levels + "}";
  for (int i = 1; i < 100; ++i) tracks += ", *t";
  tracks += "]";
  Error e =
      ErrorOf("ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\ntracks: " + tracks + "\n");
  EXPECT_EQ(e.code, ErrorCode::kResourceExhausted);
  EXPECT_NE(e.message.find("aliases included"), std::string::npos) << e.message;
}

TEST(canonical_Errors, AliasesOfLongTextAreBoundedByTheTextTheyStandFor) {
  // Few values, but each alias repeats 20 KB: 30 KB of YAML standing for 1.5 GB of text.
  std::string behaviours = "[*s";
  for (int i = 1; i < 100; ++i) behaviours += ", *s";
  behaviours += "]";
  std::string levels = "[&l {code: A, expectations: {c: " + behaviours + "}}";
  for (int i = 1; i < 30; ++i) levels += ", *l";
  levels += "]";
  std::string tracks = "[&t {id: t, levels: " + levels + "}";
  for (int i = 1; i < 25; ++i) tracks += ", *t";
  tracks += "]";
  std::string yaml =
      "ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\n"
      "notes: [{title: t, markdown: &s \"" +
      std::string(20000, 'w') + "\"}]\ntracks: " + tracks + "\n";
  Error e = ErrorOf(yaml);
  EXPECT_EQ(e.code, ErrorCode::kResourceExhausted);
  EXPECT_NE(e.message.find("bytes of text (aliases included)"), std::string::npos) << e.message;
  // At the alias that went past the bound: on the tracks line, within the first level.
  EXPECT_EQ(e.where.file, "t.yaml");
  EXPECT_EQ(e.where.line, 5);
  EXPECT_GT(e.where.column, 40);
  EXPECT_LT(e.where.column, 40 + 6 * 100);
}

TEST(canonical_Errors, AliasesCannotNestTooDeeply) {
  std::string yaml = "ladder: 1\nframework: {id: x}\nnotes:\n  - &a0 [x]\n";
  for (int i = 1; i < 70; ++i)
    yaml += "  - &a" + std::to_string(i) + " [x, *a" + std::to_string(i - 1) + "]\n";
  Error e = ErrorOf(yaml);
  EXPECT_EQ(e.code, ErrorCode::kResourceExhausted);
  EXPECT_NE(e.message.find("nested too deeply (more than 64 levels, aliases expanded)"),
            std::string::npos)
      << e.message;
  // At a62 (line 4 + 62): its alias of a61 stands for 62 nested lists, inside a62, the notes
  // and the top mapping.
  EXPECT_EQ(e.where.line, 4 + 62);
}

TEST(canonical_Errors, AnAliasToTheValueHoldingItIsRefused) {
  Error e = ErrorOf("ladder: 1\nframework: {id: x}\nnotes: &n [*n]\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(Where(e), "t.yaml:3:12");
  EXPECT_NE(e.message.find("refers to the value that contains it"), std::string::npos) << e.message;
}

TEST(canonical_Read, AliasesWithinTheBoundsStillWork) {
  // Ten levels sharing one list of behaviours: the bound is proportional to the text, and this
  // is well inside it.
  std::string yaml =
      "ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\ntracks:\n  - id: a\n    levels:\n"
      "      - {code: L0, rank: 1, expectations: {c: &same [" +
      std::string(300, 'b') + ", " + std::string(300, 'c') + "]}}\n";
  for (int i = 1; i < 10; ++i)
    yaml += "      - {code: L" + std::to_string(i) + ", rank: " + std::to_string(i + 1) +
            ", expectations: {c: *same}}\n";
  model::Framework fw = MustRead(yaml);
  ASSERT_EQ(fw.tracks[0].levels.size(), 10u);
  EXPECT_EQ(fw.tracks[0].levels[9].expectations[0].behaviours.size(), 2u);
}

TEST(canonical_Errors, BrokenInvariantsAreReportedWithTheirPlace) {
  Error e = ErrorOf(
      "ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}]\ntracks:\n  - id: a\n    levels:\n"
      "      - code: A\n        rank: 2\n      - code: B\n        rank: 1\n"
      "        expectations: {d: [x]}\n");
  EXPECT_EQ(Where(e), "t.yaml:9:9");
  EXPECT_EQ(e.field, "tracks.a.levels.B.rank");
  EXPECT_NE(e.message.find("(and 1 more problem)"), std::string::npos) << e.message;
  // ParseYaml leaves the invariants to the caller.
  EXPECT_TRUE(
      ParseYaml("ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{code: A, rank: 2}, "
                "{code: B, rank: 1}]}]\n",
                "t.yaml")
          .has_value());
}

TEST(canonical_Errors, MissingRequiredValues) {
  Error e = ErrorOf("ladder: 1\nframework: {name: X}\n");
  EXPECT_EQ(Where(e), "t.yaml:2:12");
  EXPECT_EQ(e.field, "framework.id");
  e = ErrorOf("ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{title: T}]}]\n");
  EXPECT_EQ(e.field, "tracks.a.levels[0].code");
  e = ErrorOf("ladder: 1\n");
  EXPECT_NE(e.message.find("missing key 'framework'"), std::string::npos);
}

// ---- Writing -------------------------------------------------------------------------------

model::Framework Small() {
  return MustRead(
      "ladder: 1\nframework: {id: x, version: \"2023.08\"}\ncompetencies: [{id: c}]\n"
      "tracks:\n  - id: a\n    levels:\n      - code: A\n        expectations:\n"
      "          c: [Writes clear design documents for the team, Reviews code kindly]\n");
}

int ChangedLines(const std::string& a, const std::string& b) {
  std::vector<std::string> la = text::Split(a, '\n'), lb = text::Split(b, '\n');
  if (la.size() != lb.size()) return -1;
  int changed = 0;
  for (size_t i = 0; i < la.size(); ++i) changed += la[i] != lb[i];
  return changed;
}

TEST(canonical_Write, OneWordEditIsOneLineDiff) {
  model::Framework fw = Small();
  std::string before = WriteYaml(fw);
  fw.tracks[0].levels[0].expectations[0].behaviours[0] =
      "Writes clear design documents for the whole team";
  EXPECT_EQ(ChangedLines(before, WriteYaml(fw)), 1);
  // Even in a long multi-line note, editing a word changes one line.
  fw.notes.push_back({"N", std::string(30, 'w') + " one\n" + std::string(300, 'z') + " two\n", {}});
  before = WriteYaml(fw);
  fw.notes[0].markdown = std::string(30, 'w') + " one\n" + std::string(300, 'z') + " three\n";
  EXPECT_EQ(ChangedLines(before, WriteYaml(fw)), 1);
}

TEST(canonical_Write, QuotesWhatWouldReadAsAnotherType) {
  model::Framework fw = Small();
  std::string out = WriteYaml(fw);
  EXPECT_NE(out.find("  version: \"2023.08\"\n"), std::string::npos) << out;
  EXPECT_NE(out.find("      - Writes clear design documents for the team\n"), std::string::npos);
  fw.tracks[0].levels[0].code = "1";
  fw.tracks[0].levels[0].title = "yes";
  fw.tracks[0].levels[0].summary = "null";
  fw.effective = "2024-01-01";
  out = WriteYaml(fw);
  EXPECT_NE(out.find("code: \"1\"\n"), std::string::npos) << out;
  EXPECT_NE(out.find("title: \"yes\"\n"), std::string::npos) << out;
  EXPECT_NE(out.find("summary: \"null\"\n"), std::string::npos) << out;
  EXPECT_NE(out.find("effective: \"2024-01-01\"\n"), std::string::npos) << out;
}

TEST(canonical_Write, OmitsDefaultsAndKeepsRank) {
  model::Framework fw = Small();
  std::string out = WriteYaml(fw);
  for (const char* key : {"status:", "cumulative:", "consensus:", "state:", "kind:", "groups:",
                          "overlays:", "roles:", "description:"})
    EXPECT_EQ(out.find(key), std::string::npos) << key << "\n" << out;
  EXPECT_NE(out.find("rank: 1\n"), std::string::npos);
}

// Strings that break naive writers: each must come back unchanged from YAML and from JSON.
TEST(canonical_Write, AwkwardStringsRoundTrip) {
  const std::vector<std::string> awkward = {"plain words",
                                            "1",
                                            "-1",
                                            "0x1F",
                                            "1e3",
                                            ".5",
                                            "2023.08",
                                            "12:30",
                                            "true",
                                            "False",
                                            "no",
                                            "Off",
                                            "~",
                                            "null",
                                            "",
                                            " leading",
                                            "trailing ",
                                            "- dash",
                                            "? question",
                                            ": colon",
                                            "a: b",
                                            "a #b",
                                            "#hash",
                                            "key:",
                                            "[brackets]",
                                            "{brace}",
                                            "a, b",
                                            "\"quoted\"",
                                            "'single'",
                                            "back\\slash",
                                            "tab\there",
                                            "new\nline",
                                            "two\n",
                                            "three\n\n",
                                            "\nleading newline",
                                            "  indented\nblock",
                                            "line with trailing space \nnext",
                                            "emoji ☕ and ünïcödé",
                                            "nbsp\xc2\xa0inside",
                                            "line\xe2\x80\xa8separator",
                                            "bell\x07",
                                            "---",
                                            "...",
                                            "* star",
                                            "& amp",
                                            "! bang",
                                            "| pipe",
                                            "> gt",
                                            "% percent",
                                            "@ at",
                                            "` tick",
                                            "<<",
                                            "=",
                                            ".inf",
                                            "-.Inf",
                                            ".NaN",
                                            "a\r\nb",
                                            "x\n  y\n\tz"};
  for (const std::string& s : awkward) {
    SCOPED_TRACE("string: [" + s + "]");
    model::Framework fw;
    fw.id = "x";
    fw.name = s;
    fw.description = s;
    fw.competencies.push_back({"c", s, s, {}});
    model::Level level;
    level.code = "L";
    level.rank = 1;
    level.title = s;
    level.attributes = {{s.empty() ? "k" : s, s}};
    level.expectations = {{"c", "", {s, s}, false, "", {}}};
    level.requirements = {{s.empty() ? "t" : s, model::TimeAtLevel{"", 1}, {}},
                          {"t", model::EvidenceCount{s.empty() ? "k" : s, 1, 0}, {}},
                          {"t", model::Approval{s}, {}}};
    fw.tracks.push_back({"a", s, model::TrackKind::kIc, s, {level}, {}});
    fw.notes.push_back({s, s, {}});
    std::string yaml = WriteYaml(fw);
    Result<model::Framework> back = ReadYaml(yaml, "w.yaml");
    ASSERT_TRUE(back.has_value()) << back.error().ToString() << "\n" << yaml;
    EXPECT_EQ(*back, fw) << yaml;
    EXPECT_EQ(WriteYaml(*back), yaml);
    Result<model::Framework> json = ReadJson(WriteJson(fw), "w.json");
    ASSERT_TRUE(json.has_value()) << json.error().ToString();
    EXPECT_EQ(*json, fw);
  }
}

TEST(canonical_Write, MultiLineTextIsABlockScalar) {
  model::Framework fw = Small();
  fw.notes.push_back({"Promotions", "# When\n\nTwice a year.\n", {}});
  fw.notes.push_back({"", "No newline\nat the end", {}});
  std::string out = WriteYaml(fw);
  EXPECT_NE(out.find("    markdown: |\n      # When\n\n      Twice a year.\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("  - markdown: |-\n      No newline\n      at the end\n"), std::string::npos)
      << out;
}

TEST(canonical_Write, RulesAreOneLineEach) {
  model::Framework fw = Small();
  fw.policy = {{"a", model::TimeAtLevel{"1", 12}, {}},
               {"b", model::PerformingAtNext{3, true}, {}},
               {"c", model::MetricThreshold{"resolved", 90}, {}},
               {"d", model::ManualRule{}, {}}};
  std::string out = WriteYaml(fw);
  EXPECT_NE(out.find("    rule: {time_at_level: {level: \"1\", months: 12}}\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("    rule: {performing_at_next: {months: 3}}\n"), std::string::npos);
  EXPECT_NE(out.find("    rule: {metric: {name: resolved, at_least: 90}}\n"), std::string::npos);
  EXPECT_NE(out.find("    rule: manual\n"), std::string::npos);
}

// ---- JSON ------------------------------------------------------------------------------------

TEST(canonical_Json, SameShapeAsYaml) {
  model::Framework fw = Small();
  fw.policy = {{"Peer review", model::PeerReviewPassed{}, {}},
               {"Sign-off", model::ManualRule{}, {}}};
  std::string json = WriteJson(fw);
  EXPECT_NE(json.find("\"ladder\": 1"), std::string::npos) << json;
  EXPECT_NE(json.find("\"version\": \"2023.08\""), std::string::npos);
  EXPECT_NE(json.find("\"c\": [\n"), std::string::npos) << json;  // shorthand expectation
  EXPECT_NE(json.find("\"rule\": {\n        \"peer_review\": \"passed\""), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"rule\": \"manual\""), std::string::npos);
  EXPECT_LT(json.find("\"framework\""), json.find("\"competencies\""));
  EXPECT_LT(json.find("\"competencies\""), json.find("\"tracks\""));
}

TEST(canonical_Json, ErrorsNameLineAndColumn) {
  Result<model::Framework> r = ReadJson(
      "{\n  \"ladder\": 1,\n  \"framework\": {\"id\": \"x\", \"nmae\": \"y\"}\n}\n", "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.ToString(), "t.json:3:28");
  EXPECT_NE(r.error().message.find("did you mean 'name'?"), std::string::npos);

  r = ReadJson("{\"ladder\": 1, \"framework\": {\"id\": \"x\", \"id\": \"y\"}}", "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.ToString(), "t.json:1:40");
  EXPECT_NE(r.error().message.find("duplicate key 'id'"), std::string::npos);

  r = ReadJson(
      "{\"ladder\": 1,\n \"framework\": {\"id\": \"x\"},\n \"tracks\": [{\"id\": \"a\", "
      "\"levels\": [{\"code\": \"A\", \"rank\": \"one\"}]}]}",
      "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.ToString(), "t.json:3:58");

  r = ReadJson("{\"ladder\": 1,\n \"framework\": {\"id\": 12 }}", "t.json");
  EXPECT_TRUE(r.has_value());  // a number where text belongs keeps its text
  r = ReadJson("{\"ladder\": 1,\n \"framework\": {\"id\": \"x\",}}", "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().where.line, 2);
  r = ReadJson("", "t.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("empty"), std::string::npos);
}

}  // namespace
}  // namespace ladder::formats

namespace ladder::formats {
namespace {

// The JSON example of docs/format.md is a document the JSON reader accepts.
TEST(canonical_Docs, JsonExampleOfTheReferenceReads) {
  std::string doc = Slurp(fs::path(LADDER_SOURCE_DIR) / "docs/format.md");
  size_t start = doc.find("```json\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  size_t end = doc.find("```", start);
  Result<model::Framework> fw = ReadJson(doc.substr(start, end - start), "format.md");
  ASSERT_TRUE(fw.has_value()) << fw.error().ToString();
  EXPECT_EQ(fw->tracks[0].levels[0].requirements.size(), 3u);
}

}  // namespace
}  // namespace ladder::formats
