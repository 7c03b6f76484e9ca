// The readings Guess() tries (data_shapes.h): every collection of entries in the file, and for
// each the shapes it could take; and the role catalogue of roles that require competencies.
#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "formats/data_shapes.h"
#include "formats/data_shapes_internal.h"

namespace ladder::formats::data {

using internal::Collection;
using internal::IsCompetencyWord;
using internal::IsLevelWord;
using internal::IsTrackField;
using internal::LastKey;
using internal::Lower;

namespace {

// At most this many candidate maps are tried on one file.
constexpr size_t kMaxCandidates = 80;

std::string Join(const std::string& base, const std::string& seg) {
  return base.empty() ? seg : base + "." + seg;
}

// Keys present in at least 60% of the (mapping) items, in first-seen order.
std::vector<std::string> CommonKeys(const Tree& t, const Collection& c) {
  std::map<std::string, int> count;
  std::vector<std::string> order;
  int maps = 0;
  for (uint32_t item : c.items) {
    if (!IsMap(t, item)) continue;
    ++maps;
    for (const std::string& k : Keys(t, item)) {
      if (!count.count(k)) order.push_back(k);
      ++count[k];
    }
  }
  std::vector<std::string> out;
  for (const std::string& k : order)
    if (maps > 0 && count[k] * 10 >= maps * 6) out.push_back(k);
  return out;
}

bool HoldsText(const Tree& t, uint32_t v) {
  if (IsScalar(t, v)) return text::CountWords(Text(t, v)) >= 3;
  if (IsSeq(t, v)) {
    for (uint32_t i : At(t, v).items)
      if (IsScalar(t, i) && text::CountWords(Text(t, i)) >= 2) return true;
    return false;
  }
  if (IsMap(t, v)) {
    const auto& items = At(t, v).items;
    for (size_t i = 1; i < items.size(); i += 2)
      if (HoldsText(t, items[i])) return true;
  }
  return false;
}

void AddCellsCandidates(const Tree& t, const Collection& c, const std::vector<std::string>& keys,
                        const std::vector<Collection>& all, std::vector<DataMap>& out) {
  std::string level_key, comp_key;
  for (const std::string& k : keys) {
    bool scalar = true;
    for (uint32_t item : c.items)
      if (auto v = Get(t, item, k); v && !IsScalar(t, *v)) scalar = false;
    if (!scalar) continue;
    if (level_key.empty() && IsLevelWord(k))
      level_key = k;
    else if (comp_key.empty() && IsCompetencyWord(k))
      comp_key = k;
  }
  if (level_key.empty() || comp_key.empty()) return;
  DataMap m{.shape = "cells", .cells = c.path, .level_key = level_key, .competency_key = comp_key};
  // Declared levels and competencies: other collections whose entries' ids the cells name.
  auto declared = [&](const std::string& key) -> std::string {
    std::set<std::string> refs;
    for (uint32_t item : c.items)
      if (auto v = Get(t, item, key)) refs.insert(Lower(Text(t, *v)));
    for (const Collection& other : all) {
      if (other.path == c.path) continue;
      int hits = 0, total = 0;
      for (uint32_t item : other.items) {
        if (!IsMap(t, item)) continue;
        ++total;
        for (const char* id : {"id", "key", "slug", "name"})
          if (auto v = Get(t, item, id); v && refs.count(Lower(Text(t, *v)))) {
            ++hits;
            break;
          }
      }
      if (total > 0 && hits * 2 >= total) return other.path;
    }
    return {};
  };
  m.levels = declared(level_key);
  m.competencies = declared(comp_key);
  out.push_back(std::move(m));
}

}  // namespace

namespace internal {

std::vector<Collection> FindCollections(const Tree& t) {
  std::map<std::string, Collection> found;
  std::vector<std::string> order;
  struct Frame {
    uint32_t node;
    std::string path;  // of the node itself
  };
  std::vector<Frame> stack = {{t.root, ""}};
  size_t visits = 0;
  while (!stack.empty() && ++visits < 200'000) {
    Frame f = stack.back();
    stack.pop_back();
    const TreeNode& n = At(t, f.node);
    bool seq = n.kind == TreeNode::Kind::kSequence;
    if (IsCollection(t, f.node)) {
      std::string items_path = seq ? (f.path.empty() ? "[]" : f.path + "[]") : Join(f.path, "*");
      if (!found.count(items_path)) order.push_back(items_path);
      Collection& c = found[items_path];
      c.path = items_path;
      for (size_t i = seq ? 0 : 1; i < n.items.size() && c.items.size() < 60; i += seq ? 1 : 2)
        c.items.push_back(n.items[i]);
    }
    if (seq) {
      for (auto it = n.items.rbegin(); it != n.items.rend(); ++it)
        stack.push_back({*it, f.path.empty() ? "[]" : f.path + "[]"});
    } else if (n.kind == TreeNode::Kind::kMapping) {
      // A keyed collection's entries are reached by `*`; a small one (a record whose values
      // happen to be lists) by its keys too.
      bool keyed = IsCollection(t, f.node);
      bool literal = !keyed || n.items.size() <= 24;
      for (size_t i = n.items.size(); i >= 2; i -= 2) {
        std::string key = At(t, n.items[i - 2]).value;
        bool plain = !key.empty() && key.find('.') == std::string::npos &&
                     key.find('[') == std::string::npos && key != "*";
        if (keyed) stack.push_back({n.items[i - 1], Join(f.path, "*")});
        if (literal && plain) stack.push_back({n.items[i - 1], Join(f.path, key)});
      }
    }
  }
  std::vector<Collection> out;
  for (const std::string& p : order) out.push_back(std::move(found[p]));
  // "[].department.*[]" from "[].department.company[]" and "[].department.engineering[]":
  // sibling lists of the same kind of entries read as one collection in groups.
  std::map<std::string, std::vector<size_t>> generalised;
  for (size_t i = 0; i < out.size(); ++i) {
    std::string p = out[i].path;
    if (!p.ends_with("[]")) continue;
    size_t dot = p.rfind('.');
    if (dot == std::string::npos) continue;
    generalised[p.substr(0, dot) + ".*[]"].push_back(i);
  }
  for (auto& [path, members] : generalised) {
    if (members.size() < 2) continue;
    Collection c;
    c.path = path;
    for (size_t i : members)
      for (uint32_t item : out[i].items)
        if (c.items.size() < 60) c.items.push_back(item);
    out.push_back(std::move(c));
  }
  return out;
}

// Roles that list the competencies they need by id ({"name": "Data engineer", "requires":
// {"s-data": "Expert"}}) become the framework's role catalogue, with "Competency: step" skills.
void AddRoles(const Tree& t, const std::vector<Collection>& all, const DataMap& used,
              matrix::Matrix& m) {
  std::map<std::string, std::string> names;  // competency name or id -> name
  for (const auto& c : m.competencies) names.emplace(Lower(c.name), c.name);
  for (uint32_t n = 0; n < t.nodes.size(); ++n) {
    if (!IsMap(t, n)) continue;
    auto id = Get(t, n, "id");
    if (!id || !IsScalar(t, *id)) continue;
    std::string name = EntryName(t, {n, "", {}, ""}, {"name", "title", "label"});
    if (auto known = names.find(Lower(name)); known != names.end())
      names.emplace(Lower(Text(t, *id)), known->second);
  }
  for (const Collection& c : all) {
    std::string key = Lower(LastKey(c.path));
    if (key != "roles" && key != "positions" && key != "jobs" && key != "profiles" &&
        key != "titles")
      continue;
    if (c.path == used.levels || c.path == used.tracks || c.path == used.competencies) continue;
    for (uint32_t e : c.items) {
      if (!IsMap(t, e)) continue;
      model::RoleProfile role;
      role.title = EntryName(t, {e, "", {}, ""}, {"name", "title", "label"});
      if (role.title.empty()) continue;
      const auto& kv = At(t, e).items;
      for (size_t i = 1; i < kv.size(); i += 2) {
        uint32_t v = kv[i];
        if (IsMap(t, v)) {
          for (const std::string& k : Keys(t, v))
            if (auto name = names.find(Lower(k)); name != names.end())
              role.skills.push_back(
                  name->second + (IsScalar(t, *Get(t, v, k)) ? ": " + Text(t, *Get(t, v, k)) : ""));
        } else if (IsSeq(t, v)) {
          for (uint32_t item : At(t, v).items) {
            if (auto name = names.find(Lower(Text(t, item))); name != names.end()) {
              role.skills.push_back(name->second);
              continue;
            }
            // {"skill": "Java", "level": "basic"}: a competency by name, and the step needed.
            std::string skill, step;
            for (const std::string& k : Keys(t, item)) {
              std::string value = Text(t, *Get(t, item, k));
              if (auto name = names.find(Lower(value)); name != names.end() && skill.empty())
                skill = name->second;
              else if (IsLevelWord(k))
                step = value;
            }
            if (!skill.empty()) role.skills.push_back(step.empty() ? skill : skill + ": " + step);
          }
        } else if (Lower(At(t, kv[i - 1]).value) == "summary" ||
                   Lower(At(t, kv[i - 1]).value) == "description") {
          role.summary = Text(t, v);
        }
      }
      if (!role.skills.empty()) m.roles.push_back(std::move(role));
    }
  }
}

}  // namespace internal

std::vector<DataMap> CandidateMaps(const Tree& t) {
  std::vector<DataMap> out;
  std::vector<Collection> all = internal::FindCollections(t);
  for (const Collection& c : all) {
    std::vector<std::string> keys = CommonKeys(t, c);
    // An entry holding a collection: competencies with their levels, or levels with their
    // competencies (and tracks around either).
    for (const std::string& k : keys) {
      int collections = 0, maps = 0;
      bool seq = false;
      std::vector<std::string> ref_lists;  // {"required": ["a/b/c", ...]} under the key
      for (uint32_t item : c.items) {
        if (!IsMap(t, item)) continue;
        ++maps;
        auto v = Get(t, item, k);
        if (!v) continue;
        if (IsCollection(t, *v)) {
          ++collections;
          seq = IsSeq(t, *v);
        } else if (IsMap(t, *v)) {
          for (const std::string& sub : Keys(t, *v))
            if (auto l = Get(t, *v, sub);
                l && IsSeq(t, *l) &&
                std::find(ref_lists.begin(), ref_lists.end(), sub) == ref_lists.end())
              ref_lists.push_back(sub);
        }
      }
      if (maps == 0) continue;
      std::vector<std::string> inner;
      if (collections * 10 >= maps * 6) inner.push_back(k + (seq ? "[]" : ".*"));
      for (const std::string& sub : ref_lists) inner.push_back(k + "." + sub + "[]");
      for (const std::string& in : inner) {
        out.push_back({.shape = "competencies-with-levels", .competencies = c.path, .levels = in});
        out.push_back({.shape = "levels-with-competencies", .competencies = in, .levels = c.path});
        // The same inside track entries: "roles[]" around "roles[].levels[]".
        for (const Collection& outer : all) {
          std::string prefix = outer.path + ".";
          if (!c.path.starts_with(prefix) || outer.path.empty()) continue;
          std::string rel = c.path.substr(prefix.size());
          out.push_back({.shape = "levels-with-competencies",
                         .tracks = outer.path,
                         .competencies = in,
                         .levels = rel});
        }
      }
    }
    // Levels as keys of each entry: {name: React, basic: "...", expert: "..."}.
    std::vector<std::string> level_keys;
    for (const std::string& k : keys) {
      bool text = false;
      for (uint32_t item : c.items)
        if (auto v = Get(t, item, k); v && HoldsText(t, *v)) text = true;
      if (text && matrix::LooksLikeStep(k)) level_keys.push_back(k);
    }
    if (level_keys.size() >= 2) {
      DataMap m{.shape = "level-keys", .competencies = c.path, .level_keys = level_keys};
      out.push_back(m);
      for (const std::string& k : keys) {
        if (!IsTrackField(k)) continue;
        std::set<std::string> values;
        for (uint32_t item : c.items)
          if (auto v = Get(t, item, k); v && IsScalar(t, *v)) values.insert(Text(t, *v));
        if (!values.empty()) {
          m.tracks = "@" + k;
          out.push_back(m);
        }
      }
    }
    AddCellsCandidates(t, c, keys, all, out);
    out.push_back({.shape = "levels", .levels = c.path});
    if (out.size() > kMaxCandidates) break;
  }
  return out;
}

}  // namespace ladder::formats::data
