// Search: every searchable passage of a framework version (behaviours, summaries, attributes,
// requirements, notes, roles) kept in `passages` with its folded, stemmed terms
// (search_text.h). The database pre-selects candidates (Dialect::CandidateWhere); matching,
// ranking and snippets are computed here, so that every backend gives the same hits.
#include <algorithm>
#include <tuple>

#include "base/text.h"
#include "storage/search_text.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

using model::Framework;

struct PassageRow {
  std::string kind, track, level, level_title, competency, title, body;
  long long ord = 0;  // position in the version, a stable order for equal scores
  std::string terms;  // search_text.h IndexTerms(title, body)
};

std::vector<PassageRow> PassagesOf(const Framework& f) {
  std::vector<PassageRow> out;
  auto add = [&](HitKind k, std::string track, std::string level, std::string level_title,
                 std::string competency, std::string title, std::string body) {
    if (text::Trim(body).empty()) return;
    std::string terms = IndexTerms(title, body);
    out.push_back({HitKindName(k), std::move(track), std::move(level), std::move(level_title),
                   std::move(competency), std::move(title), std::move(body),
                   static_cast<long long>(out.size()), std::move(terms)});
  };
  for (const auto& t : f.tracks) {
    for (const auto& l : t.levels) {
      add(HitKind::kLevelSummary, t.id, l.code, l.title, "", l.title, l.summary);
      for (const auto& [key, value] : l.attributes)
        add(HitKind::kAttribute, t.id, l.code, l.title, "", key, value);
      for (const auto& e : l.expectations) {
        add(HitKind::kExpectationSummary, t.id, l.code, l.title, e.competency, "", e.summary);
        for (const auto& b : e.behaviours)
          add(HitKind::kBehaviour, t.id, l.code, l.title, e.competency, "", b);
      }
      for (const auto& r : l.requirements)
        add(HitKind::kRequirement, t.id, l.code, l.title, "", "", r.text);
    }
  }
  for (const auto& n : f.notes) add(HitKind::kNote, "", "", "", "", n.title, n.markdown);
  for (const auto& r : f.roles) {
    std::string body = r.summary;
    for (const auto* list : {&r.responsibilities, &r.skills, &r.kpis})
      for (const auto& item : *list) body += "\n" + item;
    if (!r.path.empty()) body += "\n" + r.path;
    std::string title = r.title.empty() ? text::Join({r.seniority, r.family}, " ") : r.title;
    add(HitKind::kRole, "", "", "", "", title, body);
  }
  return out;
}

// A hit before ranking.
struct Found {
  SearchHit hit;
  long long ord;
  PassageMatch match;
};

HitKind KindNamed(const std::string& name) {
  for (HitKind k : {HitKind::kBehaviour, HitKind::kLevelSummary, HitKind::kExpectationSummary,
                    HitKind::kAttribute, HitKind::kRequirement, HitKind::kNote, HitKind::kRole})
    if (name == HitKindName(k)) return k;
  return HitKind::kBehaviour;
}

// Ranked here, not by the backend, so that every backend orders hits alike.
std::vector<SearchHit> Rank(std::vector<Found> found, int limit) {
  auto key = [](const Found& f) { return std::tie(f.hit.framework, f.hit.version, f.ord); };
  std::sort(found.begin(), found.end(),
            [&](const Found& a, const Found& b) { return key(a) < key(b); });
  double title_words = 0, body_words = 0;
  for (const Found& f : found) {
    title_words += static_cast<double>(f.match.title_length);
    body_words += static_cast<double>(f.match.body_length);
  }
  double n = found.empty() ? 1.0 : static_cast<double>(found.size());
  for (Found& f : found) f.hit.score = Bm25(f.match, title_words / n, body_words / n);
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.hit.score > b.hit.score; });
  if (limit > 0 && found.size() > static_cast<std::size_t>(limit)) found.resize(limit);
  std::vector<SearchHit> out;
  out.reserve(found.size());
  for (Found& f : found) out.push_back(std::move(f.hit));
  return out;
}

}  // namespace

