// Internal to render/: the import preview's mapping table (web/templates/app_edit.mustache),
// built from EditView::map_fields: one row per setting of the map (formats/import_map.h), a
// select where the values are few, a text field otherwise, in a form that reads the carried
// document again with the changed map.
#pragma once

#include "render/app_views.h"
#include "render/site_internal.h"

namespace ladder::render {

// Sets "has_map", "map_rows", "mapped_document", "mapped_name" and "mapped_format" on `d`.
void SetImportMap(internal::Data& d, const EditView& view);

}  // namespace ladder::render
