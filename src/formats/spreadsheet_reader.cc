#include "formats/spreadsheet_reader.h"

#include <functional>

#include "base/text.h"
#include "formats/sheet.h"
#include "formats/sheet_matrix.h"
#include "formats/xlsx_roundtrip.h"
#include "formats/zip_archive.h"

namespace ladder::formats {
namespace {

using ReadBook = std::function<Result<Workbook>(const Document&)>;

// Reads the workbook's matrices with `maps` (guessed where a sheet has none).
Result<Imported> ImportBook(Workbook book, const Document& doc, const std::vector<SheetMap>& maps,
                            std::string_view format) {
  Imported out;
  out.warnings = std::move(book.warnings);
  matrix::Matrix m;
  LADDER_TRY_STATUS(ReadSheets(book, maps, doc.name, m, out.source, out.warnings));
  if (m.LevelCount() == 0 && m.notes.empty())
    return MakeError(ErrorCode::kParse, "no sheet holds text to import",
                     SourceLocation{doc.name, 0, 0});
  if (m.LevelCount() == 0)
    out.warnings.push_back({SourceLocation{doc.name, 0, 0},
                            "no sheet holds a matrix of levels (a row or column naming levels "
                            "such as IC1, Junior, Expert); the text is kept as notes. Say where "
                            "the levels are with --map (ladder import FILE --suggest-map)"});
  out.framework = matrix::Build(std::move(m), doc.name);
  out.framework.source = {doc.name, std::string(format)};
  ImportMap used;
  used.sheets = GuessSheetMaps(book);
  for (SheetMap& s : used.sheets)
    for (const SheetMap& g : maps)
      if (g.sheet == s.sheet) s = g;
  out.map = std::move(used);
  return out;
}

class SpreadsheetReader : public Reader {
 public:
  SpreadsheetReader(std::string name, std::function<int(std::string_view)> detect, ReadBook read)
      : name_(std::move(name)), detect_(std::move(detect)), read_(std::move(read)) {}

  std::string_view Name() const override { return name_; }
  int Detect(std::string_view text) const override { return detect_(text); }

  Result<Imported> Read(const Document& document) const override {
    LADDER_TRY(Workbook book, read_(document));
    if (std::optional<model::Framework> own = LadderWorkbookFramework(book, document.name)) {
      Imported out;
      LADDER_TRY(out.framework, ApplyWorkbookEdits(std::move(*own), book, document.name, out.source,
                                                   out.warnings));
      return out;
    }
    return ImportBook(std::move(book), document, {}, name_);
  }

  Result<Imported> ReadMapped(const Document& document, const ImportMap& map) const override {
    if (map.sheets.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "the map has no `sheets:`; a spreadsheet is mapped sheet by sheet", {},
                       "--map");
    LADDER_TRY(Workbook book, read_(document));
    DropLadderSheet(book);
    return ImportBook(std::move(book), document, map.sheets, name_);
  }

  Result<ImportMap> GuessMap(const Document& document) const override {
    LADDER_TRY(Workbook book, read_(document));
    DropLadderSheet(book);
    ImportMap map;
    map.sheets = GuessSheetMaps(book);
    return map;
  }

 private:
  std::string name_;
  std::function<int(std::string_view)> detect_;
  ReadBook read_;
};

// The central directory of a ZIP archive names its entries in clear: enough to tell an XLSX
// workbook from an ODS spreadsheet (or from any other archive) without opening it.
bool Names(std::string_view bytes, std::string_view entry) {
  return bytes.find(entry) != std::string_view::npos;
}

// A Markdown pipe table: rows framed by '|' and a "|---|" separator row.
bool IsMarkdownTable(std::string_view text) {
  for (const std::string& raw : text::SplitLines(text.substr(0, 64 * 1024))) {
    std::string_view line = text::Trim(raw);
    if (line.size() < 3 || line.find("---") == std::string_view::npos) continue;
    if (line.find_first_not_of("|-: ") == std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<Reader> MakeXlsxReader() {
  return std::make_unique<SpreadsheetReader>(
      "xlsx",
      [](std::string_view bytes) {
        if (LooksLikeOleCompound(bytes)) return 60;  // read, to say it is encrypted or legacy
        if (!LooksLikeZip(bytes)) return 0;
        // Another archive (or a workbook cut short): read, to say what it is not.
        return Names(bytes, "xl/workbook.xml") ? 95 : 40;
      },
      [](const Document& d) { return ReadXlsx(d.text, d.name); });
}

std::unique_ptr<Reader> MakeOdsReader() {
  return std::make_unique<SpreadsheetReader>(
      "ods",
      [](std::string_view bytes) {
        return LooksLikeZip(bytes) &&
                       Names(bytes.substr(0, 256), "application/vnd.oasis.opendocument.spreadsheet")
                   ? 95
                   : 0;
      },
      [](const Document& d) { return ReadOds(d.text, d.name); });
}

std::unique_ptr<Reader> MakeCsvReader() {
  return std::make_unique<SpreadsheetReader>(
      "csv",
      [](std::string_view text) {
        if (LooksLikeZip(text) || LooksLikeOleCompound(text)) return 0;
        DelimiterGuess g = GuessDelimiter(text.substr(0, 64 * 1024));
        // "| Level | Delivery |" over "|---|---|" is a Markdown table, not pipe-separated data.
        if (g.delimiter == '|' && IsMarkdownTable(text)) return 0;
        // A grid cut short by a quote that never closes: read, to say where the quote opens.
        if (g.open_quote && g.cells >= 2 && g.consistency >= 80) return 35;
        if (g.rows < 2 || g.cells < 2 || g.consistency < 80) return 0;
        // A grid of three or more columns is a table; two columns could be "key: value"
        // prose split on commas.
        return g.cells >= 3 ? 45 + g.consistency / 5 : 25 + g.consistency / 10;
      },
      [](const Document& d) { return ReadDelimited(d.text, d.name); });
}

}  // namespace ladder::formats
