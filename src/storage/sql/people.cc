// People (the flat table `people`, column by column through schema::PersonFields) and their
// level history (assignments), one record at a time, and everything about one person read at
// once. Level history follows the rules of model/level_history.h.
#include <array>
#include <unordered_map>
#include <utility>

#include "model/level_history.h"
#include "model/validate.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

const schema::Table& People() { return schema::TableNamed("people"); }

Result<model::Person> PersonFrom(const Row& r) { return ReadFields(r, schema::PersonFields()); }

// The person `id`, or nullopt.
Result<std::optional<model::Person>> FindPerson(soci::session& s, const std::string& id) {
  std::optional<model::Person> found;
  LADDER_TRY_STATUS(ForRows(s, "SELECT " + People().List() + " FROM people WHERE id = :id", {id},
                            [&](const Row& r) -> Status {
                              LADDER_TRY(found, PersonFrom(r));
                              return Ok();
                            }));
  return found;
}

// The stored person as JSON (the audit log's "before"), or "" when there is none.
Result<std::string> PersonDoc(soci::session& s, const std::string& id) {
  LADDER_TRY(std::optional<model::Person> p, FindPerson(s, id));
  return p ? Dump(PersonJson(*p)) : std::string();
}

// The person's level history, oldest first.
Result<std::vector<model::Assignment>> HistoryOf(soci::session& s, const std::string& person) {
  std::vector<model::Assignment> out;
  LADDER_TRY_STATUS(ForRows(
      s, "SELECT doc FROM assignments WHERE person = :p ORDER BY from_date, id", {person},
      [&](const Row& r) -> Status {
        LADDER_TRY(model::Assignment a, Decode<model::Assignment>(r.Text("doc"), "assignment"));
        out.push_back(std::move(a));
        return Ok();
      }));
  return out;
}

// What an assignment needs besides the history rules: a stored person and a stored level, and a
// period (rule 1).
Status CheckAssignment(soci::session& s, const model::Assignment& a) {
  LADDER_TRY_STATUS(RequirePerson(s, a.person, "assignment.person"));
  LADDER_TRY_STATUS(model::CheckPeriod(a, "assignment"));
  long long n = 0;
  s << "SELECT COUNT(*) FROM levels WHERE framework = :f AND version = :v AND track = :t AND "
       "code = :c",
      soci::into(n), soci::use(a.framework), soci::use(a.version), soci::use(a.track),
      soci::use(a.level);
  if (n == 0)
    return MakeError(ErrorCode::kInvalidArgument,
                     "level " + a.track + "/" + a.level + " of framework " + a.framework +
                         " version " + a.version + " is not stored",
                     {}, "assignment.level");
  return Ok();
}

// Writes an assignment row (new or replacing the one with its id).
void PutAssignment(soci::session& s, const model::Assignment& a, const std::string& doc) {
  Execute(s, InsertSql(schema::TableNamed("assignments"), true),
          {a.id, a.person, a.framework, a.version, a.track, a.level, a.from.ToString(),
           a.to.ToString(), doc});
}

}  // namespace

// ---- People ----

Status SqlStore::SavePerson(std::string_view actor, const model::Person& p) {
  LADDER_TRY_STATUS(FirstError(model::ValidatePerson(p)));
  return Write([&](soci::session& s) -> Status {
    if (!p.manager.empty() && p.manager != p.id)
      LADDER_TRY_STATUS(RequirePerson(s, p.manager, "manager"));
    LADDER_TRY(std::string before, PersonDoc(s, p.id));
    Execute(s, InsertSql(People(), true), CellsOf(p, schema::PersonFields()));
    return Audit(s, actor, before.empty() ? "person.create" : "person.update", "person:" + p.id,
                 before, Dump(PersonJson(p)));
  });
}

Result<model::Person> SqlStore::GetPerson(std::string_view id) {
  std::string pid(id);
  return Read([&](soci::session& s) -> Result<model::Person> {
    LADDER_TRY(std::optional<model::Person> p, FindPerson(s, pid));
    if (!p) return MakeError(ErrorCode::kNotFound, "no person " + pid);
    return std::move(*p);
  });
}

