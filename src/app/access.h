// Who may see and do what: the one place where Ladder's authorisation rules live. Every HTTP
// route names a Guard (server/routes.h) and the server checks it here before the handler runs;
// lists (people, cases, the team) are filtered here too. docs/accounts.md states the rules:
//
//   admin        everything, users and roles included
//   people_team  every person's records and every case; authoring and publishing frameworks;
//                the audit log
//   manager      the records and cases of the people below them in the management chain
//                (their reports, transitively)
//   reviewer     the cases whose panel they sit on (the portfolio, not the rest of the records)
//   employee     their own records and cases
//   frameworks   readable by every signed-in user, or by anyone when configured public
//
// A person's data is refused with kPermissionDenied whether or not the person exists, so that
// someone who may not see a record cannot learn that it exists; those who see everyone get
// kNotFound for a missing one.
//
// Thread-safe when the Store is.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/accounts.h"
#include "base/error.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

// True when `boss` is above `person` in the management chain (their manager, the manager's
// manager, ...); stored cycles end the walk. kNotFound for an unknown person.
Result<bool> IsAbove(storage::Store& store, std::string_view boss, std::string_view person);

// What a route asks of the principal.
enum class Guard {
  kPublic,      // anyone (the login form, static files, /healthz)
  kFrameworks,  // published frameworks: anyone when public, else any signed-in user
  kSignedIn,    // any signed-in user (their own page, lists filtered to what they may see)
  kPerson,      // the route's {person}: themself, their managers, the people team, admins
  kCase,        // the route's {case}: its person, their managers, its panel, people team, admins
  kAuthor,      // importing, editing and publishing frameworks: the people team and admins
  kAudit,       // the audit log: the people team and admins
  kCycles,      // review cycles, their calibration board, people from an HRIS file: the people
                // team and admins
  kAdmin,       // users and roles: admins
};
const char* GuardName(Guard guard);  // public | frameworks | signed_in | person | case | ...

struct AccessOptions {
  bool public_frameworks = false;
};

// A report of someone, and how far below them (1: a direct report).
using Report = storage::Report;

class Access {
 public:
  Access(storage::Store& store, AccessOptions options = {}) : store_(store), options_(options) {}

  // Ok when `p` may use a route guarded by `guard`; `subject` is the route's person id (kPerson)
  // or case id (kCase). Errors: kUnauthenticated (nobody signed in), kPermissionDenied,
  // kNotFound (only for principals who see every subject).
  Status Check(const Principal& p, Guard guard, std::string_view subject = {});

  // True for admins and the people team.
  static bool SeesEveryone(const Principal& p);
  // Whether `p` sees the votes and notes of `c`'s panel: a panel member who has not voted yet
  // does not, so that each vote is the member's own and not an echo of the others'; the people
  // team and admins, members who voted and everyone else who may see the case do.
  static bool SeesVotes(const Principal& p, const model::Case& c);
  // `c` as `p` may see it: without the panel's votes when SeesVotes is false. Every page and
  // API answer that shows a case to a principal passes it through here.
  static model::Case AsSeenBy(const Principal& p, model::Case c);
  bool PublicFrameworks() const { return options_.public_frameworks; }

  Result<bool> CanSeePerson(const Principal& p, std::string_view person);
  Result<bool> CanSeeCase(const Principal& p, const model::Case& c);

  // True when `boss` is above `person` in the management chain.
  Result<bool> Manages(std::string_view boss, std::string_view person);
  // Everyone below `person`, nearest first (by depth, then id), each once.
  Result<std::vector<Report>> ReportsOf(std::string_view person);

  // The people `p` may see, by id.
  Result<std::vector<model::Person>> VisiblePeople(const Principal& p);
  // The cases `p` may see, by opened date, each as `p` may see it (AsSeenBy).
  Result<std::vector<model::Case>> VisibleCases(const Principal& p);

 private:
  storage::Store& store_;
  AccessOptions options_;
};

}  // namespace ladder::app
