// Stored records brought up to the current encoding (the migration "records", and the load of a
// dump of an older schema), and the level-history check of a loaded dump.
#include <map>

#include "model/level_history.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

// Rewrites the `doc` of every row of `table` that decodes as a T and encodes differently.
template <typename T>
Status Reencode(soci::session& s, const char* table, Json (*encode)(const T&)) {
  std::vector<std::pair<std::string, std::string>> changed;  // (id, new doc)
  LADDER_TRY_STATUS(ForRows(s, std::string("SELECT id, doc FROM ") + table + " ORDER BY id", {},
                            [&](const Row& r) -> Status {
                              std::string doc = r.Text("doc");
                              LADDER_TRY(T value, Decode<T>(doc, table));
                              std::string now = Dump(encode(value));
                              if (now != doc) changed.push_back({r.Text("id"), std::move(now)});
                              return Ok();
                            }));
  for (auto& [id, doc] : changed)
    s << std::string("UPDATE ") + table + " SET doc = :d WHERE id = :id", soci::use(doc),
        soci::use(id);
  return Ok();
}

// Sign-offs stored before signers confirmed them were accepted as they stood: they count as
// confirmed on their own date, so that upgrading changes no verdict (docs/operations.md).
Json ConfirmedEvidenceJson(const model::Evidence& e) {
  if (e.signed_off_by.empty() || !e.confirmed.empty()) return EvidenceJson(e);
  model::Evidence confirmed = e;
  confirmed.confirmed = e.date;
  return EvidenceJson(confirmed);
}

}  // namespace

Status ReencodeRecords(soci::session& s) {
  LADDER_TRY_STATUS(Reencode<model::Assignment>(s, "assignments", &AssignmentJson));
  LADDER_TRY_STATUS(Reencode<model::Evidence>(s, "evidence", &ConfirmedEvidenceJson));
  LADDER_TRY_STATUS(Reencode<model::Metric>(s, "metrics", &MetricJson));
  LADDER_TRY_STATUS(Reencode<model::Assessment>(s, "assessments", &AssessmentJson));
  LADDER_TRY_STATUS(Reencode<model::SignOff>(s, "signoffs", &SignOffJson));
  LADDER_TRY_STATUS(Reencode<model::Case>(s, "cases", &CaseJson));
  LADDER_TRY_STATUS(Reencode<model::Waiver>(s, "waivers", &WaiverJson));
  LADDER_TRY_STATUS(Reencode<model::Need>(s, "needs", &NeedJson));
  LADDER_TRY_STATUS(Reencode<model::Raise>(s, "raises", &RaiseJson));
  return Reencode<model::User>(s, "users", &UserJson);
}

Status CheckEveryHistory(soci::session& s) {
  std::map<std::string, std::vector<model::Assignment>> history;
  LADDER_TRY_STATUS(ForRows(s, "SELECT doc FROM assignments ORDER BY person, from_date, id", {},
                            [&](const Row& r) -> Status {
                              LADDER_TRY(model::Assignment a,
                                         Decode<model::Assignment>(r.Text("doc"), "assignment"));
                              history[a.person].push_back(std::move(a));
                              return Ok();
                            }));
  for (const auto& [person, periods] : history) {
    Status ok = model::CheckNoOverlap(periods);
    for (const model::Assignment& a : periods)
      if (ok) ok = model::CheckPeriod(a, "assignments." + a.id);
    if (!ok)
      return MakeError(ErrorCode::kInvalidArgument,
                       "not a valid Ladder dump: the level history of " + person +
                           " breaks its "
                           "rules (" +
                           ok.error().message + "); nothing was loaded",
                       {}, ok.error().field.empty() ? "assignments" : ok.error().field);
  }
  return Ok();
}

}  // namespace ladder::storage::internal
