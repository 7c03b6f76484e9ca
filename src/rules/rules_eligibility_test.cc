// Unit tests of the eligibility engine: each rule kind and each status, earliest dates across
// month ends, waivers in force and expired, and "unknown" when there is no data.
#include <gtest/gtest.h>

#include <algorithm>

#include "rules/consensus.h"
#include "rules/eligibility.h"

namespace ladder::rules {
namespace {

using model::Requirement;
using model::Rule;

Date D(const char* s) { return *Date::Parse(s); }

Requirement Req(std::string text, Rule rule) { return Requirement{std::move(text), rule, {}}; }

// A small support ladder shaped like a plain-text career ladder: a core level, an IC track and a
// management track, an overlay, a transition and a 12 + 3 months policy.
model::Framework Support() {
  model::Framework f;
  f.id = "support";
  f.version = "1";
  f.competencies = {{"tech", "Technology", "", {}}, {"people", "People", "", {}}};
  model::Track ic{"ic", "IC Path", model::TrackKind::kIc, "", {}, {}};
  model::Level l1;
  l1.code = "CE";
  l1.rank = 1;
  l1.title = "Customer Engineer";
  model::Level l2;
  l2.code = "SE";
  l2.rank = 2;
  l2.title = "Senior Engineer";
  l2.requirements = {Req("1 year at Level 1", model::TimeAtLevel{"1", 12}),
                     Req("SME in at least two core skillsets", model::SmeSkillsets{2, ""}),
                     Req("Successful peer review", model::PeerReviewPassed{})};
  model::Level l3;
  l3.code = "STE";
  l3.rank = 3;
  l3.title = "Staff Engineer";
  l3.inherits = "SE";
  l3.requirements = {Req("2 years at Level 2", model::TimeAtLevel{"2", 24}),
                     Req("Resolve 95% of issues without assistance",
                         model::MetricThreshold{"resolved_without_assistance", 95})};
  ic.levels = {l1, l2, l3};
  model::Track mgmt{"management", "Management Path", model::TrackKind::kManagement, "", {}, {}};
  model::Level tl;
  tl.code = "TL";
  tl.rank = 2;
  tl.title = "Team Lead";
  tl.requirements = {Req("Documented need for role", model::DocumentedNeed{}),
                     Req("1 year at Level 1", model::TimeAtLevel{"1", 12}),
                     Req("Documented success in peer coaching", model::ManualRule{})};
  mgmt.levels = {tl};
  f.tracks = {ic, mgmt};
  model::OverlayRole lead;
  lead.id = "team-lead";
  lead.name = "Team Lead";
  lead.levels = {"SE", "STE"};
  lead.needs_documented_need = true;
  lead.requirements = {Req("Approved by the director", model::Approval{"director"})};
  f.overlays = {lead};
  f.transitions = {
      {"ic", "management", "", {Req("Interview with the hiring panel", model::ManualRule{})}, {}}};
  return f;
}

model::Assignment At(std::string id, std::string track, std::string level, const char* from,
                     const char* to = "") {
  model::Assignment a;
  a.id = std::move(id);
  a.person = "p1";
  a.framework = "support";
  a.version = "1";
  a.track = std::move(track);
  a.level = std::move(level);
  a.from = D(from);
  if (*to) a.to = D(to);
  return a;
}

model::Evidence Ev(std::string id, std::string kind, const char* date, std::string title = "") {
  model::Evidence e;
  e.id = std::move(id);
  e.person = "p1";
  e.kind = std::move(kind);
  e.date = D(date);
  e.title = std::move(title);
  return e;
}

model::Evidence Sme(std::string id, std::string skill, const char* date) {
  model::Evidence e = Ev(std::move(id), "sme", date);
  e.skill = std::move(skill);
  e.signed_off_by = "lead";
  e.confirmed = e.date;  // recorded by its signer
  return e;
}

Records Base() {
  Records r;
  r.person = "p1";
  r.assignments = {At("a1", "ic", "CE", "2025-01-06")};
  return r;
}

const RequirementResult& Find(const Verdict& v, std::string_view text) {
  for (const RequirementResult& r : v.requirements)
    if (r.text == text) return r;
  ADD_FAILURE() << "no requirement " << text;
  static RequirementResult none;
  return none;
}

// Evaluates with explanations, and checks that the unexplained mode gives the same answers.
Verdict Eval(const model::Framework& f, const Target& t, const Records& r, const char* at) {
  Result<Verdict> v = Evaluate(f, t, r, D(at));
  EXPECT_TRUE(v.has_value()) << (v ? "" : v.error().ToString());
  if (!v) return Verdict{};
  Result<Verdict> fast = Evaluate(f, t, r, D(at), EvaluateOptions{.explain = false});
  EXPECT_TRUE(fast.has_value());
  if (fast) {
    EXPECT_EQ(fast->overall, v->overall);
    EXPECT_EQ(fast->earliest, v->earliest);
    EXPECT_EQ(fast->blocking, v->blocking);
    EXPECT_EQ(fast->requirements.size(), v->requirements.size());
    for (size_t i = 0; i < fast->requirements.size() && i < v->requirements.size(); ++i) {
      EXPECT_EQ(fast->requirements[i].status, v->requirements[i].status) << i;
      EXPECT_EQ(fast->requirements[i].earliest, v->requirements[i].earliest) << i;
      EXPECT_EQ(fast->requirements[i].unwaived, v->requirements[i].unwaived) << i;
    }
  }
  return *v;
}

// -- time_at_level -----------------------------------------------------------------------------

TEST(TimeAtLevel, MetOnTheAnniversary) {
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), Base(), "2026-01-06");
  const RequirementResult& r = Find(v, "1 year at Level 1");
  EXPECT_EQ(r.status, RequirementStatus::kMet);
  EXPECT_EQ(r.reason, "12 of 12 months at Level 1: since 2025-01-06");
  EXPECT_EQ(r.records, std::vector<std::string>{"a1"});
  EXPECT_TRUE(r.earliest.empty());
}

TEST(TimeAtLevel, NotMetTheDayBeforeWithTheEarliestDate) {
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), Base(), "2026-01-05");
  const RequirementResult& r = Find(v, "1 year at Level 1");
  EXPECT_EQ(r.status, RequirementStatus::kNotMet);
  EXPECT_EQ(r.earliest, D("2026-01-06"));
  EXPECT_EQ(r.reason, "11 of 12 months at Level 1: since 2025-01-06; earliest on 2026-01-06");
}

TEST(TimeAtLevel, EarliestDateIsClampedAtMonthEnds) {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {Req("1 month at CE", model::TimeAtLevel{"CE", 1})};
  Records r = Base();
  r.assignments = {At("a1", "ic", "CE", "2026-01-31")};
  Verdict v = Eval(f, Target::Level("ic", "SE"), r, "2026-02-27");
  EXPECT_EQ(v.requirements[0].earliest, D("2026-02-28"));
  EXPECT_EQ(v.overall, Overall::kNotYet);
  v = Eval(f, Target::Level("ic", "SE"), r, "2026-02-28");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet);
  // A leap year: 2028-01-31 + 1 month is 2028-02-29.
  r.assignments = {At("a1", "ic", "CE", "2028-01-31")};
  v = Eval(f, Target::Level("ic", "SE"), r, "2028-02-01");
  EXPECT_EQ(v.requirements[0].earliest, D("2028-02-29"));
}

