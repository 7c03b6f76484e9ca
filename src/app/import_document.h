// Importing documents as one framework, as `ladder import` and the import page of the web app do:
// read (formats::ReadDocuments: detection, encoding repair, coverage), type the requirement
// sentences (analysis::RecognizeRequirements), and check the model's invariants.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "formats/import.h"
#include "formats/passage_choices.h"

namespace ladder::app {

// Errors: those of formats::ReadDocuments; kInvalidArgument listing the broken invariants of the
// framework read (an importer bug or a document the reader misread). `map` (spreadsheets and
// data files): read as it says instead of guessing.
Result<formats::Imported> ImportDocuments(const std::vector<formats::Document>& documents,
                                          std::string_view format = {},
                                          const formats::ImportMap* map = nullptr);

// Applies what a person chose for the passages not imported (formats::ApplyPassageChoices: the
// framework changes, the coverage is measured again) and checks the model's invariants again.
// Errors: those of ApplyPassageChoices; kInvalidArgument listing the broken invariants. On an
// error `imported` is unchanged.
Status ChoosePassages(formats::Imported& imported,
                      const std::vector<formats::PassageChoice>& choices);

// The coverage report (docs/import.md) with the import's warnings:
//   {"source_words": N, "imported_words": N, "structure_words": N, "notes_words": N,
//    "not_imported_words": N, "not_imported": [{"file", "line", "text"}],
//    "warnings": [{"file", "line", "message"}]}
nlohmann::ordered_json CoverageReportJson(const formats::Imported& imported);

}  // namespace ladder::app
