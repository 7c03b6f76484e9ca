// How the canonical YAML writes one scalar, shared by WriteYaml and RuleText (the one-line rule
// form of lint, diff and exports) so that both quote alike. Internal to formats/. Pure
// functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ladder::formats::internal {

// `s` plain when YAML reads it back as the same string, else double-quoted with escapes.
// Strings that would read as numbers, booleans, null or dates are always quoted ("2023.08",
// "1"). `flow`: the scalar stands inside `{...}`, where `,[]{}:#` are syntax too.
std::string YamlScalar(std::string_view s, bool flow = false);

// A number in the shortest form that reads back as the same double: 90, 4.5, 0.1.
std::string YamlNumber(double value);

// True when `s` holds a control character, or a character YAML treats as a line break or that
// editors hide (NEL, LS, PS, BOM, C1 controls); a newline counts only unless `allow_newline`.
bool HasYamlControl(std::string_view s, bool allow_newline);

}  // namespace ladder::formats::internal
