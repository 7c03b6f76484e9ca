#include "formats/html_table_reader.h"

#include <set>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/level_heading_tables.h"
#include "formats/level_table.h"
#include "formats/markdown_blocks.h"
#include "formats/prose_sections.h"

namespace ladder::formats {
namespace {

// How much of a document past its first <table> detection parses.
constexpr size_t kDetectWindow = size_t{128} << 10;

using md::Block;

const std::set<std::string>& LeafBlocks() {
  static const std::set<std::string> s = {"p",          "dt",      "dd",     "pre",
                                          "figcaption", "address", "caption"};
  return s;
}
const std::set<std::string>& Containers() {
  static const std::set<std::string> s = {"html",     "body",   "div",        "section", "article",
                                          "main",     "aside",  "blockquote", "dl",      "form",
                                          "fieldset", "figure", "center",     "details", "summary"};
  return s;
}

// The prose of an HTML document as Markdown-like blocks, tables left out.
class ProseWalker {
 public:
  explicit ProseWalker(const html::Dom& dom) : dom_(dom) {}

  std::vector<Block> Walk() {
    Container(dom_.Root());
    return std::move(blocks_);
  }

 private:
  void Emit(Block::Kind kind, int level, std::string markdown, std::string plain, int line) {
    std::string p(text::Trim(text::CollapseSpace(plain)));
    if (p.empty() && kind != Block::Kind::kHeading) return;
    Block b;
    b.kind = kind;
    b.level = level;
    b.markdown = std::string(text::Trim(text::CollapseSpace(markdown)));
    b.plain = p;
    b.line = line;
    b.end_line = line;
    blocks_.push_back(std::move(b));
  }

  void FlushRun() {
    if (!run_md_.empty()) Emit(Block::Kind::kParagraph, 0, run_md_, run_plain_, run_line_);
    run_md_.clear();
    run_plain_.clear();
    run_line_ = 0;
  }

  void Container(int id) {
    for (int child : dom_.At(id).children) {
      const html::Node& n = dom_.At(child);
      if (n.kind == html::Node::Kind::kText) {
        if (text::Trim(n.text).empty()) continue;
        if (run_line_ == 0) run_line_ = n.line;
        run_md_ += n.text;
        run_plain_ += n.text;
        continue;
      }
      const std::string& tag = n.tag;
      if (tag == "head") {
        for (int t : dom_.FindAll(child, "title"))
          title_ = dom_.Text(t), title_line_ = dom_.Line(t);
        continue;
      }
      if (tag == "table") {
        FlushRun();
        continue;  // read by the table interpreter
      }
      if (tag == "nav" || tag == "footer" || tag == "header") {
        // Site navigation and page furniture are not content; a header's headings (the page
        // title) are. What they hold is listed as not imported.
        FlushRun();
        Furniture(child);
        continue;
      }
      if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
        FlushRun();
        Emit(Block::Kind::kHeading, tag[1] - '0', dom_.InlineMarkdown(child), dom_.Text(child),
             n.line);
        continue;
      }
      if (LeafBlocks().count(tag)) {
        FlushRun();
        Emit(Block::Kind::kParagraph, 0, dom_.InlineMarkdown(child), dom_.Text(child), n.line);
        continue;
      }
      if (tag == "ul" || tag == "ol") {
        FlushRun();
        std::vector<int> items = dom_.FindAll(child, "li");
        bool decorative = !items.empty();
        for (int li : items)
          if (!level_table::LooksLikeLevel(dom_.Text(li))) decorative = false;
        if (decorative) continue;  // a level navigation menu, not content
        for (auto& item : dom_.Items(child))
          Emit(Block::Kind::kItem, 1, item.markdown, item.markdown, item.line);
        continue;
      }
      if (tag == "br" || tag == "hr") {
        FlushRun();
        continue;
      }
      if (Containers().count(tag) || tag == "li") {
        FlushRun();
        Container(child);
        FlushRun();
        continue;
      }
      // Inline element inside a container: part of the current run.
      std::string md = dom_.InlineMarkdown(child);
      if (text::Trim(md).empty()) continue;
      if (run_line_ == 0) run_line_ = n.line;
      run_md_ += " " + md + " ";
      run_plain_ += " " + dom_.Text(child) + " ";
    }
  }

