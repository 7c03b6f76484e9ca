// Test helpers shared by the HTML-family reader tests: reading seeds and fixtures, and an
// outline of a framework for diagnosing failures.
#pragma once

#include <filesystem>
#include <fstream>
#include <iostream>
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

// A golden fixture ("level_pages/top_level_page.md"), named by its file name.
inline Document Fixture(std::string_view path) {
  std::filesystem::path p = std::filesystem::path(LADDER_SOURCE_DIR) / "tests/golden" / path;
  return {p.filename().string(), Slurp(p)};
}

// A readable outline of a framework, for diagnosing a failing test.
inline void Dump(const model::Framework& f, std::ostream& out = std::cout) {
  out << "framework " << f.id << " / " << f.name << "\n";
  for (auto& g : f.groups) {
    out << "group " << g.id << ":";
    for (auto& c : g.competencies) out << " " << c;
    out << "\n";
  }
  for (auto& c : f.competencies) out << "competency " << c.id << " | " << c.description << "\n";
  for (auto& t : f.tracks) {
    out << "track " << t.id << " " << t.name << " " << model::TrackKindName(t.kind) << "\n";
    for (auto& l : t.levels) {
      out << " level " << l.code << " rank " << l.rank << " title " << l.title << " state "
          << model::LevelStateName(l.state) << " note " << l.note << "\n  summary " << l.summary
          << "\n";
      for (auto& a : l.attributes) out << "  attr " << a.first << " = " << a.second << "\n";
      for (auto& e : l.expectations) {
        out << "  expectation " << e.competency << (e.undefined ? " undefined: " + e.note : "")
            << " summary " << e.summary << "\n";
        for (auto& b : e.behaviours) out << "   - " << b << "\n";
      }
      for (auto& r : l.requirements) out << "  requirement " << r.text << "\n";
    }
  }
  for (auto& o : f.overlays) {
    out << "overlay " << o.id << " " << o.name << " :: " << o.description << "\n";
    for (auto& d : o.duties) out << "  duty " << d << "\n";
  }
  for (auto& t : f.transitions) {
    out << "transition " << t.from << "->" << t.to << "\n";
    for (auto& r : t.requirements) out << "  requirement " << r.text << "\n";
  }
  for (auto& n : f.notes) out << "note [" << n.title << "]\n" << n.markdown << "\n--\n";
}

}  // namespace ladder::formats::testing
