#include "storage/people_json.h"

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/json_fields.h"
#include "storage/schema.h"

namespace ladder::storage {
namespace {

using namespace model;

using json_fields::A;
using json_fields::D;
using json_fields::Enum;
using json_fields::S;
using json_fields::V;

// `key`, or `legacy` (its name before this encoding) when the document has not `key`.
const char* Either(const Json& j, const char* key, const char* legacy) {
  return j.contains(key) ? key : legacy;
}
Json OptionalText(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Reads a record document with `read`; kInternal naming the record when it is damaged.
template <typename F>
Status Guard(std::string_view what, const Json& j, F&& read) {
  return json_fields::Guard(what, [&] {
    if (!j.is_object()) throw std::runtime_error("not an object");
    read();
  });
}

// A record's retraction (people.h): null while it stands.
Json RetractionJson(const std::optional<Retraction>& r) {
  if (!r) return nullptr;
  return {{"state", RetractionName(r)},
          {"by", r->by},
          {"date", DateJson(r->date)},
          {"reason", r->reason},
          {"replaced_by", OptionalText(r->replaced_by)}};
}
std::optional<Retraction> RetractionOf(const Json& j) {
  auto it = j.find("retraction");
  if (it == j.end() || it->is_null()) return std::nullopt;
  return Retraction{S(*it, "by"), D(*it, "date"), S(*it, "reason"), S(*it, "replaced_by")};
}
// Adds the retraction and the corrected record's id to a record's document.
template <typename T>
Json WithRetraction(Json j, const T& record) {
  j["retraction"] = RetractionJson(record.retraction);
  j["corrects"] = OptionalText(record.corrects);
  return j;
}
template <typename T>
void ReadRetraction(const Json& j, T& record) {
  record.retraction = RetractionOf(j);
  record.corrects = S(j, "corrects");
}

}  // namespace

Json DateJson(Date d) { return d.empty() ? Json(nullptr) : Json(d.ToString()); }

Json PersonJson(const Person& p) {
  Json j = Json::object();
  for (const schema::Field<Person>& f : schema::PersonFields()) {
    std::string key(f.column.name);
    std::visit(
        [&](auto member) {
          const auto& value = p.*member;
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, Date>) {
            j[key] = DateJson(value);
          } else if constexpr (std::is_same_v<V, std::string>) {
            j[key] = f.column.type == schema::Type::kNullText ? OptionalText(value) : Json(value);
          } else if constexpr (std::is_enum_v<V>) {
            j[key] = schema::NameOf(value);
          } else {
            j[key] = value;
          }
        },
        f.member);
  }
  return j;
}

Status FromJson(const Json& j, Person& p) {
  return Guard("person", j, [&] {
    for (const schema::Field<Person>& f : schema::PersonFields()) {
      std::string key(f.column.name);
      std::visit(
          [&](auto member) {
            auto& value = p.*member;
            using V = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<V, Date>) {
              value = D(j, key.c_str());
            } else if constexpr (std::is_same_v<V, std::string>) {
              value = S(j, key.c_str());
            } else if constexpr (std::is_enum_v<V>) {
              schema::FromName(S(j, key.c_str()), value);
            } else {
              auto it = j.find(key);
              value = it != j.end() && it->is_boolean() && it->template get<bool>();
            }
          },
          f.member);
    }
  });
}

Json AssignmentJson(const Assignment& a) {
  return {{"id", a.id},
          {"person", a.person},
          {"framework", a.framework},
          {"version", a.version},
          {"track", a.track},
          {"level", a.level},
          {"overlays", a.overlays},
          {"from", DateJson(a.from)},
          {"to", DateJson(a.to)},
          {"reason", a.reason}};
}
Status FromJson(const Json& j, Assignment& a) {
  return Guard("assignment", j, [&] {
    a = {S(j, "id"),    S(j, "person"),   S(j, "framework"), S(j, "version"), S(j, "track"),
         S(j, "level"), V(j, "overlays"), D(j, "from"),      D(j, "to"),      S(j, "reason")};
  });
}