TEST(TimeAtLevel, SeveralStretchesAddUp) {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {Req("1 year at CE", model::TimeAtLevel{"CE", 12})};
  Records r = Base();
  // Six months at CE, a spell at Team Lead, then back at CE.
  r.assignments = {At("a1", "ic", "CE", "2024-01-01", "2024-07-01"),
                   At("a2", "management", "TL", "2024-07-01", "2025-01-01"),
                   At("a3", "ic", "CE", "2025-01-01")};
  Verdict v = Eval(f, Target::Level("ic", "SE"), r, "2025-03-01");
  const RequirementResult& q = v.requirements[0];
  EXPECT_EQ(q.status, RequirementStatus::kNotMet);
  EXPECT_EQ(q.records, (std::vector<std::string>{"a1", "a3"}));
  // 182 days already held move the start of the current stretch back to 2024-07-03.
  EXPECT_EQ(q.earliest, D("2025-07-03"));
  EXPECT_NE(q.reason.find("2024-01-01 to 2024-07-01, since 2025-01-01"), std::string::npos);
}

TEST(TimeAtLevel, RankReferenceCountsAnyLevelOfThatRank) {
  model::Framework f = Support();
  Records r = Base();
  r.assignments = {At("a1", "ic", "SE", "2023-01-01", "2024-01-01"),
                   At("a2", "management", "TL", "2024-01-01")};
  Verdict v = Eval(f, Target::Level("ic", "STE"), r, "2025-01-01");
  EXPECT_EQ(Find(v, "2 years at Level 2").status, RequirementStatus::kMet);
  EXPECT_EQ(Find(v, "2 years at Level 2").reason, "24 of 24 months at Level 2: since 2023-01-01");
}

TEST(TimeAtLevel, NoLongerHeldHasNoEarliestDate) {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {Req("1 year at CE", model::TimeAtLevel{"CE", 12})};
  Records r = Base();
  r.assignments = {At("a1", "ic", "CE", "2024-01-01", "2024-06-01"),
                   At("a2", "management", "TL", "2024-06-01")};
  Verdict v = Eval(f, Target::Level("ic", "SE"), r, "2025-01-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kNotMet);
  EXPECT_TRUE(v.requirements[0].earliest.empty());
  EXPECT_NE(v.requirements[0].reason.find("no longer held"), std::string::npos);
  EXPECT_EQ(v.overall, Overall::kBlocked);
}

TEST(TimeAtLevel, UnknownWithoutLevelHistory) {
  Records r = Base();
  r.assignments.clear();
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-06");
  EXPECT_EQ(Find(v, "1 year at Level 1").status, RequirementStatus::kUnknown);
  EXPECT_EQ(Find(v, "1 year at Level 1").reason, "no level history recorded");
}

TEST(TimeAtLevel, NeverHeldIsNotMet) {
  Records r = Base();
  r.assignments = {At("a1", "management", "TL", "2025-01-01")};
  Verdict v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-01-06");
  EXPECT_EQ(Find(v, "2 years at Level 2").status, RequirementStatus::kNotMet);
  EXPECT_EQ(Find(v, "2 years at Level 2").earliest, D("2027-01-01"));
  r.assignments = {At("a1", "ic", "CE", "2025-01-01")};
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-01-06");
  EXPECT_EQ(Find(v, "2 years at Level 2").status, RequirementStatus::kNotMet);
  EXPECT_EQ(Find(v, "2 years at Level 2").reason, "never held Level 2 (24 months required)");
}

// -- the 12 + 3 months policy: consistent_performance and performing_at_next ------------------

model::Framework WithPolicy(
    model::NextLevelReading reading = model::NextLevelReading::kOverlapping) {
  model::Framework f = Support();
  f.next_level_reading = reading;
  f.policy = {Req("12 months of consistent high performance at your current level",
                  model::ConsistentPerformance{"", 12}),
              Req("3 months performing at the next level in all categories",
                  model::PerformingAtNext{3, true})};
  for (model::Level& l : f.tracks[0].levels) l.requirements.clear();
  return f;
}

model::Assessment Rated(std::string id, std::string competency, const char* start, const char* end,
                        model::Rating rating,
                        model::AssessorRole role = model::AssessorRole::kManager) {
  model::Assessment a;
  a.id = std::move(id);
  a.person = "p1";
  a.assessor = role == model::AssessorRole::kSelf ? "p1" : "m1";
  a.role = role;
  a.competency = std::move(competency);
  a.period_start = D(start);
  a.period_end = D(end);
  a.rating = rating;
  a.framework = "support";
  a.version = "1";
  a.level = "CE";
  return a;
}

// Quarterly manager ratings of both categories from 2025-01-01: `meeting` quarters, then `next`.
Records Quarters(int meeting, int next) {
  Records r = Base();
  r.assignments = {At("a1", "ic", "CE", "2024-06-01")};
  Date q = D("2025-01-01");
  int n = 0;
  for (int i = 0; i < meeting + next; ++i, ++n) {
    Date end = q.AddMonths(3).AddDays(-1);
    model::Rating rating = i < meeting ? model::Rating::kMeeting : model::Rating::kNext;
    for (const char* c : {"tech", "people"}) {
      r.assessments.push_back(Rated("as" + std::to_string(n) + c, c, q.ToString().c_str(),
                                    end.ToString().c_str(), rating));
    }
    q = q.AddMonths(3);
  }
  return r;
}

constexpr model::NextLevelReading kConsecutive = model::NextLevelReading::kConsecutive;

TEST(Policy, TwelvePlusThreeMet) {
  // Four quarters meeting, then one quarter performing at the next level: 15 months in all.
  Verdict v =
      Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), Quarters(4, 1), "2026-04-01");
  ASSERT_EQ(v.requirements.size(), 2u);
  EXPECT_EQ(v.requirements[0].source, "policy");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet) << v.requirements[0].reason;
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kMet) << v.requirements[1].reason;
  EXPECT_EQ(v.overall, Overall::kEligible);
  EXPECT_EQ(v.requirements[0].reading, "consecutive");
  // On the last day of the last quarter, that quarter is not over and does not count yet.
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), Quarters(4, 1), "2026-03-31");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kNotMet) << v.requirements[0].reason;
  EXPECT_NE(v.requirements[0].reason.find("(assessed through 2025-12-31)"), std::string::npos)
      << v.requirements[0].reason;
  EXPECT_EQ(v.overall, Overall::kNotYet);
  EXPECT_EQ(v.earliest, D("2026-04-01"));
}

