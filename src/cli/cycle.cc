// `ladder cycle open | list | show | advance | nominate | note | open-reviews | panels | close |
// report`: review cycles from a shell (docs/cycles.md).
#include <cstdio>
#include <map>

#include "app/cycles.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/review_common.h"
#include "render/records_json.h"

namespace ladder::cli {
namespace {

struct CycleOptions {
  StoreOptions store;
  std::string cycle;  // the cycle's id (open: its name)
  std::string by;
  std::string date;
  // open
  std::string id;
  std::vector<std::string> frameworks;
  std::string evaluation;
  std::vector<std::string> deadlines;  // PHASE=YYYY-MM-DD
  std::string manager;
  int close_days = 90;
  // nominate, note, open-reviews, panels
  std::string person;
  std::string note;
  std::string people;
  std::string panel;
  std::string cases;
  bool csv = false;  // report --csv
};

Result<std::vector<model::PhaseDeadline>> ParseDeadlines(const std::vector<std::string>& given) {
  std::map<model::CyclePhase, Date> by_phase;
  for (const std::string& d : given) {
    size_t eq = d.find('=');
    std::optional<model::CyclePhase> phase =
        model::ParseCyclePhase(eq == std::string::npos ? d : d.substr(0, eq));
    if (!phase || eq == std::string::npos) {
      std::vector<std::string> names;
      for (model::CyclePhase p : model::kCyclePhases) names.push_back(model::CyclePhaseName(p));
      return MakeError(
          ErrorCode::kInvalidArgument,
          "'" + d + "' is not PHASE=YYYY-MM-DD; the phases are " + text::Join(names, ", "), {},
          "--deadline");
    }
    LADDER_TRY(Date date, ParseDateOption("--deadline", d.substr(eq + 1), Date()));
    by_phase[*phase] = date;
  }
  std::vector<model::PhaseDeadline> out;
  std::vector<std::string> missing;
  for (model::CyclePhase p : model::kCyclePhases) {
    auto it = by_phase.find(p);
    if (it == by_phase.end()) {
      missing.push_back(model::CyclePhaseName(p));
      continue;
    }
    out.push_back({p, it->second});
  }
  if (!missing.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "no deadline for " + text::Join(missing, ", ") +
                         ": give each phase one (--deadline PHASE=YYYY-MM-DD)",
                     {}, "--deadline");
  return out;
}

std::string Describe(const app::CycleReport& r) {
  const model::Cycle& c = r.cycle;
  std::string out = "cycle " + c.id + ": " + c.name + " (" + model::CycleStatusName(c.status) +
                    ")\nframeworks: " + text::Join(c.frameworks, ", ") +
                    (c.manager.empty() ? "" : "; below " + c.manager) + "\nevaluated on " +
                    c.evaluation.ToString() + "; close within " + std::to_string(c.close_days) +
                    " days\nphases:\n";
  for (const model::PhaseDeadline& d : c.phases)
    out +=
        std::string(d.phase == c.phase && c.status == model::CycleStatus::kOpen ? "  > " : "    ") +
        model::CyclePhaseName(d.phase) + " until " + d.deadline.ToString() + "\n";
  std::map<std::string, int> readiness, stage;
  int nominated = 0;
  for (const app::CycleRow& row : r.rows) {
    ++readiness[model::ReadinessName(row.candidate.readiness)];
    if (row.candidate.Nominated()) ++nominated;
    if (row.review) ++stage[row.Stage()];
  }
  out += "people: " + std::to_string(r.rows.size());
  for (const auto& [name, n] : readiness) out += "; " + name + " " + std::to_string(n);
  out += "\nnominated: " + std::to_string(nominated) + "\n";
  for (const auto& [name, n] : stage) out += "  " + name + ": " + std::to_string(n) + "\n";
  for (const model::CycleNote& n : c.notes)
    out += "note " + n.date.ToString() + " " + n.by + (n.person.empty() ? "" : " on " + n.person) +
           ": " + n.text + "\n";
  return out;
}

render::Json ReportJson(const app::CycleReport& r) {
  render::Json rows = render::Json::array();
  for (const app::CycleRow& row : r.rows) {
    rows.push_back(render::CycleRowJson(row.candidate, row.review ? &*row.review : nullptr,
                                        row.Stage(), row.evidence));
  }
  return {{"cycle", render::CycleJson(r.cycle)}, {"candidates", rows}};
}

template <typename Fn>
Result<int> WithService(const CycleOptions& o, Fn fn) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::CycleService cycles(**store, CliActor());
  return fn(cycles);
}

Result<int> PrintCycle(const CycleOptions& o, const Result<model::Cycle>& c,
                       std::string_view what) {
  if (!c) return Fail(c.error());
  return WithService(o, [&](app::CycleService& s) -> Result<int> {
    Result<app::CycleReport> r = s.Report(c->id);
    if (!r) return Fail(r.error());
    if (o.store.json) {
      PrintJson(ReportJson(*r));
    } else {
      PrintText(std::string(what) + "\n" + Describe(*r));
    }
    return kExitOk;
  });
}

Result<int> RunOpen(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<Date> evaluation = ParseDateOption("--evaluation", o.evaluation, Date());
  if (!evaluation) return Fail(evaluation.error());
  Result<std::vector<model::PhaseDeadline>> phases = ParseDeadlines(o.deadlines);
  if (!phases) return Fail(phases.error());
  app::CycleSpec spec{o.id, o.cycle, o.frameworks, o.manager, *evaluation, o.close_days, *phases};
  Result<model::Cycle> opened = MakeError(ErrorCode::kInternal, "not run");
  LADDER_TRY(int rc, WithService(o, [&](app::CycleService& s) -> Result<int> {
               opened = s.Open(spec, o.by, *date);
               return kExitOk;
             }));
  if (rc != kExitOk) return rc;
  return PrintCycle(o, opened, "opened");
}

Result<int> RunList(const CycleOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<std::vector<model::Cycle>> cycles = (*store)->ListCycles();
  if (!cycles) return Fail(cycles.error());
  if (o.store.json) {
    render::Json out = render::Json::array();
    for (const model::Cycle& c : *cycles) out.push_back(render::CycleJson(c));
    PrintJson(out);
    return kExitOk;
  }
  std::string out;
  for (const model::Cycle& c : *cycles)
    out += c.id + "  " + c.name + "  " + model::CycleStatusName(c.status) + "  " +
           (c.status == model::CycleStatus::kOpen ? std::string(model::CyclePhaseName(c.phase)) +
                                                        " until " + c.DeadlineOf(c.phase).ToString()
                                                  : "closed " + c.closed.ToString()) +
           "\n";
  if (out.empty()) out = "no cycles yet (ladder cycle open)\n";
  PrintText(out);
  return kExitOk;
}

Result<int> RunShow(const CycleOptions& o) {
  return PrintCycle(
      o,
      [&]() -> Result<model::Cycle> {
        auto store = OpenStore(o.store);
        if (!store) return Fail(store.error());
        return (*store)->GetCycle(o.cycle);
      }(),
      "");
}

Result<int> RunAdvance(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<model::Cycle> c = MakeError(ErrorCode::kInternal, "not run");
  LADDER_TRY([[maybe_unused]] int ran, WithService(o, [&](app::CycleService& s) -> Result<int> {
               c = s.Advance(o.cycle, o.by, *date);
               return kExitOk;
             }));
  return PrintCycle(o, c, c ? std::string("moved to ") + model::CyclePhaseName(c->phase) : "");
}

Result<int> RunClose(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<model::Cycle> c = MakeError(ErrorCode::kInternal, "not run");
  LADDER_TRY([[maybe_unused]] int ran, WithService(o, [&](app::CycleService& s) -> Result<int> {
               c = s.Close(o.cycle, o.by, *date);
               return kExitOk;
             }));
  return PrintCycle(o, c, "closed");
}

Result<int> RunNote(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<model::Cycle> c = MakeError(ErrorCode::kInternal, "not run");
  LADDER_TRY([[maybe_unused]] int ran, WithService(o, [&](app::CycleService& s) -> Result<int> {
               c = s.Note(o.cycle, o.person, o.note, o.by, *date);
               return kExitOk;
             }));
  return PrintCycle(o, c, "noted");
}

Result<int> RunNominate(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::CycleService& s) -> Result<int> {
    Result<model::Candidate> k = s.Nominate(o.cycle, o.person, o.note, o.by, *date);
    if (!k) return Fail(k.error());
    if (o.store.json) {
      PrintJson(render::CandidateJson(*k));
    } else {
      std::printf("%s nominated for %s in %s by %s on %s\n", k->person.c_str(),
                  k->target_label.c_str(), k->cycle.c_str(), k->nominated_by.c_str(),
                  k->nominated.ToString().c_str());
    }
    return kExitOk;
  });
}

