#include "base/unicode.h"

#include <gtest/gtest.h>

namespace ladder::text {
namespace {

TEST(FoldForSearch, FoldsCaseAndAccentsWithTheRootRules) {
  EXPECT_EQ(FoldForSearch("Équipe"), "equipe");
  EXPECT_EQ(FoldForSearch("NIÑOS"), "ninos");
  EXPECT_EQ(FoldForSearch("Straße"), "strasse");
  EXPECT_EQ(FoldForSearch("Ærø"), "aero");
  EXPECT_EQ(FoldForSearch("Łódź"), "lodz");
  EXPECT_EQ(FoldForSearch("Þór"), "thor");
  EXPECT_EQ(FoldForSearch("ΆΛΦΑ"), "αλφα");  // Greek: case and tonos
  EXPECT_EQ(FoldForSearch("ПРИВЕТ"), "привет");
  EXPECT_EQ(FoldForSearch("Review"), "review");
  // Decomposed input folds like composed input.
  EXPECT_EQ(FoldForSearch("E\u0301quipe"), "equipe");
}

TEST(FoldForSearch, KeepsTheLettersALanguageCountsAsItsOwn) {
  EXPECT_EQ(FoldForSearch("År", "sv"), "år");
  EXPECT_EQ(FoldForSearch("År", "en"), "ar");
  EXPECT_EQ(FoldForSearch("Äldre", "fi"), "äldre");
  EXPECT_EQ(FoldForSearch("Niños", "es"), "niños");
  EXPECT_EQ(FoldForSearch("Niños", "es-MX"), "niños");  // the primary language decides
  EXPECT_EQ(FoldForSearch("Acción", "es"), "accion");   // other accents still fold
  EXPECT_EQ(FoldForSearch("Ærø", "da"), "ærø");
  EXPECT_EQ(FoldForSearch("Größe", "de"), "grosse");
  EXPECT_EQ(FoldForSearch("Ēlite", "fr"), "elite");
}

TEST(FoldForSearch, TurkishDottedAndDotlessI) {
  EXPECT_EQ(FoldForSearch("KIŞI", "tr"), "kışı");
  EXPECT_EQ(FoldForSearch("İSTANBUL", "tr"), "istanbul");
  EXPECT_EQ(FoldForSearch("ISTANBUL", "tr"), "ıstanbul");  // even all ASCII
  EXPECT_EQ(FoldForSearch("ISTANBUL", "en"), "istanbul");
  EXPECT_EQ(FoldForSearch("İSTANBUL", "en"), "istanbul");
  EXPECT_EQ(FoldForSearch("kışı"), "kisi");
}

TEST(FoldForSearch, TheRootRulesAreCoarserThanEveryLanguage) {
  for (const char* word : {"År", "Niños", "KIŞI", "İSTANBUL", "Ærø", "Þór", "Größe", "Ðúfa"})
    for (const char* lang : {"sv", "es", "tr", "da", "is", "de", ""})
      EXPECT_EQ(FoldForSearch(FoldForSearch(word, lang)), FoldForSearch(word))
          << word << " in " << lang;
}

TEST(FoldForSearch, InvalidUtf8DoesNotCrash) {
  std::string folded = FoldForSearch(
      "ab\xFF\xFE"
      "c");
  EXPECT_NE(folded.find("ab"), std::string::npos);
  EXPECT_NE(folded.find('c'), std::string::npos);
}

TEST(LanguageName, IsTheNameALanguageGivesItself) {
  EXPECT_EQ(LanguageName("en"), "English");
  EXPECT_EQ(LanguageName("es"), "Español");
  EXPECT_EQ(LanguageName("sv"), "Svenska");
  EXPECT_EQ(LanguageName("pt-BR"), "Português (Brasil)");
  EXPECT_EQ(LanguageName("qqq"), "qqq");  // unknown: the tag
}

TEST(IdnaToAscii, WritesUnicodeHostsAsPunycode) {
  EXPECT_EQ(IdnaToAscii("bücher.example"), "xn--bcher-kva.example");
  EXPECT_EQ(IdnaToAscii("EXAMPLE.com"), "example.com");
}

}  // namespace
}  // namespace ladder::text
