#include "analysis/leaks.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <span>

#include "base/text.h"
#include "base/unicode.h"

namespace ladder::analysis {
namespace {

// -- Text ----------------------------------------------------------------------------------------

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHostChar(char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// HTML character references, as browsers decode them in attributes and text (and cmark-gfm in
// Markdown): &#58; &#x3a; and the named ones that spell URLs (&colon; &sol; &period; ...).
std::string DecodeEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},   {"lt", "<"},   {"gt", ">"},       {"quot", "\""},  {"apos", "'"},
      {"colon", ":"}, {"sol", "/"},  {"bsol", "\\"},    {"period", "."}, {"commat", "@"},
      {"nbsp", " "},  {"Tab", "\t"}, {"NewLine", "\n"}, {"lpar", "("},   {"rpar", ")"},
      {"lsqb", "["},  {"rsqb", "]"}, {"num", "#"},      {"quest", "?"},  {"percnt", "%"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    std::string_view name = semi == std::string_view::npos || semi - i > 12
                                ? std::string_view()
                                : s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (v < 0 || cp > 0x10FFFF) ok = false;
        if (ok) cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF) {
        text::AppendUtf8(cp, out);
        done = true;
      }
    } else {
      for (const auto& [n, value] : kNamed) {
        if (name == n) {
          out += value;
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi;
    } else {
      out += '&';
    }
  }
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9'   ? c - '0'
             : c >= 'a' && c <= 'f' ? c - 'a' + 10
             : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                    : -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// -- Hosts ---------------------------------------------------------------------------------------

// A number of an IPv4 part as the WHATWG URL standard reads it: 0x.. hex, 0.. octal, decimal.
std::optional<uint64_t> Ipv4Number(std::string_view part) {
  if (part.empty()) return std::nullopt;
  int base = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    base = 16;
    part.remove_prefix(2);
  } else if (part.size() >= 2 && part[0] == '0') {
    base = 8;
    part.remove_prefix(1);
  }
  uint64_t value = 0;
  for (char c : part) {
    int v = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : 99;
    if (v >= base) return std::nullopt;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(v);
    if (value > 0xFFFFFFFFull) return std::nullopt;
  }
  return value;
}

// The host's labels, without one trailing empty label (a trailing dot).
std::vector<std::string> Labels(std::string_view host) {
  std::vector<std::string> labels = text::Split(host, '.');
  if (labels.size() > 1 && labels.back().empty()) labels.pop_back();
  return labels;
}

// IPv4 per WHATWG: a host whose last label is a number is an address (1 to 4 parts, all but
// the last at most 255). nullopt when the host is a domain; 0xFFFFFFFF+1 when it ends in a
// number but is no valid address (browsers refuse it).
constexpr uint64_t kInvalidIpv4 = 0x100000000ull;
std::optional<uint64_t> ParseIpv4(std::string_view host) {
  std::vector<std::string> parts = Labels(host);
  if (parts.empty() || !Ipv4Number(parts.back())) {
    const std::string& last = parts.empty() ? std::string() : parts.back();
    bool digits = !last.empty() && std::all_of(last.begin(), last.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return std::nullopt;
    return kInvalidIpv4;
  }
  if (parts.size() > 4) return kInvalidIpv4;
  uint64_t address = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::optional<uint64_t> n = Ipv4Number(parts[i]);
    if (!n) return kInvalidIpv4;
    if (i + 1 < parts.size()) {
      if (*n > 255) return kInvalidIpv4;
      address |= *n << (8 * (3 - i));
    } else {
      if (*n >= (uint64_t{1} << (8 * (5 - parts.size())))) return kInvalidIpv4;
      address += *n;
    }
  }
  return address;
}

std::string DottedQuad(uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

// Why an IPv4 address is private, or "" when it is public.
std::string PrivateIpv4(uint32_t a) {
  auto in = [a](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16)) return "private (RFC 1918)";
  if (in(0x7F000000, 8)) return "loopback";
  if (in(0xA9FE0000, 16)) return "link-local";
  if (in(0x00000000, 8)) return "\"this network\" (0.0.0.0/8)";
  if (in(0x64400000, 10)) return "shared address space (100.64.0.0/10)";
  return {};
}

// Why an IPv6 address is private, or "" when it is public.
std::string PrivateIpv6(const std::array<uint8_t, 16>& b) {
  auto zero = [&](size_t from, size_t to) {
    return std::all_of(b.begin() + static_cast<long>(from), b.begin() + static_cast<long>(to),
                       [](uint8_t x) { return x == 0; });
  };
  auto v4 = [&](size_t at) {
    return static_cast<uint32_t>(b[at]) << 24 | static_cast<uint32_t>(b[at + 1]) << 16 |
           static_cast<uint32_t>(b[at + 2]) << 8 | b[at + 3];
  };
  if (zero(0, 15) && b[15] == 1) return "loopback";
  if (zero(0, 16)) return "unspecified";
  if ((b[0] & 0xFE) == 0xFC) return "unique local (fc00::/7)";
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return "link-local (fe80::/10)";
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return "site-local (fec0::/10)";
  std::string inner;
  if (zero(0, 10) && b[10] == 0xFF && b[11] == 0xFF) {
    inner = PrivateIpv4(v4(12));
    if (!inner.empty()) return "IPv4-mapped " + DottedQuad(v4(12)) + ", " + inner;
  } else if (zero(0, 12)) {
    inner = PrivateIpv4(v4(12));
    if (!inner.empty()) return "IPv4-compatible " + DottedQuad(v4(12)) + ", " + inner;
  } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && zero(4, 12)) {
    inner = PrivateIpv4(v4(12));
    if (!inner.empty()) return "NAT64 of " + DottedQuad(v4(12)) + ", " + inner;
  } else if (b[0] == 0x20 && b[1] == 0x02) {
    inner = PrivateIpv4(v4(2));
    if (!inner.empty()) return "6to4 of " + DottedQuad(v4(2)) + ", " + inner;
  }
  return {};
}

