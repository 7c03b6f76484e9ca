#include "formats/import_map.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "base/text.h"
#include "formats/sheet.h"

namespace ladder::formats {
namespace {

// A map is a few dozen lines; larger input is refused before parsing.
constexpr size_t kMaxMapBytes = 256 * 1024;

const char* UseName(SheetMap::Use u) {
  switch (u) {
    case SheetMap::Use::kMatrix:
      return "matrix";
    case SheetMap::Use::kNotes:
      return "notes";
    case SheetMap::Use::kSkip:
      return "skip";
  }
  return "matrix";
}

const char* AxisName(SheetMap::Axis a) {
  return a == SheetMap::Axis::kColumns ? "columns" : "rows";
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      static const char* kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string List(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& i : items) quoted.push_back(Quote(i));
  return "[" + text::Join(quoted, ", ") + "]";
}

// A 1-based position as the map writes it: a column name (A, B, ...) or a row number; 0 stays 0.
std::string Position(int one_based, bool column) {
  if (one_based <= 0) return "0";
  return column ? ColumnName(one_based - 1) : std::to_string(one_based);
}

// Reads a 1-based position: a number, or a column name (A is 1). Letters are read wherever a
// position is, so that a map whose levels change from rows to columns stays readable.
std::optional<int> ParsePosition(std::string_view value, bool column, bool zero_ok) {
  column = true;
  std::string v(text::Trim(value));
  if (v.empty()) return std::nullopt;
  if (std::all_of(v.begin(), v.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (v.size() > 7) return std::nullopt;
    int n = std::stoi(v);
    if (n == 0 && !zero_ok) return std::nullopt;
    return n;
  }
  if (!column) return std::nullopt;
  int col = ColumnIndex(v);
  if (col < 0) return std::nullopt;
  return col + 1;
}

class Parser {
 public:
  explicit Parser(std::string_view name) : name_(name) {}

  Result<ImportMap> Run(const YAML::Node& root) {
    if (!root.IsMap()) return Bad(root, "", "a map is a mapping with `map: 1` at the top");
    std::set<std::string> keys = {"map", "sheets", "data"};
    LADDER_TRY_STATUS(Keys(root, keys, ""));
    if (!root["map"] || !root["map"].IsScalar() || root["map"].Scalar() != "1")
      return Bad(root["map"] ? root["map"] : root, "map",
                 "say `map: 1` (the version of the format)");
    ImportMap map;
    if (const YAML::Node sheets = root["sheets"]) {
      if (!sheets.IsSequence()) return Bad(sheets, "sheets", "`sheets` is a list of sheets");
      for (size_t i = 0; i < sheets.size(); ++i) {
        LADDER_TRY(SheetMap s, Sheet(sheets[i], "sheets[" + std::to_string(i) + "]"));
        map.sheets.push_back(std::move(s));
      }
    }
    if (const YAML::Node data = root["data"]) {
      LADDER_TRY(DataMap d, Data(data));
      map.data = std::move(d);
    }
    if (map.sheets.empty() && !map.data)
      return Bad(root, "", "the map says nothing: give `sheets:` (spreadsheets) or `data:`");
    return map;
  }

 private:
  std::unexpected<Error> Bad(const YAML::Node& n, std::string field, std::string message) {
    int line = n ? n.Mark().line + 1 : 0;
    int col = n ? n.Mark().column + 1 : 0;
    return MakeError(ErrorCode::kInvalidArgument, std::move(message),
                     SourceLocation{name_, line, col}, std::move(field));
  }

  Status Keys(const YAML::Node& n, const std::set<std::string>& allowed, const std::string& at) {
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      if (!allowed.count(key)) {
        std::vector<std::string> names(allowed.begin(), allowed.end());
        std::string hint;
        if (auto guess = text::DidYouMean(key, names)) hint = " (did you mean " + *guess + "?)";
        return Bad(kv.first, at + key,
                   "unknown key '" + key + "'" + hint + "; keys: " + text::Join(names, ", "));
      }
    }
    return Ok();
  }

  Result<std::string> Scalar(const YAML::Node& n, const std::string& field) {
    if (!n || n.IsNull()) return std::string();
    if (!n.IsScalar()) return Bad(n, field, "`" + field + "` takes one value");
    return n.Scalar();
  }

  Result<std::vector<std::string>> Strings(const YAML::Node& n, const std::string& field) {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    if (n.IsScalar()) {
      if (!n.Scalar().empty()) out.push_back(n.Scalar());
      return out;
    }
    if (!n.IsSequence()) return Bad(n, field, "`" + field + "` is a list of keys");
    for (const YAML::Node& item : n) {
      if (!item.IsScalar()) return Bad(item, field, "`" + field + "` lists keys (text)");
      out.push_back(item.Scalar());
    }
    return out;
  }

  Result<SheetMap> Sheet(const YAML::Node& n, const std::string& at) {
    if (!n.IsMap()) return Bad(n, at, "a sheet entry is a mapping (sheet, use, levels, ...)");
    LADDER_TRY_STATUS(Keys(
        n, {"sheet", "use", "levels", "header", "labels", "first", "last", "track"}, at + "."));
    SheetMap s;
    LADDER_TRY(s.sheet, Scalar(n["sheet"], at + ".sheet"));
    if (s.sheet.empty()) return Bad(n, at + ".sheet", "say which sheet (its name)");
    LADDER_TRY(std::string use, Scalar(n["use"], at + ".use"));
    if (use == "matrix" || use.empty())
      s.use = SheetMap::Use::kMatrix;
    else if (use == "notes")
      s.use = SheetMap::Use::kNotes;
    else if (use == "skip")
      s.use = SheetMap::Use::kSkip;
    else
      return Bad(n["use"], at + ".use", "use is matrix, notes or skip, not '" + use + "'");
    LADDER_TRY(std::string axis, Scalar(n["levels"], at + ".levels"));
    if (axis == "columns" || axis.empty())
      s.levels = SheetMap::Axis::kColumns;
    else if (axis == "rows")
      s.levels = SheetMap::Axis::kRows;
    else
      return Bad(n["levels"], at + ".levels", "levels are columns or rows, not '" + axis + "'");
    bool rows = s.levels == SheetMap::Axis::kRows;
    struct Pos {
      const char* key;
      int* out;
      bool column;
      bool zero_ok;
    };
    for (Pos p : {Pos{"header", &s.header, rows, false}, Pos{"labels", &s.labels, !rows, false},
                  Pos{"first", &s.first, rows, true}, Pos{"last", &s.last, rows, true}}) {
      LADDER_TRY(std::string v, Scalar(n[p.key], at + "." + p.key));
      if (v.empty()) continue;
      std::optional<int> pos = ParsePosition(v, p.column, p.zero_ok);
      if (!pos)
        return Bad(n[p.key], at + "." + p.key,
                   std::string(p.key) + " is a " +
                       (p.column ? "column (A, B, ... or 1, 2, ...)" : "row number (1, 2, ...)") +
                       ", not '" + v + "'");
      *p.out = *pos;
    }
    LADDER_TRY(s.track, Scalar(n["track"], at + ".track"));
    return s;
  }

  Result<DataMap> Data(const YAML::Node& n) {
    if (!n.IsMap()) return Bad(n, "data", "`data` is a mapping (shape, competencies, levels, ...)");
    LADDER_TRY_STATUS(Keys(n,
                           {"shape", "tracks", "competencies", "levels", "cells", "name", "text",
                            "level_key", "competency_key", "level_keys"},
                           "data."));
    DataMap d;
    LADDER_TRY(d.shape, Scalar(n["shape"], "data.shape"));
    const auto& shapes = DataShapes();
    if (std::find(shapes.begin(), shapes.end(), d.shape) == shapes.end())
      return Bad(n["shape"] ? n["shape"] : n, "data.shape",
                 "shape is one of " + text::Join(shapes, ", ") + ", not '" + d.shape + "'");
    LADDER_TRY(d.tracks, Scalar(n["tracks"], "data.tracks"));
    LADDER_TRY(d.competencies, Scalar(n["competencies"], "data.competencies"));
    LADDER_TRY(d.levels, Scalar(n["levels"], "data.levels"));
    LADDER_TRY(d.cells, Scalar(n["cells"], "data.cells"));
    LADDER_TRY(d.name, Strings(n["name"], "data.name"));
    LADDER_TRY(d.text, Strings(n["text"], "data.text"));
    LADDER_TRY(d.level_key, Scalar(n["level_key"], "data.level_key"));
    LADDER_TRY(d.competency_key, Scalar(n["competency_key"], "data.competency_key"));
    LADDER_TRY(d.level_keys, Strings(n["level_keys"], "data.level_keys"));
    return d;
  }

  std::string name_;
};

std::string SheetPart(const SheetMap& s) { return "Sheet " + s.sheet; }

}  // namespace

const std::vector<std::string>& DataShapes() {
  static const std::vector<std::string> shapes = {
      "competencies-with-levels", "levels-with-competencies", "level-keys", "cells", "levels"};
  return shapes;
}

Result<ImportMap> ParseImportMap(std::string_view yaml, std::string_view name) {
  if (yaml.size() > kMaxMapBytes)
    return MakeError(ErrorCode::kResourceExhausted, "a map is a few lines; this one is too large",
                     SourceLocation{std::string(name), 0, 0});
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return MakeError(ErrorCode::kParse, "invalid YAML: " + e.msg,
                     SourceLocation{std::string(name), e.mark.line + 1, e.mark.column + 1});
  }
  try {
    return Parser(name).Run(root);
  } catch (const YAML::Exception& e) {
    return MakeError(ErrorCode::kInvalidArgument, "invalid map: " + e.msg,
                     SourceLocation{std::string(name), e.mark.line + 1, e.mark.column + 1});
  }
}

