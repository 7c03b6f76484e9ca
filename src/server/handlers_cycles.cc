// Review cycles (app/cycles.h): the list and the form that opens one, the calibration board of
// the people team, the nominations page of everyone else, candidates side by side, the exports,
// and the same through the JSON API.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "formats/xlsx_export.h"
#include "render/cycle_views.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/http_status.h"

namespace ladder::server::internal {
namespace {

// Rows a board shows at most: the filters narrow the rest.
constexpr size_t kBoardRows = 200;
// Candidates side by side at most.
constexpr size_t kCompared = 12;

std::string CyclePath(std::string_view id) {
  return "/cycles/" + EncodeQueryParam(std::string(id));
}

app::CycleService Cycles(Exchange& x) {
  return app::CycleService(x.services.store, x.principal, x.Sources());
}

// The cycle with its rows and evidence counts, prepared for boards: read once per write of
// the store.
Result<std::shared_ptr<const app::CycleBoard>> CachedBoard(Exchange& x, const std::string& id) {
  const std::string& stamp = x.Stamp();
  if (!stamp.empty())
    if (auto hit = x.services.cycles_cache.Get(id, stamp)) return *hit;
  LADDER_TRY(app::CycleReport report, Cycles(x).Report(id, true));
  auto shared = std::make_shared<const app::CycleBoard>(std::move(report));
  if (!stamp.empty()) x.services.cycles_cache.Put(id, stamp, shared);
  return shared;
}

// The people the caller may nominate (and so sees in a cycle): themself and, for a manager,
// everyone below them.
Result<std::set<std::string>> Nominable(Exchange& x) {
  std::set<std::string> ids;
  const app::Principal& p = x.principal;
  if (p.person.empty()) return ids;
  ids.insert(p.person);
  if (p.Has(model::UserRole::kManager)) {
    LADDER_TRY(std::vector<app::Report> below, x.services.access.ReportsOf(p.person));
    for (const app::Report& r : below) ids.insert(r.person.id);
  }
  return ids;
}

render::CycleRowView RowView(const app::CycleRow& row) {
  return {row.candidate, row.review, row.evidence, row.Stage()};
}

std::string Message(const Error& e) { return ErrorText(e, "a cycle form"); }

Status ShowCycles(Exchange& x, render::Flash flash, int status = 200) {
  render::CyclesView v;
  v.today = x.Today();
  v.flash = std::move(flash);
  if (x.req.method == "POST") {  // a refused form comes back as it was sent
    for (const char* field : {"name", "evaluation", "close_days", "manager"})
      v.form[field] = x.Form(field);
    for (model::CyclePhase p : model::kCyclePhases) {
      std::string field = std::string("deadline_") + model::CyclePhaseName(p);
      v.form[field] = x.Form(field);
    }
    v.ticked = x.FormAll("framework");
  }
  Result<std::vector<model::Cycle>> cycles = x.services.store.ListCycles();
  if (!cycles) return Fail(cycles.error());
  v.cycles = std::move(*cycles);
  v.may_open = app::Access::SeesEveryone(x.principal);
  if (v.may_open) {  // the promotion rate per cycle is the people team's
    Result<std::map<std::string, storage::CycleCounts>> counts = x.services.store.CountCycles();
    if (!counts) return Fail(counts.error());
    for (const auto& [id, c] : *counts)
      v.counts[id] = {c.people, c.eligible, c.close, c.reviews, c.decided, c.promoted};
    if (x.Query("format") == "csv") {
      x.res.set_header("Content-Disposition", "attachment; filename=\"ladder-cycles.csv\"");
      x.res.set_content(render::CycleRatesCsv(v), "text/csv; charset=utf-8");
      return Ok();
    }
  }
  if (v.may_open) {
    Result<std::vector<storage::FrameworkInfo>> list = x.services.store.ListFrameworks();
    if (!list) return Fail(list.error());
    for (const storage::FrameworkInfo& f : *list)
      if (!f.latest_published.empty()) v.frameworks.push_back({f.id, f.name});
  }
  x.Html(render::RenderCycles(x.Viewer(), v), status);
  return Ok();
}

// The board of a cycle (runners) or the nominations of the caller (everyone else).
Status ShowCycle(Exchange& x, render::Flash flash, int status = 200) {
  Result<std::shared_ptr<const app::CycleBoard>> board = CachedBoard(x, x.Param("cycle"));
  if (!board) return Fail(board.error());
  const app::CycleReport& r = (*board)->report;
  render::CycleBoardView v;
  v.cycle = r.cycle;
  v.today = x.Today();
  v.flash = std::move(flash);
  v.runner = app::Access::SeesEveryone(x.principal);
  v.in_scope = r.rows.size();
  v.nominations_open = r.cycle.status == model::CycleStatus::kOpen &&
                       r.cycle.phase == model::CyclePhase::kNominations &&
                       !(r.cycle.DeadlineOf(model::CyclePhase::kNominations) < v.today);
  v.pipeline = &(*board)->pipeline;
  v.frameworks = &(*board)->frameworks;
  v.targets = &(*board)->targets;
  if (v.runner) v.people = &(*board)->names;
  app::CycleFilter filter;
  if (v.runner) {
    filter.framework = x.Query("framework");
    filter.track = x.Query("track");
    filter.level = x.Query("level");
    filter.target = x.Query("target");
    filter.manager = x.Query("manager");
    filter.readiness = x.Query("readiness");
    filter.stage = x.Query("stage");
    filter.search = x.Query("q");
    filter.sort = x.Query("sort").empty() ? "target" : x.Query("sort");
    filter.candidates_only = x.Query("everyone") != "1";
  } else {
    filter.candidates_only = false;
    filter.sort = "name";
  }
  v.filter = {filter.framework, filter.track,           filter.level, filter.target,
              filter.manager,   filter.readiness,       filter.stage, filter.search,
              filter.sort,      !filter.candidates_only};
  std::vector<const app::CycleRow*> rows = app::FilterRows(**board, filter);
  if (!v.runner) {
    // Everyone else sees the people they may nominate: themself and those below them.
    Result<std::set<std::string>> ids = Nominable(x);
    if (!ids) return Fail(ids.error());
    std::erase_if(rows,
                  [&](const app::CycleRow* row) { return !ids->contains(row->candidate.person); });
    v.in_scope = rows.size();
  }
  v.matched = rows.size();
  for (const app::CycleRow* row : rows) {
    const model::Candidate& k = row->candidate;
    std::map<std::string, int>& counts =
        v.distribution[k.target_label.empty() ? "No next level" : k.target_label];
    ++counts[model::ReadinessName(k.readiness)];
    if (k.Nominated()) ++counts["nominated"];
    if (row->review) {
      if (!row->review->decision) {
        ++counts["review"];
      } else {
        std::string outcome = model::OutcomeName(row->review->decision->outcome);
        std::replace(outcome.begin(), outcome.end(), '_', ' ');
        ++counts[outcome];
      }
    }
    if (v.rows.size() < kBoardRows) v.rows.push_back(RowView(*row));
  }
  if (!v.runner) v.distribution.clear();
  x.Html(render::RenderCycleBoard(x.Viewer(), v), status);
  return Ok();
}

// The spec of a cycle from the form or a JSON body.
Result<app::CycleSpec> SpecFrom(const std::function<std::string(const char*)>& get,
                                const std::vector<std::string>& frameworks) {
  app::CycleSpec spec;
  spec.id = get("id");
  spec.name = get("name");
  spec.frameworks = frameworks;
  spec.manager = get("manager");
  LADDER_TRY(spec.evaluation, ParseDateValue("evaluation", get("evaluation"), Date()));
  std::string close = get("close_days");
  if (!close.empty()) {
    int days = 0;
    for (char c : close) {
      if (c < '0' || c > '9' || days > 100000)
        return MakeError(ErrorCode::kInvalidArgument,
                         "'" + close + "' is not a number of days (0 to 730)", {}, "close_days");
      days = days * 10 + (c - '0');
    }
    spec.close_days = days;
  }
  for (model::CyclePhase p : model::kCyclePhases) {
    std::string field = std::string("deadline_") + model::CyclePhaseName(p);
    LADDER_TRY(Date d, ParseDateValue(field, get(field.c_str()), Date()));
    spec.phases.push_back({p, d});
  }
  if (spec.evaluation.empty())
    return MakeError(ErrorCode::kInvalidArgument, "the date the cycle evaluates on is missing", {},
                     "evaluation");
  return spec;
}

// Performs a runner's action on a cycle; returns the notice of what was done.
Result<std::string> PerformCycleAction(Exchange& x, std::string_view action,
                                       const std::function<std::string(const char*)>& get) {
  app::CycleService cycles = Cycles(x);
  const std::string id = x.Param("cycle");
  const Date today = x.Today();
  auto list = [&](const char* name) {
    std::vector<std::string> out;
    for (std::string_view part : text::Split(get(name), ',')) {
      std::string v(text::Trim(part));
      if (!v.empty()) out.push_back(std::move(v));
    }
    return out;
  };
  if (action == "advance") {
    LADDER_TRY(model::Cycle c, cycles.Advance(id, "", today));
    return std::string("Moved to ") + model::CyclePhaseTitle(c.phase) + ".";
  }
  if (action == "close") {
    LADDER_TRY(model::Cycle c, cycles.Close(id, "", today));
    return std::string("Cycle closed; its record is kept as it is.");
  }
  if (action == "notes") {
    LADDER_TRY(model::Cycle c, cycles.Note(id, get("person"), get("note"), "", today));
    return std::string("Note added.");
  }
  if (action == "open-reviews") {
    LADDER_TRY(app::BulkResult r, cycles.OpenReviews(id, list("people"), "", today));
    return std::to_string(r.done.size()) + " reviews opened" +
           (r.skipped.empty() ? "" : "; skipped " + text::Join(r.skipped, "; ")) + ".";
  }
  if (action == "panels") {
    LADDER_TRY(app::BulkResult r, cycles.NamePanels(id, list("cases"), list("panel"), "", today));
    return std::to_string(r.done.size()) + " panels named" +
           (r.skipped.empty() ? "" : "; skipped " + text::Join(r.skipped, "; ")) + ".";
  }
  return MakeError(ErrorCode::kNotFound,
                   "no action '" + std::string(action) +
                       "' on a cycle: advance, close, notes, open-reviews or panels");
}

render::Json ReportJson(const app::CycleReport& r, const std::set<std::string>* only) {
  render::Json rows = render::Json::array();
  for (const app::CycleRow& row : r.rows) {
    if (only && !only->contains(row.candidate.person)) continue;
    rows.push_back(render::CycleRowJson(row.candidate, row.review ? &*row.review : nullptr,
                                        row.Stage(), row.evidence));
  }
  return {{"cycle", render::CycleJson(r.cycle)}, {"candidates", rows}};
}

}  // namespace

Status CyclesPage(Exchange& x) { return ShowCycles(x, {}); }

Status CycleOpenSubmit(Exchange& x) {
  Result<app::CycleSpec> spec =
      SpecFrom([&](const char* name) { return x.Form(name); }, x.FormAll("framework"));
  if (!spec) return ShowCycles(x, {"", Message(spec.error())}, HttpStatusFor(spec.error()));
  Result<model::Cycle> c = Cycles(x).Open(*spec, "", x.Today());
  if (!c) return ShowCycles(x, {"", Message(c.error())}, HttpStatusFor(c.error()));
  x.Redirect(CyclePath(c->id) + "?done=opened");
  return Ok();
}

Status CyclePage(Exchange& x) {
  std::string done = x.Query("done");
  std::string notice = done == "opened"      ? "Cycle opened with its snapshot."
                       : done == "nominated" ? "Nominated."
                       : done == "advance"   ? "Moved to the next phase."
                       : done == "close"     ? "Cycle closed; its record is kept as it is."
                       : done == "notes"     ? "Note added."
                       : done.empty()        ? ""
                                             : "Done.";
  return ShowCycle(x, {notice, ""});
}

Status CycleActionSubmit(Exchange& x) {
  const std::string action = x.Param("action");
  Result<std::string> done =
      PerformCycleAction(x, action, [&](const char* name) { return x.Form(name); });
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound && done.error().field.empty())
      return Fail(done.error());
    return ShowCycle(x, {"", Message(done.error())}, HttpStatusFor(done.error()));
  }
  if (action == "open-reviews" || action == "panels") return ShowCycle(x, {*done, ""});
  x.Redirect(CyclePath(x.Param("cycle")) + "?done=" + action);
  return Ok();
}

