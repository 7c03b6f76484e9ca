// The level page: the previous, current and next level side by side, section by section, with
// what each level adds to the one before it marked.
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

  const int cols[3] = {fe.Previous(index), static_cast<int>(index), fe.Next(index)};
  const char* roles[3] = {"Previous level", "This level", "Next level"};
  Data columns = List();
  std::vector<const model::Level*> levels;
  for (int k = 0; k < 3; ++k) {
    Data col = Object();
    Set(col, "role", roles[k]);
    Set(col, "current", k == 1);
    if (cols[k] < 0) {
      Set(col, "absent", true);
      Set(col, "label", k == 0 ? "None: this is the first level" : "None: this is the last level");
      levels.push_back(nullptr);
    } else {
      const model::Level& l = *fe.levels[cols[k]].level;
      Set(col, "label", LevelLabel(l));
      Set(col, "href", Href(root, fe.levels[cols[k]].path));
      Set(col, "undefined", l.state == model::LevelState::kUndefined);
      levels.push_back(&l);
    }
    Append(columns, std::move(col));
  }
  Set(d, "columns", std::move(columns));
  if (cols[0] >= 0) {
    Set(d, "prev_href", Href(root, fe.levels[cols[0]].path));
    Set(d, "prev_label", LevelLabel(*fe.levels[cols[0]].level));
    Set(d, "compare_prev_href", Href(root, ComparePath(fe, static_cast<size_t>(cols[0]), index)));
  }
  if (cols[2] >= 0) {
    Set(d, "next_href", Href(root, fe.levels[cols[2]].path));
    Set(d, "next_label", LevelLabel(*fe.levels[cols[2]].level));
    Set(d, "compare_next_href", Href(root, ComparePath(fe, index, static_cast<size_t>(cols[2]))));
  }

  Data rowgroups = List();
  {
    Data rows = List();
    bool any_summary = false;
    Data summary = Object();
    Set(summary, "label", "Summary");
    Set(summary, "anchor", "summary");
    Set(summary, "description_html", false);
    Data cells = List();
    for (int k = 0; k < 3; ++k) {
      Data c = LevelOnlyCell(cols[k], k == 1);
      if (levels[k]) {
        any_summary = any_summary || !levels[k]->summary.empty();
        Set(c, "html", Text(site.BlockHtml(levels[k]->summary)));
        if (levels[k]->state == model::LevelState::kUndefined) {
          Set(c, "undefined", true);
          Set(c, "note", levels[k]->note.empty() ? std::string("Not defined") : levels[k]->note);
        }
      }
      Append(cells, std::move(c));
    }
    Set(summary, "cells", std::move(cells));
    if (any_summary) Append(rows, std::move(summary));
    for (const std::string& key : AttributeKeys(levels)) {
      Data row = Object();
      Set(row, "label", AttributeLabel(key));
      Set(row, "anchor", "a-" + text::Slugify(key));
      Set(row, "description_html", false);
      Data acells = List();
      for (int k = 0; k < 3; ++k) {
        Data c = LevelOnlyCell(cols[k], k == 1);
        if (levels[k]) Set(c, "html", Text(site.BlockHtml(AttributeValue(*levels[k], key))));
        Append(acells, std::move(c));
      }
      Set(row, "cells", std::move(acells));
      Append(rows, std::move(row));
    }
    if (!rows.is_empty_list()) {
      Data group = Object();
      Set(group, "name", Text("The level"));
      Set(group, "rows", std::move(rows));
      Append(rowgroups, std::move(group));
    }
  }
  int new_count = 0, inherited_blocks = 0;
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    Set(group, "name", Text(g.name.empty() ? std::string("Competencies") : g.name));
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = Object();
      Set(row, "label", c->name);
      Set(row, "anchor", "c-" + text::Slugify(c->id));
      Set(row, "description_html", Text(site.InlineHtml(c->description)));
      Data cells = List();
      for (int k = 0; k < 3; ++k)
        Append(cells, CompetencyCell(site, fe, cols[k], cols[k] >= 0 ? &fe.news[cols[k]] : nullptr,
                                     *c, k == 1, new_count, inherited_blocks));
      Set(row, "cells", std::move(cells));
      Append(rows, std::move(row));
    }
    Set(group, "rows", std::move(rows));
    Append(rowgroups, std::move(group));
  }
  {
    bool any = false;
    Data row = Object();
    Set(row, "label", "Requirements to reach the level");
    Set(row, "anchor", "requirements");
    Set(row, "description_html", false);
    Data cells = List();
    for (int k = 0; k < 3; ++k) {
      Data c = LevelOnlyCell(cols[k], k == 1);
      if (levels[k]) {
        any = any || !levels[k]->requirements.empty();
        SetList(c, "requirements", Requirements(levels[k]->requirements));
      }
      Append(cells, std::move(c));
    }
    Set(row, "cells", std::move(cells));
    if (any) {
      Data group = Object();
      Set(group, "name", Text("Requirements"));
      Data rows = List();
      Append(rows, std::move(row));
      Set(group, "rows", std::move(rows));
      Append(rowgroups, std::move(group));
    }
  }
  Set(d, "rowgroups", std::move(rowgroups));
  Set(d, "new_count", Count(new_count, "behaviour is", "behaviours are"));
  Set(d, "has_new", new_count > 0);
  Set(d, "has_inherited", inherited_blocks > 0);  // the button that opens them all

  Data overlays = List();
  for (const model::OverlayRole& o : fw.overlays) {
    bool here = o.levels.empty();
    for (const std::string& ref : o.levels) {
      auto [t, l] = fw.ResolveLevel(ref, le.track->id);
      here = here || l == &level;
    }
    if (!here) continue;
    Data od = Object();
    Set(od, "name", Text(o.name));
    Set(od, "href", Href(root, fe.IndexPath() + "#overlay-" + text::Slugify(o.id)));
    Append(overlays, std::move(od));
  }
  SetList(d, "overlays", std::move(overlays));
  SetLanguages(site, fe, static_cast<int>(index), root, d);
  return FrameworkHtmlPage(fe, RenderTemplate("level", d));
}

}  // namespace ladder::render::internal
