// The import preview's coverage report and the form choosing what each passage not imported
// becomes (formats/passage_choices.h): one row per passage with three selects, the last rows
// following the choice for every passage when there are more than the form may hold.
#include "formats/passage_choices.h"
#include "render/import_map_view.h"

namespace ladder::render {
namespace {

using internal::Append;
using internal::Data;
using internal::Object;
using internal::Set;

// A select's options: the empty one first (with `empty` as its label, none when empty), then
// each (value, label), the one equal to `chosen` selected.
Data Options(const std::string& empty,
             const std::vector<std::pair<std::string, std::string>>& choices,
             const std::string& chosen) {
  Data list = internal::List();
  auto add = [&](const std::string& value, const std::string& label) {
    Data o = Object();
    Set(o, "value", value);
    Set(o, "label", label);
    Set(o, "selected", value == chosen);
    Append(list, std::move(o));
  };
  if (!empty.empty()) add("", empty);
  for (const auto& [value, label] : choices) add(value, label);
  return list;
}

std::vector<std::pair<std::string, std::string>> Uses() {
  std::vector<std::pair<std::string, std::string>> out;
  for (formats::PassageUse use : formats::PassageUses())
    out.emplace_back(formats::PassageUseName(use), formats::PassageUseLabel(use));
  return out;
}

}  // namespace

void SetImportChoices(Data& d, const EditView& v) {
  Set(d, "source_words", std::to_string(v.source_words));
  Set(d, "imported_words", std::to_string(v.imported_words));
  Set(d, "structure_words", std::to_string(v.structure_words));
  Set(d, "notes_words", std::to_string(v.notes_words));
  Set(d, "still_not_imported", std::to_string(v.still_not_imported));
  const std::vector<std::pair<std::string, std::string>> uses = Uses();
  Data rows = internal::List();
  for (size_t i = 0; i < v.passages.size(); ++i) {
    const ImportPassageRow& p = v.passages[i];
    Data row = Object();
    Set(row, "file", internal::Text(p.file));
    Set(row, "line", std::to_string(p.line));
    Set(row, "text", p.text);
    Set(row, "own", i < v.choice_rows);
    Set(row, "id", "passage." + std::to_string(i));
    Set(row, "key", p.key);
    Set(row, "uses", Options("as for every passage", uses, p.use));
    Set(row, "competencies", Options("no competency", v.competency_choices, p.competency));
    Set(row, "levels", Options("no level", v.level_choices, p.level));
    Append(rows, std::move(row));
  }
  internal::SetList(d, "passages", std::move(rows));
  Set(d, "passages_count",
      std::to_string(v.passages.size()) + (v.passages.size() == 1 ? " passage" : " passages"));
  Set(d, "more_than_rows", v.passages.size() > v.choice_rows);
  Set(d, "choice_rows", std::to_string(v.choice_rows));
  Set(d, "all_uses", Options("", uses, v.all.use.empty() ? "leave-out" : v.all.use));
  Set(d, "all_competencies", Options("no competency", v.competency_choices, v.all.competency));
  Set(d, "all_levels", Options("no level", v.level_choices, v.all.level));
  Data carried = internal::List();
  for (const auto& [name, data] : v.carried) {
    Data c = Object();
    Set(c, "name", name);
    Set(c, "data", data);
    Append(carried, std::move(c));
  }
  internal::SetList(d, "carried", std::move(carried));
  Set(d, "format", internal::Text(v.format));
  Set(d, "choice_error", internal::Text(v.choice_error));
}

}  // namespace ladder::render
