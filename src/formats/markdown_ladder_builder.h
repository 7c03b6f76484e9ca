// The builder behind the Markdown ladder reader (markdown_ladder_reader.h): one document's
// blocks turned into levels, tracks, competencies, requirements and notes. Internal to
// formats/; its parts live in
//   markdown_ladder_structure.cc  which headings are levels, tracks and prose;
//   markdown_ladder_levels.cc     what a level's blocks say (categories, labels, requirements);
//   markdown_ladder_builder.cc    the walk, tables of levels, notes, ranks and passages.
// One builder reads one document once. Not thread-safe; readers make one per document.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "formats/import.h"
#include "formats/level_table.h"
#include "formats/markdown_blocks.h"
#include "formats/markdown_ladder_reader.h"

namespace ladder::formats::md_ladder {

// Where a label sends the text under it.
enum class Slot { kCategory, kSummary, kRequirements, kAttribute, kAside };

Slot Classify(std::string_view label);
std::string AttributeKey(std::string_view label);
// "**Label:** rest", "**Label**: rest", "**Label** — rest", "**Label**" -> {Label, rest}.
std::optional<std::pair<std::string, std::string>> BoldLabel(std::string_view markdown);
// "Label: rest" with a short label (at most 4 words, no sentence punctuation); with
// `allow_empty`, "Label:" alone (an item whose nested list is the label's content).
std::optional<std::pair<std::string, std::string>> PlainLabel(std::string_view markdown,
                                                              bool allow_empty = false);
// True for a heading that only names a seniority ("Senior Engineer", "Lead PMs").
bool NamesSeniority(std::string_view heading);
bool IsAllLevelsHeading(std::string_view heading);
bool IsSentenceHeading(std::string_view heading);
// True for a heading naming a ladder: "Management track", "Individual contributor path".
bool NamesTrack(std::string_view heading);
model::TrackKind KindFromName(std::string_view name);

class LadderBuilder {
 public:
  // `assume_page`: the document is one page of a folder of level pages; its first heading
  // names its level even when the heading has no code or seniority ("# Software Engineer").
  LadderBuilder(const Document& doc, Imported& out, bool assume_page = false);
  // Errors: kParse when no level heading is found (and the document is no level page).
  Status Build();

 private:
  // --- markdown_ladder_structure.cc
  bool IsLevelHeading(const MdBlock& h) const;
  Status FindLevelDepth();
  bool FindPageLevel();
  std::map<size_t, std::set<std::string>> CategoriesAt(int depth) const;
  bool FindRepeatedSections();
  bool FindLevelsNamedByItems();
  void AddCategorySiblings();
  void FindTrackSections();
  void FindSiblingLevels();
  struct SectionShape {
    bool structured = false;   // category sub-headings, lists or labelled paragraphs
    bool placeholder = false;  // its first text says "TBD", "Not yet defined" ...
    bool lists = false;        // it holds a list
  };
  SectionShape ShapeOf(size_t i) const;
  void FindProseHeadings();
  bool IsLevelAt(size_t i) const;
  void FindTracks();
  void FindRecurringLabels();
  size_t SectionEnd(size_t i) const;

  // --- markdown_ladder_levels.cc
  model::Track& CurrentTrack();
  std::string CompetencyId(const std::string& name);
  model::Expectation& ExpectationFor(const std::string& competency_name, int line);
  void SetSlot(const std::string& label, bool from_heading);
  void LabelPassage(const MdBlock& b, const std::string& label, const std::string& rest);
  static bool IsNoRequirement(std::string_view markdown);
  void AddToLevel(const std::string& markdown, int line);
  void AddLabelled(const std::string& label, const std::string& rest, int line);
  bool LabelIsCategory(const std::string& label) const;
  void AddItem(const MdBlock& item);
  void AddBlockToLevel(const MdBlock& b);
  bool AddLevelTable(const MdBlock& table);
  void StartLevel(const MdBlock& h);
  void SubHeading(size_t i);
  static void MarkUndefined(model::Level& l);

  // --- markdown_ladder_builder.cc
  void Walk();
  bool ListLevels();
  Status HtmlTables(std::string_view body, int first_line);
  model::Note& OpenNote(const std::string& title, int line);
  void AppendToNote(const std::string& markdown);
  void Finish(const std::string& fm_title);
  void SplitByPrefix();
  void ReadTables();
  bool MergeTable(level_table::Table& table, const std::string& heading);
  void ReadProse();
  size_t CompetencyIndex(const std::string& id) const;
  void RankLevels(model::Track& t);
  void CollectSource();

  const Document& doc_;
  Imported& out_;
  model::Framework& f_;
  std::vector<MdBlock> blocks_;
  int depth_ = 0;
  std::set<size_t> extra_levels_;    // headings at the level depth that are levels by context
  std::set<size_t> prose_headings_;  // seniority-named headings that are prose, not levels
  std::set<size_t> track_sections_;  // headings naming a ladder whose sub-headings are levels
  std::set<size_t> track_headings_;  // headings that open a track
  std::set<size_t> group_headings_;  // level sub-headings holding deeper sub-headings (pillars)
  std::set<std::string> recurring_labels_;  // lower-case labels used in two levels or more
  std::set<std::string> promoted_labels_;   // attribute labels used as categories here
  size_t page_level_ = std::string::npos;   // the heading naming a level page's level
  std::string page_code_;                   // its code from a "Level: IC2" line
  // Tables found in the prose: pipe tables (blocks) and HTML tables (their interpretation).
  struct ProseTable {
    size_t block = 0;      // index in blocks_
    size_t note = 0;       // index in f_.notes; npos when the table is no note's
    std::string markdown;  // what it added to the note
    std::string heading;   // the heading it sits under
    bool html = false;
  };
  std::vector<ProseTable> prose_tables_;
  std::map<size_t, level_table::Table> html_tables_;      // block -> interpretation
  std::map<size_t, std::vector<Passage>> merged_tables_;  // block -> the table's passages
  std::map<size_t, int> note_levels_;                     // note index -> its heading level
  std::map<std::string, std::string> competency_ids_;
  model::Level* level_ = nullptr;
  Slot slot_ = Slot::kCategory;
  std::string slot_label_;
  bool slot_from_heading_ = false;
  bool in_item_ = false;               // inside a list item's nested blocks
  int slot_depth_ = 0;                 // depth of the heading that set the slot
  Slot group_slot_ = Slot::kCategory;  // the slot a group heading gives its sub-headings
  int group_depth_ = 0;
  std::string group_name_;
  size_t note_ = std::string::npos;
  std::string current_heading_;  // the last heading above the walk position
  std::map<std::pair<int, std::string>, std::string> overrides_;  // passage -> its content
  std::set<std::string> used_competency_ids_;
  std::map<std::string, size_t> competency_index_;
  std::map<std::string, size_t> level_expectations_;  // of level_: competency -> index
  std::map<int, int> heading_numbers_;                // level heading line -> level number
  std::string fm_title_;
  bool assume_page_ = false;
};

}  // namespace ladder::formats::md_ladder
