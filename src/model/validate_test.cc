#include "model/validate.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ladder::model {
namespace {

Framework Valid() {
  Framework fw;
  fw.id = "eng";
  fw.name = "Engineering";
  fw.competencies = {{"delivery", "Delivery", "", {}}, {"craft", "Craft", "", {}}};
  fw.groups = {{"impact", "Impact", "", {"delivery"}, {}}};
  Track ic{"ic", "IC", TrackKind::kIc, "", {}, {}};
  Level l1;
  l1.code = "IC1";
  l1.rank = 1;
  l1.expectations = {{"delivery", "", {"Ships small changes"}, false, "", {}}};
  Level l2 = l1;
  l2.code = "IC2";
  l2.rank = 2;
  l2.requirements = {{"1 year at IC1", TimeAtLevel{"IC1", 12}, {}}};
  ic.levels = {l1, l2};
  fw.tracks = {ic, Track{"mgmt", "Management", TrackKind::kManagement, "", {}, {}}};
  fw.overlays = {{"team-lead", "Team Lead", "", {}, {"ic/IC2"}, true, {}, {}}};
  fw.transitions = {{"ic", "mgmt", "", {}, {}}};
  return fw;
}

std::vector<std::string> Fields(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field);
  return out;
}

TEST(Validate, ValidFrameworkHasNoErrors) { EXPECT_TRUE(ValidateFramework(Valid()).empty()); }

TEST(Validate, DuplicateCompetencyId) {
  Framework fw = Valid();
  fw.competencies.push_back({"craft", "Craft again", "", {SourceLocation{"x.yaml", 9, 5}}});
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "competencies.craft");
  EXPECT_EQ(errors[0].where.ToString(), "x.yaml:9:5");
}

TEST(Validate, DuplicateLevelCodeWithinTrack) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].code = "IC1";
  EXPECT_EQ(Fields(ValidateFramework(fw))[0], "tracks.ic.levels.IC1");
}

TEST(Validate, RanksMustIncrease) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].rank = 1;
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "tracks.ic.levels.IC2.rank");
  EXPECT_NE(errors[0].message.find("greater than rank 1"), std::string::npos);
}

TEST(Validate, ExpectationMustNameAKnownCompetency) {
  Framework fw = Valid();
  fw.tracks[0].levels[0].expectations[0].competency = "delivry";
  auto errors = ValidateFramework(fw);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("'delivry' does not exist"), std::string::npos);
}

TEST(Validate, GroupMustNameKnownCompetencies) {
  Framework fw = Valid();
  fw.groups[0].competencies.push_back("nope");
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"groups.impact.competencies"}));
}

TEST(Validate, TransitionTracksMustExist) {
  Framework fw = Valid();
  fw.transitions[0].to = "management";
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"transitions.ic->management.to"}));
}

TEST(Validate, OverlayLevelsMustExist) {
  Framework fw = Valid();
  fw.overlays[0].levels = {"ic/IC9"};
  EXPECT_EQ(Fields(ValidateFramework(fw)), (std::vector<std::string>{"overlays.team-lead.levels"}));
}

TEST(Validate, RuleLevelMustResolve) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].requirements[0].rule = TimeAtLevel{"IC7", 12};
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"tracks.ic.levels.IC2.requirements[0].rule.level"}));
  fw.tracks[0].levels[1].requirements[0].rule = TimeAtLevel{"1", 12};  // a rank
  EXPECT_TRUE(ValidateFramework(fw).empty());
}

TEST(Validate, InheritsMustResolve) {
  Framework fw = Valid();
  fw.tracks[0].levels[1].inherits = "IC0";
  EXPECT_EQ(Fields(ValidateFramework(fw)),
            (std::vector<std::string>{"tracks.ic.levels.IC2.inherits"}));
}

TEST(Validate, CompetencyInTwoGroups) {
  Framework fw = Valid();
  fw.groups.push_back({"other", "Other", "", {"delivery"}, {}});
  EXPECT_EQ(Fields(ValidateFramework(fw)), (std::vector<std::string>{"groups.other.competencies"}));
}

