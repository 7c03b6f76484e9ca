// The lines and cells of a plain-text ladder (plain_text_reader.h), internal to formats/: a
// document scanned into its title, prose and sections holding raw table rows; header rows
// recognised by their column names; cells split into items; level cells read as ranks.
// The plain-text reader turns the rows into levels. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/import.h"
#include "model/framework.h"

namespace ladder::formats::plain_text {

inline constexpr std::string_view kBullet = "\xE2\x80\xA2";  // •

enum class Column { kRole, kLevel, kResponsibilities, kRequirements, kOther };

struct Header {
  std::vector<Column> columns;
  std::vector<std::string> names;  // as written
  bool tabs = true;                // tab-separated (else runs of spaces)
  int Find(Column c) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == c) return static_cast<int>(i);
    return -1;
  }
};

struct RawRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct Table {
  int line = 0;
  Header header;
  std::vector<RawRow> rows;
};

struct Section {
  std::string heading;
  int line = 0;
  std::vector<std::string> paragraphs;
  std::vector<Table> tables;
};

// A document scanned line by line: its title (the first line), the prose before the first
// heading, and its sections with their paragraphs and tables.
struct Scan {
  bool have_title = false;
  std::string title;
  std::vector<std::string> preamble;
  std::vector<Section> sections;
};
// Scans `document`; every passage of text read (title, headings, prose, cells that are not
// structure) is appended to `source`.
Scan ScanDocument(const Document& document, std::vector<Passage>& source);

std::string StripCr(std::string s);
bool IsBlank(std::string_view s);
// Cells of a row: split at tabs, or at runs of two or more spaces.
std::vector<std::string> SplitCells(std::string_view line, bool tabs);
// A header row: a role column and a responsibilities or requirements column, in any order.
std::optional<Header> ParseHeader(std::string_view line);
bool IsSeparator(std::string_view line);
// The words of a line with Markdown emphasis removed, as the coverage report counts them.
std::string PlainText(std::string_view line);
// "## Title" -> "Title"; "" for a line that is no Markdown heading.
std::string_view MarkdownHeading(std::string_view line);
bool LooksLikeHeading(std::string_view line);
// The items of a responsibilities or requirements cell: bullets, sentences run together by
// extraction, or runs of spaces (`space_runs`).
std::vector<std::string> SplitCell(std::string_view cell, bool space_runs);
// "Same as X, plus: rest" -> {"Same as X", rest}; nullopt without such a prefix.
std::optional<std::pair<std::string, std::string>> SplitInheritance(std::string_view cell,
                                                                    bool garbled);

struct LevelValue {
  enum Kind { kNone, kRank, kPlaceholder, kUnreadable } kind = kNone;
  int rank = 0;
  bool open_ended = false;  // "2+"
};
bool IsPlaceholder(std::string_view cell);
LevelValue ParseLevelValue(std::string_view cell);
// A requirements cell saying there is none ("None", "n/a", "-").
bool IsNoRequirement(std::string_view cell);
// A compact level code in the Level column ("S2", "M1", "IC3"): the level's code.
std::string GradeCode(std::string_view cell);
bool IsBareNumber(std::string_view cell);
bool IsTrivialCell(std::string_view cell);
model::TrackKind KindOfHeading(std::string_view heading);

}  // namespace ladder::formats::plain_text
