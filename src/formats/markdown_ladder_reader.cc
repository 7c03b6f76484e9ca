#include "formats/markdown_ladder_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/text.h"
#include "formats/level_table.h"
#include "formats/markdown_blocks.h"
#include "formats/md_blocks.h"
#include "formats/prose_sections.h"
#include "formats/role_catalog_reader.h"
#include "formats/yaml_limits.h"

namespace ladder::formats {
namespace {

using Kind = MdBlock::Kind;
using level_table::LevelName;

std::string Lower(std::string_view s) { return text::ToLower(text::Trim(s)); }

bool IsAllLevelsHeading(std::string_view heading) {
  std::string h = Lower(heading);
  for (const char* p : {"all levels", "every level", "across all levels", "for all levels",
                        "at all levels", "at every level", "all level"}) {
    if (h == p || h.starts_with(std::string(p) + " ") || h.starts_with(std::string(p) + ":") ||
        h.find(std::string(" ") + p) != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool NamesSeniority(std::string_view heading) {
  if (heading.size() > 80) return false;
  RoleTitle t = ParseRoleTitle(heading);
  return !t.seniority.empty() && !t.family.empty() && text::CountWords(t.family) <= 4;
}

enum class Slot { kCategory, kSummary, kRequirements, kAttribute };

Slot Classify(std::string_view label) {
  std::string l = Lower(label);
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  static const char* kRequirements[] = {"requirements",
                                        "promotion criteria",
                                        "promotion requirements",
                                        "criteria for promotion",
                                        "checkpoints",
                                        "checkpoints for reaching this level",
                                        "to reach this level",
                                        "how to reach this level",
                                        "how to get here",
                                        "requirements to reach this level"};
  static const char* kSummary[] = {"summary", "overview",      "description",
                                   "about",   "in a nutshell", "level summary"};
  static const char* kAttributes[] = {"years of experience",
                                      "experience",
                                      "typical experience",
                                      "scope",
                                      "scope of influence",
                                      "scope of impact",
                                      "title",
                                      "titles",
                                      "job title",
                                      "band",
                                      "salary band",
                                      "compensation",
                                      "typical tenure"};
  for (const char* r : kRequirements) {
    if (l == r) return Slot::kRequirements;
  }
  for (const char* s : kSummary) {
    if (l == s) return Slot::kSummary;
  }
  for (const char* a : kAttributes) {
    if (l == a) return Slot::kAttribute;
  }
  return Slot::kCategory;
}

std::string AttributeKey(std::string_view label) {
  std::string key = text::Slugify(label);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

// "**Label:** rest", "**Label**: rest", "**Label**" -> {Label, rest}.
std::optional<std::pair<std::string, std::string>> BoldLabel(std::string_view markdown) {
  std::string_view s = text::Trim(markdown);
  for (std::string_view mark : {"**", "__"}) {
    if (!s.starts_with(mark)) continue;
    size_t close = s.find(mark, mark.size());
    if (close == std::string_view::npos) return std::nullopt;
    std::string label(text::Trim(s.substr(mark.size(), close - mark.size())));
    std::string_view rest = s.substr(close + mark.size());
    bool colon = false;
    if (!label.empty() && label.back() == ':') {
      label.pop_back();
      colon = true;
    }
    rest = text::Trim(rest);
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
      colon = true;
    }
    rest = text::Trim(rest);
    label = std::string(text::Trim(label));
    if (label.empty() || text::CountWords(label) > 6) return std::nullopt;
    if (!rest.empty() && !colon) return std::nullopt;  // bold words opening a sentence
    return std::make_pair(label, std::string(rest));
  }
  return std::nullopt;
}

// "Label: rest" with a short label (at most 4 words, no sentence punctuation).
std::optional<std::pair<std::string, std::string>> PlainLabel(std::string_view markdown) {
  std::string_view s = text::Trim(markdown);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
  std::string_view label = text::Trim(s.substr(0, colon));
  std::string_view rest = text::Trim(s.substr(colon + 1));
  if (rest.empty() || rest.starts_with("//")) return std::nullopt;  // a URL, not a label
  if (text::CountWords(label) > 4 || label.find_first_of(".,;()[]*_`") != std::string::npos) {
    return std::nullopt;
  }
  return std::make_pair(std::string(label), std::string(rest));
}

size_t CountPassages(const MdBlock& b) {
  size_t n = b.text.empty() ? 0 : 1;
  for (const MdBlock& c : b.children) n += CountPassages(c);
  return n;
}

void CollectPassages(const MdBlock& b, std::vector<Passage>& out) {
  if (!b.text.empty()) out.push_back({b.line, b.text, {}});
  for (const MdBlock& c : b.children) CollectPassages(c, out);
}

class Builder {
 public:
  Builder(const Document& doc, Imported& out) : doc_(doc), out_(out), f_(out.framework) {}

  Status Build() {
    FrontMatter fm = SplitFrontMatter(doc_.text);
    std::string fm_title;
    if (fm.present) {
      LADDER_TRY_STATUS(internal::CheckYamlExpansion(fm.yaml, doc_.name, fm.yaml_line));
      try {
        YAML::Node node = YAML::Load(fm.yaml);
        if (node.IsMap() && node["title"] && node["title"].IsScalar()) {
          fm_title = node["title"].as<std::string>();
        }
      } catch (const YAML::Exception& e) {
        out_.warnings.push_back({SourceLocation{doc_.name, fm.yaml_line + e.mark.line, 0},
                                 "front matter is not valid YAML; ignored"});
      }
    }
    blocks_ = ParseMarkdownBlocks(fm.body, fm.body_line);
    LADDER_TRY_STATUS(FindLevelDepth());
    FindTracks();
    Walk();
    Finish(fm_title);
    MergeLevelTables();
    ReadProse();
    // Passages: the text of every block, except what is structure. A level heading's code is
    // recorded in its canonical form ("Level 3" as L3), and labels that name where text went
    // (a "Requirements" heading, "**Summary:**") are not words of the content.
    // Collected straight into the output (one document: no file name per passage), with the
    // block tree freed right after, to keep the peak memory of large documents down.
    size_t count = 0;
    for (const MdBlock& b : blocks_) count += CountPassages(b);
    out_.source.reserve(out_.source.size() + count);
    for (size_t i = 0; i < blocks_.size(); ++i) {
      auto merged = merged_tables_.find(i);
      if (merged == merged_tables_.end()) {
        CollectPassages(blocks_[i], out_.source);
        continue;
      }
      for (Passage& p : merged->second) out_.source.push_back(std::move(p));
    }
    std::vector<MdBlock>().swap(blocks_);
    for (Passage& p : out_.source) {
      auto it = overrides_.find({p.line, p.text});
      if (it != overrides_.end()) p.text = it->second;
    }
    std::erase_if(out_.source, [](const Passage& p) { return p.text.empty(); });
    return Ok();
  }

 private:
  bool IsLevelHeading(const MdBlock& h) const {
    return ParseLevelHeading(h.text).has_value() || NamesSeniority(h.text);
  }

  Status FindLevelDepth() {
    int counts[7] = {0};
    int coded[7] = {0};
    for (const MdBlock& b : blocks_) {
      if (b.kind != Kind::kHeading) continue;
      if (ParseLevelHeading(b.text)) {
        ++counts[b.level];
        ++coded[b.level];
      } else if (NamesSeniority(b.text)) {
        ++counts[b.level];
      }
    }
    int best = 0;
    for (int d = 1; d <= 6; ++d) {
      if (counts[d] > counts[best]) best = d;
    }
    if (best == 0 || (coded[best] == 0 && counts[best] < 2)) {
      return MakeError(ErrorCode::kParse,
                       "no level headings found: expected headings such as \"## L3 - Senior "
                       "Engineer\", \"## Level 3: ...\" or \"## Senior Engineer\"",
                       SourceLocation{doc_.name, 1, 1});
    }
    depth_ = best;
    // Headings at the level depth that share category sub-headings with levels are levels too
    // ("## Engineer" between "## Junior Engineer" and "## Senior Engineer").
    std::set<std::string> level_categories;
    std::map<size_t, std::set<std::string>> categories_of;
    size_t owner = std::string::npos;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind != Kind::kHeading) continue;
      if (b.level <= depth_) owner = b.level == depth_ ? i : std::string::npos;
      if (b.level > depth_ && owner != std::string::npos)
        categories_of[owner].insert(Lower(b.text));
    }
    for (auto& [i, cats] : categories_of) {
      if (IsLevelHeading(blocks_[i])) level_categories.insert(cats.begin(), cats.end());
    }
    for (auto& [i, cats] : categories_of) {
      if (IsLevelHeading(blocks_[i]) || IsAllLevelsHeading(blocks_[i].text)) continue;
      int shared = 0;
      for (const std::string& c : cats) shared += level_categories.count(c) ? 1 : 0;
      if (shared >= 2 || (shared == 1 && cats.size() == 1)) extra_levels_.insert(i);
    }
    FindProseHeadings();
    return Ok();
  }

  // What the section under heading `i` (at the level depth) holds.
  struct SectionShape {
    bool structured = false;   // category sub-headings, lists or labelled paragraphs
    bool placeholder = false;  // its first text says "TBD", "Not yet defined" ...
  };
  SectionShape ShapeOf(size_t i) const {
    SectionShape shape;
    bool first_text = true;
    for (size_t j = i + 1; j < blocks_.size(); ++j) {
      const MdBlock& b = blocks_[j];
      if (b.kind == Kind::kHeading && b.level <= depth_) break;
      if (b.kind == Kind::kHeading || b.kind == Kind::kList) shape.structured = true;
      if (b.kind == Kind::kParagraph) {
        if (BoldLabel(b.markdown) || PlainLabel(b.markdown)) shape.structured = true;
        if (first_text) shape.placeholder = level_table::IsUndefinedText(b.text);
        first_text = false;
      }
    }
    return shape;
  }

  // A heading at the level depth that only names a seniority ("## Lead PMs") is a level when
  // it looks like one: its section has the structure of its sibling levels (categories,
  // lists), or says the level is not defined yet. Otherwise it is prose about the ladder (a
  // team-lead section, "How promotions work"), read as such (prose_sections.h).
  void FindProseHeadings() {
    std::vector<size_t> titled;
    bool structured_sibling = false;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind != Kind::kHeading || b.level != depth_ || IsAllLevelsHeading(b.text)) continue;
      if (ParseLevelHeading(b.text) || extra_levels_.count(i)) {
        structured_sibling = structured_sibling || ShapeOf(i).structured;
      } else if (NamesSeniority(b.text)) {
        if (ShapeOf(i).structured)
          structured_sibling = true;
        else
          titled.push_back(i);
      }
    }
    if (!structured_sibling) return;  // a ladder of prose levels: every titled heading counts
    for (size_t i : titled)
      if (!ShapeOf(i).placeholder) prose_headings_.insert(i);
  }

