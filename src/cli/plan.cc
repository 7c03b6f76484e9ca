// `ladder plan add | update | list | checkin`: a person's growth plan from the command line, the
// same use cases as the web page and the API (app/review.h "Growth plans").
#include <cstdio>

#include "app/web_views.h"
#include "cli/command.h"
#include "cli/review_common.h"

namespace ladder::cli {
namespace {

struct AddOptions {
  StoreOptions store;
  model::PlanAction a;
  std::string due;
  std::string date;
  std::string by;
};

Result<int> RunAdd(AddOptions o) {
  Result<Date> due = ParseDateOption("--due", o.due, Date());
  if (!due) return Fail(due.error());
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  o.a.due = *due;
  o.a.agreed = *date;
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<model::PlanAction> a = review.AddPlanAction(o.a, *date, o.by);
  if (!a) return Fail(a.error());
  if (o.store.json) {
    PrintJson(render::PlanActionJson(*a));
  } else {
    std::printf("agreed action %s for %s, due %s: %s\n", a->id.c_str(), a->person.c_str(),
                a->due.ToString().c_str(), a->title.c_str());
  }
  return kExitOk;
}

struct UpdateOptions {
  StoreOptions store;
  std::string id;
  std::string status;
  std::string due;
  std::string note;
  std::string date;
  std::string by;
};

Result<int> RunUpdate(const UpdateOptions& o) {
  std::optional<model::ActionStatus> status = model::ParseActionStatus(o.status);
  if (!status)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "'" + o.status + "' is not a status: open, done or dropped",
                      {},
                      "--status"});
  Result<Date> due = ParseDateOption("--due", o.due, Date());
  if (!due) return Fail(due.error());
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<model::PlanAction> a = review.UpdatePlanAction(o.id, *status, *due, o.note, *date, o.by);
  if (!a) return Fail(a.error());
  if (o.store.json) {
    PrintJson(render::PlanActionJson(*a));
  } else {
    std::printf("action %s is %s, due %s\n", a->id.c_str(), model::ActionStatusName(a->status),
                a->due.ToString().c_str());
  }
  return kExitOk;
}

struct ListOptions {
  StoreOptions store;
  std::string person;
  bool csv = false;
};

std::string PlanText(const render::GrowthView& v) {
  std::string out;
  for (const model::PlanAction& a : v.plan) {
    out += a.id + "  " + model::ActionStatusName(a.status) +
           (a.Overdue(v.today) ? " (overdue)" : "") + "  due " + a.due.ToString() + "  " + a.title;
    std::string towards = a.competency;
    if (!a.target.empty())
      towards +=
          (towards.empty() ? "" : ", ") + render::PlanTargetLabel(v.framework.get(), a.target);
    if (!towards.empty()) out += "  [" + towards + "]";
    out += "\n";
  }
  if (v.plan.empty()) out += "no actions agreed\n";
  for (const model::CheckIn& c : v.checkins) {
    out += "check-in " + c.date.ToString() + " (" +
           v.labels.Person(c.held_by.empty() ? v.person.id : c.held_by) + ")";
    if (!c.outcome.empty()) out += ": " + c.outcome;
    out += "\n";
  }
  return out;
}

Result<int> RunList(const ListOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  render::GrowthView v;
  v.today = Today();
  Result<model::Person> person = (*store)->GetPerson(o.person);
  if (!person) return Fail(person.error());
  v.person = *person;
  app::ReviewService review(**store, CliActor());
  if (Result<app::PersonContext> cx = review.Load(o.person, v.today); cx) {
    v.framework = cx->framework;
    v.plan = std::move(cx->plan);
    v.checkins = std::move(cx->checkins);
  } else {
    Result<std::vector<model::PlanAction>> plan = (*store)->ListPlanActions(o.person);
    if (!plan) return Fail(plan.error());
    Result<std::vector<model::CheckIn>> checkins = (*store)->ListCheckIns(o.person);
    if (!checkins) return Fail(checkins.error());
    v.plan = std::move(*plan);
    v.checkins = std::move(*checkins);
  }
  if (Status named = app::NamePlanPeople(**store, v); !named) return Fail(named.error());
  if (o.store.json) {
    render::Json j = {{"actions", render::Json::array()}, {"checkins", render::Json::array()}};
    for (const model::PlanAction& a : v.plan) j["actions"].push_back(render::PlanActionJson(a));
    for (const model::CheckIn& c : v.checkins) j["checkins"].push_back(render::CheckInJson(c));
    PrintJson(j);
  } else {
    PrintText(o.csv ? render::GrowthPlanCsv(v) : PlanText(v));
  }
  return kExitOk;
}

