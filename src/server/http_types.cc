#include "server/http_types.h"

#include <algorithm>

#include "base/text.h"

namespace ladder::server {
namespace {

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [](unsigned char x, unsigned char y) { return Lower(x) < Lower(y); });
}

bool Request::has_header(std::string_view name) const { return headers.contains(name); }

std::string Request::get_header_value(std::string_view name, size_t index) const {
  auto [first, last] = headers.equal_range(name);
  for (auto it = first; it != last; ++it, --index)
    if (index == 0) return it->second;
  return "";
}

size_t Request::get_header_value_count(std::string_view name) const { return headers.count(name); }

bool Request::has_file(std::string_view name) const { return form.contains(std::string(name)); }

FormField Request::get_file_value(std::string_view name) const {
  auto it = form.find(std::string(name));
  return it == form.end() ? FormField{} : it->second;
}

void Response::set_header(std::string_view name, std::string_view value) {
  if (name.find_first_of("\r\n:") != std::string_view::npos ||
      value.find_first_of("\r\n") != std::string_view::npos)
    return;
  headers.emplace(std::string(name), std::string(value));
}

std::string Response::get_header_value(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

bool Response::has_header(std::string_view name) const { return headers.contains(name); }

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  headers.erase(std::string("Content-Type"));
  set_header("Content-Type", content_type);
}

std::string PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string EncodeQueryParam(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::multimap<std::string, std::string> ParseQuery(std::string_view query) {
  std::multimap<std::string, std::string> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : part.substr(eq + 1);
    out.emplace(PercentDecode(key, true), PercentDecode(value, true));
  }
  return out;
}

namespace {

// Writes `s` with bytes that are not UTF-8 as \xHH, and also control characters and
// backslashes when `controls`.
std::string Escape(std::string_view s, bool controls) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    if (c >= 0x80) {
      char32_t cp = text::DecodeUtf8(s, i, &len);
      if (cp != 0 && text::IsValidUtf8(s.substr(i, len))) {
        out.append(s.substr(i, len));
        i += len;
        continue;
      }
    }
    if (c == '\\' && controls) {
      out += "\\\\";
    } else if (c >= 0x80 || (controls && (c < 0x20 || c == 0x7f))) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
    i += 1;
  }
  return out;
}

}  // namespace

std::string Printable(std::string_view s) { return Escape(s, true); }

std::string ValidUtf8(std::string_view s) {
  if (text::IsValidUtf8(s)) return std::string(s);
  return Escape(s, false);
}

}  // namespace ladder::server