std::optional<std::array<uint8_t, 16>> ParseIpv6(std::string_view bracketed) {
  std::string inside(bracketed.substr(1, bracketed.size() - 2));
  if (size_t zone = inside.find('%'); zone != std::string::npos) inside.resize(zone);
  std::array<uint8_t, 16> bytes{};
  if (inet_pton(AF_INET6, inside.c_str(), bytes.data()) != 1) return std::nullopt;
  return bytes;
}

// IDNA as browsers apply it (base/unicode.h). "" when the name is no valid host.
std::string ToAscii(std::string_view host) { return text::IdnaToAscii(host); }

// -- Classification ------------------------------------------------------------------------------

constexpr std::string_view kPrivateSuffixes[] = {
    "local", "internal", "corp", "lan", "intranet", "localdomain", "localhost", "home.arpa"};

struct DocumentHost {
  std::string_view domain;  // the host or its parent domain
  std::string_view service;
};
constexpr DocumentHost kDocumentHosts[] = {{"docs.google.com", "Google Docs"},
                                           {"drive.google.com", "Google Drive"},
                                           {"sites.google.com", "Google Sites"},
                                           {"notion.so", "Notion"},
                                           {"notion.site", "Notion"},
                                           {"notion.com", "Notion"},
                                           {"atlassian.net", "Atlassian (Confluence, Jira)"},
                                           {"tettra.co", "Tettra"},
                                           {"tettra.com", "Tettra"},
                                           {"sharepoint.com", "SharePoint"},
                                           {"onedrive.live.com", "OneDrive"},
                                           {"1drv.ms", "OneDrive"},
                                           {"dropbox.com", "Dropbox"},
                                           {"quip.com", "Quip"},
                                           {"coda.io", "Coda"},
                                           {"slack.com", "Slack"},
                                           {"latticehq.com", "Lattice"},
                                           {"getguru.com", "Guru"},
                                           {"box.com", "Box"}};

