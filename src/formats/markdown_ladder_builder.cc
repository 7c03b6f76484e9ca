#include "formats/markdown_ladder_builder.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/level_item_sections.h"
#include "formats/prose_sections.h"
#include "formats/yaml_limits.h"

namespace ladder::formats::md_ladder {
namespace {

using Kind = MdBlock::Kind;

size_t CountPassages(const MdBlock& b) {
  size_t n = b.text.empty() ? 0 : 1;
  for (const MdBlock& c : b.children) n += CountPassages(c);
  return n;
}

void CollectPassages(const MdBlock& b, std::vector<Passage>& out) {
  if (!b.text.empty()) out.push_back({b.line, b.text, {}});
  for (const MdBlock& c : b.children) CollectPassages(c, out);
}

// "1. Problem Scope" -> "Problem Scope"; "" for headings that only introduce a table of levels.
std::string CategoryFromHeading(std::string_view heading, std::string_view title) {
  static const std::regex kNumber(R"(^\s*(\d+[.)]|[ivx]+\.)\s*)", std::regex::icase);
  static const std::regex kGeneric(R"(level|overview|summary|ladder|table|matrix|quick reference)",
                                   std::regex::icase);
  std::string h = std::regex_replace(std::string(text::Trim(heading)), kNumber, "");
  if (h.empty() || text::CountWords(h) > 5 || std::regex_search(h, kGeneric)) return {};
  if (text::IEquals(h, title)) return {};  // the document's title introduces no category
  if (Classify(h) != Slot::kCategory) return {};
  return h;
}

// "Team lead track", "Management path", "Design ladder": a heading that names one track (its
// last word says so); "" otherwise, and for the document's own title.
std::string TrackFromHeading(std::string_view heading, std::string_view title) {
  static const std::regex kTrack(R"(\b(track|path|ladder)$)", std::regex::icase);
  std::string h(text::Trim(heading));
  if (h.empty() || text::CountWords(h) > 5 || text::IEquals(h, title)) return {};
  return std::regex_search(h, kTrack) ? h : std::string();
}

// Joins the table's rows, whatever ladders it splits them into (IC0 .. IC4, M1 .. M3), into
// its first track.
void JoinTrackParts(level_table::Table& table) {
  std::vector<model::Level> all;
  for (level_table::TrackPart& part : table.tracks)
    for (model::Level& l : part.levels) all.push_back(std::move(l));
  table.tracks.resize(1);
  table.tracks[0].levels = std::move(all);
}

// Each row matched to one level of `tracks`: by code or title, or by the code and title a
// "D1 - Developer 1" title cell names; nullptr for a row matching none or several.
std::vector<model::Level*> MatchRows(const std::vector<model::Level>& rows,
                                     std::vector<model::Track>& tracks) {
  std::vector<model::Level*> targets;
  for (const model::Level& row : rows) {
    level_table::LevelName named = level_table::ParseLevelName(row.title);
    model::Level* match = nullptr;
    int matches = 0;
    for (model::Track& t : tracks) {
      for (model::Level& l : t.levels) {
        bool same = text::IEquals(l.code, row.code) || text::IEquals(l.title, row.title) ||
                    (!named.prefix.empty() && text::IEquals(l.code, named.code)) ||
                    (!named.title.empty() && text::IEquals(l.title, named.title));
        if (!same) continue;
        match = &l;
        ++matches;
      }
    }
    targets.push_back(matches == 1 ? match : nullptr);
  }
  return targets;
}

// Whether the rows matched are the table's levels: most rows match (the others are left out;
// the coverage report lists them) and no two rows match the same level.
bool MatchesEnough(const std::vector<model::Level*>& targets) {
  const int rows = static_cast<int>(targets.size());
  const int matched = static_cast<int>(std::count_if(
      targets.begin(), targets.end(), [](const model::Level* t) { return t != nullptr; }));
  if (matched == 0 || (matched < rows && (matched < 2 || matched * 3 < rows * 2))) return false;
  std::set<model::Level*> distinct;
  for (model::Level* t : targets)
    if (t != nullptr && !distinct.insert(t).second) return false;
  return true;
}

// The columns whose every value is a few words ("Yes", "4", "Team/Multi-team"): they describe
// the level rather than what it expects.
std::set<std::string> ShortColumns(const level_table::Table& table) {
  std::set<std::string> short_columns;
  for (const model::Competency& c : table.competencies) {
    bool all_short = true;
    for (const model::Level& row : table.tracks[0].levels)
      if (const model::Expectation* e = row.FindExpectation(c.id))
        for (const std::string& b : e->behaviours)
          all_short = all_short && text::CountWords(b) <= 4;
    if (all_short) short_columns.insert(c.id);
  }
  return short_columns;
}

// Gives `into` the row's code ("IC2") when its own is only its title's slug and no level of
// `tracks` has that code yet.
void AdoptCode(const model::Level& row, const std::vector<model::Track>& tracks,
               model::Level& into) {
  level_table::LevelName name = level_table::ParseLevelName(row.code);
  if (name.prefix.empty() || into.code != text::Slugify(into.title)) return;
  bool taken = false;
  for (const model::Track& t : tracks)
    for (const model::Level& l : t.levels) taken = taken || text::IEquals(l.code, row.code);
  if (!taken) into.code = row.code;
}

// Adds an attribute to `into` unless it has one under `key`.
void AddAttribute(const std::string& key, const std::string& value, model::Level& into) {
  for (const auto& a : into.attributes)
    if (a.first == key) return;
  into.attributes.emplace_back(key, value);
}

// Whether the column `cname` of `table` describes the level rather than a competency: a column
// naming an attribute ("Scope"), or, in an overview (a table titling the levels, or listing
// levels that already have categories), a column the ladder does not know (`known`).
bool DescribesLevel(const level_table::Table& table, const std::string& cname, bool short_column,
                    bool known, bool named_categories) {
  return Classify(cname) != Slot::kCategory || (short_column && !known) ||
         (table.title_column && !known) ||
         (table.competencies.size() >= 2 && named_categories && !known);
}

// An expectation's cell as one attribute value: its summary, behaviours and note.
std::string ExpectationText(const model::Expectation& e) {
  std::vector<std::string> parts = e.behaviours;
  if (!e.summary.empty()) parts.insert(parts.begin(), e.summary);
  if (e.undefined) parts.push_back(e.note);
  return text::Join(parts, "; ");
}

}  // namespace

LadderBuilder::LadderBuilder(const Document& doc, Imported& out, bool assume_page)
    : doc_(doc), out_(out), f_(out.framework), assume_page_(assume_page) {}

Status LadderBuilder::Build() {
  FrontMatter fm = ReadFrontMatter(doc_.text);
  if (fm.present) {
    LADDER_TRY_STATUS(internal::CheckYamlExpansion(fm.yaml, doc_.name, fm.yaml_line));
    try {
      YAML::Node node = YAML::Load(fm.yaml);
      if (node.IsMap() && node["title"] && node["title"].IsScalar()) {
        fm_title_ = node["title"].as<std::string>();
      }
    } catch (const YAML::Exception& e) {
      out_.warnings.push_back({SourceLocation{doc_.name, fm.yaml_line + e.mark.line, 0},
                               "front matter is not valid YAML; ignored"});
    }
  }
  std::string_view body = std::string_view(doc_.text).substr(fm.body_offset);
  if (body.find('<') == std::string_view::npos) {
    blocks_ = ParseMarkdownBlocks(body, fm.body_line);
  } else {
    LADDER_TRY_STATUS(HtmlTables(body, fm.body_line));
  }
  if (Status found = FindLevelDepth(); !found) {
    if (!ListLevels()) return found;
    CollectSource();
    return Ok();
  }
  FindTracks();
  FindRecurringLabels();
  Walk();
  Finish(fm_title_);
  ReadTables();
  ReadProse();
  LevelItemNotesToCompetencies(f_);
  CollectSource();
  return Ok();
}

// HTML written into the Markdown: tables are read as tables (of levels or not), <style>,
// <script> and comments are not content. Each table becomes one block at its line.
Status LadderBuilder::HtmlTables(std::string_view body, int first_line) {
  std::vector<md::HtmlRegion> regions = md::FindHtmlRegions(body);
  blocks_ = ParseMarkdownBlocks(md::BlankRegions(body, regions), first_line);
  for (const md::HtmlRegion& region : regions) {
    if (region.tag != "table") continue;
    const int line = region.line + first_line - 1;
    LADDER_TRY(html::Dom dom, html::Dom::Parse(body.substr(region.begin, region.end - region.begin),
                                               doc_.name, line));
    for (int t : dom.FindAll(dom.Root(), "table", false)) {
      MdBlock block;
      block.kind = Kind::kHtml;
      block.line = dom.Line(t);
      block.end_line = block.line;
      std::optional<level_table::Table> table =
          level_table::Interpret(dom, t, doc_.name, dom.HasClass(t, "levels-table"));
      if (!table) block.text = html::TableLines(dom, t);
      auto at = std::find_if(blocks_.begin(), blocks_.end(),
                             [&](const MdBlock& b) { return b.line > block.line; });
      size_t index = static_cast<size_t>(at - blocks_.begin());
      // Indexes of tables already placed after this one move up by one.
      std::map<size_t, level_table::Table> moved;
      for (auto& [i, tab] : html_tables_) moved.emplace(i >= index ? i + 1 : i, std::move(tab));
      html_tables_ = std::move(moved);
      blocks_.insert(at, std::move(block));
      if (table) {
        for (ImportWarning& w : table->warnings) out_.warnings.push_back(std::move(w));
        table->warnings.clear();
        html_tables_.emplace(index, std::move(*table));
      }
    }
  }
  return Ok();
}

// Levels written as a list under a heading naming a ladder ("## Engineer track" over "- Junior
// Engineer" "- Senior Engineer"): one track per such list, the items its levels; the rest of
// the document is notes.
bool LadderBuilder::ListLevels() {
  static const std::regex kLadder(R"(\b(levels?|ladders?|grades?|titles|career path)\b)",
                                  std::regex::icase);
  std::set<size_t> consumed;
  std::vector<model::Track> tracks;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& h = blocks_[i];
    if (h.kind != Kind::kHeading || !(NamesTrack(h.text) || std::regex_search(h.text, kLadder)))
      continue;
    if (i + 1 >= blocks_.size()) continue;
    size_t list = i + 1;
    while (list < blocks_.size() && blocks_[list].kind == Kind::kParagraph) ++list;
    if (list >= blocks_.size() || blocks_[list].kind != Kind::kList) continue;
    std::vector<std::pair<std::string, int>> names;
    for (const MdBlock& item : blocks_[list].children) {
      std::string name(text::Trim(item.AllText()));
      while (!name.empty() && (name.back() == ';' || name.back() == '.' || name.back() == ','))
        name.pop_back();
      if (!level_table::LooksLikeLevelName(name)) {
        names.clear();
        break;
      }
      names.emplace_back(name, item.line);
    }
    if (names.size() < 2) continue;
    model::Track t;
    t.name = h.text;
    t.kind = KindFromName(h.text);
    t.id = text::Slugify(h.text);
    t.origin.where = {doc_.name, h.line, 1};
    for (const auto& [name, line] : names) {
      level_table::LevelName parsed = level_table::ParseLevelName(name);
      model::Level l;
      l.code = parsed.prefix.empty() ? text::Slugify(name) : parsed.code;
      l.title = parsed.prefix.empty() || parsed.title.empty() ? name : parsed.title;
      l.rank = static_cast<int>(t.levels.size()) + 1;
      l.origin.where = {doc_.name, line, 1};
      t.levels.push_back(std::move(l));
    }
    tracks.push_back(std::move(t));
    consumed.insert(i);
    consumed.insert(list);
  }
  if (tracks.empty()) return false;
  std::vector<MdBlock> prose;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (consumed.count(i)) continue;
    if (blocks_[i].kind == Kind::kHeading && blocks_[i].level == 1 && f_.name.empty()) {
      f_.name = blocks_[i].text;
      continue;
    }
    prose.push_back(blocks_[i]);
  }
  f_.notes = NotesFromBlocks(prose, doc_.name);
  if (f_.name.empty()) f_.name = fm_title_;
  if (f_.name.empty()) {
    std::string stem = doc_.name.substr(doc_.name.rfind('/') + 1);
    f_.name = stem.substr(0, stem.find('.'));
  }
  f_.id = text::Slugify(f_.name);
  std::set<std::string> ids;
  for (model::Track& t : tracks) {
    std::string base = t.id;
    for (int n = 2; !ids.insert(t.id).second; ++n) t.id = base + "-" + std::to_string(n);
    f_.tracks.push_back(std::move(t));
  }
  return true;
}