namespace {

// "  key: value", its comment aligned at column 40.
std::string Setting(std::string_view indent, std::string_view key, const std::string& value,
                    std::string_view comment) {
  std::string line = std::string(indent) + std::string(key) + ": " + value;
  if (!comment.empty())
    line += std::string(line.size() < 38 ? 38 - line.size() : 1, ' ') + "# " + std::string(comment);
  return line + "\n";
}

}  // namespace

std::string WriteImportMap(const ImportMap& map) {
  std::string out =
      "# How Ladder reads this file (docs/import-maps.md). Correct what it guessed wrong and\n"
      "# import again with --map.\nmap: 1\n";
  if (!map.sheets.empty()) out += "sheets:\n";
  for (const SheetMap& s : map.sheets) {
    bool rows = s.levels == SheetMap::Axis::kRows;
    const std::string along = rows ? "column" : "row", across = rows ? "row" : "column";
    out += Setting("  - ", "sheet", Quote(s.sheet), "");
    out += Setting("    ", "use", UseName(s.use), "matrix | notes | skip");
    out += Setting("    ", "levels", AxisName(s.levels), "the levels are columns (or rows)");
    out +=
        Setting("    ", "header", Position(s.header, rows), "the " + along + " naming the levels");
    out += Setting("    ", "labels", Position(s.labels, !rows),
                   "the " + across + " naming the competencies");
    out += Setting("    ", "first", Position(s.first, rows),
                   "first " + along + " of the matrix (0: after the header)");
    out += Setting("    ", "last", Position(s.last, rows), "last " + along + " (0: to the end)");
    out += Setting("    ", "track", Quote(s.track), "the track (\"\": by level names)");
  }
  if (map.data) {
    const DataMap& d = *map.data;
    out += "data:\n";
    out += Setting("  ", "shape", d.shape, text::Join(DataShapes(), " | "));
    out += Setting("  ", "tracks", Quote(d.tracks), "track entries, or @key: split by a key");
    out += Setting("  ", "competencies", Quote(d.competencies), "where the competencies are");
    out += Setting("  ", "levels", Quote(d.levels), "where the levels are");
    out += Setting("  ", "cells", Quote(d.cells), "cells: entries naming a level and a competency");
    out += Setting("  ", "name", List(d.name), "keys naming an entry ([]: name, title, ...)");
    out += Setting("  ", "text", List(d.text), "keys holding behaviours ([]: all text)");
    out += Setting("  ", "level_key", Quote(d.level_key), "cells: the key naming the level");
    out += Setting("  ", "competency_key", Quote(d.competency_key),
                   "cells: the key naming the competency");
    out += Setting("  ", "level_keys", List(d.level_keys), "level-keys: the keys that are levels");
  }
  return out;
}