  bool IsLevelAt(size_t i) const {
    const MdBlock& b = blocks_[i];
    return b.kind == Kind::kHeading && b.level == depth_ &&
           (IsLevelHeading(b) || extra_levels_.count(i)) && !IsAllLevelsHeading(b.text) &&
           !prose_headings_.count(i);
  }

  // Headings above the level depth that contain levels: tracks when there are two or more at
  // the same depth.
  void FindTracks() {
    std::map<int, std::vector<size_t>> containers;  // depth -> heading indexes
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind != Kind::kHeading || b.level >= depth_) continue;
      for (size_t j = i + 1; j < blocks_.size(); ++j) {
        if (blocks_[j].kind == Kind::kHeading && blocks_[j].level <= b.level) break;
        if (IsLevelAt(j)) {
          containers[b.level].push_back(i);
          break;
        }
      }
    }
    for (auto it = containers.rbegin(); it != containers.rend(); ++it) {
      if (it->second.size() >= 2) {
        track_headings_.insert(it->second.begin(), it->second.end());
        break;
      }
    }
  }

  model::Track& CurrentTrack() {
    if (f_.tracks.empty()) {
      model::Track t;
      t.id = "levels";
      t.name = "Levels";
      f_.tracks.push_back(std::move(t));
    }
    return f_.tracks.back();
  }

  std::string CompetencyId(const std::string& name) {
    std::string display(text::Trim(name));
    std::string key = Lower(display);
    auto it = competency_ids_.find(key);
    if (it != competency_ids_.end()) return it->second;
    std::string id = text::Slugify(display);
    std::string base = id;
    for (int n = 2; !used_competency_ids_.insert(id).second; ++n) {
      id = base + "-" + std::to_string(n);
    }
    model::Competency c;
    c.id = id;
    c.name = display;
    competency_index_[id] = f_.competencies.size();
    f_.competencies.push_back(c);
    competency_ids_[key] = id;
    return id;
  }

  model::Expectation& ExpectationFor(const std::string& competency_name, int line) {
    std::string id = CompetencyId(competency_name);
    auto [it, inserted] = level_expectations_.emplace(id, level_->expectations.size());
    if (!inserted) return level_->expectations[it->second];
    model::Expectation e;
    e.competency = id;
    e.origin.where = {doc_.name, line, 1};
    level_->expectations.push_back(std::move(e));
    return level_->expectations.back();
  }

  void SetSlot(const std::string& label) {
    slot_ = Classify(label);
    slot_label_ = label;
  }

  // Records that block `b`'s label is structure: its passage is `rest` alone when the label
  // went into no text field (summary and requirement labels).
  void LabelPassage(const MdBlock& b, const std::string& label, const std::string& rest) {
    Slot slot = Classify(label);
    if (slot == Slot::kSummary || slot == Slot::kRequirements) {
      overrides_[{b.line, b.text}] = slot == Slot::kRequirements && IsNoRequirement(rest)
                                         ? std::string()
                                         : text::CollapseSpace(StripTags(StripEmphasis(rest)));
    }
  }

  // "Requirements: none", "n/a": no requirement at all.
  static bool IsNoRequirement(std::string_view markdown) {
    std::string t = Lower(StripEmphasis(markdown));
    while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
    return t == "none" || t == "n/a" || t == "na" || t == "-" || t == "no requirements" ||
           t == "nothing" || t == "none required" || t == "not applicable" || t == "\xE2\x80\x94" ||
           t == "\xE2\x80\x93";
  }

  static std::string StripEmphasis(std::string_view markdown) {
    std::string out;
    for (char c : markdown) {
      if (c != '*' && c != '_' && c != '`') out += c;
    }
    return out;
  }

  // Adds one piece of text (inline Markdown) to whatever the current slot is.
  void AddToLevel(const std::string& markdown, int line) {
    if (markdown.empty()) return;
    switch (slot_) {
      case Slot::kSummary:
        if (!level_->summary.empty()) level_->summary += "\n\n";
        level_->summary += markdown;
        return;
      case Slot::kRequirements: {
        if (IsNoRequirement(markdown)) {
          overrides_[{line, markdown}] = "";  // "none": structure, not a requirement
          return;
        }
        model::Requirement r;
        r.text = markdown;
        r.origin.where = {doc_.name, line, 1};
        level_->requirements.push_back(std::move(r));
        return;
      }
      case Slot::kAttribute: {
        std::string key = AttributeKey(slot_label_);
        for (auto& [k, v] : level_->attributes) {
          if (k == key) {
            v += "; " + markdown;
            return;
          }
        }
        level_->attributes.emplace_back(key, markdown);
        return;
      }
      case Slot::kCategory: {
        model::Expectation& e = ExpectationFor(slot_label_.empty() ? "General" : slot_label_, line);
        // "TBD", "Not yet defined": the cell is undefined, with the text as its note.
        if (e.behaviours.empty() && !e.undefined && level_table::IsUndefinedText(markdown)) {
          e.undefined = true;
          e.note = markdown;
          return;
        }
        if (e.undefined) {  // more text follows: the placeholder was a behaviour after all
          e.behaviours.push_back(std::move(e.note));
          e.undefined = false;
          e.note.clear();
        }
        e.behaviours.push_back(markdown);
        return;
      }
    }
  }

  void AddLabelled(const std::string& label, const std::string& rest, int line) {
    Slot saved = slot_;
    std::string saved_label = slot_label_;
    SetSlot(label);
    AddToLevel(rest, line);
    if (rest.empty()) return;  // a label alone opens its slot for what follows
    slot_ = saved;
    slot_label_ = saved_label;
  }

  void AddItem(const MdBlock& item) {
    const MdBlock* first = nullptr;
    for (const MdBlock& c : item.children) {
      if (c.kind != Kind::kList) {
        first = &c;
        break;
      }
    }
    std::optional<std::pair<std::string, std::string>> label;
    if (first && first->kind == Kind::kParagraph) {
      label = BoldLabel(first->markdown);
      if (!label) label = PlainLabel(first->markdown);
    }
    Slot saved = slot_;
    std::string saved_label = slot_label_;
    if (label) {
      LabelPassage(*first, label->first, label->second);
      SetSlot(label->first);
      AddToLevel(label->second, item.line);
    } else if (first) {
      AddToLevel(first->kind == Kind::kParagraph ? first->markdown : first->AllMarkdown(),
                 first->line);
    }
    for (const MdBlock& c : item.children) {
      if (&c == first) continue;
      AddBlockToLevel(c);
    }
    slot_ = saved;
    slot_label_ = saved_label;
  }

  void AddBlockToLevel(const MdBlock& b) {
    switch (b.kind) {
      case Kind::kList:
        for (const MdBlock& item : b.children) AddItem(item);
        return;
      case Kind::kItem:
        AddItem(b);
        return;
      case Kind::kParagraph: {
        if (auto label = BoldLabel(b.markdown)) {
          LabelPassage(b, label->first, label->second);
          if (label->second.empty()) {
            SetSlot(label->first);
          } else {
            AddLabelled(label->first, label->second, b.line);
            SetSlot(label->first);
          }
          return;
        }
        if (auto label = PlainLabel(b.markdown);
            label && Classify(label->first) != Slot::kCategory) {
          LabelPassage(b, label->first, label->second);
          AddLabelled(label->first, label->second, b.line);
          return;
        }
        if (slot_ == Slot::kCategory && slot_label_.empty()) {
          // Prose before the first category is the level's summary.
          Slot saved = slot_;
          slot_ = Slot::kSummary;
          AddToLevel(b.markdown, b.line);
          slot_ = saved;
          return;
        }
        AddToLevel(b.markdown, b.line);
        return;
      }
      case Kind::kBreak:
        return;
      default:
        AddToLevel(b.AllMarkdown(), b.line);
        return;
    }
  }

  model::Note& OpenNote(const std::string& title, int line) {
    model::Note n;
    n.title = title;
    n.origin.where = {doc_.name, line, 1};
    f_.notes.push_back(std::move(n));
    return f_.notes.back();
  }

  void AppendToNote(const std::string& markdown) {
    if (markdown.empty()) return;
    model::Note& n = f_.notes[note_];
    if (!n.markdown.empty()) n.markdown += "\n\n";
    n.markdown += markdown;
  }

  void StartLevel(const MdBlock& h) {
    model::Level l;
    if (auto parsed = ParseLevelHeading(h.text)) {
      l.code = parsed->code;
      overrides_[{h.line, h.text}] = parsed->code + " " + parsed->title;
      if (parsed->number) heading_numbers_[h.line] = *parsed->number;
      l.title = parsed->title.empty() ? parsed->code : parsed->title;
    } else {
      l.title = h.text;
      l.code = text::Slugify(h.text);
    }
    l.origin.where = {doc_.name, h.line, 1};
    model::Track& t = CurrentTrack();
    t.levels.push_back(std::move(l));
    level_ = &t.levels.back();
    level_expectations_.clear();
    slot_ = Slot::kCategory;
    slot_label_.clear();
    note_ = std::string::npos;
  }

  void Walk() {
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind == Kind::kHeading && b.level <= depth_) {
        level_ = nullptr;
        if (track_headings_.count(i)) {
          model::Track t;
          t.name = b.text;
          t.id = text::Slugify(b.text);
          t.kind = KindFromName(b.text);
          t.origin.where = {doc_.name, b.line, 1};
          f_.tracks.push_back(std::move(t));
          note_ = std::string::npos;
          continue;
        }
        if (IsLevelAt(i)) {
          StartLevel(b);
          continue;
        }
        if (b.level == 1 && f_.name.empty()) {
          f_.name = b.text;
          note_ = std::string::npos;
          continue;
        }
        OpenNote(b.text, b.line);
        note_ = f_.notes.size() - 1;
        note_levels_[note_] = b.level;
        continue;
      }
      if (level_) {
        if (b.kind == Kind::kHeading) {
          SetSlot(b.text);
          LabelPassage(b, b.text, "");
          continue;
        }
        AddBlockToLevel(b);
        continue;
      }
      if (b.kind == Kind::kBreak) continue;
      std::string markdown =
          b.kind == Kind::kHeading ? std::string(b.level, '#') + " " + b.markdown : b.AllMarkdown();
      if (note_ == std::string::npos) {
        if (f_.description.empty() && b.kind == Kind::kParagraph && f_.notes.empty()) {
          f_.description = b.markdown;
          continue;
        }
        OpenNote("", b.line);
        note_ = f_.notes.size() - 1;
      }
      if (b.kind == Kind::kTable) note_tables_.push_back({i, note_, markdown});
      AppendToNote(markdown);
    }
  }

  static model::TrackKind KindFromName(std::string_view name) {
    std::string n = Lower(name);
    if (n.find("manag") != std::string::npos) return model::TrackKind::kManagement;
    if (n.find("individual") != std::string::npos || n.starts_with("ic ") || n == "ic" ||
        n.find("(ic)") != std::string::npos || n.find(" ic ") != std::string::npos) {
      return model::TrackKind::kIc;
    }
    if (n.find("core") != std::string::npos) return model::TrackKind::kCore;
    if (n.find("alternative") != std::string::npos) return model::TrackKind::kAlternative;
    return model::TrackKind::kOther;
  }

  void Finish(const std::string& fm_title) {
    if (f_.name.empty()) f_.name = fm_title;
    if (f_.name.empty()) {
      std::string stem = doc_.name.substr(doc_.name.rfind('/') + 1);
      f_.name = stem.substr(0, stem.find('.'));
    }
    f_.id = text::Slugify(f_.name);
    std::set<std::string> track_ids;
    for (model::Track& t : f_.tracks) {
      std::string base = t.id;
      for (int n = 2; !track_ids.insert(t.id).second; ++n) t.id = base + "-" + std::to_string(n);
      if (t.kind == model::TrackKind::kOther && !t.levels.empty()) {
        bool ic = std::all_of(t.levels.begin(), t.levels.end(),
                              [](const model::Level& l) { return l.code.starts_with("IC"); });
        bool mgmt = std::all_of(t.levels.begin(), t.levels.end(), [](const model::Level& l) {
          return l.code.starts_with("M") && l.code.size() <= 3;
        });
        if (ic) t.kind = model::TrackKind::kIc;
        if (mgmt) t.kind = model::TrackKind::kManagement;
      }
      RankLevels(t);
      std::set<std::string> codes;
      for (model::Level& l : t.levels) {
        std::string base_code = l.code;
        for (int n = 2; !codes.insert(l.code).second; ++n) {
          l.code = base_code + "-" + std::to_string(n);
        }
        // Expectations in competency order.
        std::stable_sort(l.expectations.begin(), l.expectations.end(),
                         [&](const model::Expectation& a, const model::Expectation& b) {
                           return CompetencyIndex(a.competency) < CompetencyIndex(b.competency);
                         });
        MarkUndefined(l);
      }
    }
    // Empty tracks (a container heading whose levels were all elsewhere) carry no levels.
    std::erase_if(f_.tracks, [](const model::Track& t) { return t.levels.empty(); });
  }

  // A pipe table of levels in the prose ("| Level | Title | Years of experience |") whose every
  // level is one of the ladder's (same code or title) is read into those levels: attributes
  // (years of experience), codes the headings did not give, competencies the level lacks. The
  // table then leaves the note. Any other table stays in its note as a Markdown table.
  void MergeLevelTables() {
    for (const NoteTable& nt : note_tables_) {
      std::optional<level_table::Table> table =
          level_table::InterpretPipeTable(blocks_[nt.block], doc_.name, false);
      if (!table || table->tracks.size() != 1 || table->tracks[0].levels.empty()) continue;
      std::vector<model::Level*> targets;
      for (const model::Level& row : table->tracks[0].levels) {
        model::Level* match = nullptr;
        int matches = 0;
        for (model::Track& t : f_.tracks) {
          for (model::Level& l : t.levels) {
            if (text::IEquals(l.code, row.code) || text::IEquals(l.title, row.title)) {
              match = &l;
              ++matches;
            }
          }
        }
        if (matches != 1) break;
        targets.push_back(match);
      }
      if (targets.size() != table->tracks[0].levels.size()) continue;
      std::set<model::Level*> distinct(targets.begin(), targets.end());
      if (distinct.size() != targets.size()) continue;
      for (size_t k = 0; k < targets.size(); ++k) {
        model::Level& into = *targets[k];
        model::Level& row = table->tracks[0].levels[k];
        LevelName name = level_table::ParseLevelName(row.code);
        if (!name.prefix.empty() && into.code == text::Slugify(into.title)) {
          bool taken = false;
          for (const model::Track& t : f_.tracks)
            for (const model::Level& l : t.levels) taken = taken || text::IEquals(l.code, row.code);
          if (!taken) into.code = row.code;
        }
        for (auto& [key, value] : row.attributes) {
          bool present = false;
          for (const auto& a : into.attributes) present = present || a.first == key;
          if (!present) into.attributes.emplace_back(key, value);
        }
        for (model::Expectation& e : row.expectations) {
          const model::Competency* c = nullptr;
          for (const model::Competency& tc : table->competencies)
            if (tc.id == e.competency) c = &tc;
          if (c == nullptr) continue;
          std::string id = CompetencyId(c->name);
          if (into.FindExpectation(id) != nullptr) continue;
          e.competency = id;
          into.expectations.push_back(std::move(e));
        }
      }
      model::Note& note = f_.notes[nt.note];
      size_t at = note.markdown.find(nt.markdown);
      if (at != std::string::npos) {
        size_t from = at >= 2 && note.markdown.compare(at - 2, 2, "\n\n") == 0 ? at - 2 : at;
        note.markdown.erase(from, at + nt.markdown.size() - from);
        if (from == 0 && note.markdown.starts_with("\n\n")) note.markdown.erase(0, 2);
      }
      merged_tables_[nt.block] = std::move(table->passages);
    }
  }

  // The titled sections that are not levels, read like the prose around a levels table:
  // notes, and overlay roles (team leads) and transitions (moving to management) where their
  // headings say so (prose_sections.h).
  void ReadProse() {
    std::string ic_track;
    for (const model::Track& t : f_.tracks)
      if (ic_track.empty() && t.kind == model::TrackKind::kIc) ic_track = t.id;
    if (ic_track.empty() && !f_.tracks.empty()) ic_track = f_.tracks.front().id;
    std::vector<model::Note> notes = std::move(f_.notes);
    f_.notes.clear();
    for (size_t k = 0; k < notes.size(); ++k) {
      model::Note& n = notes[k];
      auto level = note_levels_.find(k);
      if (n.title.empty() || n.markdown.empty() || level == note_levels_.end()) {
        f_.notes.push_back(std::move(n));
        continue;
      }
      prose::Section section;
      section.title = n.title;
      section.level = level->second;
      section.line = n.origin.where.line;
      section.markdown = n.markdown;
      section.blocks = md::ParseBlocks(n.markdown, section.line + 1);
      prose::ApplySections({section}, doc_.name, ic_track, f_);
    }
  }

  // A level that defines nothing ("TBD", every category "Not yet defined") is undefined, with
  // the placeholder as its note.
  static void MarkUndefined(model::Level& l) {
    bool defined = false;
    const model::Expectation* undefined = nullptr;
    for (const model::Expectation& e : l.expectations) {
      if (e.undefined) {
        if (undefined == nullptr) undefined = &e;
      } else if (!e.behaviours.empty() || !e.summary.empty()) {
        defined = true;
      }
    }
    if (defined) return;
    if (!l.summary.empty() && level_table::IsUndefinedText(l.summary)) {
      l.state = model::LevelState::kUndefined;
      l.note = std::move(l.summary);
      l.summary.clear();
    } else if (undefined != nullptr && l.summary.empty()) {
      l.state = model::LevelState::kUndefined;
      l.note = undefined->note;
    }
  }

  size_t CompetencyIndex(const std::string& id) const {
    auto it = competency_index_.find(id);
    return it == competency_index_.end() ? f_.competencies.size() : it->second;
  }

  void RankLevels(model::Track& t) {
    std::vector<int> numbers;
    for (const model::Level& l : t.levels) {
      auto it = heading_numbers_.find(l.origin.where.line);
      if (it == heading_numbers_.end()) {
        numbers.clear();
        break;
      }
      numbers.push_back(it->second);
    }
    std::set<int> distinct(numbers.begin(), numbers.end());
    if (!numbers.empty() && distinct.size() == numbers.size()) {
      for (size_t i = 0; i < t.levels.size(); ++i) t.levels[i].rank = numbers[i];
      std::stable_sort(
          t.levels.begin(), t.levels.end(),
          [](const model::Level& a, const model::Level& b) { return a.rank < b.rank; });
      return;
    }
    for (size_t i = 0; i < t.levels.size(); ++i) t.levels[i].rank = static_cast<int>(i) + 1;
  }

  const Document& doc_;
  Imported& out_;
  model::Framework& f_;
  std::vector<MdBlock> blocks_;
  int depth_ = 0;
  std::set<size_t> extra_levels_;
  std::set<size_t> prose_headings_;  // seniority-named headings that are prose, not levels
  struct NoteTable {
    size_t block;          // index in blocks_
    size_t note;           // index in f_.notes
    std::string markdown;  // what it added to the note
  };
  std::vector<NoteTable> note_tables_;
  std::map<size_t, std::vector<Passage>> merged_tables_;  // block -> the table's passages
  std::map<size_t, int> note_levels_;                     // note index -> its heading level
  std::set<size_t> track_headings_;
  std::map<std::string, std::string> competency_ids_;
  model::Level* level_ = nullptr;
  Slot slot_ = Slot::kCategory;
  std::string slot_label_;
  size_t note_ = std::string::npos;
  std::map<std::pair<int, std::string>, std::string> overrides_;  // passage -> its content
  std::set<std::string> used_competency_ids_;
  std::map<std::string, size_t> competency_index_;
  std::map<std::string, size_t> level_expectations_;  // of level_: competency -> index
  std::map<int, int> heading_numbers_;                // level heading line -> level number
};