bool InDomain(std::string_view host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

// Normalises an internal domain or allow-list host entry: "*.corp.example.com", ".corp.x" and
// "CORP.example.com." all become "corp.example.com".
std::string DomainEntry(std::string_view entry) {
  std::string_view e = text::Trim(entry);
  if (e.starts_with("*.")) e.remove_prefix(2);
  if (e.starts_with('.')) e.remove_prefix(1);
  std::string host = CanonicalHost(e);
  return host.empty() ? text::ToLower(e) : host;
}

struct Classified {
  LeakKind kind;
  std::string message;
};

// What a canonical host is, or nullopt for a public host. `bare`: written without a scheme,
// where only dotted-quad addresses, listed suffixes, internal domains and document services
// count.
std::optional<Classified> ClassifyHost(const std::string& host, const LeakOptions& options,
                                       bool bare) {
  if (host.empty()) return std::nullopt;
  if (host.front() == '[') {
    std::optional<std::array<uint8_t, 16>> v6 = ParseIpv6(host);
    if (!v6) return std::nullopt;
    std::string why = PrivateIpv6(*v6);
    if (why.empty()) return std::nullopt;
    return Classified{LeakKind::kPrivateAddress, "a link to " + host + ", an IPv6 " + why +
                                                     " address that only the inside of a "
                                                     "network can reach"};
  }
  if (std::optional<uint64_t> v4 = ParseIpv4(host); v4 && *v4 != kInvalidIpv4) {
    std::string why = PrivateIpv4(static_cast<uint32_t>(*v4));
    if (why.empty()) return std::nullopt;
    return Classified{LeakKind::kPrivateAddress,
                      "a link to " + host + ", a " + why +
                          " address that only the inside of a network can reach"};
  }
  for (const std::string& raw : options.internal_domains) {
    std::string domain = DomainEntry(raw);
    if (!domain.empty() && InDomain(host, domain))
      return Classified{
          LeakKind::kInternalDomain,
          "a link to " + host + ", in " + domain + ", which the organisation lists as internal"};
  }
  for (const DocumentHost& d : kDocumentHosts)
    if (InDomain(host, d.domain))
      return Classified{LeakKind::kDocumentHost,
                        "a link to " + std::string(d.service) + " (" + host +
                            "): such documents are usually shared inside the organisation only"};
  std::vector<std::string> labels = Labels(host);
  if (!labels.empty() && (labels.front() == "confluence" || labels.front() == "sharepoint"))
    return Classified{LeakKind::kDocumentHost,
                      "a link to a " + labels.front() + " site (" + host +
                          "): such documents are usually shared inside the organisation only"};
  for (std::string_view suffix : kPrivateSuffixes)
    if (InDomain(host, suffix))
      return Classified{LeakKind::kInternalHost,
                        "a link to " + host + ": ." + std::string(suffix) +
                            " names are private to a network, not on the internet"};
  if (!bare && labels.size() == 1)
    return Classified{
        LeakKind::kInternalHost,
        "a link to '" + host + "', a single-label host that only resolves inside a network"};
  return std::nullopt;
}

// -- Finding links in text -----------------------------------------------------------------------

struct Found {
  LeakKind kind;
  std::string text;
  std::string host;
  std::string message;
  size_t at = 0;  // where in the text it starts
};

constexpr std::string_view kSpecialSchemes[] = {"http", "https", "ftp", "ws", "wss"};
constexpr std::string_view kOtherSchemes[] = {"ftps", "sftp", "ssh", "git",    "svn",
                                              "nfs",  "afp",  "dav", "webdav", "telnet"};

bool Known(std::string_view scheme, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), scheme) != list.end();
}

// The end of a URL that starts at `from`: white space, quotes and angle brackets end it, and
// a closing parenthesis or bracket that it did not open (Markdown's [text](url)). Trailing
// punctuation is not part of it.
size_t UrlEnd(std::string_view s, size_t from) {
  int parens = 0, brackets = 0;
  size_t i = from;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '<' ||
        c == '>' || c == '`')
      break;
    if (c == '(') ++parens;
    if (c == ')' && parens-- == 0) break;
    if (c == '[') ++brackets;
    if (c == ']' && brackets-- == 0) break;
  }
  while (i > from && std::string_view(".,;:!?*_").find(s[i - 1]) != std::string_view::npos) --i;
  return i;
}

