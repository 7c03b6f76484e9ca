// Test helpers shared by the HTML-family reader tests: reading seeds and fixtures, and checking
// that every passage a reader saw landed somewhere in the framework (words, case-insensitive).
#pragma once

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/text.h"
#include "formats/import.h"
#include "model/framework.h"

namespace ladder::formats::testing {

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seed whose file name starts with `prefix` ("001").
inline Document Seed(std::string_view prefix) {
  for (const auto& e : std::filesystem::directory_iterator(LADDER_SEEDS_DIR))
    if (e.path().filename().string().starts_with(prefix))
      return {e.path().filename().string(), Slurp(e.path())};
  return {};
}

inline Document Fixture(std::string_view name) {
  std::filesystem::path p = std::filesystem::path(LADDER_SOURCE_DIR) / "tests/golden/html" / name;
  return {p.filename().string(), Slurp(p)};
}

inline void AddWords(std::string_view s, std::set<std::string>& words) {
  std::string word;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) words.insert(word);
}

inline std::set<std::string> FrameworkWords(const model::Framework& f) {
  std::set<std::string> w;
  AddWords(f.name, w);
  AddWords(f.description, w);
  for (const auto& g : f.groups) AddWords(g.name + " " + g.description, w);
  for (const auto& c : f.competencies) AddWords(c.name + " " + c.description, w);
  for (const auto& t : f.tracks) {
    AddWords(t.name + " " + t.description, w);
    for (const auto& l : t.levels) {
      AddWords(l.code + " " + l.title + " " + l.summary + " " + l.note, w);
      for (const auto& [k, v] : l.attributes) AddWords(v, w);
      for (const auto& e : l.expectations) {
        AddWords(e.summary + " " + e.note, w);
        for (const auto& b : e.behaviours) AddWords(b, w);
      }
      for (const auto& r : l.requirements) AddWords(r.text, w);
    }
  }
  for (const auto& o : f.overlays) {
    AddWords(o.name + " " + o.description, w);
    for (const auto& d : o.duties) AddWords(d, w);
  }
  for (const auto& t : f.transitions)
    for (const auto& r : t.requirements) AddWords(r.text, w);
  for (const auto& n : f.notes) AddWords(n.title + " " + n.markdown, w);
  return w;
}

// Passages with a word that appears nowhere in the framework.
inline std::vector<Passage> Lost(const Imported& imported) {
  std::set<std::string> have = FrameworkWords(imported.framework);
  std::vector<Passage> lost;
  for (const Passage& p : imported.source) {
    std::set<std::string> words;
    AddWords(p.text, words);
    for (const auto& word : words) {
      if (!have.count(word)) {
        lost.push_back(p);
        break;
      }
    }
  }
  return lost;
}

}  // namespace ladder::formats::testing
