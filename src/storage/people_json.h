// The one JSON encoding of the people-side records: a person (its fields come from the schema
// description, schema.h), an assignment, evidence, a metric, an assessment, a sign-off, a case,
// a waiver, a need, a raise, a user, a review cycle, a cycle's candidate, a growth-plan action and
// a check-in, and a framework's change request. The store keeps
// records in this form (the `doc` column of each record table), so the same JSON is what the
// portable dump holds, what the audit log records, what the HTTP API answers (docs/openapi.yaml)
// and what `--json` of the commands prints.
//
// Shape: the model's field names, enums by their model names, dates as YYYY-MM-DD and an empty
// date as null, an absent optional reference (a person's manager, a user's person) as null.
// Users never carry their password hash (it has a column of its own).
//
// Decoding also reads the form records had before this encoding (databases and dumps of schema
// 2 and earlier: "" for an empty date, a case's target_track/target_level/target_overlay,
// consensus and votes' choice, a waiver's case_id), and fails with kInternal naming the record
// when a document is not of either shape. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "model/change_request.h"
#include "model/cycle.h"
#include "model/growth_plan.h"
#include "model/people.h"

namespace ladder::storage {

using Json = nlohmann::ordered_json;

// An empty date as null, otherwise YYYY-MM-DD.
Json DateJson(Date d);

Json PersonJson(const model::Person& p);
Json AssignmentJson(const model::Assignment& a);
Json EvidenceJson(const model::Evidence& e);
Json MetricJson(const model::Metric& m);
Json AssessmentJson(const model::Assessment& a);
Json SignOffJson(const model::SignOff& s);
Json CaseJson(const model::Case& c);
Json WaiverJson(const model::Waiver& w);
Json NeedJson(const model::Need& n);
Json RaiseJson(const model::Raise& r);
Json UserJson(const model::User& u);  // without the password hash
Json CycleJson(const model::Cycle& c);
Json CandidateJson(const model::Candidate& c);
Json PlanActionJson(const model::PlanAction& a);
Json CheckInJson(const model::CheckIn& c);
Json ChangeRequestJson(const model::ChangeRequest& r);

Status FromJson(const Json& j, model::Person& p);
Status FromJson(const Json& j, model::Assignment& a);
Status FromJson(const Json& j, model::Evidence& e);
Status FromJson(const Json& j, model::Metric& m);
Status FromJson(const Json& j, model::Assessment& a);
Status FromJson(const Json& j, model::SignOff& s);
Status FromJson(const Json& j, model::Case& c);
Status FromJson(const Json& j, model::Waiver& w);
Status FromJson(const Json& j, model::Need& n);
Status FromJson(const Json& j, model::Raise& r);
Status FromJson(const Json& j, model::User& u);  // password_hash left empty
Status FromJson(const Json& j, model::Cycle& c);
Status FromJson(const Json& j, model::Candidate& c);
Status FromJson(const Json& j, model::PlanAction& a);
Status FromJson(const Json& j, model::CheckIn& c);
Status FromJson(const Json& j, model::ChangeRequest& r);

}  // namespace ladder::storage
