// The leak check: links and addresses in a framework's text that must not reach a public site
// (docs/leaks.md). Published frameworks are read by anyone; a link to an intranet wiki, a
// private address or a colleague's e-mail tells outsiders about the inside of the organisation
// and is useless to them.
//
//   for (const Leak& l : FindLeaks(framework, options))
//     if (!l.allowed) std::cout << l.where.ToString() << ": " << l.message << "\n";
//
// What is found, in every text of the framework (descriptions, summaries, behaviours,
// attributes, requirement sentences, notes, roles ...), whatever the form of the link:
// Markdown inline and reference links, autolinks (<http://…>, <a@b.org>), HTML attributes
// (href, src, srcset, action, ...; entities decoded), URLs in running text, and host names or
// addresses written without a scheme (wiki.corp/page, 10.0.0.1:8080, docs.google.com/…):
//  - private-address: IPv4 private (RFC 1918), loopback, link-local, "this network" (0/8) and
//    shared (100.64/10) addresses; IPv6 loopback, unspecified, unique-local (fc00::/7),
//    link-local (fe80::/10) and site-local (fec0::/10); IPv4 addresses inside IPv6 (mapped
//    ::ffff:a.b.c.d, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) by the address inside.
//    Hosts are read the way browsers read them (WHATWG URL): decimal, octal and hex forms
//    (http://167772161/, http://012.0.0.1/, http://0xa.0.0.1/, http://10.1/), percent-encoding,
//    backslashes and missing slashes after http:, IDNA (fullwidth letters, ideographic full
//    stops, punycode), a trailing dot;
//  - internal-host: single-label hosts (http://wiki/), localhost, and the private suffixes
//    .local, .internal, .corp, .lan, .intranet, .localdomain, .localhost, .home.arpa;
//  - internal-domain: a domain the organisation lists as internal, and its sub-domains;
//  - document-host: document and wiki services that are usually shared inside an organisation
//    only (Google Docs, Drive and Sites, Notion, Confluence and atlassian.net, Tettra,
//    SharePoint, OneDrive, Dropbox, Quip, Coda, Slack, Lattice, Guru, Box);
//  - email: e-mail addresses, written out or as mailto: links;
//  - file-url: file: and smb: links, and Windows share paths (\\server\share);
//  - credentials: a link with a user name or password before '@' (http://user:pw@host, or the
//    deceptive http://10.0.0.1@example.com, which goes to example.com).
// A host written without a scheme is reported only when it is a private address, an internal
// host with one of the suffixes, an internal domain or a document service (a single word is
// no host without a scheme).
//
// The allow-list (the framework's `allow_links`, and LeakOptions::allow) lets findings
// through: an entry with a scheme (https://docs.google.com/document/d/abc) allows links that
// start with it; an entry with '@' allows that e-mail address; any other entry is a host or
// domain (docs.example.com, *.example.com, 10.0.0.8) and allows links to it and its
// sub-domains, and e-mail addresses at it. Allowed findings are returned, marked allowed.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/lint.h"
#include "base/error.h"
#include "model/framework.h"

namespace ladder::analysis {

enum class LeakKind {
  kPrivateAddress,
  kInternalHost,
  kInternalDomain,
  kDocumentHost,
  kEmail,
  kFileUrl,
  kCredentials,
};
// "private-address" | "internal-host" | "internal-domain" | "document-host" | "email" |
// "file-url" | "credentials"
const char* LeakKindName(LeakKind kind);

struct LeakOptions {
  // Domains the organisation lists as internal ("corp.example.com": it and its sub-domains).
  std::vector<std::string> internal_domains;
  // Allow-list entries besides the framework's own `allow_links`.
  std::vector<std::string> allow;
};

struct Leak {
  LeakKind kind = LeakKind::kPrivateAddress;
  std::string text;      // the link or address as written (entities decoded)
  std::string host;      // the host as a browser reads it ("10.0.0.1", "wiki.corp"); may be ""
  std::string field;     // where in the framework: "tracks.ic.levels.E3.expectations.delivery[1]"
  SourceLocation where;  // from the Origin of the value; may be unknown
  std::string message;   // says what the link is and why it should not be published
  bool allowed = false;
  std::string allowed_by;  // the allow-list entry that matched
  friend bool operator==(const Leak&, const Leak&) = default;
};

// Every leak in every text of `framework`, in the order of the framework's fields, and within a
// text in the order of the text.
std::vector<Leak> FindLeaks(const model::Framework& framework, const LeakOptions& options = {});

// The leaks of one text (field and location left empty); the allow-list is options.allow.
std::vector<Leak> FindLeaksInText(std::string_view text, const LeakOptions& options = {});

// True when some leak is not allowed: publishing a public site must stop.
bool HasBlockingLeaks(const std::vector<Leak>& leaks);

// Leaks as lint findings: code "leak-<kind>", severity warning, or info when allowed (the
// message then says by which entry).
std::vector<Finding> LeakFindings(const std::vector<Leak>& leaks);

// How a browser reads a host: percent-decoded, IDNA-mapped to lower-case ASCII (punycode),
// without a trailing dot; IPv4 addresses in any form as dotted decimal, IPv6 addresses in
// brackets as written, lower-cased. "" when it is no valid host.
std::string CanonicalHost(std::string_view host);

}  // namespace ladder::analysis
