#include "formats/settings_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <utility>

namespace ladder::formats {
namespace {

SourceLocation Where(const toml::source_region& region, const std::string& path) {
  return {path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

// The text of one scalar value as a command line would give it.
Result<std::string> ScalarText(const toml::node& node, const std::string& key,
                               const std::string& path) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) {
    std::ostringstream out;
    out << f->get();
    return out.str();
  }
  if (const auto* b = node.as_boolean()) return std::string(b->get() ? "true" : "false");
  const char* kind = node.is_table()   ? "table"
                     : node.is_array() ? "array of arrays"
                                       : "date or time";
  return MakeError(ErrorCode::kInvalidArgument,
                   "setting '" + key +
                       "' must be a string, a number, true or false, or an array of them; "
                       "not a " +
                       kind,
                   Where(node.source(), path), key);
}

Status Collect(const toml::table& table, std::vector<std::string>& command, const std::string& path,
               std::vector<Setting>& out) {
  for (const auto& [name, node] : table) {
    const std::string key(name.str());
    if (const auto* inner = node.as_table()) {
      command.push_back(key);
      LADDER_TRY_STATUS(Collect(*inner, command, path, out));
      command.pop_back();
      continue;
    }
    Setting setting{command, key, {}, false, Where(name.source(), path)};
    if (const auto* array = node.as_array()) {
      setting.is_array = true;
      for (const toml::node& item : *array) {
        LADDER_TRY(std::string text, ScalarText(item, key, path));
        setting.values.push_back(std::move(text));
      }
    } else {
      LADDER_TRY(std::string text, ScalarText(node, key, path));
      setting.values.push_back(std::move(text));
    }
    out.push_back(std::move(setting));
  }
  return Ok();
}

}  // namespace

Result<std::vector<Setting>> ReadSettings(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return MakeError(ErrorCode::kParse, std::string(e.description()), Where(e.source(), path));
  }
  std::vector<Setting> settings;
  std::vector<std::string> command;
  LADDER_TRY_STATUS(Collect(root, command, path, settings));
  // Tables iterate by key; a user reads the file top to bottom.
  std::ranges::stable_sort(
      settings, {}, [](const Setting& s) { return std::pair(s.where.line, s.where.column); });
  return settings;
}

}  // namespace ladder::formats
