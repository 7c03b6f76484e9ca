#include "formats/yaml_scalar.h"

#include <charconv>
#include <cstdio>

#include "base/text.h"

namespace ladder::formats::internal {
namespace {

// True when `s` starts with the UTF-8 encoding of a character YAML treats as a line break or
// that editors hide: NEL, LS, PS, BOM, or a C1 control.
bool SpecialUnicodeAt(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (at(i) == 0xC2 && i + 1 < s.size() && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) return true;
  if (at(i) == 0xE2 && i + 2 < s.size() && at(i + 1) == 0x80 &&
      (at(i + 2) == 0xA8 || at(i + 2) == 0xA9))
    return true;
  if (at(i) == 0xEF && i + 2 < s.size() && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return true;
  return false;
}

// Words YAML 1.1 or 1.2 resolves to null, booleans or special floats.
bool IsReservedWord(std::string_view s) {
  static const char* const kWords[] = {"null", "~", "true", "false", "yes",   "no",   "on", "off",
                                       "y",    "n", ".inf", "+.inf", "-.inf", ".nan", "<<", "="};
  std::string lower = text::ToLower(s);
  for (const char* w : kWords)
    if (lower == w) return true;
  return false;
}

// Numbers in any YAML notation (ints, floats, hex, octal, sexagesimal) and dates.
bool LooksNumeric(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  if (body.empty()) return false;
  bool digit_start = body.front() >= '0' && body.front() <= '9';
  bool dot_digit = body.size() > 1 && body[0] == '.' && body[1] >= '0' && body[1] <= '9';
  if (!digit_start && !dot_digit) return false;
  for (char c : body) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'x' ||
          c == 'X' || c == 'o' || c == 'O' || c == '.' || c == '_' || c == ':' || c == '+' ||
          c == '-' || c == 'T' || c == 't' || c == 'Z' || c == 'z'))
      return false;
  }
  return true;
}

// True when `s` must be quoted to read back as the same string. `flow`: inside {...}.
bool NeedsQuotes(std::string_view s, bool flow) {
  if (s.empty()) return true;
  if (HasYamlControl(s, false)) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':')
    return true;
  if (flow && s.find_first_of(",[]{}:#") != std::string_view::npos) return true;
  if (s.starts_with("---") || s.starts_with("...")) return true;
  return IsReservedWord(s) || LooksNumeric(s);
}

std::string DoubleQuoted(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else if (SpecialUnicodeAt(s, i)) {
      // Decode the 2- or 3-byte sequence and escape it.
      unsigned cp = c == 0xC2 ? static_cast<unsigned char>(s[i + 1])
                              : ((c & 0x0F) << 12) |
                                    ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                                    (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", cp);
      out += buf;
      i += c == 0xC2 ? 1 : 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

bool HasYamlControl(std::string_view s, bool allow_newline) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' && allow_newline) continue;
    if (c < 0x20 || c == 0x7F || SpecialUnicodeAt(s, i)) return true;
  }
  return false;
}

std::string YamlScalar(std::string_view s, bool flow) {
  return NeedsQuotes(s, flow) ? DoubleQuoted(s) : std::string(s);
}

std::string YamlNumber(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) return "0";
  return std::string(buf, end);
}

}  // namespace ladder::formats::internal
