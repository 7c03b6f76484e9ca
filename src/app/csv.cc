#include "app/csv.h"

#include "base/text.h"

namespace ladder::app {

Result<std::vector<CsvRow>> ReadCsv(std::string_view text, std::string_view file_name) {
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    auto [line, col] = text::LineColumnOf(text, bad);
    return MakeError(ErrorCode::kParse, "the file is not valid UTF-8 text",
                     SourceLocation{std::string(file_name), line, col});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  int column = 1;
  bool in_quotes = false;
  bool quoted = false;  // the current field was quoted (only a separator may follow the quote)
  bool row_has_content = false;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.fields.size() == 1 && row.fields[0].empty() && !row_has_content;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row_has_content = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // A NUL would cut the text short wherever it goes next (databases, C strings).
    if (c == '\0')
      return MakeError(ErrorCode::kParse, "a NUL byte (U+0000) is not text; remove it",
                       SourceLocation{std::string(file_name), line, column});
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
          ++column;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
        if (c == '\n') {
          ++line;
          column = 0;
        }
      }
      ++column;
      continue;
    }
    if (c == '"') {
      if (!field.empty() || quoted)
        return MakeError(
            ErrorCode::kParse,
            "a quote inside an unquoted field; quote the whole field and write \"\" for a quote",
            SourceLocation{std::string(file_name), line, column});
      in_quotes = quoted = row_has_content = true;
    } else if (c == ',') {
      end_field();
      row_has_content = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF: the LF ends the row.
    } else if (c == '\n') {
      end_row();
      ++line;
      column = 0;
      row.line = line;
    } else {
      if (quoted)
        return MakeError(ErrorCode::kParse, "text after the closing quote of a field",
                         SourceLocation{std::string(file_name), line, column});
      field += c;
      row_has_content = true;
    }
    ++column;
  }
  if (in_quotes)
    return MakeError(ErrorCode::kParse, "a quoted field is not closed before the end of the file",
                     SourceLocation{std::string(file_name), row.line, 0});
  if (row_has_content || !field.empty()) end_row();
  return rows;
}

}  // namespace ladder::app
