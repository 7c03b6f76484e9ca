#include "formats/import.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/metrics.h"
#include "base/text.h"
#include "formats/competency_list_reader.h"
#include "formats/coverage.h"
#include "formats/data_reader.h"
#include "formats/encoding.h"
#include "formats/html_table_reader.h"
#include "formats/ladder_markdown_reader.h"
#include "formats/latex_table_reader.h"
#include "formats/level_pages_reader.h"
#include "formats/levels_table_reader.h"
#include "formats/markdown_ladder_reader.h"
#include "formats/monzo_yaml_reader.h"
#include "formats/plain_text_reader.h"
#include "formats/role_catalog_reader.h"
#include "formats/spreadsheet_reader.h"
#include "formats/zip_archive.h"

namespace ladder::formats {
namespace {

// Documents read together as one framework must be of one format: `name` looks like
// `format` while `first` looks like `first_format`.
Error MixedFormats(const std::string& name, std::string_view format, const std::string& first,
                   std::string_view first_format) {
  return Error{ErrorCode::kInvalidArgument,
               "looks like " + std::string(format) + " while " + first + " looks like " +
                   std::string(first_format) +
                   "; documents read together are one framework and must be of one format "
                   "(--each reads each input as its own framework; --from forces one format)",
               SourceLocation{name, 0, 0},
               {}};
}

// The registry. To add a reader: include its header above and add one line here. Order
// matters only when two readers give the same detection score (the first wins), so put the
// more specific families first. A plain list (rather than static registration objects) keeps
// every reader linked in from the static library.
std::vector<std::unique_ptr<Reader>> MakeReaders() {
  std::vector<std::unique_ptr<Reader>> readers;
  readers.push_back(MakeLadderMarkdownReader());
  readers.push_back(MakeMonzoYamlReader());
  readers.push_back(MakeRoleCatalogReader());
  readers.push_back(MakeLevelPagesReader());
  readers.push_back(MakeLevelsTableReader());
  readers.push_back(MakeHtmlTableReader());
  readers.push_back(MakeLatexTableReader());
  readers.push_back(MakeMarkdownLadderReader());
  readers.push_back(MakePlainTextReader());
  readers.push_back(MakeCompetencyListReader());
  readers.push_back(MakeXlsxReader());
  readers.push_back(MakeOdsReader());
  readers.push_back(MakeCsvReader());
  readers.push_back(MakeDataReader());
  return readers;
}

// Below this score a document is not recognised and --from is needed.
constexpr int kMinDetectScore = 30;
// From this score a document declares its family: when its reader fails, that error stands.
constexpr int kCertainScore = 95;

std::string ReaderNames() {
  std::vector<std::string> names;
  for (const auto& r : Readers()) names.emplace_back(r->Name());
  return text::Join(names, ", ");
}

struct Detection {
  const Reader* reader = nullptr;
  int score = 0;
};

std::string SourceFile(const std::vector<Document>& documents) {
  if (documents.size() == 1) return documents[0].name;
  // Several documents: their common directory, when they share one.
  std::string dir = documents[0].name.substr(0, documents[0].name.rfind('/') + 1);
  for (const Document& d : documents) {
    if (!d.name.starts_with(dir) || d.name.find('/', dir.size()) != std::string::npos) {
      return documents[0].name;
    }
  }
  return dir.empty() ? documents[0].name : dir.substr(0, dir.size() - 1);
}

// True when `text` is a framework in Ladder's own canonical format (docs/format.md): YAML with
// top-level `ladder: N` and `framework:` keys, or the same as a JSON object.
bool IsCanonical(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), 64 * 1024));
  std::string_view trimmed = text::Trim(head);
  if (trimmed.starts_with("{")) {
    return head.find("\"ladder\"") != std::string_view::npos &&
           head.find("\"framework\"") != std::string_view::npos;
  }
  bool version = false;
  bool framework = false;
  size_t pos = 0;
  for (int lines = 0; pos < head.size() && lines < 2000; ++lines) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("ladder:")) {
      std::string_view value = text::Trim(line.substr(7));
      version = !value.empty() && std::isdigit(static_cast<unsigned char>(value[0]));
    }
    if (line.starts_with("framework:")) framework = true;
  }
  return version && framework;
}