Json EvidenceJson(const Evidence& e) {
  return WithRetraction(Json{{"id", e.id},
                             {"person", e.person},
                             {"kind", e.kind},
                             {"title", e.title},
                             {"date", DateJson(e.date)},
                             {"end", DateJson(e.end)},
                             {"role", e.role},
                             {"skill", e.skill},
                             {"signed_off_by", e.signed_off_by},
                             {"competencies", e.competencies},
                             {"url", e.url},
                             {"note", e.note},
                             {"confirmed", DateJson(e.confirmed)}},
                        e);
}
Status FromJson(const Json& j, Evidence& e) {
  return Guard("evidence", j, [&] {
    e = {S(j, "id"),  S(j, "person"), S(j, "kind"),     S(j, "title"),         D(j, "date"),
         D(j, "end"), S(j, "role"),   S(j, "skill"),    S(j, "signed_off_by"), V(j, "competencies"),
         S(j, "url"), S(j, "note"),   D(j, "confirmed")};
    ReadRetraction(j, e);
  });
}

Json MetricJson(const Metric& m) {
  return WithRetraction(Json{{"id", m.id},
                             {"person", m.person},
                             {"name", m.name},
                             {"period_start", DateJson(m.period_start)},
                             {"period_end", DateJson(m.period_end)},
                             {"value", m.value}},
                        m);
}
Status FromJson(const Json& j, Metric& m) {
  return Guard("metric", j, [&] {
    m = {S(j, "id"),           S(j, "person"),     S(j, "name"),
         D(j, "period_start"), D(j, "period_end"), j.at("value").get<double>()};
    ReadRetraction(j, m);
  });
}

Json AssessmentJson(const Assessment& a) {
  Json j = {{"id", a.id},
            {"person", a.person},
            {"assessor", a.assessor},
            {"role", AssessorRoleName(a.role)},
            {"period_start", DateJson(a.period_start)},
            {"period_end", DateJson(a.period_end)},
            {"competency", a.competency},
            {"rating", RatingName(a.rating)},
            {"note", a.note},
            {"framework", a.framework},
            {"version", a.version},
            {"level", a.level}};
  if (!a.supersedes.empty()) j["supersedes"] = a.supersedes;
  return WithRetraction(std::move(j), a);
}
Status FromJson(const Json& j, Assessment& a) {
  return Guard("assessment", j, [&] {
    a.id = S(j, "id");
    a.person = S(j, "person");
    a.assessor = S(j, "assessor");
    a.role = Enum(ParseAssessorRole(S(j, "role")), j, "role");
    a.period_start = D(j, "period_start");
    a.period_end = D(j, "period_end");
    a.competency = S(j, "competency");
    a.rating = Enum(ParseRating(S(j, "rating")), j, "rating");
    a.note = S(j, "note");
    a.framework = S(j, "framework");
    a.version = S(j, "version");
    a.level = S(j, "level");
    a.supersedes = S(j, "supersedes");
    ReadRetraction(j, a);
  });
}

Json SignOffJson(const SignOff& s) {
  return WithRetraction(Json{{"id", s.id},
                             {"person", s.person},
                             {"requirement", s.requirement},
                             {"by", s.by},
                             {"date", DateJson(s.date)},
                             {"note", s.note}},
                        s);
}
Status FromJson(const Json& j, SignOff& s) {
  return Guard("sign-off", j, [&] {
    s = {S(j, "id"), S(j, "person"), S(j, "requirement"), S(j, "by"), D(j, "date"), S(j, "note")};
    ReadRetraction(j, s);
  });
}