TEST(Policy, NotMetByOneMonthGivesTheEarliestDate) {
  // Eleven months meeting (the last quarter cut short), then three months at the next level.
  Records r = Quarters(0, 0);
  const char* periods[][3] = {{"2025-02-01", "2025-04-30", "meeting"},
                              {"2025-05-01", "2025-07-31", "meeting"},
                              {"2025-08-01", "2025-10-31", "meeting"},
                              {"2025-11-01", "2025-12-31", "meeting"},
                              {"2026-01-01", "2026-03-31", "next"}};
  int n = 0;
  for (auto& p : periods)
    for (const char* c : {"tech", "people"})
      r.assessments.push_back(
          Rated("x" + std::to_string(n++), c, p[0], p[1], *model::ParseRating(p[2])));
  Verdict v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-04-01");
  const RequirementResult& consistent = v.requirements[0];
  EXPECT_EQ(consistent.status, RequirementStatus::kNotMet);
  EXPECT_EQ(consistent.earliest, D("2026-05-01"));
  // Months at the next level count as meeting the current one, and the 12 months come before
  // the 3 at the next level: a run of 15 months is needed, and this one has 14.
  EXPECT_NE(consistent.reason.find("Technology: 14 of 15 months since 2025-02-01 (assessed "
                                   "through 2026-03-31), earliest on 2026-05-01"),
            std::string::npos)
      << consistent.reason;
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kMet) << v.requirements[1].reason;
  EXPECT_EQ(v.overall, Overall::kNotYet);
  EXPECT_EQ(v.earliest, D("2026-05-01"));
  // Read as overlapping (the default), the 3 months fall inside 14 months at the level: met.
  v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet) << v.requirements[0].reason;
  EXPECT_NE(v.requirements[0].reason.find("Technology: 14 months since 2025-02-01 (12 required; "
                                          "assessed through 2026-03-31)"),
            std::string::npos)
      << v.requirements[0].reason;
  EXPECT_EQ(v.overall, Overall::kEligible);
}

TEST(Policy, OverlappingReadingIsTheDefault) {
  // Three quarters meeting, then one at the next level: 12 months of high performance, the
  // last 3 at the next level.
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), Quarters(3, 1), "2026-01-01");
  EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
  EXPECT_EQ(v.requirements[0].reading, "overlapping");
  EXPECT_EQ(v.requirements[1].reading, "");
  EXPECT_NE(v.requirements[0].reason.find("meeting CE for 12 months, the 3 months at the next "
                                          "level among them (the overlapping reading)"),
            std::string::npos)
      << v.requirements[0].reason;
  // The consecutive reading asks 3 more months.
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), Quarters(3, 1), "2026-01-01");
  EXPECT_EQ(v.overall, Overall::kNotYet) << v.summary;
  EXPECT_EQ(v.earliest, D("2026-04-01"));
  EXPECT_NE(v.requirements[0].reason.find("(15 in all: the consecutive reading)"),
            std::string::npos)
      << v.requirements[0].reason;
  // Unexplained (bulk) evaluation says the same.
  Result<Verdict> quick = Evaluate(WithPolicy(kConsecutive), Target::Level("ic", "SE"),
                                   Quarters(3, 1), D("2026-01-01"), {.explain = false});
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->requirements[0].reading, "consecutive");
  EXPECT_EQ(quick->overall, Overall::kNotYet);
}

// Adds a manager rating of both categories for the first quarter of 2026, ids `prefix` + category.
void RateFirstQuarter(Records& r, const std::string& prefix, model::Rating rating,
                      const char* level = "CE", const char* assessor = "m1") {
  for (const char* c : {"tech", "people"}) {
    model::Assessment a = Rated(prefix + c, c, "2026-01-01", "2026-03-31", rating);
    a.level = level;
    a.assessor = assessor;
    r.assessments.push_back(a);
  }
}

TEST(Policy, NextLevelRatingsCountWhicheverWayRecorded) {
  // The last quarter recorded against the next level, rated meeting it, rather than as `next`
  // against the current one: high performance at the current level all the same.
  Records r = Quarters(4, 0);
  RateFirstQuarter(r, "q5", model::Rating::kMeeting, "SE");
  for (model::NextLevelReading reading :
       {model::NextLevelReading::kOverlapping, model::NextLevelReading::kConsecutive}) {
    Verdict v = Eval(WithPolicy(reading), Target::Level("ic", "SE"), r, "2026-04-01");
    EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet) << v.requirements[0].reason;
    EXPECT_TRUE(v.requirements[0].missing.empty()) << v.requirements[0].missing;
    EXPECT_EQ(v.requirements[1].status, RequirementStatus::kMet) << v.requirements[1].reason;
    EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
  }
  // Rated below the next level says nothing about the current one: a gap in the run.
  for (model::Assessment& a : r.assessments)
    if (a.level == "SE") a.rating = model::Rating::kBelow;
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet) << v.requirements[0].reason;
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kNotMet) << v.requirements[1].reason;
}

TEST(Policy, OneManagerRatingAPeriodAtTwoLevels) {
  // The last quarter rated both "meeting CE" and "meeting SE" by the same manager: no
  // contradiction, the higher rating implies the lower.
  Records r = Quarters(5, 0);
  RateFirstQuarter(r, "hi", model::Rating::kMeeting, "SE");
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kMet) << v.requirements[1].reason;
  EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
  // Two managers are never merged: a second manager's "meeting CE" for that quarter stands.
  RateFirstQuarter(r, "m2", model::Rating::kMeeting, "CE", "m2");
  v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kNotMet) << v.requirements[1].reason;
}

TEST(Policy, ALaterRatingOfThePeriodSupersedesTheEarlier) {
  // The last quarter first rated below, then re-rated `next` by the same manager.
  Records r = Quarters(4, 0);
  RateFirstQuarter(r, "old", model::Rating::kBelow);
  RateFirstQuarter(r, "new", model::Rating::kNext);
  for (model::Assessment& a : r.assessments)
    if (a.id.starts_with("new")) a.supersedes = "old" + a.competency;
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
  for (const RequirementResult& q : v.requirements)
    EXPECT_EQ(std::count(q.records.begin(), q.records.end(), "oldtech"), 0) << q.text;
  // Without the link both ratings stand, and "below" breaks the run.
  for (model::Assessment& a : r.assessments) a.supersedes.clear();
  v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_NE(v.overall, Overall::kEligible) << v.summary;
}

TEST(Policy, AssessmentsEndingBeforeTheDateAreMissingDataNotAPastDate) {
  // Four quarters meeting, then two months at the next level: assessed through 2026-02-28. The
  // 15 months would have completed on 2026-04-01, the 3 at the next level too; evaluated on
  // 2026-06-15, what is missing is assessments of March, not time.
  Records r = Quarters(4, 0);
  for (const char* c : {"tech", "people"})
    r.assessments.push_back(
        Rated(std::string("n") + c, c, "2026-01-01", "2026-02-28", model::Rating::kNext));
  Verdict v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-06-15");
  ASSERT_EQ(v.requirements.size(), 2u);
  for (const RequirementResult& q : v.requirements) {
    EXPECT_EQ(q.status, RequirementStatus::kUnknown) << q.reason;
    EXPECT_TRUE(q.earliest.empty()) << q.text;
    EXPECT_EQ(q.missing, "manager assessments covering 2026-03-01 to 2026-03-31") << q.text;
  }
  EXPECT_NE(v.requirements[0].reason.find("Technology: assessed through 2026-02-28; needs "
                                          "manager assessments covering 2026-03-01 to "
                                          "2026-03-31"),
            std::string::npos)
      << v.requirements[0].reason;
  EXPECT_EQ(v.overall, Overall::kBlocked);
  EXPECT_TRUE(v.earliest.empty());
  EXPECT_EQ(v.summary.find("earliest"), std::string::npos) << v.summary;
  EXPECT_NE(v.summary.find("'3 months performing at the next level in all categories' (needs "
                           "manager assessments covering 2026-03-01 to 2026-03-31)"),
            std::string::npos)
      << v.summary;
  // Before the date the run could reach, the same records give a date: only time is missing.
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-03-15");
  EXPECT_EQ(v.overall, Overall::kNotYet) << v.summary;
  EXPECT_EQ(v.earliest, D("2026-04-01"));
  // On that very date, it is data again: the date is not after the evaluation date.
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kUnknown);
  EXPECT_EQ(v.overall, Overall::kBlocked);
  // Once March is assessed, eligible.
  for (const char* c : {"tech", "people"})
    r.assessments.push_back(
        Rated(std::string("m") + c, c, "2026-03-01", "2026-03-31", model::Rating::kNext));
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-06-15");
  EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
}

