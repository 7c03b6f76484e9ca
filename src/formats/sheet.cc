#include "formats/sheet.h"

#include <algorithm>
#include <array>
#include <map>

#include "base/text.h"
#include "formats/sheet_internal.h"

namespace ladder::formats {

const std::string& Sheet::At(int row, int col) const {
  static const std::string kEmpty;
  if (row < 0 || col < 0 || row >= Height()) return kEmpty;
  const auto& r = rows[static_cast<size_t>(row)];
  return col < static_cast<int>(r.size()) ? r[static_cast<size_t>(col)] : kEmpty;
}

int Sheet::Width() const {
  size_t w = 0;
  for (const auto& r : rows) w = std::max(w, r.size());
  return static_cast<int>(w);
}

int Sheet::LineOf(int row) const {
  if (row >= 0 && row < static_cast<int>(lines.size())) return lines[static_cast<size_t>(row)];
  return row + 1;
}

const MergedRange* Sheet::MergeAt(int row, int col) const {
  for (const MergedRange& m : merges)
    if (m.row == row && m.col == col) return &m;
  return nullptr;
}

std::string ColumnName(int col) {
  std::string name;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), char('A' + (c - 1) % 26));
  return name;
}

std::string CellName(int row, int col) { return ColumnName(col) + std::to_string(row + 1); }

int ColumnIndex(std::string_view name) {
  if (name.empty() || name.size() > 3) return -1;
  int col = 0;
  for (char c : name) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (c < 'A' || c > 'Z') return -1;
    col = col * 26 + (c - 'A' + 1);
  }
  return col - 1;
}

namespace internal {

void SheetFiller::Set(int row, int col, std::string_view text, int line) {
  if (row < 0 || col < 0) return;
  if (row >= kMaxSheetRows) {
    if (!text.empty()) {
      if (first_skipped_row_ < 0) first_skipped_row_ = row;
      last_skipped_row_ = row;
    }
    return;
  }
  if (col >= kMaxSheetColumns) {
    if (!text.empty() && first_skipped_col_ < 0) first_skipped_col_ = col;
    return;
  }
  auto& rows = sheet_.rows;
  while (static_cast<int>(rows.size()) <= row) {
    rows.emplace_back();
    sheet_.lines.push_back(static_cast<int>(rows.size()));
  }
  sheet_.lines[static_cast<size_t>(row)] = line;
  if (text.empty()) return;
  auto& r = rows[static_cast<size_t>(row)];
  if (static_cast<int>(r.size()) <= col) r.resize(static_cast<size_t>(col) + 1);
  if (text.size() > kMaxCellBytes) {
    size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
    truncated_cell_ = true;
  }
  r[static_cast<size_t>(col)] = std::string(text);
}

void SheetFiller::Finish(std::vector<ImportWarning>& warnings) {
  auto& rows = sheet_.rows;
  while (!rows.empty() && std::all_of(rows.back().begin(), rows.back().end(),
                                      [](const std::string& s) { return text::Trim(s).empty(); })) {
    rows.pop_back();
    sheet_.lines.pop_back();
  }
  for (auto& r : rows)
    while (!r.empty() && r.back().empty()) r.pop_back();
  const std::string where = "sheet '" + sheet_.name + "'";
  if (first_skipped_row_ >= 0)
    warnings.push_back({SourceLocation{file_, 0, 0},
                        where + ": rows " + std::to_string(first_skipped_row_ + 1) + " to " +
                            std::to_string(last_skipped_row_ + 1) + " not read (a sheet keeps " +
                            std::to_string(kMaxSheetRows) + " rows at most)"});
  if (first_skipped_col_ >= 0)
    warnings.push_back(
        {SourceLocation{file_, 0, 0}, where + ": columns from " + ColumnName(first_skipped_col_) +
                                          " on not read (a sheet keeps " +
                                          std::to_string(kMaxSheetColumns) + " columns at most)"});
  if (truncated_cell_)
    warnings.push_back(
        {SourceLocation{file_, 0, 0},
         where + ": cells longer than " + std::to_string(kMaxCellBytes) + " bytes were cut short"});
}

}  // namespace internal

