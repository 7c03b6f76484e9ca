#include "formats/layout_export.h"

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "base/text.h"

namespace ladder::formats {

const std::vector<std::string>& LayoutNames() {
  static const std::vector<std::string> kNames = {"levels-table", "level-pages", "tsv-ladder",
                                                  "role-catalog"};
  return kNames;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string MarkdownHtml(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is safe mode: raw HTML omitted, unsafe link schemes emptied.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  std::string out = html ? html.get() : "";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void LeaveOut(std::vector<std::string>& left_out, size_t count, std::string_view what) {
  if (count > 0) left_out.push_back(std::string(what) + " (" + std::to_string(count) + ")");
}

void LeaveOutProse(const model::Framework& framework, std::vector<std::string>& left_out,
                   bool notes_written) {
  size_t descriptions = 0;
  for (const model::Competency& c : framework.competencies)
    if (!c.description.empty()) ++descriptions;
  LeaveOut(left_out, framework.groups.size(), "pillars (competency groups)");
  LeaveOut(left_out, descriptions, "competency descriptions");
  LeaveOut(left_out, framework.overlays.size(), "overlay roles");
  LeaveOut(left_out, framework.transitions.size(), "transitions between tracks");
  LeaveOut(left_out, framework.policy.size(), "promotion policy requirements");
  if (notes_written) return;
  size_t notes = 0;
  for (const model::Note& n : framework.notes)
    if (!DescribesSourceLayout(framework, n)) ++notes;
  LeaveOut(left_out, notes, "notes");
}

std::string OneLine(std::string_view text) {
  return std::string(text::Trim(text::CollapseSpace(text)));
}

std::string AttributeHeading(std::string_view key) {
  std::string out = text::ReplaceAll(std::string(key), "_", " ");
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string LevelName(const model::Level& level) {
  return level.title.empty() ? level.code : OneLine(level.title);
}

bool DescribesSourceLayout(const model::Framework& framework, const model::Note& note) {
  if (framework.source.format == "level-pages") return note.title == "Level page sections";
  if (framework.source.format == "role-catalog")
    return text::StartsWith(note.title, "Heading of each role blueprint");
  return false;
}

bool DescribesSourceDocument(const model::Framework& framework, std::string_view attribute) {
  return framework.source.format == "level-pages" && attribute == "page";
}

Status RequireLevels(const model::Framework& framework, std::string_view layout) {
  for (const model::Track& t : framework.tracks)
    if (!t.levels.empty()) return Ok();
  return MakeError(ErrorCode::kInvalidArgument,
                   "framework '" + framework.id + "' has no levels: a " + std::string(layout) +
                       " shows levels (a role catalogue exports --to role-catalog)");
}

Status RequireRoles(const model::Framework& framework, std::string_view layout) {
  if (!framework.roles.empty()) return Ok();
  return MakeError(ErrorCode::kInvalidArgument, "framework '" + framework.id +
                                                    "' has no roles: a " + std::string(layout) +
                                                    " lists the roles of a role catalogue");
}

const model::Level* IncludedLevel(const model::Framework& framework, const model::Track& track,
                                  const model::Level& level) {
  if (!level.inherits.empty()) return framework.ResolveLevel(level.inherits, track.id).second;
  if (framework.cumulative) return framework.PreviousLevel(track.id, level.code);
  return nullptr;
}

}  // namespace ladder::formats
