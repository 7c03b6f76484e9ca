// Which headings of a Markdown ladder are levels, tracks, pillars and prose
// (markdown_ladder_builder.h).
#include <algorithm>
#include <regex>

#include "base/text.h"
#include "formats/markdown_ladder_builder.h"
#include "formats/role_catalog_reader.h"

namespace ladder::formats::md_ladder {
namespace {

using Kind = MdBlock::Kind;

std::string Lower(std::string_view s) { return text::ToLower(text::Trim(s)); }

// "Junior → Mid Level", "IC2 to IC3": a step between levels, not a level.
bool IsStep(std::string_view heading) {
  static const std::regex kStep(R"((→|->|⟶|=>|\bto\b.*\b(level|senior|staff|ic\d|l\d)))",
                                std::regex::icase);
  return heading.size() <= 120 && std::regex_search(std::string(heading), kStep);
}

// Headings that are prose whatever their context: questions, how-tos, overviews.
bool IsProseHeading(std::string_view heading) {
  std::string h = Lower(heading);
  if (h.empty() || h.ends_with("?") || text::CountWords(h) > 8) return true;
  static const std::regex kProse(
      R"(^(how|what|when|why|where|who|moving|becoming|transition|about|overview|introduction|faq|notes?|summary|background|purpose|principles|philosophy|resources|appendix|glossary|changelog|history|legend|key|reading guide|definitions)\b)");
  return std::regex_search(h, kProse) || IsAllLevelsHeading(h) ||
         Classify(heading) != Slot::kCategory;
}

// A section defining a rating scale ("Proficiency levels", "Rating scale"): its headings are
// the steps of the scale, not levels of the ladder.
bool IsScaleHeading(std::string_view heading) {
  static const std::regex kScale(R"(proficiency|rating|\bscale\b|scoring|grading)",
                                 std::regex::icase);
  return std::regex_search(std::string(heading), kScale);
}

}  // namespace

// A heading that states an expectation rather than naming a category: a sentence ("Writes
// maintainable, well-tested code", "Owns the on-call rotation.").
bool IsSentenceHeading(std::string_view heading) {
  std::string_view h = text::Trim(heading);
  return text::CountWords(h) >= 6 || h.ends_with(".");
}

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
  if (heading.size() > 80 || IsStep(heading)) return false;
  RoleTitle t = ParseRoleTitle(heading);
  return !t.seniority.empty() && !t.family.empty() && text::CountWords(t.family) <= 4;
}

bool NamesTrack(std::string_view heading) {
  static const std::regex kTrack(
      R"(\b(tracks?|paths?|ladders?)\b|individual contributors?|\bic\b|\bmanagement\b|\bmanagers\b)",
      std::regex::icase);
  static const std::regex kMove(R"(\b(moving|move|transition\w*|switch\w*|becom\w*)\b|\bto\b)",
                                std::regex::icase);
  std::string h(text::Trim(heading));
  return h.size() <= 100 && std::regex_search(h, kTrack) && !std::regex_search(h, kMove);
}

model::TrackKind KindFromName(std::string_view name) {
  std::string n = Lower(name);
  if (n.find("manag") != std::string::npos) return model::TrackKind::kManagement;
  if (n.find("individual") != std::string::npos || n.starts_with("ic ") || n == "ic" ||
      n.find("(ic)") != std::string::npos || n.find(" ic ") != std::string::npos ||
      n.find("technical") != std::string::npos) {
    return model::TrackKind::kIc;
  }
  if (n.find("core") != std::string::npos) return model::TrackKind::kCore;
  if (n.find("alternative") != std::string::npos) return model::TrackKind::kAlternative;
  return model::TrackKind::kOther;
}

bool LadderBuilder::IsLevelHeading(const MdBlock& h) const {
  if (IsStep(h.text)) return false;
  return ParseLevelHeading(h.text).has_value() || NamesSeniority(h.text);
}

// The index one past the section of heading `i` (the next heading at its depth or above).
size_t LadderBuilder::SectionEnd(size_t i) const {
  size_t j = i + 1;
  while (j < blocks_.size() &&
         !(blocks_[j].kind == Kind::kHeading && blocks_[j].level <= blocks_[i].level))
    ++j;
  return j;
}

