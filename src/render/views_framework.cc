// The home page, a framework's page (the levels x competencies matrix of each track) and the
// tracks overview.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include <set>

#include "base/text.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render::internal {
namespace {

Data Cell(const Site::Impl& site, const model::Level& level, const model::Expectation* ex) {
  Data cell = Object();
  bool undefined = level.state == model::LevelState::kUndefined || (ex && ex->undefined);
  Set(cell, "undefined", undefined);
  if (undefined) {
    std::string note = ex && !ex->note.empty() ? ex->note : level.note;
    Set(cell, "note", note.empty() ? std::string("Not defined") : note);
  }
  Set(cell, "summary_html", false);
  if (ex) {
    Set(cell, "summary_html", Text(site.InlineHtml(ex->summary)));
    SetList(cell, "behaviours", Behaviours(site, ex->behaviours));
  }
  return cell;
}

Data HtmlCell(const std::string& html) {
  Data cell = Object();
  Set(cell, "html", Text(html));
  return cell;
}

// A row of the matrix: its label and a cell per level.
Data MatrixRow(std::string label, const std::vector<const model::Level*>& levels,
               const std::function<Data(const model::Level&)>& cell) {
  Data row = Object();
  Set(row, "label", std::move(label));
  Set(row, "anchor", false);
  Set(row, "description_html", false);
  Data cells = List();
  for (const model::Level* l : levels) Append(cells, cell(*l));
  Set(row, "cells", std::move(cells));
  return row;
}

// The level's own description: its summary (when a level has one) and attributes.
void LevelRows(const Site::Impl& site, const std::vector<const model::Level*>& levels,
               Data& rowgroups) {
  Data rows = List();
  bool any_summary = false;
  Data summary = MatrixRow("Summary", levels, [&](const model::Level& l) {
    any_summary = any_summary || !l.summary.empty();
    Data c = HtmlCell(site.BlockHtml(l.summary));
    if (l.state == model::LevelState::kUndefined) {
      Set(c, "undefined", true);
      Set(c, "note", l.note.empty() ? std::string("Not defined") : l.note);
    }
    return c;
  });
  if (any_summary) Append(rows, std::move(summary));
  for (const std::string& key : AttributeKeys(levels))
    Append(rows, MatrixRow(AttributeLabel(key), levels, [&](const model::Level& l) {
             return HtmlCell(site.BlockHtml(AttributeValue(l, key)));
           }));
  if (!rows.is_empty_list()) Append(rowgroups, RowGroup("Level", std::move(rows)));
}

// A group per competency group, a row per competency.
void CompetencyRows(const Site::Impl& site, const model::Framework& fw,
                    const std::vector<const model::Level*>& levels, Data& rowgroups) {
  for (const Group& g : Groups(fw)) {
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = MatrixRow(c->name, levels, [&](const model::Level& l) {
        return Cell(site, l, l.FindExpectation(c->id));
      });
      Set(row, "anchor", "c-" + text::Slugify(c->id));
      Set(row, "description_html", Text(site.InlineHtml(c->description)));
      Append(rows, std::move(row));
    }
    Append(rowgroups, RowGroup(g.name, std::move(rows)));
  }
}

// "Requirements to reach the level", when a level lists one.
void RequirementRows(const std::vector<const model::Level*>& levels, Data& rowgroups) {
  bool any = false;
  Data row = MatrixRow("Requirements to reach the level", levels, [&](const model::Level& l) {
    any = any || !l.requirements.empty();
    Data c = Object();
    SetList(c, "requirements", Requirements(l.requirements));
    return c;
  });
  if (!any) return;
  Data rows = List();
  Append(rows, std::move(row));
  Append(rowgroups, RowGroup("Requirements", std::move(rows)));
}