TEST(Policy, ABrokenRunLongAgoIsMissingDataToo) {
  // Rated below in the quarter ending 2025-03-31 and never assessed since: a new run from
  // 2025-04-01 would have completed on 2026-07-01; on 2026-09-01 assessments are missing.
  Records r = Quarters(1, 0);
  for (model::Assessment& a : r.assessments) a.rating = model::Rating::kBelow;
  Verdict v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2026-09-01");
  const RequirementResult& q = v.requirements[0];
  EXPECT_EQ(q.status, RequirementStatus::kUnknown) << q.reason;
  EXPECT_EQ(q.missing, "manager assessments covering 2025-04-01 to 2026-06-30");
  EXPECT_TRUE(q.earliest.empty());
  // In the window when the new run could still complete, a date, in the future.
  v = Eval(WithPolicy(kConsecutive), Target::Level("ic", "SE"), r, "2025-05-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kNotMet);
  EXPECT_EQ(v.requirements[0].earliest, D("2026-07-01"));
}

TEST(Policy, NotMetInOneCategory) {
  Records r = Quarters(4, 1);
  // The last quarter, People was rated below the current level.
  for (model::Assessment& a : r.assessments)
    if (a.competency == "people" && a.period_start == D("2026-01-01"))
      a.rating = model::Rating::kBelow;
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kNotMet);
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kNotMet);
  EXPECT_NE(v.requirements[1].reason.find("1 of 2 qualify"), std::string::npos)
      << v.requirements[1].reason;
  EXPECT_NE(v.requirements[1].reason.find("People: not rated so in the period ending 2026-03-31; "
                                          "a new run from 2026-04-01 completes on 2026-07-01"),
            std::string::npos)
      << v.requirements[1].reason;
  // A new run from 2026-04-01 could complete three months later.
  EXPECT_EQ(v.requirements[1].earliest, D("2026-07-01"));
}

TEST(Policy, SelfAndPeerRatingsAreShownNotCounted) {
  Records r = Quarters(0, 0);
  r.assessments.push_back(Rated("s1", "tech", "2025-01-01", "2025-12-31", model::Rating::kNext,
                                model::AssessorRole::kSelf));
  r.assessments.push_back(Rated("p1", "people", "2025-01-01", "2025-12-31", model::Rating::kNext,
                                model::AssessorRole::kPeer));
  Verdict v = Eval(WithPolicy(), Target::Level("ic", "SE"), r, "2026-04-01");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kUnknown);
  EXPECT_NE(v.requirements[0].reason.find("shown, not counted: 1 self and 1 peer"),
            std::string::npos)
      << v.requirements[0].reason;
  EXPECT_EQ(v.overall, Overall::kBlocked);
}

TEST(Policy, OnlyForPromotions) {
  // A move to a level of the same rank on another track is not a promotion.
  model::Framework f = WithPolicy();
  f.tracks[1].levels[0].requirements.clear();
  f.transitions.clear();
  Records r = Base();
  r.assignments = {At("a1", "ic", "SE", "2024-01-01")};
  Verdict v = Eval(f, Target::Level("management", "TL"), r, "2026-04-01");
  EXPECT_TRUE(v.requirements.empty());
  EXPECT_EQ(v.overall, Overall::kNothingChecked);  // nothing asked, nothing checked
}

TEST(Policy, InheritedAndCumulativeCompetencies) {
  model::Framework f = WithPolicy();
  // SE expects only Technology, STE inherits SE: the next-level rule looks at Technology only.
  f.tracks[0].levels[1].expectations = {{"tech", "", {"x"}, false, "", {}}};
  f.tracks[0].levels[2].expectations = {};
  Records r = Quarters(4, 1);
  for (model::Assessment& a : r.assessments) a.level = "SE";
  r.assignments = {At("a1", "ic", "SE", "2024-06-01")};
  for (model::Assessment& a : r.assessments)
    if (a.competency == "people") a.competency = "other";
  Verdict v = Eval(f, Target::Level("ic", "STE"), r, "2026-04-01");
  EXPECT_NE(v.requirements[1].reason.find("all 1 category"), std::string::npos)
      << v.requirements[1].reason;
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kMet) << v.requirements[1].reason;
}

// -- evidence_count, time_in_role, sme_skillsets, metric --------------------------------------

model::Framework Checkpoints() {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {
      Req("Has been a tech lead for 1+ year", model::TimeInRole{"tech-lead", 12}),
      Req("Has presented 3+ times", model::EvidenceCount{"talk", 3, 0}),
      Req("Has documented 5+ technical aspects", model::EvidenceCount{"doc|postmortem", 5, 0}),
      Req("2 talks in the last year", model::EvidenceCount{"talk", 2, 12})};
  return f;
}

TEST(Evidence, CountsWithTitlesAndDates) {
  Records r = Base();
  r.evidence = {Ev("e1", "talk", "2026-02-01", "X"), Ev("e2", "talk", "2026-05-10", "Y"),
                Ev("e3", "doc", "2026-01-01", "D1"), Ev("e4", "postmortem", "2026-01-02", "P1")};
  Verdict v = Eval(Checkpoints(), Target::Level("ic", "SE"), r, "2026-06-01");
  const RequirementResult& talks = Find(v, "Has presented 3+ times");
  EXPECT_EQ(talks.status, RequirementStatus::kNotMet);
  EXPECT_EQ(talks.reason, "2 of 3 talks: 'X' (2026-02-01), 'Y' (2026-05-10)");
  EXPECT_EQ(talks.records, (std::vector<std::string>{"e1", "e2"}));
  EXPECT_TRUE(talks.earliest.empty());
  const RequirementResult& docs = Find(v, "Has documented 5+ technical aspects");
  EXPECT_EQ(docs.reason, "2 of 5 documents or post-mortems: 'D1' (2026-01-01), 'P1' (2026-01-02)");
  EXPECT_EQ(Find(v, "2 talks in the last year").status, RequirementStatus::kMet);
  // Evidence after the evaluation date does not count; a window excludes older records.
  v = Eval(Checkpoints(), Target::Level("ic", "SE"), r, "2027-03-01");
  EXPECT_EQ(Find(v, "2 talks in the last year").reason,
            "1 of 2 talks in the last 12 months: 'Y' (2026-05-10)");
}

TEST(Evidence, UnknownWithoutAnyEvidence) {
  Verdict v = Eval(Checkpoints(), Target::Level("ic", "SE"), Base(), "2026-06-01");
  EXPECT_EQ(Find(v, "Has presented 3+ times").status, RequirementStatus::kUnknown);
  EXPECT_EQ(Find(v, "Has been a tech lead for 1+ year").status, RequirementStatus::kUnknown);
}

