// Store::WritePeopleBatch: people, their whole level history and new evidence written at once
// (an import of an organisation), with multi-row statements. Everything is checked before
// anything is written; the audit log gets the entries one record at a time would.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/level_history.h"
#include "model/validate.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

std::unexpected<Error> Bad(std::string field, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message), {}, std::move(field));
}

std::string At(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// A batch checked as far as it can be without the database: ids given, level history arranged
// per person (model/level_history.h), evidence valid.
struct Checked {
  std::map<std::string, std::size_t> person_at;                   // id -> position in people
  std::map<std::string, std::vector<model::Assignment>> history;  // per person, arranged
  std::vector<model::Evidence> evidence;                          // with their ids
};

Result<Checked> CheckAlone(const PeopleBatch& batch) {
  Checked c;
  for (std::size_t i = 0; i < batch.people.size(); ++i) {
    const model::Person& p = batch.people[i];
    for (Error e : model::ValidatePerson(p)) {
      e.field = At("people", i) + e.field.substr(e.field.find('.'));
      return Fail(e);
    }
    if (!c.person_at.emplace(p.id, i).second)
      return Bad(At("people", i) + ".id", "person " + p.id + " appears twice in the batch");
  }
  for (std::size_t i = 0; i < batch.assignments.size(); ++i) {
    model::Assignment a = batch.assignments[i];
    if (!c.person_at.count(a.person))
      return Bad(At("assignments", i) + ".person",
                 "assignment names person " + a.person + ", who is not among the batch's people");
    LADDER_TRY_STATUS(model::CheckPeriod(a, At("assignments", i)));
    if (a.id.empty()) a.id = NewId("as");
    c.history[a.person].push_back(std::move(a));
  }
  for (auto& [person, list] : c.history) {
    model::ArrangeHistory(list);
    LADDER_TRY_STATUS(model::CheckNoOverlap(list));
  }
  c.evidence = batch.evidence;
  for (std::size_t i = 0; i < c.evidence.size(); ++i) {
    for (Error e : model::ValidateEvidence(c.evidence[i])) {
      e.field = At("evidence", i) + e.field.substr(e.field.find('.'));
      return Fail(e);
    }
    if (c.evidence[i].id.empty()) c.evidence[i].id = NewId("ev");
  }
  return c;
}

// People the batch names that are not in it must be stored.
Status CheckPeopleStored(soci::session& s, const PeopleBatch& batch, const Checked& c) {
  std::set<std::string> outside;
  auto note = [&](const std::string& id) {
    if (!id.empty() && !c.person_at.count(id)) outside.insert(id);
  };
  for (const auto& p : batch.people) note(p.manager);
  for (const auto& e : c.evidence) {
    note(e.person);
    note(e.signed_off_by);
  }
  std::set<std::string> stored;
  ForIds(s, "SELECT id FROM people WHERE id IN",
         std::vector<std::string>(outside.begin(), outside.end()),
         [&](const Row& r) { stored.insert(r.Text("id")); });
  auto known = [&](const std::string& id) { return c.person_at.count(id) || stored.count(id); };
  for (std::size_t i = 0; i < batch.people.size(); ++i)
    if (!batch.people[i].manager.empty() && !known(batch.people[i].manager))
      return Bad(At("people", i) + ".manager",
                 "manager names person " + batch.people[i].manager + ", who is not stored");
  for (std::size_t i = 0; i < c.evidence.size(); ++i) {
    const model::Evidence& e = c.evidence[i];
    if (!known(e.person))
      return Bad(At("evidence", i) + ".person",
                 "evidence names person " + e.person + ", who is not stored");
    if (!e.signed_off_by.empty() && !known(e.signed_off_by))
      return Bad(At("evidence", i) + ".signed_off_by",
                 "evidence names person " + e.signed_off_by + ", who is not stored");
  }
  return Ok();
}

// Evidence ids must be new; the levels assignments name must be stored.
Status CheckRecordsStored(soci::session& s, const PeopleBatch& batch, const Checked& c) {
  std::vector<std::string> ids;
  for (const auto& e : c.evidence) ids.push_back(e.id);
  std::string taken;
  ForIds(s, "SELECT id FROM evidence WHERE id IN", ids,
         [&](const Row& r) { taken = r.Text("id"); });
  if (!taken.empty()) return MakeError(ErrorCode::kAlreadyExists, "evidence " + taken + " exists");
  std::set<std::tuple<std::string, std::string, std::string, std::string>> levels;
  std::set<std::pair<std::string, std::string>> versions;
  for (const auto& [person, list] : c.history)
    for (const auto& a : list) versions.insert({a.framework, a.version});
  for (const auto& [f, v] : versions) {
    LADDER_TRY_STATUS(
        ForRows(s, "SELECT track, code FROM levels WHERE framework = :f AND version = :v", {f, v},
                [&](const Row& r) -> Status {
                  levels.insert({f, v, r.Text("track"), r.Text("code")});
                  return Ok();
                }));
  }
  for (std::size_t i = 0; i < batch.assignments.size(); ++i) {
    const auto& a = batch.assignments[i];
    if (!levels.count({a.framework, a.version, a.track, a.level}))
      return Bad(At("assignments", i) + ".level", "level " + a.track + "/" + a.level +
                                                      " of framework " + a.framework + " version " +
                                                      a.version + " is not stored");
  }
  return Ok();
}

// What the batch replaces, for the audit log: the stored people (id -> JSON) and the level
// history of those people (id, doc), which is deleted here.
struct Replaced {
  std::map<std::string, std::string> people;
  std::vector<std::pair<std::string, std::string>> assignments;
};

Result<Replaced> DeleteReplaced(soci::session& s, const PeopleBatch& batch) {
  Replaced out;
  std::vector<std::string> ids;
  for (const auto& p : batch.people) ids.push_back(p.id);
  const std::string columns = schema::TableNamed("people").List();
  Status read = Ok();
  ForIds(s, "SELECT " + columns + " FROM people WHERE id IN", ids, [&](const Row& r) {
    Result<model::Person> p = ReadFields(r, schema::PersonFields());
    if (!p) read = Fail(p.error());
    if (p) out.people[p->id] = Dump(PersonJson(*p));
  });
  LADDER_TRY_STATUS(read);
  if (out.people.empty()) return out;
  std::vector<std::string> existing;
  for (const auto& [id, doc] : out.people) existing.push_back(id);
  ForIds(s, "SELECT id, doc FROM assignments WHERE person IN", existing, [&](const Row& r) {
    out.assignments.push_back({r.Text("id"), r.Text("doc")});
  });
  std::sort(out.assignments.begin(), out.assignments.end());
  for (std::size_t first = 0; first < existing.size(); first += 500) {
    std::size_t count = std::min<std::size_t>(500, existing.size() - first);
    std::vector<Cell> chunk(existing.begin() + first, existing.begin() + first + count);
    std::string sql = "DELETE FROM assignments WHERE person IN (";
    for (std::size_t i = 0; i < count; ++i) sql += (i ? ", :p" : ":p") + std::to_string(i);
    Execute(s, sql + ")", chunk);
  }
  return out;
}

// People with their managers set once everyone is in (a manager may come after a report).
void WritePeople(soci::session& s, const PeopleBatch& batch, std::size_t per) {
  const schema::Table& people = schema::TableNamed("people");
  std::vector<std::vector<Cell>> rows;
  std::size_t manager = 0;
  while (people.columns[manager].name != "manager") ++manager;
  for (const auto& p : batch.people) {
    rows.push_back(CellsOf(p, schema::PersonFields()));
    rows.back()[manager] = std::nullopt;
  }
  InsertMany(s, "people", people.Names(), rows, per, OnConflictUpdate(people));
  std::vector<std::pair<std::string, std::string>> managers;
  for (const auto& p : batch.people)
    if (!p.manager.empty()) managers.push_back({p.id, p.manager});
  for (std::size_t first = 0; first < managers.size(); first += 500) {
    std::size_t count = std::min<std::size_t>(500, managers.size() - first);
    std::vector<Cell> values;
    std::string sql = "UPDATE people SET manager = v.column2 FROM (VALUES ";
    for (std::size_t i = 0; i < count; ++i) {
      sql += (i ? ", (:a" : "(:a") + std::to_string(i) + ", :b" + std::to_string(i) + ")";
      values.push_back(managers[first + i].first);
      values.push_back(managers[first + i].second);
    }
    Execute(s, sql + ") AS v WHERE people.id = v.column1", values);
  }
}

}  // namespace

