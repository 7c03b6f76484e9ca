// Test support for the HTTP tests of server/: a small organisation in a fresh SQLite file and a
// real `ladder serve` server on it (port 0, its own thread), reached with httplib's client.
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
//
// Every person's name and e-mail carry a marker ("Name-emp", "emp@marker.test") so that a test
// can tell whose data a response carries.
#pragma once

#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/accounts.h"
#include "server/server.h"
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
    t.levels.push_back(l);
  }
  f.tracks = {t};
  return f;
}

inline std::string Marker(const std::string& person) { return "Name-" + person; }

// Builds the organisation into a new SQLite file at `path`.
inline void BuildOrganisation(const std::string& path) {
  auto opened = storage::OpenStore("sqlite:" + path);
  if (!opened) throw std::runtime_error(opened.error().ToString());
  storage::Store& s = **opened;
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
}

inline std::string TempPath(const std::string& name) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("ladder-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
           ".db"))
      .string();
}

// A server running on a database file until destroyed.
class TestServer {
 public:
  // `options.reload_seconds` is kept (0 unless a test asks for reloading); address, threads
  // and logging are the test's own.
  explicit TestServer(const std::string& db_path, ServerOptions options = Quiet())
      : path_(db_path) {
    auto opened = storage::OpenStore("sqlite:" + db_path);
    if (!opened) throw std::runtime_error(opened.error().ToString());
    store_ = std::move(*opened);
    options.host = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    options.threads = 4;
    server_ = std::make_unique<Server>(options, *store_);
    if (auto s = server_->Load(); !s) throw std::runtime_error(s.error().ToString());
    if (auto s = server_->Bind(); !s) throw std::runtime_error(s.error().ToString());
    thread_ = std::thread([this] { (void)server_->Run(); });
    // Wait until it answers.
    for (int i = 0; i < 200; ++i) {
      httplib::Client c("127.0.0.1", server_->Port());
      if (auto r = c.Get("/healthz"); r && r->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~TestServer() {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    store_.reset();
  }
  static ServerOptions Quiet() {
    ServerOptions o;
    o.reload_seconds = 0;
    return o;
  }
  int Port() const { return server_->Port(); }
  storage::Store& store() { return *store_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->Port());
    c.set_keep_alive(false);
    return c;
  }

 private:
  std::string path_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

// A signed-in browser: the session cookie and the CSRF token of its forms.
struct Session {
  std::string user;
  std::string cookie;  // "ladder_session=..."
  std::string csrf;
};

// Signs in through the JSON API. Throws when it fails.
inline Session SignIn(const TestServer& server, const std::string& user) {
  httplib::Client c = server.Client();
  nlohmann::json body = {{"user", user}, {"password", "pw-" + user + "-long"}};
  auto r = c.Post("/api/v1/session", body.dump(), "application/json");
  if (!r || r->status != 201)
    throw std::runtime_error("sign-in of " + user + " failed: " +
                             (r ? std::to_string(r->status) + " " + r->body : "no answer"));
  std::string set = r->get_header_value("Set-Cookie");
  Session s;
  s.user = user;
  s.cookie = set.substr(0, set.find(';'));
  s.csrf = nlohmann::json::parse(r->body).at("csrf_token").get<std::string>();
  return s;
}

}  // namespace ladder::server::testing
