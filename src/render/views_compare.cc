// Comparing two levels (also across tracks) and the changelog between versions of a framework.
#include "base/text.h"
#include "render/behaviour_diff.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

Data Pieces(const std::vector<WordPiece>& words) {
  Data list = List();
  for (const WordPiece& w : words) {
    Data p = Object();
    p.set("text", w.text);
    p.set("ins", w.kind == WordPiece::Kind::kAdded);
    p.set("del", w.kind == WordPiece::Kind::kRemoved);
    p.set("same", w.kind == WordPiece::Kind::kSame);
    list.push_back(p);
  }
  return list;
}

struct Counts {
  int added = 0, removed = 0, changed = 0;
};

// {added, removed, changed, same_count, no_change} of two behaviour lists.
Data ChangeData(const Site::Impl& site, const std::vector<std::string>& before,
                const std::vector<std::string>& after, Counts& counts) {
  Data added = List(), removed = List(), changed = List();
  int same = 0;
  for (const BehaviourChange& ch : DiffBehaviours(before, after)) {
    Data b = Object();
    switch (ch.change) {
      case Change::kSame:
        ++same;
        continue;
      case Change::kAdded:
        b.set("html", site.InlineHtml(ch.after));
        added.push_back(b);
        ++counts.added;
        break;
      case Change::kRemoved:
        b.set("html", site.InlineHtml(ch.before));
        removed.push_back(b);
        ++counts.removed;
        break;
      case Change::kChanged:
        b.set("pieces", Pieces(ch.words));
        changed.push_back(b);
        ++counts.changed;
        break;
    }
  }
  Data d = Object();
  bool none = added.is_empty_list() && removed.is_empty_list() && changed.is_empty_list();
  SetList(d, "added", added);
  SetList(d, "removed", removed);
  SetList(d, "changed", changed);
  d.set("same_count", std::to_string(same));
  d.set("has_same", same > 0);
  d.set("no_change", none);
  return d;
}

std::vector<std::string> RequirementTexts(const model::Level& l) {
  std::vector<std::string> out;
  for (const model::Requirement& r : l.requirements) out.push_back(r.text);
  return out;
}

Data LevelRef(const FrameworkEntry& fe, size_t i, const std::string& root) {
  Data d = Object();
  d.set("label", LevelLabel(*fe.levels[i].level));
  d.set("track", fe.levels[i].track->name);
  d.set("href", Href(root, fe.levels[i].path));
  d.set("undefined", fe.levels[i].level->state == model::LevelState::kUndefined);
  d.set("note", fe.levels[i].level->note);
  return d;
}

}  // namespace

std::string ComparePath(const FrameworkEntry& fe, size_t a, size_t b) {
  return fe.Dir() + "compare/" + fe.levels[a].key + "--" + fe.levels[b].key + ".html";
}

std::vector<std::pair<size_t, size_t>> StaticComparePairs(const Site::Impl& site,
                                                          const FrameworkEntry& fe) {
  std::vector<std::pair<size_t, size_t>> pairs;
  const size_t n = fe.levels.size();
  bool all = static_cast<int>(n) <= site.options.max_levels_for_all_pairs;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      bool neighbours = fe.Next(a) == static_cast<int>(b);
      bool same_rank = fe.levels[a].track_index != fe.levels[b].track_index &&
                       fe.levels[a].level->rank == fe.levels[b].level->rank;
      if (all || neighbours || same_rank) pairs.emplace_back(a, b);
    }
  }
  return pairs;
}

Result<Page> CompareIndexPage(const Site::Impl& site, const FrameworkEntry& fe,
                              std::string_view path) {
  std::string root = RootOf(path);
  Data d = PageData(site, path, "Compare levels — " + fe.fw.name);
  d.set("fw", FrameworkHeader(fe, root));
  Data options = List();
  for (size_t i = 0; i < fe.levels.size(); ++i) {
    Data o = Object();
    o.set("value", fe.levels[i].key);
    o.set("index", std::to_string(i));
    o.set("label", fe.levels[i].track->name + " — " + LevelLabel(*fe.levels[i].level));
    o.set("selected_a", i == 0);
    o.set("selected_b", i == 1);
    options.push_back(o);
  }
  d.set("options", options);
  d.set("has_options", fe.levels.size() >= 2);
  Data pairs = List();
  for (auto [a, b] : StaticComparePairs(site, fe)) {
    Data p = Object();
    p.set("href", Href(root, ComparePath(fe, a, b)));
    p.set("label", LevelLabel(*fe.levels[a].level) + " → " + LevelLabel(*fe.levels[b].level));
    pairs.push_back(p);
  }
  SetList(d, "pairs", pairs);
  return HtmlPage(RenderTemplate("compare_index", d), fe.Published());
}