TEST(Evidence, TimeInRoleFromPeriods) {
  Records r = Base();
  model::Evidence lead = Ev("e1", "role", "2025-09-15", "Lead of the billing project");
  lead.role = "tech-lead";
  r.evidence = {lead};
  Verdict v = Eval(Checkpoints(), Target::Level("ic", "SE"), r, "2026-06-01");
  const RequirementResult& q = Find(v, "Has been a tech lead for 1+ year");
  EXPECT_EQ(q.status, RequirementStatus::kNotMet);
  EXPECT_EQ(q.earliest, D("2026-09-15"));
  EXPECT_EQ(q.reason, "8 of 12 months as tech-lead: since 2025-09-15; earliest on 2026-09-15");
  r.evidence[0].end = D("2026-01-01");
  v = Eval(Checkpoints(), Target::Level("ic", "SE"), r, "2026-06-01");
  EXPECT_TRUE(Find(v, "Has been a tech lead for 1+ year").earliest.empty());
  r.evidence[0].end = D("2026-10-01");
  v = Eval(Checkpoints(), Target::Level("ic", "SE"), r, "2026-12-01");
  EXPECT_EQ(Find(v, "Has been a tech lead for 1+ year").status, RequirementStatus::kMet);
}

TEST(Evidence, SmeSkillsetsAndNamedSkill) {
  Records r = Base();
  r.evidence = {Sme("s1", "Networking", "2025-06-01"), Sme("s2", "linux", "2025-09-01"),
                Sme("s3", "networking", "2025-10-01")};
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-06");
  const RequirementResult& q = Find(v, "SME in at least two core skillsets");
  EXPECT_EQ(q.status, RequirementStatus::kMet);
  EXPECT_EQ(q.reason,
            "SME in 2 of 2 skill sets: networking (signed off by lead on 2025-06-01), linux "
            "(signed off by lead on 2025-09-01)");
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {
      Req("SME in automation", model::SmeSkillsets{1, "automation"})};
  v = Eval(f, Target::Level("ic", "SE"), r, "2026-01-06");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kNotMet);
  r.evidence.push_back(Sme("s4", "automation processes and tools", "2025-11-01"));
  v = Eval(f, Target::Level("ic", "SE"), r, "2026-01-06");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kMet) << v.requirements[0].reason;
}

TEST(Evidence, AnSmeClaimCountsOnceItsSignerConfirmedIt) {
  Records r = Base();
  model::Evidence claim = Sme("s2", "linux", "2025-09-01");
  claim.confirmed = Date();  // recorded by the person, naming lead: a claim
  r.evidence = {Sme("s1", "networking", "2025-06-01"), claim};
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-06");
  const RequirementResult& q = Find(v, "SME in at least two core skillsets");
  EXPECT_EQ(q.status, RequirementStatus::kNotMet);
  EXPECT_EQ(q.reason,
            "SME in 1 of 2 skill sets: networking (signed off by lead on 2025-06-01); not counted "
            "yet: linux (awaiting confirmation by lead)");
  r.evidence[1].confirmed = D("2026-02-01");
  EXPECT_EQ(Find(Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-06"),
                 "SME in at least two core skillsets")
                .status,
            RequirementStatus::kNotMet);  // not yet confirmed on that day
  EXPECT_EQ(Find(Eval(Support(), Target::Level("ic", "SE"), r, "2026-02-01"),
                 "SME in at least two core skillsets")
                .status,
            RequirementStatus::kMet);
}

TEST(Metric, LatestPeriodEndedByTheDateAgainstTheThreshold) {
  Records r = Base();
  Verdict v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-06-01");
  const char* text = "Resolve 95% of issues without assistance";
  EXPECT_EQ(Find(v, text).status, RequirementStatus::kUnknown);
  EXPECT_TRUE(Find(v, text).missing.empty());
  r.metrics = {{"m1", "p1", "resolved_without_assistance", D("2026-01-01"), D("2026-03-31"), 96},
               {"m2", "p1", "resolved_without_assistance", D("2026-04-01"), D("2026-06-30"), 93}};
  // On 2026-06-01 the second quarter is still running: its value does not count yet.
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-06-01");
  EXPECT_EQ(Find(v, text).status, RequirementStatus::kMet);
  EXPECT_EQ(Find(v, text).records, std::vector<std::string>{"m1"});
  EXPECT_EQ(Find(v, text).reason,
            "resolved_without_assistance was 96 for 2026-01-01 to 2026-03-31 (at least 95 "
            "required); the period 2026-04-01 to 2026-06-30 is not over and does not count yet");
  // On its last day it is not over either; the day after, it counts.
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-06-30");
  EXPECT_EQ(Find(v, text).status, RequirementStatus::kMet);
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-07-01");
  EXPECT_EQ(Find(v, text).status, RequirementStatus::kNotMet);
  EXPECT_EQ(Find(v, text).reason,
            "resolved_without_assistance was 93 for 2026-04-01 to 2026-06-30 (at least 95 "
            "required)");
  EXPECT_EQ(Find(v, text).records, std::vector<std::string>{"m2"});
}

TEST(Metric, OnlyAPeriodStillRunningIsUnknown) {
  // A Q4 value recorded early: on 2025-10-15 the quarter has not ended.
  Records r = Base();
  r.metrics = {{"q4", "p1", "resolved_without_assistance", D("2025-10-01"), D("2025-12-31"), 99}};
  Verdict v = Eval(Support(), Target::Level("ic", "STE"), r, "2025-10-15");
  const RequirementResult& q = Find(v, "Resolve 95% of issues without assistance");
  EXPECT_EQ(q.status, RequirementStatus::kUnknown);
  EXPECT_EQ(q.reason,
            "no value of resolved_without_assistance for a period ended by 2025-10-15 (at least "
            "95 required); the period 2025-10-01 to 2025-12-31 is not over");
  EXPECT_EQ(q.missing, "a value of resolved_without_assistance for a period ended by 2025-10-15");
  EXPECT_TRUE(q.earliest.empty());
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-01-01");
  EXPECT_EQ(Find(v, "Resolve 95% of issues without assistance").status, RequirementStatus::kMet);
}

// -- peer review, documented need, manual, approval --------------------------------------------

model::Case Review(std::string id, std::vector<std::string> panel) {
  model::Case c;
  c.id = std::move(id);
  c.person = "p1";
  c.framework = "support";
  c.target_track = "ic";
  c.target_level = "SE";
  c.opened = D("2026-01-10");
  c.status = model::CaseStatus::kPeerReview;
  c.panel = std::move(panel);
  return c;
}

model::Vote Cast(std::string who, model::VoteChoice choice, const char* date = "2026-02-01") {
  return model::Vote{std::move(who), choice, "", D(date)};
}

