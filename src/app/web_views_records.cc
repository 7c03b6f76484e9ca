// WebViews::Record: the page of one growth record, where it is withdrawn or corrected.
#include <sstream>

#include "app/corrections.h"
#include "app/web_views.h"
#include "base/text.h"

namespace ladder::app {
namespace {

using render::FieldInput;
using render::RecordView;

FieldInput Input(const char* name, const char* label, const char* type, std::string value,
                 bool required = false) {
  FieldInput in;
  in.name = name;
  in.label = label;
  in.type = type;
  in.value = std::move(value);
  in.required = required;
  return in;
}

FieldInput Dates(const char* name, const char* label, Date d, bool required) {
  return Input(name, label, "date", d.ToString(), required);
}

// The competencies of the person's framework to choose from; none known: a comma-separated
// list to type.
FieldInput Competencies(const model::Evidence& e, const model::Framework* f) {
  FieldInput in = Input("competencies", "Competencies", "text", text::Join(e.competencies, ", "));
  if (!f) {
    in.label = "Competencies (ids, comma-separated)";
    return in;
  }
  in.type = "select";
  in.multiple = true;
  for (const model::Competency& c : f->competencies) in.options.emplace_back(c.id, c.DisplayName());
  in.selected = e.competencies;
  return in;
}

void Describe(RecordView& v, const model::Evidence& e, const model::Framework* f) {
  v.kind_label = "Evidence";
  v.title = e.title.empty() ? e.kind : e.title;
  v.facts = {{"Kind", e.kind},
             {"Date", e.date.ToString()},
             {"End", e.end.ToString()},
             {"Role", e.role},
             {"Skill set", e.skill},
             {"Signed off by", e.signed_off_by},
             {"Competencies", text::Join(e.competencies, ", ")},
             {"Link", e.url},
             {"Note", e.note}};
  v.inputs = {Input("title", "Title", "text", e.title, true), Dates("date", "Date", e.date, true),
              Dates("end", "End (a period in a role)", e.end, false)};
  if (e.kind == "role") v.inputs.push_back(Input("role", "Role", "text", e.role));
  if (e.kind == "sme") {
    v.inputs.push_back(Input("skill", "Skill set", "text", e.skill));
    v.inputs.push_back(
        Input("signed_off_by", "Signed off by (person id)", "text", e.signed_off_by));
  }
  v.inputs.push_back(Competencies(e, f));
  v.inputs.push_back(Input("url", "Link", "url", e.url));
  v.inputs.push_back(Input("note", "Note", "textarea", e.note));
}

void Describe(RecordView& v, const model::Metric& m) {
  std::ostringstream value;
  value << m.value;
  v.kind_label = "Metric value";
  v.title = m.name + " = " + value.str();
  v.facts = {{"Metric", m.name},
             {"Period", m.period_start.ToString() + " – " + m.period_end.ToString()},
             {"Value", value.str()}};
  v.inputs = {Dates("period_start", "Period from", m.period_start, true),
              Dates("period_end", "Period to", m.period_end, true),
              Input("value", "Value", "number", value.str(), true)};
}

void Describe(RecordView& v, const model::Assessment& a) {
  v.kind_label = "Assessment";
  v.title = std::string(model::AssessorRoleName(a.role)) + " rating of " + a.competency + " by " +
            a.assessor;
  v.facts = {{"Competency", a.competency},
             {"Rating", model::RatingName(a.rating)},
             {"Level", a.level},
             {"Period", a.period_start.ToString() + " – " + a.period_end.ToString()},
             {"By", std::string(model::AssessorRoleName(a.role)) + " (" + a.assessor + ")"},
             {"Framework", a.framework.empty() ? "" : a.framework + " " + a.version},
             {"Replaces", a.supersedes},
             {"Note", a.note}};
  FieldInput rating = Input("rating", "Rating", "select", model::RatingName(a.rating), true);
  rating.options = {{"below", "Below the level"},
                    {"meeting", "Meeting the level"},
                    {"next", "Performing at the next level"}};
  rating.selected = {model::RatingName(a.rating)};
  v.inputs = {Dates("period_start", "Period from", a.period_start, true),
              Dates("period_end", "Period to", a.period_end, true), std::move(rating),
              Input("level", "Level assessed against", "text", a.level),
              Input("note", "Note", "textarea", a.note)};
}

void Describe(RecordView& v, const model::SignOff& s) {
  v.kind_label = "Sign-off";
  v.title = s.requirement;
  v.facts = {{"Requirement", s.requirement},
             {"Signed off by", s.by},
             {"Date", s.date.ToString()},
             {"Note", s.note}};
  v.inputs = {Dates("date", "Date signed off", s.date, true),
              Input("note", "Note", "textarea", s.note)};
}

// Fills `v` from `record`, which must be `person`'s.
template <typename T, typename... Extra>
Status Fill(RecordView& v, const T& record, std::string_view person, const TakeBackRights& rights,
            RecordKind kind, const Extra&... extra) {
  if (record.person != person)
    return Fail(Error{ErrorCode::kNotFound, "no such record: " + v.id, {}, "id"});
  Describe(v, record, extra...);
  v.retraction = record.retraction;
  v.corrects = record.corrects;
  v.may_take_back = !record.retraction && rights.May(kind, RecordAuthor(record));
  return Ok();
}

}  // namespace

Result<render::RecordView> WebViews::Record(const Principal& viewer, std::string_view person,
                                            RecordKind kind, std::string_view id, Date today) {
  RecordView v;
  v.kind = RecordKindPath(kind);
  v.id = std::string(id);
  LADDER_TRY(v.person, store_.GetPerson(person));
  std::shared_ptr<const model::Framework> shown;
  ReviewService review = Service(viewer, &shown);
  LADDER_TRY(TakeBackRights rights, review.TakeBackRightsOn(person));
  switch (kind) {
    case RecordKind::kEvidence: {
      LADDER_TRY(model::Evidence e, store_.GetEvidence(id));
      Result<PersonContext> cx = review.Load(person, today);
      LADDER_TRY_STATUS(Fill(v, e, person, rights, kind, cx ? cx->framework.get() : nullptr));
      break;
    }
    case RecordKind::kMetric: {
      LADDER_TRY(model::Metric m, store_.GetMetric(id));
      LADDER_TRY_STATUS(Fill(v, m, person, rights, kind));
      break;
    }
    case RecordKind::kAssessment: {
      LADDER_TRY(model::Assessment a, store_.GetAssessment(id));
      LADDER_TRY_STATUS(Fill(v, a, person, rights, kind));
      break;
    }
    case RecordKind::kSignOff: {
      LADDER_TRY(model::SignOff s, store_.GetSignOff(id));
      LADDER_TRY_STATUS(Fill(v, s, person, rights, kind));
      break;
    }
  }
  return v;
}

}  // namespace ladder::app
