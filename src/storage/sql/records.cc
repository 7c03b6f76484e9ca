// The growth records of a person: evidence, metrics, assessments, sign-offs, in-band raises and
// the growth plan (agreed actions, check-ins), each kept as its JSON document (people_json.h)
// beside the columns queries and keys need.
#include "model/validate.h"
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

// The audit verb of saving `value` over the stored document `before`: "create" when there was
// none, "withdraw" or "correct" when the save takes the record back, else "update".
template <typename T>
std::string AuditVerb(const std::string& before, const T& value, const char* kind) {
  if (before.empty()) return "create";
  if constexpr (requires { value.retraction; }) {
    if (!value.retraction) return "update";
    Result<T> was = Decode<T>(before, kind);
    if (was && was->retraction) return "update";
    return value.retraction->replaced_by.empty() ? "withdraw" : "correct";
  }
  return "update";
}

}  // namespace

template <typename T>
Result<std::string> SqlStore::SaveRecord(std::string_view actor, const RecordTable& t, T value,
                                         Date day, std::vector<std::string> people) {
  if (value.id.empty()) value.id = NewId(t.prefix);
  return Write([&](soci::session& s) -> Result<std::string> {
    LADDER_TRY_STATUS(RequirePerson(s, value.person, "person"));
    for (const auto& p : people)
      if (!p.empty()) LADDER_TRY_STATUS(RequirePerson(s, p, t.kind));
    std::string before = DocOf(s, t.table, value.id);
    std::string doc = Dump(DocJson(value));
    Execute(s, InsertSql(schema::TableNamed(t.table), true),
            {value.id, value.person, day.ToString(), doc});
    LADDER_TRY_STATUS(Audit(s, actor, std::string(t.kind) + "." + AuditVerb(before, value, t.kind),
                            std::string(t.kind) + ":" + value.id, before, doc));
    return value.id;
  });
}

template <typename T>
Result<std::vector<T>> SqlStore::ListRecords(const RecordTable& t, std::string_view person) {
  std::string p(person);
  return Read([&](soci::session& s) -> Result<std::vector<T>> {
    std::vector<T> out;
    LADDER_TRY_STATUS(ForRows(
        s, std::string("SELECT doc FROM ") + t.table + " WHERE person = :p ORDER BY day, id", {p},
        [&](const Row& r) -> Status {
          LADDER_TRY(T v, Decode<T>(r.Text("doc"), t.kind));
          out.push_back(std::move(v));
          return Ok();
        }));
    return out;
  });
}

template <typename T>
Result<T> SqlStore::GetRecord(const RecordTable& t, std::string_view id) {
  std::string rid(id);
  return Read([&](soci::session& s) -> Result<T> {
    std::string doc = DocOf(s, t.table, rid);
    if (doc.empty())
      return MakeError(ErrorCode::kNotFound, std::string("no ") + t.kind + " " + rid);
    return Decode<T>(doc, t.kind);
  });
}

Status SqlStore::DeleteRecord(std::string_view actor, const RecordTable& t, std::string_view id) {
  std::string rid(id);
  return Write([&](soci::session& s) -> Status {
    std::string before = DocOf(s, t.table, rid);
    if (before.empty())
      return MakeError(ErrorCode::kNotFound, std::string("no ") + t.kind + " " + rid);
    s << std::string("DELETE FROM ") + t.table + " WHERE id = :id", soci::use(rid);
    return Audit(s, actor, std::string(t.kind) + ".delete", std::string(t.kind) + ":" + rid, before,
                 "");
  });
}

// Waivers (reviews.cc) are kept the same way.
template Result<std::string> SqlStore::SaveRecord<model::Waiver>(std::string_view,
                                                                 const RecordTable&, model::Waiver,
                                                                 Date, std::vector<std::string>);
template Result<std::vector<model::Waiver>> SqlStore::ListRecords<model::Waiver>(const RecordTable&,
                                                                                 std::string_view);

// ---- Evidence ----

Result<std::string> SqlStore::SaveEvidence(std::string_view actor, const model::Evidence& e) {
  LADDER_TRY_STATUS(FirstError(model::ValidateEvidence(e)));
  return SaveRecord(actor, kEvidence, e, e.date, {e.signed_off_by});
}

Result<model::Evidence> SqlStore::GetEvidence(std::string_view id) {
  std::string eid(id);
  return Read([&](soci::session& s) -> Result<model::Evidence> {
    std::string doc = DocOf(s, "evidence", eid);
    if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no evidence " + eid);
    return Decode<model::Evidence>(doc, "evidence");
  });
}

Result<std::vector<model::Evidence>> SqlStore::ListEvidence(std::string_view person) {
  return ListRecords<model::Evidence>(kEvidence, person);
}

Status SqlStore::DeleteEvidence(std::string_view actor, std::string_view id) {
  return DeleteRecord(actor, kEvidence, id);
}

