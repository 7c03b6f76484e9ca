// The home page, a framework's page (the levels x competencies matrix of each track) and the
// tracks overview.
#include <nlohmann/json.hpp>

#include <set>

#include "base/text.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

Data Cell(const Site::Impl& site, const model::Level& level, const model::Expectation* ex) {
  Data cell = Object();
  bool undefined = level.state == model::LevelState::kUndefined || (ex && ex->undefined);
  cell.set("undefined", undefined);
  if (undefined) {
    std::string note = ex && !ex->note.empty() ? ex->note : level.note;
    cell.set("note", note.empty() ? std::string("Not defined") : note);
  }
  cell.set("summary_html", false);
  if (ex) {
    cell.set("summary_html", Text(site.InlineHtml(ex->summary)));
    SetList(cell, "behaviours", Behaviours(site, ex->behaviours));
  }
  return cell;
}

Data HtmlCell(const std::string& html) {
  Data cell = Object();
  cell.set("html", Text(html));
  return cell;
}

Data TrackMatrix(const Site::Impl& site, const FrameworkEntry& fe, size_t t,
                 const std::string& root) {
  const model::Framework& fw = fe.fw;
  const model::Track& track = fw.tracks[t];
  Data d = Object();
  d.set("name", Text(track.name));
  d.set("kind", std::string(model::TrackKindName(track.kind)));
  d.set("anchor", "track-" + text::Slugify(track.id));
  d.set("description_html", Text(site.BlockHtml(track.description)));
  Data levels = List();
  std::vector<const model::Level*> level_ptrs;
  for (const LevelEntry& le : fe.levels) {
    if (le.track_index != t) continue;
    const model::Level& l = *le.level;
    level_ptrs.push_back(&l);
    Data ld = Object();
    ld.set("code", l.code);
    ld.set("title", Text(l.title == l.code ? std::string() : l.title));
    ld.set("href", Href(root, le.path));
    ld.set("undefined", l.state == model::LevelState::kUndefined);
    ld.set("note", l.note);
    levels.push_back(ld);
  }
  d.set("levels", levels);
  d.set("has_levels", !level_ptrs.empty());
  d.set("colspan", std::to_string(level_ptrs.size() + 1));

  Data rowgroups = List();
  // The level's own description: summary and attributes.
  {
    Data group = Object();
    group.set("name", Text("Level"));
    Data rows = List();
    bool any_summary = false;
    Data summary = Object();
    summary.set("label", "Summary");
    summary.set("anchor", false);
    summary.set("description_html", false);
    Data cells = List();
    for (const model::Level* l : level_ptrs) {
      any_summary = any_summary || !l->summary.empty();
      Data c = HtmlCell(site.BlockHtml(l->summary));
      if (l->state == model::LevelState::kUndefined) {
        c.set("undefined", true);
        c.set("note", l->note.empty() ? std::string("Not defined") : l->note);
      }
      cells.push_back(c);
    }
    summary.set("cells", cells);
    if (any_summary) rows.push_back(summary);
    for (const std::string& key : AttributeKeys(level_ptrs)) {
      Data row = Object();
      row.set("label", AttributeLabel(key));
      row.set("anchor", false);
      row.set("description_html", false);
      Data acells = List();
      for (const model::Level* l : level_ptrs)
        acells.push_back(HtmlCell(site.BlockHtml(AttributeValue(*l, key))));
      row.set("cells", acells);
      rows.push_back(row);
    }
    group.set("rows", rows);
    if (!rows.is_empty_list()) rowgroups.push_back(group);
  }
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    group.set("name", Text(g.name));
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = Object();
      row.set("label", c->name);
      row.set("anchor", "c-" + text::Slugify(c->id));
      row.set("description_html", Text(site.InlineHtml(c->description)));
      Data cells = List();
      for (const model::Level* l : level_ptrs)
        cells.push_back(Cell(site, *l, l->FindExpectation(c->id)));
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
    row.set("anchor", false);
    row.set("description_html", false);
    Data cells = List();
    for (const model::Level* l : level_ptrs) {
      any = any || !l->requirements.empty();
      Data c = Object();
      SetList(c, "requirements", Requirements(l->requirements));
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

  // Behaviours per level and competency, drawn by Chart.js (static/ladder.js) when it loaded;
  // the matrix above carries the same information without it. The JSON goes into an escaped
  // attribute, never into a <script>.
  nlohmann::ordered_json chart;
  chart["labels"] = nlohmann::ordered_json::array();
  for (const model::Level* l : level_ptrs) chart["labels"].push_back(l->code);
  chart["datasets"] = nlohmann::ordered_json::array();
  for (const model::Competency& c : fw.competencies) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::array();
    for (const model::Level* l : level_ptrs) {
      const model::Expectation* ex = l->FindExpectation(c.id);
      counts.push_back(ex ? ex->behaviours.size() : 0);
    }
    chart["datasets"].push_back({{"label", c.name}, {"data", counts}});
  }
  d.set("chart_json", chart.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  d.set("has_chart", !level_ptrs.empty() && !fw.competencies.empty());
  return d;
}

}  // namespace

