#include "formats/prose_sections.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <regex>

#include "base/text.h"

namespace ladder::formats::prose {
namespace {

using md::Block;

std::string RebuildMarkdown(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += b.kind == Block::Kind::kItem ? "\n" : "\n\n";
    if (b.kind == Block::Kind::kItem)
      out += std::string(static_cast<size_t>(2 * (b.level - 1)), ' ') + "- ";
    out += b.markdown;
  }
  return out;
}

// Lines [from, to] of `source` (1-based, `first_line` being its first), blank runs squeezed.
std::string SourceLines(const std::vector<std::string>& lines, int first_line, int from, int to) {
  std::vector<std::string> kept;
  to = std::min(to, first_line + static_cast<int>(lines.size()) - 1);
  for (int l = from; l <= to; ++l) {
    int index = l - first_line;
    if (index < 0 || index >= static_cast<int>(lines.size())) continue;
    std::string line = lines[static_cast<size_t>(index)];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    if (line.empty() && (kept.empty() || kept.back().empty())) continue;
    kept.push_back(std::move(line));
  }
  while (!kept.empty() && kept.back().empty()) kept.pop_back();
  return text::Join(kept, "\n");
}

// "**Mentor**: Coaches ..." or "Mentor: Coaches ..." -> "Mentor".
std::string Label(const std::string& markdown) {
  std::string_view s = markdown;
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon > 60) return {};
  std::string label(text::Trim(s.substr(0, colon)));
  label = text::ReplaceAll(label, "**", "");
  return std::string(text::Trim(label));
}

std::string Capitalise(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && std::isalpha(static_cast<unsigned char>(c)))
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-';
  }
  return s;
}

// A sentence about becoming the role rather than doing it: who designates or approves, what it
// requires, a documented need, a time or a count. Duties ("Assists with onboarding") are not.
bool StatesRequirement(const std::string& sentence) {
  static const std::regex kRequirement(
      R"(\b(designated|appointed|selected|chosen|nominated|elected|eligib\w*|requir\w*)"
      R"(|prerequisite\w*|approv\w*|documented need|only (when|if|after)|at least)"
      R"(|must (have|be|hold)|needs? to (have|be))\b|\b\d+\+? ?(months?|years?)\b)",
      std::regex::icase);
  return std::regex_search(sentence, kRequirement);
}

// A sub-section of an overlay's section that lists what it takes: "### Requirements",
// "### Eligibility", "### Becoming a team lead" (not "### Becoming a manager": a transition).
bool IsRequirementsTitle(const std::string& title, const std::regex& lead,
                         const std::regex& management) {
  static const std::regex kTitle(R"(requirement|eligib|qualif|prerequisite|criteria)",
                                 std::regex::icase);
  static const std::regex kBecoming(R"(becom|how to)", std::regex::icase);
  if (std::regex_search(title, management)) return false;
  return std::regex_search(title, kTitle) ||
         (std::regex_search(title, kBecoming) && std::regex_search(title, lead));
}

// Adds the requirement sentences of `blocks` to `overlay`: with `all`, every paragraph sentence
// and list item; else the paragraph sentences that state one (StatesRequirement). Rules are left
// `manual`: analysis/ recognises them.
void AddOverlayRequirements(const std::vector<Block>& blocks, std::string_view file, bool all,
                            model::OverlayRole& overlay) {
  for (const Block& b : blocks) {
    std::vector<std::string> sentences;
    if (b.kind == Block::Kind::kItem && all) {
      sentences.push_back(b.markdown);
    } else if (b.kind == Block::Kind::kParagraph) {
      sentences = SplitSentences(b.markdown);
    }
    for (std::string& sentence : sentences) {
      if (!all && !StatesRequirement(sentence)) continue;
      if (all && sentence.ends_with(":")) continue;  // "To become a team lead you need:"
      model::Requirement r;
      r.text = std::move(sentence);
      r.origin.where = {std::string(file), b.line, 0};
      overlay.requirements.push_back(std::move(r));
    }
  }
}

}  // namespace

