#include "render/site.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "base/text.h"
#include "base/unicode.h"
#include "render/embedded.h"
#include "render/markdown.h"
#include "render/site_internal.h"

namespace ladder::render {
namespace {

using internal::FamilyEntry;
using internal::FrameworkEntry;
using internal::LevelEntry;
using internal::RoleEntry;
using internal::SearchEntry;

// Seniorities in the order careers climb them; others follow in order of appearance.
constexpr std::string_view kSeniorityOrder[] = {
    "intern",    "apprentice",       "graduate",      "associate", "junior", "",
    "mid",       "intermediate",     "senior",        "lead",      "staff",  "senior staff",
    "principal", "senior principal", "distinguished", "fellow"};

int SeniorityRank(std::string_view s) {
  std::string lower = text::ToLower(text::Trim(s));
  for (size_t i = 0; i < std::size(kSeniorityOrder); ++i)
    if (lower == kSeniorityOrder[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(kSeniorityOrder));
}

// A slug that is unique among `taken` ("ic3", "ic3-2", ...).
std::string UniqueSlug(std::string_view name, std::set<std::string>& taken) {
  std::string base = text::Slugify(name);
  std::string slug = base;
  for (int n = 2; taken.count(slug); ++n) slug = base + "-" + std::to_string(n);
  taken.insert(slug);
  return slug;
}

void Collect(std::vector<std::string>& texts, const std::vector<model::Requirement>& reqs) {
  for (const model::Requirement& r : reqs) texts.push_back(r.text);
}

void IndexFramework(FrameworkEntry& fe) {
  std::set<std::string> track_slugs;
  for (size_t t = 0; t < fe.fw.tracks.size(); ++t) {
    const model::Track& track = fe.fw.tracks[t];
    std::string track_slug = UniqueSlug(track.id, track_slugs);
    std::set<std::string> level_slugs = {"index", "compare", "tracks", "changelog"};
    for (size_t l = 0; l < track.levels.size(); ++l) {
      LevelEntry e;
      e.track = &track;
      e.level = &track.levels[l];
      e.track_index = t;
      e.level_index = l;
      e.track_slug = track_slug;
      e.level_slug = UniqueSlug(track.levels[l].code, level_slugs);
      e.key = e.track_slug + "." + e.level_slug;
      e.stem = fe.Dir() + e.track_slug + "/" + e.level_slug;
      e.path = e.stem + fe.suffix + ".html";
      fe.level_by_key[e.key] = fe.levels.size();
      fe.level_by_path[e.path] = fe.levels.size();
      fe.levels.push_back(std::move(e));
    }
  }
  for (const LevelEntry& le : fe.levels)
    fe.news.push_back(analysis::NewAtLevel(fe.fw, *le.track, *le.level));
  std::set<std::string> role_slugs = {"family", "index"};
  std::set<std::string> family_slugs;
  std::map<std::string, size_t> family_index;
  std::vector<std::string> seniorities;
  for (size_t r = 0; r < fe.fw.roles.size(); ++r) {
    const model::RoleProfile& role = fe.fw.roles[r];
    RoleEntry re{&role, UniqueSlug(role.id.empty() ? role.title : role.id, role_slugs), ""};
    re.path = "roles/" + fe.slug + "/" + re.slug + ".html";
    fe.role_by_path[re.path] = fe.roles.size();
    fe.roles.push_back(std::move(re));
    auto [it, inserted] = family_index.emplace(role.family, fe.families.size());
    if (inserted) {
      FamilyEntry family{role.family, UniqueSlug(role.family, family_slugs), "", {}};
      family.path = "roles/" + fe.slug + "/family/" + family.slug + ".html";
      fe.family_by_path[family.path] = fe.families.size();
      fe.families.push_back(std::move(family));
    }
    fe.families[it->second].roles.push_back(r);
    if (std::find(seniorities.begin(), seniorities.end(), role.seniority) == seniorities.end())
      seniorities.push_back(role.seniority);
  }
  std::stable_sort(seniorities.begin(), seniorities.end(),
                   [](const std::string& a, const std::string& b) {
                     return SeniorityRank(a) < SeniorityRank(b);
                   });
  fe.seniorities = std::move(seniorities);
  for (FamilyEntry& family : fe.families) {
    std::stable_sort(family.roles.begin(), family.roles.end(), [&](size_t a, size_t b) {
      return SeniorityRank(fe.fw.roles[a].seniority) < SeniorityRank(fe.fw.roles[b].seniority);
    });
  }
}

// Where the site shows passage `p` of `fe`: its kind, title, context and link. False for a
// passage the site does not show in `fe` (a role of a translated entry: role pages are in the
// source language only).
bool PlaceOf(const FrameworkEntry& fe, const storage::Passage& p, SearchEntry& e) {
  const model::Framework& fw = fe.fw;
  e.kind = storage::HitKindName(p.kind);
  switch (p.kind) {
    case storage::HitKind::kNote:
      e.title = p.title;
      e.context = fw.name;
      e.url = fe.IndexPath() + "#note-" + std::to_string(p.item + 1);
      return true;
    case storage::HitKind::kRole:
      for (const RoleEntry& re : fe.roles)
        if (fe.lang.empty() && re.role == &fw.roles[p.item]) {
          e.title = re.role->title.empty() ? p.title : re.role->title;
          e.context = re.role->family;
          e.url = re.path;
          return true;
        }
      return false;
    case storage::HitKind::kFramework:
      e.title = fw.DisplayName();
      e.context = fw.DisplayName();
      e.url = fe.IndexPath();
      return true;
    case storage::HitKind::kTrack:
      if (const model::Track* t = fw.FindTrack(p.track)) e.title = t->DisplayName();
      e.context = fw.DisplayName();
      e.url = fe.IndexPath() + "#track-" + text::Slugify(p.track);
      return true;
    case storage::HitKind::kCompetency:
      if (const model::Competency* c = fw.FindCompetency(p.competency)) e.title = c->DisplayName();
      e.context = fw.DisplayName();
      e.url = fe.IndexPath() + "#c-" + text::Slugify(p.competency);
      return true;
    case storage::HitKind::kOverlay:
      e.title = p.title;
      e.context = fw.DisplayName();
      e.url = fe.IndexPath() + "#overlay-" + text::Slugify(fw.overlays[p.item].id);
      return true;
    case storage::HitKind::kLevelSummary:
    case storage::HitKind::kAttribute:
    case storage::HitKind::kExpectationSummary:
    case storage::HitKind::kBehaviour:
    case storage::HitKind::kRequirement:
      break;
  }
  auto le = std::find_if(fe.levels.begin(), fe.levels.end(), [&](const LevelEntry& l) {
    return l.track->id == p.track && l.level->code == p.level;
  });
  if (le == fe.levels.end()) return false;
  e.title = internal::LevelLabel(*le->level);
  e.context = fw.name + " › " + le->track->DisplayName();
  e.url = le->path;
  if (p.kind == storage::HitKind::kAttribute) e.title += " · " + internal::AttributeLabel(p.title);
  if (p.kind == storage::HitKind::kRequirement) e.url += "#requirements";
  if (!p.competency.empty()) {
    const model::Competency* c = fw.FindCompetency(p.competency);
    e.title += " · " + (c ? c->DisplayName() : p.competency);
    e.url += "#c-" + text::Slugify(p.competency);
  }
  return true;
}

// The passages of every shown framework and translation, as the Store keeps them for its
// search. Texts of a translated entry shown in the source language are found on the source's
// pages.
void IndexSearch(Site::Impl& site) {
  std::vector<const FrameworkEntry*> entries;
  for (const FrameworkEntry& fe : site.frameworks) entries.push_back(&fe);
  for (const FrameworkEntry& fe : site.translated) entries.push_back(&fe);
  long long ord = 0;
  for (const FrameworkEntry* fe : entries) {
    for (storage::Passage& p : storage::PassagesOf(fe->fw)) {
      ++ord;
      if (!fe->lang.empty() && p.body.find(internal::kFallbackOpen) != std::string::npos) continue;
      p.title = internal::StripFallbackMarks(p.title);
      p.level_title = internal::StripFallbackMarks(p.level_title);
      SearchEntry e;
      if (!PlaceOf(*fe, p, e)) continue;
      e.title = internal::StripFallbackMarks(e.title);
      e.context = internal::StripFallbackMarks(e.context);
      e.text = text::CollapseSpace(p.body);
      e.where.framework = fe->fw.id;
      e.where.framework_name = internal::StripFallbackMarks(fe->fw.name);
      e.where.version = fe->fw.version;
      e.ord = ord;
      e.passage = std::move(p);
      site.search.push_back(std::move(e));
    }
  }
}

void ConvertMarkdown(Site::Impl& site) {
  std::vector<std::string> texts;
  std::vector<std::string> blocks;
  std::vector<const FrameworkEntry*> entries;
  for (const FrameworkEntry& fe : site.frameworks) entries.push_back(&fe);
  for (const FrameworkEntry& fe : site.translated) entries.push_back(&fe);
  for (const FrameworkEntry* entry : entries) {
    const FrameworkEntry& fe = *entry;
    const model::Framework& fw = fe.fw;
    std::vector<const model::Framework*> all = {&fw};
    for (const model::Framework& old : fe.older) all.push_back(&old);
    for (const model::Framework* f : all) {
      for (const model::Track& t : f->tracks) {
        for (const model::Level& l : t.levels) {
          texts.push_back(l.summary);
          blocks.push_back(l.summary);
          Collect(texts, l.requirements);
          for (const auto& [key, value] : l.attributes) blocks.push_back(value);
          for (const model::Expectation& e : l.expectations) {
            texts.push_back(e.summary);
            for (const std::string& b : e.behaviours) texts.push_back(b);
          }
        }
      }
    }
    for (const model::Competency& c : fw.competencies) texts.push_back(c.description);
    for (const model::CompetencyGroup& g : fw.groups) texts.push_back(g.description);
    for (const model::OverlayRole& o : fw.overlays) {
      texts.push_back(o.description);
      for (const std::string& d : o.duties) texts.push_back(d);
    }
    for (const model::Transition& t : fw.transitions) texts.push_back(t.description);
    for (const model::RoleProfile& r : fw.roles) {
      for (const auto* list : {&r.responsibilities, &r.skills, &r.kpis})
        for (const std::string& s : *list) texts.push_back(s);
    }
    Collect(texts, fw.policy);
    blocks.push_back(fw.description);
    for (const model::Track& t : fw.tracks) blocks.push_back(t.description);
    for (const model::Note& n : fw.notes) blocks.push_back(n.markdown);
    for (const model::OverlayRole& o : fw.overlays) blocks.push_back(o.description);
    for (const model::Transition& t : fw.transitions) blocks.push_back(t.description);
    for (const model::RoleProfile& r : fw.roles) {
      blocks.push_back(r.summary);
      blocks.push_back(r.path);
    }
  }
  // Each distinct text is converted once, on all cores.
  auto convert = [](std::vector<std::string>& all, std::string (*to_html)(std::string_view),
                    std::unordered_map<std::string, std::string>& into) {
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::vector<std::string> html(all.size());
    const bool block = to_html == &MarkdownToHtml;
    internal::ParallelFor(
        all.size(), [&](size_t i) { html[i] = internal::MarkedHtml(all[i], to_html, block); });
    into.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i) into.emplace(std::move(all[i]), std::move(html[i]));
  };
  convert(texts, &InlineMarkdownToHtml, site.inline_html);
  convert(blocks, &MarkdownToHtml, site.block_html);
}

// Path of a page as asked by a client: "" or ".../" name the directory's index.html.
std::string NormalisePath(std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::string p(path);
  if (p.empty() || p.back() == '/') p += "index.html";
  return p;
}

}  // namespace

// Every text of the model is converted at build time, so that a built Site never writes to
// these maps and pages render without locks. A text missing here (a bug) renders empty.
const std::string& Site::Impl::InlineHtml(const std::string& markdown) const {
  static const std::string kMissing;
  auto it = inline_html.find(markdown);
  return it == inline_html.end() ? kMissing : it->second;
}

const std::string& Site::Impl::BlockHtml(const std::string& markdown) const {
  static const std::string kMissing;
  auto it = block_html.find(markdown);
  return it == block_html.end() ? kMissing : it->second;
}

bool VersionLess(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      size_t i0 = i, j0 = j;
      while (i < a.size() && is_digit(a[i])) ++i;
      while (j < b.size() && is_digit(b[j])) ++j;
      std::string_view na = a.substr(i0, i - i0), nb = b.substr(j0, j - j0);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

Site::Site(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Site::~Site() = default;

Result<std::unique_ptr<Site>> Site::Build(std::vector<model::Framework> frameworks,
                                          SiteOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::map<std::string, std::vector<model::Framework>> by_id;
  for (model::Framework& f : frameworks) by_id[f.id].push_back(std::move(f));
  for (auto& [id, versions] : by_id) {
    std::stable_sort(versions.begin(), versions.end(),
                     [](const model::Framework& a, const model::Framework& b) {
                       return VersionLess(a.version, b.version);
                     });
    for (size_t i = 1; i < versions.size(); ++i) {
      if (versions[i].version == versions[i - 1].version)
        return MakeError(ErrorCode::kInvalidArgument,
                         "framework " + id + " version " + versions[i].version + " is given twice");
    }
    FrameworkEntry fe;
    fe.fw = std::move(versions.back());
    versions.pop_back();
    fe.older = std::move(versions);
    impl->frameworks.push_back(std::move(fe));
  }
  std::stable_sort(impl->frameworks.begin(), impl->frameworks.end(),
                   [](const FrameworkEntry& a, const FrameworkEntry& b) {
                     return std::tie(a.fw.name, a.fw.id) < std::tie(b.fw.name, b.fw.id);
                   });
  std::set<std::string> slugs;
  for (size_t i = 0; i < impl->frameworks.size(); ++i) {
    FrameworkEntry& fe = impl->frameworks[i];
    fe.slug = UniqueSlug(fe.fw.id, slugs);
    impl->framework_by_slug[fe.slug] = i;
  }
  // Entries point into the frameworks: index them only once the vector no longer moves. Each
  // framework is indexed on its own (what each level adds is the costly part), in parallel.
  internal::AddTranslatedEntries(*impl);
  const size_t shown = impl->frameworks.size();
  internal::ParallelFor(shown + impl->translated.size(), [&](size_t i) {
    IndexFramework(i < shown ? impl->frameworks[i] : impl->translated[i - shown]);
  });
  for (size_t i = 0; i < impl->translated.size(); ++i) {
    const FrameworkEntry& te = impl->translated[i];
    impl->translated_pages[te.IndexPath()] = {i, -1};
    for (size_t l = 0; l < te.levels.size(); ++l)
      impl->translated_pages[te.levels[l].path] = {i, static_cast<int>(l)};
  }
  ConvertMarkdown(*impl);
  IndexSearch(*impl);
  // Each framework prepared once for the eligibility of the people who hold its levels.
  for (const FrameworkEntry& fe : impl->frameworks)
    impl->evaluators.push_back(std::make_unique<rules::Evaluator>(fe.fw));
  return std::unique_ptr<Site>(new Site(std::move(impl)));
}

std::vector<std::string> Site::Paths() const {
  std::vector<std::string> paths = {"index.html", "search.html", "search-index.js",
                                    "search-index.json"};
  bool any_roles = false;
  for (const FrameworkEntry& fe : impl_->frameworks) {
    for (const char* page : {"index.html", "tracks.html", "changelog.html", "compare/index.html"})
      paths.push_back(fe.Dir() + page);
    for (const auto& [path, page] : impl_->translated_pages)
      if (impl_->translated[page.first].slug == fe.slug) paths.push_back(path);
    for (const LevelEntry& le : fe.levels) {
      paths.push_back(le.path);
      paths.push_back(internal::JdPath(le));
      paths.push_back(internal::GuidePath(le));
    }
    for (auto [a, b] : internal::StaticComparePairs(*impl_, fe))
      paths.push_back(internal::ComparePath(fe, a, b));
    for (const RoleEntry& re : fe.roles) paths.push_back(re.path);
    for (const FamilyEntry& f : fe.families) paths.push_back(f.path);
    any_roles = any_roles || !fe.roles.empty();
  }
  if (any_roles) paths.push_back("roles/index.html");
  for (const EmbeddedFile& f : EmbeddedFiles())
    if (text::StartsWith(f.name, "static/")) paths.push_back(std::string(f.name));
  std::sort(paths.begin(), paths.end());
  return paths;
}

Result<Page> Site::Render(std::string_view raw_path,
                          const std::map<std::string, std::string>& query) const {
  std::string path = NormalisePath(raw_path);
  auto q = [&](const char* key) {
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  };
  auto not_found = [&] { return MakeError(ErrorCode::kNotFound, "no page at /" + path); };
  if (path == "index.html") return internal::HomePage(*impl_, path);
  if (path == "search.html") return internal::SearchPage(*impl_, path, q("q"), q("lang"));
  if (path == "search-index.json")
    return Page{"application/json; charset=utf-8", SearchIndexJson(), false};
  if (path == "search-index.js")
    return Page{"application/javascript; charset=utf-8",
                "window.ladderSearchIndex = " + SearchIndexJson() + ";\n", false};
  if (path == "roles/index.html") return internal::RolesPage(*impl_, path);
  if (text::StartsWith(path, "static/")) {
    const EmbeddedFile* f = FindEmbedded(path);
    if (!f) return not_found();
    return Page{std::string(ContentTypeFor(path)), std::string(f->contents), true};
  }
  std::vector<std::string> parts = text::Split(path, '/');
  if (parts.size() < 3) return not_found();
  auto fw_it = impl_->framework_by_slug.find(parts[1]);
  if (fw_it == impl_->framework_by_slug.end()) return not_found();
  const FrameworkEntry& fe = impl_->frameworks[fw_it->second];
  if (parts[0] == "roles") {
    if (auto it = fe.role_by_path.find(path); it != fe.role_by_path.end())
      return internal::RolePage(*impl_, fe, it->second, path);
    if (auto it = fe.family_by_path.find(path); it != fe.family_by_path.end())
      return internal::FamilyPage(*impl_, fe, it->second, path);
    return not_found();
  }
  if (parts[0] != "f") return not_found();
  if (auto it = impl_->translated_pages.find(path); it != impl_->translated_pages.end()) {
    const FrameworkEntry& te = impl_->translated[it->second.first];
    if (it->second.second < 0) return internal::FrameworkPage(*impl_, te, path);
    return internal::LevelPage(*impl_, te, static_cast<size_t>(it->second.second), path);
  }
  if (parts.size() == 3) {
    if (parts[2] == "index.html") return internal::FrameworkPage(*impl_, fe, path);
    if (parts[2] == "tracks.html") return internal::TracksPage(*impl_, fe, path);
    if (parts[2] == "changelog.html") return internal::ChangelogPage(*impl_, fe, path);
    return not_found();
  }
  if (parts.size() == 4 && parts[2] == "downloads")
    return internal::DownloadPage(*impl_, fe, parts[3]);
  if (parts.size() == 4 && parts[2] == "compare") {
    if (parts[3] == "index.html") {
      std::string a = q("a"), b = q("b");
      if (a.empty() && b.empty()) return internal::CompareIndexPage(*impl_, fe, path);
      auto ia = fe.level_by_key.find(a), ib = fe.level_by_key.find(b);
      if (ia == fe.level_by_key.end() || ib == fe.level_by_key.end())
        return MakeError(ErrorCode::kNotFound, "no level " + (ia == fe.level_by_key.end() ? a : b) +
                                                   " in framework " + fe.fw.id);
      return internal::ComparePage(*impl_, fe, ia->second, ib->second, path);
    }
    std::string name = parts[3];
    if (!text::EndsWith(name, ".html")) return not_found();
    name.resize(name.size() - 5);
    size_t sep = name.find("--");
    if (sep == std::string::npos) return not_found();
    auto ia = fe.level_by_key.find(name.substr(0, sep));
    auto ib = fe.level_by_key.find(name.substr(sep + 2));
    if (ia == fe.level_by_key.end() || ib == fe.level_by_key.end()) return not_found();
    return internal::ComparePage(*impl_, fe, ia->second, ib->second, path);
  }
  if (auto it = fe.level_by_path.find(path); it != fe.level_by_path.end())
    return internal::LevelPage(*impl_, fe, it->second, path);
  // A level's documents: f/<fw>/<track>/<level>/job-description.html, .../interview-guide.html
  for (std::string_view doc : {"/job-description.html", "/interview-guide.html"}) {
    if (!text::EndsWith(path, doc)) continue;
    auto it = fe.level_by_path.find(path.substr(0, path.size() - doc.size()) + ".html");
    if (it == fe.level_by_path.end()) return not_found();
    if (doc == "/job-description.html")
      return internal::JobDescriptionPage(*impl_, fe, it->second, path, q("role"));
    return internal::InterviewGuidePage(*impl_, fe, it->second, path);
  }
  return not_found();
}

std::vector<SearchHit> Site::Search(std::string_view query, size_t limit,
                                    std::string_view lang) const {
  return internal::SearchIn(*impl_, query, limit, lang);
}

std::vector<SearchHit> internal::SearchIn(const Site::Impl& site, std::string_view query,
                                          size_t limit, std::string_view lang) {
  storage::SearchOptions options;
  options.limit = static_cast<int>(limit);
  options.lang = std::string(lang);
  Result<storage::PassageSearch> search = storage::PassageSearch::Start(query, options);
  if (!search) return {};  // no words: nothing to find
  for (size_t i = 0; i < site.search.size(); ++i) {
    const SearchEntry& e = site.search[i];
    search->Offer(e.passage, e.where, e.ord, i);
  }
  std::vector<SearchHit> hits;
  for (storage::PassageSearch::Ranked& r : std::move(*search).Hits()) {
    const SearchEntry& e = site.search[r.tag];
    hits.push_back({e.kind, e.title, e.context, e.url, std::move(r.hit.snippet)});
  }
  return hits;
}

std::string Site::SearchIndexJson() const {
  std::call_once(impl_->search_json_once, [this] {
    // Written entry by entry: building one JSON document of every entry first would copy each
    // text once more. Strings are escaped by nlohmann, which replaces invalid UTF-8, so the
    // index loads whatever a document contained.
    auto quoted = [](const std::string& s) {
      return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    std::string& out = impl_->search_json;
    out = "[";
    for (const SearchEntry& e : impl_->search) {
      if (out.size() > 1) out += ',';
      out += "{\"kind\":" + quoted(e.kind) + ",\"title\":" + quoted(e.title) +
             ",\"context\":" + quoted(e.context) + ",\"url\":" + quoted(e.url) +
             ",\"text\":" + quoted(e.text) + "}";
    }
    out += "]";
  });
  return impl_->search_json;
}

int internal::FrameworkEntry::Previous(size_t i) const {
  if (levels[i].level_index == 0) return -1;
  return static_cast<int>(i) - 1;
}

int internal::FrameworkEntry::Next(size_t i) const {
  if (i + 1 >= levels.size() || levels[i + 1].track_index != levels[i].track_index) return -1;
  return static_cast<int>(i) + 1;
}

std::string Site::FrameworkPath(std::string_view framework) const {
  for (const internal::FrameworkEntry& fe : impl_->frameworks)
    if (fe.fw.id == framework) return fe.Dir() + "index.html";
  return "";
}

std::string Site::LevelPath(std::string_view framework, std::string_view track,
                            std::string_view level) const {
  for (const internal::FrameworkEntry& fe : impl_->frameworks) {
    if (fe.fw.id != framework) continue;
    for (const internal::LevelEntry& le : fe.levels)
      if (le.track->id == track && le.level->code == level) return le.path;
  }
  return "";
}

std::vector<const model::Framework*> Site::Frameworks() const {
  std::vector<const model::Framework*> out;
  for (const internal::FrameworkEntry& fe : impl_->frameworks) out.push_back(&fe.fw);
  return out;
}

const analysis::LevelNews* Site::NewsOf(std::string_view framework, std::string_view version,
                                        std::string_view track, std::string_view level) const {
  for (const internal::FrameworkEntry& fe : impl_->frameworks) {
    if (fe.fw.id != framework || fe.fw.version != version) continue;
    for (size_t i = 0; i < fe.levels.size(); ++i)
      if (fe.levels[i].track->id == track && fe.levels[i].level->code == level) return &fe.news[i];
  }
  return nullptr;
}

const std::string* Site::InlineHtmlOf(const std::string& markdown) const {
  auto it = impl_->inline_html.find(markdown);
  return it == impl_->inline_html.end() ? nullptr : &it->second;
}

const rules::Evaluator* Site::EvaluatorOf(std::string_view framework,
                                          std::string_view version) const {
  for (size_t i = 0; i < impl_->frameworks.size(); ++i)
    if (impl_->frameworks[i].fw.id == framework && impl_->frameworks[i].fw.version == version)
      return impl_->evaluators[i].get();
  return nullptr;
}

}  // namespace ladder::render
