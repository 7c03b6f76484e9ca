#include "app/people_import.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "app/csv.h"
#include "base/text.h"
#include "model/level_history.h"
#include "model/validate.h"

namespace ladder::app {
namespace {

constexpr const char* kRequired[] = {"id",        "name",  "email", "manager",
                                     "framework", "track", "level", "since"};
constexpr const char* kOptional[] = {"until", "version", "hired", "overlays"};
// No field of an HRIS export needs more; a longer one is refused before anything quotes it.
constexpr size_t kMaxFieldBytes = 1024;

struct Row {
  int line = 0;
  std::map<std::string, std::string> values;
  std::map<std::string, int> columns;  // column name -> 1-based column number
  Date since;
  Date until;
  const std::string& operator[](const std::string& key) const {
    static const std::string empty;
    auto it = values.find(key);
    return it == values.end() ? empty : it->second;
  }
};

class Checker {
 public:
  Checker(storage::Store& store, std::string_view file) : store_(store), file_(file) {}

  void Add(const Row& row, const std::string& column, std::string message) {
    auto it = row.columns.find(column);
    int col = it == row.columns.end() ? 0 : it->second;
    errors_.push_back(Error{ErrorCode::kInvalidArgument, column + ": " + std::move(message),
                            SourceLocation{file_, row.line, col}, column});
  }
  void AddAt(int line, std::string message) {
    errors_.push_back(
        Error{ErrorCode::kInvalidArgument, std::move(message), SourceLocation{file_, line, 0}, ""});
  }

  // The framework version a row names (the latest published one unless `version` is given);
  // nullptr when it cannot be found (the error is recorded once per row).
  const model::Framework* FrameworkOf(const Row& row) {
    std::string key = row["framework"] + "@" + row["version"];
    auto it = frameworks_.find(key);
    if (it == frameworks_.end()) {
      Result<model::Framework> f = store_.GetFramework(row["framework"], row["version"]);
      std::optional<model::Framework> value;
      std::string why;
      if (f) {
        value = std::move(*f);
      } else {
        why = Why(row["framework"], f.error());
      }
      it = frameworks_.emplace(key, std::make_pair(std::move(value), why)).first;
    }
    if (!it->second.first) {
      Add(row, row["version"].empty() ? "framework" : "version",
          "no framework " + Quote(row["framework"]) +
              (row["version"].empty() ? "" : " version " + Quote(row["version"])) +
              it->second.second);
      return nullptr;
    }
    return &*it->second.first;
  }

  static std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

  // What follows "no framework 'X'": "; did you mean engineering?" when no framework has that
  // id and a stored one is close to it, else what the store said.
  std::string Why(std::string_view id, const Error& error) {
    auto frameworks = store_.ListFrameworks();
    if (error.code != ErrorCode::kNotFound || !frameworks) return " (" + error.message + ")";
    std::vector<std::string> ids;
    for (const storage::FrameworkInfo& f : *frameworks) {
      if (f.id == id) return " (" + error.message + ")";
      ids.push_back(f.id);
    }
    if (auto s = text::DidYouMean(id, ids)) return "; did you mean " + *s + "?";
    return "";
  }

  std::vector<Error> errors_;

