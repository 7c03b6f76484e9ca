#include "formats/xlsx_cells.h"

#include <vector>

#include "base/text.h"
#include "formats/rule_text.h"

namespace ladder::formats::xlsx_cells {
namespace {

std::string Bullets(const std::vector<std::string>& items) {
  std::vector<std::string> lines;
  for (const std::string& i : items) lines.push_back("\xE2\x80\xA2 " + text::CollapseSpace(i));
  return text::Join(lines, "\n");
}

}  // namespace

std::string LevelHeader(const model::Level& l) {
  return l.title.empty() ? l.code : l.code + "\n" + l.title;
}

std::string LevelSummary(const model::Level& l) {
  if (l.state == model::LevelState::kUndefined)
    return l.note.empty() ? "Not defined" : "Not defined: " + l.note;
  return l.summary;
}

std::string ExpectationCell(const model::Level& l, const model::Expectation* e) {
  if (l.state == model::LevelState::kUndefined || !e) return {};
  if (e->undefined) return e->note.empty() ? "Not defined" : e->note;
  std::string cell = text::CollapseSpace(e->summary);
  if (!e->behaviours.empty()) cell += (cell.empty() ? "" : "\n") + Bullets(e->behaviours);
  return cell;
}

std::string RequirementsCell(const model::Level& l) {
  std::vector<std::string> lines;
  for (const model::Requirement& r : l.requirements)
    lines.push_back(r.text + " [" + RuleText(r.rule) + "]");
  return Bullets(lines);
}

std::string Truncate(std::string s) {
  if (s.size() <= kMaxCellBytes) return s;
  size_t cut = kMaxCellBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace ladder::formats::xlsx_cells