Json CaseJson(const Case& c) {
  Json j;
  j["id"] = c.id;
  j["person"] = c.person;
  j["framework"] = c.framework;
  j["version"] = c.version;
  if (c.target_overlay.empty()) {
    j["target"] = {{"track", c.target_track}, {"level", c.target_level}};
  } else {
    j["target"] = {{"overlay", c.target_overlay}};
  }
  j["opened_by"] = c.opened_by;
  j["opened"] = DateJson(c.opened);
  j["status"] = CaseStatusName(c.status);
  j["portfolio"] = c.portfolio;
  j["panel"] = c.panel;
  Json votes = Json::array();
  for (const Vote& v : c.votes)
    votes.push_back({{"reviewer", v.reviewer},
                     {"vote", VoteChoiceName(v.choice)},
                     {"note", v.note},
                     {"date", DateJson(v.date)}});
  j["votes"] = votes;
  j["consensus_rule"] = ConsensusRuleName(c.consensus);
  j["decision"] = nullptr;
  if (c.decision)
    j["decision"] = {{"outcome", OutcomeName(c.decision->outcome)},
                     {"effective", DateJson(c.decision->effective)},
                     {"decided_by", c.decision->decided_by},
                     {"note", c.decision->note}};
  Json history = Json::array();
  for (const CaseEvent& e : c.history)
    history.push_back({{"date", DateJson(e.date)}, {"actor", e.actor}, {"what", e.what}});
  j["history"] = history;
  if (!c.cycle.empty()) j["cycle"] = c.cycle;
  return j;
}
Status FromJson(const Json& j, Case& c) {
  return Guard("case", j, [&] {
    c.id = S(j, "id");
    c.person = S(j, "person");
    c.framework = S(j, "framework");
    c.version = S(j, "version");
    // The target as one object; stored cases of schema 2 kept its parts beside the others.
    const Json& target = j.contains("target") ? j.at("target") : j;
    const bool nested = j.contains("target");
    c.target_track = S(target, nested ? "track" : "target_track");
    c.target_level = S(target, nested ? "level" : "target_level");
    c.target_overlay = S(target, nested ? "overlay" : "target_overlay");
    c.opened_by = S(j, "opened_by");
    c.opened = D(j, "opened");
    c.status = Enum(ParseCaseStatus(S(j, "status")), j, "status");
    c.portfolio = V(j, "portfolio");
    c.panel = V(j, "panel");
    for (const Json& v : A(j, "votes")) {
      const char* choice = Either(v, "vote", "choice");
      c.votes.push_back({S(v, "reviewer"), Enum(ParseVoteChoice(S(v, choice)), v, choice),
                         S(v, "note"), D(v, "date")});
    }
    const char* consensus = Either(j, "consensus_rule", "consensus");
    c.consensus = Enum(ParseConsensusRule(S(j, consensus)), j, consensus);
    if (j.contains("decision") && !j.at("decision").is_null()) {
      const Json& d = j.at("decision");
      c.decision = Decision{Enum(ParseOutcome(S(d, "outcome")), d, "outcome"), D(d, "effective"),
                            S(d, "decided_by"), S(d, "note")};
    }
    for (const Json& e : A(j, "history"))
      c.history.push_back({D(e, "date"), S(e, "actor"), S(e, "what")});
    c.cycle = S(j, "cycle");
  });
}

Json WaiverJson(const Waiver& w) {
  return {{"id", w.id},
          {"person", w.person},
          {"case", w.case_id},
          {"requirement", w.requirement},
          {"approver", w.approver},
          {"reason", w.reason},
          {"granted", DateJson(w.granted)},
          {"expires", DateJson(w.expires)},
          {"revoked_by", w.revoked_by},
          {"revoked", DateJson(w.revoked)},
          {"revoke_reason", w.revoke_reason}};
}
Status FromJson(const Json& j, Waiver& w) {
  return Guard("waiver", j, [&] {
    w = {S(j, "id"),          S(j, "person"),       S(j, Either(j, "case", "case_id")),
         S(j, "requirement"), S(j, "approver"),     S(j, "reason"),
         D(j, "granted"),     D(j, "expires"),      S(j, "revoked_by"),
         D(j, "revoked"),     S(j, "revoke_reason")};
  });
}

Json NeedJson(const Need& n) {
  return {{"id", n.id},
          {"framework", n.framework},
          {"track", n.track},
          {"level", n.level},
          {"overlay", n.overlay},
          {"reason", n.reason},
          {"opened_by", n.opened_by},
          {"opened", DateJson(n.opened)},
          {"status", NeedStatusName(n.status)},
          {"filled_by_case", n.filled_by_case},
          {"closed", DateJson(n.closed)}};
}
Status FromJson(const Json& j, Need& n) {
  return Guard("need", j, [&] {
    n.id = S(j, "id");
    n.framework = S(j, "framework");
    n.track = S(j, "track");
    n.level = S(j, "level");
    n.overlay = S(j, "overlay");
    n.reason = S(j, "reason");
    n.opened_by = S(j, "opened_by");
    n.opened = D(j, "opened");
    n.status = Enum(ParseNeedStatus(S(j, "status")), j, "status");
    n.filled_by_case = S(j, "filled_by_case");
    n.closed = D(j, "closed");
  });
}

Json RaiseJson(const Raise& r) {
  return {{"id", r.id},
          {"person", r.person},
          {"date", DateJson(r.date)},
          {"note", r.note},
          {"approved_by", r.approved_by}};
}
Status FromJson(const Json& j, Raise& r) {
  return Guard("raise", j, [&] {
    r = {S(j, "id"), S(j, "person"), D(j, "date"), S(j, "note"), S(j, "approved_by")};
  });
}

