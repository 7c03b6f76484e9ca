// The published site of a set of frameworks: every page a reader sees, as HTML rendered from the
// mustache templates of web/templates, shared by `ladder serve` (rendered on
// request) and `ladder render` (written to files).
//
// Pages and their paths, relative to the site's root (links between pages are relative, so the
// static site works from file:// and from any static host):
//   index.html                          frameworks, role catalogue, search box
//   search.html                         search results (server: ?q=; static: search-index.js)
//   f/<fw>/index.html                   per track a levels x competencies matrix, pillars,
//                                       requirements, overlays, transitions, policy, notes
//   f/<fw>/tracks.html                  tracks side by side by rank
//   f/<fw>/<track>/<level>.html         previous | current | next, what is new marked
//   f/<fw>/index.<lang>.html, f/<fw>/<track>/<level>.<lang>.html
//                                       the same in each language of the framework's
//                                       translations (lang: "es", "pt-BR"), with a language
//                                       switcher; texts not translated show in the source
//                                       language, marked with its `lang`
//   f/<fw>/<track>/<level>/job-description.html   the level's job description (server: ?role=)
//   f/<fw>/<track>/<level>/interview-guide.html   its interview guide, printable as a scorecard
//   f/<fw>/compare/index.html           choose two levels (server: ?a=<track>.<level>&b=...)
//   f/<fw>/compare/<a>--<b>.html        two levels: behaviours added, removed, reworded (the
//                                       static site has the pairs a level page leads to)
//   f/<fw>/changelog.html               per level, what changed between versions
//   roles/index.html                    role catalogue: families x seniorities
//   roles/<fw>/<role>.html, roles/<fw>/family/<family>.html
//   search-index.js, search-index.json, static/...
//
// Every text goes through the templates' escaping, every URL through SafeUrl(); only cmark-gfm
// output (render/markdown.h) is written unescaped. Output depends only on the frameworks: no
// clock, no randomness, stable order, so the same input gives the same bytes.
//
// A Site is immutable once built; Render() is thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/diff.h"
#include "base/error.h"
#include "model/framework.h"
#include "rules/eligibility.h"

namespace ladder::render {

// An organisation's own template for the job descriptions of the site: its file name (an
// HTML one, *.html.mustache, is used for the pages; render/outputs.h) and its text.
struct SiteTemplate {
  std::string name;
  std::string text;
};

struct SiteOptions {
  // True for `ladder render`: search runs in the browser from search-index.js, and the compare
  // page lists the pre-rendered pairs (neighbouring levels of a track, equal ranks across
  // tracks, the next rank up in another track). False for the server, which answers ?q= and
  // compares any two levels with ?a=&b=.
  bool static_site = false;
  // Job description templates (read by the caller): by framework id (the file the
  // framework's `jd_template` names), and one for every other framework.
  std::map<std::string, SiteTemplate> jd_templates = {};
  SiteTemplate jd_template = {};
};

struct Page {
  std::string content_type;
  std::string body;
  bool published = false;  // content of published framework versions only (cacheable)
};

// One search result: what matched, where, and the link to it.
struct SearchHit {
  std::string kind;     // storage::HitKindName: "behaviour", "level_summary", "note", "role", ...
  std::string title;    // "IC3 · Senior Support Engineer · Delivery"
  std::string context;  // "Customer Support › Individual contributor"
  std::string url;      // site-relative path with #anchor
  // The passage's words around the match, with storage::kMatchOpen/kMatchClose around each
  // matched word.
  std::string snippet;
};

class Site {
 public:
  // `frameworks` holds every version of every framework to publish; for each id the version
  // that sorts last (numeric-aware) is shown and the others feed the changelog.
  // Errors: kInvalidArgument when two frameworks have the same id and version.
  static Result<std::unique_ptr<Site>> Build(std::vector<model::Framework> frameworks,
                                             SiteOptions options = {});
  ~Site();

  // Every page and file of the static site, sorted.
  std::vector<std::string> Paths() const;

  // The page at `path` (as listed by Paths(); "" means index.html), with the query parameters
  // the server passes (q for search, a and b for compare). Errors: kNotFound.
  Result<Page> Render(std::string_view path,
                      const std::map<std::string, std::string>& query = {}) const;

  // The site-relative path of a framework's page and of a level's page ("" when the site does
  // not show it).
  std::string FrameworkPath(std::string_view framework) const;
  std::string LevelPath(std::string_view framework, std::string_view track,
                        std::string_view level) const;
  // The frameworks shown (the newest published version of each), by name.
  std::vector<const model::Framework*> Frameworks() const;
  // What a level of a shown framework version adds to the one before it (computed once, when
  // the site was built), or nullptr when the site does not show that version or level.
  const analysis::LevelNews* NewsOf(std::string_view framework, std::string_view version,
                                    std::string_view track, std::string_view level) const;
  // The shown version of a framework prepared for evaluating eligibility (rules::Evaluator),
  // or nullptr when the site does not show that version.
  const rules::Evaluator* EvaluatorOf(std::string_view framework, std::string_view version) const;
  // The HTML of an inline Markdown text of the shown frameworks (converted when the site was
  // built), or nullptr for any other text.
  const std::string* InlineHtmlOf(const std::string& markdown) const;

  // Results for a free-text query over the passages of the shown frameworks, by the one search
  // of storage/passages.h that `ladder search` and the API run on the stored frameworks (the
  // same hits, order and snippets), case and accents folded as `lang` folds them ("" the root
  // rules); at most `limit`, best first. The texts of translated pages are searched too.
  std::vector<SearchHit> Search(std::string_view query, size_t limit = 50,
                                std::string_view lang = {}) const;

  // The search index as JSON (and as a script defining window.ladderSearchIndex, which also
  // loads from file://, where browsers refuse fetch()).
  std::string SearchIndexJson() const;

  struct Impl;

 private:
  explicit Site(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Orders version strings: numeric runs compare as numbers ("2023.10" > "2023.9").
bool VersionLess(std::string_view a, std::string_view b);

}  // namespace ladder::render
