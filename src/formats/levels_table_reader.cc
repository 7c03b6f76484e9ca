#include "formats/levels_table_reader.h"

#include <algorithm>
#include <regex>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/level_heading_tables.h"
#include "formats/level_item_sections.h"
#include "formats/level_table.h"
#include "formats/markdown_blocks.h"
#include "formats/markdown_ladder_reader.h"
#include "formats/prose_sections.h"

namespace ladder::formats {
namespace {

// How much of a document past its first <table> detection parses.
constexpr size_t kDetectWindow = size_t{128} << 10;

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  return text::ToLower(haystack).find(needle) != std::string::npos;
}

std::string FileStem(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return std::string(base.substr(0, base.find('.')));
}

// A table that holds no levels is kept as a note: its rows as "cell | cell" lines.
model::Note TableNote(const html::Dom& dom, int table, std::string_view file,
                      std::vector<Passage>& passages) {
  const std::string lines = html::TableLines(dom, table, [&](int cell) {
    passages.push_back({dom.Line(cell), dom.Text(cell), {}});
  });
  int caption = dom.FindAll(table, "caption").empty() ? -1 : dom.FindAll(table, "caption")[0];
  model::Note note;
  note.title = caption != -1 ? dom.Text(caption) : "Table";
  note.markdown = lines;
  note.origin.where = {std::string(file), dom.Line(table), 0};
  return note;
}

// HTML written into the Markdown outside the table: a list of level names only (a decorative
// level navigation) is not content (returns false); anything else is a passage.
bool HtmlBlockPassages(const md::Block& block, std::string_view file, std::vector<Passage>& out) {
  auto dom = html::Dom::Parse(block.markdown, file, block.line);
  if (!dom) return true;
  std::vector<int> items = dom->FindAll(dom->Root(), "li");
  bool decorative = !items.empty();
  for (int li : items)
    if (!level_table::LooksLikeLevel(dom->Text(li))) decorative = false;
  if (decorative) return false;
  std::string t = dom->Text(dom->Root());
  if (!t.empty()) out.push_back({block.line, t, {}});
  return true;
}

// Blanks lines [from, to] (1-based, `first_line` being the first of `text`).
void BlankLines(std::string& text, int first_line, int from, int to) {
  int line = first_line;
  for (char& c : text) {
    if (c == '\n') {
      ++line;
      continue;
    }
    if (line >= from && line <= to) c = ' ';
  }
}

// True when `text` has a line that looks like the delimiter row of a GFM table ("|---|:--|").
bool HasPipeTable(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text::Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.size() < 3 || line.find("--") == std::string_view::npos) continue;
    if (line.find('|') == std::string_view::npos) continue;
    if (line.find_first_not_of("|-: \t") == std::string_view::npos) return true;
  }
  return false;
}

// The pipe tables of a Markdown text (outside lists and quotes) that hold levels.
std::vector<std::pair<const MdBlock*, level_table::Table>> PipeTables(
    const std::vector<MdBlock>& blocks, std::string_view file) {
  std::vector<std::pair<const MdBlock*, level_table::Table>> out;
  for (const MdBlock& b : blocks) {
    if (b.kind != MdBlock::Kind::kTable) continue;
    if (auto t = level_table::InterpretPipeTable(b, file, false))
      out.emplace_back(&b, std::move(*t));
  }
  return out;
}

// A paragraph of a few words, all bold or ending with a colon ("**Management Track:**"), just
// before a table of levels introduces it as a heading would: it becomes a heading one level
// below the heading it sits under, so it names the table's ladder and is not prose.
void LabelsIntroducingTables(std::vector<md::Block>& parsed, const std::vector<int>& table_lines) {
  static const std::regex kLabel(R"(^(\*\*|__)([^*_]{1,60}?)\s*:?\s*(\*\*|__)\s*:?$)");
  for (int table_line : table_lines) {
    md::Block* before = nullptr;
    int heading_level = 1;
    for (md::Block& b : parsed) {
      if (b.line >= table_line) break;
      before = &b;
      if (b.kind == md::Block::Kind::kHeading) heading_level = b.level;
    }
    if (before == nullptr || before->kind != md::Block::Kind::kParagraph) continue;
    std::smatch label;
    const std::string source(text::Trim(before->markdown));
    if (!std::regex_match(source, label, kLabel) || before->end_line > before->line) continue;
    before->kind = md::Block::Kind::kHeading;
    before->level = std::min(heading_level + 1, 6);
    before->plain = std::string(text::Trim(label[2].str()));
    before->markdown = before->plain;
  }
}

