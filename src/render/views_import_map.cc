#include "render/import_map_view.h"

namespace ladder::render {

void SetImportMap(internal::Data& d, const EditView& v) {
  using internal::Append;
  using internal::Data;
  using internal::Set;
  Set(d, "has_map", !v.map_fields.empty());
  Data rows = internal::List();
  std::string part;
  for (const formats::MapField& f : v.map_fields) {
    Data row = internal::Object();
    Set(row, "id", "map." + f.id);
    Set(row, "part", internal::Text(f.part == part ? std::string() : f.part));
    Set(row, "label", f.label);
    Set(row, "value", f.value);
    Data choices = internal::List();
    for (const std::string& c : f.choices) {
      Data choice = internal::Object();
      Set(choice, "choice", c);
      Set(choice, "selected", c == f.value);
      Append(choices, std::move(choice));
    }
    Set(row, "has_choices", !f.choices.empty());
    internal::SetList(row, "choices", std::move(choices));
    Append(rows, std::move(row));
    part = f.part;
  }
  internal::SetList(d, "map_rows", std::move(rows));
  Set(d, "mapped_document", internal::Text(v.mapped_document));
  Set(d, "mapped_name", internal::Text(v.mapped_name));
  Set(d, "mapped_format", internal::Text(v.mapped_format));
}

}  // namespace ladder::render
