// `ladder import FILE|DIR... [--from FORMAT] [--to yaml|json] [-o OUT] [--report [--json]]
//                            [--each] [--into DATABASE [--publish]] [--map MAP.yaml]`
// `ladder import FILE --suggest-map [--from FORMAT] [-o MAP.yaml]`:
// reads the documents an organisation already has into one framework (docs/import.md).
// With --into the framework is stored in the database (one transaction, app/import_into.h) as a
// draft, published with --publish, and "stored ID@VERSION (draft|published|unchanged)" is
// printed on stderr instead of the framework on stdout.
//
// With --each, or --into and several inputs, each input (a FILE, or a DIR read as one framework)
// is its own framework, its format detected on its own: with --into all are stored in one
// transaction (`ladder import seeds/* --into sqlite:ladder.db --publish`), with -o DIR each is
// written to DIR/ID.yaml (or .json), DIR being new or empty and written whole or not at all
// (`ladder import a.txt b.html c.xlsx --each -o frameworks/`). Otherwise every FILE and every
// regular file of each DIR
// (sorted by name, dot-files skipped) is read as ONE framework: the format is detected from the
// content (formats::ReadDocuments) unless
// --from names it; requirement sentences are typed (analysis::RecognizeRequirements); the
// framework is validated, then written as canonical YAML (default) or JSON to stdout or -o.
//
// --report prints the coverage (source words; imported words, in the structure and only in
// notes; words not imported and each passage not imported as `file:line: text`) and the
// warnings on stderr. --report --json prints instead, on stdout, app::CoverageReportJson:
//   {"source_words":N,"imported_words":N,"structure_words":N,"notes_words":N,
//    "not_imported_words":N,"not_imported":[{"file":F,"line":L,"text":T}],
//    "warnings":[{"file":F,"line":L,"message":M}]}
// and then the framework goes only to -o (stdout carries the report alone). Warnings (repaired
// text, conflicts) are printed on stderr even without --report.
//
// Spreadsheets and data files of other tools are read as an import map says (which sheet, rows,
// columns or keys are levels, competencies, tracks and text; docs/import-maps.md): --map gives
// one, else Ladder guesses; --suggest-map writes the guess (to stdout or -o) for a person to
// correct, and imports nothing.
//
// Exit codes: 0 when everything of the source was imported; 1 ("findings") when
// the framework and the report were written but passages of the source were not imported (one
// line on stderr says how many; --report lists them); 2 for bad input or usage (unreadable,
// binary, oversized or unrecognised documents, a file already in canonical format, an invalid
// framework), and then nothing is written: -o only ever receives a whole import (it is written to
// a temporary file and renamed).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "analysis/requirements.h"
#include "app/import_document.h"
#include "app/import_into.h"
#include "cli/command.h"
#include "cli/framework_file.h"
#include "formats/canonical.h"
#include "formats/encoding.h"
#include "formats/import.h"
#include "model/validate.h"
#include "storage/store.h"

namespace ladder::cli {
namespace {

namespace fs = std::filesystem;

struct ImportOptions {
  std::vector<std::string> inputs;
  std::string from;
  std::string to = "yaml";
  std::string out;
  bool report = false;
  bool json = false;
  std::string into;  // database URL; "" writes YAML/JSON only
  bool publish = false;
  std::string map;  // an import map file
  bool suggest_map = false;
  bool each = false;  // each input is its own framework
};

Result<formats::Document> ReadDocumentFile(const fs::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return MakeError(ErrorCode::kIo, "cannot read: " + ec.message(), {name, 0, 0});
  // Refuse oversized files before reading them: memory stays bounded.
  if (size > formats::kMaxDocumentBytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "document is " + std::to_string(size >> 20) + " MiB; the limit is " +
                         std::to_string(formats::kMaxDocumentBytes >> 20) + " MiB per document",
                     {name, 0, 0});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, "cannot open the file", {name, 0, 0});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError(ErrorCode::kIo, "cannot read the file", {name, 0, 0});
  return formats::Document{name, std::move(text)};
}

Result<std::vector<formats::Document>> ReadInputs(const std::vector<std::string>& inputs) {
  std::vector<formats::Document> documents;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      return MakeError(ErrorCode::kNotFound, "no such file or directory", {input, 0, 0});
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (const fs::directory_entry& entry : fs::directory_iterator(input, ec)) {
        if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) {
          files.push_back(entry.path());
        }
      }
      if (ec) return MakeError(ErrorCode::kIo, "cannot list: " + ec.message(), {input, 0, 0});
      if (files.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "directory has no files to import",
                         {input, 0, 0});
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        LADDER_TRY(formats::Document d, ReadDocumentFile(f));
        documents.push_back(std::move(d));
      }
    } else {
      LADDER_TRY(formats::Document d, ReadDocumentFile(input));
      documents.push_back(std::move(d));
    }
  }
  return documents;
}