// What each level adds to the one before it, per competency: the behaviours it marks new or
// changed (the level pages' "New" badges), levels by rank. Drawn by Chart.js
// (static/ladder.js) when it loaded; the matrix carries the same information without it. The
// JSON goes into an escaped attribute, never into a <script>.
std::string NewBehavioursChart(const FrameworkEntry& fe,
                               const std::vector<const model::Level*>& levels) {
  std::map<const model::Level*, const analysis::LevelNews*> news_of;
  for (size_t i = 0; i < fe.levels.size() && i < fe.news.size(); ++i)
    news_of[fe.levels[i].level] = &fe.news[i];
  nlohmann::ordered_json chart;
  chart["labels"] = nlohmann::ordered_json::array();
  for (const model::Level* l : levels) chart["labels"].push_back(l->code);
  chart["datasets"] = nlohmann::ordered_json::array();
  chart["y_title"] = "behaviours new at the level";
  for (const model::Competency& c : fe.fw.competencies) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::array();
    for (const model::Level* l : levels) {
      size_t added = 0;
      if (auto it = news_of.find(l); it != news_of.end())
        for (const analysis::MarkedCompetency& mc : it->second->competencies)
          if (mc.competency == c.id)
            for (const analysis::MarkedBehaviour& b : mc.behaviours)
              added += b.mark == analysis::Mark::kNew || b.mark == analysis::Mark::kChanged;
      counts.push_back(added);
    }
    // JSON escapes the marks of a name shown in the source language: leave them out.
    chart["datasets"].push_back({{"label", StripFallbackMarks(c.name)}, {"data", counts}});
  }
  return chart.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Data TrackMatrix(const Site::Impl& site, const FrameworkEntry& fe, size_t t,
                 const std::string& root) {
  const model::Framework& fw = fe.fw;
  const model::Track& track = fw.tracks[t];
  Data d = Object();
  Set(d, "name", Text(track.name));
  Set(d, "kind", std::string(model::TrackKindName(track.kind)));
  Set(d, "anchor", "track-" + text::Slugify(track.id));
  Set(d, "description_html", Text(site.BlockHtml(track.description)));
  Data levels = List();
  std::vector<const model::Level*> level_ptrs;
  for (const LevelEntry& le : fe.levels) {
    if (le.track_index != t) continue;
    const model::Level& l = *le.level;
    level_ptrs.push_back(&l);
    Data ld = Object();
    Set(ld, "code", l.code);
    Set(ld, "title", Text(l.title == l.code ? std::string() : l.title));
    Set(ld, "href", Href(root, le.path));
    Set(ld, "undefined", l.state == model::LevelState::kUndefined);
    Set(ld, "note", l.note);
    Append(levels, std::move(ld));
  }
  Set(d, "levels", std::move(levels));
  Set(d, "has_levels", !level_ptrs.empty());
  Set(d, "colspan", std::to_string(level_ptrs.size() + 1));
  Data rowgroups = List();
  LevelRows(site, level_ptrs, rowgroups);
  CompetencyRows(site, fw, level_ptrs, rowgroups);
  RequirementRows(level_ptrs, rowgroups);
  Set(d, "rowgroups", std::move(rowgroups));
  Set(d, "chart_json", NewBehavioursChart(fe, level_ptrs));
  Set(d, "has_chart", !level_ptrs.empty() && !fw.competencies.empty());
  return d;
}

}  // namespace

Data RowGroup(std::string name, Data rows) {
  Data group = Object();
  Set(group, "name", Text(std::move(name)));
  Set(group, "rows", std::move(rows));
  return group;
}

Data OverlaysData(const Site::Impl& site, const model::Framework& fw) {
  Data list = List();
  for (const model::OverlayRole& o : fw.overlays) {
    Data d = Object();
    Set(d, "name", Text(o.name));
    Set(d, "anchor", "overlay-" + text::Slugify(o.id));
    Set(d, "description_html", Text(site.BlockHtml(o.description)));
    SetList(d, "duties", Behaviours(site, o.duties));
    Set(d, "levels", text::Join(o.levels, ", "));
    Set(d, "has_levels", !o.levels.empty());
    Set(d, "needs_documented_need", o.needs_documented_need);
    SetList(d, "requirements", Requirements(o.requirements));
    Append(list, std::move(d));
  }
  return list;
}

Data TransitionsData(const Site::Impl& site, const model::Framework& fw) {
  Data list = List();
  for (const model::Transition& t : fw.transitions) {
    const model::Track* from = fw.FindTrack(t.from);
    const model::Track* to = fw.FindTrack(t.to);
    Data d = Object();
    Set(d, "from", from ? from->name : t.from);
    Set(d, "to", to ? to->name : t.to);
    Set(d, "description_html", Text(site.BlockHtml(t.description)));
    SetList(d, "requirements", Requirements(t.requirements));
    Append(list, std::move(d));
  }
  return list;
}

Data FrameworkHeader(const FrameworkEntry& fe, const std::string& root) {
  const model::Framework& fw = fe.fw;
  Data d = Object();
  Set(d, "name", Text(fw.name));
  Set(d, "version", fw.version);
  Set(d, "status", std::string(model::FrameworkStatusName(fw.status)));
  Set(d, "draft", fw.status == model::FrameworkStatus::kDraft);
  Set(d, "effective", Text(fw.effective));
  Set(d, "cumulative", fw.cumulative);
  Set(d, "href", Href(root, fe.IndexPath()));
  Set(d, "tracks_href", Href(root, fe.Dir() + "tracks.html"));
  Set(d, "compare_href", Href(root, fe.Dir() + "compare/index.html"));
  Set(d, "changelog_href", Href(root, fe.Dir() + "changelog.html"));
  Set(d, "has_levels", !fe.levels.empty());
  if (!fe.roles.empty()) Set(d, "roles_href", Href(root, "roles/index.html#roles-" + fe.slug));
  return d;
}

