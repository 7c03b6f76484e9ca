// Files of web/ (templates, styles, scripts) and the npm browser libraries, embedded into the
// binary at build time (cmake/embed_web.cmake), so that the server and the static site use the
// very same bytes and a single `ladder` binary needs nothing beside it.
//
// Names are "templates/<name>.mustache", "static/<name>" and "static/vendor/<name>".
// Immutable after start-up; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace ladder::render {

struct EmbeddedFile {
  std::string_view name;
  std::string_view contents;
};

// Every embedded file, in the order the build listed them.
std::span<const EmbeddedFile> EmbeddedFiles();

// The file called `name`, or nullptr.
const EmbeddedFile* FindEmbedded(std::string_view name);

// The Content-Type of a file name by its extension ("text/css; charset=utf-8", ...).
std::string_view ContentTypeFor(std::string_view name);

namespace internal {
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;
}  // namespace internal

}  // namespace ladder::render
