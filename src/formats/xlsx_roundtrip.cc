#include "formats/xlsx_roundtrip.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "formats/canonical.h"
#include "formats/level_table.h"
#include "formats/matrix.h"
#include "formats/xlsx_cells.h"
#include "formats/xlsx_export.h"
#include "model/validate.h"

namespace ladder::formats {
namespace {

const Sheet* FindSheet(const Workbook& book, std::string_view name) {
  for (const Sheet& s : book.sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string Trimmed(std::string_view s) { return std::string(text::Trim(s)); }

// True when the cell still shows what the export wrote.
bool Same(const std::string& cell, const std::string& exported) {
  return Trimmed(cell) == Trimmed(xlsx_cells::Truncate(exported));
}

// "• a [manual]\n• b" -> {"a", "b"}.
std::vector<std::string> RequirementLines(const std::string& cell) {
  std::vector<std::string> out;
  for (const std::string& raw : text::SplitLines(cell)) {
    std::string_view line = text::Trim(raw);
    for (std::string_view b : {"\xE2\x80\xA2", "- ", "* "})
      if (line.starts_with(b)) line = text::Trim(line.substr(b.size()));
    if (line.ends_with("]"))
      if (size_t open = line.rfind(" ["); open != std::string_view::npos)
        line = text::Trim(line.substr(0, open));
    if (!line.empty()) out.emplace_back(line);
  }
  return out;
}

class Editor {
 public:
  Editor(model::Framework& f, const std::string& file, std::vector<Passage>& source,
         std::vector<ImportWarning>& warnings)
      : f_(f), file_(file), source_(source), warnings_(warnings) {}

  void Track(model::Track& track, const Sheet& sheet) {
    label_ = file_ + " [" + sheet.name + "]";
    const int n = static_cast<int>(track.levels.size());
    for (int i = 0; i < n; ++i) {
      Header(track.levels[static_cast<size_t>(i)], sheet, i + 1);
      Source(sheet.At(0, i + 1), sheet.LineOf(0));
    }
    std::string group;
    for (int r = 1; r < sheet.Height(); ++r) {
      std::string label = Trimmed(sheet.At(r, 0));
      bool any = false;
      for (int i = 0; i < n; ++i) {
        const std::string& cell = sheet.At(r, i + 1);
        any = any || !Trimmed(cell).empty();
        if (label == "Requirements") {
          for (const std::string& line : RequirementLines(cell)) Source(line, sheet.LineOf(r));
        } else if (cell.starts_with("Not defined: ")) {
          Source(cell.substr(13), sheet.LineOf(r));
        } else if (Trimmed(cell) != "Not defined") {
          Source(cell, sheet.LineOf(r));
        }
      }
      if (label != "Summary" && label != "Requirements") Source(label, sheet.LineOf(r));
      if (label == "Summary") {
        for (int i = 0; i < n; ++i) Summary(track.levels[static_cast<size_t>(i)], sheet, r, i + 1);
      } else if (label == "Requirements") {
        for (int i = 0; i < n; ++i)
          Requirements(track.levels[static_cast<size_t>(i)], sheet.At(r, i + 1));
      } else if (!label.empty() && IsGroup(label) && !any) {
        group = label;
      } else if (!label.empty()) {
        const std::string id = CompetencyId(label, group, sheet.LineOf(r));
        for (int i = 0; i < n; ++i)
          Cell(track.levels[static_cast<size_t>(i)], id, sheet.At(r, i + 1), sheet.LineOf(r));
      }
    }
  }

 private:
  SourceLocation Where(int line) const { return SourceLocation{label_, line, 0}; }

  // A visible cell's text, as a passage of the source (labels the export adds are not).
  void Source(const std::string& cell, int line) {
    std::string t = text::CollapseSpace(cell);
    if (!text::Trim(t).empty()) source_.push_back({line, Trimmed(t), label_});
  }

  void Header(model::Level& l, const Sheet& sheet, int col) {
    const std::string& cell = sheet.At(0, col);
    if (Same(cell, xlsx_cells::LevelHeader(l)) || Trimmed(cell).empty()) return;
    std::vector<std::string> lines = text::SplitLines(Trimmed(cell));
    if (Trimmed(lines[0]) != l.code)
      warnings_.push_back(
          {Where(sheet.LineOf(0)), "level codes are not changed from a spreadsheet: '" + l.code +
                                       "' stays (its column says '" + Trimmed(lines[0]) + "')"});
    std::vector<std::string> rest(lines.begin() + 1, lines.end());
    l.title = Trimmed(text::Join(rest, " "));
  }

  void Summary(model::Level& l, const Sheet& sheet, int row, int col) {
    const std::string& cell = sheet.At(row, col);
    if (Same(cell, xlsx_cells::LevelSummary(l))) return;
    std::string t = Trimmed(cell);
    if (level_table::IsUndefinedText(t)) {
      l.state = model::LevelState::kUndefined;
      l.note = t.starts_with("Not defined: ") ? t.substr(13) : t;
      l.summary.clear();
    } else {
      l.state = model::LevelState::kDefined;
      l.note.clear();
      l.summary = text::CollapseSpace(t);
    }
  }

  void Requirements(model::Level& l, const std::string& cell) {
    if (Same(cell, xlsx_cells::RequirementsCell(l))) return;
    std::vector<model::Requirement> out;
    for (const std::string& line : RequirementLines(cell)) {
      auto it = std::find_if(l.requirements.begin(), l.requirements.end(),
                             [&](const model::Requirement& r) { return r.text == line; });
      out.push_back(it != l.requirements.end()
                        ? *it
                        : model::Requirement{line, model::ManualRule{}, l.origin});
    }
    l.requirements = std::move(out);
  }

  void Cell(model::Level& l, const std::string& id, const std::string& cell, int line) {
    auto it = std::find_if(l.expectations.begin(), l.expectations.end(),
                           [&](const model::Expectation& e) { return e.competency == id; });
    const model::Expectation* e = it == l.expectations.end() ? nullptr : &*it;
    if (Same(cell, xlsx_cells::ExpectationCell(l, e))) return;
    if (l.state == model::LevelState::kUndefined) {
      warnings_.push_back({Where(line), "a cell of undefined level '" + l.code +
                                            "' was filled: define the level's summary first; the "
                                            "cell is not imported"});
      return;
    }
    matrix::Cell read = matrix::CellFromText(cell);
    if (read.Empty()) {
      if (it != l.expectations.end()) l.expectations.erase(it);
      return;
    }
    model::Expectation next;
    next.competency = id;
    next.summary = text::CollapseSpace(read.summary);
    next.behaviours = std::move(read.behaviours);
    next.undefined = read.undefined;
    next.note = read.note;
    next.origin.where = Where(line);
    if (it != l.expectations.end()) {
      *it = std::move(next);
      return;
    }
    // In competency order.
    auto pos = l.expectations.begin();
    for (const model::Competency& c : f_.competencies) {
      if (c.id == id) break;
      if (pos != l.expectations.end() && pos->competency == c.id) ++pos;
    }
    l.expectations.insert(pos, std::move(next));
  }

  bool IsGroup(const std::string& label) const {
    for (const model::CompetencyGroup& g : f_.groups)
      if (g.DisplayName() == label) return true;
    return false;
  }

  // The competency a row label names; a new one (in `group`) when none does.
  std::string CompetencyId(const std::string& label, const std::string& group, int line) {
    for (const model::Competency& c : f_.competencies)
      if (c.DisplayName() == label) return c.id;
    std::set<std::string> ids;
    for (const model::Competency& c : f_.competencies) ids.insert(c.id);
    std::string id = text::Slugify(label);
    for (int n = 2; ids.count(id); ++n) id = text::Slugify(label) + "-" + std::to_string(n);
    model::Competency c;
    c.id = id;
    c.name = label;
    c.origin.where = Where(line);
    f_.competencies.push_back(std::move(c));
    for (model::CompetencyGroup& g : f_.groups)
      if (g.DisplayName() == group) g.competencies.push_back(id);
    return id;
  }

  model::Framework& f_;
  const std::string& file_;
  std::vector<Passage>& source_;
  std::vector<ImportWarning>& warnings_;
  std::string label_;
};

}  // namespace

std::optional<model::Framework> LadderWorkbookFramework(const Workbook& book,
                                                        const std::string& file) {
  const Sheet* sheet = FindSheet(book, xlsx_cells::kFrameworkSheet);
  if (!sheet || !sheet->hidden) return std::nullopt;
  std::string yaml;
  for (int r = 0; r < sheet->Height(); ++r) {
    std::string line;
    for (const std::string& part : sheet->rows[static_cast<size_t>(r)]) line += part;
    if (line.starts_with("|")) line.erase(0, 1);
    yaml += line + "\n";
  }
  Result<model::Framework> f = ParseYaml(yaml, file + " [" + xlsx_cells::kFrameworkSheet + "]");
  if (!f) return std::nullopt;
  return std::move(*f);
}

void DropLadderSheet(Workbook& book) {
  std::erase_if(book.sheets,
                [](const Sheet& s) { return s.hidden && s.name == xlsx_cells::kFrameworkSheet; });
}

Result<model::Framework> ApplyWorkbookEdits(model::Framework f, const Workbook& book,
                                            const std::string& file, std::vector<Passage>& source,
                                            std::vector<ImportWarning>& warnings) {
  Editor editor(f, file, source, warnings);
  std::set<std::string> used;  // the export's sheet names, in the export's order
  for (model::Track& track : f.tracks) {
    std::string name = SheetName(track.DisplayName(), used);
    if (const Sheet* sheet = FindSheet(book, name))
      editor.Track(track, *sheet);
    else
      warnings.push_back(
          {SourceLocation{file, 0, 0}, "the sheet of track '" + track.id + "' ('" + name +
                                           "') is missing; the track is kept as exported"});
  }
  std::vector<Error> invalid = model::ValidateFramework(f);
  if (!invalid.empty()) {
    Error e = invalid.front();
    e.message = "the edited workbook breaks the framework: " + e.message;
    return Fail(std::move(e));
  }
  return f;
}

}  // namespace ladder::formats