Result<Page> HomePage(const Site::Impl& site, std::string_view path) {
  Data d = PageData(site, path, "Career frameworks");
  std::string root = RootOf(path);
  Data list = List();
  size_t role_count = 0;
  for (const FrameworkEntry& fe : site.frameworks) {
    Data f = FrameworkHeader(fe, root);
    Set(f, "description_html", Text(site.BlockHtml(fe.fw.description)));
    Set(f, "family", Text(fe.fw.family));
    Data tracks = List();
    for (const model::Track& t : fe.fw.tracks) {
      Data td = Object();
      Set(td, "name", Text(t.name));
      Set(td, "levels", Count(t.levels.size(), "level", "levels"));
      Append(tracks, std::move(td));
    }
    Set(f, "tracks", std::move(tracks));
    Set(f, "roles", Count(fe.roles.size(), "role", "roles"));
    Set(f, "has_roles", !fe.roles.empty());
    role_count += fe.roles.size();
    Append(list, std::move(f));
  }
  Set(d, "frameworks", std::move(list));
  Set(d, "has_frameworks", !site.frameworks.empty());
  Set(d, "roles", Count(role_count, "role", "roles"));
  Set(d, "has_roles", role_count > 0);
  return HtmlPage(RenderTemplate("home", d), false);
}

Result<Page> FrameworkPage(const Site::Impl& site, const FrameworkEntry& fe,
                           std::string_view path) {
  const model::Framework& fw = fe.fw;
  std::string root = RootOf(path);
  Data d = PageData(site, path, fw.name);
  Set(d, "fw", FrameworkHeader(fe, root));
  Set(d, "description_html", Text(site.BlockHtml(fw.description)));
  Set(d, "source_file", Text(fw.source.file));
  Set(d, "source_format", Text(fw.source.format));
  Set(d, "has_changelog", !fe.older.empty());
  Set(d, "chart_js_href", Href(root, "static/vendor/chart.umd.min.js"));
  Data tracks = List();
  for (size_t t = 0; t < fw.tracks.size(); ++t) Append(tracks, TrackMatrix(site, fe, t, root));
  Set(d, "tracks", std::move(tracks));
  SetList(d, "overlays", OverlaysData(site, fw));
  SetList(d, "transitions", TransitionsData(site, fw));
  SetList(d, "policy", Requirements(fw.policy));
  Set(d, "has_policy", !fw.policy.empty());
  Data notes = List();
  for (size_t n = 0; n < fw.notes.size(); ++n) {
    Data nd = Object();
    Set(nd, "title", Text(fw.notes[n].title.empty() ? std::string("Note") : fw.notes[n].title));
    Set(nd, "anchor", "note-" + std::to_string(n + 1));
    Set(nd, "html", Text(site.BlockHtml(fw.notes[n].markdown)));
    Append(notes, std::move(nd));
  }
  SetList(d, "notes", std::move(notes));
  Set(d, "has_notes", !fw.notes.empty());
  SetList(d, "downloads", DownloadsData(site, fe, root));
  SetLanguages(site, fe, -1, root, d);
  return FrameworkHtmlPage(fe, RenderTemplate("framework", d));
}

Result<Page> TracksPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view path) {
  const model::Framework& fw = fe.fw;
  std::string root = RootOf(path);
  Data d = PageData(site, path, fw.name + " — tracks");
  Set(d, "fw", FrameworkHeader(fe, root));
  Data tracks = List();
  for (const model::Track& t : fw.tracks) {
    Data td = Object();
    Set(td, "name", Text(t.name));
    Set(td, "kind", std::string(model::TrackKindName(t.kind)));
    Append(tracks, std::move(td));
  }
  Set(d, "tracks", std::move(tracks));
  std::set<int> ranks;
  for (const LevelEntry& le : fe.levels) ranks.insert(le.level->rank);
  Data rows = List();
  for (int rank : ranks) {
    Data row = Object();
    Set(row, "rank", std::to_string(rank));
    Data cells = List();
    for (size_t t = 0; t < fw.tracks.size(); ++t) {
      Data levels = List();
      for (const LevelEntry& le : fe.levels) {
        if (le.track_index != t || le.level->rank != rank) continue;
        Data ld = Object();
        Set(ld, "label", LevelLabel(*le.level));
        Set(ld, "href", Href(root, le.path));
        Set(ld, "undefined", le.level->state == model::LevelState::kUndefined);
        Append(levels, std::move(ld));
      }
      Data cell = Object();
      Set(cell, "levels", std::move(levels));
      Append(cells, std::move(cell));
    }
    Set(row, "cells", std::move(cells));
    Append(rows, std::move(row));
  }
  Set(d, "rows", std::move(rows));
  SetList(d, "overlays", OverlaysData(site, fw));
  SetList(d, "transitions", TransitionsData(site, fw));
  return HtmlPage(RenderTemplate("tracks", d), fe.Published());
}

}  // namespace ladder::render::internal