TEST(PeerReview, StatesOfThePanel) {
  Records r = Base();
  r.evidence = {Sme("s1", "networking", "2025-06-01"), Sme("s2", "linux", "2025-09-01")};
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "Successful peer review").reason,
            "no advancement review opened for this target");
  EXPECT_EQ(v.overall, Overall::kBlocked);
  ASSERT_EQ(v.blocking.size(), 1u);
  EXPECT_EQ(v.requirements[v.blocking[0]].text, "Successful peer review");

  r.cases = {Review("c1", {"r1", "r2", "r3"})};
  r.cases[0].votes = {Cast("r1", model::VoteChoice::kFor), Cast("r2", model::VoteChoice::kFor)};
  v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kNotMet);
  EXPECT_NE(Find(v, "Successful peer review").reason.find("unanimous consensus still open"),
            std::string::npos);
  r.cases[0].votes.push_back(Cast("r3", model::VoteChoice::kFor, "2026-03-02"));
  v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-01");  // before the third vote
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kNotMet);
  v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-02");
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kMet);
  EXPECT_EQ(Find(v, "Successful peer review").records, std::vector<std::string>{"c1"});
  EXPECT_EQ(v.overall, Overall::kEligible);
}

TEST(Consensus, UnanimousAndMajority) {
  model::Case c = Review("c1", {"r1", "r2", "r3"});
  c.votes = {Cast("r1", model::VoteChoice::kFor), Cast("r2", model::VoteChoice::kFor),
             Cast("r3", model::VoteChoice::kAgainst), Cast("outsider", model::VoteChoice::kFor)};
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kUnanimous).state, ConsensusState::kFailed);
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kMajority).state, ConsensusState::kPassed);
  c.votes = {Cast("r1", model::VoteChoice::kAgainst), Cast("r2", model::VoteChoice::kAgainst)};
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kMajority).state, ConsensusState::kFailed);
  c.votes = {Cast("r1", model::VoteChoice::kFor)};
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kMajority).state, ConsensusState::kPending);
  // A later vote replaces an earlier one.
  c.votes = {Cast("r1", model::VoteChoice::kAgainst), Cast("r1", model::VoteChoice::kFor),
             Cast("r2", model::VoteChoice::kFor), Cast("r3", model::VoteChoice::kAbstain)};
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kUnanimous).state, ConsensusState::kPassed);
  c.panel.clear();
  EXPECT_EQ(ConsensusOf(c, model::ConsensusRule::kUnanimous).state, ConsensusState::kNoPanel);
}

TEST(DocumentedNeed, OpenFilledClosed) {
  Records r = Base();
  r.assignments = {At("a1", "ic", "CE", "2024-01-01")};
  r.signoffs = {{"so1", "p1", "Documented success in peer coaching", "m1", D("2025-01-01"), ""}};
  Verdict v = Eval(Support(), Target::Level("management", "TL"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "Documented need for role").status, RequirementStatus::kNotMet);
  EXPECT_EQ(v.overall, Overall::kBlocked);
  model::Need n;
  n.id = "n1";
  n.framework = "support";
  n.track = "management";
  n.level = "TL";
  n.opened = D("2026-02-01");
  n.reason = "a second shift in APAC";
  r.needs = {n};
  v = Eval(Support(), Target::Level("management", "TL"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "Documented need for role").status, RequirementStatus::kMet);
  EXPECT_EQ(Find(v, "Documented need for role").reason,
            "documented need n1 open since 2026-02-01: a second shift in APAC");
  // The transition from the IC track adds its own requirement.
  EXPECT_EQ(Find(v, "Interview with the hiring panel").source, "transition ic -> management");
  EXPECT_EQ(Find(v, "Interview with the hiring panel").status, RequirementStatus::kAwaitingSignOff);
  EXPECT_EQ(Find(v, "Documented success in peer coaching").status, RequirementStatus::kSignedOff);
  // Filled by this person's review: still met; closed: not met.
  r.needs[0].status = model::NeedStatus::kFilled;
  r.needs[0].filled_by_case = "c9";
  r.needs[0].closed = D("2026-04-01");
  r.cases = {Review("c9", {})};
  v = Eval(Support(), Target::Level("management", "TL"), r, "2026-05-01");
  EXPECT_EQ(Find(v, "Documented need for role").status, RequirementStatus::kMet);
  r.needs[0].status = model::NeedStatus::kClosed;
  v = Eval(Support(), Target::Level("management", "TL"), r, "2026-05-01");
  EXPECT_EQ(Find(v, "Documented need for role").status, RequirementStatus::kNotMet);
  v = Eval(Support(), Target::Level("management", "TL"), r, "2026-03-15");  // before it closed
  EXPECT_EQ(Find(v, "Documented need for role").status, RequirementStatus::kMet);
}

TEST(Overlay, NeedLevelsAndApproval) {
  Records r = Base();
  Verdict v = Eval(Support(), Target::Overlay("team-lead"), r, "2026-03-01");
  ASSERT_EQ(v.requirements.size(), 3u);
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kAwaitingSignOff);
  EXPECT_EQ(v.requirements[0].reason, "needs approval by director; not signed off yet");
  EXPECT_EQ(v.requirements[1].text, "Documented need for Team Lead");
  EXPECT_EQ(v.requirements[1].status, RequirementStatus::kNotMet);
  EXPECT_EQ(v.requirements[2].kind, "overlay_level");
  EXPECT_EQ(v.requirements[2].status, RequirementStatus::kNotMet);
  r.assignments = {At("a1", "ic", "SE", "2025-01-01")};
  model::Need n;
  n.id = "n2";
  n.overlay = "team-lead";
  n.opened = D("2026-01-01");
  r.needs = {n};
  r.signoffs = {{"so1", "p1", "approved by the director.", "d1", D("2026-02-01"), ""}};
  v = Eval(Support(), Target::Overlay("team-lead"), r, "2026-03-01");
  EXPECT_EQ(v.overall, Overall::kEligible) << v.summary;
}

// -- waivers ------------------------------------------------------------------------------------

TEST(Waiver, InForceThenExpired) {
  Records r = Base();
  r.assignments = {At("a1", "ic", "SE", "2025-06-01")};
  r.metrics = {{"m1", "p1", "resolved_without_assistance", D("2026-01-01"), D("2026-03-31"), 97}};
  model::Waiver w;
  w.id = "w1";
  w.person = "p1";
  w.requirement = "2 years at level 2";  // case and spacing do not matter
  w.approver = "vp";
  w.reason = "urgent need for a staff engineer";
  w.granted = D("2026-04-01");
  w.expires = D("2026-10-01");
  r.waivers = {w};
  Verdict v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-05-01");
  const RequirementResult& q = Find(v, "2 years at Level 2");
  EXPECT_EQ(q.status, RequirementStatus::kWaived);
  ASSERT_TRUE(q.unwaived.has_value());
  EXPECT_EQ(*q.unwaived, RequirementStatus::kNotMet);
  EXPECT_EQ(q.reason,
            "waived by vp on 2026-04-01, expires 2026-10-01 (urgent need for a staff engineer); "
            "without the waiver: not_met, 11 of 24 months at Level 2: since 2025-06-01; earliest "
            "on 2027-06-01");
  EXPECT_TRUE(q.earliest.empty());
  ASSERT_EQ(q.waivers.size(), 1u);
  EXPECT_EQ(v.overall, Overall::kEligible);
  // Before it was granted and after it expired, the waiver is shown but does not apply.
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-03-31");
  EXPECT_EQ(Find(v, "2 years at Level 2").status, RequirementStatus::kNotMet);
  EXPECT_NE(Find(v, "2 years at Level 2").reason.find("waiver w1 by vp starts on 2026-04-01"),
            std::string::npos);
  v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-10-01");
  const RequirementResult& expired = Find(v, "2 years at Level 2");
  EXPECT_EQ(expired.status, RequirementStatus::kNotMet);
  EXPECT_EQ(expired.waivers.size(), 1u);
  EXPECT_NE(expired.reason.find("waiver w1 by vp expired on 2026-10-01"), std::string::npos);
  EXPECT_EQ(v.overall, Overall::kNotYet);
  EXPECT_EQ(v.earliest, D("2027-06-01"));
}

