#include "formats/competency_list_reader.h"

#include <regex>
#include <set>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/markdown_blocks.h"
#include "formats/prose_sections.h"

namespace ladder::formats {
namespace {

// Above the least score detection takes, below every other family's sure score.
constexpr int kCompetencyListScore = 32;

struct Cell {
  std::string text;
  int line = 0;
};
using Rows = std::vector<std::vector<Cell>>;

bool IsName(std::string_view s) {
  std::string_view t = text::Trim(s);
  return !t.empty() && text::CountWords(t) <= 6 &&
         t.find_first_of(".;:!?") == std::string_view::npos;
}

// Competencies (and their groups) a table names, or nothing.
struct Listed {
  std::vector<model::Competency> competencies;
  std::vector<model::CompetencyGroup> groups;
  std::vector<Cell> column_names;  // "Competency | Description": structure, not text to import
};

Listed FromTable(const Rows& rows, std::string_view file) {
  Listed out;
  if (rows.size() < 2 || rows[0].size() < 1) return out;
  const std::vector<Cell>& header = rows[0];
  static const std::regex kNameColumn(
      R"(^(competenc\w*|skills?|areas?|dimensions?|capabilit\w*|names?|pillars?|behaviou?rs?)$)",
      std::regex::icase);
  auto add = [&](const Cell& name, std::string description, model::CompetencyGroup* group) {
    std::string n(text::Trim(name.text));
    if (n.empty()) return;
    model::Competency c;
    c.id = text::Slugify(n);
    c.name = n;
    c.description = std::move(description);
    c.origin.where = {std::string(file), name.line, 0};
    if (group) group->competencies.push_back(c.id);
    out.competencies.push_back(std::move(c));
  };
  if (header.size() >= 2 &&
      std::regex_match(std::string(text::Trim(header[0].text)), kNameColumn)) {
    for (size_t r = 1; r < rows.size(); ++r)
      if (!rows[r].empty() && IsName(rows[r][0].text))
        add(rows[r][0], rows[r].size() > 1 ? rows[r][1].text : "", nullptr);
    if (out.competencies.size() < 2) return {};
    if (header.size() == 2) out.column_names = header;
    return out;
  }
  // Every cell a short name: the columns are groups of competencies.
  int names = 0;
  for (size_t r = 0; r < rows.size(); ++r)
    for (const Cell& c : rows[r]) {
      if (text::Trim(c.text).empty()) continue;
      if (!IsName(c.text)) return {};
      if (r > 0) ++names;
    }
  if (names < 3) return {};
  for (size_t col = 0; col < header.size(); ++col) {
    model::CompetencyGroup g;
    g.name = std::string(text::Trim(header[col].text));
    g.id = text::Slugify(g.name);
    g.origin.where = {std::string(file), header[col].line, 0};
    for (size_t r = 1; r < rows.size(); ++r)
      if (col < rows[r].size()) add(rows[r][col], "", header.size() > 1 ? &g : nullptr);
    if (header.size() > 1 && !g.competencies.empty()) out.groups.push_back(std::move(g));
  }
  return out;
}

Rows PipeRows(const MdBlock& table) {
  Rows rows;
  for (const MdBlock& row : table.children) {
    std::vector<Cell> cells;
    for (const MdBlock& c : row.children) cells.push_back({c.text, row.line});
    rows.push_back(std::move(cells));
  }
  return rows;
}

Rows HtmlRows(const html::Dom& dom, int table) {
  html::TableGrid grid = html::ExtractGrid(dom, table);
  Rows rows;
  for (int r = 0; r < grid.rows; ++r) {
    std::vector<Cell> cells;
    int last = -1;
    for (int c = 0; c < grid.cols; ++c) {
      int cell = grid.At(r, c).cell;
      if (cell == last) continue;
      last = cell;
      cells.push_back(cell == -1 ? Cell{} : Cell{dom.Text(cell), dom.Line(cell)});
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

void Collect(const MdBlock& b, std::vector<Passage>& out) {
  if (!b.text.empty()) out.push_back({b.line, b.text, {}});
  for (const MdBlock& c : b.children) Collect(c, out);
}

// Reads the document's competency lists into `imported`; false when it has none.
Result<bool> ReadLists(const Document& document, Imported& imported) {
  const std::string& file = document.name;
  FrontMatter front = ReadFrontMatter(document.text);
  std::string_view body = std::string_view(document.text).substr(front.body_offset);
  std::vector<md::HtmlRegion> regions = md::FindHtmlRegions(body);
  std::string markdown = md::BlankRegions(body, regions);
  model::Framework& f = imported.framework;
  auto take = [&](Listed listed) {
    for (const Cell& c : listed.column_names)
      std::erase_if(imported.source, [&](const Passage& p) {
        return p.line == c.line && text::Trim(p.text) == text::Trim(c.text);
      });
    for (model::Competency& c : listed.competencies)
      if (f.FindCompetency(c.id) == nullptr) f.competencies.push_back(std::move(c));
    for (model::CompetencyGroup& g : listed.groups) f.groups.push_back(std::move(g));
  };
  for (const md::HtmlRegion& region : regions) {
    if (region.tag != "table") continue;
    LADDER_TRY(html::Dom dom, html::Dom::Parse(body.substr(region.begin, region.end - region.begin),
                                               file, region.line + front.body_line - 1));
    for (int t : dom.FindAll(dom.Root(), "table", false)) {
      Rows rows = HtmlRows(dom, t);
      for (const auto& row : rows)
        for (const Cell& c : row)
          if (!c.text.empty()) imported.source.push_back({c.line, c.text, {}});
      take(FromTable(rows, file));
    }
  }
  std::vector<MdBlock> tree = ParseMarkdownBlocks(markdown, front.body_line);
  std::vector<MdBlock> prose;
  for (MdBlock& b : tree) {
    Collect(b, imported.source);
    if (b.kind == MdBlock::Kind::kTable) {
      Listed listed = FromTable(PipeRows(b), file);
      if (!listed.competencies.empty()) {
        take(std::move(listed));
        continue;
      }
    }
    if (b.kind == MdBlock::Kind::kHeading && b.level == 1 && f.name.empty()) {
      f.name = b.text;
      continue;
    }
    prose.push_back(std::move(b));
  }
  std::set<std::string> listed_under;  // headings whose lists became the competencies
  if (f.competencies.empty()) {
    std::vector<md::Block> flat = md::ParseBlocks(markdown, front.body_line);
    for (const prose::Section& s : prose::SplitSections(flat, markdown, front.body_line)) {
      std::vector<model::Competency> listed = prose::ListedCompetencies(s, file);
      if (listed.empty()) continue;
      for (model::Competency& c : listed)
        if (f.FindCompetency(c.id) == nullptr) f.competencies.push_back(std::move(c));
      // The list is now the competencies: a note would repeat it.
      int end = s.blocks.empty() ? s.line : s.blocks.back().end_line;
      std::erase_if(prose, [&](const MdBlock& b) {
        return b.kind == MdBlock::Kind::kList && b.line > s.line && b.line <= end;
      });
      listed_under.insert(s.title);
      // Its heading ("Competencies") names what the list is: structure, not text to import.
      std::erase_if(imported.source, [&](const Passage& p) { return p.line == s.line; });
    }
  }
  if (f.competencies.empty()) return false;
  f.notes = NotesFromBlocks(prose, file);
  std::erase_if(f.notes, [&](const model::Note& n) {
    return n.markdown.empty() && listed_under.count(n.title) > 0;
  });
  if (f.name.empty()) f.name = front.Get("title");
  if (f.name.empty()) {
    std::string stem = file.substr(
        file.find_last_of("/\\") == std::string::npos ? 0 : file.find_last_of("/\\") + 1);
    f.name = stem.substr(0, stem.find('.'));
  }
  f.id = text::Slugify(f.name);
  f.source = {file, "competency-list"};
  f.origin.where = {file, front.body_line, 0};
  return true;
}

class CompetencyListReader : public Reader {
 public:
  std::string_view Name() const override { return "competency-list"; }
  int Detect(std::string_view text) const override { return DetectCompetencyList(text); }
  int MaxScore() const override { return kCompetencyListScore; }
  Result<Imported> Read(const Document& document) const override {
    return ReadCompetencyList(document);
  }
};

}  // namespace

int DetectCompetencyList(std::string_view text) {
  if (text.size() > (size_t{256} << 10)) return 0;  // lists of competencies are short documents
  Imported probe;
  Result<bool> found = ReadLists({"", std::string(text)}, probe);
  return found && *found ? kCompetencyListScore : 0;
}

Result<Imported> ReadCompetencyList(const Document& document) {
  Imported imported;
  LADDER_TRY(bool found, ReadLists(document, imported));
  if (!found) {
    return MakeError(
        ErrorCode::kParse,
        "no list of competencies found: expected a table of competency names, a "
        "\"Competency | Description\" table or a \"Competencies\" section listing them",
        SourceLocation{document.name, 1, 0});
  }
  return imported;
}

std::unique_ptr<Reader> MakeCompetencyListReader() {
  return std::make_unique<CompetencyListReader>();
}

}  // namespace ladder::formats
