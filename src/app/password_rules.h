// The rules a new password must pass (docs/accounts.md, "Passwords"), each refusal saying which
// rule failed:
//   1. valid UTF-8, at least `min_length` and at most kMaxPasswordLength characters, counted in
//      code points ("ééééé" is five characters, not ten bytes);
//   2. not only white space;
//   3. not a run of neighbouring characters ("1234567890", "abcdefghij", "9876543210", a row
//      of the keyboard such as "qwertyuiop"), not one short part repeated ("abcabcabcabc"), and
//      at least kMinDistinct different characters ("aaaaaaaaab" fails);
//   4. not one of the common passwords of Ladder's own list (a few hundred words that head every
//      published list of leaked passwords: "password", "letmein", "dragon", seasons, months,
//      team and brand names, ...), compared after folding case, undoing the usual
//      letter-for-symbol swaps (@ for a, 0 for o, 1 for i, 3 for e, $ for s, ...) and removing
//      digits and symbols around it: "P@ssw0rd2024!" counts as "password".
// Passwords are checked when set (added, reset, changed), never at sign-in. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/error.h"

namespace ladder::app {

inline constexpr size_t kMaxPasswordLength = 1024;  // code points
inline constexpr size_t kMinDistinct = 4;

// Ok, or kInvalidArgument with field "password" and a message naming the rule that failed.
Status CheckNewPassword(std::string_view password, size_t min_length);

// True when `password` is on the list of common passwords after the folding above (rule 4).
bool IsCommonPassword(std::string_view password);

}  // namespace ladder::app