Status CycleNominateSubmit(Exchange& x) {
  Result<model::Candidate> k =
      Cycles(x).Nominate(x.Param("cycle"), x.Form("person"), x.Form("note"), "", x.Today());
  if (!k) {
    if (k.error().code == ErrorCode::kNotFound && k.error().field == "cycle")
      return Fail(k.error());
    return ShowCycle(x, {"", Message(k.error())}, HttpStatusFor(k.error()));
  }
  x.Redirect(CyclePath(x.Param("cycle")) + "?done=nominated");
  return Ok();
}

Status CycleComparePage(Exchange& x) {
  Result<std::shared_ptr<const app::CycleBoard>> board = CachedBoard(x, x.Param("cycle"));
  if (!board) return Fail(board.error());
  const app::CycleReport& r = (*board)->report;
  const std::string target = x.Query("target");
  render::CycleCompareView v;
  v.cycle = r.cycle;
  v.today = x.Today();
  std::shared_ptr<const model::Framework> framework;
  for (const app::CycleRow& row : r.rows) {
    const model::Candidate& k = row.candidate;
    if (k.target_track + "/" + k.target_level != target) continue;
    bool candidate = k.readiness == model::Readiness::kEligible ||
                     k.readiness == model::Readiness::kClose || k.Nominated() || row.review;
    if (!candidate || v.candidates.size() >= kCompared) continue;
    v.target_label = k.target_label;
    if (!framework)
      if (Result<model::Framework> f = x.services.store.GetFramework(k.framework, k.version); f)
        framework = std::make_shared<const model::Framework>(std::move(*f));
    Result<storage::PersonRecords> records = x.Sources().records
                                                 ? x.Sources().records(k.person)
                                                 : x.services.store.LoadPersonRecords(k.person);
    if (!records) return Fail(records.error());
    std::map<std::string, std::pair<std::string, std::string>> ratings;
    for (const auto& [competency, indexes] : model::LatestRatings(records->assessments))
      for (size_t i : indexes) {
        const model::Assessment& a = records->assessments[i];
        std::string label = model::RatingName(a.rating);
        if (a.role == model::AssessorRole::kManager) ratings[competency].first = label;
        if (a.role == model::AssessorRole::kSelf) ratings[competency].second = label;
      }
    v.ratings.push_back(std::move(ratings));
    v.candidates.push_back(RowView(row));
  }
  if (target.empty() || (v.candidates.empty() && v.target_label.empty()))
    v.target_label = target.empty() ? "no level" : target;
  if (framework)
    for (const model::Competency& c : framework->competencies)
      v.competencies.push_back({c.id, c.DisplayName()});
  x.Html(render::RenderCycleCompare(x.Viewer(), v));
  return Ok();
}

