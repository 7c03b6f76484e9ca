// A small organisation for the tests of server/ (and its fuzzer):
//
//   boss ── lead ── mgr ── emp        peer, stranger (both report to boss)      hrp (alone)
//   users (password "pw-<user>-long"):
//     emp (employee, person emp)      mgr (manager, person mgr)     boss (manager, person boss)
//     peer (reviewer, person peer)    rev2 (reviewer, person stranger)
//     lead (reviewer, person lead: above mgr and emp in the chain, without the manager role)
//     hr (people_team, person hrp)    admin (admin, no person)
//   evidence: ev-<person>, a talk of each person
//   cases: c-emp (emp towards ic/L2, panel: peer), c-str (stranger towards ic/L2)
//   need: n1 (ic/L3, opened by boss)
//   cycle: cy (eng, in its nominations; everyone in it, none nominated, no case of it)
//
// Every person's name and e-mail carry a marker ("Name-emp", "emp@marker.test") so that a test
// can tell whose data a response carries.
#pragma once

#include <stdexcept>
#include <string>
#include <tuple>

#include "app/accounts.h"
#include "app/cycles.h"
#include "storage/store.h"

namespace ladder::server::testing {

inline model::Framework TestFramework() {
  model::Framework f;
  f.id = "eng";
  f.name = "Engineering";
  f.version = "1";
  f.competencies = {{"delivery", "Delivery", "", {}},
                    {"craft", "Craft", "", {}},
                    {"teamwork", "Teamwork", "", {}}};
  model::Track t{"ic", "IC", model::TrackKind::kIc, "", {}, {}};
  for (int i = 1; i <= 3; ++i) {
    model::Level l;
    l.code = "L" + std::to_string(i);
    l.rank = i;
    l.title = "Engineer " + std::to_string(i);
    for (const char* c : {"delivery", "craft", "teamwork"})
      l.expectations.push_back(
          {c, "", {std::string("Does ") + c + " at level " + std::to_string(i)}, false, "", {}});
    if (i > 1)
      l.requirements = {{"A year at L" + std::to_string(i - 1),
                         model::TimeAtLevel{"L" + std::to_string(i - 1), 12},
                         {}},
                        {"Successful peer review", model::PeerReviewPassed{}, {}}};
    // A checkpoint somebody signs off: a manager above the person, the people team or an
    // admin (docs/accounts.md).
    if (i == 2) l.requirements.push_back({"Design review signed off", model::ManualRule{}, {}});
    t.levels.push_back(l);
  }
  f.tracks = {t};
  return f;
}

inline std::string Marker(const std::string& person) { return "Name-" + person; }

// Builds the organisation into an empty store. Throws when it cannot.
inline void BuildOrganisation(storage::Store& s) {
  auto check = [](auto r) {
    if (!r) throw std::runtime_error(r.error().ToString());
  };
  check(s.SaveDraft("test", TestFramework()));
  check(s.Publish("test", "eng", "1"));
  for (auto [id, manager] :
       {std::pair{"boss", ""}, std::pair{"lead", "boss"}, std::pair{"mgr", "lead"},
        std::pair{"emp", "mgr"}, std::pair{"peer", "boss"}, std::pair{"stranger", "boss"},
        std::pair{"hrp", ""}}) {
    check(s.SavePerson("test", model::Person{id, Marker(id), std::string(id) + "@marker.test",
                                             manager, *Date::Parse("2020-01-01")}));
    model::Assignment a;
    a.person = id;
    a.framework = "eng";
    a.version = "1";
    a.track = "ic";
    a.level = std::string(id) == "boss" ? "L3" : "L1";
    a.from = *Date::Parse("2024-01-01");
    a.reason = "hire";
    check(s.AddAssignment("test", a));
    model::Evidence e;
    e.id = std::string("ev-") + id;
    e.person = id;
    e.kind = "talk";
    e.title = "Talk-of-" + std::string(id);
    e.date = *Date::Parse("2025-03-01");
    check(s.SaveEvidence("test", e));
  }
  for (auto [id, person, panel] :
       {std::tuple{"c-emp", "emp", "peer"}, std::tuple{"c-str", "stranger", ""}}) {
    model::Case c;
    c.id = id;
    c.person = person;
    c.framework = "eng";
    c.version = "1";
    c.target_track = "ic";
    c.target_level = "L2";
    c.opened_by = person;
    c.opened = *Date::Parse("2026-01-05");
    if (*panel) c.panel = {panel};
    c.history = {{c.opened, person, "opened"}};
    check(s.SaveCase("test", c));
  }
  model::Need n;
  n.id = "n1";
  n.framework = "eng";
  n.track = "ic";
  n.level = "L3";
  n.reason = "a second team";
  n.opened_by = "boss";
  n.opened = *Date::Parse("2026-02-01");
  check(s.SaveNeed("test", n));
  app::AccountService accounts(s);
  using R = model::UserRole;
  for (auto [user, person, role] :
       {std::tuple{"emp", "emp", R::kEmployee}, std::tuple{"mgr", "mgr", R::kManager},
        std::tuple{"boss", "boss", R::kManager}, std::tuple{"peer", "peer", R::kReviewer},
        std::tuple{"rev2", "stranger", R::kReviewer}, std::tuple{"lead", "lead", R::kReviewer},
        std::tuple{"hr", "hrp", R::kPeopleTeam}, std::tuple{"admin", "", R::kAdmin}})
    check(accounts.AddUser(
        "test", app::NewUser{user, user, person, {role}, std::string("pw-") + user + "-long"}));
  // The review cycle cy, in its nominations until 2099, opened by the people team.
  app::CycleSpec spec;
  spec.id = "cy";
  spec.name = "Cycle-of-test";
  spec.frameworks = {"eng"};
  spec.evaluation = *Date::Parse("2027-01-01");
  Date deadline = *Date::Parse("2099-01-01");
  for (model::CyclePhase phase : model::kCyclePhases) {
    spec.phases.push_back({phase, deadline});
    deadline = deadline.AddDays(10);
  }
  check(app::CycleService(s, "test").Open(spec, "hrp", *Date::Parse("2026-01-01")));
}

// Builds the organisation into a new SQLite file at `path`.
inline void BuildOrganisation(const std::string& path) {
  auto opened = storage::OpenStore("sqlite:" + path);
  if (!opened) throw std::runtime_error(opened.error().ToString());
  BuildOrganisation(**opened);
}

}  // namespace ladder::server::testing