Status LadderBuilder::FindLevelDepth() {
  // Headings under a rating scale are its steps, not levels.
  std::set<size_t> scale;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].kind != Kind::kHeading || !IsScaleHeading(blocks_[i].text)) continue;
    for (size_t j = i + 1, end = SectionEnd(i); j < end; ++j) scale.insert(j);
  }
  int counts[7] = {0};
  int coded[7] = {0};
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || scale.count(i)) continue;
    if (ParseLevelHeading(b.text) && !IsStep(b.text)) {
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
    // A section naming a ladder ("## Technical track") whose sub-headings are its levels (not
    // the document's title, not sub-sections naming ladders themselves).
    for (size_t i = 0; i < blocks_.size() && best == 0; ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind != Kind::kHeading || !NamesTrack(b.text) || b.level >= 6 || b.level == 1) continue;
      int children = 0;
      for (size_t j = i + 1, end = SectionEnd(i); j < end; ++j)
        if (blocks_[j].kind == Kind::kHeading && blocks_[j].level == b.level + 1 &&
            !IsProseHeading(blocks_[j].text) && !NamesTrack(blocks_[j].text))
          ++children;
      if (children >= 2) best = b.level + 1;
    }
    if (best != 0) {
      depth_ = best;
      AddCategorySiblings();
      FindTrackSections();
      FindProseHeadings();
      FindSiblingLevels();
      return Ok();
    }
    if (FindPageLevel()) return Ok();
    if (FindRepeatedSections() || FindLevelsNamedByItems()) {
      FindTrackSections();
      FindProseHeadings();
      FindSiblingLevels();
      return Ok();
    }
    return MakeError(ErrorCode::kParse,
                     "no level headings found: expected headings such as \"## L3 - Senior "
                     "Engineer\", \"## Level 3: ...\" or \"## Senior Engineer\"",
                     SourceLocation{doc_.name, 1, 1});
  }
  depth_ = best;
  for (size_t i : scale)
    if (blocks_[i].kind == Kind::kHeading && blocks_[i].level == depth_) prose_headings_.insert(i);
  AddCategorySiblings();
  FindTrackSections();
  FindProseHeadings();
  FindSiblingLevels();
  return Ok();
}

// Headings at the level depth that share categories with levels are levels too ("## Engineer"
// between "## Junior Engineer" and "## Senior Engineer").
void LadderBuilder::AddCategorySiblings() {
  std::map<size_t, std::set<std::string>> categories_of = CategoriesAt(depth_);
  std::set<std::string> level_categories;
  for (auto& [i, cats] : categories_of) {
    if (IsLevelHeading(blocks_[i])) level_categories.insert(cats.begin(), cats.end());
  }
  for (auto& [i, cats] : categories_of) {
    if (IsLevelHeading(blocks_[i]) || IsAllLevelsHeading(blocks_[i].text) ||
        prose_headings_.count(i))
      continue;
    int shared = 0;
    for (const std::string& c : cats) shared += level_categories.count(c) ? 1 : 0;
    if (shared >= 2 || (shared == 1 && cats.size() == 1)) extra_levels_.insert(i);
  }
}

// The categories of each heading at `depth`, lower case: the sub-headings of its section and
// the labels of its labelled paragraphs and items ("**Impact:** ...").
std::map<size_t, std::set<std::string>> LadderBuilder::CategoriesAt(int depth) const {
  std::map<size_t, std::set<std::string>> out;
  size_t owner = std::string::npos;
  auto label = [&](const MdBlock& p) {
    if (p.kind != Kind::kParagraph) return;
    if (auto l = BoldLabel(p.markdown)) out[owner].insert(Lower(l->first));
  };
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind == Kind::kHeading) {
      if (b.level <= depth) owner = b.level == depth ? i : std::string::npos;
      if (b.level == depth) out[i];
      if (b.level > depth && owner != std::string::npos) out[owner].insert(Lower(b.text));
      continue;
    }
    if (owner == std::string::npos) continue;
    label(b);
    if (b.kind == Kind::kList)
      for (const MdBlock& item : b.children)
        for (const MdBlock& c : item.children) label(c);
  }
  return out;
}

