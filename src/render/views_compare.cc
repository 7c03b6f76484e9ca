// Comparing two levels (also across tracks) and the changelog between versions of a framework,
// both from analysis/diff.h.
#include <map>
#include <set>

#include "analysis/diff.h"
#include "base/text.h"
#include "render/site_internal.h"
#include "render/words.h"

namespace ladder::render::internal {
namespace {

Data Spans(const std::vector<analysis::WordSpan>& words) {
  Data list = List();
  for (const analysis::WordSpan& w : words) {
    Data p = Object();
    Set(p, "text", w.text);
    Set(p, "ins", w.kind == analysis::SpanKind::kInsert);
    Set(p, "del", w.kind == analysis::SpanKind::kDelete);
    Set(p, "same", w.kind == analysis::SpanKind::kEqual);
    Append(list, std::move(p));
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
    Set(c, "pieces", Spans(ch.words));
    Append(changed, std::move(c));
  }
  SetList(d, "changed", std::move(changed));
  counts.added += static_cast<int>(cd.added.size());
  counts.removed += static_cast<int>(cd.removed.size());
  counts.changed += static_cast<int>(cd.changed.size());
  Set(d, "same_count", std::to_string(cd.unchanged.size()));
  Set(d, "has_same", !cd.unchanged.empty());
  Set(d, "no_change", cd.added.empty() && cd.removed.empty() && cd.changed.empty());
  Set(d, "a_undefined", cd.undefined_before);
  Set(d, "b_undefined", cd.undefined_after);
  return d;
}

Data RequirementChanges(const std::vector<analysis::RequirementChange>& changes) {
  Data list = List();
  for (const analysis::RequirementChange& r : changes) {
    Data d = Object();
    Set(d, "added", r.kind == analysis::RequirementChange::Kind::kAdded);
    Set(d, "removed", r.kind == analysis::RequirementChange::Kind::kRemoved);
    Set(d, "reworded", r.kind == analysis::RequirementChange::Kind::kChanged);
    Set(d, "text",
        r.kind == analysis::RequirementChange::Kind::kRemoved ? r.before_text : r.after_text);
    Set(d, "pieces",
        Spans(r.words.empty() ? analysis::DiffWords(r.before_rule, r.after_rule) : r.words));
    Append(list, std::move(d));
  }
  return list;
}

Data AttributeChanges(const analysis::LevelDiff& diff) {
  Data list = List();
  auto add = [&](const std::string& label, const std::string& before, const std::string& after) {
    Data row = Object();
    Set(row, "label", label);
    Set(row, "pieces", Spans(analysis::DiffWords(before, after)));
    Append(list, std::move(row));
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
  Set(d, "label", LevelLabel(*fe.levels[i].level));
  Set(d, "track", fe.levels[i].track->name);
  Set(d, "href", Href(root, fe.levels[i].path));
  return d;
}

}  // namespace

std::string ComparePath(const FrameworkEntry& fe, size_t a, size_t b) {
  return fe.Dir() + "compare/" + fe.levels[a].key + "--" + fe.levels[b].key + ".html";
}

// The comparisons a reader reaches from a level: with the levels just below and above it in its
// track (the level page links both), with the level of equal rank in another track, and with
// the next rank up in another track (the move a transition makes). A framework of n levels in
// one track gets n - 1 pages, not n(n - 1)/2; the server compares any two.
std::vector<std::pair<size_t, size_t>> StaticComparePairs(const Site::Impl&,
                                                          const FrameworkEntry& fe) {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::set<std::pair<size_t, size_t>> seen;
  auto add = [&](size_t a, size_t b) {
    if (a != b && seen.emplace(a, b).second) pairs.emplace_back(a, b);
  };
  const size_t n = fe.levels.size();
  for (size_t a = 0; a < n; ++a) {
    if (int next = fe.Next(a); next >= 0) add(a, static_cast<size_t>(next));
    const LevelEntry& la = fe.levels[a];
    std::map<size_t, size_t> next_rank;  // other track -> its lowest level ranked above `a`
    for (size_t b = 0; b < n; ++b) {
      const LevelEntry& lb = fe.levels[b];
      if (lb.track_index == la.track_index) continue;
      if (lb.level->rank == la.level->rank && a < b) add(a, b);
      if (lb.level->rank > la.level->rank) {
        auto [it, fresh] = next_rank.try_emplace(lb.track_index, b);
        if (!fresh && lb.level->rank < fe.levels[it->second].level->rank) it->second = b;
      }
    }
    for (auto [track, b] : next_rank) add(a, b);
  }
  return pairs;
}

Result<Page> CompareIndexPage(const Site::Impl& site, const FrameworkEntry& fe,
                              std::string_view path) {
  std::string root = RootOf(path);
  Data d = PageData(site, path, "Compare levels — " + fe.fw.name);
  Set(d, "fw", FrameworkHeader(fe, root));
  Data options = List();
  for (size_t i = 0; i < fe.levels.size(); ++i) {
    Data o = Object();
    Set(o, "value", fe.levels[i].key);
    Set(o, "label", fe.levels[i].track->name + " — " + LevelLabel(*fe.levels[i].level));
    Set(o, "selected_a", i == 0);
    Set(o, "selected_b", i == 1);
    Append(options, std::move(o));
  }
  Set(d, "options", std::move(options));
  Set(d, "has_options", fe.levels.size() >= 2);
  Data pairs = List();
  std::string pages;
  for (auto [a, b] : StaticComparePairs(site, fe)) {
    Data p = Object();
    Set(p, "href", Href(root, ComparePath(fe, a, b)));
    Set(p, "label", LevelLabel(*fe.levels[a].level) + " → " + LevelLabel(*fe.levels[b].level));
    Append(pairs, std::move(p));
    if (!pages.empty()) pages += ' ';
    pages += fe.levels[a].key + "--" + fe.levels[b].key;
  }
  Set(d, "pages", pages);
  SetList(d, "pairs", std::move(pairs));
  return HtmlPage(RenderTemplate("compare_index", d), fe.Published());
}

Result<Page> ComparePage(const Site::Impl& site, const FrameworkEntry& fe, size_t a, size_t b,
                         std::string_view path) {
  const model::Framework& fw = fe.fw;
  const LevelEntry& ea = fe.levels[a];
  const LevelEntry& eb = fe.levels[b];
  std::string root = RootOf(path);
  Data d = PageData(site, path, ea.level->code + " vs " + eb.level->code + " — " + fw.name);
  Set(d, "fw", FrameworkHeader(fe, root));
  Set(d, "a", LevelRef(fe, a, root));
  Set(d, "b", LevelRef(fe, b, root));
  Set(d, "cross_track", ea.track_index != eb.track_index);
  Set(d, "cumulative", fw.cumulative);
  analysis::LevelDiff diff = analysis::DiffLevels(fw, *ea.track, *ea.level, *eb.track, *eb.level);
  SetList(d, "attributes", AttributeChanges(diff));
  Counts counts;
  Data groups = List();
  for (const Group& g : Groups(fw)) {
    Data group = Object();
    Set(group, "name", Text(g.name.empty() ? std::string("Competencies") : g.name));
    Data rows = List();
    for (const model::Competency* c : g.competencies) {
      for (const analysis::CompetencyDiff& cd : diff.competencies) {
        if (cd.competency != c->id) continue;
        Data row = CompetencyChanges(site, cd, counts);
        Set(row, "label", c->name);
        Set(row, "anchor", "c-" + text::Slugify(c->id));
        Append(rows, std::move(row));
      }
    }
    Set(group, "rows", std::move(rows));
    Append(groups, std::move(group));
  }
  Set(d, "groups", std::move(groups));
  SetList(d, "requirements", RequirementChanges(diff.requirements));
  Set(d, "added", Count(counts.added, "behaviour", "behaviours"));
  Set(d, "removed_count", std::to_string(counts.removed));
  Set(d, "changed_count", std::to_string(counts.changed));
  return HtmlPage(RenderTemplate("compare", d), fe.Published());
}

Result<Page> ChangelogPage(const Site::Impl& site, const FrameworkEntry& fe,
                           std::string_view path) {
  std::string root = RootOf(path);
  Data d = PageData(site, path, "Changelog — " + fe.fw.name);
  Set(d, "fw", FrameworkHeader(fe, root));
  std::vector<const model::Framework*> versions;
  for (const model::Framework& f : fe.older) versions.push_back(&f);
  versions.push_back(&fe.fw);
  Data steps = List();
  for (size_t v = versions.size(); v-- > 1;) {  // newest change first
    const model::Framework& before = *versions[v - 1];
    const model::Framework& after = *versions[v];
    analysis::FrameworkDiff diff = analysis::DiffFrameworks(before, after);
    Data step = Object();
    Set(step, "from", before.version);
    Set(step, "to", after.version);
    Data levels = List();
    for (const analysis::LevelChange& lc : diff.levels) {
      const model::Framework& where = lc.kind == analysis::ChangeKind::kRemoved ? before : after;
      auto [track, level] = where.ResolveLevel(lc.code, lc.track);
      Data ld = Object();
      Set(ld, "label",
          (track ? track->name : lc.track) + " — " + (level ? LevelLabel(*level) : lc.code));
      Set(ld, "level_added", lc.kind == analysis::ChangeKind::kAdded);
      Set(ld, "level_removed", lc.kind == analysis::ChangeKind::kRemoved);
      Counts counts;
      Data comps = List();
      if (lc.kind == analysis::ChangeKind::kChanged) {
        for (const analysis::CompetencyDiff& cd : lc.diff.competencies) {
          if (!cd.Changed()) continue;
          Data c = CompetencyChanges(site, cd, counts);
          Set(c, "name", Text(cd.name));
          Append(comps, std::move(c));
        }
        SetList(ld, "attributes", AttributeChanges(lc.diff));
        SetList(ld, "requirements", RequirementChanges(lc.diff.requirements));
      }
      SetList(ld, "competencies", std::move(comps));
      Append(levels, std::move(ld));
    }
    SetList(step, "levels", std::move(levels));
    Data competencies = List();
    for (const analysis::CompetencyChange& cc : diff.competencies) {
      Data c = Object();
      Set(c, "kind", std::string(analysis::ChangeKindName(cc.kind)));
      Set(c, "name",
          cc.name ? cc.name->after.empty() ? cc.name->before : cc.name->after
                  : (cc.after_id.empty() ? cc.before_id : cc.after_id));
      Append(competencies, std::move(c));
    }
    SetList(step, "competency_changes", std::move(competencies));
    Data items = List();
    for (const analysis::ItemChange& it : diff.items) {
      Data c = Object();
      Set(c, "kind", std::string(analysis::ChangeKindName(it.kind)));
      Set(c, "section", it.section);
      Set(c, "id", it.id);
      Set(c, "fields", Text(text::Join(it.fields, ", ")));
      Append(items, std::move(c));
    }
    SetList(step, "items", std::move(items));
    SetList(step, "policy", RequirementChanges(diff.policy));
    Set(step, "no_change", !diff.Changed());
    Append(steps, std::move(step));
  }
  Set(d, "steps", std::move(steps));
  Set(d, "single_version", versions.size() == 1);
  Set(d, "version", fe.fw.version);
  return HtmlPage(RenderTemplate("changelog", d), fe.Published());
}

}  // namespace ladder::render::internal
