// ReadOds: content.xml of an OpenDocument spreadsheet, parsed as a stream of XML events.
// Repeated rows and cells (table:number-rows-repeated="1048000" for the empty rest of a sheet)
// are expanded only while they hold text and within the limits of sheet.h; spanned cells
// become merged ranges; paragraphs of a cell are its lines; annotations are not cell text.
#include <algorithm>
#include <cstdlib>
#include <memory>

#include "base/text.h"
#include "formats/sheet.h"
#include "formats/sheet_internal.h"
#include "formats/xml_sax.h"
#include "formats/zip_archive.h"

namespace ladder::formats {
namespace {

int Count(const std::vector<XmlAttribute>& attrs, std::string_view name) {
  const std::string* v = FindAttribute(attrs, name);
  if (!v) return 1;
  long n = std::strtol(v->c_str(), nullptr, 10);
  return n < 1 ? 1 : n > 10'000'000 ? 10'000'000 : static_cast<int>(n);
}

class ContentHandler : public XmlHandler {
 public:
  ContentHandler(Workbook& book, std::string file) : book_(book), file_(std::move(file)) {}
  bool too_many_sheets = false;

  bool Start(std::string_view name, const std::vector<XmlAttribute>& attrs) override {
    if (annotation_ > 0) {
      if (name == "annotation") ++annotation_;
      return true;
    }
    if (name == "table") {
      if (book_.sheets.size() >= kMaxSheets) {
        too_many_sheets = true;
        return false;
      }
      book_.sheets.emplace_back();
      Sheet& sheet = book_.sheets.back();
      const std::string* n = FindAttribute(attrs, "name");
      sheet.name = n ? *n : "Sheet" + std::to_string(book_.sheets.size());
      filler_ = std::make_unique<internal::SheetFiller>(sheet, file_);
      row_ = -1;
    } else if (name == "table-row" && filler_) {
      ++row_;
      row_repeat_ = Count(attrs, "number-rows-repeated");
      col_ = 0;
      row_cells_.clear();
    } else if ((name == "table-cell" || name == "covered-table-cell") && filler_) {
      cell_repeat_ = Count(attrs, "number-columns-repeated");
      cell_.clear();
      in_cell_ = true;
      paragraphs_ = 0;
      if (name == "table-cell") {
        int cols = Count(attrs, "number-columns-spanned");
        int rows = Count(attrs, "number-rows-spanned");
        if ((cols > 1 || rows > 1) && row_ < kMaxSheetRows && col_ < kMaxSheetColumns &&
            book_.sheets.back().merges.size() < 100'000)
          book_.sheets.back().merges.push_back({row_, col_, rows, cols});
        // A cell with a value but no paragraph (a number cell saved without display text).
        if (const std::string* v = FindAttribute(attrs, "value"))
          value_ = *v;
        else if (const std::string* b = FindAttribute(attrs, "boolean-value"))
          value_ = *b;
        else if (const std::string* d = FindAttribute(attrs, "date-value"))
          value_ = *d;
        else
          value_.clear();
        if (FindAttribute(attrs, "formula")) ++formulas_;
      } else {
        value_.clear();
      }
    } else if (name == "p" && in_cell_) {
      if (paragraphs_++ > 0) cell_ += '\n';
    } else if (name == "s" && in_cell_) {
      cell_.append(static_cast<size_t>(std::min(Count(attrs, "c"), 1000)), ' ');
    } else if (name == "tab" && in_cell_) {
      cell_ += '\t';
    } else if (name == "line-break" && in_cell_) {
      cell_ += '\n';
    } else if (name == "annotation") {
      ++annotation_;
    }
    return true;
  }

  bool End(std::string_view name) override {
    if (annotation_ > 0) {
      if (name == "annotation") --annotation_;
      return true;
    }
    if ((name == "table-cell" || name == "covered-table-cell") && in_cell_) {
      in_cell_ = false;
      std::string text = paragraphs_ > 0 ? cell_ : value_;
      if (text::Trim(text).empty()) {
        col_ += cell_repeat_;
      } else {
        for (int i = 0; i < cell_repeat_ && col_ < kMaxSheetColumns + 1; ++i)
          row_cells_.push_back({col_++, text});
      }
    } else if (name == "table-row" && filler_) {
      if (row_cells_.empty()) {
        row_ += row_repeat_ - 1;  // empty rows, however many, cost nothing
      } else {
        for (int i = 0; i < row_repeat_; ++i) {
          if (i > 0) ++row_;
          if (filler_->RowPastLimit(row_)) {
            filler_->Set(row_, 0, row_cells_.front().second, row_ + 1);  // counted as skipped
            row_ += row_repeat_ - 1 - i;
            break;
          }
          filler_->Set(row_, 0, "", row_ + 1);
          for (const auto& [col, text] : row_cells_) filler_->Set(row_, col, text, row_ + 1);
        }
      }
    } else if (name == "table" && filler_) {
      filler_->Finish(book_.warnings);
      if (formulas_ > 0)
        book_.warnings.push_back(
            {SourceLocation{file_, 0, 0},
             "sheet '" + book_.sheets.back().name + "': " + std::to_string(formulas_) +
                 " cell(s) hold formulas; the values the spreadsheet saved with them were read, "
                 "the formulas themselves are not imported"});
      formulas_ = 0;
      filler_.reset();
    }
    return true;
  }

  bool Text(std::string_view text) override {
    if (in_cell_ && annotation_ == 0 && paragraphs_ > 0 && cell_.size() < kMaxCellBytes)
      cell_.append(text);
    return true;
  }

 private:
  Workbook& book_;
  std::string file_;
  std::unique_ptr<internal::SheetFiller> filler_;
  int row_ = -1;
  int col_ = 0;
  int row_repeat_ = 1;
  int cell_repeat_ = 1;
  bool in_cell_ = false;
  int paragraphs_ = 0;
  int annotation_ = 0;
  int formulas_ = 0;
  std::string cell_;
  std::string value_;
  std::vector<std::pair<int, std::string>> row_cells_;
};

}  // namespace

Result<Workbook> ReadOds(std::string_view bytes, const std::string& name) {
  LADDER_TRY(ZipArchive zip, ZipArchive::Open(bytes, name));
  if (!zip.Has("content.xml"))
    return MakeError(ErrorCode::kParse,
                     "a ZIP archive without content.xml is not an OpenDocument spreadsheet",
                     SourceLocation{name, 0, 0});
  if (zip.Has("META-INF/manifest.xml")) {
    LADDER_TRY(std::string manifest, zip.ReadAll("META-INF/manifest.xml"));
    if (manifest.find("encryption-data") != std::string::npos)
      return MakeError(ErrorCode::kInvalidArgument,
                       "the spreadsheet is password-protected (its content is encrypted): save a "
                       "copy without a password and import that",
                       SourceLocation{name, 0, 0});
  }
  Workbook book;
  ContentHandler handler(book, name);
  XmlPushParser parser(handler, "content.xml");
  LADDER_TRY_STATUS(
      zip.Read("content.xml", [&](std::string_view chunk) { return parser.Feed(chunk); }));
  if (handler.too_many_sheets)
    return MakeError(ErrorCode::kResourceExhausted,
                     "the spreadsheet has more than " + std::to_string(kMaxSheets) + " sheets",
                     SourceLocation{name, 0, 0});
  if (!parser.Stopped()) {
    Status done = parser.Finish();
    if (!done) {
      Error e = done.error();
      e.where = SourceLocation{name, 0, 0};
      return Fail(std::move(e));
    }
  }
  if (book.sheets.empty())
    return MakeError(ErrorCode::kParse, "the spreadsheet has no sheet to read",
                     SourceLocation{name, 0, 0});
  return book;
}

}  // namespace ladder::formats
