#include "server/import_map_form.h"

#include <algorithm>
#include <array>

#include "base/text.h"
#include "formats/canonical.h"
#include "model/translation.h"

namespace ladder::server::internal {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string Base64Encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(in[i]) << 16) | (static_cast<uint8_t>(in[i + 1]) << 8) |
                 static_cast<uint8_t>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i < in.size()) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view in) {
  std::array<int, 256> value;
  value.fill(-1);
  for (size_t i = 0; i < kAlphabet.size(); ++i)
    value[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int>(i);
  std::string out;
  out.reserve(in.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  size_t padding = 0;
  for (char c : in) {
    if (c == '\r' || c == '\n' || c == ' ') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after padding
    int v = value[static_cast<uint8_t>(c)];
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if (padding > 2) return std::nullopt;
  return out;
}

render::ImportFormView ImportForm(const std::string& format, const std::string& error) {
  render::ImportFormView view;
  for (const auto& r : formats::Readers()) view.formats.emplace_back(r->Name());
  view.format = format;
  view.max_files = kMaxImportFiles;
  view.max_bytes = kMaxImportBytes;
  view.flash.error = error;
  return view;
}

namespace {

Status WithinLimits(const std::vector<formats::Document>& documents) {
  if (documents.size() > static_cast<size_t>(kMaxImportFiles))
    return MakeError(ErrorCode::kResourceExhausted,
                     std::to_string(documents.size()) + " files are more than the " +
                         std::to_string(kMaxImportFiles) +
                         " one import reads: import fewer files at once",
                     {}, "document");
  size_t bytes = 0;
  for (const formats::Document& d : documents) bytes += d.text.size();
  if (bytes > kMaxImportBytes)
    return MakeError(ErrorCode::kResourceExhausted,
                     "the files add up to " + std::to_string(bytes) + " bytes, more than the " +
                         std::to_string(kMaxImportBytes >> 20) +
                         " MiB one import reads: import fewer or smaller files",
                     {}, "document");
  return Ok();
}

}  // namespace

Result<std::vector<formats::Document>> UploadedDocuments(const Exchange& x) {
  std::vector<formats::Document> documents;
  auto [first, last] = x.req.form.equal_range("document");
  for (auto it = first; it != last; ++it) {
    // A browser sends an empty part, without a name, when no file was chosen.
    if (it->second.filename.empty() && it->second.content.empty()) continue;
    documents.push_back(
        {it->second.filename.empty() ? "document" : it->second.filename, it->second.content});
  }
  if (documents.empty() || (documents.size() == 1 && documents[0].text.empty()))
    return MakeError(ErrorCode::kInvalidArgument, "choose a file to import", {}, "document");
  LADDER_TRY_STATUS(WithinLimits(documents));
  return documents;
}

bool HasCarriedDocuments(const Exchange& x) { return x.HasForm("mapped_document"); }

Result<std::vector<formats::Document>> CarriedDocuments(const Exchange& x) {
  std::vector<std::string> texts = x.FormAll("mapped_document");
  std::vector<std::string> names = x.FormAll("mapped_name");
  std::vector<formats::Document> documents;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::optional<std::string> bytes = Base64Decode(texts[i]);
    if (!bytes || bytes->empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "the page lost the document to read again: import the file again", {},
                       "mapped_document");
    std::string name = i < names.size() ? names[i] : "";
    documents.push_back({name.empty() ? "document" : name, std::move(*bytes)});
  }
  LADDER_TRY_STATUS(WithinLimits(documents));
  return documents;
}

bool HasMapFields(const Exchange& x) {
  auto it = x.req.form.lower_bound("map.");
  return it != x.req.form.end() && it->first.starts_with("map.");
}

Result<formats::ImportMap> MapFromForm(const Exchange& x, const formats::Document& document,
                                       const std::string& format) {
  LADDER_TRY(formats::ImportMap map, formats::SuggestMap(document, format));
  for (const formats::MapField& f : formats::MapFields(map)) {
    const std::string field = "map." + f.id;
    if (!x.HasForm(field)) continue;
    Status set = formats::SetMapField(map, f.id, x.Form(field));
    if (!set) return Fail(set.error());
  }
  return map;
}

std::string PassageKey(const formats::Passage& passage) {
  return passage.file + ":" + std::to_string(passage.line) + ":" + model::Fingerprint(passage.text);
}

namespace {

// Reads "<label>.use", ".level" and ".competency" into `row`. Errors: an unknown use.
Status ReadChoice(const Exchange& x, const std::string& label, render::ImportPassageRow& row) {
  row.use = x.Form(label + ".use");
  row.level = x.Form(label + ".level");
  row.competency = x.Form(label + ".competency");
  if (row.use.empty() || formats::ParsePassageUse(row.use)) return Ok();
  std::string names;
  for (formats::PassageUse use : formats::PassageUses())
    names += std::string(names.empty() ? "" : ", ") + formats::PassageUseName(use);
  return MakeError(ErrorCode::kInvalidArgument,
                   "'" + row.use + "' is not a choice: choose one of " + names, {}, label + ".use");
}

}  // namespace

Result<std::vector<formats::PassageChoice>> ChoicesFromForm(
    const Exchange& x, const std::vector<formats::Passage>& left, render::EditView& view) {
  view.choice_rows = std::min(left.size(), kMaxChoiceRows);
  Status all = ReadChoice(x, "all", view.all);
  Status own = Ok();
  for (size_t i = 0; i < left.size(); ++i) {
    render::ImportPassageRow row;
    row.file = left[i].file;
    row.line = left[i].line;
    row.text = left[i].text;
    row.key = PassageKey(left[i]);
    const std::string label = "passage." + std::to_string(i);
    // A choice posted for another passage (the files were read with another map) is dropped.
    if (i < view.choice_rows && x.Form(label + ".key") == row.key) {
      Status read = ReadChoice(x, label, row);
      if (!read && own) own = read;
    }
    view.passages.push_back(std::move(row));
  }
  if (!all) return Fail(all.error());
  if (!own) return Fail(own.error());
  std::vector<formats::PassageChoice> choices;
  for (size_t i = 0; i < left.size(); ++i) {
    const render::ImportPassageRow& row = view.passages[i];
    const bool own_choice = !row.use.empty();
    const render::ImportPassageRow& chosen = own_choice ? row : view.all;
    std::optional<formats::PassageUse> use = formats::ParsePassageUse(chosen.use);
    if (!use || *use == formats::PassageUse::kLeaveOut) continue;
    choices.push_back({left[i], *use, chosen.level, chosen.competency,
                       own_choice ? "passage." + std::to_string(i) : "all"});
  }
  return choices;
}

void ShowImport(render::EditView& view, const formats::Imported& imported,
                const std::vector<formats::Document>& documents, const std::string& format) {
  view.import = true;
  view.yaml = formats::WriteYaml(imported.framework);
  view.source_words = imported.coverage.source_words;
  view.imported_words = imported.coverage.imported_words;
  view.structure_words = imported.coverage.structure_words;
  view.notes_words = imported.coverage.notes_words;
  view.still_not_imported = static_cast<int>(imported.coverage.not_imported.size());
  for (const formats::ImportWarning& w : imported.warnings)
    view.warnings.push_back(w.where.ToString() + ": " + w.message);
  const model::Framework& f = imported.framework;
  for (const model::Track& t : f.tracks) {
    for (const model::Level& l : t.levels) {
      if (l.state == model::LevelState::kDefined)
        view.level_choices.emplace_back(t.id + "/" + l.code, l.Label(t));
    }
  }
  for (const model::Competency& c : f.competencies)
    view.competency_choices.emplace_back(c.id, c.DisplayName());
  for (const formats::Document& d : documents)
    view.carried.emplace_back(d.name, Base64Encode(d.text));
  view.format = format;
  if (imported.map && documents.size() == 1) {
    view.map_fields = formats::MapFields(*imported.map);
    view.mapped_document = view.carried[0].second;
    view.mapped_name = documents[0].name;
    view.mapped_format = format;
  }
}

}  // namespace ladder::server::internal
