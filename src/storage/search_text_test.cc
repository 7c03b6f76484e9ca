// Words, stems, matching, ranking and snippets of search (search_text.h), which every backend
// shares.
#include "storage/search_text.h"

#include <gtest/gtest.h>

#include "storage/search_query.h"
#include "storage/store.h"

namespace ladder::storage::internal {
namespace {

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.term);
  return out;
}

std::string Marked(const std::string& snippet) { return MarkSnippet(snippet, "[", "]"); }

TEST(PorterStem, FollowsTheReferenceVocabulary) {
  // Pairs from Porter's published vocabulary and output files.
  const std::pair<const char*, const char*> cases[] = {{"caresses", "caress"},
                                                       {"ponies", "poni"},
                                                       {"ties", "ti"},
                                                       {"caress", "caress"},
                                                       {"cats", "cat"},
                                                       {"feed", "feed"},
                                                       {"agreed", "agre"},
                                                       {"plastered", "plaster"},
                                                       {"bled", "bled"},
                                                       {"motoring", "motor"},
                                                       {"sing", "sing"},
                                                       {"conflated", "conflat"},
                                                       {"troubled", "troubl"},
                                                       {"sized", "size"},
                                                       {"hopping", "hop"},
                                                       {"tanned", "tan"},
                                                       {"falling", "fall"},
                                                       {"hissing", "hiss"},
                                                       {"fizzed", "fizz"},
                                                       {"failing", "fail"},
                                                       {"filing", "file"},
                                                       {"happy", "happi"},
                                                       {"sky", "sky"},
                                                       {"relational", "relat"},
                                                       {"conditional", "condit"},
                                                       {"rational", "ration"},
                                                       {"digitizer", "digit"},
                                                       {"generalization", "gener"},
                                                       {"reviews", "review"},
                                                       {"reviewing", "review"},
                                                       {"reviewed", "review"},
                                                       {"engineering", "engin"},
                                                       {"customers", "custom"},
                                                       {"responsibilities", "respons"},
                                                       {"adjustable", "adjust"},
                                                       {"controll", "control"},
                                                       {"roll", "roll"},
                                                       {"effective", "effect"},
                                                       {"hopefulness", "hope"}};
  for (const auto& [word, stem] : cases) EXPECT_EQ(PorterStem(word), stem) << word;
  // Short words, digits and mixed tokens stay as they are.
  EXPECT_EQ(PorterStem("is"), "is");
  EXPECT_EQ(PorterStem("ic3"), "ic3");
  EXPECT_EQ(PorterStem("2024"), "2024");
}

TEST(Tokenize, SplitsOnPunctuationAndFoldsCaseAndDiacritics) {
  EXPECT_EQ(Terms("case/code"), (std::vector<std::string>{"case", "code"}));
  EXPECT_EQ(Terms("on-call rota"), (std::vector<std::string>{"on", "call", "rota"}));
  EXPECT_EQ(Terms("Has reviewed the SME's code."),
            (std::vector<std::string>{"ha", "review", "the", "sme", "s", "code"}));
  EXPECT_EQ(Terms("Équipe FRANÇAIS naïve Straße"),
            (std::vector<std::string>{"equip", "francai", "naiv", "strass"}));
  EXPECT_EQ(Terms("emoji 👩‍💻 — dash ✓ tick"),
            (std::vector<std::string>{"emoji", "dash", "tick"}));
  EXPECT_EQ(Terms("日本語 and ΑΒΓ"), (std::vector<std::string>{"日本語", "and", "αβγ"}));
  // Offsets point at the original text.
  auto tokens = Tokenize("  Équipe!");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[0].end, 9u);  // É is two bytes
  // Invalid UTF-8 separates words instead of failing.
  EXPECT_EQ(Terms("ab\xff\xfe"
                  "cd"),
            (std::vector<std::string>{"ab", "cd"}));
  EXPECT_EQ(IndexTerms("Code Review", "Reviews code."), "code review review code");
}

