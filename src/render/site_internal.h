// Internals of Site (site.h) shared by the files that build its pages: the indexed frameworks,
// the mustache helpers and one function per kind of page. Not for use outside render/.
#pragma once

#include <algorithm>
#include <atomic>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "analysis/diff.h"
#include "analysis/leaks.h"
#include "model/framework.h"
#include "render/site.h"
#include "rules/eligibility.h"
#include "storage/passages.h"

namespace ladder::render::internal {

using Data = kainjow::mustache::data;

struct LevelEntry {
  const model::Track* track = nullptr;
  const model::Level* level = nullptr;
  size_t track_index = 0;
  size_t level_index = 0;  // within its track
  std::string track_slug;
  std::string level_slug;
  std::string key;   // "<track_slug>.<level_slug>", used by compare pages
  std::string stem;  // "f/<fw>/<track_slug>/<level_slug>": the same in every language
  std::string path;  // stem + the entry's suffix + ".html"
};

struct RoleEntry {
  const model::RoleProfile* role = nullptr;
  std::string slug;
  std::string path;  // "roles/<fw>/<slug>.html"
};

struct FamilyEntry {
  std::string name;
  std::string slug;
  std::string path;           // "roles/<fw>/family/<slug>.html"
  std::vector<size_t> roles;  // indexes into FrameworkEntry::roles, by seniority
};

struct FrameworkEntry {
  model::Framework fw;                  // the version shown
  std::vector<model::Framework> older;  // earlier versions, oldest first
  std::string slug;
  std::vector<LevelEntry> levels;  // tracks in order, levels by rank
  // What each level adds to the one before it (analysis::NewAtLevel), parallel to `levels`:
  // every level page shows three levels, so each is computed once at build time.
  std::vector<analysis::LevelNews> news;
  std::map<std::string, size_t> level_by_key;
  std::map<std::string, size_t> level_by_path;
  std::vector<RoleEntry> roles;
  std::vector<FamilyEntry> families;     // in order of first appearance
  std::vector<std::string> seniorities;  // columns of the role grid, junior first
  std::map<std::string, size_t> role_by_path;
  std::map<std::string, size_t> family_by_path;
  // The framework in one of its translations (model::Localize): the language of the pages and
  // what their file names end with before ".html" ("" and "" for the framework's own
  // language; "es" and ".es" for its Spanish pages). Texts shown in the source language are
  // marked (kFallbackOpen/kFallbackClose) in `fw`.
  std::string lang;
  std::string suffix;
  size_t fallbacks = 0;     // texts of a translated entry shown in the source language
  std::string source_lang;  // the framework's own language

  std::string Lang() const { return lang.empty() ? fw.language : lang; }
  std::string IndexPath() const { return Dir() + "index" + suffix + ".html"; }

  std::string Dir() const { return "f/" + slug + "/"; }
  // Index of the level before/after `i` in the same track, or -1.
  int Previous(size_t i) const;
  int Next(size_t i) const;
  bool Published() const { return fw.status == model::FrameworkStatus::kPublished; }
};

// A passage of a shown framework (storage/passages.h, the passages the Store searches too) with
// where the site shows it: the static site's index lists kind, title, context, url and text.
struct SearchEntry {
  storage::Passage passage;
  storage::SearchHit where;  // framework, framework_name, version
  long long ord = 0;         // document order, across every entry of the site
  std::string kind, title, context, url, text;
};

// Marks around a text of a translated page shown in the source language: in the framework of
// a translated entry (plain text: kFallbackOpen/Close; Markdown converted to HTML: the block
// markers around the HTML of a block). MarkFallbacks turns them into elements with the source
// language's `lang`. Control characters never occur in a framework's texts (the canonical
// readers refuse them).
inline constexpr std::string_view kFallbackOpen = "\x0E";
inline constexpr std::string_view kFallbackClose = "\x0F";
inline constexpr std::string_view kFallbackBlockOpen = "\x1C";
inline constexpr std::string_view kFallbackBlockClose = "\x1D";

// `html` with each marked fallback as <span lang="<lang>" class="fallback"> (a <div> for
// blocks); marks inside tags and in <title> are dropped.
std::string MarkFallbacks(std::string_view html, std::string_view lang);
// `text` without fallback marks.
std::string StripFallbackMarks(std::string_view text);
// The HTML of a Markdown text (`to_html`); a text marked as a fallback gives the HTML of the
// text without its marks, marked as a whole (with the block marks when `block`).
std::string MarkedHtml(const std::string& text, std::string (*to_html)(std::string_view),
                       bool block);
// Adds an entry to site.translated for every translation of every framework shown (not yet
// indexed). REQUIRES: the slugs of site.frameworks are set.
void AddTranslatedEntries(Site::Impl& site);

}  // namespace ladder::render::internal