// The line of an HTML tag the document ends inside ("...<td class=" cut short), or 0.
int TruncatedTagLine(std::string_view text) {
  size_t open = text.rfind('<');
  if (open == std::string_view::npos || open + 1 >= text.size()) return 0;
  unsigned char next = static_cast<unsigned char>(text[open + 1]);
  if (!std::isalpha(next) && next != '/' && next != '!') return 0;
  if (text.find('>', open) != std::string_view::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + open, '\n'));
}

Result<Imported> ReadWith(const Reader& reader, const std::vector<Document>& documents) {
  return documents.size() == 1 ? reader.Read(documents[0]) : reader.ReadMany(documents);
}

// True when a reading found what a framework is made of: levels, competencies or roles.
bool HasStructure(const model::Framework& f) {
  for (const model::Track& t : f.tracks)
    if (!t.levels.empty()) return true;
  return !f.competencies.empty() || !f.roles.empty();
}

// "not a document family" for `name`, naming the formats --from takes.
Error Unrecognised(const std::string& name) {
  return Error{ErrorCode::kParse,
               "not a document family Ladder recognises; if it is one, say which with --from "
               "(formats: " +
                   ReaderNames() + ")",
               SourceLocation{name, 0, 0},
               {}};
}

// What detection found over the documents read together.
struct Detected {
  std::vector<int> total;          // each reader's scores summed over the documents
  std::vector<bool> skipped;       // a Detect left out for some document (see DetectOne)
  const Reader* common = nullptr;  // the reader every document detects as, if one
  int strongest = 0;               // the lowest best score over the documents
  std::optional<Error> mismatch;   // documents detecting as different families
  std::optional<Error> unrecognised;
};

// The reader `d` detects as, its scores added to `detected.total`. A reader whose MaxScore
// cannot beat the best score so far is skipped (and marked so).
Detection DetectOne(const Document& d, Detected& detected) {
  const auto& readers = Readers();
  Detection found;
  for (size_t k = 0; k < readers.size(); ++k) {
    if (readers[k]->MaxScore() <= found.score) {
      detected.skipped[k] = true;
      continue;
    }
    int score = readers[k]->Detect(d.text);
    detected.total[k] += score;
    if (score > found.score) found = {readers[k].get(), score};
  }
  return found;
}

// Detects every document: the family they share, or why there is none.
Detected DetectAll(const std::vector<Document>& documents) {
  Detected out;
  out.total.assign(Readers().size(), 0);
  out.skipped.assign(Readers().size(), false);
  const Document* first = nullptr;
  for (const Document& d : documents) {
    Detection found = DetectOne(d, out);
    if (found.score < kMinDetectScore) {
      if (!out.unrecognised) out.unrecognised = Unrecognised(d.name);
      out.common = nullptr;
      first = first ? first : &d;
      continue;
    }
    if (first != nullptr && out.common != found.reader && !out.mismatch && !out.unrecognised) {
      out.mismatch = MixedFormats(d.name, found.reader->Name(), first->name,
                                  out.common ? out.common->Name() : "another format");
    }
    out.strongest = first == nullptr ? found.score : std::min(out.strongest, found.score);
    if (first == nullptr) out.common = found.reader;
    if (out.common != found.reader) out.common = nullptr;
    first = first ? first : &d;
  }
  return out;
}

