#include "render/embedded.h"

#include "base/text.h"

namespace ladder::render {

std::span<const EmbeddedFile> EmbeddedFiles() {
  return {internal::kEmbeddedFiles, internal::kEmbeddedFileCount};
}

const EmbeddedFile* FindEmbedded(std::string_view name) {
  for (const EmbeddedFile& f : EmbeddedFiles())
    if (f.name == name) return &f;
  return nullptr;
}

std::string_view ContentTypeFor(std::string_view name) {
  if (text::EndsWith(name, ".html")) return "text/html; charset=utf-8";
  if (text::EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (text::EndsWith(name, ".js")) return "application/javascript; charset=utf-8";
  if (text::EndsWith(name, ".json")) return "application/json; charset=utf-8";
  if (text::EndsWith(name, ".svg")) return "image/svg+xml";
  if (text::EndsWith(name, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace ladder::render