Result<std::vector<model::Person>> SqlStore::ListPeople(const PeopleQuery& q) {
  return Read([&](soci::session& s) -> Result<std::vector<model::Person>> {
    std::string sql = "SELECT " + People().List() + " FROM people";
    std::vector<std::string> params;
    if (!q.manager.empty()) {
      sql += " WHERE manager = :m";
      params.push_back(q.manager);
    }
    sql += " ORDER BY id";
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    if (q.offset > 0) sql += " OFFSET " + std::to_string(q.offset);
    std::vector<model::Person> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::Person p, PersonFrom(r));
      out.push_back(std::move(p));
      return Ok();
    }));
    return out;
  });
}

Result<ReportsPage> SqlStore::ListReports(const ReportsQuery& q) {
  // The tree as (id, depth) rows; a cycle repeats people at growing depths until the bound, and
  // each person is then taken at their nearest depth. The total comes with every row, so one
  // statement answers both; a page past the end asks for the count alone.
  static const std::string kTree =
      "WITH RECURSIVE tree(rid, depth) AS ("
      " SELECT id, 1 FROM people WHERE manager = :m"
      " UNION SELECT people.id, tree.depth + 1 FROM people JOIN tree ON people.manager = tree.rid"
      " WHERE tree.depth < 100),"
      " nearest AS (SELECT rid, MIN(depth) AS depth FROM tree WHERE rid <> :self GROUP BY rid) ";
  static const std::string kPage = kTree + "SELECT " + People().List() +
                                   ", nearest.depth AS depth, COUNT(*) OVER () AS total"
                                   " FROM people JOIN nearest ON people.id = nearest.rid"
                                   " ORDER BY nearest.depth, people.id";
  static const std::string kCount = kTree + "SELECT COUNT(*) AS total FROM nearest";
  static const std::string kEveryone = "SELECT " + People().List() +
                                       ", 1 AS depth, COUNT(*) OVER () AS total FROM people"
                                       " ORDER BY id";
  static const std::string kCountEveryone = "SELECT COUNT(*) AS total FROM people";
  const bool everyone = q.manager.empty();
  const std::vector<std::string> params =
      everyone ? std::vector<std::string>{} : std::vector<std::string>{q.manager, q.manager};
  return Read([&](soci::session& s) -> Result<ReportsPage> {
    ReportsPage page;
    std::string sql = everyone ? kEveryone : kPage;
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    if (q.offset > 0) sql += " OFFSET " + std::to_string(q.offset);
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::Person p, PersonFrom(r));
      page.reports.push_back(Report{std::move(p), static_cast<int>(r.Int("depth"))});
      page.total = static_cast<int>(r.Int("total"));
      return Ok();
    }));
    if (page.reports.empty() && q.offset > 0)
      LADDER_TRY_STATUS(
          ForRows(s, everyone ? kCountEveryone : kCount, params, [&](const Row& r) -> Status {
            page.total = static_cast<int>(r.Int("total"));
            return Ok();
          }));
    return page;
  });
}

Status SqlStore::DeletePerson(std::string_view actor, std::string_view id) {
  std::string pid(id);
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY(std::string before, PersonDoc(s, pid));
    if (before.empty()) return MakeError(ErrorCode::kNotFound, "no person " + pid);
    // Every record that names the person, as (table, column, what it is called).
    static constexpr std::array<std::array<const char*, 3>, 13> kReferences = {{
        {"assignments", "person", "assignment"},
        {"evidence", "person", "evidence"},
        {"metrics", "person", "metric"},
        {"assessments", "person", "assessment"},
        {"assessments", "assessor", "assessment"},
        {"signoffs", "person", "sign-off"},
        {"cases", "person", "case"},
        {"waivers", "person", "waiver"},
        {"raises", "person", "raise"},
        {"plan_actions", "person", "growth-plan action"},
        {"checkins", "person", "check-in"},
        {"users", "person", "user"},
        {"people", "manager", "report"},
    }};
    for (const auto& [table, column, what] : kReferences) {
      LADDER_TRY_STATUS(
          RefuseIfReferenced(s, table, column, pid, what, "person " + pid + " cannot be deleted"));
    }
    s << "DELETE FROM people WHERE id = :p", soci::use(pid);
    return Audit(s, actor, "person.delete", "person:" + pid, before, "");
  });
}