Json PlanActionJson(const PlanAction& a) {
  return {{"id", a.id},
          {"person", a.person},
          {"title", a.title},
          {"competency", a.competency},
          {"target", a.target},
          {"due", DateJson(a.due)},
          {"status", ActionStatusName(a.status)},
          {"note", a.note},
          {"agreed_by", a.agreed_by},
          {"agreed", DateJson(a.agreed)},
          {"closed", DateJson(a.closed)},
          {"closed_by", a.closed_by}};
}
Status FromJson(const Json& j, PlanAction& a) {
  return Guard("plan action", j, [&] {
    a.id = S(j, "id");
    a.person = S(j, "person");
    a.title = S(j, "title");
    a.competency = S(j, "competency");
    a.target = S(j, "target");
    a.due = D(j, "due");
    a.status = Enum(ParseActionStatus(S(j, "status")), j, "status");
    a.note = S(j, "note");
    a.agreed_by = S(j, "agreed_by");
    a.agreed = D(j, "agreed");
    a.closed = D(j, "closed");
    a.closed_by = S(j, "closed_by");
  });
}

Json CheckInJson(const CheckIn& c) {
  return {{"id", c.id},           {"person", c.person},       {"date", DateJson(c.date)},
          {"held_by", c.held_by}, {"self_view", c.self_view}, {"manager_view", c.manager_view},
          {"outcome", c.outcome}, {"next", DateJson(c.next)}};
}
Status FromJson(const Json& j, CheckIn& c) {
  return Guard("check-in", j, [&] {
    c = {S(j, "id"),        S(j, "person"),       D(j, "date"),    S(j, "held_by"),
         S(j, "self_view"), S(j, "manager_view"), S(j, "outcome"), D(j, "next")};
  });
}

Json ChangeRequestJson(const ChangeRequest& r) {
  Json entries = Json::array();
  for (const ReviewEntry& e : r.entries)
    entries.push_back(
        {{"by", e.by}, {"at", e.at}, {"verdict", VerdictName(e.verdict)}, {"text", e.text}});
  return {{"id", r.id},
          {"framework", r.framework},
          {"version", r.version},
          {"base", OptionalText(r.base)},
          {"content", r.content},
          {"title", r.title},
          {"reason", r.reason},
          {"author", r.author},
          {"opened", r.opened},
          {"status", ChangeStatusName(r.status)},
          {"entries", entries},
          {"closed_by", OptionalText(r.closed_by)},
          {"closed_at", OptionalText(r.closed_at)}};
}
Status FromJson(const Json& j, ChangeRequest& r) {
  return Guard("change request", j, [&] {
    r.id = S(j, "id");
    r.framework = S(j, "framework");
    r.version = S(j, "version");
    r.base = S(j, "base");
    r.content = S(j, "content");
    r.title = S(j, "title");
    r.reason = S(j, "reason");
    r.author = S(j, "author");
    r.opened = S(j, "opened");
    r.status = Enum(ParseChangeStatus(S(j, "status")), j, "status");
    for (const Json& e : A(j, "entries"))
      r.entries.push_back({S(e, "by"), S(e, "at"),
                           Enum(ParseVerdict(S(e, "verdict")), e, "verdict"), S(e, "text")});
    r.closed_by = S(j, "closed_by");
    r.closed_at = S(j, "closed_at");
  });
}

Json UserJson(const User& u) {
  Json roles = Json::array();
  for (UserRole r : u.roles) roles.push_back(UserRoleName(r));
  return {{"id", u.id},
          {"name", u.name},
          {"person", OptionalText(u.person)},
          {"roles", roles},
          {"disabled", u.disabled}};
}
Status FromJson(const Json& j, User& u) {
  return Guard("user", j, [&] {
    u.id = S(j, "id");
    u.name = S(j, "name");
    u.person = S(j, "person");
    u.roles.clear();
    for (const Json& role : A(j, "roles")) {
      std::optional<UserRole> parsed = ParseUserRole(role.get<std::string>());
      if (!parsed) throw std::runtime_error("unknown role: " + role.get<std::string>());
      u.roles.push_back(*parsed);
    }
    auto disabled = j.find("disabled");
    u.disabled = disabled != j.end() && disabled->get<bool>();
  });
}

