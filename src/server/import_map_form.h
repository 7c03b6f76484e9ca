// The import page's forms (server side): the files of one upload, with its limits; the preview's
// mapping table (after a spreadsheet or data file is imported, the map it was read with,
// formats/import_map.h, as a table the admin changes); and its choices of what each passage not
// imported becomes (formats/passage_choices.h). The preview carries every document of the
// import (base64), so a changed map or changed choices read the same files again without
// uploading them again, before anything is saved. Not for use outside server/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "formats/import.h"
#include "formats/passage_choices.h"
#include "render/app_views.h"
#include "server/exchange.h"

namespace ladder::server::internal {

// What one upload may hold: files, and bytes in all. Below the server's request limit even as
// the base64 the preview carries (4/3 of the bytes), and well below formats/import.h's own.
inline constexpr int kMaxImportFiles = 10;
inline constexpr size_t kMaxImportBytes = size_t{4} << 20;
// Passages of the preview with a choice of their own (four form fields each, within the
// server's limit of fields); the others follow the choice for every passage.
inline constexpr size_t kMaxChoiceRows = 200;

// The upload form, with `error` and the format chosen kept.
render::ImportFormView ImportForm(const std::string& format, const std::string& error = {});

// The files of an upload ("document", one or more), in the order sent. Errors:
// kInvalidArgument when there is none; kResourceExhausted over kMaxImportFiles or
// kMaxImportBytes; each names the field "document".
Result<std::vector<formats::Document>> UploadedDocuments(const Exchange& x);

// True when the request is one of the preview's forms (the carried documents).
bool HasCarriedDocuments(const Exchange& x);

// The documents the form carries ("mapped_name" and "mapped_document", in pairs). Errors:
// kInvalidArgument when one is missing or corrupt; the limits of an upload.
Result<std::vector<formats::Document>> CarriedDocuments(const Exchange& x);

// True when the form describes a map (a "map.<id>" field).
bool HasMapFields(const Exchange& x);

// The map the form describes: Ladder's guess for `document`, with each posted "map.<id>" field
// set. Errors: kInvalidArgument naming the field.
Result<formats::ImportMap> MapFromForm(const Exchange& x, const formats::Document& document,
                                       const std::string& format);

// What identifies a passage between two readings of the same files: its file, line and the
// fingerprint of its text. A choice posted for another passage (the map changed) is dropped.
std::string PassageKey(const formats::Passage& passage);

// Fills view.passages (one row per passage of `left`, the import's not-imported passages before
// any choice) and view.all with what the form chose, and returns those choices, for
// app::ChoosePassages. Errors: kInvalidArgument naming the field ("passage.3.use", "all.use")
// of a use that is not one of formats::PassageUses; the rows keep what was posted.
Result<std::vector<formats::PassageChoice>> ChoicesFromForm(
    const Exchange& x, const std::vector<formats::Passage>& left, render::EditView& view);

// Fills the rest of the preview from the import (choices applied): the coverage report, the
// levels and competencies a passage may become part of, the documents to carry, the map.
void ShowImport(render::EditView& view, const formats::Imported& imported,
                const std::vector<formats::Document>& documents, const std::string& format);

// Base64 (RFC 4648, padded) of `bytes`, and back (nullopt for invalid input).
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace ladder::server::internal
