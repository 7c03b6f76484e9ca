#include "app/corrections.h"

#include <cmath>
#include <cstdlib>

#include "base/text.h"

namespace ladder::app {
namespace {

constexpr const char* kEvidenceFields[] = {"title",         "date",         "end", "role", "skill",
                                           "signed_off_by", "competencies", "url", "note"};
constexpr const char* kMetricFields[] = {"period_start", "period_end", "value"};
constexpr const char* kAssessmentFields[] = {"period_start", "period_end", "rating", "level",
                                             "note"};
constexpr const char* kSignOffFields[] = {"date", "note"};

Error Bad(std::string_view field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {}, std::string(field)};
}

// Sets `out` from field `name` when given.
Status Text(std::string& out, const GivenField& given, std::string_view name) {
  if (std::optional<std::string> v = given(name)) out = std::string(text::Trim(*v));
  return Ok();
}

Status Day(Date& out, const GivenField& given, std::string_view name, bool may_be_empty) {
  std::optional<std::string> v = given(name);
  if (!v) return Ok();
  const std::string_view value = text::Trim(*v);
  if (value.empty()) {
    if (!may_be_empty) return Fail(Bad(name, "a date is needed (YYYY-MM-DD)"));
    out = Date();
    return Ok();
  }
  Result<Date> d = Date::Parse(value);
  if (!d) return Fail(Bad(name, d.error().message));
  out = *d;
  return Ok();
}

}  // namespace

std::optional<RecordKind> ParseRecordKind(std::string_view name) {
  if (name == "evidence") return RecordKind::kEvidence;
  if (name == "metric" || name == "metrics") return RecordKind::kMetric;
  if (name == "assessment" || name == "assessments") return RecordKind::kAssessment;
  if (name == "signoff" || name == "signoffs") return RecordKind::kSignOff;
  return std::nullopt;
}

const char* RecordKindPath(RecordKind kind) {
  switch (kind) {
    case RecordKind::kEvidence:
      return "evidence";
    case RecordKind::kMetric:
      return "metrics";
    case RecordKind::kAssessment:
      return "assessments";
    case RecordKind::kSignOff:
      return "signoffs";
  }
  return "?";
}

std::span<const char* const> CorrectableFields(RecordKind kind) {
  switch (kind) {
    case RecordKind::kEvidence:
      return kEvidenceFields;
    case RecordKind::kMetric:
      return kMetricFields;
    case RecordKind::kAssessment:
      return kAssessmentFields;
    case RecordKind::kSignOff:
      return kSignOffFields;
  }
  return {};
}

Status EditFields(model::Evidence& e, const GivenField& given) {
  LADDER_TRY_STATUS(Text(e.title, given, "title"));
  LADDER_TRY_STATUS(Day(e.date, given, "date", false));
  LADDER_TRY_STATUS(Day(e.end, given, "end", true));
  LADDER_TRY_STATUS(Text(e.role, given, "role"));
  LADDER_TRY_STATUS(Text(e.skill, given, "skill"));
  LADDER_TRY_STATUS(Text(e.signed_off_by, given, "signed_off_by"));
  if (std::optional<std::string> list = given("competencies")) {
    e.competencies.clear();
    for (const std::string& part : text::Split(*list, ','))
      if (!text::Trim(part).empty()) e.competencies.emplace_back(text::Trim(part));
  }
  LADDER_TRY_STATUS(Text(e.url, given, "url"));
  return Text(e.note, given, "note");
}

Status EditFields(model::Metric& m, const GivenField& given) {
  LADDER_TRY_STATUS(Day(m.period_start, given, "period_start", false));
  LADDER_TRY_STATUS(Day(m.period_end, given, "period_end", false));
  if (std::optional<std::string> v = given("value")) {
    const std::string value(text::Trim(*v));
    char* end = nullptr;
    const double number = value.empty() ? NAN : std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number))
      return Fail(Bad("value", "'" + value + "' is not a number"));
    m.value = number;
  }
  return Ok();
}

Status EditFields(model::Assessment& a, const GivenField& given) {
  LADDER_TRY_STATUS(Day(a.period_start, given, "period_start", false));
  LADDER_TRY_STATUS(Day(a.period_end, given, "period_end", false));
  if (std::optional<std::string> v = given("rating")) {
    std::optional<model::Rating> rating = model::ParseRating(text::Trim(*v));
    if (!rating)
      return Fail(Bad("rating", "'" + *v + "' is not a rating; expected below, meeting or next"));
    a.rating = *rating;
  }
  LADDER_TRY_STATUS(Text(a.level, given, "level"));
  return Text(a.note, given, "note");
}

Status EditFields(model::SignOff& s, const GivenField& given) {
  LADDER_TRY_STATUS(Day(s.date, given, "date", false));
  return Text(s.note, given, "note");
}

Result<render::Json> TakeBackJson(storage::Store& store, RecordKind kind, std::string_view original,
                                  std::string_view correction) {
  auto json = [&](std::string_view id) -> Result<render::Json> {
    switch (kind) {
      case RecordKind::kEvidence: {
        LADDER_TRY(model::Evidence e, store.GetEvidence(id));
        return render::EvidenceJson(e);
      }
      case RecordKind::kMetric: {
        LADDER_TRY(model::Metric m, store.GetMetric(id));
        return render::MetricJson(m);
      }
      case RecordKind::kAssessment: {
        LADDER_TRY(model::Assessment a, store.GetAssessment(id));
        return render::AssessmentJson(a);
      }
      case RecordKind::kSignOff: {
        LADDER_TRY(model::SignOff s, store.GetSignOff(id));
        return render::SignOffJson(s);
      }
    }
    return MakeError(ErrorCode::kInternal, "unknown kind of record");
  };
  LADDER_TRY(render::Json taken, json(original));
  if (correction.empty()) return render::Json{{"withdrawn", taken}};
  LADDER_TRY(render::Json corrected, json(correction));
  return render::Json{{"corrected", taken}, {"correction", corrected}};
}

}  // namespace ladder::app
