// What the exporters that write a framework back in an organisation's own layout share
// (levels_table_export.h, level_pages_export.h, tsv_ladder_export.h, role_catalog_export.h):
// the files they write, HTML escaping, Markdown as HTML, and how a level is named.
//
// Each of those exporters writes the plain, typical form of its family, the form its reader
// (formats/*_reader.h) reads back: importing what was exported gives the same framework in what
// the layout can hold (each exporter's header says what that is). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::formats {

// One file of an export.
struct ExportedFile {
  std::string path;  // relative to the output folder, '/'-separated
  std::string text;
};

// What a layout exporter wrote, and what of the framework its layout has no place for.
struct LayoutExport {
  std::vector<ExportedFile> files;    // one, or a folder's worth (level pages)
  std::vector<std::string> left_out;  // "level requirements (4)", one per kind of content
};

// Appends "level requirements (3)" to `left_out` when `count` > 0.
void LeaveOut(std::vector<std::string>& left_out, size_t count, std::string_view what);

// The framework-wide content a layout without prose sections has no place for: pillars,
// competency descriptions, overlay roles, transitions, the promotion policy and, unless the
// layout writes them, notes.
void LeaveOutProse(const model::Framework& framework, std::vector<std::string>& left_out,
                   bool notes_written = false);

// Names the layouts for --to and error messages: "levels-table", "level-pages", "tsv-ladder",
// "role-catalog".
const std::vector<std::string>& LayoutNames();

// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
std::string EscapeHtml(std::string_view text);

// Block Markdown (paragraphs, lists, emphasis, links) as HTML, in safe mode: raw HTML is
// omitted and `javascript:` links emptied, so a framework's text cannot inject markup.
std::string MarkdownHtml(std::string_view markdown);

// One line: runs of white space (line breaks included) folded into single spaces, trimmed.
std::string OneLine(std::string_view text);

// "years_of_experience" -> "Years of experience".
std::string AttributeHeading(std::string_view key);

// The level's title, or its code when it has none.
std::string LevelName(const model::Level& level);

// True for a note a reader wrote about the layout of the document it read (the level-pages
// reader's "Level page sections", the role-catalogue reader's blueprint heading): exporting the
// framework in another layout leaves it out, and reading that layout back makes its own.
bool DescribesSourceLayout(const model::Framework& framework, const model::Note& note);

// True for a level attribute a reader wrote about the document it read (the level-pages
// reader's `page`, the file a level was read from): left out in other layouts.
bool DescribesSourceDocument(const model::Framework& framework, std::string_view attribute);

// Errors: kInvalidArgument naming the layout when `framework` has no level (a role catalogue)
// or, for the role catalogue, no role.
Status RequireLevels(const model::Framework& framework, std::string_view layout);
Status RequireRoles(const model::Framework& framework, std::string_view layout);

// The level whose expectations `level` of `track` includes: its `inherits`, else, in a
// cumulative framework, the level before it in its track; nullptr when none.
const model::Level* IncludedLevel(const model::Framework& framework, const model::Track& track,
                                  const model::Level& level);

}  // namespace ladder::formats
