#include "formats/markdown_export.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "formats/rule_text.h"

namespace ladder::formats {
namespace {

using model::Framework;
using model::Level;
using model::Track;

// One line, safe inside a table cell: `|` escaped, line breaks folded.
std::string Cell(std::string_view s) {
  return text::ReplaceAll(std::string(text::Trim(text::CollapseSpace(s))), "|", "\\|");
}

// One line for a list item or a heading.
std::string Line(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

// "years_of_experience" -> "Years of experience".
std::string Humanize(std::string_view key) {
  std::string out = text::ReplaceAll(std::string(key), "_", " ");
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string LevelLabel(const Level& level) {
  std::string code = level.code.empty() || level.code.find_first_of(" \t") != std::string::npos
                         ? "`" + level.code + "`"
                         : level.code;
  return level.title.empty() ? code : code + " " + level.title;
}

bool Undefined(const Level& level) { return level.state == model::LevelState::kUndefined; }

std::string UndefinedText(std::string_view note) {
  std::string n = Line(note);
  return n.empty() ? "*Not defined*" : "*Not defined: " + n + "*";
}

class Writer {
 public:
  explicit Writer(const Framework& fw) : fw_(fw) {}

  std::string Run() {
    Header();
    Competencies();
    for (const Track& t : fw_.tracks) TrackSection(t);
    Overlays();
    Transitions();
    Requirements("## Promotion policy", fw_.policy);
    Notes();
    Roles();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  void Para(std::string_view text) {
    if (!text::Trim(text).empty()) out_ += std::string(text::Trim(text)) + "\n\n";
  }

  // Front matter: the framework's own fields, so that the export reads back
  // (ladder_markdown_reader.h). Values are YAML double-quoted strings.
  void FrontMatter() {
    auto quoted = [](const std::string& value) {
      return "\"" + text::ReplaceAll(text::ReplaceAll(value, "\\", "\\\\"), "\"", "\\\"") + "\"";
    };
    auto field = [&](const char* key, const std::string& value) {
      out_ += std::string(key) + ": " + quoted(value) + "\n";
    };
    out_ += "---\nladder-export: 1\n";
    field("id", fw_.id);
    field("name", fw_.name);
    if (!fw_.version.empty()) field("version", fw_.version);
    field("status", model::FrameworkStatusName(fw_.status));
    if (!fw_.effective.empty()) field("effective", fw_.effective);
    if (!fw_.family.empty()) field("family", fw_.family);
    if (fw_.cumulative) out_ += "cumulative: true\n";
    if (fw_.consensus != model::ConsensusRule::kUnanimous)
      field("consensus", model::ConsensusRuleName(fw_.consensus));
    if (fw_.next_level_reading != model::NextLevelReading::kOverlapping)
      field("next_level_reading", model::NextLevelReadingName(fw_.next_level_reading));
    if (fw_.waivers.after_panel_no) out_ += "waive-after-panel-no: true\n";
    if (fw_.publishing.requires_approval) out_ += "publishing-requires-approval: true\n";
    if (!fw_.source.file.empty()) field("source-file", fw_.source.file);
    if (!fw_.source.format.empty()) field("source-format", fw_.source.format);
    if (!fw_.jd_template.empty()) field("jd-template", fw_.jd_template);
    if (!fw_.allow_links.empty()) {
      out_ += "allow-links:\n";
      for (const std::string& link : fw_.allow_links) out_ += "  - " + quoted(link) + "\n";
    }
    if (!fw_.waivers.IsDefault()) {  // the committee's waiver policy, as in the canonical YAML
      const model::WaiverPolicy& w = fw_.waivers;
      out_ += "waive-by:" + std::string(w.by.empty() ? " []" : "") + "\n";
      for (const std::string& who : w.by) out_ += "  - " + quoted(who) + "\n";
      if (!w.never.empty()) out_ += "never-waived:\n";
      for (const std::string& never : w.never) out_ += "  - " + quoted(never) + "\n";
    }
    out_ += "---\n\n";
  }

  void Header() {
    FrontMatter();
    out_ += "# " + Line(fw_.DisplayName()) + "\n\n";
    std::vector<std::string> facts;
    if (!fw_.version.empty()) facts.push_back("Version " + fw_.version);
    facts.push_back(model::FrameworkStatusName(fw_.status));
    if (!fw_.effective.empty()) facts.push_back("effective " + fw_.effective);
    if (!fw_.family.empty()) facts.push_back("family: " + fw_.family);
    if (fw_.cumulative) facts.push_back("cumulative: each level includes the ones before it");
    out_ += text::Join(facts, " · ") + "\n\n";
    Para(fw_.description);
    if (!fw_.source.file.empty())
      out_ += "Imported from `" + fw_.source.file + "`" +
              (fw_.source.format.empty() ? "" : " (" + fw_.source.format + ")") + ".\n\n";
  }

  // Competency ids in the order the tables use: pillar by pillar, then those in no pillar.
  std::vector<std::pair<std::string, const model::Competency*>> Rows() const {
    std::vector<std::pair<std::string, const model::Competency*>> rows;
    std::set<std::string> placed;
    for (const model::CompetencyGroup& g : fw_.groups)
      for (const std::string& id : g.competencies)
        if (const model::Competency* c = fw_.FindCompetency(id); c && placed.insert(id).second)
          rows.emplace_back(g.DisplayName(), c);
    for (const model::Competency& c : fw_.competencies)
      if (placed.insert(c.id).second) rows.emplace_back("", &c);
    return rows;
  }

  // " (`id`)" after a name when the id is not the one the name gives.
  static std::string IdNote(const std::string& id, const std::string& name) {
    return id == text::Slugify(name) ? std::string() : " (`" + id + "`)";
  }

  void CompetencyItem(const model::Competency& c) {
    out_ += "- **" + Line(c.DisplayName()) + "**" + IdNote(c.id, c.name);
    if (!Line(c.description).empty()) out_ += " — " + Line(c.description);
    out_ += "\n";
  }

  // The competencies in the framework's order, then the pillars grouping them.
  void Competencies() {
    if (fw_.competencies.empty()) return;
    out_ += "## Competencies\n\n";
    for (const model::Competency& c : fw_.competencies) CompetencyItem(c);
    out_ += "\n";
    if (fw_.groups.empty()) return;
    out_ += "## Pillars\n\n";
    for (const model::CompetencyGroup& g : fw_.groups) {
      out_ += "### " + Line(g.DisplayName()) + IdNote(g.id, g.name) + "\n\n";
      Para(g.description);
      for (const std::string& id : g.competencies) {
        const model::Competency* c = fw_.FindCompetency(id);
        out_ +=
            "- " + (c ? Line(c->DisplayName()) + IdNote(c->id, c->name) : "`" + id + "`") + "\n";
      }
      out_ += "\n";
    }
  }

  std::string TableCell(const Level& level, const std::string& competency) const {
    if (Undefined(level)) return UndefinedText(level.note);
    const model::Expectation* e = level.FindExpectation(competency);
    if (!e) return "";
    if (e->undefined) return UndefinedText(e->note);
    std::vector<std::string> parts;
    if (!Line(e->summary).empty()) parts.push_back("*" + Cell(e->summary) + "*");
    for (const std::string& b : e->behaviours) parts.push_back("• " + Cell(b));
    return text::Join(parts, "<br>");
  }

  void Table(const Track& track) {
    if (track.levels.empty() || fw_.competencies.empty()) return;
    auto rows = Rows();
    const bool pillars = !fw_.groups.empty();
    out_ += pillars ? "| Pillar | Competency |" : "| Competency |";
    for (const Level& l : track.levels) out_ += " " + Cell(LevelLabel(l)) + " |";
    out_ += pillars ? "\n| --- | --- |" : "\n| --- |";
    for (size_t i = 0; i < track.levels.size(); ++i) out_ += " --- |";
    out_ += "\n";
    for (const auto& [pillar, c] : rows) {
      out_ += "| ";
      if (pillars) out_ += Cell(pillar) + " | ";
      out_ += "**" + Cell(c->DisplayName()) + "** |";
      for (const Level& l : track.levels) {
        std::string cell = TableCell(l, c->id);
        out_ += cell.empty() ? " |" : " " + cell + " |";
      }
      out_ += "\n";
    }
    out_ += "\n";
  }

  void TrackSection(const Track& track) {
    out_ += "## " + Line(track.DisplayName()) + "\n\n";
    out_ += "Track `" + track.id + "` (" + model::TrackKindName(track.kind) + "), " +
            std::to_string(track.levels.size()) +
            (track.levels.size() == 1 ? " level.\n\n" : " levels.\n\n");
    Para(track.description);
    Table(track);
    for (const Level& l : track.levels) LevelSection(track, l);
  }

  void LevelSection(const Track& track, const Level& level) {
    (void)track;
    out_ += "### " + Line(LevelLabel(level)) + (Undefined(level) ? " (not defined)" : "") + "\n\n";
    std::string facts = "Rank " + std::to_string(level.rank) + ".";
    if (!level.inherits.empty())
      facts += " Includes everything expected at " + level.inherits + ".";
    out_ += facts + "\n\n";
    if (Undefined(level)) {
      out_ += UndefinedText(level.note) + "\n\n";
    } else if (!Line(level.note).empty()) {
      out_ += "Note: " + Line(level.note) + "\n\n";
    }
    Para(level.summary);
    if (!level.attributes.empty()) {
      for (const auto& [key, value] : level.attributes) {
        // A key that "Humanize" would not give back is written as it is.
        std::string human = Humanize(key);
        std::string back = text::ReplaceAll(text::ToLower(human), " ", "_");
        out_ += "- **" + (back == key ? human : "`" + key + "`") + ":**";
        if (value.find('\n') == std::string::npos) {
          out_ += " " + Line(value) + "\n";
          continue;
        }
        out_ += "\n";  // a value of several lines: each indented under its key
        for (const std::string& l : text::SplitLines(value)) out_ += "  " + l + "\n";
      }
      out_ += "\n";
    }
    for (const model::Expectation& e : level.expectations) {
      const model::Competency* c = fw_.FindCompetency(e.competency);
      out_ += "#### " + Line(c && !c->name.empty() ? c->name : e.competency) +
              (c ? IdNote(c->id, c->name) : std::string()) + "\n\n";
      if (!Line(e.summary).empty()) out_ += "*" + Line(e.summary) + "*\n\n";
      if (e.undefined) {
        out_ += UndefinedText(e.note) + "\n\n";
        continue;
      }
      if (!Line(e.note).empty()) out_ += "Note: " + Line(e.note) + "\n\n";
      for (const std::string& b : e.behaviours) out_ += "- " + Line(b) + "\n";
      if (!e.behaviours.empty()) {
        out_ += "\n";
      } else if (Line(e.summary).empty()) {
        out_ += "*No behaviours listed.*\n\n";
      }
    }
    Requirements("#### Requirements to reach " + level.code, level.requirements);
  }

  void RequirementList(const std::vector<model::Requirement>& requirements) {
    for (const model::Requirement& r : requirements)
      out_ += "- " + Line(r.text) + " — rule: `" + RuleText(r.rule) + "`\n";
    out_ += "\n";
  }

  void Requirements(const std::string& heading, const std::vector<model::Requirement>& reqs) {
    if (reqs.empty()) return;
    out_ += heading + "\n\n";
    RequirementList(reqs);
  }

  void Overlays() {
    if (fw_.overlays.empty()) return;
    out_ += "## Overlay roles\n\n";
    for (const model::OverlayRole& o : fw_.overlays) {
      out_ += "### " + Line(o.DisplayName()) + IdNote(o.id, o.name) + "\n\n";
      Para(o.description);
      out_ +=
          "Held at: " + (o.levels.empty() ? std::string("any level") : text::Join(o.levels, ", ")) +
          "." + (o.needs_documented_need ? " Needs a documented need." : "") + "\n\n";
      if (!o.duties.empty()) {
        out_ += "Duties:\n\n";
        for (const std::string& d : o.duties) out_ += "- " + Line(d) + "\n";
        out_ += "\n";
      }
      if (!o.requirements.empty()) {
        out_ += "Requirements:\n\n";
        RequirementList(o.requirements);
      }
    }
  }

  std::string TrackName(const std::string& id) const {
    const Track* t = fw_.FindTrack(id);
    return t && !t->name.empty() ? Line(t->name) : id;
  }

  void Transitions() {
    if (fw_.transitions.empty()) return;
    out_ += "## Transitions\n\n";
    for (const model::Transition& t : fw_.transitions) {
      out_ += "### " + TrackName(t.from) + " → " + TrackName(t.to) + "\n\n";
      out_ += "From track `" + t.from + "` to track `" + t.to + "`.\n\n";
      Para(t.description);
      if (!t.requirements.empty()) {
        out_ += "Requirements:\n\n";
        RequirementList(t.requirements);
      }
    }
  }

  void Notes() {
    if (fw_.notes.empty()) return;
    out_ += "## Notes\n\n";
    // Each note between markers (invisible when rendered): a note's Markdown may hold headings
    // of its own.
    for (const model::Note& n : fw_.notes) {
      out_ += "<!-- note -->\n\n";
      out_ += Line(n.title).empty() ? std::string("###\n\n") : "### " + Line(n.title) + "\n\n";
      Para(n.markdown);
      out_ += "<!-- /note -->\n\n";
    }
  }

  void List(const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ += std::string(title) + ":\n\n";
    for (const std::string& i : items) out_ += "- " + Line(i) + "\n";
    out_ += "\n";
  }

  void Roles() {
    if (fw_.roles.empty()) return;
    out_ += "## Role catalogue\n\n";
    std::vector<std::string> families, seniorities;
    for (const model::RoleProfile& r : fw_.roles) {
      if (std::find(families.begin(), families.end(), r.family) == families.end())
        families.push_back(r.family);
      if (std::find(seniorities.begin(), seniorities.end(), r.seniority) == seniorities.end())
        seniorities.push_back(r.seniority);
    }
    out_ += "| Family |";
    for (const std::string& s : seniorities) out_ += " " + (s.empty() ? "(base)" : Cell(s)) + " |";
    out_ += "\n| --- |";
    for (size_t i = 0; i < seniorities.size(); ++i) out_ += " --- |";
    out_ += "\n";
    for (const std::string& f : families) {
      out_ += "| **" + Cell(f) + "** |";
      for (const std::string& s : seniorities) {
        std::vector<std::string> titles;
        for (const model::RoleProfile& r : fw_.roles)
          if (r.family == f && r.seniority == s) titles.push_back(Cell(r.title));
        out_ += titles.empty() ? " |" : " " + text::Join(titles, "<br>") + " |";
      }
      out_ += "\n";
    }
    out_ += "\n";
    for (const model::RoleProfile& r : fw_.roles) {
      out_ += "### " + Line(r.title.empty() ? r.id : r.title) + "\n\n";
      out_ += "Role `" + r.id + "`: " + Line(r.family) +
              (r.seniority.empty() ? "" : " · " + Line(r.seniority)) + "\n\n";
      Para(r.summary);
      List("Responsibilities", r.responsibilities);
      List("Skills", r.skills);
      List("Key results", r.kpis);
      if (!Line(r.path).empty()) {
        out_ += "Career path:\n\n";
        Para(r.path);
      }
    }
  }

  const Framework& fw_;
  std::string out_;
};

}  // namespace

std::string ExportMarkdown(const model::Framework& framework) {
  return Writer(framework).Run() + "\n";
}

}  // namespace ladder::formats