std::vector<Section> SplitSections(const std::vector<Block>& blocks, std::string_view source,
                                   int first_line) {
  std::vector<Section> sections;
  Section current;
  const std::vector<std::string> lines = text::SplitLines(source);
  auto flush = [&](int next_line) {
    if (current.title.empty() && current.blocks.empty()) return;
    if (!source.empty()) {
      int from = current.level > 0 ? current.line + 1 : first_line;
      current.markdown = SourceLines(lines, first_line, from, next_line - 1);
    } else {
      current.markdown = RebuildMarkdown(current.blocks);
    }
    sections.push_back(std::move(current));
    current = Section{};
  };
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::kHeading) {
      flush(b.line);
      current.title = b.plain;
      current.level = b.level;
      current.line = b.line;
      continue;
    }
    if (current.line == 0) current.line = b.line;
    current.blocks.push_back(b);
  }
  flush(std::numeric_limits<int>::max() / 2);
  return sections;
}

std::vector<std::string> SplitSentences(std::string_view s) {
  std::vector<std::string> sentences;
  std::string current;
  int brackets = 0;
  int parens = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    current += c;
    if (c == '[') ++brackets;
    if (c == ']' && brackets > 0) --brackets;
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    if ((c == '.' || c == '?' || c == '!') && brackets == 0 && parens == 0 && i + 2 < s.size() &&
        s[i + 1] == ' ') {
      unsigned char next = static_cast<unsigned char>(s[i + 2]);
      if (std::isupper(next) || std::isdigit(next) || next == '"' || next == '*' || next == '_' ||
          next == '[' || next >= 0x80) {
        std::string t(text::Trim(current));
        if (!t.empty()) sentences.push_back(t);
        current.clear();
      }
    }
  }
  std::string t(text::Trim(current));
  if (!t.empty()) sentences.push_back(t);
  return sentences;
}

std::vector<model::Competency> ListedCompetencies(const Section& section, std::string_view file) {
  static const std::regex kTitle(
      R"(\b(competenc\w*|axes|axis|dimensions?|pillars?|skills?|skill ?sets?|core areas|areas of (focus|impact)|capabilit\w*|categories)\b)",
      std::regex::icase);
  std::vector<model::Competency> out;
  if (!std::regex_search(section.title.substr(0, 200), kTitle)) return out;
  for (const Block& b : section.blocks) {
    if (b.kind != Block::Kind::kItem || b.level != 1) continue;
    std::string name = Label(b.markdown);
    std::string description;
    if (!name.empty()) {
      description =
          std::string(text::Trim(std::string_view(b.markdown).substr(b.markdown.find(':') + 1)));
    } else {
      name = text::ReplaceAll(b.markdown, "**", "");
      if (text::CountWords(name) > 5 || name.find_first_of(".;,") != std::string::npos) continue;
    }
    name = std::string(text::Trim(text::ReplaceAll(name, "**", "")));
    if (name.empty() || text::CountWords(name) > 5) continue;
    model::Competency c;
    c.id = text::Slugify(name);
    c.name = name;
    c.description = description;
    c.origin.where = {std::string(file), b.line, 0};
    out.push_back(std::move(c));
  }
  if (out.size() < 2) out.clear();
  return out;
}

bool StatesCumulative(std::string_view markdown) {
  static const std::regex kStatement(
      // "Levels are cumulative", "the expectations are cumulative"
      R"(\b(levels?|grades?|expectations?|competenc(y|ies)|criteria)\b[^.;]*\bcumulative\b)"
      R"(|\bcumulative\b[^.;]*\b(levels?|grades?)\b)"
      // "Each level includes everything below it", "... builds on the ones before it"
      R"(|\b(each|every) (level|grade|step)\b[^.;]*\b(includes?|contains?|encompass\w*|assumes?)"
      R"(|builds? (up)?on)\b[^.;]*\b(below|before|previous|prior|lower|preceding|earlier)\b)"
      // "in addition to (the expectations of) the previous level"
      R"(|\b(in addition to|on top of)\b[^.;]*\b(previous|prior|lower|preceding|earlier))"
      R"( (levels?|grades?)\b)"
      // "the expectations of lower levels still apply"
      R"(|\bexpectations of (the )?(previous|prior|lower|preceding|earlier) (levels?|grades?))"
      R"( (still |also |continue to )?apply\b)",
      std::regex::icase);
  static const std::regex kNegated(R"(\b(not|n't|never|no longer)\b[^.;]*\bcumulative\b)",
                                   std::regex::icase);
  for (const std::string& sentence : SplitSentences(markdown)) {
    if (sentence.size() > 400) continue;
    // Every statement names what came before, or says "cumulative": most sentences stop here.
    std::string lower = text::ToLower(sentence);
    static const char* const kCue[] = {"cumulative", "below",     "before",  "previous",
                                       "prior",      "preceding", "earlier", "lower"};
    if (std::none_of(std::begin(kCue), std::end(kCue),
                     [&](const char* cue) { return lower.find(cue) != std::string::npos; }))
      continue;
    if (std::regex_search(sentence, kStatement) && !std::regex_search(sentence, kNegated))
      return true;
  }
  return false;
}

