// Comparing two levels (also across tracks) and the changelog between versions of a framework,
// both from analysis/diff.h.
#include "analysis/diff.h"
#include "base/text.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

Data Spans(const std::vector<analysis::WordSpan>& words) {
  Data list = List();
  for (const analysis::WordSpan& w : words) {
    Data p = Object();
    p.set("text", w.text);
    p.set("ins", w.kind == analysis::SpanKind::kInsert);
    p.set("del", w.kind == analysis::SpanKind::kDelete);
    p.set("same", w.kind == analysis::SpanKind::kEqual);
    list.push_back(p);
  }
  return list;
}

struct Counts {
  int added = 0, removed = 0, changed = 0;
};

Data Texts(const Site::Impl& site, const std::vector<std::string>& texts) {
  return Behaviours(site, texts);
}

// {added, removed, changed, same_count, no_change} of one competency.
Data CompetencyChanges(const Site::Impl& site, const analysis::CompetencyDiff& cd, Counts& counts) {
  Data d = Object();
  SetList(d, "added", Texts(site, cd.added));
  SetList(d, "removed", Texts(site, cd.removed));
  Data changed = List();
  for (const analysis::BehaviourChange& ch : cd.changed) {
    Data c = Object();
    c.set("pieces", Spans(ch.words));
    changed.push_back(c);
  }
  SetList(d, "changed", changed);
  counts.added += static_cast<int>(cd.added.size());
  counts.removed += static_cast<int>(cd.removed.size());
  counts.changed += static_cast<int>(cd.changed.size());
  d.set("same_count", std::to_string(cd.unchanged.size()));
  d.set("has_same", !cd.unchanged.empty());
  d.set("no_change", cd.added.empty() && cd.removed.empty() && cd.changed.empty());
  d.set("a_undefined", cd.undefined_before);
  d.set("b_undefined", cd.undefined_after);
  return d;
}

Data RequirementChanges(const std::vector<analysis::RequirementChange>& changes) {
  Data list = List();
  for (const analysis::RequirementChange& r : changes) {
    Data d = Object();
    d.set("added", r.kind == analysis::RequirementChange::Kind::kAdded);
    d.set("removed", r.kind == analysis::RequirementChange::Kind::kRemoved);
    d.set("reworded", r.kind == analysis::RequirementChange::Kind::kChanged);
    d.set("text",
          r.kind == analysis::RequirementChange::Kind::kRemoved ? r.before_text : r.after_text);
    d.set("pieces",
          Spans(r.words.empty() ? analysis::DiffWords(r.before_rule, r.after_rule) : r.words));
    list.push_back(d);
  }
  return list;
}

Data AttributeChanges(const analysis::LevelDiff& diff) {
  Data list = List();
  auto add = [&](const std::string& label, const std::string& before, const std::string& after) {
    Data row = Object();
    row.set("label", label);
    row.set("pieces", Spans(analysis::DiffWords(before, after)));
    list.push_back(row);
  };
  if (diff.title) add("Title", diff.title->before, diff.title->after);
  if (diff.state) add("State", diff.state->before, diff.state->after);
  if (diff.note) add("Note", diff.note->before, diff.note->after);
  if (diff.summary) add("Summary", diff.summary->before, diff.summary->after);
  for (const analysis::AttributeChange& a : diff.attributes)
    add(AttributeLabel(a.key), a.before, a.after);
  return list;
}

