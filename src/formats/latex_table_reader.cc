#include "formats/latex_table_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "base/text.h"
#include "formats/html_dom.h"
#include "formats/level_table.h"

namespace ladder::formats {
namespace {

constexpr size_t kMaxDepth = 64;  // nested braces converted recursively

// `s` with % comments removed (an escaped \% stays), lines kept.
std::string StripComments(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool comment = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') comment = false;
    if (comment) continue;
    if (c == '%' && (i == 0 || s[i - 1] != '\\')) {
      comment = true;
      continue;
    }
    out += c;
  }
  return out;
}

// The index one past the brace group starting at `i` (s[i] == '{'), or npos.
size_t GroupEnd(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}

// Reads a `{...}` argument at `i` (after white space): its content, and moves `i` past it.
std::optional<std::string_view> Argument(std::string_view s, size_t& i) {
  size_t j = SkipSpace(s, i);
  if (j >= s.size() || s[j] != '{') return std::nullopt;
  size_t end = GroupEnd(s, j);
  if (end == std::string_view::npos) return std::nullopt;
  i = end;
  return s.substr(j + 1, end - j - 2);
}

// Skips an optional `[...]` argument at `i`.
void SkipOptional(std::string_view s, size_t& i) {
  size_t j = SkipSpace(s, i);
  if (j < s.size() && s[j] == '[') {
    size_t close = s.find(']', j);
    if (close != std::string_view::npos) i = close + 1;
  }
}

void AppendEscaped(char c, std::string& out) {
  if (c == '<')
    out += "&lt;";
  else if (c == '>')
    out += "&gt;";
  else if (c == '&')
    out += "&amp;";
  else if (c == '"')
    out += "&quot;";
  else
    out += c;
}

std::string Convert(std::string_view s, size_t depth = 0);

// Commands that break a paragraph.
const std::set<std::string>& BreakCommands() {
  static const std::set<std::string> kBreaks = {"bigbreak", "medbreak",  "smallbreak", "newline",
                                                "par",      "linebreak", "break"};
  return kBreaks;
}

// Commands whose arguments are not content: how many {...} each takes.
const std::map<std::string, int>& StyleCommands() {
  static const std::map<std::string, int> kStyle = {
      {"rowcolor", 1},   {"cellcolor", 1},      {"color", 1},        {"hline", 0},
      {"cline", 1},      {"toprule", 0},        {"midrule", 0},      {"bottomrule", 0},
      {"hspace", 1},     {"vspace", 1},         {"centering", 0},    {"raggedright", 0},
      {"raggedleft", 0}, {"arraybackslash", 0}, {"small", 0},        {"footnotesize", 0},
      {"scriptsize", 0}, {"large", 0},          {"Large", 0},        {"LARGE", 0},
      {"huge", 0},       {"Huge", 0},           {"normalsize", 0},   {"noindent", 0},
      {"rule", 2},       {"label", 1},          {"rowcolors", 3},    {"renewcommand", 2},
      {"setlength", 2},  {"newcolumntype", 2},  {"arraystretch", 0}, {"vfill", 0},
      {"hfill", 0},      {"clearpage", 0},      {"newpage", 0},      {"pagenumbering", 1},
      {"usepackage", 1}, {"documentclass", 1},  {"maketitle", 0},    {"tableofcontents", 0}};
  return kStyle;
}

// Commands whose argument is content, and the HTML they wrap it in.
const std::map<std::string, std::pair<const char*, const char*>>& WrapCommands() {
  static const std::map<std::string, std::pair<const char*, const char*>> kWrap = {
      {"textbf", {"<strong>", "</strong>"}},
      {"textit", {"<em>", "</em>"}},
      {"emph", {"<em>", "</em>"}},
      {"texttt", {"<code>", "</code>"}},
      {"underline", {"", ""}},
      {"textsc", {"", ""}},
      {"textrm", {"", ""}},
      {"textsf", {"", ""}},
      {"mbox", {"", ""}},
      {"text", {"", ""}}};
  return kWrap;
}

// `\x`, x no letter, at `i`: a line break inside a cell (`\\`), a space, or x itself.
void ConvertEscape(std::string_view s, size_t& i, std::string& out) {
  char e = s[i + 1];
  i += 2;
  if (e == '\\') {
    SkipOptional(s, i);
    out += "</p><p>";
  } else if (e == ',' || e == ' ' || e == ';' || e == '!') {
    out += ' ';
  } else {
    AppendEscaped(e, out);
  }
}

// The lists, links and items of `\name` (read just before `i`); false for other commands.
bool ConvertStructure(const std::string& name, std::string_view s, size_t& i, size_t depth,
                      std::string& out) {
  if (name == "href") {
    auto url = Argument(s, i);
    auto label = Argument(s, i);
    if (url && label) {
      out += "<a href=\"";
      for (char u : *url) AppendEscaped(u, out);
      out += "\">" + Convert(*label, depth + 1) + "</a>";
    }
  } else if (name == "url") {
    if (auto url = Argument(s, i))
      for (char u : *url) AppendEscaped(u, out);
  } else if (name == "begin" || name == "end") {
    std::string env(Argument(s, i).value_or(""));
    bool list = env == "itemize" || env == "enumerate" || env == "description";
    if (list) out += name == "begin" ? "</p><ul>" : "</li></ul><p>";
    if (name == "begin" && env == "minipage") {
      SkipOptional(s, i);
      Argument(s, i);
    }
  } else if (name == "item") {
    SkipOptional(s, i);
    out += out.ends_with("<ul>") ? "<li>" : "</li><li>";
  } else {
    return false;
  }
  return true;
}

// The command `\name` at `i`: `i` moves past it and its arguments.
void ConvertCommand(std::string_view s, size_t& i, size_t depth, std::string& out) {
  size_t j = i + 1;
  while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
  std::string name(s.substr(i + 1, j - i - 1));
  if (j < s.size() && s[j] == '*') ++j;
  i = j;
  if (BreakCommands().count(name)) {
    out += "</p><p>";
  } else if (auto style = StyleCommands().find(name); style != StyleCommands().end()) {
    SkipOptional(s, i);
    for (int k = 0; k < style->second; ++k) Argument(s, i);
  } else if (auto wrap = WrapCommands().find(name); wrap != WrapCommands().end()) {
    if (auto arg = Argument(s, i))
      out += std::string(wrap->second.first) + Convert(*arg, depth + 1) + wrap->second.second;
  } else if (!ConvertStructure(name, s, i, depth, out)) {
    if (auto arg = Argument(s, i)) out += Convert(*arg, depth + 1);  // unknown: its content
  }
}

// The typographic ligatures of TeX at `i`: ---, --, `` and ''. Returns their length, or 0.
size_t ConvertLigature(std::string_view s, size_t i, std::string& out) {
  static const std::pair<std::string_view, std::string_view> kLigatures[] = {
      {"---", "\xE2\x80\x94"},
      {"--", "\xE2\x80\x93"},
      {"``", "\xE2\x80\x9C"},
      {"''", "\xE2\x80\x9D"}};
  for (auto [tex, text] : kLigatures) {
    if (s.substr(i, tex.size()) != tex) continue;
    out += text;
    return tex.size();
  }
  return 0;
}

// Text at `i` that is no command: groups, ties, line and paragraph breaks, ligatures.
void ConvertText(std::string_view s, size_t& i, size_t depth, std::string& out) {
  char c = s[i];
  if (c == '{') {
    size_t end = GroupEnd(s, i);
    if (end == std::string_view::npos) {
      ++i;
      return;
    }
    out += Convert(s.substr(i + 1, end - i - 2), depth + 1);
    i = end;
  } else if (c == '}' || c == '\r') {
    ++i;
  } else if (c == '~') {
    out += ' ';
    ++i;
  } else if (c == '\n') {
    size_t j = SkipSpace(s, i + 1);
    bool blank = s.substr(i + 1, j - i - 1).find('\n') != std::string_view::npos;
    out += blank ? "</p><p>" : " ";
    i = j;
  } else if (size_t n = ConvertLigature(s, i, out)) {
    i += n;
  } else {
    AppendEscaped(c, out);
    ++i;
  }
}

// LaTeX text to an HTML fragment: emphasis, links, lists and paragraph breaks kept; styling,
// colours and spacing dropped.
std::string Convert(std::string_view s, size_t depth) {
  std::string out;
  if (depth > kMaxDepth) return out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '\\' && i + 1 < s.size() && !std::isalpha(static_cast<unsigned char>(s[i + 1])))
      ConvertEscape(s, i, out);
    else if (s[i] == '\\')
      ConvertCommand(s, i, depth, out);
    else
      ConvertText(s, i, depth, out);
  }
  return out;
}

