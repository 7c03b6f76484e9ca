// `ladder people import FILE.csv` and `ladder people show PERSON`: people, their managers and
// their level history (docs/people-csv.md).
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/people_import.h"
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct ImportOptions {
  StoreOptions store;
  std::string file;
};

Result<int> RunImport(const ImportOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in)
    return Fail(Error{ErrorCode::kIo, "cannot read the file", SourceLocation{o.file, 0, 0}, ""});
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<app::PeopleImportReport> report =
      app::ImportPeople(**store, CliActor(), buffer.str(), o.file);
  if (!report) return Fail(report.error());
  if (!report->errors.empty()) {
    if (o.store.json) {
      nlohmann::json errors = nlohmann::json::array();
      for (const Error& e : report->errors)
        errors.push_back({{"file", e.where.file},
                          {"line", e.where.line},
                          {"column", e.where.column},
                          {"field", e.field},
                          {"message", e.message}});
      PrintJson(nlohmann::json{{"stored", false}, {"errors", errors}});
    }
    for (const Error& e : report->errors)
      std::fprintf(stderr, "ladder: %s\n", e.ToString().c_str());
    std::fprintf(stderr, "ladder: %zu %s in %s; nothing was stored\n", report->errors.size(),
                 report->errors.size() == 1 ? "problem" : "problems", o.file.c_str());
    return kExitBadInput;
  }
  if (o.store.json) {
    PrintJson(nlohmann::json{
        {"stored", true}, {"people", report->people}, {"assignments", report->assignments}});
  } else {
    std::printf("imported %d people and %d periods of level history from %s\n", report->people,
                report->assignments, o.file.c_str());
  }
  return kExitOk;
}

struct ShowOptions {
  StoreOptions store;
  std::string person;
};

Result<int> RunShow(const ShowOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  storage::Store& s = **store;
  Result<model::Person> p = s.GetPerson(o.person);
  if (!p) {
    if (p.error().code == ErrorCode::kNotFound)
      return Fail(Error{ErrorCode::kNotFound, "no person '" + o.person + "'", {}, "person"});
    return Fail(p.error());
  }
  auto history = s.ListAssignments(o.person);
  if (!history) return Fail(history.error());
  auto raises = s.ListRaises(o.person);
  if (!raises) return Fail(raises.error());
  if (o.store.json) {
    // The person in the encoding of the API (storage/people_json.h), with their history.
    render::Json j = render::PersonJson(*p);
    j["history"] = render::Json::array();
    for (const model::Assignment& a : *history) j["history"].push_back(render::AssignmentJson(a));
    j["raises"] = render::Json::array();
    for (const model::Raise& x : *raises) j["raises"].push_back(render::RaiseJson(x));
    PrintJson(j);
    return kExitOk;
  }
  std::string out = p->name + " (" + p->id + ")" + (p->email.empty() ? "" : " <" + p->email + ">") +
                    "\nmanager: " + (p->manager.empty() ? "none" : p->manager) + "\nhistory:\n";
  for (const model::Assignment& a : *history) {
    out += "  " + a.from.ToString() + " .. " +
           (a.to.empty() ? std::string("now       ") : a.to.ToString()) + "  " + a.framework + " " +
           a.track + "/" + a.level;
    if (!a.overlays.empty()) {
      out += " +";
      for (const std::string& ov : a.overlays) out += " " + ov;
    }
    out += "  (" + a.reason + ")\n";
  }
  for (const model::Raise& x : *raises)
    out += "in-band raise on " + x.date.ToString() + " approved by " + x.approved_by +
           (x.note.empty() ? "" : ": " + x.note) + "\n";
  PrintText(out);
  return kExitOk;
}

void SetUpPeople(CLI::App& app, std::vector<Run>& runs) {
  auto* people = app.add_subcommand("people", "People and their level history");
  people->require_subcommand(1);
  auto import = std::make_shared<ImportOptions>();
  auto* cmd =
      people->add_subcommand("import",
                             "Import people, managers and level history from an HRIS CSV export "
                             "(docs/people-csv.md); nothing is stored when any row is bad");
  cmd->add_option("file", import->file, "The CSV file")->required();
  AddStoreOptions(cmd, import->store);
  runs.push_back({cmd, [import] { return RunImport(*import); }});

  auto show = std::make_shared<ShowOptions>();
  auto* s = people->add_subcommand("show", "A person, their level history and in-band raises");
  s->add_option("person", show->person, "Person id")->required();
  AddStoreOptions(s, show->store);
  runs.push_back({s, [show] { return RunShow(*show); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(60, ladder::cli::SetUpPeople);
