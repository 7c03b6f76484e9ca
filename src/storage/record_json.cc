#include "storage/record_json.h"

#include <exception>

#include "formats/canonical.h"
#include "storage/framework_document.h"

namespace ladder::storage::internal {
namespace {

using namespace model;

std::string S(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}
std::vector<std::string> V(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
}
Date D(const Json& j, const char* key) {
  std::string s = S(j, key);
  if (s.empty()) return Date();
  auto d = Date::Parse(s);
  if (!d) throw std::runtime_error("bad date in " + std::string(key) + ": " + s);
  return *d;
}
const Json& A(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it == j.end() ? kEmpty : *it;
}
template <typename E>
E Enum(std::optional<E> parsed, const Json& j, const char* key) {
  if (!parsed) throw std::runtime_error("unknown " + std::string(key) + ": " + S(j, key));
  return *parsed;
}

template <typename T, typename F>
Status Guard(std::string_view what, F&& f) {
  try {
    f();
    return Ok();
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::string(what) + " is damaged: " + e.what());
  }
}

}  // namespace

Json ToJson(const Framework& f) { return Json::parse(formats::WriteJson(f, -1)); }

template <>
Result<Framework> Decode<Framework>(std::string_view text, std::string_view what) {
  return ReadFrameworkDocument(text, what);
}

Json ToJson(const RoleProfile& r) {
  return {{"id", r.id},         {"family", r.family},   {"seniority", r.seniority},
          {"title", r.title},   {"summary", r.summary}, {"responsibilities", r.responsibilities},
          {"skills", r.skills}, {"kpis", r.kpis},       {"path", r.path}};
}

Status FromJson(const Json& j, RoleProfile& r) {
  return Guard<RoleProfile>("role", [&] {
    r.id = S(j, "id");
    r.family = S(j, "family");
    r.seniority = S(j, "seniority");
    r.title = S(j, "title");
    r.summary = S(j, "summary");
    r.responsibilities = V(j, "responsibilities");
    r.skills = V(j, "skills");
    r.kpis = V(j, "kpis");
    r.path = S(j, "path");
  });
}

Json ToJson(const Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"email", p.email},
          {"manager", p.manager},
          {"hired", p.hired.ToString()}};
}

Json ToJson(const Assignment& a) {
  return {{"id", a.id},
          {"person", a.person},
          {"framework", a.framework},
          {"version", a.version},
          {"track", a.track},
          {"level", a.level},
          {"overlays", a.overlays},
          {"from", a.from.ToString()},
          {"to", a.to.ToString()},
          {"reason", a.reason}};
}

Json ToJson(const Evidence& e) {
  return {{"id", e.id},
          {"person", e.person},
          {"kind", e.kind},
          {"title", e.title},
          {"date", e.date.ToString()},
          {"end", e.end.ToString()},
          {"role", e.role},
          {"skill", e.skill},
          {"signed_off_by", e.signed_off_by},
          {"competencies", e.competencies},
          {"url", e.url},
          {"note", e.note}};
}
Status FromJson(const Json& j, Evidence& e) {
  return Guard<Evidence>("evidence", [&] {
    e = {S(j, "id"),  S(j, "person"), S(j, "kind"),  S(j, "title"),         D(j, "date"),
         D(j, "end"), S(j, "role"),   S(j, "skill"), S(j, "signed_off_by"), V(j, "competencies"),
         S(j, "url"), S(j, "note")};
  });
}

Json ToJson(const Metric& m) {
  return {{"id", m.id},
          {"person", m.person},
          {"name", m.name},
          {"period_start", m.period_start.ToString()},
          {"period_end", m.period_end.ToString()},
          {"value", m.value}};
}
Status FromJson(const Json& j, Metric& m) {
  return Guard<Metric>("metric", [&] {
    m = {S(j, "id"),           S(j, "person"),     S(j, "name"),
         D(j, "period_start"), D(j, "period_end"), j.at("value").get<double>()};
  });
}

Json ToJson(const Assessment& a) {
  return {{"id", a.id},
          {"person", a.person},
          {"assessor", a.assessor},
          {"role", AssessorRoleName(a.role)},
          {"period_start", a.period_start.ToString()},
          {"period_end", a.period_end.ToString()},
          {"competency", a.competency},
          {"rating", RatingName(a.rating)},
          {"note", a.note},
          {"framework", a.framework},
          {"version", a.version},
          {"level", a.level}};
}
Status FromJson(const Json& j, Assessment& a) {
  return Guard<Assessment>("assessment", [&] {
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
  });
}

Json ToJson(const SignOff& s) {
  return {{"id", s.id}, {"person", s.person},        {"requirement", s.requirement},
          {"by", s.by}, {"date", s.date.ToString()}, {"note", s.note}};
}
Status FromJson(const Json& j, SignOff& s) {
  return Guard<SignOff>("sign-off", [&] {
    s = {S(j, "id"), S(j, "person"), S(j, "requirement"), S(j, "by"), D(j, "date"), S(j, "note")};
  });
}

