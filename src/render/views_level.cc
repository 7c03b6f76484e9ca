// The level page: the previous, current and next level side by side, section by section, with
// what each level adds to the one before it marked.
#include <optional>
#include <set>

#include "analysis/diff.h"
#include "base/text.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

// One column's cell for a competency, with the marks of analysis::NewAtLevel: behaviours the
// level inherits listed as inherited, and what it adds to the level before it marked new or
// reworded (nothing is marked at the first level of a track: it has nothing to be compared with).
Data CompetencyCell(const Site::Impl& site, const FrameworkEntry& fe, int i,
                    const analysis::LevelNews* news, const model::Competency& c, bool current,
                    int& new_count) {
  Data cell = Object();
  cell.set("current", current);
  cell.set("absent", i < 0);
  if (i < 0) return cell;
  const model::Level& level = *fe.levels[i].level;
  const model::Expectation* ex = level.FindExpectation(c.id);
  bool undefined = level.state == model::LevelState::kUndefined || (ex && ex->undefined);
  cell.set("undefined", undefined);
  if (undefined) {
    std::string note = ex && !ex->note.empty() ? ex->note : level.note;
    cell.set("note", note.empty() ? std::string("Not defined") : note);
  }
  cell.set("summary_html", Text(ex ? site.InlineHtml(ex->summary) : std::string()));
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
      b.set("html", Text(site.InlineHtml(mb.text)));
      if (mb.mark == analysis::Mark::kInherited) {
        b.set("from", mb.from_level);
        inherited.push_back(b);
        continue;
      }
      bool is_new = has_previous && mb.mark == analysis::Mark::kNew;
      bool changed = has_previous && mb.mark == analysis::Mark::kChanged;
      b.set("new", is_new);
      b.set("changed", changed);
      if (changed) b.set("before", mb.previous);
      if (current && (is_new || changed)) ++new_count;
      behaviours.push_back(b);
    }
  } else if (ex) {
    behaviours = Behaviours(site, ex->behaviours);
  }
  SetList(cell, "behaviours", behaviours);
  SetList(cell, "inherited", inherited);
  return cell;
}

