#include "render/records_json.h"

#include <algorithm>

namespace ladder::render {

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
    q["reading"] = r.reading;
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
                         {"case", w.case_id},
                         {"revoked", DateJson(w.revoked)},
                         {"revoked_by", w.revoked_by}});
    q["waivers"] = waivers;
    q["unwaivable"] = r.unwaivable.empty() ? Json(nullptr) : Json(r.unwaivable);
    reqs.push_back(q);
  }
  j["requirements"] = reqs;
  return j;
}

Json PolicyJson(const model::Framework& f) {
  return {{"framework", f.id},
          {"version", f.version},
          {"status", model::FrameworkStatusName(f.status)},
          {"consensus", model::ConsensusRuleName(f.consensus)},
          {"waivers",
           {{"by", f.waivers.by},
            {"never", f.waivers.never},
            {"after_panel_no", f.waivers.after_panel_no}}},
          {"publishing", {{"requires_approval", f.publishing.requires_approval}}}};
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

Json CycleRowJson(const model::Candidate& candidate, const model::Case* review,
                  const std::string& stage, int evidence) {
  Json j = CandidateJson(candidate);
  j["stage"] = stage;
  j["evidence"] = evidence;
  j["review"] = review ? CaseJson(*review) : Json(nullptr);
  return j;
}

}  // namespace ladder::render
