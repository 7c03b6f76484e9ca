#include "server/http_compress.h"

#include <zlib.h>

#include "base/text.h"

namespace ladder::server {

bool AcceptsGzip(std::string_view accept_encoding) {
  for (const std::string& part : text::Split(accept_encoding, ',')) {
    std::string_view item = text::Trim(part);
    std::string_view coding = text::Trim(item.substr(0, item.find(';')));
    if (!text::IEquals(coding, "gzip") && coding != "*") continue;
    size_t q = item.find("q=");
    if (q == std::string_view::npos) return true;
    std::string_view value = text::Trim(item.substr(q + 2));
    // q=0, q=0.0, q=0.00 ... refuse it.
    return value.find_first_not_of("0.") != std::string_view::npos;
  }
  return false;
}

bool IsCompressible(std::string_view content_type) {
  std::string type = text::ToLower(text::Trim(content_type.substr(0, content_type.find(';'))));
  if (type.starts_with("text/")) return type != "text/event-stream";
  return type == "application/json" || type == "application/problem+json" ||
         type == "application/javascript" || type == "application/xml" ||
         type == "application/yaml" || type == "image/svg+xml";
}

std::optional<std::string> Gzip(std::string_view body) {
  if (body.size() < 256) return std::nullopt;
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string out;
  out.resize(deflateBound(&z, body.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END || out.size() >= body.size()) return std::nullopt;
  return out;
}

}  // namespace ladder::server