int LastLine(const MdBlock& b) {
  int line = b.line;
  for (const MdBlock& c : b.children) line = std::max(line, LastLine(c));
  return line;
}

}  // namespace

namespace {

size_t LevelTablesIn(std::string_view text);

}  // namespace

int DetectLevelsTable(std::string_view text) {
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), size_t{1} << 20));
  if (ContainsNoCase(head, "levels-table")) return 95;
  std::string lower = text::ToLower(head.substr(0, 4096));
  std::string_view start = text::Trim(lower);
  if (text::StartsWith(start, "<!doctype") || text::StartsWith(start, "<html")) return 0;
  // Levels written one table each under their headings: headings naming levels that are not
  // a Markdown ladder's sections.
  if (LevelTablesIn(head) >= 2) return 85;
  if (!ContainsNoCase(head, "<table")) {
    // A Markdown document whose content is a pipe table of levels; with headings naming
    // levels it is a Markdown ladder (a table of levels at its end is part of it).
    if (!HasPipeTable(head)) return 0;
    FrontMatter front = ReadFrontMatter(head);
    std::vector<MdBlock> blocks = ParseMarkdownBlocks(head.substr(front.body_offset));
    if (PipeTables(blocks, "").empty()) return 0;
    return DetectMarkdownLadder(head) >= 35 ? 20 : 45;
  }
  // Parsing the whole head costs as much as reading it: detection looks at the tables near
  // the first one.
  size_t first_table = 0;
  for (size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    if (text::IEquals(head.substr(at, 6), "<table")) {
      first_table = at;
      break;
    }
  }
  auto dom =
      html::Dom::Parse(head.substr(0, std::min(head.size(), first_table + kDetectWindow)), "", 1);
  if (!dom) return 0;
  for (int t : dom->FindAll(dom->Root(), "table", false))
    if (level_table::Interpret(*dom, t, "", false)) return 60;
  return 0;
}

