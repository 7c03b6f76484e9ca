#include "formats/level_pages_reader.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/markdown_blocks.h"

namespace ladder::formats {
namespace {

// Sections that describe a level rather than expect behaviours, by the words their heading
// starts with (lower case, parenthetical removed) -> attribute key.
constexpr std::pair<std::string_view, std::string_view> kLevelAttributeSections[] = {
    {"years of xp", "years_of_experience"},
    {"years of exp", "years_of_experience"},
    {"years of experience", "years_of_experience"},
    {"experience", "years_of_experience"},
    {"scope of action", "scope_of_action"},
    {"scope of influence", "scope_of_influence"},
    {"competencies focus", "competencies_focus"},
    {"competency focus", "competencies_focus"},
    {"focus", "competencies_focus"},
    {"job description", "job_descriptions"},
    {"job descriptions", "job_descriptions"},
    {"salary", "compensation"},
    {"compensation", "compensation"},
    {"titles", "titles"},
    {"title", "titles"},
    {"reports to", "reports_to"},
};
// Sections stating what it takes to reach a level.
constexpr std::string_view kRequirementWords[] = {"checkpoint", "requirement", "criteria",
                                                  "to reach", "promotion"};
// Sections known to hold behaviours even when their cells are short.
constexpr std::string_view kCompetencySections[] = {
    "responsibilities", "communication", "leadership", "scope of knowledge", "impact",
    "technical",        "skills",        "craft",      "collaboration",      "delivery"};

enum class SectionKind { kCompetency, kAttribute, kRequirements };

struct Entry {
  std::string level;  // level name as shown
  bool bold = false;
  int line = 0;
  std::vector<std::string> items;  // inline Markdown
  bool list = false;               // the cell was a list
};

struct PageSection {
  std::string title;
  int line = 0;
  std::vector<Entry> entries;
};

struct Page {
  std::string file;
  std::string level;  // the page's own level
  std::string track;  // "Sr Individual Contributor Path"
  int line = 1;
  std::vector<PageSection> sections;
  std::vector<std::vector<std::string>> orders;  // level names left to right, per table
  std::vector<model::Note> notes;
};

std::string Clean(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

std::string WithoutParenthetical(std::string_view title) {
  std::string s(title);
  size_t open = s.find('(');
  if (open != std::string::npos) s = s.substr(0, open);
  return Clean(s);
}

std::string SectionKey(std::string_view title) {
  return text::ToLower(WithoutParenthetical(title));
}

// Removes the common indentation of the non-blank lines, so indented cell source is not read
// as a code block.
std::string Dedent(std::string_view s) {
  std::vector<std::string> lines = text::SplitLines(s);
  size_t indent = std::string::npos;
  for (const auto& l : lines) {
    if (text::Trim(l).empty()) continue;
    indent = std::min(indent, l.find_first_not_of(" \t"));
  }
  if (indent == std::string::npos || indent == 0) return std::string(s);
  std::string out;
  for (const auto& l : lines) {
    out += l.size() > indent ? l.substr(indent) : std::string(text::Trim(l));
    out += '\n';
  }
  return out;
}

bool HasBlockChildren(const html::Dom& dom, int cell) {
  static const std::set<std::string> kBlocks = {"ul", "ol", "li", "p", "div", "table", "br"};
  std::vector<int> stack(dom.At(cell).children.begin(), dom.At(cell).children.end());
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    const html::Node& node = dom.At(n);
    if (node.kind != html::Node::Kind::kElement) continue;
    if (kBlocks.count(node.tag)) return true;
    stack.insert(stack.end(), node.children.begin(), node.children.end());
  }
  return false;
}

// The content of a cell: its Markdown source parsed as Markdown, or its HTML structure.
struct CellContent {
  std::vector<std::string> items;
  std::vector<int> lines;
  bool list = false;
  bool bold_markdown = false;
};

CellContent ReadCell(const html::Dom& dom, int cell) {
  CellContent c;
  if (HasBlockChildren(dom, cell)) {
    for (auto& item : dom.Items(cell)) {
      c.items.push_back(item.markdown);
      c.lines.push_back(item.line);
    }
    c.list = !dom.FindAll(cell, "li").empty();
    return c;
  }
  // Markdown source: text nodes (entities decoded) with inline HTML rendered as Markdown.
  std::string source;
  for (int child : dom.At(cell).children) {
    const html::Node& n = dom.At(child);
    source += n.kind == html::Node::Kind::kText ? n.text : dom.InlineMarkdown(child);
  }
  int first_line = dom.Line(cell);
  for (int child : dom.At(cell).children) {
    first_line = dom.Line(child);
    break;
  }
  std::string markdown = md::StripAttributeLists(Dedent(source));
  for (const md::Block& b : md::ParseBlocks(markdown, first_line)) {
    if (b.kind == md::Block::Kind::kHeading && b.markdown.empty()) continue;
    c.items.push_back(b.markdown);
    c.lines.push_back(b.line);
    if (b.kind == md::Block::Kind::kItem) c.list = true;
  }
  if (c.items.size() == 1 && text::StartsWith(c.items[0], "**") &&
      text::EndsWith(c.items[0], "**") && c.items[0].size() > 4) {
    c.items[0] = c.items[0].substr(2, c.items[0].size() - 4);
    c.bold_markdown = true;
  }
  return c;
}

bool IsNameCell(const CellContent& c) {
  return c.items.size() == 1 && !c.list && text::CountWords(c.items[0]) <= 10;
}

// Reads one table of a page into `section`, recording the order of the levels it shows.
void ReadTable(const html::Dom& dom, int table, const std::string& file, PageSection& section,
               Page& page, std::vector<Passage>& passages) {
  html::TableGrid grid = html::ExtractGrid(dom, table);
  auto slot_cell = [&](int r, int c) { return grid.At(r, c).cell; };
  std::map<int, CellContent> contents;
  auto content = [&](int cell) -> const CellContent& {
    auto it = contents.find(cell);
    if (it == contents.end()) {
      it = contents.emplace(cell, ReadCell(dom, cell)).first;
      for (size_t i = 0; i < it->second.items.size(); ++i)
        passages.push_back({it->second.lines[i], it->second.items[i], file});
    }
    return it->second;
  };
  std::vector<std::string> order;
  auto add = [&](int name_cell, int value_cell) {
    const CellContent& name = content(name_cell);
    if (!IsNameCell(name)) return;
    Entry e;
    e.level = Clean(name.items[0]);
    e.bold =
        dom.IsBold(name_cell) || name.bold_markdown || (value_cell != -1 && dom.IsBold(value_cell));
    e.line = name.lines[0];
    if (value_cell != -1) {
      const CellContent& value = content(value_cell);
      e.items = value.items;
      e.list = value.list;
      if (!value.lines.empty()) e.line = value.lines[0];
    }
    if (std::find(order.begin(), order.end(), e.level) == order.end()) order.push_back(e.level);
    section.entries.push_back(std::move(e));
  };
  int r = 0;
  while (r < grid.rows) {
    // A row of names followed by a row of values (horizontal), or, with one column, a name
    // row and a content row (vertical): both read the same way, column by column.
    bool names = false;
    for (int c = 0; c < grid.cols; ++c) {
      int cell = slot_cell(r, c);
      if (cell != -1 && grid.At(r, c).origin) names = IsNameCell(content(cell)) || names;
    }
    if (!names) {
      for (int c = 0; c < grid.cols; ++c)
        if (slot_cell(r, c) != -1) content(slot_cell(r, c));
      ++r;
      continue;
    }
    bool has_values = r + 1 < grid.rows;
    int last = -1;
    for (int c = 0; c < grid.cols; ++c) {
      int cell = slot_cell(r, c);
      if (cell == -1 || cell == last) continue;
      last = cell;
      add(cell, has_values ? slot_cell(r + 1, c) : -1);
    }
    r += has_values ? 2 : 1;
  }
  if (!order.empty()) page.orders.push_back(order);
}

// A block of a page's Markdown, or one of its HTML tables, at its line.
struct Event {
  int line;
  const md::Block* block;
  const md::HtmlRegion* region;
};

// The blocks and the tables (regions counted from `first_line`) in line order.
std::vector<Event> InLineOrder(const std::vector<md::Block>& blocks,
                               const std::vector<md::HtmlRegion>& regions, int first_line) {
  std::vector<Event> events;
  for (const auto& b : blocks) events.push_back({b.line, &b, nullptr});
  for (const auto& r : regions)
    if (r.tag == "table") events.push_back({r.line + first_line - 1, nullptr, &r});
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.line < b.line; });
  return events;
}