// The readers in the order the fallback tries them: by their scores over the documents (the
// skipped ones scored now), among equal scores the general readers first (the specific
// families read junk from documents of other layouts).
std::vector<size_t> FallbackOrder(Detected& detected, const std::vector<Document>& documents) {
  const auto& readers = Readers();
  for (size_t k = 0; k < readers.size(); ++k) {
    if (!detected.skipped[k]) continue;
    detected.total[k] = 0;
    for (const Document& d : documents) detected.total[k] += readers[k]->Detect(d.text);
  }
  static const std::vector<std::string_view> kGeneral = {
      "markdown-ladder", "levels-table", "html-table", "latex-table", "competency-list"};
  auto generality = [&](size_t k) {
    auto it = std::find(kGeneral.begin(), kGeneral.end(), readers[k]->Name());
    return it == kGeneral.end() ? kGeneral.size() : static_cast<size_t>(it - kGeneral.begin());
  };
  std::vector<size_t> order(readers.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  const std::vector<int>& total = detected.total;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (total[a] != total[b]) return total[a] > total[b];
    return generality(a) < generality(b);
  });
  return order;
}

// Detection from content: the reader every document detects as (score >= kMinDetectScore)
// reads them. When detection is unsure (a low score, documents detecting differently) or the
// detected reader finds nothing, the readers are tried in order of their scores and the first
// that finds levels, competencies or roles reads the documents: a document that has levels is
// never refused because its layout scored low. Errors: the detected reader's, else "not a
// document family" (no reader found anything) or "documents ... must be of one format".
Result<Imported> DetectAndRead(const std::vector<Document>& documents, const Reader*& reader) {
  Detected detected = DetectAll(documents);
  const Reader* common = detected.common;
  std::optional<Error> failed;
  if (common != nullptr && !detected.mismatch && !detected.unrecognised) {
    Result<Imported> read = ReadWith(*common, documents);
    if (read && HasStructure(read->framework)) {
      reader = common;
      return read;
    }
    if (!read) failed = read.error();
    // A family the document declares (Ladder's own export, a canonical page) is not guessed at:
    // its reader's error stands.
    if (!read && detected.strongest >= kCertainScore) return read;
  }
  const auto& readers = Readers();
  for (size_t k : FallbackOrder(detected, documents)) {
    if (readers[k].get() == common) continue;
    Result<Imported> read = ReadWith(*readers[k], documents);
    if (!read || !HasStructure(read->framework)) continue;
    reader = readers[k].get();
    return read;
  }
  if (failed) return std::unexpected(*failed);
  if (detected.unrecognised) return std::unexpected(*detected.unrecognised);
  if (detected.mismatch) return std::unexpected(*detected.mismatch);
  return MakeError(ErrorCode::kParse, "no levels, competencies or roles found",
                   SourceLocation{documents[0].name, 0, 0});
}

}  // namespace

Result<Imported> Reader::ReadMany(const std::vector<Document>& documents) const {
  if (documents.size() == 1) return Read(documents[0]);
  return MakeError(ErrorCode::kInvalidArgument,
                   "the " + std::string(Name()) +
                       " format reads one document at a time; import the files separately");
}

const std::vector<std::unique_ptr<Reader>>& Readers() {
  static const std::vector<std::unique_ptr<Reader>> readers = MakeReaders();
  return readers;
}

const Reader* FindReader(std::string_view name) {
  for (const auto& r : Readers()) {
    if (r->Name() == name) return r.get();
  }
  return nullptr;
}

Result<Imported> Reader::ReadMapped(const Document&, const ImportMap&) const {
  return MakeError(ErrorCode::kInvalidArgument,
                   "the " + std::string(Name()) +
                       " format takes no map; --map is for spreadsheets and data files");
}

Result<ImportMap> Reader::GuessMap(const Document&) const {
  return MakeError(ErrorCode::kInvalidArgument,
                   "the " + std::string(Name()) +
                       " format takes no map; --suggest-map is for spreadsheets and data files");
}

