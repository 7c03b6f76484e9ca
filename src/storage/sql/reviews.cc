// The review process: cases (advancement reviews) with their panel, votes, decision and history,
// waivers, and the documented needs of a framework. A closed case is immutable.
#include <algorithm>

#include "model/notification.h"
#include "model/validate.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

void PutCase(soci::session& s, const model::Case& c) {
  auto optional = [](const std::string& v) { return v.empty() ? Cell() : Cell(v); };
  Execute(s, InsertSql(schema::TableNamed("cases"), true),
          {c.id, c.person, optional(c.framework), optional(c.version), c.opened.ToString(),
           std::string(model::CaseStatusName(c.status)), Dump(CaseJson(c)), optional(c.cycle)});
}

// Stores, in the transaction of the change, what the change from `before` (the stored document,
// "" for a new case) to `after` tells people (model::CaseNotifications).
Status NotifyCaseChange(soci::session& s, const std::string& before, const model::Case& after) {
  std::optional<model::Case> old;
  if (!before.empty()) {
    LADDER_TRY(old, Decode<model::Case>(before, "case"));
  }
  std::string name;
  LADDER_TRY_STATUS(ForRows(s, "SELECT name FROM people WHERE id = :p", {after.person},
                            [&](const Row& r) -> Status {
                              name = r.Text("name");
                              return Ok();
                            }));
  LADDER_TRY(int added, PutNotifications(s, model::CaseNotifications(old, after, name), NowIso()));
  (void)added;
  return Ok();
}

}  // namespace

Result<std::string> SqlStore::SaveCase(std::string_view actor, const model::Case& in) {
  LADDER_TRY_STATUS(FirstError(model::ValidateCase(in)));
  model::Case c = in;
  if (c.id.empty()) c.id = NewId("case");
  return Write([&](soci::session& s) -> Result<std::string> {
    LADDER_TRY_STATUS(RequirePerson(s, c.person, "person"));
    for (const auto& reviewer : c.panel) LADDER_TRY_STATUS(RequirePerson(s, reviewer, "panel"));
    if ((!c.framework.empty() || !c.version.empty()) && !VersionStatus(s, c.framework, c.version))
      return MakeError(ErrorCode::kInvalidArgument,
                       "case " + c.id + " names framework " + c.framework + " version " +
                           c.version + ", which is not stored",
                       {}, "case.version");
    if (!c.cycle.empty() && DocOf(s, "cycles", c.cycle).empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "case " + c.id + " names cycle " + c.cycle + ", which is not stored", {},
                       "case.cycle");
    std::string before = DocOf(s, "cases", c.id);
    if (!before.empty()) {
      LADDER_TRY(model::Case old, Decode<model::Case>(before, "case"));
      if (old.status == model::CaseStatus::kClosed)
        return MakeError(ErrorCode::kConflict, "case " + c.id + " is closed and cannot change");
    }
    PutCase(s, c);
    LADDER_TRY_STATUS(NotifyCaseChange(s, before, c));
    LADDER_TRY_STATUS(Audit(s, actor, before.empty() ? "case.create" : "case.update",
                            "case:" + c.id, before, Dump(CaseJson(c))));
    return c.id;
  });
}

Result<model::Case> SqlStore::GetCase(std::string_view id) {
  std::string cid(id);
  return Read([&](soci::session& s) -> Result<model::Case> {
    std::string doc = DocOf(s, "cases", cid);
    if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no case " + cid);
    return Decode<model::Case>(doc, "case");
  });
}

Result<std::vector<model::Case>> SqlStore::ListCases(std::string_view person,
                                                     std::optional<model::CaseStatus> status) {
  std::string sql = "SELECT doc FROM cases WHERE 1 = 1";
  std::vector<std::string> params;
  if (!person.empty()) {
    sql += " AND person = :p";
    params.emplace_back(person);
  }
  if (status) {
    sql += " AND status = :s";
    params.emplace_back(model::CaseStatusName(*status));
  }
  sql += " ORDER BY day, id";
  return Read([&](soci::session& s) -> Result<std::vector<model::Case>> {
    std::vector<model::Case> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::Case c, Decode<model::Case>(r.Text("doc"), "case"));
      out.push_back(std::move(c));
      return Ok();
    }));
    return out;
  });
}

