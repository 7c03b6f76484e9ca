// The web app's pages of review cycles (docs/cycles.md): the list of cycles with the form that
// opens one, the calibration board of a cycle (the people team's: filters, groups by target
// level, the distribution of readiness and outcomes, the pipeline of its cases, notes, bulk
// actions), the nominations page of everyone else, and candidates for one level side by side.
// Plain view structs filled by the server from app/cycles.h; rendered with the app's templates.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/cycle.h"
#include "model/framework.h"
#include "model/people.h"
#include "render/app_views.h"

namespace ladder::render {

struct CyclesView {
  std::vector<model::Cycle> cycles;
  // Each cycle's counts (storage::CycleCounts), for the promotion rate per cycle: cycle id ->
  // people, eligible, close, reviews, decided, promoted.
  std::map<std::string, std::array<int, 6>> counts;
  bool may_open = false;
  // For the form: published frameworks (id, name).
  std::vector<std::pair<std::string, std::string>> frameworks;
  // The values of the form as sent, so that a refused form comes back as it was: field ->
  // value ("name", "evaluation", "close_days", "manager", "deadline_<phase>"), and the
  // frameworks ticked.
  std::map<std::string, std::string> form;
  std::vector<std::string> ticked;
  Date today;
  Flash flash;
};

// One person on a board.
struct CycleRowView {
  model::Candidate candidate;
  std::optional<model::Case> review;
  int evidence = 0;
  std::string stage;  // app::CycleRow::Stage
};

// The filters as the form sends them back (the values the board was asked for).
struct CycleFilterView {
  std::string framework, track, level, target, manager, readiness, stage, search;
  std::string sort = "name";
  bool everyone = false;  // everyone in scope, not only candidates
};

struct CycleBoardView {
  model::Cycle cycle;
  bool runner = false;  // the people team or an admin: the board; else the nominations page
  bool nominations_open = false;
  std::vector<CycleRowView> rows;  // the rows shown, in order
  size_t matched = 0;              // rows the filters kept (rows may show fewer)
  size_t in_scope = 0;             // everyone in the snapshot
  // Of the rows the filters kept: target label -> readiness and stage -> count.
  std::map<std::string, std::map<std::string, int>> distribution;
  const std::map<std::string, int>* pipeline = nullptr;  // reviews by status or outcome
  CycleFilterView filter;
  // Values for the filter form.
  const std::vector<std::string>* frameworks = nullptr;
  const std::vector<std::string>* targets = nullptr;
  const std::map<std::string, std::string>* people = nullptr;  // id -> name, for notes
  Date today;
  Flash flash;
};

// Candidates for one level side by side.
struct CycleCompareView {
  model::Cycle cycle;
  std::string target_label;
  std::vector<CycleRowView> candidates;
  // Competency (id, name) and, per candidate (same order), the latest manager and self rating.
  std::vector<std::pair<std::string, std::string>> competencies;
  std::vector<std::map<std::string, std::pair<std::string, std::string>>> ratings;
  Date today;
};

std::string RenderCycles(const Viewer& viewer, const CyclesView& v);
// The promotion rate per cycle as CSV: cycle, name, status, people, eligible, close, reviews,
// decided, promoted, promotion_rate (promoted of the reviews decided, 0 to 1; empty before any).
std::string CycleRatesCsv(const CyclesView& v);
std::string RenderCycleBoard(const Viewer& viewer, const CycleBoardView& v);
std::string RenderCycleCompare(const Viewer& viewer, const CycleCompareView& v);

}  // namespace ladder::render