namespace {

struct Record {
  std::vector<std::string> cells;
  int line = 1;
};

// Splits delimited text into records. Returns the records read before an unclosed quote and
// sets *open_quote to its offset (npos when every quote closes). Stops after `max_records`.
std::vector<Record> Split(std::string_view text, char delimiter, size_t max_records,
                          size_t* open_quote) {
  std::vector<Record> records;
  Record current;
  std::string cell;
  int line = 1;
  bool at_cell_start = true;
  *open_quote = std::string_view::npos;
  auto end_cell = [&] {
    current.cells.push_back(std::move(cell));
    cell.clear();
    at_cell_start = true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (at_cell_start && c == '"') {
      size_t open = i;
      int open_line = line;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            ++i;
          } else {
            closed = true;
            break;
          }
        } else {
          if (text[i] == '\n') ++line;
          cell += text[i];
        }
      }
      if (!closed) {
        *open_quote = open;
        (void)open_line;
        return records;
      }
      at_cell_start = false;
      continue;
    }
    if (c == delimiter) {
      end_cell();
    } else if (c == '\n') {
      end_cell();
      records.push_back(std::move(current));
      current = Record{};
      ++line;
      current.line = line;
      if (records.size() >= max_records) return records;
    } else {
      cell += c;
      at_cell_start = false;
    }
  }
  if (!cell.empty() || !current.cells.empty() || !at_cell_start) {
    end_cell();
    records.push_back(std::move(current));
  }
  return records;
}

bool Blank(const Record& r) {
  return std::all_of(r.cells.begin(), r.cells.end(),
                     [](const std::string& s) { return text::Trim(s).empty(); });
}

}  // namespace

DelimiterGuess GuessDelimiter(std::string_view text) {
  DelimiterGuess best;
  for (char d : {'\t', ',', ';', '|'}) {
    size_t open = 0;
    std::vector<Record> records = Split(text, d, 60, &open);
    std::map<size_t, int> counts;
    int rows = 0;
    for (const Record& r : records) {
      if (Blank(r)) continue;
      ++rows;
      ++counts[r.cells.size()];
    }
    if (rows == 0) continue;
    auto mode = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (mode->first < 2) continue;
    int consistency = 100 * mode->second / rows;
    // A grid of more rows agreeing wins; equal agreement prefers more cells per row.
    if (consistency > best.consistency ||
        (consistency == best.consistency && static_cast<int>(mode->first) > best.cells)) {
      best = {d, consistency, static_cast<int>(mode->first), rows, open != std::string_view::npos};
    }
  }
  return best;
}

Result<Workbook> ReadDelimited(std::string_view text, const std::string& name, char delimiter) {
  if (delimiter == 0) delimiter = GuessDelimiter(text).delimiter;
  size_t open = 0;
  std::vector<Record> records = Split(text, delimiter, static_cast<size_t>(-1), &open);
  if (open != std::string_view::npos) {
    auto [line, column] = text::LineColumnOf(text, open);
    return MakeError(ErrorCode::kParse,
                     "a quoted cell starts here and its closing quote never comes; close it "
                     "(a quote inside a cell is written twice: \"\")",
                     SourceLocation{name, line, column});
  }
  Workbook book;
  Sheet sheet;
  std::string stem = name.substr(name.rfind('/') + 1);
  sheet.name = stem.substr(0, stem.rfind('.'));
  internal::SheetFiller filler(sheet, name);
  for (size_t r = 0; r < records.size(); ++r) {
    const Record& rec = records[r];
    filler.Set(static_cast<int>(r), 0, "", rec.line);
    for (size_t c = 0; c < rec.cells.size(); ++c)
      filler.Set(static_cast<int>(r), static_cast<int>(c), rec.cells[c], rec.line);
  }
  filler.Finish(book.warnings);
  book.sheets.push_back(std::move(sheet));
  return book;
}

}  // namespace ladder::formats
