// Importing documents organisations already have into frameworks, and saying exactly what could
// not be imported.
//
// One reader per document family (formats/*_reader.h), each registered in the import registry
// (formats/import.cc). ReadDocument detects the family from the content (never the file name)
// unless a format is forced, and returns the framework with its coverage report.
// Readers produce requirements with their original sentence and a ManualRule; recognising typed
// rules is analysis/'s work (analysis/requirements.h), run by the import use case after reading.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/import_map.h"
#include "model/framework.h"

namespace ladder::formats {

// A passage of source text (markup excluded) and the line it starts on.
struct Passage {
  int line = 0;
  std::string text;
  // The document it comes from: readers reading several documents (ReadMany) fill it; for a
  // single document it may stay empty, and ReadDocuments names the file in the coverage
  // report's passages.
  std::string file;
  friend bool operator==(const Passage&, const Passage&) = default;
};

// What of the source landed in the framework (docs/import.md), and where: in its structure
// (levels, competencies, behaviours, requirements, roles) or only in its notes.
struct Coverage {
  int source_words = 0;
  int imported_words = 0;   // source words found in the framework (<= source_words)
  int structure_words = 0;  // ... of them, found in the structure
  int notes_words = 0;      // ... found only in notes (structure_words + notes_words = imported)
  int NotImportedWords() const { return source_words - imported_words; }
  std::vector<Passage> not_imported;
};

struct ImportWarning {
  SourceLocation where;
  std::string message;  // "repaired mis-encoded text (â€™ -> ’)", "conflicting text for ..."
};

struct Imported {
  model::Framework framework;
  // Every passage of the source text (markup excluded), filled by the reader; ReadDocuments
  // measures coverage by finding each passage's words in the framework (formats/coverage.h).
  std::vector<Passage> source;
  Coverage coverage;
  std::vector<ImportWarning> warnings;
  // The document states the framework's own provenance (Ladder's Markdown export): the source
  // is kept as read, not set to the file imported.
  bool own_source = false;
  // Readers of spreadsheets and data files: the map they read with (given or guessed).
  std::optional<ImportMap> map;
};

// A document given to a reader.
struct Document {
  std::string name;  // the file name, for locations
  std::string text;  // UTF-8 (ReadDocument repairs or rejects other encodings first); the bytes
                     // of a workbook (a ZIP archive) are passed as they are
};

// One document family. Implementations are stateless and thread-safe.
class Reader {
 public:
  virtual ~Reader() = default;
  // The name used by --from and in `source.format`: "level-pages", "levels-table", ...
  virtual std::string_view Name() const = 0;
  // How sure the reader is that it can read `text`: 0 (no) .. 100 (certain).
  virtual int Detect(std::string_view text) const = 0;
  // The highest score Detect ever gives: detection skips a reader that cannot beat the best
  // score found so far (its score is taken only if the documents are then tried one reader
  // after another).
  virtual int MaxScore() const { return 100; }
  // Reads one document; fills Imported::source with every passage it saw, imported or not.
  virtual Result<Imported> Read(const Document& document) const = 0;
  // Reads several documents as one framework (a folder of level pages). The default reads
  // one document and fails for more.
  virtual Result<Imported> ReadMany(const std::vector<Document>& documents) const;
  // Reads with a map saying which parts are levels, competencies, tracks and text
  // (import_map.h). The default: kInvalidArgument, the format takes no map.
  virtual Result<Imported> ReadMapped(const Document& document, const ImportMap& map) const;
  // The map Read would use for `document`, for a person to correct. The default:
  // kInvalidArgument, the format takes no map.
  virtual Result<ImportMap> GuessMap(const Document& document) const;
};

// All readers, in detection order.
const std::vector<std::unique_ptr<Reader>>& Readers();
const Reader* FindReader(std::string_view name);

// Reads documents as one framework:
//  - size: each document at most kMaxDocumentBytes (16 MiB), all together kMaxImportBytes
//    (64 MiB), else kResourceExhausted before anything is parsed;
//  - encoding (formats/encoding.h): binary files (NUL bytes) and UTF-8 mixed with stray bytes
//    are kParse errors naming line:col of the first bad byte; text without any UTF-8 is read as
//    Windows-1252 with a warning; mojibake (`â€™`) is repaired with a warning naming each line;
//  - empty documents (nothing but white space) are kParse errors;
//  - a framework already in Ladder's canonical format (top-level `ladder:` and `framework:`
//    keys) is refused with kInvalidArgument pointing at `ladder load` / `ladder fmt`, unless
//    `format` forces a reader;
//  - a document that ends inside an HTML tag (cut short) gets a warning naming the line;
//  - format: `format` when non-empty (unknown names are kInvalidArgument with the list), else
//    the reader whose Detect() scores highest on the content (never the file name); a score
//    below 30 is a kParse error asking for --from; documents read together must all detect as
//    the same format; when detection is unsure or the detected reader finds no structure, the
//    other readers are tried by score (a map is read by the detected reader alone);
//  - one document goes to Reader::Read (Reader::ReadMapped when `map` is given: one document
//    only), several to Reader::ReadMany;
//  - workbooks (ZIP archives, and the OLE files of encrypted or legacy workbooks) skip the text
//    checks: their readers get the bytes;
//  - source.format and source.file are set when the reader left them empty (unless the document
//    states its own, Imported::own_source), and the coverage is measured (formats/coverage.h).
Result<Imported> ReadDocuments(const std::vector<Document>& documents, std::string_view format = {},
                               const ImportMap* map = nullptr);

// The map the reader of `document` (detected, or `format`) guesses, as ReadDocuments would
// use it. Errors: those of ReadDocuments; kInvalidArgument for formats that take no map.
Result<ImportMap> SuggestMap(const Document& document, std::string_view format = {});

}  // namespace ladder::formats
