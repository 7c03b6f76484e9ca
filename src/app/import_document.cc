#include "app/import_document.h"

#include "analysis/requirements.h"
#include "model/validate.h"

namespace ladder::app {
namespace {

// `what`: "the framework imported from <file>".
Status CheckImported(const model::Framework& framework, const std::string& what) {
  std::vector<Error> invalid = model::ValidateFramework(framework);
  if (invalid.empty()) return Ok();
  std::string list;
  for (const Error& e : invalid) list += "\n  " + e.ToString();
  return MakeError(ErrorCode::kInvalidArgument,
                   what + " is invalid (" + std::to_string(invalid.size()) + " problems):" + list);
}

}  // namespace

Result<formats::Imported> ImportDocuments(const std::vector<formats::Document>& documents,
                                          std::string_view format, const formats::ImportMap* map) {
  LADDER_TRY(formats::Imported imported, formats::ReadDocuments(documents, format, map));
  analysis::RecognizeRequirements(imported.framework);
  LADDER_TRY_STATUS(
      CheckImported(imported.framework,
                    "the framework imported from " +
                        (documents.empty() ? std::string("the input") : documents.front().name)));
  return imported;
}

Status ChoosePassages(formats::Imported& imported,
                      const std::vector<formats::PassageChoice>& choices) {
  formats::Imported chosen = imported;
  LADDER_TRY_STATUS(formats::ApplyPassageChoices(chosen, choices));
  LADDER_TRY_STATUS(CheckImported(chosen.framework, "the framework with these choices"));
  imported = std::move(chosen);
  return Ok();
}

nlohmann::ordered_json CoverageReportJson(const formats::Imported& imported) {
  nlohmann::ordered_json report;
  report["source_words"] = imported.coverage.source_words;
  report["imported_words"] = imported.coverage.imported_words;
  report["structure_words"] = imported.coverage.structure_words;
  report["notes_words"] = imported.coverage.notes_words;
  report["not_imported_words"] = imported.coverage.NotImportedWords();
  report["not_imported"] = nlohmann::ordered_json::array();
  for (const formats::Passage& p : imported.coverage.not_imported)
    report["not_imported"].push_back({{"file", p.file}, {"line", p.line}, {"text", p.text}});
  report["warnings"] = nlohmann::ordered_json::array();
  for (const formats::ImportWarning& w : imported.warnings)
    report["warnings"].push_back(
        {{"file", w.where.file}, {"line", w.where.line}, {"message", w.message}});
  return report;
}

}  // namespace ladder::app