namespace ladder::render {

struct Site::Impl {
  SiteOptions options;
  std::vector<internal::FrameworkEntry> frameworks;  // by name, then id
  // The translated entries: one per framework and language of its translations, and their
  // pages by path (level index, or -1 for the framework page).
  std::vector<internal::FrameworkEntry> translated;
  std::map<std::string, std::pair<size_t, int>> translated_pages;
  std::map<std::string, size_t> framework_by_slug;
  std::vector<internal::SearchEntry> search;
  // rules::Evaluator of each framework shown, parallel to `frameworks`.
  std::vector<std::unique_ptr<rules::Evaluator>> evaluators;
  // Inline Markdown of every behaviour, summary and duty, converted once at build time.
  std::unordered_map<std::string, std::string> inline_html;

  // Block Markdown of attributes, notes, descriptions and role prose.
  std::unordered_map<std::string, std::string> block_html;

  // The search index as JSON, made on first use (the static site writes it twice: as JSON and
  // as a script).
  mutable std::once_flag search_json_once;
  mutable std::string search_json;

  const std::string& InlineHtml(const std::string& markdown) const;
  const std::string& BlockHtml(const std::string& markdown) const;
};

struct Viewer;  // app_views.h

}  // namespace ladder::render

namespace ladder::render::internal {

// Calls f(i) for every i in [0, n), on as many threads as there are cores (the calling thread
// is one of them). REQUIRES: calls of f for different i may run concurrently.
template <typename F>
void ParallelFor(size_t n, F f) {
  const size_t threads = std::min<size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) f(i);
  };
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
}

// "../../" for a page at "f/x/y.html": the prefix that leads back to the site's root.
std::string RootOf(std::string_view path);

// The common data of every page: lang, title, root, navigation, static flag.
Data PageData(const Site::Impl& site, std::string_view path, std::string_view title);

// A link for a template: SafeUrl(root + target).
std::string Href(std::string_view root, std::string_view target);

// Renders the template web/templates/<name>.mustache with `data`. Templates are parsed once per
// thread; `{{>name}}` partials are inlined when a template is loaded.
std::string RenderTemplate(std::string_view name, const Data& data);

// Building view models. kainjow's data::set and data::push_back copy their argument, so a view
// model built bottom-up with them is copied once per level of nesting; these move instead
// (pass a named value with std::move). REQUIRES: `object` is an object, `list` a list.
void Set(Data& object, const std::string& key, Data value);
void Append(Data& list, Data item);

// Sets `key` to `list` and "has_<key>" to whether it is non-empty (mustache has no other
// way to write a <ul> only around a non-empty list).
void SetList(Data& d, const std::string& key, Data list);

// A string for a template, or `false` when empty: in kainjow an empty string is truthy, and a
// missing key is looked up in enclosing contexts (where another object's key of the same name
// would show), so optional texts are always set, to false when empty.
Data Text(const std::string& s);

// List helpers.
Data List();
Data Object();

// The page of a framework (level < 0) or of one of its levels in each of its languages, for the
// language switcher: [{code, name, href, current}], and has_languages when there are several.
void SetLanguages(const Site::Impl& site, const FrameworkEntry& fe, int level,
                  const std::string& root, Data& d);
// The finished HTML of a page of `fe`: fallbacks marked for translated entries.
Page FrameworkHtmlPage(const FrameworkEntry& fe, std::string body);