namespace {

// The tables of a document, as the reader finds them.
struct FoundTables {
  explicit FoundTables(std::string_view file) : level_tables(file) {}
  std::vector<level_table::Table> tables;  // the tables of levels
  std::vector<model::Note> table_notes;    // tables holding no levels
  std::vector<int> table_lines;            // the line of every table
  std::vector<int> level_table_lines;      // the line of each table of `tables`
  // Tables of one level each under the heading naming it (level_heading_tables.h), and the line
  // of the first.
  level_table::LevelTables level_tables;
  int level_tables_line = 0;
};

// The heading right before `line` (nothing between them but blank lines), or null.
const md::Block* HeadingBefore(const std::vector<md::Block>& blocks, int line) {
  const md::Block* before = nullptr;
  for (const md::Block& b : blocks) {
    if (b.line >= line) break;
    before = &b;
  }
  return before != nullptr && before->kind == md::Block::Kind::kHeading ? before : nullptr;
}

// Adds `table` to `found`'s tables of one level each when the heading right before it names
// its level.
bool AddLevelTable(const html::Dom& dom, int table, const std::vector<md::Block>& headings,
                   FoundTables& found) {
  const md::Block* heading = HeadingBefore(headings, dom.Line(table));
  if (heading == nullptr || !found.level_tables.Add(dom, table, heading->plain, heading->line))
    return false;
  if (found.level_tables_line == 0) found.level_tables_line = dom.Line(table);
  return true;
}

// Reads the <table> elements written into the document's Markdown `body`; `blocks` are the
// Markdown's blocks around them.
Status ReadHtmlTables(std::string_view body, const std::vector<md::HtmlRegion>& regions,
                      const std::vector<md::Block>& blocks, const std::string& file, int first_line,
                      Imported& imported, FoundTables& found) {
  for (const md::HtmlRegion& region : regions) {
    if (region.tag != "table") continue;
    found.table_lines.push_back(region.line + first_line - 1);
    LADDER_TRY(html::Dom dom, html::Dom::Parse(body.substr(region.begin, region.end - region.begin),
                                               file, region.line + first_line - 1));
    for (int t : dom.FindAll(dom.Root(), "table", false)) {
      std::optional<level_table::Table> table =
          level_table::Interpret(dom, t, file, dom.HasClass(t, "levels-table"));
      if (!table && AddLevelTable(dom, t, blocks, found)) continue;
      if (!table) {
        found.table_notes.push_back(TableNote(dom, t, file, imported.source));
        continue;
      }
      for (Passage& p : table->passages) imported.source.push_back(std::move(p));
      for (ImportWarning& w : table->warnings) imported.warnings.push_back(std::move(w));
      table->passages.clear();
      found.tables.push_back(std::move(*table));
      found.level_table_lines.push_back(dom.Line(t));
    }
  }
  return {};
}

// Reads the pipe tables of levels (GFM) of `markdown` like HTML ones, and blanks their lines:
// they are no prose.
void ReadPipeTables(std::string& markdown, const std::vector<md::Block>& blocks,
                    const std::string& file, int first_line, Imported& imported,
                    FoundTables& found) {
  if (!HasPipeTable(markdown)) return;
  std::vector<MdBlock> tree = ParseMarkdownBlocks(markdown, first_line);
  std::vector<std::pair<const MdBlock*, level_table::Table>> tables = PipeTables(tree, file);
  for (const MdBlock& b : tree) {
    if (b.kind != MdBlock::Kind::kTable) continue;
    if (std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return t.first == &b; }))
      continue;
    Result<html::Dom> dom = level_table::PipeTableDom(b, file);
    if (!dom) continue;
    std::vector<int> found_tables = dom->FindAll(dom->Root(), "table", false);
    if (found_tables.empty() || !AddLevelTable(*dom, found_tables[0], blocks, found)) continue;
    found.table_lines.push_back(b.line);
    BlankLines(markdown, first_line, b.line, LastLine(b));
  }
  for (auto& [block, table] : tables) {
    for (Passage& p : table.passages) imported.source.push_back(std::move(p));
    for (ImportWarning& w : table.warnings) imported.warnings.push_back(std::move(w));
    table.passages.clear();
    found.tables.push_back(std::move(table));
    found.table_lines.push_back(block->line);
    found.level_table_lines.push_back(block->line);
    BlankLines(markdown, first_line, block->line, LastLine(*block));
  }
}

// Finds the tables of a Markdown `body`: HTML and pipe tables, of levels or of one level each;
// `markdown` is left as the body without them.
Status FindTables(std::string_view body, const std::string& file, int first_line,
                  Imported& imported, FoundTables& found, std::string& markdown) {
  std::vector<md::HtmlRegion> regions = md::FindHtmlRegions(body);
  markdown = md::BlankRegions(body, regions);
  std::vector<md::Block> blocks = md::ParseBlocks(markdown, first_line);
  LADDER_TRY_STATUS(ReadHtmlTables(body, regions, blocks, file, first_line, imported, found));
  ReadPipeTables(markdown, blocks, file, first_line, imported, found);
  return {};
}

// Adds the table of the levels found one table each to `found`'s tables, its cells to the
// passages. Returns its index, or the number of tables when there is none.
size_t AddLevelTables(Imported& imported, FoundTables& found) {
  const size_t index = found.tables.size();
  if (found.level_tables.Empty()) return index;
  level_table::Table table = found.level_tables.Take();
  for (Passage& p : table.passages) imported.source.push_back(std::move(p));
  table.passages.clear();
  found.tables.push_back(std::move(table));
  found.level_table_lines.push_back(found.level_tables_line);
  return index;
}

// True when two headings of one depth name levels by their codes.
bool HasLevelSections(const std::vector<md::Block>& parsed) {
  int coded[7] = {0};
  for (const md::Block& b : parsed)
    if (b.kind == md::Block::Kind::kHeading && b.level <= 6 && ParseLevelHeading(b.plain))
      ++coded[b.level];
  return std::any_of(std::begin(coded), std::end(coded), [](int n) { return n >= 2; });
}

