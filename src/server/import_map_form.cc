#include "server/import_map_form.h"

#include <array>

#include "base/text.h"

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

bool HasMappedDocument(const Exchange& x) { return x.HasForm("mapped_document"); }

Result<formats::Document> MappedDocument(const Exchange& x) {
  std::optional<std::string> bytes = Base64Decode(x.Form("mapped_document"));
  if (!bytes || bytes->empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "the page lost the document to read again: import the file again", {},
                     "mapped_document");
  std::string name = x.Form("mapped_name");
  return formats::Document{name.empty() ? "document" : name, std::move(*bytes)};
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

void ShowImportMap(render::EditView& view, const formats::Imported& imported,
                   const formats::Document& document, const std::string& format) {
  if (!imported.map) return;
  view.map_fields = formats::MapFields(*imported.map);
  view.mapped_document = Base64Encode(document.text);
  view.mapped_name = document.name;
  view.mapped_format = format;
}

}  // namespace ladder::server::internal