// The findings of a URL with a scheme.
void ReadUrl(std::string_view url, std::string_view scheme, const LeakOptions& options,
             std::vector<Found>& out) {
  std::string_view rest = url.substr(scheme.size() + 1);
  if (scheme == "mailto") {
    std::string_view address = rest.substr(0, rest.find('?'));
    if (address.find('@') != std::string_view::npos)
      out.push_back({LeakKind::kEmail, std::string(address), "",
                     "the e-mail address " + std::string(address) +
                         ": a person's or a team's address invites mail from anyone who reads "
                         "the site"});
    return;
  }
  if (scheme == "file" || scheme == "smb") {
    out.push_back({LeakKind::kFileUrl, std::string(url), "",
                   "a " + std::string(scheme) +
                       ": link, to a file on someone's computer or a network share that readers "
                       "of the site cannot open"});
    return;
  }
  const bool special = Known(scheme, kSpecialSchemes);
  std::string r(rest);
  if (special) std::replace(r.begin(), r.end(), '\\', '/');
  size_t start = 0;
  if (special) {
    while (start < r.size() && r[start] == '/') ++start;
  } else {
    if (!r.starts_with("//")) return;
    start = 2;
  }
  std::string authority = r.substr(start, r.find_first_of("/?#", start) - start);
  std::string host = authority;
  std::string userinfo;
  if (size_t at = authority.rfind('@'); at != std::string::npos) {
    userinfo = authority.substr(0, at);
    host = authority.substr(at + 1);
  }
  if (!host.empty() && host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else if (size_t colon = host.rfind(':'); colon != std::string::npos) {
    host.resize(colon);
  }
  if (!userinfo.empty() || authority.find('@') != std::string::npos)
    out.push_back({LeakKind::kCredentials, std::string(url), CanonicalHost(host),
                   "a link with '" + userinfo +
                       "@' before its host: it carries a user name or password, or pretends "
                       "to go elsewhere (it goes to " +
                       host + ")"});
  std::string canonical = CanonicalHost(host);
  if (std::optional<Classified> c = ClassifyHost(canonical, options, false))
    out.push_back({c->kind, std::string(url), canonical, c->message});
}

// Marks [from, to) of `mask` as read, so that later passes skip it.
void Mark(std::vector<bool>& mask, size_t from, size_t to) {
  for (size_t i = from; i < to && i < mask.size(); ++i) mask[i] = true;
}

// URLs with a scheme ("http://…", "http:\\…", "mailto:…", "file:…"), and protocol-relative
// links ("//host/…" after '(', '=', a quote or white space).
void SchemeUrls(std::string_view s, const LeakOptions& options, std::vector<bool>& mask,
                std::vector<Found>& out) {
  for (size_t colon = s.find(':'); colon != std::string_view::npos;
       colon = s.find(':', colon + 1)) {
    size_t begin = colon;
    while (begin > 0 && (IsAsciiAlnum(s[begin - 1]) || s[begin - 1] == '+' || s[begin - 1] == '-' ||
                         s[begin - 1] == '.'))
      --begin;
    while (begin < colon && !std::isalpha(static_cast<unsigned char>(s[begin]))) ++begin;
    if (begin == colon || mask[begin]) continue;
    std::string scheme = text::ToLower(s.substr(begin, colon - begin));
    if (!Known(scheme, kSpecialSchemes) && !Known(scheme, kOtherSchemes) && scheme != "mailto" &&
        scheme != "file" && scheme != "smb")
      continue;
    size_t end = UrlEnd(s, colon + 1);
    if (end <= colon + 1) continue;
    const size_t first = out.size();
    ReadUrl(s.substr(begin, end - begin), scheme, options, out);
    for (size_t i = first; i < out.size(); ++i) out[i].at = begin;
    Mark(mask, begin, end);
  }
  for (size_t at = s.find("//"); at != std::string_view::npos; at = s.find("//", at + 2)) {
    if (mask[at]) continue;
    char before = at == 0 ? ' ' : s[at - 1];
    if (std::string_view(" \t\n(=\"'<").find(before) == std::string_view::npos) continue;
    size_t end = UrlEnd(s, at + 2);
    if (end <= at + 2) continue;
    std::string url = "http:" + std::string(s.substr(at, end - at));
    std::vector<Found> found;
    ReadUrl(url, "http", options, found);
    for (Found& f : found) {
      f.text = std::string(s.substr(at, end - at));
      f.at = at;
    }
    out.insert(out.end(), found.begin(), found.end());
    Mark(mask, at, end);
  }
}

// Windows share paths: \\server\share.
void SharePaths(std::string_view s, std::vector<bool>& mask, std::vector<Found>& out) {
  for (size_t at = s.find("\\\\"); at != std::string_view::npos; at = s.find("\\\\", at + 2)) {
    if (mask[at]) continue;
    size_t host_end = at + 2;
    while (host_end < s.size() && IsHostChar(s[host_end])) ++host_end;
    if (host_end == at + 2 || host_end >= s.size() || s[host_end] != '\\') continue;
    size_t end = UrlEnd(s, at);
    out.push_back({LeakKind::kFileUrl, std::string(s.substr(at, end - at)), "",
                   "a Windows share path, to files that readers of the site cannot open", at});
    Mark(mask, at, end);
  }
}

// E-mail addresses: local@domain.tld.
void Emails(std::string_view s, std::vector<bool>& mask, std::vector<Found>& out) {
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (mask[at]) continue;
    size_t begin = at;
    while (begin > 0 && (IsAsciiAlnum(s[begin - 1]) ||
                         std::string_view("._%+-").find(s[begin - 1]) != std::string_view::npos))
      --begin;
    size_t end = at + 1;
    while (end < s.size() && IsHostChar(s[end])) ++end;
    while (end > at + 1 && s[end - 1] == '.') --end;
    std::string_view domain = s.substr(at + 1, end - at - 1);
    if (begin == at || domain.find('.') == std::string_view::npos) continue;
    std::string address(s.substr(begin, end - begin));
    out.push_back({LeakKind::kEmail, address, CanonicalHost(domain),
                   "the e-mail address " + address +
                       ": a person's or a team's address invites mail from anyone who reads the "
                       "site",
                   begin});
    Mark(mask, begin, end);
  }
}

