#include "analysis/report_json.h"

namespace ladder::analysis {
namespace {

using nlohmann::json;

json Text(const std::optional<TextChange>& change) {
  if (!change) return nullptr;
  return {{"before", change->before}, {"after", change->after}, {"words", ToJson(change->words)}};
}

json Ref(const LevelRef& ref) {
  return {{"track", ref.track}, {"code", ref.code}, {"title", ref.title}, {"rank", ref.rank}};
}

json Requirements(const std::vector<RequirementChange>& changes) {
  json out = json::array();
  for (const RequirementChange& r : changes)
    out.push_back({{"kind", RequirementChangeKindName(r.kind)},
                   {"before_text", r.before_text},
                   {"after_text", r.after_text},
                   {"before_rule", r.before_rule},
                   {"after_rule", r.after_rule},
                   {"words", ToJson(r.words)}});
  return out;
}

}  // namespace

json ToJson(const Finding& f) {
  json out = {{"code", f.code}, {"severity", SeverityName(f.severity)}, {"file", f.location.file}};
  out["line"] = f.location.line > 0 ? json(f.location.line) : json(nullptr);
  out["column"] = f.location.column > 0 ? json(f.location.column) : json(nullptr);
  out["message"] = f.message;
  return out;
}

json ToJson(const std::vector<WordSpan>& words) {
  json out = json::array();
  for (const WordSpan& w : words) out.push_back({{"kind", SpanKindName(w.kind)}, {"text", w.text}});
  return out;
}

json ToJson(const LevelDiff& d) {
  json out = {{"from", Ref(d.from)},        {"to", Ref(d.to)},
              {"changed", d.Changed()},     {"title", Text(d.title)},
              {"summary", Text(d.summary)}, {"state", Text(d.state)},
              {"note", Text(d.note)}};
  out["rank"] = d.rank ? json{{"before", d.rank->first}, {"after", d.rank->second}} : json(nullptr);
  out["attributes"] = json::array();
  for (const AttributeChange& a : d.attributes)
    out["attributes"].push_back({{"key", a.key}, {"before", a.before}, {"after", a.after}});
  out["competencies"] = json::array();
  for (const CompetencyDiff& c : d.competencies) {
    json changed = json::array();
    for (const BehaviourChange& b : c.changed)
      changed.push_back({{"before", b.before},
                         {"after", b.after},
                         {"similarity", b.similarity},
                         {"words", ToJson(b.words)}});
    out["competencies"].push_back({{"competency", c.competency},
                                   {"name", c.name},
                                   {"changed", c.Changed()},
                                   {"added", c.added},
                                   {"removed", c.removed},
                                   {"reworded", changed},
                                   {"unchanged", c.unchanged},
                                   {"summary", Text(c.summary)},
                                   {"undefined_before", c.undefined_before},
                                   {"undefined_after", c.undefined_after},
                                   {"note", Text(c.note)}});
  }
  out["requirements"] = Requirements(d.requirements);
  return out;
}

json ToJson(const LevelNews& n) {
  json out = {{"level", Ref(n.level)},
              {"previous", n.previous ? Ref(*n.previous) : json(nullptr)},
              {"competencies", json::array()}};
  for (const MarkedCompetency& c : n.competencies) {
    json behaviours = json::array();
    for (const MarkedBehaviour& b : c.behaviours)
      behaviours.push_back({{"text", b.text},
                            {"mark", MarkName(b.mark)},
                            {"from_level", b.from_level},
                            {"previous", b.previous},
                            {"words", ToJson(b.words)}});
    out["competencies"].push_back({{"competency", c.competency},
                                   {"undefined", c.undefined},
                                   {"note", c.note},
                                   {"behaviours", behaviours},
                                   {"dropped", c.dropped}});
  }
  return out;
}

json ToJson(const FrameworkDiff& d) {
  json out = {{"from_version", d.from_version},   {"to_version", d.to_version},
              {"changed", d.Changed()},           {"fields", json::array()},
              {"competencies", json::array()},    {"levels", json::array()},
              {"policy", Requirements(d.policy)}, {"items", json::array()},
              {"translations", json::array()}};
  for (const auto& [name, change] : d.fields) {
    json f = Text(change);
    f["field"] = name;
    out["fields"].push_back(f);
  }
  for (const CompetencyChange& c : d.competencies)
    out["competencies"].push_back({{"kind", ChangeKindName(c.kind)},
                                   {"before_id", c.before_id},
                                   {"after_id", c.after_id},
                                   {"name", Text(c.name)},
                                   {"description", Text(c.description)}});
  for (const LevelChange& l : d.levels)
    out["levels"].push_back(
        {{"kind", ChangeKindName(l.kind)},
         {"track", l.track},
         {"code", l.code},
         {"diff", l.kind == ChangeKind::kChanged ? ToJson(l.diff) : json(nullptr)}});
  for (const ItemChange& i : d.items)
    out["items"].push_back({{"section", i.section},
                            {"id", i.id},
                            {"kind", ChangeKindName(i.kind)},
                            {"fields", i.fields},
                            {"requirements", Requirements(i.requirements)}});
  for (const TranslationChange& t : d.translations)
    out["translations"].push_back({{"language", t.language},
                                   {"at", t.at},
                                   {"kind", ChangeKindName(t.kind)},
                                   {"text", Text(t.text)},
                                   {"source_before", t.source_before},
                                   {"source_after", t.source_after}});
  return out;
}

}  // namespace ladder::analysis