Data OverlaysData(const Site::Impl& site, const model::Framework& fw) {
  Data list = List();
  for (const model::OverlayRole& o : fw.overlays) {
    Data d = Object();
    d.set("name", Text(o.name));
    d.set("anchor", "overlay-" + text::Slugify(o.id));
    d.set("description_html", Text(site.BlockHtml(o.description)));
    SetList(d, "duties", Behaviours(site, o.duties));
    d.set("levels", text::Join(o.levels, ", "));
    d.set("has_levels", !o.levels.empty());
    d.set("needs_documented_need", o.needs_documented_need);
    SetList(d, "requirements", Requirements(o.requirements));
    list.push_back(d);
  }
  return list;
}

Data TransitionsData(const Site::Impl& site, const model::Framework& fw) {
  Data list = List();
  for (const model::Transition& t : fw.transitions) {
    const model::Track* from = fw.FindTrack(t.from);
    const model::Track* to = fw.FindTrack(t.to);
    Data d = Object();
    d.set("from", from ? from->name : t.from);
    d.set("to", to ? to->name : t.to);
    d.set("description_html", Text(site.BlockHtml(t.description)));
    SetList(d, "requirements", Requirements(t.requirements));
    list.push_back(d);
  }
  return list;
}

Data FrameworkHeader(const FrameworkEntry& fe, const std::string& root) {
  const model::Framework& fw = fe.fw;
  Data d = Object();
  d.set("name", Text(fw.name));
  d.set("version", fw.version);
  d.set("status", std::string(model::FrameworkStatusName(fw.status)));
  d.set("draft", fw.status == model::FrameworkStatus::kDraft);
  d.set("effective", Text(fw.effective));
  d.set("cumulative", fw.cumulative);
  d.set("href", Href(root, fe.Dir() + "index.html"));
  d.set("tracks_href", Href(root, fe.Dir() + "tracks.html"));
  d.set("compare_href", Href(root, fe.Dir() + "compare/index.html"));
  d.set("changelog_href", Href(root, fe.Dir() + "changelog.html"));
  d.set("has_levels", !fe.levels.empty());
  if (!fe.roles.empty()) d.set("roles_href", Href(root, "roles/index.html#roles-" + fe.slug));
  return d;
}

