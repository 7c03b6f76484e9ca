// The level page: the previous, current and next level side by side, section by section, with
// what each level adds to the one before it marked.
#include <functional>
#include <optional>
#include <set>

#include "analysis/diff.h"
#include "base/text.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render::internal {
namespace {

// One column's cell for a competency, with the marks of analysis::NewAtLevel: behaviours the
// level inherits listed as inherited, and what it adds to the level before it marked new or
// reworded (nothing is marked at the first level of a track: it has nothing to be compared with).
Data CompetencyCell(const Site::Impl& site, const FrameworkEntry& fe, int i,
                    const analysis::LevelNews* news, const model::Competency& c, bool current,
                    int& new_count, int& inherited_blocks) {
  Data cell = Object();
  Set(cell, "current", current);
  Set(cell, "absent", i < 0);
  if (i < 0) return cell;
  const model::Level& level = *fe.levels[i].level;
  const model::Expectation* ex = level.FindExpectation(c.id);
  bool undefined = level.state == model::LevelState::kUndefined || (ex && ex->undefined);
  Set(cell, "undefined", undefined);
  if (undefined) {
    std::string note = ex && !ex->note.empty() ? ex->note : level.note;
    Set(cell, "note", note.empty() ? std::string("Not defined") : note);
  }
  Set(cell, "summary_html", Text(ex ? site.InlineHtml(ex->summary) : std::string()));
  const analysis::MarkedCompetency* marked = nullptr;
  if (news)
    for (const analysis::MarkedCompetency& mc : news->competencies)
      if (mc.competency == c.id) marked = &mc;
  bool has_previous = news && news->previous.has_value();
  Data behaviours = List();
  Data inherited = List();
  if (marked) {
    for (const analysis::MarkedBehaviour& mb : marked->behaviours) {
      Data b = Object();
      Set(b, "html", Text(site.InlineHtml(mb.text)));
      if (mb.mark == analysis::Mark::kInherited) {
        Set(b, "from", mb.from_level);
        Append(inherited, std::move(b));
        continue;
      }
      bool is_new = has_previous && mb.mark == analysis::Mark::kNew;
      bool changed = has_previous && mb.mark == analysis::Mark::kChanged;
      Set(b, "new", is_new);
      Set(b, "changed", changed);
      if (changed) Set(b, "before", mb.previous);
      if (current && (is_new || changed)) ++new_count;
      Append(behaviours, std::move(b));
    }
  } else if (ex) {
    behaviours = Behaviours(site, ex->behaviours);
  }
  SetList(cell, "behaviours", std::move(behaviours));
  if (!inherited.is_empty_list()) ++inherited_blocks;
  SetList(cell, "inherited", std::move(inherited));
  return cell;
}

Data LevelOnlyCell(int i, bool current) {
  Data cell = Object();
  Set(cell, "current", current);
  Set(cell, "absent", i < 0);
  return cell;
}

// The three columns of a level page: the previous level, this one and the next (-1 and
// nullptr where there is none).
struct Columns {
  int index[3];
  const model::Level* level[3];
};

Columns ColumnsOf(const FrameworkEntry& fe, size_t index) {
  Columns c{{fe.Previous(index), static_cast<int>(index), fe.Next(index)}, {}};
  for (int k = 0; k < 3; ++k) c.level[k] = c.index[k] < 0 ? nullptr : fe.levels[c.index[k]].level;
  return c;
}

// The column headings, and the links to the levels around this one and their comparisons.
void SetColumnHeads(const FrameworkEntry& fe, size_t index, const Columns& cols,
                    const std::string& root, Data& d) {
  const char* roles[3] = {"Previous level", "This level", "Next level"};
  Data columns = List();
  for (int k = 0; k < 3; ++k) {
    Data col = Object();
    Set(col, "role", roles[k]);
    Set(col, "current", k == 1);
    if (!cols.level[k]) {
      Set(col, "absent", true);
      Set(col, "label", k == 0 ? "None: this is the first level" : "None: this is the last level");
    } else {
      Set(col, "label", LevelLabel(*cols.level[k]));
      Set(col, "href", Href(root, fe.levels[cols.index[k]].path));
      Set(col, "undefined", cols.level[k]->state == model::LevelState::kUndefined);
    }
    Append(columns, std::move(col));
  }
  Set(d, "columns", std::move(columns));
  if (int prev = cols.index[0]; prev >= 0) {
    Set(d, "prev_href", Href(root, fe.levels[prev].path));
    Set(d, "prev_label", LevelLabel(*fe.levels[prev].level));
    Set(d, "compare_prev_href", Href(root, ComparePath(fe, static_cast<size_t>(prev), index)));
  }
  if (int next = cols.index[2]; next >= 0) {
    Set(d, "next_href", Href(root, fe.levels[next].path));
    Set(d, "next_label", LevelLabel(*fe.levels[next].level));
    Set(d, "compare_next_href", Href(root, ComparePath(fe, index, static_cast<size_t>(next))));
  }
}

// A row of the table with a cell per column from `fill` (which may leave a cell as it is).
Data Row(std::string label, std::string anchor, const Columns& cols,
         const std::function<void(const model::Level&, Data&)>& fill) {
  Data row = Object();
  Set(row, "label", std::move(label));
  Set(row, "anchor", std::move(anchor));
  Set(row, "description_html", false);
  Data cells = List();
  for (int k = 0; k < 3; ++k) {
    Data c = LevelOnlyCell(cols.index[k], k == 1);
    if (cols.level[k]) fill(*cols.level[k], c);
    Append(cells, std::move(c));
  }
  Set(row, "cells", std::move(cells));
  return row;
}

// "The level": its summary (when any level shown has one) and its attributes; nullopt when
// there is neither.
std::optional<Data> LevelGroup(const Site::Impl& site, const Columns& cols) {
  Data rows = List();
  bool any_summary = false;
  Data summary = Row("Summary", "summary", cols, [&](const model::Level& l, Data& c) {
    any_summary = any_summary || !l.summary.empty();
    Set(c, "html", Text(site.BlockHtml(l.summary)));
    if (l.state == model::LevelState::kUndefined) {
      Set(c, "undefined", true);
      Set(c, "note", l.note.empty() ? std::string("Not defined") : l.note);
    }
  });
  if (any_summary) Append(rows, std::move(summary));
  std::vector<const model::Level*> levels(std::begin(cols.level), std::end(cols.level));
  for (const std::string& key : AttributeKeys(levels))
    Append(rows, Row(AttributeLabel(key), "a-" + text::Slugify(key), cols,
                     [&](const model::Level& l, Data& c) {
                       Set(c, "html", Text(site.BlockHtml(AttributeValue(l, key))));
                     }));
  if (rows.is_empty_list()) return std::nullopt;
  return RowGroup("The level", std::move(rows));
}

// A group per competency group, a row per competency, with what is new counted for the page.
void CompetencyGroups(const Site::Impl& site, const FrameworkEntry& fe, const Columns& cols,
                      Data& rowgroups, int& new_count, int& inherited_blocks) {
  for (const Group& g : Groups(fe.fw)) {
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = Object();
      Set(row, "label", c->name);
      Set(row, "anchor", "c-" + text::Slugify(c->id));
      Set(row, "description_html", Text(site.InlineHtml(c->description)));
      Data cells = List();
      for (int k = 0; k < 3; ++k) {
        int i = cols.index[k];
        Append(cells, CompetencyCell(site, fe, i, i >= 0 ? &fe.news[i] : nullptr, *c, k == 1,
                                     new_count, inherited_blocks));
      }
      Set(row, "cells", std::move(cells));
      Append(rows, std::move(row));
    }
    Append(rowgroups,
           RowGroup(g.name.empty() ? std::string("Competencies") : g.name, std::move(rows)));
  }
}