// The line of `offset` in `s`; an offset past the end (npos: a text not found) is the last line.
int LineAt(std::string_view s, size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(offset), '\n'));
}

struct TabularCell {
  std::string html;
  int colspan = 1;
  int rowspan = 1;
};

// One cell's LaTeX: \multicolumn / \multirow spans, then its content.
TabularCell ReadCell(std::string_view raw) {
  TabularCell cell;
  std::string_view s = text::Trim(raw);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view command : {"\\multicolumn", "\\multirow"}) {
      if (!s.starts_with(command)) continue;
      size_t i = command.size();
      auto n = Argument(s, i);
      if (command == "\\multirow") SkipOptional(s, i);
      auto spec = Argument(s, i);
      auto content = Argument(s, i);
      if (!n || !spec || !content) break;
      int count = std::atoi(std::string(*n).c_str());
      if (count < 1) count = 1;
      if (command == "\\multicolumn")
        cell.colspan = std::min(count, 200);
      else
        cell.rowspan = std::min(count, 1000);
      s = text::Trim(*content);
      again = true;
    }
  }
  std::string html = "<p>" + Convert(s) + "</p>";
  cell.html = std::regex_replace(html, std::regex(R"(<p>\s*</p>)"), "");
  return cell;
}

// The body of one tabular as HTML rows, each placed on the line of its source.
void TabularRows(std::string_view doc, size_t begin, size_t end, std::string& html, int& line) {
  std::string_view body = doc.substr(begin, end - begin);
  std::vector<TabularCell> cells;
  size_t cell_start = 0;
  size_t row_start = 0;
  bool header = true;
  auto flush_row = [&](size_t at) {
    std::string_view last = body.substr(cell_start, at - cell_start);
    cells.push_back(ReadCell(last));
    bool any = std::any_of(cells.begin(), cells.end(),
                           [](const TabularCell& c) { return !c.html.empty(); });
    if (any) {
      size_t first = row_start;
      while (first < body.size() && std::isspace(static_cast<unsigned char>(body[first]))) ++first;
      int row_line = LineAt(doc, begin + first);
      for (; line < row_line; ++line) html += '\n';
      html += "<tr>";
      for (const TabularCell& c : cells) {
        const char* tag = header ? "th" : "td";
        html += std::string("<") + tag;
        if (c.colspan > 1) html += " colspan=\"" + std::to_string(c.colspan) + "\"";
        if (c.rowspan > 1) html += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
        html += ">" + c.html + "</" + tag + ">";
      }
      html += "</tr>";
      header = false;
    }
    cells.clear();
  };
  int depth = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      if (body[i + 1] == '\\' && depth == 0) {
        flush_row(i);
        i += 2;
        SkipOptional(body, i);
        cell_start = row_start = i;
        --i;
        continue;
      }
      ++i;  // an escaped character (\&, \%) or a command's first letter
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (c == '&' && depth == 0) {
      cells.push_back(ReadCell(body.substr(cell_start, i - cell_start)));
      cell_start = i + 1;
    }
  }
  flush_row(body.size());
}

