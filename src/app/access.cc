#include "app/access.h"

#include <algorithm>
#include <set>

namespace ladder::app {
namespace {

std::unexpected<Error> Denied(std::string what) {
  return MakeError(ErrorCode::kPermissionDenied, "you may not " + std::move(what));
}

bool OnPanel(const Principal& p, const model::Case& c) {
  return !p.person.empty() && std::find(c.panel.begin(), c.panel.end(), p.person) != c.panel.end();
}

}  // namespace

const char* GuardName(Guard guard) {
  switch (guard) {
    case Guard::kPublic:
      return "public";
    case Guard::kFrameworks:
      return "frameworks";
    case Guard::kSignedIn:
      return "signed_in";
    case Guard::kPerson:
      return "person";
    case Guard::kCase:
      return "case";
    case Guard::kAuthor:
      return "author";
    case Guard::kAudit:
      return "audit";
    case Guard::kCycles:
      return "cycles";
    case Guard::kAdmin:
      return "admin";
  }
  return "?";
}

bool Access::SeesEveryone(const Principal& p) {
  return p.Has(model::UserRole::kAdmin) || p.Has(model::UserRole::kPeopleTeam);
}

bool Access::SeesVotes(const Principal& p, const model::Case& c) {
  if (SeesEveryone(p) || !OnPanel(p, c)) return true;
  return std::any_of(c.votes.begin(), c.votes.end(),
                     [&](const model::Vote& v) { return v.reviewer == p.person; });
}

model::Case Access::AsSeenBy(const Principal& p, model::Case c) {
  if (!SeesVotes(p, c)) c.votes.clear();
  return c;
}

Result<bool> IsAbove(storage::Store& store, std::string_view boss, std::string_view person) {
  LADDER_TRY(model::Person p, store.GetPerson(person));
  std::string at = p.manager;
  for (int depth = 0; !at.empty() && depth < 256; ++depth) {  // bounded: stored cycles
    if (at == boss) return true;
    Result<model::Person> up = store.GetPerson(at);
    if (!up) break;
    at = up->manager;
  }
  return false;
}

Result<bool> Access::Manages(std::string_view boss, std::string_view person) {
  if (boss.empty()) return false;
  Result<bool> above = IsAbove(store_, boss, person);
  if (!above && above.error().code == ErrorCode::kNotFound) return false;
  return above;
}

Result<bool> Access::CanSeePerson(const Principal& p, std::string_view person) {
  if (!p.SignedIn()) return false;
  if (SeesEveryone(p)) return true;
  if (!p.person.empty() && p.person == person) return true;
  if (p.Has(model::UserRole::kManager)) return Manages(p.person, person);
  return false;
}

Result<bool> Access::CanSeeCase(const Principal& p, const model::Case& c) {
  if (!p.SignedIn()) return false;
  if (SeesEveryone(p) || OnPanel(p, c)) return true;
  return CanSeePerson(p, c.person);
}

Status Access::Check(const Principal& p, Guard guard, std::string_view subject) {
  if (guard == Guard::kPublic) return Ok();
  if (guard == Guard::kFrameworks && options_.public_frameworks) return Ok();
  if (!p.SignedIn())
    return MakeError(ErrorCode::kUnauthenticated, "sign in first (POST /login or /api/v1/session)");
  switch (guard) {
    case Guard::kPublic:
    case Guard::kFrameworks:
    case Guard::kSignedIn:
      return Ok();
    case Guard::kAuthor:
      if (SeesEveryone(p)) return Ok();
      return Denied("author or publish frameworks (people team or admin only)");
    case Guard::kAudit:
      if (SeesEveryone(p)) return Ok();
      return Denied("read the audit log (people team or admin only)");
    case Guard::kCycles:
      if (SeesEveryone(p)) return Ok();
      return Denied("run review cycles (people team or admin only)");
    case Guard::kAdmin:
      if (p.Has(model::UserRole::kAdmin)) return Ok();
      return Denied("manage users (admin only)");
    case Guard::kPerson: {
      LADDER_TRY(bool may, CanSeePerson(p, subject));
      if (!may) return Denied("see the records of person '" + std::string(subject) + "'");
      if (SeesEveryone(p)) {
        Result<model::Person> found = store_.GetPerson(subject);
        if (!found) return Fail(found.error());
      }
      return Ok();
    }
    case Guard::kCase: {
      Result<model::Case> c = store_.GetCase(subject);
      if (!c) {
        if (c.error().code != ErrorCode::kNotFound) return Fail(c.error());
        if (SeesEveryone(p))
          return MakeError(ErrorCode::kNotFound, "no case '" + std::string(subject) + "'");
        return Denied("see case '" + std::string(subject) + "'");
      }
      LADDER_TRY(bool may, CanSeeCase(p, *c));
      if (!may) return Denied("see case '" + std::string(subject) + "'");
      return Ok();
    }
  }
  return Denied("do this");
}

Result<std::vector<Report>> Access::ReportsOf(std::string_view person) {
  LADDER_TRY(storage::ReportsPage all, store_.ListReports({std::string(person), 0, 0}));
  return std::move(all.reports);
}

Result<std::vector<model::Person>> Access::VisiblePeople(const Principal& p) {
  if (!p.SignedIn()) return std::vector<model::Person>{};
  if (SeesEveryone(p)) return store_.ListPeople();
  std::vector<model::Person> out;
  if (p.person.empty()) return out;
  if (Result<model::Person> self = store_.GetPerson(p.person); self) out.push_back(*self);
  if (p.Has(model::UserRole::kManager)) {
    LADDER_TRY(std::vector<Report> reports, ReportsOf(p.person));
    for (Report& r : reports) out.push_back(std::move(r.person));
  }
  std::sort(out.begin(), out.end(),
            [](const model::Person& a, const model::Person& b) { return a.id < b.id; });
  return out;
}

Result<std::vector<model::Case>> Access::VisibleCases(const Principal& p) {
  if (!p.SignedIn()) return std::vector<model::Case>{};
  LADDER_TRY(std::vector<model::Case> all, store_.ListCases(""));
  if (SeesEveryone(p)) return all;
  std::set<std::string> people;
  LADDER_TRY(std::vector<model::Person> visible, VisiblePeople(p));
  for (const model::Person& v : visible) people.insert(v.id);
  std::vector<model::Case> out;
  for (model::Case& c : all)
    if (people.count(c.person) || OnPanel(p, c)) out.push_back(AsSeenBy(p, std::move(c)));
  return out;
}

}  // namespace ladder::app
