#include "formats/levels_table_export.h"

#include <algorithm>
#include <regex>

#include "base/text.h"
#include "formats/level_table.h"
#include "formats/markdown_blocks.h"

namespace ladder::formats {
namespace {

using model::Framework;
using model::Level;
using model::Track;

constexpr std::string_view kYears = "years_of_experience";

// A prose section around the table: a heading and its Markdown.
struct Section {
  int depth = 2;
  std::string title;
  std::string markdown;
};

// True when `code` is a level code the table reader reads back as a code (IC3, CS1, L2), not a
// slug it would make from the level's title.
bool CodeLike(std::string_view code) {
  level_table::LevelName name = level_table::ParseLevelName(code);
  return name.code == code && name.title.empty() && !name.prefix.empty();
}

// What the level cell says: "CS1 — Associate Engineer" or the code alone; with a Title column,
// the code, or the rank when the code is none.
std::string LevelLabel(const Level& level, bool titles_column) {
  if (titles_column) return CodeLike(level.code) ? level.code : std::to_string(level.rank);
  const std::string title = OneLine(level.title);
  if (title.empty() || title == level.code) return level.code;
  return level.code + " \xE2\x80\x94 " + title;
}

// The text of an undefined cell or level: its note, made to say "not defined" when it does
// not already (the reader recognises undefined cells by these words).
std::string UndefinedText(std::string_view note) {
  std::string n = OneLine(note);
  if (n.empty()) return "Not defined.";
  if (level_table::IsUndefinedText(n)) return n;
  return "Not defined. " + n;
}

std::string Attribute(const Level& level, std::string_view key) {
  for (const auto& [k, v] : level.attributes)
    if (k == key) return v;
  return {};
}

// When every level code reads as a code, the level cell names each level ("CS1 — Associate");
// otherwise a Title column holds the titles and levels without a code are numbered by rank
// under the "Level" corner (the reader reads bare numbers there as levels).
bool AllCodeLike(const Framework& fw) {
  for (const Track& t : fw.tracks)
    for (const Level& l : t.levels)
      if (!CodeLike(l.code)) return false;
  return true;
}

// The words that make a row spanning the table between levels name a track (level_table.h).
const std::regex& TrackWords() {
  static const std::regex re(R"(track|path|ladder|manag|individual contributor|\bic\b)",
                             std::regex::icase);
  return re;
}

bool HasYears(const Framework& fw) {
  for (const Track& t : fw.tracks)
    for (const Level& l : t.levels)
      if (!Attribute(l, kYears).empty()) return true;
  return false;
}

class Writer {
 public:
  Writer(const Framework& fw, LevelsTableOptions options)
      : fw_(fw), options_(options), years_(HasYears(fw)), titles_(!AllCodeLike(fw)) {}

  LayoutExport Run() {
    std::vector<Section> sections;
    CompetencySections(sections);
    for (const model::Note& n : fw_.notes)
      if (!DescribesSourceLayout(fw_, n))
        sections.push_back({2, n.title.empty() ? "Notes" : OneLine(n.title), n.markdown});
    OverlaySections(sections);
    TransitionSections(sections);
    if (!fw_.policy.empty()) {
      std::string list;
      for (const model::Requirement& r : fw_.policy) list += "- " + OneLine(r.text) + "\n";
      sections.push_back({2, "When do I get promoted?", list});
    }
    const std::string tables = Table();
    CountLeftOut();
    LayoutExport out;
    out.files.push_back(
        {options_.html_document ? "levels-table.html" : "levels-table.md",
         options_.html_document ? Html(sections, tables) : Markdown(sections, tables)});
    out.left_out = std::move(left_out_);
    return out;
  }

 private:
  const std::string& Name() const { return fw_.DisplayName(); }

  // Pillars and areas as the customer-engineering page writes them: "## Pillar", its
  // description, "- Area: description". Competencies outside a pillar come first, under a
  // heading too long to be read as a pillar.
  void CompetencySections(std::vector<Section>& sections) const {
    std::vector<std::string> grouped;
    for (const model::CompetencyGroup& g : fw_.groups)
      grouped.insert(grouped.end(), g.competencies.begin(), g.competencies.end());
    std::string loose;
    for (const model::Competency& c : fw_.competencies) {
      if (c.description.empty() || std::find(grouped.begin(), grouped.end(), c.id) != grouped.end())
        continue;
      loose += "- " + OneLine(c.name) + ": " + OneLine(c.description) + "\n";
    }
    if (!loose.empty()) sections.push_back({2, "What each competency covers", loose});
    for (const model::CompetencyGroup& g : fw_.groups) {
      std::string md;
      if (!g.description.empty()) md += std::string(text::Trim(g.description)) + "\n\n";
      for (const std::string& id : g.competencies) {
        const model::Competency* c = fw_.FindCompetency(id);
        if (c == nullptr) continue;
        md += "- " + OneLine(c->name) + ":";
        if (!c->description.empty()) md += " " + OneLine(c->description);
        md += "\n";
      }
      sections.push_back({2, OneLine(g.name), md});
    }
  }

