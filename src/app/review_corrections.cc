// ReviewService's corrections: growth records (evidence, metric values, assessments, sign-offs)
// withdrawn or corrected, never deleted (app/review.h, model::Retraction).
#include <algorithm>
#include <functional>
#include <type_traits>

#include "app/corrections.h"
#include "app/review.h"
#include "app/review_internal.h"
#include "base/text.h"

namespace ladder::app {

using internal::Named;
using internal::Quote;

namespace {

// What each kind of record is called, where it is stored, who may take it back and who made it.
template <typename T>
struct Kind;
template <>
struct Kind<model::Evidence> {
  static constexpr RecordKind kKind = RecordKind::kEvidence;
  static constexpr const char* kName = "evidence";
  static Result<model::Evidence> Get(storage::Store& s, std::string_view id) {
    return s.GetEvidence(id);
  }
  static Result<std::string> Put(storage::Store& s, std::string_view a, const model::Evidence& e) {
    return s.SaveEvidence(a, e);
  }
};
template <>
struct Kind<model::Metric> {
  static constexpr RecordKind kKind = RecordKind::kMetric;
  static constexpr const char* kName = "metric value";
  static Result<model::Metric> Get(storage::Store& s, std::string_view id) {
    return s.GetMetric(id);
  }
  static Result<std::string> Put(storage::Store& s, std::string_view a, const model::Metric& m) {
    return s.SaveMetric(a, m);
  }
};
template <>
struct Kind<model::Assessment> {
  static constexpr RecordKind kKind = RecordKind::kAssessment;
  static constexpr const char* kName = "assessment";
  static Result<model::Assessment> Get(storage::Store& s, std::string_view id) {
    return s.GetAssessment(id);
  }
  static Result<std::string> Put(storage::Store& s, std::string_view a,
                                 const model::Assessment& x) {
    return s.SaveAssessment(a, x);
  }
};
template <>
struct Kind<model::SignOff> {
  static constexpr RecordKind kKind = RecordKind::kSignOff;
  static constexpr const char* kName = "sign-off";
  static Result<model::SignOff> Get(storage::Store& s, std::string_view id) {
    return s.GetSignOff(id);
  }
  static Result<std::string> Put(storage::Store& s, std::string_view a, const model::SignOff& x) {
    return s.SaveSignOff(a, x);
  }
};

Action ActionOf(RecordKind kind) {
  switch (kind) {
    case RecordKind::kEvidence:
      return Action::kCorrectEvidence;
    case RecordKind::kMetric:
      return Action::kCorrectMetric;
    case RecordKind::kAssessment:
      return Action::kCorrectAssessment;
    case RecordKind::kSignOff:
      return Action::kCorrectSignOff;
  }
  return Action::kCorrectEvidence;
}

Error Changed(const char* kind, const char* field, const std::string& was) {
  return Error{ErrorCode::kInvalidArgument,
               std::string("a correction keeps the ") + kind + "'s " + field + " (" + Quote(was) +
                   "); withdraw it and record a new one instead",
               {},
               field};
}

// kInvalidArgument when `corrected` changes what identifies `original`.
Status Keeps(const model::Evidence& original, const model::Evidence& corrected) {
  if (corrected.kind != original.kind) return Fail(Changed("evidence", "kind", original.kind));
  return Ok();
}
Status Keeps(const model::Metric& original, const model::Metric& corrected) {
  if (corrected.name != original.name) return Fail(Changed("metric value", "name", original.name));
  return Ok();
}
Status Keeps(const model::Assessment& original, const model::Assessment& corrected) {
  if (corrected.assessor != original.assessor)
    return Fail(Changed("assessment", "assessor", original.assessor));
  if (corrected.role != original.role)
    return Fail(Changed("assessment", "role", model::AssessorRoleName(original.role)));
  if (corrected.competency != original.competency)
    return Fail(Changed("assessment", "competency", original.competency));
  return Ok();
}
Status Keeps(const model::SignOff& original, const model::SignOff& corrected) {
  if (corrected.requirement != original.requirement)
    return Fail(Changed("sign-off", "requirement", original.requirement));
  if (corrected.by != original.by) return Fail(Changed("sign-off", "by", original.by));
  return Ok();
}

// The stored record `id` that stands, for someone who may see its person (see Standing).
template <typename T>
Result<T> Fetch(storage::Store& store, std::string_view id, const TakeBack& why) {
  if (text::Trim(why.reason).empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "say why the record is taken back (--reason \"entered twice\")", {}, "reason");
  if (why.date.empty()) return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  return Kind<T>::Get(store, id);
}

}  // namespace

const char* RecordKindName(RecordKind k) {
  switch (k) {
    case RecordKind::kEvidence:
      return "evidence";
    case RecordKind::kMetric:
      return "metric";
    case RecordKind::kAssessment:
      return "assessment";
    case RecordKind::kSignOff:
      return "signoff";
  }
  return "?";
}

// The record, standing, for someone who may see its person; a record that does not exist and
// one of someone the caller may not see get the same kNotFound.
template <typename T>
Result<T> Standing(storage::Store& store, std::string_view id, const TakeBack& why,
                   const std::function<Result<bool>(std::string_view)>& sees) {
  Result<T> r = Fetch<T>(store, id, why);
  auto none = [&] {
    return MakeError(ErrorCode::kNotFound, std::string("no ") + Kind<T>::kName + " " + Quote(id),
                     {}, "id");
  };
  if (!r && r.error().code == ErrorCode::kNotFound) return none();
  if (!r) return r;
  if (!why.person.empty() && r->person != why.person) return none();
  LADDER_TRY(bool visible, sees(r->person));
  if (!visible) return none();
  if (r->retraction)
    return MakeError(ErrorCode::kConflict,
                     std::string("the ") + Kind<T>::kName + " " + r->id + " was " +
                         model::RetractionName(r->retraction) + " on " +
                         r->retraction->date.ToString() + " by " + r->retraction->by +
                         (r->retraction->replaced_by.empty()
                              ? std::string()
                              : "; its correction is " + r->retraction->replaced_by),
                     {}, "id");
  return r;
}

Status TakeBackRights::Check(RecordKind kind, std::string_view author,
                             std::string_view subject) const {
  Relation r = relation;
  if (!author.empty() && author == actor_name) {
    r = Relation::kSelf;
  } else if (!author.empty() && r == Relation::kSelf) {
    r = Relation::kOther;  // the person does not take back someone else's judgment of them
  }
  return Permit(actor, ActionOf(kind), r, subject);
}

Result<TakeBackRights> ReviewService::TakeBackRightsOn(std::string_view person,
                                                       std::string_view by) {
  TakeBackRights rights;
  LADDER_TRY(rights.actor, ActorFor(by));
  rights.actor_name = Named(rights.actor, actor_);
  LADDER_TRY(rights.relation, RelationTo(store_, rights.actor, person));
  return rights;
}

template <typename T>
Result<Actor> ReviewService::MayTakeBack(const T& record, const TakeBack& why) {
  LADDER_TRY(TakeBackRights rights, TakeBackRightsOn(record.person, why.by));
  LADDER_TRY_STATUS(rights.Check(Kind<T>::kKind, RecordAuthor(record),
                                 std::string(Kind<T>::kName) + " " + record.id));
  return rights.actor;
}

template <typename T>
Result<std::string> ReviewService::TakeBackRecord(T original, std::optional<T> corrected,
                                                  const TakeBack& why, const Actor& actor) {
  const std::string by = Named(actor, actor_);
  std::vector<model::Case> cases;
  if constexpr (std::is_same_v<T, model::Evidence>) {
    LADDER_TRY(cases, store_.ListCases(original.person));
  }
  std::string result = original.id;
  Status done = store_.WithTransaction([&](storage::Store& tx) -> Status {
    std::string replaced_by;
    if (corrected) {
      corrected->id.clear();
      corrected->person = original.person;
      corrected->corrects = original.id;
      corrected->retraction.reset();
      LADDER_TRY(replaced_by, Kind<T>::Put(tx, actor_, *corrected));
      result = replaced_by;
    }
    original.retraction =
        model::Retraction{by, why.date, std::string(text::Trim(why.reason)), replaced_by};
    LADDER_TRY_STATUS(Kind<T>::Put(tx, actor_, original));
    for (model::Case& c : cases) {
      if (c.status == model::CaseStatus::kClosed ||
          std::find(c.portfolio.begin(), c.portfolio.end(), original.id) == c.portfolio.end())
        continue;
      std::string what = "evidence " + original.id + " withdrawn: " + original.retraction->reason;
      if (!replaced_by.empty()) {
        c.portfolio.push_back(replaced_by);
        what = "evidence " + original.id + " corrected by " + replaced_by + ": " +
               original.retraction->reason;
      }
      c.history.push_back(model::CaseEvent{why.date, by, what});
      LADDER_TRY_STATUS(tx.SaveCase(actor_, c));
    }
    return Ok();
  });
  LADDER_TRY_STATUS(done);
  return result;
}

Result<std::string> ReviewService::Withdraw(RecordKind kind, std::string_view id,
                                            const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  auto withdraw = [&]<typename T>(std::type_identity<T>) -> Result<std::string> {
    LADDER_TRY(T record, Standing<T>(store_, id, why, sees));
    LADDER_TRY(Actor actor, MayTakeBack(record, why));
    return TakeBackRecord(std::move(record), std::optional<T>(), why, actor);
  };
  switch (kind) {
    case RecordKind::kEvidence:
      return withdraw(std::type_identity<model::Evidence>());
    case RecordKind::kMetric:
      return withdraw(std::type_identity<model::Metric>());
    case RecordKind::kAssessment:
      return withdraw(std::type_identity<model::Assessment>());
    case RecordKind::kSignOff:
      return withdraw(std::type_identity<model::SignOff>());
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown kind of record", {}, "kind");
}

Result<std::string> ReviewService::CorrectEvidence(std::string_view id, model::Evidence corrected,
                                                   const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  LADDER_TRY(model::Evidence e, Standing<model::Evidence>(store_, id, why, sees));
  LADDER_TRY(Actor actor, MayTakeBack(e, why));
  corrected.person = e.person;
  LADDER_TRY_STATUS(Keeps(e, corrected));
  LADDER_TRY_STATUS(CheckEvidence(corrected));
  if (corrected.kind == "sme") {
    // A sign-off confirmed stays confirmed while what its signer confirmed stays; given by its
    // signer it is confirmed on its date; otherwise it is a claim awaiting them again.
    const bool same = corrected.skill == e.skill && corrected.signed_off_by == e.signed_off_by &&
                      corrected.date == e.date;
    if (corrected.signed_off_by == actor.person) {
      corrected.confirmed = corrected.date;
    } else if (!same) {
      corrected.confirmed = Date();
    }
  }
  if (corrected.title.empty()) corrected.title = e.title;
  return TakeBackRecord(std::move(e), std::optional(std::move(corrected)), why, actor);
}

Result<std::string> ReviewService::CorrectMetric(std::string_view id, model::Metric corrected,
                                                 const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  LADDER_TRY(model::Metric m, Standing<model::Metric>(store_, id, why, sees));
  LADDER_TRY(Actor actor, MayTakeBack(m, why));
  corrected.person = m.person;
  LADDER_TRY_STATUS(Keeps(m, corrected));
  LADDER_TRY_STATUS(CheckMetric(corrected));
  return TakeBackRecord(std::move(m), std::optional(std::move(corrected)), why, actor);
}

Result<std::string> ReviewService::CorrectAssessment(std::string_view id,
                                                     model::Assessment corrected,
                                                     const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  LADDER_TRY(model::Assessment a, Standing<model::Assessment>(store_, id, why, sees));
  LADDER_TRY(Actor actor, MayTakeBack(a, why));
  corrected.person = a.person;
  LADDER_TRY_STATUS(Keeps(a, corrected));
  LADDER_TRY_STATUS(CheckPeriod(corrected));
  LADDER_TRY(corrected, Pin(std::move(corrected)));
  return TakeBackRecord(std::move(a), std::optional(std::move(corrected)), why, actor);
}

Result<std::string> ReviewService::CorrectSignOff(std::string_view id, model::SignOff corrected,
                                                  const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  LADDER_TRY(model::SignOff s, Standing<model::SignOff>(store_, id, why, sees));
  LADDER_TRY(Actor actor, MayTakeBack(s, why));
  corrected.person = s.person;
  LADDER_TRY_STATUS(Keeps(s, corrected));
  if (corrected.date.empty())
    return MakeError(ErrorCode::kInvalidArgument, "no date given", {}, "date");
  return TakeBackRecord(std::move(s), std::optional(std::move(corrected)), why, actor);
}

Result<std::string> ReviewService::Correct(RecordKind kind, std::string_view id,
                                           const GivenField& given, const TakeBack& why) {
  auto sees = [this](std::string_view person) { return Sees(person); };
  auto correct = [&]<typename T>(std::type_identity<T>, auto correct_as) -> Result<std::string> {
    LADDER_TRY(T record, Standing<T>(store_, id, why, sees));
    T corrected = record;
    LADDER_TRY_STATUS(EditFields(corrected, given));
    if (corrected == record)
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string("the correction changes nothing in the ") + Kind<T>::kName +
                           " " + record.id + "; change a field, or withdraw it",
                       {}, "id");
    return (this->*correct_as)(id, std::move(corrected), why);
  };
  switch (kind) {
    case RecordKind::kEvidence:
      return correct(std::type_identity<model::Evidence>(), &ReviewService::CorrectEvidence);
    case RecordKind::kMetric:
      return correct(std::type_identity<model::Metric>(), &ReviewService::CorrectMetric);
    case RecordKind::kAssessment:
      return correct(std::type_identity<model::Assessment>(), &ReviewService::CorrectAssessment);
    case RecordKind::kSignOff:
      return correct(std::type_identity<model::SignOff>(), &ReviewService::CorrectSignOff);
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown kind of record", {}, "kind");
}

}  // namespace ladder::app
