// Framework versions (framework_versions: the document and its status and dates) and the rows
// derived from each version's document: levels (what assignments point at) and roles.
#include <set>
#include <utility>

#include "base/text.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

using model::Framework;

VersionInfo VersionFrom(const Row& r) {
  VersionInfo v;
  v.framework = r.Text("framework");
  v.version = r.Text("version");
  v.status = r.Text("status") == "published" ? model::FrameworkStatus::kPublished
                                             : model::FrameworkStatus::kDraft;
  v.effective = r.Text("effective");
  v.saved_at = r.Text("saved_at");
  v.published_at = r.Text("published_at");
  return v;
}

constexpr const char* kVersionColumns =
    "framework, version, name, family, status, effective, saved_at, published_at, publish_seq";

Result<Framework> LoadFramework(soci::session& s, const std::string& f, const std::string& v) {
  std::string doc;
  soci::indicator ind = soci::i_null;
  if (!v.empty()) {
    s << "SELECT document FROM framework_versions WHERE framework = :f AND version = :v",
        soci::into(doc, ind), soci::use(f), soci::use(v);
    if (!s.got_data() || ind != soci::i_ok)
      return MakeError(ErrorCode::kNotFound, "no version " + v + " of framework " + f);
    return Decode<Framework>(doc, "framework " + f);
  }
  s << "SELECT document FROM framework_versions WHERE framework = :f AND status = "
       "'published' ORDER BY publish_seq DESC LIMIT 1",
      soci::into(doc, ind), soci::use(f);
  if (s.got_data() && ind == soci::i_ok) return Decode<Framework>(doc, "framework " + f);
  long long drafts = 0;
  s << "SELECT COUNT(*) FROM framework_versions WHERE framework = :f", soci::into(drafts),
      soci::use(f);
  if (drafts == 0) return MakeError(ErrorCode::kNotFound, "no framework " + f);
  return MakeError(ErrorCode::kNotFound, "framework " + f + " has " + std::to_string(drafts) +
                                             " draft version(s) and none published");
}

// Levels: keeps the rows that stay (assignments point at them), drops the others unless an
// assignment uses them, and writes the rest.
Status PutLevels(soci::session& s, const Framework& f) {
  std::set<std::pair<std::string, std::string>> wanted;
  for (const auto& t : f.tracks)
    for (const auto& l : t.levels) wanted.insert({t.id, l.code});
  std::vector<std::pair<std::string, std::string>> gone;
  LADDER_TRY_STATUS(
      ForRows(s, "SELECT track, code FROM levels WHERE framework = :f AND version = :v",
              {f.id, f.version}, [&](const Row& r) -> Status {
                std::pair<std::string, std::string> key{r.Text("track"), r.Text("code")};
                if (!wanted.count(key)) gone.push_back(key);
                return Ok();
              }));
  for (auto& [track, code] : gone) {
    std::string person;
    soci::indicator pind = soci::i_null;
    s << "SELECT person FROM assignments WHERE framework = :f AND version = :v AND track = "
         ":t AND level = :l LIMIT 1",
        soci::into(person, pind), soci::use(f.id), soci::use(f.version), soci::use(track),
        soci::use(code);
    if (s.got_data() && pind == soci::i_ok)
      return MakeError(ErrorCode::kConflict, "level " + track + "/" + code + " of " + f.id + "@" +
                                                 f.version + " is assigned to person " + person +
                                                 " and cannot be removed");
    s << "DELETE FROM levels WHERE framework = :f AND version = :v AND track = :t AND "
         "code = :c",
        soci::use(f.id), soci::use(f.version), soci::use(track), soci::use(code);
  }
  const std::string upsert = InsertSql(schema::TableNamed("levels"), true);
  for (const auto& t : f.tracks)
    for (const auto& l : t.levels)
      Execute(s, upsert, {f.id, f.version, t.id, l.code, std::to_string(l.rank), l.title});
  return Ok();
}

}  // namespace

Status PutFrameworkRows(soci::session& s, const Framework& f) {
  LADDER_TRY_STATUS(PutLevels(s, f));
  s << "DELETE FROM roles WHERE framework = :f AND version = :v", soci::use(f.id),
      soci::use(f.version);
  const std::string insert = InsertSql(schema::TableNamed("roles"), false);
  for (std::size_t i = 0; i < f.roles.size(); ++i) {
    const model::RoleProfile& r = f.roles[i];
    Execute(s, insert,
            {f.id, f.version, std::to_string(i), r.family, r.seniority, r.title, Dump(ToJson(r))});
  }
  PutPassages(s, f);
  return Ok();
}

