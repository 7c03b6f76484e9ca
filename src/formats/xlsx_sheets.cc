// ReadXlsx: the workbook's parts (workbook.xml for sheet names and order, its relationships for
// each sheet's part, sharedStrings.xml, each worksheet) read from the archive and parsed as a
// stream of XML events, so memory follows the cells kept, not the size of the file.
#include <cctype>
#include <cstdlib>
#include <map>

#include "base/text.h"
#include "formats/sheet.h"
#include "formats/sheet_internal.h"
#include "formats/xml_sax.h"
#include "formats/zip_archive.h"

namespace ladder::formats {
namespace {

// At most this many shared strings (each at most kMaxCellBytes): a workbook of a framework holds
// a few thousand.
constexpr size_t kMaxSharedStrings = 1'000'000;

struct SheetRef {
  std::string name;
  std::string rel_id;
  bool hidden = false;
};

// xl/workbook.xml: <sheet name="IC" sheetId="1" state="hidden" r:id="rId1"/>
class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetRef> sheets;
  bool Start(std::string_view name, const std::vector<XmlAttribute>& attrs) override {
    if (name != "sheet") return true;
    SheetRef ref;
    if (const std::string* v = FindAttribute(attrs, "name")) ref.name = *v;
    if (const std::string* v = FindAttribute(attrs, "id")) ref.rel_id = *v;
    if (const std::string* v = FindAttribute(attrs, "state")) ref.hidden = *v != "visible";
    sheets.push_back(std::move(ref));
    return sheets.size() <= kMaxSheets;
  }
  bool End(std::string_view) override { return true; }
  bool Text(std::string_view) override { return true; }
};

// xl/_rels/workbook.xml.rels: <Relationship Id="rId1" Target="worksheets/sheet1.xml"/>
class RelsHandler : public XmlHandler {
 public:
  std::map<std::string, std::string> targets;
  bool Start(std::string_view name, const std::vector<XmlAttribute>& attrs) override {
    if (name != "Relationship") return true;
    const std::string* id = FindAttribute(attrs, "Id");
    const std::string* target = FindAttribute(attrs, "Target");
    if (id && target) targets[*id] = *target;
    return targets.size() <= 4 * kMaxSheets;
  }
  bool End(std::string_view) override { return true; }
  bool Text(std::string_view) override { return true; }
};

// xl/sharedStrings.xml: <si><t>a</t></si> or rich text <si><r><t>a</t></r>...</si>; phonetic
// runs (<rPh>) are not text.
class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;
  bool too_many = false;
  bool Start(std::string_view name, const std::vector<XmlAttribute>&) override {
    if (name == "si") {
      current_.clear();
    } else if (name == "t" && phonetic_ == 0) {
      in_t_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    }
    return true;
  }
  bool End(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "si") {
      if (strings.size() >= kMaxSharedStrings) {
        too_many = true;
        return false;
      }
      strings.push_back(std::move(current_));
      current_.clear();
    }
    return true;
  }
  bool Text(std::string_view text) override {
    if (in_t_ && current_.size() < kMaxCellBytes) current_.append(text);
    return true;
  }

 private:
  std::string current_;
  bool in_t_ = false;
  int phonetic_ = 0;
};

// "B12" -> {11, 1}; {-1, -1} when malformed.
std::pair<int, int> ParseRef(std::string_view ref) {
  size_t letters = 0;
  while (letters < ref.size() && std::isalpha(static_cast<unsigned char>(ref[letters]))) ++letters;
  int col = ColumnIndex(ref.substr(0, letters));
  std::string_view digits = ref.substr(letters);
  if (col < 0 || digits.empty() || digits.size() > 7) return {-1, -1};
  int row = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return {-1, -1};
    row = row * 10 + (c - '0');
  }
  return {row - 1, col};
}

// A worksheet: <sheetData><row r="2"><c r="B2" t="s"><f>..</f><v>3</v></c>...; inline strings
// <c t="inlineStr"><is><t>..</t></is></c>; <mergeCells><mergeCell ref="A1:C1"/>.
class WorksheetHandler : public XmlHandler {
 public:
  WorksheetHandler(Sheet& sheet, const std::vector<std::string>& shared, std::string file)
      : sheet_(sheet), shared_(shared), filler_(sheet, std::move(file)) {}

