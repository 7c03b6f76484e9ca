#include "formats/level_item_sections.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"

namespace ladder::formats {
namespace {

struct LevelKey {
  std::string key;  // lower case: a level's code or title
  model::Level* level = nullptr;
};

// The level an item names and what it says of it: "S1 — text", "**Senior:** text".
std::optional<std::pair<model::Level*, std::string>> LevelItem(std::string_view item,
                                                               const std::vector<LevelKey>& keys) {
  std::string plain = text::ReplaceAll(std::string(text::Trim(item)), "**", "");
  std::string lower = text::ToLower(plain);
  const LevelKey* best = nullptr;
  for (const LevelKey& k : keys) {
    if (k.key.empty() || !lower.starts_with(k.key)) continue;
    if (lower.size() > k.key.size() &&
        std::isalnum(static_cast<unsigned char>(lower[k.key.size()])))
      continue;
    if (best == nullptr || k.key.size() > best->key.size()) best = &k;
  }
  if (best == nullptr) return std::nullopt;
  std::string_view rest = std::string_view(plain).substr(best->key.size());
  bool separated = false;
  for (bool changed = true; changed;) {
    changed = false;
    rest = text::Trim(rest);
    for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":"}) {
      if (rest.starts_with(sep)) {
        rest.remove_prefix(sep.size());
        separated = changed = true;
      }
    }
  }
  if (!separated || rest.empty()) return std::nullopt;
  return std::make_pair(best->level, std::string(rest));
}

// "1. Product knowledge" -> "Product knowledge".
std::string WithoutNumbering(std::string_view title) {
  std::string_view t = text::Trim(title);
  size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i > 0 && i < t.size() && (t[i] == '.' || t[i] == ')')) t = text::Trim(t.substr(i + 1));
  return std::string(t);
}

struct Parsed {
  std::vector<std::string> description;
  std::vector<std::pair<model::Level*, std::string>> items;
};

// The note's prose before its list and the level of each item, or nullopt when a line after
// the list's start names no level.
std::optional<Parsed> ParseNote(const model::Note& note, const std::vector<LevelKey>& keys) {
  Parsed parsed;
  for (const std::string& raw : text::Split(note.markdown, '\n')) {
    std::string_view line = text::Trim(raw);
    if (line.empty()) continue;
    bool item = line.starts_with("- ") || line.starts_with("* ");
    if (!item) {
      if (!parsed.items.empty()) return std::nullopt;
      parsed.description.emplace_back(line);
      continue;
    }
    auto named = LevelItem(line.substr(2), keys);
    // "- L1: Junior Engineer" lists titles, not expectations.
    if (!named || text::IEquals(named->second, named->first->title)) return std::nullopt;
    parsed.items.push_back(std::move(*named));
  }
  if (parsed.items.size() < 2) return std::nullopt;
  return parsed;
}

}  // namespace

void LevelItemNotesToCompetencies(model::Framework& framework) {
  std::vector<LevelKey> keys;
  for (model::Track& t : framework.tracks) {
    for (model::Level& l : t.levels) {
      keys.push_back({text::ToLower(l.code), &l});
      if (!l.title.empty() && !text::IEquals(l.title, l.code))
        keys.push_back({text::ToLower(l.title), &l});
    }
  }
  if (keys.empty()) return;
  std::vector<model::Note> kept;
  for (model::Note& note : framework.notes) {
    std::optional<Parsed> parsed = note.title.empty() ? std::nullopt : ParseNote(note, keys);
    std::string name = WithoutNumbering(note.title);
    if (!parsed || name.empty()) {
      kept.push_back(std::move(note));
      continue;
    }
    std::string id = text::Slugify(name);
    for (int n = 2; framework.FindCompetency(id) != nullptr; ++n)
      id = text::Slugify(name) + "-" + std::to_string(n);
    model::Competency c;
    c.id = id;
    c.name = name;
    c.description = text::Join(parsed->description, " ");
    c.origin = note.origin;
    framework.competencies.push_back(std::move(c));
    for (auto& [level, behaviour] : parsed->items) {
      model::Expectation* e = nullptr;
      for (model::Expectation& x : level->expectations)
        if (x.competency == id) e = &x;
      if (e == nullptr) {
        model::Expectation fresh;
        fresh.competency = id;
        fresh.origin = note.origin;
        level->expectations.push_back(std::move(fresh));
        e = &level->expectations.back();
      }
      e->behaviours.push_back(std::move(behaviour));
    }
  }
  framework.notes = std::move(kept);
}

}  // namespace ladder::formats
