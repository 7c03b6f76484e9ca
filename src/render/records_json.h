// JSON for the HTTP API (docs/openapi.yaml) and `--json` of the commands. The people-side
// records have one encoding, storage's (storage/people_json.h: the form the store keeps, the
// dump holds and the audit log records), named here for render's callers; this file adds what
// is not a stored record: tokens, audit entries, verdicts, versions and search hits. Dates are
// YYYY-MM-DD and an empty date is null. Secrets never appear: users without their password
// hash, API tokens without theirs.
// Pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "model/people.h"
#include "rules/eligibility.h"
#include "storage/people_json.h"
#include "storage/types.h"

namespace ladder::render {

using Json = storage::Json;

using storage::AssessmentJson;
using storage::AssignmentJson;
using storage::CandidateJson;
using storage::CaseJson;
using storage::CheckInJson;
using storage::CycleJson;
using storage::DateJson;
using storage::EvidenceJson;
using storage::MetricJson;
using storage::NeedJson;
using storage::PersonJson;
using storage::PlanActionJson;
using storage::RaiseJson;
using storage::SignOffJson;
using storage::UserJson;
using storage::WaiverJson;

Json TokenJson(const storage::ApiToken& t);  // without the token's hash
Json AuditJson(const model::AuditEntry& e);
Json VerdictJson(const rules::Verdict& v);
Json VersionJson(const storage::VersionInfo& v);
// A framework version's committee policy: {framework, version, status, consensus, waivers: {by,
// never, after_panel_no}, publishing: {requires_approval}} (docs/format.md, `framework`).
Json PolicyJson(const model::Framework& f);
Json FrameworkInfoJson(const storage::FrameworkInfo& f);
// A search hit; matches marked with [ and ] in the snippet.
Json SearchHitJson(const storage::SearchHit& h);
// One person of a review cycle: the candidate, where they stand in words (`stage`), their
// standing evidence count and their review in the cycle (null when none).
Json CycleRowJson(const model::Candidate& candidate, const model::Case* review,
                  const std::string& stage, int evidence);

}  // namespace ladder::render