TEST(Validate, EmptyIdsAreReported) {
  Framework fw = Valid();
  fw.id = "";
  fw.competencies.push_back({"", "Nameless", "", {}});
  fw.tracks.push_back({"", "No id", TrackKind::kIc, "", {}, {}});
  fw.tracks[0].levels[0].code = "";
  fw.overlays.push_back({"", "No id", "", {}, {}, true, {}, {}});
  fw.groups.push_back({"", "No id", "", {}, {}});
  fw.roles.push_back({"", "Family", "Senior", "Title", "", {}, {}, {}, "", {}});
  auto errors = ValidateFramework(fw);
  std::vector<std::string> fields = Fields(errors);
  for (const char* field : {"framework.id", "competencies", "groups", "tracks", "overlays", "roles",
                            "tracks.ic.levels"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << field;
  for (const Error& e : errors) EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
}

TEST(Validate, DuplicateGroupTrackOverlayAndRoleIds) {
  Framework fw = Valid();
  fw.groups.push_back({"impact", "Impact again", "", {"craft"}, {}});
  fw.tracks.push_back({"mgmt", "Management again", TrackKind::kManagement, "", {}, {}});
  fw.overlays.push_back({"team-lead", "Team Lead again", "", {}, {}, true, {}, {}});
  fw.roles = {{"r1", "Family", "Senior", "One", "", {}, {}, {}, "", {}},
              {"r1", "Family", "Staff", "Two", "", {}, {}, {}, "", {}}};
  auto errors = ValidateFramework(fw);
  EXPECT_EQ(Fields(errors), (std::vector<std::string>{"groups.impact", "tracks.mgmt",
                                                      "overlays.team-lead", "roles.r1"}));
  for (const Error& e : errors) EXPECT_NE(e.message.find("duplicate"), std::string::npos);
}

// People-side records: a valid one of each kind, then each invariant broken once.
Evidence ValidEvidence() {
  Evidence e;
  e.id = "ev1";
  e.person = "p1";
  e.kind = "talk";
  e.title = "Talk";
  e.date = Date(2024, 3, 1);
  return e;
}

Assessment ValidAssessment() {
  Assessment a;
  a.person = "p1";
  a.assessor = "m1";
  a.period_start = Date(2024, 1, 1);
  a.period_end = Date(2024, 6, 30);
  a.framework = "eng";
  a.version = "1";
  a.level = "IC1";
  return a;
}

Case ValidCase() {
  Case c;
  c.person = "p1";
  c.target_track = "ic";
  c.target_level = "IC2";
  c.opened = Date(2024, 6, 1);
  c.panel = {"r1", "r2"};
  c.votes = {{"r1", VoteChoice::kFor, "", Date(2024, 6, 2)}};
  return c;
}

Waiver ValidWaiver() {
  return {"w1", "p1", "", "12 months at IC1", "m1", "leave", Date(2024, 5, 1), Date(2025, 5, 1),
          "",   {},   ""};
}

Need ValidNeed() {
  Need n;
  n.framework = "eng";
  n.track = "mgmt";
  n.opened = Date(2024, 2, 1);
  return n;
}

template <typename T, typename Edit>
std::vector<std::string> Broken(std::vector<Error> (*validate)(const T&), T value, Edit edit) {
  edit(value);
  return Fields(validate(value));
}

TEST(ValidateRecords, ValidRecordsHaveNoErrors) {
  EXPECT_TRUE(ValidateEvidence(ValidEvidence()).empty());
  EXPECT_TRUE(ValidateAssessment(ValidAssessment()).empty());
  EXPECT_TRUE(ValidateCase(ValidCase()).empty());
  EXPECT_TRUE(ValidateWaiver(ValidWaiver()).empty());
  EXPECT_TRUE(ValidateNeed(ValidNeed()).empty());
  Case closed = ValidCase();
  closed.status = CaseStatus::kClosed;
  closed.decision = Decision{Outcome::kPromoted, Date(2024, 7, 1), "m1", ""};
  EXPECT_TRUE(ValidateCase(closed).empty());
}

TEST(ValidateRecords, Evidence) {
  using S = std::vector<std::string>;
  EXPECT_EQ(Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.person = ""; }),
            S{"evidence.person"});
  EXPECT_EQ(Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.kind = ""; }),
            S{"evidence.kind"});
  EXPECT_EQ(Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.date = {}; }),
            S{"evidence.date"});
  EXPECT_EQ(
      Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.end = Date(2024, 2, 1); }),
      S{"evidence.end"});
  EXPECT_EQ(Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.kind = "role"; }),
            S{"evidence.role"});
  EXPECT_EQ(Broken(ValidateEvidence, ValidEvidence(), [](Evidence& e) { e.kind = "sme"; }),
            S{"evidence.skill"});
  auto errors = ValidateEvidence(Evidence{});
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].code, ErrorCode::kInvalidArgument);
  EXPECT_NE(errors[0].message.find("needs"), std::string::npos);
}

TEST(ValidateRecords, Assessment) {
  using S = std::vector<std::string>;
  EXPECT_EQ(Broken(ValidateAssessment, ValidAssessment(), [](Assessment& a) { a.person = ""; }),
            S{"assessment.person"});
  EXPECT_EQ(
      Broken(ValidateAssessment, ValidAssessment(), [](Assessment& a) { a.period_start = {}; }),
      S{"assessment.period_start"});
  EXPECT_EQ(Broken(ValidateAssessment, ValidAssessment(),
                   [](Assessment& a) { a.period_end = Date(2023, 12, 31); }),
            S{"assessment.period_end"});
  EXPECT_EQ(Broken(ValidateAssessment, ValidAssessment(), [](Assessment& a) { a.version = ""; }),
            (S{"assessment.version", "assessment.level"}));
  EXPECT_EQ(Broken(ValidateAssessment, ValidAssessment(),
                   [](Assessment& a) {
                     a.framework = "";
                     a.version = "";
                   }),
            S{"assessment.level"});
}