class MarkdownLadderReader : public Reader {
 public:
  std::string_view Name() const override { return "markdown-ladder"; }

  int Detect(std::string_view text) const override {
    FrontMatter fm = SplitFrontMatter(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
    int coded[7] = {0}, titled[7] = {0};
    bool all_levels = false;
    size_t pos = 0;
    int lines = 0;
    bool in_fence = false;
    while (pos < text.size() && ++lines < 50000) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      if (line.starts_with("```")) in_fence = !in_fence;
      if (in_fence || !line.starts_with("#")) continue;
      size_t hashes = line.find_first_not_of('#');
      if (hashes == std::string_view::npos || hashes > 6 || line[hashes] != ' ') continue;
      std::string_view heading = text::Trim(line.substr(hashes));
      if (ParseLevelHeading(heading)) {
        ++coded[hashes];
      } else if (NamesSeniority(heading)) {
        ++titled[hashes];
      }
      if (IsAllLevelsHeading(heading)) all_levels = true;
    }
    int score = 0;
    for (int d = 1; d <= 6; ++d) {
      int s = coded[d] >= 3 ? 75 : coded[d] == 2 ? 55 : coded[d] == 1 ? 25 : 0;
      if (titled[d] + coded[d] >= 3) s = std::max(s, 50);
      if (titled[d] + coded[d] == 2) s = std::max(s, 35);  // weak: only when nothing else fits
      score = std::max(score, s);
    }
    if (score > 0 && all_levels) score += 5;
    // Levels tables and side-by-side pages are HTML inside Markdown: other readers' families.
    if (text.find("<table") != std::string_view::npos) score -= 40;
    if (fm.present && fm.yaml.find("topics:") != std::string::npos) score -= 40;
    return std::max(score, 0);
  }

