// The server's own HTTP request and answer, independent of the library that speaks HTTP
// (server/http_listener.h builds them from libmicrohttpd; tests and the fuzzer build them by
// hand). Plain values; not thread-safe, each belongs to one request in flight.
//
// Member names follow the ones handlers have always used (`req.path`, `req.get_header_value`,
// `res.set_content` ...), so handlers read the same whatever library is underneath.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace ladder::server {

// ASCII case-insensitive ordering, for header names.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

// Header name -> value, names compared without case; a name may repeat (Set-Cookie, Cookie).
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;

// One field of a submitted form: a url-encoded field, or a part of a multipart form (a file
// when `filename` is set).
struct FormField {
  std::string content;
  std::string filename;
  std::string content_type;
};

struct Request {
  std::string method;       // "GET", "HEAD", "POST", ...
  std::string target;       // as sent: "/search.html?q=caf%C3%A9"
  std::string path;         // the target's path, percent-decoded: "/search.html"
  std::string body;         // the body as sent, except for a page's form (see `form`)
  Headers headers;          // as sent
  std::string remote_addr;  // the peer's address ("127.0.0.1", "::1")
  int remote_port = 0;
  // The fields of a url-encoded or multipart form sent to a page (not under /api/), decoded;
  // `body` is then empty.
  std::multimap<std::string, FormField> form;
  bool multipart = false;
  // The request's id, in the log and the answer's X-Request-Id: the client's or a proxy's
  // X-Request-Id when it is 1 to 64 letters, digits, '-', '_' or '.', else one made up.
  std::string id;

  bool has_header(std::string_view name) const;
  // The `index`-th value of header `name`, "" when absent.
  std::string get_header_value(std::string_view name, size_t index = 0) const;
  size_t get_header_value_count(std::string_view name) const;
  bool is_multipart_form_data() const { return multipart; }
  // A file (or any part) of a multipart form; an empty field when absent.
  bool has_file(std::string_view name) const;
  FormField get_file_value(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // The pattern of the route that answered ("/people/{person}"), "" when none did: for the log
  // and the metrics (routes.h: the patterns are static).
  std::string_view route;

  // Adds a header (a name may repeat). Values holding CR or LF are dropped: no header
  // injection.
  void set_header(std::string_view name, std::string_view value);
  std::string get_header_value(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // Sets the body and its Content-Type (replacing an earlier one).
  void set_content(std::string content, std::string_view content_type);
};

// The text of a path or query component with %XX decoded (and '+' as a space when
// `plus_is_space`); a '%' not followed by two hex digits stays as it is.
std::string PercentDecode(std::string_view s, bool plus_is_space);
// Percent-encodes every byte except unreserved ones (A-Z a-z 0-9 - _ . ~), for a query value or
// a path segment.
std::string EncodeQueryParam(std::string_view s);
// The parameters of a query string or a url-encoded body ("a=1&b=x+y"), decoded, in order.
std::multimap<std::string, std::string> ParseQuery(std::string_view query);
// `s` with control characters, backslashes and bytes that are not UTF-8 written as \xHH (a
// backslash as \\), so that any request text can be shown in a message or a log line.
std::string Printable(std::string_view s);
// `s` with only the bytes that are not UTF-8 written as \xHH: any text made valid UTF-8.
std::string ValidUtf8(std::string_view s);

}  // namespace ladder::server
