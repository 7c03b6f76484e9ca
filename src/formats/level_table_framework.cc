// AddToFramework: the tables of levels a document holds, as one framework's competencies,
// groups and tracks.
#include "formats/level_table.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "base/text.h"
#include "formats/level_names.h"
#include "formats/level_table_interpreter.h"

namespace ladder::formats::level_table {
namespace {

using internal::UniqueId;

model::TrackKind KindOf(const std::string& prefix, std::string_view name) {
  std::string lower = text::ToLower(name);
  static const std::regex kIc(
      R"(\bic\b|individual contributor|technical (path|track|ladder)|\b(engineer|developer|programmer)s?\b( (path|track|ladder))?$)");
  if (prefix == "IC" || std::regex_search(lower, kIc)) return model::TrackKind::kIc;
  if (prefix == "M" || prefix == "EM" || lower.find("manag") != std::string::npos)
    return model::TrackKind::kManagement;
  if (lower.find("core") != std::string::npos) return model::TrackKind::kCore;
  if (lower.find("alternative") != std::string::npos) return model::TrackKind::kAlternative;
  return model::TrackKind::kOther;
}

// True when `part` reads the same levels as `track` (same code and title for each level it
// shares, at least one shared): one matrix cut into several tables.
bool SameLevels(const model::Track& track, const TrackPart& part) {
  int shared = 0;
  for (const model::Level& l : part.levels) {
    for (const model::Level& t : track.levels) {
      if (!text::IEquals(t.code, l.code)) continue;
      if (!text::IEquals(t.title, l.title)) return false;
      ++shared;
    }
  }
  return shared > 0;
}

void MergeLevel(model::Level& into, model::Level& level) {
  if (into.summary.empty()) into.summary = std::move(level.summary);
  for (auto& a : level.attributes) {
    bool present = false;
    for (const auto& b : into.attributes) present = present || b.first == a.first;
    if (!present) into.attributes.push_back(std::move(a));
  }
  for (model::Expectation& e : level.expectations) {
    model::Expectation* existing = nullptr;
    for (auto& x : into.expectations)
      if (x.competency == e.competency) existing = &x;
    if (existing == nullptr) {
      into.expectations.push_back(std::move(e));
    } else {
      for (std::string& b : e.behaviours) existing->behaviours.push_back(std::move(b));
    }
  }
  if (into.state == model::LevelState::kUndefined && level.state == model::LevelState::kDefined) {
    into.state = model::LevelState::kDefined;
    into.note.clear();
  }
}

}  // namespace

namespace {

// Levels titled as managers ("Director of Engineering", "VP of Engineering"), two in three at
// least; product, programme, project and account managers are individual contributors.
bool TitledAsManagers(const std::vector<model::Level>& levels) {
  static const std::regex kManager(
      R"(\b(manager|director|vp|vice president|head of|chief|cto|executive)\b)", std::regex::icase);
  static const std::regex kIcManager(
      R"(\b(product|program|programme|project|account)\s+managers?\b)", std::regex::icase);
  size_t managers = 0;
  for (const model::Level& l : levels)
    managers += std::regex_search(l.title, kManager) && !std::regex_search(l.title, kIcManager);
  return managers * 3 >= levels.size() * 2;
}

// The ladder a heading over a table names: "Specialist Track:" -> "Specialist"; "" when the
// heading names no ladder ("Cooking" over a table of one group of competencies) or none of its
// own ("Career Ladder").
std::string LadderName(std::string_view context) {
  static const std::regex kSuffix(R"(\s+(track|ladder|path|career path)\s*:?\s*$)",
                                  std::regex::icase);
  const std::string heading(text::Trim(context));
  if (!std::regex_search(heading, kSuffix)) return "";
  std::string name = std::regex_replace(heading, kSuffix, "");
  static const std::regex kGeneric(R"(^(levels?|career|careers|the)?$)", std::regex::icase);
  return std::regex_match(name, kGeneric) ? "" : name;
}

// Levels listed senior first, or sub-levels out of order, in the order of their codes (the ranks
// the rows gave, in increasing order).
void OrderTracksByCodes(model::Framework& framework) {
  for (auto& t : framework.tracks) {
    std::vector<int> ranks;
    for (const auto& l : t.levels) ranks.push_back(l.rank);
    if (!OrderByCodes(t.levels)) continue;
    std::sort(ranks.begin(), ranks.end());
    for (size_t i = 0; i < ranks.size(); ++i) t.levels[i].rank = ranks[i];
  }
}

// The table's competencies added to the framework's (one of the same name shared). Returns the
// table's competency id -> the framework's.
std::map<std::string, std::string> AddCompetencies(Table& table, model::Framework& framework) {
  std::set<std::string> competency_ids;
  for (const auto& c : framework.competencies) competency_ids.insert(c.id);
  std::map<std::string, std::string> renamed;
  for (model::Competency& c : table.competencies) {
    std::string id;
    for (const auto& existing : framework.competencies)
      if (text::IEquals(existing.name, c.name)) id = existing.id;
    if (id.empty()) {
      id = UniqueId(c.id, competency_ids);
      renamed[c.id] = id;
      c.id = id;
      framework.competencies.push_back(c);
    } else {
      renamed[c.id] = id;
    }
  }
  for (model::CompetencyGroup& g : table.groups) {
    for (std::string& id : g.competencies) id = renamed[id];
    bool merged = false;
    for (model::CompetencyGroup& existing : framework.groups) {
      if (!text::IEquals(existing.name, g.name)) continue;
      for (std::string& id : g.competencies)
        if (std::find(existing.competencies.begin(), existing.competencies.end(), id) ==
            existing.competencies.end())
          existing.competencies.push_back(id);
      merged = true;
    }
    if (!merged) framework.groups.push_back(std::move(g));
  }
  return renamed;
}

// Adds one ladder of a table: a track of its own, or its levels merged into the track of the
// same kind or name. `ladders_seen`: the contexts of the tables read before.
void AddTrackPart(TrackPart& part, const Table& table, bool several_tables,
                  const std::set<std::string>& ladders_seen, model::Framework& framework) {
  std::string prefix = CodePrefix(part.levels.front().code);
  std::string name = part.name;
  if (name.empty()) name = table.track_title;
  model::TrackKind kind = KindOf(prefix, name);
  if (name.empty() && kind == model::TrackKind::kOther && TitledAsManagers(part.levels))
    kind = model::TrackKind::kManagement;
  if (name.empty() && kind == model::TrackKind::kOther && several_tables)
    name = LadderName(table.context);  // "Specialist Track" -> "Specialist"
  if (name.empty()) {
    name = kind == model::TrackKind::kIc           ? "Individual Contributor"
           : kind == model::TrackKind::kManagement ? "Management"
                                                   : "Levels";
  }
  std::string id = kind == model::TrackKind::kIc           ? "ic"
                   : kind == model::TrackKind::kManagement ? "management"
                                                           : text::Slugify(name);
  model::Track* existing = nullptr;
  for (auto& t : framework.tracks)
    if (t.id == id) existing = &t;
  if (existing != nullptr && !SameLevels(*existing, part) && !part.name.empty() &&
      part.name != existing->name) {
    existing = nullptr;  // another ladder that happens to share a kind
    id = text::Slugify(name);
  } else if (existing != nullptr && !SameLevels(*existing, part) && !table.context.empty() &&
             ladders_seen.count(table.context) == 0) {
    // Tables of different ladders under different headings ("Engineering", "Design"):
    // each heading names its ladder.
    existing = nullptr;
    name = table.context + (kind == model::TrackKind::kManagement ? " (management)" : "");
    id = text::Slugify(name);
  }
  if (existing == nullptr) {
    std::set<std::string> track_ids;
    for (const auto& t : framework.tracks) track_ids.insert(t.id);
    model::Track track;
    track.id = UniqueId(id, track_ids);
    track.name = name;
    track.kind = kind;
    track.origin = part.levels.front().origin;
    track.levels = std::move(part.levels);
    framework.tracks.push_back(std::move(track));
    return;
  }
  std::set<std::string> codes;
  for (const auto& l : existing->levels) codes.insert(l.code);
  for (model::Level& level : part.levels) {
    model::Level* same = nullptr;
    for (auto& l : existing->levels)
      if (text::IEquals(l.code, level.code) && text::IEquals(l.title, level.title)) same = &l;
    if (same != nullptr) {
      MergeLevel(*same, level);
      continue;
    }
    level.code = UniqueId(level.code, codes);
    existing->levels.push_back(std::move(level));
  }
}

}  // namespace

std::string AddToFramework(std::vector<Table> tables, model::Framework& framework) {
  std::string ic_track;
  std::set<std::string> ladders_seen;  // contexts of tables read so far
  // Tables of the same levels under headings of their own ("## Cooking", "## Running the pass"):
  // each heading names a group of the competencies its table holds.
  std::vector<model::CompetencyGroup> heading_groups;
  bool one_ladder = tables.size() > 1;
  for (Table& table : tables) {
    const size_t tracks_before = framework.tracks.size();
    if (table.context.empty() || !table.groups.empty()) one_ladder = false;
    std::map<std::string, std::string> renamed = AddCompetencies(table, framework);
    for (TrackPart& part : table.tracks) {
      for (model::Level& level : part.levels)
        for (model::Expectation& e : level.expectations) e.competency = renamed[e.competency];
      AddTrackPart(part, table, tables.size() > 1, ladders_seen, framework);
      if (ic_track.empty() && framework.tracks.back().kind == model::TrackKind::kIc)
        ic_track = framework.tracks.back().id;
    }
    if (!table.context.empty()) ladders_seen.insert(table.context);
    if (&table != &tables.front() && framework.tracks.size() != tracks_before) one_ladder = false;
    model::CompetencyGroup group;
    group.name = table.context;
    group.id = text::Slugify(group.name);
    for (const model::Competency& c : table.competencies) {
      auto it = renamed.find(c.id);  // a competency shared with an earlier table
      group.competencies.push_back(it != renamed.end() ? it->second : c.id);
    }
    heading_groups.push_back(std::move(group));
  }
  if (one_ladder && framework.groups.empty() && framework.tracks.size() == 1) {
    std::set<std::string> ids;
    for (const model::CompetencyGroup& g : heading_groups) ids.insert(g.id);
    if (ids.size() == heading_groups.size() && !ids.contains(""))
      framework.groups = std::move(heading_groups);
  }
  OrderTracksByCodes(framework);
  // ranks strictly increase within each track
  for (auto& t : framework.tracks) {
    int last = 0;
    for (auto& l : t.levels) {
      if (l.rank <= last) l.rank = last + 1;
      last = l.rank;
    }
  }
  return ic_track;
}

}  // namespace ladder::formats::level_table
