// A small framework built in code for unit tests of lint, diffs and exporters: two pillars,
// three competencies, an IC track with an undefined top level and a management track, an
// overlay, a transition, a policy, a note and a small role catalogue. It is valid and lint-clean;
// tests change a copy to break one thing at a time. Header-only; for tests.
#pragma once

#include "model/framework.h"

namespace ladder::model::testing {

inline Expectation Expect(std::string competency, std::vector<std::string> behaviours) {
  Expectation e;
  e.competency = std::move(competency);
  e.behaviours = std::move(behaviours);
  return e;
}

inline Expectation ExpectUndefined(std::string competency, std::string note) {
  Expectation e;
  e.competency = std::move(competency);
  e.undefined = true;
  e.note = std::move(note);
  return e;
}

inline Framework SmallFramework() {
  Framework fw;
  fw.id = "field-ops";
  fw.name = "Field Operations";
  fw.family = "operations";
  fw.version = "2025.1";
  fw.description = "Career levels for the people who repair equipment on site.";
  fw.competencies = {
      {"repair", "Repair work", "Fixing equipment well and on time.", {}},
      {"safety", "Safety", "Keeping yourself and others safe.", {}},
      {"coaching", "Coaching", "Helping others learn the trade.", {}},
  };
  fw.groups = {
      {"craft", "Craft", "", {"repair", "safety"}, {}},
      {"people", "People", "", {"coaching"}, {}},
  };

  Track ic;
  ic.id = "ic";
  ic.name = "Technician path";
  ic.kind = TrackKind::kIc;
  Level t1;
  t1.code = "T1";
  t1.rank = 1;
  t1.title = "Technician";
  t1.summary = "Carries out routine repairs with guidance.";
  t1.attributes = {{"years_of_experience", "0 to 2"}};
  t1.expectations = {
      Expect("repair",
             {"Completes routine repairs from a checklist", "Logs every job in the tracker"}),
      Expect("safety", {"Follows the site safety rules"}),
      ExpectUndefined("coaching", "Not expected at this level"),
  };
  Level t2;
  t2.code = "T2";
  t2.rank = 2;
  t2.title = "Senior Technician";
  t2.summary = "Handles complex repairs alone.";
  t2.attributes = {{"years_of_experience", "2 to 5"}};
  t2.expectations = {
      Expect("repair",
             {"Completes complex repairs without a checklist", "Logs every job in the tracker"}),
      Expect("safety", {"Follows the site safety rules", "Reports near misses the same day"}),
      Expect("coaching", {"Shows new technicians how the tools work"}),
  };
  t2.requirements = {
      {"12 months at T1", TimeAtLevel{"T1", 12}, {}},
      {"Shows sound judgement on difficult jobs", ManualRule{}, {}},
  };
  Level t3;
  t3.code = "T3";
  t3.rank = 3;
  t3.title = "Lead Technician";
  t3.state = LevelState::kUndefined;
  t3.note = "Not defined yet";
  ic.levels = {t1, t2, t3};

  Track mgmt;
  mgmt.id = "mgmt";
  mgmt.name = "Supervisor path";
  mgmt.kind = TrackKind::kManagement;
  Level s1;
  s1.code = "S1";
  s1.rank = 3;
  s1.title = "Supervisor";
  s1.summary = "Runs a crew of technicians.";
  s1.expectations = {
      Expect("repair", {"Plans the repair schedule for the crew"}),
      Expect("safety", {"Follows the site safety rules", "Runs the monthly safety drill"}),
      Expect("coaching", {"Holds a one-to-one with each technician every month"}),
  };
  mgmt.levels = {s1};
  fw.tracks = {ic, mgmt};

  OverlayRole lead;
  lead.id = "crew-lead";
  lead.name = "Crew Lead";
  lead.description = "A technician who also leads the crew's day.";
  lead.duties = {"Runs the morning briefing"};
  lead.levels = {"T2"};
  lead.requirements = {{"Holds the T2 level", ManualRule{}, {}}};
  fw.overlays = {lead};

  Transition to_mgmt;
  to_mgmt.from = "ic";
  to_mgmt.to = "mgmt";
  to_mgmt.description = "Technicians who want to lead people move to the supervisor path.";
  to_mgmt.requirements = {{"Six months as crew lead", TimeInRole{"crew-lead", 6}, {}}};
  fw.transitions = {to_mgmt};

  fw.policy = {{"A successful peer review", PeerReviewPassed{}, {}}};
  fw.notes = {
      {"How promotions work", "Talk to your manager; **cases** are reviewed twice a year.", {}}};

  RoleProfile r1;
  r1.id = "associate-field-technician";
  r1.family = "Field Technician";
  r1.seniority = "Associate";
  r1.title = "Associate Field Technician";
  r1.summary = "Learns the trade on routine jobs.";
  RoleProfile r2 = r1;
  r2.id = "senior-field-technician";
  r2.seniority = "Senior";
  r2.title = "Senior Field Technician";
  r2.summary = "Takes the hardest jobs, with a pipe | in it.";
  RoleProfile r3;
  r3.id = "dispatcher";
  r3.family = "Dispatcher";
  r3.seniority = "";
  r3.title = "Dispatcher";
  r3.summary = "Sends the right technician to each job.";
  fw.roles = {r1, r2, r3};
  return fw;
}

}  // namespace ladder::model::testing
