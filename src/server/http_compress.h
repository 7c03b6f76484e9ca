// gzip for answers (zlib): whether a client accepts it, whether a content type is worth it,
// and the compression itself. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ladder::server {

// True when an Accept-Encoding value lists gzip (or *) without q=0.
bool AcceptsGzip(std::string_view accept_encoding);
// True for text: text/*, JSON, JavaScript, XML, YAML and SVG.
bool IsCompressible(std::string_view content_type);
// `body` as a gzip stream; nullopt when zlib fails or when compressing would not help (bodies
// under 256 bytes).
std::optional<std::string> Gzip(std::string_view body);

}  // namespace ladder::server