  void OverlaySections(std::vector<Section>& sections) const {
    for (const model::OverlayRole& o : fw_.overlays) {
      std::string md;
      if (!o.description.empty()) md += std::string(text::Trim(o.description)) + "\n\n";
      for (const std::string& d : o.duties) md += "- " + OneLine(d) + "\n";
      sections.push_back({2, OneLine(o.DisplayName()), md});
      if (o.requirements.empty()) continue;
      std::string reqs;
      for (const model::Requirement& r : o.requirements) reqs += "- " + OneLine(r.text) + "\n";
      sections.push_back({3, "Requirements", reqs});
    }
  }

  // A transition towards management is "Moving from X to Y" (the reader's words for one);
  // other directions avoid those words, which would read as a move into management.
  void TransitionSections(std::vector<Section>& sections) const {
    for (const model::Transition& t : fw_.transitions) {
      const Track* from = fw_.FindTrack(t.from);
      const Track* to = fw_.FindTrack(t.to);
      std::string from_name = from && !from->name.empty() ? from->name : t.from;
      std::string to_name = to && !to->name.empty() ? to->name : t.to;
      bool to_management = to && to->kind == model::TrackKind::kManagement;
      std::string md;
      if (!t.description.empty()) md += std::string(text::Trim(t.description)) + "\n\n";
      for (const model::Requirement& r : t.requirements) md += "- " + OneLine(r.text) + "\n";
      sections.push_back({2,
                          (to_management ? "Moving from " : "From ") + OneLine(from_name) + " to " +
                              OneLine(to_name),
                          md});
    }
  }

  void CountLeftOut() {
    size_t requirements = 0, attributes = 0, cell_notes = 0;
    for (const Track& t : fw_.tracks) {
      for (const Level& l : t.levels) {
        requirements += l.requirements.size();
        for (const auto& [k, v] : l.attributes)
          if (k != kYears) ++attributes;
        if (l.state == model::LevelState::kUndefined) continue;
        for (const model::Expectation& e : l.expectations)
          if (!e.undefined && !e.note.empty()) ++cell_notes;
      }
    }
    LeaveOut(left_out_, requirements, "level requirements");
    LeaveOut(left_out_, attributes, "level attributes other than years of experience");
    LeaveOut(left_out_, cell_notes, "notes of defined cells");
  }

  std::string Cell(const Level& level, const model::Competency& c, bool summary_row) const {
    const model::Expectation* e = level.FindExpectation(c.id);
    if (level.state == model::LevelState::kUndefined)
      return summary_row
                 ? "<td></td>"
                 : "<td class=\"behaviors\">" + EscapeHtml(UndefinedText(level.note)) + "</td>";
    if (summary_row)
      return "<td>" + (e ? InlineMarkdownToHtml(OneLine(e->summary), false) : std::string()) +
             "</td>";
    if (e == nullptr) return "<td class=\"behaviors\"></td>";
    if (e->undefined)
      return "<td class=\"behaviors\">" + EscapeHtml(UndefinedText(e->note)) + "</td>";
    if (e->behaviours.empty()) return "<td class=\"behaviors\"></td>";
    std::string out = "<td class=\"behaviors\">\n        <ul>\n";
    for (const std::string& b : e->behaviours)
      out += "          <li>" + InlineMarkdownToHtml(OneLine(b), false) + "</li>\n";
    return out + "        </ul>\n      </td>";
  }