model::Note& LadderBuilder::OpenNote(const std::string& title, int line) {
  model::Note n;
  n.title = title;
  n.origin.where = {doc_.name, line, 1};
  f_.notes.push_back(std::move(n));
  return f_.notes.back();
}

void LadderBuilder::AppendToNote(const std::string& markdown) {
  if (markdown.empty()) return;
  model::Note& n = f_.notes[note_];
  if (!n.markdown.empty()) n.markdown += "\n\n";
  n.markdown += markdown;
}

void LadderBuilder::Walk() {
  // Without a "#" title, the document's first heading, above the levels and alone at its depth,
  // names the framework ("## Support levels" over "### Support Agent" ...).
  size_t title = std::string::npos;
  int at_depth = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].kind != Kind::kHeading) continue;
    if (title == std::string::npos) title = i;
    if (blocks_[i].level == blocks_[title].level) ++at_depth;
  }
  if (title != std::string::npos && (blocks_[title].level == 1 || blocks_[title].level >= depth_ ||
                                     at_depth > 1 || track_headings_.count(title)))
    title = std::string::npos;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const MdBlock& b = blocks_[i];
    if (b.kind == Kind::kHeading && b.level <= depth_) {
      level_ = nullptr;
      current_heading_ = b.text;
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
      if ((b.level == 1 || i == title) && f_.name.empty()) {
        f_.name = b.text;
        note_ = std::string::npos;
        continue;
      }
      OpenNote(b.text, b.line);
      note_ = f_.notes.size() - 1;
      note_levels_[note_] = b.level;
      continue;
    }
    if (html_tables_.count(i)) {  // a table of levels, read after the walk
      prose_tables_.push_back({i, level_ ? std::string::npos : note_, "", current_heading_, true});
      continue;
    }
    if (level_) {
      if (b.kind == Kind::kHeading) {
        SubHeading(i);
        continue;
      }
      AddBlockToLevel(b);
      continue;
    }
    if (b.kind == Kind::kBreak) continue;
    if (b.kind == Kind::kHeading) current_heading_ = b.text;
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
    if (b.kind == Kind::kTable) prose_tables_.push_back({i, note_, markdown, current_heading_});
    AppendToNote(markdown);
  }
}