Json CycleJson(const Cycle& c) {
  Json phases = Json::array();
  for (const PhaseDeadline& d : c.phases)
    phases.push_back({{"phase", CyclePhaseName(d.phase)}, {"deadline", DateJson(d.deadline)}});
  Json notes = Json::array();
  for (const CycleNote& n : c.notes)
    notes.push_back({{"date", DateJson(n.date)},
                     {"by", n.by},
                     {"person", OptionalText(n.person)},
                     {"text", n.text}});
  Json history = Json::array();
  for (const CycleEvent& e : c.history)
    history.push_back({{"date", DateJson(e.date)}, {"actor", e.actor}, {"what", e.what}});
  return {{"id", c.id},
          {"name", c.name},
          {"frameworks", c.frameworks},
          {"manager", OptionalText(c.manager)},
          {"evaluation", DateJson(c.evaluation)},
          {"close_days", c.close_days},
          {"phases", phases},
          {"phase", CyclePhaseName(c.phase)},
          {"status", CycleStatusName(c.status)},
          {"opened_by", c.opened_by},
          {"opened", DateJson(c.opened)},
          {"closed_by", OptionalText(c.closed_by)},
          {"closed", DateJson(c.closed)},
          {"notes", notes},
          {"history", history}};
}
Status FromJson(const Json& j, Cycle& c) {
  return Guard("cycle", j, [&] {
    c.id = S(j, "id");
    c.name = S(j, "name");
    c.frameworks = V(j, "frameworks");
    c.manager = S(j, "manager");
    c.evaluation = D(j, "evaluation");
    c.close_days = json_fields::I(j, "close_days");
    for (const Json& d : A(j, "phases"))
      c.phases.push_back({Enum(ParseCyclePhase(S(d, "phase")), d, "phase"), D(d, "deadline")});
    c.phase = Enum(ParseCyclePhase(S(j, "phase")), j, "phase");
    c.status = Enum(ParseCycleStatus(S(j, "status")), j, "status");
    c.opened_by = S(j, "opened_by");
    c.opened = D(j, "opened");
    c.closed_by = S(j, "closed_by");
    c.closed = D(j, "closed");
    for (const Json& n : A(j, "notes"))
      c.notes.push_back({D(n, "date"), S(n, "by"), S(n, "person"), S(n, "text")});
    for (const Json& e : A(j, "history"))
      c.history.push_back({D(e, "date"), S(e, "actor"), S(e, "what")});
  });
}

Json CandidateJson(const Candidate& c) {
  return {{"cycle", c.cycle},
          {"person", c.person},
          {"name", c.name},
          {"manager", OptionalText(c.manager)},
          {"framework", c.framework},
          {"version", c.version},
          {"track", c.track},
          {"level", c.level},
          {"target", c.target_level.empty() ? Json(nullptr)
                                            : Json({{"track", c.target_track},
                                                    {"level", c.target_level},
                                                    {"label", c.target_label},
                                                    {"rank", c.target_rank}})},
          {"readiness", ReadinessName(c.readiness)},
          {"earliest", DateJson(c.earliest)},
          {"reasons", c.reasons},
          {"nomination", c.nominated_by.empty() ? Json(nullptr)
                                                : Json({{"by", c.nominated_by},
                                                        {"date", DateJson(c.nominated)},
                                                        {"note", c.nomination_note}})},
          {"case", OptionalText(c.case_id)},
          {"outcome", OptionalText(c.outcome)},
          {"effective", DateJson(c.effective)}};
}
Status FromJson(const Json& j, Candidate& c) {
  return Guard("cycle candidate", j, [&] {
    c.cycle = S(j, "cycle");
    c.person = S(j, "person");
    c.name = S(j, "name");
    c.manager = S(j, "manager");
    c.framework = S(j, "framework");
    c.version = S(j, "version");
    c.track = S(j, "track");
    c.level = S(j, "level");
    auto target = j.find("target");
    if (target != j.end() && !target->is_null()) {
      c.target_track = S(*target, "track");
      c.target_level = S(*target, "level");
      c.target_label = S(*target, "label");
      c.target_rank = json_fields::I(*target, "rank");
    }
    c.readiness = Enum(ParseReadiness(S(j, "readiness")), j, "readiness");
    c.earliest = D(j, "earliest");
    c.reasons = V(j, "reasons");
    auto nomination = j.find("nomination");
    if (nomination != j.end() && !nomination->is_null()) {
      c.nominated_by = S(*nomination, "by");
      c.nominated = D(*nomination, "date");
      c.nomination_note = S(*nomination, "note");
    }
    c.case_id = S(j, "case");
    c.outcome = S(j, "outcome");
    c.effective = D(j, "effective");
  });
}

}  // namespace ladder::storage