namespace {

struct Prepared {
  std::vector<Document> decoded;
  std::vector<ImportWarning> warnings;
  const Reader* forced = nullptr;  // by --from
};

// The reader whose detection scores highest on `text`.
Detection Detect(std::string_view text) {
  Detection best;
  for (const auto& r : Readers()) {
    int score = r->Detect(text);
    if (score > best.score) best = {r.get(), score};
  }
  return best;
}

// The reader of `decoded` by detection alone (for maps, which belong to one reader): `forced`,
// else the one whose detection scores highest on every document (they must all agree).
Result<const Reader*> PickReader(const std::vector<Document>& decoded, const Reader* forced) {
  const Reader* reader = forced;
  if (!reader) {
    const Document* first = nullptr;
    for (const Document& d : decoded) {
      Detection found = Detect(d.text);
      if (found.score < kMinDetectScore) return std::unexpected(Unrecognised(d.name));
      if (reader && found.reader != reader) {
        return std::unexpected(
            MixedFormats(d.name, found.reader->Name(), first->name, reader->Name()));
      }
      reader = found.reader;
      first = first ? first : &d;
    }
  }
  return reader;
}

// Checks sizes, decodes the documents and finds the reader --from names (ReadDocuments' steps
// before reading).
Result<Prepared> Prepare(const std::vector<Document>& documents, std::string_view format) {
  if (documents.empty()) return MakeError(ErrorCode::kInvalidArgument, "no documents to import");
  size_t total = 0;
  for (const Document& d : documents) total += d.text.size();
  if (total > kMaxImportBytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "the documents total " + std::to_string(total >> 20) +
                         " MiB; one import takes at most " + std::to_string(kMaxImportBytes >> 20) +
                         " MiB");
  }

  const Reader* forced = nullptr;
  if (!format.empty()) {
    forced = FindReader(format);
    if (!forced) {
      std::vector<std::string> names;
      for (const auto& r : Readers()) names.emplace_back(r->Name());
      std::string hint;
      if (auto guess = text::DidYouMean(format, names)) hint = " (did you mean " + *guess + "?)";
      return MakeError(
          ErrorCode::kInvalidArgument,
          "unknown format '" + std::string(format) + "'" + hint + "; formats: " + ReaderNames(), {},
          "--from");
    }
  }

  Prepared p;
  std::vector<Document>& decoded = p.decoded;
  std::vector<ImportWarning>& warnings = p.warnings;
  decoded.reserve(documents.size());
  for (const Document& d : documents) {
    if (LooksLikeZip(d.text) || LooksLikeOleCompound(d.text)) {
      if (d.text.size() > kMaxDocumentBytes)
        return MakeError(ErrorCode::kResourceExhausted,
                         "document is " + std::to_string(d.text.size() >> 20) +
                             " MiB; the limit is " + std::to_string(kMaxDocumentBytes >> 20) +
                             " MiB per document",
                         SourceLocation{d.name, 0, 0});
      decoded.push_back(d);  // a workbook: its reader gets the bytes
      continue;
    }
    LADDER_TRY(DecodedText t, DecodeDocument(d.text, d.name));
    if (text::Trim(t.text).empty()) {
      return MakeError(ErrorCode::kParse, "empty document: nothing to import",
                       SourceLocation{d.name, 0, 0});
    }
    for (TextWarning& w : t.warnings) {
      warnings.push_back({SourceLocation{d.name, w.line, 0}, std::move(w.message)});
    }
    if (!forced && IsCanonical(t.text)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "this is already a framework in Ladder's canonical format (top-level "
                       "`ladder:` key): store it with `ladder load`, normalise it with `ladder "
                       "fmt`; `ladder import` reads other documents",
                       SourceLocation{d.name, 1, 0});
    }
    if (int line = TruncatedTagLine(t.text)) {
      warnings.push_back({SourceLocation{d.name, line, 0},
                          "the document ends inside an HTML tag: it looks truncated; what "
                          "follows the last complete tag is not imported"});
    }
    decoded.push_back({d.name, std::move(t.text)});
  }

  p.forced = forced;
  return p;
}

}  // namespace

Result<ImportMap> SuggestMap(const Document& document, std::string_view format) {
  LADDER_TRY(Prepared p, Prepare({document}, format));
  LADDER_TRY(const Reader* reader, PickReader(p.decoded, p.forced));
  return reader->GuessMap(p.decoded[0]);
}