struct Environment {
  size_t begin = 0;  // first byte of the body
  size_t end = 0;    // one past the body
  size_t whole_begin = 0;
  size_t whole_end = 0;
};

std::vector<Environment> Tabulars(std::string_view s) {
  static const std::regex kBegin(R"(\\begin\{(tabular\*?|tabularx|longtable|supertabular)\})");
  std::vector<Environment> out;
  std::string str(s);
  for (auto it = std::sregex_iterator(str.begin(), str.end(), kBegin); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    std::string env = m[1].str();
    size_t i = static_cast<size_t>(m.position(0) + m.length(0));
    if (!out.empty() && m.position(0) < static_cast<long>(out.back().whole_end)) continue;
    SkipOptional(s, i);
    if (env == "tabular*" || env == "tabularx") Argument(s, i);  // the width
    Argument(s, i);                                              // the column spec
    std::string close = "\\end{" + env + "}";
    size_t end = s.find(close, i);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(
        {i, end, static_cast<size_t>(m.position(0)), std::min(s.size(), end + close.size())});
  }
  return out;
}

// The document's title: \title{}, the first \section{}, or a large block (\begin{huge} ...).
std::string Title(std::string_view s) {
  static const std::regex kTitle(
      R"(\\(?:title|section\*?|chapter\*?)\{([^{}]*)\}|\\begin\{(?:huge|Huge|LARGE|Large)\}([^\\]*)\\end)");
  std::string str(s);
  std::smatch m;
  if (!std::regex_search(str, m, kTitle)) return {};
  std::string t = m[1].matched ? m[1].str() : m[2].str();
  return std::string(text::Trim(text::CollapseSpace(t)));
}

class LatexTableReader : public Reader {
 public:
  std::string_view Name() const override { return "latex-table"; }
  int Detect(std::string_view text) const override { return DetectLatexTable(text); }
  Result<Imported> Read(const Document& document) const override {
    return ReadLatexTable(document);
  }
};

}  // namespace

