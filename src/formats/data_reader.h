// Reads career frameworks kept as data by other tools: JSON, YAML and JavaScript data files
// whose shape is not Ladder's canonical one (data_shapes.h lists the shapes recognised).
//
//   {"topics": [{"title": "Delivery", "levels": [{"title": "Junior", "criteria": ["..."]}]}]}
//
// The shape is found by what the values hold, not by key names (data_shapes.h); an import map
// (import_map.h, `data:`) may say it instead. JavaScript files are read without running them
// (js_literal.h): each exported or assigned literal is tried and the best reading kept.
// Every text value of the file is a source passage, so the coverage report lists what the
// reading left out (ids, slugs and URLs are not text). Errors name file:line:col or the JSON
// path: syntax, values nested deeper than 64 levels, no levels found (with what to do).
// Detection leaves to the Markdown readers the YAML texts that are Markdown: headings over
// lists, and lists of levels written "- L1: Junior engineer who ...".
// Format name: "data". Stateless, thread-safe.
#pragma once

#include <memory>

#include "formats/import.h"

namespace ladder::formats {

std::unique_ptr<Reader> MakeDataReader();

}  // namespace ladder::formats
