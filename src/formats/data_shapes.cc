#include "formats/data_shapes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "formats/data_shapes_internal.h"

namespace ladder::formats::data {
namespace internal {

std::string Lower(std::string_view s) { return text::ToLower(text::Trim(s)); }

bool IsLevelWord(std::string_view key) {
  static const std::set<std::string> words = {
      "level",       "levels",        "grade",       "grades",       "step",          "steps",
      "milestone",   "milestones",    "stage",       "stages",       "band",          "bands",
      "tier",        "tiers",         "rank",        "ranks",        "rung",          "rungs",
      "proficiency", "proficiencies", "seniority",   "content",      "scale",         "levelid",
      "level_id",    "grade_id",      "seniorities", "careerlevels", "career_levels", "positions"};
  return words.count(Lower(key)) > 0;
}

bool IsCompetencyWord(std::string_view key) {
  static const std::set<std::string> words = {
      "competency",  "competencies", "skill",     "skills",     "area",         "areas",
      "topic",       "topics",       "theme",     "themes",     "category",     "categories",
      "dimension",   "dimensions",   "pillar",    "pillars",    "capability",   "capabilities",
      "behaviours",  "behaviors",    "attribute", "attributes", "competencyid", "competency_id",
      "skillid",     "skill_id",     "themeid",   "theme_id",   "axes",         "axis",
      "focus_areas", "focusareas"};
  return words.count(Lower(key)) > 0;
}

bool IsTrackField(std::string_view key) {
  std::string k = Lower(key);
  for (const char* w : {"track", "role", "position", "department", "family", "job", "discipline",
                        "path", "ladder", "team"})
    if (k.starts_with(w)) return true;
  return false;
}

bool IsNumber(std::string_view s) {
  return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "milestones" -> "Milestone", "levels" -> "Level", "content" -> "Level".
std::string Singular(std::string_view key) {
  std::string k = Lower(key);
  if (k.empty() || !IsLevelWord(k) || k == "content" || k == "scale") return "Level";
  if (k.ends_with("ies"))
    k = k.substr(0, k.size() - 3) + "y";
  else if (k.ends_with("s"))
    k.pop_back();
  k[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
  return k;
}

// "basic" -> "Basic"; "positionId" -> "Position"; names with capitals stay.
std::string Pretty(std::string_view raw) {
  std::string s = CleanName(raw);
  for (const char* suffix : {"Id", "_id", "ID"})
    if (s.size() > 2 && s.ends_with(suffix)) s.resize(s.size() - std::string_view(suffix).size());
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty() && std::islower(static_cast<unsigned char>(s[0])) &&
      std::none_of(s.begin(), s.end(),
                   [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The last key a path names ("levels" for "topics[].levels[]"; "" for "[]").
std::string LastKey(std::string_view path) {
  std::vector<std::string> segs = text::Split(path, '.');
  for (auto it = segs.rbegin(); it != segs.rend(); ++it) {
    std::string s(text::Trim(*it));
    if (s.ends_with("[]")) s.resize(s.size() - 2);
    if (!s.empty() && s != "*") return s;
  }
  return {};
}

// The key of a path that says what its entries are: its last key, or the level or competency
// word just before it when the last key only sorts them ("competencies" for
// "competencies.required[]"); text keys ("description[]") say the entries are text.
std::string WordKey(std::string_view path) {
  std::vector<std::string> keys;
  for (const std::string& raw : text::Split(path, '.')) {
    std::string s(text::Trim(raw));
    if (s.ends_with("[]")) s.resize(s.size() - 2);
    if (!s.empty() && s != "*") keys.push_back(s);
  }
  if (keys.empty()) return {};
  static const std::set<std::string> kText = {
      "description", "descriptions", "criteria",   "summary", "signals",
      "examples",    "text",         "statements", "details", "notes"};
  const std::string& last = keys.back();
  if (kText.count(Lower(last)) || IsLevelWord(last) || IsCompetencyWord(last) || keys.size() < 2)
    return last;
  const std::string& before = keys[keys.size() - 2];
  return IsLevelWord(before) || IsCompetencyWord(before) ? before : last;
}

// The group of an entry: the key the last `*[]` matched (the entry's own key when the path ends
// in `*` is not a group).
std::string GroupOf(const Hit& h, std::string_view path) {
  std::vector<std::string> wild = h.wild;
  std::string p(text::Trim(path));
  if (p == "*" || p.ends_with(".*")) {
    if (!wild.empty()) wild.pop_back();
  }
  return wild.empty() ? "" : Pretty(wild.back());
}

}  // namespace internal

namespace {

using internal::GroupOf;
using internal::IsCompetencyWord;
using internal::IsLevelWord;
using internal::IsNumber;
using internal::LastKey;
using internal::Lower;
using internal::Pretty;
using internal::Singular;
using internal::WordKey;

class Reader {
 public:
  Reader(const Tree& t, const DataMap& map, std::string_view file)
      : t_(t), map_(map), file_(file) {}

  Result<Interpretation> Run() {
    Interpretation out;
    out.map = map_;
    Hit root{t_.root, "", {}, "$"};
    LADDER_TRY(std::vector<Hit> contexts, Contexts(root));
    for (const Hit& ctx : contexts) {
      if (map_.shape == "competencies-with-levels") {
        LADDER_TRY_STATUS(CompetenciesWithLevels(ctx, out.matrix));
      } else if (map_.shape == "levels-with-competencies") {
        LADDER_TRY_STATUS(LevelsWithCompetencies(ctx, out.matrix));
      } else if (map_.shape == "level-keys") {
        LADDER_TRY_STATUS(LevelKeys(ctx, out.matrix));
      } else if (map_.shape == "cells") {
        LADDER_TRY_STATUS(Cells(ctx, out.matrix));
      } else if (map_.shape == "levels") {
        LADDER_TRY_STATUS(LevelsOnly(ctx, out.matrix));
      } else {
        return Bad("shape", "unknown shape '" + map_.shape + "'");
      }
    }
    NumberNames(out.matrix);
    if (out.matrix.LevelCount() == 0) return Bad("levels", "the map finds no levels in this file");
    if (IsMap(t_, t_.root)) {
      for (const char* k : {"name", "title", "ladder", "framework"})
        if (auto n = Get(t_, t_.root, k); n && IsScalar(t_, *n) && out.matrix.name.empty())
          out.matrix.name = CleanName(Text(t_, *n));
      for (const char* k : {"summary", "description"})
        if (auto d = Get(t_, t_.root, k); d && IsScalar(t_, *d))
          out.matrix.description = Text(t_, *d);
    }
    out.words = MatrixWords(out.matrix) + text::CountWords(out.matrix.description);
    out.evidence = Evidence(out.matrix);
    return out;
  }

 private:
  std::unexpected<Error> Bad(const std::string& field, std::string message) const {
    return MakeError(ErrorCode::kInvalidArgument, std::move(message),
                     SourceLocation{std::string(file_), 0, 0}, "data." + field);
  }

  // The entries each track is read from: the root, or each track entry.
  Result<std::vector<Hit>> Contexts(const Hit& root) {
    if (map_.tracks.empty() || map_.tracks.starts_with("@")) return std::vector<Hit>{root};
    LADDER_TRY(std::vector<Hit> tracks, Resolve(t_, root, map_.tracks));
    if (tracks.empty()) return Bad("tracks", "the path '" + map_.tracks + "' selects nothing");
    return tracks;
  }

  // The track an entry belongs to.
  matrix::Track& TrackFor(const Hit& ctx, const Hit& entry, matrix::Matrix& m) {
    SourceLocation where{std::string(file_), At(t_, entry.node).line, 0};
    if (map_.tracks.starts_with("@")) {
      std::string field = map_.tracks.substr(1);
      std::string value;
      if (auto v = Get(t_, entry.node, field)) value = Text(t_, *v);
      if (value.empty()) return m.TrackNamed("", where);
      return m.TrackNamed(
          IsIdentifierLike(value) || IsNumber(value) ? Pretty(field) + " " + value : value, where);
    }
    if (!map_.tracks.empty()) return m.TrackNamed(EntryName(t_, ctx, map_.name), where);
    return m.TrackNamed("", where);
  }

  matrix::Level& LevelNamed(matrix::Track& track, const std::string& name, const Hit& at) {
    std::string key = Lower(text::CollapseSpace(name));
    auto& levels = level_index_[Lower(text::CollapseSpace(track.name))];
    if (auto it = levels.find(key); it != levels.end()) return track.levels[it->second];
    levels.emplace(key, track.levels.size());
    matrix::Level l;
    l.name = name;
    l.where = SourceLocation{std::string(file_), At(t_, at.node).line, 0};
    track.levels.push_back(std::move(l));
    return track.levels.back();
  }

  void Put(matrix::Level& level, int competency, matrix::Cell cell) {
    cell.where.file = std::string(file_);
    if (cell.Empty()) return;
    matrix::Cell& existing = level.cells[competency];
    if (existing.Empty()) {
      existing = std::move(cell);
      return;
    }
    if (!cell.summary.empty())
      existing.summary += (existing.summary.empty() ? "" : " ") + cell.summary;
    for (std::string& b : cell.behaviours) existing.behaviours.push_back(std::move(b));
  }

  // A level's name; "#N" when only a position or a number names it (NumberNames words it).
  std::string LevelName(const Hit& level, size_t index, std::string* used) {
    std::string name = EntryName(t_, level, map_.name, used);
    if (name.empty()) return "#" + std::to_string(index + 1);
    bool by_number = used->empty() || IsLevelWord(*used);
    if (by_number && IsNumber(name)) return "#" + name;
    return used->empty() ? Pretty(name) : name;  // a key: "basic" -> "Basic"
  }

  // The competency a competency entry names (its group from a `*` of the path or a category
  // key, its description), or -1 for what is not an entry. An entry whose name is computed by
  // code is kept as "Unnamed competency (N)" (its position), with a warning.
  int CompetencyOf(const Hit& comp, size_t position, matrix::Matrix& m) {
    if (!IsMap(t_, comp.node)) return -1;
    std::string name = EntryName(t_, comp, map_.name);
    if (name.empty()) {
      name = "Unnamed competency (" + std::to_string(position + 1) + ")";
      warnings_.push_back(
          {SourceLocation{std::string(file_), At(t_, comp.node).line, 0},
           "a competency without a name read from the file: kept as '" + name + "'"});
    }
    SourceLocation where{std::string(file_), At(t_, comp.node).line, 0};
    std::string group = GroupOf(comp, map_.competencies);
    for (const char* k : {"category", "group", "pillar", "domain", "department"})
      if (auto g = Get(t_, comp.node, k); g && group.empty() && IsScalar(t_, *g))
        group = Pretty(Text(t_, *g));
    // {"categories": [{"name": "Delivery", "skills": [...]}]}: the entry around it names it.
    if (group.empty() && comp.trail.size() >= 2 && IsMap(t_, comp.trail[comp.trail.size() - 2]))
      group = EntryName(t_, {comp.trail[comp.trail.size() - 2], "", {}, ""},
                        {"name", "title", "label", "displayName"});
    int c = m.CompetencyIndex(name, group, where);
    std::string& description = m.competencies[static_cast<size_t>(c)].description;
    for (const char* k : {"description", "summary"})
      if (auto d = Get(t_, comp.node, k); d && IsScalar(t_, *d) && description.empty())
        description = Text(t_, *d);
    return c;
  }

  Status CompetenciesWithLevels(const Hit& ctx, matrix::Matrix& m) {
    LADDER_TRY(std::vector<Hit> comps, Resolve(t_, ctx, map_.competencies));
    for (size_t k = 0; k < comps.size(); ++k) {
      const Hit& comp = comps[k];
      int c = CompetencyOf(comp, k, m);
      if (c < 0) continue;
      matrix::Track& track = TrackFor(ctx, comp, m);
      LADDER_TRY(std::vector<Hit> levels, Resolve(t_, comp, map_.levels));
      for (size_t i = 0; i < levels.size(); ++i) {
        std::string lused;
        std::string lname = LevelName(levels[i], i, &lused);
        std::set<std::string> skip = {lused, "id", "path", "slug", "category", "group"};
        Put(LevelNamed(track, lname, levels[i]), c, EntryCell(t_, levels[i].node, map_.text, skip));
      }
    }
    return Ok();
  }

  // Names of the entries of the file by their id ("c1" -> "Delivery"), for references.
  const std::map<std::string, std::string>& NamesById() {
    if (names_by_id_) return *names_by_id_;
    names_by_id_.emplace();
    for (uint32_t n = 0; n < t_.nodes.size(); ++n) {
      if (!IsMap(t_, n)) continue;
      auto id = Get(t_, n, "id");
      if (!id || !IsScalar(t_, *id)) continue;
      std::string name = EntryName(t_, {n, "", {}, ""}, {"name", "title", "label", "displayName"});
      if (!name.empty()) names_by_id_->emplace(Lower(Text(t_, *id)), name);
    }
    return *names_by_id_;
  }

  Status LevelsWithCompetencies(const Hit& ctx, matrix::Matrix& m) {
    LADDER_TRY(std::vector<Hit> levels, Resolve(t_, ctx, map_.levels));
    std::string comp_key = LastKey(map_.competencies);
    for (size_t i = 0; i < levels.size(); ++i) {
      const Hit& lh = levels[i];
      std::string used;
      std::string lname = LevelName(lh, i, &used);
      matrix::Track& track = TrackFor(ctx, lh, m);
      matrix::Level& level = LevelNamed(track, lname, lh);
      if (IsMap(t_, lh.node)) {
        std::set<std::string> skip = {used, "id", "path", "slug", comp_key};
        std::string first = text::Split(map_.competencies, '.').front();
        if (first.ends_with("[]")) first.resize(first.size() - 2);
        skip.insert(first);
        matrix::Cell own = EntryCell(t_, lh.node, {}, skip);
        if (!own.summary.empty()) level.summary += (level.summary.empty() ? "" : " ") + own.summary;
        if (!own.behaviours.empty() && level.summary.empty())
          level.summary = text::Join(own.behaviours, " ");
      }
      LADDER_TRY(std::vector<Hit> comps, Resolve(t_, lh, map_.competencies));
      for (const Hit& ch : comps) {
        SourceLocation where{std::string(file_), At(t_, ch.node).line, 0};
        if (IsScalar(t_, ch.node) && ch.key.empty()) {
          // A reference: "core-competencies/delivery/pr0" (a competency, the level expected).
          std::string ref = Text(t_, ch.node);
          if (auto named = NamesById().find(Lower(ref)); named != NamesById().end()) {
            matrix::Cell cell;
            cell.summary = "Expected";
            cell.where = where;
            Put(level, m.CompetencyIndex(named->second, "", where), std::move(cell));
            continue;
          }
          if (!IsIdentifierLike(ref)) continue;  // prose, not a reference to a competency
          std::vector<std::string> parts;
          for (const std::string& p : text::Split(ref, '/'))
            if (!text::Trim(p).empty()) parts.push_back(p);
          if (parts.empty()) continue;
          std::string cname = Pretty(parts.size() >= 2 ? parts[parts.size() - 2] : parts.back());
          std::replace(cname.begin(), cname.end(), '-', ' ');
          std::string group = parts.size() >= 3 ? Pretty(parts[parts.size() - 3]) : "";
          std::replace(group.begin(), group.end(), '-', ' ');
          int c = m.CompetencyIndex(cname, group, where);
          matrix::Cell cell;
          cell.summary = parts.size() >= 2 ? "Expected at " + parts.back() : "Expected";
          cell.where = where;
          Put(level, c, std::move(cell));
          continue;
        }
        std::string cused;
        std::string cname = EntryName(t_, ch, map_.name, &cused);
        if (!ch.key.empty() && !IsMap(t_, ch.node)) {
          auto named = NamesById().find(Lower(ch.key));
          cname = named != NamesById().end() ? named->second : CleanName(ch.key);
        }
        if (cname.empty()) continue;
        int c = m.CompetencyIndex(cname, GroupOf(ch, map_.competencies), where);
        if (IsScalar(t_, ch.node) && text::CountWords(Text(t_, ch.node)) <= 3) {
          // {"testing": "Practitioner"}: the step a level expects.
          matrix::Cell cell;
          cell.summary = "Expected: " + Text(t_, ch.node);
          cell.where = where;
          Put(level, c, std::move(cell));
          continue;
        }
        Put(level, c, EntryCell(t_, ch.node, map_.text, {cused, "id", "path", "slug"}));
      }
    }
    return Ok();
  }

  Status LevelKeys(const Hit& ctx, matrix::Matrix& m) {
    if (map_.level_keys.empty()) return Bad("level_keys", "say which keys are levels");
    LADDER_TRY(std::vector<Hit> comps, Resolve(t_, ctx, map_.competencies));
    for (size_t k = 0; k < comps.size(); ++k) {
      const Hit& comp = comps[k];
      int c = CompetencyOf(comp, k, m);
      if (c < 0) continue;
      matrix::Track& track = TrackFor(ctx, comp, m);
      for (const std::string& key : map_.level_keys) {
        matrix::Level& level = LevelNamed(track, Pretty(key), comp);
        if (auto v = Get(t_, comp.node, key)) Put(level, c, EntryCell(t_, *v, map_.text, {}));
      }
    }
    return Ok();
  }

  // Entries of a declared list (levels or competencies of a cells file) by their ids and names.
  struct Declared {
    std::vector<std::string> names;
    std::map<std::string, size_t> by_ref;  // id, key, name (lower case) -> index
    std::vector<std::string> descriptions;
  };
  Result<Declared> Declare(const std::string& path, const char* field) {
    Declared d;
    if (path.empty()) return d;
    LADDER_TRY(std::vector<Hit> entries, Resolve(t_, {t_.root, "", {}, "$"}, path));
    if (entries.empty()) return Bad(field, "the path '" + path + "' selects nothing");
    for (const Hit& e : entries) {
      std::string name = EntryName(t_, e, map_.name);
      if (name.empty()) continue;
      size_t index = d.names.size();
      d.names.push_back(name);
      std::string description;
      for (const char* k : {"summary", "description"})
        if (auto v = Get(t_, e.node, k); v && IsScalar(t_, *v)) description = Text(t_, *v);
      d.descriptions.push_back(description);
      d.by_ref.emplace(Lower(name), index);
      if (!e.key.empty()) d.by_ref.emplace(Lower(e.key), index);
      for (const char* k : {"id", "key", "slug", "code", "path"})
        if (auto v = Get(t_, e.node, k); v && IsScalar(t_, *v))
          d.by_ref.emplace(Lower(Text(t_, *v)), index);
    }
    return d;
  }

  Status Cells(const Hit& ctx, matrix::Matrix& m) {
    if (map_.level_key.empty() || map_.competency_key.empty())
      return Bad("level_key", "the cells shape needs level_key and competency_key");
    LADDER_TRY(Declared levels, Declare(map_.levels, "levels"));
    LADDER_TRY(Declared comps, Declare(map_.competencies, "competencies"));
    LADDER_TRY(std::vector<Hit> cells, Resolve(t_, ctx, map_.cells));
    for (size_t i = 0; i < comps.names.size(); ++i) {
      int c = m.CompetencyIndex(comps.names[i]);
      m.competencies[static_cast<size_t>(c)].description = comps.descriptions[i];
    }
    // Declared levels come first, in their order, in every track the cells name.
    for (const Hit& cell : cells) {
      if (!IsMap(t_, cell.node)) continue;
      auto lv = Get(t_, cell.node, map_.level_key);
      auto cv = Get(t_, cell.node, map_.competency_key);
      if (!lv || !cv) continue;
      std::string lref = Text(t_, *lv), cref = Text(t_, *cv);
      if (lref.empty() || cref.empty()) continue;
      auto li = levels.by_ref.find(Lower(lref));
      auto ci = comps.by_ref.find(Lower(cref));
      std::string lname = li != levels.by_ref.end() ? levels.names[li->second]
                          : IsNumber(lref)          ? "#" + lref
                                                    : Pretty(lref);
      std::string cname = ci != comps.by_ref.end() ? comps.names[ci->second] : Pretty(cref);
      matrix::Track& track = TrackFor(ctx, cell, m);
      if (track.levels.empty())
        for (const std::string& n : levels.names) LevelNamed(track, n, cell);
      SourceLocation where{std::string(file_), At(t_, cell.node).line, 0};
      int c = m.CompetencyIndex(cname, "", where);
      std::set<std::string> skip = {map_.level_key, map_.competency_key, "id", "path", "slug"};
      // Each entry is one statement of what the level expects: its summary is a behaviour.
      Put(LevelNamed(track, lname, cell), c,
          EntryCell(t_, cell.node, map_.text, skip, /*statement=*/true));
    }
    // Numbered levels in number order.
    for (matrix::Track& track : m.tracks) {
      if (std::all_of(track.levels.begin(), track.levels.end(), [](const matrix::Level& l) {
            return l.name.starts_with("#") && IsNumber(l.name.substr(1));
          }))
        std::stable_sort(track.levels.begin(), track.levels.end(),
                         [](const matrix::Level& a, const matrix::Level& b) {
                           return std::stoi(a.name.substr(1)) < std::stoi(b.name.substr(1));
                         });
    }
    return Ok();
  }

  Status LevelsOnly(const Hit& ctx, matrix::Matrix& m) {
    LADDER_TRY(std::vector<Hit> levels, Resolve(t_, ctx, map_.levels));
    for (size_t i = 0; i < levels.size(); ++i) {
      const Hit& lh = levels[i];
      std::string used;
      std::string lname = LevelName(lh, i, &used);
      matrix::Track& track = TrackFor(ctx, lh, m);
      matrix::Level& level = LevelNamed(track, lname, lh);
      if (!IsMap(t_, lh.node)) continue;
      const auto& items = At(t_, lh.node).items;
      for (size_t k = 0; k + 1 < items.size(); k += 2) {
        std::string key = At(t_, items[k]).value;
        uint32_t v = items[k + 1];
        if (key == used || key == "id" || key == "slug" || key == "path") continue;
        if (IsScalar(t_, v)) {
          std::string s = Text(t_, v);
          if (s.empty() || IsIdentifierLike(s)) continue;
          level.summary += (level.summary.empty() ? "" : " ") + s;
        } else {
          // A list of entries under a level is structure another shape reads (competencies),
          // not the text of one.
          bool entries = false;
          for (uint32_t item : At(t_, v).items) entries = entries || IsMap(t_, item);
          if (entries && IsSeq(t_, v)) continue;
          SourceLocation where{std::string(file_), At(t_, v).line, 0};
          Put(level, m.CompetencyIndex(Pretty(key), "", where), EntryCell(t_, v, map_.text, {}));
        }
      }
    }
    return Ok();
  }

  // Levels the file declares at its top ({"levels": [{"title": "Software Engineer", "summary":
  // ...}, ...]}) when another path reads the levels: they name levels known only by position.
  struct DeclaredLevel {
    std::string name;
    std::string summary;
  };
  std::vector<DeclaredLevel> TopLevels() const {
    std::vector<DeclaredLevel> out;
    if (!IsMap(t_, t_.root)) return out;
    for (const std::string& key : Keys(t_, t_.root)) {
      if (!IsLevelWord(key)) continue;
      auto list = Get(t_, t_.root, key);
      if (!list || !IsSeq(t_, *list)) continue;
      for (uint32_t item : At(t_, *list).items) {
        std::string name = EntryName(t_, {item, "", {}, ""}, map_.name);
        if (name.empty()) return {};
        std::string summary;
        for (const char* k : {"summary", "description"})
          if (auto v = Get(t_, item, k); v && IsScalar(t_, *v)) summary = Text(t_, *v);
        out.push_back({name, summary});
      }
      if (!out.empty()) return out;
    }
    return out;
  }

  // Levels named only by a position or a number: by the levels the file declares, else
  // "Milestone 3", "Level 2".
  void NumberNames(matrix::Matrix& m) {
    std::string word = Singular(map_.shape == "cells" ? map_.level_key : LastKey(map_.levels));
    std::vector<DeclaredLevel> declared =
        map_.shape == "competencies-with-levels" ? TopLevels() : std::vector<DeclaredLevel>{};
    for (matrix::Track& track : m.tracks) {
      bool positional = !track.levels.empty() && !declared.empty();
      for (const matrix::Level& l : track.levels) {
        positional = positional && l.name.starts_with("#") && IsNumber(l.name.substr(1)) &&
                     std::stoul(l.name.substr(1)) <= declared.size();
      }
      if (positional) {
        std::vector<matrix::Level> named;
        for (size_t i = 0; i < declared.size(); ++i) {
          matrix::Level l;
          l.name = declared[i].name;
          l.summary = declared[i].summary;
          l.where = track.where;
          for (matrix::Level& read : track.levels)
            if (read.name == "#" + std::to_string(i + 1)) {
              l.cells = std::move(read.cells);
              l.where = read.where;
            }
          named.push_back(std::move(l));
        }
        track.levels = std::move(named);
        continue;
      }
      for (matrix::Level& l : track.levels) {
        if (l.name.starts_with("#") && IsNumber(l.name.substr(1)))
          l.name = word + " " + l.name.substr(1);
      }
    }
  }

  int Evidence(const matrix::Matrix& m) const {
    std::vector<std::string> level_names, comp_names;
    for (const auto& track : m.tracks)
      for (const auto& l : track.levels) level_names.push_back(l.name);
    for (const auto& c : m.competencies) comp_names.push_back(c.name);
    auto share = [](const std::vector<std::string>& names) {
      if (names.empty()) return 0.0;
      int steps = 0;
      for (const std::string& n : names) steps += matrix::LooksLikeStep(n);
      return static_cast<double>(steps) / static_cast<double>(names.size());
    };
    std::string lk = map_.shape == "cells" ? map_.level_key : WordKey(map_.levels);
    std::string ck = map_.shape == "cells" ? map_.competency_key : WordKey(map_.competencies);
    int e = 0;
    if (map_.shape == "level-keys") lk.clear();
    if (IsLevelWord(lk)) e += 3;
    if (IsCompetencyWord(lk)) e -= 3;
    if (IsCompetencyWord(ck)) e += 2;
    if (IsLevelWord(ck)) e -= 2;
    e += static_cast<int>(4 * share(level_names) + 0.5);
    // Level names are names: a reading whose "levels" are sentences is reading text.
    int long_names = 0;
    for (const std::string& n : level_names) long_names += text::CountWords(n) > 6;
    if (long_names * 4 > static_cast<int>(level_names.size())) e -= 6;
    e -= static_cast<int>(3 * share(comp_names) + 0.5);
    if (map_.shape == "level-keys" && share(level_names) < 0.5) e -= 4;
    if (map_.shape == "levels" && m.competencies.empty() && share(level_names) < 0.5 &&
        !IsLevelWord(lk))
      e -= 4;
    size_t levels = m.LevelCount();
    if (levels < 2) e -= 2;
    if (levels > 40) e -= 4;           // 40 "levels" are rows of something else
    if (m.tracks.size() > 20) e -= 4;  // and so are 20 tracks
    return e;
  }

  const Tree& t_;
  const DataMap& map_;
  std::string_view file_;
  std::optional<std::map<std::string, std::string>> names_by_id_;
  // Per track (by name: TrackNamed keeps names unique), its levels by name.
  std::unordered_map<std::string, std::unordered_map<std::string, size_t>> level_index_;

 public:
  std::vector<ImportWarning> warnings_;  // said with the reading that is kept
};

}  // namespace

long Interpretation::Score() const {
  return static_cast<long>(words) * (4 + std::min(evidence, 8));
}

Result<Interpretation> Interpret(const Tree& tree, const DataMap& map, std::string_view file) {
  Reader reader(tree, map, file);
  LADDER_TRY(Interpretation out, reader.Run());
  out.warnings = std::move(reader.warnings_);
  return out;
}

std::optional<Interpretation> Guess(const Tree& tree, std::string_view file, bool closest) {
  std::optional<Interpretation> best;
  std::optional<Interpretation> near;
  for (const DataMap& map : CandidateMaps(tree)) {
    Result<Interpretation> r = Interpret(tree, map, file);
    if (!r || r->words == 0) continue;
    if (r->evidence < 1) {
      if (closest && (!near || r->evidence > near->evidence ||
                      (r->evidence == near->evidence && r->words > near->words)))
        near = std::move(*r);
      continue;
    }
    if (!best || r->Score() > best->Score()) best = std::move(*r);
  }
  if (!best) best = std::move(near);
  if (best) internal::AddRoles(tree, internal::FindCollections(tree), best->map, best->matrix);
  return best;
}

}  // namespace ladder::formats::data
