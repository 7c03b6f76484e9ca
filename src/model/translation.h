// Translations of a framework: which of its texts can be translated
// and the path that names each one, the fingerprint that ties a translated text to the source
// text it translates, the state of every text in a language (translated, untranslated, stale),
// and the framework as read in one language, with the source language as the fallback.
//
// Paths name a text by ids where the model has them and by position in a list otherwise:
//   framework.name                                   framework.description
//   competencies.<id>.name|description               groups.<id>.name|description
//   tracks.<id>.name|description
//   tracks.<t>.levels.<code>.title|summary|note      tracks.<t>.levels.<code>.attributes.<key>
//   tracks.<t>.levels.<code>.expectations.<competency>.summary|note|behaviours[<i>]
//   tracks.<t>.levels.<code>.requirements[<i>]       (a requirement's sentence)
//   overlays.<id>.name|description|duties[<i>]|requirements[<i>]
//   transitions[<i>].description|requirements[<j>]   policy[<i>]
//   notes[<i>].title|markdown
//   roles.<id>.title|summary|path|responsibilities[<i>]|skills[<i>]|kpis[<i>]
// Empty texts have nothing to translate and no path. Plain values, pure functions, thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"

namespace ladder::model {

// The fingerprint of a source text: the 8 lower-case hex digits of its 32-bit FNV-1a hash.
std::string Fingerprint(std::string_view text);

// True for a fingerprint as Fingerprint() writes it.
bool IsFingerprint(std::string_view s);

// True for a BCP 47 language tag as frameworks use them: a 2- or 3-letter lower-case language,
// then optional subtags of 2 to 8 letters or digits ("es", "pt-BR", "zh-Hant", "sr-Latn-RS").
bool IsLanguageTag(std::string_view tag);

// Calls `visit(at, text, origin)` for every non-empty translatable text, in document order;
// `origin` is where the text (or the item that holds it) stands in its document.
void ForEachText(const Framework& framework,
                 const std::function<void(const std::string& at, const std::string& text,
                                          const Origin& origin)>& visit);

enum class TextState { kTranslated, kUntranslated, kStale };

// One source text in one language.
struct TextStatus {
  std::string at;
  TextState state = TextState::kUntranslated;
  std::string fingerprint;                      // of the source text as it is now
  const TranslatedText* translation = nullptr;  // for kTranslated and kStale
  Origin origin;                                // of the source text
};

// The state of every translatable text of `framework` in `translation`, in document order.
std::vector<TextStatus> TranslationStatus(const Framework& framework,
                                          const Translation& translation);

// The translated texts whose path names no text of the framework (the text was removed, or its
// item renamed), in document order.
std::vector<const TranslatedText*> OrphanTexts(const Framework& framework,
                                               const Translation& translation);

// The translation into `language`, or nullptr.
const Translation* FindTranslation(const Framework& framework, std::string_view language);

// The framework's languages: its own first, then those of its translations.
std::vector<std::string> Languages(const Framework& framework);

// The framework read in one language.
struct Localized {
  Framework framework;         // language set to the one asked for; no translations
  std::size_t translated = 0;  // texts shown translated
  std::size_t fallback = 0;    // texts shown in the source language (untranslated or stale)
};

// The framework in `language`: every text with a current translation replaced by it; the
// others (untranslated, or stale: the source changed after it was translated) kept in the
// source language, passed through `fallback` when given (to mark them). The framework's own
// language gives the framework unchanged (without its translations).
// Errors: kNotFound when the framework has no such language (the message lists those it has).
Result<Localized> Localize(const Framework& framework, std::string_view language,
                           const std::function<std::string(const std::string&)>& fallback = {});

// The translation invariants ValidateFramework (validate.h) checks: language tags, one
// translation per language and none in the framework's own language, fingerprints, and each
// path translated once. Appends to `errors`.
void CheckTranslations(const Framework& framework, std::vector<Error>& errors);

}  // namespace ladder::model