Result<int> PrintBulk(const CycleOptions& o, const Result<app::BulkResult>& r,
                      std::string_view what) {
  if (!r) return Fail(r.error());
  if (o.store.json) {
    PrintJson(render::Json{{"done", r->done}, {"skipped", r->skipped}});
    return kExitOk;
  }
  std::string out = std::string(what) + ": " + std::to_string(r->done.size()) +
                    (r->done.empty() ? "" : " (" + text::Join(r->done, ", ") + ")") + "\n";
  for (const std::string& s : r->skipped) out += "skipped " + s + "\n";
  PrintText(out);
  return kExitOk;
}

Result<int> RunOpenReviews(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::CycleService& s) -> Result<int> {
    return PrintBulk(o, s.OpenReviews(o.cycle, SplitList(o.people), o.by, *date), "reviews opened");
  });
}

Result<int> RunPanels(const CycleOptions& o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  return WithService(o, [&](app::CycleService& s) -> Result<int> {
    return PrintBulk(o, s.NamePanels(o.cycle, SplitList(o.cases), SplitList(o.panel), o.by, *date),
                     "panels named");
  });
}

Result<int> RunReport(const CycleOptions& o) {
  return WithService(o, [&](app::CycleService& s) -> Result<int> {
    Result<app::CycleReport> r = s.Report(o.cycle, true);
    if (!r) return Fail(r.error());
    if (o.csv) {
      PrintText(app::CycleReportCsv(*r));
    } else if (o.store.json) {
      PrintJson(ReportJson(*r));
    } else {
      PrintText(Describe(*r));
    }
    return kExitOk;
  });
}