std::vector<MapField> MapFields(const ImportMap& map) {
  std::vector<MapField> fields;
  for (size_t i = 0; i < map.sheets.size(); ++i) {
    const SheetMap& s = map.sheets[i];
    const std::string id = "sheets." + std::to_string(i) + ".";
    bool rows = s.levels == SheetMap::Axis::kRows;
    auto add = [&](const char* key, std::string label, std::string value,
                   std::vector<std::string> choices = {}) {
      fields.push_back(
          {id + key, SheetPart(s), std::move(label), std::move(value), std::move(choices)});
    };
    add("use", "Use", UseName(s.use), {"matrix", "notes", "skip"});
    add("levels", "Levels are", AxisName(s.levels), {"columns", "rows"});
    const std::string along = rows ? "Column" : "Row", across = rows ? "Row" : "Column";
    add("header", along + " naming the levels", Position(s.header, rows));
    add("labels", across + " naming the competencies", Position(s.labels, !rows));
    add("first", "First " + text::ToLower(along), Position(s.first, rows));
    add("last", "Last " + text::ToLower(along) + " (0: to the end)", Position(s.last, rows));
    add("track", "Track", s.track);
  }
  if (map.data) {
    const DataMap& d = *map.data;
    auto add = [&](const char* key, const char* label, std::string value,
                   std::vector<std::string> choices = {}) {
      fields.push_back(
          {std::string("data.") + key, "Data file", label, std::move(value), std::move(choices)});
    };
    add("shape", "Shape", d.shape, DataShapes());
    add("competencies", "Competencies at", d.competencies);
    add("levels", "Levels at", d.levels);
    add("cells", "Cells at (cells)", d.cells);
    add("tracks", "Tracks at (a path, or @key)", d.tracks);
    add("name", "Keys naming an entry", text::Join(d.name, ", "));
    add("text", "Keys holding behaviours", text::Join(d.text, ", "));
    add("level_key", "Key naming the level (cells)", d.level_key);
    add("competency_key", "Key naming the competency (cells)", d.competency_key);
    add("level_keys", "Keys that are levels (level-keys)", text::Join(d.level_keys, ", "));
  }
  return fields;
}