TEST(ValidateRecords, Case) {
  using S = std::vector<std::string>;
  EXPECT_EQ(Broken(ValidateCase, ValidCase(), [](Case& c) { c.person = ""; }), S{"case.person"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(), [](Case& c) { c.opened = {}; }), S{"case.opened"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(), [](Case& c) { c.target_overlay = "team-lead"; }),
            S{"case.target_overlay"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(),
                   [](Case& c) {
                     c.votes.push_back({"x9", VoteChoice::kFor, "", {}});
                   }),
            S{"case.votes[1].reviewer"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(),
                   [](Case& c) {
                     c.votes.push_back({"r1", VoteChoice::kAgainst, "", {}});
                   }),
            S{"case.votes[1].reviewer"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(), [](Case& c) { c.status = CaseStatus::kClosed; }),
            S{"case.decision"});
  EXPECT_EQ(Broken(ValidateCase, ValidCase(),
                   [](Case& c) {
                     c.decision = Decision{Outcome::kPromoted, Date(2024, 5, 1), "m1", ""};
                   }),
            S{"case.decision.effective"});
}

TEST(ValidateRecords, Waiver) {
  using S = std::vector<std::string>;
  EXPECT_EQ(Broken(ValidateWaiver, ValidWaiver(), [](Waiver& w) { w.person = ""; }),
            S{"waiver.person"});
  EXPECT_EQ(Broken(ValidateWaiver, ValidWaiver(), [](Waiver& w) { w.requirement = ""; }),
            S{"waiver.requirement"});
  EXPECT_EQ(Broken(ValidateWaiver, ValidWaiver(), [](Waiver& w) { w.approver = ""; }),
            S{"waiver.approver"});
  EXPECT_EQ(Broken(ValidateWaiver, ValidWaiver(), [](Waiver& w) { w.granted = {}; }),
            S{"waiver.granted"});
  EXPECT_EQ(Broken(ValidateWaiver, ValidWaiver(), [](Waiver& w) { w.expires = w.granted; }),
            S{"waiver.expires"});
}

TEST(ValidateRecords, Need) {
  using S = std::vector<std::string>;
  EXPECT_EQ(Broken(ValidateNeed, ValidNeed(), [](Need& n) { n.framework = ""; }),
            S{"need.framework"});
  EXPECT_EQ(Broken(ValidateNeed, ValidNeed(), [](Need& n) { n.opened = {}; }), S{"need.opened"});
  EXPECT_EQ(Broken(ValidateNeed, ValidNeed(),
                   [](Need& n) {
                     n.level = "M1";
                     n.overlay = "team-lead";
                   }),
            S{"need.overlay"});
  EXPECT_EQ(Broken(ValidateNeed, ValidNeed(), [](Need& n) { n.status = NeedStatus::kFilled; }),
            S{"need.filled_by_case"});
  EXPECT_EQ(Broken(ValidateNeed, ValidNeed(), [](Need& n) { n.closed = Date(2024, 1, 1); }),
            S{"need.closed"});
}

TEST(ValidateRecords, Person) {
  using S = std::vector<std::string>;
  const Person valid{"e-042", "Zoë Ñúñez", "zoe@example.com", "boss.1", Date(2020, 1, 1)};
  EXPECT_TRUE(ValidatePerson(valid).empty());
  EXPECT_TRUE(ValidatePerson({"ü1", "Ünal", "", "", {}}).empty());  // letters of any script
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.id = ""; }), S{"person.id"});
  for (const char* id : {"e\n42", "<b>e</b>", "e 42", "e\u202e42", "-e42", "e\x01", "a/b"})
    EXPECT_EQ(Broken(ValidatePerson, valid, [id](Person& p) { p.id = id; }), S{"person.id"}) << id;
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.id = std::string(65, 'e'); }),
            S{"person.id"});
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.manager = "m\"x"; }),
            S{"person.manager"});
  for (const char* name : {"Eve\nOne", "Eve\tOne", "Eve\x1b[31m", "Eve\x7f", "Eve\xc2\x85"})
    EXPECT_EQ(Broken(ValidatePerson, valid, [name](Person& p) { p.name = name; }), S{"person.name"})
        << name;
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.name = std::string(201, 'n'); }),
            S{"person.name"});
  // 200 characters of two bytes each are 200 characters.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "é";
  EXPECT_TRUE(ValidatePerson({"e1", accents, "", "", {}}).empty());
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.name = std::string("Na\xffme"); }),
            S{"person.name"});
  EXPECT_EQ(Broken(ValidatePerson, valid, [](Person& p) { p.email = "a b@example.com"; }),
            S{"person.email"});
  // The message names the character and where it is.
  std::vector<Error> e = ValidatePerson({"e\n1", "", "", "", {}});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message,
            "the id holds U+000A at character 2, which is not allowed there (ids are letters, "
            "digits, '.', '_', '-', '@' and '+')");
}

}  // namespace
}  // namespace ladder::model