// The page's first heading: the level's name (unless the front matter gave it) and, in a
// "(... path)" suffix, its track's.
void ReadTitle(const md::Block& b, const std::string& file, Page& page,
               std::vector<Passage>& passages) {
  static const std::regex kTrackSuffix(R"(^(.*?)\s*\(([^()]*(path|track|ladder)[^()]*)\)\s*$)",
                                       std::regex::icase);
  std::smatch m;
  std::string title = b.plain.substr(0, 300);
  if (std::regex_match(title, m, kTrackSuffix)) {
    // Two passages: the level's name and its track's.
    passages.push_back({b.line, Clean(m[1].str()), file});
    passages.push_back({b.line, Clean(m[2].str()), file});
    page.track = Clean(m[2].str());
    if (page.level.empty()) page.level = Clean(m[1].str());
  } else {
    passages.push_back({b.line, b.plain, file});
    if (page.level.empty()) page.level = Clean(title);
  }
  page.line = b.line;
}

// Keeps prose between tables (reference lines and remarks) as a note titled after the heading
// above it.
void AddProseNote(const md::Block& b, const std::string& heading, const std::string& file,
                  Page& page) {
  model::Note note;
  note.title =
      heading.empty() ? (page.level.empty() ? "Page" : page.level) : heading + ": reference";
  note.markdown = b.markdown;
  note.origin.where = {file, b.line, 0};
  page.notes.push_back(std::move(note));
}