std::string Location(const std::string& file, int line) {
  return SourceLocation{file, line, 0}.ToString();
}

void PrintTextReport(const formats::Imported& imported) {
  const formats::Coverage& c = imported.coverage;
  double percent = c.source_words ? 100.0 * c.imported_words / c.source_words : 100.0;
  std::fprintf(stderr,
               "coverage: %d of %d source words imported (%.1f%%): %d in the structure (levels, "
               "competencies, behaviours, requirements), %d only in notes, %d not imported in %zu "
               "passages\n",
               c.imported_words, c.source_words, percent, c.structure_words, c.notes_words,
               c.NotImportedWords(), c.not_imported.size());
  for (const formats::Passage& p : c.not_imported) {
    std::fprintf(stderr, "not imported: %s: %s\n", Location(p.file, p.line).c_str(),
                 p.text.c_str());
  }
}

void PrintWarnings(const formats::Imported& imported) {
  for (const formats::ImportWarning& w : imported.warnings) {
    std::fprintf(stderr, "warning: %s: %s\n", w.where.ToString().c_str(), w.message.c_str());
  }
}

std::string JsonReport(const formats::Imported& imported) {
  return app::CoverageReportJson(imported).dump(2, ' ', false,
                                                nlohmann::json::error_handler_t::replace) +
         "\n";
}

// Exit status once the framework was written: 1 when passages were not imported, saying so on
// stderr in one line.
int CoverageExit(const std::vector<const formats::Imported*>& imports, bool listed) {
  size_t missing = 0;
  for (const formats::Imported* i : imports) missing += i->coverage.not_imported.size();
  if (missing == 0) return kExitOk;
  std::fprintf(stderr, "ladder: %zu passage%s of the source not imported (%s); exit status 1\n",
               missing, missing == 1 ? "" : "s",
               listed ? "listed in the report" : "run with --report to list them");
  return kExitFindings;
}

// Reads `inputs` as one framework, types its requirements and validates it.
Result<formats::Imported> ImportFramework(const std::vector<std::string>& inputs,
                                          const ImportOptions& options) {
  LADDER_TRY(std::vector<formats::Document> documents, ReadInputs(inputs));
  std::optional<formats::ImportMap> map;
  if (!options.map.empty()) {
    LADDER_TRY(formats::Document file, ReadDocumentFile(options.map));
    LADDER_TRY(map, formats::ParseImportMap(file.text, file.name));
  }
  LADDER_TRY(formats::Imported imported,
             formats::ReadDocuments(documents, options.from, map ? &*map : nullptr));
  analysis::RecognizeRequirements(imported.framework);
  std::vector<Error> invalid = model::ValidateFramework(imported.framework);
  if (!invalid.empty()) {
    for (const Error& e : invalid) {
      std::fprintf(stderr, "ladder: imported framework is invalid: %s\n", e.ToString().c_str());
    }
    return MakeError(ErrorCode::kInvalidArgument,
                     "the framework imported from " + inputs.front() + " is invalid (" +
                         std::to_string(invalid.size()) + " problem(s) above)");
  }
  return imported;
}

// The reports of --each: JSON reports on stdout one after another, or warnings and text reports
// on stderr; the exit status says whether passages were not imported.
int ReportEach(const std::vector<formats::Imported>& imports, const ImportOptions& options) {
  std::vector<const formats::Imported*> done;
  for (const formats::Imported& imported : imports) {
    done.push_back(&imported);
    if (options.report && options.json) {
      std::fputs(JsonReport(imported).c_str(), stdout);
      continue;
    }
    PrintWarnings(imported);
    if (options.report) PrintTextReport(imported);
  }
  return CoverageExit(done, options.report);
}