// ---- Level history ----

Result<std::string> SqlStore::AddAssignment(std::string_view actor, const model::Assignment& in) {
  model::Assignment a = in;
  if (a.id.empty()) a.id = NewId("as");
  return Write([&](soci::session& s) -> Result<std::string> {
    if (!DocOf(s, "assignments", a.id).empty())
      return MakeError(ErrorCode::kAlreadyExists, "assignment " + a.id + " exists");
    LADDER_TRY_STATUS(CheckAssignment(s, a));
    LADDER_TRY(std::vector<model::Assignment> history, HistoryOf(s, a.person));
    const std::vector<model::Assignment> stored = history;
    std::vector<std::size_t> ended = model::EnterPeriod(history, a);
    LADDER_TRY_STATUS(model::CheckNoOverlap(history));
    for (std::size_t i : ended) {
      std::string before = Dump(AssignmentJson(stored[i])),
                  after = Dump(AssignmentJson(history[i]));
      PutAssignment(s, history[i], after);
      LADDER_TRY_STATUS(
          Audit(s, actor, "assignment.close", "assignment:" + history[i].id, before, after));
    }
    std::string doc = Dump(AssignmentJson(a));
    PutAssignment(s, a, doc);
    LADDER_TRY_STATUS(Audit(s, actor, "assignment.create", "assignment:" + a.id, "", doc));
    return a.id;
  });
}

Status SqlStore::UpdateAssignment(std::string_view actor, const model::Assignment& a) {
  return Write([&](soci::session& s) -> Status {
    std::string before = DocOf(s, "assignments", a.id);
    if (before.empty()) return MakeError(ErrorCode::kNotFound, "no assignment " + a.id);
    LADDER_TRY_STATUS(CheckAssignment(s, a));
    LADDER_TRY(std::vector<model::Assignment> history, HistoryOf(s, a.person));
    std::erase_if(history, [&](const model::Assignment& other) { return other.id == a.id; });
    history.push_back(a);
    LADDER_TRY_STATUS(model::CheckNoOverlap(history));
    std::string doc = Dump(AssignmentJson(a));
    PutAssignment(s, a, doc);
    return Audit(s, actor, "assignment.update", "assignment:" + a.id, before, doc);
  });
}

Status SqlStore::DeleteAssignment(std::string_view actor, std::string_view id) {
  std::string aid(id);
  return Write([&](soci::session& s) -> Status {
    std::string before = DocOf(s, "assignments", aid);
    if (before.empty()) return MakeError(ErrorCode::kNotFound, "no assignment " + aid);
    s << "DELETE FROM assignments WHERE id = :id", soci::use(aid);
    return Audit(s, actor, "assignment.delete", "assignment:" + aid, before, "");
  });
}

Result<std::vector<model::Assignment>> SqlStore::ListAssignments(std::string_view person) {
  std::string p(person);
  return Read([&](soci::session& s) { return HistoryOf(s, p); });
}

Result<std::optional<model::Assignment>> SqlStore::CurrentAssignment(std::string_view person,
                                                                     Date at) {
  std::string p(person), d = at.ToString();
  return Read([&](soci::session& s) -> Result<std::optional<model::Assignment>> {
    std::optional<model::Assignment> current;
    LADDER_TRY_STATUS(ForRows(s,
                              "SELECT doc FROM assignments WHERE person = :p AND from_date <= :d1 "
                              "AND (to_date = '' OR to_date > :d2) ORDER BY from_date DESC, id",
                              {p, d, d}, [&](const Row& r) -> Status {
                                if (current) return Ok();
                                LADDER_TRY(current,
                                           Decode<model::Assignment>(r.Text("doc"), "assignment"));
                                return Ok();
                              }));
    return current;
  });
}

// ---- Everything about one person, or everyone ----