Result<Page> HomePage(const Site::Impl& site, std::string_view path) {
  Data d = PageData(site, path, "Career frameworks");
  std::string root = RootOf(path);
  Data list = List();
  size_t role_count = 0;
  for (const FrameworkEntry& fe : site.frameworks) {
    Data f = FrameworkHeader(fe, root);
    f.set("description_html", Text(site.BlockHtml(fe.fw.description)));
    f.set("family", Text(fe.fw.family));
    Data tracks = List();
    for (const model::Track& t : fe.fw.tracks) {
      Data td = Object();
      td.set("name", Text(t.name));
      td.set("count", std::to_string(t.levels.size()));
      tracks.push_back(td);
    }
    f.set("tracks", tracks);
    f.set("role_count", std::to_string(fe.roles.size()));
    f.set("has_roles", !fe.roles.empty());
    role_count += fe.roles.size();
    list.push_back(f);
  }
  d.set("frameworks", list);
  d.set("has_frameworks", !site.frameworks.empty());
  d.set("role_count", std::to_string(role_count));
  d.set("has_roles", role_count > 0);
  return HtmlPage(RenderTemplate("home", d), false);
}

Result<Page> FrameworkPage(const Site::Impl& site, const FrameworkEntry& fe,
                           std::string_view path) {
  const model::Framework& fw = fe.fw;
  std::string root = RootOf(path);
  Data d = PageData(site, path, fw.name);
  d.set("fw", FrameworkHeader(fe, root));
  d.set("description_html", Text(site.BlockHtml(fw.description)));
  d.set("source_file", Text(fw.source.file));
  d.set("source_format", Text(fw.source.format));
  d.set("has_changelog", !fe.older.empty());
  d.set("chart_js_href", Href(root, "static/vendor/chart.umd.min.js"));
  Data tracks = List();
  for (size_t t = 0; t < fw.tracks.size(); ++t) tracks.push_back(TrackMatrix(site, fe, t, root));
  d.set("tracks", tracks);
  SetList(d, "overlays", OverlaysData(site, fw));
  SetList(d, "transitions", TransitionsData(site, fw));
  SetList(d, "policy", Requirements(fw.policy));
  d.set("has_policy", !fw.policy.empty());
  Data notes = List();
  for (size_t n = 0; n < fw.notes.size(); ++n) {
    Data nd = Object();
    nd.set("title", Text(fw.notes[n].title.empty() ? std::string("Note") : fw.notes[n].title));
    nd.set("anchor", "note-" + std::to_string(n + 1));
    nd.set("html", Text(site.BlockHtml(fw.notes[n].markdown)));
    notes.push_back(nd);
  }
  SetList(d, "notes", notes);
  d.set("has_notes", !fw.notes.empty());
  return HtmlPage(RenderTemplate("framework", d), fe.Published());
}

Result<Page> TracksPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view path) {
  const model::Framework& fw = fe.fw;
  std::string root = RootOf(path);
  Data d = PageData(site, path, fw.name + " — tracks");
  d.set("fw", FrameworkHeader(fe, root));
  Data tracks = List();
  for (const model::Track& t : fw.tracks) {
    Data td = Object();
    td.set("name", Text(t.name));
    td.set("kind", std::string(model::TrackKindName(t.kind)));
    tracks.push_back(td);
  }
  d.set("tracks", tracks);
  std::set<int> ranks;
  for (const LevelEntry& le : fe.levels) ranks.insert(le.level->rank);
  Data rows = List();
  for (int rank : ranks) {
    Data row = Object();
    row.set("rank", std::to_string(rank));
    Data cells = List();
    for (size_t t = 0; t < fw.tracks.size(); ++t) {
      Data levels = List();
      for (const LevelEntry& le : fe.levels) {
        if (le.track_index != t || le.level->rank != rank) continue;
        Data ld = Object();
        ld.set("label", LevelLabel(*le.level));
        ld.set("href", Href(root, le.path));
        ld.set("undefined", le.level->state == model::LevelState::kUndefined);
        levels.push_back(ld);
      }
      Data cell = Object();
      cell.set("levels", levels);
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  d.set("rows", rows);
  SetList(d, "overlays", OverlaysData(site, fw));
  SetList(d, "transitions", TransitionsData(site, fw));
  return HtmlPage(RenderTemplate("tracks", d), fe.Published());
}

}  // namespace ladder::render::internal
