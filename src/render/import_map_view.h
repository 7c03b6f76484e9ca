// Internal to render/: the import preview's report with its choices (below), and its mapping table
// (web/templates/app_edit.mustache), built from EditView::map_fields: one row per setting of the
// map (formats/import_map.h), a select where the values are few, a text field otherwise, in a form
// that reads the carried document again with the changed map.
#pragma once

#include "render/app_views.h"
#include "render/site_internal.h"

namespace ladder::render {

// Sets "has_map", "map_rows", "mapped_document", "mapped_name" and "mapped_format" on `d`.
void SetImportMap(internal::Data& d, const EditView& view);

}  // namespace ladder::render

namespace ladder::render {

// Sets the import preview's coverage report and its form of choices for the passages not
// imported (web/templates/app_import_report.mustache): "source_words", "imported_words",
// "structure_words", "notes_words", "passages" (each with its selects), "all_*", "carried",
// "format" and "choice_error".
void SetImportChoices(internal::Data& d, const EditView& view);

}  // namespace ladder::render