std::string LatexTablesAsHtml(std::string_view latex) {
  std::string doc = StripComments(latex);
  std::string html;
  int line = 1;
  for (const Environment& env : Tabulars(doc)) {
    int at = LineAt(doc, env.whole_begin);
    for (; line < at; ++line) html += '\n';
    html += "<table>";
    TabularRows(doc, env.begin, env.end, html, line);
    html += "</table>";
  }
  return html;
}

int DetectLatexTable(std::string_view text) {
  if (text.find("\\begin{tabular") == std::string_view::npos &&
      text.find("\\begin{longtable") == std::string_view::npos &&
      text.find("\\begin{supertabular") == std::string_view::npos)
    return 0;
  if (text.size() > (size_t{4} << 20)) return 40;
  auto dom = html::Dom::Parse(LatexTablesAsHtml(text), "", 1);
  if (!dom) return 40;
  for (int t : dom->FindAll(dom->Root(), "table", false))
    if (level_table::Interpret(*dom, t, "", false)) return 85;
  return 40;
}

Result<Imported> ReadLatexTable(const Document& document) {
  const std::string& file = document.name;
  std::string doc = StripComments(document.text);
  LADDER_TRY(html::Dom dom, html::Dom::Parse(LatexTablesAsHtml(document.text), file, 1));
  Imported imported;
  model::Framework& f = imported.framework;
  std::vector<level_table::Table> tables;
  for (int t : dom.FindAll(dom.Root(), "table", false)) {
    std::optional<level_table::Table> table = level_table::Interpret(dom, t, file, false);
    if (!table) {
      model::Note note;
      note.title = "Table";
      note.markdown = html::TableLines(dom, t);
      note.origin.where = {file, dom.Line(t), 0};
      f.notes.push_back(std::move(note));
      continue;
    }
    for (Passage& p : table->passages) imported.source.push_back(std::move(p));
    for (ImportWarning& w : table->warnings) imported.warnings.push_back(std::move(w));
    table->passages.clear();
    tables.push_back(std::move(*table));
  }
  if (tables.empty()) {
    return MakeError(ErrorCode::kParse,
                     "no tabular of levels found: expected a tabular whose first column or first "
                     "row names levels (Level 1, L3, IC2, Senior, Team Lead)",
                     SourceLocation{file, 1, 0});
  }
  // Prose outside the tables (after \begin{document}): notes, and the title.
  std::vector<Environment> envs = Tabulars(doc);
  size_t start = doc.find("\\begin{document}");
  start = start == std::string::npos ? 0 : start + 16;
  std::string prose;
  size_t pos = start;
  for (const Environment& env : envs) {
    if (env.whole_begin > pos) prose += doc.substr(pos, env.whole_begin - pos);
    prose += std::string(std::count(doc.begin() + static_cast<long>(std::max(pos, env.whole_begin)),
                                    doc.begin() + static_cast<long>(env.whole_end), '\n'),
                         '\n');
    pos = std::max(pos, env.whole_end);
  }
  if (pos < doc.size()) prose += doc.substr(pos);
  f.name = Title(doc);
  const int prose_line = LineAt(doc, start);
  std::vector<std::string> paragraphs;
  int line = prose_line;
  for (const std::string& chunk : text::Split(prose, '\n')) {
    auto html = html::Dom::Parse("<p>" + Convert(chunk) + "</p>", file, line);
    ++line;
    if (!html) continue;
    std::string t = html->Text(html->Root());
    if (t.empty() || text::IEquals(t, f.name)) continue;
    paragraphs.push_back(html->InlineMarkdown(html->Root()));
    imported.source.push_back({line - 1, t, {}});
  }
  if (!paragraphs.empty()) {
    model::Note note;
    note.title = "Notes";
    note.markdown = text::Join(paragraphs, "\n\n");
    note.origin.where = {file, prose_line, 0};
    f.notes.push_back(std::move(note));
  }
  // The title as the reader made it (commands converted) may not stand in the source as such.
  if (size_t at = f.name.empty() ? std::string::npos : doc.find(f.name); at != std::string::npos)
    imported.source.push_back({LineAt(doc, at), f.name, {}});
  if (f.name.empty()) {
    std::string stem = file.substr(
        file.find_last_of("/\\") == std::string::npos ? 0 : file.find_last_of("/\\") + 1);
    f.name = stem.substr(0, stem.find('.'));
  }
  f.id = text::Slugify(f.name);
  f.source = {file, "latex-table"};
  f.origin.where = {file, 1, 0};
  level_table::AddToFramework(std::move(tables), f);
  return imported;
}

std::unique_ptr<Reader> MakeLatexTableReader() { return std::make_unique<LatexTableReader>(); }

}  // namespace ladder::formats