namespace {

std::unexpected<Error> BadField(std::string_view id, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message), {}, std::string(id));
}

std::vector<std::string> KeyList(const std::string& v) {
  std::vector<std::string> out;
  for (const std::string& part : text::Split(v, ','))
    if (!text::Trim(part).empty()) out.emplace_back(text::Trim(part));
  return out;
}

Status SetSheetField(SheetMap& s, std::string_view id, const std::string& key,
                     const std::string& value) {
  bool rows = s.levels == SheetMap::Axis::kRows;
  if (key == "use") {
    if (value == "matrix")
      s.use = SheetMap::Use::kMatrix;
    else if (value == "notes")
      s.use = SheetMap::Use::kNotes;
    else if (value == "skip")
      s.use = SheetMap::Use::kSkip;
    else
      return BadField(id, "use is matrix, notes or skip");
  } else if (key == "levels") {
    if (value == "columns")
      s.levels = SheetMap::Axis::kColumns;
    else if (value == "rows")
      s.levels = SheetMap::Axis::kRows;
    else
      return BadField(id, "levels are columns or rows");
  } else if (key == "header" || key == "labels" || key == "first" || key == "last") {
    bool column = key == "labels" ? !rows : rows;
    std::optional<int> pos = ParsePosition(value, column, key == "first" || key == "last");
    if (!pos)
      return BadField(
          id, std::string("not a ") + (column ? "column" : "row number") + ": '" + value + "'");
    (key == "header"   ? s.header
     : key == "labels" ? s.labels
     : key == "first"  ? s.first
                       : s.last) = *pos;
  } else if (key == "track") {
    s.track = value;
  } else {
    return BadField(id, "unknown setting");
  }
  return Ok();
}

Status SetDataField(DataMap& d, std::string_view id, const std::string& key,
                    const std::string& value) {
  if (key == "shape") {
    const auto& shapes = DataShapes();
    if (std::find(shapes.begin(), shapes.end(), value) == shapes.end())
      return BadField(id, "shape is one of " + text::Join(shapes, ", "));
    d.shape = value;
  } else if (key == "competencies")
    d.competencies = value;
  else if (key == "levels")
    d.levels = value;
  else if (key == "cells")
    d.cells = value;
  else if (key == "tracks")
    d.tracks = value;
  else if (key == "name")
    d.name = KeyList(value);
  else if (key == "text")
    d.text = KeyList(value);
  else if (key == "level_key")
    d.level_key = value;
  else if (key == "competency_key")
    d.competency_key = value;
  else if (key == "level_keys")
    d.level_keys = KeyList(value);
  else
    return BadField(id, "unknown setting");
  return Ok();
}

}  // namespace

Status SetMapField(ImportMap& map, std::string_view id, std::string_view raw) {
  std::string value(text::Trim(raw));
  std::vector<std::string> parts = text::Split(id, '.');
  if (parts.size() == 3 && parts[0] == "sheets") {
    bool digits = !parts[1].empty() && parts[1].size() <= 3 &&
                  std::all_of(parts[1].begin(), parts[1].end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!digits || std::stoul(parts[1]) >= map.sheets.size())
      return BadField(id, "no such sheet in the map");
    return SetSheetField(map.sheets[std::stoul(parts[1])], id, parts[2], value);
  }
  if (parts.size() == 2 && parts[0] == "data") {
    if (!map.data) map.data = DataMap{};
    return SetDataField(*map.data, id, parts[1], value);
  }
  return BadField(id, "unknown setting");
}

}  // namespace ladder::formats