namespace {

// Adds the competencies listed in the first section that lists some ("# Axes"): the tables
// gave none.
void AddListedCompetencies(const std::vector<Section>& sections, std::string_view file,
                           model::Framework& framework) {
  for (const Section& section : sections) {
    for (model::Competency& c : ListedCompetencies(section, file)) {
      if (framework.FindCompetency(c.id) == nullptr) framework.competencies.push_back(std::move(c));
    }
    if (!framework.competencies.empty()) break;
  }
}

// Keeps `section`'s prose as a note, and notices a statement that levels are cumulative.
void AddSectionNote(const Section& section, const SourceLocation& where,
                    model::Framework& framework) {
  if (!framework.cumulative && StatesCumulative(section.markdown)) framework.cumulative = true;
  // The framework's description (the introduction's first paragraph) is said once: the
  // note keeps the rest of the section.
  std::string_view rest = section.markdown;
  if (!framework.description.empty() && rest.starts_with(framework.description))
    rest = text::Trim(rest.substr(framework.description.size()));
  if (rest.empty()) return;
  model::Note note;
  note.title = section.title.empty() ? "Introduction" : section.title;
  note.markdown = std::string(rest);
  note.origin.where = where;
  framework.notes.push_back(std::move(note));
}

// The overlay role a section titled with `lead_phrase` ("Tech leads") describes: labelled
// paragraphs and list items are its duties, other paragraphs its description.
model::OverlayRole ReadOverlay(const Section& section, const std::string& lead_phrase,
                               const SourceLocation& where, std::string_view file) {
  std::string phrase = text::ToLower(lead_phrase);
  if (!phrase.empty() && phrase.back() == 's') phrase.pop_back();
  model::OverlayRole overlay;
  overlay.id = text::Slugify(phrase);
  overlay.name = Capitalise(text::ReplaceAll(phrase, "-", " "));
  overlay.origin.where = where;
  std::vector<std::string> description;
  for (const Block& b : section.blocks) {
    bool labelled = text::StartsWith(b.markdown, "**") || !Label(b.markdown).empty();
    if (b.kind == Block::Kind::kItem ||
        (b.kind == Block::Kind::kParagraph && text::StartsWith(b.markdown, "**") && labelled)) {
      overlay.duties.push_back(b.markdown);
    } else if (b.kind == Block::Kind::kParagraph) {
      description.push_back(b.markdown);
    }
  }
  overlay.description = text::Join(description, "\n\n");
  AddOverlayRequirements(section.blocks, file, false, overlay);
  return overlay;
}

// The move to management a section describes: every sentence of it is a requirement.
model::Transition ReadManagementTransition(const Section& section, std::string_view ic_track,
                                           const SourceLocation& where, std::string_view file,
                                           const model::Framework& framework) {
  model::Transition transition;
  // From the individual-contributor track, else the document's first track.
  transition.from = std::string(ic_track);
  for (const model::Track& t : framework.tracks)
    if (transition.from.empty() && t.kind != model::TrackKind::kManagement) transition.from = t.id;
  if (transition.from.empty()) transition.from = "ic";
  transition.to = "management";
  transition.description = section.title;
  transition.origin.where = where;
  for (const Block& b : section.blocks) {
    if (b.kind != Block::Kind::kParagraph && b.kind != Block::Kind::kItem) continue;
    for (std::string& sentence : SplitSentences(b.markdown)) {
      model::Requirement r;
      r.text = std::move(sentence);
      r.origin.where = {std::string(file), b.line, 0};
      transition.requirements.push_back(std::move(r));
    }
  }
  return transition;
}

// The management track a transition leads to when the document names it without describing
// its levels.
model::Track UndescribedManagementTrack(const Section& section, const std::string& id,
                                        const SourceLocation& where) {
  model::Track management;
  management.id = id;
  management.name = "Management";
  management.kind = model::TrackKind::kManagement;
  management.description =
      "The track \"" + section.title + "\" leads to; this document does not describe its levels.";
  management.origin.where = where;
  return management;
}

// Describes the competencies that `section`'s items name ("- Outcomes: what we achieve"), when
// they have no description yet; returns the ids named, in order.
std::vector<std::string> DescribeLabelledCompetencies(const Section& section,
                                                      model::Framework& framework) {
  std::vector<std::string> matched;
  for (const Block& b : section.blocks) {
    if (b.kind != Block::Kind::kItem) continue;
    std::string label = Label(b.markdown);
    if (label.empty()) continue;
    for (model::Competency& c : framework.competencies) {
      if (!text::IEquals(c.name, label)) continue;
      std::string description(
          text::Trim(std::string_view(b.markdown).substr(b.markdown.find(':') + 1)));
      if (c.description.empty()) c.description = description;
      matched.push_back(c.id);
    }
  }
  return matched;
}

// Whether a group of `framework` already holds one of `ids`.
bool AnyGrouped(const model::Framework& framework, const std::vector<std::string>& ids) {
  for (const auto& g : framework.groups)
    for (const auto& id : g.competencies)
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) return true;
  return false;
}