Data LevelOnlyCell(int i, bool current) {
  Data cell = Object();
  cell.set("current", current);
  cell.set("absent", i < 0);
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
  d.set("fw", FrameworkHeader(fe, root));
  d.set("track", le.track->name);
  d.set("code", level.code);
  d.set("label", LevelLabel(level));
  d.set("level_undefined", level.state == model::LevelState::kUndefined);
  d.set("level_note", level.note.empty() ? std::string("Not defined") : level.note);
  d.set("cumulative", fw.cumulative || !level.inherits.empty());

  const int cols[3] = {fe.Previous(index), static_cast<int>(index), fe.Next(index)};
  const char* roles[3] = {"Previous level", "This level", "Next level"};
  Data columns = List();
  std::vector<const model::Level*> levels;
  for (int k = 0; k < 3; ++k) {
    Data col = Object();
    col.set("role", roles[k]);
    col.set("current", k == 1);
    if (cols[k] < 0) {
      col.set("absent", true);
      col.set("label", k == 0 ? "None: this is the first level" : "None: this is the last level");
      levels.push_back(nullptr);
    } else {
      const model::Level& l = *fe.levels[cols[k]].level;
      col.set("label", LevelLabel(l));
      col.set("href", Href(root, fe.levels[cols[k]].path));
      col.set("undefined", l.state == model::LevelState::kUndefined);
      levels.push_back(&l);
    }
    columns.push_back(col);
  }
  d.set("columns", columns);
  if (cols[0] >= 0) {
    d.set("prev_href", Href(root, fe.levels[cols[0]].path));
    d.set("prev_label", LevelLabel(*fe.levels[cols[0]].level));
    d.set("compare_prev_href", Href(root, ComparePath(fe, static_cast<size_t>(cols[0]), index)));
  }
  if (cols[2] >= 0) {
    d.set("next_href", Href(root, fe.levels[cols[2]].path));
    d.set("next_label", LevelLabel(*fe.levels[cols[2]].level));
    d.set("compare_next_href", Href(root, ComparePath(fe, index, static_cast<size_t>(cols[2]))));
  }

  Data rowgroups = List();
  {
    Data rows = List();
    bool any_summary = false;
    Data summary = Object();
    summary.set("label", "Summary");
    summary.set("anchor", "summary");
    summary.set("description_html", false);
    Data cells = List();
    for (int k = 0; k < 3; ++k) {
      Data c = LevelOnlyCell(cols[k], k == 1);
      if (levels[k]) {
        any_summary = any_summary || !levels[k]->summary.empty();
        c.set("html", Text(site.BlockHtml(levels[k]->summary)));
        if (levels[k]->state == model::LevelState::kUndefined) {
          c.set("undefined", true);
          c.set("note", levels[k]->note.empty() ? std::string("Not defined") : levels[k]->note);
        }
      }
      cells.push_back(c);
    }
    summary.set("cells", cells);
    if (any_summary) rows.push_back(summary);
    for (const std::string& key : AttributeKeys(levels)) {
      Data row = Object();
      row.set("label", AttributeLabel(key));
      row.set("anchor", "a-" + text::Slugify(key));
      row.set("description_html", false);
      Data acells = List();
      for (int k = 0; k < 3; ++k) {
        Data c = LevelOnlyCell(cols[k], k == 1);
        if (levels[k]) c.set("html", Text(site.BlockHtml(AttributeValue(*levels[k], key))));
        acells.push_back(c);
      }
      row.set("cells", acells);
      rows.push_back(row);
    }
    if (!rows.is_empty_list()) {
      Data group = Object();
      group.set("name", Text("The level"));
      group.set("rows", rows);
      rowgroups.push_back(group);
    }
  }
  int new_count = 0;
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    group.set("name", Text(g.name.empty() ? std::string("Competencies") : g.name));
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = Object();
      row.set("label", c->name);
      row.set("anchor", "c-" + text::Slugify(c->id));
      row.set("description_html", Text(site.InlineHtml(c->description)));
      Data cells = List();
      for (int k = 0; k < 3; ++k)
        cells.push_back(CompetencyCell(
            site, fe, cols[k], cols[k] >= 0 ? &fe.news[cols[k]] : nullptr, *c, k == 1, new_count));
      row.set("cells", cells);
      rows.push_back(row);
    }
    group.set("rows", rows);
    rowgroups.push_back(group);
  }
  {
    bool any = false;
    Data row = Object();
    row.set("label", "Requirements to reach the level");
    row.set("anchor", "requirements");
    row.set("description_html", false);
    Data cells = List();
    for (int k = 0; k < 3; ++k) {
      Data c = LevelOnlyCell(cols[k], k == 1);
      if (levels[k]) {
        any = any || !levels[k]->requirements.empty();
        SetList(c, "requirements", Requirements(levels[k]->requirements));
      }
      cells.push_back(c);
    }
    row.set("cells", cells);
    if (any) {
      Data group = Object();
      group.set("name", Text("Requirements"));
      Data rows = List();
      rows.push_back(row);
      group.set("rows", rows);
      rowgroups.push_back(group);
    }
  }
  d.set("rowgroups", rowgroups);
  d.set("new_count", std::to_string(new_count));
  d.set("has_new", new_count > 0);

  Data overlays = List();
  for (const model::OverlayRole& o : fw.overlays) {
    bool here = o.levels.empty();
    for (const std::string& ref : o.levels) {
      auto [t, l] = fw.ResolveLevel(ref, le.track->id);
      here = here || l == &level;
    }
    if (!here) continue;
    Data od = Object();
    od.set("name", Text(o.name));
    od.set("href", Href(root, fe.Dir() + "index.html#overlay-" + text::Slugify(o.id)));
    overlays.push_back(od);
  }
  SetList(d, "overlays", overlays);
  d.set("has_overlays", !overlays.is_empty_list());
  return HtmlPage(RenderTemplate("level", d), fe.Published());
}

}  // namespace ladder::render::internal