void LadderBuilder::Finish(const std::string& fm_title) {
  if (f_.name.empty()) f_.name = fm_title;
  if (f_.name.empty()) {
    std::string stem = doc_.name.substr(doc_.name.rfind('/') + 1);
    f_.name = stem.substr(0, stem.find('.'));
  }
  f_.id = text::Slugify(f_.name);
  // "Levels are cumulative" in the prose before or between the levels.
  f_.cumulative = f_.cumulative || prose::StatesCumulative(f_.description) ||
                  std::any_of(f_.notes.begin(), f_.notes.end(), [](const model::Note& n) {
                    return prose::StatesCumulative(n.markdown);
                  });
  SplitByPrefix();
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

// Levels under no track heading whose codes change prefix (IC1 .. IC6, then M1 .. M4) are two
// ladders: one track per run of a prefix.
void LadderBuilder::SplitByPrefix() {
  std::vector<model::Track> tracks;
  for (model::Track& t : f_.tracks) {
    std::vector<std::vector<model::Level>> runs;
    std::vector<std::string> prefixes;
    bool coded = t.id == "levels" && t.levels.size() >= 2;
    for (const model::Level& l : t.levels)
      coded = coded && !level_table::CodePrefix(l.code).empty();
    if (coded) {
      for (model::Level& l : t.levels) {
        std::string p = level_table::CodePrefix(l.code);
        if (prefixes.empty() || prefixes.back() != p) {
          prefixes.push_back(p);
          runs.emplace_back();
        }
        runs.back().push_back(std::move(l));
      }
      std::set<std::string> distinct(prefixes.begin(), prefixes.end());
      if (distinct.size() >= 2 && distinct.size() == prefixes.size()) {
        for (size_t k = 0; k < runs.size(); ++k) {
          model::Track part;
          part.kind = level_table::CodePrefix(runs[k].front().code) == "IC" ? model::TrackKind::kIc
                      : prefixes[k] == "M" || prefixes[k] == "EM" ? model::TrackKind::kManagement
                                                                  : model::TrackKind::kOther;
          part.name = part.kind == model::TrackKind::kIc           ? "Individual Contributor"
                      : part.kind == model::TrackKind::kManagement ? "Management"
                                                                   : prefixes[k] + " levels";
          part.id = part.kind == model::TrackKind::kIc           ? "ic"
                    : part.kind == model::TrackKind::kManagement ? "management"
                                                                 : text::Slugify(part.name);
          part.origin = runs[k].front().origin;
          part.levels = std::move(runs[k]);
          tracks.push_back(std::move(part));
        }
        continue;
      }
      // Not two ladders: put the levels back.
      t.levels.clear();
      for (auto& run : runs)
        for (auto& l : run) t.levels.push_back(std::move(l));
    }
    tracks.push_back(std::move(t));
  }
  f_.tracks = std::move(tracks);
  level_ = nullptr;
}

// Tables of levels found in the prose: one listing the ladder's own levels ("| Level | Title |
// Years of experience |") is read into those levels (codes, attributes, categories they
// lack) and leaves its note; one of other levels is a ladder of its own (a track written as
// a table beside tracks written as sections). Other tables stay in their notes.
void LadderBuilder::ReadTables() {
  std::vector<level_table::Table> others;
  for (const ProseTable& pt : prose_tables_) {
    std::optional<level_table::Table> table;
    if (pt.html) {
      table = std::move(html_tables_.at(pt.block));
    } else {
      table = level_table::InterpretPipeTable(blocks_[pt.block], doc_.name, false);
      if (table) {
        for (ImportWarning& w : table->warnings) out_.warnings.push_back(std::move(w));
        table->warnings.clear();
      }
    }
    if (!table || table->tracks.empty()) continue;
    std::vector<Passage> passages = std::move(table->passages);
    table->passages.clear();
    level_table::Table flat = *table;  // MergeTable joins its parts; others keep them
    if (!MergeTable(flat, pt.heading)) {
      table->context = pt.heading;
      // A table of one ladder under a heading naming a track is that track.
      if (table->tracks.size() == 1 && table->tracks[0].name.empty() && table->track_title.empty())
        table->tracks[0].name = TrackFromHeading(pt.heading, f_.name);
      others.push_back(std::move(*table));
    }
    if (pt.note != std::string::npos && !pt.markdown.empty()) {
      model::Note& note = f_.notes[pt.note];
      size_t at = note.markdown.find(pt.markdown);
      if (at != std::string::npos) {
        size_t from = at >= 2 && note.markdown.compare(at - 2, 2, "\n\n") == 0 ? at - 2 : at;
        note.markdown.erase(from, at + pt.markdown.size() - from);
        if (from == 0 && note.markdown.starts_with("\n\n")) note.markdown.erase(0, 2);
      }
    }
    merged_tables_[pt.block] = std::move(passages);
  }
  if (others.empty()) return;
  level_table::AddToFramework(std::move(others), f_);
  for (const model::Competency& c : f_.competencies) {
    if (competency_index_.count(c.id)) continue;
    competency_index_[c.id] = competency_index_.size();
    competency_ids_[text::ToLower(c.name)] = c.id;
    used_competency_ids_.insert(c.id);
  }
}

bool LadderBuilder::MergeTable(level_table::Table& table, const std::string& heading) {
  JoinTrackParts(table);
  std::vector<model::Level>& rows = table.tracks[0].levels;
  if (rows.empty()) return false;
  const std::vector<model::Level*> targets = MatchRows(rows, f_.tracks);
  if (!MatchesEnough(targets)) return false;
  bool named_categories = false;
  for (const model::Competency& c : f_.competencies) named_categories |= c.name != "General";
  const std::string from_heading = CategoryFromHeading(heading, f_.name);
  const std::set<std::string> short_columns = ShortColumns(table);
  for (size_t k = 0; k < targets.size(); ++k) {
    if (targets[k] == nullptr) continue;
    model::Level& into = *targets[k];
    model::Level& row = rows[k];
    AdoptCode(row, f_.tracks, into);
    for (auto& [key, value] : row.attributes) AddAttribute(key, value, into);
    for (model::Expectation& e : row.expectations) {
      const model::Competency* c = nullptr;
      for (const model::Competency& tc : table.competencies)
        if (tc.id == e.competency) c = &tc;
      if (c == nullptr) continue;
      // One column under a heading naming it ("### Problem scope" over "| Level | Scope |")
      // is that category.
      const bool named = table.competencies.size() == 1 && !from_heading.empty();
      std::string cname = named ? from_heading : c->name;
      bool known = competency_ids_.count(text::ToLower(cname)) > 0;
      if (!named &&
          DescribesLevel(table, cname, short_columns.count(c->id) > 0, known, named_categories)) {
        AddAttribute(AttributeKey(cname), ExpectationText(e), into);
        continue;
      }
      std::string id = CompetencyId(cname);
      if (into.FindExpectation(id) != nullptr) continue;
      e.competency = id;
      into.expectations.push_back(std::move(e));
    }
  }
  return true;
}

// The titled sections that are not levels, read like the prose around a levels table:
// notes, and overlay roles (team leads) and transitions (moving to management) where their
// headings say so (prose_sections.h).
void LadderBuilder::ReadProse() {
  std::string ic_track;
  for (const model::Track& t : f_.tracks)
    if (ic_track.empty() && t.kind == model::TrackKind::kIc) ic_track = t.id;
  if (ic_track.empty() && !f_.tracks.empty()) ic_track = f_.tracks.front().id;
  std::vector<model::Note> notes = std::move(f_.notes);
  f_.notes.clear();
  for (size_t k = 0; k < notes.size(); ++k) {
    model::Note& n = notes[k];
    auto level = note_levels_.find(k);
    // A heading left empty by the table of levels it held is the track the table became.
    if (n.markdown.empty() && std::any_of(f_.tracks.begin(), f_.tracks.end(),
                                          [&](const model::Track& t) { return t.name == n.title; }))
      continue;
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

size_t LadderBuilder::CompetencyIndex(const std::string& id) const {
  auto it = competency_index_.find(id);
  return it == competency_index_.end() ? f_.competencies.size() : it->second;
}

void LadderBuilder::RankLevels(model::Track& t) {
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
    std::stable_sort(t.levels.begin(), t.levels.end(),
                     [](const model::Level& a, const model::Level& b) { return a.rank < b.rank; });
    return;
  }
  // Sub-levels (1A, 1B, 2A) listed in any order: in the order of their codes.
  if (!numbers.empty()) level_table::OrderByCodes(t.levels);
  for (size_t i = 0; i < t.levels.size(); ++i) t.levels[i].rank = static_cast<int>(i) + 1;
}

// Passages: the text of every block, except what is structure. A level heading's code is
// recorded in its canonical form ("Level 3" as L3), and labels that name where text went
// (a "Requirements" heading, "**Summary:**") are not words of the content.
// Collected straight into the output (one document: no file name per passage), with the
// block tree freed right after, to keep the peak memory of large documents down.
void LadderBuilder::CollectSource() {
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
}

}  // namespace ladder::formats::md_ladder
