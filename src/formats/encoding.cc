#include "formats/encoding.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "base/text.h"

namespace ladder::formats {
namespace {

// Unicode code points of the cp1252 bytes 0x80..0x9F; the five undefined ones map like Latin-1.
constexpr std::array<uint32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

using text::AppendUtf8;

// Decodes one code point of UTF-8 at `i`; returns its length in bytes.
int DecodeAt(std::string_view s, size_t i, uint32_t* cp) {
  size_t len = 1;
  *cp = text::DecodeUtf8(s, i, &len);
  return static_cast<int>(len);
}

// The cp1252 byte that decodes to `cp`, or -1 when none does.
int Cp1252ByteOf(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  for (size_t b = 0; b < kCp1252High.size(); ++b) {
    if (kCp1252High[b] == cp) return static_cast<int>(0x80 + b);
  }
  return -1;
}

// Length of the well-formed multi-byte UTF-8 sequence starting at bytes[i], or 0.
size_t Utf8SequenceAt(const std::vector<unsigned char>& bytes, size_t i) {
  unsigned char c = bytes[i];
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > bytes.size()) return 0;
  std::string_view view(reinterpret_cast<const char*>(&bytes[i]), len);
  return text::IsValidUtf8(view) ? len : 0;
}

Result<std::string> Utf16ToUtf8(std::string_view bytes, bool little_endian, std::string_view name) {
  if (bytes.size() % 2 != 0) {
    return MakeError(ErrorCode::kParse, "truncated UTF-16 text (odd number of bytes)",
                     SourceLocation{std::string(name), 0, 0});
  }
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) {
    unsigned a = static_cast<unsigned char>(bytes[i]);
    unsigned b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  int line = 1;
  for (size_t i = 0; i < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 2 < bytes.size()) {
      uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      return MakeError(ErrorCode::kParse, "invalid UTF-16 text (unpaired surrogate)",
                       SourceLocation{std::string(name), line, 0});
    }
    if (u == '\n') ++line;
    AppendUtf8(u, out);
  }
  return out;
}

std::string NormaliseLineEnds(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t cr = s.find('\r', i);
    if (cr == std::string_view::npos) cr = s.size();
    out.append(s, i, cr - i);
    if (cr == s.size()) break;
    out += '\n';
    i = cr + 1;
    if (i < s.size() && s[i] == '\n') ++i;
  }
  return out;
}

bool HasMultibyteUtf8(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xC2 || c > 0xF4) continue;
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len <= s.size() && text::IsValidUtf8(s.substr(i, len))) return true;
  }
  return false;
}

}  // namespace

std::string Cp1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      AppendUtf8(kCp1252High[c - 0x80], out);
    } else {
      AppendUtf8(c, out);
    }
  }
  return out;
}

std::string RepairMojibake(std::string_view text, std::vector<TextWarning>* warnings) {
  std::string out;
  out.reserve(text.size());
  int line = 1;
  int warned_line = 0;
  size_t i = 0;
  // Runs of non-ASCII characters that cp1252 can encode are re-encoded to bytes; any
  // well-formed multi-byte UTF-8 sequence among those bytes is what the text originally said.
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      size_t j = i + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
      line += static_cast<int>(std::count(text.begin() + static_cast<long>(i),
                                          text.begin() + static_cast<long>(j), '\n'));
      out.append(text, i, j - i);
      i = j;
      continue;
    }
    std::vector<unsigned char> bytes;
    std::vector<std::pair<size_t, size_t>> spans;  // source byte range of each byte
    size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) {
      uint32_t cp = 0;
      int len = DecodeAt(text, j, &cp);
      int b = Cp1252ByteOf(cp);
      if (b < 0) break;
      bytes.push_back(static_cast<unsigned char>(b));
      spans.emplace_back(j, static_cast<size_t>(len));
      j += len;
    }
    if (bytes.empty()) {  // a character cp1252 cannot encode: keep it
      uint32_t cp = 0;
      int len = DecodeAt(text, i, &cp);
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    std::string original, repaired;
    for (size_t k = 0; k < bytes.size();) {
      size_t len = Utf8SequenceAt(bytes, k);
      if (len > 0) {
        std::string seq(reinterpret_cast<const char*>(&bytes[k]), len);
        for (size_t m = k; m < k + len; ++m)
          original.append(text.substr(spans[m].first, spans[m].second));
        if (repaired.empty()) repaired = seq;
        out += seq;
        k += len;
      } else {
        out.append(text.substr(spans[k].first, spans[k].second));
        ++k;
      }
    }
    if (!original.empty() && warnings && warned_line != line) {
      warnings->push_back(
          {line, "repaired mis-encoded text (" + original + " -> " + repaired + ")"});
      warned_line = line;
    }
    i = j;
  }
  return out;
}

Result<DecodedText> DecodeDocument(std::string_view bytes, std::string_view name) {
  SourceLocation where{std::string(name), 0, 0};
  if (bytes.size() > kMaxDocumentBytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "document is " + std::to_string(bytes.size() >> 20) + " MiB; the limit is " +
                         std::to_string(kMaxDocumentBytes >> 20) + " MiB per document",
                     where);
  }
  DecodedText out;
  std::string utf8;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    LADDER_TRY(utf8, Utf16ToUtf8(bytes.substr(2), bytes[0] == '\xFF', name));
    if (utf8.find('\0') != std::string::npos) {
      return MakeError(ErrorCode::kParse, "binary file (NUL character in UTF-16 text)", where);
    }
  } else {
    if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
      auto [line, col] = text::LineColumnOf(bytes, nul);
      return MakeError(ErrorCode::kParse,
                       "binary file: NUL byte; Ladder imports text documents (Markdown, HTML, "
                       "YAML, plain text)",
                       SourceLocation{std::string(name), line, col});
    }
    size_t bad = 0;
    if (text::IsValidUtf8(bytes, &bad)) {
      utf8 = std::string(bytes);
    } else if (!HasMultibyteUtf8(bytes)) {
      auto [line, col] = text::LineColumnOf(bytes, bad);
      utf8 = Cp1252ToUtf8(bytes);
      out.warnings.push_back(
          {line, "text is not UTF-8; read as Windows-1252 (first non-ASCII byte at column " +
                     std::to_string(col) + ")"});
    } else {
      auto [line, col] = text::LineColumnOf(bytes, bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
      return MakeError(ErrorCode::kParse,
                       std::string("invalid UTF-8: byte ") + hex +
                           " in text that is otherwise UTF-8; save the document as UTF-8",
                       SourceLocation{std::string(name), line, col});
    }
  }
  out.text = RepairMojibake(NormaliseLineEnds(utf8), &out.warnings);
  return out;
}

}  // namespace ladder::formats
