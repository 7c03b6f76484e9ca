#include "formats/level_pages_export.h"

#include <algorithm>
#include <map>

#include "base/text.h"

namespace ladder::formats {
namespace {

using model::Framework;
using model::Level;
using model::Track;

// The heading of a checkpoints section: the reader reads its items as requirements.
constexpr std::string_view kCheckpoints = "Checkpoints for reaching this level";

// A level shown on a page: its name and, per section, its cell (Markdown; "" when empty).
struct Column {
  const Level* level = nullptr;
  bool current = false;
};

std::string Quoted(std::string_view value) {
  if (value.find('"') == std::string_view::npos && value.find('\\') == std::string_view::npos)
    return "\"" + std::string(value) + "\"";
  if (value.find('\'') == std::string_view::npos) return "'" + std::string(value) + "'";
  return std::string(value);
}

std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += "- " + OneLine(i) + "\n";
  return out;
}

// "(Individual Contributor Path)": the reader takes a track from a parenthetical that names a
// path, track or ladder, and holds no parentheses of its own (they are dropped:
// "Alternative Path (optional)" is written "Alternative Path optional").
std::string TrackSuffix(const Track& track) {
  std::string name = OneLine(track.DisplayName());
  std::erase_if(name, [](char c) { return c == '(' || c == ')'; });
  name = OneLine(name);
  std::string lower = text::ToLower(name);
  for (std::string_view word : {"path", "track", "ladder"})
    if (lower.find(word) != std::string::npos) return name;
  return name + " Path";
}

class Writer {
 public:
  explicit Writer(const Framework& fw) : fw_(fw) { NameLevels(); }

  LayoutExport Run() {
    LayoutExport out;
    size_t total = 0;
    for (const Track& t : fw_.tracks) total += t.levels.size();
    const size_t width = std::max<size_t>(2, std::to_string(total).size());
    size_t n = 0;
    for (const Track& t : fw_.tracks) {
      for (size_t i = 0; i < t.levels.size(); ++i) {
        std::string number = std::to_string(++n);
        number.insert(0, width - number.size(), '0');
        out.files.push_back(
            {number + "-" + text::Slugify(t.id) + "-" + text::Slugify(t.levels[i].code) + ".md",
             Page(t, i, n)});
      }
    }
    CountLeftOut(out.left_out);
    return out;
  }

 private:
  // Level names must tell levels apart: the reader merges pages by the names they show.
  void NameLevels() {
    std::map<std::string, int> uses;
    for (const Track& t : fw_.tracks)
      for (const Level& l : t.levels) ++uses[LevelName(l)];
    for (const Track& t : fw_.tracks) {
      for (const Level& l : t.levels) {
        std::string name = LevelName(l);
        names_[&l] = uses[name] > 1 ? name + " (" + l.code + ")" : name;
      }
    }
  }

  // Attribute keys written, in order of first appearance in the track. The level-pages
  // reader's own record of a level's page is not an attribute of the level.
  std::vector<std::string> AttributeKeys(const Track& track) const {
    std::vector<std::string> keys;
    for (const Level& l : track.levels) {
      for (const auto& [k, v] : l.attributes) {
        if (DescribesSourceDocument(fw_, k)) continue;
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
      }
    }
    return keys;
  }

  static std::string AttributeOf(const Level& level, const std::string& key) {
    for (const auto& [k, v] : level.attributes)
      if (k == key) return v;
    return {};
  }

  static std::string BehavioursOf(const Level& level, const std::string& competency) {
    const model::Expectation* e = level.FindExpectation(competency);
    if (e == nullptr || e->undefined) return {};
    return List(e->behaviours);
  }

  static std::string RequirementsOf(const Level& level) {
    std::vector<std::string> texts;
    for (const model::Requirement& r : level.requirements) texts.push_back(r.text);
    return List(texts);
  }

  // A cell's opening tag; the page's own level is bold.
  static std::string Td(bool current, bool markdown) {
    std::string out = "<td";
    if (markdown) out += "  markdown=\"1\"";
    if (current) out += " style=\"font-weight:bold\"";
    return out + ">";
  }

  // Names in one row, values in the next: for short values (attributes).
  std::string Horizontal(const std::vector<Column>& columns,
                         const std::vector<std::string>& values) const {
    std::string out = "<table  markdown=\"1\">\n<tr>\n";
    for (const Column& c : columns)
      out += Td(c.current, false) + "\n\n" + names_.at(c.level) + "\n\n</td>\n";
    out += "</tr>\n<tr>\n";
    for (size_t i = 0; i < columns.size(); ++i)
      out += Td(columns[i].current, true) + "\n\n" + values[i] + "\n\n</td>\n";
    return out + "</tr>\n</table>\n";
  }