std::string SearchVersionFilter(const SearchOptions& options) {
  if (options.include_drafts)
    return "fv.save_seq = (SELECT MAX(f2.save_seq) FROM framework_versions f2 WHERE "
           "f2.framework = fv.framework)";
  return "fv.status = 'published' AND fv.publish_seq = (SELECT MAX(f2.publish_seq) FROM "
         "framework_versions f2 WHERE f2.framework = fv.framework AND f2.status = 'published')";
}

void PutPassages(soci::session& s, const Framework& f) {
  s << "DELETE FROM passages WHERE framework = :f AND version = :v", soci::use(f.id),
      soci::use(f.version);
  PassageRow p;
  soci::statement st =
      (s.prepare << InsertSql(schema::TableNamed("passages"), false), soci::use(f.id),
       soci::use(f.version), soci::use(p.kind), soci::use(p.track), soci::use(p.level),
       soci::use(p.level_title), soci::use(p.competency), soci::use(p.title), soci::use(p.body),
       soci::use(p.ord), soci::use(p.terms));
  for (PassageRow& row : PassagesOf(f)) {
    p = std::move(row);
    st.execute(true);
  }
}

Status ReindexPassages(soci::session& s) {
  std::vector<std::string> docs;
  LADDER_TRY_STATUS(ForRows(s,
                            "SELECT document FROM framework_versions ORDER BY framework, version",
                            {}, [&](const Row& r) -> Status {
                              docs.push_back(r.Text("document"));
                              return Ok();
                            }));
  for (const std::string& doc : docs) {
    LADDER_TRY(Framework f, Decode<Framework>(doc, "framework"));
    PutPassages(s, f);
  }
  return Ok();
}

Result<std::vector<SearchHit>> SqlStore::Search(std::string_view query,
                                                const SearchOptions& options) {
  if (text::Trim(query).empty())
    return MakeError(ErrorCode::kInvalidArgument, "nothing to search for: the query is empty");
  QueryTerms terms = QueryTermsOf(query);
  QueryTerms language_terms = QueryTermsOf(query, options.lang);
  if (terms.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "nothing to search for in \"" + std::string(query) + "\"");
  return Read([&](soci::session& s) -> Result<std::vector<SearchHit>> {
    const Dialect& d = *shared_->dialect;
    std::string param;
    std::string where = d.CandidateWhere(s, DistinctStems(terms), &param);
    std::string sql =
        "SELECT p.kind AS kind, p.framework AS framework, fv.name AS framework_name, p.version AS "
        "version, p.track AS track, p.level AS level, p.level_title AS level_title, p.competency "
        "AS competency, p.title AS title, p.body AS body, p.ord AS ord FROM " +
        d.CandidateFrom() +
        " JOIN framework_versions fv ON fv.framework = p.framework AND fv.version = "
        "p.version WHERE " +
        where + " AND " + SearchVersionFilter(options);
    std::vector<std::string> params;
    if (!param.empty()) params.push_back(param);
    if (!options.framework.empty()) {
      sql += " AND p.framework = :fw";
      params.push_back(options.framework);
    }
    std::vector<Found> found;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      std::string title = r.Text("title"), body = r.Text("body");
      PassageMatch m = MatchPassage(language_terms, title, body, 24, options.lang);
      if (!m.matches) return Ok();
      SearchHit h;
      h.kind = KindNamed(r.Text("kind"));
      h.framework = r.Text("framework");
      h.framework_name = r.Text("framework_name");
      h.version = r.Text("version");
      h.track = r.Text("track");
      h.level = r.Text("level");
      h.level_title = r.Text("level_title");
      h.competency = r.Text("competency");
      h.title = std::move(title);
      h.snippet = std::move(m.snippet);
      found.push_back({std::move(h), r.Int("ord"), std::move(m)});
      return Ok();
    }));
    return Rank(std::move(found), options.limit);
  });
}

}  // namespace ladder::storage::internal
