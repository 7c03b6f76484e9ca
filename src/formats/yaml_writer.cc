// WriteYaml: the canonical text of a framework, written by hand rather than through a YAML
// emitter so that every choice is ours and stable:
//  - keys in the fixed order of docs/format.md; empty and default values omitted;
//  - one list item per line and never any re-wrapping, so a one-word edit is a one-line diff;
//  - scalars plain when YAML reads them back as the same string, else double-quoted; strings
//    that would read as numbers, booleans, null or dates are always quoted ("2023.08", "1");
//  - multi-line text as a `|` (or `|-`, without a final newline) block scalar when that
//    represents it exactly, else double-quoted with escapes;
//  - rules on one line in flow style, as RuleText writes them (formats/rule_text.h):
//    `rule: {time_at_level: {level: "1", months: 12}}`.
#include "base/text.h"
#include "formats/canonical.h"
#include "formats/rule_text.h"
#include "formats/yaml_scalar.h"

namespace ladder::formats {
namespace {

using internal::HasYamlControl;

std::string Scalar(std::string_view s) { return internal::YamlScalar(s); }

// Whether multi-line `s` can be written as a literal block scalar and read back unchanged.
bool FitsLiteralBlock(std::string_view s) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (HasYamlControl(s, true)) return false;
  std::string_view body = s;
  while (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  // Keep chomping (`|+`) would also keep the blank line that separates top-level sections.
  if (s.size() - body.size() > 1) return false;
  if (body.empty() || body.front() == '\n' || body.front() == ' ') return false;
  for (const std::string& line : text::Split(body, '\n')) {
    if (!line.empty() && (line.back() == ' ' || line.front() == '\t')) return false;
  }
  return true;
}

class Writer {
 public:
  std::string Write(const model::Framework& fw) {
    out_ += "ladder: " + std::to_string(kFormatVersion) + "\n";
    WriteFramework(fw);
    Section("groups", fw.groups, &Writer::WriteGroup);
    Section("competencies", fw.competencies, &Writer::WriteCompetency);
    Section("tracks", fw.tracks, &Writer::WriteTrack);
    Section("overlays", fw.overlays, &Writer::WriteOverlay);
    Section("transitions", fw.transitions, &Writer::WriteTransition);
    Section("policy", fw.policy, &Writer::WriteRequirement);
    Section("notes", fw.notes, &Writer::WriteNote);
    Section("roles", fw.roles, &Writer::WriteRole);
    Section("translations", fw.translations, &Writer::WriteTranslation);
    return std::move(out_);
  }

 private:
  // Starts a line at `indent`; the first line of a list item carries its "- ".
  void Start(int indent) {
    if (dash_pending_) {
      out_.append(static_cast<size_t>(indent - 2), ' ');
      out_ += "- ";
      dash_pending_ = false;
    } else {
      out_.append(static_cast<size_t>(indent), ' ');
    }
  }

  // `key: value` or a block scalar; the value is written even when empty.
  void Field(int indent, std::string_view key, std::string_view value) {
    Start(indent);
    out_ += Scalar(key);
    out_ += ':';
    Value(indent, value);
  }

  // The value part after "key:" or "-": " plain\n", " \"quoted\"\n" or " |\n  block\n".
  void Value(int indent, std::string_view value) {
    if (!FitsLiteralBlock(value)) {
      out_ += ' ';
      out_ += Scalar(value);
      out_ += '\n';
      return;
    }
    size_t trailing = 0;
    while (trailing < value.size() && value[value.size() - 1 - trailing] == '\n') ++trailing;
    out_ += trailing == 0 ? " |-\n" : " |\n";
    std::string_view body = value.substr(0, value.size() - trailing);
    for (const std::string& line : text::Split(body, '\n')) {
      if (!line.empty()) out_.append(static_cast<size_t>(indent + 2), ' ');
      out_ += line;
      out_ += '\n';
    }
  }

  void Text(int indent, std::string_view key, std::string_view value) {
    if (!value.empty()) Field(indent, key, value);
  }

