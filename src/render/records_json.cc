#include "render/records_json.h"

#include <algorithm>

namespace ladder::render {

Json DateJson(Date d) { return d.empty() ? Json(nullptr) : Json(d.ToString()); }

Json PersonJson(const model::Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"email", p.email},
          {"manager", p.manager.empty() ? Json(nullptr) : Json(p.manager)},
          {"hired", DateJson(p.hired)}};
}

Json AssignmentJson(const model::Assignment& a) {
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

Json EvidenceJson(const model::Evidence& e) {
  return {{"id", e.id},
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
          {"note", e.note}};
}

Json AssessmentJson(const model::Assessment& a) {
  return {{"id", a.id},
          {"person", a.person},
          {"assessor", a.assessor},
          {"role", model::AssessorRoleName(a.role)},
          {"period_start", DateJson(a.period_start)},
          {"period_end", DateJson(a.period_end)},
          {"competency", a.competency},
          {"rating", model::RatingName(a.rating)},
          {"note", a.note},
          {"framework", a.framework},
          {"version", a.version},
          {"level", a.level}};
}

Json CaseJson(const model::Case& c) {
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
  j["status"] = model::CaseStatusName(c.status);
  j["portfolio"] = c.portfolio;
  j["panel"] = c.panel;
  Json votes = Json::array();
  for (const model::Vote& v : c.votes)
    votes.push_back({{"reviewer", v.reviewer},
                     {"vote", model::VoteChoiceName(v.choice)},
                     {"note", v.note},
                     {"date", DateJson(v.date)}});
  j["votes"] = votes;
  j["consensus_rule"] = model::ConsensusRuleName(c.consensus);
  if (c.decision) {
    j["decision"] = {{"outcome", model::OutcomeName(c.decision->outcome)},
                     {"effective", DateJson(c.decision->effective)},
                     {"decided_by", c.decision->decided_by},
                     {"note", c.decision->note}};
  } else {
    j["decision"] = nullptr;
  }
  Json history = Json::array();
  for (const model::CaseEvent& e : c.history)
    history.push_back({{"date", DateJson(e.date)}, {"actor", e.actor}, {"what", e.what}});
  j["history"] = history;
  return j;
}

Json NeedJson(const model::Need& n) {
  return {{"id", n.id},
          {"framework", n.framework},
          {"track", n.track},
          {"level", n.level},
          {"overlay", n.overlay},
          {"reason", n.reason},
          {"opened_by", n.opened_by},
          {"opened", DateJson(n.opened)},
          {"status", model::NeedStatusName(n.status)},
          {"filled_by_case", n.filled_by_case},
          {"closed", DateJson(n.closed)}};
}

Json WaiverJson(const model::Waiver& w) {
  return {{"id", w.id},
          {"person", w.person},
          {"case", w.case_id},
          {"requirement", w.requirement},
          {"approver", w.approver},
          {"reason", w.reason},
          {"granted", DateJson(w.granted)},
          {"expires", DateJson(w.expires)}};
}

Json UserJson(const model::User& u) {
  Json roles = Json::array();
  for (model::UserRole r : u.roles) roles.push_back(model::UserRoleName(r));
  return {{"id", u.id},
          {"name", u.name},
          {"person", u.person.empty() ? Json(nullptr) : Json(u.person)},
          {"roles", roles},
          {"disabled", u.disabled}};
}

Json TokenJson(const storage::ApiToken& t) {
  return {{"id", t.id},
          {"user", t.user},
          {"name", t.name},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at.empty() ? Json(nullptr) : Json(t.expires_at)},
          {"scope", model::TokenScopeName(t.scope)},
          {"revoked", t.revoked}};
}

Json AuditJson(const model::AuditEntry& e) {
  auto doc = [](const std::string& s) -> Json {
    if (s.empty()) return nullptr;
    Json parsed = Json::parse(s, nullptr, false);
    return parsed.is_discarded() ? Json(s) : parsed;
  };
  return {{"id", e.id},           {"at", e.at},           {"actor", e.actor},
          {"action", e.action},   {"subject", e.subject}, {"before", doc(e.before)},
          {"after", doc(e.after)}};
}

Json VerdictJson(const rules::Verdict& v) {
  Json j;
  j["person"] = v.person;
  j["framework"] = v.framework;
  j["version"] = v.version;
  Json target;
  if (v.target.kind == rules::Target::Kind::kOverlay) {
    target = {{"overlay", v.target.overlay}};
  } else {
    target = {{"track", v.target.track}, {"level", v.target.level}};
  }
  target["title"] = v.target_title;
  j["target"] = target;
  j["current"] = v.current;
  j["at"] = DateJson(v.at);
  j["verdict"] = rules::OverallName(v.overall);
  j["earliest"] = DateJson(v.earliest);
  j["summary"] = v.summary;
  Json reqs = Json::array();
  for (size_t i = 0; i < v.requirements.size(); ++i) {
    const rules::RequirementResult& r = v.requirements[i];
    Json q;
    q["text"] = r.text;
    q["kind"] = r.kind;
    q["source"] = r.source;
    q["status"] = rules::RequirementStatusName(r.status);
    if (r.unwaived) q["status_without_waiver"] = rules::RequirementStatusName(*r.unwaived);
    q["reason"] = r.reason;
    q["missing"] = r.missing.empty() ? Json(nullptr) : Json(r.missing);
    q["records"] = r.records;
    q["earliest"] = DateJson(r.earliest);
    q["blocking"] = std::find(v.blocking.begin(), v.blocking.end(), i) != v.blocking.end();
    Json waivers = Json::array();
    for (const model::Waiver& w : r.waivers)
      waivers.push_back({{"id", w.id},
                         {"approver", w.approver},
                         {"reason", w.reason},
                         {"granted", DateJson(w.granted)},
                         {"expires", DateJson(w.expires)},
                         {"case", w.case_id}});
    q["waivers"] = waivers;
    reqs.push_back(q);
  }
  j["requirements"] = reqs;
  return j;
}

Json VersionJson(const storage::VersionInfo& v) {
  return {{"framework", v.framework},
          {"version", v.version},
          {"status", model::FrameworkStatusName(v.status)},
          {"effective", v.effective.empty() ? Json(nullptr) : Json(v.effective)},
          {"saved_at", v.saved_at},
          {"published_at", v.published_at.empty() ? Json(nullptr) : Json(v.published_at)}};
}

Json FrameworkInfoJson(const storage::FrameworkInfo& f) {
  Json versions = Json::array();
  for (const storage::VersionInfo& v : f.versions) versions.push_back(VersionJson(v));
  return {
      {"id", f.id},
      {"name", f.name},
      {"family", f.family},
      {"latest_published", f.latest_published.empty() ? Json(nullptr) : Json(f.latest_published)},
      {"versions", versions}};
}

Json SearchHitJson(const storage::SearchHit& h) {
  return {{"kind", storage::HitKindName(h.kind)},
          {"framework", h.framework},
          {"framework_name", h.framework_name},
          {"version", h.version},
          {"track", h.track},
          {"level", h.level},
          {"level_title", h.level_title},
          {"competency", h.competency},
          {"title", h.title},
          {"snippet", storage::MarkSnippet(h.snippet, "[", "]")}};
}

}  // namespace ladder::render