namespace {

// A pictograph or symbol a heading is decorated with ("🌟 Craft", "➤ Scope"): emoji, dingbats,
// arrows, geometric shapes, bullets and the joiners and selectors that go with them. Returns the
// length of the one starting at `s`, or 0.
size_t DecorationLength(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  size_t n = s.empty() ? 0 : byte(0) >= 0xF0 ? 4 : byte(0) >= 0xE0 ? 3 : byte(0) >= 0xC0 ? 2 : 1;
  if (n < 2 || s.size() < n) return 0;
  char32_t cp = byte(0) & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (byte(i) & 0x3F);
  const bool decoration = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF) ||
                          (cp >= 0x25A0 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
                          cp == 0x2022 || cp == 0x200D || cp == 0x20E3 || cp == 0xFE0F;
  return decoration ? n : 0;
}

// `name` without the decorations it opens with; unchanged when nothing else is left.
void StripDecorations(std::string& name) {
  size_t at = 0;
  while (at < name.size()) {
    if (name[at] == ' ') {
      ++at;
      continue;
    }
    size_t n = DecorationLength(std::string_view(name).substr(at));
    if (n == 0) break;
    at += n;
  }
  if (at > 0 && at < name.size()) name.erase(0, at);
}

// The names a reader took from decorated headings, without their decorations. Ladder's own
// export is read back as written.
void StripNameDecorations(model::Framework& f) {
  for (model::Competency& c : f.competencies) StripDecorations(c.name);
  for (model::CompetencyGroup& g : f.groups) StripDecorations(g.name);
  for (model::Track& t : f.tracks) {
    StripDecorations(t.name);
    for (model::Level& l : t.levels) StripDecorations(l.title);
  }
}

// ReadDocuments, before it is counted.
Result<Imported> ReadUncounted(const std::vector<Document>& documents, std::string_view format,
                               const ImportMap* map) {
  LADDER_TRY(Prepared p, Prepare(documents, format));
  std::vector<Document>& decoded = p.decoded;
  std::vector<ImportWarning>& warnings = p.warnings;
  if (map && decoded.size() != 1)
    return MakeError(ErrorCode::kInvalidArgument, "a map describes one file; import one at a time",
                     {}, "--map");
  const Reader* reader = p.forced;
  Result<Imported> read = MakeError(ErrorCode::kParse, "not read");
  if (map) {
    LADDER_TRY(reader, PickReader(decoded, p.forced));
    read = reader->ReadMapped(decoded[0], *map);
  } else if (reader) {
    read = ReadWith(*reader, decoded);
  } else {
    read = DetectAndRead(decoded, reader);
  }
  if (!read) return std::unexpected(read.error());
  Imported imported = std::move(*read);
  if (reader == nullptr || reader->Name() != "ladder-markdown")
    StripNameDecorations(imported.framework);
  warnings.insert(warnings.end(), std::make_move_iterator(imported.warnings.begin()),
                  std::make_move_iterator(imported.warnings.end()));
  imported.warnings = std::move(warnings);
  if (!imported.own_source) {
    if (imported.framework.source.file.empty())
      imported.framework.source.file = SourceFile(decoded);
    if (imported.framework.source.format.empty())
      imported.framework.source.format = std::string(reader->Name());
  }
  imported.coverage = MeasureCoverage(imported.source, imported.framework);
  for (ImportWarning& w : StructureInNotes(imported.framework))
    imported.warnings.push_back(std::move(w));
  // One document: its passages need not each carry its name (a copy per passage of a large
  // document adds up); the report's passages do.
  if (decoded.size() == 1) {
    for (Passage& passage : imported.coverage.not_imported) {
      if (passage.file.empty()) passage.file = decoded[0].name;
    }
  }
  return imported;
}

}  // namespace

Result<Imported> ReadDocuments(const std::vector<Document>& documents, std::string_view format,
                               const ImportMap* map) {
  Result<Imported> read = ReadUncounted(documents, format, map);
  metrics::CountImport(read ? std::string_view(read->framework.source.format) : format,
                       read.has_value());
  return read;
}

}  // namespace ladder::formats