// Reads the tables of an HTML region (its first line `line`) into `section`, opening one named
// after the page's level when no heading came before them.
Status ReadRegion(std::string_view html, int line, const std::string& file, PageSection*& section,
                  Page& page, std::vector<Passage>& passages) {
  LADDER_TRY(html::Dom dom, html::Dom::Parse(html, file, line));
  if (section == nullptr) {
    page.sections.push_back({page.level.empty() ? "Overview" : page.level, line, {}});
    section = &page.sections.back();
  }
  for (int table : dom.FindAll(dom.Root(), "table", false))
    ReadTable(dom, table, file, *section, page, passages);
  return Ok();
}

// The first level name the tables show bold (not empty): the page's own level when its title does
// not say.
std::string BoldLevel(const Page& page) {
  for (const auto& s : page.sections)
    for (const auto& e : s.entries)
      if (e.bold && !e.level.empty()) return e.level;
  return {};
}

Result<Page> ReadPage(const Document& document, std::vector<Passage>& passages) {
  Page page;
  page.file = document.name;
  FrontMatter front = ReadFrontMatter(document.text);
  std::string_view body = std::string_view(document.text).substr(front.body_offset);
  const int first_line = front.body_line;
  std::vector<md::HtmlRegion> regions = md::FindHtmlRegions(body);
  std::string markdown = md::StripAttributeLists(md::BlankRegions(body, regions));
  std::vector<md::Block> blocks = md::ParseBlocks(markdown, first_line);

  page.level = Clean(front.Get("title"));
  PageSection* section = nullptr;  // the last of page.sections, once there is one
  std::string heading_for_notes;
  for (const Event& e : InLineOrder(blocks, regions, first_line)) {
    if (e.region != nullptr) {
      const md::HtmlRegion& region = *e.region;
      LADDER_TRY_STATUS(ReadRegion(body.substr(region.begin, region.end - region.begin), e.line,
                                   document.name, section, page, passages));
      continue;
    }
    const md::Block& b = *e.block;
    if (b.kind == md::Block::Kind::kHeading && b.level == 1 && page.sections.empty()) {
      ReadTitle(b, document.name, page, passages);
      continue;
    }
    passages.push_back({b.line, b.plain, document.name});
    if (b.kind == md::Block::Kind::kHeading) {
      page.sections.push_back({Clean(b.plain), b.line, {}});
      section = &page.sections.back();
      heading_for_notes = section->title;
      continue;
    }
    AddProseNote(b, heading_for_notes, document.name, page);
  }
  if (page.level.empty()) page.level = BoldLevel(page);
  bool any = false;
  for (const auto& s : page.sections) any = any || !s.entries.empty();
  if (!any) {
    return MakeError(ErrorCode::kParse,
                     "no level table found: expected `### Section` headings each followed by a "
                     "<table> of level names and their text",
                     SourceLocation{document.name, first_line, 0});
  }
  return page;
}

