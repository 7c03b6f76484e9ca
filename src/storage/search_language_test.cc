// Search per language (search_text.h): passages are indexed with the root folding, and a query
// in a language matches with that language's own folding.
#include <gtest/gtest.h>

#include "storage/search_text.h"
#include "storage/types.h"

namespace ladder::storage::internal {
namespace {

TEST(SearchLanguage, TheRootFoldingFindsEveryAccentedSpelling) {
  EXPECT_EQ(IndexTerms("", "Årsbonus för niños"), "arsbonu for nino");
  QueryTerms terms = QueryTermsOf("ARSBONUS ninos");
  EXPECT_TRUE(MatchPassage(terms, "", "Årsbonus för niños").matches);
}

TEST(SearchLanguage, ALanguageKeepsItsOwnLettersApart) {
  const std::string_view body = "Årsbonus betalas i mars";
  // The root terms of a Swedish query pre-select the passage...
  EXPECT_EQ(DistinctStems(QueryTermsOf("arsbonus")), DistinctStems(QueryTermsOf("årsbonus")));
  // ...and Swedish folding tells "år" from "ar".
  EXPECT_FALSE(MatchPassage(QueryTermsOf("arsbonus", "sv"), "", body, 24, "sv").matches);
  PassageMatch m = MatchPassage(QueryTermsOf("ÅRSBONUS", "sv"), "", body, 24, "sv");
  EXPECT_TRUE(m.matches);
  EXPECT_EQ(m.snippet,
            std::string(kMatchOpen) + "Årsbonus" + std::string(kMatchClose) + " betalas i mars");
  // In Spanish ñ is a letter: "ninos" is another word than "niños"; other accents still fold.
  EXPECT_FALSE(MatchPassage(QueryTermsOf("ninos", "es"), "", "Los niños", 24, "es").matches);
  EXPECT_TRUE(MatchPassage(QueryTermsOf("NIÑOS", "es"), "", "Los niños", 24, "es").matches);
  EXPECT_TRUE(MatchPassage(QueryTermsOf("accion", "es"), "", "Una acción", 24, "es").matches);
}

TEST(SearchLanguage, TurkishCapitalIsFoldAsInTurkish) {
  EXPECT_FALSE(MatchPassage(QueryTermsOf("PICKING", "tr"), "", "picking", 24, "tr").matches);
  EXPECT_TRUE(MatchPassage(QueryTermsOf("PİCKİNG", "tr"), "", "picking", 24, "tr").matches);
  EXPECT_TRUE(MatchPassage(QueryTermsOf("PICKING"), "", "picking").matches);
}

}  // namespace
}  // namespace ladder::storage::internal
