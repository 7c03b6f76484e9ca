#include "app/csv.h"

#include "base/text.h"

namespace ladder::app {
namespace {

// Reads UTF-8 CSV text one character at a time: the rows read so far and the field and row
// being read. One parser reads one text once.
class CsvParser {
 public:
  CsvParser(std::string_view text, std::string_view file_name)
      : text_(text), file_name_(file_name) {
    row_.line = 1;
  }

  Result<std::vector<CsvRow>> Parse() {
    for (i_ = 0; i_ < text_.size(); ++i_) {
      char c = text_[i_];
      // A NUL would cut the text short wherever it goes next (databases, C strings).
      if (c == '\0') return Fail("a NUL byte (U+0000) is not text; remove it");
      if (in_quotes_) {
        QuotedChar(c);
      } else {
        LADDER_TRY_STATUS(UnquotedChar(c));
      }
      ++column_;
    }
    if (in_quotes_)
      return MakeError(ErrorCode::kParse, "a quoted field is not closed before the end of the file",
                       SourceLocation{std::string(file_name_), row_.line, 0});
    if (row_has_content_ || !field_.empty()) EndRow();
    return std::move(rows_);
  }

 private:
  // A character inside quotes: a doubled quote is one quote, a single one closes the quotes.
  void QuotedChar(char c) {
    if (c == '"') {
      if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
        field_ += '"';
        ++i_;
        ++column_;
      } else {
        in_quotes_ = false;
      }
      return;
    }
    field_ += c;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    }
  }

  // A character outside quotes: a quote opens a field, a comma ends one, a newline (or CRLF)
  // ends the row, any other character is part of the field.
  Status UnquotedChar(char c) {
    if (c == '"') {
      if (!field_.empty() || quoted_)
        return Fail(
            "a quote inside an unquoted field; quote the whole field and write \"\" for a quote");
      in_quotes_ = quoted_ = row_has_content_ = true;
    } else if (c == ',') {
      EndField();
      row_has_content_ = true;
    } else if (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') {
      // CRLF: the LF ends the row.
    } else if (c == '\n') {
      EndRow();
      ++line_;
      column_ = 0;
      row_.line = line_;
    } else {
      if (quoted_) return Fail("text after the closing quote of a field");
      field_ += c;
      row_has_content_ = true;
    }
    return Ok();
  }

  void EndField() {
    row_.fields.push_back(std::move(field_));
    field_.clear();
    quoted_ = false;
  }

  // Ends the field and the row; a row with nothing in it (not even a comma) is left out.
  void EndRow() {
    EndField();
    bool blank = row_.fields.size() == 1 && row_.fields[0].empty() && !row_has_content_;
    if (!blank) rows_.push_back(std::move(row_));
    row_ = CsvRow{};
    row_has_content_ = false;
  }

  std::unexpected<Error> Fail(std::string message) const {
    return MakeError(ErrorCode::kParse, std::move(message),
                     SourceLocation{std::string(file_name_), line_, column_});
  }

  std::string_view text_;
  std::string_view file_name_;
  size_t i_ = 0;  // the character being read
  std::vector<CsvRow> rows_;
  CsvRow row_;
  std::string field_;
  int line_ = 1;
  int column_ = 1;
  bool in_quotes_ = false;
  bool quoted_ = false;  // the current field was quoted (only a separator may follow the quote)
  bool row_has_content_ = false;
};

}  // namespace

Result<std::vector<CsvRow>> ReadCsv(std::string_view text, std::string_view file_name) {
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    auto [line, col] = text::LineColumnOf(text, bad);
    return MakeError(ErrorCode::kParse, "the file is not valid UTF-8 text",
                     SourceLocation{std::string(file_name), line, col});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return CsvParser(text, file_name).Parse();
}

}  // namespace ladder::app
