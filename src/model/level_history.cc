#include "model/level_history.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace ladder::model {
namespace {

// Positions of `history` in order of start; periods starting on the same day keep their order.
std::vector<std::size_t> ByStart(const std::vector<Assignment>& history) {
  std::vector<std::size_t> order(history.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return history[a].from < history[b].from; });
  return order;
}

}  // namespace

Status CheckPeriod(const Assignment& period, std::string_view field) {
  if (period.from.empty())
    return MakeError(ErrorCode::kInvalidArgument, "an assignment needs its start date", {},
                     std::string(field) + ".from");
  if (!period.to.empty() && period.to <= period.from)
    return MakeError(ErrorCode::kInvalidArgument,
                     "assignment ends (" + period.to.ToString() + ") before it starts (" +
                         period.from.ToString() + ")",
                     {}, std::string(field) + ".to");
  return Ok();
}

std::vector<std::size_t> EnterPeriod(std::vector<Assignment>& history, const Assignment& period) {
  std::vector<std::size_t> ended;
  for (std::size_t i = 0; i < history.size(); ++i) {
    Assignment& open = history[i];
    if (open.to.empty() && open.from < period.from) {
      open.to = period.from;
      ended.push_back(i);
    }
  }
  history.push_back(period);
  return ended;
}

void ArrangeHistory(std::vector<Assignment>& history) {
  std::vector<Assignment> arranged;
  arranged.reserve(history.size());
  for (std::size_t i : ByStart(history)) EnterPeriod(arranged, history[i]);
  history = std::move(arranged);
}

std::vector<Overlap> FindOverlaps(const std::vector<Assignment>& history) {
  std::vector<Overlap> out;
  std::vector<std::size_t> order = ByStart(history);
  // Sorted by start, a period that overlaps any later one overlaps the next one too.
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const Assignment& earlier = history[order[k]];
    const Assignment& later = history[order[k + 1]];
    if (earlier.to.empty() || earlier.to > later.from) out.push_back({order[k], order[k + 1]});
  }
  return out;
}

Error OverlapError(const Assignment& earlier, const Assignment& later) {
  return Error{ErrorCode::kConflict,
               "assignment of " + later.person + " from " + later.from.ToString() +
                   " overlaps the period from " + earlier.from.ToString() +
                   (earlier.id.empty() ? "" : " (" + earlier.id + ")"),
               {},
               ""};
}

Status CheckNoOverlap(const std::vector<Assignment>& history) {
  std::vector<Overlap> overlaps = FindOverlaps(history);
  if (overlaps.empty()) return Ok();
  return Fail(OverlapError(history[overlaps.front().earlier], history[overlaps.front().later]));
}

std::vector<Error> ValidateAssignments(const std::vector<Assignment>& history,
                                       const Framework* framework) {
  auto field_of = [](const Assignment& a) {
    return "assignments." + a.person + "@" + a.from.ToString();
  };
  std::vector<Error> errors;
  for (const Assignment& a : history) {
    if (Status period = CheckPeriod(a, field_of(a)); !period) errors.push_back(period.error());
    if (!framework) continue;
    const Track* track = framework->FindTrack(a.track);
    if (!track)
      errors.push_back(
          Error{ErrorCode::kNotFound,
                "track '" + a.track + "' does not exist in framework '" + framework->id + "'",
                {},
                field_of(a) + ".track"});
    else if (!track->FindLevel(a.level))
      errors.push_back(Error{ErrorCode::kNotFound,
                             "level '" + a.level + "' does not exist in track '" + a.track + "'",
                             {},
                             field_of(a) + ".level"});
  }
  for (const Overlap& o : FindOverlaps(history)) {
    Error e = OverlapError(history[o.earlier], history[o.later]);
    e.field = field_of(history[o.later]);
    errors.push_back(std::move(e));
  }
  return errors;
}

}  // namespace ladder::model