 private:
  storage::Store& store_;
  std::string file_;
  std::map<std::string, std::pair<std::optional<model::Framework>, std::string>> frameworks_;
};

std::string Suggest(std::string_view word, const std::vector<std::string>& names) {
  if (auto s = text::DidYouMean(word, names)) return "; did you mean " + *s + "?";
  if (names.empty()) return "";
  return "; expected one of " + text::Join(names, ", ");
}

void CheckLevel(Checker& check, const Row& row, const model::Framework& f, model::Assignment& out) {
  const model::Track* track = f.FindTrack(row["track"]);
  if (!track) {
    std::vector<std::string> names;
    for (const model::Track& t : f.tracks) names.push_back(t.id);
    check.Add(
        row, "track",
        "no track " + Checker::Quote(row["track"]) + " in " + f.id + Suggest(row["track"], names));
    return;
  }
  if (!track->FindLevel(row["level"])) {
    std::vector<std::string> names;
    for (const model::Level& l : track->levels) names.push_back(l.code);
    check.Add(row, "level",
              "no level " + Checker::Quote(row["level"]) + " in track " + track->id + " of " +
                  f.id + Suggest(row["level"], names));
  }
  for (const std::string& overlay : text::Split(row["overlays"], ';')) {
    std::string id(text::Trim(overlay));
    if (id.empty()) continue;
    if (!f.FindOverlay(id)) {
      std::vector<std::string> names;
      for (const model::OverlayRole& o : f.overlays) names.push_back(o.id);
      check.Add(row, "overlays",
                "no overlay role " + Checker::Quote(id) + " in " + f.id + Suggest(id, names));
    }
    out.overlays.push_back(id);
  }
  out.framework = f.id;
  out.version = f.version;
  out.track = row["track"];
  out.level = row["level"];
}

// The header: every required column, known optional ones, nothing else. Its column names,
// lower case, in file order.
std::vector<std::string> ReadHeader(Checker& check, const CsvRow& first, const std::string& file) {
  std::vector<std::string> header;
  std::vector<std::string> known(std::begin(kRequired), std::end(kRequired));
  known.insert(known.end(), std::begin(kOptional), std::end(kOptional));
  for (size_t i = 0; i < first.fields.size(); ++i) {
    std::string name = text::ToLower(text::Trim(first.fields[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      check.errors_.push_back(Error{ErrorCode::kInvalidArgument,
                                    "unknown column " + Checker::Quote(name) + Suggest(name, known),
                                    SourceLocation{file, 1, static_cast<int>(i) + 1}, name});
    } else if (std::find(header.begin(), header.end(), name) != header.end()) {
      check.errors_.push_back(Error{ErrorCode::kInvalidArgument,
                                    "column " + Checker::Quote(name) + " appears twice",
                                    SourceLocation{file, 1, static_cast<int>(i) + 1}, name});
    }
    header.push_back(name);
  }
  for (const char* required : kRequired)
    if (std::find(header.begin(), header.end(), required) == header.end())
      check.errors_.push_back(
          Error{ErrorCode::kInvalidArgument,
                "missing column " + Checker::Quote(required) + "; the header must name: " +
                    text::Join({std::begin(kRequired), std::end(kRequired)}, ","),
                SourceLocation{file, 1, 0}, required});
  return header;
}

// One data row read by the header's names and checked on its own; nullopt for a row too
// malformed to read further (its errors recorded).
std::optional<Row> ReadRow(Checker& check, const CsvRow& raw,
                           const std::vector<std::string>& header) {
  Row row;
  row.line = raw.line;
  for (size_t i = 0; i < header.size(); ++i) {
    row.columns[header[i]] = static_cast<int>(i) + 1;
    row.values[header[i]] = i < raw.fields.size() ? std::string(text::Trim(raw.fields[i])) : "";
  }
  if (raw.fields.size() != header.size()) {
    check.AddAt(row.line, std::to_string(raw.fields.size()) + " fields where the header has " +
                              std::to_string(header.size()));
    return std::nullopt;
  }
  bool too_long = false;
  for (const std::string& column : header) {
    if (row[column].size() <= kMaxFieldBytes) continue;
    check.Add(row, column,
              std::to_string(row[column].size()) + " bytes; a field holds at most " +
                  std::to_string(kMaxFieldBytes));
    too_long = true;
  }
  if (too_long) return std::nullopt;
  if (row["id"].empty()) check.Add(row, "id", "empty; every row names the person's id");
  if (!row["email"].empty() && row["email"].find('@') == std::string::npos)
    check.Add(row, "email", Checker::Quote(row["email"]) + " is not an e-mail address");
  for (const char* column : {"since", "until", "hired"}) {
    if (row[column].empty()) {
      if (std::string(column) == "since") check.Add(row, column, "empty; expected YYYY-MM-DD");
      continue;
    }
    Result<Date> d = Date::Parse(row[column]);
    if (!d) {
      check.Add(row, column, d.error().message);
      continue;
    }
    if (std::string(column) == "since") row.since = *d;
    if (std::string(column) == "until") row.until = *d;
  }
  if (!row.since.empty() && !row.until.empty() && row.until <= row.since)
    check.Add(row, "until", row["until"] + " is not after since " + row["since"]);
  return row;
}

// The people of a file: each id's rows, the person from its first row (which must name them),
// and later rows that agree with it.
struct PeopleOfFile {
  std::map<std::string, model::Person> people;
  std::vector<std::string> order;  // ids in file order
  std::map<std::string, std::vector<const Row*>> history;
  std::map<std::string, std::vector<model::Assignment>> assignments;
};

// People: the first row of an id with a name; other rows are history rows.
void CollectPeople(Checker& check, const std::vector<Row>& rows, PeopleOfFile& file) {
  for (const Row& row : rows) {
    if (row["id"].empty()) continue;
    file.history[row["id"]].push_back(&row);
    auto it = file.people.find(row["id"]);
    if (it == file.people.end()) {
      if (row["name"].empty()) check.Add(row, "name", "empty on the first row of " + row["id"]);
      model::Person p;
      p.id = row["id"];
      p.name = row["name"];
      p.email = row["email"];
      p.manager = row["manager"];
      if (!row["hired"].empty()) p.hired = Date::Parse(row["hired"]).value_or(Date());
      // The checks every way of adding a person makes (model/validate.h), at their column.
      for (const Error& e : model::ValidatePerson(p))
        check.Add(row, e.field.substr(e.field.find('.') + 1), e.message);
      file.people[p.id] = p;
      file.order.push_back(p.id);
      continue;
    }
    for (const char* column : {"name", "email", "manager"}) {
      const std::string& v = row[column];
      std::string first = column == std::string("name")    ? it->second.name
                          : column == std::string("email") ? it->second.email
                                                           : it->second.manager;
      if (!v.empty() && v != first)
        check.Add(row, column,
                  Checker::Quote(v) + " differs from " + Checker::Quote(first) +
                      " on the first row of " + row["id"] + "; history rows may leave it empty");
    }
  }
}

// Managers: in the file or stored, and no cycles.
void CheckManagers(Checker& check, storage::Store& store, PeopleOfFile& file) {
  std::map<std::string, std::string> manager_of;
  for (const auto& [id, p] : file.people) manager_of[id] = p.manager;
  auto manager_known = [&](const std::string& id) {
    if (manager_of.count(id)) return true;
    Result<model::Person> stored = store.GetPerson(id);
    if (!stored) return false;
    manager_of[id] = stored->manager;
    return true;
  };
  for (const std::string& id : file.order) {
    const model::Person& p = file.people[id];
    const Row& first = *file.history[id].front();
    if (p.manager.empty()) continue;
    if (!manager_known(p.manager)) {
      check.Add(first, "manager",
                "no person " + Checker::Quote(p.manager) + " in this file or in the database");
      continue;
    }
    std::vector<std::string> chain = {id};
    std::string at = p.manager;
    while (!at.empty()) {
      if (std::find(chain.begin(), chain.end(), at) != chain.end()) {
        chain.push_back(at);
        check.Add(first, "manager", "a management cycle: " + text::Join(chain, " -> "));
        break;
      }
      chain.push_back(at);
      if (!manager_known(at)) break;
      at = manager_of[at];
    }
  }
}

// Level history per person, by the rules of model/level_history.h: periods in order, an open
// one ending where the next begins, none overlapping (reported on the rows that do).
void BuildHistories(Checker& check, PeopleOfFile& file) {
  for (const std::string& id : file.order) {
    std::vector<const Row*> list;
    for (const Row* row : file.history[id])
      if (!row->since.empty()) list.push_back(row);
    std::stable_sort(list.begin(), list.end(),
                     [](const Row* a, const Row* b) { return a->since < b->since; });
    std::vector<model::Assignment>& periods = file.assignments[id];
    for (const Row* row : list) {
      model::Assignment a;
      a.person = id;
      a.from = row->since;
      a.to = row->until;
      a.reason = "import";
      if (const model::Framework* f = check.FrameworkOf(*row)) CheckLevel(check, *row, *f, a);
      periods.push_back(std::move(a));
    }
    model::ArrangeHistory(periods);  // stable: periods[k] still comes from list[k]
    for (const model::Overlap& o : model::FindOverlaps(periods)) {
      const Row& earlier = *list[o.earlier];
      const Row& later = *list[o.later];
      if (earlier.since == later.since)
        check.Add(later, "since",
                  "a second period of " + id + " starting on " + later["since"] + " (line " +
                      std::to_string(earlier.line) + ")");
      else
        check.Add(earlier, "until",
                  earlier["until"] + " overlaps the next period of " + id + ", which starts on " +
                      later.since.ToString() + " (line " + std::to_string(later.line) + ")");
    }
    model::Person& p = file.people[id];
    if (p.hired.empty() && !list.empty()) p.hired = list.front()->since;
  }
}

// What is written: managers before their reports, so that every stored person's manager is
// already stored, each with their periods.
storage::PeopleBatch ManagersFirst(PeopleOfFile& file) {
  std::vector<std::string> saved_order;
  std::set<std::string> placed;
  std::function<void(const std::string&)> place = [&](const std::string& id) {
    if (placed.count(id) || !file.people.count(id)) return;
    placed.insert(id);
    place(file.people[id].manager);
    saved_order.push_back(id);
  };
  for (const std::string& id : file.order) place(id);
  storage::PeopleBatch batch;
  for (const std::string& id : saved_order) {
    batch.people.push_back(file.people[id]);
    for (const model::Assignment& a : file.assignments[id]) batch.assignments.push_back(a);
  }
  return batch;
}

// The errors in the order of the file.
std::vector<Error> InFileOrder(std::vector<Error> errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return a.where.line != b.where.line ? a.where.line < b.where.line
                                        : a.where.column < b.where.column;
  });
  return errors;
}

}  // namespace

Result<PeopleImportReport> ImportPeople(storage::Store& store, std::string_view actor,
                                        std::string_view csv, std::string_view file_name,
                                        bool check_only) {
  PeopleImportReport report;
  LADDER_TRY(std::vector<CsvRow> table, ReadCsv(csv, file_name));
  std::string file(file_name);
  if (table.empty()) {
    report.errors.push_back(Error{ErrorCode::kInvalidArgument,
                                  "the file is empty; expected a header line: " +
                                      text::Join({std::begin(kRequired), std::end(kRequired)}, ","),
                                  SourceLocation{file, 1, 0}, ""});
    return report;
  }
  Checker check(store, file_name);
  std::vector<std::string> header = ReadHeader(check, table[0], file);
  if (!check.errors_.empty()) {
    report.errors = std::move(check.errors_);
    return report;
  }
  std::vector<Row> rows;
  for (size_t r = 1; r < table.size(); ++r)
    if (std::optional<Row> row = ReadRow(check, table[r], header)) rows.push_back(std::move(*row));
  PeopleOfFile people;
  CollectPeople(check, rows, people);
  CheckManagers(check, store, people);
  BuildHistories(check, people);
  if (!check.errors_.empty()) {
    report.errors = InFileOrder(std::move(check.errors_));
    return report;
  }
  // One bulk write (multi-row statements, one transaction): an HRIS export of a whole
  // organisation would otherwise be one database round trip per record.
  storage::PeopleBatch batch = ManagersFirst(people);
  if (!check_only) LADDER_TRY_STATUS(store.WritePeopleBatch(actor, batch));
  report.people = static_cast<int>(batch.people.size());
  report.assignments = static_cast<int>(batch.assignments.size());
  report.saved = std::move(batch.people);
  report.history = std::move(batch.assignments);
  return report;
}

Result<model::Person> ChangeManager(storage::Store& store, std::string_view actor,
                                    std::string_view person, std::string_view manager) {
  LADDER_TRY(model::Person p, store.GetPerson(person));
  std::string to(text::Trim(manager));
  if (!to.empty()) {
    Result<model::Person> boss = store.GetPerson(to);
    if (!boss && boss.error().code == ErrorCode::kNotFound)
      return MakeError(ErrorCode::kNotFound, "no person " + Checker::Quote(to), {}, "manager");
    if (!boss) return Fail(boss.error());
    // Up the chain from the new manager: reaching the person would close a cycle.
    std::vector<std::string> chain = {p.id, to};
    std::string at = boss->manager;
    if (to == p.id)
      return MakeError(ErrorCode::kInvalidArgument, p.id + " cannot report to themself", {},
                       "manager");
    for (int depth = 0; !at.empty() && depth < 10000; ++depth) {
      chain.push_back(at);
      if (at == p.id)
        return MakeError(ErrorCode::kInvalidArgument,
                         "a management cycle: " + text::Join(chain, " -> "), {}, "manager");
      LADDER_TRY(model::Person up, store.GetPerson(at));
      at = up.manager;
    }
  }
  p.manager = to;
  LADDER_TRY_STATUS(store.SavePerson(actor, p));
  return p;
}

}  // namespace ladder::app