Status SqlStore::AddVote(std::string_view actor, std::string_view case_id,
                         const model::Vote& vote) {
  std::string cid(case_id);
  return Write([&](soci::session& s) -> Status {
    std::string before = DocOf(s, "cases", cid);
    if (before.empty()) return MakeError(ErrorCode::kNotFound, "no case " + cid);
    LADDER_TRY(model::Case c, Decode<model::Case>(before, "case"));
    if (c.status == model::CaseStatus::kClosed)
      return MakeError(ErrorCode::kConflict, "case " + cid + " is closed; votes cannot change");
    if (std::find(c.panel.begin(), c.panel.end(), vote.reviewer) == c.panel.end())
      return MakeError(ErrorCode::kInvalidArgument,
                       vote.reviewer + " is not on the panel of case " + cid, {}, "vote.reviewer");
    std::erase_if(c.votes, [&](const model::Vote& v) { return v.reviewer == vote.reviewer; });
    c.votes.push_back(vote);
    c.history.push_back(
        {vote.date, vote.reviewer, std::string("voted ") + model::VoteChoiceName(vote.choice)});
    PutCase(s, c);
    return Audit(s, actor, "case.vote", "case:" + cid, before, Dump(CaseJson(c)));
  });
}

Result<std::string> SqlStore::SaveWaiver(std::string_view actor, const model::Waiver& w) {
  LADDER_TRY_STATUS(FirstError(model::ValidateWaiver(w)));
  return SaveRecord(actor, kWaivers, w, w.granted, {w.approver});
}

Result<std::vector<model::Waiver>> SqlStore::ListWaivers(std::string_view person) {
  return ListRecords<model::Waiver>(kWaivers, person);
}

Result<model::Waiver> SqlStore::GetWaiver(std::string_view id) {
  std::string wid(id);
  return Read([&](soci::session& s) -> Result<model::Waiver> {
    std::string doc = DocOf(s, kWaivers.table, wid);
    if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no waiver " + wid);
    return Decode<model::Waiver>(doc, kWaivers.kind);
  });
}

Result<std::string> SqlStore::SaveNeed(std::string_view actor, const model::Need& in) {
  LADDER_TRY_STATUS(FirstError(model::ValidateNeed(in)));
  model::Need n = in;
  if (n.id.empty()) n.id = NewId("need");
  if (n.framework.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a need names its framework", {},
                     "need.framework");
  return Write([&](soci::session& s) -> Result<std::string> {
    std::string before = DocOf(s, "needs", n.id);
    std::string doc = Dump(NeedJson(n));
    Execute(s, InsertSql(schema::TableNamed("needs"), true),
            {n.id, n.framework, n.opened.ToString(), doc});
    LADDER_TRY_STATUS(Audit(s, actor, before.empty() ? "need.create" : "need.update",
                            "need:" + n.id, before, doc));
    return n.id;
  });
}

Result<std::vector<model::Need>> SqlStore::ListNeeds(std::string_view framework) {
  std::string sql = "SELECT doc FROM needs";
  std::vector<std::string> params;
  if (!framework.empty()) {
    sql += " WHERE framework = :f";
    params.emplace_back(framework);
  }
  sql += " ORDER BY day, id";
  return Read([&](soci::session& s) -> Result<std::vector<model::Need>> {
    std::vector<model::Need> out;
    LADDER_TRY_STATUS(ForRows(s, sql, params, [&](const Row& r) -> Status {
      LADDER_TRY(model::Need n, Decode<model::Need>(r.Text("doc"), "need"));
      out.push_back(std::move(n));
      return Ok();
    }));
    return out;
  });
}

}  // namespace ladder::storage::internal