  std::string LevelRows(const Level& level, int columns) const {
    const bool undefined = level.state == model::LevelState::kUndefined;
    bool summaries = false;
    if (!undefined)
      for (const model::Expectation& e : level.expectations)
        summaries = summaries || !e.summary.empty();
    const bool summary = !level.summary.empty();
    const int rowspan = 2 + (summary ? 1 : 0) + (summaries ? 1 : 0);
    std::string out = "    <!-- " + EscapeHtml(level.code) + " -->\n";
    out += "    <tr>\n      <th id=\"" + text::Slugify(level.code) + "\" scope=\"row\" rowspan=\"" +
           std::to_string(rowspan) + "\" class=\"level\">" +
           EscapeHtml(LevelLabel(level, titles_)) + "</th>\n    </tr>\n";
    if (summary)
      out += "    <tr>\n      <td class=\"level-summary\" colspan=\"" +
             std::to_string(columns - 1) + "\">" +
             InlineMarkdownToHtml(OneLine(level.summary), false) + "</td>\n    </tr>\n";
    for (bool summary_row : {true, false}) {
      if (summary_row && !summaries) continue;
      out += summary_row ? "    <tr class=\"category-summary\">\n"
                         : "    <tr class=\"behaviors-row\">\n";
      // The title and the years of experience sit in the behaviours row only (the summary
      // row's cells are read as cell summaries).
      if (titles_)
        out += "      <td>" + (summary_row ? std::string() : EscapeHtml(OneLine(level.title))) +
               "</td>\n";
      if (years_)
        out += "      <td>" +
               (summary_row ? std::string() : EscapeHtml(OneLine(Attribute(level, kYears)))) +
               "</td>\n";
      for (const model::Competency& c : fw_.competencies)
        out += "      " + Cell(level, c, summary_row) + "\n";
      out += "    </tr>\n";
    }
    return out;
  }

  // One table: a row spanning it names each track before its levels. A track row between
  // levels must say "path", "track" or "ladder" (or name management or individual
  // contributors) to be read as one, so a track name that does not is written with " path".
  std::string Table() const {
    const int columns =
        1 + (titles_ ? 1 : 0) + (years_ ? 1 : 0) + static_cast<int>(fw_.competencies.size());
    // A whole page is read by the HTML-table reader, which the class "levels-table" would send
    // to the levels-table reader (Markdown around a table).
    std::string out = std::string("<table class=\"") +
                      (options_.html_document ? "levels" : "levels-table") + "\">\n";
    out += "  <thead>\n    <tr>\n      <th scope=\"col\">Level</th>\n";
    if (titles_) out += "      <th scope=\"col\">Title</th>\n";
    if (years_) out += "      <th scope=\"col\">Years of experience</th>\n";
    for (const model::Competency& c : fw_.competencies)
      out += "      <th scope=\"col\" class=\"category-title\">" +
             EscapeHtml(OneLine(c.DisplayName())) + "</th>\n";
    out += "    </tr>\n  </thead>\n  <tbody>\n";
    bool first = true;
    for (const Track& track : fw_.tracks) {
      if (track.levels.empty()) continue;
      std::string name = OneLine(track.DisplayName());
      if (!first && !std::regex_search(name, TrackWords())) name += " path";
      first = false;
      out += "    <tr>\n      <th scope=\"colgroup\" colspan=\"" + std::to_string(columns) +
             "\" class=\"track\">" + EscapeHtml(name) + "</th>\n    </tr>\n";
      for (const Level& l : track.levels) out += LevelRows(l, columns);
    }
    out += "  </tbody>\n</table>\n";
    return out;
  }

  std::string Markdown(const std::vector<Section>& sections, const std::string& tables) const {
    std::string out = "# " + OneLine(Name()) + "\n\n";
    if (!fw_.description.empty()) out += std::string(text::Trim(fw_.description)) + "\n\n";
    for (const Section& s : sections) {
      out += std::string(static_cast<size_t>(s.depth), '#') + " " + s.title + "\n\n";
      std::string_view body = text::Trim(s.markdown);
      if (!body.empty()) out += std::string(body) + "\n\n";
    }
    out += "## Levels\n\n" + tables;
    return out;
  }

  std::string Html(const std::vector<Section>& sections, const std::string& tables) const {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + EscapeHtml(fw_.language) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + EscapeHtml(OneLine(Name())) + "</title>\n</head>\n<body>\n";
    out += "<h1>" + EscapeHtml(OneLine(Name())) + "</h1>\n";
    if (!fw_.description.empty()) out += MarkdownHtml(fw_.description) + "\n";
    for (const Section& s : sections) {
      const std::string h = "h" + std::to_string(s.depth);
      out += "<" + h + ">" + EscapeHtml(s.title) + "</" + h + ">\n";
      if (!text::Trim(s.markdown).empty()) out += MarkdownHtml(s.markdown) + "\n";
    }
    out += "<h2>Levels</h2>\n" + tables + "</body>\n</html>\n";
    return out;
  }

  const Framework& fw_;
  LevelsTableOptions options_;
  bool years_;
  bool titles_;
  std::vector<std::string> left_out_;
};

}  // namespace

Result<LayoutExport> ExportLevelsTable(const model::Framework& framework,
                                       LevelsTableOptions options) {
  LADDER_TRY_STATUS(RequireLevels(framework, "levels table"));
  return Writer(framework, options).Run();
}

}  // namespace ladder::formats