  Result<Imported> Read(const Document& document) const override {
    Imported out;
    out.framework.source = {document.name, std::string(Name())};
    Builder builder(document, out);
    LADDER_TRY_STATUS(builder.Build());
    return out;
  }
};

// Reads a level code at the start of `s`: "Level 3", "Lvl 3", "L3", "IC3", "E-5", "SWE 2".
std::optional<std::pair<LevelHeading, size_t>> CodeAt(std::string_view s) {
  LevelHeading h;
  std::string lower = text::ToLower(s.substr(0, std::min<size_t>(s.size(), 8)));
  size_t i = 0;
  for (std::string_view word : {"level", "lvl"}) {
    if (lower.starts_with(word)) {
      i = word.size();
      while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '_')) ++i;
      size_t digits = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == digits || i - digits > 2) return std::nullopt;
      h.number = std::stoi(std::string(s.substr(digits, i - digits)));
      h.code = "L" + std::to_string(*h.number);
      return std::make_pair(h, i);
    }
  }
  while (i < s.size() && i < 4 && std::isupper(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0) return std::nullopt;
  size_t letters = i;
  if (i < s.size() && (s[i] == '-' || s[i] == ' ')) ++i;
  size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == digits || i - digits > 2) return std::nullopt;
  if (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) return std::nullopt;
  h.number = std::stoi(std::string(s.substr(digits, i - digits)));
  h.code = std::string(s.substr(0, letters)) + std::to_string(*h.number);
  return std::make_pair(h, i);
}