// The group of competencies `matched` a section titled after it names; its first paragraph
// describes it.
model::CompetencyGroup ReadGroup(const Section& section, const std::vector<std::string>& matched,
                                 const SourceLocation& where) {
  model::CompetencyGroup group;
  group.id = text::Slugify(section.title);
  group.name = section.title;
  group.competencies = matched;
  group.origin.where = where;
  for (const Block& b : section.blocks) {
    if (b.kind == Block::Kind::kParagraph) {
      group.description = b.markdown;
      break;
    }
  }
  return group;
}

}  // namespace

void ApplySections(const std::vector<Section>& sections, std::string_view file,
                   std::string_view ic_track, model::Framework& framework) {
  if (framework.competencies.empty()) AddListedCompetencies(sections, file, framework);
  static const std::regex kLead(R"(\b(team|tech|technical)[ -]leads?\b)", std::regex::icase);
  static const std::regex kMove(R"(transition|moving|\bmove|switch|becom)", std::regex::icase);
  static const std::regex kManagement(R"(manag)", std::regex::icase);
  // The overlay whose section is open (a sub-section of it may list its requirements).
  size_t open_overlay = framework.overlays.size();
  int open_overlay_level = 0;
  for (const Section& section : sections) {
    SourceLocation where{std::string(file), section.line, 0};
    if (!section.markdown.empty()) AddSectionNote(section, where, framework);
    if (section.level > 0 && section.level <= open_overlay_level)
      open_overlay = framework.overlays.size();
    if (section.blocks.empty()) continue;
    std::string title = section.title.substr(0, 200);
    if (open_overlay < framework.overlays.size() &&
        IsRequirementsTitle(title, kLead, kManagement)) {
      AddOverlayRequirements(section.blocks, file, true, framework.overlays[open_overlay]);
      continue;
    }
    std::smatch m;
    if (std::regex_search(title, m, kLead) &&
        framework.FindOverlay(text::Slugify(m.str(0))) == nullptr) {
      open_overlay = framework.overlays.size();
      open_overlay_level = section.level;
      framework.overlays.push_back(ReadOverlay(section, m.str(0), where, file));
      continue;
    }
    if (std::regex_search(title, kMove) && std::regex_search(title, kManagement)) {
      model::Transition transition =
          ReadManagementTransition(section, ic_track, where, file, framework);
      if (framework.FindTrack(transition.to) == nullptr)
        framework.tracks.push_back(UndescribedManagementTrack(section, transition.to, where));
      framework.transitions.push_back(std::move(transition));
      continue;
    }
    std::vector<std::string> matched = DescribeLabelledCompetencies(section, framework);
    if (matched.size() >= 2 && section.level >= 2 && text::CountWords(section.title) <= 3 &&
        !AnyGrouped(framework, matched))
      framework.groups.push_back(ReadGroup(section, matched, where));
  }
}

}  // namespace ladder::formats::prose