Json ToJson(const Case& c) {
  Json votes = Json::array();
  for (const Vote& v : c.votes)
    votes.push_back({{"reviewer", v.reviewer},
                     {"choice", VoteChoiceName(v.choice)},
                     {"note", v.note},
                     {"date", v.date.ToString()}});
  Json history = Json::array();
  for (const CaseEvent& e : c.history)
    history.push_back({{"date", e.date.ToString()}, {"actor", e.actor}, {"what", e.what}});
  Json decision = nullptr;
  if (c.decision)
    decision = {{"outcome", OutcomeName(c.decision->outcome)},
                {"effective", c.decision->effective.ToString()},
                {"decided_by", c.decision->decided_by},
                {"note", c.decision->note}};
  return {{"id", c.id},
          {"person", c.person},
          {"framework", c.framework},
          {"version", c.version},
          {"target_track", c.target_track},
          {"target_level", c.target_level},
          {"target_overlay", c.target_overlay},
          {"opened_by", c.opened_by},
          {"opened", c.opened.ToString()},
          {"status", CaseStatusName(c.status)},
          {"portfolio", c.portfolio},
          {"panel", c.panel},
          {"votes", votes},
          {"consensus", ConsensusRuleName(c.consensus)},
          {"decision", decision},
          {"history", history}};
}
Status FromJson(const Json& j, Case& c) {
  return Guard<Case>("case", [&] {
    c.id = S(j, "id");
    c.person = S(j, "person");
    c.framework = S(j, "framework");
    c.version = S(j, "version");
    c.target_track = S(j, "target_track");
    c.target_level = S(j, "target_level");
    c.target_overlay = S(j, "target_overlay");
    c.opened_by = S(j, "opened_by");
    c.opened = D(j, "opened");
    c.status = Enum(ParseCaseStatus(S(j, "status")), j, "status");
    c.portfolio = V(j, "portfolio");
    c.panel = V(j, "panel");
    for (const Json& v : A(j, "votes"))
      c.votes.push_back({S(v, "reviewer"), Enum(ParseVoteChoice(S(v, "choice")), v, "choice"),
                         S(v, "note"), D(v, "date")});
    c.consensus = Enum(ParseConsensusRule(S(j, "consensus")), j, "consensus");
    if (j.contains("decision") && !j.at("decision").is_null()) {
      const Json& d = j.at("decision");
      c.decision = Decision{Enum(ParseOutcome(S(d, "outcome")), d, "outcome"), D(d, "effective"),
                            S(d, "decided_by"), S(d, "note")};
    }
    for (const Json& e : A(j, "history"))
      c.history.push_back({D(e, "date"), S(e, "actor"), S(e, "what")});
  });
}

Json ToJson(const Waiver& w) {
  return {{"id", w.id},
          {"person", w.person},
          {"case_id", w.case_id},
          {"requirement", w.requirement},
          {"approver", w.approver},
          {"reason", w.reason},
          {"granted", w.granted.ToString()},
          {"expires", w.expires.ToString()}};
}
Status FromJson(const Json& j, Waiver& w) {
  return Guard<Waiver>("waiver", [&] {
    w = {S(j, "id"),       S(j, "person"), S(j, "case_id"), S(j, "requirement"),
         S(j, "approver"), S(j, "reason"), D(j, "granted"), D(j, "expires")};
  });
}

Json ToJson(const Need& n) {
  return {{"id", n.id},
          {"framework", n.framework},
          {"track", n.track},
          {"level", n.level},
          {"overlay", n.overlay},
          {"reason", n.reason},
          {"opened_by", n.opened_by},
          {"opened", n.opened.ToString()},
          {"status", NeedStatusName(n.status)},
          {"filled_by_case", n.filled_by_case},
          {"closed", n.closed.ToString()}};
}
Status FromJson(const Json& j, Need& n) {
  return Guard<Need>("need", [&] {
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

Json ToJson(const Raise& r) {
  return {{"id", r.id},
          {"person", r.person},
          {"date", r.date.ToString()},
          {"note", r.note},
          {"approved_by", r.approved_by}};
}
Status FromJson(const Json& j, Raise& r) {
  return Guard<Raise>("raise", [&] {
    r = {S(j, "id"), S(j, "person"), D(j, "date"), S(j, "note"), S(j, "approved_by")};
  });
}

Json ToJson(const User& u) {
  Json roles = Json::array();
  for (UserRole r : u.roles) roles.push_back(UserRoleName(r));
  return {{"id", u.id},
          {"person", u.person},
          {"name", u.name},
          {"roles", roles},
          {"disabled", u.disabled}};
}

Result<Json> ParseJson(std::string_view text, std::string_view what) {
  try {
    return Json::parse(text);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::string(what) + " is not valid JSON: " + e.what());
  }
}

}  // namespace ladder::storage::internal
