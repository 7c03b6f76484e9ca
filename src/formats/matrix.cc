#include "formats/matrix.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/text.h"
#include "formats/level_table.h"

namespace ladder::formats::matrix {
namespace {

std::string Clean(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

std::string Key(std::string_view s) { return text::ToLower(Clean(s)); }

std::string UniqueId(std::string base, std::set<std::string>& used) {
  if (base.empty()) base = "item";
  std::string id = base;
  for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

// "- x", "* x", "• x", "1. x", "2) x" -> "x"; other lines unchanged (and *bullet false).
std::string_view StripBullet(std::string_view line, bool* bullet) {
  static const std::string_view kMarks[] = {"- ",
                                            "* ",
                                            "+ ",
                                            "\xE2\x80\xA2",
                                            "\xC2\xB7",
                                            "\xE2\x80\x93 ",
                                            "\xE2\x80\x94 ",
                                            "\xE2\x97\x8B",
                                            "\xE2\x96\xAA"};
  *bullet = false;
  for (std::string_view m : kMarks) {
    if (line.starts_with(m)) {
      *bullet = true;
      return text::Trim(line.substr(m.size()));
    }
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 3 &&
         std::isdigit(static_cast<unsigned char>(line[digits])))
    ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    *bullet = true;
    return text::Trim(line.substr(digits + 2));
  }
  return line;
}

bool IsNumber(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  bool digit = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digit = true;
    else if (c != '.' && c != ',' && c != '-' && c != '+' && c != '%')
      return false;
  }
  return digit;
}

model::TrackKind KindOf(const std::string& name, std::string* id) {
  std::string lower = text::ToLower(name);
  if (lower == "ic" || lower.find("individual contributor") != std::string::npos) {
    *id = "ic";
    return model::TrackKind::kIc;
  }
  if (lower.find("manage") != std::string::npos) {
    *id = "management";
    return model::TrackKind::kManagement;
  }
  *id = text::Slugify(name);
  if (lower.find("core") != std::string::npos) return model::TrackKind::kCore;
  if (lower.find("alternative") != std::string::npos) return model::TrackKind::kAlternative;
  return model::TrackKind::kOther;
}

model::Level BuildLevel(Level& l, int rank, const std::vector<std::string>& competency_ids,
                        std::set<std::string>& codes) {
  model::Level out;
  std::vector<std::string> lines;
  for (const std::string& line : text::SplitLines(l.name))
    if (!Clean(line).empty()) lines.push_back(Clean(line));
  std::string name = lines.empty() ? "Level " + std::to_string(rank) : lines.front();
  if (!l.code.empty()) {
    out.code = Clean(l.code);
    out.title = lines.empty() ? "" : Clean(l.name);
  } else if (lines.size() > 1) {
    level_table::LevelName parsed = level_table::ParseLevelName(lines[0]);
    out.code = parsed.code;
    std::vector<std::string> rest(lines.begin() + 1, lines.end());
    out.title = text::Join(rest, " ");
  } else {
    level_table::LevelName parsed = level_table::ParseLevelName(name);
    // A code as the source writes it (IC3, E5 - Senior, Level 2 -> L2); a slug otherwise, so
    // "Play3r" stays play3r rather than a code it never was.
    bool upper = std::isupper(static_cast<unsigned char>(name[0])) &&
                 (name.size() < 2 || !std::islower(static_cast<unsigned char>(name[1])));
    bool code = !parsed.prefix.empty() && (parsed.prefix == "L" || upper);
    out.code = code ? parsed.code : text::Slugify(name);
    out.title = name == out.code ? "" : name;
  }
  for (char& c : out.code)
    if (std::isspace(static_cast<unsigned char>(c))) c = '-';
  out.code = UniqueId(out.code.empty() ? "L" + std::to_string(rank) : out.code, codes);
  out.rank = rank;
  out.summary = Clean(l.summary);
  out.attributes = std::move(l.attributes);
  out.origin.where = l.where;
  for (std::string& r : l.requirements)
    out.requirements.push_back({Clean(r), model::ManualRule{}, {l.where}});
  bool any_defined = false;
  for (auto& [index, cell] : l.cells) {
    if (cell.Empty()) continue;
    model::Expectation e;
    e.competency = competency_ids[static_cast<size_t>(index)];
    e.summary = Clean(cell.summary);
    e.behaviours = std::move(cell.behaviours);
    e.undefined = cell.undefined;
    e.note = cell.note;
    e.origin.where = cell.where;
    any_defined = any_defined || !e.undefined;
    out.expectations.push_back(std::move(e));
  }
  bool undefined_summary = !out.summary.empty() && level_table::IsUndefinedText(out.summary);
  if (!any_defined && (undefined_summary || !out.expectations.empty())) {
    out.state = model::LevelState::kUndefined;
    out.note = undefined_summary
                   ? out.summary
                   : (out.expectations.front().note.empty() ? "Not defined"
                                                            : out.expectations.front().note);
    if (undefined_summary) out.summary.clear();
  } else if (!any_defined && out.summary.empty() && out.requirements.empty()) {
    out.state = model::LevelState::kUndefined;
    out.note = "Nothing in the source describes this level.";
  }
  return out;
}

}  // namespace

int Matrix::CompetencyIndex(std::string_view competency, std::string_view group,
                            const SourceLocation& where) {
  std::string key = Key(competency) + '\x1f' + Key(group);
  if (auto it = index.find(key); it != index.end()) return it->second;
  competencies.push_back({Clean(competency), Clean(group), {}, where});
  int i = static_cast<int>(competencies.size() - 1);
  index.emplace(std::move(key), i);
  return i;
}

Track& Matrix::TrackNamed(std::string_view track, const SourceLocation& where) {
  std::string key = Key(track);
  if (auto it = track_index.find(key); it != track_index.end()) return tracks[it->second];
  track_index.emplace(std::move(key), tracks.size());
  tracks.push_back({Clean(track), {}, where});
  return tracks.back();
}

size_t Matrix::LevelCount() const {
  size_t n = 0;
  for (const Track& t : tracks) n += t.levels.size();
  return n;
}

Cell CellFromText(std::string_view raw, const SourceLocation& where) {
  Cell cell;
  cell.where = where;
  std::string_view trimmed = text::Trim(raw);
  if (trimmed.empty()) return cell;
  if (level_table::IsUndefinedText(trimmed.substr(0, trimmed.find('\n')))) {
    cell.undefined = true;
    cell.note = Clean(trimmed);
    return cell;
  }
  std::vector<std::string> lines;
  for (const std::string& line : text::SplitLines(trimmed))
    if (!text::Trim(line).empty()) lines.push_back(std::string(text::Trim(line)));
  bool any_bullet = false;
  for (const std::string& line : lines) {
    bool bullet = false;
    StripBullet(line, &bullet);
    any_bullet = any_bullet || bullet;
  }
  if (!any_bullet) {
    if (lines.size() == 1 && IsNumber(lines[0])) {
      cell.summary = lines[0];
      return cell;
    }
    for (const std::string& line : lines) cell.behaviours.push_back(Clean(line));
    return cell;
  }
  std::vector<std::string> summary;
  bool seen_bullet = false;
  for (const std::string& line : lines) {
    bool bullet = false;
    std::string_view item = StripBullet(line, &bullet);
    if (bullet) {
      seen_bullet = true;
      if (!item.empty()) cell.behaviours.push_back(Clean(item));
    } else if (!seen_bullet || cell.behaviours.empty()) {
      summary.push_back(Clean(line));
    } else {
      cell.behaviours.back() += " " + Clean(line);  // a bullet continued on the next line
    }
  }
  cell.summary = text::Join(summary, " ");
  return cell;
}

model::Framework Build(Matrix m, std::string_view source_name) {
  model::Framework f;
  std::string stem(source_name.substr(source_name.rfind('/') + 1));
  stem = stem.substr(0, stem.find('.'));
  f.name = Clean(m.name).empty() ? stem : Clean(m.name);
  f.id = text::Slugify(f.name);
  f.description = Clean(m.description);

  std::set<std::string> ids;
  std::vector<std::string> competency_ids;
  std::map<std::string, size_t> group_of;  // group key -> index in f.groups
  std::set<std::string> group_ids;
  for (Competency& c : m.competencies) {
    model::Competency out;
    out.id = UniqueId(text::Slugify(c.name), ids);
    out.name = c.name;
    out.description = Clean(c.description);
    out.origin.where = c.where;
    competency_ids.push_back(out.id);
    if (!Key(c.group).empty()) {
      auto [it, added] = group_of.emplace(Key(c.group), f.groups.size());
      if (added) {
        model::CompetencyGroup g;
        g.id = UniqueId(text::Slugify(c.group), group_ids);
        g.name = Clean(c.group);
        g.origin.where = c.where;
        f.groups.push_back(std::move(g));
      }
      f.groups[it->second].competencies.push_back(out.id);
    }
    f.competencies.push_back(std::move(out));
  }

  std::set<std::string> track_ids;
  for (Track& t : m.tracks) {
    if (t.levels.empty()) continue;
    model::Track track;
    std::string id;
    track.name = t.name.empty() ? "Levels" : t.name;
    track.kind = t.name.empty() ? model::TrackKind::kOther : KindOf(t.name, &id);
    track.id = UniqueId(t.name.empty() ? "levels" : id, track_ids);
    track.origin.where = t.where;
    std::set<std::string> codes;
    int rank = 0;
    for (Level& l : t.levels) track.levels.push_back(BuildLevel(l, ++rank, competency_ids, codes));
    f.tracks.push_back(std::move(track));
  }
  f.notes = std::move(m.notes);
  std::set<std::string> role_ids;
  for (model::RoleProfile& r : m.roles) {
    r.id = UniqueId(text::Slugify(r.title), role_ids);
    f.roles.push_back(std::move(r));
  }
  return f;
}

bool LooksLikeStep(std::string_view raw) {
  std::string name = Key(raw);
  if (name.empty() || name.size() > 40) return false;
  if (level_table::LooksLikeLevel(name)) return true;
  static const std::set<std::string> kSteps = {"awareness",
                                               "aware",
                                               "basic",
                                               "beginner",
                                               "novice",
                                               "learning",
                                               "learner",
                                               "foundational",
                                               "foundation",
                                               "developing",
                                               "emerging",
                                               "competent",
                                               "capable",
                                               "proficient",
                                               "practitioner",
                                               "intermediate",
                                               "advanced",
                                               "skilled",
                                               "experienced",
                                               "established",
                                               "expert",
                                               "master",
                                               "mastering",
                                               "mastery",
                                               "leading",
                                               "exemplary",
                                               "working knowledge",
                                               "low",
                                               "medium",
                                               "high",
                                               "elementary",
                                               "fundamental",
                                               "fundamentals",
                                               "entry",
                                               "advanced beginner",
                                               "specialist",
                                               "authority"};
  return kSteps.count(name) > 0;
}

}  // namespace ladder::formats::matrix