// Hosts written without a scheme: wiki.corp/page, 10.0.0.1:8080, docs.google.com/….
void BareHosts(std::string_view s, const LeakOptions& options, std::vector<bool>& mask,
               std::vector<Found>& out) {
  size_t i = 0;
  while (i < s.size()) {
    if (mask[i] || !IsHostChar(s[i]) || s[i] == '.' || s[i] == '-' ||
        (i > 0 && (IsHostChar(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '@'))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && IsHostChar(s[end]) && !mask[end]) ++end;
    std::string_view run = s.substr(i, end - i);
    while (!run.empty() && (run.back() == '.' || run.back() == '-')) run.remove_suffix(1);
    const size_t run_end = i + run.size();
    i = end;
    if (run.find('.') == std::string_view::npos &&
        run.find("\xE3\x80\x82") == std::string_view::npos &&
        run.find("\xEF\xBC\x8E") == std::string_view::npos &&
        run.find("\xEF\xBD\xA1") == std::string_view::npos)
      continue;
    // Addresses only as four decimal numbers: "1.5" in prose is no address.
    const bool numeric = run.find_first_not_of("0123456789.") == std::string_view::npos;
    if (numeric && Labels(run).size() != 4) continue;
    std::string host = CanonicalHost(run);
    std::optional<Classified> c = ClassifyHost(host, options, true);
    if (!c) continue;
    size_t stop = UrlEnd(s, run_end);
    const size_t start = run_end - run.size();
    out.push_back({c->kind, std::string(s.substr(start, stop - start)), host, c->message, start});
    Mark(mask, start, stop);
  }
}

// -- The allow-list ------------------------------------------------------------------------------

// The entry of `allow` that lets `leak` through, or "".
std::string AllowedBy(const Leak& leak, const std::vector<std::string>& allow) {
  for (const std::string& raw : allow) {
    std::string entry(text::Trim(raw));
    if (entry.empty()) continue;
    const std::string lower = text::ToLower(entry);
    if (lower.find("://") != std::string::npos || lower.starts_with("mailto:") ||
        lower.starts_with("file:")) {
      if (text::StartsWith(text::ToLower(leak.text), lower)) return entry;
      continue;
    }
    if (entry.find('@') != std::string::npos) {
      if (leak.kind == LeakKind::kEmail && text::IEquals(leak.text, entry)) return entry;
      continue;
    }
    std::string domain = DomainEntry(entry);
    if (!leak.host.empty() && !domain.empty() && InDomain(leak.host, domain)) return entry;
  }
  return {};
}

// Every text of a framework, with its field path and the origin nearest to it.
class Walker {
 public:
  Walker(const model::Framework& fw, LeakOptions options) : fw_(fw), options_(std::move(options)) {
    options_.allow.insert(options_.allow.end(), fw.allow_links.begin(), fw.allow_links.end());
  }

  std::vector<Leak> Run() {
    Text("framework.description", fw_.origin, fw_.description);
    for (const model::CompetencyGroup& g : fw_.groups)
      Text("groups." + g.id + ".description", g.origin, g.description);
    for (const model::Competency& c : fw_.competencies)
      Text("competencies." + c.id + ".description", c.origin, c.description);
    for (const model::Track& t : fw_.tracks) {
      Text("tracks." + t.id + ".description", t.origin, t.description);
      for (const model::Level& l : t.levels) Level("tracks." + t.id + ".levels." + l.code, l);
    }
    for (const model::OverlayRole& o : fw_.overlays) {
      const std::string field = "overlays." + o.id;
      Text(field + ".description", o.origin, o.description);
      List(field + ".duties", o.origin, o.duties);
      Requirements(field, o.requirements);
    }
    for (const model::Transition& t : fw_.transitions) {
      const std::string field = "transitions." + t.from + "->" + t.to;
      Text(field + ".description", t.origin, t.description);
      Requirements(field, t.requirements);
    }
    Requirements("policy", fw_.policy);
    for (size_t i = 0; i < fw_.notes.size(); ++i) {
      const model::Note& n = fw_.notes[i];
      Text("notes[" + std::to_string(i) + "].title", n.origin, n.title);
      Text("notes[" + std::to_string(i) + "].markdown", n.origin, n.markdown);
    }
    for (const model::RoleProfile& r : fw_.roles) {
      const std::string field = "roles." + r.id;
      Text(field + ".summary", r.origin, r.summary);
      List(field + ".responsibilities", r.origin, r.responsibilities);
      List(field + ".skills", r.origin, r.skills);
      List(field + ".kpis", r.origin, r.kpis);
      Text(field + ".path", r.origin, r.path);
    }
    // Translated texts are published on their own pages.
    for (const model::Translation& t : fw_.translations)
      for (const model::TranslatedText& x : t.texts)
        Text("translations." + t.language + "." + x.at, x.origin, x.text);
    return std::move(leaks_);
  }

 private:
  void Text(const std::string& field, const model::Origin& origin, std::string_view text) {
    if (text.empty()) return;
    for (Leak& l : FindLeaksInText(text, options_)) {
      l.field = field;
      l.where = origin.where;
      leaks_.push_back(std::move(l));
    }
  }

  void List(const std::string& field, const model::Origin& origin,
            const std::vector<std::string>& items) {
    for (size_t i = 0; i < items.size(); ++i)
      Text(field + "[" + std::to_string(i) + "]", origin, items[i]);
  }

  void Requirements(const std::string& field, const std::vector<model::Requirement>& list) {
    for (size_t i = 0; i < list.size(); ++i)
      Text(field + ".requirements[" + std::to_string(i) + "]", list[i].origin, list[i].text);
  }

  void Level(const std::string& field, const model::Level& l) {
    Text(field + ".summary", l.origin, l.summary);
    Text(field + ".note", l.origin, l.note);
    for (const auto& [k, v] : l.attributes) Text(field + ".attributes." + k, l.origin, v);
    for (const model::Expectation& e : l.expectations) {
      const std::string efield = field + ".expectations." + e.competency;
      const model::Origin& origin = e.origin.where.Known() ? e.origin : l.origin;
      Text(efield + ".summary", origin, e.summary);
      Text(efield + ".note", origin, e.note);
      List(efield, origin, e.behaviours);
    }
    Requirements(field, l.requirements);
  }

  const model::Framework& fw_;
  LeakOptions options_;
  std::vector<Leak> leaks_;
};

}  // namespace