// Each table sits under a heading, which names its ladder when the tables hold several; the
// table of levels written one table each (at `per_level`) is under its levels' headings.
void SetContexts(const std::vector<md::Block>& parsed, size_t per_level, FoundTables& found) {
  for (size_t k = 0; k < found.tables.size(); ++k) {
    for (const md::Block& b : parsed) {
      if (b.line >= found.level_table_lines[k]) break;
      if (b.kind == md::Block::Kind::kHeading && b.level > 1) found.tables[k].context = b.plain;
    }
  }
  if (per_level < found.tables.size()) found.tables[per_level].context.clear();
}

// The framework's name (the first `# Title`, else the front matter's title, else the file's
// name), source and description (the first paragraph of the introduction).
void NameAndDescribe(const std::vector<prose::Section>& sections, const FrontMatter& front,
                     const std::string& file, model::Framework& f) {
  for (const prose::Section& s : sections) {
    if (s.level == 1) {
      f.name = s.title;
      break;
    }
  }
  if (f.name.empty()) f.name = front.Get("title");
  if (f.name.empty()) f.name = FileStem(file);
  f.id = text::Slugify(f.name);
  f.source = {file, "levels-table"};
  for (const prose::Section& s : sections) {
    if (s.level != 1 && !s.title.empty()) continue;
    for (const md::Block& b : s.blocks) {
      if (b.kind == md::Block::Kind::kParagraph) {
        f.description = b.markdown;
        break;
      }
    }
    break;
  }
}

// How many levels `text` writes one table each under their headings (for detection).
size_t LevelTablesIn(std::string_view text) {
  if (!ContainsNoCase(text, "expect") && !ContainsNoCase(text, "behavio")) return 0;
  FrontMatter front = ReadFrontMatter(text);
  Imported scratch;
  FoundTables found("");
  std::string markdown;
  Status status =
      FindTables(text.substr(front.body_offset), "", front.body_line, scratch, found, markdown);
  return status ? found.level_tables.Levels() : 0;
}

}  // namespace

Result<Imported> ReadLevelsTable(const Document& document) {
  const std::string& file = document.name;
  FrontMatter front = ReadFrontMatter(document.text);
  std::string_view body = std::string_view(document.text).substr(front.body_offset);
  const int first_line = front.body_line;
  Imported imported;
  FoundTables found(file);
  std::string markdown;
  LADDER_TRY_STATUS(FindTables(body, file, first_line, imported, found, markdown));
  std::vector<level_table::Table>& tables = found.tables;
  const size_t per_level = AddLevelTables(imported, found);
  if (tables.empty()) {
    return MakeError(ErrorCode::kParse,
                     "no table of levels found: expected a <table> or a Markdown pipe table "
                     "whose first column or first row names levels (IC1, L2, Senior, Engineer "
                     "II)",
                     SourceLocation{file, first_line, 0});
  }

  std::vector<md::Block> parsed = md::ParseBlocks(markdown, first_line);
  LabelsIntroducingTables(parsed, found.level_table_lines);
  // Level sections beside the tables ("## M3" ... written as prose while the IC levels are a
  // table): the document is a Markdown ladder holding tables, read as such. (Headings over
  // tables of one level each are those tables' levels.)
  if (per_level == tables.size() && HasLevelSections(parsed)) return ReadMarkdownLadder(document);
  SetContexts(parsed, per_level, found);
  std::vector<md::Block> blocks;
  for (md::Block& b : parsed) {
    if (b.kind == md::Block::Kind::kHtml) {
      if (!HtmlBlockPassages(b, file, imported.source)) {
        BlankLines(markdown, first_line, b.line, b.end_line);
        continue;
      }
    } else {
      imported.source.push_back({b.line, b.plain, {}});
    }
    blocks.push_back(std::move(b));
  }
  std::vector<prose::Section> sections = prose::SplitSections(blocks, markdown, first_line);
  level_table::DropTableHeadings(sections, found.table_lines, imported.source);

  model::Framework& f = imported.framework;
  NameAndDescribe(sections, front, file, f);
  f.origin.where = {file, first_line, 0};
  std::string ic_track = level_table::AddToFramework(std::move(tables), f);
  prose::ApplySections(sections, file, ic_track, f);
  for (model::Note& n : found.table_notes) f.notes.push_back(std::move(n));
  LevelItemNotesToCompetencies(f);
  return imported;
}

std::unique_ptr<Reader> MakeLevelsTableReader() { return std::make_unique<LevelsTableReader>(); }

}  // namespace ladder::formats
