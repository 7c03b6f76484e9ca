// The stored form of a framework version (framework_versions.document), across schema versions.
//
// From schema 5 on, a version is kept as its canonical JSON (formats/canonical.h): the text
// formats::WriteJson writes, on one line. Databases and dumps of earlier schemas hold an older
// form of storage's own: every key written even when empty, a level's expectations and
// attributes as lists, and rules as {"kind": "evidence_count", "evidence_kind": "talk", ...}.
// That form is still read, and the migration to schema 5 and the loading of an older dump
// rewrite it into the canonical JSON, so that it only ever meets a database once.
// Internal to storage/.
#pragma once

#include <string_view>

#include "base/error.h"
#include "model/framework.h"
#include "storage/record_json.h"
#include "storage/soci.h"

namespace ladder::storage::internal {

// Reads a stored document in either form; origins are left unset. kInternal naming `what`
// ("framework support") when it is neither.
Result<model::Framework> ReadFrameworkDocument(std::string_view text, std::string_view what);

// True when `document` is in the older form. That form always lists the tracks, the first
// track's levels and the first level's expectations, as JSON arrays (empty or not); the
// canonical form leaves empty lists out and writes expectations as an object.
bool IsLegacyFrameworkDocument(const Json& document);

// The canonical JSON of a document in the older form; formats::ParseJson reads it back as the
// framework the older form described.
Json CanonicalFromLegacy(const Json& document);

// Rewrites every framework document still in the older form into the canonical JSON, in the
// caller's transaction; documents already canonical are left as they are. Throws
// soci::soci_error.
Status UpgradeFrameworkDocuments(soci::session& s);

}  // namespace ladder::storage::internal
