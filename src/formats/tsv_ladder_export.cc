#include "formats/tsv_ladder_export.h"

#include <algorithm>

#include "base/text.h"

namespace ladder::formats {
namespace {

using model::Framework;
using model::Level;
using model::Track;

// The plain-text reader keeps the Level text of a placeholder row as the attribute `level`.
constexpr std::string_view kLevelAttribute = "level";
constexpr std::string_view kPlaceholder = "(varies)";

// A cell: one line, no tabs (tabs separate the columns).
std::string Cell(std::string_view s) {
  return OneLine(text::ReplaceAll(std::string(s), "\t", " "));
}

// "• a • b": the reader splits a flattened cell back into items at its bullets.
std::string Bullets(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) {
    std::string item = Cell(text::ReplaceAll(i, "\xE2\x80\xA2", "-"));
    if (item.empty()) continue;
    if (!out.empty()) out += " ";
    out += "\xE2\x80\xA2 " + item;
  }
  return out;
}

// Prose as plain lines: one line per paragraph (the reader joins a section's lines).
std::string Prose(std::string_view markdown) {
  std::string out;
  for (const std::string& line : text::SplitLines(markdown)) {
    std::string l = Cell(line);
    if (!l.empty()) out += l + "\n";
  }
  return out;
}

class Writer {
 public:
  explicit Writer(const Framework& fw) : fw_(fw) {}

  LayoutExport Run() {
    std::string out = Cell(fw_.DisplayName()) + "\n\n";
    for (const model::Note& n : fw_.notes) {
      if (DescribesSourceLayout(fw_, n)) continue;
      out += Cell(n.title.empty() ? "Notes" : n.title) + "\n\n";
      out += Prose(n.markdown) + "\n";
    }
    for (const Track& t : fw_.tracks)
      if (!t.levels.empty()) out += TrackSection(t);
    LayoutExport result;
    result.files.push_back({"ladder.txt", std::move(out)});
    CountLeftOut(result.left_out);
    return result;
  }

 private:
  std::vector<std::string> AttributeKeys(const Track& track) const {
    std::vector<std::string> keys;
    for (const Level& l : track.levels)
      for (const auto& [k, v] : l.attributes)
        if (k != kLevelAttribute && !DescribesSourceDocument(fw_, k) &&
            std::find(keys.begin(), keys.end(), k) == keys.end())
          keys.push_back(k);
    return keys;
  }

  static std::string AttributeOf(const Level& level, std::string_view key) {
    for (const auto& [k, v] : level.attributes)
      if (k == key) return v;
    return {};
  }

  std::string Row(const Track& track, const Level& level,
                  const std::vector<std::string>& keys) const {
    std::string grade = AttributeOf(level, kLevelAttribute);
    if (grade.empty()) grade = std::to_string(level.rank);
    std::string row = Cell(LevelName(level)) + "\t" + Cell(grade) + "\t";
    if (level.state == model::LevelState::kUndefined) {
      row += std::string(kPlaceholder) + "\t" + std::string(kPlaceholder);
    } else {
      std::string duties;
      if (const Level* base = IncludedLevel(fw_, track, level))
        duties = "Same as " + Cell(LevelName(*base)) + ", plus: ";
      std::vector<std::string> behaviours;
      for (const model::Competency& c : fw_.competencies) {
        const model::Expectation* e = level.FindExpectation(c.id);
        if (e == nullptr || e->undefined) continue;
        behaviours.insert(behaviours.end(), e->behaviours.begin(), e->behaviours.end());
      }
      duties += Bullets(behaviours);
      std::vector<std::string> requirements;
      for (const model::Requirement& r : level.requirements) requirements.push_back(r.text);
      row += duties + "\t" + Bullets(requirements);
    }
    for (const std::string& k : keys) row += "\t" + Cell(AttributeOf(level, k));
    return row + "\n";
  }

  std::string TrackSection(const Track& track) const {
    std::string out = Cell(track.DisplayName()) + "\n\n";
    if (!track.description.empty()) out += Prose(track.description) + "\n";
    const std::vector<std::string> keys = AttributeKeys(track);
    out += "Role Name\tLevel\tResponsibilities\tRequirements";
    for (const std::string& k : keys) out += "\t" + AttributeHeading(k);
    out += "\n";
    for (const Level& l : track.levels) out += Row(track, l, keys);
    return out + "\n";
  }

  void CountLeftOut(std::vector<std::string>& left_out) const {
    size_t summaries = 0, undefined_cells = 0, cell_summaries = 0, level_notes = 0;
    for (const Track& t : fw_.tracks) {
      for (const Level& l : t.levels) {
        if (!l.summary.empty()) ++summaries;
        if (!l.note.empty()) ++level_notes;
        for (const model::Expectation& e : l.expectations) {
          if (e.undefined) ++undefined_cells;
          if (!e.summary.empty()) ++cell_summaries;
        }
      }
    }
    if (fw_.competencies.size() > 1)
      left_out.push_back("competencies: behaviours are one Responsibilities list per level (" +
                         std::to_string(fw_.competencies.size()) + " competencies)");
    LeaveOut(left_out, summaries, "level summaries");
    LeaveOut(left_out, level_notes, "level notes");
    LeaveOut(left_out, undefined_cells, "undefined cells");
    LeaveOut(left_out, cell_summaries, "cell summaries");
    LeaveOutProse(fw_, left_out, /*notes_written=*/true);
    if (!fw_.description.empty()) left_out.push_back("the framework's description");
  }

  const Framework& fw_;
};

}  // namespace

Result<LayoutExport> ExportTsvLadder(const model::Framework& framework) {
  LADDER_TRY_STATUS(RequireLevels(framework, "tab-separated ladder"));
  return Writer(framework).Run();
}

}  // namespace ladder::formats
