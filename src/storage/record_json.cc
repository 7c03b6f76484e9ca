#include "storage/record_json.h"

#include <exception>
#include <type_traits>
#include <variant>

#include "storage/json_fields.h"

namespace ladder::storage::internal {
namespace {

using namespace model;

using json_fields::A;
using json_fields::B;
using json_fields::Enum;
using json_fields::Guard;
using json_fields::I;
using json_fields::S;
using json_fields::V;

Json RuleJson(const Rule& rule) {
  Json j = {{"kind", RuleKindName(rule)}};
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, TimeAtLevel>) {
          j["level"] = r.level;
          j["months"] = r.months;
        } else if constexpr (std::is_same_v<T, ConsistentPerformance>) {
          j["level"] = r.level;
          j["months"] = r.months;
        } else if constexpr (std::is_same_v<T, PerformingAtNext>) {
          j["months"] = r.months;
          j["all_competencies"] = r.all_competencies;
        } else if constexpr (std::is_same_v<T, EvidenceCount>) {
          j["evidence_kind"] = r.kind;
          j["count"] = r.count;
          j["within_months"] = r.within_months;
        } else if constexpr (std::is_same_v<T, TimeInRole>) {
          j["role"] = r.role;
          j["months"] = r.months;
        } else if constexpr (std::is_same_v<T, SmeSkillsets>) {
          j["count"] = r.count;
          j["skill"] = r.skill;
        } else if constexpr (std::is_same_v<T, MetricThreshold>) {
          j["name"] = r.name;
          j["at_least"] = r.at_least;
        } else if constexpr (std::is_same_v<T, Approval>) {
          j["by"] = r.by;
        }
      },
      rule);
  return j;
}

Rule RuleFrom(const Json& j) {
  std::string kind = S(j, "kind");
  if (kind == "manual") return ManualRule{};
  if (kind == "time_at_level") return TimeAtLevel{S(j, "level"), I(j, "months")};
  if (kind == "consistent_performance") return ConsistentPerformance{S(j, "level"), I(j, "months")};
  if (kind == "performing_at_next")
    return PerformingAtNext{I(j, "months"), B(j, "all_competencies")};
  if (kind == "evidence_count")
    return EvidenceCount{S(j, "evidence_kind"), I(j, "count"), I(j, "within_months")};
  if (kind == "time_in_role") return TimeInRole{S(j, "role"), I(j, "months")};
  if (kind == "sme_skillsets") return SmeSkillsets{I(j, "count"), S(j, "skill")};
  if (kind == "metric") return MetricThreshold{S(j, "name"), j.at("at_least").get<double>()};
  if (kind == "peer_review") return PeerReviewPassed{};
  if (kind == "documented_need") return DocumentedNeed{};
  if (kind == "approval") return Approval{S(j, "by")};
  // Every kind the model knows is handled above; an unknown one is a damaged document.
  for (const Rule& r : {Rule(ManualRule{}), Rule(TimeAtLevel{}), Rule(ConsistentPerformance{}),
                        Rule(PerformingAtNext{}), Rule(EvidenceCount{}), Rule(TimeInRole{}),
                        Rule(SmeSkillsets{}), Rule(MetricThreshold{}), Rule(PeerReviewPassed{}),
                        Rule(DocumentedNeed{}), Rule(Approval{})})
    if (kind == RuleKindName(r))
      throw std::runtime_error("rule kind " + kind + " has no stored form");
  throw std::runtime_error("unknown rule kind: " + kind);
}

Json RequirementsJson(const std::vector<Requirement>& rs) {
  Json a = Json::array();
  for (const Requirement& r : rs) a.push_back({{"text", r.text}, {"rule", RuleJson(r.rule)}});
  return a;
}
std::vector<Requirement> RequirementsFrom(const Json& a) {
  std::vector<Requirement> out;
  for (const Json& r : a) out.push_back({S(r, "text"), RuleFrom(r.at("rule")), {}});
  return out;
}

Json AttributesJson(const Attributes& attrs) {
  Json a = Json::array();
  for (const auto& [k, v] : attrs) a.push_back(Json::array({k, v}));
  return a;
}

}  // namespace

Json ToJson(const RoleProfile& r) {
  return {{"id", r.id},         {"family", r.family},   {"seniority", r.seniority},
          {"title", r.title},   {"summary", r.summary}, {"responsibilities", r.responsibilities},
          {"skills", r.skills}, {"kpis", r.kpis},       {"path", r.path}};
}