  void Raw(int indent, std::string_view key, std::string_view value) {
    Start(indent);
    out_ += key;
    out_ += ": ";
    out_ += value;
    out_ += '\n';
  }

  void Strings(int indent, std::string_view key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    Start(indent);
    out_ += key;
    out_ += ":\n";
    StringItems(indent + 2, items);
  }

  void StringItems(int indent, const std::vector<std::string>& items) {
    for (const std::string& item : items) {
      out_.append(static_cast<size_t>(indent), ' ');
      out_ += '-';
      Value(indent, item);
    }
  }

  template <typename T>
  void Items(int indent, std::string_view key, const std::vector<T>& items,
             void (Writer::*write)(int, const T&)) {
    if (items.empty()) return;
    Start(indent);
    out_ += key;
    out_ += ":\n";
    for (const T& item : items) {
      dash_pending_ = true;
      (this->*write)(indent + 4, item);
      if (dash_pending_) {  // an item with nothing to write
        out_.append(static_cast<size_t>(indent + 2), ' ');
        out_ += "- {}\n";
        dash_pending_ = false;
      }
    }
  }

  template <typename T>
  void Section(std::string_view key, const std::vector<T>& items,
               void (Writer::*write)(int, const T&)) {
    if (items.empty()) return;
    out_ += '\n';
    out_ += key;
    out_ += ":\n";
    for (const T& item : items) {
      dash_pending_ = true;
      (this->*write)(4, item);
      if (dash_pending_) {
        out_ += "  - {}\n";
        dash_pending_ = false;
      }
    }
  }

  void WriteFramework(const model::Framework& fw) {
    out_ += "framework:\n";
    Text(2, "id", fw.id);
    Text(2, "name", fw.name);
    Text(2, "family", fw.family);
    Text(2, "version", fw.version);
    if (fw.status != model::FrameworkStatus::kDraft)
      Raw(2, "status", model::FrameworkStatusName(fw.status));
    Text(2, "effective", fw.effective);
    if (fw.cumulative) Raw(2, "cumulative", "true");
    if (fw.consensus != model::ConsensusRule::kUnanimous)
      Raw(2, "consensus", model::ConsensusRuleName(fw.consensus));
    if (fw.next_level_reading != model::NextLevelReading::kOverlapping)
      Raw(2, "next_level_reading", model::NextLevelReadingName(fw.next_level_reading));
    if (!fw.waivers.IsDefault()) {
      const model::WaiverPolicy& w = fw.waivers;
      out_ += "  waivers:\n";
      if (w.by.empty()) {
        Raw(4, "by", "[]");
      } else if (w.by != model::WaiverPolicy{}.by) {
        Strings(4, "by", w.by);
      }
      Strings(4, "never", w.never);
      if (w.after_panel_no) Raw(4, "after_panel_no", "true");
    }
    if (!fw.publishing.IsDefault()) {
      out_ += "  publishing:\n";
      Raw(4, "requires_approval", fw.publishing.requires_approval ? "true" : "false");
    }
    Text(2, "description", fw.description);
    if (!fw.source.file.empty() || !fw.source.format.empty()) {
      out_ += "  source:\n";
      Text(4, "file", fw.source.file);
      Text(4, "format", fw.source.format);
    }
    Text(2, "jd_template", fw.jd_template);
    Strings(2, "allow_links", fw.allow_links);
    // The source language is always named when there are translations of it.
    if (fw.language != "en" || !fw.translations.empty()) Field(2, "language", fw.language);
  }

  void WriteGroup(int indent, const model::CompetencyGroup& g) {
    Field(indent, "id", g.id);
    Text(indent, "name", g.name);
    Text(indent, "description", g.description);
    Strings(indent, "competencies", g.competencies);
  }

  void WriteCompetency(int indent, const model::Competency& c) {
    Field(indent, "id", c.id);
    Text(indent, "name", c.name);
    Text(indent, "description", c.description);
  }