// ---- Metrics ----

Result<std::string> SqlStore::SaveMetric(std::string_view actor, const model::Metric& m) {
  return SaveRecord(actor, kMetrics, m, m.period_start, {});
}

Result<std::vector<model::Metric>> SqlStore::ListMetrics(std::string_view person) {
  return ListRecords<model::Metric>(kMetrics, person);
}

Result<model::Metric> SqlStore::GetMetric(std::string_view id) {
  return GetRecord<model::Metric>(kMetrics, id);
}

Status SqlStore::DeleteMetric(std::string_view actor, std::string_view id) {
  return DeleteRecord(actor, kMetrics, id);
}

// ---- Assessments: pinned to a framework version when they name one ----

Result<std::string> SqlStore::SaveAssessment(std::string_view actor, const model::Assessment& in) {
  LADDER_TRY_STATUS(FirstError(model::ValidateAssessment(in)));
  model::Assessment a = in;
  if (a.id.empty()) a.id = NewId(kAssessments.prefix);
  return Write([&](soci::session& s) -> Result<std::string> {
    LADDER_TRY_STATUS(RequirePerson(s, a.person, "person"));
    if (!a.assessor.empty()) LADDER_TRY_STATUS(RequirePerson(s, a.assessor, "assessor"));
    if ((!a.framework.empty() || !a.version.empty()) && !VersionStatus(s, a.framework, a.version))
      return MakeError(ErrorCode::kInvalidArgument,
                       "assessment " + a.id + " names framework " + a.framework + " version " +
                           a.version + ", which is not stored",
                       {}, "assessment.version");
    std::string before = DocOf(s, "assessments", a.id);
    std::string doc = Dump(AssessmentJson(a));
    auto optional = [](const std::string& v) { return v.empty() ? Cell() : Cell(v); };
    Execute(s, InsertSql(schema::TableNamed("assessments"), true),
            {a.id, a.person, optional(a.assessor), optional(a.framework), optional(a.version),
             a.period_start.ToString(), doc});
    // A rating that replaces an earlier one of the same period says so in the audit log.
    const std::string verb =
        before.empty() && !a.supersedes.empty() ? "supersede" : AuditVerb(before, a, "assessment");
    LADDER_TRY_STATUS(Audit(s, actor, "assessment." + verb, "assessment:" + a.id, before, doc));
    return a.id;
  });
}

Result<std::vector<model::Assessment>> SqlStore::ListAssessments(std::string_view person) {
  return ListRecords<model::Assessment>(kAssessments, person);
}

Result<model::Assessment> SqlStore::GetAssessment(std::string_view id) {
  return GetRecord<model::Assessment>(kAssessments, id);
}

Status SqlStore::DeleteAssessment(std::string_view actor, std::string_view id) {
  return DeleteRecord(actor, kAssessments, id);
}

// ---- Sign-offs and raises ----

Result<std::string> SqlStore::SaveSignOff(std::string_view actor, const model::SignOff& so) {
  return SaveRecord(actor, kSignOffs, so, so.date, {});
}

Result<std::vector<model::SignOff>> SqlStore::ListSignOffs(std::string_view person) {
  return ListRecords<model::SignOff>(kSignOffs, person);
}

Result<model::SignOff> SqlStore::GetSignOff(std::string_view id) {
  return GetRecord<model::SignOff>(kSignOffs, id);
}

Result<std::string> SqlStore::SaveRaise(std::string_view actor, const model::Raise& r) {
  return SaveRecord(actor, kRaises, r, r.date, {});
}

Result<std::vector<model::Raise>> SqlStore::ListRaises(std::string_view person) {
  return ListRecords<model::Raise>(kRaises, person);
}

// ---- Growth plans ----

Result<std::string> SqlStore::SavePlanAction(std::string_view actor, const model::PlanAction& a) {
  LADDER_TRY_STATUS(FirstError(model::ValidatePlanAction(a)));
  return SaveRecord(actor, kPlanActions, a, a.due, {a.agreed_by, a.closed_by});
}

Result<model::PlanAction> SqlStore::GetPlanAction(std::string_view id) {
  return GetRecord<model::PlanAction>(kPlanActions, id);
}

Result<std::vector<model::PlanAction>> SqlStore::ListPlanActions(std::string_view person) {
  return ListRecords<model::PlanAction>(kPlanActions, person);
}

Result<std::string> SqlStore::SaveCheckIn(std::string_view actor, const model::CheckIn& c) {
  LADDER_TRY_STATUS(FirstError(model::ValidateCheckIn(c)));
  return SaveRecord(actor, kCheckIns, c, c.date, {c.held_by});
}

Result<std::vector<model::CheckIn>> SqlStore::ListCheckIns(std::string_view person) {
  return ListRecords<model::CheckIn>(kCheckIns, person);
}

}  // namespace ladder::storage::internal