// Data of a behaviour list (inline Markdown) for templates: [{html}].
Data Behaviours(const Site::Impl& site, const std::vector<std::string>& behaviours);
// Data of requirements: [{text, rule}].
Data Requirements(const std::vector<model::Requirement>& requirements);
// The name of a rule kind for display ("time at level", "manual checkpoint", ...).
std::string RuleKind(const model::Rule& rule);
// Competencies grouped by pillar: [{name, has_name, competencies: [const Competency*]}].
struct Group {
  std::string name;
  std::string description;
  std::vector<const model::Competency*> competencies;
};
std::vector<Group> Groups(const model::Framework& fw);
// Keys of the attributes of some levels, in order of first appearance.
std::vector<std::string> AttributeKeys(const std::vector<const model::Level*>& levels);
std::string AttributeLabel(std::string_view key);  // "years_of_experience" -> "Years of experience"
std::string AttributeValue(const model::Level& level, std::string_view key);
std::string LevelLabel(const model::Level& level);  // "IC3 · Senior Support Engineer"

// The frame of a web-app page (app_views.cc): layout data with the viewer's navigation, the
// app's stylesheet and scripts, and the form limits.
Data AppFrame(const Viewer& viewer, std::string_view title);

// Shared parts of framework pages.
Data FrameworkHeader(const FrameworkEntry& fe, const std::string& root);
Data OverlaysData(const Site::Impl& site, const model::Framework& fw);
Data TransitionsData(const Site::Impl& site, const model::Framework& fw);
// Pages.
Result<Page> HomePage(const Site::Impl& site, std::string_view path);
Result<Page> FrameworkPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view path);
// The framework's exports when the site is served (site_downloads.cc): the links of its page,
// none in the static site, and the file at f/<fw>/downloads/<file>.
Data DownloadsData(const Site::Impl& site, const FrameworkEntry& fe, const std::string& root);
Result<Page> DownloadPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view file);
Result<Page> TracksPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view path);
Result<Page> LevelPage(const Site::Impl& site, const FrameworkEntry& fe, size_t level,
                       std::string_view path);
Result<Page> CompareIndexPage(const Site::Impl& site, const FrameworkEntry& fe,
                              std::string_view path);
Result<Page> ComparePage(const Site::Impl& site, const FrameworkEntry& fe, size_t a, size_t b,
                         std::string_view path);
Result<Page> ChangelogPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view path);
Result<Page> RolesPage(const Site::Impl& site, std::string_view path);
Result<Page> RolePage(const Site::Impl& site, const FrameworkEntry& fe, size_t role,
                      std::string_view path);
Result<Page> FamilyPage(const Site::Impl& site, const FrameworkEntry& fe, size_t family,
                        std::string_view path);
// `lang`: the language whose folding the search uses ("" the root rules).
Result<Page> SearchPage(const Site::Impl& site, std::string_view path, std::string_view query,
                        std::string_view lang = {});
// A level's job description (joined with role `role`, "" for the role of the level's title)
// and interview guide (views_outputs.cc), and their paths: "f/<fw>/<track>/<level>/
// job-description.html" and ".../interview-guide.html".
Result<Page> JobDescriptionPage(const Site::Impl& site, const FrameworkEntry& fe, size_t level,
                                std::string_view path, std::string_view role);
Result<Page> InterviewGuidePage(const Site::Impl& site, const FrameworkEntry& fe, size_t level,
                                std::string_view path);
std::string JdPath(const LevelEntry& le);
// A group of rows of a levels table (the framework page's matrix, a level page) under a
// heading: {name, rows}.
Data RowGroup(std::string name, Data rows);
// Leak findings for a page: [{text, field, message, kind}] (none for nullptr).
Data LeaksData(const std::vector<analysis::Leak>* leaks);
std::string GuidePath(const LevelEntry& le);

// The pairs of levels whose compare page the static site pre-renders.
std::vector<std::pair<size_t, size_t>> StaticComparePairs(const Site::Impl& site,
                                                          const FrameworkEntry& fe);
std::string ComparePath(const FrameworkEntry& fe, size_t a, size_t b);

Page HtmlPage(std::string body, bool published);

std::vector<SearchHit> SearchIn(const Site::Impl& site, std::string_view query, size_t limit,
                                std::string_view lang = {});

}  // namespace ladder::render::internal
