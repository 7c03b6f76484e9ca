// What a level's blocks say in a Markdown ladder (markdown_ladder_builder.h): categories and
// their behaviours, summaries, requirements, attributes and asides.
#include <algorithm>
#include <regex>

#include "base/text.h"
#include "formats/markdown_ladder_builder.h"

namespace ladder::formats::md_ladder {
namespace {

using Kind = MdBlock::Kind;

std::string Lower(std::string_view s) { return text::ToLower(text::Trim(s)); }

std::string StripEmphasis(std::string_view markdown) {
  std::string out;
  for (char c : markdown) {
    if (c != '*' && c != '_' && c != '`') out += c;
  }
  return out;
}

// Labels that only say "what follows are the expectations": their text is the level's
// uncategorised behaviours, not a competency.
bool IsGenericLabel(std::string_view label) {
  static const std::set<std::string> kGeneric = {
      "key expectations",  "expectations",       "example behaviours",
      "example behaviors", "key behaviours",     "key behaviors",
      "what you do",       "what we expect",     "core expectations",
      "you are here if",   "success looks like", "core expectations across all roles"};
  std::string l = Lower(label);
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  return kGeneric.count(l) > 0 || l.ends_with(" example") || l.ends_with(" examples") ||
         l == "example" || l == "examples";
}

// A paragraph whose lines each open with a bold label ("**Scope**: tasks **Technical skills**:"
// once soft breaks are spaces), as one paragraph per label; the paragraph itself otherwise.
std::vector<MdBlock> SplitLabels(const MdBlock& b) {
  static const std::regex kLabel(R"( \*\*[^*]{1,60}?(\*\*:|:\*\*))");
  std::vector<MdBlock> pieces;
  const std::string& md = b.markdown;
  if (!md.starts_with("**")) return pieces;
  std::vector<size_t> cuts;
  for (auto it = std::sregex_iterator(md.begin(), md.end(), kLabel); it != std::sregex_iterator();
       ++it)
    cuts.push_back(static_cast<size_t>(it->position(0)) + 1);
  if (cuts.empty()) return pieces;
  cuts.insert(cuts.begin(), 0);
  cuts.push_back(md.size());
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    MdBlock piece = b;
    piece.markdown = std::string(text::Trim(md.substr(cuts[k], cuts[k + 1] - cuts[k])));
    piece.text = text::CollapseSpace(StripTags(StripEmphasis(piece.markdown)));
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

bool IsLevelLabel(std::string_view label) {
  std::string l = Lower(label);
  return l == "level" || l == "grade" || l == "band" || l == "career level" || l == "job level";
}

}  // namespace

Slot Classify(std::string_view label) {
  std::string l = Lower(label);
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  // "1. Problem scope" and "Path to IC2 Engineer" are read without their numbering.
  static const std::regex kRequirements(
      R"(^(requirements?|promotion criteria|promotion requirements|criteria for promotion|checkpoints|checkpoints for reaching this level|to reach this level|how to reach this level|how to get here|requirements to reach this level|required experience|qualifications|prerequisites|(path|road|route|steps?|promotion|progression) to\b.*|how to (get|move|progress) to\b.*|getting to\b.*|to get to\b.*|to reach\b.*|next level|moving up)$)");
  static const std::set<std::string> kSummary = {
      "summary",       "overview",     "description",   "about",          "in a nutshell",
      "level summary", "role",         "role overview", "about the role", "purpose",
      "mission",       "role summary", "the role",      "who you are",    "level overview"};
  static const std::set<std::string> kAttributes = {"years of experience",
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
                                                    "typical tenure",
                                                    "typical timeframe",
                                                    "timeframe",
                                                    "time in role",
                                                    "typical time in role",
                                                    "autonomy",
                                                    "alternative titles",
                                                    "common alternative titles",
                                                    "typical experience level"};
  static const std::set<std::string> kAside = {
      "anti-patterns",      "antipatterns", "anti patterns", "common pitfalls", "pitfalls",
      "further reading",    "resources",    "references",    "see also",        "faq",
      "learning resources", "next steps"};
  static const std::regex kYears(R"(\byears?\b.*\bexperience\b|\bexperience\b.*\byears?\b)");
  if (std::regex_match(l, kRequirements)) return Slot::kRequirements;
  if (std::regex_search(l, kYears)) return Slot::kAttribute;
  if (kSummary.count(l)) return Slot::kSummary;
  if (kAttributes.count(l)) return Slot::kAttribute;
  if (kAside.count(l)) return Slot::kAside;
  return Slot::kCategory;
}

std::string AttributeKey(std::string_view label) {
  std::string key = text::Slugify(label);
  std::replace(key.begin(), key.end(), '-', '_');
  if (key == "experience" || key == "typical_experience" ||
      (key.find("year") != std::string::npos && key.find("experience") != std::string::npos))
    return "years_of_experience";
  return key;
}

std::optional<std::pair<std::string, std::string>> BoldLabel(std::string_view markdown) {
  std::string_view s = text::Trim(markdown);
  // "_**Years of experience:** 0-2_": a labelled line set in italics.
  if (s.size() > 4 && (s.front() == '_' || s.front() == '*') && s.back() == s.front() &&
      s.substr(1).starts_with("**") && !s.substr(0, s.size() - 1).ends_with("*"))
    s = s.substr(1, s.size() - 2);
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
    // "**Testing** — Writes test cases": a dash after the bold label separates it as a colon
    // does.
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "- "}) {
      if (!colon && rest.starts_with(dash)) {
        rest.remove_prefix(dash.size());
        colon = true;
      }
    }
    rest = text::Trim(rest);
    label = std::string(text::Trim(label));
    if (label.empty() || text::CountWords(label) > 6) return std::nullopt;
    if (!rest.empty() && !colon) return std::nullopt;  // bold words opening a sentence
    return std::make_pair(label, std::string(rest));
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> PlainLabel(std::string_view markdown,
                                                              bool allow_empty) {
  std::string_view s = text::Trim(markdown);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
  // "1:1s", "10:30", "https://": a colon inside a word is no label's.
  if (colon + 1 < s.size() && s[colon + 1] != ' ' && s[colon + 1] != '\t') return std::nullopt;
  std::string_view label = text::Trim(s.substr(0, colon));
  std::string_view rest = text::Trim(s.substr(colon + 1));
  if (rest.starts_with("//")) return std::nullopt;  // a URL, not a label
  if (rest.empty() && !allow_empty) return std::nullopt;
  if (text::CountWords(label) > 4 || label.find_first_of(".,;()[]*_`") != std::string::npos) {
    return std::nullopt;
  }
  return std::make_pair(std::string(label), std::string(rest));
}

model::Track& LadderBuilder::CurrentTrack() {
  if (f_.tracks.empty()) {
    model::Track t;
    t.id = "levels";
    t.name = "Levels";
    f_.tracks.push_back(std::move(t));
  }
  return f_.tracks.back();
}

std::string LadderBuilder::CompetencyId(const std::string& name) {
  std::string display(text::Trim(name));
  std::string key = Lower(display);
  auto it = competency_ids_.find(key);
  std::string id;
  if (it != competency_ids_.end()) {
    id = it->second;
  } else {
    id = text::Slugify(display);
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
  }
  // A category under a pillar heading ("### Craft" > "#### Code quality") belongs to it.
  if (!group_name_.empty() && slot_from_heading_) {
    model::CompetencyGroup* group = nullptr;
    for (auto& g : f_.groups)
      if (text::IEquals(g.name, group_name_)) group = &g;
    if (group == nullptr) {
      model::CompetencyGroup g;
      g.name = group_name_;
      g.id = text::Slugify(group_name_);
      for (int n = 2; std::any_of(f_.groups.begin(), f_.groups.end(),
                                  [&](const auto& x) { return x.id == g.id; });
           ++n)
        g.id = text::Slugify(group_name_) + "-" + std::to_string(n);
      f_.groups.push_back(std::move(g));
      group = &f_.groups.back();
    }
    bool grouped = false;
    for (const auto& g : f_.groups)
      for (const auto& member : g.competencies) grouped = grouped || member == id;
    if (!grouped) group->competencies.push_back(id);
  }
  return id;
}

model::Expectation& LadderBuilder::ExpectationFor(const std::string& competency_name, int line) {
  std::string id = CompetencyId(competency_name);
  auto [it, inserted] = level_expectations_.emplace(id, level_->expectations.size());
  if (!inserted) return level_->expectations[it->second];
  model::Expectation e;
  e.competency = id;
  e.origin.where = {doc_.name, line, 1};
  level_->expectations.push_back(std::move(e));
  return level_->expectations.back();
}

void LadderBuilder::SetSlot(const std::string& label, bool from_heading) {
  slot_ = Classify(label);
  if (slot_ == Slot::kAttribute && promoted_labels_.count(text::ToLower(text::Trim(label))))
    slot_ = Slot::kCategory;
  slot_label_ = IsGenericLabel(label) ? std::string() : label;
  slot_from_heading_ = from_heading;
}

// Records that block `b`'s label is structure: its passage is `rest` alone when the label
// went into no text field (summary and requirement labels).
void LadderBuilder::LabelPassage(const MdBlock& b, const std::string& label,
                                 const std::string& rest) {
  Slot slot = Classify(label);
  if (slot == Slot::kSummary || slot == Slot::kRequirements || IsGenericLabel(label)) {
    overrides_[{b.line, b.text}] = slot == Slot::kRequirements && IsNoRequirement(rest)
                                       ? std::string()
                                       : text::CollapseSpace(StripTags(StripEmphasis(rest)));
  }
}

// "Requirements: none", "n/a": no requirement at all.
bool LadderBuilder::IsNoRequirement(std::string_view markdown) {
  std::string t = Lower(StripEmphasis(markdown));
  while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
  return t == "none" || t == "n/a" || t == "na" || t == "-" || t == "no requirements" ||
         t == "nothing" || t == "none required" || t == "not applicable" || t == "\xE2\x80\x94" ||
         t == "\xE2\x80\x93";
}

// Adds one piece of text (inline Markdown) to whatever the current slot is.
void LadderBuilder::AddToLevel(const std::string& markdown, int line) {
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
    case Slot::kAside: {
      // What the level is not ("Anti-patterns"), further reading: kept, beside the level.
      std::string title = (level_->title.empty() ? level_->code : level_->title) + ": " +
                          std::string(text::Trim(slot_label_));
      model::Note* note = nullptr;
      for (auto& n : f_.notes)
        if (n.title == title) note = &n;
      if (note == nullptr) note = &OpenNote(title, line);
      if (!note->markdown.empty()) note->markdown += "\n";
      note->markdown += "- " + markdown;
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

void LadderBuilder::AddLabelled(const std::string& label, const std::string& rest, int line) {
  if (IsLevelLabel(label) && !rest.empty()) {
    // "**Level:** IC2 (Professional)": the level's code, and the line kept as an attribute.
    level_table::LevelName name = level_table::ParseLevelName(StripEmphasis(rest));
    if (!name.prefix.empty() && level_->code == text::Slugify(level_->title))
      level_->code = name.code;
    level_->attributes.emplace_back("level", rest);
    return;
  }
  Slot saved = slot_;
  std::string saved_label = slot_label_;
  bool saved_heading = slot_from_heading_;
  SetSlot(label, false);
  AddToLevel(rest, line);
  if (rest.empty()) return;  // a label alone opens its slot for what follows
  slot_ = saved;
  slot_label_ = saved_label;
  slot_from_heading_ = saved_heading;
}

// Under a category sub-heading a label is a category of its own only when levels reuse it;
// a label one level uses once ("**Architect**: ..." under "### Archetypes") heads a behaviour.
bool LadderBuilder::LabelIsCategory(const std::string& label) const {
  // Under a requirements (attribute, aside) slot, labelled items are what the slot holds:
  // "Path to IC3:" > "**Lead by example**: ..." are requirements.
  if (in_item_ && slot_ != Slot::kCategory && slot_ != Slot::kSummary) return false;
  if (!slot_from_heading_ || slot_ != Slot::kCategory || slot_label_.empty()) return true;
  if (Classify(label) != Slot::kCategory || IsLevelLabel(label)) return true;
  return recurring_labels_.count(text::ToLower(label)) > 0;
}

void LadderBuilder::AddItem(const MdBlock& item) {
  const MdBlock* first = nullptr;
  bool nested = false;
  for (const MdBlock& c : item.children) {
    if (c.kind == Kind::kList) nested = true;
    if (c.kind != Kind::kList && first == nullptr) first = &c;
  }
  std::optional<std::pair<std::string, std::string>> label;
  if (first && first->kind == Kind::kParagraph) {
    label = BoldLabel(first->markdown);
    if (!label) label = PlainLabel(first->markdown, nested);
    if (label && label->second.empty() && !nested && !BoldLabel(first->markdown)) label.reset();
    if (label && !LabelIsCategory(label->first)) label.reset();
  }
  Slot saved = slot_;
  std::string saved_label = slot_label_;
  bool saved_heading = slot_from_heading_;
  if (label && IsLevelLabel(label->first)) {
    AddLabelled(label->first, label->second, item.line);
  } else if (label) {
    LabelPassage(*first, label->first, label->second);
    SetSlot(label->first, false);
    AddToLevel(label->second, item.line);
  } else if (first) {
    AddToLevel(first->kind == Kind::kParagraph ? first->markdown : first->AllMarkdown(),
               first->line);
  }
  bool saved_in_item = in_item_;
  in_item_ = true;
  for (const MdBlock& c : item.children) {
    if (&c == first) continue;
    AddBlockToLevel(c);
  }
  in_item_ = saved_in_item;
  slot_ = saved;
  slot_label_ = saved_label;
  slot_from_heading_ = saved_heading;
}

void LadderBuilder::AddBlockToLevel(const MdBlock& b) {
  switch (b.kind) {
    case Kind::kList:
      for (const MdBlock& item : b.children) AddItem(item);
      return;
    case Kind::kItem:
      AddItem(b);
      return;
    case Kind::kParagraph: {
      if (std::vector<MdBlock> pieces = SplitLabels(b); pieces.size() > 1) {
        // "**Scope**: tasks\n**Technical skills**:" written as lines of one paragraph.
        for (const MdBlock& piece : pieces) AddBlockToLevel(piece);
        return;
      }
      if (auto label = BoldLabel(b.markdown); label && LabelIsCategory(label->first)) {
        LabelPassage(b, label->first, label->second);
        if (label->second.empty()) {
          SetSlot(label->first, false);
        } else {
          AddLabelled(label->first, label->second, b.line);
          if (!IsLevelLabel(label->first)) SetSlot(label->first, false);
        }
        return;
      }
      if (auto label = PlainLabel(b.markdown);
          label && (Classify(label->first) != Slot::kCategory || IsLevelLabel(label->first))) {
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
    case Kind::kTable:
      if (AddLevelTable(b)) return;
      AddToLevel(b.AllMarkdown(), b.line);
      return;
    default:
      AddToLevel(b.AllMarkdown(), b.line);
      return;
  }
}

// A table inside a level whose first column names categories ("| Area | Expectation |"): each
// row is a category and what the level expects in it. The header row only names the columns.
bool LadderBuilder::AddLevelTable(const MdBlock& table) {
  if (table.children.size() < 2) return false;
  for (size_t r = 1; r < table.children.size(); ++r) {
    const MdBlock& row = table.children[r];
    if (row.children.size() < 2) return false;
    const std::string& label = row.children[0].text;
    if (label.empty() || text::CountWords(label) > 6) return false;
  }
  for (const MdBlock& cell : table.children[0].children) overrides_[{cell.line, cell.text}] = "";
  Slot saved = slot_;
  std::string saved_label = slot_label_;
  bool saved_heading = slot_from_heading_;
  for (size_t r = 1; r < table.children.size(); ++r) {
    const MdBlock& row = table.children[r];
    std::vector<std::string> parts;
    for (size_t c = 1; c < row.children.size(); ++c)
      if (!row.children[c].markdown.empty()) parts.push_back(row.children[c].markdown);
    SetSlot(row.children[0].text, false);
    AddToLevel(text::Join(parts, " \xE2\x80\x94 "), row.line);
  }
  slot_ = saved;
  slot_label_ = saved_label;
  slot_from_heading_ = saved_heading;
  return true;
}

// A heading below the level depth inside a level: a category, a slot ("### Requirements"), or a
// pillar whose own prose is the level's summary and whose sub-headings are its categories.
void LadderBuilder::SubHeading(size_t i) {
  const MdBlock& b = blocks_[i];
  if (group_depth_ > 0 && b.level <= group_depth_) {
    group_name_.clear();
    group_slot_ = Slot::kCategory;
    group_depth_ = 0;
  }
  if (IsSentenceHeading(b.text) && Classify(b.text) == Slot::kCategory &&
      slot_ == Slot::kCategory) {
    // "### Writes maintainable code": an expectation of the current category.
    AddToLevel(b.markdown, b.line);
    return;
  }
  LabelPassage(b, b.text, "");
  if (group_headings_.count(i)) {
    Slot s = Classify(b.text);
    group_depth_ = b.level;
    group_slot_ = s;
    if (s == Slot::kCategory) {
      group_name_ = b.text;
      slot_ = Slot::kSummary;
      slot_label_.clear();
    } else {
      slot_ = s;
      slot_label_ = b.text;
    }
    slot_from_heading_ = true;
    return;
  }
  SetSlot(b.text, true);
  if (group_slot_ != Slot::kCategory && slot_ == Slot::kCategory) slot_ = group_slot_;
}

void LadderBuilder::StartLevel(const MdBlock& h) {
  model::Level l;
  std::string years;
  if (auto parsed = ParseLevelHeading(h.text)) {
    l.code = parsed->code;
    overrides_[{h.line, h.text}] =
        parsed->code + " " + parsed->title + (parsed->years.empty() ? "" : " " + parsed->years);
    if (parsed->number) heading_numbers_[h.line] = *parsed->number;
    // A heading of a number alone ("Level 1", "Grade 3") is the level's title as written.
    static const std::regex kWordAndNumber(R"(^(level|grade|band|step|stage)\s+\w{1,3}$)",
                                           std::regex::icase);
    const std::string heading(text::Trim(h.text));
    l.title = !parsed->title.empty()                      ? parsed->title
              : std::regex_match(heading, kWordAndNumber) ? heading
                                                          : parsed->code;
    years = parsed->years;
  } else {
    level_table::LevelName name = level_table::ParseLevelName(h.text);
    l.title = name.prefix.empty() ? name.title : h.text;
    years = name.years;
    // "2. Writer": the number of a numbered level heading is the level's code.
    static const std::regex kNumbered(R"(^(\d{1,2})[.)]\s+(\S.*)$)");
    std::smatch numbered;
    std::string heading = l.title;
    if (name.prefix.empty() && std::regex_match(heading, numbered, kNumbered)) {
      l.code = "L" + numbered[1].str();
      l.title = numbered[2].str();
      heading_numbers_[h.line] = std::stoi(numbered[1].str());
      overrides_[{h.line, h.text}] = l.code + " " + l.title;
    }
    // "Junior Software Engineer (JSE)": an abbreviation is the level's code.
    static const std::regex kAbbreviation(R"(^(.*\S)\s*\(([A-Z]{2,5})\)$)");
    std::smatch abbreviation;
    std::string named = l.title;
    if (std::regex_match(named, abbreviation, kAbbreviation)) {
      l.title = abbreviation[1].str();
      l.code = abbreviation[2].str();
    }
    // "Engineering Manager (equivalent to Senior/Staff IC)": the mapping is an attribute.
    static const std::regex kEquivalent(
        R"(^(.*?)\s*\(\s*((?:equivalent|equiv\.?|same level as|maps? to)\b[^)]*)\)$)",
        std::regex::icase);
    std::smatch m;
    std::string title = l.title;
    if (std::regex_match(title, m, kEquivalent) && m[1].length() > 0) {
      l.title = m[1].str();
      l.attributes.emplace_back("equivalent", m[2].str());
    }
    if (l.code.empty()) l.code = name.prefix.empty() ? text::Slugify(l.title) : name.code;
  }
  if (!years.empty()) l.attributes.emplace_back("years_of_experience", years);
  if (!page_code_.empty() && l.code == text::Slugify(l.title)) l.code = page_code_;
  l.origin.where = {doc_.name, h.line, 1};
  model::Track& t = CurrentTrack();
  t.levels.push_back(std::move(l));
  level_ = &t.levels.back();
  level_expectations_.clear();
  slot_ = Slot::kCategory;
  slot_label_.clear();
  slot_from_heading_ = false;
  group_name_.clear();
  group_slot_ = Slot::kCategory;
  group_depth_ = 0;
  note_ = std::string::npos;
}

// A level that defines nothing ("TBD", every category "Not yet defined") is undefined, with
// the placeholder as its note.
void LadderBuilder::MarkUndefined(model::Level& l) {
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

}  // namespace ladder::formats::md_ladder