namespace {

// Decodes `doc` as a T and appends it to `list`.
template <typename T>
Status Take(std::vector<T>& list, const std::string& doc, const char* what) {
  LADDER_TRY(T value, Decode<T>(doc, what));
  list.push_back(std::move(value));
  return Ok();
}

// The tables LoadPersonRecords reads, in the order of TakeRecord's kinds.
constexpr const char* kTables[] = {"assignments", "evidence",     "metrics",
                                   "assessments", "signoffs",     "waivers",
                                   "cases",       "plan_actions", "checkins"};
constexpr int kRecordTables = static_cast<int>(std::size(kTables));

// One statement over the record tables, each kind in its List* order, for the people that
// `where` (a condition on `person`, with `per_table` parameters) selects, by person.
std::string RecordsSql(const std::string& where, int per_table) {
  std::string sql = "SELECT k, person, doc FROM (";
  int param = 0;
  for (int k = 0; k < kRecordTables; ++k) {
    std::string condition = where;
    for (int i = 0; i < per_table; ++i) {
      size_t at = condition.find('?');
      condition.replace(at, 1, ":p" + std::to_string(param++));
    }
    if (k > 0) sql += " UNION ALL ";
    sql += "SELECT " + std::to_string(k) + " AS k, person, doc, " + (k == 0 ? "from_date" : "day") +
           " AS d, id FROM " + kTables[k] + " WHERE " + condition;
  }
  return sql + ") AS r ORDER BY person, k, d, id";
}

// Appends the record of a row of RecordsSql to `out`.
Status TakeRecord(PersonRecords& out, const Row& r) {
  std::string doc = r.Text("doc");
  switch (r.Int("k")) {
    case 0:
      return Take(out.assignments, doc, "assignment");
    case 1:
      return Take(out.evidence, doc, "evidence");
    case 2:
      return Take(out.metrics, doc, "metric");
    case 3:
      return Take(out.assessments, doc, "assessment");
    case 4:
      return Take(out.signoffs, doc, "signoff");
    case 5:
      return Take(out.waivers, doc, "waiver");
    case 6:
      return Take(out.cases, doc, "case");
    case 7:
      return Take(out.plan, doc, "plan action");
    default:
      return Take(out.checkins, doc, "check-in");
  }
}

// People read at once by ForEachPersonRecords.
constexpr size_t kPeoplePerChunk = 2000;

}  // namespace

Result<PersonRecords> SqlStore::LoadPersonRecords(std::string_view person) {
  std::string p(person);
  return Read([&](soci::session& s) -> Result<PersonRecords> {
    PersonRecords out;
    LADDER_TRY(std::optional<model::Person> found, FindPerson(s, p));
    if (!found) return MakeError(ErrorCode::kNotFound, "no person " + p);
    out.person = std::move(*found);
    static const std::string kSql = RecordsSql("person = ?", 1);
    LADDER_TRY_STATUS(ForRows(s, kSql, std::vector<std::string>(kRecordTables, p),
                              [&](const Row& r) { return TakeRecord(out, r); }));
    return out;
  });
}

Status SqlStore::ForEachPersonRecords(const std::function<Status(PersonRecords&&)>& fn) {
  LADDER_TRY(std::vector<model::Person> people, ListPeople({}));
  static const std::string kSql = RecordsSql("person >= ? AND person <= ?", 2);
  for (size_t from = 0; from < people.size(); from += kPeoplePerChunk) {
    size_t to = std::min(people.size(), from + kPeoplePerChunk);
    std::vector<PersonRecords> chunk(to - from);
    std::unordered_map<std::string, size_t> at;
    for (size_t i = from; i < to; ++i) {
      at.emplace(people[i].id, i - from);
      chunk[i - from].person = std::move(people[i]);
    }
    std::vector<std::string> params;
    for (int k = 0; k < kRecordTables; ++k) {
      params.push_back(chunk.front().person.id);
      params.push_back(chunk.back().person.id);
    }
    LADDER_TRY_STATUS(Read([&](soci::session& s) -> Status {
      for (PersonRecords& p : chunk) {  // a rerun starts again
        model::Person person = std::move(p.person);
        p = PersonRecords();
        p.person = std::move(person);
      }
      return ForRows(s, kSql, params, [&](const Row& r) -> Status {
        auto it = at.find(r.Text("person"));
        if (it == at.end()) return Ok();  // added since the list was read
        return TakeRecord(chunk[it->second], r);
      });
    }));
    for (PersonRecords& p : chunk) LADDER_TRY_STATUS(fn(std::move(p)));
  }
  return Ok();
}

}  // namespace ladder::storage::internal
