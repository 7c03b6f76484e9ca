// Exports a framework as one readable Markdown document (GitHub-flavoured: tables), for
// reading in a repository, a wiki or a pull request:
//
//   # Support Engineering
//   | Competency | IC1 Support Engineer I | IC2 Support Engineer II |
//   | --- | --- | --- |
//
// Sections, in order: front matter (the framework's id, name, version, status and other
// fields), title, version line and description; competencies in the framework's order, then the
// pillars grouping them; per track a levels x competencies table, then one section per level
// (rank, summary, attributes, expectations, requirements with their rule); overlay roles;
// transitions; promotion policy; notes (their Markdown as is, each between `<!-- note -->`
// markers); the role catalogue as a families x seniorities grid and one entry per role.
// Undefined levels and cells are written as such, with their note. An id that is not the one
// its name gives is written beside the name (`id`). Text is the framework's inline Markdown;
// table cells escape `|` and keep one line.
// The export reads back into the same framework (ladder_markdown_reader.h): `ladder import` of
// an export gives the framework exported, as long as its texts are one line each (behaviours,
// requirements, notes of levels; summaries, descriptions and notes may span paragraphs).
// Deterministic (the same framework gives the same bytes); pure and thread-safe.
#pragma once

#include <string>

#include "model/framework.h"

namespace ladder::formats {

std::string ExportMarkdown(const model::Framework& framework);

}  // namespace ladder::formats