SectionKind Classify(const std::string& title, const std::vector<const Entry*>& entries,
                     std::string* attribute_key) {
  std::string key = SectionKey(title);
  for (std::string_view w : kRequirementWords)
    if (key.find(w) != std::string::npos) return SectionKind::kRequirements;
  for (auto [prefix, attribute] : kLevelAttributeSections) {
    if (key == prefix || text::StartsWith(key, std::string(prefix) + " ")) {
      *attribute_key = attribute;
      return SectionKind::kAttribute;
    }
  }
  for (std::string_view w : kCompetencySections)
    if (key.find(w) != std::string::npos) return SectionKind::kCompetency;
  bool short_values = !entries.empty();
  for (const Entry* e : entries)
    if (e->items.size() > 1 || e->list || (!e->items.empty() && text::CountWords(e->items[0]) > 8))
      short_values = false;
  if (short_values) {
    *attribute_key = text::ReplaceAll(text::Slugify(WithoutParenthetical(title)), "-", "_");
    return SectionKind::kAttribute;
  }
  return SectionKind::kCompetency;
}

std::string Normalised(const std::vector<std::string>& items) {
  return text::ToLower(Clean(text::Join(items, " ")));
}

model::TrackKind KindOf(std::string_view track) {
  std::string lower = text::ToLower(track);
  if (lower.find("manag") != std::string::npos) return model::TrackKind::kManagement;
  if (lower.find("individual contributor") != std::string::npos ||
      std::regex_search(lower, std::regex(R"(\bic\b)")))
    return model::TrackKind::kIc;
  if (lower.find("core") != std::string::npos) return model::TrackKind::kCore;
  if (lower.find("alternative") != std::string::npos) return model::TrackKind::kAlternative;
  return model::TrackKind::kOther;
}

std::string TrackId(std::string_view name) {
  std::string n = Clean(name);
  for (std::string_view suffix : {" path", " track", " ladder"})
    if (text::EndsWith(text::ToLower(n), suffix)) n = n.substr(0, n.size() - suffix.size());
  return n.empty() ? "levels" : text::Slugify(n);
}

}  // namespace

int DetectLevelPages(std::string_view text) {
  std::string head = text::ToLower(text.substr(0, std::min<size_t>(text.size(), 1 << 20)));
  bool table = head.find("<table") != std::string::npos;
  if (!table) return 0;
  bool markdown_table = head.find("markdown=\"1\"") != std::string::npos ||
                        head.find("markdown='1'") != std::string::npos ||
                        head.find("markdown=1") != std::string::npos;
  bool front = text::StartsWith(text::Trim(head), "---");
  if (head.find("levels-table") != std::string::npos) return 0;
  if (front && markdown_table) return 90;
  bool sections = head.find("\n### ") != std::string::npos;
  bool bold = head.find("font-weight") != std::string::npos ||
              head.find("<strong") != std::string::npos || head.find("<b>") != std::string::npos;
  if (sections && bold && (markdown_table || front)) return 70;
  return 0;
}

