// What every surface (the command line, the web forms, the JSON API) shares about taking back
// growth records (app/review.h, "Corrections"): the kinds by name, the fields a correction may
// change and how each is read from text, and the JSON of a record taken back.
//
// Field names, per kind (the JSON API's and the forms' names):
//   evidence    title, date, end, role, skill, signed_off_by, competencies (comma-separated),
//               url, note
//   metric      period_start, period_end, value
//   assessment  period_start, period_end, rating (below | meeting | next), level, note
//   signoff     date, note
// What identifies a record (the person, the evidence's kind, the metric's name, the assessor,
// role and competency, the sign-off's requirement and signer) is not among them.
// Pure functions except TakeBackJson, which reads the store.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/review.h"
#include "render/records_json.h"
#include "storage/store.h"

namespace ladder::app {

// "evidence", "metric" or "metrics", "assessment" or "assessments", "signoff" or "signoffs";
// nullopt for anything else.
std::optional<RecordKind> ParseRecordKind(std::string_view name);
// The address segment of a kind: evidence | metrics | assessments | signoffs.
const char* RecordKindPath(RecordKind kind);

// Who made a record, as TakeBackRights asks: the assessor, the signer; "" for evidence and
// metric values, which are the person's own.
inline std::string RecordAuthor(const model::Evidence&) { return {}; }
inline std::string RecordAuthor(const model::Metric&) { return {}; }
inline std::string RecordAuthor(const model::Assessment& a) { return a.assessor; }
inline std::string RecordAuthor(const model::SignOff& s) { return s.by; }

// The fields a correction of `kind` may change (the list above).
std::span<const char* const> CorrectableFields(RecordKind kind);

// Sets the fields `given` names on `record`, each parsed from text (dates YYYY-MM-DD, a rating,
// a number, a comma-separated list); kInvalidArgument naming the field for a value that does not
// parse. Names outside CorrectableFields are never asked for.
Status EditFields(model::Evidence& record, const GivenField& given);
Status EditFields(model::Metric& record, const GivenField& given);
Status EditFields(model::Assessment& record, const GivenField& given);
Status EditFields(model::SignOff& record, const GivenField& given);

// {"withdrawn": record} or {"corrected": record, "correction": its correction}: what the JSON
// API answers and `--json` prints after a take-back. `correction` empty: withdrawn.
Result<render::Json> TakeBackJson(storage::Store& store, RecordKind kind, std::string_view original,
                                  std::string_view correction);

}  // namespace ladder::app