Status SqlStore::SaveDraft(std::string_view actor, const Framework& input) {
  if (input.id.empty() || input.version.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "a framework needs an id and a version to be stored", {},
                     input.id.empty() ? "framework.id" : "framework.version");
  Framework f = input;
  f.status = model::FrameworkStatus::kDraft;
  return Write([&](soci::session& s) -> Status {
    Result<std::string> status = VersionStatus(s, f.id, f.version);
    bool exists = status.has_value();
    if (exists && *status == "published")
      return MakeError(ErrorCode::kConflict, "framework " + f.id + " version " + f.version +
                                                 " is published and cannot change; save a "
                                                 "new version instead");
    std::string doc = Dump(ToJson(f));
    std::string now = NowIso();
    s << "INSERT INTO framework_versions (framework, version, name, family, status, effective, "
         "saved_at, published_at, save_seq, publish_seq, document) VALUES (:f, :v, :n, :fam, "
         "'draft', :eff, :at, '', (SELECT COALESCE(MAX(save_seq), 0) + 1 FROM "
         "framework_versions), 0, :doc) ON CONFLICT (framework, version) DO UPDATE SET "
         "name = excluded.name, family = excluded.family, effective = excluded.effective, "
         "saved_at = excluded.saved_at, save_seq = excluded.save_seq, document = "
         "excluded.document",
        soci::use(f.id), soci::use(f.version), soci::use(f.name), soci::use(f.family),
        soci::use(f.effective), soci::use(now), soci::use(doc);

    LADDER_TRY_STATUS(PutFrameworkRows(s, f));
    Json summary = {
        {"framework", f.id}, {"version", f.version}, {"status", "draft"}, {"name", f.name}};
    return Audit(s, actor, exists ? "framework.update_draft" : "framework.save_draft",
                 "framework:" + f.id + "@" + f.version, exists ? Dump(summary) : "", Dump(summary));
  });
}

Status SqlStore::Publish(std::string_view actor, std::string_view framework,
                         std::string_view version, std::string_view effective) {
  std::string f(framework), v(version), eff(effective);
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY(std::string status, VersionStatus(s, f, v));
    if (status == "published")
      return MakeError(ErrorCode::kConflict,
                       "framework " + f + " version " + v + " is already published");
    if (!eff.empty()) {
      LADDER_TRY_STATUS(Date::Parse(eff));
    }
    std::string now = NowIso();
    s << "UPDATE framework_versions SET status = 'published', published_at = :at, "
         "publish_seq = (SELECT COALESCE(MAX(publish_seq), 0) + 1 FROM framework_versions), "
         "effective = CASE WHEN :e1 = '' THEN effective ELSE :e2 END WHERE framework = :f AND "
         "version = :v",
        soci::use(now), soci::use(eff), soci::use(eff), soci::use(f), soci::use(v);
    // The stored document carries its status and effective date too.
    std::string doc;
    s << "SELECT document FROM framework_versions WHERE framework = :f AND version = :v",
        soci::into(doc), soci::use(f), soci::use(v);
    LADDER_TRY(Json j, ParseJson(doc, "framework"));
    j["framework"]["status"] = "published";
    if (!eff.empty()) j["framework"]["effective"] = eff;
    doc = Dump(j);
    s << "UPDATE framework_versions SET document = :d WHERE framework = :f AND version = :v",
        soci::use(doc), soci::use(f), soci::use(v);
    return Audit(s, actor, "framework.publish", "framework:" + f + "@" + v,
                 Dump(Json{{"status", "draft"}}),
                 Dump(Json{{"status", "published"}, {"effective", eff}}));
  });
}

Status SqlStore::DeleteDraft(std::string_view actor, std::string_view framework,
                             std::string_view version) {
  std::string f(framework), v(version);
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY(std::string status, VersionStatus(s, f, v));
    if (status == "published")
      return MakeError(ErrorCode::kConflict,
                       "framework " + f + " version " + v + " is published and cannot be deleted");
    for (const auto& [table, what] :
         {std::pair{"assignments", "assignment"}, std::pair{"assessments", "assessment"},
          std::pair{"cases", "case"}, std::pair{"change_requests", "change request"}}) {
      std::string first;
      long long n = 0;
      soci::indicator ind = soci::i_null;
      s << std::string("SELECT COUNT(*), MIN(id) FROM ") + table +
               " WHERE framework = :f AND version = :v",
          soci::into(n), soci::into(first, ind), soci::use(f), soci::use(v);
      if (n > 0)
        return MakeError(ErrorCode::kConflict,
                         "framework " + f + " version " + v + " cannot be deleted: " + what + " " +
                             first + " refers to it" +
                             (n > 1 ? " (and " + std::to_string(n - 1) + " more)" : ""),
                         {}, table);
    }
    for (const char* table : {"passages", "roles", "levels", "framework_versions"})
      s << std::string("DELETE FROM ") + table + " WHERE framework = :f AND version = :v",
          soci::use(f), soci::use(v);
    return Audit(s, actor, "framework.delete_draft", "framework:" + f + "@" + v,
                 Dump(Json{{"status", "draft"}}), "");
  });
}