  void Furniture(int id) {
    for (int child : dom_.At(id).children) {
      const html::Node& n = dom_.At(child);
      if (n.kind == html::Node::Kind::kElement && n.tag.size() == 2 && n.tag[0] == 'h' &&
          n.tag[1] >= '1' && n.tag[1] <= '6' && dom_.At(id).tag == "header") {
        Emit(Block::Kind::kHeading, n.tag[1] - '0', dom_.InlineMarkdown(child), dom_.Text(child),
             n.line);
        continue;
      }
      if (n.kind == html::Node::Kind::kElement && n.tag != "nav" && n.tag != "footer" &&
          dom_.At(id).tag == "header" && !dom_.FindAll(child, "h1").empty()) {
        Furniture(child);
        continue;
      }
      std::string words = n.kind == html::Node::Kind::kText
                              ? std::string(text::Trim(text::CollapseSpace(n.text)))
                              : dom_.Text(child);
      if (!words.empty()) skipped_.push_back({n.line, words, {}});
    }
  }

 public:
  std::string title_;
  int title_line_ = 0;
  std::vector<Passage> skipped_;  // navigation, page header and footer: not content

 private:
  const html::Dom& dom_;
  std::vector<Block> blocks_;
  std::string run_md_;
  std::string run_plain_;
  int run_line_ = 0;
};

std::string FileStem(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return std::string(base.substr(0, base.find('.')));
}

}  // namespace

int DetectHtmlTable(std::string_view text) {
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), size_t{1} << 20));
  std::string start = text::ToLower(text::Trim(head.substr(0, 1024)));
  if (text::StartsWith(start, "\xEF\xBB\xBF")) start = start.substr(3);
  bool document = text::StartsWith(start, "<!doctype html") || text::StartsWith(start, "<html") ||
                  text::StartsWith(start, "<body") || text::StartsWith(start, "<table") ||
                  text::StartsWith(start, "<head") || text::StartsWith(start, "<meta");
  if (!document) return 0;
  if (text::ToLower(head).find("<table") == std::string::npos) return 0;
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
  if (!dom) return 35;
  level_table::LevelTables level_tables("");
  for (int t : dom->FindAll(dom->Root(), "table", false)) {
    if (level_table::Interpret(*dom, t, "", false)) return 80;
    int heading = level_table::HeadingBefore(*dom, t);
    if (heading != -1) level_tables.Add(*dom, t, dom->Text(heading), dom->Line(heading));
  }
  return level_tables.Levels() >= 2 ? 80 : 35;
}