  void WriteTrack(int indent, const model::Track& t) {
    Field(indent, "id", t.id);
    Text(indent, "name", t.name);
    if (t.kind != model::TrackKind::kOther) Raw(indent, "kind", model::TrackKindName(t.kind));
    Text(indent, "description", t.description);
    Items(indent, "levels", t.levels, &Writer::WriteLevel);
  }

  void WriteLevel(int indent, const model::Level& l) {
    Field(indent, "code", l.code);
    Raw(indent, "rank", std::to_string(l.rank));
    Text(indent, "title", l.title);
    Text(indent, "summary", l.summary);
    if (l.state != model::LevelState::kDefined)
      Raw(indent, "state", model::LevelStateName(l.state));
    Text(indent, "note", l.note);
    Text(indent, "inherits", l.inherits);
    if (!l.attributes.empty()) {
      Start(indent);
      out_ += "attributes:\n";
      for (const auto& [key, value] : l.attributes) Field(indent + 2, key, value);
    }
    if (!l.expectations.empty()) {
      Start(indent);
      out_ += "expectations:\n";
      for (const model::Expectation& e : l.expectations) WriteExpectation(indent + 2, e);
    }
    Items(indent, "requirements", l.requirements, &Writer::WriteRequirement);
  }

  // The shorthand (a list of behaviours) when the cell has nothing else.
  void WriteExpectation(int indent, const model::Expectation& e) {
    Start(indent);
    out_ += Scalar(e.competency);
    out_ += ':';
    if (e.summary.empty() && !e.undefined && e.note.empty()) {
      if (e.behaviours.empty()) {
        out_ += " []\n";
        return;
      }
      out_ += '\n';
      StringItems(indent + 2, e.behaviours);
      return;
    }
    out_ += '\n';
    Text(indent + 2, "summary", e.summary);
    Strings(indent + 2, "behaviours", e.behaviours);
    if (e.undefined) Raw(indent + 2, "undefined", "true");
    Text(indent + 2, "note", e.note);
  }

  void WriteRequirement(int indent, const model::Requirement& r) {
    Field(indent, "text", r.text);
    Raw(indent, "rule", RuleText(r.rule));
  }

  void WriteOverlay(int indent, const model::OverlayRole& o) {
    Field(indent, "id", o.id);
    Text(indent, "name", o.name);
    Text(indent, "description", o.description);
    Strings(indent, "duties", o.duties);
    Strings(indent, "levels", o.levels);
    if (o.needs_documented_need) Raw(indent, "needs_documented_need", "true");
    Items(indent, "requirements", o.requirements, &Writer::WriteRequirement);
  }

  void WriteTransition(int indent, const model::Transition& t) {
    Field(indent, "from", t.from);
    Field(indent, "to", t.to);
    Text(indent, "description", t.description);
    Items(indent, "requirements", t.requirements, &Writer::WriteRequirement);
  }

  void WriteNote(int indent, const model::Note& n) {
    Text(indent, "title", n.title);
    Text(indent, "markdown", n.markdown);
  }

  void WriteRole(int indent, const model::RoleProfile& r) {
    Field(indent, "id", r.id);
    Text(indent, "family", r.family);
    Text(indent, "seniority", r.seniority);
    Field(indent, "title", r.title);
    Text(indent, "summary", r.summary);
    Strings(indent, "responsibilities", r.responsibilities);
    Strings(indent, "skills", r.skills);
    Strings(indent, "kpis", r.kpis);
    Text(indent, "path", r.path);
  }

  void WriteTranslation(int indent, const model::Translation& t) {
    Field(indent, "language", t.language);
    Items(indent, "texts", t.texts, &Writer::WriteTranslatedText);
  }

  void WriteTranslatedText(int indent, const model::TranslatedText& t) {
    Field(indent, "at", t.at);
    Field(indent, "source", t.source);
    Field(indent, "text", t.text);
  }

  std::string out_;
  bool dash_pending_ = false;
};

}  // namespace

std::string WriteYaml(const model::Framework& framework) { return Writer().Write(framework); }

}  // namespace ladder::formats