// "Requirements to reach the level", when any level shown lists one.
std::optional<Data> RequirementsGroup(const Columns& cols) {
  bool any = false;
  Data row = Row("Requirements to reach the level", "requirements", cols,
                 [&](const model::Level& l, Data& c) {
                   any = any || !l.requirements.empty();
                   SetList(c, "requirements", Requirements(l.requirements));
                 });
  if (!any) return std::nullopt;
  Data rows = List();
  Append(rows, std::move(row));
  return RowGroup("Requirements", std::move(rows));
}

// The overlay roles open at `level`, linked to their place on the framework's page.
Data OverlaysAt(const FrameworkEntry& fe, const LevelEntry& le, const std::string& root) {
  const model::Framework& fw = fe.fw;
  Data overlays = List();
  for (const model::OverlayRole& o : fw.overlays) {
    bool here = o.levels.empty();
    for (const std::string& ref : o.levels) {
      auto [t, l] = fw.ResolveLevel(ref, le.track->id);
      here = here || l == le.level;
    }
    if (!here) continue;
    Data od = Object();
    Set(od, "name", Text(o.name));
    Set(od, "href", Href(root, fe.IndexPath() + "#overlay-" + text::Slugify(o.id)));
    Append(overlays, std::move(od));
  }
  return overlays;
}

}  // namespace

Result<Page> LevelPage(const Site::Impl& site, const FrameworkEntry& fe, size_t index,
                       std::string_view path) {
  const model::Framework& fw = fe.fw;
  const LevelEntry& le = fe.levels[index];
  const model::Level& level = *le.level;
  std::string root = RootOf(path);
  Data d = PageData(site, path, LevelLabel(level) + " — " + fw.name);
  Set(d, "fw", FrameworkHeader(fe, root));
  Set(d, "track", le.track->name);
  Set(d, "code", level.code);
  Set(d, "label", LevelLabel(level));
  Set(d, "level_undefined", level.state == model::LevelState::kUndefined);
  Set(d, "level_note", level.note.empty() ? std::string("Not defined") : level.note);
  Set(d, "cumulative", fw.cumulative || !level.inherits.empty());
  Set(d, "jd_href", Href(root, JdPath(le)));
  Set(d, "guide_href", Href(root, GuidePath(le)));
  Columns cols = ColumnsOf(fe, index);
  SetColumnHeads(fe, index, cols, root, d);

  Data rowgroups = List();
  if (std::optional<Data> group = LevelGroup(site, cols)) Append(rowgroups, std::move(*group));
  int new_count = 0, inherited_blocks = 0;
  CompetencyGroups(site, fe, cols, rowgroups, new_count, inherited_blocks);
  if (std::optional<Data> group = RequirementsGroup(cols)) Append(rowgroups, std::move(*group));
  Set(d, "rowgroups", std::move(rowgroups));
  Set(d, "new_count", Count(new_count, "behaviour is", "behaviours are"));
  Set(d, "has_new", new_count > 0);
  Set(d, "has_inherited", inherited_blocks > 0);  // the button that opens them all
  SetList(d, "overlays", OverlaysAt(fe, le, root));
  SetLanguages(site, fe, static_cast<int>(index), root, d);
  return FrameworkHtmlPage(fe, RenderTemplate("level", d));
}

}  // namespace ladder::render::internal