namespace {

// The levels the pages name, first seen first, and the page of each level's own.
struct LevelIndex {
  std::vector<std::string> names;
  std::map<std::string, const Page*> own_page;
  std::map<std::string, std::string> seen_track;  // the track of the page first naming it
};

LevelIndex IndexLevels(const std::vector<Page>& pages, std::vector<ImportWarning>& warnings) {
  LevelIndex index;
  auto note_level = [&](const std::string& name, const Page& page) {
    if (std::find(index.names.begin(), index.names.end(), name) == index.names.end()) {
      index.names.push_back(name);
      index.seen_track[name] = page.track;
    }
  };
  for (const Page& page : pages) {
    if (!page.level.empty()) {
      note_level(page.level, page);
      if (index.own_page.count(page.level)) {
        warnings.push_back({{page.file, page.line, 0},
                            "two pages for level '" + page.level +
                                "': " + index.own_page[page.level]->file + " and " + page.file +
                                "; the first is kept as its page"});
      } else {
        index.own_page[page.level] = &page;
      }
    }
    for (const auto& s : page.sections)
      for (const auto& e : s.entries) note_level(e.level, page);
  }
  return index;
}

// Level order: the left-to-right order of every table, merged (Kahn, first seen first). Pages
// that disagree (a cycle) keep the order of first appearance, with a warning.
std::vector<std::string> OrderLevels(const std::vector<Page>& pages,
                                     const std::vector<std::string>& names,
                                     std::vector<ImportWarning>& warnings) {
  std::map<std::string, std::set<std::string>> after;
  std::map<std::string, int> incoming;
  for (const auto& n : names) incoming[n] = 0;
  for (const Page& page : pages)
    for (const auto& order : page.orders)
      for (size_t i = 0; i + 1 < order.size(); ++i)
        if (after[order[i]].insert(order[i + 1]).second) ++incoming[order[i + 1]];
  std::vector<std::string> ordered;
  std::set<std::string> placed;
  while (ordered.size() < names.size()) {
    std::string next;
    for (const auto& n : names) {
      if (!placed.count(n) && incoming[n] == 0) {
        next = n;
        break;
      }
    }
    if (next.empty()) {  // a cycle: the pages disagree on the order
      for (const auto& n : names) {
        if (!placed.count(n)) {
          next = n;
          break;
        }
      }
      warnings.push_back({{pages[0].file, 0, 0},
                          "the pages disagree on the order of the levels around '" + next +
                              "'; kept the order in which they first appear"});
    }
    placed.insert(next);
    ordered.push_back(next);
    for (const auto& m : after[next])
      if (incoming[m] > 0) --incoming[m];
  }
  return ordered;
}

// A level and where it landed: (track index, level index).
using LevelPlaces = std::map<std::string, std::pair<size_t, size_t>>;

// The level named `name`: its own page as its origin and `page` attribute, else a note naming
// the pages that show it beside their own level.
model::Level NewLevel(const std::string& name, const LevelIndex& index,
                      const std::vector<Page>& pages) {
  model::Level level;
  level.title = name;
  auto own = index.own_page.find(name);
  if (own != index.own_page.end()) {
    level.attributes.push_back({"page", own->second->file});
    level.origin.where = {own->second->file, own->second->line, 0};
    return level;
  }
  std::vector<std::string> shown_on;
  for (const Page& p : pages) {
    for (const auto& s : p.sections) {
      bool here = false;
      for (const auto& e : s.entries) here = here || e.level == name;
      if (here) {
        shown_on.push_back(p.file);
        break;
      }
    }
  }
  level.note = "Read from the neighbouring column of " + text::Join(shown_on, ", ") +
               "; no page of its own was imported.";
  return level;
}

// The tracks (in order of their lowest level) and their levels, in `ordered` order. `track_of`:
// each level's track, that of its own page, else of the page first naming it.
LevelPlaces AddLevels(const std::vector<std::string>& ordered, const LevelIndex& index,
                      const std::vector<Page>& pages, std::map<std::string, std::string>& track_of,
                      model::Framework& f) {
  for (const auto& n : ordered) {
    auto own = index.own_page.find(n);
    track_of[n] = own != index.own_page.end() ? own->second->track : index.seen_track.at(n);
  }
  for (const auto& n : ordered) {
    std::string id = TrackId(track_of[n]);
    if (f.FindTrack(id) != nullptr) continue;
    model::Track t;
    t.id = id;
    t.name = track_of[n].empty() ? "Levels" : track_of[n];
    t.kind = KindOf(t.name);
    f.tracks.push_back(std::move(t));
  }
  LevelPlaces where;
  for (size_t i = 0; i < ordered.size(); ++i) {
    const std::string& n = ordered[i];
    std::string id = TrackId(track_of[n]);
    size_t ti = 0;
    while (f.tracks[ti].id != id) ++ti;
    model::Level level = NewLevel(n, index, pages);
    level.code = text::Slugify(n);
    for (int k = 2; f.tracks[ti].FindLevel(level.code) != nullptr; ++k)
      level.code = text::Slugify(n) + "-" + std::to_string(k);
    level.rank = static_cast<int>(i) + 1;
    where[n] = {ti, f.tracks[ti].levels.size()};
    f.tracks[ti].levels.push_back(std::move(level));
  }
  return where;
}

// An entry of a section and the page it is on.
struct Seen {
  const Page* page;
  const Entry* entry;
};

// Sections, in order of first appearance across pages, each with its entries (and the page
// of each) gathered in one pass: a page of thousands of sections stays linear.
struct Sections {
  std::vector<std::string> titles;
  std::map<std::string, std::vector<const Entry*>> entries;  // by SectionKey
  std::map<std::string, std::vector<Seen>> seen;             // by SectionKey
};

Sections GatherSections(const std::vector<Page>& pages) {
  Sections out;
  for (const Page& page : pages) {
    for (const auto& s : page.sections) {
      std::string key = SectionKey(s.title);
      if (!out.entries.count(key)) out.titles.push_back(s.title);
      auto& entries = out.entries[key];
      auto& seen = out.seen[key];
      for (const auto& e : s.entries) {
        entries.push_back(&e);
        seen.push_back({&page, &e});
      }
    }
  }
  return out;
}

// What a section is read as: a competency (its id), a level attribute (its key) or
// requirements.
struct SectionRole {
  SectionKind kind = SectionKind::kCompetency;
  std::string competency_id;
  std::string attribute;
};

// Classifies the section `title`, adding its competency to `f` and its line to `mapping`.
SectionRole AddSection(const std::string& title, const Sections& sections,
                       std::set<std::string>& competency_ids, model::Framework& f,
                       std::vector<std::string>& mapping) {
  SectionRole role;
  role.kind = Classify(title, sections.entries.at(SectionKey(title)), &role.attribute);
  if (role.kind == SectionKind::kCompetency) {
    std::string& id = role.competency_id;
    id = text::Slugify(WithoutParenthetical(title));
    for (int n = 2; competency_ids.count(id); ++n)
      id = text::Slugify(WithoutParenthetical(title)) + "-" + std::to_string(n);
    competency_ids.insert(id);
    model::Competency c;
    c.id = id;
    c.name = title;
    f.competencies.push_back(std::move(c));
    mapping.push_back("- " + title + ": competency `" + id + "`");
  } else if (role.kind == SectionKind::kAttribute) {
    mapping.push_back("- " + title + ": level attribute `" + role.attribute + "`");
  } else {
    mapping.push_back("- " + title + ": requirements to reach the level");
  }
  return role;
}

// The entry of `level_name` in a section: the one on its own page wins; other pages' copies
// must agree with it (a warning names those that do not).
const Seen& ChooseEntry(const std::string& level_name, const std::string& title,
                        const std::vector<Seen>& seen, std::vector<ImportWarning>& warnings) {
  const Seen* chosen = &seen.front();
  for (const Seen& s : seen)
    if (s.page->level == level_name) chosen = &s;
  const std::string kept = chosen->page->file + ":" + std::to_string(chosen->entry->line);
  for (const Seen& s : seen) {
    if (&s == chosen || Normalised(s.entry->items) == Normalised(chosen->entry->items)) continue;
    warnings.push_back({{s.page->file, s.entry->line, 0},
                        "conflicting text for level '" + level_name + "', section '" + title +
                            "': " + kept + " and " + s.page->file + ":" +
                            std::to_string(s.entry->line) + " differ; kept " + kept});
  }
  return *chosen;
}

// Puts an entry's items into `level` as the section's role says.
void AddEntry(const SectionRole& role, const Entry& e, SourceLocation loc, model::Level& level) {
  if (role.kind == SectionKind::kCompetency) {
    model::Expectation x;
    x.competency = role.competency_id;
    x.behaviours = e.items;
    x.origin.where = std::move(loc);
    level.expectations.push_back(std::move(x));
  } else if (role.kind == SectionKind::kAttribute) {
    std::string value =
        e.items.size() == 1 && !e.list ? e.items[0] : "- " + text::Join(e.items, "\n- ");
    std::string key = role.attribute;
    for (int k = 2; std::any_of(level.attributes.begin(), level.attributes.end(),
                                [&](const auto& a) { return a.first == key; });
         ++k)
      key = role.attribute + "_" + std::to_string(k);
    level.attributes.push_back({key, value});
  } else {
    for (const std::string& item : e.items) {
      model::Requirement r;
      r.text = item;
      r.origin.where = loc;
      level.requirements.push_back(std::move(r));
    }
  }
}

// Every section's entries into the levels; returns the section mapping note's lines.
std::vector<std::string> AddSections(const std::vector<Page>& pages, const LevelPlaces& where,
                                     model::Framework& f, std::vector<ImportWarning>& warnings) {
  Sections sections = GatherSections(pages);
  std::vector<std::string> mapping;
  std::set<std::string> competency_ids;
  for (const std::string& title : sections.titles) {
    SectionRole role = AddSection(title, sections, competency_ids, f, mapping);
    std::map<std::string, std::vector<Seen>> by_level;
    for (const Seen& seen : sections.seen.at(SectionKey(title)))
      by_level[seen.entry->level].push_back(seen);
    for (auto& [level_name, seen] : by_level) {
      const Seen& chosen = ChooseEntry(level_name, title, seen, warnings);
      if (chosen.entry->items.empty()) continue;
      auto [ti, li] = where.at(level_name);
      AddEntry(role, *chosen.entry, {chosen.page->file, chosen.entry->line, 0},
               f.tracks[ti].levels[li]);
    }
  }
  return mapping;
}

}  // namespace