Status CycleReportCsvPage(Exchange& x) {
  Result<app::CycleReport> r = Cycles(x).Report(x.Param("cycle"), true);
  if (!r) return Fail(r.error());
  x.res.set_header("Content-Disposition", "attachment; filename=\"cycle-" + r->cycle.id + ".csv\"");
  x.res.set_content(app::CycleReportCsv(*r), "text/csv; charset=utf-8");
  return Ok();
}

Status CycleReportXlsxPage(Exchange& x) {
  Result<app::CycleReport> r = Cycles(x).Report(x.Param("cycle"), true);
  if (!r) return Fail(r.error());
  Result<std::string> bytes = formats::XlsxTableBytes(r->cycle.name, app::CycleReportRows(*r));
  if (!bytes) return Fail(bytes.error());
  x.res.set_header("Content-Disposition",
                   "attachment; filename=\"cycle-" + r->cycle.id + ".xlsx\"");
  x.res.set_content(std::move(*bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  return Ok();
}

// -- API -----------------------------------------------------------------------------------------

Status ApiCycles(Exchange& x) {
  Result<std::vector<model::Cycle>> cycles = x.services.store.ListCycles();
  if (!cycles) return Fail(cycles.error());
  render::Json out = render::Json::array();
  for (const model::Cycle& c : *cycles) out.push_back(render::CycleJson(c));
  x.SendJson(out);
  return Ok();
}

Status ApiCycleOpen(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const Json& b = *body;
  std::vector<std::string> frameworks;
  if (auto it = b.find("frameworks"); it != b.end() && it->is_array())
    for (const Json& f : *it)
      if (f.is_string()) frameworks.push_back(f.get<std::string>());
  auto get = [&](const char* name) -> std::string {
    if (std::string_view(name).starts_with("deadline_")) {
      auto deadlines = b.find("deadlines");
      if (deadlines == b.end() || !deadlines->is_object()) return "";
      auto d = deadlines->find(std::string(name).substr(9));
      return d != deadlines->end() && d->is_string() ? d->get<std::string>() : "";
    }
    auto it = b.find(name);
    if (it == b.end()) return "";
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return it->is_string() ? it->get<std::string>() : "";
  };
  Result<app::CycleSpec> spec = SpecFrom(get, frameworks);
  if (!spec) return Fail(spec.error());
  Result<model::Cycle> c = Cycles(x).Open(*spec, "", x.Today());
  if (!c) return Fail(c.error());
  x.SendJson(render::CycleJson(*c), 201);
  return Ok();
}

Status ApiCycle(Exchange& x) {
  Result<std::shared_ptr<const app::CycleBoard>> board = CachedBoard(x, x.Param("cycle"));
  if (!board) return Fail(board.error());
  if (app::Access::SeesEveryone(x.principal)) {
    x.SendJson(ReportJson((*board)->report, nullptr));
    return Ok();
  }
  Result<std::set<std::string>> ids = Nominable(x);
  if (!ids) return Fail(ids.error());
  x.SendJson(ReportJson((*board)->report, &*ids));
  return Ok();
}

Status ApiCycleAction(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  const Json& b = *body;
  Result<std::string> done = PerformCycleAction(x, x.Param("action"), [&](const char* name) {
    auto it = b.find(name);
    if (it == b.end()) return std::string();
    if (it->is_array()) {
      std::string joined;
      for (const Json& v : *it)
        if (v.is_string()) joined += (joined.empty() ? "" : ",") + v.get<std::string>();
      return joined;
    }
    return it->is_string() ? it->get<std::string>() : std::string();
  });
  if (!done) return Fail(done.error());
  Result<model::Cycle> c = x.services.store.GetCycle(x.Param("cycle"));
  if (!c) return Fail(c.error());
  render::Json out = render::CycleJson(*c);
  out["done"] = *done;
  x.SendJson(out);
  return Ok();
}

Status ApiCycleNominate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> person = StringField(*body, "person", true);
  if (!person) return Fail(person.error());
  Result<std::string> note = StringField(*body, "note");
  if (!note) return Fail(note.error());
  Result<model::Candidate> k = Cycles(x).Nominate(x.Param("cycle"), *person, *note, "", x.Today());
  if (!k) return Fail(k.error());
  x.SendJson(render::CandidateJson(*k), 201);
  return Ok();
}

}  // namespace ladder::server::internal
