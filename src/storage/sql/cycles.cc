// Review cycles: the cycle's document and the snapshot of its candidates (one row per person in
// scope). A closed cycle is immutable; an open one holds its people alone (no overlapping
// cycles).
#include <algorithm>
#include <unordered_set>

#include "model/cycle.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

void PutCycle(soci::session& s, const model::Cycle& c) {
  Execute(s, InsertSql(schema::TableNamed("cycles"), true),
          {c.id, std::string(model::CycleStatusName(c.status)), c.opened.ToString(),
           Dump(CycleJson(c))});
}

std::vector<Cell> CandidateCells(const model::Candidate& c) {
  return {c.cycle, c.person, std::string(model::ReadinessName(c.readiness)),
          Dump(CandidateJson(c))};
}

// The stored cycle `id`, or kNotFound.
Result<model::Cycle> CycleIn(soci::session& s, const std::string& id) {
  std::string doc = DocOf(s, "cycles", id);
  if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no cycle " + id, {}, "cycle");
  return Decode<model::Cycle>(doc, "cycle");
}

// kConflict when another open cycle holds one of the candidates of `cycle`.
Status RefuseOverlap(soci::session& s, const std::string& cycle) {
  std::string other, person;
  // From the other open cycles (few) to their candidates, each looked up in this cycle by key:
  // the closed cycles of past seasons are never read.
  LADDER_TRY_STATUS(ForRows(s,
                            "SELECT a.cycle AS other, a.person AS person FROM cycles y "
                            "JOIN cycle_candidates a ON a.cycle = y.id "
                            "JOIN cycle_candidates b ON b.cycle = :c1 AND b.person = a.person "
                            "WHERE y.status = 'open' AND y.id <> :c2 "
                            "ORDER BY a.person LIMIT 1",
                            {cycle, cycle}, [&](const Row& r) -> Status {
                              other = r.Text("other");
                              person = r.Text("person");
                              return Ok();
                            }));
  if (other.empty()) return Ok();
  return MakeError(ErrorCode::kConflict,
                   "cycle " + cycle + " overlaps the open cycle " + other + ": " + person +
                       " is in both (close " + other + " first, or narrow the scope)",
                   {}, "cycle.scope");
}

}  // namespace

Status SqlStore::OpenCycle(std::string_view actor, const model::Cycle& cycle,
                           const std::vector<model::Candidate>& candidates) {
  LADDER_TRY_STATUS(FirstError(model::ValidateCycle(cycle)));
  for (size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].cycle != cycle.id || candidates[i].person.empty())
      return MakeError(
          ErrorCode::kInvalidArgument,
          "candidate " + candidates[i].person + " does not belong to cycle " + cycle.id, {},
          "candidates[" + std::to_string(i) + "]");
  return Write([&](soci::session& s) -> Status {
    if (!DocOf(s, "cycles", cycle.id).empty())
      return MakeError(ErrorCode::kAlreadyExists, "cycle " + cycle.id + " exists", {}, "cycle.id");
    // Every candidate a stored person: one statement, not one per candidate.
    std::unordered_set<std::string> people;
    LADDER_TRY_STATUS(ForRows(s, "SELECT id FROM people", {}, [&](const Row& r) -> Status {
      people.insert(r.Text("id"));
      return Ok();
    }));
    for (size_t i = 0; i < candidates.size(); ++i)
      if (!people.contains(candidates[i].person))
        return MakeError(ErrorCode::kInvalidArgument, "no person " + candidates[i].person, {},
                         "candidates[" + std::to_string(i) + "].person");
    PutCycle(s, cycle);
    std::vector<std::vector<Cell>> rows;
    rows.reserve(candidates.size());
    for (const model::Candidate& c : candidates) rows.push_back(CandidateCells(c));
    const schema::Table& t = schema::TableNamed("cycle_candidates");
    InsertMany(s, std::string(t.name), t.Names(), rows, shared_->dialect->RowsPerInsert());
    LADDER_TRY_STATUS(RefuseOverlap(s, cycle.id));
    return Audit(s, actor, "cycle.open", "cycle:" + cycle.id, "", Dump(CycleJson(cycle)));
  });
}

Status SqlStore::SaveCycle(std::string_view actor, const model::Cycle& cycle,
                           const std::vector<model::Candidate>& outcomes) {
  LADDER_TRY_STATUS(FirstError(model::ValidateCycle(cycle)));
  return Write([&](soci::session& s) -> Status {
    std::string before = DocOf(s, "cycles", cycle.id);
    if (before.empty()) return MakeError(ErrorCode::kNotFound, "no cycle " + cycle.id);
    LADDER_TRY(model::Cycle old, Decode<model::Cycle>(before, "cycle"));
    if (old.status == model::CycleStatus::kClosed)
      return MakeError(ErrorCode::kConflict,
                       "cycle " + cycle.id + " is closed: its record cannot change");
    PutCycle(s, cycle);
    const schema::Table& t = schema::TableNamed("cycle_candidates");
    for (const model::Candidate& c : outcomes) {
      if (c.cycle != cycle.id)
        return MakeError(ErrorCode::kInvalidArgument,
                         "candidate " + c.person + " does not belong to cycle " + cycle.id);
      Execute(s, InsertSql(t, true), CandidateCells(c));
    }
    bool closing = cycle.status == model::CycleStatus::kClosed;
    return Audit(s, actor, closing ? "cycle.close" : "cycle.update", "cycle:" + cycle.id, before,
                 Dump(CycleJson(cycle)));
  });
}

Result<model::Cycle> SqlStore::GetCycle(std::string_view id) {
  std::string cid(id);
  return Read([&](soci::session& s) { return CycleIn(s, cid); });
}