// Adds the commands under `ladder cycle`, each with its own options and the store's; those
// that act take --by and --date.
struct CycleCommands {
  CLI::App* group;
  std::vector<Run>& runs;

  std::pair<CLI::App*, std::shared_ptr<CycleOptions>> Add(const char* name, const char* help,
                                                          Result<int> (*run)(const CycleOptions&),
                                                          bool acts = true) {
    auto o = std::make_shared<CycleOptions>();
    auto* cmd = group->add_subcommand(name, help);
    AddStoreOptions(cmd, o->store);
    runs.push_back({cmd, [o, run] { return run(*o); }});
    if (acts) {
      cmd->add_option("--by", o->by, "Who acts (a person id)")->required();
      AddDateOption(cmd, "--date", o->date, "YYYY-MM-DD (default: today)");
    }
    return std::pair{cmd, o};
  }
};

// `ladder cycle open`, `list`, `show` and `advance`.
void SetUpCycleFirstCommands(CycleCommands& leaf) {
  {
    auto [cmd, o] = leaf.Add("open", "Open a cycle and take its eligibility snapshot", RunOpen);
    cmd->add_option("name", o->cycle, "The cycle's name, e.g. \"2027 H1\"")->required();
    cmd->add_option("--id", o->id, "Its id (default: from the name)");
    cmd->add_option("--framework", o->frameworks, "A framework in scope (repeat for more)")
        ->required();
    AddDateOption(cmd, "--evaluation", o->evaluation, "The date eligibility is evaluated on")
        ->required();
    cmd->add_option("--deadline", o->deadlines,
                    "PHASE=YYYY-MM-DD, once per phase: nominations, self_review, "
                    "manager_review, panels, calibration, decisions, communicated")
        ->required();
    cmd->add_option("--manager", o->manager, "Only the organisation below this person");
    cmd->add_option("--close-days", o->close_days,
                    "\"Close\": the earliest date within this many days (default 90)")
        ->check(CLI::Range(0, 730));
  }
  {
    auto [cmd, o] = leaf.Add("list", "Every cycle, the latest first", RunList, false);
    (void)cmd;
    (void)o;
  }
  {
    auto [cmd, o] = leaf.Add("show", "A cycle: phases, counts, notes", RunShow, false);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
  }
  {
    auto [cmd, o] = leaf.Add("advance", "Move a cycle to its next phase", RunAdvance);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
  }
}

// `ladder cycle nominate`, `note`, `open-reviews`, `panels`, `close` and `report`.
void SetUpCycleOtherCommands(CycleCommands& leaf) {
  {
    auto [cmd, o] =
        leaf.Add("nominate", "Nominate a person (or oneself) for their next level", RunNominate);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
    cmd->add_option("person", o->person, "Person id")->required();
    cmd->add_option("--note", o->note, "Why");
  }
  {
    auto [cmd, o] = leaf.Add("note", "A committee note on the cycle or on one person", RunNote);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
    cmd->add_option("text", o->note, "The note")->required();
    cmd->add_option("--person", o->person, "The person it is about");
  }
  {
    auto [cmd, o] = leaf.Add("open-reviews",
                             "Open a review towards the next level for the eligible and the "
                             "nominated (or --people) without one in the cycle",
                             RunOpenReviews);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
    cmd->add_option("--people", o->people, "Only these people (comma-separated)");
  }
  {
    auto [cmd, o] =
        leaf.Add("panels", "Name a panel on the cycle's cases without one (or --cases)", RunPanels);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
    cmd->add_option("--panel", o->panel, "Reviewers (comma-separated person ids)")->required();
    cmd->add_option("--cases", o->cases, "Only these cases (comma-separated)");
  }
  {
    auto [cmd, o] = leaf.Add("close", "Close a cycle whose outcomes were communicated", RunClose);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
  }
  {
    auto [cmd, o] = leaf.Add("report", "The snapshot and the outcomes, as text, --json or --csv",
                             RunReport, false);
    cmd->add_option("cycle", o->cycle, "Cycle id")->required();
    cmd->add_flag("--csv", o->csv, "CSV, one row per person");
  }
}

void SetUpCycle(CLI::App& app, std::vector<Run>& runs) {
  auto* group =
      app.add_subcommand("cycle",
                         "Review cycles: open one with its snapshot, nominate, move it through its "
                         "phases, open reviews in bulk, close it, report");
  group->require_subcommand(1);
  CycleCommands leaf{group, runs};
  SetUpCycleFirstCommands(leaf);
  SetUpCycleOtherCommands(leaf);
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(64, ladder::cli::SetUpCycle);