  int formulas = 0;
  std::vector<std::string> formulas_without_value;
  std::vector<std::string> errors;  // cells holding an error value (#N/A, #REF!)
  internal::SheetFiller& filler() { return filler_; }

  bool Start(std::string_view name, const std::vector<XmlAttribute>& attrs) override {
    if (name == "row") {
      const std::string* r = FindAttribute(attrs, "r");
      row_ = r ? std::atoi(r->c_str()) - 1 : row_ + 1;
      col_ = -1;
      filler_.Set(row_, 0, "", row_ + 1);
    } else if (name == "c") {
      const std::string* r = FindAttribute(attrs, "r");
      if (r) {
        auto [row, col] = ParseRef(*r);
        if (row >= 0) row_ = row;
        col_ = col >= 0 ? col : col_ + 1;
      } else {
        ++col_;
      }
      const std::string* t = FindAttribute(attrs, "t");
      type_ = t ? *t : "n";
      value_.clear();
      in_value_ = in_inline_ = formula_ = false;
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "f") {
      formula_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "t" && in_inline_) {
      in_value_ = true;
    } else if (name == "mergeCell") {
      if (const std::string* ref = FindAttribute(attrs, "ref")) AddMerge(*ref);
    }
    return true;
  }

  bool End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c") {
      CellDone();
    }
    return true;
  }

  bool Text(std::string_view text) override {
    if (in_value_ && value_.size() < kMaxCellBytes) value_.append(text);
    return true;
  }

 private:
  void CellDone() {
    if (row_ < 0 || col_ < 0) return;
    std::string text;
    if (type_ == "s") {
      size_t index = static_cast<size_t>(std::strtoul(value_.c_str(), nullptr, 10));
      if (!value_.empty() && index < shared_.size()) text = shared_[index];
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else if (type_ == "e") {
      if (!value_.empty()) errors.push_back(CellName(row_, col_) + " (" + value_ + ")");
    } else {
      text = value_;  // n, str, inlineStr, d: as written
    }
    if (formula_) {
      ++formulas;
      if (value_.empty()) formulas_without_value.push_back(CellName(row_, col_));
    }
    filler_.Set(row_, col_, text, row_ + 1);
  }

  void AddMerge(std::string_view ref) {
    size_t colon = ref.find(':');
    if (colon == std::string_view::npos) return;
    auto [r1, c1] = ParseRef(ref.substr(0, colon));
    auto [r2, c2] = ParseRef(ref.substr(colon + 1));
    if (r1 < 0 || r2 < r1 || c2 < c1 || sheet_.merges.size() > 100'000) return;
    sheet_.merges.push_back({r1, c1, r2 - r1 + 1, c2 - c1 + 1});
  }

  Sheet& sheet_;
  const std::vector<std::string>& shared_;
  internal::SheetFiller filler_;
  int row_ = -1;
  int col_ = -1;
  std::string type_;
  std::string value_;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool formula_ = false;
};

std::string PartPath(const std::string& target) {
  if (target.starts_with("/")) return target.substr(1);
  std::string path = "xl/" + target;
  // "xl/../x" is not a workbook layout anyone writes, but resolve "./" and "../" anyway.
  std::vector<std::string> parts;
  for (const std::string& p : text::Split(path, '/')) {
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!p.empty() && p != ".") {
      parts.push_back(p);
    }
  }
  return text::Join(parts, "/");
}

Status Parse(ZipArchive& zip, const std::string& entry, XmlHandler& handler,
             const std::string& file) {
  XmlPushParser parser(handler, entry);
  LADDER_TRY_STATUS(zip.Read(entry, [&](std::string_view chunk) { return parser.Feed(chunk); }));
  if (parser.Stopped()) return Ok();
  Status done = parser.Finish();
  if (!done) {
    Error e = done.error();
    e.where = SourceLocation{file, 0, 0};
    return Fail(std::move(e));
  }
  return Ok();
}

