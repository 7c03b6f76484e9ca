#include "formats/xlsx_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include "base/text.h"
#include "formats/canonical.h"
#include "formats/xlsx_cells.h"

namespace ladder::formats {
namespace {

// Code points of a UTF-8 string (Excel counts characters, not bytes, in sheet names).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    out.emplace_back(s.substr(i, std::min(n, s.size() - i)));
    i += n;
  }
  return out;
}

// The workbook and its formats; closes (and so writes) the file exactly once.
class Book {
 public:
  explicit Book(const std::string& path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    wb_ = workbook_new_opt(path.c_str(), &options);
    if (!wb_) return;
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header_, 0xE8EEF4);
    format_set_bottom(header_, LXW_BORDER_THIN);
    label_ = workbook_add_format(wb_);
    format_set_bold(label_);
    format_set_text_wrap(label_);
    format_set_align(label_, LXW_ALIGN_VERTICAL_TOP);
    pillar_ = workbook_add_format(wb_);
    format_set_bold(pillar_);
    format_set_italic(pillar_);
    format_set_bg_color(pillar_, 0xF4F4F4);
    undefined_ = workbook_add_format(wb_);
    format_set_italic(undefined_);
    format_set_font_color(undefined_, 0x707070);
    format_set_text_wrap(undefined_);
    format_set_align(undefined_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Book() {
    if (wb_) workbook_close(wb_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  bool ok() const { return wb_ != nullptr; }

  lxw_worksheet* AddSheet(std::string_view name) {
    return workbook_add_worksheet(wb_, SheetName(name, used_).c_str());
  }

  void Write(lxw_worksheet* ws, int row, int col, const std::string& text, lxw_format* format) {
    if (text.empty()) {
      worksheet_write_blank(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), format);
      return;
    }
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                           xlsx_cells::Truncate(text).c_str(), format);
  }

  // Writes the file; the book is closed afterwards whatever happens.
  Status Close(const std::string& path) {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
      return MakeError(ErrorCode::kIo,
                       "cannot write the workbook '" + path + "': " + lxw_strerror(err),
                       SourceLocation{path, 0, 0});
    return Ok();
  }

  lxw_format* wrap_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* label_ = nullptr;
  lxw_format* pillar_ = nullptr;
  lxw_format* undefined_ = nullptr;

 private:
  lxw_workbook* wb_ = nullptr;
  std::set<std::string> used_;
};

void TrackSheet(Book& book, const model::Framework& fw, const model::Track& track) {
  lxw_worksheet* ws = book.AddSheet(track.DisplayName());
  const int ncols = static_cast<int>(track.levels.size());
  book.Write(ws, 0, 0, "Competency", book.header_);
  for (int i = 0; i < ncols; ++i) {
    book.Write(ws, 0, i + 1, xlsx_cells::LevelHeader(track.levels[static_cast<size_t>(i)]),
               book.header_);
  }
  int row = 1;
  book.Write(ws, row, 0, "Summary", book.label_);
  for (int i = 0; i < ncols; ++i) {
    const model::Level& l = track.levels[static_cast<size_t>(i)];
    book.Write(ws, row, i + 1, xlsx_cells::LevelSummary(l),
               l.state == model::LevelState::kUndefined ? book.undefined_ : book.wrap_);
  }
  ++row;

  auto competency_row = [&](const model::Competency& c) {
    book.Write(ws, row, 0, c.DisplayName(), book.label_);
    for (int i = 0; i < ncols; ++i) {
      const model::Level& l = track.levels[static_cast<size_t>(i)];
      const model::Expectation* e = l.FindExpectation(c.id);
      if (l.state == model::LevelState::kUndefined || e) {
        bool grey = l.state != model::LevelState::kUndefined && e && e->undefined;
        book.Write(ws, row, i + 1, xlsx_cells::ExpectationCell(l, e),
                   grey ? book.undefined_ : book.wrap_);
      }
    }
    ++row;
  };
  std::set<std::string> placed;
  for (const model::CompetencyGroup& g : fw.groups) {
    book.Write(ws, row, 0, g.DisplayName(), book.pillar_);
    for (int i = 0; i < ncols; ++i) book.Write(ws, row, i + 1, "", book.pillar_);
    ++row;
    for (const std::string& id : g.competencies)
      if (const model::Competency* c = fw.FindCompetency(id); c && placed.insert(id).second)
        competency_row(*c);
  }
  for (const model::Competency& c : fw.competencies)
    if (placed.insert(c.id).second) competency_row(c);

  bool any_requirements =
      std::any_of(track.levels.begin(), track.levels.end(),
                  [](const model::Level& l) { return !l.requirements.empty(); });
  if (any_requirements) {
    book.Write(ws, row, 0, "Requirements", book.label_);
    for (int i = 0; i < ncols; ++i)
      book.Write(ws, row, i + 1, xlsx_cells::RequirementsCell(track.levels[static_cast<size_t>(i)]),
                 book.wrap_);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  if (ncols > 0) worksheet_set_column(ws, 1, static_cast<lxw_col_t>(ncols), 45, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

void RolesSheet(Book& book, const model::Framework& fw) {
  lxw_worksheet* ws = book.AddSheet("Roles");
  std::vector<std::string> families, seniorities;
  for (const model::RoleProfile& r : fw.roles) {
    if (std::find(families.begin(), families.end(), r.family) == families.end())
      families.push_back(r.family);
    if (std::find(seniorities.begin(), seniorities.end(), r.seniority) == seniorities.end())
      seniorities.push_back(r.seniority);
  }
  book.Write(ws, 0, 0, "Family", book.header_);
  for (size_t s = 0; s < seniorities.size(); ++s)
    book.Write(ws, 0, static_cast<int>(s) + 1, seniorities[s].empty() ? "(base)" : seniorities[s],
               book.header_);
  for (size_t f = 0; f < families.size(); ++f) {
    const int row = static_cast<int>(f) + 1;
    book.Write(ws, row, 0, families[f], book.label_);
    for (size_t s = 0; s < seniorities.size(); ++s) {
      std::vector<std::string> cells;
      for (const model::RoleProfile& r : fw.roles)
        if (r.family == families[f] && r.seniority == seniorities[s])
          cells.push_back(r.summary.empty() ? r.title : r.title + "\n" + r.summary);
      book.Write(ws, row, static_cast<int>(s) + 1, text::Join(cells, "\n\n"), book.wrap_);
    }
  }
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  if (!seniorities.empty())
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(seniorities.size()), 40, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

// The framework itself, as canonical YAML on a hidden sheet, one line per row after a "|" (a
// line longer than a cell holds continues in the next columns): reading the workbook back gives
// this framework with the edits made in the visible sheets (xlsx_roundtrip.h).
void FrameworkSheet(Book& book, const model::Framework& fw) {
  lxw_worksheet* ws = book.AddSheet(xlsx_cells::kFrameworkSheet);
  int row = 0;
  for (const std::string& yaml_line : text::SplitLines(WriteYaml(fw))) {
    // "|" first: an empty line is still a row (empty rows are not written to the file).
    std::string line = "|" + yaml_line;
    for (size_t at = 0, col = 0; at < line.size(); ++col) {
      size_t n = std::min(xlsx_cells::kMaxCellBytes, line.size() - at);
      while (at + n < line.size() && n > 1 &&
             (static_cast<unsigned char>(line[at + n]) & 0xC0) == 0x80)
        --n;
      worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                             line.substr(at, n).c_str(), nullptr);
      at += n;
    }
    ++row;
  }
  worksheet_hide(ws);
}

}  // namespace

std::string SheetName(std::string_view name, std::set<std::string>& used) {
  std::string clean;
  for (char c : text::CollapseSpace(name)) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    clean += c;
  }
  std::string_view trimmed = text::Trim(clean);
  while (!trimmed.empty() && trimmed.front() == '\'') trimmed.remove_prefix(1);
  while (!trimmed.empty() && trimmed.back() == '\'') trimmed.remove_suffix(1);
  std::vector<std::string> chars = CodePoints(text::Trim(trimmed));
  if (chars.empty()) chars = CodePoints("Sheet");
  if (text::IEquals(text::Join(chars, ""), "History")) chars = CodePoints("History (track)");
  for (int n = 1;; ++n) {
    std::string suffix = n == 1 ? "" : " (" + std::to_string(n) + ")";
    size_t keep = std::min(chars.size(), 31 - suffix.size());
    std::string candidate;
    for (size_t i = 0; i < keep; ++i) candidate += chars[i];
    // Excel also refuses an apostrophe at the end, which truncation may expose.
    while (!candidate.empty() && candidate.back() == '\'') candidate.pop_back();
    candidate = std::string(text::Trim(candidate)) + suffix;
    if (used.insert(text::ToLower(candidate)).second) return candidate;
  }
}

Status ExportXlsx(const model::Framework& framework, const std::string& path) {
  Book book(path);
  if (!book.ok())
    return MakeError(ErrorCode::kIo, "cannot create the workbook '" + path + "'",
                     SourceLocation{path, 0, 0});
  for (const model::Track& track : framework.tracks) TrackSheet(book, framework, track);
  if (!framework.roles.empty()) RolesSheet(book, framework);
  if (framework.tracks.empty() && framework.roles.empty()) {
    lxw_worksheet* ws = book.AddSheet(framework.DisplayName());
    book.Write(ws, 0, 0, framework.DisplayName(), book.header_);
    book.Write(ws, 1, 0, framework.description, book.wrap_);
  }
  FrameworkSheet(book, framework);
  return book.Close(path);
}

Status ExportXlsxTable(std::string_view sheet, const std::vector<std::vector<std::string>>& rows,
                       const std::string& path) {
  Book book(path);
  if (!book.ok())
    return MakeError(ErrorCode::kIo, "cannot create the workbook '" + path + "'",
                     SourceLocation{path, 0, 0});
  lxw_worksheet* ws = book.AddSheet(sheet);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      book.Write(ws, static_cast<int>(r), static_cast<int>(c), rows[r][c],
                 r == 0 ? book.header_ : nullptr);
  if (!rows.empty()) {
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, static_cast<lxw_col_t>(rows.front().size()), 16, nullptr);
  }
  return book.Close(path);
}

namespace {

// The bytes of the workbook `write` writes to the path it is given: a private temporary file,
// removed afterwards.
Result<std::string> WorkbookBytes(const std::function<Status(const std::string&)>& write) {
  std::string path = (std::filesystem::temp_directory_path() / "ladder-table-XXXXXX.xlsx").string();
  int fd = ::mkstemps(path.data(), 5);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot create a temporary file for the workbook");
  ::close(fd);
  Status written = write(path);
  std::string bytes;
  if (written) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written) return Fail(written.error());
  return bytes;
}

}  // namespace

Result<std::string> XlsxTableBytes(std::string_view sheet,
                                   const std::vector<std::vector<std::string>>& rows) {
  return WorkbookBytes([&](const std::string& path) { return ExportXlsxTable(sheet, rows, path); });
}

Result<std::string> XlsxBytes(const model::Framework& framework) {
  return WorkbookBytes([&](const std::string& path) { return ExportXlsx(framework, path); });
}

}  // namespace ladder::formats
