// Levels written one table each under their headings (level_heading_tables.h). The tables are
// small (a row per competency), so each is read straight from its grid.
#include "formats/level_heading_tables.h"

#include <algorithm>
#include <array>

#include "base/text.h"
#include "formats/level_names.h"
#include "formats/level_table_interpreter.h"

namespace ladder::formats::level_table {
namespace {

std::string Clean(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

bool IsCompetencyHeader(std::string_view label) {
  static constexpr std::array<std::string_view, 10> kNames = {
      "competency", "competencies", "skill",    "skills", "area",
      "areas",      "dimension",    "category", "pillar", "focus area"};
  std::string l = text::ToLower(Clean(label));
  for (std::string_view n : kNames)
    if (l == n) return true;
  return false;
}

bool IsExpectationHeader(std::string_view label) {
  std::string l = text::ToLower(Clean(label));
  return l.starts_with("expectation") || l.starts_with("behaviour") || l.starts_with("behavior") ||
         l == "what we expect" || l == "description";
}

}  // namespace

bool IsExpectationTable(const html::Dom& dom, int table) {
  html::TableGrid grid = html::ExtractGrid(dom, table);
  if (grid.cols != 2 || grid.rows < 2) return false;
  int first = grid.At(0, 0).cell;
  int second = grid.At(0, 1).cell;
  return first != -1 && second != -1 && first != second && IsCompetencyHeader(dom.Text(first)) &&
         IsExpectationHeader(dom.Text(second));
}

int HeadingBefore(const html::Dom& dom, int table) {
  int parent = dom.At(table).parent;
  if (parent == -1) return -1;
  int before = -1;
  for (int child : dom.At(parent).children) {
    if (child == table) break;
    const html::Node& n = dom.At(child);
    if (n.kind == html::Node::Kind::kText && text::Trim(n.text).empty()) continue;
    before = child;
  }
  if (before == -1 || dom.At(before).kind != html::Node::Kind::kElement) return -1;
  const std::string& tag = dom.At(before).tag;
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' ? before : -1;
}

size_t LevelTables::CompetencyIndex(const std::string& name, SourceLocation where) {
  for (size_t i = 0; i < table_.competencies.size(); ++i)
    if (text::IEquals(table_.competencies[i].name, name)) return i;
  model::Competency c;
  c.id = internal::UniqueId(text::Slugify(name), competency_ids_);
  c.name = name;
  c.origin.where = std::move(where);
  table_.competencies.push_back(std::move(c));
  return table_.competencies.size() - 1;
}

bool LevelTables::Add(const html::Dom& dom, int table, std::string_view heading, int heading_line) {
  const std::string name = Clean(heading);
  if (!(LooksLikeLevel(name) || LooksLikeLevelName(name)) || !IsExpectationTable(dom, table))
    return false;
  LevelName parsed = ParseLevelName(name);
  if (parsed.code.empty() || level_codes_.contains(text::ToLower(parsed.code))) return false;
  level_codes_.insert(text::ToLower(parsed.code));
  model::Level level;
  level.code = parsed.code;
  level.title = parsed.title;
  level.summary = parsed.summary;
  if (!parsed.years.empty()) level.attributes.push_back({"years_of_experience", parsed.years});
  level.origin.where = {file_, heading_line, 0};
  html::TableGrid grid = html::ExtractGrid(dom, table);
  for (int r = 1; r < grid.rows; ++r) {
    int label = grid.At(r, 0).cell;
    int cell = grid.At(r, 1).cell;
    if (label == -1 || cell == -1 || label == cell) continue;
    const std::string competency = Clean(dom.Text(label));
    if (competency.empty()) continue;
    SourceLocation where{file_, dom.Line(label), 0};
    table_.passages.push_back({dom.Line(label), dom.Text(label), {}});
    table_.passages.push_back({dom.Line(cell), dom.Text(cell), {}});
    std::vector<html::Dom::Item> items = dom.Items(cell);
    if (items.empty()) continue;
    model::Expectation e;
    e.competency = table_.competencies[CompetencyIndex(competency, where)].id;
    e.origin.where = {file_, dom.Line(cell), 0};
    if (items.size() == 1 && IsUndefinedText(items[0].markdown)) {
      e.undefined = true;
      e.note = items[0].markdown;
    } else {
      for (html::Dom::Item& i : items) e.behaviours.push_back(std::move(i.markdown));
    }
    level.expectations.push_back(std::move(e));
  }
  table_.transposed = true;
  if (table_.tracks.empty()) table_.tracks.emplace_back();
  table_.tracks[0].levels.push_back(std::move(level));
  return true;
}

Table LevelTables::Take() {
  auto index = [&](const model::Expectation& e) {
    for (size_t i = 0; i < table_.competencies.size(); ++i)
      if (table_.competencies[i].id == e.competency) return i;
    return table_.competencies.size();
  };
  for (TrackPart& part : table_.tracks)
    for (model::Level& level : part.levels)
      std::stable_sort(level.expectations.begin(), level.expectations.end(),
                       [&](const model::Expectation& a, const model::Expectation& b) {
                         return index(a) < index(b);
                       });
  return std::move(table_);
}

}  // namespace ladder::formats::level_table
