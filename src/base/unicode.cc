#include "base/unicode.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>

namespace ladder::text {
namespace {

// Letters a language keeps apart from their base letter, as they are after case folding.
struct KeptLetters {
  std::string_view language;
  std::u32string_view letters;
};
constexpr std::array<KeptLetters, 10> kKept = {{
    {"sv", U"åäö"},
    {"fi", U"åäö"},
    {"da", U"æøå"},
    {"nb", U"æøå"},
    {"nn", U"æøå"},
    {"no", U"æøå"},
    {"es", U"ñ"},
    {"tr", U"çğıöşü"},
    {"az", U"çğıöşüə"},
    {"is", U"æðöþ"},
}};

// Letters without a canonical decomposition, spelled out for search.
std::string_view SpelledOut(UChar32 c) {
  switch (c) {
    case U'æ':
      return "ae";
    case U'œ':
      return "oe";
    case U'ø':
      return "o";
    case U'þ':
      return "th";
    case U'ð':
    case U'đ':
      return "d";
    case U'ł':
      return "l";
    case U'ı':
      return "i";
    default:
      return {};
  }
}

std::string_view PrimaryLanguage(std::string_view tag) {
  size_t dash = tag.find_first_of("-_");
  return dash == std::string_view::npos ? tag : tag.substr(0, dash);
}

std::u32string_view KeptIn(std::string_view language) {
  for (const KeptLetters& k : kKept)
    if (k.language == language) return k.letters;
  return {};
}

void AppendUtf8(UChar32 c, std::string& out) {
  icu::UnicodeString one(c);
  one.toUTF8String(out);
}

}  // namespace

std::string FoldForSearch(std::string_view word, std::string_view language) {
  const std::string_view primary = PrimaryLanguage(language);
  const bool turkic = primary == "tr" || primary == "az";
  // ASCII words (most of them) fold without ICU, except a Turkic capital I.
  bool ascii = true;
  for (char c : word)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80 && !(turkic && c == 'I');
  if (ascii) {
    std::string out(word);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase(turkic ? U_FOLD_CASE_EXCLUDE_SPECIAL_I : U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(word);
  icu::UnicodeString composed = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(word);
  const std::u32string_view kept = KeptIn(primary);
  std::string out;
  for (int32_t i = 0; i < composed.length();) {
    UChar32 c = composed.char32At(i);
    i += U16_LENGTH(c);
    if (kept.find(static_cast<char32_t>(c)) != std::u32string_view::npos) {
      AppendUtf8(c, out);
      continue;
    }
    if (std::string_view spelled = SpelledOut(c); !spelled.empty()) {
      out += spelled;
      continue;
    }
    icu::UnicodeString parts;
    if (!nfd->getDecomposition(c, parts)) parts = icu::UnicodeString(c);
    for (int32_t j = 0; j < parts.length();) {
      UChar32 p = parts.char32At(j);
      j += U16_LENGTH(p);
      if (u_charType(p) == U_NON_SPACING_MARK) continue;
      AppendUtf8(p, out);
    }
  }
  return out;
}

std::string LanguageName(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  if (U_FAILURE(status) || locale.isBogus()) return std::string(tag);
  icu::UnicodeString name;
  locale.getDisplayName(locale, name);
  icu::UnicodeString language_code = icu::UnicodeString::fromUTF8(locale.getLanguage());
  if (name.isBogus() || name.isEmpty() || name == language_code) return std::string(tag);
  UChar32 first = name.char32At(0);
  name.replace(0, U16_LENGTH(first), u_totitle(first));
  std::string out;
  name.toUTF8String(out);
  return out;
}

std::string IdnaToAscii(std::string_view host) {
  static UIDNA* idna = [] {
    UErrorCode error = U_ZERO_ERROR;
    return uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII,
                           &error);
  }();
  if (idna == nullptr || host.size() > 1024) return {};
  std::string out(host.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode error = U_ZERO_ERROR;
  int32_t n = uidna_nameToASCII_UTF8(idna, host.data(), static_cast<int32_t>(host.size()),
                                     out.data(), static_cast<int32_t>(out.size()), &info, &error);
  constexpr uint32_t kIgnored = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;
  if (U_FAILURE(error) || (info.errors & ~kIgnored) != 0) return {};
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace ladder::text
