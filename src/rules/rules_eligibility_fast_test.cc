// The unexplained evaluation mode (EvaluateOptions::explain = false) against the explained one:
// over a varied synthetic population (level histories with gaps and track changes, evidence,
// SME sign-offs, role periods, manager/self/peer assessments, metrics, reviews, sign-offs,
// waivers in force, expired and not yet granted, documented needs; targets that are the next
// level, a level on another track, an overlay; several dates), both modes must give the same
// overall verdict, blocking list, earliest date, and per requirement the same text, kind, status,
// unwaived status and earliest date. The population is checked to reach every verdict and
// every status, so that the comparison covers them. The same answers come from one prepared
// rules::Evaluator reusing one Verdict from person to person (EvaluateInto).
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "rules/eligibility.h"

namespace ladder::rules {
namespace {

using model::Requirement;

Requirement Req(std::string text, model::Rule rule) {
  return Requirement{std::move(text), std::move(rule), {}};
}

const char* const kCompetencies[] = {"build", "people", "impact"};

model::Framework Ladder(bool cumulative) {
  model::Framework f;
  f.id = "ladder";
  f.version = "2";
  f.cumulative = cumulative;
  for (const char* c : kCompetencies) f.competencies.push_back({c, c, "", {}});
  model::Track ic{"ic", "Engineering", model::TrackKind::kIc, "", {}, {}};
  for (int i = 1; i <= 4; ++i) {
    model::Level l;
    l.code = "E" + std::to_string(i);
    l.rank = i;
    l.title = "Engineer " + std::to_string(i);
    // Level 1 names two competencies, the others inherit or add one.
    l.expectations.push_back({kCompetencies[i % 3], "", {"works"}, false, "", {}});
    if (i == 1) l.expectations.push_back({"build", "", {"builds"}, false, "", {}});
    if (i == 3) l.inherits = "E2";
    if (i > 1) {
      l.requirements = {
          Req("A year as E" + std::to_string(i - 1),
              model::TimeAtLevel{"E" + std::to_string(i - 1), 12}),
          Req("Two talks in the last two years", model::EvidenceCount{"talks,presentation", 2, 24}),
          Req("Design docs", model::EvidenceCount{"design|docs", 3, 0}),
          Req("SME in one skill", model::SmeSkillsets{1, ""}),
          Req("Peer review passed", model::PeerReviewPassed{})};
    }
    if (i == 3) {
      l.requirements.push_back(Req("SME in databases", model::SmeSkillsets{1, "databases"}));
      l.requirements.push_back(Req("Incidents resolved", model::MetricThreshold{"resolved", 90}));
      l.requirements.push_back(Req("Six months on call", model::TimeInRole{"on-call", 6}));
    }
    if (i == 4) {
      l.requirements.push_back(Req("18 months at rank 3", model::TimeAtLevel{"3", 18}));
      l.requirements.push_back(Req("Consistent at E3", model::ConsistentPerformance{"E3", 6}));
    }
    ic.levels.push_back(std::move(l));
  }
  model::Track mgmt{"mgmt", "Management", model::TrackKind::kManagement, "", {}, {}};
  model::Level m;
  m.code = "M3";
  m.rank = 3;
  m.title = "Manager";
  m.requirements = {Req("Documented need", model::DocumentedNeed{}),
                    Req("Time at the current level", model::TimeAtLevel{"", 9})};
  mgmt.levels.push_back(m);
  f.tracks = {ic, mgmt};
  f.transitions = {{"ic", "mgmt", "", {Req("Panel interview", model::ManualRule{})}, {}}};
  model::OverlayRole lead;
  lead.id = "lead";
  lead.name = "Lead";
  lead.levels = {"E2", "3"};
  lead.needs_documented_need = true;
  lead.requirements = {Req("Approved by the head", model::Approval{"head"}),
                       Req("Performing above", model::PerformingAtNext{3, false})};
  f.overlays = {lead};
  f.policy = {Req("Consistent for nine months", model::ConsistentPerformance{"", 9}),
              Req("Three months at the next level", model::PerformingAtNext{3, true})};
  return f;
}

const Date kStart(2021, 1, 31);  // a month end, so that month arithmetic clamps

// One person's records, drawn from `rng`. Some people lack whole kinds of records.
Records Person(int n, std::mt19937& rng) {
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  Records r;
  r.person = "p" + std::to_string(n);
  const std::string& me = r.person;
  int periods = pick(4);  // 0: no level history
  Date from = kStart.AddDays(pick(400));
  int level = 1 + pick(2);
  for (int i = 0; i < periods; ++i) {
    model::Assignment a;
    a.id = me + "-a" + std::to_string(i);
    a.person = me;
    a.framework = "ladder";
    a.track = "ic";
    a.level = "E" + std::to_string(std::min(level + i, 4));
    if (pick(3) == 0) a.overlays = {"on-call"};
    a.from = from;
    from = from.AddDays(200 + pick(500));
    if (i + 1 < periods || pick(4) == 0) a.to = from;  // sometimes the last one has ended
    if (pick(5) == 0) from = from.AddDays(pick(90));   // a gap
    r.assignments.push_back(std::move(a));
  }
  const char* kinds[] = {"talk", "Presentation", "doc", "design", "ticket", "role", "sme"};
  int evidence = pick(3) == 0 ? 0 : pick(25);
  for (int i = 0; i < evidence; ++i) {
    model::Evidence e;
    e.id = me + "-e" + std::to_string(i);
    e.person = pick(20) == 0 ? "someone-else" : me;
    e.kind = kinds[pick(7)];
    e.date = kStart.AddDays(pick(2000));
    if (e.kind == "role") {
      e.role = "on-call";
      if (pick(2)) e.end = e.date.AddDays(pick(300));
    }
    if (e.kind == "sme") {
      e.skill = pick(2) ? "databases" : "networking";
      // Most confirmed when recorded, every fifth a month later, every seventh a claim never
      // confirmed (not counted); without a draw, so that the population stays the same.
      if (i % 7 != 3) e.confirmed = e.date.AddDays(i % 5 == 0 ? 30 : 0);
    }
    r.evidence.push_back(std::move(e));
  }
  if (pick(4) != 0) {
    int quarters = 4 + pick(16);
    Date q0 = kStart.AddMonths(3 * pick(4));
    for (int q = 0; q < quarters; ++q) {
      if (pick(12) == 0) continue;  // a missed quarter breaks a run
      for (const char* c : kCompetencies) {
        model::Assessment a;
        a.id = me + "-q" + std::to_string(q) + c;
        a.person = me;
        int role = pick(6);
        a.role = role == 0   ? model::AssessorRole::kSelf
                 : role == 1 ? model::AssessorRole::kPeer
                             : model::AssessorRole::kManager;
        a.period_start = q0.AddMonths(3 * q);
        a.period_end = a.period_start.AddMonths(3).AddDays(-1);
        int roll = pick(10);
        a.rating = roll == 0  ? model::Rating::kBelow
                   : roll < 6 ? model::Rating::kMeeting
                              : model::Rating::kNext;
        a.competency = c;
        a.framework = pick(15) == 0 ? "other" : "ladder";
        a.level = pick(3) == 0 ? "" : "E" + std::to_string(1 + pick(4));
        r.assessments.push_back(std::move(a));
      }
    }
  }
  if (pick(2)) {
    model::Metric m{me + "-m",
                    me,
                    "resolved",
                    kStart.AddMonths(30),
                    kStart.AddMonths(33),
                    static_cast<double>(80 + pick(20))};
    r.metrics.push_back(m);
  }
  if (pick(2)) {
    model::Case c;
    c.id = me + "-c";
    c.person = me;
    c.framework = "ladder";
    c.target_track = "ic";
    c.target_level = "E" + std::to_string(2 + pick(3));
    c.opened = kStart.AddMonths(20 + pick(30));
    c.panel = {"x", "y"};
    c.votes = {{"x", model::VoteChoice::kFor, "", c.opened.AddDays(10)}};
    if (pick(2)) c.votes.push_back({"y", model::VoteChoice::kFor, "", c.opened.AddDays(12)});
    r.cases.push_back(std::move(c));
  }
  const char* sentences[] = {"Panel interview.", "approved by the head", "Peer review passed",
                             "Design docs"};
  for (int i = 0, k = pick(3); i < k; ++i) {
    r.signoffs.push_back({me + "-so" + std::to_string(i), me, sentences[pick(4)], "head",
                          kStart.AddMonths(pick(60)), ""});
  }
  const char* waived[] = {"A year as E1", "design  docs.", "Consistent for nine months",
                          "SME in one skill", "Documented need for Lead"};
  for (int i = 0, k = pick(3); i < k; ++i) {
    model::Waiver w;
    w.id = me + "-w" + std::to_string(i);
    w.person = me;
    w.requirement = waived[pick(5)];
    w.approver = "head";
    w.granted = kStart.AddMonths(pick(60));
    if (pick(2)) w.expires = w.granted.AddMonths(6 + pick(12));
    r.waivers.push_back(std::move(w));
  }
  if (pick(3) == 0) {
    model::Need need;
    need.id = me + "-need";
    need.framework = "ladder";
    if (pick(2)) {
      need.overlay = "lead";
    } else {
      need.track = "mgmt";
      need.level = "M3";
    }
    need.opened = kStart.AddMonths(pick(50));
    need.status = pick(2) ? model::NeedStatus::kOpen : model::NeedStatus::kClosed;
    if (need.status == model::NeedStatus::kClosed) need.closed = need.opened.AddMonths(6);
    r.needs.push_back(std::move(need));
  }
  return r;
}

// Every field of two verdicts, as text, so that a difference shows where it is.
std::string Describe(const Verdict& v) {
  std::string out = v.person + " " + v.framework + " " + v.version + " " + v.target.track + "/" +
                    v.target.level + v.target.overlay + " " + v.target_title + " " + v.current +
                    " " + v.at.ToString() + " " + OverallName(v.overall) + " " +
                    v.earliest.ToString() + " [" + v.summary + "] blocking";
  for (size_t i : v.blocking) out += " " + std::to_string(i);
  for (const RequirementResult& r : v.requirements) {
    out += "\n  " + r.text + " | " + r.kind + " | " + r.source + " | " +
           RequirementStatusName(r.status) + " | " + r.reason + " | " + r.earliest.ToString() +
           " | " + (r.unwaived ? RequirementStatusName(*r.unwaived) : "-") + " |";
    for (const std::string& id : r.records) out += " " + id;
    out += " | waivers";
    for (const model::Waiver& w : r.waivers) out += " " + w.id;
  }
  return out;
}

TEST(FastEvaluation, SameAnswersAsTheExplainedModeOverAPopulation) {
  std::mt19937 rng(2026);
  std::set<Overall> overalls;
  std::set<RequirementStatus> statuses;
  int with_earliest = 0;
  int compared = 0;
  for (bool cumulative : {false, true}) {
    model::Framework f = Ladder(cumulative);
    // One prepared framework and two verdicts reused from person to person, as a bulk view
    // evaluates: the same answers as a fresh evaluation, in both modes.
    Evaluator evaluator(f);
    Verdict reused;
    Verdict reused_fast;
    for (int n = 0; n < 600; ++n) {
      Records r = Person(n, rng);
      Date at = kStart.AddMonths(18 + static_cast<int>(rng() % 48));
      std::vector<Target> targets = {Target::Overlay("lead"), Target::Level("mgmt", "M3"),
                                     Target::Level("ic", "E" + std::to_string(2 + rng() % 3))};
      if (Result<Target> next =
              ResolveTarget(f, "next", CurrentAssignment(r.assignments, f.id, at)))
        targets.push_back(*next);
      for (const Target& t : targets) {
        Result<Verdict> full = Evaluate(f, t, r, at);
        Result<Verdict> fast = Evaluate(f, t, r, at, EvaluateOptions{.explain = false});
        ASSERT_TRUE(full.has_value()) << full.error().ToString();
        ASSERT_TRUE(fast.has_value()) << fast.error().ToString();
        SCOPED_TRACE(r.person + " " + t.track + "/" + t.level + t.overlay + " on " + at.ToString());
        ASSERT_TRUE(evaluator.EvaluateInto(t, r, at, {}, reused).has_value());
        ASSERT_TRUE(evaluator.EvaluateInto(t, r, at, {.explain = false}, reused_fast).has_value());
        EXPECT_EQ(Describe(reused), Describe(*full));
        EXPECT_EQ(Describe(reused_fast), Describe(*fast));
        ++compared;
        EXPECT_EQ(fast->overall, full->overall);
        EXPECT_EQ(fast->earliest, full->earliest);
        EXPECT_EQ(fast->blocking, full->blocking);
        EXPECT_EQ(fast->current, full->current);
        ASSERT_EQ(fast->requirements.size(), full->requirements.size());
        overalls.insert(full->overall);
        for (size_t i = 0; i < full->requirements.size(); ++i) {
          const RequirementResult& a = full->requirements[i];
          const RequirementResult& b = fast->requirements[i];
          SCOPED_TRACE(a.text + ": " + a.reason);
          EXPECT_EQ(b.text, a.text);
          EXPECT_EQ(b.kind, a.kind);
          EXPECT_EQ(b.source, a.source);
          EXPECT_EQ(b.status, a.status);
          EXPECT_EQ(b.unwaived, a.unwaived);
          EXPECT_EQ(b.earliest, a.earliest);
          // What the fast mode leaves out, as its contract says.
          EXPECT_TRUE(b.reason.empty());
          EXPECT_TRUE(b.records.empty());
          EXPECT_TRUE(b.waivers.empty());
          statuses.insert(a.status);
          if (!a.earliest.empty()) ++with_earliest;
        }
        EXPECT_TRUE(fast->summary.empty());
        EXPECT_FALSE(full->summary.empty());
      }
    }
  }
  // The population reaches every verdict and every status, so the comparison above covers them.
  EXPECT_EQ(overalls.size(), 3u);
  EXPECT_EQ(statuses.size(), 6u);
  EXPECT_GT(with_earliest, 500);  // requirements with an earliest date
  EXPECT_GT(compared, 4000);
}

}  // namespace
}  // namespace ladder::rules