model::Waiver Waived(std::string id, std::string requirement, const char* granted) {
  model::Waiver w;
  w.id = std::move(id);
  w.person = "p1";
  w.requirement = std::move(requirement);
  w.approver = "vp";
  w.reason = "urgent need";
  w.granted = D(granted);
  return w;
}

TEST(Waiver, ARevokedWaiverNoLongerCountsAndSaysWhy) {
  Records r = Base();
  r.assignments = {At("a1", "ic", "SE", "2025-06-01")};
  model::Waiver w = Waived("w1", "2 years at Level 2", "2026-04-01");
  w.revoked = D("2026-06-01");
  w.revoked_by = "cfo";
  w.revoke_reason = "the need was met";
  r.waivers = {w};
  EXPECT_EQ(Find(Eval(Support(), Target::Level("ic", "STE"), r, "2026-05-31"), "2 years at Level 2")
                .status,
            RequirementStatus::kWaived);
  Verdict v = Eval(Support(), Target::Level("ic", "STE"), r, "2026-06-01");
  const RequirementResult& q = Find(v, "2 years at Level 2");
  EXPECT_EQ(q.status, RequirementStatus::kNotMet);
  EXPECT_EQ(q.waivers.size(), 1u);
  EXPECT_NE(q.reason.find("waiver w1 by vp was revoked on 2026-06-01 by cfo (the need was met)"),
            std::string::npos)
      << q.reason;
}

TEST(Waiver, ThePolicyNamesRequirementsNoWaiverCovers) {
  Records r = Base();
  r.assignments = {At("a1", "ic", "SE", "2025-06-01")};
  r.waivers = {Waived("w1", "2 years at Level 2", "2026-04-01")};
  model::Framework f = Support();
  for (const char* never : {"time_at_level", "2 YEARS at level 2."}) {
    f.waivers.never = {never};
    Verdict v = Eval(f, Target::Level("ic", "STE"), r, "2026-05-01");
    const RequirementResult& q = Find(v, "2 years at Level 2");
    EXPECT_EQ(q.status, RequirementStatus::kNotMet) << never;
    EXPECT_NE(q.unwaivable.find("the framework's policy lets no waiver cover"), std::string::npos);
    EXPECT_NE(q.reason.find("waiver w1 by vp does not count"), std::string::npos) << q.reason;
    EXPECT_TRUE(Find(v, "Resolve 95% of issues without assistance").unwaivable.empty());
  }
}

TEST(Waiver, ThePanelsNoStandsUntilANewReview) {
  Records r = Base();
  r.evidence = {Sme("s1", "networking", "2025-06-01"), Sme("s2", "linux", "2025-09-01")};
  r.waivers = {Waived("w1", "Successful peer review", "2026-01-05")};
  // Waived before any panel said anything.
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-06");
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kWaived);
  // The panel splits 1-1: no unanimous consensus, and the waiver does not count.
  r.cases = {Review("c1", {"r1", "r2"})};
  r.cases[0].votes = {Cast("r1", model::VoteChoice::kFor), Cast("r2", model::VoteChoice::kAgainst)};
  v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-01");
  const RequirementResult& q = Find(v, "Successful peer review");
  EXPECT_EQ(q.status, RequirementStatus::kNotMet);
  EXPECT_EQ(q.unwaivable,
            "the panel of review c1 said no (2 of 2 panel members voted (1 for, 1 against, 0 "
            "abstaining); no unanimous consensus); its no stands until a new review");
  EXPECT_EQ(v.overall, Overall::kBlocked);
  // Before the votes it still counted.
  EXPECT_EQ(
      Find(Eval(Support(), Target::Level("ic", "SE"), r, "2026-01-31"), "Successful peer review")
          .status,
      RequirementStatus::kWaived);
  // A new review opens: the no no longer stands.
  model::Case again = Review("c2", {"r3"});
  again.opened = D("2026-03-05");
  r.cases.push_back(again);
  v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-06");
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kWaived);
  EXPECT_TRUE(Find(v, "Successful peer review").unwaivable.empty());
  // A committee may allow waiving after a no.
  model::Framework f = Support();
  f.waivers.after_panel_no = true;
  r.cases.pop_back();
  v = Eval(f, Target::Level("ic", "SE"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "Successful peer review").status, RequirementStatus::kWaived);
}

// -- requirements stated twice ------------------------------------------------------------------

TEST(Duplicates, TheSameCheckFromTheLevelAndThePolicyIsListedOnce) {
  model::Framework f = Support();
  f.policy = {Req("A candidate must undergo a peer review process", model::PeerReviewPassed{}),
              Req("successful  peer review.", model::ManualRule{}),
              Req("Another checkpoint", model::ManualRule{}),
              Req("A third checkpoint", model::ManualRule{})};
  Records r = Base();
  Verdict v = Eval(f, Target::Level("ic", "SE"), r, "2026-03-01");
  std::vector<std::string> texts;
  for (const RequirementResult& q : v.requirements) texts.push_back(q.text);
  // The peer review by its rule, the same sentence by its words; two different manual
  // checkpoints stay two.
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "1 year at Level 1", "SME in at least two core skillsets",
                       "Successful peer review", "Another checkpoint", "A third checkpoint"}));
  EXPECT_EQ(Find(v, "Successful peer review").source, "level SE");
}

// -- targets and verdicts -----------------------------------------------------------------------

TEST(Target, Resolve) {
  model::Framework f = Support();
  model::Assignment cur = At("a1", "ic", "CE", "2025-01-01");
  EXPECT_EQ(*ResolveTarget(f, "next", &cur), Target::Level("ic", "SE"));
  EXPECT_EQ(*ResolveTarget(f, "management/TL", &cur), Target::Level("management", "TL"));
  EXPECT_EQ(*ResolveTarget(f, "STE", &cur), Target::Level("ic", "STE"));
  EXPECT_EQ(*ResolveTarget(f, "staff engineer", &cur), Target::Level("ic", "STE"));
  EXPECT_EQ(*ResolveTarget(f, "team-lead", &cur), Target::Overlay("team-lead"));
  Result<Target> bad = ResolveTarget(f, "STF", &cur);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
  EXPECT_NE(bad.error().message.find("did you mean"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ResolveTarget(f, "next", nullptr));
  model::Assignment top = At("a1", "ic", "STE", "2025-01-01");
  EXPECT_NE(ResolveTarget(f, "next", &top).error().message.find("top level"), std::string::npos);
  EXPECT_EQ(bad.error().field, "target");
}

// "next" is one answer for the web, the CLI and the API: within the track; from the top of a
// core track (where everyone starts), the lowest defined level above it on another track, the
// IC path's when ranks tie; from the top of any other track, none.
TEST(Target, NextFromTheTopOfACoreTrackOnly) {
  model::Framework f = Support();
  model::Level start;
  start.code = "AS";
  start.rank = 1;
  f.tracks.insert(f.tracks.begin(), {"core", "Core", model::TrackKind::kCore, "", {start}, {}});
  model::Assignment core = At("a1", "core", "AS", "2025-01-01");
  // SE (IC, rank 2) and TL (management, rank 2) tie: the IC path's comes first.
  EXPECT_EQ(*ResolveTarget(f, "next", &core), Target::Level("ic", "SE"));
  // An undefined level is skipped for the next defined one on its track's side.
  f.tracks[1].levels[1].state = model::LevelState::kUndefined;
  EXPECT_EQ(*ResolveTarget(f, "next", &core), Target::Level("management", "TL"));
  // The top of a management track leads nowhere by itself, though the IC path goes higher.
  model::Assignment lead = At("a1", "management", f.tracks[2].levels.back().code, "2025-01-01");
  Result<Target> none = ResolveTarget(f, "next", &lead);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("top level of its track"), std::string::npos);
}