struct CheckInOptions {
  StoreOptions store;
  model::CheckIn c;
  std::string date;
  std::string next;
  std::string by;
};

Result<int> RunCheckIn(CheckInOptions o) {
  Result<Date> date = ParseDateOption("--date", o.date, Today());
  if (!date) return Fail(date.error());
  Result<Date> next = ParseDateOption("--next", o.next, Date());
  if (!next) return Fail(next.error());
  o.c.date = *date;
  o.c.next = *next;
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<model::CheckIn> c = review.RecordCheckIn(o.c, o.by);
  if (!c) return Fail(c.error());
  if (o.store.json) {
    PrintJson(render::CheckInJson(*c));
  } else {
    std::printf("recorded check-in %s of %s on %s\n", c->id.c_str(), c->person.c_str(),
                c->date.ToString().c_str());
  }
  return kExitOk;
}

void SetUpPlan(CLI::App& app, std::vector<Run>& runs) {
  auto* group = app.add_subcommand("plan", "A person's growth plan: agreed actions and check-ins");
  group->require_subcommand(1);

  auto a = std::make_shared<AddOptions>();
  auto* add = group->add_subcommand("add", "Agree an action with a due date");
  add->add_option("person", a->a.person, "Person id")->required();
  add->add_option("--title", a->a.title, "What is to be done")->required();
  AddDateOption(add, "--due", a->due, "When it is due (YYYY-MM-DD)")->required();
  add->add_option("--competency", a->a.competency, "The competency it grows (an id)");
  add->add_option("--target", a->a.target,
                  "The level it works towards: track/code, a code, an overlay");
  add->add_option("--note", a->a.note, "A note");
  add->add_option("--by", a->by, "Who agrees it (default: the person)");
  AddDateOption(add, "--date", a->date, "The day it is agreed (default: today)");
  add->add_option("--id", a->a.id, "The action's id (default: a fresh one)");
  AddStoreOptions(add, a->store);
  runs.push_back({add, [a] { return RunAdd(*a); }});

  auto u = std::make_shared<UpdateOptions>();
  auto* update = group->add_subcommand("update", "Mark an action done, dropped or open again");
  update->add_option("action", u->id, "The action's id")->required();
  update->add_option("--status", u->status, "open | done | dropped")->required();
  AddDateOption(update, "--due", u->due, "A new due date (YYYY-MM-DD)");
  update->add_option("--note", u->note, "A new note");
  update->add_option("--by", u->by, "Who updates it (default: the person)");
  AddDateOption(update, "--date", u->date, "The day of the change (default: today)");
  AddStoreOptions(update, u->store);
  runs.push_back({update, [u] { return RunUpdate(*u); }});

  auto l = std::make_shared<ListOptions>();
  auto* list = group->add_subcommand("list", "A person's actions and check-ins");
  list->add_option("person", l->person, "Person id")->required();
  list->add_flag("--csv", l->csv, "The actions as CSV, as the web page downloads them");
  AddStoreOptions(list, l->store);
  runs.push_back({list, [l] { return RunList(*l); }});

  auto c = std::make_shared<CheckInOptions>();
  auto* checkin = group->add_subcommand("checkin", "Record a check-in: both views and the outcome");
  checkin->add_option("person", c->c.person, "Person id")->required();
  checkin->add_option("--self", c->c.self_view, "The person's view");
  checkin->add_option("--manager", c->c.manager_view, "The manager's view");
  checkin->add_option("--outcome", c->c.outcome, "What was agreed");
  AddDateOption(checkin, "--date", c->date, "The day it was held (default: today)");
  AddDateOption(checkin, "--next", c->next, "The next check-in agreed (YYYY-MM-DD)");
  checkin->add_option("--by", c->by, "Who writes it down (default: the person)");
  AddStoreOptions(checkin, c->store);
  runs.push_back({checkin, [c] { return RunCheckIn(*c); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(63, ladder::cli::SetUpPlan);
