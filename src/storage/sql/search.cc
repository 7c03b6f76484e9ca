// Search: every searchable passage of a framework version (storage/passages.h: behaviours,
// summaries, attributes, requirements, notes, roles, descriptions) kept in `passages` with its
// folded, stemmed terms (search_text.h). The database pre-selects candidates
// (Dialect::CandidateWhere); PassageSearch matches, ranks and cuts the snippets, as it does for the
// published site, so that every backend and the site's search page give the same hits.
#include "base/text.h"
#include "storage/passages.h"
#include "storage/search_text.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

using model::Framework;

HitKind KindNamed(const std::string& name) {
  for (HitKind k : kHitKinds)
    if (name == HitKindName(k)) return k;
  return HitKind::kBehaviour;
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
  std::string kind, track, level, level_title, competency, title, body, terms;
  long long ord = 0;
  soci::statement st = (s.prepare << InsertSql(schema::TableNamed("passages"), false),
                        soci::use(f.id), soci::use(f.version), soci::use(kind), soci::use(track),
                        soci::use(level), soci::use(level_title), soci::use(competency),
                        soci::use(title), soci::use(body), soci::use(ord), soci::use(terms));
  std::vector<Passage> passages = PassagesOf(f);
  for (Passage& p : passages) {
    kind = HitKindName(p.kind);
    track = std::move(p.track);
    level = std::move(p.level);
    level_title = std::move(p.level_title);
    competency = std::move(p.competency);
    terms = IndexTerms(p.title, p.body);
    title = std::move(p.title);
    body = std::move(p.body);
    st.execute(true);
    ++ord;
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
  LADDER_TRY(PassageSearch search, PassageSearch::Start(query, options));
  return Read([&](soci::session& s) -> Result<std::vector<SearchHit>> {
    const Dialect& d = *shared_->dialect;
    std::string param;
    std::string where = d.CandidateWhere(s, search.Stems(), &param);
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
    PassageSearch run = search;  // each attempt of the transaction starts afresh
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      Passage p{KindNamed(r.Text("kind")), r.Text("track"), r.Text("level"), r.Text("level_title"),
                r.Text("competency"),      r.Text("title"), r.Text("body")};
      SearchHit version;
      version.framework = r.Text("framework");
      version.framework_name = r.Text("framework_name");
      version.version = r.Text("version");
      run.Offer(p, std::move(version), r.Int("ord"));
      return Ok();
    }));
    std::vector<SearchHit> out;
    for (PassageSearch::Ranked& h : std::move(run).Hits()) out.push_back(std::move(h.hit));
    return out;
  });
}

}  // namespace ladder::storage::internal