  // Name row, content row, for each level in turn: for lists (behaviours, checkpoints).
  std::string Vertical(const std::vector<Column>& columns,
                       const std::vector<std::string>& values) const {
    std::string out = "<table  markdown=\"1\">\n";
    for (size_t i = 0; i < columns.size(); ++i) {
      const Column& c = columns[i];
      out += "<tr>" + Td(c.current, false) + "\n\n" + names_.at(c.level) + "\n\n</td></tr>\n";
      out += "<tr>" + Td(c.current, true) + "\n\n" + values[i] + "\n</td></tr>\n";
    }
    return out + "</table>\n";
  }

  // A section is written when one of the page's levels has something for it, or when `always`.
  // Returns whether it was written.
  template <typename ValueOf>
  bool Section(std::string& out, std::string_view heading, const std::vector<Column>& columns,
               bool vertical, ValueOf value_of, bool always = false) const {
    std::vector<std::string> values;
    bool any = false;
    for (const Column& c : columns) {
      values.push_back(value_of(*c.level));
      any = any || !text::Trim(values.back()).empty();
    }
    if (!any && !always) return false;
    out += "\n### " + std::string(heading) + "\n";
    out += vertical ? Vertical(columns, values) : Horizontal(columns, values);
    return true;
  }

  std::string Page(const Track& track, size_t index, size_t order) const {
    const Level& level = track.levels[index];
    std::vector<Column> columns;
    if (index > 0) columns.push_back({&track.levels[index - 1], false});
    columns.push_back({&level, true});
    if (index + 1 < track.levels.size()) columns.push_back({&track.levels[index + 1], false});
    const std::string& name = names_.at(&level);
    std::string out =
        "---\ntitle: " + Quoted(name) + "\nlayout: level\ntrack: " + Quoted(track.id) +
        "\nlevel: " + Quoted(level.code) + "\norder: " + std::to_string(order) + "\n---\n\n";
    out += "# " + name + " (" + TrackSuffix(track) + ")\n";
    bool any = false;
    for (const std::string& key : AttributeKeys(track))
      any |= Section(out, AttributeHeading(key), columns, false,
                     [&](const Level& l) { return AttributeOf(l, key); });
    // A page shows its level beside its neighbours even when none of them has content yet (a
    // level not defined so far): its competencies' tables, empty.
    for (bool always : {false, true}) {
      for (const model::Competency& c : fw_.competencies)
        any |= Section(
            out, OneLine(c.DisplayName()), columns, true,
            [&](const Level& l) { return BehavioursOf(l, c.id); }, always);
      if (any) break;
    }
    Section(out, kCheckpoints, columns, true, [](const Level& l) { return RequirementsOf(l); });
    return out;
  }

  void CountLeftOut(std::vector<std::string>& left_out) const {
    size_t summaries = 0, undefined_levels = 0, undefined_cells = 0, cell_summaries = 0,
           cell_notes = 0, level_notes = 0;
    for (const Track& t : fw_.tracks) {
      for (const Level& l : t.levels) {
        if (!l.summary.empty()) ++summaries;
        if (l.state == model::LevelState::kUndefined) ++undefined_levels;
        if (!l.note.empty()) ++level_notes;
        for (const model::Expectation& e : l.expectations) {
          if (e.undefined) ++undefined_cells;
          if (!e.summary.empty()) ++cell_summaries;
          if (!e.note.empty()) ++cell_notes;
        }
      }
    }
    LeaveOut(left_out, summaries, "level summaries");
    LeaveOut(left_out, undefined_levels, "undefined states of levels");
    LeaveOut(left_out, level_notes, "level notes");
    LeaveOut(left_out, undefined_cells, "undefined cells");
    LeaveOut(left_out, cell_summaries, "cell summaries");
    LeaveOut(left_out, cell_notes, "cell notes");
    LeaveOutProse(fw_, left_out);
  }

  const Framework& fw_;
  std::map<const Level*, std::string> names_;
};

}  // namespace

Result<LayoutExport> ExportLevelPages(const model::Framework& framework) {
  LADDER_TRY_STATUS(RequireLevels(framework, "set of level pages"));
  return Writer(framework).Run();
}

}  // namespace ladder::formats