// -o DIR with --each: DIR/ID.yaml (or .json) per framework, the folder written whole or not at
// all; two inputs that read as the same framework id are refused before anything is written.
Status WriteEachFramework(const ImportOptions& options,
                          const std::vector<formats::Imported>& imports) {
  std::vector<formats::ExportedFile> files;
  std::map<std::string, std::string> source_of;  // file name -> the input it came from
  for (size_t i = 0; i < imports.size(); ++i) {
    const model::Framework& framework = imports[i].framework;
    std::string name = framework.id + (options.to == "json" ? ".json" : ".yaml");
    auto [it, fresh] = source_of.emplace(name, options.inputs[i]);
    if (!fresh) {
      return MakeError(ErrorCode::kAlreadyExists,
                       "reads as framework '" + framework.id + "', as " + it->second +
                           " does; import one of them on its own, or give it another id",
                       {options.inputs[i], 0, 0});
    }
    files.push_back({name, options.to == "json" ? formats::WriteJson(framework)
                                                : formats::WriteYaml(framework)});
  }
  return WriteOutputFolder(options.out, files);
}

// --each (implied by --into with several inputs): each input (a file, or a directory of level
// pages) is its own framework, its format detected on its own. With --into all of them are stored
// in one transaction; with -o DIR each is written to DIR/ID.yaml (or .json), the folder whole or
// not at all.
Result<int> RunImportEach(const ImportOptions& options) {
  if (options.into.empty() == options.out.empty()) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "one framework per input goes either to -o DIR (a new or empty "
                      "folder) or --into DATABASE: give one of them",
                      {},
                      options.out.empty() ? "--each" : "-o"});
  }
  std::vector<formats::Imported> imports;
  for (const std::string& input : options.inputs) {
    Result<formats::Imported> imported = ImportFramework({input}, options);
    if (!imported) return Fail(imported.error());
    imports.push_back(std::move(*imported));
  }
  if (!options.out.empty()) {
    if (Status written = WriteEachFramework(options, imports); !written)
      return Fail(written.error());
    return ReportEach(imports, options);
  }
  std::vector<model::Framework> frameworks;
  for (const formats::Imported& imported : imports) frameworks.push_back(imported.framework);
  auto store = storage::OpenStore(options.into);
  if (!store) return Fail(store.error());
  auto stored =
      app::StoreFrameworks(**store, frameworks, options.publish, app::TodayUtc(), app::CliActor());
  if (!stored) return Fail(stored.error());
  for (const auto& s : *stored)
    std::fprintf(stderr, "stored %s@%s (%s) in %s\n", s.framework.c_str(), s.version.c_str(),
                 app::StoreOutcomeName(s.outcome), options.into.c_str());
  return ReportEach(imports, options);
}

// --suggest-map: the map Ladder guesses for one file, written for a person to correct.
Result<int> RunSuggestMap(const ImportOptions& options) {
  if (options.inputs.size() != 1 || !options.into.empty() || !options.map.empty() || options.report)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--suggest-map takes one file and writes its map; it imports "
                      "nothing (no --into, --map or --report)",
                      {},
                      "--suggest-map"});
  Result<std::vector<formats::Document>> documents = ReadInputs(options.inputs);
  if (!documents) return Fail(documents.error());
  if (documents->size() != 1)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--suggest-map takes one file, not a directory",
                      {options.inputs[0], 0, 0},
                      "--suggest-map"});
  Result<formats::ImportMap> map = formats::SuggestMap(documents->front(), options.from);
  if (!map) return Fail(map.error());
  std::string text = formats::WriteImportMap(*map);
  if (!options.out.empty()) {
    if (Status written = WriteOutputFile(options.out, text); !written) return Fail(written.error());
    return kExitOk;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitOk;
}