Status ReadSheet(ZipArchive& zip, const std::string& part, const std::vector<std::string>& shared,
                 const std::string& file, Sheet& sheet, std::vector<ImportWarning>& warnings) {
  WorksheetHandler handler(sheet, shared, file);
  LADDER_TRY_STATUS(Parse(zip, part, handler, file));
  handler.filler().Finish(warnings);
  const std::string where = "sheet '" + sheet.name + "'";
  if (handler.formulas > 0)
    warnings.push_back({SourceLocation{file, 0, 0},
                        where + ": " + std::to_string(handler.formulas) +
                            " cell(s) hold formulas; the values the spreadsheet saved with them "
                            "were read, the formulas themselves are not imported"});
  if (!handler.formulas_without_value.empty())
    warnings.push_back(
        {SourceLocation{file, 0, 0},
         where + ": formulas without a saved value read as empty cells: " +
             text::Join(handler.formulas_without_value.size() > 10
                            ? std::vector<std::string>(handler.formulas_without_value.begin(),
                                                       handler.formulas_without_value.begin() + 10)
                            : handler.formulas_without_value,
                        ", ") +
             " (open and save the workbook in a spreadsheet to store their values)"});
  if (!handler.errors.empty())
    warnings.push_back({SourceLocation{file, 0, 0},
                        where + ": cells holding errors read as empty: " +
                            text::Join(handler.errors.size() > 10
                                           ? std::vector<std::string>(handler.errors.begin(),
                                                                      handler.errors.begin() + 10)
                                           : handler.errors,
                                       ", ")});
  return Ok();
}

}  // namespace

Result<Workbook> ReadXlsx(std::string_view bytes, const std::string& name) {
  if (LooksLikeOleCompound(bytes))
    return MakeError(ErrorCode::kInvalidArgument,
                     "this workbook is password-protected or in the old .xls format; save a copy "
                     "as .xlsx without a password and import that",
                     SourceLocation{name, 0, 0});
  LADDER_TRY(ZipArchive zip, ZipArchive::Open(bytes, name));
  if (!zip.Has("xl/workbook.xml"))
    return MakeError(ErrorCode::kParse,
                     "a ZIP archive without xl/workbook.xml is not an XLSX workbook",
                     SourceLocation{name, 0, 0});
  WorkbookHandler workbook;
  LADDER_TRY_STATUS(Parse(zip, "xl/workbook.xml", workbook, name));
  if (workbook.sheets.size() > kMaxSheets)
    return MakeError(ErrorCode::kResourceExhausted,
                     "the workbook has more than " + std::to_string(kMaxSheets) + " sheets",
                     SourceLocation{name, 0, 0});
  RelsHandler rels;
  if (zip.Has("xl/_rels/workbook.xml.rels"))
    LADDER_TRY_STATUS(Parse(zip, "xl/_rels/workbook.xml.rels", rels, name));
  SharedStringsHandler shared;
  if (zip.Has("xl/sharedStrings.xml")) {
    LADDER_TRY_STATUS(Parse(zip, "xl/sharedStrings.xml", shared, name));
    if (shared.too_many)
      return MakeError(ErrorCode::kResourceExhausted,
                       "the workbook holds more than " + std::to_string(kMaxSharedStrings) +
                           " distinct texts; a framework holds far fewer",
                       SourceLocation{name, 0, 0});
  }
  Workbook book;
  for (size_t i = 0; i < workbook.sheets.size(); ++i) {
    const SheetRef& ref = workbook.sheets[i];
    std::string part;
    if (auto it = rels.targets.find(ref.rel_id); it != rels.targets.end())
      part = PartPath(it->second);
    else
      part = "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
    if (!zip.Has(part)) continue;  // a chart sheet or a missing part: nothing to read
    Sheet sheet;
    sheet.name = ref.name.empty() ? "Sheet" + std::to_string(i + 1) : ref.name;
    sheet.hidden = ref.hidden;
    LADDER_TRY_STATUS(ReadSheet(zip, part, shared.strings, name, sheet, book.warnings));
    book.sheets.push_back(std::move(sheet));
  }
  if (book.sheets.empty())
    return MakeError(ErrorCode::kParse, "the workbook has no worksheet to read",
                     SourceLocation{name, 0, 0});
  return book;
}

}  // namespace ladder::formats