Data LevelRef(const FrameworkEntry& fe, size_t i, const std::string& root) {
  Data d = Object();
  d.set("label", LevelLabel(*fe.levels[i].level));
  d.set("track", fe.levels[i].track->name);
  d.set("href", Href(root, fe.levels[i].path));
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
  const LevelEntry& ea = fe.levels[a];
  const LevelEntry& eb = fe.levels[b];
  std::string root = RootOf(path);
  Data d = PageData(site, path, ea.level->code + " vs " + eb.level->code + " — " + fw.name);
  d.set("fw", FrameworkHeader(fe, root));
  d.set("a", LevelRef(fe, a, root));
  d.set("b", LevelRef(fe, b, root));
  d.set("cross_track", ea.track_index != eb.track_index);
  d.set("cumulative", fw.cumulative);
  analysis::LevelDiff diff = analysis::DiffLevels(fw, *ea.track, *ea.level, *eb.track, *eb.level);
  SetList(d, "attributes", AttributeChanges(diff));
  Counts counts;
  Data groups = List();
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    group.set("name", Text(g.name.empty() ? std::string("Competencies") : g.name));
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      for (const analysis::CompetencyDiff& cd : diff.competencies) {
        if (cd.competency != c->id) continue;
        Data row = CompetencyChanges(site, cd, counts);
        row.set("label", c->name);
        row.set("anchor", "c-" + text::Slugify(c->id));
        rows.push_back(row);
      }
    }
    group.set("rows", rows);
    groups.push_back(group);
  }
  d.set("groups", groups);
  SetList(d, "requirements", RequirementChanges(diff.requirements));
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
  for (size_t v = versions.size(); v-- > 1;) {  // newest change first
    const model::Framework& before = *versions[v - 1];
    const model::Framework& after = *versions[v];
    analysis::FrameworkDiff diff = analysis::DiffFrameworks(before, after);
    Data step = Object();
    step.set("from", before.version);
    step.set("to", after.version);
    Data levels = List();
    for (const analysis::LevelChange& lc : diff.levels) {
      const model::Framework& where = lc.kind == analysis::ChangeKind::kRemoved ? before : after;
      auto [track, level] = where.ResolveLevel(lc.code, lc.track);
      Data ld = Object();
      ld.set("label",
             (track ? track->name : lc.track) + " — " + (level ? LevelLabel(*level) : lc.code));
      ld.set("level_added", lc.kind == analysis::ChangeKind::kAdded);
      ld.set("level_removed", lc.kind == analysis::ChangeKind::kRemoved);
      Counts counts;
      Data comps = List();
      if (lc.kind == analysis::ChangeKind::kChanged) {
        for (const analysis::CompetencyDiff& cd : lc.diff.competencies) {
          if (!cd.Changed()) continue;
          Data c = CompetencyChanges(site, cd, counts);
          c.set("name", Text(cd.name));
          comps.push_back(c);
        }
        SetList(ld, "attributes", AttributeChanges(lc.diff));
        SetList(ld, "requirements", RequirementChanges(lc.diff.requirements));
      }
      SetList(ld, "competencies", comps);
      levels.push_back(ld);
    }
    SetList(step, "levels", levels);
    Data competencies = List();
    for (const analysis::CompetencyChange& cc : diff.competencies) {
      Data c = Object();
      c.set("kind", std::string(analysis::ChangeKindName(cc.kind)));
      c.set("name", cc.name ? cc.name->after.empty() ? cc.name->before : cc.name->after
                            : (cc.after_id.empty() ? cc.before_id : cc.after_id));
      competencies.push_back(c);
    }
    SetList(step, "competency_changes", competencies);
    Data items = List();
    for (const analysis::ItemChange& it : diff.items) {
      Data c = Object();
      c.set("kind", std::string(analysis::ChangeKindName(it.kind)));
      c.set("section", it.section);
      c.set("id", it.id);
      c.set("fields", Text(text::Join(it.fields, ", ")));
      items.push_back(c);
    }
    SetList(step, "items", items);
    SetList(step, "policy", RequirementChanges(diff.policy));
    step.set("no_change", !diff.Changed());
    steps.push_back(step);
  }
  d.set("steps", steps);
  d.set("single_version", versions.size() == 1);
  d.set("version", fe.fw.version);
  return HtmlPage(RenderTemplate("changelog", d), fe.Published());
}

}  // namespace ladder::render::internal