TEST(QueryTerms, WordsJoinedByPunctuationArePhrases) {
  EXPECT_EQ(ParseSearchQuery("on-call rota").terms, (std::vector<std::string>{"on call", "rota"}));
  EXPECT_EQ(QueryTermsOf("on-call \"Code Reviews\" SME"),
            (QueryTerms{{"on", "call"}, {"code", "review"}, {"sme"}}));
  EXPECT_EQ(QueryTermsOf("case/code"), (QueryTerms{{"case", "code"}}));
  EXPECT_TRUE(QueryTermsOf("' -- ✓").empty());
  EXPECT_EQ(DistinctStems(QueryTermsOf("review \"code review\"")),
            (std::vector<std::string>{"review", "code"}));
}

TEST(MatchPassage, NeedsEveryTermAndKeepsPhrasesInOrder) {
  auto m = MatchPassage(QueryTermsOf("code review"), "", "Asks for a code review of every macro.");
  EXPECT_TRUE(m.matches);
  EXPECT_EQ(Marked(m.snippet), "Asks for a [code] [review] of every macro.");
  EXPECT_FALSE(MatchPassage(QueryTermsOf("\"review code\""), "", "a code review").matches);
  EXPECT_FALSE(MatchPassage(QueryTermsOf("code zebra"), "", "a code review").matches);
  // A term may match the title and another the body.
  auto split = MatchPassage(QueryTermsOf("portfolio promoted"), "When do I get promoted?",
                            "After a review of your portfolio.");
  EXPECT_TRUE(split.matches);
  EXPECT_EQ(split.title_tf, (std::vector<int>{0, 1}));
  EXPECT_EQ(split.body_tf, (std::vector<int>{1, 0}));
  // Only the title matches: the snippet comes from the title.
  auto title = MatchPassage(QueryTermsOf("promoted"), "When do I get promoted?", "Body text.");
  EXPECT_EQ(Marked(title.snippet), "When do I get [promoted]?");
  // Words joined by punctuation in the text match a hyphenated query and a phrase.
  EXPECT_TRUE(MatchPassage(QueryTermsOf("on-call"), "", "Joins the on call rota.").matches);
  EXPECT_TRUE(MatchPassage(QueryTermsOf("\"case code\""), "", "Reads case/code first.").matches);
  EXPECT_FALSE(MatchPassage(QueryTermsOf("on-call"), "", "Calls on customers.").matches);
}

TEST(MatchPassage, SnippetIsTheBestWindowWithEllipses) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "word" + std::to_string(i) + " ";
  body += "needle and more needle text.";
  auto m = MatchPassage(QueryTermsOf("needle"), "", body, 10);
  ASSERT_TRUE(m.matches);
  // The window with both needles, centred on them as far as the text allows; it reaches the
  // text's end and keeps its full stop.
  EXPECT_EQ(Marked(m.snippet),
            "…word35 word36 word37 word38 word39 [needle] and more "
            "[needle] text.");
  auto start = MatchPassage(QueryTermsOf("word1"), "", body, 3);
  EXPECT_EQ(Marked(start.snippet), "word0 [word1] word2…");
  auto middle = MatchPassage(QueryTermsOf("word20"), "", body, 5);
  EXPECT_EQ(Marked(middle.snippet), "…word18 word19 [word20] word21 word22…");
  auto first = MatchPassage(QueryTermsOf("word0"), "", "  word0 word1 word2 word3", 2);
  EXPECT_EQ(Marked(first.snippet), "  [word0] word1…");
}

TEST(Bm25, PrefersTitlesShortPassagesAndMoreOccurrences) {
  QueryTerms q = QueryTermsOf("review");
  auto in_title = MatchPassage(q, "Review", "Something else entirely here.");
  auto in_body = MatchPassage(q, "Something", "Review else entirely here.");
  EXPECT_GT(Bm25(in_title, 1, 4), Bm25(in_body, 1, 4));
  auto twice = MatchPassage(q, "", "review and review again");
  auto once = MatchPassage(q, "", "review and then again");
  EXPECT_GT(Bm25(twice, 0, 4), Bm25(once, 0, 4));
  auto short_one = MatchPassage(q, "", "review it");
  auto long_one = MatchPassage(q, "", "review it with many more words around it all");
  EXPECT_GT(Bm25(short_one, 0, 5), Bm25(long_one, 0, 5));
}

}  // namespace
}  // namespace ladder::storage::internal