Result<std::vector<model::Cycle>> SqlStore::ListCycles() {
  return Read([&](soci::session& s) -> Result<std::vector<model::Cycle>> {
    std::vector<model::Cycle> out;
    LADDER_TRY_STATUS(
        ForRows(s, "SELECT doc FROM cycles ORDER BY day DESC, id", {}, [&](const Row& r) -> Status {
          LADDER_TRY(model::Cycle c, Decode<model::Cycle>(r.Text("doc"), "cycle"));
          out.push_back(std::move(c));
          return Ok();
        }));
    return out;
  });
}

Result<std::vector<model::Candidate>> SqlStore::ListCandidates(std::string_view cycle,
                                                               std::string_view person) {
  std::string sql = "SELECT doc FROM cycle_candidates WHERE cycle = :c";
  std::vector<std::string> params{std::string(cycle)};
  if (!person.empty()) {
    sql += " AND person = :p";
    params.emplace_back(person);
  }
  sql += " ORDER BY person";
  return Read([&](soci::session& s) -> Result<std::vector<model::Candidate>> {
    LADDER_TRY_STATUS(CycleIn(s, params[0]));
    std::vector<model::Candidate> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::Candidate c, Decode<model::Candidate>(r.Text("doc"), "cycle candidate"));
      out.push_back(std::move(c));
      return Ok();
    }));
    if (!person.empty() && out.empty())
      return MakeError(ErrorCode::kNotFound,
                       std::string(person) + " is not in cycle " + params[0] +
                           " (its scope did not hold them when it opened)",
                       {}, "person");
    return out;
  });
}

Status SqlStore::SaveCandidates(std::string_view actor,
                                const std::vector<model::Candidate>& candidates) {
  return Write([&](soci::session& s) -> Status {
    const schema::Table& t = schema::TableNamed("cycle_candidates");
    for (const model::Candidate& c : candidates) {
      LADDER_TRY(model::Cycle cycle, CycleIn(s, c.cycle));
      if (cycle.status == model::CycleStatus::kClosed)
        return MakeError(ErrorCode::kConflict,
                         "cycle " + c.cycle + " is closed: its record cannot change");
      std::string before;
      LADDER_TRY_STATUS(ForRows(s,
                                "SELECT doc FROM cycle_candidates WHERE cycle = :c AND person = :p",
                                {c.cycle, c.person}, [&](const Row& r) -> Status {
                                  before = r.Text("doc");
                                  return Ok();
                                }));
      if (before.empty())
        return MakeError(ErrorCode::kNotFound, c.person + " is not in cycle " + c.cycle, {},
                         "person");
      std::string after = Dump(CandidateJson(c));
      Execute(s, InsertSql(t, true), CandidateCells(c));
      LADDER_TRY_STATUS(
          Audit(s, actor, "cycle.candidate", "cycle:" + c.cycle + "/" + c.person, before, after));
    }
    return Ok();
  });
}

Result<std::vector<model::Case>> SqlStore::ListCycleCases(std::string_view cycle) {
  std::string c(cycle);
  return Read([&](soci::session& s) -> Result<std::vector<model::Case>> {
    std::vector<model::Case> out;
    LADDER_TRY_STATUS(ForRows(s, "SELECT doc FROM cases WHERE cycle = :c ORDER BY day, id", {c},
                              [&](const Row& r) -> Status {
                                LADDER_TRY(model::Case k,
                                           Decode<model::Case>(r.Text("doc"), "case"));
                                out.push_back(std::move(k));
                                return Ok();
                              }));
    return out;
  });
}

Result<std::map<std::string, CycleCounts>> SqlStore::CountCycles() {
  return Read([&](soci::session& s) -> Result<std::map<std::string, CycleCounts>> {
    std::map<std::string, CycleCounts> out;
    LADDER_TRY_STATUS(ForRows(
        s, "SELECT cycle, readiness, COUNT(*) AS n FROM cycle_candidates GROUP BY cycle, readiness",
        {}, [&](const Row& r) -> Status {
          CycleCounts& c = out[r.Text("cycle")];
          const int n = static_cast<int>(r.Int("n"));
          c.people += n;
          if (r.Text("readiness") == model::ReadinessName(model::Readiness::kEligible))
            c.eligible += n;
          if (r.Text("readiness") == model::ReadinessName(model::Readiness::kClose)) c.close += n;
          return Ok();
        }));
    LADDER_TRY_STATUS(ForRows(
        s, "SELECT cycle, doc FROM cases WHERE cycle IS NOT NULL", {}, [&](const Row& r) -> Status {
          LADDER_TRY(model::Case k, Decode<model::Case>(r.Text("doc"), "case"));
          CycleCounts& c = out[r.Text("cycle")];
          ++c.reviews;
          if (k.decision) {
            ++c.decided;
            if (k.decision->outcome == model::Outcome::kPromoted) ++c.promoted;
          }
          return Ok();
        }));
    return out;
  });
}

Result<std::map<std::string, int>> SqlStore::CountEvidence() {
  return Read([&](soci::session& s) -> Result<std::map<std::string, int>> {
    std::map<std::string, int> out;
    LADDER_TRY_STATUS(ForRows(
        s, "SELECT person, doc FROM evidence ORDER BY person", {}, [&](const Row& r) -> Status {
          LADDER_TRY(model::Evidence e, Decode<model::Evidence>(r.Text("doc"), "evidence"));
          if (!e.retraction) ++out[e.person];
          return Ok();
        }));
    return out;
  });
}

}  // namespace ladder::storage::internal