std::string_view TrimSeparators(std::string_view s) {
  s = text::Trim(s);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view sep :
         {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":", "|", ".", ",", "\xC2\xB7"}) {
      if (s.starts_with(sep)) {
        s.remove_prefix(sep.size());
        s = text::Trim(s);
        changed = true;
      }
    }
  }
  return s;
}

}  // namespace

std::optional<LevelHeading> ParseLevelHeading(std::string_view heading) {
  std::string_view s = text::Trim(heading);
  if (s.empty() || s.size() > 120) return std::nullopt;
  if (auto code = CodeAt(s)) {
    LevelHeading h = code->first;
    std::string_view rest = TrimSeparators(s.substr(code->second));
    if (rest.starts_with("(") && rest.ends_with(")")) rest = rest.substr(1, rest.size() - 2);
    h.title = text::CollapseSpace(rest);
    return h;
  }
  // "Senior Engineer (L3)" / "Senior Engineer - L3".
  if (s.ends_with(")")) {
    size_t open = s.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = s.substr(open + 1, s.size() - open - 2);
      if (auto code = CodeAt(inner); code && code->second == inner.size()) {
        LevelHeading h = code->first;
        h.title = std::string(text::Trim(s.substr(0, open)));
        return h;
      }
    }
  }
  for (std::string_view sep : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | "}) {
    size_t at = s.rfind(sep);
    if (at == std::string_view::npos) continue;
    std::string_view tail = text::Trim(s.substr(at + sep.size()));
    if (auto code = CodeAt(tail); code && code->second == tail.size()) {
      LevelHeading h = code->first;
      h.title = std::string(text::Trim(s.substr(0, at)));
      return h;
    }
  }
  return std::nullopt;
}

std::unique_ptr<Reader> MakeMarkdownLadderReader() {
  return std::make_unique<MarkdownLadderReader>();
}

}  // namespace ladder::formats
