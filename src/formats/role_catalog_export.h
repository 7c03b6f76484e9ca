// Writes a framework's role catalogue as role blueprints, one after the other, the layout of a
// catalogue of job profiles (read back by role_catalog_reader.h):
//
//   Senior Data Engineer: Role Blueprint, Responsibilities, Skills, KPIs, and Career Path
//   The Senior Data Engineer builds and runs the pipelines that ...
//
//   Responsibilities:
//   - Designs the warehouse layout and its access controls.
//   Skills:
//   - Distributed data processing
//   KPIs:
//   - Platform availability and cost per query
//   Career path: Staff Data Engineer or Data Engineering Manager.
//
// Roles are written by family (first appearance) and seniority, as the reader orders them.
// What the layout holds and reads back: every role's title (its family and seniority are read
// from the title), summary, responsibilities, skills, KPIs and career path. A role whose family
// and seniority are not what its title says is listed in LayoutExport::left_out, as is
// everything of the framework that is not its catalogue (levels, notes, ...).
// Deterministic; pure and thread-safe.
#pragma once

#include "base/error.h"
#include "formats/layout_export.h"
#include "model/framework.h"

namespace ladder::formats {

// One file, "roles.txt". Errors: kInvalidArgument when the framework has no roles.
Result<LayoutExport> ExportRoleCatalog(const model::Framework& framework);

}  // namespace ladder::formats
