// Exports a framework as one readable Markdown document (GitHub-flavoured: tables), for
// reading in a repository, a wiki or a pull request:
//
//   # Support Engineering
//   | Competency | IC1 Support Engineer I | IC2 Support Engineer II |
//   | --- | --- | --- |
//
// Sections, in order: title, version line and description; competencies grouped by pillar;
// per track a levels x competencies table, then one section per level (summary, attributes,
// expectations, requirements with their rule); overlay roles; transitions; promotion policy;
// notes (their Markdown as is); the role catalogue as a families x seniorities grid and one
// entry per role. Undefined levels and cells are written as such, with their note.
// Text is the framework's inline Markdown; table cells escape `|` and keep one line.
// Deterministic (the same framework gives the same bytes); pure and thread-safe.
#pragma once

#include <string>

#include "model/framework.h"

namespace ladder::formats {

std::string ExportMarkdown(const model::Framework& framework);

}  // namespace ladder::formats
