// Reads Monzo-style progression pages: Markdown whose YAML front matter lists topics, each with
// the criteria expected at each level.
//
//   ---
//   title: "Backend Engineering"
//   levels: 4
//   topics:
//     - name: "communication"
//       title: "Communication"
//       content:
//         - level: 1
//           criteria: ["Writes clear pull request descriptions"]
//           exampleCriteria:
//             - criteria: "Gives actionable review feedback"
//               examples: ["Suggests a smaller function and says why"]
//   ---
//   Optional Markdown prose.
//
// Topics become competencies (id from `name`, name from `title`); each `content` entry gives
// the level's expectation in that topic: every criterion is a behaviour, and every example
// criterion is a behaviour followed by its examples ("… (examples: …; …)"). Levels are L1..Ln
// for n = `levels` or the highest level number in the content, whichever is larger; a level no
// topic mentions is kept, marked undefined. `title` names the framework, `sidebarGroup` its
// family; other page keys (path, sidebarTitle, homepage, yaml) are site settings and ignored.
// The Markdown body, if any, is kept as notes. Errors name line:col in the document (YAML
// syntax, a topic without a name, a level that is not a positive number). Stateless,
// thread-safe.
#pragma once

#include <memory>

#include "formats/import.h"

namespace ladder::formats {

std::unique_ptr<Reader> MakeMonzoYamlReader();

}  // namespace ladder::formats