Result<Page> ComparePage(const Site::Impl& site, const FrameworkEntry& fe, size_t a, size_t b,
                         std::string_view path) {
  const model::Framework& fw = fe.fw;
  const model::Level& la = *fe.levels[a].level;
  const model::Level& lb = *fe.levels[b].level;
  std::string root = RootOf(path);
  Data d = PageData(site, path, la.code + " vs " + lb.code + " — " + fw.name);
  d.set("fw", FrameworkHeader(fe, root));
  d.set("a", LevelRef(fe, a, root));
  d.set("b", LevelRef(fe, b, root));
  d.set("cross_track", fe.levels[a].track_index != fe.levels[b].track_index);
  d.set("cumulative", fw.cumulative);
  Counts counts;
  Data attributes = List();
  for (const std::string& key : AttributeKeys({&la, &lb})) {
    std::string va = AttributeValue(la, key), vb = AttributeValue(lb, key);
    Data row = Object();
    row.set("label", AttributeLabel(key));
    row.set("pieces", Pieces(WordDiff(va, vb)));
    row.set("changed", va != vb);
    attributes.push_back(row);
  }
  SetList(d, "attributes", attributes);
  d.set("has_attributes", !attributes.is_empty_list());
  Data groups = List();
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    group.set("name", g.name.empty() ? std::string("Competencies") : g.name);
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      Data row = ChangeData(site, EffectiveBehaviours(fe, a, c->id),
                            EffectiveBehaviours(fe, b, c->id), counts);
      row.set("label", c->name);
      row.set("anchor", "c-" + text::Slugify(c->id));
      const model::Expectation* ea = la.FindExpectation(c->id);
      const model::Expectation* eb = lb.FindExpectation(c->id);
      row.set("a_undefined", (ea && ea->undefined) || la.state == model::LevelState::kUndefined);
      row.set("b_undefined", (eb && eb->undefined) || lb.state == model::LevelState::kUndefined);
      rows.push_back(row);
    }
    group.set("rows", rows);
    groups.push_back(group);
  }
  d.set("groups", groups);
  Counts req_counts;
  Data reqs = ChangeData(site, RequirementTexts(la), RequirementTexts(lb), req_counts);
  d.set("requirements", reqs);
  d.set("added_count", std::to_string(counts.added));
  d.set("removed_count", std::to_string(counts.removed));
  d.set("changed_count", std::to_string(counts.changed));
  return HtmlPage(RenderTemplate("compare", d), fe.Published());
}

Result<Page> ChangelogPage(const Site::Impl& site, const FrameworkEntry& fe,
                           std::string_view path) {
  std::string root = RootOf(path);
  Data d = PageData(site, path, "Changelog — " + fe.fw.name);
  d.set("fw", FrameworkHeader(fe, root));
  std::vector<const model::Framework*> versions;
  for (const model::Framework& f : fe.older) versions.push_back(&f);
  versions.push_back(&fe.fw);
  Data steps = List();
  // Newest change first.
  for (size_t v = versions.size(); v-- > 1;) {
    const model::Framework& before = *versions[v - 1];
    const model::Framework& after = *versions[v];
    Data step = Object();
    step.set("from", before.version);
    step.set("to", after.version);
    Data levels = List();
    auto level_change = [&](const model::Track& track, const model::Level* lb,
                            const model::Level* la) {
      Data ld = Object();
      ld.set("label", track.name + " — " + LevelLabel(la ? *la : *lb));
      ld.set("level_added", lb == nullptr);
      ld.set("level_removed", la == nullptr);
      Counts counts;
      Data comps = List();
      for (const model::Competency& c : after.competencies) {
        std::vector<std::string> b_list, a_list;
        if (lb)
          if (const model::Expectation* e = lb->FindExpectation(c.id)) b_list = e->behaviours;
        if (la)
          if (const model::Expectation* e = la->FindExpectation(c.id)) a_list = e->behaviours;
        Data cd = ChangeData(site, b_list, a_list, counts);
        if (!cd.get("no_change")->is_true()) {
          cd.set("name", c.name);
          comps.push_back(cd);
        }
      }
      Data attrs = List();
      if (la && lb) {
        for (const std::string& key : AttributeKeys({lb, la})) {
          std::string vb = AttributeValue(*lb, key), va = AttributeValue(*la, key);
          if (vb == va) continue;
          Data row = Object();
          row.set("label", AttributeLabel(key));
          row.set("pieces", Pieces(WordDiff(vb, va)));
          attrs.push_back(row);
        }
        if (lb->summary != la->summary) {
          Data row = Object();
          row.set("label", "Summary");
          row.set("pieces", Pieces(WordDiff(lb->summary, la->summary)));
          attrs.push_back(row);
        }
        if (lb->state != la->state) {
          Data row = Object();
          row.set("label", "State");
          row.set("pieces", Pieces(WordDiff(model::LevelStateName(lb->state),
                                            model::LevelStateName(la->state))));
          attrs.push_back(row);
        }
      }
      SetList(ld, "competencies", comps);
      SetList(ld, "attributes", attrs);
      bool changed =
          lb == nullptr || la == nullptr || !comps.is_empty_list() || !attrs.is_empty_list();
      if (changed) levels.push_back(ld);
    };
    for (const model::Track& track : after.tracks) {
      const model::Track* old_track = before.FindTrack(track.id);
      for (const model::Level& la : track.levels)
        level_change(track, old_track ? old_track->FindLevel(la.code) : nullptr, &la);
      if (old_track)
        for (const model::Level& lb : old_track->levels)
          if (!track.FindLevel(lb.code)) level_change(track, &lb, nullptr);
    }
    for (const model::Track& old_track : before.tracks)
      if (!after.FindTrack(old_track.id))
        for (const model::Level& lb : old_track.levels) level_change(old_track, &lb, nullptr);
    step.set("levels", levels);
    step.set("no_change", levels.is_empty_list());
    steps.push_back(step);
  }
  SetList(d, "steps", steps);
  d.set("single_version", versions.size() == 1);
  d.set("version", fe.fw.version);
  return HtmlPage(RenderTemplate("changelog", d), fe.Published());
}

}  // namespace ladder::render::internal