Result<std::vector<FrameworkInfo>> SqlStore::ListFrameworks() {
  return Read([&](soci::session& s) -> Result<std::vector<FrameworkInfo>> {
    std::vector<FrameworkInfo> out;
    long long best_seq = 0;
    LADDER_TRY_STATUS(
        ForRows(s,
                std::string("SELECT ") + kVersionColumns +
                    " FROM framework_versions ORDER BY framework, save_seq DESC",
                {}, [&](const Row& r) -> Status {
                  VersionInfo v = VersionFrom(r);
                  if (out.empty() || out.back().id != v.framework) {
                    out.push_back({v.framework, r.Text("name"), r.Text("family"), "", {}});
                    best_seq = 0;
                  }
                  long long seq = r.Int("publish_seq");
                  if (v.status == model::FrameworkStatus::kPublished && seq > best_seq) {
                    best_seq = seq;
                    out.back().latest_published = v.version;
                  }
                  out.back().versions.push_back(std::move(v));
                  return Ok();
                }));
    return out;
  });
}

Result<std::vector<VersionInfo>> SqlStore::ListVersions(std::string_view framework) {
  std::string f(framework);
  return Read([&](soci::session& s) -> Result<std::vector<VersionInfo>> {
    std::vector<VersionInfo> out;
    LADDER_TRY_STATUS(ForRows(s,
                              std::string("SELECT ") + kVersionColumns +
                                  " FROM framework_versions WHERE framework = :f ORDER BY "
                                  "save_seq DESC",
                              {f}, [&](const Row& r) -> Status {
                                out.push_back(VersionFrom(r));
                                return Ok();
                              }));
    if (out.empty()) return MakeError(ErrorCode::kNotFound, "no framework " + f);
    return out;
  });
}

Result<Framework> SqlStore::GetFramework(std::string_view framework, std::string_view version) {
  std::string f(framework), v(version);
  return Read([&](soci::session& s) -> Result<Framework> { return LoadFramework(s, f, v); });
}

Result<VersionPair> SqlStore::GetVersionPair(std::string_view framework, std::string_view before,
                                             std::string_view after) {
  std::string f(framework), a(before), b(after);
  return Read([&](soci::session& s) -> Result<VersionPair> {
    LADDER_TRY(Framework x, LoadFramework(s, f, a));
    LADDER_TRY(Framework y, LoadFramework(s, f, b));
    return VersionPair{std::move(x), std::move(y)};
  });
}

Result<std::vector<RoleEntry>> SqlStore::ListRoles(const RoleQuery& q) {
  return Read([&](soci::session& s) -> Result<std::vector<RoleEntry>> {
    std::string sql =
        "SELECT r.framework AS framework, r.version AS version, r.doc AS doc FROM roles r JOIN "
        "framework_versions fv ON fv.framework = r.framework AND fv.version = r.version WHERE " +
        SearchVersionFilter({q.framework, q.include_drafts, 0});
    std::vector<std::string> params;
    if (!q.framework.empty()) {
      sql += " AND r.framework = :fw";
      params.push_back(q.framework);
    }
    if (!q.family.empty()) {
      sql += " AND lower(r.family) = :fam";
      params.push_back(text::ToLower(q.family));
    }
    if (!q.seniority.empty()) {
      sql += " AND lower(r.seniority) = :sen";
      params.push_back(text::ToLower(q.seniority));
    }
    sql += " ORDER BY r.family, r.framework, r.ord";
    std::vector<RoleEntry> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::RoleProfile role, Decode<model::RoleProfile>(r.Text("doc"), "role"));
      out.push_back({r.Text("framework"), r.Text("version"), std::move(role)});
      return Ok();
    }));
    return out;
  });
}

}  // namespace ladder::storage::internal