std::vector<Leak> FindLeaks(const model::Framework& framework, const LeakOptions& options) {
  return Walker(framework, options).Run();
}

const char* LeakKindName(LeakKind kind) {
  switch (kind) {
    case LeakKind::kPrivateAddress:
      return "private-address";
    case LeakKind::kInternalHost:
      return "internal-host";
    case LeakKind::kInternalDomain:
      return "internal-domain";
    case LeakKind::kDocumentHost:
      return "document-host";
    case LeakKind::kEmail:
      return "email";
    case LeakKind::kFileUrl:
      return "file-url";
    case LeakKind::kCredentials:
      return "credentials";
  }
  return "?";
}

std::string CanonicalHost(std::string_view raw) {
  std::string host = PercentDecode(text::Trim(raw));
  if (host.empty()) return {};
  if (host.front() == '[') {
    if (host.back() != ']' || !ParseIpv6(host)) return {};
    return text::ToLower(host);
  }
  std::string ascii = ToAscii(host);
  while (!ascii.empty() && ascii.back() == '.') ascii.pop_back();
  if (ascii.empty()) return {};
  if (std::optional<uint64_t> v4 = ParseIpv4(ascii)) {
    if (*v4 == kInvalidIpv4) return {};
    return DottedQuad(static_cast<uint32_t>(*v4));
  }
  return ascii;
}