Result<int> RunImport(const ImportOptions& options) {
  if (options.suggest_map) return RunSuggestMap(options);
  if (!options.map.empty() && options.inputs.size() != 1) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--map describes one file; import one file with it",
                      {},
                      "--map"});
  }
  if (options.publish && options.into.empty()) {
    return Fail(
        Error{ErrorCode::kInvalidArgument, "--publish needs --into DATABASE", {}, "--publish"});
  }
  if (options.json && !options.report) {
    return Fail(Error{ErrorCode::kInvalidArgument, "--json needs --report", {}, "--json"});
  }
  if (options.each || (!options.into.empty() && options.inputs.size() > 1))
    return RunImportEach(options);
  Result<formats::Imported> imported = ImportFramework(options.inputs, options);
  if (!imported) return Fail(imported.error());
  if (!options.into.empty()) {
    // One transaction (app/import_into.h): a failure leaves the database as it was.
    auto store = storage::OpenStore(options.into);
    if (!store) return Fail(store.error());
    auto stored = app::StoreFrameworks(**store, {imported->framework}, options.publish,
                                       app::TodayUtc(), app::CliActor());
    if (!stored) return Fail(stored.error());
    for (const auto& s : *stored)
      std::fprintf(stderr, "stored %s@%s (%s) in %s\n", s.framework.c_str(), s.version.c_str(),
                   app::StoreOutcomeName(s.outcome), options.into.c_str());
  }
  std::string output = options.to == "json" ? formats::WriteJson(imported->framework)
                                            : formats::WriteYaml(imported->framework);
  if (!options.out.empty()) {
    if (Status written = WriteOutputFile(options.out, output); !written) {
      return Fail(written.error());
    }
  }
  if (options.report && options.json) {
    std::fputs(JsonReport(*imported).c_str(), stdout);
    return CoverageExit({&*imported}, true);
  }
  if (options.out.empty() && options.into.empty())
    std::fwrite(output.data(), 1, output.size(), stdout);
  std::fflush(stdout);
  PrintWarnings(*imported);
  if (options.report) PrintTextReport(*imported);
  return CoverageExit({&*imported}, options.report);
}

void SetUpImport(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "import",
      "Read documents (Markdown, HTML, YAML, plain text, spreadsheets, data files of other "
      "tools) into one framework, written as "
      "canonical YAML or JSON. Exit status: 0 when everything of the source was imported; 1 when "
      "the framework and report were written but some passages were not imported (--report "
      "lists them); 2 for bad input or usage, and then nothing is written");
  auto options = std::make_shared<ImportOptions>();
  cmd->add_option("inputs", options->inputs,
                  "Files, or directories whose files are read together as one framework")
      ->required();
  std::string formats_list;
  for (const auto& r : formats::Readers()) {
    if (!formats_list.empty()) formats_list += ", ";
    formats_list += r->Name();
  }
  cmd->add_option("--from", options->from,
                  "Read as this format instead of detecting it: " + formats_list);
  cmd->add_option("--to", options->to, "Output format: yaml (default) or json")
      ->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_option("-o,--output", options->out,
                  "Write the framework to this file (only when the whole import succeeds)");
  cmd->add_flag("--report", options->report,
                "Print what was and was not imported, and warnings, on stderr");
  cmd->add_flag("--json", options->json,
                "With --report: print the report as JSON on stdout (the framework then goes "
                "only to -o)");
  cmd->add_option("--into", options->into,
                  "Store the framework in this database (sqlite:PATH or postgresql://...) in one "
                  "transaction, instead of printing it (still written to -o if given)");
  cmd->add_flag("--publish", options->publish,
                "With --into: publish the stored version (it becomes immutable)");
  cmd->add_option("--map", options->map,
                  "Read a spreadsheet or data file as this import map says (which sheet, rows, "
                  "columns or keys are levels, competencies, tracks and text; "
                  "docs/import-maps.md)");
  cmd->add_flag("--each", options->each,
                "Read each input (a file, or a folder of level pages) as its own framework, its "
                "format detected on its own; with -o DIR each is written to DIR/ID.yaml, with "
                "--into all are stored in one transaction (the default for several inputs with "
                "--into)");
  cmd->add_flag("--suggest-map", options->suggest_map,
                "Write the import map Ladder guesses for FILE (to stdout, or -o), for a person "
                "to correct and pass back with --map; imports nothing");
  runs.push_back({cmd, [options] { return RunImport(*options); }});
}

}  // namespace

LADDER_COMMAND(10, SetUpImport);

}  // namespace ladder::cli