Status FromJson(const Json& j, RoleProfile& r) {
  return Guard("role", [&] {
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

Json ToJson(const Framework& f) {
  Json j;
  j["ladder"] = 1;
  j["framework"] = {{"id", f.id},
                    {"name", f.name},
                    {"family", f.family},
                    {"version", f.version},
                    {"status", FrameworkStatusName(f.status)},
                    {"effective", f.effective},
                    {"cumulative", f.cumulative},
                    {"consensus", ConsensusRuleName(f.consensus)},
                    {"description", f.description},
                    {"source", {{"file", f.source.file}, {"format", f.source.format}}},
                    {"jd_template", f.jd_template},
                    {"allow_links", f.allow_links}};
  Json groups = Json::array();
  for (const auto& g : f.groups)
    groups.push_back({{"id", g.id},
                      {"name", g.name},
                      {"description", g.description},
                      {"competencies", g.competencies}});
  j["groups"] = groups;
  Json comps = Json::array();
  for (const auto& c : f.competencies)
    comps.push_back({{"id", c.id}, {"name", c.name}, {"description", c.description}});
  j["competencies"] = comps;
  Json tracks = Json::array();
  for (const auto& t : f.tracks) {
    Json levels = Json::array();
    for (const auto& l : t.levels) {
      Json exps = Json::array();
      for (const auto& e : l.expectations)
        exps.push_back({{"competency", e.competency},
                        {"summary", e.summary},
                        {"behaviours", e.behaviours},
                        {"undefined", e.undefined},
                        {"note", e.note}});
      levels.push_back({{"code", l.code},
                        {"rank", l.rank},
                        {"title", l.title},
                        {"summary", l.summary},
                        {"state", LevelStateName(l.state)},
                        {"note", l.note},
                        {"inherits", l.inherits},
                        {"attributes", AttributesJson(l.attributes)},
                        {"expectations", exps},
                        {"requirements", RequirementsJson(l.requirements)}});
    }
    tracks.push_back({{"id", t.id},
                      {"name", t.name},
                      {"kind", TrackKindName(t.kind)},
                      {"description", t.description},
                      {"levels", levels}});
  }
  j["tracks"] = tracks;
  Json overlays = Json::array();
  for (const auto& o : f.overlays)
    overlays.push_back({{"id", o.id},
                        {"name", o.name},
                        {"description", o.description},
                        {"duties", o.duties},
                        {"levels", o.levels},
                        {"needs_documented_need", o.needs_documented_need},
                        {"requirements", RequirementsJson(o.requirements)}});
  j["overlays"] = overlays;
  Json transitions = Json::array();
  for (const auto& t : f.transitions)
    transitions.push_back({{"from", t.from},
                           {"to", t.to},
                           {"description", t.description},
                           {"requirements", RequirementsJson(t.requirements)}});
  j["transitions"] = transitions;
  j["policy"] = RequirementsJson(f.policy);
  Json notes = Json::array();
  for (const auto& n : f.notes) notes.push_back({{"title", n.title}, {"markdown", n.markdown}});
  j["notes"] = notes;
  Json roles = Json::array();
  for (const auto& r : f.roles) roles.push_back(ToJson(r));
  j["roles"] = roles;
  return j;
}

Status FromJson(const Json& j, Framework& f) {
  return Guard("framework", [&] {
    const Json& h = j.at("framework");
    f.id = S(h, "id");
    f.name = S(h, "name");
    f.family = S(h, "family");
    f.version = S(h, "version");
    f.status = Enum(ParseFrameworkStatus(S(h, "status")), h, "status");
    f.effective = S(h, "effective");
    f.cumulative = B(h, "cumulative");
    f.consensus = Enum(ParseConsensusRule(S(h, "consensus")), h, "consensus");
    f.description = S(h, "description");
    f.source.file = S(h.at("source"), "file");
    f.source.format = S(h.at("source"), "format");
    // Versions stored before these keys existed have neither.
    if (h.contains("jd_template")) f.jd_template = S(h, "jd_template");
    if (h.contains("allow_links")) f.allow_links = V(h, "allow_links");
    for (const Json& g : A(j, "groups"))
      f.groups.push_back({S(g, "id"), S(g, "name"), S(g, "description"), V(g, "competencies"), {}});
    for (const Json& c : A(j, "competencies"))
      f.competencies.push_back({S(c, "id"), S(c, "name"), S(c, "description"), {}});
    for (const Json& tj : A(j, "tracks")) {
      Track t;
      t.id = S(tj, "id");
      t.name = S(tj, "name");
      t.kind = Enum(ParseTrackKind(S(tj, "kind")), tj, "kind");
      t.description = S(tj, "description");
      for (const Json& lj : A(tj, "levels")) {
        Level l;
        l.code = S(lj, "code");
        l.rank = I(lj, "rank");
        l.title = S(lj, "title");
        l.summary = S(lj, "summary");
        l.state = Enum(ParseLevelState(S(lj, "state")), lj, "state");
        l.note = S(lj, "note");
        l.inherits = S(lj, "inherits");
        for (const Json& kv : A(lj, "attributes"))
          l.attributes.emplace_back(kv.at(0).get<std::string>(), kv.at(1).get<std::string>());
        for (const Json& e : A(lj, "expectations"))
          l.expectations.push_back({S(e, "competency"),
                                    S(e, "summary"),
                                    V(e, "behaviours"),
                                    B(e, "undefined"),
                                    S(e, "note"),
                                    {}});
        l.requirements = RequirementsFrom(A(lj, "requirements"));
        t.levels.push_back(std::move(l));
      }
      f.tracks.push_back(std::move(t));
    }
    for (const Json& o : A(j, "overlays"))
      f.overlays.push_back({S(o, "id"),
                            S(o, "name"),
                            S(o, "description"),
                            V(o, "duties"),
                            V(o, "levels"),
                            B(o, "needs_documented_need"),
                            RequirementsFrom(A(o, "requirements")),
                            {}});
    for (const Json& t : A(j, "transitions"))
      f.transitions.push_back({S(t, "from"),
                               S(t, "to"),
                               S(t, "description"),
                               RequirementsFrom(A(t, "requirements")),
                               {}});
    f.policy = RequirementsFrom(A(j, "policy"));
    for (const Json& n : A(j, "notes")) f.notes.push_back({S(n, "title"), S(n, "markdown"), {}});
    for (const Json& r : A(j, "roles")) {
      RoleProfile role;
      auto st = FromJson(r, role);
      if (!st) throw std::runtime_error(st.error().message);
      f.roles.push_back(std::move(role));
    }
  });
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