std::vector<Leak> FindLeaksInText(std::string_view raw, const LeakOptions& options) {
  const std::string s = DecodeEntities(raw);
  std::vector<bool> mask(s.size(), false);
  std::vector<Found> found;
  SchemeUrls(s, options, mask, found);
  SharePaths(s, mask, found);
  Emails(s, mask, found);
  BareHosts(s, options, mask, found);
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.at < b.at; });
  std::vector<Leak> leaks;
  for (Found& f : found) {
    Leak l;
    l.kind = f.kind;
    l.text = std::move(f.text);
    l.host = std::move(f.host);
    l.message = std::move(f.message);
    l.allowed_by = AllowedBy(l, options.allow);
    l.allowed = !l.allowed_by.empty();
    leaks.push_back(std::move(l));
  }
  return leaks;
}

bool HasBlockingLeaks(const std::vector<Leak>& leaks) {
  return std::any_of(leaks.begin(), leaks.end(), [](const Leak& l) { return !l.allowed; });
}

std::vector<Finding> LeakFindings(const std::vector<Leak>& leaks) {
  std::vector<Finding> findings;
  for (const Leak& l : leaks) {
    std::string message = l.field.empty() ? l.message : l.field + ": " + l.message;
    if (l.allowed) message += " (allowed by '" + l.allowed_by + "')";
    findings.push_back(Finding{std::string("leak-") + LeakKindName(l.kind),
                               l.allowed ? Severity::kInfo : Severity::kWarning, l.where,
                               std::move(message)});
  }
  return findings;
}

}  // namespace ladder::analysis