Result<Imported> ReadLevelPages(const std::vector<Document>& documents) {
  if (documents.empty()) return MakeError(ErrorCode::kInvalidArgument, "no level pages given");
  Imported imported;
  std::vector<Page> pages;
  for (const Document& d : documents) {
    LADDER_TRY(Page page, ReadPage(d, imported.source));
    pages.push_back(std::move(page));
  }
  if (documents.size() == 1)
    for (Passage& p : imported.source) p.file.clear();  // ReadDocuments names the one file

  LevelIndex index = IndexLevels(pages, imported.warnings);
  std::vector<std::string> ordered = OrderLevels(pages, index.names, imported.warnings);
  model::Framework& f = imported.framework;
  std::map<std::string, std::string> track_of;
  LevelPlaces where = AddLevels(ordered, index, pages, track_of, f);
  std::vector<std::string> mapping = AddSections(pages, where, f, imported.warnings);

  // Framework: named after its one track, or "Career paths".
  f.name = f.tracks.size() == 1 && !track_of.empty() && !track_of[ordered[0]].empty()
               ? track_of[ordered[0]]
               : "Career paths";
  f.id = text::Slugify(f.name);
  f.source.format = "level-pages";
  if (documents.size() == 1) f.source.file = documents[0].name;
  std::set<std::pair<std::string, std::string>> kept_notes;
  for (const Page& page : pages) {
    for (const model::Note& n : page.notes)
      if (kept_notes.insert({n.title, n.markdown}).second) f.notes.push_back(n);
  }
  model::Note sections;
  sections.title = "Level page sections";
  sections.markdown = text::Join(mapping, "\n");
  f.notes.push_back(std::move(sections));
  return imported;
}

std::unique_ptr<Reader> MakeLevelPagesReader() { return std::make_unique<LevelPagesReader>(); }

}  // namespace ladder::formats
