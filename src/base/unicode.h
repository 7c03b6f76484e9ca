// Unicode beyond UTF-8 checks: folding words for search per language, the names languages give
// themselves, and host names as browsers read them (IDNA). The only ICU adapter: no other file
// includes ICU, and no ICU type or exception leaves this file.
//
//   FoldForSearch("Équipe", "fr") == "equipe"     FoldForSearch("År", "sv") == "år"
//   FoldForSearch("År", "en") == "ar"             FoldForSearch("KIŞI", "tr") == "kışı"
//   LanguageName("es") == "Español"               IdnaToAscii("bücher.example") ==
//   "xn--bcher-kva.example"
//
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ladder::text {

// A word folded for search in `language` (a BCP 47 tag; "" or an unknown one: the root rules):
// case folded as the language folds it (Turkish and Azerbaijani: I -> ı, İ -> i), accents and
// other marks removed, except from the letters the language counts as letters of their own
// (Swedish and Finnish å ä ö, Danish and Norwegian æ ø å, Spanish ñ, Turkish ç ğ ı ö ş ü,
// Icelandic æ ð ö þ), and letters without a decomposition spelled out (æ -> ae, œ -> oe, ø -> o,
// þ -> th, ð -> d, đ -> d, ł -> l, ı -> i) where the language does not keep them. Folding with
// the root rules is coarser than with any language's: FoldForSearch(FoldForSearch(w, l), "") ==
// FoldForSearch(w, ""). Invalid UTF-8 is replaced with U+FFFD.
std::string FoldForSearch(std::string_view word, std::string_view language = {});

// The name a language gives itself, capitalised ("English", "Español", "Svenska", "Português
// (Brasil)"); the tag itself when ICU does not know the language.
std::string LanguageName(std::string_view tag);

// IDNA (UTS #46, as browsers apply it): lower-case ASCII, fullwidth forms and ideographic full
// stops mapped, Unicode labels as punycode. "" when the name is no valid host.
std::string IdnaToAscii(std::string_view host);

}  // namespace ladder::text
