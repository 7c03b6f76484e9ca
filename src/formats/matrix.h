// The matrix a spreadsheet or a data file of another tool describes, before it becomes a
// framework: tracks of levels, competencies (with their groups), and per level and competency a
// cell of text. The spreadsheet reader (sheet_matrix.h) and the data-file reader
// (data_shapes.h) both produce a Matrix; Build() turns it into a model::Framework, so ids,
// codes, ranks, undefined cells and groups are decided in one place.
//
//   Matrix m;
//   int delivery = m.Competency("Delivery", "Craft");
//   matrix::Track& t = m.AddTrack("Engineering");
//   t.levels.push_back({.name = "IC1"});
//   t.levels[0].cells[delivery] = CellFromText("- Ships small changes\n- Asks for review");
//   model::Framework f = matrix::Build(std::move(m), "ladder.xlsx");
//
// Pure values; Build is a pure function (thread-safe).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::formats::matrix {

// What one level expects in one competency.
struct Cell {
  std::string summary;
  std::vector<std::string> behaviours;
  bool undefined = false;  // the source says "not defined", "TBD", ...
  std::string note;        // the undefined text
  SourceLocation where;
  bool Empty() const { return summary.empty() && behaviours.empty() && !undefined; }
};

struct Level {
  std::string name;  // as the source names it: "IC3", "Senior Engineer", "IC3\nSenior Engineer"
  std::string code;  // when the source gives a code apart from the name
  std::string summary;
  model::Attributes attributes;
  std::vector<std::string> requirements;  // sentences
  std::map<int, Cell> cells;              // by competency index
  SourceLocation where;
};

struct Track {
  std::string name;  // "" for the only, unnamed track
  std::vector<Level> levels;
  SourceLocation where;
};

struct Competency {
  std::string name;
  std::string group;  // "" when ungrouped
  std::string description;
  SourceLocation where;
};

struct Matrix {
  std::string name;  // the framework's name, if the source says it
  std::string description;
  std::vector<Competency> competencies;
  std::vector<Track> tracks;
  std::vector<model::Note> notes;
  std::vector<model::RoleProfile> roles;  // ids are made unique by Build

  // The index of the competency of this name in this group, added if new (names compare
  // case-insensitively, white space collapsed). Competencies are added through here only: it
  // keeps `index` in step.
  int CompetencyIndex(std::string_view name, std::string_view group = {},
                      const SourceLocation& where = {});
  std::unordered_map<std::string, int> index;           // name and group keys -> competency
  std::unordered_map<std::string, size_t> track_index;  // name key -> track (TrackNamed)
  // The track of this name, added if new (tracks are added through here only).
  Track& TrackNamed(std::string_view name, const SourceLocation& where = {});
  // Number of levels over all tracks.
  size_t LevelCount() const;
};

// Splits the text of a cell into an expectation: bullet lines ("- ", "* ", "• ", "1. ") are
// behaviours and the lines before the first bullet its summary; without bullets every line is a
// behaviour; a text that says "not defined", "TBD" ... makes the cell undefined. Empty text
// gives an empty cell.
Cell CellFromText(std::string_view text, const SourceLocation& where = {});

// Builds the framework: competency and group ids from names (unique), tracks ("levels" for a
// single unnamed one; kinds ic/management from the name), level codes and titles from names
// ("IC3 Senior" -> IC3 + Senior; "Senior Engineer" -> senior-engineer + Senior Engineer; a
// second line of a name is the title), ranks 1..n per track, expectations in competency order,
// a level whose every cell is undefined (or that has nothing but an undefined summary) marked
// undefined. `source_name` names the framework when the matrix does not.
model::Framework Build(Matrix matrix, std::string_view source_name);

// True for words that name proficiency or seniority steps rather than competencies
// ("Novice", "Competent", "Expert", "Basic", "Advanced", "Junior", "Senior", "IC3", "Level 2").
bool LooksLikeStep(std::string_view name);

}  // namespace ladder::formats::matrix