Status SqlStore::WritePeopleBatch(std::string_view actor, const PeopleBatch& batch) {
  LADDER_TRY(Checked checked, CheckAlone(batch));
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY_STATUS(CheckPeopleStored(s, batch, checked));
    LADDER_TRY_STATUS(CheckRecordsStored(s, batch, checked));
    LADDER_TRY(Replaced replaced, DeleteReplaced(s, batch));

    std::string now = NowIso(), who(actor.empty() ? "unknown" : actor);
    std::vector<std::vector<Cell>> audit;
    auto audit_row = [&](std::string action, std::string subject, std::string b, std::string a) {
      audit.push_back(
          {now, who, std::move(action), std::move(subject), std::move(b), std::move(a)});
    };
    const std::size_t per = shared_->dialect->RowsPerInsert();
    WritePeople(s, batch, per);
    for (const auto& p : batch.people) {
      auto it = replaced.people.find(p.id);
      audit_row(it == replaced.people.end() ? "person.create" : "person.update", "person:" + p.id,
                it == replaced.people.end() ? "" : it->second, Dump(PersonJson(p)));
    }
    for (const auto& [id, doc] : replaced.assignments)
      audit_row("assignment.delete", "assignment:" + id, doc, "");
    std::vector<std::vector<Cell>> rows;
    for (const auto& [person, list] : checked.history)
      for (const auto& a : list) {
        std::string doc = Dump(AssignmentJson(a));
        rows.push_back({a.id, a.person, a.framework, a.version, a.track, a.level, a.from.ToString(),
                        a.to.ToString(), doc});
        audit_row("assignment.create", "assignment:" + a.id, "", doc);
      }
    InsertMany(s, "assignments", schema::TableNamed("assignments").Names(), rows, per);
    rows.clear();
    for (const auto& e : checked.evidence) {
      std::string doc = Dump(EvidenceJson(e));
      rows.push_back({e.id, e.person, e.date.ToString(), doc});
      audit_row("evidence.create", "evidence:" + e.id, "", doc);
    }
    InsertMany(s, "evidence", schema::TableNamed("evidence").Names(), rows, per);
    InsertMany(s, "audit_log", schema::TableNamed("audit_log").Names(false), audit, per);
    return Ok();
  });
}

}  // namespace ladder::storage::internal