// Levels named by title alone, none with a code or a seniority ("## Practitioner",
// "## Expert"): at the shallowest depth where two headings or more (not prose) hold at least two
// categories each and share two with another such heading, those headings are the levels.
bool LadderBuilder::FindRepeatedSections() {
  for (int d = 1; d <= 6; ++d) {
    std::map<size_t, std::set<std::string>> categories_of = CategoriesAt(d);
    std::vector<size_t> repeated;
    for (const auto& [i, cats] : categories_of) {
      if (cats.size() < 2 || IsProseHeading(blocks_[i].text) || IsSentenceHeading(blocks_[i].text))
        continue;
      for (const auto& [j, other] : categories_of) {
        if (j == i) continue;
        int shared = 0;
        for (const std::string& c : cats) shared += other.count(c) ? 1 : 0;
        if (shared >= 2) {
          repeated.push_back(i);
          break;
        }
      }
    }
    if (repeated.size() < 2) continue;
    depth_ = d;
    extra_levels_.insert(repeated.begin(), repeated.end());
    return true;
  }
  return false;
}

// Levels named only by the sections that list what each level does: headings ("## Facilities
// Assistant") that label the items of two sections or more elsewhere ("- Facilities Assistant:
// Reports hazards"), two at least at one depth.
bool LadderBuilder::FindLevelsNamedByItems() {
  std::map<std::string, std::set<size_t>> sections_of;  // label -> sections using it
  size_t section = std::string::npos;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind == Kind::kHeading) section = i;
    if (b.kind != Kind::kList || section == std::string::npos) continue;
    for (const MdBlock& item : b.children) {
      if (item.children.empty() || item.children[0].kind != Kind::kParagraph) continue;
      auto label = BoldLabel(item.children[0].markdown);
      if (!label) label = PlainLabel(item.children[0].markdown);
      if (label) sections_of[Lower(label->first)].insert(section);
    }
  }
  std::map<int, std::vector<size_t>> named;  // depth -> headings
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading) continue;
    auto it = sections_of.find(Lower(b.text));
    if (it != sections_of.end() && it->second.size() >= 2 && !it->second.count(i))
      named[b.level].push_back(i);
  }
  for (const auto& [depth, headings] : named) {
    if (headings.size() < 2) continue;
    depth_ = depth;
    extra_levels_.insert(headings.begin(), headings.end());
    return true;
  }
  return false;
}

// One page describing one level: its first heading names it ("# L3", "# IC1 Engineer (Code
// Cadet)"), or a "Level: IC2" line near the top gives the code of the page titled by it.
bool LadderBuilder::FindPageLevel() {
  size_t first = std::string::npos;
  for (size_t i = 0; i < blocks_.size() && first == std::string::npos; ++i)
    if (blocks_[i].kind == Kind::kHeading) first = i;
  if (first == std::string::npos) return false;
  static const std::regex kLevelLabel(R"(^(level|grade|band|career level|job level)$)",
                                      std::regex::icase);
  for (size_t i = first + 1; i < blocks_.size() && i < first + 8; ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind == Kind::kHeading) break;
    if (b.kind != Kind::kParagraph) continue;
    auto label = BoldLabel(b.markdown);
    if (!label) label = PlainLabel(b.markdown);
    if (!label || !std::regex_match(label->first, kLevelLabel)) continue;
    level_table::LevelName name = level_table::ParseLevelName(label->second);
    if (name.prefix.empty()) continue;
    page_code_ = name.code;
    break;
  }
  if (page_code_.empty() && !IsLevelHeading(blocks_[first]) && !assume_page_) return false;
  page_level_ = first;
  depth_ = blocks_[first].level;
  extra_levels_.insert(first);
  return true;
}

