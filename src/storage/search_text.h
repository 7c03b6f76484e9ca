// The text side of full-text search, shared by every backend and the published site (through
// passages.h) so that SQLite, PostgreSQL and the site's search page give the same hits, in the
// same order, with the same snippets.
//
// Words: maximal runs of ASCII letters and digits and non-ASCII letters; everything else
// (spaces, punctuation, "/", "-", symbols, emoji) separates words, so "case/code" and "on-call"
// are two words each. A word is folded for search in a language (base/unicode.h FoldForSearch:
// case and accents, "Équipe" -> "equipe"; a language may keep letters of its own apart, as
// Swedish keeps "år" from "ar") and then stemmed with the Porter algorithm when it is all letters
// ("reviews" -> "review"). The database only pre-selects passages that contain every stem of the
// query (FTS5 over `terms` on SQLite, a 'simple' tsvector over `terms` on PostgreSQL); matching,
// phrases, scoring and snippets are decided here, from the passage's own text. Passages are indexed
// with the root folding, which is coarser than every language's; a query in a language is
// pre-selected on its root terms and then matched with the language's own folding.
//
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ladder::storage::internal {

// One word of a text: its folded, stemmed term and where it is (bytes [begin, end)).
struct Token {
  std::string term;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The words of `text`, in order, folded as `language` folds them ("" the root rules).
std::vector<Token> Tokenize(std::string_view text, std::string_view language = {});

// One word folded as Tokenize folds it, before stemming.
std::string FoldWord(std::string_view word, std::string_view language = {});

// The Porter stem of a folded word; words that are not all ASCII letters, or shorter than three
// letters, are returned unchanged.
std::string PorterStem(std::string_view word);

// The `terms` column of a passage: the terms of title then body, separated by spaces.
std::string IndexTerms(std::string_view title, std::string_view body);

// A parsed query: each entry is one query term, as the sequence of stems that must appear in
// that order (a word is a sequence of one; a phrase, or a word joined by punctuation, several).
using QueryTerms = std::vector<std::vector<std::string>>;
QueryTerms QueryTermsOf(std::string_view query, std::string_view language = {});

// Every distinct stem of the query, in first-seen order (what the database pre-selects on).
std::vector<std::string> DistinctStems(const QueryTerms& terms);

// How one passage matches a query.
struct PassageMatch {
  bool matches = false;          // every term appears in the title or the body
  std::vector<int> title_tf;     // per term: occurrences in the title
  std::vector<int> body_tf;      // per term: occurrences in the body
  std::size_t title_length = 0;  // words
  std::size_t body_length = 0;
  std::string snippet;  // with kMatchOpen / kMatchClose around the matched words
};

// Matches a passage against the query and, when it matches, cuts its snippet: up to
// `snippet_words` words of the body (or of the title when only the title matches), the window
// with the most matched words, "…" where text was cut.
PassageMatch MatchPassage(const QueryTerms& terms, std::string_view title, std::string_view body,
                          std::size_t snippet_words = 24, std::string_view language = {});

// BM25 score of a match (k1 = 1.2, b = 0.75; the title weighs twice the body), given the
// average title and body lengths over the hits being ranked. Higher is better.
double Bm25(const PassageMatch& m, double avg_title, double avg_body);

}  // namespace ladder::storage::internal
