// Full-text search over framework versions, the one implementation behind `ladder search`, the
// API's /api/v1/search and the search page of `ladder serve`: which passages of a version are
// searched (PassagesOf), and how a query matches and ranks them (PassageSearch, on the words,
// stems, phrases and BM25 of search_text.h). The Store keeps every version's passages and lets its
// database pre-select those holding every stem (Stems()); the published site (render/site.h)
// offers the passages of the versions it shows, so that both find the same hits in the same order
// with the same snippets.
//
// Plain values and pure functions; a PassageSearch is used by one thread at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/framework.h"
#include "storage/search_text.h"
#include "storage/types.h"

namespace ladder::storage {

// One searchable text of a framework version: a level's summary, attribute, summary statement,
// behaviour or requirement, a note, a role profile (its summary, responsibilities, skills, KPIs
// and career path), or the description of the framework, a track, a competency or an overlay
// role (with its duties).
struct Passage {
  HitKind kind = HitKind::kBehaviour;
  std::string track;  // track id (levels and tracks); "" otherwise
  std::string level;  // level code; "" for notes and roles
  std::string level_title;
  std::string competency;  // behaviours and expectation summaries
  std::string title;       // level title, attribute key, note title or role title
  std::string body;
  size_t item = 0;  // notes, roles and overlays: the index in the framework's list of them
};

// Every passage of `f` with a text, in document order (a passage's place is its `ord`).
std::vector<Passage> PassagesOf(const model::Framework& f);

// A query run over passages: every term of the query in the title or the body (a word as its
// stem, a "quoted phrase" as its words in order), case and accents folded as options.lang folds
// them; hits ranked by BM25, ties in document order; snippets of at most 24 words.
class PassageSearch {
 public:
  // Errors: kInvalidArgument for a query without words.
  static Result<PassageSearch> Start(std::string_view query, const SearchOptions& options);

  // The distinct stems every matching passage holds (what a database pre-selects on).
  std::vector<std::string> Stems() const { return internal::DistinctStems(terms_); }

  // Offers passage `p`, the `ord`-th of its version; `where` names the version (framework,
  // framework_name, version). Kept when it matches; `tag` is handed back with the hit.
  void Offer(const Passage& p, SearchHit where, long long ord, size_t tag = 0);

  struct Ranked {
    SearchHit hit;
    size_t tag = 0;
  };
  // The hits, best first, at most options.limit (0: all).
  std::vector<Ranked> Hits() &&;

 private:
  struct Found {
    Ranked ranked;
    long long ord = 0;
    internal::PassageMatch match;
  };
  internal::QueryTerms terms_;           // folded with the root rules: the pre-selection
  internal::QueryTerms language_terms_;  // folded as options.lang folds
  std::string lang_;
  int limit_ = 0;
  std::vector<Found> found_;
};

}  // namespace ladder::storage
