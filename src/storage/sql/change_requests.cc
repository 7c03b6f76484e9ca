// Change requests: a draft version of a framework proposed for publishing and its reviews, one
// document per request beside the columns lists filter on. Few per framework; a request that is
// withdrawn or published is history and never changes again.
#include "model/change_request.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

void PutChangeRequest(soci::session& s, const model::ChangeRequest& r, const std::string& doc) {
  Execute(s, InsertSql(schema::TableNamed("change_requests"), true),
          {r.id, r.framework, r.version, std::string(model::ChangeStatusName(r.status)), r.opened,
           doc});
}

// kConflict naming the request of `framework` `version` still under review, other than `id`.
Status RefuseSecondRequest(soci::session& s, const model::ChangeRequest& r) {
  std::string other;
  LADDER_TRY_STATUS(ForRows(s,
                            "SELECT id FROM change_requests WHERE framework = :f AND version = :v "
                            "AND status <> 'withdrawn' AND status <> 'published' AND id <> :i "
                            "ORDER BY id LIMIT 1",
                            {r.framework, r.version, r.id}, [&](const Row& row) -> Status {
                              other = row.Text("id");
                              return Ok();
                            }));
  if (other.empty()) return Ok();
  return MakeError(ErrorCode::kConflict,
                   "version " + r.version + " of " + r.framework +
                       " already has a change request under review: " + other,
                   {}, "version");
}

// The audit action of replacing a stored request with `after`.
const char* ChangeVerb(const model::ChangeRequest& after) {
  switch (after.status) {
    case model::ChangeStatus::kWithdrawn:
      return "change.withdraw";
    case model::ChangeStatus::kPublished:
      return "change.publish";
    case model::ChangeStatus::kOpen:
    case model::ChangeStatus::kApproved:
    case model::ChangeStatus::kChangesRequested:
      return "change.review";
  }
  return "change.review";
}

}  // namespace

Result<std::string> SqlStore::SaveChangeRequest(std::string_view actor,
                                                const model::ChangeRequest& request) {
  LADDER_TRY_STATUS(FirstError(model::ValidateChangeRequest(request)));
  model::ChangeRequest r = request;
  if (r.id.empty()) r.id = NewId("cr");
  return Write([&](soci::session& s) -> Result<std::string> {
    std::string before = DocOf(s, "change_requests", r.id);
    std::string doc = Dump(ChangeRequestJson(r));
    if (before.empty()) {
      LADDER_TRY(std::string status, VersionStatus(s, r.framework, r.version));
      if (status == "published")
        return MakeError(ErrorCode::kConflict,
                         "version " + r.version + " of " + r.framework +
                             " is already published: propose a draft",
                         {}, "version");
      LADDER_TRY_STATUS(RefuseSecondRequest(s, r));
      PutChangeRequest(s, r, doc);
      LADDER_TRY_STATUS(Audit(s, actor, "change.propose", "change:" + r.id, "", doc));
      return r.id;
    }
    LADDER_TRY(model::ChangeRequest old, Decode<model::ChangeRequest>(before, "change request"));
    if (model::IsTerminal(old.status))
      return MakeError(ErrorCode::kConflict,
                       "change request " + r.id + " is " + model::ChangeStatusName(old.status) +
                           ": its record cannot change",
                       {}, "change");
    if (old.framework != r.framework || old.version != r.version || old.author != r.author)
      return MakeError(ErrorCode::kInvalidArgument,
                       "change request " + r.id + " keeps its framework, version and author", {},
                       "change");
    PutChangeRequest(s, r, doc);
    LADDER_TRY_STATUS(Audit(s, actor, ChangeVerb(r), "change:" + r.id, before, doc));
    return r.id;
  });
}

Result<model::ChangeRequest> SqlStore::GetChangeRequest(std::string_view id) {
  std::string cid(id);
  return Read([&](soci::session& s) -> Result<model::ChangeRequest> {
    std::string doc = DocOf(s, "change_requests", cid);
    if (doc.empty())
      return MakeError(ErrorCode::kNotFound, "no change request " + cid, {}, "change");
    return Decode<model::ChangeRequest>(doc, "change request");
  });
}

Result<std::vector<model::ChangeRequest>> SqlStore::ListChangeRequests(const ChangeQuery& query) {
  std::string sql = "SELECT doc FROM change_requests WHERE 1 = 1";
  std::vector<std::string> params;
  if (!query.framework.empty()) {
    sql += " AND framework = :f";
    params.push_back(query.framework);
  }
  if (!query.version.empty()) {
    sql += " AND version = :v";
    params.push_back(query.version);
  }
  if (query.status) {
    sql += " AND status = :s";
    params.emplace_back(model::ChangeStatusName(*query.status));
  }
  sql += " ORDER BY opened DESC, id DESC";
  return Read([&](soci::session& s) -> Result<std::vector<model::ChangeRequest>> {
    std::vector<model::ChangeRequest> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::ChangeRequest c, Decode<model::ChangeRequest>(r.Text("doc"), "change"));
      out.push_back(std::move(c));
      return Ok();
    }));
    return out;
  });
}

}  // namespace ladder::storage::internal