// Headings above the level depth that name a ladder ("## Management track"): every heading at
// the level depth in their section is a level of that ladder, unless it is plainly prose
// ("### How to move up").
void LadderBuilder::FindTrackSections() {
  // The document's title ("# Design Ladder") names the whole framework, not one ladder of it.
  size_t title = std::string::npos;
  int top_headings = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].kind != Kind::kHeading || blocks_[i].level != 1) continue;
    if (title == std::string::npos) title = i;
    ++top_headings;
  }
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || b.level >= depth_ || !NamesTrack(b.text)) continue;
    if (i == title && top_headings == 1) continue;
    std::vector<size_t> children;
    for (size_t j = i + 1, end = SectionEnd(i); j < end; ++j) {
      const MdBlock& c = blocks_[j];
      if (c.kind == Kind::kHeading && c.level == depth_ && !IsProseHeading(c.text))
        children.push_back(j);
    }
    if (children.empty()) continue;
    track_sections_.insert(i);
    for (size_t j : children) extra_levels_.insert(j);
  }
  // A section of levels ("## Level expectations", "## Career levels") holding some headings
  // that name levels: its other headings at the level depth are levels too ("### Software
  // Engineer" beside "### Senior Engineer").
  static const std::regex kLevels(R"(\b(levels?|ladders?|grades|career path|positions)\b)",
                                  std::regex::icase);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || b.level >= depth_ || track_sections_.count(i) ||
        (i == title && top_headings == 1) || !std::regex_search(b.text, kLevels))
      continue;
    std::vector<size_t> children;
    bool named = false;
    for (size_t j = i + 1, end = SectionEnd(i); j < end; ++j) {
      const MdBlock& c = blocks_[j];
      if (c.kind != Kind::kHeading || c.level != depth_ || IsProseHeading(c.text)) continue;
      children.push_back(j);
      named = named || IsLevelHeading(c);
    }
    if (named && children.size() >= 2)
      for (size_t j : children) extra_levels_.insert(j);
  }
}

// A heading at the level depth between two levels, shaped like them (a list), is a level whose
// name carries no seniority: "## Programmer" between "## Junior Programmer" and "## Senior
// Programmer".
void LadderBuilder::FindSiblingLevels() {
  std::vector<size_t> at_depth;
  for (size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].kind == Kind::kHeading && blocks_[i].level <= depth_) at_depth.push_back(i);
  for (size_t k = 1; k + 1 < at_depth.size(); ++k) {
    size_t i = at_depth[k];
    const MdBlock& b = blocks_[i];
    if (b.level != depth_ || IsLevelAt(i) || IsProseHeading(b.text) || prose_headings_.count(i))
      continue;
    size_t prev = at_depth[k - 1];
    size_t next = at_depth[k + 1];
    if (blocks_[prev].level != depth_ || blocks_[next].level != depth_) continue;
    if (!IsLevelAt(prev) || !IsLevelAt(next)) continue;
    if (text::CountWords(b.text) > 6) continue;
    if (ShapeOf(i).lists == ShapeOf(prev).lists && ShapeOf(i).structured) extra_levels_.insert(i);
  }
}

LadderBuilder::SectionShape LadderBuilder::ShapeOf(size_t i) const {
  SectionShape shape;
  bool first_text = true;
  for (size_t j = i + 1; j < blocks_.size(); ++j) {
    const MdBlock& b = blocks_[j];
    if (b.kind == Kind::kHeading && b.level <= depth_) break;
    if (b.kind == Kind::kHeading || b.kind == Kind::kList) shape.structured = true;
    if (b.kind == Kind::kList) shape.lists = true;
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
void LadderBuilder::FindProseHeadings() {
  std::vector<size_t> titled;
  bool structured_sibling = false;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || b.level != depth_ || IsAllLevelsHeading(b.text)) continue;
    if (prose_headings_.count(i)) continue;
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

bool LadderBuilder::IsLevelAt(size_t i) const {
  const MdBlock& b = blocks_[i];
  return b.kind == Kind::kHeading && b.level == depth_ &&
         (IsLevelHeading(b) || extra_levels_.count(i)) && !IsAllLevelsHeading(b.text) &&
         !prose_headings_.count(i);
}

// Headings above the level depth that contain levels: tracks when there are two or more at
// the same depth, or when they name a ladder ("## Management track").
void LadderBuilder::FindTracks() {
  std::map<int, std::vector<size_t>> containers;  // depth -> heading indexes
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || b.level >= depth_) continue;
    for (size_t j = i + 1, end = SectionEnd(i); j < end; ++j) {
      if (IsLevelAt(j)) {
        containers[b.level].push_back(i);
        break;
      }
    }
  }
  for (auto it = containers.rbegin(); it != containers.rend(); ++it) {
    if (it->second.size() >= 2) {
      track_headings_.insert(it->second.begin(), it->second.end());
      return;
    }
  }
  for (size_t i : track_sections_)
    for (const auto& [depth, heads] : containers)
      if (std::find(heads.begin(), heads.end(), i) != heads.end()) track_headings_.insert(i);
}

