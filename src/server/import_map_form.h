// The import page's mapping table (server side): after a spreadsheet or data file is imported,
// the page shows the map it was read with (formats/import_map.h) as a table; the admin changes
// it and reads the same file again, without uploading it again (the page carries it, base64),
// before anything is saved. Not for use outside server/.
#pragma once

#include <optional>
#include <string>

#include "base/error.h"
#include "formats/import.h"
#include "render/app_views.h"
#include "server/exchange.h"

namespace ladder::server::internal {

// True when the request is the mapping table's form (the carried document and its map).
bool HasMappedDocument(const Exchange& x);

// The document the form carries. Errors: kInvalidArgument when it is missing or corrupt.
Result<formats::Document> MappedDocument(const Exchange& x);

// The map the form describes: Ladder's guess for `document`, with each posted "map.<id>" field
// set. Errors: kInvalidArgument naming the field.
Result<formats::ImportMap> MapFromForm(const Exchange& x, const formats::Document& document,
                                       const std::string& format);

// Fills the view's mapping table from the import (nothing when it was read without a map).
void ShowImportMap(render::EditView& view, const formats::Imported& imported,
                   const formats::Document& document, const std::string& format);

// Base64 (RFC 4648, padded) of `bytes`, and back (nullopt for invalid input).
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace ladder::server::internal