namespace {

// A table that holds no levels, kept as a note: its rows as "cell | cell" lines.
model::Note TableNote(const html::Dom& dom, int table, const std::string& file,
                      std::vector<Passage>& passages) {
  const std::string lines = html::TableLines(dom, table, [&](int cell) {
    passages.push_back({dom.Line(cell), dom.Text(cell), {}});
  });
  model::Note note;
  std::vector<int> captions = dom.FindAll(table, "caption");
  note.title = captions.empty() ? "Table" : dom.Text(captions[0]);
  note.markdown = lines;
  note.origin.where = {file, dom.Line(table), 0};
  return note;
}

// The tables of a document, as the reader finds them.
struct FoundTables {
  std::vector<level_table::Table> tables;  // the tables of levels
  std::vector<model::Note> notes;          // tables holding no levels
  std::vector<int> table_lines;            // the line of every table
  std::vector<int> level_table_lines;      // the line of each table of `tables`
  size_t per_level = 0;  // the index of the table of levels written one table each, if any
};

// Reads every table of `dom`: tables of levels, tables of one level each under the heading
// naming it (one table of those levels), and tables of neither, kept as notes.
FoundTables ReadTables(const html::Dom& dom, const std::string& file, Imported& imported) {
  FoundTables found;
  level_table::LevelTables level_tables(file);
  int level_tables_line = 0;
  for (int t : dom.FindAll(dom.Root(), "table", false)) {
    found.table_lines.push_back(dom.Line(t));
    std::optional<level_table::Table> table =
        level_table::Interpret(dom, t, file, dom.HasClass(t, "levels-table"));
    int heading = table ? -1 : level_table::HeadingBefore(dom, t);
    if (heading != -1 && level_tables.Add(dom, t, dom.Text(heading), dom.Line(heading))) {
      if (level_tables_line == 0) level_tables_line = dom.Line(t);
      continue;
    }
    if (!table) {
      found.notes.push_back(TableNote(dom, t, file, imported.source));
      continue;
    }
    for (Passage& p : table->passages) imported.source.push_back(std::move(p));
    for (ImportWarning& w : table->warnings) imported.warnings.push_back(std::move(w));
    table->passages.clear();
    found.tables.push_back(std::move(*table));
    found.level_table_lines.push_back(dom.Line(t));
  }
  found.per_level = found.tables.size();
  if (!level_tables.Empty()) {
    level_table::Table table = level_tables.Take();
    for (Passage& p : table.passages) imported.source.push_back(std::move(p));
    table.passages.clear();
    found.tables.push_back(std::move(table));
    found.level_table_lines.push_back(level_tables_line);
  }
  return found;
}

// Each table sits under a heading, which names its ladder when the tables hold several; the
// table of levels written one table each is under the headings of its levels, naming none.
void SetContexts(const std::vector<Block>& blocks, FoundTables& found) {
  for (size_t k = 0; k < found.tables.size(); ++k) {
    for (const Block& b : blocks) {
      if (b.line >= found.level_table_lines[k]) break;
      if (b.kind == Block::Kind::kHeading && b.level > 1) found.tables[k].context = b.plain;
    }
  }
  if (found.per_level < found.tables.size()) found.tables[found.per_level].context.clear();
}

// The framework's name (the first <h1>, else the <title>, else the file's name), description
// (a <title> other than the name), id and source.
void NameFramework(const std::vector<Block>& blocks, const ProseWalker& walker,
                   const std::string& file, model::Framework& f) {
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::kHeading && b.level == 1) {
      f.name = b.plain;
      break;
    }
  }
  if (f.name.empty()) f.name = walker.title_;
  if (f.name.empty()) f.name = FileStem(file);
  if (!walker.title_.empty() && walker.title_ != f.name) f.description = walker.title_;
  f.id = text::Slugify(f.name);
  f.source = {file, "html-table"};
  f.origin.where = {file, 1, 0};
}

}  // namespace

Result<Imported> ReadHtmlTable(const Document& document) {
  const std::string& file = document.name;
  LADDER_TRY(html::Dom dom, html::Dom::Parse(document.text, file, 1));
  Imported imported;
  FoundTables found = ReadTables(dom, file, imported);
  if (found.tables.empty()) {
    return MakeError(ErrorCode::kParse,
                     "no table of levels found: expected a <table> whose first column or first "
                     "row names levels (Level 1, L3, IC2, Junior/Senior/Staff, Engineer II)",
                     SourceLocation{file, 1, 0});
  }
  ProseWalker walker(dom);
  std::vector<Block> blocks = walker.Walk();
  for (const Block& b : blocks) imported.source.push_back({b.line, b.plain, {}});
  for (Passage& p : walker.skipped_) imported.source.push_back(std::move(p));
  if (!walker.title_.empty()) imported.source.push_back({walker.title_line_, walker.title_, {}});
  SetContexts(blocks, found);
  std::vector<prose::Section> sections = prose::SplitSections(blocks, "", 0);
  level_table::DropTableHeadings(sections, found.table_lines, imported.source);

  model::Framework& f = imported.framework;
  NameFramework(blocks, walker, file, f);
  std::string ic_track = level_table::AddToFramework(std::move(found.tables), f);
  prose::ApplySections(sections, file, ic_track, f);
  for (model::Note& n : found.notes) f.notes.push_back(std::move(n));
  return imported;
}

std::unique_ptr<Reader> MakeHtmlTableReader() { return std::make_unique<HtmlTableReader>(); }

}  // namespace ladder::formats