// Labels of labelled items under a level's sub-headings, counted over levels: one used by two
// levels or more ("**Scope:**" in every level) is a category; one a single level uses under a
// sub-heading ("### Archetypes" with "**Architect**: ...") labels a behaviour.
void LadderBuilder::FindRecurringLabels() {
  std::map<std::string, int> uses;
  std::set<std::string> in_level;
  bool under_heading = false;
  auto flush = [&] {
    for (const std::string& l : in_level) ++uses[l];
    in_level.clear();
  };
  auto look = [&](const MdBlock& b) {
    if (!under_heading) return;
    auto label = BoldLabel(b.markdown);
    if (!label) label = PlainLabel(b.markdown);
    if (label) in_level.insert(text::ToLower(label->first));
  };
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind == Kind::kHeading) {
      if (b.level <= depth_) {
        flush();
        under_heading = false;
      } else {
        under_heading = true;
      }
      continue;
    }
    if (b.kind == Kind::kParagraph) look(b);
    if (b.kind == Kind::kList)
      for (const MdBlock& item : b.children)
        for (const MdBlock& c : item.children)
          if (c.kind == Kind::kParagraph) look(c);
  }
  flush();
  for (const auto& [label, n] : uses)
    if (n >= 2) recurring_labels_.insert(label);
  // Level sub-headings with deeper sub-headings under them are pillars of categories, unless
  // those sub-headings are expectations themselves ("### Writes maintainable code"): then the
  // sub-heading is the category and they are its behaviours.
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind != Kind::kHeading || b.level <= depth_) continue;
    size_t end = SectionEnd(i);
    bool children = false;
    bool all_sentences = true;
    for (size_t j = i + 1; j < end; ++j) {
      if (blocks_[j].kind != Kind::kHeading) continue;
      children = true;
      all_sentences = all_sentences && IsSentenceHeading(blocks_[j].text);
    }
    if (children && !all_sentences) group_headings_.insert(i);
  }
  // A label that usually names an attribute ("Scope") is a category where levels list several
  // behaviours under it.
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    auto promote = [&](const std::string& label, const MdBlock* list) {
      if (list == nullptr || list->kind != Kind::kList || list->children.size() < 2) return;
      if (Classify(label) != Slot::kAttribute) return;
      std::string key = AttributeKey(label);
      if (key == "years_of_experience" || key.find("title") != std::string::npos) return;
      promoted_labels_.insert(text::ToLower(text::Trim(label)));
    };
    if (b.kind == Kind::kHeading && b.level > depth_ && i + 1 < blocks_.size())
      promote(b.text, &blocks_[i + 1]);
    if (b.kind != Kind::kList) continue;
    for (const MdBlock& item : b.children) {
      const MdBlock* first = nullptr;
      const MdBlock* nested = nullptr;
      for (const MdBlock& c : item.children) {
        if (c.kind == Kind::kList && nested == nullptr) nested = &c;
        if (c.kind != Kind::kList && first == nullptr) first = &c;
      }
      if (first == nullptr || first->kind != Kind::kParagraph) continue;
      auto label = BoldLabel(first->markdown);
      if (!label) label = PlainLabel(first->markdown, true);
      if (label && label->second.empty()) promote(label->first, nested);
    }
  }
}

}  // namespace ladder::formats::md_ladder