// A track whose levels the framework does not describe (seed 003's management path): the
// target is the track, and what it asks is the transition into it.
TEST(Target, TrackWithoutLevelsAsksForItsTransition) {
  model::Framework f = Support();
  f.tracks.push_back({"exec", "Executive Path", model::TrackKind::kManagement, "", {}, {}});
  f.transitions.push_back(
      {"ic", "exec", "", {Req("Interview with the board", model::ManualRule{})}, {}});
  model::Assignment cur = At("a1", "ic", "SE", "2025-01-01");
  ASSERT_EQ(*ResolveTarget(f, "exec", &cur), Target::Level("exec", ""));
  EXPECT_FALSE(ResolveTarget(f, "management", &cur));  // it has levels: name one
  Records r = Base();
  r.assignments = {cur};
  Verdict v = Eval(f, Target::Level("exec", ""), r, "2026-01-01");
  ASSERT_EQ(v.requirements.size(), 1u);
  EXPECT_EQ(v.requirements[0].text, "Interview with the board");
  EXPECT_EQ(v.requirements[0].source, "transition ic -> exec");
  EXPECT_EQ(v.requirements[0].status, RequirementStatus::kAwaitingSignOff);
  EXPECT_EQ(v.target_title,
            "Executive Path (exec, a track whose levels the framework does not describe)");
  EXPECT_EQ(v.overall, Overall::kBlocked);
  r.signoffs = {{"so1", "p1", "Interview with the board", "ceo", D("2025-12-01"), ""}};
  v = Eval(f, Target::Level("exec", ""), r, "2026-01-01");
  EXPECT_EQ(v.overall, Overall::kEligible);
  // From another track than the transition's, nothing is asked by it.
  r.assignments = {At("a1", "management", "TL", "2025-01-01")};
  v = Eval(f, Target::Level("exec", ""), r, "2026-01-01");
  EXPECT_TRUE(v.requirements.empty());
  // The one-target evaluation and a prepared Evaluator agree.
  Evaluator evaluator(f);
  Result<Verdict> prepared = evaluator.Evaluate(Target::Level("exec", ""), r, D("2026-01-01"));
  ASSERT_TRUE(prepared);
  EXPECT_EQ(prepared->overall, v.overall);
}

TEST(Verdict, UnknownTargetAndDate) {
  EXPECT_EQ(Evaluate(Support(), Target::Level("ic", "XX"), Base(), D("2026-01-01")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Evaluate(Support(), Target::Overlay("x"), Base(), D("2026-01-01")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Evaluate(Support(), Target::Level("ic", "SE"), Base(), Date()).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(Verdict, NotYetTakesTheLatestEarliestDate) {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements = {Req("1 year at CE", model::TimeAtLevel{"CE", 12}),
                                        Req("18 months at CE", model::TimeAtLevel{"CE", 18})};
  Verdict v = Eval(f, Target::Level("ic", "SE"), Base(), "2025-06-01");
  EXPECT_EQ(v.overall, Overall::kNotYet);
  EXPECT_EQ(v.earliest, D("2026-07-06"));
  EXPECT_EQ(v.summary,
            "Not yet eligible for Senior Engineer (SE) on IC Path: only time is missing; earliest "
            "on 2026-07-06.");
  EXPECT_EQ(v.current, "ic/CE");
}

TEST(Verdict, RecordsOfOtherPeopleAreIgnored) {
  Records r = Base();
  model::Evidence other = Sme("s1", "networking", "2025-01-01");
  other.person = "someone-else";
  r.evidence = {other};
  Verdict v = Eval(Support(), Target::Level("ic", "SE"), r, "2026-03-01");
  EXPECT_EQ(Find(v, "SME in at least two core skillsets").status, RequirementStatus::kUnknown);
}

TEST(Verdict, UndefinedTargetIsNeverEligible) {
  // The framework leaves Senior Engineer undefined; its requirements would all be met.
  model::Framework f = Support();
  model::Level& se = f.tracks[0].levels[1];
  se.state = model::LevelState::kUndefined;
  se.note = "Not currently defined";
  se.requirements = {Req("Six months at CE", model::TimeAtLevel{"CE", 6})};
  f.policy = {Req("A year at CE", model::TimeAtLevel{"CE", 12})};
  for (bool explain : {true, false}) {
    Result<Verdict> v =
        Evaluate(f, Target::Level("ic", "SE"), Base(), D("2027-01-01"), {.explain = explain});
    ASSERT_TRUE(v);
    EXPECT_EQ(v->overall, Overall::kUndefinedTarget);
    EXPECT_TRUE(v->requirements.empty());
    EXPECT_TRUE(v->earliest.empty());
    EXPECT_TRUE(v->blocking.empty());
    EXPECT_FALSE(PermitsPromotion(v->overall));
  }
  Verdict v = Eval(f, Target::Level("ic", "SE"), Base(), "2027-01-01");
  EXPECT_EQ(v.summary,
            "Not eligible: Senior Engineer (SE) on IC Path is not defined in support 1 (Not "
            "currently defined); nobody is eligible for a level the framework leaves undefined.");
  EXPECT_STREQ(OverallName(v.overall), "undefined_target");
}

TEST(Verdict, NothingCheckedIsNotEligible) {
  model::Framework f = Support();
  f.tracks[0].levels[1].requirements.clear();
  Verdict v = Eval(f, Target::Level("ic", "SE"), Base(), "2026-01-01");
  EXPECT_EQ(v.overall, Overall::kNothingChecked);
  EXPECT_STREQ(OverallName(v.overall), "nothing_checked");
  EXPECT_EQ(v.summary,
            "Nothing checked for Senior Engineer (SE) on IC Path on 2026-01-01: no requirements "
            "are defined for this level; nothing was checked.");
  // A committee's decision is then the only check; one requirement makes it a real verdict.
  EXPECT_TRUE(PermitsPromotion(v.overall));
  f.policy = {Req("A year at CE", model::TimeAtLevel{"CE", 12})};
  v = Eval(f, Target::Level("ic", "SE"), Base(), "2026-01-01");
  EXPECT_NE(v.overall, Overall::kNothingChecked);
}

}  // namespace
}  // namespace ladder::rules
