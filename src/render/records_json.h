// JSON of the people side for the HTTP API (docs/openapi.yaml) and `--json` of the review
// commands: one shape per record, the model's field names, enums by their model names, dates as
// YYYY-MM-DD and empty optional dates as null. Secrets never appear: users without their
// password hash, API tokens without theirs.
// Pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "model/people.h"
#include "rules/eligibility.h"
#include "storage/store.h"

namespace ladder::render {

using Json = nlohmann::ordered_json;

Json PersonJson(const model::Person& p);
Json AssignmentJson(const model::Assignment& a);
Json EvidenceJson(const model::Evidence& e);
Json AssessmentJson(const model::Assessment& a);
Json CaseJson(const model::Case& c);
Json NeedJson(const model::Need& n);
Json WaiverJson(const model::Waiver& w);
Json UserJson(const model::User& u);         // without the password hash
Json TokenJson(const storage::ApiToken& t);  // without the token's hash
Json AuditJson(const model::AuditEntry& e);
Json VerdictJson(const rules::Verdict& v);
Json VersionJson(const storage::VersionInfo& v);
Json FrameworkInfoJson(const storage::FrameworkInfo& f);
// A search hit; matches marked with [ and ] in the snippet.
Json SearchHitJson(const storage::SearchHit& h);

// An empty date as null, otherwise YYYY-MM-DD.
Json DateJson(Date d);

}  // namespace ladder::render
