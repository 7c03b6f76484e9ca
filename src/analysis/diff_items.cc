// DiffFrameworkItems (diff.h): the parts of a framework compared as items with an id, each
// added, removed, or changed in some of its fields and requirements.
#include <map>

#include "analysis/diff.h"
#include "base/text.h"

namespace ladder::analysis {
namespace {

using model::Framework;
using model::Track;

// White space does not count: notes differ when their words differ.
std::string Normalize(std::string_view text) {
  return std::string(text::Trim(text::CollapseSpace(text)));
}

template <typename T, typename Key>
const T* FindBy(const std::vector<T>& items, const std::string& id, Key key) {
  for (const T& item : items)
    if (key(item) == id) return &item;
  return nullptr;
}

// Generic added/removed/changed over items with an id; `fields` lists the names of the fields
// that differ between two items with the same id.
template <typename T, typename Key, typename Fields, typename Reqs>
void DiffItems(const std::string& section, const std::vector<T>& before,
               const std::vector<T>& after, Key key, Fields fields, Reqs reqs,
               std::vector<ItemChange>& out) {
  for (const T& b : after) {
    const T* a = FindBy(before, key(b), key);
    if (!a) {
      out.push_back({section, key(b), ChangeKind::kAdded, {}, {}});
      continue;
    }
    ItemChange change{section, key(b), ChangeKind::kChanged, fields(*a, b), reqs(*a, b)};
    if (!change.fields.empty() || !change.requirements.empty()) out.push_back(std::move(change));
  }
  for (const T& a : before)
    if (!FindBy(after, key(a), key)) out.push_back({section, key(a), ChangeKind::kRemoved, {}, {}});
}

// Appends `name` to `out` when `a` and `b` differ.
template <typename T>
void Differs(std::vector<std::string>& out, const char* name, const T& a, const T& b) {
  if (a != b) out.push_back(name);
}

// No requirements to compare.
template <typename T>
std::vector<RequirementChange> NoRequirements(const T&, const T&) {
  return {};
}

// Tracks and competency groups: added, removed, and the fields that changed.
void DiffStructure(const Framework& before, const Framework& after,
                   const std::map<std::string, std::string>& renamed,
                   std::vector<ItemChange>& items) {
  DiffItems(
      "track", before.tracks, after.tracks, [](const Track& t) { return t.id; },
      [&](const Track& a, const Track& b) {
        std::vector<std::string> f;
        Differs(f, "name", a.name, b.name);
        Differs(f, "kind", a.kind, b.kind);
        Differs(f, "description", a.description, b.description);
        return f;
      },
      NoRequirements<Track>, items);
  DiffItems(
      "group", before.groups, after.groups, [](const model::CompetencyGroup& g) { return g.id; },
      [&](const model::CompetencyGroup& a, const model::CompetencyGroup& b) {
        std::vector<std::string> f;
        Differs(f, "name", a.name, b.name);
        Differs(f, "description", a.description, b.description);
        std::vector<std::string> mapped;
        for (const std::string& id : a.competencies)
          mapped.push_back(renamed.contains(id) ? renamed.at(id) : id);
        Differs(f, "competencies", mapped, b.competencies);
        return f;
      },
      NoRequirements<model::CompetencyGroup>, items);
}

// Overlay roles, transitions, notes and role profiles: added, removed, the fields that changed
// and their requirements.
void DiffRoles(const Framework& before, const Framework& after, std::vector<ItemChange>& items) {
  DiffItems(
      "overlay", before.overlays, after.overlays, [](const model::OverlayRole& o) { return o.id; },
      [&](const model::OverlayRole& a, const model::OverlayRole& b) {
        std::vector<std::string> f;
        Differs(f, "name", a.name, b.name);
        Differs(f, "description", a.description, b.description);
        Differs(f, "duties", a.duties, b.duties);
        Differs(f, "levels", a.levels, b.levels);
        Differs(f, "needs_documented_need", a.needs_documented_need, b.needs_documented_need);
        return f;
      },
      [](const model::OverlayRole& a, const model::OverlayRole& b) {
        return DiffRequirements(a.requirements, b.requirements);
      },
      items);
  DiffItems(
      "transition", before.transitions, after.transitions,
      [](const model::Transition& t) { return t.from + "->" + t.to; },
      [&](const model::Transition& a, const model::Transition& b) {
        std::vector<std::string> f;
        Differs(f, "description", a.description, b.description);
        return f;
      },
      [](const model::Transition& a, const model::Transition& b) {
        return DiffRequirements(a.requirements, b.requirements);
      },
      items);
  DiffItems(
      "note", before.notes, after.notes, [](const model::Note& n) { return n.title; },
      [&](const model::Note& a, const model::Note& b) {
        std::vector<std::string> f;
        if (Normalize(a.markdown) != Normalize(b.markdown)) f.push_back("markdown");
        return f;
      },
      NoRequirements<model::Note>, items);
  DiffItems(
      "role", before.roles, after.roles, [](const model::RoleProfile& r) { return r.id; },
      [&](const model::RoleProfile& a, const model::RoleProfile& b) {
        std::vector<std::string> f;
        Differs(f, "family", a.family, b.family);
        Differs(f, "seniority", a.seniority, b.seniority);
        Differs(f, "title", a.title, b.title);
        Differs(f, "summary", a.summary, b.summary);
        Differs(f, "responsibilities", a.responsibilities, b.responsibilities);
        Differs(f, "skills", a.skills, b.skills);
        Differs(f, "kpis", a.kpis, b.kpis);
        Differs(f, "path", a.path, b.path);
        return f;
      },
      NoRequirements<model::RoleProfile>, items);
}

}  // namespace

std::vector<ItemChange> DiffFrameworkItems(const Framework& before, const Framework& after,
                                           const std::map<std::string, std::string>& renamed) {
  std::vector<ItemChange> items;
  DiffStructure(before, after, renamed, items);
  DiffRoles(before, after, items);
  return items;
}

}  // namespace ladder::analysis
