// Reads Ladder's own Markdown export (markdown_export.h) back into the framework it was
// exported from: the front matter gives the framework's fields, the sections its competencies,
// pillars, tracks and levels, overlay roles, transitions, policy, notes and roles.
//
//   ---
//   ladder-export: 1                     -> id, name, version, status, ... of the framework
//   id: "field-service"
//   ---
//   ## Technician path                   -> track `ic`, kind ic
//   Track `ic` (ic), 3 levels.
//   ### T2 Senior Technician             -> level T2, rank 2, its expectations and requirements
//   Rank 2.
//   #### Requirements to reach T2
//   - 12 months at T1 — rule: `{time_at_level: {level: T1, months: 12}}`
//
// Lines are read as the exporter writes them; the levels x competencies tables and the role
// grid repeat the sections and are skipped. Rules are read by the canonical reader (their
// inline YAML). An edited export reads with its edits, as long as its layout is kept.
// Stateless and thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "formats/import.h"

namespace ladder::formats {

// 98 for a document whose front matter has `ladder-export:`, 0 otherwise.
int DetectLadderMarkdown(std::string_view text);

// Errors: kParse naming the line of a section or rule that does not read as the exporter
// writes it.
Result<Imported> ReadLadderMarkdown(const Document& document);

std::unique_ptr<Reader> MakeLadderMarkdownReader();

}  // namespace ladder::formats
